#!/usr/bin/env python3
"""Write N distinct articles made from the fixtures, for benchmarks and scoring.

Copies of one article would all merge into one story (stories.py removes duplicates), so
a benchmark of copies would measure a one-story briefing. Here copy k of a fixture keeps
its shape (title, paragraphs, punctuation, the common words that analysis reads: "said",
"according", ...) while every other word is replaced by a word of the fixtures' pooled
vocabulary chosen by a hash of (word, k), and every number by another of as many digits: the copies read
as different articles to any similarity measure, and analysis has the same work to do.

Usage: python scripts/distinct_articles.py N OUT_DIR
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
KEEP_IN = 5  # words found in this many fixtures (the language's own words) stay as they are
_NUMBER = re.compile(r"(?<![\d\\-])\d+(?![\d-])")  # not ISO dates' parts, nor JSON escapes
_WORD = re.compile(r"(?<![\\\w])[^\W\d_]{3,}")  # letters of any script: "Lê Văn Hùng" varies too


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".json", ".yaml", ".html"))


def _vocabulary(texts: list[str]) -> tuple[set[str], list[str]]:
    counts = Counter(w.lower() for t in texts for w in _WORD.findall(t))
    spread = Counter(w for t in texts for w in {x.lower() for x in _WORD.findall(t)})
    common = {w for w, n in spread.items() if n >= KEEP_IN}
    rest = sorted(w for w in counts if w not in common)  # the words of one topic or another
    return common, rest


def vary(text: str, k: int, common: set[str], pool: list[str]) -> str:
    """The text with its uncommon words swapped for pool words chosen by (word, k)."""

    def swap(m: re.Match[str]) -> str:
        w = m.group(0)
        if w.lower() in common or (k == 0):
            return w
        h = int.from_bytes(hashlib.blake2b(f"{w.lower()}|{k}".encode(), digest_size=8).digest(), "big")
        new = pool[h % len(pool)]
        if w.isupper():
            return new.upper()
        return new.capitalize() if w[0].isupper() else new

    def renumber(m: re.Match[str]) -> str:
        d = m.group(0)
        if len(d) == 4 and 1900 <= int(d) <= 2099:
            return d  # a year: the articles keep their dates
        new = str((int(d) * 31 + k * 17) % 10 ** len(d)).zfill(len(d))
        return ("1" + new[1:]) if len(new) > 1 and new[0] == "0" else new

    return _NUMBER.sub(renumber, _WORD.sub(swap, text)) if k else text


def write_distinct(n: int, out: Path) -> list[Path]:
    files = fixture_files()
    texts = [f.read_text(encoding="utf-8") for f in files]
    common, pool = _vocabulary(texts)
    common |= {"html", "head", "body", "title", "meta", "article", "content", "property", "name", "published",
               "source", "author", "date", "paragraphs", "text", "speaker", "role", "paragraph", "quotes",
               "figures", "value", "number", "unit", "what", "https", "http", "class", "span", "strong", "time"}
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        src = files[i % len(files)]
        k = i // len(files) + 1
        p = out / f"article-{i:04d}{src.suffix}"
        p.write_text(vary(texts[i % len(files)], k, common, pool), encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    for path in write_distinct(int(sys.argv[1]), Path(sys.argv[2])):
        print(path)
