"""Time the DOCX writer on a briefing-sized and a 100-article-sized document.

``python scripts/bench_docx.py`` prints the median of several runs (imports excluded).
Target: the large document in under ~0.8 s, the sample-sized one in under 0.1 s.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reporter.model import (  # noqa: E402
    BulletList, Document, Emph, Heading, Link, Meta, Paragraph, Quote, Strong, Table, TableOfContents, Text,
)

WORDS = ("the ministry said cooperation with regional partners on cocaine seizures rose sharply "
         "while officials in Lima & Washington <disagreed> about extradition").split()


def sentence(i: int, n: int = 40) -> str:
    return " ".join(WORDS[(i + k) % len(WORDS)] for k in range(n)) + "."


def big_document(sections: int = 100, paragraphs: int = 18, tables: int = 3, rows: int = 300) -> Document:
    blocks: list = [TableOfContents()]
    for s in range(sections):
        blocks.append(Heading(1, (Text(f"Article {s + 1}: {sentence(s, 8)}"),), anchor=f"art-{s}"))
        blocks.append(Heading(2, (Text("Key facts"),)))
        for p in range(paragraphs):
            blocks.append(Paragraph((Text(sentence(s + p)), Strong((Text(" bold"),)), Text(" and "),
                                     Emph((Text("emphasis"),)), Text(" "),
                                     Link((Text("source"),), f"https://example.org/{s}/{p % 3}")),
                                    anchor=f"p-{s}-{p}"))
        blocks.append(Quote((Paragraph((Text(sentence(s, 25)),)),), (Text("Minister"),)))
        items = tuple((Paragraph((Text(sentence(s + k, 12)), Link((Text(" ¶"),), f"#p-{s}-{k}"))),)
                      for k in range(2))
        blocks.append(BulletList(items))
    for t in range(tables):
        blocks.append(Table(header=((Text("Country"),), (Text("Metric"),), (Text("Value"),), (Text("Change"),)),
                            rows=tuple(((Text(f"Country {r}"),), (Text(sentence(r, 4)),), (Text(f"{r * 1.5:.1f}"),),
                                        (Text(f"+{r % 17}%"),)) for r in range(rows)),
                            align=("left", "left", "right", "right"), caption=f"Table {t + 1}"))
    return Document(Meta(title="Benchmark briefing", marking="TLP:AMBER", date="2024-04-20",
                         created="2024-04-20T00:00:00Z"), tuple(blocks))


def small_document() -> Document:
    return big_document(sections=3, paragraphs=6, tables=1, rows=8)


def timed(doc: Document, out: Path, runs: int, write=None) -> float:
    """Median seconds of ``runs`` writes (the DOCX writer unless another is given)."""
    if write is None:
        from reporter.writers.docx import write

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        write(doc, out)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    import docx  # noqa: F401  -- imports are not what we measure

    from reporter.model import walk
    from reporter.writers.docx import write

    big, small = big_document(), small_document()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bench.docx"
        write(small, out)  # warm caches (house style, lazy imports)
        n_par = sum(isinstance(b, (Paragraph, Heading)) for b in walk(big.blocks))
        print(f"small document: {timed(small, out, 15) * 1000:.1f} ms (median of 15)")
        print(f"large document ({n_par} paragraphs + 3x300-row tables): "
              f"{timed(big, out, 5) * 1000:.0f} ms (median of 5), {out.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
