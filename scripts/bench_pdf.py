"""Time the PDF writer on the sample briefing and on a 100-article-sized document.

``python scripts/bench_pdf.py [--profile]`` prints medians of several runs (imports and the
once-per-process font registration excluded). Targets: the sample under ~0.1 s, the
large document (~2,100 paragraphs, 100 quotes, three 300-row tables) under ~1.2 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_docx import big_document, timed as docx_timed  # noqa: E402  -- same documents, same timing


def sample_document():
    from reporter.pipeline import make_briefing

    return make_briefing([ROOT / "fixtures" / "peru-us-organized-crime.txt"], marking="TLP:AMBER").document


def timed(doc, out: Path, runs: int) -> float:
    from reporter.writers.pdf import write

    return docx_timed(doc, out, runs, write)


def main() -> int:
    from pypdf import PdfReader

    from reporter.model import Heading, Paragraph, walk
    from reporter.writers.pdf import write

    big, sample = big_document(), sample_document()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.pdf"
        start = time.perf_counter()
        write(sample, out)  # first write: lazy imports, font registration, styles
        print(f"first write in this process: {(time.perf_counter() - start) * 1000:.0f} ms")
        if "--profile" in sys.argv:
            import cProfile
            import pstats

            cProfile.runctx("write(big, out)", globals(), {"write": write, "big": big, "out": out}, str(out) + ".prof")
            pstats.Stats(str(out) + ".prof").sort_stats("cumulative").print_stats(30)
            return 0
        print(f"sample briefing: {timed(sample, out, 15) * 1000:.1f} ms (median of 15), "
              f"{len(PdfReader(str(out)).pages)} pages")
        n_par = sum(isinstance(b, (Paragraph, Heading)) for b in walk(big.blocks))
        large = timed(big, out, 5)
        print(f"large document ({n_par} paragraphs + 3x300-row tables): {large * 1000:.0f} ms (median of 5), "
              f"{len(PdfReader(str(out)).pages)} pages, {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
