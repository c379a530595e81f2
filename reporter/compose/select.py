"""The editing: which sentences, figures and quotations a busy reader sees first.

Pure choices over stories and facts. The executive summary takes at most ``n`` items
across all stories, scored by how central a sentence is to its story (its words' weight
in the story's TF-IDF centroid), how many sources carry the story and how recent it is,
with a per-story cap so one story cannot take every slot, and no item that repeats
another's words. A sentence holding a quotation is kept only when it says who spoke; a
press-release quote paragraph without quotation marks is given its speaker ("…," said X).
Contact details never become items.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..analysis.cues import REPORTER
from ..ingest.boilerplate import contact_details, is_boilerplate

if TYPE_CHECKING:
    from ..analysis.facts import Facts, KeyFigure, Quotation
    from ..ingest import Article
    from ..stories import Stories

MAX_ITEM_CHARS = 330  # one or two lines of a summary item, so eight fit on page one
SIMILAR = 0.5  # share of content words two items may have in common
_QUOTE_MARKS = "“”\"«»„"
_ATTRIBUTED = re.compile(r"\b(?:said|says|told|according to|stated|added|wrote|announced|noted|argued|"
                         r"warned|insisted|explained|declared|concluded)\b", re.I)
_TERM = re.compile(r"[^\W\d_]{3,}|\d[\d.,]*\d|\d")


@dataclass(frozen=True, slots=True)
class Pick:
    """A sentence chosen for the summary or a digest: its text as shown, where it comes from."""

    text: str
    article: int  # input index
    paragraph: int
    story: int  # index into the stories, in their order
    score: float


def candidates(stories: Stories, articles: Sequence[Article], facts: Sequence[Facts]) -> list[Pick]:
    """Every sentence that could be an item, scored, in a deterministic order."""
    out: list[Pick] = []
    if not stories.stories:
        return out
    top = max(s.importance for s in stories.stories) or 1.0
    days = [s.published.toordinal() for s in stories.stories if s.published]
    lo, hi = (min(days), max(days)) if days else (0, 0)
    for si, story in enumerate(stories.stories):
        centroid: dict[str, float] = {}
        for m in story.members:
            for w, x in (stories.terms[m] if stories.terms else {}).items():
                centroid[w] = centroid.get(w, 0.0) + x
        norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
        weight = story.importance / top
        recency = 0.3 * ((story.published.toordinal() - lo) / (hi - lo)) if story.published and hi > lo else 0.0
        for rank, m in enumerate(story.members):
            fx = facts[m]
            for k, point in enumerate(fx.key_points):
                if point.paragraph in articles[m].boilerplate:
                    continue
                text = shown_text(point.text, point.paragraph, fx.quotes, articles[m])
                if text is None:
                    continue
                terms = [w.lower() for w in _TERM.findall(text)]
                central = sum(centroid.get(w, 0.0) for w in set(terms)) / norm / math.sqrt(len(set(terms)) or 1)
                lede = 0.3 if k == 0 else 0.0
                score = round(central * 3 + weight + recency + lede - 0.1 * rank, 6)
                out.append(Pick(text, m, point.paragraph, si, score))
    return out


def shown_text(sentence: str, paragraph: int, quotes: Sequence[Quotation], article: Article | None = None) -> str | None:
    """The sentence as an item may show it, or None if it must not be one.

    Contact details and boilerplate are never items, nor a list item that reads only after
    its introduction ("have 30% more seats"); a sentence that quotes someone must name who
    (or is left out); a quote paragraph without quotation marks gets its speaker, from the
    analysis or from the press-release line that introduces it ("Jane Doe said:").
    """
    s = " ".join(sentence.split())
    if len(s) > MAX_ITEM_CHARS or contact_details(s) or is_boilerplate(s):
        return None
    if article is not None and paragraph in dict(article.lists) and s[:1].islower():
        return None
    if article is not None and _same_words(s, article.title):
        return None  # the page's headline repeated above its text: the digest shows it already
    quoted = next((q for q in quotes if q.paragraph == paragraph and (q.text in s or s in q.text)), None)
    if quoted is None and article is not None and (who := introduced_by(article.paragraphs, paragraph)):
        from ..analysis.facts import Quotation as _Q

        quoted = _Q(s, who, None, paragraph)
    has_marks = any(c in s for c in _QUOTE_MARKS)
    if has_marks:
        return s if _ATTRIBUTED.search(s) else None
    if quoted is not None and not _ATTRIBUTED.search(s):
        who = quoted.speaker + (f", {quoted.role}" if quoted.role else "")
        return f"“{s.rstrip('.')},” said {who}."
    return s


def _same_words(a: str, b: str) -> bool:
    return a.casefold().split() == b.casefold().split() or [w.lower() for w in _TERM.findall(a)] == [
        w.lower() for w in _TERM.findall(b)]


_INTRO = re.compile(r"(?P<who>[A-Z][^.!?:]{2,120}?)\s+(?:said|says|added|stated|commented|explained)\s*:$")
QUOTE_RUN = 2  # paragraphs after "X said:" taken as X's words


def introduced_by(paragraphs: Sequence[str], paragraph: int) -> str | None:
    """Who speaks in ``paragraph`` (1-based) when it follows, within QUOTE_RUN paragraphs, a
    line of the press-release form "Transport Secretary Jane Doe said:" with no other
    introduction between."""
    for k in range(paragraph - 1, max(0, paragraph - 1 - QUOTE_RUN), -1):
        prev = " ".join(paragraphs[k - 1].split())
        if (m := _INTRO.fullmatch(prev)) and len(m.group("who").split()) <= 10:
            return m.group("who")
        if prev.endswith(":"):
            return None
    return None


def choose(picks: list[Pick], n: int, n_stories: int) -> list[Pick]:
    """At most ``n`` picks by score, at most ``ceil(n / stories)`` per story, none repeating
    another's words; returned in story order, then article order."""
    if n <= 0:
        return []
    cap = max(1, math.ceil(n / max(1, n_stories)))
    taken: dict[int, int] = {}
    chosen: list[Pick] = []
    seen: list[set[str]] = []
    for p in sorted(picks, key=lambda p: (-p.score, p.story, p.article, p.paragraph)):
        if len(chosen) >= n:
            break
        if taken.get(p.story, 0) >= cap:
            continue
        words = {w.lower() for w in _TERM.findall(p.text)}
        if any(len(words & s) > SIMILAR * min(len(words), len(s)) for s in seen):
            continue
        chosen.append(p)
        seen.append(words)
        taken[p.story] = taken.get(p.story, 0) + 1
    return sorted(chosen, key=lambda p: (p.story, p.article, p.paragraph))


