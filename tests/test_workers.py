"""kg.workers: forked workers kept from one job to the next, replaced when the context changes,
and stopped with a job that runs late, is interrupted or dies."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from kg.errors import QueryError
from kg.workers import ForkedWorkers


def _pid(context: Any, deadline: float) -> int:
    return os.getpid()


def _first(context: list[int], deadline: float) -> int:
    return context[0]


def _sleep(context: Any, deadline: float, seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def _exit(context: Any, deadline: float, code: int) -> None:
    os._exit(code)


def _refuse(context: Any, deadline: float) -> None:
    raise QueryError("no such thing")


def _fail(context: Any, deadline: float) -> None:
    raise ValueError("broken")


def _gone(pid: int) -> bool:
    """The process has ended and been reaped (or is a zombie nobody will run again)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    except FileNotFoundError:
        return True


@pytest.fixture()
def workers() -> Any:
    pool = ForkedWorkers()
    yield pool
    pool.retire()


def test_a_worker_is_forked_once_and_kept_for_the_next_jobs(workers: ForkedWorkers) -> None:
    status, first = workers.call(None, _pid, (), timeout=30)
    assert status == "ok" and first != os.getpid()
    assert workers.call(None, _pid, (), timeout=30) == ("ok", first)
    assert workers.pids() == [first]


def test_a_worker_sees_its_context_as_forked_until_a_change_retires_it(
        workers: ForkedWorkers) -> None:
    context = [1]
    assert workers.call(context, _first, (), timeout=30) == ("ok", 1)
    context[0] = 2  # changed behind the workers' back: the kept worker still has its copy
    assert workers.call(context, _first, (), timeout=30) == ("ok", 1)
    (before,) = workers.pids()
    with workers.changing():
        context[0] = 3
    assert _gone(before) and workers.pids() == []
    assert workers.call(context, _first, (), timeout=30) == ("ok", 3)


def test_a_late_job_takes_its_worker_along_and_the_next_job_gets_another(
        workers: ForkedWorkers) -> None:
    _, first = workers.call(None, _pid, (), timeout=30)
    started = time.monotonic()
    assert workers.call(None, _sleep, (60.0,), timeout=0.3) == ("late", None)
    assert time.monotonic() - started < 10
    assert _gone(first)
    status, second = workers.call(None, _pid, (), timeout=30)
    assert status == "ok" and second != first


def test_a_worker_that_dies_is_an_answer_not_a_hang(workers: ForkedWorkers) -> None:
    assert workers.call(None, _exit, (3,), timeout=None) == ("gone", 3)
    assert workers.call(None, _sleep, (0.0,), timeout=30) == ("ok", 0.0)


def test_errors_come_back_as_kg_errors_or_one_line(workers: ForkedWorkers) -> None:
    status, error = workers.call(None, _refuse, (), timeout=30)
    assert status == "error" and isinstance(error, QueryError) and str(error) == "no such thing"
    assert workers.call(None, _fail, (), timeout=30) == ("error", "ValueError: broken")
    assert len(workers.pids()) == 1  # an error is an answer: the worker is kept


def test_an_interrupted_job_stops_its_worker(workers: ForkedWorkers) -> None:
    _, pid = workers.call(None, _pid, (), timeout=30)
    # A test run started in the background ignores Ctrl-C: handle it as an interactive run does.
    handler = signal.signal(signal.SIGINT, signal.default_int_handler)
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))  # as a terminal sends it
    try:
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            workers.call(None, _sleep, (60.0,), timeout=None)
    finally:
        timer.join()
        signal.signal(signal.SIGINT, handler)
    assert _gone(pid) and workers.pids() == []


def test_a_worker_forked_by_a_thread_that_ended_is_replaced(workers: ForkedWorkers) -> None:
    """On Linux a forked worker dies with the thread that forked it: the next job, from another
    thread, gets a fresh worker instead of an error."""
    forked: list[int] = []
    thread = threading.Thread(target=lambda: forked.append(workers.call(None, _pid, (), 30)[1]))
    thread.start()
    thread.join()
    status, pid = workers.call(None, _pid, (), timeout=30)
    assert status == "ok" and forked and pid != forked[0]


def _meet(context: Any, deadline: float, folder: str, jobs: int) -> int:
    """Sign in with this process's id and wait until ``jobs`` processes have: only jobs that run
    at once, each in a worker of its own, all get past this (no clock involved)."""
    Path(folder, str(os.getpid())).touch()
    while len(os.listdir(folder)) < jobs and time.monotonic() < deadline:
        time.sleep(0.01)
    return len(os.listdir(folder))


def test_jobs_at_once_run_in_workers_of_their_own(workers: ForkedWorkers, tmp_path: Path) -> None:
    answers: list[Any] = []
    threads = [threading.Thread(target=lambda: answers.append(
        workers.call(None, _meet, (str(tmp_path), 3), timeout=60))) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [("ok", 3)] * 3
