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
from ..analysis.summary import unlabelled
from ..ingest.boilerplate import contact_details, dateline, is_boilerplate, masthead, same_headline, title_cased

if TYPE_CHECKING:
    from ..analysis.facts import Facts, KeyFigure, Quotation
    from ..ingest import Article
    from ..stories import Stories

MAX_ITEM_CHARS = 330  # one or two lines of a summary item, so eight fit on page one
SIMILAR = 0.5  # share of content words two items may have in common
COUNTED_WORDS = 6  # the longest description of what a figure counts that names one thing
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



def shown_role(name: str, role: str | None) -> str | None:
    """The role to print after a name: none when it only repeats the name ("Prime Minister,
    Prime Minister" for a transcript's office label that names no one)."""
    if role is None:
        return None
    def bare(x: str) -> str:
        return x.removeprefix("The ").removeprefix("the ").casefold()
    return None if bare(role) == bare(name) else role


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
                sentence = point.text
                if _TURN.match(sentence.lstrip()) or floor_talk(sentence, fx.quotes, point.paragraph):
                    continue  # a transcript's turn: "QUESTION: ...", a question, the briefer's "Good afternoon"
                sentence = unlabelled(sentence)  # "Minister: I am not familiar with that report." is hers, said
                if refers_back(sentence):
                    sentence = with_antecedent(articles[m], point.paragraph, sentence)
                    if sentence is None:
                        continue
                text = shown_text(sentence, point.paragraph, fx.quotes, articles[m])
                if text is None or (first_person(sentence) and text == " ".join(sentence.split())):
                    continue  # "We agreed...", with no speaker to say who "we" are
                terms = [w.lower() for w in _TERM.findall(text)]
                central = sum(centroid.get(w, 0.0) for w in set(terms)) / norm / math.sqrt(len(set(terms)) or 1)
                lede = 0.3 if k == 0 else 0.0
                score = round(central * 3 + weight + recency + lede - 0.1 * rank, 6)
                out.append(Pick(text, m, point.paragraph, si, score))
    return out


def floor_talk(sentence: str, quotes: Sequence[Quotation], paragraph: int) -> bool:
    """A transcript's sentence that is no item: a question or the briefer running the room
    (analysis.summary.floor_talk), or a reporter's words."""
    from ..analysis.summary import floor_talk as no_news, unlabelled

    if no_news(sentence):
        return True
    words = unlabelled(sentence).lstrip(" “\"‘'")
    return any(q.paragraph == paragraph and q.speaker == REPORTER and (words[:60] in q.text or q.text[:60] in words)
               for q in quotes)


_SENTENCE_END = ".!?…\"”’')]"
# A scraped list's number glued to its item: "135.EU funds €70 million …", "12.The Council …".
_LIST_NUMBER = re.compile(r"\d{1,4}\.(?=[A-Z][a-z]|[A-Z]{2,}\b)")


def spoken_of(speaker: str) -> str:
    """A speaker as a sentence writes her after "said": an office that names no one takes "the"
    ("said the Prime Minister", not "said Prime Minister" or "said The President")."""
    from ..analysis.mentions import is_title

    words = speaker.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    elif not words or not is_title(words[0]) or not all(
            is_title(w) or w[:1].islower() or words[k - 1] in ("of", "for") for k, w in enumerate(words)):
        return speaker  # a name ("Minister Roe"), or words that are no office
    return " ".join(["the", *words])


