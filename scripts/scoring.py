"""Accuracy of the analysis against hand-written ground truth, kept out of the runtime package.

Two sets are scored the same way and always reported BLIND first:
- blind: articles under ``fixtures/blind/`` with truth in ``fixtures/blind/truth/``, written
  before the rules ever saw them (the honest estimate);
- tuning: ``fixtures/`` with ``fixtures/truth/`` (the rules were fixed while reading these:
  an upper bound).

Matching rules, chosen to reward what a reader of the briefing needs:
- A truth item's paragraph is found by searching its text in the article (the paragraph
  nearest the truth's number when it occurs more than once), falling back to the number the
  truth gives: a later change in how ingest splits paragraphs does not break the truth.
- quote: a predicted quote matches a truth quote when their normalised texts overlap (one
  contains the other, or they share >= 60% of the shorter one's words) within one paragraph
  (for quotes that span paragraphs). Its speaker is right when the truth speaker's last word
  is one of the predicted speaker's words, or the other way round; accents and case ignored.
  An unnamed questioner from the floor is one speaker whatever the truth calls it ("a
  reporter", "a journalist", as the transcript's label had it): rounds wrote both.
- role: over the quotes found with the right speaker whose truth gives a role (the role a
  speaker is given at first mention holds for all of their quotes): right when the truth
  role's significant words are all in the predicted role, or the other way round.
- figure: same paragraph and same number (relative tolerance 1e-6); with no number, the same
  normalised value text. Headline recall is over truth figures marked ``headline: true``.
- not-figures: predicted figures whose value is one of the truth's ``not_figures``, or is
  shaped like a phone number or a date, whatever the truth says.
- date: the same normalised date string (a set per article).
- source: the normalised truth name and a predicted name contain one another, or share their
  last significant word (so "WWF" matches "World Wide Fund for Nature (WWF)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path

from reporter.analysis.text import fold

ROOT = Path(__file__).resolve().parent.parent
TUNING_DIR = ROOT / "fixtures"
REAL_DIR = ROOT / "fixtures" / "real"
TUNING_DIRS = (TUNING_DIR, REAL_DIR)
BLIND_DIR = ROOT / "fixtures" / "blind"
BLIND_FLOOR = BLIND_DIR / "floor.yaml"

_WORDS = re.compile(r"\w+")
_DROP = frozenset("the a an of for and in at on to".split())
# Shapes that are never a figure: phone numbers and dates written with digits.
_PHONE = re.compile(r"^\+?\(?\d{2,5}\)?[\s.\-]\d{3,4}[\s.\-]?\d{3,4}$|^\d{3}[\-.]\d{3}[\-.]\d{4}$")
_DATE_SHAPE = re.compile(r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}$")


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


_FLOOR = frozenset(("a reporter", "a journalist", "reporter", "journalist", "question", "q", "questioner"))


def speaker_matches(pred: str, truth: str) -> bool:
    pw, tw = _norm_words(pred), _norm_words(truth)
    if not pw or not tw:
        return False
    if " ".join(pw) in _FLOOR and " ".join(tw) in _FLOOR:
        return True
    return tw[-1] in pw or pw[-1] in tw


def _role_words(role: str) -> set[str]:
    """A role's significant words, a title's abbreviation spelt out ("Lt." is "Lieutenant"): one
    office however it is written, on either side."""
    from reporter.analysis.cues import TITLE_ABBREVIATIONS

    return {x for w in _norm_words(role) for x in _norm_words(TITLE_ABBREVIATIONS.get(w, w)) if x not in _DROP}


def role_matches(pred: str | None, truth: str) -> bool:
    """The truth role's significant words all in the predicted role, or the other way round."""
    if not pred:
        return False
    p, t = _role_words(pred), _role_words(truth)
    return bool(p) and bool(t) and (t <= p or p <= t)


def source_matches(pred: str, truth: str) -> bool:
    p = [w for w in _norm_words(pred) if w not in _DROP]
    t = [w for w in _norm_words(truth) if w not in _DROP]
    if not p or not t:
        return False
    ps, ts = " ".join(p), " ".join(t)
    return ts in ps or ps in ts or t[-1] in p


