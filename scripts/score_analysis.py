"""Print the analysis accuracy tables (Markdown, for the README) and analysis timings.

    python scripts/score_analysis.py               # both tables and timings
    python scripts/score_analysis.py --tuning      # the tuning table and timings only
    python scripts/score_analysis.py --misses [DIR ...]   # each tuning miss (never the blind set's)

Two tables, BLIND first (articles under fixtures/blind/ that the rules have never been tuned
on), then TUNING: one table for fixtures/ and fixtures/real/ (real articles after their blind
round), the sets the rules were fixed against (an upper bound), with a total per set and for
both. The matching rules are documented in scripts/scoring.py.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]


def main(argv: list[str] | None = None) -> int:
    """``--misses [DIR ...]`` lists the tuning misses (scoring.py's, which refuses the blind set);
    ``--tuning`` prints the tuning table and timings only, for work that must not see blind scores."""
    argv = sys.argv[1:] if argv is None else argv
    if "--misses" in argv:
        import scoring

        return scoring.main(argv)
    from scoring import BLIND_DIR, REAL_DIR, TUNING_DIR, articles_with_truth, markdown_table, score_fixtures

    from reporter.analysis import analyze
    from reporter import load_articles

    if "--tuning" not in argv:
        blind = score_fixtures(BLIND_DIR)
        print(f"## BLIND ({len(blind)} articles never tuned on)\n")
        print(markdown_table(blind) if blind else "(no blind articles yet: fixtures/blind/ holds none with truth)")
    own, real = score_fixtures(TUNING_DIR), score_fixtures(REAL_DIR)
    print(f"\n## TUNING ({len(own) + len(real)} articles the rules were fixed against: fixtures/ and fixtures/real/)\n")
    print(markdown_table(own + real, subtotals=(("fixtures/", own), ("fixtures/real/", real))))

    from reporter.analysis.spans import quote_spans
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
    base = [a for p in articles_with_truth(TUNING_DIR) for a in load_articles(p)]
    batch = [replace(a, paragraphs=tuple(f"{para} (copy {i})" for para in a.paragraphs))
             for i, a in enumerate((base * 100)[:100])]
    t = time.perf_counter()
    for a in batch:
        analyze(a)
    hundred = time.perf_counter() - t
    print(f"\nSample article: {one * 1000:.1f} ms per analysis (mean of {runs}); 100 articles: {hundred:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