def shown_text(sentence: str, paragraph: int, quotes: Sequence[Quotation], article: Article | None = None) -> str | None:
    """The sentence as an item may show it, or None if it must not be one.

    Contact details and boilerplate are never items, nor a list item that reads only after
    its introduction ("have 30% more seats"); a sentence that quotes someone must name who
    (or is left out); a quote paragraph without quotation marks gets its speaker, from the
    analysis, from the press-release line that introduces it ("Jane Doe said:") or, in a
    speech, from its headline ("Remarks by Jane Doe at ...").
    """
    s = " ".join(sentence.split())
    if (d := dateline(s)) is not None:
        # "Brussels, 31 January 2018 The euro area ...", "DENVER (June 29, 2022) – Today, ...":
        # the item's source line dates it. Ingest cuts a dateline from the first paragraphs of
        # text only; one that opens a later paragraph (after a page's header lines) is cut here.
        s = s[d.end:].lstrip()
    s = _LIST_NUMBER.sub("", s, count=1)
    if len(s) > MAX_ITEM_CHARS or contact_details(s) or is_boilerplate(s):
        return None
    if article is not None and paragraph in dict(article.lists) and s[:1].islower():
        return None
    if article is not None and (_same_words(s, article.title) or same_headline(s, article.title)):
        return None  # the page's headline repeated above its text: the digest shows it already
    if masthead(s) or s[-1:] not in _SENTENCE_END or title_cased(s):
        return None  # a headline within the text (the next release's on a page of two), a menu: no sentence
    if not (s[:1].isupper() or s[:1].isdigit() or s[:1] in _QUOTE_MARKS or s[:1] in "(["):
        return None  # "– in the House of Commons at 5:34 pm ...": a fragment, not a sentence
    if not in_english(s):
        return None  # a bilingual release's other half: the briefing around the item is English
    quoted = next((q for q in quotes if q.paragraph == paragraph and (q.text in s or s in q.text)), None)
    if quoted is None and article is not None and (
            who := introduced_by(article.paragraphs, paragraph) or speech_speaker(article.title)):
        from ..analysis.facts import Quotation as _Q

        quoted = _Q(s, who, None, paragraph)
    has_marks = any(c in s for c in _QUOTE_MARKS)
    if has_marks:
        return s if _ATTRIBUTED.search(s) else None
    if quoted is not None and not _ATTRIBUTED.search(s):
        role = shown_role(quoted.speaker, quoted.role)
        who = spoken_of(quoted.speaker) + (f", {role}" if role else "")
        return f"“{s.rstrip('.')},” said {who}."
    return s


# Words that are common in one language and not words of English, against English's own: a
# sentence with more of the first than the second is in another language. A bilingual
# statement (Irish and English, Welsh and English) or a speech that turns to French for a
# paragraph would otherwise put page 1's summary in a language its reader may not read.
_ENGLISH_WORDS = frozenset(
    "the of and to is for that with by as at from will has have was were are be it this which we our said not "
    "their been there they he she his her its who would can more than or but also after about into over".split())
_OTHER_WORDS = frozenset((
    "agus na ar tá don sa ag ina leis seo sin bhí mar chun nó níos atá "  # Irish
    "yr yn ac mae ei gan hefyd bod ein eich wedi "  # Welsh
    "les des du et est une dans pour que qui avec sur pas au aux cette sont par "  # French
    "los las del por con una es para su "  # Spanish
    "der und ist nicht mit von auf für sich dem ein eine im").split())  # German
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def in_english(sentence: str) -> bool:
    """Whether a sentence reads as English: not two or more of another language's common words
    outnumbering English's (names such as "Le Pen" or "El Paso" are one word, and outnumbered)."""
    words = _WORD.findall(sentence.lower())
    other = sum(w in _OTHER_WORDS for w in words)
    return other < 2 or other <= sum(w in _ENGLISH_WORDS for w in words)


# A sentence that opens with a pronoun or a demonstrative points back at the one before
# ("These violations...", "He said...", "Such loans..."); "This year" and the like do not.
_ANAPHOR = re.compile(
    # a connective that adds to the sentence before ("In addition she has served …", "Moreover, …")
    r"(?:(?:in\s+addition|additionally|moreover|furthermore|also|besides)\b,?(?:\s+|$)"
    # a connective before the verb, its subject left in the sentence before ("And also been briefed …")
    r"|(?:and|but|or|so)\s+(?:also|been|being|had|has|have|was|were|got)\b"
    r"|(?:(?:and|but|however|meanwhile|then)\b,?\s+)?"
    r"\(?(?:he|she|it|its|they|them|their|this|these|those|that|such|his|her|the\s+(?:latter|former))\b"
    r"(?!\s+(?:year|week|month|morning|afternoon|evening|weekend|spring|summer|autumn|fall|winter|quarter|"
    r"decade|century|time)\b))", re.I)


