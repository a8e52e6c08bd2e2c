"""Child processes that never outlive the command that started them, and leave Ctrl-C to it."""

from __future__ import annotations

import os
import signal


def become_child_of(parent: int) -> None:
    """Set up a forked child: Ctrl-C is its parent's to handle (the parent ends it), and on
    Linux the kernel kills it when the parent ``parent`` dies, even by SIGKILL; if the parent
    is already gone (it died between the fork and this call), end now."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the parent's timeout and Ctrl-C handling still end the child
    if os.getppid() != parent:
        os._exit(1)


__all__ = ["become_child_of"]
