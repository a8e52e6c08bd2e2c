"""Worker processes that run jobs sent to them over pipes, each job awaited until a deadline and
its worker killed past it: the query workers of ``kg serve`` (:mod:`kg.web.runner`) and of
:meth:`kg.KnowledgeGraph.query` (:class:`ForkedWorkers`).

A *job* is a module-level function ``job(context, deadline, *args)`` whose arguments and result
can be pickled; the *context* is what the worker holds: a ``kg serve`` worker the store it
opened, a :class:`kg.KnowledgeGraph`'s worker its forked copy of the KnowledgeGraph. Messages
are pickles, ``(job id, job, seconds, args)`` in and ``(job id, outcome)`` out, on pipes only
the parent holds (job id 0 is a start-up message). pyoxigraph cannot interrupt a query and a
thread cannot be killed: a process can, so a job past its deadline ends with its worker.

A worker is started either as a fresh interpreter (:func:`kg.web.runner` does, for a server
whose threads make forking unsafe) or forked (:func:`fork_worker`: about 4 ms, and a forked
worker has every module its parent imported, and an in-memory store as it was at the fork).
"""

from __future__ import annotations

import itertools
import math
import os
import pickle
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from kg.errors import KgError
from kg.processes import become_child_of

Job = Callable[..., Any]
Outcome = tuple[str, Any]
"""``("ok", result)`` or ``("error", exception or message)``, as a worker sends it; the parent
also sees ``("gone", None)`` when the worker ended without an answer, and :meth:`Worker.wait`
``("late", None)`` past the deadline and ``("memory", None)`` over the memory ceiling."""
Run = Callable[[Job, Any, float, tuple[Any, ...]], Outcome]
"""How a worker runs a job and turns what it raised into an outcome: ``run(job, context,
deadline, args)``."""

_WATCH_SECONDS = 0.05
"""How often the memory and the life of a worker running a job are looked at."""
_DRAIN_SECONDS = 0.5
"""How long an answer a worker wrote before it ended may take to be read."""
IDLE_WORKERS = 4
"""Forked workers a :class:`ForkedWorkers` keeps idle between jobs; more are stopped."""


def kg_outcome(job: Job, context: Any, deadline: float, args: tuple[Any, ...]) -> Outcome:
    """Run a job: ``("ok", result)``, or ``("error", KgError)`` (kg's own one-line errors,
    raised again by the parent as they are), or ``("error", "Type: message")`` for any other."""
    try:
        return "ok", job(context, deadline, *args)
    except KgError as error:
        return "error", error
    except Exception as error:  # noqa: BLE001 - handed to the parent as a one-line error
        return "error", f"{type(error).__name__}: {error}"


def serve_jobs(context: Any, requests: IO[bytes], answers: IO[bytes], run: Run, *,
               threaded: bool = False) -> None:
    """The loop of a worker: run each job read from ``requests`` on ``context`` and write its
    outcome to ``answers``, until ``requests`` ends; with ``threaded``, each job in a thread of
    its own (several at once)."""
    speaking = threading.Lock()

    def answer(job_id: int, job: Job, seconds: float, args: tuple[Any, ...]) -> None:
        outcome = run(job, context, time.monotonic() + seconds, args)
        with speaking:
            try:
                data = pickle.dumps((job_id, outcome))
            except Exception as error:  # noqa: BLE001 - a result or error pickle cannot carry
                data = pickle.dumps((job_id, ("error", f"{type(error).__name__}: {error}")))
            answers.write(data)
            answers.flush()

    while True:
        try:
            message = pickle.load(requests)
        except (EOFError, OSError):
            break
        if threaded:
            threading.Thread(target=answer, args=message, daemon=True).start()
        else:
            answer(*message)


class Process(Protocol):
    """What :class:`Worker` uses of its process: a :class:`subprocess.Popen`, or a
    :class:`ForkedProcess`."""

    pid: int
    stdin: IO[bytes] | None
    stdout: IO[bytes] | None

    def poll(self) -> int | None: ...

    def kill(self) -> None: ...

    def wait(self, timeout: float | None = None) -> int: ...


class ForkedProcess:
    """A forked worker, driven as :class:`subprocess.Popen` would drive it: ``stdin`` and
    ``stdout`` are the pipes its jobs go in and its answers come out by."""

    def __init__(self, pid: int, stdin: IO[bytes], stdout: IO[bytes]):
        self.pid = pid
        self.stdin: IO[bytes] | None = stdin
        self.stdout: IO[bytes] | None = stdout
        self.returncode: int | None = None
        self._reaping = threading.Lock()

    def _reap(self, flags: int) -> int | None:
        with self._reaping:
            if self.returncode is None:
                try:
                    pid, status = os.waitpid(self.pid, flags)
                except ChildProcessError:  # reaped by someone else (os.wait() in the caller)
                    self.returncode = -int(signal.SIGKILL)
                else:
                    if pid:
                        self.returncode = os.waitstatus_to_exitcode(status)
            return self.returncode

    def poll(self) -> int | None:
        """Its exit code once it has ended (negative: the signal that ended it), else None."""
        return self._reap(os.WNOHANG)

    def kill(self) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def wait(self, timeout: float | None = None) -> int:
        """Its exit code, waiting for it to end (at most ``timeout`` seconds: then -1)."""
        if timeout is None:
            return self._reap(0) or 0
        deadline, pause = time.monotonic() + timeout, 0.0005
        while (code := self.poll()) is None:
            if time.monotonic() > deadline:
                return -1
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
        return code


