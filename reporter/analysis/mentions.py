"""Stage 3 of attribution: mentions. Reading names out of token lists: capitalised runs
(with middle initials, "Donald H. Rumsfeld", and particles, "Anna von der Brelie"), titles
and roles before names ("NASA Deputy Administrator Jane Doe" is Jane Doe, role "NASA Deputy
Administrator"), honorifics that are courtesy and not roles ("Dr", "Mr", "Sir"),
affiliations ("Dr. Ahmed Khan of the health ministry"), unnamed speakers ("a spokeswoman for
the ministry") and pronouns.

Shared by actors (who is who), quotes (who said it) and sources (who reported it).
All functions look at a bounded number of tokens, so they stay linear overall.
"""

from __future__ import annotations

import re

from .cues import ARTICLES, DETERMINERS, HEADLINE_NOUNS, BODY_NOUNS, DEGREES, SURNAME_TITLES, DOCUMENT_NOUNS, OTHER_OFFICE_WORDS, ROLE_MODIFIERS, NUMBERED_UNITS, PEERAGES, POSTNOMINALS, FEMININE, MASCULINE, TITLE_ABBREVIATIONS, ADVERBS, AUDIENCE_VERBS, HONORIFICS, NAME_SUFFIXES, PLACE_FEATURES, PRONOUNS, ROLE_NOUNS, SPOKESPEOPLE, TITLES, is_speech_verb
from ..dates import MONTH_NAMES
from .places import is_place
from .text import CONNECTORS, NOT_NAMES, ORG_NOUNS_LOWER, ORG_WORDS, PARTICLES, Tok, fold, is_cap, word_memo

# Abbreviations written with a full stop inside a name run: "Dr. Ahmed Khan", "Lt. Col. Ann Bo".
_DOTTED = frozenset("dr mr mrs ms mx prof sen gov rep lt col capt sgt gen adm amb cmdr maj brig supt insp st hon rev rt sec "
                    "jr sr pvt pfc spc cpl lcpl ssg sfc msg sgm csm cpt ltc ens tech".split())
# An ordinal inside a rank ("Sgt. 1st Class", "1st Lt.", "Petty Officer 2nd Class") is tokenised as
# its digits and its suffix.
_ORDINAL_SUFFIXES = frozenset("st nd rd th".split())


def _ordinal_at(toks: list[Tok], j: int) -> bool:
    """Tokens j and j+1 are an ordinal written as one word ("1st")."""
    return j + 1 < len(toks) and toks[j].text.isdigit() and len(toks[j].text) <= 2 \
        and toks[j + 1].text in _ORDINAL_SUFFIXES and toks[j].end == toks[j + 1].start


def _rank_ordinal(toks: list[Tok], j: int, start: bool = False) -> bool:
    """An ordinal at token j that belongs to a rank: after a title ("Sgt. 1st Class", "Airman 1st
    Class"), or at a run's start before one ("1st Lt. Jane Doe")."""
    if not _ordinal_at(toks, j) or j + 2 >= len(toks) or not is_name_tok(toks[j + 2].text):
        return False
    if start:
        return is_title(toks[j + 2].text)
    if toks[j + 2].text == "Class" and j >= 1 and is_name_tok(toks[j - 1].text):
        return True  # "Yeoman 1st Class", "Logistics Specialist 2nd Class": a rating's class
    before = j - 2 if j >= 2 and toks[j - 1].text == "." else j - 1
    return before >= 0 and is_title(toks[before].text)
# A party and state after a legislator's name ("Sen. Jane Doe, D-Ohio,") is no role: the title is.
PARTY_TAG = re.compile(r"\(?(?:[DRI]-[A-Z][A-Za-z.]{0,15}(?:-\d{1,2})?|[A-Z]{2}-(?:\d{1,2}|AL))\)?")  # "D-Ohio", "CT-03"
CLAUSE_OPENERS = frozenset("As When While If After Before Since Unlike Like But And So Yet Then".split())
_SUFFIXES_BARE = frozenset(w.rstrip(".") for w in NAME_SUFFIXES)
MAX_TAG_TOKENS = 5  # "(", "D-N.J", ".", ")": the tokens a party tag may take


def party_tag_open(toks: list[Tok], close: int, text: str) -> int | None:
    """The index of the "(" of a party tag whose ")" is at close ("(R-UT)", "(D-N.J.)"), else None."""
    if close >= len(toks) or toks[close].text != ")":
        return None
    for o in range(close - 2, max(-1, close - MAX_TAG_TOKENS), -1):
        if toks[o].text == "(":
            return o if PARTY_TAG.fullmatch(text[toks[o].start:toks[close].end]) else None
    return None


def party_tag_close(toks: list[Tok], open_: int, text: str) -> int | None:
    """The index of the ")" of a party tag that opens at open_, else None."""
    if open_ >= len(toks) or toks[open_].text != "(":
        return None
    for c in range(open_ + 2, min(len(toks), open_ + MAX_TAG_TOKENS)):
        if toks[c].text == ")":
            return c if PARTY_TAG.fullmatch(text[toks[open_].start:toks[c].end]) else None
    return None
# Verbs of a relative clause that says what someone does for a living: "…, who runs the only shop,".
_ROLE_VERBS = frozenset("runs ran leads led heads headed chairs chaired owns owned manages managed directs directed "
                        "founded co-founded represents represented coaches coached teaches taught".split())
_ROLE_CUT = frozenset("in on during speaking adding when after while as before according".split())
_SENT_STOP = frozenset(".!?;“”\"«»")
MAX_RUN = 9
# Lower-case words that may sit inside a name run: "Inter-American Court of Human Rights", "Luis de la Torre".
RUN_JOINERS = PARTICLES | {"of", "for", "&"}  # "&" joins organisations: "UK Trade & Investment"
# Lower-case words that join a run only before one word: "Special Agent in Charge Jane Doe".
JOIN_BEFORE = {"in": "charge"}
# Bodies named for what they work on: "Council on Environmental Quality", "Committee on Ways and Means".
BODIES_ON = frozenset("council committee subcommittee commission board panel conference forum taskforce".split())


def wordlike(t: str) -> bool:
    return t[:1].isalpha()


def strip_possessive(t: str) -> str:
    """"Ferro’s" -> "Ferro", "councils'" -> "councils", "Jones" stays "Jones": the suffix is
    removed as a suffix (never ``rstrip``, which strips characters and cuts a final s)."""
    last = t[-1:]
    if last == "s":
        return t[:-2] if len(t) > 2 and t[-2] in "’'" else t
    if last in ("’", "'") and len(t) > 1:
        return t[:-1]
    return t


def is_dotted(word: str) -> bool:
    """A word a full stop may follow inside a name: an abbreviation, a single initial ("H"), or
    capitals with full stops inside ("U.S" of "U.S. Attorney")."""
    return fold(word) in _DOTTED or (len(word) == 1 and word.isupper()) or (
        "." in word and len(word) <= 6 and word.replace(".", "").isalpha() and word.replace(".", "").isupper())


