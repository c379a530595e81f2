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
import struct
from typing import Any, Callable, Sequence, TypeVar

from .errors import DeliveryError, InputError, ReporterError

T = TypeVar("T")
R = TypeVar("R")
MIN_SPLIT = 8  # fewer items than this are not worth a second process
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
    return _unpack(data)


def _unpack(data: bytes) -> Any:
    """A child's answer: its result, or its error raised here as the same kind of error."""
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


def map_halves(func: Callable[[T], R], items: Sequence[T], *, min_items: int = MIN_SPLIT) -> list[R]:
    """``[func(x) for x in items]`` with the second half computed in a forked child.

    For pure, deterministic work on many items; the child's results come back pickled.
    """
    if len(items) < min_items or not _can_fork():
        return [func(x) for x in items]
    half = len(items) // 2
    second, first = _both(lambda: [func(x) for x in items[half:]], lambda: [func(x) for x in items[:half]])
    return first + second


class Worker:
    """A forked process that gets ready (imports, fonts) while this one starts the build,
    then runs the jobs sent to it, one at a time.

    A briefing's PDF writer needs a quarter of a second of imports and font loading before
    it writes a byte; done in the worker, that time overlaps reading and composing. The
    worker also takes half of a long analysis and, once the document is composed, writes
    the PDF while this process writes the DOCX. Jobs and results go over pipes, pickled.
    """

    def __init__(self, warm: Callable[[], None], *, warm_after_first_job: bool = False):
        job_r, self._job_w = os.pipe()
        self._result_r, result_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self._job_w)
            os.close(self._result_r)
            try:
                warmed = False
                if not warm_after_first_job:
                    warmed = _quietly(warm)
                jobs = os.fdopen(job_r, "rb")
                while True:
                    try:
                        func, args, kwargs = pickle.load(jobs)  # unpickles while the job still arrives
                    except EOFError:  # no more jobs
                        break
                    _send(result_w, _answer(lambda: func(*args, **kwargs)))
                    if not warmed:  # the first job was wanted at once; get ready for the next now
                        warmed = _quietly(warm)
            finally:
                os._exit(0)
        os.close(job_r)
        os.close(result_w)
        # Jobs stream: the worker unpickles a large document while it is still being pickled here.
        self._jobs = os.fdopen(self._job_w, "wb", buffering=1 << 16)
        self._pending = False
        self._closed = False

    def submit(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Send a job (``func`` must be importable by name, as pickle requires); one at a time."""
        self._pending = True
        try:
            pickle.dump((func, args, kwargs), self._jobs, protocol=pickle.HIGHEST_PROTOCOL)
            self._jobs.flush()
        except BrokenPipeError:
            raise RuntimeError("a worker process died") from None
        except BaseException:  # not picklable: the worker holds half a job and will never answer
            self._pending = False
            self.close()
            raise

    def result(self) -> Any:
        """The job's result, or its error raised here."""
        data = _receive(self._result_r)
        self._pending = False
        return _unpack(data or b"")

    def close(self) -> None:
        """Stop the worker and reap it. A job still running is waited for, so it never leaves
        a half-written file; an idle or warming-up worker is killed at once."""
        if self._closed:
            return
        self._closed = True
        if self._pending:
            try:
                self.result()
            except Exception:  # noqa: BLE001 - the caller is already handling a failure
                pass
        try:
            self._jobs.close()
        except OSError:  # the worker is gone already
            pass
        os.close(self._result_r)
        try:
            os.kill(self.pid, signal.SIGKILL)  # it holds no job: nothing to finish
        except ProcessLookupError:
            pass
        os.waitpid(self.pid, 0)


def _quietly(warm: Callable[[], None]) -> bool:
    try:
        warm()
    except BaseException:  # noqa: BLE001 - a job meets the problem and reports it
        pass
    return True


_HEADER = struct.Struct("<Q")


def _send(fd: int, data: bytes) -> None:
    _write_all(fd, _HEADER.pack(len(data)))
    _write_all(fd, data)


def _receive(fd: int) -> bytes | None:
    """One message, or None when the other end has closed."""
    head = _read_exactly(fd, _HEADER.size)
    return None if head is None else (_read_exactly(fd, _HEADER.unpack(head)[0]) or b"")


def _read_exactly(fd: int, n: int) -> bytes | None:
    chunks, left = [], n
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _map(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    return [func(x) for x in items]


def map_halves_with(worker: Worker | None, func: Callable[[T], R], items: Sequence[T], *,
                    min_items: int = MIN_SPLIT) -> list[R]:
    """``map_halves``, with the second half done by ``worker`` when there is one."""
    if worker is None:
        return map_halves(func, items, min_items=min_items)
    if len(items) < min_items:
        return [func(x) for x in items]
    half = len(items) // 2
    worker.submit(_map, func, list(items[half:]))
    try:
        first = [func(x) for x in items[:half]]
    finally:
        second = worker.result()
    return first + second


def start_worker(warm: Callable[[], None], *, warm_after_first_job: bool = False) -> Worker | None:
    """A ``Worker`` warming up with ``warm``, or None where fork is missing or REPORTER_JOBS=1.

    ``warm_after_first_job``: a job will come at once (half of a long analysis) and should
    not wait for the warm-up, which then happens while this process composes.
    """
    return Worker(warm, warm_after_first_job=warm_after_first_job) if _can_fork() else None
