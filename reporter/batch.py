"""Many briefings at once: each one a task, built where the caller's executor runs it.

A task is one whole briefing (``build_job``): read, choose, analyse, compose, write. It
is sized so a worker's per-task cost (pickling a job, a result) is nothing beside the
build, and it runs serially inside its worker: the parallelism is across briefings.
The executor is the caller's (``run_batch(..., executor=)``): a local process pool, a
Dask cluster's (``cluster.py``), or none (in this process, one after the other).

Idempotent: each briefing's inputs (every file's bytes, the spec's resolved options,
reporter's version, SOURCE_DATE_EPOCH) hash to a key kept in a small manifest beside the
outputs (``.reporter-manifest.json``). A briefing whose key and files are unchanged is
skipped. The manifest is written after each briefing that finishes, so an interrupted
batch resumes where it stopped; a briefing's files are renamed into place together or
not at all, so a failure leaves the last good ones. One failure is that briefing's line
in the summary, never the batch's end.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
import time
from concurrent.futures import Executor, Future, as_completed
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, ContextManager, Iterable, Sequence

from .errors import InputError, ReporterError
from .inputs import MANIFEST
from .spec import Job


@dataclass(frozen=True)
class Output:
    fmt: str
    name: str  # file name in the job's out_dir
    sha256: str
    data: bytes | None = None  # the file, when the client writes it (a worker with no shared folder)


@dataclass(frozen=True)
class Outcome:
    label: str
    status: str  # "built", "skipped" or "failed"
    reason: str = ""  # one line, for a failure
    outputs: tuple[Output, ...] = ()
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    out_dir: str = ""

    @property
    def paths(self) -> list[Path]:
        return [Path(self.out_dir) / o.name for o in self.outputs]


@functools.cache
def _version() -> str:
    """reporter's installed version, read once: ``importlib.metadata`` parses the package's
    metadata at every call (2 ms each; once for each briefing, it was half the CPU of a
    50-briefing no-change rerun)."""
    from importlib.metadata import version

    return version("reporter")


def job_key(job: Job) -> str:
    """What the briefing is built from, as one hash: change any of it and it is rebuilt."""
    h = hashlib.sha256()
    desc = {"version": _version(), "epoch": os.environ.get("SOURCE_DATE_EPOCH", ""), "name": job.name,
            "formats": job.formats, "options": [[k, str(v)] for k, v in job.options],
            "sections": [[s.heading, list(s.inputs), s.filter.model_dump_json() if s.filter else None]
                         for s in job.sections],
            "reference_doc": job.reference_doc}
    h.update(json.dumps(desc, sort_keys=True).encode())
    for name in job.files:
        h.update(b"\0" + name.encode() + b"\0")
        try:
            h.update(Path(name).read_bytes())
        except OSError:
            h.update(b"\0missing")  # the build reports it; the key must still differ from a good one
    return h.hexdigest()


def job_size(job: Job) -> int:
    """Bytes of the briefing's input files: what its build costs, near enough to order by."""
    total = 0
    for name in job.files:
        try:
            total += os.stat(name).st_size
        except OSError:
            pass
    return total


def build_job(job: Job, return_bytes: bool = False) -> Outcome:
    """Build one briefing, serially, wherever this runs; never raises for a bad briefing.

    ``return_bytes``: write into a private temporary folder and hand the files back, for a
    worker that does not share the client's file system (the client writes them).
    """
    import tempfile

    from .pipeline import make_and_write
    from .spec import select_articles

    start = time.perf_counter()
    try:
        chosen = select_articles(job).build_options
        make = job.make_options
        with tempfile.TemporaryDirectory(prefix="reporter-") if return_bytes else _nothing() as tmp:
            out_dir = tmp or job.out_dir
            briefing, written = make_and_write(**chosen, formats=job.formats, out_dir=out_dir,
                                               reference_doc=job.reference_doc, stem=job.name, **make)
            outputs = []
            for fmt, path in written.items():
                data = Path(path).read_bytes()
                outputs.append(Output(fmt, Path(path).name, hashlib.sha256(data).hexdigest(),
                                      data if return_bytes else None))
    except ReporterError as exc:
        return Outcome(job.label, "failed", str(exc), seconds=time.perf_counter() - start)
    except Exception as exc:  # a bug in one briefing must not take the others down
        return Outcome(job.label, "failed", f"internal error: {type(exc).__name__}: {exc}",
                       seconds=time.perf_counter() - start)
    return Outcome(job.label, "built", outputs=tuple(outputs), warnings=briefing.warnings,
                   seconds=time.perf_counter() - start, out_dir=job.out_dir)


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