# Arabic and other surnames written with a lower-case particle: al-Amiri, el-Sisi, bin-Zayed.
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|bin|ibn|abu|bint|ben)[-‑’'][A-Z]")
AUXILIARIES = frozenset("has have had has also have also would will".split())


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
        elif i >= 2 and (is_name_tok(toks[i - 2].text) or fold(toks[i - 2].text) in PARTICLES and i >= 3
                         and is_name_tok(toks[i - 3].text)) and ((ft := fold(t)) in RUN_JOINERS or (allow_and and ft == "and")
                                                   or JOIN_BEFORE.get(ft) == fold(toks[i].text)):
            i -= 1
        elif t == "and" and i >= 2 and is_name_tok(toks[i - 2].text) and fold(toks[j].text) in ORG_WORDS \
                and _one_body_across_and(toks, i - 2):
            i -= 1  # "the Food and Drug Administration", "a Fire and Rescue Service spokesman": one body
        elif (allow_and or allow_the) and i >= 3 and fold(t) == "the" \
                and fold(toks[i - 2].text) in ("of", "for", "on") and is_name_tok(toks[i - 3].text):
            i -= 2
        elif t == "." and i >= 2 and is_dotted(toks[i - 2].text):
            i -= 1
        elif t in _ORDINAL_SUFFIXES and i >= 2 and (_rank_ordinal(toks, i - 2) or _rank_ordinal(toks, i - 2, True)):
            i -= 2  # "Sgt. 1st Class Jane Doe said", "1st Lt. Jane Doe said"
        elif t.isdigit() and len(t) <= 3 and i >= 2 and fold(toks[i - 2].text) in NUMBERED_UNITS:
            i -= 1  # "FEMA Region 6 Administrator"
        else:
            break
        n += 1
    while i < j and not is_name_tok(toks[i].text):
        i += 1
    return i




def _one_body_across_and(toks: list[Tok], k: int) -> bool:
    """Whether the capitalised words ending at token k, before an "and" whose run ends with an
    organisation's word, are that body's name too: they open after "the" or "a", or a sentence
    ("the Food and Drug Administration"; not "… with Portugal and the Harbour Board", nor
    "talks between Portugal and Harbour Board officials")."""
    start = run_back(toks, k)
    before = fold(toks[start - 1].text) if start else "."
    return before in ARTICLES or before in (".", ":", ";")


# The word after a possessive that keeps a navy rating one name run ("Boatswain’s Mate 2nd Class")
RATING_AFTER_POSSESSIVE = "Mate"


def run_fwd(toks: list[Tok], i: int) -> int:
    """End index (exclusive) of the capitalised run starting at token i."""
    j, n, size = i, 0, len(toks)
    while j < size and n < MAX_RUN:
        t = toks[j].text
        if is_name_tok(t):
            if j > i and j + 1 < size and toks[j + 1].text[:1].isdigit() and t.rstrip(".") in MONTH_NAMES:
                break  # "… Jane Doe September 07, 2001": a header's date line run into the name's
            j += 1
            if t.endswith(("’s", "'s")) and not (j < size and toks[j].text == RATING_AFTER_POSSESSIVE):
                break  # (a navy rating goes on: "Boatswain’s Mate 2nd Class Jane Doe")
        elif t == "." and j > i and is_dotted(toks[j - 1].text):
            j += 1
        elif _rank_ordinal(toks, j, j == i):
            j += 2  # "Sgt. 1st Class", "1st Lt."
        elif j > i and j + 1 < size and is_name_tok(toks[j + 1].text) and (
                fold(t) in RUN_JOINERS or JOIN_BEFORE.get(t) == fold(toks[j + 1].text)
                or t == "on" and fold(toks[j - 1].text) in BODIES_ON
                or t.isdigit() and len(t) <= 3 and fold(toks[j - 1].text) in NUMBERED_UNITS):
            j += 1  # "of", "in Charge", "Region 6"
        elif t in ("’", "'") and j > i and j + 1 < size and toks[j - 1].text.endswith("s") \
                and toks[j - 1].start + len(toks[j - 1].text) == toks[j].start and is_name_tok(toks[j + 1].text):
            j += 1  # "the Sheriffs’ Association": a plural's apostrophe inside a body's name
        elif t in ("of", "for") and j > i and j + 2 < size and toks[j + 1].text == "the" \
                and is_name_tok(toks[j + 2].text) and is_title(toks[j - 1].text) and not _body_ahead(toks, j + 2):
            j += 2  # "Secretary of the Interior" (a body with an organisation's word is read as one, after)
        else:
            break
        n += 1
    while j > i and not is_name_tok(toks[j - 1].text):
        j -= 1
    return j


def _body_ahead(toks: list[Tok], k: int) -> bool:
    """Whether the capitalised words from token k on (at most six) hold an organisation's word."""
    for t in toks[k:k + 6]:
        if not is_name_tok(t.text):
            return False
        if fold(t.text) in ORG_WORDS:
            return True
    return False


def words_of(toks: list[Tok]) -> list[str]:
    """The words of a name run; an initial keeps its full stop ("H."), as the article writes it."""
    if not any(t.text in (".", "’", "'", RATING_AFTER_POSSESSIVE) or t.text in _ORDINAL_SUFFIXES for t in toks):
        return [strip_possessive(t.text) for t in toks]  # most runs: no initials, no abbreviations
    out: list[str] = []
    for k, t in enumerate(toks):
        if k + 1 < len(toks) and toks[k + 1].text == RATING_AFTER_POSSESSIVE:
            out.append(t.text)  # "Boatswain’s Mate": a rating keeps its possessive
        elif t.text in ("’", "'") and out:
            out[-1] += t.text  # "Sheriffs’" of "the Sheriffs’ Association"
        elif t.text in _ORDINAL_SUFFIXES and k and _ordinal_at(toks, k - 1) and out:
            out[-1] += t.text  # "1st" of "Sgt. 1st Class"
        elif t.text != ".":
            out.append(strip_possessive(t.text))
        elif k and toks[k - 1].end == t.start and out and (len(toks[k - 1].text) == 1 and toks[k - 1].text.isupper()
                                                             or "." in toks[k - 1].text):
            out[-1] += "."  # "H." and "U.S." keep their full stop
    return out


@word_memo
def is_honorific(word: str) -> bool:
    return fold(word.rstrip(".")) in HONORIFICS


_TITLE_PREFIXES = frozenset("vice deputy co under acting ex pro".split())
_TITLE_SUFFIXES = frozenset("elect designate".split())  # "Secretary-General", "Governor-elect"


def is_title(word: str) -> bool:
    """A title word; a prefixed or compound one too ("Vice-President", "Co-Chair", "Secretary-General",
    "Mayor-elect"), but not a double-barrelled name whose last part happens to be a title ("Smith-Major")."""
    w = fold(word.rstrip("."))
    if w in TITLES:
        return True
    head, _, tail = w.partition("-")
    return bool(tail) and (head in _TITLE_PREFIXES or head in TITLES) and (tail in TITLES or tail in _TITLE_SUFFIXES)


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """("ECB President Ingrid Vos") -> (["ECB", "President"], ["Ingrid", "Vos"]);
    honorifics are neither ("Dr Ahmed Khan" -> ([], ["Ahmed", "Khan"])), except a peerage before a
    surname alone, which is the name ("Science Minister Lord Halden" -> (["Science", "Minister"],
    ["Lord", "Halden"]))."""
    if len(words) >= 2 and fold(words[-2].rstrip(".")) in PEERAGES and is_cap(words[-1]):
        return words[:-2], words[-2:]
    words = [w for w in words if not is_honorific(w)] if any(map(is_honorific, words)) else words
    while len(words) > 2 and words[-1] in POSTNOMINALS:
        words = words[:-1]  # "Jane Doe MP"
    last = -1
    for k, w in enumerate(words):
        if is_title(w) and is_cap(w) or k and JOIN_BEFORE.get(words[k - 1]) == fold(w):
            if k == len(words) - 1 and k >= 2 and fold(w) in SURNAME_TITLES and not is_title(words[k - 1]) \
                    and last == k - 2:
                break  # "Chairman Rob Bishop": a title, a given name, then a surname that is a title's word
            last = k  # "Special Agent in Charge": the phrase ends the title
    if last < 0:
        return [], words
    rest = words[last + 1:]
    if any(fold(w) in CONNECTORS for w in rest):
        take = 3 if len(rest) >= 3 and fold(rest[-2]) in PARTICLES else 2
        take += rest[-1] in NAME_SUFFIXES and len(rest) > take  # "… of Defense Harold J. Baines III"
        while len(rest) > take and _initial(rest[-take]):
            take += 1  # a middle initial is no first name: "… of Defense Donald H. Rumsfeld"
        ok = len(rest) > take and fold(rest[-take]) not in CONNECTORS and fold(rest[-take - 1]) not in CONNECTORS
        rest = rest[-take:] if ok else []
    return words[: len(words) - len(rest)], rest


def title_role(title: list[str]) -> str | None:
    """The title words before a name as a role, abbreviations spelt out ("Lt. Gen." ->
    "Lieutenant General"); None for no title."""
    if not title:
        return None
    if len(title) >= 2 and len(title[0]) >= 4 and title[0].isupper() and title[0].isalpha() and is_place(fold(title[0])):
        title = title[1:]  # "WASHINGTON U.S. Senator Jane Doe": a dateline's city, run into the title
    kind = max((k for k, w in enumerate(title[:-1]) if fold(w) in HEADLINE_NOUNS), default=None)
    if kind is not None and any(is_title(w) for w in title[kind + 1:]):
        title = title[kind + 1:]  # "News Briefing Secretary of Defense Jane Doe": a page's header run into it
        while len(title) > 1 and fold(title[0]) in ("of", "by", "from", "the", "for"):
            title = title[1:]  # "Prepared Remarks of Secretary Jane Doe"
    return " ".join(TITLE_ABBREVIATIONS.get(fold(w.rstrip(".")), w) if w.endswith(".") or fold(w) in
                    TITLE_ABBREVIATIONS and not (w.isupper() and len(w) >= 3) else w
                    for w in title).replace(" , ", ", ")  # a remit's list keeps its commas ("SEC" is no "Sec")


def _initial(word: str) -> bool:
    """A middle initial as written in a name: "H." or "H"."""
    w = word.rstrip(".")
    return len(w) == 1 and w.isupper()


def plausible_person(words: list[str]) -> bool:
    if not 1 <= len(words) <= 5:
        return False
    if not ((is_cap(words[0]) or fold(words[0]) in PARTICLES and len(words) >= 2) and is_name_tok(words[-1])):
        return False  # a name starts capitalised, or with a particle ("von der Brelie")
    if len(words) >= 3 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]  # "Harold J. Baines III": the suffix is part of the name, not a word of a body
    if len(words) >= 2 and fold(words[-1]) in PLACE_FEATURES:
        return False  # "Rift Valley", "Cape Province": a place
    for k, w in enumerate(words):
        fw = fold(w)
        if fw in _MONTHS and k == len(words) - 1 and k >= 1 and not any(fold(x) in _TIME_WORDS for x in words[:k]):
            continue  # a surname that is a month's name: "Theresa May", "Phil May" (not "Early May")
        if fw in _GIVEN_MONTHS and k == 0 and len(words) >= 2 and not (
                {fold(x) for x in words[1:]} & (_MONTHS | _CALENDAR_NOUNS | _TIME_WORDS)):
            continue  # a given name that is a month's: "June Raine", "April Doe" (not "June Quarter")
        if fw in NOT_NAMES or fw in ORG_WORDS or w.isupper() and len(w.rstrip(".")) > 1 or not (
                is_name_tok(w) or fw in PARTICLES):
            return False
    return True


