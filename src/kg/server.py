"""The HTTP server of ``kg serve``: the SPARQL 1.1 Protocol at ``/sparql``, and a route table.

Routes (each HTML page has a JSON twin, chosen by the Accept header or ``?format=json``):

- ``/sparql``: queries by GET or POST, updates by POST (403 unless ``allow_update``, then with
  ``Authorization: Bearer <token>``); the service description on a GET without a query;
- ``/id/<key>``: the entity ``https://kg.example.org/id/<key>`` as a page, JSON, or its
  description (DESCRIBE) in Turtle, N-Triples or JSON-LD;
- ``/``: the query page; ``/api/queries``: the saved queries; ``/static/<file>``: its files.

The pages are made by :mod:`kg.web.pages` and every request first passes the checks of
:mod:`kg.web.security`, whose headers every answer carries. The standard library's threading
server answers each connection in a thread; store work runs in :mod:`kg.web.runner` under a
deadline and a memory ceiling (a light query, whose work its own small LIMIT bounds, in the
connection's thread), and the rules of the protocol are in :mod:`kg.web.sparql`.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import parse_qs

from kg.api import check_base_iri
from kg.errors import InputError, KgError, RequestError
from kg.processes import become_child_of
from kg.storelock import StoreLock, hold_for_serving, hold_for_writing
from kg.stores import MEMORY, open_store, store_location
from kg.web import pages
from kg.web.layout import ENTITY_ROUTE, error_page
from kg.web.negotiation import choose
from kg.web.pages import Page
from kg.web.runner import (
    ProcessRunner,
    Runner,
    ThreadRunner,
    WriterRunner,
    default_memory_limit,
)
from kg.web.security import (
    DRAIN_LIMIT,
    SECURITY_HEADERS,
    body_length,
    check_host,
    check_token,
    usable_host,
)
from kg.web.sparql import (
    Answer,
    answer_light,
    answer_query,
    check_no_way_out,
    dataset_graphs,
    describe_service,
    is_light,
    negotiate,
    query_form,
    run_update,
)

Log = Callable[[str], None]


@dataclass(frozen=True)
class ServeOptions:
    """How ``kg serve`` runs: where the store is, where to listen, and its limits."""

    store: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    timeout: float = 30.0
    """Seconds a query may run (and wait for a free worker) before it is answered 504."""
    max_rows: int = 10_000
    """At most this many solutions or triples in an answer; more is signalled in a header."""
    max_body: int = 1_048_576
    max_query_length: int = 100_000
    allow_update: bool = False
    token: str | None = None
    allow_service: bool = False
    workers: int = 2
    """Queries that run at once in each HTTP process (worker processes, or threads with
    ``allow_update``)."""
    max_memory: int | None = None
    """Megabytes of memory one query process may use before its query is stopped (503); ``None``
    for half of this machine's memory shared among the query processes, 0 for no limit."""
    processes: int = 1
    """HTTP processes answering on the one port (SO_REUSEPORT), each with ``workers`` query
    workers and a read-only handle of its own for light queries; more than one spreads the HTTP
    work over the CPUs (a read-only store on disk only)."""


_SMALLEST_MEMORY = 64
"""The lowest --max-memory (MB) that leaves a query process room to start and answer."""
class KgServer(ThreadingHTTPServer):
    """A threading HTTP server holding the options, the runner that does store work, and the
    access log."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, options: ServeOptions, log: Log, *, access_log: bool = True):
        self.options = options
        self.log = log
        self.access_log = access_log
        self.runner: Runner | None = None
        self.lock: StoreLock | None = None
        if ":" in options.host:
            self.address_family = socket.AF_INET6
        self.loopback = options.host in ("localhost", "::1") or options.host.startswith("127.")
        self.allow_reuse_port = options.processes > 1  # the other processes bind the same port
        super().__init__((options.host, options.port), _Handler)

    @property
    def url(self) -> str:
        """The address the server listens on, as a URL."""
        host, port = self.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A request that failed outside the routes: one log line, or none when the client
        just went away."""
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return
        self.log(f"{client_address[0]} - internal error: {type(error).__name__}: {error}")
        self.log("".join(traceback.format_exc()).rstrip())

    def close(self) -> None:
        """Stop listening and stop the workers."""
        self.server_close()
        if self.runner is not None:
            self.runner.close()
        if self.lock is not None:
            self.lock.release()


