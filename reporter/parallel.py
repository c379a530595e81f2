"""Use both cores: independent work runs half in a forked child, half here.

The writers read the same finished document model and the analysis of one article
does not depend on another, so a fork shares the inputs for free (no pickling on the
way in) and the build takes about as long as its slower half. Where fork is missing
(Windows) or ``REPORTER_JOBS=1`` is set, everything runs here, one after the other.
"""

from __future__ import annotations

import os
import pickle
import signal
from typing import Any, Callable, Sequence, TypeVar

from .errors import DeliveryError, InputError, ReporterError

T = TypeVar("T")
R = TypeVar("R")
_ERRORS = {"InputError": InputError, "DeliveryError": DeliveryError, "ReporterError": ReporterError}


def _can_fork() -> bool:
    return hasattr(os, "fork") and os.environ.get("REPORTER_JOBS", "") != "1"


def _answer(work: Callable[[], Any]) -> bytes:
    """``("ok", result)`` or ``("error", report)``, pickled for the parent."""
    try:
        return pickle.dumps(("ok", work()))
    except BaseException as exc:  # noqa: BLE001 - every failure must reach the parent
        kind = type(exc).__name__ if isinstance(exc, ReporterError) else "internal"
        message = getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}"
        return pickle.dumps(("error", {"kind": kind, "message": message, "path": getattr(exc, "path", None)}))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)


def _in_child(work: Callable[[], Any]) -> tuple[int, int]:
    """Fork; the child runs ``work`` and sends ``("ok", result)`` or ``("error", report)`` back."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            _write_all(write_fd, _answer(work))
        finally:
            os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def _collect(pid: int, read_fd: int) -> Any:
    """Read the child's answer (before waiting, so a large one cannot block it) and reap it."""
    data = _read_all(read_fd)
    os.waitpid(pid, 0)
    status, value = pickle.loads(data) if data else ("error", None)
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


class Worker:
    """A forked process that gets ready (imports, fonts) while this one reads and composes,
    then runs the one job sent to it.

    A briefing's PDF writer needs a fifth of a second of imports and font loading before
    it writes a byte; done here, that time overlaps the rest of the build. The job and its
    arguments go over a pipe, pickled; a worker never sent a job exits without doing any.
    """

    def __init__(self, warm: Callable[[], None]):
        job_r, self._job_w = os.pipe()
        self._result_r, result_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self._job_w)
            os.close(self._result_r)
            try:
                try:
                    warm()
                except BaseException:  # noqa: BLE001 - the job meets the problem and reports it
                    pass
                data = _read_all(job_r)
                if data:
                    func, args, kwargs = pickle.loads(data)
                    _write_all(result_w, _answer(lambda: func(*args, **kwargs)))
            finally:
                os._exit(0)
        os.close(job_r)
        os.close(result_w)
        self._sent = False

    def submit(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Send the job (``func`` must be importable by name, as pickle requires)."""
        data = pickle.dumps((func, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        self._sent = True
        try:
            _write_all(self._job_w, data)
        finally:
            os.close(self._job_w)

    def result(self) -> Any:
        """The job's result, or its error raised here; the worker is reaped either way."""
        return _collect(self.pid, self._result_r)

    def close(self) -> None:
        """Send no job: the worker is stopped (it has written nothing). Safe after ``result``."""
        if not self._sent:
            self._sent = True
            os.close(self._job_w)
            os.close(self._result_r)
            try:
                os.kill(self.pid, signal.SIGKILL)  # no need to wait for its warm-up to finish
            except ProcessLookupError:
                pass
            os.waitpid(self.pid, 0)


def start_worker(warm: Callable[[], None]) -> Worker | None:
    """A ``Worker`` warming up with ``warm``, or None where fork is missing or REPORTER_JOBS=1."""
    return Worker(warm) if _can_fork() else None