_MONTHS = frozenset(m.lower() for m in MONTH_NAMES)
# Words that make a month after them a date: "Early May", "Memorial Day May", "Last June".
_TIME_WORDS = frozenset("early late last next mid until end beginning day week weekend holiday".split())
# Months that are given names too, and the nouns a month heads as a period's name ("June Quarter").
_GIVEN_MONTHS = frozenset("april may june".split())
_CALENDAR_NOUNS = frozenset("""quarter half term session sitting recess budget update report release round issue
edition figures statement meeting review survey summit solstice""".split())


def _ing_role(toks: list[Tok]) -> bool:
    """"acting harbour master": an -ing word that opens a role, its noun within three
    words and no article or "that" between ("adding that the director…" is no role)."""
    for t in toks[1:4]:
        w = fold(t.text)
        if w in ROLE_NOUNS:
            return True
        if not t.text.isalpha() or not t.text.islower() or w in _MODIFIER_STOP:
            return False
    return False


def clean_role(toks: list[Tok], text: str) -> str | None:
    """Role text after "Name," up to the end of the clause, as written."""
    end = len(toks)
    for k, t in enumerate(toks):
        if t.text == "." and k and is_dotted(toks[k - 1].text) and k + 1 < len(toks) and (
                "." in toks[k - 1].text or toks[k + 1].text.islower()):
            continue  # "commander of U.S. forces": an abbreviation's full stop ends nothing
        if t.text in _SENT_STOP:
            end = k
            break
        if t.text == "," and k + 1 < len(toks) and fold(toks[k + 1].text) in _ROLE_CUT:
            end = k
            break
    toks = toks[:end]
    if toks and (fold(toks[0].text) in _ROLE_CUT or fold(toks[0].text) in ("whose", "which")
                 or fold(toks[0].text) == "who" and not any(fold(t.text) in ROLE_NOUNS or fold(t.text) in _ROLE_VERBS
                                                            for t in toks[1:end])
                 or toks[0].text.endswith("ing") and toks[0].text.islower() and not _ing_role(toks)):
        return None  # "said Jane Doe, adding that …", "…, whose ministry runs it", "…, who retires this week,": no
        # role ("…, who was the harbour board's chair," names one)
    if len(toks) > 2 and toks[0].text.isdigit() and len(toks[0].text) <= 3 and toks[1].text == ",":
        toks = toks[2:]  # "Ann Lee, 45, a nurse": the age is no part of the role
    while len(toks) > 2 and toks[0].text in POSTNOMINALS and toks[1].text == ",":
        toks = toks[2:]  # "Jane Doe, KC, Minister of Justice": the letters after her name are no role
    while toks and toks[-1].text in ",:(":
        toks = toks[:-1]
    if not toks or len(toks) > 30 or len(toks) == 1 and (toks[0].text.isdigit() or toks[0].text in POSTNOMINALS):
        return None  # (", 45, said": an age is no role; nor ", KC" alone)
    role = text[toks[0].start:toks[-1].end].strip()
    if PARTY_TAG.fullmatch(role):
        return None
    for lead in ("who is ", "who was ", "who has been ", "now ", "of the ", "of ", "at the ", "at ", "from the ",
                 "from "):
        if role.startswith(lead):
            role = role[len(lead):]  # "Jane Doe, of the Acme Institute": the institute is the role
            break
    return role or None


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
    """The subject of the verb at token v: "Ferro said", "Owen Fairley, a lecturer, says",
    "The union's chair, Maria Penrose, said", "Dr Ahmed Khan of the health ministry said",
    "a spokeswoman for the ministry said", "The minister, who asked not to be named, said"."""
    j = skip_adverbs_back(toks, v - 1)
    if j < 0:
        return None
    if j >= 3 and toks[j].text == "." and toks[j - 1].text.replace(".", "") in DEGREES and toks[j - 2].text == "," \
            and is_name_tok(toks[j - 3].text):
        s = run_back(toks, j - 3)  # "Secretary Jane Doe, M.D. released …": her degree before the verb, no comma after it
        return _named(toks, s, j - 2, None) if plausible_person(split_title(words_of(toks[s:j - 2]))[1]) else None
    t = toks[j].text
    if fold(t) in PRONOUNS:
        return Subject("pronoun", [t], None, toks[j].start)
    if fold(t) == "it":
        return Subject("it", [t], None, toks[j].start)  # "It added that …": a body that spoke before
    if t in DOCUMENT_NOUNS and j >= 1 and fold(toks[j - 1].text) in DETERMINERS:
        return Subject("document", [t], None, toks[j - 1].start)  # "the statement said": its issuer's words
    if t == "," and j >= 2 and is_name_tok(toks[j - 1].text):
        s = run_back(toks, j - 1)
        e = j
        while e - s > 2 and toks[e - 1].text in POSTNOMINALS:
            e -= 1  # "The minister, Jane Doe MP, said"
        if s >= 2 and toks[s - 1].text == "and" and is_name_tok(toks[s - 2].text) and (s < 2 or toks[s - 2].text != ","):
            # "Cabinet Secretary for Health and Social Care Jane Doe, said:": a remit that goes on
            # after "and", then the name, then the comma before the verb
            p = run_back(toks, s - 2)
            before = words_of(toks[p:s - 1])
            title, name = split_title(words_of(toks[p:e]))
            if before and (all(is_title(w) for w in before) or any(is_title(w) for w in before[:3])
                           and any(w in ("for", "of") for w in before)) \
                    and len(name) >= 2 and plausible_person(name) and (p == 0 or toks[p - 1].text in _SENT_STOP):
                return _named(toks, p, e, None)  # ("Chairman and CEO Jane Doe, said": two titles)
        if (s == 0 or toks[s - 1].text in _SENT_STOP) and len(split_title(words_of(toks[s:e]))[1]) >= 2 \
                and plausible_person(split_title(words_of(toks[s:e]))[1]):
            return _named(toks, s, e, None)  # "Chairman Jane Doe, said": a stray comma after the sentence's subject
        if s >= 1 and toks[s - 1].text == "," and plausible_person(words_of(toks[s:e])) and len(words_of(toks[s:e])) >= 2:
            return _named(toks, s, e, appositive_role(toks, s - 1, text))  # "The union's chair, Maria Penrose, said"
    if t == ",":
        single = None  # a one-word run before a comma: a word of a long role ("…, Growth and Trade, said") or a surname
        first = None  # the nearest person-like run before a comma
        for k in range(j - 1, max(-1, j - 45), -1):
            tk = toks[k].text
            if tk in _SENT_STOP and not (tk == "." and k and is_dotted(toks[k - 1].text)):
                break  # (not the full stop of "Lt. Gen." or "U.S.")
            tag = party_tag_open(toks, k - 1, text) if tk == "," and k >= 4 else None
            n_end = tag if tag is not None else k  # "Jane Doe (R-ME), Ranking Member …,"
            if tk == "," and n_end >= 1 and is_name_tok(toks[n_end - 1].text):
                s = run_back(toks, n_end - 1)
                role = clean_role(toks[k + 1:j], text)
                ps, pe = _person_before_affiliation(toks, s)
                if pe is not None and first is None:
                    return _named(toks, ps, pe, role)  # "Dr Nia Adeyemi of the London School …, warned"
                if n_end - s >= 2 and plausible_person(words_of(toks[s:n_end])) and not (s >= 1 and toks[s - 1].text in ("for", "of")):
                    # (not a remit after "responsible for": "Jane Roe, responsible for Internal Market, Industry, added")
                    if first is None:
                        first = _named(toks, s, n_end, role)
                    if any(is_title(x.text) for x in toks[k + 1:min(j, k + 4)]):
                        # "Jane Roe, Commissioner for Trade, also in charge of Ports, Harbours, said": the
                        # run before the title is the person; those after it are words of her remit
                        return _named(toks, s, n_end, role)
                elif single is None and first is None and not (n_end - s == 1 and fold(toks[s].text) in NOT_NAMES):
                    single = _named(toks, s, n_end, role)  # (not "However, this was …, said")
        if first is not None:
            return first
        if single is not None:
            return single
        return _described_before_comma(toks, j, text)  # "The minister, who asked not to be named, said"
    if t == ")" and j >= 4 and (o := party_tag_open(toks, j, text)) is not None and o >= 2 \
            and (is_name_tok(toks[o - 1].text) or toks[o - 1].text == "." and is_dotted(toks[o - 2].text)):
        s = run_back(toks, o - 1)  # "Chairman Jane Doe (R-UT) said": a legislator's party and state
        if s == o - 2 + (toks[o - 1].text != ".") and s >= 2 and toks[s - 1].text == "," \
                and toks[s].text in NAME_SUFFIXES | _SUFFIXES_BARE and is_name_tok(toks[s - 2].text):
            first = run_back(toks, s - 2)  # "Jane Doe, Jr. (D-NJ)": the suffix after a comma ends the name
            sub = _named(toks, first, s - 1, None)
            if sub is not None:
                sub.words = sub.words + words_of(toks[s:o])
            return sub
        return _named(toks, s, o, None)
    if t == ")" and j >= 3 and toks[j - 2].text == "(" and toks[j - 1].text.isupper():
        acr = toks[j - 1].text
        if j >= 4 and is_name_tok(toks[j - 3].text):
            s = run_back(toks, j - 3, allow_and=True)
            sub = _named(toks, s, j - 2, None)
            if sub:
                sub.acronym = acr
                return sub
        return Subject("name", [acr], None, toks[j - 1].start)
    affiliated = _affiliated(toks, j, text)
    if affiliated is not None:
        return affiliated
    if is_name_tok(t):
        s = title_and(toks, run_back(toks, j, allow_the=True), j + 1)
        if s >= 2 and toks[s - 1].text == "and" and is_name_tok(toks[s - 2].text) and not (
                j - s >= 1 and plausible_person(words_of(toks[s:j + 1]))):
            p = run_back(toks, s - 2)
            p += p < s - 2 and toks[p].text in ("The", "the")
            before = words_of(toks[p:s - 1])
            if before and is_title(before[0]) and any(w in ("for", "of") for w in before):
                s = p  # "Jane Doe, Minister for Harbour Affairs and Treaty said": the remit goes on after "and"
        while s < j and toks[s].text in CLAUSE_OPENERS:
            s += 1  # "As Secretary Doe said, …", "When Doe said …": the sentence's first word is no name
        if s >= 1 and toks[s - 1].text in OTHER_OFFICE_WORDS and any(is_title(x.text) for x in toks[s:j + 1]):
            s -= 1  # "The deputy First Minister said": the lower-case word makes it another office
        role_of = _person_before_role_of(toks, s, j, text)  # "Jane Doe, director of the Harbour Office said"
        if role_of is not None:
            return role_of
        b = s - 1 - (s >= 2 and toks[s - 1].text in ("the", "The"))
        if b >= 1 and toks[b].text in ("for", "at", "with"):
            unnamed = _unnamed(toks, j, text)  # "a spokeswoman for Acme Holdings said": as written
            if unnamed is not None:
                return unnamed
        if s >= 2 and toks[s - 1].text == "," and is_name_tok(toks[s - 2].text) and not (
                fold(t) in ROLE_NOUNS or any(is_title(x.text) for x in toks[s:j + 1])):
            listed = _person_before_offices(toks, s - 1, j, text)  # "Jane Doe, Assistant Director, Fraud for HMRC said"
            if listed is not None:
                return listed
        if s >= 2 and toks[s - 1].text == "," and is_name_tok(toks[s - 2].text) and (
                fold(t) in ROLE_NOUNS or any(is_title(x.text) for x in toks[s:j + 1])):
            ns = run_back(toks, s - 2)  # "Dr Ann Lee, Harbour Trust Chief Executive, added": the person, not the role
            opens = ns == 0 or toks[ns - 1].text in (".", "!", "?", ":")  # (an office in the run: the sentence's first name)
            if s - 1 - ns >= 2 and plausible_person(split_title(words_of(toks[ns:s - 1]))[1]) and (
                    fold(t) in ROLE_NOUNS or opens):
                return _named(toks, ns, s - 1, " ".join(words_of(toks[s:j + 1])))
        named = split_title(words_of(toks[s:j + 1]))[1]
        if (len(named) < 2 or not plausible_person(named)) and (long := _person_before_long_office(toks, j, text)):
            return long  # (the run before the verb is an office's last words, "… Programs and Campaigns")
        return _named(toks, s, j + 1, None)
    if t in SPOKESPEOPLE and j >= 1 and is_name_tok(toks[j - 1].text):
        s = run_back(toks, j - 1, allow_and=True)  # "A Department of Health and Social Care spokesperson"
        while s < j - 1 and fold(toks[s].text) in NOT_NAMES:
            s += 1
        return _named(toks, s, j, t)  # "A Treasury spokesperson said": the body speaks, by its spokesperson
    unnamed = _unnamed(toks, j, text)
    if unnamed is not None:
        return unnamed
    desc = descriptor_at(toks, j)
    if desc is not None:
        return desc
    if t.islower() and j >= 2 and toks[j - 1].text in ("of", "for") and fold(toks[j - 2].text) in ORG_NOUNS_LOWER \
            and toks[j - 2].text.islower():
        k = j - 2  # "the ministry of health said": a body written out, no name to look for
        return Subject("generic", [text[toks[k].start:toks[j].end]], None, toks[k].start)
    if fold(t) in ORG_NOUNS_LOWER or t in BODY_NOUNS:
        k = j
        while k > 0 and j - k < 3 and wordlike(toks[k - 1].text) and fold(toks[k - 1].text) not in (
                "the", "a", "an", "its", "their", "his", "her") and not is_speech_verb(toks[k - 1].text):
            k -= 1
        words = [strip_possessive(x.text) if x is not toks[j] else x.text for x in toks[k:j + 1]]
        return Subject("generic", words, None, toks[k].start)
    return None