def fork_worker(context: Any, run: Run = kg_outcome) -> Worker:
    """A worker forked from this process, serving jobs on ``context`` (its copy, as it is now)
    one at a time. Like every child kg starts (:func:`kg.processes.become_child_of`), it leaves
    Ctrl-C to its parent and dies with it (with the thread that forked it, on Linux)."""
    parent = os.getpid()
    jobs_out, jobs_in = os.pipe()
    answers_out, answers_in = os.pipe()
    try:
        pid = os.fork()
    except BaseException:
        for descriptor in (jobs_out, jobs_in, answers_out, answers_in):
            os.close(descriptor)  # had the fork happened, the child now reads the end of its jobs
        raise
    if pid == 0:  # the worker: it never returns into its parent's code
        code = 1
        try:
            os.close(jobs_in)
            os.close(answers_out)
            become_child_of(parent)
            with os.fdopen(jobs_out, "rb") as requests, os.fdopen(answers_in, "wb") as answers:
                serve_jobs(context, requests, answers, run)
            code = 0
        finally:
            os._exit(code)
    os.close(jobs_out)
    os.close(answers_in)
    return Worker(ForkedProcess(pid, os.fdopen(jobs_in, "wb"), os.fdopen(answers_out, "rb")))


@dataclass
class Work:
    """A job sent to a worker: where its outcome will be put, and whether its caller gave up."""

    outcome: queue.Queue[Outcome]
    done: Callable[[Work], None] | None
    abandoned: bool = False
    finished: bool = False
    status: str = ""
    """The status of its outcome, once there is one."""
    claim: threading.Lock = field(default_factory=threading.Lock)
    """Held while ``finished`` or ``abandoned`` is set, so that only one of them wins."""


