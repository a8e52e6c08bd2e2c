"""Run store work for the server under a deadline, so a slow query never stalls the others.

Work is a *job*: a module-level function ``job(store, deadline, *args)`` whose result can be
pickled. Two runners give the same :meth:`call`:

- :class:`ProcessRunner` (the default, for a read-only store on disk or remote): a few worker
  processes, each with the store open read-only. A job past its deadline is answered 504 and
  its worker is **killed**, so the abandoned work really stops; a fresh worker takes its place
  (in the background, so the next request does not wait for it). pyoxigraph cannot interrupt a
  query, and a thread cannot be killed: a process can.
- :class:`ThreadRunner` (for ``--allow-update`` and ``:memory:``, where the store lives in the
  server process and a second process may not open it): each job runs in a thread. A job past
  its deadline is answered 504 and its thread is **abandoned**: it stops at its next row if the
  query streams rows, otherwise it runs to the end and its result is dropped (an update still
  commits). Until then it holds one of the slots; when every slot is held, requests get 503.

Either way other requests go on being served: pyoxigraph releases the GIL while it evaluates.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from kg.errors import KgError, QueryError
from kg.store import Store, open_store
from kg.web import RequestError

Job = Callable[..., Any]

_STARTUP_SECONDS = 60.0


def _busy() -> RequestError:
    return RequestError(
        503, "the server is busy: every worker is running a query; try again shortly",
        (("Retry-After", "2"),),
    )


def _timed_out(timeout: float) -> RequestError:
    return RequestError(
        504, f"the query took longer than the {timeout:g} s this server allows and was stopped"
    )


def _outcome(job: Job, store: Store, deadline: float, args: tuple[Any, ...]) -> tuple[str, Any]:
    """Run a job; ("ok", result) or ("error", RequestError) — the same in a thread or process."""
    try:
        return "ok", job(store, deadline, *args)
    except RequestError as error:
        return "error", error
    except QueryError as error:
        return "error", RequestError(400, str(error))
    except KgError as error:
        return "error", RequestError(500, str(error))
    except Exception as error:  # a bug: say so in the answer, and show the traceback in the log
        traceback.print_exc(file=sys.stderr)
        return "error", RequestError(500, f"internal error: {type(error).__name__}: {error}")


class ThreadRunner:
    """Runs jobs in threads of this process on one open store, at most ``slots`` at once."""

    def __init__(self, store: Store, slots: int):
        self.store = store
        self._slots = threading.BoundedSemaphore(slots)

    def call(self, job: Job, *args: Any, timeout: float) -> Any:
        """``job(store, deadline, *args)``; 504 past ``timeout`` seconds, 503 when busy."""
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=timeout):
            raise _busy()
        done = threading.Event()
        box: list[tuple[str, Any]] = []

        def work() -> None:
            try:
                box.append(_outcome(job, self.store, deadline, args))
            finally:
                self._slots.release()
                done.set()

        threading.Thread(target=work, name=f"kg-job-{job.__name__}", daemon=True).start()
        if not done.wait(max(0.0, deadline - time.monotonic())):
            raise _timed_out(timeout)
        status, value = box[0]
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        """Release the store (abandoned threads keep their own reference until they end)."""
        self.store.close()


def _worker_main(location: str) -> None:
    """A worker process (``python -m kg.web.runner LOCATION``): open the store read-only, say
    so, then run the jobs read from stdin, writing each outcome to stdout, until stdin ends.

    Messages are pickles, one per job each way, on pipes only the parent holds. Anything a
    library prints goes to stderr, so stdout carries nothing but answers.
    """
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    requests = sys.stdin.buffer
    try:
        store = open_store(location, read_only=True)
    except KgError as error:
        pickle.dump(("error", str(error)), answers)
        answers.flush()
        return
    pickle.dump(("ready", None), answers)
    answers.flush()
    while True:
        try:
            job, seconds, args = pickle.load(requests)
        except (EOFError, OSError):
            return
        pickle.dump(_outcome(job, store, time.monotonic() + seconds, args), answers)
        answers.flush()


class _Worker:
    """A worker process, and a thread that reads its answers into a queue (so waiting for
    one can time out without select(), which Windows lacks for pipes)."""

    def __init__(self, process: subprocess.Popen[bytes]):
        self.process = process
        self.answers: queue.Queue[tuple[str, Any]] = queue.Queue()
        threading.Thread(target=self._read, name="kg-worker-reader", daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while True:
            try:
                answer = pickle.load(self.process.stdout)
            except Exception:  # the worker ended (EOF) or was killed mid-answer
                self.answers.put(("gone", None))
                return
            self.answers.put(answer)

    def send(self, message: tuple[Any, ...]) -> None:
        assert self.process.stdin is not None
        pickle.dump(message, self.process.stdin)
        self.process.stdin.flush()

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(5)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


class ProcessRunner:
    """Runs jobs in ``size`` worker processes, each with the store at ``location`` open
    read-only; a job past its deadline gets its worker killed and replaced."""

    def __init__(self, location: str, size: int):
        self.location = location
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        try:
            for _ in range(size):
                self._idle.put(self._start())
        except BaseException:
            self.close()
            raise

    def _start(self) -> _Worker:
        # A fresh interpreter, not multiprocessing: forking a process that runs server threads
        # could copy a held lock, and "spawn" would re-import the caller's main script.
        process = subprocess.Popen(
            [sys.executable, "-m", "kg.web.runner", self.location],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        worker = _Worker(process)
        with self._lock:
            self._all.add(worker)
        try:
            status, message = worker.answers.get(timeout=_STARTUP_SECONDS)
        except queue.Empty:
            status, message = "error", f"no answer in {_STARTUP_SECONDS:g} s"
        if status != "ready":
            self._discard(worker)
            raise KgError(f"a query worker could not open the store at '{self.location}': "
                          f"{message or 'it stopped'}")
        return worker

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        self._discard(worker)

        def start() -> None:
            if self._closed:
                return
            try:
                fresh = self._start()
            except KgError as error:
                print(f"kg serve: cannot restart a query worker: {error}", file=sys.stderr)
                return
            if self._closed:  # closed while the worker started
                self._discard(fresh)
            else:
                self._idle.put(fresh)

        threading.Thread(target=start, name="kg-worker-restart", daemon=True).start()

    def call(self, job: Job, *args: Any, timeout: float) -> Any:
        """``job(store, deadline, *args)`` in a worker; 504 past ``timeout`` s, 503 when busy."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise _busy() from None
        try:
            worker.send((job, max(0.0, deadline - time.monotonic()), args))
            status, value = worker.answers.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            self._replace(worker)
            raise _timed_out(timeout) from None
        except OSError as error:  # the worker's stdin is closed: it is gone
            status, value = "gone", error
        if status == "gone":
            self._replace(worker)
            raise RequestError(500, "a query worker stopped unexpectedly; it is being replaced")
        self._idle.put(worker)
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        """Stop every worker, busy or idle."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()


if __name__ == "__main__":
    _worker_main(sys.argv[1])