_AFFILIATION = frozenset("of at from with".split())
_INDEFINITE = frozenset("a an one another".split())


_OFFICE_GLUE = frozenset("of for and the & ,".split())
MAX_OFFICE_TOKENS = 16


def _person_before_long_office(toks: list[Tok], j: int, text: str) -> Subject | None:
    """"Jane Doe, Oxfam's Head of UK Policy, Programs and Campaigns said": the person named
    before an office in capitals that runs, through a body's possessive, commas and "and", to the
    verb (the words right before the verb are the office's last, no one's name); None otherwise."""
    k = j
    while k > 0 and j - k < MAX_OFFICE_TOKENS and (is_name_tok(toks[k].text) or toks[k].text in _OFFICE_GLUE
                                                   or toks[k].text[:1].isupper() and toks[k].text.endswith(("'s", "’s"))):
        if toks[k].text == "," and k >= 2 and is_name_tok(toks[k - 1].text):
            s = run_back(toks, k - 1)
            office = toks[k + 1:j + 1]
            if (s == 0 or toks[s - 1].text in _SENT_STOP or toks[s - 1].text == ",") and k - s >= 2 \
                    and plausible_person(words_of(toks[s:k])) and any(is_title(x.text) for x in office):
                return _named(toks, s, k, text[office[0].start:office[-1].end])
        k -= 1
    return None


