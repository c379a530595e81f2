"""A batch's local workers forked from the command itself, once it has loaded what a build needs.

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

Forking is only safe with no other thread alive (one holding a lock at that moment leaves
it held forever in the child), so ``fork_here`` forks only then; otherwise, or where there
is no ``os.fork``, it starts the fallback (the forkserver's pool) and hands every briefing
to it. Each worker serves one pipe: a job in (pickled, as a process pool sends it), its
result out. It ignores Ctrl-C (the command decides), ends when the command's end of the
pipe closes and, on Linux, by the parent-death signal when the command ends however it ends.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from concurrent.futures import Executor, Future
from typing import Callable


class WorkerLost(RuntimeError):
    """The worker process ended with briefings still to answer."""


class WarmFork(Executor):
    def __init__(self, workers: int, fallback: Callable[[], Executor]) -> None:
        self._max_workers = workers
        self._fallback_factory = fallback
        self._fallback: Executor | None = None
        self._workers: list[_Worker] = []
        self._next = 0
        self._lock = threading.Lock()
        self._started = False

    @staticmethod
    def can_fork() -> bool:
        return hasattr(os, "fork") and sys.platform.startswith("linux") and threading.active_count() == 1

    def fork_here(self) -> bool:
        """Start the workers now: forked from this process when that is safe, else the fallback.
        True if they were forked."""
        if self._started:
            return bool(self._workers)
        self._started = True
        if not self.can_fork():
            self._fallback = self._fallback_factory()
            return False
        # Loaded here first, as a forkserver loads it (imports, readers, writers and their fonts,
        # the collector's threshold): this process needs it for its own briefings anyway.
        from . import batchworker  # noqa: F401

        gc.collect()
        gc.freeze()  # the child's collections then never touch (and so never copy) the shared pages
        try:
            for _ in range(self._max_workers):
                self._workers.append(_Worker.fork([fd for w in self._workers for fd in w.fds()]))
        finally:
            gc.unfreeze()
        for worker in self._workers:
            worker.listen()
        return True

    def submit(self, fn, /, *args, **kwargs) -> Future:
        if not self._started:
            self.fork_here()
        if self._fallback is not None:
            return self._fallback.submit(fn, *args, **kwargs)
        with self._lock:
            alive = [w for w in self._workers if not w.lost]
            if not alive:
                raise WorkerLost("every worker process has ended")
            worker = min(alive, key=lambda w: (len(w.pending), self._workers.index(w)))
        return worker.submit(fn, args, kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._fallback is not None:
            self._fallback.shutdown(wait=wait, cancel_futures=cancel_futures)
        for worker in self._workers:
            worker.close(wait)


class _Worker:
    def __init__(self, pid: int, send_fd: int, recv_fd: int) -> None:
        self.pid = pid
        self._send = os.fdopen(send_fd, "wb", buffering=0)
        self._recv = os.fdopen(recv_fd, "rb", buffering=0)
        self.pending: dict[int, Future] = {}
        self._count = 0
        self._lock = threading.Lock()
        self.lost = False
        self._reader: threading.Thread | None = None

    def fds(self) -> list[int]:
        return [self._send.fileno(), self._recv.fileno()]

    @classmethod
    def fork(cls, others: list[int]) -> "_Worker":
        """A worker; ``others``: this process's ends of the pipes of the workers forked before,
        closed in the new one (holding another worker's job pipe open, it would keep that
        worker from ever reading its end)."""
        jobs_r, jobs_w = os.pipe()
        results_r, results_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns
            code = 1
            try:
                for fd in (jobs_w, results_r, *others):
                    os.close(fd)
                code = _serve(jobs_r, results_w)
            finally:
                os._exit(code)
        os.close(jobs_r)
        os.close(results_w)
        return cls(pid, jobs_w, results_r)

    def listen(self) -> None:
        self._reader = threading.Thread(target=self._read, name=f"reporter-worker-{self.pid}", daemon=True)
        self._reader.start()

    def submit(self, fn, args, kwargs) -> Future:
        future: Future = Future()
        with self._lock:
            if self.lost:
                raise WorkerLost(f"worker process {self.pid} has ended")
            self._count += 1
            key = self._count
            self.pending[key] = future
            future.set_running_or_notify_cancel()
            try:
                _write(self._send, pickle.dumps((key, fn, args, kwargs), protocol=pickle.HIGHEST_PROTOCOL))
            except OSError as exc:
                del self.pending[key]
                self.lost = True
                raise WorkerLost(f"worker process {self.pid} has ended ({exc})") from None
        return future

    def _read(self) -> None:
        while True:
            try:
                data = _read(self._recv)
                key, ok, value = pickle.loads(data)
            except Exception:  # noqa: BLE001 -- EOF or a torn message: the worker is gone
                break
            with self._lock:
                future = self.pending.pop(key, None)
            if future is not None:
                future.set_result(value) if ok else future.set_exception(value)
        with self._lock:
            self.lost = True
            pending, self.pending = self.pending, {}
        for future in pending.values():
            future.set_exception(WorkerLost(f"worker process {self.pid} ended mid-briefing"))

    def close(self, wait: bool) -> None:
        try:
            self._send.close()  # the worker reads the end of its pipe and exits
        except OSError:
            pass
        if wait:
            try:
                os.waitpid(self.pid, 0)
            except ChildProcessError:
                pass
            if self._reader is not None:
                self._reader.join()
        self._recv.close() if not (self._reader and self._reader.is_alive()) else None


def _write(stream, data: bytes) -> None:
    stream.write(len(data).to_bytes(8, "little") + data)


def _read(stream) -> bytes:
    head = _exactly(stream, 8)
    return _exactly(stream, int.from_bytes(head, "little"))


def _exactly(stream, n: int) -> bytes:
    chunks, left = [], n
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _serve(jobs_fd: int, results_fd: int) -> int:
    """The worker's loop: a job in, its result out, until the command's end closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # not the command's handlers (they raise, for its clean-up)
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM), 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() == 1:  # the command ended before the signal was asked for
            return 1
    # The same larger first-generation threshold as the forkserver's workers (batchworker).
    gc.set_threshold(10_000, 10, 10)
    jobs = os.fdopen(jobs_fd, "rb", buffering=0)
    results = os.fdopen(results_fd, "wb", buffering=0)
    while True:
        try:
            key, fn, args, kwargs = pickle.loads(_read(jobs))
        except EOFError:
            return 0
        try:
            answer = (key, True, fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 -- the command's to report
            answer = (key, False, exc)
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001
            data = pickle.dumps((key, False, RuntimeError(f"result not picklable: {exc}")))
        try:
            _write(results, data)
        except OSError:
            return 1
