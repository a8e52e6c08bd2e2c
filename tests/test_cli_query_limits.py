"""kg query can be stopped: a timeout, Ctrl-C, and no SERVICE calls unless allowed."""

from __future__ import annotations

import signal
import subprocess
import time

# A cross join of every triple with every triple, four times over: runs far longer than a test.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_a_query_past_its_timeout_is_stopped_with_one_line(seed_store: str,
                                                          kg_command: str) -> None:
    started = time.monotonic()
    done = subprocess.run([kg_command, "query", "--store", seed_store, "--timeout", "1",
                           "--query", SLOW], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "timeout" in done.stderr and done.stderr.count("\n") == 1
    assert time.monotonic() - started < 30


def test_ctrl_c_stops_a_running_query(seed_store: str, kg_command: str) -> None:
    # A test run started in the background (`make test &`) ignores Ctrl-C, and so would kg:
    # give it the terminal's default, as an interactive shell does.
    process = subprocess.Popen([kg_command, "query", "--store", seed_store, "--timeout", "0",
                                "--query", SLOW], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60  # started and inside the query: its child is running
        while time.monotonic() < deadline and process.poll() is None and not subprocess.run(
                ["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split():
            time.sleep(0.2)
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        process.kill()  # never leave a runaway query behind, even when the test fails
        process.wait()
    assert process.returncode == 130
    assert "interrupted" in stderr and "Traceback" not in stderr


def test_service_is_refused_unless_allowed(seed_store: str, kg_command: str) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    done = subprocess.run([kg_command, "query", "--store", seed_store, "--query", query],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "SERVICE is not allowed" in done.stderr


def test_a_quick_query_answers_as_before(seed_store: str, kg_command: str) -> None:
    done = subprocess.run([kg_command, "query", "--store", seed_store, "--format", "csv",
                           "--query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a kgo:Article }"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.split() == ["n", "1"]


def test_the_query_process_dies_with_kg_query(seed_store: str, kg_command: str) -> None:
    """kill -9 of kg query takes its query process along (no orphan left running)."""
    import os

    process = subprocess.Popen([kg_command, "query", "--store", seed_store, "--timeout", "0",
                                "--query", SLOW], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(2.5)
        children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True,
                                  text=True).stdout.split()
        assert children, "the query runs in a child process"
        process.kill()
        process.wait()
        time.sleep(1)
        for child in children:
            assert not os.path.exists(f"/proc/{child}") or \
                open(f"/proc/{child}/stat").read().split()[2] == "Z"
    finally:
        process.kill()
        process.wait()
