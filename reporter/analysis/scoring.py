"""Accuracy of the analysis against hand-written ground truth (fixtures/truth/*.yaml).

Matching rules, chosen to reward what a reader of the briefing needs:
- quote: a predicted quote matches a truth quote when their normalised texts overlap
  (one contains the other, or they share >= 60% of the shorter one's words) in the same
  paragraph (±1, for quotes that span paragraphs). Its speaker is right when the truth
  speaker's surname (last word, or the acronym) is one of the predicted speaker's words,
  or the other way round; accents and case are ignored.
- figure: same paragraph and same number (relative tolerance 1e-6); with no number,
  the same normalised value text.
- date: the same normalised date string (a set per article).
- source: the normalised truth name and a predicted name contain one another, or share
  their last significant word (so "WWF" matches "World Wide Fund for Nature (WWF)").
Quote-speaker accuracy is over the truth quotes: found AND attributed correctly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .text import fold

_WORDS = re.compile(r"\w+")
_DROP = frozenset("the a an of for and in".split())


def _norm_words(s: str) -> list[str]:
    return _WORDS.findall(fold(s))


def quote_overlaps(pred: str, truth: str) -> bool:
    p, t = " ".join(_norm_words(pred)), " ".join(_norm_words(truth))
    if not p or not t:
        return False
    if p in t or t in p:
        return True
    pw, tw = set(p.split()), set(t.split())
    return len(pw & tw) >= 0.6 * min(len(pw), len(tw))


def speaker_matches(pred: str, truth: str) -> bool:
    pw, tw = _norm_words(pred), _norm_words(truth)
    if not pw or not tw:
        return False
    return tw[-1] in pw or pw[-1] in tw


def source_matches(pred: str, truth: str) -> bool:
    p = [w for w in _norm_words(pred) if w not in _DROP]
    t = [w for w in _norm_words(truth) if w not in _DROP]
    if not p or not t:
        return False
    ps, ts = " ".join(p), " ".join(t)
    return ts in ps or ps in ts or t[-1] in p


@dataclass
class Score:
    truth_quotes: int = 0
    quotes_found: int = 0
    quotes_right_speaker: int = 0
    pred_quotes: int = 0
    pred_quotes_matched: int = 0
    non_verbatim: int = 0
    truth_figures: int = 0
    pred_figures: int = 0
    figures_tp_truth: int = 0
    figures_tp_pred: int = 0
    truth_dates: int = 0
    pred_dates: int = 0
    dates_tp: int = 0
    truth_sources: int = 0
    sources_found: int = 0

    def add(self, other: "Score") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def _r(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def quote_speaker_accuracy(self) -> float:
        return self._r(self.quotes_right_speaker, self.truth_quotes)

    @property
    def quote_precision(self) -> float:
        return self._r(self.pred_quotes_matched, self.pred_quotes)

    @property
    def figure_precision(self) -> float:
        return self._r(self.figures_tp_pred, self.pred_figures)

    @property
    def figure_recall(self) -> float:
        return self._r(self.figures_tp_truth, self.truth_figures)

    @property
    def date_precision(self) -> float:
        return self._r(self.dates_tp, self.pred_dates)

    @property
    def date_recall(self) -> float:
        return self._r(self.dates_tp, self.truth_dates)

    @property
    def source_recall(self) -> float:
        return self._r(self.sources_found, self.truth_sources)


def _fig_match(pred, truth: dict) -> bool:
    if pred.paragraph != truth.get("paragraph"):
        return False
    tn = truth.get("number")
    if tn is not None and pred.number is not None:
        return abs(pred.number - float(tn)) <= 1e-6 * max(1.0, abs(float(tn)))
    return _norm_words(pred.value) == _norm_words(str(truth.get("value", "")))


def score(article, facts, truth: dict) -> Score:
    sc = Score()
    paragraphs = article.paragraphs
    for q in facts.quotes:
        if not (1 <= q.paragraph <= len(paragraphs)) or q.text not in paragraphs[q.paragraph - 1]:
            sc.non_verbatim += 1
    tq = truth.get("quotes") or []
    sc.truth_quotes, sc.pred_quotes = len(tq), len(facts.quotes)
    for t in tq:
        cands = [q for q in facts.quotes if abs(q.paragraph - t["paragraph"]) <= 1 and quote_overlaps(q.text, t["text"])]
        if cands:
            sc.quotes_found += 1
            if any(speaker_matches(q.speaker, t["speaker"]) for q in cands):
                sc.quotes_right_speaker += 1
    sc.pred_quotes_matched = sum(
        1 for q in facts.quotes
        if any(abs(q.paragraph - t["paragraph"]) <= 1 and quote_overlaps(q.text, t["text"]) for t in tq))
    tf = truth.get("figures") or []
    sc.truth_figures, sc.pred_figures = len(tf), len(facts.figures)
    sc.figures_tp_truth = sum(1 for t in tf if any(_fig_match(f, t) for f in facts.figures))
    sc.figures_tp_pred = sum(1 for f in facts.figures if any(_fig_match(f, t) for t in tf))
    td = {str(d) for d in truth.get("dates") or []}
    pd = {e.date for e in facts.timeline}
    sc.truth_dates, sc.pred_dates, sc.dates_tp = len(td), len(pd), len(td & pd)
    ts = truth.get("sources") or []
    sc.truth_sources = len(ts)
    sc.sources_found = sum(1 for t in ts if any(source_matches(s.name, t) for s in facts.sources))
    return sc


def truth_path(fixture: Path) -> Path:
    return fixture.parent / "truth" / (fixture.name + ".yaml")


def score_fixtures(fixtures_dir: Path) -> list[tuple[str, Score]]:
    """(fixture name, score) for every fixture that has a truth file, in name order."""
    import yaml

    from ..ingest import load_articles
    from . import analyze

    rows = []
    for path in sorted(fixtures_dir.iterdir()):
        tp = truth_path(path)
        if not path.is_file() or not tp.exists():
            continue
        truth = yaml.safe_load(tp.read_text(encoding="utf-8"))
        article = load_articles(path)[0]
        rows.append((path.name, score(article, analyze(article), truth)))
    return rows


def markdown_table(rows: list[tuple[str, Score]]) -> str:
    total = Score()
    for _, s in rows:
        total.add(s)
    head = ("| Fixture | Quote-speaker acc. | Quote prec. | Figure P | Figure R | Date P | Date R | Source R |"
            " Non-verbatim |\n|---|---|---|---|---|---|---|---|---|")
    lines = [head]
    for name, s in rows + [("**All**", total)]:
        lines.append(
            f"| {name} | {s.quote_speaker_accuracy:.0%} ({s.quotes_right_speaker}/{s.truth_quotes}) "
            f"| {s.quote_precision:.0%} | {s.figure_precision:.0%} | {s.figure_recall:.0%} "
            f"| {s.date_precision:.0%} | {s.date_recall:.0%} | {s.source_recall:.0%} | {s.non_verbatim} |")
    return "\n".join(lines)