def looks_like_phone_or_date(value: str) -> bool:
    v = value.strip()
    return bool(_PHONE.match(v) or _DATE_SHAPE.match(v))


@dataclass
class Score:
    truth_quotes: int = 0
    quotes_found: int = 0
    quotes_right_speaker: int = 0
    truth_roles: int = 0
    roles_right: int = 0
    pred_quotes: int = 0
    pred_quotes_matched: int = 0
    non_verbatim: int = 0
    truth_figures: int = 0
    pred_figures: int = 0
    figures_tp_truth: int = 0
    figures_tp_pred: int = 0
    truth_headline: int = 0
    headline_found: int = 0
    not_figures_listed: int = 0
    truth_dates: int = 0
    pred_dates: int = 0
    dates_tp: int = 0
    truth_sources: int = 0
    sources_found: int = 0

    def add(self, other: "Score") -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    @staticmethod
    def _r(a: int, b: int) -> float:
        return a / b if b else 1.0

    @property
    def quote_recall(self) -> float:
        return self._r(self.quotes_found, self.truth_quotes)

    @property
    def quote_speaker_accuracy(self) -> float:
        return self._r(self.quotes_right_speaker, self.truth_quotes)

    @property
    def role_accuracy(self) -> float:
        return self._r(self.roles_right, self.truth_roles)

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
    def headline_recall(self) -> float:
        return self._r(self.headline_found, self.truth_headline)

    @property
    def date_precision(self) -> float:
        return self._r(self.dates_tp, self.pred_dates)

    @property
    def date_recall(self) -> float:
        return self._r(self.dates_tp, self.truth_dates)

    @property
    def source_recall(self) -> float:
        return self._r(self.sources_found, self.truth_sources)

    def metrics(self) -> dict[str, float]:
        """The rates a floor or a threshold is set on, by name."""
        return {name: getattr(self, name) for name in METRICS}


METRICS = ("quote_recall", "quote_speaker_accuracy", "role_accuracy", "quote_precision", "figure_precision",
           "figure_recall", "headline_recall", "date_precision", "date_recall", "source_recall")


def locate(paragraphs, text: str, given: int | None) -> int | None:
    """The 1-based paragraph holding text (nearest the given number if several do), else given."""
    hits = [k for k, p in enumerate(paragraphs, 1) if text and text in p]
    if not hits:
        folded = " ".join(_norm_words(text))
        hits = [k for k, p in enumerate(paragraphs, 1) if folded and folded in " ".join(_norm_words(p))]
    if not hits:
        return given
    return min(hits, key=lambda k: (abs(k - given) if given else 0, k))


def _fig_match(pred, truth: dict, para: int | None) -> bool:
    if pred.paragraph != para:
        return False
    tn = truth.get("number")
    if tn is not None and pred.number is not None:
        return abs(pred.number - float(tn)) <= 1e-6 * max(1.0, abs(float(tn)))
    return _norm_words(pred.value) == _norm_words(str(truth.get("value", "")))


def _truth_roles(quotes: list[dict]) -> dict[str, str | None]:
    """Each speaker's role, where some truth quote of theirs gives one (first mention wins)."""
    roles: dict[str, str | None] = {}
    for q in quotes:
        if "role" in q and q["speaker"] not in roles:
            roles[q["speaker"]] = q["role"]
    return roles


@dataclass(frozen=True)
class QuoteVerdict:
    """How one truth quote fared: the predicted quotes that match it, those of them with the
    right speaker, and whether one of those has the right role (when the truth gives one)."""
    truth: dict
    paragraph: int | None
    found: tuple
    right: tuple
    role: str | None
    role_right: bool


def quote_verdicts(paragraphs, facts, tq: list[dict]) -> list[QuoteVerdict]:
    """One verdict per truth quote; the score counts them and --misses prints them."""
    roles = _truth_roles(tq)
    out = []
    for t in tq:
        para = locate(paragraphs, t["text"], t.get("paragraph"))
        found = tuple(q for q in facts.quotes if para is not None and abs(q.paragraph - para) <= 1
                      and quote_overlaps(q.text, t["text"]))
        right = tuple(q for q in found if speaker_matches(q.speaker, t["speaker"]))
        role = (t["role"] if "role" in t else roles.get(t["speaker"])) if right else None
        out.append(QuoteVerdict(t, para, found, right, role, bool(role) and any(role_matches(q.role, role) for q in right)))
    return out


