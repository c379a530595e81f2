"""Reading names out of token lists: capitalised runs, titles before names, who says.

Shared by actors (who is who), quotes (who said it) and sources (who reported it).
All functions look at a bounded number of tokens, so they stay linear overall.
"""

from __future__ import annotations

import re

from .text import (ADVERBS, CONNECTORS, NOT_NAMES, ORG_NOUNS_LOWER, ORG_WORDS, PARTICLES, PRONOUNS, ROLE_NOUNS,
                   SPEECH_VERBS, TITLES, Tok, fold, is_cap, word_memo)

HONORIFICS = frozenset("dr mr mrs ms prof sen gov rep lt col capt sgt gen st".split())
_ROLE_CUT = frozenset("in on during speaking adding when after while as before according".split())
_SENT_STOP = frozenset(".!?;“”\"«»")
MAX_RUN = 9
# Lower-case words that may sit inside a name run: "Inter-American Court of Human Rights", "Luis de la Torre".
RUN_JOINERS = PARTICLES | {"of", "for"}


def wordlike(t: str) -> bool:
    return t[:1].isalpha()


def strip_possessive(t: str) -> str:
    """"Calle’s" -> "Calle", "councils'" -> "councils"; most words end in none of these."""
    last = t[-1:]
    if last == "s":
        return t[:-2] if len(t) > 2 and t[-2] in "’'" else t
    if last in ("’", "'") and len(t) > 1:
        return t[:-1]
    return t