def _quiet(line: str) -> None:
    """The default access log: none."""


def make_server(options: ServeOptions, *, log: Log = _quiet, access_log: bool = True) -> KgServer:
    """A server listening as ``options`` say, its workers started; call ``serve_forever()``
    (in a thread if you like) and ``close()`` when done. ``log`` is given a line per request
    (unless ``access_log`` is false) and per internal error."""
    if options.max_memory is not None and 0 < options.max_memory < _SMALLEST_MEMORY:
        raise InputError(f"--max-memory {options.max_memory}: a query process needs about 50 MB "
                         f"before its first query; give at least {_SMALLEST_MEMORY} (MB), or 0 "
                         "for no limit")
    if options.allow_update and not options.token:
        raise InputError("--allow-update needs --token TOKEN: updates are only taken from "
                         "requests that carry 'Authorization: Bearer TOKEN'")
    location = store_location(options.store)
    if options.processes > 1:
        _check_processes(options, location)
    try:
        server = KgServer(options, log, access_log=access_log)
    except OSError as error:
        raise InputError(
            f"cannot listen on {options.host}:{options.port}: {error.strerror or error} "
            "(is another server using that port? pass --port)"
        ) from error
    try:
        if location == MEMORY:  # the store lives in this process: threads share it
            server.runner = ThreadRunner(open_store(location, read_only=not options.allow_update),
                                         options.workers)
        else:
            with open_store(location, read_only=True) as opened:  # a missing store fails here
                check_base_iri(opened)  # pages and queries use the base the store was built with
            if Path(location).is_dir():  # nobody else may write the store while it is served
                hold = hold_for_writing if options.allow_update else hold_for_serving
                server.lock = hold(Path(location), location,
                                   f"kg serve (pid {os.getpid()}) at {server.url}")
            memory = _memory_limit(options)
            if options.allow_update:
                server.runner = WriterRunner(location, options.workers, memory, server.lock,
                                             log=log)
            else:
                # Light queries are answered on a handle of this process's own; not for a remote
                # store, which this thread would wait for without a deadline.
                here = open_store(location, read_only=True) if Path(location).is_dir() else None
                server.runner = ProcessRunner(location, options.workers, memory, here, log=log)
    except BaseException:
        server.close()
        raise
    return server


def _check_processes(options: ServeOptions, location: str) -> None:
    if options.allow_update:
        raise InputError("--processes: with --allow-update one process holds the store for "
                         "writing; leave --processes at 1 (or serve read-only)")
    if not hasattr(socket, "SO_REUSEPORT"):
        raise InputError("--processes: this system cannot share a port between processes "
                         "(no SO_REUSEPORT); leave --processes at 1")
    if not Path(location).is_dir():
        raise InputError(f"--processes: '{location}' is not a store directory; more than one "
                         "process serves only a store on disk")


def _memory_limit(options: ServeOptions) -> int | None:
    """The most memory, in bytes, one query process may take (``None``: no limit)."""
    if options.max_memory is None:
        return default_memory_limit(1 if options.allow_update
                                    else options.workers * options.processes)
    return options.max_memory * 2**20 if options.max_memory else None


