"""Who holds an on-disk store: one process writing it, or any number of ``kg serve``, never both.

Oxigraph lets a process open a store read-only beside others, but says that doing so while
another process writes it is undefined behaviour (in practice: a reader keeps the snapshot it
opened, and readers opened at different times disagree). So ``kg serve`` and writers such as
``kg build`` keep apart through a lock file, ``kg.lock`` in the store directory:

- a writer (:func:`kg.store.open_store` without ``read_only``) holds it exclusively while the
  store is open;
- ``kg serve`` holds it shared for as long as it serves, so that several servers may read one
  store, but no build can change it under them.

Each holder writes one line, ``pid<TAB>who``, so that whoever is refused can say by whom.
The operating system drops the lock when its process ends, however it ends. Where ``fcntl``
is missing (Windows) nothing is locked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from kg.errors import StoreError

LOCK_FILE = "kg.lock"
"""The lock file's name, inside the store directory (Oxigraph leaves files it does not know)."""

HOLDER_ENVIRONMENT_VARIABLE = "KG_STORE_HOLDER"
"""Overrides how this process describes itself in the lock file (``kg serve`` sets it for the
process that holds the store for it)."""

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class StoreLock:
    """A held lock on a store directory; :meth:`release` (or the end of the process) drops it."""

    def __init__(self, descriptor: int):
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        """Drop the lock; releasing twice is harmless."""
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing the file drops its flock
            self._descriptor = None


def this_process() -> str:
    """How this process names itself to the processes it keeps out: ``kg build (pid 123)``."""
    given = os.environ.get(HOLDER_ENVIRONMENT_VARIABLE)
    if given:
        return given
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] not in ("", "-c") else "python"
    if program == "kg" and len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        program = f"kg {sys.argv[1]}"
    return f"{program} (pid {os.getpid()})"


def hold_for_writing(directory: Path, location: str) -> StoreLock | None:
    """Lock the store at ``directory`` (made if missing) for writing, or raise a
    :class:`StoreError` naming the process that holds it."""
    directory.mkdir(parents=True, exist_ok=True)
    descriptor = _open(directory)
    if descriptor is None:
        return None
    if not _try(descriptor, exclusive=True):
        holders = _holders(descriptor)
        os.close(descriptor)
        raise StoreError(_refusal(location, holders))
    os.ftruncate(descriptor, 0)
    os.write(descriptor, _line())
    return StoreLock(descriptor)


def hold_for_serving(directory: Path, location: str, who: str) -> StoreLock | None:
    """Lock the store at ``directory`` against writers while ``kg serve`` (described by ``who``)
    serves it, or raise a :class:`StoreError` naming the process that is writing it."""
    descriptor = _open(directory)
    if descriptor is None:
        return None
    if not _try(descriptor, exclusive=False):
        holders = _holders(descriptor)
        os.close(descriptor)
        writer = ", ".join(who for _, who in holders) or "another process"
        raise StoreError(f"the store at '{location}' is being written by {writer}: start kg "
                         "serve when it has finished")
    try:
        os.lseek(descriptor, 0, os.SEEK_END)
        os.write(descriptor, _line(who))
    except OSError:
        pass  # a lock file we may only read: the lock holds all the same, unnamed
    return StoreLock(descriptor)


def _open(directory: Path) -> int | None:
    if fcntl is None:
        return None
    path = directory / LOCK_FILE
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        try:
            return os.open(path, os.O_RDONLY)  # a store on a read-only disk: nobody writes it
        except OSError:
            return None


def _try(descriptor: int, *, exclusive: bool) -> bool:
    assert fcntl is not None
    try:
        fcntl.flock(descriptor, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _line(who: str | None = None) -> bytes:
    return f"{os.getpid()}\t{who or this_process()}\n".encode()


def _holders(descriptor: int) -> list[tuple[int, str]]:
    """The processes the lock file names, (pid, who) each, among those still alive (a line
    stays behind its process)."""
    os.lseek(descriptor, 0, os.SEEK_SET)
    text = os.read(descriptor, 65536).decode("utf-8", "replace")
    found: list[tuple[int, str]] = []
    for line in text.splitlines():
        pid, _, who = line.partition("\t")
        if pid.isdigit() and who and (int(pid), who) not in found and _alive(int(pid)):
            found.append((int(pid), who))
    return found


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _refusal(location: str, holders: list[tuple[int, str]]) -> str:
    if any(pid == os.getpid() for pid, _ in holders):
        return f"the store at '{location}' is already open in this process"
    servers = [who for _, who in holders if who.startswith("kg serve")]
    if servers:
        return (f"the store at '{location}' is in use by {'; '.join(servers)}: stop it, then "
                "run this again (kg serve holds its store so that no answer comes from a store "
                "changing under it)")
    if holders:
        return (f"the store at '{location}' is locked by another process, "
                f"{', '.join(who for _, who in holders)}: wait for it to finish")
    return (f"the store at '{location}' is locked by another process (is 'kg build' "
            "running?): wait for it to finish")
