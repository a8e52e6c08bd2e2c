"""One headless Chromium page driven over the DevTools protocol: the browser tests' one driver.

Used by test_browser_viz.py (the interactive HTML page) and test_server_browser.py (kg serve's
query page). Chromium is Debian's ``chromium`` (``scripts/ensure-chromium.sh`` installs it, ``make
test`` runs that first) or ``$KG_CHROMIUM``; a missing browser fails the tests, never skips them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
import websocket

from processes import stop

CHROMIUM = os.environ.get("KG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
WIDTH, HEIGHT = 1400, 1050
HEADLESS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--no-default-browser-check"]
"""The flags every Chromium of the tests runs with (the screenshot command's too)."""


def require_chromium() -> None:
    """Fail (not skip) when there is no Chromium to drive."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"no Chromium at {CHROMIUM}: run scripts/ensure-chromium.sh (make test does)")


class Browser:
    """One headless Chromium with one page; every protocol event it sends is kept in ``events``."""

    def __init__(self, profile: Path) -> None:
        port_file = profile / "DevToolsActivePort"
        port_file.unlink(missing_ok=True)  # a stale one names a port nobody listens on
        self.process = subprocess.Popen(
            [CHROMIUM, *HEADLESS, "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", f"--window-size={WIDTH},{HEIGHT}",
             f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.socket: Any = None
        self.events: list[dict[str, Any]] = []
        self._next_id = 0
        try:
            self._connect(port_file)
        except BaseException:
            self.close()
            raise

    def _connect(self, port_file: Path) -> None:
        deadline = time.monotonic() + 30
        while not (port_file.is_file() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("Chromium did not start its DevTools server")
            time.sleep(0.1)
        port = int(port_file.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as answer:
            page = next(t for t in json.load(answer) if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30,
                                                  suppress_origin=True)
        for domain in ("Page", "Runtime", "Log"):
            self.send(f"{domain}.enable")
        self.resize(WIDTH, HEIGHT)

    def _receive(self) -> dict[str, Any]:
        message: dict[str, Any] = json.loads(self.socket.recv())
        if "method" in message:
            self.events.append(message)
            if message["method"] == "Page.javascriptDialogOpening":
                self.socket.send(json.dumps({  # never leave a dialog blocking the page
                    "id": 0, "method": "Page.handleJavaScriptDialog", "params": {"accept": True}}))
        return message

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        """One protocol command; its result (events that arrive meanwhile are kept)."""
        self._next_id += 1
        number = self._next_id
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))

    def resize(self, width: int, height: int) -> None:
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height,
                  deviceScaleFactor=1, mobile=False)

    def js(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_until(self, expression: str, seconds: float = 60.0) -> Any:
        """The first truthy value of ``expression``, polled until ``seconds`` pass."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for: {expression}")

    def _wait_for_event(self, event: str, after: int, seconds: float = 20.0) -> None:
        deadline = time.monotonic() + seconds
        while not any(m.get("method") == event for m in self.events[after:]):
            if time.monotonic() > deadline:
                raise TimeoutError(event)
            self.socket.settimeout(max(0.1, deadline - time.monotonic()))
            try:
                self._receive()
            finally:
                self.socket.settimeout(30)

    def open(self, target: str | Path) -> None:
        """Load a URL, or a local file, and wait for its load event."""
        url = target.resolve().as_uri() if isinstance(target, Path) else target
        seen = len(self.events)
        self.send("Page.navigate", url=url)
        self._wait_for_event("Page.loadEventFired", after=seen)

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element (scrolled into view first)."""
        box = self.wait_until(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return null; e.scrollIntoView({block: 'center'});"
            " const r = e.getBoundingClientRect();"
            " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()")
        self.send("Input.dispatchMouseEvent", type="mouseMoved", x=box["x"], y=box["y"])
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=box["x"], y=box["y"],
                      button="left", clickCount=1)

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, failed loads (CSP too) and dialogs seen so far."""
        self.js("0")  # let pending events arrive
        found = []
        for message in self.events:
            method, params = message["method"], message.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console.{params['type']}: {json.dumps(params.get('args'))[:300]}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {json.dumps(params.get('exceptionDetails'))[:300]}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(f"log: {params['entry'].get('text')} {params['entry'].get('url')}")
            elif method == "Page.javascriptDialogOpening":
                found.append(f"dialog: {params.get('message')}")
        return found

    def close(self) -> None:
        if self.socket is not None:
            self.socket.close()
            self.socket = None
        stop(self.process)