def serve(options: ServeOptions, *, log: Log = _quiet, access_log: bool = True,
          ready: Callable[[str], None] = _quiet) -> None:
    """Serve until interrupted; ``ready`` is told the server's URL once it listens. With
    ``options.processes`` above 1, the other HTTP processes are started once this one listens,
    on its port, and stopped with it."""
    server = make_server(options, log=log, access_log=access_log)
    others: list[subprocess.Popen[bytes]] = []
    try:
        port = int(server.server_address[1])
        others = [_start_process(options, port, access_log) for _ in range(options.processes - 1)]
        ready(server.url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        for process in others:
            process.terminate()
        for process in others:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        server.close()


def _start_process(options: ServeOptions, port: int, access_log: bool) -> subprocess.Popen[bytes]:
    """Another HTTP process on ``port``: ``python -m kg.server PARENT``, told its options (as
    JSON on stdin, so no token shows in ``ps``)."""
    process = subprocess.Popen([sys.executable, "-m", "kg.server", str(os.getpid())],
                               stdin=subprocess.PIPE)
    assert process.stdin is not None
    settings = {**dataclasses.asdict(options), "port": port, "access_log": access_log}
    process.stdin.write(json.dumps(settings).encode("utf-8"))
    process.stdin.close()
    return process


def _process_main(parent: int) -> None:
    """One of the other HTTP processes of ``kg serve --processes N``: serve on the parent's
    port until the parent stops it (SIGTERM) or dies; errors go to stderr as one line."""
    become_child_of(parent)  # Ctrl-C is the parent's: it stops this process with SIGTERM
    signal.signal(signal.SIGTERM, _interrupt)
    settings = json.loads(sys.stdin.read())
    access_log = settings.pop("access_log")

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        server = make_server(ServeOptions(**settings), log=log, access_log=access_log)
    except KgError as error:
        log(f"kg serve: another HTTP process could not start: {error}")
        sys.exit(2)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _interrupt(_signal: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt


def _limits(options: ServeOptions) -> str:
    update = "accepts updates with a bearer token" if options.allow_update else "read-only"
    service = "SERVICE and LOAD allowed" if options.allow_service else "no SERVICE, no LOAD"
    return (f"kg serve: {update}; {service}; queries stop after {options.timeout:g} s; "
            f"at most {options.max_rows} rows per answer")


def _limits_json(options: ServeOptions) -> dict[str, Any]:
    return {"timeout": options.timeout, "max_rows": options.max_rows,
            "update": options.allow_update, "service": options.allow_service}


class _Handler(BaseHTTPRequestHandler):
    server: KgServer
    protocol_version = "HTTP/1.1"
    server_version = "kg"
    timeout = 60  # seconds a connection may stay silent (slow or idle clients)
    # An answer leaves in one write, its headers and body together, and nothing waits for the
    # client's acknowledgement: written apart on a kept-alive connection, the body waited for
    # the client's delayed ACK (Nagle's algorithm), some 40 ms an answer.
    wbufsize = -1
    disable_nagle_algorithm = True

    def version_string(self) -> str:
        return self.server_version

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The Date header's value; the current one is written once a second, not per answer."""
        if timestamp is not None:
            return super().date_time_string(timestamp)
        second = int(time.time())
        written = _Handler._date
        if written[0] != second:
            written = _Handler._date = (second, super().date_time_string(second))
        return written[1]

    _date: tuple[int, str] = (0, "")
    """The second of the last Date header written, and its text (shared by all connections)."""

    # --- Dispatch ---------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _not_allowed(self) -> None:
        self.close_connection = True
        self._error(RequestError(405, f"{self.command} is not allowed here",
                                 (("Allow", "GET, HEAD, POST"),)))

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _not_allowed

    def _dispatch(self) -> None:
        path, _, query_string = self.path.partition("?")
        try:
            try:
                check_host(self.headers.get_all("Host") or [], loopback=self.server.loopback)
            except RequestError:
                self.close_connection = True
                raise
            if path == "/sparql":
                self._sparql(query_string)
                return
            if self.command == "POST":
                raise RequestError(405, "POST is only for /sparql", (("Allow", "GET, HEAD"),))
            route = _PAGES.get(path) or next(
                (page for prefix, page in _PAGES_UNDER if path.startswith(prefix)), None)
            if route is None:
                raise RequestError(404, f"nothing at {path}")
            self._page(route(self, path, query_string))
        except RequestError as error:
            self._error(error)
        except KgError as error:
            self._error(RequestError(500, str(error)))
        except (ConnectionError, TimeoutError):
            raise  # the client went away: nobody to answer
        except Exception as error:  # a bug: answer 500, and log the traceback
            self.server.log(f"{self.address_string()} - internal error on {self.path!r}:\n"
                            + traceback.format_exc().rstrip())
            self._error(RequestError(500, f"internal error: {type(error).__name__}"))

    # --- SPARQL -----------------------------------------------------------------------------

    def _sparql(self, query_string: str) -> None:
        options = self.server.options
        params = _parameters(query_string)
        if self.command == "POST":
            media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            body = self._read_body()
            text = _utf8(body)
            if media == "application/x-www-form-urlencoded":
                for name, values in _parameters(text).items():
                    params.setdefault(name, []).extend(values)
            elif media == "application/sparql-query":
                params.setdefault("query", []).append(text)
            elif media == "application/sparql-update":
                params.setdefault("update", []).append(text)
            else:
                raise RequestError(415, (
                    f"cannot read a body of type '{media or 'none'}': send "
                    "application/x-www-form-urlencoded, application/sparql-query or "
                    "application/sparql-update"))
        queries, updates = params.get("query", []), params.get("update", [])
        if len(queries) + len(updates) > 1:
            raise RequestError(400, "give exactly one query or one update")
        if updates:
            self._update(updates[0])
            return
        if not queries:
            if self.command == "POST" or set(params) - {"format", "output", "results"}:
                raise RequestError(400, "no query: pass query=... (GET /sparql alone gives "
                                        "the service description)")
            self._service_description(params.get("format", []))
            return
        sparql = queries[0]
        if len(sparql) > options.max_query_length:
            raise RequestError(413, f"the query is {len(sparql):,} characters long; this "
                                    f"server takes at most {options.max_query_length:,}")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            raise RequestError(400, "default-graph-uri and named-graph-uri are not supported: "
                                    "name graphs with FROM / FROM NAMED in the query")
        light = is_light(sparql, options.max_rows)
        form = "select" if light else query_form(sparql)
        answer_format = negotiate(self.headers.get("Accept"), params.get("format", []),
                                  graph=form in ("construct", "describe"))
        if not options.allow_service:
            check_no_way_out(sparql)
        if light:
            runner = self.server.runner
            assert runner is not None, "the server has no runner: use make_server()"
            answer = runner.call_here(answer_light, sparql, answer_format.name,
                                      timeout=options.timeout)
        else:
            answer = self._run(answer_query, sparql, answer_format.name, options.max_rows,
                               dataset_graphs(sparql))
        self._answer(answer)

    def _update(self, sparql: str) -> None:
        options = self.server.options
        if self.command != "POST":
            raise RequestError(405, "updates must be sent with POST", (("Allow", "POST"),))
        if not options.allow_update or not options.token:
            raise RequestError(403, "this endpoint is read-only: updates are refused "
                                    "(kg serve --allow-update --token T accepts them)")
        check_token(self.headers.get("Authorization"), options.token)
        if len(sparql) > options.max_query_length:
            raise RequestError(413, f"the update is {len(sparql):,} characters long; this "
                                    f"server takes at most {options.max_query_length:,}")
        if not options.allow_service:
            check_no_way_out(sparql, update=True)
        self._run(run_update, sparql, writes=True)
        self._send(200, b"update done\n", "text/plain; charset=utf-8")

    def _service_description(self, format_names: list[str]) -> None:
        options = self.server.options
        answer_format = negotiate(self.headers.get("Accept"), format_names, graph=True)
        host = usable_host(self.headers.get("Host")) or self.server.url.split("/")[2]
        answer = self._run(describe_service, f"http://{host}/sparql", _limits(options),
                           options.allow_update, answer_format.name)
        self._answer(answer)

    def _run(self, job: Callable[..., Any], *args: Any, writes: bool = False) -> Any:
        runner = self.server.runner
        assert runner is not None, "the server has no runner: use make_server()"
        return runner.call(job, *args, timeout=self.server.options.timeout, writes=writes)

    def _answer(self, answer: Answer) -> None:
        headers = [("Vary", "Accept"), ("KG-Row-Limit", str(self.server.options.max_rows))]
        if answer.rows is not None:
            headers.append(("KG-Rows", str(answer.rows)))
        if answer.truncated:
            headers.append(("KG-Truncated", "true"))
        self._send(200, answer.body, answer.content_type, headers)

    def _read_body(self) -> bytes:
        try:
            length = body_length(self.headers.get("Transfer-Encoding"),
                                 self.headers.get("Content-Length"))
        except RequestError:
            self.close_connection = True
            raise
        limit = self.server.options.max_body
        if length > limit:
            self.close_connection = True
            if length <= DRAIN_LIMIT:
                remaining = length
                while remaining > 0:
                    chunk = self.rfile.read(min(remaining, 65536))
                    if not chunk:
                        break
                    remaining -= len(chunk)
            raise RequestError(413, f"the request body is {length:,} bytes; this server "
                                    f"takes at most {limit:,}")
        return self.rfile.read(length)

    # --- Pages ------------------------------------------------------------------------------

    def _index(self, path: str, query_string: str) -> Page:
        return pages.index(self.headers.get("Accept"), _limits_json(self.server.options))

    def _queries(self, path: str, query_string: str) -> Page:
        return pages.json_page(pages.saved_queries(_limits_json(self.server.options)))

    def _static(self, path: str, query_string: str) -> Page:
        return pages.static(path[len("/static/"):])

    def _entity(self, path: str, query_string: str) -> Page:
        return pages.entity(path, _parameters(query_string).get("format", []),
                            self.headers.get("Accept"), self._run, self.server.options.max_rows)

    # --- Responses --------------------------------------------------------------------------

    def _page(self, page: Page) -> None:
        self._send(200, page.body, page.content_type, page.headers)

    def _send(self, status: int, body: bytes, content_type: str,
              headers: Sequence[tuple[str, str]] = ()) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        names = {name.lower() for name, _ in headers}
        if "cache-control" not in names:
            self.send_header("Cache-Control", "no-store")
        for name, value in (*SECURITY_HEADERS, *headers):
            self.send_header(name, value)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if getattr(self, "command", None) != "HEAD":
            self.wfile.write(body)

    def _error(self, error: RequestError) -> None:
        message = str(error)
        path = getattr(self, "path", "") or ""
        chosen = "text/plain"
        if not path.startswith("/sparql"):
            chosen = choose(self.headers.get("Accept") if hasattr(self, "headers") else None,
                            ["text/plain", "text/html", "application/json"]) or "text/plain"
        reason = self.responses.get(error.status, ("Error",))[0]
        if chosen == "text/html":
            body = error_page(error.status, reason, message).encode("utf-8")
        elif chosen == "application/json":
            body = json.dumps({"status": error.status, "error": message}).encode("utf-8")
        else:
            body = (message + "\n").encode("utf-8")
        self._send(error.status, body, chosen + "; charset=utf-8", error.headers)

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """Errors found by the standard library (a malformed request, an unknown method)."""
        self.close_connection = True
        text = message or self.responses.get(code, ("error",))[0]
        self._send(code, (text + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.access_log:
            return
        line = f"{self.address_string()} - {format % args}"
        self.server.log(line.encode("unicode_escape").decode("ascii"))


_PAGES: dict[str, Callable[[_Handler, str, str], Page]] = {
    "/": _Handler._index,
    "/api/queries": _Handler._queries,
}
"""The pages at one path (besides ``/sparql``, the protocol's endpoint)."""
_PAGES_UNDER: tuple[tuple[str, Callable[[_Handler, str, str], Page]], ...] = (
    ("/static/", _Handler._static),
    (ENTITY_ROUTE, _Handler._entity),
)
"""The pages under a path prefix."""


def _parameters(text: str) -> dict[str, list[str]]:
    """The name=value pairs of a query string or form, at most 64 of them."""
    try:
        return parse_qs(text, keep_blank_values=True, max_num_fields=64)
    except ValueError as error:
        raise RequestError(400, f"cannot read the parameters: {error}") from None


def _utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise RequestError(400, f"the request body is not UTF-8 ({error.reason} at byte "
                                f"{error.start})") from None


if __name__ == "__main__":
    _process_main(int(sys.argv[1]))
