"""Sources cited: the outlets and bodies the article attributes facts to.

"according to X", "reported by X", "polled by X", "X reported", "X indicated", an
organisation that "said" or "has today released" something, a body whose piece of work is the
subject ("A X (XA) investigation found", "The X's survey shows"), data "derived from" a body's
survey, and records a body keeps ("according to court records"). People are not sources here
(they are speakers).
Scraped glue such as "news agency Norpressthe police" is split back into "Norpress".
"""

from __future__ import annotations

import re
from itertools import compress
from bisect import bisect_right
from operator import attrgetter, itemgetter

from .actors import Actors
from .facts import SourceCited
from .spans import quote_spans
from .mentions import Subject, is_name_tok, run_back, subject_before, words_of
from .places import is_place
from .cues import PRONOUNS, REPORT_VERBS, SPEECH_VERBS, TITLES
from .text import NOT_NAMES, ORG_NOUNS_LOWER, ORG_WORDS, Tok, fold, tokens, word_memo

_GLUE = re.compile(r"^([A-Z][\w’'\-]{2,40}?)(the|that|this|these|those|and)$")
_TRAILING = frozenset("data figures estimates estimate statistics report reports survey study analysis "
                      "statement records numbers".split())
_DESCRIPTORS = frozenset("""news agency site newspaper daily weekly outlet paper magazine broadcaster channel radio
television station network website portal wire service press office statistics institute""".split())
# Speech verbs, less those that ask, plus the plural forms a body "estimate"s or "report"s in.
_SOURCE_VERBS = SPEECH_VERBS - frozenset("asked urged told tells".split()) | frozenset(
    "estimate calculate publish published publishes released releases".split())
# Verbs whose subject is a piece of work that a body did: "A Coastal Agency (CA) inquiry found".
_FINDING_VERBS = frozenset("found finds showed shows revealed reveals concluded concludes suggested suggests "
                           "said says".split())
# Words a body's data are drawn "from" with: "estimates derived from the X survey".
_DRAWN = frozenset("derived drawn compiled sourced taken".split())
# Lower-case bodies whose records a fact is attributed to: "according to court records".
_RECORD_KEEPERS = ORG_NOUNS_LOWER | frozenset("court police customs census hospital registry".split())
_BY_VERBS = frozenset("reported published polled compiled cited released quoted".split())
# The (lower-cased) words at which extract() looks for a source; a verb must also be written lower-case.
_TRIGGERS = _SOURCE_VERBS | _FINDING_VERBS | {"according", "by", "told", "with", "in", "from"}
_text = itemgetter(0)  # Tok.text, at C speed
_start = attrgetter("start")


@word_memo
def _is_trigger(word: str) -> bool:
    return word.lower() in _TRIGGERS
MAX_SOURCES = 200
MAX_SCAN_CHARS = 100_000


_WORK_NOUNS = frozenset("research study report survey analysis paper data figures estimate estimates findings "
                        "article review statement".split())


