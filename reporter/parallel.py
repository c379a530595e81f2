"""Run independent writers side by side: the DOCX in a forked child, the PDF here.

Both writers read the same finished document model, so a fork shares it for free
(no pickling), and on a two-core machine the build takes about as long as its
slowest writer instead of the sum. Where fork is missing (Windows) or
``REPORTER_JOBS=1`` is set, the jobs simply run one after the other.
"""

from __future__ import annotations

import json
import os
from typing import Callable, Sequence

from .errors import DeliveryError, InputError, ReporterError

_ERRORS = {"InputError": InputError, "DeliveryError": DeliveryError, "ReporterError": ReporterError}


def _can_fork() -> bool:
    return hasattr(os, "fork") and os.environ.get("REPORTER_JOBS", "") != "1"


def run_jobs(jobs: Sequence[Callable[[], None]]) -> None:
    """Run every job; raise the first job's error as the same kind of ReporterError."""
    if len(jobs) < 2 or not _can_fork():
        for job in jobs:
            job()
        return
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run the first job, report how it went, never return
        os.close(read_fd)
        status = 0
        try:
            jobs[0]()
        except BaseException as exc:  # noqa: BLE001 - everything must reach the parent
            status = 1
            kind = type(exc).__name__ if isinstance(exc, ReporterError) else "internal"
            report = {"kind": kind, "message": getattr(exc, "message", None) or f"{type(exc).__name__}: {exc}",
                      "path": getattr(exc, "path", None)}
            os.write(write_fd, json.dumps(report).encode())
        finally:
            os.close(write_fd)
            os._exit(status)
    os.close(write_fd)
    try:
        for job in jobs[1:]:
            job()
    finally:
        chunks = []
        while chunk := os.read(read_fd, 65536):
            chunks.append(chunk)
        os.close(read_fd)
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        report = json.loads(b"".join(chunks) or b'{"kind": "internal", "message": "a writer process died"}')
        if report["kind"] in _ERRORS:
            raise _ERRORS[report["kind"]](report["message"], report["path"])
        raise RuntimeError(report["message"])
