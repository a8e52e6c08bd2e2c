"""The ``kg serve`` command: its options and messages; the server itself is :mod:`kg.server`."""

from __future__ import annotations

import signal
import sys
from types import FrameType

import click

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _stop(_signal: int, _frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # serve() then stops its workers before the process ends


@click.command()
@click.option("--store", "store", envvar="KG_STORE", default=None, metavar="DIR|URL",
              help="Store directory (default .kg, or $KG_STORE).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default serves this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.option("--timeout", default=30.0, show_default=True, metavar="S",
              type=click.FloatRange(min=0.1), help="Seconds a query may run before a 504.")
@click.option("--max-rows", default=10_000, show_default=True, metavar="N",
              type=click.IntRange(min=1),
              help="Most solutions or triples per answer (more: header KG-Truncated).")
@click.option("--max-body", default=1_048_576, show_default=True, metavar="BYTES",
              type=click.IntRange(min=1), help="Largest request body (larger: 413).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64),
              help="Queries that run at once (in each of the --processes).")
@click.option("--processes", default=1, show_default=True, type=click.IntRange(1, 64),
              help="HTTP processes sharing the port, each with --workers query workers; more "
                   "than one spreads small queries over the CPUs (read-only, store on disk).")
@click.option("--max-memory", default=None, metavar="MB", type=click.IntRange(min=0),
              help="Memory one query process may use before its query is stopped with a 503 "
                   "(default: half of this machine's memory shared among the query processes; "
                   "0: no limit).")
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL updates from requests that carry the --token.")
@click.option("--token", envvar="KG_SERVE_TOKEN", default=None, metavar="T",
              help="Bearer token for updates (or $KG_SERVE_TOKEN, kept out of `ps`).")
@click.option("--allow-service", is_flag=True,
              help="Let queries call other servers (SERVICE) and updates fetch data (LOAD).")
@click.option("--quiet", is_flag=True, help="Log only errors on stderr, not every request.")
def serve(store: str | None, host: str, port: int, timeout: float, max_rows: int,
          max_body: int, workers: int, processes: int, max_memory: int | None, allow_update: bool,
          token: str | None, allow_service: bool, quiet: bool) -> None:
    """Serve the store over HTTP: a SPARQL endpoint, entity pages and a query page."""
    from kg import server  # imported here so that `kg --help` stays quick

    options = server.ServeOptions(
        store=store, host=host, port=port, timeout=timeout, max_rows=max_rows,
        max_body=max_body, workers=workers, processes=processes, max_memory=max_memory,
        allow_update=allow_update,
        token=token, allow_service=allow_service,
    )

    def log(line: str) -> None:
        click.echo(line, err=True)

    def ready(url: str) -> None:
        mode = "accepts updates with the token" if allow_update else "read-only"
        click.echo(f"kg serve: {url} ({mode}; SPARQL at {url}sparql; Ctrl-C stops)", err=True)
        if host not in _LOOPBACK:
            click.echo(f"kg serve: warning: listening on {host}: anyone who can reach this "
                       "machine can query the store", err=True)

    signal.signal(signal.SIGTERM, _stop)
    server.serve(options, log=log, access_log=not quiet, ready=ready)
    sys.stderr.flush()