def _person_before_role_of(toks: list[Tok], s: int, j: int, text: str) -> Subject | None:
    """"Jane Doe, director of NOAA’s Storm Center said, “…”": the person opening the sentence,
    a comma, a lower-case role "of"/"at" the body that ends right before the verb; her role is
    the whole. None for any other shape (a comma must close the role for a sentence inside it)."""
    k = s - 1
    if k >= 1 and toks[k].text.endswith(("’s", "'s")) and is_name_tok(toks[k].text):
        k = run_back(toks, k) - 1  # "… of NOAA’s Storm Center": the owner's name before the body
    if k >= 0 and toks[k].text in ("the", "The"):
        k -= 1
    if k < 2 or toks[k].text not in ("of", "at"):
        return None
    r = k - 1
    while r >= 0 and k - r <= 3 and (is_role_word(toks[r].text) or toks[r].text in ROLE_MODIFIERS):
        r -= 1
    if r < k - 1 and r >= 1 and toks[r].text in ("the", "a", "an"):
        r -= 1  # "Jane Doe, the director of …"
    if r == k - 1 or r < 1 or toks[r].text != ",":
        return None  # no role word, or no comma before it
    ps = run_back(toks, r - 1)
    words = words_of(toks[ps:r])
    opens = ps == 0 or toks[ps - 1].text in _SENT_STOP
    if not (opens and 2 <= len(words) <= 4 and plausible_person(words) and not split_title(words)[0]):
        return None
    return _named(toks, ps, r, text[toks[r + 1].start:toks[j].end])


MAX_OFFICE_SEGMENTS = 3  # comma-separated parts of an office read back before the person


def _person_before_offices(toks: list[Tok], comma: int, j: int, text: str) -> Subject | None:
    """"Jane Doe, Assistant Director, Criminal Investigation for HMRC said": the person opening
    the sentence before parts of an office split by commas, the first of them opening with a
    title; the office, from that title to the verb, is her role. None for any other shape."""
    end, titled = comma, None
    for _ in range(MAX_OFFICE_SEGMENTS):
        if end < 2 or toks[end].text != "," or not is_name_tok(toks[end - 1].text):
            return None
        s = run_back(toks, end - 1)
        words = words_of(toks[s:end])
        opens = s == 0 or toks[s - 1].text in _SENT_STOP
        if opens and 2 <= len(words) <= 4 and plausible_person(words) and not split_title(words)[0]:
            return _named(toks, s, end, text[toks[titled].start:toks[j].end]) if titled is not None else None
        if any(is_title(w) for w in words[:3]):
            titled = s  # ("Assistant Director", "Chief Crown Prosecutor")
        if opens:
            return None
        end = s - 1
    return None


def appositive_role(toks: list[Tok], comma: int, text: str) -> str | None:
    """The role phrase that ends at a comma before a name ("The company's chief executive, John
    Doe"), when it holds a role noun; read back to the clause start, at most 12 tokens."""
    k = comma
    while k > 0 and comma - k < 12 and toks[k - 1].text not in _SENT_STOP and toks[k - 1].text not in ",:(":
        k -= 1
    seg = toks[k:comma]  # "the" stays: the role reads as the article gives it
    if not seg or not any(fold(strip_possessive(x.text)) in ROLE_NOUNS for x in seg):
        return None
    if len(seg) > 1 and seg[0].text in ("The", "the") and is_title(seg[1].text) and is_cap(seg[1].text):
        seg = seg[1:]  # "The Attorney General, Jane Doe": a title, whose article is no part of it
    return text[seg[0].start:seg[-1].end]


MAX_AFFILIATION_TOKENS = 14


def _affiliated(toks: list[Tok], j: int, text: str) -> Subject | None:
    """"Dr. Ahmed Khan of the health ministry said": a person, then "of/at/from [the] body"
    right before the verb; the body is the role (a long one: "… from the Police Service of
    Northern Harbour’s Operational Support Department said")."""
    for k in range(j - 1, max(0, j - MAX_AFFILIATION_TOKENS), -1):
        tk = toks[k].text
        if not (wordlike(tk) or tk in ("&", "-")):
            return None
        if fold(tk) in _AFFILIATION and is_name_tok(toks[k - 1].text):
            s = run_back(toks, k - 1)
            words = words_of(toks[s:k])
            title, name = split_title(words)
            if len(name) < 2 or not plausible_person(name):
                continue  # "of" inside the body's own name ("the University of Leeds"): look further back
            r = k + 1 + (toks[k + 1].text in ("the", "The"))
            if r > j:
                return None
            return Subject("name", words, _titled_affiliation(title, text[toks[r].start:toks[j].end],
                                                              text[toks[k].start:toks[j].end]), toks[s].start)
    return None


def _titled_affiliation(title: list[str], body: str, affiliation: str) -> str:
    """The role of "Mayor Jane Doe of Riverton": the title with its affiliation as written ("Mayor
    of Riverton"); with no title, as for "Dr. Ahmed Khan of the health ministry", the body alone."""
    role = title_role(title)
    return f"{role} {affiliation}" if role else body


def _unnamed(toks: list[Tok], j: int, text: str) -> Subject | None:
    """"a spokeswoman for the ministry said", "one senior official said": a speaker the article
    does not name, given as written."""
    for k in range(j, max(-1, j - 10), -1):
        tk = toks[k].text
        if not wordlike(tk) or is_speech_verb(tk):
            return None
        if tk.islower() and tk in ROLE_NOUNS:
            for a in range(k - 1, max(-1, k - 4), -1):
                if fold(toks[a].text) in _INDEFINITE:
                    return Subject("unnamed", [text[toks[a].start:toks[j].end]], None, toks[a].start)
                if not wordlike(toks[a].text):
                    break
            return None
    return None


def _described_before_comma(toks: list[Tok], j: int, text: str) -> Subject | None:
    """The subject phrase before the first comma of the clause, when it names a role: "The
    minister, who asked not to be named, said" (the minister), "A senior official, speaking on
    condition of anonymity, said" (as written)."""
    k = j - 1
    while k > 0 and j - k < 45 and toks[k - 1].text not in _SENT_STOP:
        k -= 1
    c = next((x for x in range(k, j) if toks[x].text == ","), None)
    if c is None or c == k:
        return None
    return descriptor_at(toks, c - 1) or _unnamed(toks, c - 1, text)


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
    if role is None and s >= 1:
        role = lower_title_before(toks, s)
    if role is None and s >= 2 and toks[s - 1].text == ",":
        role = _title_before_comma(toks, s - 1, text=None)  # "Minister for Skills, Jane Holt MP said:"
    elif role is None and s >= 3 and fold(toks[s - 1].text) == "the" and toks[s - 2].text == ",":
        role = _title_before_comma(toks, s - 2, text=None)  # "The Home Secretary, the Rt Hon Jane Holt said:"
    if role:  # "My right hon. Friend the First Secretary of State, Lord Doe, …": Parliament's courtesy, no office
        role = without_courtesy(role)
    return Subject("name", words, role, toks[s].start)


def without_courtesy(role: str) -> str | None:
    """A role without Parliament's courtesy before the office ("Friend the First Secretary of State")."""
    return _FRIEND.sub("", role) or None


_FRIEND = re.compile(r"^(?:(?:[Mm]y|[Oo]ur)\s+)?(?:(?:right\s+)?hon(?:ourable)?\.?\s+(?:and\s+(?:learned|gallant)\s+)?)?"
                     r"Friends?\s+(?:the\s+)?(?=[A-Z])")


