"""What the build's worker process does when it starts, kept apart so it imports nothing else.

The worker must not outlive the build: if the parent dies (killed, or its terminal
closed), Linux's parent-death signal ends the worker as well instead of letting it go
on writing a PDF nobody will rename. Elsewhere the parent's own handlers terminate it.
"""

from __future__ import annotations

import gc
import signal
import sys


def start(threshold: tuple[int, int, int]) -> None:
    """The pool's initializer: the collector's thresholds (see ``reporter.cli``) and the
    parent-death signal. Ctrl-C goes to the whole process group; the parent decides then."""
    gc.set_threshold(*threshold)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
