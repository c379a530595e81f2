"""A batch's local pool forked from the command itself, once it has loaded what a build needs.

The forkserver's workers (``batchworker``) start with the imports and the writers loaded,
but the forkserver is a second interpreter that loads all of it again, on the other core,
and its first worker was ready about 0.9 s into the batch. Forked from the command once the
command has loaded the same (``batchworker``, which the command needs for its own briefings
anyway), a worker starts building sooner, for one fork (copy-on-write), and the batch pays
the loading once. ``WarmFork`` is such a pool: an executor, passed through the same seam as
any other (``run_batch(executor=)``), whose workers do not exist until ``fork_here()`` is
called, by ``batch._share``, before it starts its feeder thread. (Forking only after the
command's first briefing, so that the worker would also find that briefing's first-use costs
paid, left the other core idle for the whole briefing: paired runs of 10 ten-article
briefings were slower than the forkserver's pool.)

The pool is the standard library's: a ``ProcessPoolExecutor`` with the fork context, whose
processes are all started right there (with the fork context it starts them all at its
first submit, before its own manager thread), by one trivial task waited for. Forking is
only safe with no other thread alive (one holding a lock at that moment leaves it held
forever in the child), so ``fork_here`` forks only then; otherwise, or where there is no
``os.fork``, it starts the fallback (the forkserver's pool) and hands every briefing to it.
A worker ignores Ctrl-C (the command decides) and ends when the command ends, however it
ends (``worker.forked``); one that dies breaks the pool as any process pool's would: the
briefing it had fails as "worker lost", and the command builds the rest (``batch._share``).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from typing import Callable


def platform_forks() -> bool:
    """Whether this platform's processes can fork a worker (Linux, where ``os.fork`` exists)."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


class WarmFork(Executor):
    def __init__(self, workers: int, fallback: Callable[[], Executor]) -> None:
        self._max_workers = workers
        self._fallback_factory = fallback
        self._pool: Executor | None = None
        self._forked = False

    @staticmethod
    def can_fork() -> bool:
        return platform_forks() and threading.active_count() == 1

    def fork_here(self) -> bool:
        """Start the workers now: forked from this process when that is safe, else the fallback.
        True if they were forked."""
        if self._pool is not None:
            return self._forked
        if not self.can_fork():
            self._pool = self._fallback_factory()
            return False
        import multiprocessing

        # Loaded here first, as a forkserver loads it (imports, readers, writers and their fonts,
        # the collector's threshold): this process needs it for its own briefings anyway.
        from . import batchworker  # noqa: F401
        from .worker import forked

        gc.collect()
        gc.freeze()  # the children's collections then never touch (and so never copy) the shared pages
        try:
            pool = ProcessPoolExecutor(self._max_workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=forked, initargs=(os.getpid(),))
            pool.submit(int).result()  # every process forked now, before the pool's own threads
        finally:
            gc.unfreeze()
        self._pool, self._forked = pool, True
        return True

    def submit(self, fn, /, *args, **kwargs) -> Future:
        if self._pool is None:
            self.fork_here()
        return self._pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)
