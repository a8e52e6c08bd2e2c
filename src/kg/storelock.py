"""Who holds an on-disk store: one process writing it, or any number of ``kg serve``, never both.

Oxigraph lets a process open a store read-only beside others, but says that doing so while
another process writes it is undefined behaviour (in practice: a reader keeps the snapshot it
opened, and readers opened at different times disagree). So ``kg serve`` and writers such as
``kg build`` keep apart through a lock file, ``kg.lock`` in the store directory:

- a writer (:func:`kg.stores.open_store` without ``read_only``) holds it exclusively while the
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

INHERITED_LOCK_VARIABLE = "KG_STORE_LOCK_FD"
"""The descriptor of a lock its parent holds for this process: ``kg serve --allow-update``
holds the store's lock for as long as it serves, while the worker process that writes the
store may be replaced (so no build can slip in between)."""

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class StoreLock:
    """A held lock on a store directory; :meth:`release` (or the end of the process) drops it."""

    def __init__(self, descriptor: int, line: bytes = b""):
        self._descriptor: int | None = descriptor
        self._line = line

    @property
    def descriptor(self) -> int:
        """The lock file's descriptor, to hand to a child process (see
        :data:`INHERITED_LOCK_VARIABLE`)."""
        if self._descriptor is None:
            raise ValueError("the lock was released")
        return self._descriptor

    def release(self) -> None:
        """Drop the lock; releasing twice is harmless."""
        if self._descriptor is None:
            return
        if self._line:  # a shared lock: take this process's line out of the file
            try:
                if _try(self._descriptor, exclusive=True):  # the last holder: empty it
                    os.ftruncate(self._descriptor, 0)
                else:
                    _rewrite(self._descriptor, _read(self._descriptor).replace(self._line, b""))
            except OSError:
                pass  # a file we may only read
        os.close(self._descriptor)  # closing the file drops its flock
        self._descriptor = None


def this_process() -> str:
    """How this process names itself to the processes it keeps out: ``kg build (pid 123)``."""
    program = Path(sys.argv[0]).name if sys.argv and sys.argv[0] not in ("", "-c") else "python"
    if program == "kg" and len(sys.argv) > 1 and not sys.argv[1].startswith("-"):
        program = f"kg {sys.argv[1]}"
    return f"{program} (pid {os.getpid()})"


def hold_for_writing(directory: Path, location: str, who: str | None = None) -> StoreLock | None:
    """Lock the store at ``directory`` (made if missing) for writing, or raise a
    :class:`StoreError` naming the process that holds it. ``who`` is how this process is named
    to the ones it keeps out (by default :func:`this_process`)."""
    directory.mkdir(parents=True, exist_ok=True)
    inherited = _inherited(directory / LOCK_FILE)
    if inherited is not None:
        return StoreLock(inherited)
    descriptor = _open(directory)
    if descriptor is None:
        return None
    if not _try(descriptor, exclusive=True):
        holders = _holders(descriptor)
        os.close(descriptor)
        raise StoreError(_refusal(location, holders))
    _rewrite(descriptor, _line(who))
    return StoreLock(descriptor)


def hold_for_serving(directory: Path, location: str, who: str) -> StoreLock | None:
    """Lock the store at ``directory`` against writers while ``kg serve`` (described by ``who``)
    serves it, or raise a :class:`StoreError` naming the process that is writing it."""
    descriptor = _open(directory)
    if descriptor is None:
        return None
    alone = _try(descriptor, exclusive=True)
    if not _try(descriptor, exclusive=False):  # held exclusively: a writer has the store
        holders = _holders(descriptor)
        os.close(descriptor)
        writer = ", ".join(who for _, who in holders) or "another process"
        raise StoreError(f"the store at '{location}' is being written by {writer}: start kg "
                         "serve when it has finished")
    line = _line(who)
    try:
        if alone:  # lines left by processes that are gone (or by a copied store) go
            os.ftruncate(descriptor, 0)
        os.lseek(descriptor, 0, os.SEEK_END)
        os.write(descriptor, line)
    except OSError:
        return StoreLock(descriptor)  # a lock file we may only read: held all the same, unnamed
    return StoreLock(descriptor, line)


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


def _inherited(path: Path) -> int | None:
    """A copy of the descriptor of ``path`` that the parent locked for this process, if any."""
    given = os.environ.get(INHERITED_LOCK_VARIABLE, "")
    if not given.isdigit():
        return None
    try:
        held, here = os.fstat(int(given)), os.stat(path)
    except OSError:
        return None
    if (held.st_dev, held.st_ino) != (here.st_dev, here.st_ino):
        return None
    return os.dup(int(given))  # the same open file, hence the same lock


def _try(descriptor: int, *, exclusive: bool) -> bool:
    assert fcntl is not None
    try:
        fcntl.flock(descriptor, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _line(who: str | None = None) -> bytes:
    return f"{os.getpid()}\t{who or this_process()}\n".encode()


def _read(descriptor: int) -> bytes:
    os.lseek(descriptor, 0, os.SEEK_SET)
    return os.read(descriptor, 65536)


def _rewrite(descriptor: int, content: bytes) -> None:
    os.ftruncate(descriptor, 0)
    os.lseek(descriptor, 0, os.SEEK_SET)
    os.write(descriptor, content)


def _holders(descriptor: int) -> list[tuple[int, str]]:
    """The processes the lock file names, (pid, who) each, among those still alive (a line
    stays behind a process that is killed)."""
    text = _read(descriptor).decode("utf-8", "replace")
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