# ---------------------------------------------------------------- the manifest


def _manifest_path(out_dir: str) -> Path:
    return Path(out_dir) / MANIFEST


def read_manifest(out_dir: str) -> dict:
    try:
        data = json.loads(_manifest_path(out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data.get("briefings", {}) if isinstance(data, dict) else {}


def write_manifest(out_dir: str, entries: dict) -> None:
    from .fileio import write_bytes_atomic

    data = json.dumps({"version": 1, "briefings": entries}, indent=1, sort_keys=True) + "\n"
    write_bytes_atomic(_manifest_path(out_dir), data.encode())


def _entry_key(job: Job) -> str:
    return f"{Path(job.spec).resolve()}#{job.index}"


def up_to_date(job: Job, key: str, entries: dict) -> bool:
    """The manifest has this key for this briefing, and every file it lists is as written."""
    entry = entries.get(_entry_key(job))
    if not entry or entry.get("key") != key:
        return False
    for item in entry.get("files", []):
        path = Path(job.out_dir) / item["name"]
        try:
            if hashlib.sha256(path.read_bytes()).hexdigest() != item["sha256"]:
                return False
        except OSError:
            return False
    return bool(entry.get("files"))


def _record(job: Job, key: str, outcome: Outcome) -> None:
    """Write the client's copies (if any), then the manifest entry: resumable after each one."""
    from .fileio import atomic_paths

    carried = [o for o in outcome.outputs if o.data is not None]
    if carried:
        with atomic_paths([Path(job.out_dir) / o.name for o in carried]) as temps:
            for tmp, o in zip(temps, carried):
                tmp.write_bytes(o.data)
    entries = read_manifest(job.out_dir)
    entries[_entry_key(job)] = {"key": key, "label": job.label,
                                "files": [{"name": o.name, "sha256": o.sha256} for o in outcome.outputs]}
    write_manifest(job.out_dir, entries)


# ---------------------------------------------------------------- the run


Progress = Callable[[Outcome, int, int], None]

SWITCH_INTERVAL = 0.0005  # seconds; see ``_share``


def run_batch(jobs: Sequence[Job], *, executor: Executor | Callable[[int], ContextManager] | None = None,
              force: bool = False, return_bytes: bool = False, progress: Progress | None = None,
              failed: Iterable[Outcome] = (), here: bool = False) -> list[Outcome]:
    """Build every job not up to date; the outcomes in the jobs' order.

    ``executor``: an executor, or a function of the number of briefings to build that gives
    a context manager yielding one (or None: here, one after the other), so a pool is
    started only when something is to be built, and no larger than that (the command's
    no-change rerun starts no process). ``failed``: briefings that could not even be
    resolved (a bad spec), reported with the rest. Each finished briefing is recorded at
    once, so stopping loses only those running. ``here``: this process builds too, taking
    the next briefing from the same queue as the executor's workers (see ``_share``).
    """
    outcomes: dict[int, Outcome] = {}
    early = list(failed)
    total = len(jobs) + len(early)
    done = 0

    def finish(i: int, outcome: Outcome) -> None:
        nonlocal done
        outcomes[i] = outcome
        done += 1
        if progress:
            progress(outcome, done, total)

    for i, outcome in enumerate(early):
        finish(-1 - i, outcome)
    for out_dir in sorted({j.out_dir for j in jobs}):
        try:
            Path(out_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"cannot create the output folder ({exc.strerror or exc})", out_dir) from None
    manifests = {d: read_manifest(d) for d in {j.out_dir for j in jobs}}
    keys: dict[int, str] = {}  # each job's files hashed once: a no-change rerun is little else
    todo = []
    for i, job in enumerate(jobs):
        keys[i] = job_key(job)
        if not force and up_to_date(job, keys[i], manifests[job.out_dir]):
            finish(i, Outcome(job.label, "skipped", out_dir=job.out_dir))
        else:
            todo.append(i)
    _refuse_shared_targets([jobs[i] for i in todo])
    if not callable(executor) or isinstance(executor, Executor):
        _build(jobs, keys, todo, executor, return_bytes, finish, here)
    elif todo:
        with executor(len(todo)) as started:
            _build(jobs, keys, todo, started, return_bytes, finish, here)
    early_out = [outcomes[k] for k in sorted(k for k in outcomes if k < 0)][::-1]
    return early_out + [outcomes[i] for i in range(len(jobs))]


def _build(jobs: Sequence[Job], keys: dict[int, str], todo: list[int], executor: Executor | None,
           return_bytes: bool, finish: Callable[[int, Outcome], None], here: bool = False) -> None:
    """Build the jobs ``todo`` (indices), here one after the other or on ``executor`` (and
    here too, with ``here``), each recorded and reported as it finishes."""
    if executor is None:
        for i in todo:
            _settle_one(jobs[i], keys[i], build_job(jobs[i], return_bytes), i, finish)
        return
    # Largest first: the briefings' costs differ a hundredfold (a long transcript against a
    # short release), and one large briefing sent last leaves the other workers idle while it
    # runs (50 real articles on two workers: 5.2 s in file order, the last 2.3 s alone).
    order = sorted(todo, key=lambda i: (-job_size(jobs[i]), i))
    if here:
        _share(jobs, keys, order, executor, return_bytes, finish)
        return
    futures: dict[Future, int] = {executor.submit(build_job, jobs[i], return_bytes): i for i in order}
    try:
        for future in as_completed(futures):
            i = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # the worker died (a crash, the OOM killer) or the cluster gave up
                outcome = Outcome(jobs[i].label, "failed", f"worker lost: {type(exc).__name__}: {exc}")
            _settle_one(jobs[i], keys[i], outcome, i, finish)
    finally:
        for future in futures:
            future.cancel()


def _share(jobs: Sequence[Job], keys: dict[int, str], order: list[int], executor: Executor,
           return_bytes: bool, finish: Callable[[int, Outcome], None]) -> None:
    """Build the jobs ``order`` on ``executor`` and in this process, from one queue.

    A local pool's workers start warm, with what a build loads (``batchworker``) already
    loaded: forked from this process once it has loaded it (``forkpool``: ``fork_here``,
    called here before the feeder's thread starts, since a fork beside another thread is not
    safe), or, where that cannot be, from a forkserver that loads it all again, about a second
    before the first of them builds anything. Either way this process, its specs read, would
    only wait. So it builds too, from the front of the same queue, as one process would (the
    same function, so the same bytes), from the first moment: on two cores the pool's start
    then costs the batch the time this process spends loading what it builds with, not the
    whole start. A helper thread sends each worker one briefing
    at a time, the next when it is done: a second one queued behind it is the worker's, and
    at the end this process, out of work, waited for it (10 ten-article briefings: 0.7 s of
    a 3.4 s batch). Meanwhile the interpreter hands over between threads every
    SWITCH_INTERVAL rather than every 5 ms, so a worker's result and its next briefing do not
    wait out this process's build in 5 ms slices at each of their four hand-overs. The
    workers' outcomes are recorded here, between this process's own builds. A pool that
    cannot start leaves every briefing to this process.
    """
    import queue
    import threading

    # Two queues, each popped from the end (the largest first): briefings with text in a script
    # the house fonts lack, which this process prefers, and the rest, which the workers prefer.
    # Such text makes the PDF load a fallback font on first use, in each process that meets it
    # (a CJK font: 0.36 s of CPU to parse), so they are kept together in one process while
    # there are others to share out (see ``_other_script``).
    other = {i for i in order if _other_script(jobs[i])}
    mine = [i for i in reversed(order) if i in other]
    theirs = [i for i in reversed(order) if i not in other]
    lock = threading.Lock()
    results: queue.SimpleQueue = queue.SimpleQueue()
    slots = threading.Semaphore(0)
    futures: list[Future] = []
    stopping = threading.Event()
    workers = getattr(executor, "_max_workers", 1)

    def take(first: list[int] = mine, then: list[int] = theirs) -> int | None:
        with lock:
            return first.pop() if first else then.pop() if then else None

    def give() -> int | None:  # the workers' turn
        return take(theirs, mine)

    def feed() -> None:
        try:
            for _ in range(workers):  # start the workers: each start waits for its fork
                executor.submit(int)
        except Exception:  # noqa: BLE001 -- a pool that cannot start: this process builds everything
            return
        for _ in range(workers):
            slots.release()
        while True:
            slots.acquire()
            i = None if stopping.is_set() else give()
            if i is None:
                return
            try:
                future = executor.submit(build_job, jobs[i], return_bytes)
            except Exception:  # noqa: BLE001 -- the pool broke: give the briefing back
                with lock:
                    (mine if i in other else theirs).append(i)
                return
            futures.append(future)
            future.add_done_callback(lambda f, i=i: (results.put((i, f)), slots.release()))

    def settle(i: int, future: Future) -> None:
        try:
            outcome = future.result()
        except Exception as exc:  # the worker died (a crash, the OOM killer)
            outcome = Outcome(jobs[i].label, "failed", f"worker lost: {type(exc).__name__}: {exc}")
        _settle_one(jobs[i], keys[i], outcome, i, finish)

    def stop() -> None:
        stopping.set()
        slots.release()
        feeder.join()

    settled = 0
    fork_here = getattr(executor, "fork_here", None)
    if fork_here is not None:  # workers forked from this process (``forkpool``): now, before the feeder's thread
        fork_here()
    switching = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    feeder = threading.Thread(target=feed, name="reporter-feed-pool", daemon=True)
    feeder.start()
    try:
        while True:
            while not results.empty():
                settle(*results.get())
                settled += 1
            i = take()
            if i is None:
                stop()
                i = take()  # one the feeder gave back, the pool broken
                if i is None:
                    break
            _settle_one(jobs[i], keys[i], build_job(jobs[i], return_bytes), i, finish)
            settled += 1
        while settled < len(order):
            settle(*results.get())
            settled += 1
    finally:
        stop()
        for future in futures:
            future.cancel()
        sys.setswitchinterval(switching)


def _other_script(job: Job) -> bool:
    """Whether an input file of the briefing has a character of a script other than Latin, or a
    combining mark: a guess, from the raw files, at the PDF needing a fallback font (Greek and
    Cyrillic, which the house fonts have, are guessed wrong, at no cost). It only decides which
    process builds the briefing, never what is built."""
    from .scripts import only_latin

    for name in job.files:
        try:
            text = Path(name).read_bytes().decode("utf-8", "ignore")
        except OSError:
            continue
        if not only_latin(text):
            return True
    return False


def _settle_one(job: Job, key: str, outcome: Outcome, i: int, finish: Callable[[int, Outcome], None]) -> None:
    if outcome.status == "built":
        try:
            _record(job, key, outcome)
        except OSError as exc:
            outcome = Outcome(job.label, "failed", f"{job.out_dir}: cannot be written ({exc.strerror or exc})")
        outcome = replace(outcome, outputs=tuple(replace(o, data=None) for o in outcome.outputs))
    finish(i, outcome)


def _refuse_shared_targets(jobs: Sequence[Job]) -> None:
    """Two briefings of a batch named alike in one folder would overwrite each other."""
    seen: dict[tuple[str, str], str] = {}
    for job in jobs:
        if job.name is None:
            continue
        where = (str(Path(job.out_dir).resolve()), job.name)
        if where in seen:
            raise InputError(f"writes the same files as {seen[where]} (name: {job.name}); give each its own name",
                             job.label)
        seen[where] = job.label


def summary_rows(outcomes: Sequence[Outcome]) -> list[tuple[str, str, str]]:
    """(briefing, status, detail) for the table at the end."""
    rows = []
    for o in outcomes:
        detail = o.reason if o.status == "failed" else ", ".join(x.name for x in o.outputs) or "up to date"
        rows.append((o.label, o.status, detail))
    return rows
