"""Shared text helpers for the analysers: tokens, sentences, name runs, word lists.

Pure functions over strings. Every regex here is linear (no nested unbounded
quantifiers), because analysis must stay fast on 2 MB paragraphs of junk.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import repeat
from operator import add, itemgetter
from typing import NamedTuple, Sequence

from ..dates import MONTH_NAMES


class Tok(NamedTuple):
    text: str
    start: int
    end: int


# A number with thousands separators is one token, so "45,000" never looks like a comma. The
# repeats are possessive: nothing follows them, so a match never gives characters back, and
# saying so spares the regex engine its backtracking bookkeeping.
_TOKEN = re.compile(r"\d++(?:[.,]\d+)*+|\w++(?:[’'\-.]\w+)*+|[^\w\s]")


def _toks(matches, offset: int = 0) -> list[Tok]:
    """Tok objects for regex matches, built by C-level map() rather than a Python loop (the
    NamedTuple's own constructor is Python code): tokenising is a large share of analysis."""
    ms = list(matches)
    starts, ends = map(_start, ms), map(_end, ms)
    if offset:
        starts, ends = map(add, starts, repeat(offset)), map(add, ends, repeat(offset))
    return list(map(tuple.__new__, repeat(Tok), zip(map(_group, ms), starts, ends)))


_group, _start, _end = itemgetter(0), re.Match.start, re.Match.end
_tok_start = itemgetter(1)


def tokens(text: str, offset: int = 0) -> Sequence[Tok]:
    """Tokens of text, their places counted from offset. A whole paragraph's (offset 0) come
    from the shared cache, as a tuple: readers only index and slice them."""
    if offset == 0:
        return paragraph_tokens(text)
    return _toks(_TOKEN.finditer(text), offset)


SHARED_TOKENS_MAX = 100_000  # paragraphs up to this long are tokenised whole, once, and shared


def tokens_between(text: str, start: int, end: int) -> Sequence[Tok]:
    """The tokens of text[start:end] (as tokens(text[start:end], start) gives them), read off the
    paragraph's shared tokens instead of tokenising the slice again. An edge that cuts a token
    is tokenised as the slice would be; a paragraph too long to be shared is not looked up."""
    if len(text) > SHARED_TOKENS_MAX:
        return _toks(_TOKEN.finditer(text, start, end))
    toks = paragraph_tokens(text)
    i = bisect_left(toks, start, key=_tok_start)
    if i and toks[i - 1].end > start:  # the slice starts inside a token
        return _toks(_TOKEN.finditer(text, start, end))
    j = bisect_left(toks, end, key=_tok_start)
    if j > i and toks[j - 1].end > end:  # and ends inside one: only that one is read again
        return toks[i:j - 1] + tuple(_toks(_TOKEN.finditer(text, toks[j - 1].start, end)))
    return toks[i:j]


def token_matches(text: str, start: int, end: int):
    """The tokens of text[start:end] as regex matches, at their places in text, one at a time:
    for a reader that stops early and needs no Tok objects (the token regex has no lookaround,
    so these are the tokens of the slice)."""
    return _TOKEN.finditer(text, start, end)


@lru_cache(maxsize=256)
def paragraph_tokens(text: str) -> tuple[Tok, ...]:
    """Tokens of a whole paragraph, shared by the analysers that each read it."""
    return tuple(_toks(_TOKEN.finditer(text)))


class _WordMemo(dict):
    """Results of a pure one-word function, by word. Looking one up through the bound
    __getitem__ costs a dict lookup, well under an lru_cache call (which builds an argument
    tuple each time); the memo is emptied when full, so junk input cannot grow it unbounded."""

    __slots__ = ("_fn",)

    def __init__(self, fn) -> None:
        super().__init__()
        self._fn = fn

    def __missing__(self, word: str):
        if len(self) >= 65536:
            self.clear()
        value = self[word] = self._fn(word)
        return value


def word_memo(fn):
    """Decorator for the per-word classifiers the analysers call on every token: words repeat."""
    return _WordMemo(fn).__getitem__


def is_cap(word: str) -> bool:
    """Starts with an upper-case letter (any script that has case)."""
    return word[:1].isupper()


@word_memo
def fold(text: str) -> str:
    """Case- and accent-insensitive key: 'Fabián' and 'fabian' compare equal."""
    if text.isascii():
        return text.lower()
    nfkd = unicodedata.normalize("NFKD", text)
    return "".join(c for c in nfkd if not unicodedata.combining(c)).casefold()


# --------------------------------------------------------------------------
# Sentences

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt adm inc ltd co corp no nos vs "
    "pvt pfc spc cpl lcpl ssg sfc msg sgm csm cpt ltc "
    "jan feb mar apr jun jul aug sep sept oct nov dec fig al approx est dept univ u.s u.k u.n e.g i.e".split()
)
_SENT_END = re.compile(r"[.!?…]+[\"”’)\]]{0,3}\s+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence. Abbreviations and initials do not end a sentence."""
    spans, start = [], 0
    for m in _SENT_END.finditer(text):
        nxt = text[m.end():m.end() + 2]
        if not nxt or not (nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "“\"‘(["):
            continue
        if text[m.start()] == ".":
            word = text[max(start, m.start() - 12):m.start()].rsplit(None, 1)[-1:] or [""]
            w = word[0].lstrip("(“\"").lower()
            if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                continue
        spans.append((start, m.end()))
        start = m.end()
    # Each span so far holds its end mark; the last one starts after the whitespace that ended the
    # one before, so only a text with no sentence end can be blank.
    if start < len(text) and (start or not text.isspace()):
        spans.append((start, len(text)))
    return spans


class Sentences(dict):
    """Sentence spans of each paragraph of one article, by index, found on first use and then
    shared by the analysers that read sentences (quotes, timeline, key points) instead of each
    finding them again. A paragraph of 200,000 characters or more is junk and is read as one
    sentence."""

    __slots__ = ("_paragraphs",)

    def __init__(self, paragraphs) -> None:
        super().__init__()
        self._paragraphs = paragraphs

    def __missing__(self, k: int) -> list[tuple[int, int]]:
        text = self._paragraphs[k]
        spans = self[k] = sentence_spans(text) if len(text) < 200_000 else [(0, len(text))]
        return spans


def sentence_at(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return (spans[-1] if spans else (0, 0))


# --------------------------------------------------------------------------
# Word lists

WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

PARTICLES = frozenset("de da del della der di do dos das du van von bin ibn al el la le y".split())
CONNECTORS = frozenset("of for and the on de del la des du".split())
ORG_WORDS = frozenset(fold(w) for w in """
department ministry university institute institution police congress parliament embassy bank fund
commission council court agency office organisation organization association union party foundation
committee bureau army navy forces force coordinator authority board service services inc ltd llc plc
corporation corp company group network center centre college school academy society federation league
alliance coalition government administration senate assembly cabinet secretariat tribunal reserve exchange
renewables airlines motors holdings partners capital media news times post journal guardian reuters
press network unit program programme initiative movement front army guard chamber registry observatory
roundtable forum summit conference partnership partnerships""".split())
ORG_NOUNS_LOWER = frozenset("""government ministry department agency office police military army company
institute commission council court committee bureau authority regulator group service prosecutor
prosecutors statistics observatory embassy union association bank firm university hospital charity operator
airline insurer lender retailer utility trust""".split())
GENERIC_SUBJECTS = frozenset(fold(w) for w in """the a an this that these those it its his her their our
company government ministry department agency police officials official authorities sources source report
study statement data figures researchers analysts experts critics residents group economists scientists
members member states countries investors markets traders voters lawmakers ministers leaders people
observers opponents supporters officers employees workers farmers doctors police""".split())

NOT_NAMES = frozenset(fold(w) for w in """the a an this that these those it its he she they we i you
his her their our my your there here but and or so yet if when while after before during since as
according however meanwhile today yesterday tomorrow also in on at by for from with of to not no
""".split()) | frozenset(m.lower() for m in MONTH_NAMES) | frozenset(WEEKDAYS)