def rank_figures(figures: Sequence[KeyFigure]) -> list[KeyFigure]:
    """An article's figures, the ones it leads with first: early paragraphs, then money, shares
    and measures before plain counts, then the article's own order."""

    def key(ix: tuple[int, KeyFigure]):
        i, f = ix
        measured = 0 if f.unit else 1
        return (min(f.paragraph, 6) if f.paragraph >= 1 else 6, measured, i)

    return [f for _, f in sorted(enumerate(figures), key=key)]


def best_quote(quotes: Sequence[Quotation]) -> Quotation | None:
    """The quotation a digest shows: a named speaker with a role first, then the fullest."""
    usable = [q for q in quotes if q.speaker and q.speaker != REPORTER and not contact_details(q.text)]
    if not usable:
        return None
    return min(usable, key=lambda q: (q.role is None, " " not in q.speaker, -min(len(q.text), 300), q.paragraph))


@dataclass(frozen=True, slots=True)
class Claim:
    value: str
    article: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Disagreement:
    what: str
    claims: tuple[Claim, ...]


def disagreements(members: Sequence[int], facts: Sequence[Facts], articles: Sequence[Article]) -> list[Disagreement]:
    """Figures for the same thing that different articles of one story state differently.

    "The same thing": the two sentences stating them share a pair of adjacent content words
    ("core inflation", "officers trained"), the figures have the same unit and the same
    order of magnitude (within a factor of two), and neither sentence states the other's
    value (then they count different things). For each shared pair the closest values are
    shown; three disagreements at most per story.
    """
    out: list[Disagreement] = []
    seen: set[str] = set()
    for a_pos, a in enumerate(members):
        for b in members[a_pos + 1:]:
            found: dict[str, tuple[float, Claim, Claim]] = {}
            for fa in facts[a].figures:
                sa = _sentence(articles[a], fa)
                if fa.number is None or not sa or fa.paragraph in articles[a].boilerplate:
                    continue
                pairs_a = _word_pairs(sa)
                for fb in facts[b].figures:
                    if (fb.number is None or fb.unit != fa.unit or fb.number == fa.number
                            or fb.paragraph in articles[b].boilerplate):
                        continue
                    lo, hi = sorted((abs(fa.number), abs(fb.number)))
                    if lo == 0 or hi > 2 * lo:
                        continue
                    sb = _sentence(articles[b], fb)
                    if not sb or fb.value in sa or fa.value in sb:
                        continue
                    shared = pairs_a & _word_pairs(sb)
                    for key in sorted(shared):
                        gap = abs(fa.number - fb.number)
                        if key not in found or gap < found[key][0]:
                            found[key] = (gap, Claim(fa.value, a, fa.paragraph), Claim(fb.value, b, fb.paragraph))
            for key, (_, ca, cb) in sorted(found.items()):
                if key in seen or any((ca, cb) == d.claims for d in out):
                    continue
                seen.add(key)
                out.append(Disagreement(key, (ca, cb)))
    return out[:3]