def extract(paragraphs, actors: Actors, speakers: tuple[str, ...] = ()) -> list[SourceCited]:
    """Sources; ``speakers`` are the people quoted, whose surnames alone ("Lộc said") are no source."""
    found: dict[str, SourceCited] = {}
    surnames = {fold(w) for n in speakers if " " in n for w in n.split()}  # "Lộc said", "Isla reported"
    seen: dict = {}  # what _not_a_source found for a name (and the people's names), read once per article
    for pno, text in enumerate(paragraphs, 1):
        if len(found) >= MAX_SOURCES:
            break
        text = text[:MAX_SCAN_CHARS]
        toks = tokens(text)
        inside = _quoted(text)
        q = 0
        # Only the few words the patterns below start at are visited.
        for i in compress(range(len(toks)), map(_is_trigger, map(_text, toks))):
            t = toks[i]
            low = t.text.lower()
            while q < len(inside) and inside[q][1] <= t.start:
                q += 1
            if q < len(inside) and inside[q][0] <= t.start:
                continue  # words inside a quotation are the speaker's, not the article's attribution
            name = None
            if low == "according" and i + 1 < len(toks) and toks[i + 1].text == "to":
                venue = _work_venue(toks, i + 2)
                if venue and venue.startswith("the "):
                    venue = _canon(venue, actors)  # "data from the Office for X": one entry with the acronym
                name = venue or _noun_phrase(toks, i + 2, text, actors)
            elif low == "by" and i >= 1 and (toks[i - 1].text in _BY_VERBS or fold(toks[i - 1].text) in _BY_WORKS):
                name = _noun_phrase(toks, i + 1, text, actors)  # "reported by X", "a survey by X"
                if name and toks[i - 1].text not in _BY_VERBS and not _org_like(name, None):
                    name = None  # "for review by residents", "a report by Jane Doe": no body
                for also in _coordinated(toks, i + 1, text, actors):  # "a screening by X and the Y (Z)": both
                    if not _not_a_source(also, actors, paragraphs, t.text, seen):
                        _add(found, also, pno)
            elif low == "from" and i >= 1 and (fold(toks[i - 1].text) in _TRAILING or toks[i - 1].text in _DRAWN):
                name = _noun_phrase(toks, i + 1, text, actors)  # "figures from the Office for National Statistics"
                if name and not _org_like(name, actors):
                    name = None  # "data from the Moon's south pole": a place, not a body
            elif t.text in _FINDING_VERBS and t.text not in _SOURCE_VERBS:
                # "A Coastal Agency (CA) investigation found", "Researchers at the X Institute found"
                name = _work_of_body(toks, i, text, actors) or _body_of_staff(toks, i, text, actors)
            elif t.text in _SOURCE_VERBS:
                a = i
                while a > 1 and i - a < 3 and toks[a - 1].text in _AUXILIARIES:
                    a -= 1  # "X has today released": the subject before the auxiliaries
                sub = subject_before(toks, a, text)
                if sub is not None and len(sub.words) == 1 and is_place(fold(sub.words[0])):
                    suffixed = _place_suffix(toks, sub)  # "the US Embassy in Peru indicated"
                    if suffixed is None and a >= 2 and toks[a - 2].text in _PLACE_PREPOSITIONS:
                        sub = None  # "officials in Ontario said": the place is not the subject
                    else:
                        sub = suffixed or sub
                name = _org_subject(sub, t.text, actors) if sub is not None else None
                if name and _after_by(toks, sub.pos) and not _org_like(name, None):
                    name = None  # "A report by Jane Doe found": the subject is the report, and she is a person
                if name is None:
                    # the context says it is a body, so no check against the people found
                    body = _body_of_staff(toks, i, text, actors) or _org_before_commas(toks, i, text, actors) or (
                        _work_of_body(toks, i, text, actors) if sub is None or sub.kind == "generic" else None)
                    if body and fold(body) not in surnames:
                        _add(found, body, pno)
            elif low == "in" and [fold(x.text) for x in toks[i + 1:i + 4]] == ["the", "words", "of"]:
                name = _noun_phrase(toks, i + 4, text, actors)  # "In the words of the WMO, …"
                if name and not _org_like(name, actors):
                    name = None  # a person's words: a speaker, not a source
            elif (low == "told" or (low == "with" and i >= 1 and toks[i - 1].text in ("interview", "interviews"))
                  or (low == "in" and i >= 1 and toks[i - 1].text == "published")):
                name = _outlet(toks, i + 1)  # "told the BBC", "in an interview with Sky News"
            if name and fold(name) not in surnames and not _not_a_source(name, actors, paragraphs, t.text, seen):
                _add(found, name, pno)
    return list(found.values())


# Nouns of a piece of work that "by" then credits to its author: "a survey by the Chamber of Commerce".
_BY_WORKS = frozenset("survey study report analysis review screening census poll audit investigation assessment "
                      "count tally inquiry estimate estimates research count modelling modeling".split())
# Plural nouns for a body's staff: "analysts at Acme said" is Acme speaking.
_STAFF = frozenset("analysts economists researchers scientists officials experts strategists staff engineers "
                   "doctors investigators lawyers spokespeople".split())


# The head of a subject that is a piece of work, not its author.
_WORKS = _BY_WORKS | frozenset("investigation release study report survey review".split())