def _title_before_comma(toks: list[Tok], comma: int, text: str | None) -> str | None:
    """A title phrase that opens the sentence and ends at the comma before a name: "Minister for
    Skills, Jane Doe said"; nothing else before the comma ("In a statement, Jane Doe said")."""
    for segments in (1, 2):  # "Minister for Ports, in charge of Ferries, Ida Moss said"
        k, seen = comma, 0
        while k > 0 and comma - k < 8 * segments and toks[k - 1].text not in _SENT_STOP and toks[k - 1].text not in ":(":
            if toks[k - 1].text == ",":
                seen += 1
                if seen == segments:
                    break
            k -= 1
        opens = k == 0 or toks[k - 1].text in _SENT_STOP or toks[k - 1].text == "," and segments == 1
        if toks[k].text in ("The", "the") and k + 1 < comma:
            k += 1  # "The Attorney General, Jane Doe said:": the article is no part of the title
        # "Opening the bridge, Minister for Ports, Ida Moss said": a title after a leading clause
        if not opens or k == comma or not any(is_title(x.text) and is_cap(x.text) for x in toks[k:comma]):
            continue  # "Home Secretary, Jane Doe said": a title word in the phrase
        first = next((i for i in range(k, comma) if toks[i].text == ","), comma)
        if not all(is_name_tok(x.text) or fold(x.text) in RUN_JOINERS or x.text == "and" for x in toks[k:first]):
            continue
        return "".join(("" if x.text == "," or i == 0 else " ") + x.text for i, x in enumerate(toks[k:comma]))
    return None


MAX_REMIT_TOKENS = 30  # how far back a remit's list of subjects is read


def title_and(toks: list[Tok], s: int, e: int) -> int:
    """Where a name run starts when its title has "and" in it ("Health and Social Care Secretary
    Wes Doe"): "and" joins the run only when a title follows it, so "Smith and Jones" stays two.
    An office held beside it joins too ("Deputy Prime Minister and Minister for Ports, Roads and
    Harbours Jane Doe"): the whole is her role, and "the Deputy Prime Minister" is then her."""
    start = _title_and(toks, s, e)
    if start == s and not (s >= 2 and toks[s - 1].text == "and"):
        return start
    while start >= 2 and toks[start - 1].text == "and" and is_name_tok(toks[start - 2].text) and is_title(toks[start].text):
        q = run_back(toks, start - 2)
        before = words_of(toks[q:start - 1])
        title, name = split_title(before)
        if not title or name or not is_title(before[0]) or e - q > MAX_REMIT_TOKENS:
            break
        start = q
    return start


def _title_and(toks: list[Tok], s: int, e: int) -> int:
    if s >= 2 and toks[s - 1].text == "and" and is_name_tok(toks[s - 2].text):
        title, name = split_title(words_of(toks[s:e]))
        p = run_back(toks, s - 2)
        before = words_of(toks[p:s - 1])
        # Only a short subject area joins ("Health and"), never a title or a name ("…David Magdycz and").
        if title and name and len(before) <= 2 and not split_title(before)[0] and not (
                len(before) == 2 and plausible_person(before)):
            return p
        rest = words_of(toks[s:e])
        if split_title(before)[0] and any(w in ("for", "of") for w in before) and len(rest) >= 3 \
                and plausible_person(rest[-2:]) and not (plausible_person(before[-2:]) and split_title(before)[1]):
            return p  # "Assistant Administrator for Enforcement and Compliance Assurance Jane Doe": one office
            # (and "Minister for Welsh Language and …": words the title reads as its own are no name)
        return _remit_start(toks, p, s, rest)
    if s >= 2 and toks[s - 1].text == "," and is_name_tok(toks[s - 2].text):
        # "Minister for Business, Enterprise & Regulatory Reform Jane Doe": the list without an "and"
        return _remit_start(toks, s, s, words_of(toks[s:e]))
    return s


def _remit_start(toks: list[Tok], q: int, s: int, rest: list[str]) -> int:
    """Where a remit listed with commas before a name starts, back to the title it follows
    ("Minister for Population, Cities and Urban Infrastructure Jane Doe"), else s."""
    while q >= 2 and toks[q - 1].text == "," and is_name_tok(toks[q - 2].text) and s - q < MAX_REMIT_TOKENS:
        q = run_back(toks, q - 2)
        lead = words_of(toks[q:next(k for k in range(q, s) if toks[k].text == ",")])
        title, _ = split_title(lead)
        if title and is_title(lead[0]) and any(w in ("for", "of") for w in lead) and len(rest) >= 3 \
                and plausible_person(rest[-2:]):
            return q
    return s


# Agent nouns that name a person by their ending; "-er"/"-or" words are left to the role lists,
# since many of them name companies and outlets ("newspaper", "carrier", "retailer").
_ROLE_SUFFIXES = ("ist", "ian", "man", "woman")
_MODIFIER_STOP = frozenset("the a an as of in on at by for to from with and or but his her its their our "
                           "said says told who which that this these those".split())


def is_role_word(t: str) -> bool:
    """A lower-case word that names what someone is: a title or role noun ("leader", "author"),
    or an agent noun by its ending ("agronomist", "historian", "fisherman"). An abbreviated title is
    one only when capitalised: "pm" is the afternoon ("2.15 pm Jane Doe")."""
    return t.islower() and t.isalpha() and t not in TITLE_ABBREVIATIONS and (
        t in TITLES or t in ROLE_NOUNS or (len(t) > 5 and t.endswith(_ROLE_SUFFIXES)))


def lower_title_before(toks: list[Tok], s: int) -> str | None:
    """A lower-case title right before a name, with what heads it: "Chamber of Mines president
    Chanda Mwape", "Greens leader Erin Maddox", "lead author Marek Hora", "the Brazilian
    agronomist Rui Tavares"."""
    if s < 1 or not is_role_word(toks[s - 1].text):
        return None
    r = s - 1
    if r >= 1 and is_name_tok(toks[r - 1].text):
        r = run_back(toks, r - 1)
    else:
        while r >= 1 and s - r < 3 and toks[r - 1].text.isalpha() and toks[r - 1].text.islower() \
                and toks[r - 1].text not in _MODIFIER_STOP:
            r -= 1
        if r < s - 1 and r >= 1 and is_name_tok(toks[r - 1].text):
            r = run_back(toks, r - 1)  # "Union general secretary Sharon Graham"
            while r < s - 1 and fold(toks[r].text) in NOT_NAMES:
                r += 1  # not "As lead author", "The Brazilian agronomist"
    if toks[r].text in ("The", "the"):
        r += 1  # "The Brazilian agronomist Rui Tavares": the article belongs to the whole phrase
    return " ".join(x.text for x in toks[r:s])