# Arabic and other surnames written with a lower-case particle: al-Amiri, el-Sisi, bin-Zayed.
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|bin|ibn|abu|bint|ben)[-‑’'][A-Z]")
AUXILIARIES = frozenset("has have had has also have also would will".split())
SPOKESPEOPLE = frozenset("spokesperson spokesman spokeswoman representative".split())


@word_memo
def is_name_tok(t: str) -> bool:
    """A word that can be part of a name. Cached per word: the scanners ask about every token,
    often more than once, and news text repeats its words."""
    return t[:1].isalpha() and (t[0].isupper() or _PARTICLE_NAME.match(t) is not None)


def run_back(toks: list[Tok], j: int, *, allow_and: bool = False, allow_the: bool = False) -> int:
    """Start index of the capitalised run ending at token j (inclusive)."""
    i, n = j, 0
    while i > 0 and n < MAX_RUN:
        t = toks[i - 1].text
        if is_name_tok(t) and not t.endswith(("’s", "'s")):
            i -= 1
        elif i >= 2 and is_name_tok(toks[i - 2].text) and (
                (ft := fold(t)) in RUN_JOINERS or (allow_and and ft == "and")):
            i -= 1
        elif (allow_and or allow_the) and i >= 3 and fold(t) == "the" \
                and fold(toks[i - 2].text) in ("of", "for", "on") and is_name_tok(toks[i - 3].text):
            i -= 2
        elif t == "." and i >= 2 and fold(toks[i - 2].text) in HONORIFICS:
            i -= 1
        else:
            break
        n += 1
    while i < j and not is_name_tok(toks[i].text):
        i += 1
    return i


def run_fwd(toks: list[Tok], i: int) -> int:
    """End index (exclusive) of the capitalised run starting at token i."""
    j, n, size = i, 0, len(toks)
    while j < size and n < MAX_RUN:
        t = toks[j].text
        if is_name_tok(t):
            j += 1
            if t.endswith(("’s", "'s")):
                break
        elif t == "." and j > i and fold(toks[j - 1].text) in HONORIFICS:
            j += 1
        elif j > i and fold(t) in RUN_JOINERS and j + 1 < size and is_name_tok(toks[j + 1].text):
            j += 1
        else:
            break
        n += 1
    while j > i and not is_name_tok(toks[j - 1].text):
        j -= 1
    return j


def words_of(toks: list[Tok]) -> list[str]:
    return [strip_possessive(t.text) for t in toks if t.text != "."]


def is_title(word: str) -> bool:
    return fold(word.rstrip(".")) in TITLES


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """("ECB President Christine Lagarde") -> (["ECB", "President"], ["Christine", "Lagarde"])."""
    last = -1
    for k, w in enumerate(words):
        if is_title(w) and is_cap(w):
            last = k
    if last < 0:
        return [], words
    rest = words[last + 1:]
    if any(fold(w) in CONNECTORS for w in rest):
        take = 3 if len(rest) >= 3 and fold(rest[-2]) in PARTICLES else 2
        ok = len(rest) > take and fold(rest[-take]) not in CONNECTORS and fold(rest[-take - 1]) not in CONNECTORS
        rest = rest[-take:] if ok else []
    return words[: len(words) - len(rest)], rest


def plausible_person(words: list[str]) -> bool:
    if not 1 <= len(words) <= 5:
        return False
    if not (is_cap(words[0]) and is_name_tok(words[-1])):
        return False
    for w in words:
        fw = fold(w)
        if fw in NOT_NAMES or fw in ORG_WORDS or w.isupper() and len(w) > 1 or not (is_name_tok(w) or fw in PARTICLES):
            return False
    return True


def clean_role(toks: list[Tok], text: str) -> str | None:
    """Role text after "Name," up to the end of the clause, as written."""
    end = len(toks)
    for k, t in enumerate(toks):
        if t.text in _SENT_STOP:
            end = k
            break
        if t.text == "," and k + 1 < len(toks) and fold(toks[k + 1].text) in _ROLE_CUT:
            end = k
            break
    toks = toks[:end]
    while toks and toks[-1].text in ",:(":
        toks = toks[:-1]
    if not toks or len(toks) > 30:
        return None
    role = text[toks[0].start:toks[-1].end].strip()
    for lead in ("who is ", "who was ", "who has been ", "now "):
        if role.startswith(lead):
            role = role[len(lead):]
    return role or None


def is_speech_verb(t: str) -> bool:
    return t in SPEECH_VERBS


def skip_adverbs_back(toks: list[Tok], j: int) -> int:
    while j >= 0 and (toks[j].text in ADVERBS or toks[j].text in AUXILIARIES or (toks[j].text.endswith("ly") and toks[j].text.islower()
                                                  and len(toks[j].text) > 4)):
        j -= 1
    return j


class Subject:
    """Who a speech verb belongs to: a name run, a pronoun or a generic noun phrase."""

    __slots__ = ("kind", "words", "role", "pos", "acronym")

    def __init__(self, kind: str, words: list[str], role: str | None, pos: int, acronym: str | None = None):
        self.kind, self.words, self.role, self.pos, self.acronym = kind, words, role, pos, acronym

    @property
    def raw(self) -> str:
        return " ".join(self.words)


def subject_before(toks: list[Tok], v: int, text: str) -> Subject | None:
    """The subject of the verb at token v: "Calle said", "Kevin Winter, a lecturer, says"."""
    j = skip_adverbs_back(toks, v - 1)
    if j < 0:
        return None
    t = toks[j].text
    if fold(t) in PRONOUNS:
        return Subject("pronoun", [t], None, toks[j].start)
    if t == "," and j >= 2 and is_name_tok(toks[j - 1].text):
        s = run_back(toks, j - 1)
        if s >= 1 and toks[s - 1].text == "," and plausible_person(words_of(toks[s:j])) and len(words_of(toks[s:j])) >= 2:
            return _named(toks, s, j, None)  # "The LGA's chair, Louise Gittins, said"
    if t == ",":
        for k in range(j - 1, max(-1, j - 45), -1):
            tk = toks[k].text
            if tk in _SENT_STOP:
                break
            if tk == "," and k >= 1 and is_name_tok(toks[k - 1].text):
                s = run_back(toks, k - 1)
                role = clean_role(toks[k + 1:j], text)
                ps, pe = _person_before_affiliation(toks, s)
                if pe is not None:
                    return _named(toks, ps, pe, role)  # "Dr Amara Okafor of the London School …, warned"
                return _named(toks, s, k, role)
        return None
    if t == ")" and j >= 3 and toks[j - 2].text == "(" and toks[j - 1].text.isupper():
        acr = toks[j - 1].text
        if j >= 4 and is_name_tok(toks[j - 3].text):
            s = run_back(toks, j - 3, allow_and=True)
            sub = _named(toks, s, j - 2, None)
            if sub:
                sub.acronym = acr
                return sub
        return Subject("name", [acr], None, toks[j - 1].start)
    if is_name_tok(t):
        s = run_back(toks, j, allow_the=True)
        sub = _named(toks, s, j + 1, None)
        if sub and s >= 1 and fold(toks[s - 1].text) in ORG_NOUNS_LOWER | {"group"}:
            pass
        return sub
    if t in SPOKESPEOPLE and j >= 1 and is_name_tok(toks[j - 1].text):
        s = run_back(toks, j - 1)
        while s < j - 1 and fold(toks[s].text) in NOT_NAMES:
            s += 1
        return _named(toks, s, j, None)  # "A Treasury spokesperson said": the body speaks
    desc = descriptor_at(toks, j)
    if desc is not None:
        return desc
    if fold(t) in ORG_NOUNS_LOWER:
        k = j
        while k > 0 and j - k < 3 and wordlike(toks[k - 1].text) and fold(toks[k - 1].text) not in (
                "the", "a", "an", "its", "their", "his", "her") and not is_speech_verb(toks[k - 1].text):
            k -= 1
        words = [strip_possessive(x.text) if x is not toks[j] else x.text for x in toks[k:j + 1]]
        if k >= 2 and toks[k - 1].text in ("’s", "'s"):
            pass
        return Subject("generic", words, None, toks[k].start)
    return None


def _person_before_affiliation(toks: list[Tok], s: int) -> tuple[int, int | None]:
    """A person named before "of/at/from [the] Organisation": (start, end) of the person's name."""
    j = s
    for _ in range(4):
        if j >= 2 and toks[j - 1].text in ("&", "and") and is_name_tok(toks[j - 2].text):
            j = run_back(toks, j - 2)
        else:
            break
    k = j - 1
    if k >= 0 and fold(toks[k].text) == "the":
        k -= 1
    if k >= 1 and fold(toks[k].text) in ("of", "at", "from") and is_name_tok(toks[k - 1].text):
        p = run_back(toks, k - 1)
        words = words_of(toks[p:k])
        if len(words) >= 2 and plausible_person(split_title(words)[1] or words):
            return p, k
    return s, None


def descriptor_at(toks: list[Tok], j: int) -> Subject | None:
    """"the minister", "the 54-year-old farmer", "the judge": a person named earlier, by role."""
    t = toks[j].text
    if not t.islower() or t not in ROLE_NOUNS or fold(t) in ORG_NOUNS_LOWER:
        return None
    for k in range(j - 1, max(-1, j - 6), -1):
        w = toks[k].text
        if w in ("the", "The"):
            return Subject("descriptor", [t], None, toks[k].start)
        if not (wordlike(w) or w[:1].isdigit() or w == "-") or w in ("a", "an", "A", "An"):
            return None
    return None


def _named(toks: list[Tok], s: int, e: int, role: str | None) -> Subject | None:
    if s >= e:
        return None
    words = words_of(toks[s:e])
    if not words:
        return None
    start = toks[s].start
    if s >= 1 and toks[s - 1].text in ("the", "The"):
        return Subject("name", words, role, start)
    return Subject("name", words, role, start)


AUDIENCE_VERBS = frozenset("told tells asked asks urged urges".split())


def name_after(toks: list[Tok], i: int, text: str) -> Subject | None:
    """The name that follows a verb ("said Fabián Calle, Professor of ..."), with its role.

    Not after "told": "told Reuters" names the listener, not the speaker."""
    if i >= len(toks) or (i >= 1 and toks[i - 1].text in AUDIENCE_VERBS):
        return None
    t = toks[i].text
    if fold(t) in PRONOUNS:
        return Subject("pronoun", [t], None, toks[i].start)
    if t in ("the", "The") and i + 1 < len(toks) and is_name_tok(toks[i + 1].text):
        i += 1
    if not is_name_tok(toks[i].text):
        return None
    e = run_fwd(toks, i)
    words = words_of(toks[i:e])
    role = None
    if e < len(toks) and toks[e].text == "," and e + 1 < len(toks):
        role = clean_role(toks[e + 1:e + 40], text)
    return Subject("name", words, role, toks[i].start)