def score(article, facts, truth: dict) -> Score:
    sc = Score()
    paragraphs = article.paragraphs
    for q in facts.quotes:
        if not (1 <= q.paragraph <= len(paragraphs)) or q.text not in paragraphs[q.paragraph - 1]:
            sc.non_verbatim += 1
    tq = truth.get("quotes") or []
    where = [locate(paragraphs, t["text"], t.get("paragraph")) for t in tq]
    sc.truth_quotes, sc.pred_quotes = len(tq), len(facts.quotes)
    for v in quote_verdicts(paragraphs, facts, tq):
        sc.quotes_found += bool(v.found)
        sc.quotes_right_speaker += bool(v.right)
        sc.truth_roles += bool(v.right and v.role)
        sc.roles_right += v.role_right
    sc.pred_quotes_matched = sum(
        1 for q in facts.quotes
        if any(para is not None and abs(q.paragraph - para) <= 1 and quote_overlaps(q.text, t["text"])
               for t, para in zip(tq, where)))
    tf = truth.get("figures") or []
    fwhere = [locate(paragraphs, str(t.get("value", "")), t.get("paragraph")) for t in tf]
    sc.truth_figures, sc.pred_figures = len(tf), len(facts.figures)
    found = [any(_fig_match(f, t, para) for f in facts.figures) for t, para in zip(tf, fwhere)]
    sc.figures_tp_truth = sum(found)
    sc.figures_tp_pred = sum(1 for f in facts.figures if any(_fig_match(f, t, p) for t, p in zip(tf, fwhere)))
    sc.truth_headline = sum(1 for t in tf if t.get("headline"))
    sc.headline_found = sum(1 for t, ok in zip(tf, found) if t.get("headline") and ok)
    nots = {" ".join(_norm_words(str(n))) for n in truth.get("not_figures") or []}
    sc.not_figures_listed = sum(1 for f in facts.figures
                                if " ".join(_norm_words(f.value)) in nots or looks_like_phone_or_date(f.value))
    td = {str(d) for d in truth.get("dates") or []}
    pd = {e.date for e in facts.timeline}
    sc.truth_dates, sc.pred_dates, sc.dates_tp = len(td), len(pd), len(td & pd)
    ts = truth.get("sources") or []
    sc.truth_sources = len(ts)
    sc.sources_found = sum(1 for t in ts if any(source_matches(s.name, t) for s in facts.sources))
    return sc


def misses(article, facts, truth: dict) -> list[str]:
    """One line per truth quote not found or misattributed, false figure, not-figure listed, missed
    or extra date, missed source.

    Uses the same matching as ``score``, so what it lists is exactly what the score counts as wrong.
    """
    out: list[str] = []
    paragraphs = article.paragraphs
    for v in quote_verdicts(paragraphs, facts, truth.get("quotes") or []):
        t, para = v.truth, v.paragraph
        if not v.found:
            out.append(f"quote missed ¶{para}: {t['speaker']!r}: {t['text'][:70]!r}")
        elif not v.right:
            out.append(f"speaker wrong ¶{para}: {v.found[0].speaker!r} for {t['speaker']!r}: {t['text'][:50]!r}")
        elif v.role and not v.role_right:
            out.append(f"role wrong ¶{para}: {v.right[0].role!r} for {v.role!r} ({t['speaker']})")
    tf = truth.get("figures") or []
    fwhere = [locate(paragraphs, str(t.get("value", "")), t.get("paragraph")) for t in tf]
    nots = {" ".join(_norm_words(str(n))) for n in truth.get("not_figures") or []}
    for f in facts.figures:
        if " ".join(_norm_words(f.value)) in nots or looks_like_phone_or_date(f.value):
            out.append(f"not-figure listed ¶{f.paragraph}: {f.value!r}")
        elif not any(_fig_match(f, t, p) for t, p in zip(tf, fwhere)):
            out.append(f"false figure ¶{f.paragraph}: {f.value!r} ({f.what})")
    for t, para in zip(tf, fwhere):
        if t.get("headline") and not any(_fig_match(f, t, para) for f in facts.figures):
            out.append(f"headline figure missed ¶{para}: {t.get('value')!r}")
    pd = {e.date for e in facts.timeline}
    for d in sorted({str(d) for d in truth.get("dates") or []} - pd):
        out.append(f"date missed: {d}")
    for d in sorted(pd - {str(d) for d in truth.get("dates") or []}):
        out.append(f"date extra: {d}")
    for t in truth.get("sources") or []:
        if not any(source_matches(s.name, t) for s in facts.sources):
            out.append(f"source missed: {t!r} (found: {', '.join(s.name for s in facts.sources) or 'none'})")
    return out