def name_after(toks: list[Tok], i: int, text: str) -> Subject | None:
    """The name that follows a verb ("said Mateo Ferro, Professor of ..."), with its role.

    Not after "told": "told Reuters" names the listener, not the speaker."""
    if i >= len(toks) or (i >= 1 and toks[i - 1].text in AUDIENCE_VERBS):
        return None
    t = toks[i].text
    if fold(t) in PRONOUNS:
        return Subject("pronoun", [t], None, toks[i].start)
    if fold(t) in DETERMINERS and i + 1 < len(toks) and toks[i + 1].text in DOCUMENT_NOUNS:
        return document_issuer(toks, i + 1, text)
    if t in ("the", "The") and i + 1 < len(toks) and is_name_tok(toks[i + 1].text):
        titled = _role_then_name(toks, i, text)  # "said the Chancellor of the Exchequer, Jane Doe"
        if titled is not None and titled.kind == "name":
            return titled
        i += 1
    if t in ("a", "an") and i + 2 < len(toks):  # "said a visibly moved President Jane Doe": the title and name
        for k in range(i + 1, min(len(toks) - 1, i + 4)):
            if not toks[k].text.islower() or not toks[k].text.isalpha():
                if is_title(toks[k].text) and is_cap(toks[k].text) and k > i + 1:
                    sub = name_after(toks, k, text)
                    if sub is not None and sub.kind == "name" and len(split_title(sub.words)[1]) >= 2:
                        return sub
                break
    if fold(t) in _INDEFINITE:  # "said one senior official, who …", "said a spokeswoman for the ministry"
        for k in range(i + 1, min(len(toks), i + 8)):
            if toks[k].text.islower() and toks[k].text in ROLE_NOUNS:
                e = k + 1
                if e + 1 < len(toks) and toks[e].text in ("for", "at", "with") and toks[e + 1].text[:1].isalpha():
                    e = run_fwd(toks, e + 1 + (toks[e + 1].text in ("the", "The"))) if is_name_tok(
                        toks[e + 1 + (toks[e + 1].text in ("the", "The"))].text) else _lower_phrase_end(toks, e + 1)
                return Subject("unnamed", [text[toks[i].start:toks[e - 1].end]], None, toks[i].start)
            if k - i < 4 and toks[k].text.isalpha() and toks[k].text.islower():
                continue  # "a senior police official"
            if not (is_name_tok(toks[k].text) or toks[k].text in ("and", "of", "&") and k > i + 1):
                break  # (else the body the person speaks for: "a Fire and Rescue Service spokesman")
    if t in ROLE_MODIFIERS and i + 1 < len(toks) and is_name_tok(toks[i + 1].text):
        sub = name_after(toks, i + 1, text)  # "said former Deputy Mayor Ines Calder"
        if sub is not None and sub.kind == "name" and split_title(sub.words)[0]:
            sub.words = [t] + sub.words  # the modifier is part of the title: "former Deputy Mayor"
            sub.pos = toks[i].start
            return sub
        return sub
    k = i
    while k < len(toks) and k - i < 3 and fold(toks[k].text) in PARTICLES:
        k += 1  # "said von der Brelie"
    if k >= len(toks) or not (is_name_tok(toks[k].text) or _rank_ordinal(toks, k, True)):
        return _role_then_name(toks, i, text) or _lower_role_then_name(toks, i, text)
    e = run_fwd(toks, k)
    if e + 2 < len(toks) and toks[e].text == "and" and is_name_tok(toks[e + 1].text) and e - k <= 4:
        e3 = run_fwd(toks, e + 1)  # "said Harbour Security and Emergency Management director Jane Doe"
        if e3 - e <= 4 and e3 + 1 < len(toks) and is_role_word(toks[e3].text) and is_name_tok(toks[e3 + 1].text):
            e = e3
    if e - k <= 7 and e + 2 < len(toks) and (is_role_word(toks[e].text) or toks[e].text in ROLE_MODIFIERS
                                             and is_role_word(toks[e + 1].text)) and (
            e - k <= 3 or toks[k:e][-1].text != "and" and any(t.text == "and" for t in toks[k:e])):
        # "said USGS hydrologist Jane Doe", "said Acme chief executive Jane Doe", "said Harbour
        # Region V acting administrator Jane Doe", "said Harbour Fisheries director, Dr. Jane Doe":
        # a body or place before a lower-case role, then the person (an honorific before her name)
        r = e
        while r < min(len(toks), e + 3) and (is_role_word(toks[r].text) or toks[r].text in ROLE_MODIFIERS):
            r += 1
        role_end = r
        r += r < len(toks) and toks[r].text == ","
        if r < len(toks) and is_name_tok(toks[r].text):
            n = run_fwd(toks, r)
            name = words_of(toks[r:n])
            title, bare = split_title(name)
            if 2 <= len(bare) <= 4 and plausible_person(bare) and all(fold(w.rstrip(".")) in HONORIFICS for w in title):
                return Subject("name", name, text[toks[k].start:toks[role_end - 1].end], toks[k].start)
    if e + 1 < len(toks) and toks[e].text == "and" and any(is_title(t.text) for t in toks[k:e]) \
            and is_name_tok(toks[e + 1].text):
        # "said County Sheriff and Sheriffs' Association President Jane Doe": two offices; "said
        # Secretary of Housing and Urban Development Jane Doe": one office's body with an "and"
        e2 = run_fwd(toks, e + 1)
        words2 = words_of(toks[e + 1:e2])
        title2, name2 = split_title(words2)
        if not title2 and len(words2) >= 3 and plausible_person(words2[-2:]) and (
                any(fold(w) in ORG_WORDS for w in words2[:-2]) or not plausible_person(words2[:-2])
                or any(t.text in ("of", "for") for t in toks[k:e])):  # the "and" goes on with the office's body
            title2, name2 = words2[:-2], words2[-2:]
        if title2 and len(name2) >= 2 and plausible_person(name2):
            return Subject("name", name2, text[toks[k].start:toks[e2 - len(name2) - 1].end], toks[k].start)
    if e + 1 < len(toks) and toks[e].text == "and" and e - k <= 3 and is_name_tok(toks[e + 1].text):
        # "said Housing and Urban Development Secretary Jane Doe": the "and" inside the remit of
        # one office, as the words after it, before the title, say ("Deputy Mayor" after an "and"
        # is a second person's)
        e2 = run_fwd(toks, e + 1)
        title2, name2 = split_title(words_of(toks[e + 1:e2]))
        if len(title2) >= 2 and not is_title(title2[0]) and title2[0] not in ROLE_MODIFIERS and is_title(title2[-1]) \
                and len(name2) >= 2 and plausible_person(name2):
            office = text[toks[k].start:toks[e2 - len(name2) - 1].end]
            return Subject("name", name2, office, toks[k].start)
    if toks[e - 1].text.endswith(("’s", "'s")) and e < len(toks) and toks[e].text.islower():
        owned = _role_then_name(toks, i, text, owned=True)  # "said Acme’s chief executive, Ann Lee"
        if owned is not None and owned.kind == "name":
            return owned
    if toks[e - 1].text.endswith(("’s", "'s")) and e < len(toks) and is_title(toks[e].text) and is_cap(toks[e].text):
        office = _office_then_name(toks, k, run_fwd(toks, e), text)  # "said Acme’s Director General, Ann Lee"
        if office is not None:
            return office
    words = words_of(toks[i:e])
    for a in range(i + 1, e - 1):  # "said Jane Doe of Acme Analytics": the body is the role
        if fold(toks[a].text) in ("of", "at", "from"):
            title, name = split_title(words_of(toks[i:a]))
            if len(name) == 2 and fold(name[0]) in PEERAGES and toks[a].text == "of" and a + 2 == e:
                # "said Lord Doe of Harbourside": a peer's territorial name, no body she works for
                return Subject("name", words_of(toks[i:a]), None, toks[i].start)
            if len(name) >= 2 and plausible_person(name):
                r = a + 1 + (toks[a + 1].text in ("the", "The"))
                return Subject("name", words_of(toks[i:a]), _titled_affiliation(
                    title, text[toks[r].start:toks[e - 1].end], text[toks[a].start:toks[e - 1].end]), toks[i].start)
    if e - i == 1 and e + 1 < len(toks) and toks[e].text == "," and is_name_tok(toks[e + 1].text):
        # "said Chattanooga, Tennessee Mayor Jane Doe": one word, then a place, a title and a name,
        # is a city and its state before the person, who holds the title there
        e2 = run_fwd(toks, e + 1)
        title2, name2 = split_title(words_of(toks[e + 1:e2]))
        if title2 and is_title(title2[-1]) and 2 <= len(name2) <= 4 and plausible_person(name2):
            return Subject("name", name2, text[toks[i].start:toks[e2 - len(name2) - 1].end], toks[i].start)
    if words and not split_title(words)[1] or e + 3 < len(toks) and toks[e].text == "(" and toks[e + 2].text == ")":
        # (or a body with its acronym, then the office: "says Harbour Board (HB) Senior Ranger, Jane Doe")
        office = _office_then_name(toks, k, e, text)  # "said Agency Regional Director for Asia, Jane Doe"
        if office is not None:
            return office
    role = None
    c = e
    if c + 1 < len(toks) and toks[c].text == "," and toks[c + 1].text.rstrip(".") in _SUFFIXES_BARE:
        words = words + [toks[c + 1].text + ("." if c + 2 < len(toks) and toks[c + 2].text == "." else "")]
        c += 2 + (c + 2 < len(toks) and toks[c + 2].text == ".")  # "said Jane Doe, Jr., Ph.D., director of …"
    while c + 3 < len(toks) and toks[c].text == "," and toks[c + 1].text.replace(".", "") in DEGREES \
            and toks[c + 2].text == "." and toks[c + 3].text == ",":
        c += 3  # "said Jane Doe, Ph.D., director of …": the degree is neither name nor role
    if c + 2 < len(toks) and toks[c].text == "," and toks[c + 1].text.replace(".", "") in DEGREES \
            and toks[c + 2].text == "." and (c + 3 == len(toks) or toks[c + 3].text != ","):
        c += 3  # "said Jane Doe, M.D., M.P.H. “…”": the last degree ends the sentence, and no role follows
    if c < len(toks) and toks[c].text == "," and c + 1 < len(toks):
        role = clean_role(toks[c + 1:c + 40], text)
    elif e + 2 < len(toks) and toks[e].text in ("of", "at", "from") and toks[e + 1].text == "the":
        f = _lower_phrase_end(toks, e + 2)  # "said Dr. Jane Doe of the city council"
        title, name = split_title(words)
        if f == e + 2 and not title_role(title) and is_name_tok(toks[f].text) and fold(toks[f].text) not in NOT_NAMES:
            f = run_fwd(toks, f)  # "according to Jane Doe of the Harbour Institute of Technology"
        if f > e + 2 and len(name) >= 2 and plausible_person(name):
            role = _titled_affiliation(title, text[toks[e + 2].start:toks[f - 1].end], text[toks[e].start:toks[f - 1].end])
    return Subject("name", words, role, toks[i].start)