def _work_of_body(toks: list[Tok], v: int, text: str, actors: Actors) -> str | None:
    """The body whose work is the subject of the verb at v: "A Coastal Agency (CA) investigation
    into the spill found", "The Harbour Board's annual survey of 2,000 firms shows". The work noun
    stands within eight words before the verb, with no comma or sentence stop between, right
    after the body's name (its acronym in brackets, or its possessive)."""
    for w in range(v - 1, max(-1, v - 9), -1):
        tw = toks[w].text
        if tw in _SENTENCE_STOP or tw in (",", ":"):
            return None
        if fold(tw) not in _WORKS:
            continue
        end = w
        while end > 0 and toks[end - 1].text[:1].islower() and toks[end - 1].text.isalpha() and w - end < 2 \
                and fold(toks[end - 1].text) not in _DETERMINERS | {"of", "for", "and"}:
            end -= 1  # "annual", "independent"
        acr = None
        if end >= 3 and toks[end - 1].text == ")" and toks[end - 3].text == "(" and toks[end - 2].text.isupper():
            acr, end = toks[end - 2].text, end - 3
        s = end
        while s > 0 and end - s < 10 and (is_name_tok(toks[s - 1].text) or fold(toks[s - 1].text) in ("of", "for", "and", "&")) \
                and fold(toks[s - 1].text) not in _DETERMINERS:
            s -= 1
        if s == end or not is_name_tok(toks[s].text):
            return None
        if s > 0 and fold(toks[s - 1].text) not in _DETERMINERS and toks[s - 1].text not in _SENTENCE_STOP:
            return None  # the run must open its noun phrase
        words = words_of(toks[s:end])
        if not words:
            return None
        last = words[-1]
        if last.endswith(("’s", "'s")):
            if acr:
                return None
            words[-1] = last[:-2]  # "The Harbour Board's survey"
        name = " ".join(words) + (f" ({acr})" if acr else "")
        if is_place(fold(" ".join(words))) or not _org_like(name, actors):
            return None  # "A Jane Smith study", "The London report"
        return _canon(name, actors)
    return None


_DETERMINERS = frozenset("a an the".split())
# What may stand between a body and what it "released": "The X Office has today released".
_AUXILIARIES = frozenset("has have had today now also recently just yesterday".split())


def _org_name_at(toks: list[Tok], s: int, e: int, text: str, actors: Actors, body: bool = False) -> str | None:
    """The tokens s..e as a body's name, when they are one: a capitalised run (with an acronym in
    brackets) that resolves to an organisation, never a place. With ``body`` the context has
    already said it is a body ("analysts at X", "X, the largest producer,"): any run that is no
    person the article knows and no place."""
    if s < e and toks[s].text in ("the", "The"):
        s += 1
    if s >= e or not is_name_tok(toks[s].text):
        return None
    acr = None
    if e - s >= 4 and toks[e - 3].text == "(" and toks[e - 1].text == ")" and _acronym_like(toks[e - 2].text):
        acr, e = toks[e - 2].text, e - 3
    if not all(is_name_tok(x.text) or fold(x.text) in ("of", "for", "and", "&", "de") for x in toks[s:e]):
        return None
    words = words_of(toks[s:e])
    sub = Subject("name", words, None, toks[s].start, acr)
    r = actors.resolve(sub, None)
    if body and r is not None and r[2] == "person" and (len(words) >= 2 or acr):
        r = (" ".join(words) + (f" ({acr})" if acr else ""), None, "org")
    if r is None or r[2] != "org" or is_place(fold(r[0])):
        return None
    return _canon(r[0], actors)


def _acronym_like(word: str) -> bool:
    """An acronym in brackets after a name: "WHO", and mixed ones such as "ISGlobal"."""
    return word.isupper() or (word[:1].isupper() and sum(c.isupper() for c in word) >= 2 and word.isalpha())


def _body_of_staff(toks: list[Tok], v: int, text: str, actors: Actors) -> str | None:
    """"Analysts at Keller Brothers said", "Researchers from the Coastal Institute found": the body."""
    e = v
    while e > 0 and v - e < 3 and toks[e - 1].text.islower() and (toks[e - 1].text.endswith("ly") or
                                                                  toks[e - 1].text in ("also", "now", "today")):
        e -= 1
    if e >= 2 and toks[e - 1].text == ",":  # "The researchers, from the X Institute (XI), also found"
        e -= 1
        c = e - 1
        while c > 0 and e - c < 14 and toks[c].text not in (",",) and toks[c].text not in _SENTENCE_STOP:
            c -= 1
        if c < 1 or toks[c].text != "," or fold(toks[c - 1].text) not in _STAFF:
            return None
        k = c + 1
        if k >= e or fold(toks[k].text) not in ("at", "from", "with"):
            return None
        return _org_name_at(toks, k + 1, e, text, actors, body=True)
    s = e
    while s > 0 and e - s < 8 and (is_name_tok(toks[s - 1].text) or fold(toks[s - 1].text) in ("of", "for", "&")):
        s -= 1
    if s == e or s < 2:
        return None
    k = s - 1 - (fold(toks[s - 1].text) == "the")
    if k < 1 or fold(toks[k].text) not in ("at", "from", "with") or fold(toks[k - 1].text) not in _STAFF:
        return None
    return _org_name_at(toks, s, e, text, actors, body=True)


