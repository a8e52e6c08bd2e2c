"""Run store work for the server under a deadline and a memory ceiling, so that a runaway
query never stalls or starves the others.

Work is a *job*: a module-level function ``job(store, deadline, *args)`` whose result can be
pickled. Three runners give the same :meth:`Runner.call`:

- :class:`ProcessRunner` (the default, for a read-only store on disk or remote): a few worker
  processes, each with the store open read-only, one job at a time. A job past its deadline is
  answered 504, a job whose worker grows past the memory ceiling 503, and either way its worker
  is **killed**, so the abandoned work really stops; a fresh worker takes its place (in the
  background, so the next request does not wait for it). pyoxigraph cannot interrupt a query,
  and a thread cannot be killed: a process can.
- :class:`WriterRunner` (for ``--allow-update``): one worker process holds the store open for
  writing (no other process may) and runs up to ``slots`` jobs at once in its threads. A query
  past its deadline is answered 504 and left to finish; once every slot is held by such
  abandoned work, or the process grows past the memory ceiling, or it crashes, it is killed and
  a fresh one opens the store. An update past its deadline is stopped at once the same way, so
  that a 504 means it was not applied. Committed updates survive: each is one transaction.
- :class:`ThreadRunner` (for ``:memory:``, where the store lives in the server process and
  would die with a worker): each job runs in a thread. A job past its deadline is answered 504
  and its thread is **abandoned**: it stops at its next row if the query streams rows,
  otherwise it runs to the end and its result is dropped (an update still commits). Until then
  it holds one of the slots; when every slot is held, requests get 503. No memory ceiling.

A job whose work is bounded by construction (a query :func:`kg.web.sparql.is_light` accepts)
may instead be given to :meth:`call_here`: the :class:`ProcessRunner` answers it on a read-only
handle of its own in the calling thread, which spares it two process hops and two thread
hand-offs; the other runners run it as any job.

Either way other requests go on being served: pyoxigraph releases the GIL while it evaluates.
The memory of a worker is its resident set, read from ``/proc`` (Linux; elsewhere there is
no ceiling). The worker processes, their messages and their loop are :mod:`kg.workers`'s,
which :meth:`kg.KnowledgeGraph.query` forks its own workers with.
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
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from kg.errors import KgError, QueryError, RequestError, StoreError
from kg.storelock import INHERITED_LOCK_VARIABLE, StoreLock
from kg.stores import Store, open_store
from kg.workers import Job, Work, Worker, serve_jobs

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


def _over_memory(limit: int) -> RequestError:
    return RequestError(
        503, f"the query needed more than the {limit // 2**20:,} MB of memory this server allows "
             "a query process (--max-memory) and was stopped; simplify it or add a LIMIT",
        (("Retry-After", "2"),),
    )


def default_memory_limit(processes: int) -> int | None:
    """Half of this machine's memory shared among ``processes`` query processes, in bytes
    (``None`` where the size of the memory is unknown)."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return None
    return total // 2 // max(1, processes)


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
    except ConnectionError as error:  # only a SERVICE call reaches out: its endpoint failed
        return "error", RequestError(502, "a SERVICE endpoint refused or dropped the connection "
                                          f"({type(error).__name__}: {error})")
    except Exception as error:  # a bug: say so in the answer, and show the traceback in the log
        traceback.print_exc(file=sys.stderr)
        return "error", RequestError(500, f"internal error: {type(error).__name__}: {error}")


def _value(status: str, value: Any) -> Any:
    """What a job returned, from its outcome (``status``, ``value``); its error raised."""
    if status == "error":
        raise value
    return value


def _to_stderr(line: str) -> None:
    """Where a runner says what went wrong in the background, unless given a log."""
    sys.stderr.write(line + "\n")


class Runner(ABC):
    """What the server asks of every runner: run a job under a deadline, and stop."""

    @abstractmethod
    def call(self, job: Job, *args: Any, timeout: float, writes: bool = False) -> Any:
        """``job(store, deadline, *args)``; 504 past ``timeout`` seconds, 503 when busy;
        ``writes``: the job updates the store."""

    def call_here(self, job: Job, *args: Any, timeout: float) -> Any:
        """A job whose work is bounded by construction: by default the same as :meth:`call`."""
        return self.call(job, *args, timeout=timeout)

    @abstractmethod
    def close(self) -> None:
        """Stop running jobs and release the store."""


class ThreadRunner(Runner):
    """Runs jobs in threads of this process on one open store, at most ``slots`` at once."""

    def __init__(self, store: Store, slots: int):
        self.store = store
        self._slots = threading.BoundedSemaphore(slots)

    def call(self, job: Job, *args: Any, timeout: float, writes: bool = False) -> Any:
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
        return _value(*box[0])

    def close(self) -> None:
        """Release the store (abandoned threads keep their own reference until they end)."""
        self.store.close()