def _office_then_name(toks: list[Tok], k: int, e: int, text: str) -> Subject | None:
    """An office with no name in it, then the person after a comma: "said Agency Regional
    Director for Asia and the Pacific, Jane Doe." The office's body may go on after an "and";
    the name must end the clause, so a list of offices is not read as one."""
    f = e
    if f + 3 < len(toks) and toks[f].text == "(" and toks[f + 1].text.isupper() and toks[f + 2].text == ")" \
            and is_name_tok(toks[f + 3].text):
        f = run_fwd(toks, f + 3)
        if not any(is_title(x.text) for x in toks[e + 3:f]):
            return None  # ("… (HB) Harbour, Jane Doe": no office after the acronym)
    if f + 1 < len(toks) and toks[f].text == "and":
        g = f + 1 + (toks[f + 1].text in ("the", "The"))
        if g < len(toks) and is_name_tok(toks[g].text):
            f = run_fwd(toks, g)
    if not (f + 1 < len(toks) and toks[f].text == "," and is_name_tok(toks[f + 1].text)):
        return None
    n = run_fwd(toks, f + 1)
    name = words_of(toks[f + 1:n])
    bare = split_title(name)[1]
    if not (2 <= len(bare) <= 4 and plausible_person(bare)) or (n < len(toks) and toks[n].text not in _CLAUSE_ENDS
                                                                 and toks[n].text not in _WHERE_AFTER):
        return None  # (the name ends the clause, or a place follows it: "…, Jane Doe in Juba")
    return Subject("name", name, text[toks[k].start:toks[f - 1].end], toks[f + 1].start)


_CLAUSE_ENDS = frozenset(".,;:“”\"")
_WHERE_AFTER = frozenset("in at during".split())


def document_issuer(toks: list[Tok], k: int, text: str) -> Subject:
    """Who a document at token k speaks for: "a statement from the Health Ministry" (a name),
    "a statement from the ministry" (a body as written), or, with no issuer, kind "document"
    (the reader takes the body named before)."""
    if k + 2 < len(toks) and toks[k + 1].text in ("from", "by", "of"):
        a = k + 2 + (toks[k + 2].text in ("the", "The") and k + 3 < len(toks))
        if is_name_tok(toks[a].text):
            e = run_fwd(toks, a)
            return Subject("name", words_of(toks[a:e]), None, toks[a].start)
        e = _lower_phrase_end(toks, a)
        if e > a and fold(toks[e - 1].text) in ORG_NOUNS_LOWER:
            return Subject("generic", [x.text for x in toks[a:e]], None, toks[a].start)
    return Subject("document", [toks[k].text], None, toks[k].start)


def _lower_phrase_end(toks: list[Tok], i: int) -> int:
    """End of a short lower-case phrase from i ("the interior ministry"), at most four words."""
    e = i
    while e < len(toks) and e - i < 4 and toks[e].text.isalpha() and toks[e].text.islower() \
            and toks[e].text not in ("who", "which", "that", "said", "and"):
        e += 1
    return max(e, i)




def _role_then_name(toks: list[Tok], i: int, text: str, owned: bool = False) -> Subject | None:
    """After a verb, a role before the name: "said the agency's chief economist, Grant Doe",
    "said its chief executive, Ann Lee", "said Acme's chief executive, Ann Lee" (owned: the
    owner's name opens it); or a role alone, "said the minister" (a descriptor)."""
    if fold(toks[i].text) not in DETERMINERS and not owned:
        return None
    for k in range(i + 1, min(len(toks), i + 10)):
        tk = toks[k].text
        if tk == "," and k + 1 < len(toks) and is_name_tok(toks[k + 1].text):
            seg = toks[i:k]
            if not any(fold(strip_possessive(x.text)) in ROLE_NOUNS for x in seg):
                return None
            e = run_fwd(toks, k + 1)
            words = words_of(toks[k + 1:e])
            if not plausible_person(split_title(words)[1] or words):
                return None
            return Subject("name", words, text[seg[0].start:seg[-1].end], toks[k + 1].start)
        if not (wordlike(tk) or tk in ("’s", "'s", "-")):
            break
    return descriptor_at(toks, i + 1) if i + 1 < len(toks) and fold(toks[i].text) == "the" else None


def _lower_role_then_name(toks: list[Tok], i: int, text: str) -> Subject | None:
    """After a verb, a lower-case role, then the name: "says local fisherman Joe Bloggs"."""
    for k in range(i, min(len(toks) - 1, i + 4)):
        if not toks[k].text.islower():
            return None
        if is_role_word(toks[k].text) and is_name_tok(toks[k + 1].text):
            e = run_fwd(toks, k + 1)
            words = words_of(toks[k + 1:e])
            if not plausible_person(split_title(words)[1] or words):
                return None
            return Subject("name", words, text[toks[i].start:toks[k].end], toks[k + 1].start)
    return None


# --------------------------------------------------------------------------
# Gender, from what the article itself says: "Ms. Okonkwo", "Okonkwo … her office"

_HONORIFIC_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Madam|Madame|Sir|Dame|Lord|Lady)\.? ((?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+)")
_FULL_NAME = re.compile(r"\b[A-Z][\w’'-]+(?: (?:[A-Z]\.|[A-Z][\w’'-]+)){1,3}")
_GENDER_WORD = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)
_APPOSITIVE_NOUN = re.compile(r"([A-Z][\w’'-]+), (?:(?:a|an|the|its|their) )?(?:[\w’'-]+ ){0,5}?(%s)\b" % "|".join(
    sorted(w for w in MASCULINE | FEMININE if len(w) > 4 and w not in ("himself", "herself", "madame"))))
_QUOTED = frozenset("“”\"«»„")


def word_gender(word: str) -> str | None:
    """"m" or "f" for a word that tells a gender (cues.MASCULINE, cues.FEMININE), else None."""
    w = fold(word.rstrip("."))
    return "m" if w in MASCULINE else "f" if w in FEMININE else None


def genders(paragraphs, sentences) -> dict[str, str]:
    """Folded surname -> "m" or "f", where the article tells it and never the other way: an
    honorific before the name ("Ms. Okonkwo"), or a sentence outside quotation marks that names
    one person in full and uses pronouns of one gender only ("Ruth Okonkwo said her office …").
    A surname with evidence both ways is left out."""
    seen: dict[str, set[str]] = {}
    for k, text in enumerate(paragraphs):
        if len(text) > 200_000:
            continue
        for m in _HONORIFIC_NAME.finditer(text):
            seen.setdefault(fold(m.group(2).split()[-1]), set()).add(word_gender(m.group(1)))
        for a, b in sentences[k]:
            sent = text[a:b]
            if any(c in _QUOTED for c in sent):
                continue
            for m in _APPOSITIVE_NOUN.finditer(sent):  # "Ruth Okonkwo, a spokeswoman for …"
                seen.setdefault(fold(m.group(1)), set()).add(word_gender(m.group(2)))
            if _GENDER_WORD.search(sent) is None:
                continue
            names = [n for n in _FULL_NAME.finditer(sent) if plausible_person(split_title(n.group().split())[1] or ["-"])]
            # only the pronouns after the name: "Her neighbour, Tom Reyes, agreed" says nothing of him
            said = {word_gender(w.group()) for w in _GENDER_WORD.finditer(sent, names[0].end())} if names else set()
            if len(said) != 1:
                continue
            if len({n.group() for n in names}) == 1 or (names and names[0].start() == 0):
                # one person named, or the sentence's subject: "Ruth Okonkwo said her office met …"
                seen.setdefault(fold(strip_possessive(names[0].group().split()[-1])), set()).update(said)
    return {name: g.pop() for name, g in seen.items() if len(g) == 1}


def gender_of(name: str, role: str | None, known: dict[str, str]) -> str | None:
    """A candidate's gender: from the article's evidence for the surname, else from the role's
    words ("a spokeswoman for the ministry")."""
    g = known.get(fold(strip_possessive(name.split()[-1]))) if name.split() else None
    if g is None and role:
        found = {word_gender(w) for w in role.split()} - {None}
        g = found.pop() if len(found) == 1 else None
    return g
