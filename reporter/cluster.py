"""Batches on a Dask distributed cluster: the same tasks, another executor.

``pip install reporter[dask]``. Dask's client gives a ``concurrent.futures.Executor``
(``Client.get_executor``), so the batch runs exactly as on the local pool: one task per
briefing, each built serially in its worker. Tasks are not pure (the same job twice is
built twice, after a change on disk) and are retried when a worker is lost mid-task.
Workers should be processes with one thread each (python-docx and reportlab hold the
GIL): ``dask worker tcp://HOST:8786 --nworkers 2 --nthreads 1``.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from .errors import InputError

RETRIES = 2  # a task whose worker died is run again this many times elsewhere


@contextmanager
def dask_executor(address: str, *, timeout: float = 10.0) -> Iterator:
    """An executor on the scheduler at ``address`` (``tcp://HOST:8786``), closed after use."""
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'reporter[dask]'") from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler ({exc})", address) from None
    try:
        yield client.get_executor(retries=RETRIES, pure=False)
    finally:
        client.close()