def truth_path(article_file: Path) -> Path:
    return article_file.parent / "truth" / (article_file.name + ".yaml")


def articles_with_truth(directory: Path) -> list[Path]:
    if not directory.is_dir():
        return []
    return [p for p in sorted(directory.iterdir()) if p.is_file() and truth_path(p).exists()]


def _scored(directory: Path):
    """(path, article, facts, truth) for every article of the directory that has a truth file, by name."""
    import yaml

    from reporter.analysis import analyze
    from reporter import load_articles

    for path in articles_with_truth(directory):
        truth = yaml.safe_load(truth_path(path).read_text(encoding="utf-8")) or {}
        article = load_articles(path)[0]
        yield path, article, analyze(article), truth


def score_fixtures(directory: Path) -> list[tuple[str, Score]]:
    """(article name, score) for every article of the directory that has a truth file, by name."""
    prefix = "" if directory == TUNING_DIR else f"{directory.name}/"
    return [(prefix + path.name, score(article, facts, truth)) for path, article, facts, truth in _scored(directory)]


def score_tuning() -> list[tuple[str, Score]]:
    """The tuning rows: fixtures/ and then fixtures/real/ (real articles after their blind round)."""
    return [row for d in TUNING_DIRS for row in score_fixtures(d)]


def total(rows: list[tuple[str, Score]]) -> Score:
    t = Score()
    for _, s in rows:
        t.add(s)
    return t


def markdown_table(rows: list[tuple[str, Score]], subtotals: tuple[tuple[str, list[tuple[str, Score]]], ...] = ()) -> str:
    """The rows, then a total row per (label, rows) of subtotals, then the total of all rows."""
    head = ("| Article | Quote R | Speaker acc. | Role acc. | Quote P | Figure P | Figure R | Headline R "
            "| Not-figures | Date P | Date R | Source R | Non-verbatim |\n"
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    lines = [head]
    sums = [(f"**{label}**", total(part)) for label, part in subtotals]
    for name, s in rows + sums + [("**All**", total(rows))]:
        lines.append(
            f"| {name} | {s.quote_recall:.0%} | {s.quote_speaker_accuracy:.0%} "
            f"({s.quotes_right_speaker}/{s.truth_quotes}) | {s.role_accuracy:.0%} ({s.roles_right}/{s.truth_roles}) "
            f"| {s.quote_precision:.0%} | {s.figure_precision:.0%} | {s.figure_recall:.0%} "
            f"| {s.headline_recall:.0%} ({s.headline_found}/{s.truth_headline}) | {s.not_figures_listed} "
            f"| {s.date_precision:.0%} | {s.date_recall:.0%} | {s.source_recall:.0%} | {s.non_verbatim} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python scripts/scoring.py --misses [DIR ...]``: what the analysis gets wrong on tuning articles.

    The blind set is refused: reading its misses would be tuning on it.
    """
    import argparse
    import sys

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list each miss, article by article")
    parser.add_argument("dirs", nargs="*", type=Path, help="directories to score (default: the tuning set)")
    args = parser.parse_args(argv)
    dirs = [d.resolve() for d in args.dirs] or list(TUNING_DIRS)
    if any(d.resolve() == BLIND_DIR.resolve() for d in dirs):
        print("scoring.py: the blind set is scored only by score_analysis.py, never read for misses", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    if not args.misses:
        print(markdown_table([row for d in dirs for row in score_fixtures(d)]))
        return 0
    for d in dirs:
        for path, article, facts, truth in _scored(d):
            lines = misses(article, facts, truth)
            if lines:
                print(f"== {path.relative_to(ROOT)}")
                print("\n".join(f"  {line}" for line in lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
