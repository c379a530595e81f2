"""Briefings per minute for a batch: one process, the local pool, a 2-worker LocalCluster.

Each run is a whole ``reporter batch`` process, as a user starts it: ``-j 1`` (serial, in
that process), ``-j 2`` (the command and its pool's one worker, forked warm from a
forkserver, building from one queue, the start counted) and ``--scheduler`` on a 2-worker
LocalCluster started before the clock, as a running cluster would be, its workers
preloading ``reporter.batchworker`` (the client writes the files). Two batches: 50 single-article briefings and 10 ten-article briefings,
from the fixtures. Then a rerun with nothing changed (every briefing skipped by the
manifest), also a whole process. Not a test: the figures go in the README.

With ``--rounds N`` each mode runs N times, in a rotating order, and the medians are
reported: on a shared machine the load changes from one minute to the next, and a ratio
of two runs made side by side in time says more than either run. Each line ends with the
load average (one minute) as the run started: on two cores a pool can only be faster than
one process when the cores are not already busy with other work.

    python scripts/bench_batch.py [--small 50] [--large 10] [--workers 2] [--rounds 1]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter.inputs import folder_articles  # noqa: E402


def make_spec(folder: Path, name: str, groups: list[list[Path]]) -> Path:
    lines = ["formats: [docx, pdf]", "briefings:"]
    for i, files in enumerate(groups):
        lines += [f"  - name: {name}-{i:03d}", "    articles:"] + [f"      - '{f}'" for f in files]
    spec = folder / f"{name}.briefing.yaml"
    spec.write_text("\n".join(lines) + "\n")
    return spec


def timed(spec: Path, out: Path, *extra: str) -> tuple[float, float]:
    """Wall seconds of one whole ``reporter batch`` process, and the CPU seconds of that process
    (the pool's workers are the forkserver's children and the cluster's are its own, so for
    those modes this is the client's share only); a failed briefing stops the benchmark."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "reporter", "batch", str(spec), "--out", str(out), *extra],
                            capture_output=True, text=True)
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    return took, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=50)
    ap.add_argument("--large", type=int, default=10)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1713571200")
    articles = folder_articles(ROOT / "fixtures")
    articles = [a for a in articles if a.parent == ROOT / "fixtures"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small = make_spec(tmp, "single", [[articles[i % len(articles)]] for i in range(args.small)])
        large = make_spec(tmp, "ten", [[articles[(i + k) % len(articles)] for k in range(10)]
                                       for i in range(args.large)])
        from distributed import LocalCluster

        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, preload=["reporter.batchworker"]) as cluster:
            modes = {"one process": ("-j", "1"), f"pool of {args.workers}": ("-j", str(args.workers)),
                     f"LocalCluster {args.workers}x1": ("--scheduler", cluster.scheduler_address)}
            names = list(modes)
            for label, spec, n in ((f"{args.small} x 1 article", small, args.small),
                                   (f"{args.large} x 10 articles", large, args.large)):
                times: dict[str, list[float]] = {m: [] for m in names}
                for r in range(args.rounds):
                    for mode in names[r % 3:] + names[:r % 3]:
                        load = os.getloadavg()[0]
                        took, cpu = timed(spec, tmp / f"{spec.stem}-{mode.split()[0]}-{r}", *modes[mode])
                        times[mode].append(took)
                        print(f"{label:18} {mode:18} round {r + 1}  {took:7.2f} s  {n / took * 60:7.1f} briefings/min"
                              f"  (CPU of the command's process {cpu:.2f} s; load {load:.1f})", flush=True)
                print(f"{label:18} medians: " + "  ".join(f"{m} {n / statistics.median(times[m]) * 60:.0f}/min"
                                                          for m in names))
                pool_one = statistics.median(a / b for a, b in zip(times[names[0]], times[names[1]]))
                dask_pool = statistics.median(b / c for b, c in zip(times[names[1]], times[names[2]]))
                print(f"{label:18} pool/one {pool_one:.2f}x   dask/pool {dask_pool:.2f}x  (median of the rounds' ratios)")
                rerun, cpu = timed(spec, tmp / f"{spec.stem}-one-0")
                print(f"{label:18} no-change rerun    {rerun:7.2f} s (a whole process; {cpu:.2f} s of CPU)")


if __name__ == "__main__":
    main()
