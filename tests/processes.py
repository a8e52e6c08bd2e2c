"""Ending a child process a test started: ask it to stop, and kill it if it lingers."""

from __future__ import annotations

import subprocess


def stop(process: subprocess.Popen[bytes] | subprocess.Popen[str], timeout: float = 10) -> None:
    """Terminate ``process`` and wait for it; kill it after ``timeout`` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