def _worker_main(location: str, writable: bool) -> None:
    """A worker process (``python -m kg.web.runner LOCATION [--writable]``): open the store
    (read-only, or for writing), say so, then run the jobs read from stdin, writing each
    outcome to stdout, until stdin ends (:func:`kg.workers.serve_jobs`). A writable worker runs
    each job in a thread of its own.

    Anything a library prints goes to stderr, so stdout carries nothing but answers.
    """
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    try:
        store = open_store(location, read_only=not writable)
    except KgError as error:
        pickle.dump((0, ("error", str(error))), answers)
        answers.flush()
        return
    pickle.dump((0, ("ready", None)), answers)
    answers.flush()
    serve_jobs(store, sys.stdin.buffer, answers, _outcome, threaded=writable)
    store.close()


def _start_worker(location: str, *, writable: bool = False,
                  lock: StoreLock | None = None) -> Worker:
    """A worker process with the store open, ready for jobs, or a :class:`StoreError` saying why
    it could not open the store. ``lock`` is the store's lock, held by this process for it."""
    # A fresh interpreter, not multiprocessing: forking a process that runs server threads
    # could copy a held lock, and "spawn" would re-import the caller's main script.
    environment = dict(os.environ)
    if lock is not None:
        environment[INHERITED_LOCK_VARIABLE] = str(lock.descriptor)
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.web.runner", location, *(["--writable"] if writable else [])],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=environment,
        pass_fds=(lock.descriptor,) if lock is not None else (),
    )
    worker = Worker(process)
    try:
        status, message = worker.startup.get(timeout=_STARTUP_SECONDS)
    except queue.Empty:
        status, message = "error", f"no answer in {_STARTUP_SECONDS:g} s"
    if status != "ready":
        worker.stop()
        raise StoreError(f"a query worker could not open the store at '{location}': "
                      f"{message or 'it stopped'}")
    return worker


class WorkerRunner(Runner):
    """A runner whose jobs run in worker processes with the store at ``location`` open, each
    killed and replaced past ``memory_limit`` bytes; ``log`` hears what goes wrong in the
    background."""

    def __init__(self, location: str, memory_limit: int | None, log: Callable[[str], None]):
        self.location = location
        self.memory_limit = memory_limit
        self._log = log
        self._closed = False

    @staticmethod
    def _in_background(start: Callable[[], None]) -> None:
        """Start a fresh worker in a thread of its own, so that no request waits for it."""
        threading.Thread(target=start, name="kg-worker-restart", daemon=True).start()