# A sentence in the first person is its speaker's ("Let me begin by thanking...", "We have
# agreed..."): no sentence before it says who that is in a summary item.
# Case matters: "US officials" is no "us".
_FIRST_PERSON = re.compile(r"\(?(?:I|We|My|Our|Let\s+(?:me|us))\b(?!['’]s\b|\.)")
# A transcript's turn: "QUESTION: Yeah, but...", "MR. MILLER: We...", an interview's "A: Well...".
_TURN = re.compile(r"[A-Z][A-Z.'’ -]{0,40}:\s")


# "I" speaking further on in a sentence without quotation marks: "Key in our response is …, and
# again, I want to thank …" (not "World War I", "Title I funds").
_SPEAKS_AS_I = re.compile(r"(?<![\w“\"‘'])I (?:want|am|have|had|think|believe|know|will|would|was|can|could|must|hope|"
                          r"thank|welcome|say|said|met|spoke|visited)\b|(?<![\w“\"‘'])I['’](?:m|ve|ll|d)\b")


def first_person(sentence: str) -> bool:
    """Whether a sentence speaks as "I" or "we", or is a transcript's turn: a speech's, a
    statement's or a briefing's words, which an item cannot show as a fact without its speaker."""
    s = sentence.lstrip()
    return bool(_FIRST_PERSON.match(s) or _TURN.match(s)
                or not any(c in s for c in _QUOTE_MARKS) and _SPEAKS_AS_I.search(s))


_NAME = r"(?P<who>(?-i:[A-Z])[\w'’.-]*(?:\s+(?:(?-i:[A-Z])[\w'’.-]*|de|da|von|van|al|bin)){0,6})"
# "Remarks by President Jane Doe at the summit", "Speech by Jane Doe", "Jane Doe – 2025 speech
# at the Forum": a page of one speaker's words (a "statement" page may be the department's own).
_SPEECH_TITLE = re.compile(
    r"(?:remarks|speech|address|keynote(?:\s+address)?|lecture)\s+(?:by|of|from)\s+" + _NAME
    + r"(?=\s+(?:at|on|to|before|following|after|in|during|for)\b|\s*[,:;–—(-]|\s*$)"
    + r"|" + _NAME.replace("who", "who2") + r"\s*[–—:-]\s*(?:\d{4}\s+)?(?:remarks|speech|address)\b", re.I)


def speech_speaker(title: str) -> str | None:
    """Who speaks throughout a page whose headline says it is one person's speech, remarks or
    address; None for anything else (a press conference or briefing has many speakers)."""
    m = _SPEECH_TITLE.search(title.strip())
    if not m:
        return None
    who = (m.group("who") or m.group("who2")).strip(" ,.")
    return who if 2 <= len(who.split()) <= 7 else None


def refers_back(sentence: str) -> bool:
    """Whether a sentence opens with a word that refers to the sentence before it, so that it
    makes no sense on its own as a summary item."""
    return bool(_ANAPHOR.match(sentence.lstrip()))


def with_antecedent(article: Article, paragraph: int, sentence: str) -> str | None:
    """A sentence that refers back, with the sentence before it (in its paragraph, or the last
    of the paragraph before) in front, when the two fit in one item and the one before does not
    refer back itself; None when they do not: the item is better left out."""
    from ..analysis.text import sentence_spans

    if not 1 <= paragraph <= len(article.paragraphs):
        return None
    text = article.paragraphs[paragraph - 1]
    at = text.find(sentence)
    before = [text[a:b].strip() for a, b in sentence_spans(text[:at])] if at > 0 else []
    if not before and paragraph > 1 and paragraph - 1 not in article.boilerplate:
        prev = article.paragraphs[paragraph - 2]
        before = [prev[a:b].strip() for a, b in sentence_spans(prev[:20_000])]
    if not before or not before[-1] or refers_back(before[-1]) or before[-1].endswith(":"):
        return None
    pair = f"{before[-1]} {sentence.strip()}"
    return pair if len(pair) <= MAX_ITEM_CHARS else None


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
    """An article's figures, the ones a reader must see first: sums of money, then counts and
    shares written in digits, then measures, small counts and counts in words, then durations
    and ratios ("over the past four years", "one in three"); within each kind the early
    paragraphs first, then the article's own order. (Over the hand-marked real articles the
    kinds are headline figures at those rates, in that order: on them the first figure
    ranked is a headline one for 86% of articles, against 77% ranked by paragraph alone.)"""
    from ..analysis.figures import DURATIONS, MONEY_UNITS

    def kind(f: KeyFigure) -> int:
        if f.unit in MONEY_UNITS:
            return 0
        if f.unit in DURATIONS or f.unit == "ratio":
            return 3
        if f.unit is None and not any(c.isdigit() for c in f.value):
            return 2  # "three ships", "a dozen volunteers"
        if f.unit is None and (f.number or 0) >= 20 or f.unit == "%":
            return 1
        return 2  # a measure, or a small count in digits ("2 bodies")

    def key(ix: tuple[int, KeyFigure]):
        i, f = ix
        return (kind(f), min(f.paragraph, 6) if f.paragraph >= 1 else 6, i)

    return [f for _, f in sorted(enumerate(figures), key=key)]


