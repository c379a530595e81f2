"""Briefings per minute for a batch: one process, the local pool, a 2-worker LocalCluster.

The pool is the command's own (``reporter.cli.batch_executor``: forkserver workers that
fork warm), timed from its start; the cluster is started before the clock, as a running
cluster would be, with its workers preloading ``reporter.batchworker``. Two batches: 50 single-article briefings and 10 ten-article briefings, from the fixtures.
Then a rerun with nothing changed (every briefing skipped by the manifest). Not a test:
the figures go in the README, as ratios (the machine they are measured on is shared).

    python scripts/bench_batch.py [--small 50] [--large 10] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reporter.batch import run_batch  # noqa: E402
from reporter.cli import batch_executor  # noqa: E402
from reporter.inputs import folder_articles  # noqa: E402
from reporter.spec import resolve  # noqa: E402


def make_spec(folder: Path, name: str, groups: list[list[Path]]) -> Path:
    lines = ["formats: [docx, pdf]", "briefings:"]
    for i, files in enumerate(groups):
        lines += [f"  - name: {name}-{i:03d}", "    articles:"] + [f"      - '{f}'" for f in files]
    spec = folder / f"{name}.briefing.yaml"
    spec.write_text("\n".join(lines) + "\n")
    return spec


def timed(jobs, executor=None, **kw) -> float:
    start = time.perf_counter()
    outcomes = run_batch(jobs, executor=executor, **kw)
    took = time.perf_counter() - start
    bad = [o for o in outcomes if o.status == "failed"]
    if bad:
        raise SystemExit(f"{bad[0].label}: {bad[0].reason}")
    return took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", type=int, default=50)
    ap.add_argument("--large", type=int, default=10)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1713571200")
    articles = folder_articles(ROOT / "fixtures")
    articles = [a for a in articles if a.parent == ROOT / "fixtures"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        small = make_spec(tmp, "single", [[articles[i % len(articles)]] for i in range(args.small)])
        large = make_spec(tmp, "ten", [[articles[(i + k) % len(articles)] for k in range(10)]
                                       for i in range(args.large)])
        for label, spec in (("50 x 1 article", small), ("10 x 10 articles", large)):
            n = len(resolve(spec))
            rates = {}
            for mode in ("one process", f"pool of {args.workers}", f"LocalCluster {args.workers}x1"):
                jobs = resolve(spec, {"out": str(tmp / f"{spec.stem}-{mode.split()[0]}")})
                if mode == "one process":
                    took = timed(jobs)
                elif mode.startswith("pool"):
                    start = time.perf_counter()  # the pool's start (its forkserver's preload) is part of the run
                    with batch_executor(len(jobs), args.workers, None) as pool:
                        timed(jobs, pool)
                    took = time.perf_counter() - start
                else:
                    from distributed import Client, LocalCluster

                    # Workers preload what a build needs, as `dask worker --preload reporter.batchworker` does;
                    # the cluster is up before the clock starts, as a long-running cluster would be.
                    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=None,
                                      preload=["reporter.batchworker"]) as cluster, Client(cluster) as client:
                        took = timed(jobs, client.get_executor(retries=2, pure=False), return_bytes=True)
                rates[mode] = n / took * 60
                print(f"{label:18} {mode:18} {took:7.2f} s  {rates[mode]:7.1f} briefings/min", flush=True)
            base, pool_rate, dask_rate = rates.values()
            print(f"{label:18} pool/one {pool_rate / base:.2f}x   dask/pool {dask_rate / pool_rate:.2f}x")
            rerun = timed(resolve(spec, {"out": str(tmp / f"{spec.stem}-one")}))
            print(f"{label:18} no-change rerun    {rerun:7.2f} s")


if __name__ == "__main__":
    main()