class Worker:
    """A worker process, and a thread that reads its answers and hands each to the job it
    answers (so waiting for one can time out without select(), which Windows lacks for pipes)."""

    def __init__(self, process: Process):
        self.process = process
        self.startup: queue.Queue[Outcome] = queue.Queue()
        self.killed_for: str | None = None
        """Why the runner killed this worker, if it did."""
        self.abandoned = 0
        """How many of its jobs are still running after their callers gave up."""
        self._work: dict[int, Work] = {}
        self._ended = False
        self._lock = threading.Lock()
        self._sending = threading.Lock()
        self._ids = itertools.count(1)
        threading.Thread(target=self._read, name="kg-worker-reader", daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        while True:
            try:
                job_id, outcome = pickle.load(self.process.stdout)
            except Exception:  # the worker ended (EOF) or was killed mid-answer
                break
            if job_id == 0:
                self.startup.put(outcome)
                continue
            with self._lock:
                work = self._work.pop(job_id, None)
            if work is not None:
                self._finish(work, outcome)
        with self._lock:
            self._ended = True
            left, self._work = list(self._work.values()), {}
        for work in left:
            self._finish(work, ("gone", None))
        self.startup.put(("gone", None))

    @staticmethod
    def _finish(work: Work, outcome: Outcome) -> None:
        work.status = outcome[0]
        work.outcome.put(outcome)
        if work.done is not None:
            work.done(work)

    def submit(self, job: Job, seconds: float, args: tuple[Any, ...],
               done: Callable[[Work], None] | None = None) -> Work:
        """Send a job; its outcome (or ``("gone", None)`` if the worker ends first) will be
        put in the returned work's queue, and then ``done`` is called with it."""
        work = Work(queue.Queue(maxsize=1), done)
        with self._lock:
            ended = self._ended
            if not ended:
                job_id = next(self._ids)
                self._work[job_id] = work
        if ended:
            self._finish(work, ("gone", None))
            return work
        try:
            assert self.process.stdin is not None
            with self._sending:
                pickle.dump((job_id, job, seconds, args), self.process.stdin)
                self.process.stdin.flush()
        except OSError:  # its stdin is closed: it is gone, and the reader will say so
            pass
        return work

    def memory(self) -> int:
        """The worker's resident memory in bytes (0 where it cannot be read)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return 0

    def wait(self, work: Work, deadline: float, memory_limit: int | None) -> Outcome:
        """The job's outcome; ``("late", None)`` past the deadline, ``("memory", None)`` as soon
        as the worker's memory exceeds ``memory_limit``, ``("gone", None)`` once the worker has
        ended without answering (even when another process holds its answers' pipe open)."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "late", None
            try:
                return work.outcome.get(timeout=min(remaining, _WATCH_SECONDS))
            except queue.Empty:
                pass
            if memory_limit and self.memory() > memory_limit:
                return "memory", None
            if self.process.poll() is not None:
                try:  # what it wrote before it ended is still to be read
                    return work.outcome.get(timeout=_DRAIN_SECONDS)
                except queue.Empty:
                    return "gone", None

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(5)
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@dataclass(eq=False)
class _Forked:
    worker: Worker
    generation: int
    forker: threading.Thread
    """The thread that forked it: on Linux the worker dies with that thread."""

    def usable(self, generation: int) -> bool:
        return (self.generation == generation and self.forker.is_alive()
                and self.worker.process.poll() is None)


class ForkedWorkers:
    """Forked workers that run the jobs of one caller (a :class:`kg.KnowledgeGraph`), each job
    in a worker of its own for as long as it runs: an idle worker if there is one, else one
    forked for it, kept afterwards (up to :data:`IDLE_WORKERS`) for the next jobs. A job past its
    deadline, or interrupted (Ctrl-C), or whose worker ended, takes its worker along.

    A worker holds a copy of the context as it was when it was forked: when the context
    changes (a write), :meth:`changing` retires every worker, and no worker is forked while the
    change is under way (a fork then would copy a half-written in-memory store, or the lock a
    writer holds on an on-disk one, for as long as the worker lives).
    """

    def __init__(self, run: Run = kg_outcome, idle: int = IDLE_WORKERS):
        self._run = run
        self._keep = idle
        self._idle: list[_Forked] = []
        self._busy: set[_Forked] = set()
        self._generation = 0
        self._lock = threading.Lock()
        self._forking = threading.RLock()
        """Held while a worker is forked, and while the context changes."""

    def call(self, context: Any, job: Job, args: tuple[Any, ...],
             timeout: float | None) -> Outcome:
        """``job(context, deadline, *args)`` in a worker: its outcome, ``("late", None)`` past
        ``timeout`` seconds (``None``: no limit), or ``("gone", exit code)`` when its worker
        ended without an answer. An interrupt (KeyboardInterrupt) stops the worker first."""
        deadline = time.monotonic() + timeout if timeout is not None else math.inf
        while True:
            idle = self._take(context, deadline)
            if idle is None:
                return "late", None
            with self._lock:
                self._busy.add(idle)
            try:
                work = idle.worker.submit(job, max(0.0, deadline - time.monotonic()), args)
                status, value = idle.worker.wait(work, deadline, None)
            except BaseException:
                idle.worker.stop()
                raise
            finally:
                with self._lock:
                    self._busy.discard(idle)
            if status in ("ok", "error"):
                self._give_back(idle)
                return status, value
            idle.worker.stop()
            if status == "gone" and not idle.forker.is_alive():
                continue  # killed as the thread that forked it ended: not the job's doing
            return status, (idle.worker.process.poll() if status == "gone" else None)

    def _take(self, context: Any, deadline: float) -> _Forked | None:
        """An idle worker, or a fresh one (None if a change under way outlasts the deadline)."""
        stale: list[_Forked] = []
        try:
            with self._lock:
                while self._idle:
                    idle = self._idle.pop()
                    if idle.usable(self._generation):
                        return idle
                    stale.append(idle)
        finally:
            for idle in stale:
                idle.worker.stop()
        remaining = deadline - time.monotonic()
        if not self._forking.acquire(timeout=-1 if math.isinf(remaining) else max(0, remaining)):
            return None
        try:
            with self._lock:
                generation = self._generation
            return _Forked(fork_worker(context, self._run), generation, threading.current_thread())
        finally:
            self._forking.release()

    def _give_back(self, idle: _Forked) -> None:
        with self._lock:
            keep = idle.generation == self._generation and len(self._idle) < self._keep
            if keep:
                self._idle.append(idle)
        if not keep:
            idle.worker.stop()

    def pids(self) -> list[int]:
        """The process ids of its workers, idle or running a job."""
        with self._lock:
            return sorted(each.worker.process.pid for each in [*self._idle, *self._busy])

    def retire(self) -> None:
        """Stop the idle workers; those running a job are stopped when it ends."""
        with self._lock:
            self._generation += 1
            idle, self._idle = self._idle, []
        for each in idle:
            each.worker.stop()

    @contextmanager
    def changing(self) -> Iterator[None]:
        """While the context changes: no worker is forked, and every worker forked before is
        retired, at the start and at the end."""
        with self._forking:
            self.retire()
            try:
                yield
            finally:
                self.retire()


__all__ = ["IDLE_WORKERS", "ForkedProcess", "ForkedWorkers", "Job", "Outcome", "Run", "Work",
           "Worker", "fork_worker", "kg_outcome", "serve_jobs"]