class ProcessRunner(WorkerRunner):
    """Runs jobs in ``size`` worker processes, each with the store at ``location`` open
    read-only; a job past its deadline, or whose worker grows past ``memory_limit`` bytes, gets
    its worker killed and replaced."""

    def __init__(self, location: str, size: int, memory_limit: int | None = None,
                 here: Store | None = None, log: Callable[[str], None] = _to_stderr):
        super().__init__(location, memory_limit, log)
        self._here = here
        """A read-only handle on the same store, for :meth:`call_here` (closed with the runner)."""
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: set[Worker] = set()
        self._lock = threading.Lock()
        try:
            for _ in range(size):
                self._idle.put(self._start())
        except BaseException:
            self.close()
            raise

    def _start(self) -> Worker:
        worker = _start_worker(self.location)
        with self._lock:
            self._all.add(worker)
        return worker

    def _discard(self, worker: Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        self._discard(worker)

        def start() -> None:
            if self._closed:
                return
            try:
                fresh = self._start()
            except KgError as error:
                self._log(f"kg serve: cannot restart a query worker: {error}")
                return
            if self._closed:  # closed while the worker started
                self._discard(fresh)
            else:
                self._idle.put(fresh)

        self._in_background(start)

    def call(self, job: Job, *args: Any, timeout: float, writes: bool = False) -> Any:
        """``job(store, deadline, *args)`` in a worker; 504 past ``timeout`` s, 503 when busy
        or over the memory ceiling."""
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise _busy() from None
        # The worker is handed back by its reader thread as soon as the answer is in, not when
        # this thread next gets to run: under load that wait would leave the worker idle.
        work = worker.submit(job, max(0.0, deadline - time.monotonic()), args,
                             lambda work: self._finished(worker, work))
        status, value = worker.wait(work, deadline, self.memory_limit)
        if status in ("late", "memory"):
            with work.claim:
                if not work.finished:
                    work.abandoned = True
            if work.finished:  # the answer came in just now, and the worker is back
                status, value = work.outcome.get()
            else:
                self._replace(worker)
                if status == "late":
                    raise _timed_out(timeout)
                assert self.memory_limit
                raise _over_memory(self.memory_limit)
        if status == "gone":
            raise RequestError(500, "a query worker stopped unexpectedly; it is being replaced")
        return _value(status, value)

    def _finished(self, worker: Worker, work: Work) -> None:
        """Hand ``worker`` back once it has answered ``work`` (in the worker's reader thread)."""
        with work.claim:
            if work.abandoned:
                return  # the caller gave up on it and replaces the worker
            work.finished = True
        if work.status == "gone" or (self.memory_limit and worker.memory() > self.memory_limit):
            self._replace(worker)  # it kept what the job took: the next job must not pay for it
        else:
            self._idle.put(worker)

    def call_here(self, job: Job, *args: Any, timeout: float) -> Any:
        """``job(store, deadline, *args)`` in this thread, on this process's own read-only
        handle, with neither a deadline nor a memory ceiling enforced: only for jobs whose work
        is bounded by construction. Without such a handle, the same as :meth:`call`."""
        if self._here is None:
            return self.call(job, *args, timeout=timeout)
        return _value(*_outcome(job, self._here, time.monotonic() + timeout, args))

    def close(self) -> None:
        """Stop every worker, busy or idle, and close this process's own handle."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
        if self._here is not None:
            self._here.close()


class WriterRunner(WorkerRunner):
    """Runs up to ``slots`` jobs at once in threads of one worker process that holds the store
    at ``location`` open for writing; the worker is killed and replaced when every slot is held
    by abandoned work, when it grows past ``memory_limit`` bytes, when an update runs late, or
    when it crashes. ``lock`` is the store's lock, held by the caller for as long as it serves."""

    def __init__(self, location: str, slots: int, memory_limit: int | None = None,
                 lock: StoreLock | None = None, log: Callable[[str], None] = _to_stderr):
        super().__init__(location, memory_limit, log)
        self._lock_file = lock
        self._slots = threading.BoundedSemaphore(slots)
        self._size = slots
        self._lock = threading.Condition()
        self._worker: Worker | None = _start_worker(location, writable=True, lock=lock)

    def _current(self, deadline: float) -> Worker:
        """The worker, waiting (until ``deadline``) while a fresh one starts."""
        with self._lock:
            while self._worker is None:
                if self._closed or not self._lock.wait(max(0.0, deadline - time.monotonic())):
                    raise _busy()
            return self._worker

    def _restart(self, worker: Worker, reason: str) -> None:
        """Kill ``worker`` (unless that was done already) and start another in the background."""
        with self._lock:
            if worker is not self._worker:
                return
            worker.killed_for = reason
            self._worker = None
        worker.stop()  # its store's locks go with it; the lock file stays held by this process

        def start() -> None:
            while not self._closed:
                try:
                    fresh = _start_worker(self.location, writable=True, lock=self._lock_file)
                except KgError as error:
                    self._log(f"kg serve: cannot restart the query worker: {error}")
                    time.sleep(1.0)
                    continue
                with self._lock:
                    if self._closed:
                        fresh.stop()
                    else:
                        self._worker = fresh
                        self._lock.notify_all()
                return

        self._in_background(start)

    def _done(self, worker: Worker, work: Work) -> None:
        with self._lock:
            work.finished = True
            if work.abandoned:
                worker.abandoned -= 1
        self._slots.release()

    def call(self, job: Job, *args: Any, timeout: float, writes: bool = False) -> Any:
        """``job(store, deadline, *args)`` in the worker; 504 past ``timeout`` s, 503 when busy
        or over the memory ceiling. ``writes`` says the job is an update."""
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=timeout):
            raise _busy()
        try:
            worker = self._current(deadline)
        except RequestError:
            self._slots.release()
            raise
        work = worker.submit(job, max(0.0, deadline - time.monotonic()), args,
                             lambda work: self._done(worker, work))
        status, value = worker.wait(work, deadline, self.memory_limit)
        if status == "late" and writes:
            self._restart(worker, "an update ran late")
            status, value = work.outcome.get(timeout=_STARTUP_SECONDS)  # "gone", unless it won
            if status == "gone":
                raise RequestError(504, f"the update took longer than the {timeout:g} s this "
                                        "server allows and was stopped; it is one transaction, "
                                        "so none of it was applied")
        elif status == "late":
            with self._lock:
                if not work.finished:
                    work.abandoned = True
                    worker.abandoned += 1
                stuck = worker.abandoned >= self._size
            if stuck:  # nobody else is waiting on this worker: end the abandoned work
                self._restart(worker, "every query in it ran late")
            raise _timed_out(timeout)
        elif status == "memory":
            self._restart(worker, "it went over its memory limit")
            assert self.memory_limit
            raise _over_memory(self.memory_limit)
        if status == "gone":
            if worker.killed_for is None:
                self._restart(worker, "it crashed")
                raise RequestError(500, "the query process stopped unexpectedly; it is being "
                                        "restarted (committed updates are kept)")
            raise RequestError(503, f"the query process was restarted ({worker.killed_for}) "
                                    "while this request ran; try again",
                               (("Retry-After", "2"),))
        if self.memory_limit and worker.memory() > self.memory_limit:
            self._restart(worker, "it kept more memory than its limit")
        return _value(status, value)

    def close(self) -> None:
        """Stop the worker (the lock file is the caller's to release)."""
        with self._lock:
            self._closed = True
            worker, self._worker = self._worker, None
            self._lock.notify_all()
        if worker is not None:
            worker.stop()


if __name__ == "__main__":
    _worker_main(sys.argv[1], writable="--writable" in sys.argv[2:])
