"""What a pool's worker process does when it starts, kept apart so it imports nothing else.

A worker must not outlive the command that started it: if that command dies (killed,
SIGKILL too, or its terminal closed), the worker ends as well instead of going on with a
PDF nobody will rename. Its parent is the forkserver, not the command, and the two keep
each other alive (the worker holds the pipe whose end tells the forkserver the command
is gone), so the parent-death signal alone never fires: a thread here waits on the
command's process itself (``watch``). The command's own handlers stop it otherwise.
"""

from __future__ import annotations

import gc
import os
import signal
import sys


def watch(command_pid: int) -> None:
    """End this process as soon as ``command_pid`` has ended, however it ended."""
    import threading

    def wait() -> None:
        try:
            fd = os.pidfd_open(command_pid)  # readable when that process ends (Linux 5.3+)
        except ProcessLookupError:
            os._exit(1)
        except (AttributeError, OSError):
            fd = None
        if fd is not None:
            import select

            select.select([fd], [], [])
        else:  # elsewhere: ask every half second
            import time

            while True:
                time.sleep(0.5)
                try:
                    os.kill(command_pid, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    continue
        os._exit(1)

    threading.Thread(target=wait, name="reporter-watch-command", daemon=True).start()


def forked(command_pid: int) -> None:
    """The initializer of a pool forked from the command itself (``forkpool``): Ctrl-C is the
    command's to handle; SIGTERM and SIGHUP end the worker, not the command's handlers (which
    raise, for the command's clean-up); and the watch on the command."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    watch(command_pid)


def start(threshold: tuple[int, int, int], command_pid: int | None = None) -> None:
    """The build pool's initializer: the collector's thresholds (see ``reporter.cli``), the
    parent-death signal and the watch on the command. Ctrl-C goes to the whole process
    group; the command decides then."""
    gc.set_threshold(*threshold)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if command_pid is not None:
        watch(command_pid)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
