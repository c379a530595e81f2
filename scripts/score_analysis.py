"""Print the analysis accuracy table (Markdown, for the README) and analysis timings.

    python scripts/score_analysis.py [FIXTURES_DIR]

Accuracy is measured against the hand-written ground truth in fixtures/truth/; the
matching rules are documented in reporter/analysis/scoring.py.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from reporter.analysis import analyze
    from reporter.analysis.scoring import markdown_table, score_fixtures
    from reporter import load_articles

    fixtures = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fixtures"
    print(markdown_table(score_fixtures(fixtures)))
    from dataclasses import replace

    from reporter.analysis.quotes import quote_spans
    from reporter.analysis.text import paragraph_tokens

    def cold(article):
        """Analyse with the per-paragraph caches empty, as for an article never seen before."""
        paragraph_tokens.cache_clear()
        quote_spans.cache_clear()
        return analyze(article)

    sample = load_articles(ROOT / "fixtures" / "peru-us-organized-crime.txt")[0]
    cold(sample)
    runs = 50
    t = time.perf_counter()
    for _ in range(runs):
        cold(sample)
    one = (time.perf_counter() - t) / runs
    # 100 distinct articles: the fixtures, each paragraph varied so that no cache can help.
    from reporter.analysis.scoring import truth_path

    base = [a for p in sorted(fixtures.iterdir()) if p.is_file() and truth_path(p).exists()
            for a in load_articles(p)]
    batch = [replace(a, paragraphs=tuple(f"{para} (copy {i})" for para in a.paragraphs))
             for i, a in enumerate((base * 100)[:100])]
    t = time.perf_counter()
    for a in batch:
        analyze(a)
    hundred = time.perf_counter() - t
    print(f"\nSample article: {one * 1000:.1f} ms per analysis (mean of {runs}); 100 articles: {hundred:.2f} s")


if __name__ == "__main__":
    main()
