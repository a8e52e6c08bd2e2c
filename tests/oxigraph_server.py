"""``oxigraph serve`` on loopback for the store tests: the command, a free port, a running server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from kg.stores import open_store
from processes import stop

# The variables that point kg at a server's endpoints; the store tests run without them.
ENDPOINT_VARIABLES = ("KG_QUERY_URL", "KG_UPDATE_URL", "KG_GSP_URL", "KG_STORE_TIMEOUT")


def oxigraph_command() -> str | None:
    """The ``oxigraph`` server command installed next to this Python, or on the PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class OxigraphServer:
    """``oxigraph serve`` on a free loopback port, with its data in a temporary directory."""

    def __init__(self, command: str, location: Path, *, union_default_graph: bool) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        arguments = [command, "serve", "--location", str(location)]
        arguments += ["--bind", f"127.0.0.1:{self.port}"]
        if union_default_graph:
            arguments.append("--union-default-graph")
        self.log = location.with_suffix(".log")
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(arguments, stdout=log, stderr=subprocess.STDOUT)
        self._wait_until_it_answers()

    def _wait_until_it_answers(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited: {self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=1):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"oxigraph serve did not answer within 30 s: {self.log.read_text()}")

    def clear(self) -> None:
        with open_store(self.url) as store:
            store.update("DROP ALL")

    def stop(self) -> None:
        stop(self.process)