def asked(quotes: Sequence[Quotation]) -> frozenset[int]:
    """The paragraphs that are a reporter's question and nobody's answer: their figures are what
    the questioner put to the briefer ("Eight months on, …?"), no key figure."""
    answered = {q.paragraph for q in quotes if q.speaker != REPORTER}
    return frozenset(q.paragraph for q in quotes if q.speaker == REPORTER and q.paragraph not in answered)


MAX_SHOWN_QUOTE = 600  # characters of a quotation a briefing prints: a few sentences, never a whole statement


def shown_quote(text: str, limit: int = MAX_SHOWN_QUOTE) -> str:
    """The quotation as the briefing prints it: whole when it is short, else its first sentences
    up to ``limit`` and an ellipsis (a statement or a speech may be one 1,000-word paragraph;
    the reader gets its opening, the annex has the rest). Still the speaker's exact words."""
    if len(text) <= limit:
        return text
    from ..analysis.text import sentence_spans

    ends = [b for _, b in sentence_spans(text[:limit + 1]) if b <= limit]
    cut = ends[-1] if ends and ends[-1] >= limit // 3 else text.rfind(" ", 0, limit)
    return text[:cut if cut > 0 else limit].rstrip(" ,;:—–-") + " …"


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
    ("core inflation", "officers trained"), or the figures count the same noun (the last
    word of what each counts: "diesel engines" and "non-conforming engines"), the figures
    have the same unit and the same order of magnitude (within a factor of two), and neither
    sentence states the other's value (then they count different things). For each shared
    pair the closest values are shown; three disagreements at most per story.
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
                    if not shared and (what := _same_counted(fa.what, fb.what)):
                        shared = {what}
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


def counted_noun(what: str) -> str | None:
    """The noun a figure counts, singular, from the words of what it counts: the first plural
    noun ("homes without power" -> "home", "law enforcement officers vetted" -> "officer"), else
    the last word; None when that is a verb's (-ed, -ing: "had expected 3.0%"), a stop word or a
    month's name ("the highest annual rate in March" counts no March).
    The one reading of it: the digest's disagreements and the bar charts both compare by it."""
    from ..dates import MONTH_NUMBERS
    from ..stories import STOP_WORDS

    words = [w for w in _TERM.findall(str(what or "").lower()) if w.isalpha()]
    head = next((w for w in words if len(w) > 3 and w.endswith("s") and not w.endswith("ss")), None)
    if head is None:
        head = words[-1] if words else ""
    if len(head) < 4 or head in STOP_WORDS or head.endswith(("ed", "ing")) or head in MONTH_NUMBERS:
        return None
    return head[:-1] if head.endswith("s") and not head.endswith("ss") else head


def _same_counted(a: str, b: str) -> str | None:
    """What two figures both count, when each counts a short noun phrase (at most
    COUNTED_WORDS words) about the same noun (``counted_noun``: "diesel engines",
    "non-conforming engines"); else None."""
    if max(len(_TERM.findall(a.lower())), len(_TERM.findall(b.lower()))) > COUNTED_WORDS:
        return None
    noun = counted_noun(a)
    if noun is None or noun != counted_noun(b):
        return None
    return min((a.strip(), b.strip()), key=lambda w: (len(w), w))


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