def _org_before_commas(toks: list[Tok], v: int, text: str, actors: Actors) -> str | None:
    """A body that is the subject with a clause between commas before the verb: "Blue Ridge
    Minerals, the largest producer, said", "Doctors Across Borders (DAB), which runs a clinic,
    said", "The operator, Harbour Link Ferries, says"."""
    if v < 2 or toks[v - 1].text != "," and not (toks[v - 2].text == "," and toks[v - 1].text.islower()):
        return None
    k = v - 1
    while k > 0 and v - k < 45 and toks[k - 1].text not in _SENTENCE_STOP:
        k -= 1
    commas = [x for x in range(k, v) if toks[x].text == ","]
    if len(commas) < 2:
        return None
    between = toks[commas[0] + 1:commas[1]]
    said_body = bool(between) and (fold(between[0].text) == "which" or _head_noun(between) in _BODY_NOUNS)
    first = _org_name_at(toks, k, commas[0], text, actors, body=said_body)
    if first is not None:
        return first
    if len(commas) == 2 and fold(toks[k].text) == "the" and commas[0] - k == 2 and \
            fold(toks[k + 1].text) in _BODY_NOUNS:
        return _org_name_at(toks, commas[0] + 1, commas[1], text, actors, body=True)  # "The operator, X, says"
    return None


# What an appositive calls a body: "X, the largest producer in the country," / "The operator, X,".
_BODY_NOUNS = ORG_NOUNS_LOWER | frozenset("""producer miner maker manufacturer developer carrier exporter importer
supplier provider broadcaster publisher chain conglomerate subsidiary startup watchdog consultancy""".split())
_HEAD_STOP = frozenset("in of at for with from that which whose who to on by and".split())


def _head_noun(seg: list[Tok]) -> str:
    """The head of a short noun phrase: its last word before a preposition or a relative word
    ("the largest producer in the country" -> "producer")."""
    head = ""
    for x in seg[:8]:
        if fold(x.text) in _HEAD_STOP:
            break
        head = fold(x.text)
    return head


def _after_by(toks: list[Tok], pos: int) -> bool:
    """Whether the word "by" comes right before the token at character pos."""
    k = bisect_right(toks, pos, key=_start) - 1
    return k >= 1 and toks[k].start == pos and toks[k - 1].text == "by"


def _coordinated(toks: list[Tok], i: int, text: str, actors: Actors) -> tuple[str, ...]:
    """The two bodies of "by X and [the] Y (Z)", when both are bodies' names; else none."""
    e = i + (toks[i].text in ("the", "The")) if i < len(toks) else i
    while e < len(toks) and e - i < 10 and (is_name_tok(toks[e].text) or fold(toks[e].text) in ("of", "for", "the")):
        e += 1
    if e + 1 >= len(toks) or toks[e].text != "and" or e == i:
        return ()
    s = e + 1
    f = s + (toks[s].text in ("the", "The"))
    while f < len(toks) and f - s < 10 and (is_name_tok(toks[f].text) or fold(toks[f].text) in ("of", "for")):
        f += 1
    if f + 2 < len(toks) and toks[f].text == "(" and toks[f + 2].text == ")":
        f += 3
    first, second = _org_name_at(toks, i, e, text, actors), _org_name_at(toks, s, f, text, actors) if f > s else None
    return (first, second) if first and second else ()


_SENTENCE_STOP = frozenset(".!?;“”\"")
_PLACE_PREPOSITIONS = frozenset("in of from at across throughout".split())
_SENTENCE_OPENERS = frozenset(".!?:;“”\"‘’'([—–-")


def _not_a_source(name: str, actors: Actors, paragraphs, verb: str | None, seen: dict) -> bool:
    """People and common words are no outlets: a title ("MP"), someone the article names as a
    person, one capitalised word the article also writes in lower case ("employment"), or one
    it only ever writes at a sentence start ("Employment said…") unless it reports ("Diario Sur
    reported", as outlets do)."""
    key = fold(name)
    if "people" not in seen:
        seen["people"] = {fold(p.name) for p in actors.people} | {w for p in actors.people for w in fold(p.name).split()}
    if key in TITLES or key in seen["people"]:
        return True  # "MP", a person, or a person by one of their names ("Isla")
    if " " in name or name.isupper() or not name[:1].isupper() or "(" in name:
        return False
    reports = verb in REPORT_VERBS
    if (name, reports) not in seen:
        seen[name, reports] = _written_lower(name, paragraphs) or (  # "employment" elsewhere: a common word
            not reports and not _capitalised_mid_sentence(name, paragraphs))
    return seen[name, reports]


