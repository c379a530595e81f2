#!/usr/bin/env python3
"""Measure reporter's speed and memory as a user meets it: whole CLI processes, and stages in process.

Prints Markdown tables for the README. Not a test: timings depend on the machine.
The 10- and 100-article briefings read distinct articles (scripts/distinct_articles.py):
copies of the sample would merge into one story and flatter the figures.
Usage: python scripts/benchmark.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "fixtures" / "peru-us-organized-crime.txt"
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1713571200"}


def run_process(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(args)}\n{proc.stderr.read().decode()}")
    return wall, usage.ru_maxrss / 1024


def distinct(n: int, where: Path) -> list[Path]:
    """N different articles made from the fixtures (copies of one would merge into one story)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from distinct_articles import write_distinct

    return write_distinct(n, where)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--thousand", action="store_true", help="also time a 1,000-article briefing (once)")
    args = ap.parse_args()
    extra = (1000,) if args.thousand else ()
    exe = [sys.executable, "-m", "reporter"]
    # A user's Python caches compiled modules at the first run; do that now, so a shell with
    # PYTHONDONTWRITEBYTECODE set does not time the compiling of reporter's sources.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reporter")], check=True,
                   stdout=subprocess.DEVNULL)
    print(f"Machine: {machine()}\n")
    print("| job (whole CLI process) | median wall | min wall | peak RSS |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        jobs = [("`reporter --help`", exe + ["--help"])]
        for n in (1, 10, 100, *extra):
            src = tmpdir / f"in{n}"
            src.mkdir()
            inputs = [str(SAMPLE)] if n == 1 else [str(p) for p in distinct(n, src)]
            label = "sample briefing" if n == 1 else f"{n}-article briefing"
            jobs.append((f"{label}, DOCX + PDF", exe + ["build", *inputs, "--out", str(tmpdir / f"out{n}")]))
        for label, cmd in jobs:
            results = [run_process(cmd, ROOT) for _ in range(1 if "1000" in label else args.runs)]
            walls = [w for w, _ in results]
            rss = max(m for _, m in results)
            print(f"| {label} | {statistics.median(walls):.3f} s | {min(walls):.3f} s | {rss:.0f} MB |")

        # In process: where the time goes, after imports are warm.
        sys.path.insert(0, str(ROOT))
        os.environ["SOURCE_DATE_EPOCH"] = ENV["SOURCE_DATE_EPOCH"]
        from reporter import pipeline
        from reporter.pipeline import analyse_all, load_inputs, make_briefing
        from reporter.style import load_house_style
        from reporter.writers import WRITERS

        style = load_house_style()
        print("\n| stage (in process, warm) | 1 article | 10 articles | 100 articles |")
        print("|---|---:|---:|---:|")
        rows: dict[str, list[str]] = {k: [] for k in ("ingest", "analysis", "compose", "docx", "pdf", "total")}
        for n in (1, 10, 100):
            src = tmpdir / f"in{n}"
            inputs = [SAMPLE] if n == 1 else sorted(src.iterdir())
            make_briefing(inputs)  # warm caches and imports
            best: dict[str, float] = {}
            for _ in range(max(2, args.runs // 2)):
                t0 = time.perf_counter()
                arts = load_inputs(inputs)
                t1 = time.perf_counter()
                facts = analyse_all(arts)
                t2 = time.perf_counter()
                # Compose timed on its own: make_briefing given this run's articles and facts,
                # rather than its time less ingest and analysis, a difference noise can turn negative.
                pipeline.load_inputs, pipeline.analyse_all = (lambda *a, **k: arts), (lambda *a, **k: facts)
                try:
                    t3 = time.perf_counter()
                    briefing = make_briefing(inputs)
                    t4 = time.perf_counter()
                finally:
                    pipeline.load_inputs, pipeline.analyse_all = load_inputs, analyse_all
                timings = {"ingest": t1 - t0, "analysis": t2 - t1, "compose": t4 - t3}
                for fmt in ("docx", "pdf"):
                    s = time.perf_counter()
                    WRITERS[fmt].write(briefing.document, tmpdir / f"bench.{fmt}", style=style)
                    timings[fmt] = time.perf_counter() - s
                timings["total"] = sum(timings.values())
                for k, v in timings.items():
                    best[k] = min(best.get(k, v), v)
            for k in rows:
                rows[k].append(f"{best[k] * 1000:.0f} ms")
            del facts
        for k, vals in rows.items():
            print(f"| {k} | " + " | ".join(vals) + " |")


if __name__ == "__main__":
    main()