def date_disagreements(members: Sequence[int], facts: Sequence[Facts], articles: Sequence[Article]) -> list[Disagreement]:
    """Different dates that different articles of one story give for the same event.

    "The same event": the two events' sentences share a pair of adjacent content words
    ("Boluarte announced", "talks resumed"); both dates name a day (or both a month) and
    differ in it, in the same year or where one of them does not state the year.
    """
    from ..dates import date_label

    out: list[Disagreement] = []
    seen: set[str] = set()
    for a_pos, a in enumerate(members):
        for b in members[a_pos + 1:]:
            for ea in facts[a].timeline:
                if ea.paragraph in articles[a].boilerplate:
                    continue
                da = _day(ea.date)
                if da is None:
                    continue
                pairs_a = _word_pairs(ea.event)
                for eb in facts[b].timeline:
                    db = _day(eb.date)
                    if db is None or eb.paragraph in articles[b].boilerplate or len(da[1]) != len(db[1]):
                        continue
                    shared = pairs_a & _word_pairs(eb.event)
                    # A year read off the publication date may be a guess: other years need a close match.
                    if da[1] == db[1] or (da[0] and db[0] and da[0] != db[0] and len(shared) < 2):
                        continue
                    for key in sorted(shared):
                        if key not in seen:
                            seen.add(key)
                            words = eb.event.lstrip("… ").split()
                            what = "the date of “" + " ".join(words[:10]).rstrip(".,;:") + ("…”" if len(words) > 10 else "”")
                            out.append(Disagreement(what, (Claim(date_label(ea.date), a, ea.paragraph),
                                                          Claim(date_label(eb.date), b, eb.paragraph))))
                        break
    return out[:3]


def _day(iso: str) -> tuple[str | None, str] | None:
    """(year or None, "MM-DD" or "MM") of a date that names at least a month."""
    if iso.startswith("--"):
        return None, iso[2:]
    parts = iso.split("-")
    return (parts[0], "-".join(parts[1:])) if len(parts) >= 2 else None


def _sentence(article: Article, figure: KeyFigure) -> str | None:
    """The sentence of the figure's paragraph that states it."""
    from ..analysis.text import sentence_spans

    if not 1 <= figure.paragraph <= len(article.paragraphs):
        return None
    text = article.paragraphs[figure.paragraph - 1]
    for s, e in sentence_spans(text[:20_000]):
        if figure.value in text[s:e]:
            return text[s:e]
    return None


def _word_pairs(sentence: str) -> set[str]:
    """Adjacent pairs of content words (no stop words, no numbers) of a sentence, at least one
    of them written in lower case: an action or a common noun ("core inflation", "Boluarte
    announced"), not only a name ("Central Bank"), which two different events can share."""
    from ..stories import STOP_WORDS

    words = _TERM.findall(sentence)
    return {f"{x.lower()} {y.lower()}" for x, y in zip(words, words[1:])
            if x.lower() not in STOP_WORDS and y.lower() not in STOP_WORDS and not x[0].isdigit()
            and not y[0].isdigit() and (x.islower() or y.islower())}