def _written_lower(word: str, paragraphs) -> bool:
    low = word.lower()
    for text in paragraphs:
        k = text.find(low, 0, MAX_SCAN_CHARS)
        while k >= 0:  # a whole word only: "employment", not "unemployment"
            end = k + len(low)
            if not (k and (text[k - 1].isalnum() or text[k - 1] in "’'-")) and not (
                    end < len(text) and (text[end].isalnum() or text[end] in "’'-")):
                return True
            k = text.find(low, end, MAX_SCAN_CHARS)
    return False


def _org_like(name: str, actors: Actors | None) -> bool:
    """A body by its name: an organisation word in it, an acronym, or an organisation found
    (not asked with no actors: where "found" would be circular, a body's name must say so)."""
    words = name.replace("(", " ").replace(")", " ").split()
    return any(fold(w) in ORG_WORDS for w in words) or any(w.isupper() and len(w) >= 2 for w in words) or (
        actors is not None and any(fold(o.name) == fold(name) for o in actors.organizations))


def _capitalised_mid_sentence(word: str, paragraphs) -> bool:
    """Whether the word is written capitalised somewhere other than a sentence's start."""
    pat = re.compile(rf"(?<![\w’'-]){re.escape(word)}")  # no end boundary: scraped glue ("Norpressthe")
    for text in paragraphs:
        for m in pat.finditer(text, 0, min(len(text), MAX_SCAN_CHARS)):
            before = text[max(0, m.start() - 3):m.start()].rstrip()
            if before and before[-1] not in _SENTENCE_OPENERS:
                return True
    return False


_OUTLET_WORDS = frozenset("news radio tv television times post journal press agency network herald tribune "
                          "guardian telegraph medicine science nature lancet review daily weekly".split())


def _outlet(toks: list[Tok], i: int) -> str | None:
    """An outlet after "told" / "interview with" / "published in": a capitalised run that is an
    acronym (BBC) or ends like a news outlet or a journal, never a person."""
    if i < len(toks) and toks[i].text in ("the", "The"):
        i += 1
    if i >= len(toks) or not is_name_tok(toks[i].text):
        return None
    e = i
    while e < len(toks) and e - i < 5 and is_name_tok(toks[e].text):
        e += 1
    words = words_of(toks[i:e])
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 or any(
            fold(w) in _OUTLET_WORDS for w in words[1:]) or (len(words) >= 2 and fold(words[0]) in _OUTLET_WORDS):
        return " ".join(words)
    return None


def _work_venue(toks: list[Tok], i: int) -> str | None:
    """"according to research published on Thursday in The Lancet": the journal or body that
    published the work, when the phrase names a work rather than a source."""
    k = i
    while k < len(toks) and k - i < 3 and toks[k].text.islower() and fold(toks[k].text) not in _WORK_NOUNS:
        k += 1  # "a", "new", "an unpublished"
    if k >= len(toks) or fold(toks[k].text) not in _WORK_NOUNS:
        return None
    for j in range(k + 1, min(len(toks) - 1, k + 12)):
        t = toks[j].text
        if t in (",", ".", ";", "“", "\"") or (t[:1].isupper() and fold(t) not in NOT_NAMES
                                                         and toks[j - 1].text not in ("in", "by", "from", "the", "The")):
            return None
        if t in ("in", "by", "from") and is_name_tok(toks[j + 1].text) or (
                t in ("in", "by", "from") and toks[j + 1].text in ("the", "The") and j + 2 < len(toks)
                and is_name_tok(toks[j + 2].text)):
            s = j + 1
            e = s + 1 if toks[s].text not in ("the", "The") else s + 2
            while e < len(toks) and e - s < 8 and (is_name_tok(toks[e].text) or (
                    fold(toks[e].text) in ("of", "for") and e + 1 < len(toks) and is_name_tok(toks[e + 1].text))):
                e += 1
            name = " ".join(words_of(toks[s:e]))
            return None if is_place(fold(name)) else name
    return None


def _quoted(text: str) -> list[tuple[int, int]]:
    return [(s, e) for s, e, _ in quote_spans(text)]


