"""Use both cores: independent work runs half in a forked child, half here.

The writers read the same finished document model and the analysis of one article
does not depend on another, so a fork shares the inputs for free (no pickling on the
way in) and the build takes about as long as its slower half. Where fork is missing
(Windows) or ``REPORTER_JOBS=1`` is set, everything runs here, one after the other.
"""

from __future__ import annotations

import os
import pickle
from typing import Any, Callable, Sequence, TypeVar

from .errors import DeliveryError, InputError, ReporterError

T = TypeVar("T")
R = TypeVar("R")
_ERRORS = {"InputError": InputError, "DeliveryError": DeliveryError, "ReporterError": ReporterError}


def _can_fork() -> bool:
    return hasattr(os, "fork") and os.environ.get("REPORTER_JOBS", "") != "1"


def _in_child(work: Callable[[], Any]) -> tuple[int, int]:
    """Fork; the child runs ``work`` and sends ``("ok", result)`` or ``("error", report)`` back."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            try:
                payload = pickle.dumps(("ok", work()))
            except BaseException as exc:  # noqa: BLE001 - every failure must reach the parent
                kind = type(exc).__name__ if isinstance(exc, ReporterError) else "internal"
                message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
                payload = pickle.dumps(("error", {"kind": kind, "message": message, "path": getattr(exc, "path", None)}))
            view = memoryview(payload)
            while view:
                view = view[os.write(write_fd, view):]
        finally:
            os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def _collect(pid: int, read_fd: int) -> Any:
    """Read the child's answer (before waiting, so a large one cannot block it) and reap it."""
    chunks = []
    while chunk := os.read(read_fd, 1 << 16):
        chunks.append(chunk)
    os.close(read_fd)
    os.waitpid(pid, 0)
    status, value = pickle.loads(b"".join(chunks)) if chunks else ("error", None)
    if status == "ok":
        return value
    report = value or {"kind": "internal", "message": "a worker process died", "path": None}
    if report["kind"] in _ERRORS:
        raise _ERRORS[report["kind"]](report["message"], report["path"])
    raise RuntimeError(report["message"])


def _both(child: Callable[[], Any], here: Callable[[], Any]) -> tuple[Any, Any]:
    pid, read_fd = _in_child(child)
    try:
        mine = here()
    finally:
        theirs = _collect(pid, read_fd)  # always reap the child, even when our half failed
    return theirs, mine


def run_jobs(jobs: Sequence[Callable[[], None]]) -> None:
    """Run every job: the first in a forked child, the rest here. The first error is raised."""
    if len(jobs) < 2 or not _can_fork():
        for job in jobs:
            job()
        return
    _both(jobs[0], lambda: [job() for job in jobs[1:]])


def map_halves(func: Callable[[T], R], items: Sequence[T], *, min_items: int = 8) -> list[R]:
    """``[func(x) for x in items]`` with the second half computed in a forked child.

    For pure, deterministic work on many items; the child's results come back pickled.
    """
    if len(items) < min_items or not _can_fork():
        return [func(x) for x in items]
    half = len(items) // 2
    second, first = _both(lambda: [func(x) for x in items[half:]], lambda: [func(x) for x in items[:half]])
    return first + second