def _place_suffix(toks: list[Tok], sub: Subject) -> Subject | None:
    k = next((j for j, t in enumerate(toks) if t.start == sub.pos), None)
    if k is None or k < 2 or toks[k - 1].text != "in" or not is_name_tok(toks[k - 2].text):
        return None
    s = run_back(toks, k - 2)
    words = words_of(toks[s:k - 1])
    if not any(fold(w) in ORG_WORDS for w in words):
        return None
    return Subject("name", words + ["in"] + sub.words, None, toks[s].start)


def _unglue(word: str) -> str:
    m = _GLUE.match(word)
    return m.group(1) if m else word


def _noun_phrase(toks: list[Tok], i: int, text: str, actors: Actors) -> str | None:
    """The source after "according to" / "reported by": its last capitalised run, or a lower-case body."""
    if i < len(toks) and toks[i].text in ("the", "The"):
        i += 1
    for j in range(i, min(len(toks) - 2, i + 14)):
        if toks[j].text in (",", ".", ";"):
            break
        if toks[j].text == "(" and toks[j + 2].text == ")" and actors.acronym(toks[j + 1].text):
            return actors.org_display(actors.acronym(toks[j + 1].text))
    end = i
    seen_cap = poss = False
    while end < len(toks) and end - i < 10 and toks[end].text not in (",", ".", ";", ":", "(", "“", "\"", ")") \
            and (fold(toks[end].text) not in ("that", "which", "who", "in", "on", "at", "for", "the", "a") or (
                toks[end].text == "for" and seen_cap and end + 1 < len(toks) and is_name_tok(toks[end + 1].text))):
        w = toks[end].text
        poss = poss or toks[end - 1].text.endswith(("’s", "'s")) if end > i else False
        if seen_cap and w.islower() and fold(w) not in _TRAILING and fold(w) not in ("of", "de", "for") \
                and not poss and w not in _DESCRIPTORS:
            break
        if _GLUE.match(w) and end + 1 < len(toks) and (toks[end + 1].text.islower() or toks[end + 1].text.isupper()):
            end += 1
            break
        seen_cap = seen_cap or w[:1].isupper()
        end += 1
    seg = toks[i:end]
    if not seg:
        return None
    words = [w.text for w in seg]
    words[-1] = _unglue(words[-1])
    # the last capitalised run is the name ("regional news agency Norpress" -> "Norpress")
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or fold(words[k - 1]) in ("of", "for", "de")):
        k -= 1
    caps = words[k:]
    if caps and k > 0 and words[k - 1].islower() and fold(words[k - 1]) not in _TRAILING:
        return _canon(" ".join(caps), actors)
    if len(words) == 2 and words[-1].islower() and fold(words[-1]) in _TRAILING and fold(words[0]) in _RECORD_KEEPERS:
        return " ".join(words)  # "according to court records", "police figures"
    while len(words) > 1 and words[-1].islower() and fold(words[-1]) in _TRAILING:
        words = words[:-1]
    if fold(words[0]) in PRONOUNS or fold(words[0]) in ("his", "her", "their", "its", "our", "my"):
        return None
    if len(words) == 1 and words[0].islower():
        return None
    return _canon(" ".join(words).replace(" ’s", "’s").replace(" 's", "'s"), actors)


def _org_subject(sub: Subject, verb: str, actors: Actors) -> str | None:
    if sub.kind == "generic":
        if len(sub.words) >= 2 and fold(sub.words[-1]) in ORG_NOUNS_LOWER:
            return " ".join(sub.words)
        return None
    r = actors.resolve(sub, verb)
    if r is None or r[2] != "org":
        return None
    name = r[0]
    return _canon(name, actors)


def _canon(name: str, actors: Actors) -> str | None:
    name = name.strip(" ,.")
    if name.startswith(("The ", "the ")):
        name = name[4:]
    if not name or fold(name) in ("government", "company", "police", "officials", "authorities"):
        return None
    if name.isupper() and " " not in name:
        acr = actors.acronym(name)
        if acr:
            return actors.org_display(acr)
    for o in actors.organizations:
        if o.acronym and fold(o.name) == fold(name):
            return actors.org_display(o.acronym)
    return name


def _add(found: dict[str, SourceCited], name: str, pno: int) -> None:
    key = fold(name)
    for other in found:
        if other.startswith(key) or key.startswith(other):
            if abs(len(other) - len(key)) <= 2:
                return  # "Las America" is "Las Americas"
    found.setdefault(key, SourceCited(name=name, paragraph=pno))
