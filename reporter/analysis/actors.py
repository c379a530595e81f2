"""Who is who: people with their roles, organisations with acronyms, places.

One pass over the tokens of each paragraph collects candidates from the patterns a news
writer uses ("Prime Minister Tomás Arvelo", "Owen Fairley, a senior lecturer at ...,",
"said Lucía Berrocal, Chief Executive Officer of ...", "Andean Border Police (ABP)").
The result also resolves a bare surname or a misspelt acronym to the full entity, so a
later "Ferro said" becomes Mateo Ferro with the role from his first mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from .facts import Organization, Person
from .mentions import (CLAUSE_OPENERS, without_courtesy, RUN_JOINERS, is_dotted, is_honorific, party_tag_close, title_role, Subject, is_name_tok, is_title, name_after, plausible_person, run_back, run_fwd,
                    lower_title_before, split_title, strip_possessive, subject_before, title_and, words_of)
from .places import city_before, dateline, is_country, is_place
from .cues import SELF_INTRO, ADVERBS, DOCUMENT_NOUNS, HEADLINE_NOUNS, POSTNOMINALS, OTHER_OFFICE_WORDS, REPORT_VERBS, TITLE_ABBREVIATIONS, PERSON_NOUNS, ROLE_NOUNS, SPEECH_VERBS
from .text import GENERIC_SUBJECTS, NOT_NAMES, ORG_WORDS, Tok, fold, is_cap, tokens, word_memo

_ACRONYM_STOP = frozenset("CEO CFO COO GDP AI MW GW KW TWH TV PM AM US USA UK UAE EU OK PR ID IT HQ NB PS "
                          "CO2 UN II III IV USD EUR GBP AND THE FOR".split())
_SENT_BREAK = frozenset(".!?")
_text = itemgetter(0)  # Tok.text, at C speed
MAX_SCAN_CHARS = 100_000  # of one paragraph: a longer one is junk, and is read only this far
_COMPANY_FORMS = frozenset("inc ltd plc llc corp corporation company group holdings limited sa ag nv".split())
_HONORIFIC_ROLES = frozenset("dr mr mrs ms miss prof professor sen gov rep".split())


@dataclass(frozen=True, slots=True)
class Actors:
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[str, ...] = ()
    acronyms: dict = field(default_factory=dict)  # ACR -> full name (or None)
    _people_by_key: dict = field(default_factory=dict)  # folded full name / surname -> Person

    def person(self, words: list[str]) -> Person | None:
        key = fold(" ".join(words))
        return self._people_by_key.get(key) or (self._people_by_key.get("~" + key) if len(words) == 1 else None)

    def acronym(self, word: str) -> str | None:
        """The canonical spelling of an acronym, forgiving one letter more or less (IRDUPCS)."""
        if word in self.acronyms:
            return word
        if len(word) >= 5 and word.isupper():
            for known in self.acronyms:
                if abs(len(known) - len(word)) == 1 and _one_deletion(known, word):
                    return known
        return None

    def org_display(self, acr: str) -> str:
        full = self.acronyms.get(acr)
        return f"{full} ({acr})" if full else acr

    def body_named(self, noun: str) -> str | None:
        """The organisation "the company", "the bank", "the ministry" refers to: the first one
        named whose name holds the noun, or for "company"/"firm" the first with a company form."""
        noun = fold(noun)
        for o in self.organizations:
            words = {fold(w) for w in o.name.split()}
            if noun in words or (noun in ("company", "firm") and words & _COMPANY_FORMS):
                return self.org_display(o.acronym) if o.acronym else o.name
        return None

    def holding(self, want: set[str]) -> list[Person]:
        """The people whose role holds all these (folded) words and is no other office for
        them: "president" finds the President, not the Vice President."""
        out = []
        for p in self.people:
            words = set(_ROLE_WORD.findall(fold(p.role).replace("-", " "))) if p.role else set()  # "(SBA)" is "sba"
            if want <= words and not OTHER_OFFICE_WORDS & (words - want):
                out.append(p)
        return out

    def _by_title(self, written: list[str], title: list[str]) -> tuple[str, str | None, str] | None:
        """A title with no name: the one person whose role holds all its words, else the title
        as the article writes it ("The Prime Minister"), an unnamed speaker."""
        want = {x for w in title for x in fold(TITLE_ABBREVIATIONS.get(fold(w.rstrip(".")), w)).replace("-", " ").split()}
        # (as the roles are split, an abbreviation spelt out: "the PM said" is the Prime Minister)
        if not want:
            return None
        named = self.holding(want)
        exact = [p for p in named if set(fold(p.role).replace("-", " ").split()) == want]
        if exact:
            # Two holding it exactly ("Prime Minister Jane Doe ... her counterpart, Prime Minister
            # John Roe"): the first named, the one the article is about, as its readers take it
            return exact[0].name, exact[0].role, "person"
        if len(named) == 1:
            return named[0].name, named[0].role, "person"
        if not named and any(w.isupper() and len(w) >= 2 for w in title):
            # "SBA Administrator": the body's letters may be missing from the role the text gives its
            # holder ("Small Business Administration (SBA) Administrator Jane Doe" read as "Administrator")
            bare = {x for w in title if not (w.isupper() and len(w) >= 2)
                    for x in fold(TITLE_ABBREVIATIONS.get(fold(w.rstrip(".")), w)).replace("-", " ").split()}
            named = self.holding(bare) if bare else []
            if len(named) == 1:
                return named[0].name, named[0].role, "person"
        return " ".join(written), None, "person"

    def resolve(self, sub: Subject, verb: str | None = None) -> tuple[str, str | None, str] | None:
        """(display name, role, "person"|"org") for a subject, or None when it names no one."""
        if sub.kind == "unnamed":
            return sub.words[0], None, "person"  # "a spokeswoman for the ministry", as written
        if sub.kind != "name" or not sub.words:
            return None
        words = [w for w in sub.words if w]
        org = False
        if words and words[0] in ("The", "the"):
            words, org = words[1:], True
        if not words:
            return None
        if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 and not (is_title(words[0]) and words[0] not in self.acronyms):
            acr = self.acronym(words[0]) or words[0]
            return self.org_display(acr), None, "org"
        if sub.acronym:
            acr = self.acronym(sub.acronym) or sub.acronym
            return self.org_display(acr), None, "org"
        title_words, name_words = split_title(words)
        if not name_words:
            return self._by_title(sub.words, title_words)  # "The Prime Minister said:"
        if title_words and sub.role and sub.role.startswith(("who ", "which ", "whose ")):
            # "said HUD Secretary Jane Doe, who also chairs the task force": the title is her role
            sub = Subject(sub.kind, sub.words, None, sub.pos, sub.acronym)
        p = self.person(name_words)
        if p is not None and not org:
            return p.name, p.role or sub.role or title_role(title_words), "person"
        if len(name_words) == 1 and sub.role and not org and plausible_person(name_words) and any(
                fold(strip_possessive(w)) in ROLE_NOUNS for w in sub.role.split()):
            return name_words[0], sub.role, "person"  # "Lee, the mayor, said": a role says it is a person
        if len(name_words) < len(words) - len(title_words) and plausible_person(name_words):
            # An honorific said it is a person: "According to Mr. Khan", no first name known (with
            # one, the name alone: "The Honourable Jane Doe" is Jane Doe)
            return " ".join(words if len(name_words) == 1 else name_words), sub.role or title_role(title_words), "person"
        if title_words and len(name_words) >= 2 and not org and plausible_person(name_words):
            # "European Commission President Anna von der Brelie": the body is in the title only
            return " ".join(name_words), sub.role or title_role(title_words), "person"
        cut = None if org or title_words else (
            _person_after_body(words) if any(fold(w) in ORG_WORDS for w in words) else titled_tail(words))
        if cut is not None:  # "said Harbour Council on Ports Chair Jane Roe": the person, the rest her role
            p = self.person(words[cut:])
            office = " ".join(words[:cut])
            role = p.role if p is not None and p.role and fold(office) in fold(p.role) else sub.role or office
            return (p.name if p is not None else " ".join(words[cut:])), role, "person"
        if org or any(fold(w) in ORG_WORDS for w in words) or len(name_words) == 1:
            if len(words) == 1 and (fold(words[0]) in NOT_NAMES or fold(words[0]) in GENERIC_SUBJECTS
                                    or fold(words[0]).endswith(("ists", "ians", "ogists"))):
                return None  # "Critics say", "Meteorologists warned": people in general, not a source
            return " ".join(words), None, "org"
        if not plausible_person(name_words):
            for k in range(1, len(words) - 1):  # "VOA Correspondent Jane Roe": a person known by the last words
                p = self.person(words[k:])
                if p is not None and p.name == " ".join(words[k:]):
                    return p.name, p.role or " ".join(words[:k]), "person"
            k = next((k for k, w in enumerate(words) if not (w.isupper() and w.isalpha())), 0)
            if k and 2 <= len(words) - k <= 4 and plausible_person(words[k:]):
                return " ".join(words[k:]), " ".join(words[:k]), "person"  # "FBI SAC Jane Roe": capitals, then a name
            return None
        if verb in REPORT_VERBS and not sub.role and not title_words:
            return " ".join(name_words), None, "org"
        return " ".join(name_words), sub.role or title_role(title_words), "person"


_ROLE_WORD = re.compile(r"[^\s()\[\],;:]+")


def _one_deletion(longer: str, shorter: str) -> bool:
    if len(longer) < len(shorter):
        longer, shorter = shorter, longer
    for i in range(len(longer)):
        if longer[:i] + longer[i + 1:] == shorter:
            return True
    return False


_ACR_RE = re.compile(r"\(([A-Z][A-Za-z&]{1,11})\)")


def _is_acronym(s: str) -> bool:
    ups = sum(c.isupper() for c in s)
    return ups >= 2 and ups >= 0.6 * len(s.replace("&", ""))


MAX_TITLE_CHARS = 300  # of a title read for the people it names
_NOT_TITLE_LEAD = HEADLINE_NOUNS | frozenset("address of by from the".split())  # "Statement of President Doe"


class _Builder:
    def __init__(self) -> None:
        self.people: dict[str, list] = {}  # folded full name -> [name, role]
        self.acronyms: dict[str, str | None] = {}
        self.orgs: dict[str, str] = {}  # folded name -> name
        self.places: dict[str, str] = {}
        self.titled_surnames: dict[str, tuple[str, str]] = {}  # folded surname -> (surname, title)

    def add_person(self, words: list[str], role: str | None, beside_title: bool = False) -> None:
        """beside_title: the role is an office in commas after the name, which goes with the title
        before it ("U.S. Senator Jane Doe, Chairman of the Committee," -> "U.S. Senator, Chairman of …")."""
        title_words, name_words = split_title(words)
        while title_words and fold(title_words[0]) in _NOT_TITLE_LEAD:
            title_words = title_words[1:]  # "Statement of President Doe": the headline's noun is no part of it
        if len(name_words) == 1 and title_words and is_title(title_words[-1]) and plausible_person(name_words) \
                and not is_place(fold(name_words[0])) and fold(name_words[0]).rstrip("s") not in HEADLINE_NOUNS \
                and (office := title_role(title_words)) and fold(office.rstrip(".")) not in _HONORIFIC_ROLES:
            # "Secretary Doe released …" and never her first name: she is "Doe", whom "the
            # Secretary said" means (kept only if no one of that surname is named in full)
            self.titled_surnames.setdefault(fold(name_words[0]), (name_words[0], role or office))
            return
        if len(name_words) < 2 or not plausible_person(name_words):
            return
        role = role and without_courtesy(role) or title_role(title_words)
        name = " ".join(name_words)
        entry = self.people.setdefault(fold(name), [name, None])
        if role and (entry[1] is None or fold(entry[1].rstrip(".")) in _HONORIFIC_ROLES):
            entry[1] = role
        elif role and beside_title and len(entry[1].split()) <= 3 and fold(entry[1]) not in fold(role):
            entry[1] = f"{entry[1]}, {role}"

    def add_org(self, name: str) -> None:
        name = name.strip()
        if name.startswith(("The ", "the ")):
            name = name[4:]
        if name and fold(name) not in NOT_NAMES:
            self.orgs.setdefault(fold(name), name)


def build(paragraphs: tuple[str, ...] | list[str], title: str = "") -> Actors:
    """Who and what the paragraphs name; the title adds only people it names with a title of
    office ("Remarks by President Jane Roe at …"), often the one place a statement's or a
    transcript's speaker is named in full, so "the President said" and a label "THE PRESIDENT:"
    find her. The rest of a headline is left out: capitalised headline words read as names."""
    b = _Builder()
    headline = _titled_people(title[:MAX_TITLE_CHARS], b) if title else ()
    caps_count: dict[str, int] = {}
    where = dateline(paragraphs[0]) if paragraphs else None
    if where is not None:
        b.places.setdefault(fold(where), where)
    lower: set[str] = set()
    for text in paragraphs:
        text = text[:MAX_SCAN_CHARS]
        toks = tokens(text)
        _scan(text, toks, b, caps_count)
        if headline:
            lower.update(t.text for t in toks if t.text.islower())
    for key in headline:
        # "Senator Backs Water Bill": a title-case headline's words after a title, two or more
        # of which the body writes in lower case ("backs", "a bill"), are a phrase, not a name
        # (one may be a name's: "Theresa May")
        name = b.people.get(key)
        if name is not None and sum(w.lower() in lower for w in name[0].split()) >= 2:
            del b.people[key]
    for acr, n in caps_count.items():
        if n >= 2 and acr not in b.acronyms and acr not in _ACRONYM_STOP and not is_country(fold(acr)):
            b.acronyms[acr] = None
    return _finish(b)




# A headline that quotes its speaker and names her after a dash: "“Wales can lead” – Jane Roe".
_HEADLINE_SPEAKER = re.compile(r"[”\"’]\s*[–—-]\s*((?:[A-Z][\w’'.-]+\s){1,3}[A-Z][\w’'-]+)\s*$")


def _titled_people(title: str, b: _Builder) -> tuple[str, ...]:
    """The people a title names after a title of office, with it as their role, and the one a
    quoting headline names after its dash; the keys of the titled ones it added."""
    quoted = _HEADLINE_SPEAKER.search(title)
    if quoted is not None and plausible_person(quoted.group(1).split()):
        b.add_person(quoted.group(1).split(), None)
    scratch = _Builder()
    _scan(title, tokens(title), scratch, {})
    added = []
    for key, (name, role) in scratch.people.items():
        # "Secretary Doe Statement on …": a headline's noun after a surname is no name
        if role and fold(role.rstrip(".")) not in _HONORIFIC_ROLES and not any(
                fold(w) in HEADLINE_NOUNS for w in name.split()) and key not in b.people:
            b.people[key] = [name, role]
            added.append(key)
    return tuple(added)


# What a token can start in _scan, by word; most tokens start nothing and are never visited.
_PAREN, _CAPS, _VERB, _NAME = 1, 2, 4, 8


@word_memo
def _kind(t: str) -> int:
    k = _PAREN if t == "(" else _CAPS if t.isupper() and t.isalpha() and 2 <= len(t) <= 10 else \
        _VERB if t in SPEECH_VERBS else 0
    return k | _NAME if is_name_tok(t) else k


@word_memo
def _may_extend_run(t: str) -> bool:
    """Whether run_fwd could take this token after a name: a name, a full stop (after an
    honorific) or a particle ("of", "de")."""
    return is_name_tok(t) or t == "." or fold(t) in RUN_JOINERS or t == "on"  # "Council on …" (run_fwd decides)


@word_memo
def _country(t: str) -> tuple[str, str] | None:
    """(key, name) of the country a token names ("Peru’s" -> ("peru", "Peru")), else None."""
    w = strip_possessive(t)
    fw = fold(w)
    return (fw, w) if is_country(fw) else None


@word_memo
def _single_place(t: str) -> tuple[str, str] | None:
    """(key, name) of the country or subdivision one capitalised word names, else None."""
    w = strip_possessive(t)
    fw = fold(w)
    return (fw, w) if is_place(fw) else None


def _places_in_run(text: str, toks: list[Tok], i: int, e: int, b: "_Builder") -> None:
    """A run is a place when its whole text is in the gazetteer ("New South Wales") or it is
    written as a city ("Lusaka, Zambia"); otherwise only its words that are countries are."""
    if e - i == 1 and not city_before(text, toks[i].end):  # most runs: one word, from the per-word memo
        place = _single_place(toks[i].text)
        if place is not None:
            b.places.setdefault(*place)
        return
    words = words_of(toks[i:e])
    if words and words[0] in ("The", "the"):
        words = words[1:]
    name = " ".join(words)
    if len(words) >= 1 and (is_place(fold(name)) and (len(words) > 1 or name[:1].isupper())
                            or city_before(text, toks[e - 1].end) and plausible_city(words)):
        b.places.setdefault(fold(name), name)
        return
    if 2 <= len(words) <= 3 and plausible_person(words):
        return  # "Jordan Lee": a person whose first name is a country's
    for w in words:
        place = _country(w)
        if place is not None:
            b.places.setdefault(*place)


def plausible_city(words: list[str]) -> bool:
    """A run before ", Country" that can be a city: short, no organisation or title word."""
    return 1 <= len(words) <= 3 and not any(fold(w) in ORG_WORDS or fold(w) in NOT_NAMES or fold(w) in _NOT_CITY
                                             for w in words)


_NOT_CITY = frozenset("headquarters hq building house hall campus street road avenue square office offices".split())


def _scan(text: str, toks: list[Tok], b: _Builder, caps_count: dict[str, int]) -> None:
    """One pass over a paragraph, visiting only tokens that start something: a bracketed acronym,
    an all-capitals word, a speech verb or a run of capitalised words (read whole, then skipped)."""
    texts = list(map(_text, toks))
    kinds = list(map(_kind, texts))
    n = len(toks)
    skip = 0  # tokens before this were read as part of a name run
    for i in compress(range(n), kinds):
        if i < skip:
            continue
        t, k = texts[i], kinds[i]
        if k & _PAREN:
            if i + 2 < n and texts[i + 2] == ")" and _is_acronym(texts[i + 1]) and texts[i + 1].isalpha() \
                    and i >= 1 and kinds[i - 1] & _NAME:
                s = run_back(toks, i - 1, allow_and=True)
                words = words_of(toks[s:i])
                while words and fold(words[0]) in ("the", "of", "for", "and"):
                    words = words[1:]
                acr = texts[i + 1]
                if words and acr not in b.acronyms:
                    b.acronyms[acr] = " ".join(words)
                    b.add_org(b.acronyms[acr])
        elif k & _CAPS:
            caps_count[t] = caps_count.get(t, 0) + 1
        elif k & _VERB:
            for sub in (subject_before(toks, i, text), name_after(toks, i + 1, text)):
                if sub is not None and sub.kind == "name":
                    _candidate(sub, t, b)
        if k & _NAME and (i == 0 or not kinds[i - 1] & _NAME):
            # Most runs are one word ("The", "Peru"): only a next token that may extend one sends
            # the scan to run_fwd.
            e = run_fwd(toks, i) if i + 1 < n and _may_extend_run(texts[i + 1]) else i + 1
            if e - i >= 2:  # one word names no one here (see _run)
                # The token before a run start is no name, so it was read on its own: a sentence
                # starts here when it was a full stop (or there is none).
                start = title_and(toks, i, e) if i >= 2 and texts[i - 1] in ("and", ",") else i
                _run(text, toks, start, e, start == 0 or texts[start - 1] in _SENT_BREAK, b)
            _places_in_run(text, toks, i, e, b)
            skip = e


def _candidate(sub: Subject, verb: str, b: _Builder) -> None:
    words = [w for w in sub.words if w not in ("The", "the")]
    if not words:
        return
    if any(fold(w) in ORG_WORDS for w in words) or sub.acronym:
        cut = None if sub.acronym else _person_after_body(words)
        if cut is not None:  # "said the Harbour Association President Jane Roe": the body, then the person
            titled = is_title(words[cut - 1])
            b.add_org(" ".join(words[:cut - 1] if titled else words[:cut]))
            b.add_person(words[cut:], sub.role or (" ".join(words[:cut]) if titled else None))
            return
        b.add_org(" ".join(words))
        return
    title_words, name_words = split_title(words)
    if verb in REPORT_VERBS and not sub.role and not title_words:
        if len(words) > 1:
            b.add_org(" ".join(words))
        return
    clause = sub.role is not None and sub.role.startswith(("who ", "which ", "whose "))
    b.add_person(words, None if clause and title_words else sub.role)  # a title beats a clause


def _person_after_body(words: list[str]) -> int | None:
    """Where a person's name starts after the last word that makes a body ("Global Engagement
    Center Alex Carver" -> 3), or after a title that follows it ("Council on Ports Quality
    Chair Jane Roe" -> 6): no organisation's name ends in a first name and a surname."""
    last = max(k for k, w in enumerate(words) if fold(w) in ORG_WORDS)
    rest = words[last + 1:]
    if 2 <= len(rest) <= 4 and plausible_person(rest):
        return last + 1
    return titled_tail(words, last + 2)


def titled_tail(words: list[str], start: int = 2) -> int | None:
    """Where a person's name starts after a title inside a run that opens with other words
    ("Land Revitalization Branch Supervisor Stan Walker" -> 5): the first title word from
    ``start`` on that only a name of two to four words follows; None when there is none."""
    for cut in range(max(start, 2), len(words) - 1):
        rest = words[cut:]
        if len(rest) <= 4 and is_title(words[cut - 1]) and not is_title(rest[0]) and plausible_person(rest):
            return cut
    return None


def _office_before(toks: list[Tok], i: int) -> int | None:
    """The start of a capitalised title that holds the body starting at token i ("Special Envoy
    and Coordinator of the …"), or None when the body is not the object of a title."""
    k = i - 1
    if k >= 0 and toks[k].text in ("the", "The"):
        k -= 1
    if k < 1 or toks[k].text not in ("of", "for", "at"):
        return None
    s = run_back(toks, k - 1, allow_and=True)
    s += s < k and toks[s].text == "The"  # the article before the title is no part of it
    return s if s < k and any(is_title(t.text) for t in toks[s:k]) else None


def _run(text: str, toks: list[Tok], i: int, e: int, sent_start: bool, b: _Builder) -> None:
    while sent_start and i < e - 1 and toks[i].text in CLAUSE_OPENERS:
        i += 1  # "As Secretary Jane Doe said …": the sentence's first word opens a clause, not the name
    words = words_of(toks[i:e])
    if len(words) < 2:
        return  # every pattern below needs a name of two words or more
    if any(fold(w) in ORG_WORDS for w in words):
        title_words, name_words = split_title(words)
        cut = _person_after_body(words) if not title_words else None
        if cut is not None:  # "… of the Harbour Board Jane Doe": the body, then the person
            office = _office_before(toks, i)
            titled = is_title(words[cut - 1])  # "… Council on Ports Chair Jane Roe": the title and its body
            b.add_org(" ".join(words[:cut - 1] if titled else words[:cut]))
            b.add_person(words[cut:], text[toks[office].start:toks[i].start] + " ".join(words[:cut])
                         if office is not None else " ".join(words[:cut]) if titled else None)
            return
        if not title_words and len(words) >= 2:
            b.add_org(" ".join(words))
        if title_words and len(name_words) == 1 and is_title(title_words[-1]):
            b.add_person(words, None)  # "Harbour Science Foundation Director Doe": her surname under the title
            return
        if not (title_words and len(name_words) >= 2 and plausible_person(name_words)):
            return
    title_words, name_words = split_title(words)
    if title_words and len(name_words) >= 2:
        lower = toks[i - 1].text if i >= 1 else ""
        # "deputy First Minister Jane Roe": a lower-case word that makes the title another office
        b.add_person(words, f"{lower} {title_role(title_words)}" if lower in OTHER_OFFICE_WORDS else None)
    elif title_words and len(name_words) == 1 and len(words) <= 4:
        b.add_person(words, None)  # "Secretary Doe": a surname under her title (kept if no one else has it)
    elif not title_words and (cut := titled_tail(words)) is not None:
        b.add_person(words[cut:], " ".join(words[:cut]))  # "Harbour Works Branch Supervisor Jane Roe"
    elif 2 <= len(words) <= 4 and (body := _body_of(toks, e)) is not None and plausible_person(words):
        b.add_person(words, body)  # "Jane Roe of the Harbour Institute": where she works is her role
    elif len(words) >= 2 and plausible_person(words) and (role := lower_title_before(toks, i)) is not None:
        b.add_person(words, role)  # "the Brazilian agronomist Rui Tavares"
    elif not title_words and len(name_words) >= 2 and not any(is_country(fold(w)) for w in name_words) \
            and (is_honorific(words[0]) or _SELF_NAMED.search(text, max(0, toks[i].start - 16), toks[i].start)):
        b.add_person(name_words, _office_after(text, toks, e))  # "we have Dr Jane Roe.", "My name is Jane Roe and …"
    n = len(toks)
    # "Name Name, the/a role ...," at the start of a sentence, or anywhere when the appositive has
    # a role's word ("… a message from Jane Roe, the Harbour First Minister, on Monday")
    if e < n and toks[e].text == "," and len(words) >= 2 and plausible_person(words):
        for k in range(e + 1, min(n, e + 35)):
            # "Jane Roe, director of the Harbour Office said, …" opening a sentence: the role ends at the verb
            said = sent_start and toks[k].text in SPEECH_VERBS
            if toks[k].text in (",", ".", ":") or toks[k].text in "“”\"" or said:
                seg = toks[e + 1:k]
                role_word = seg and any(fold(x.text) in ROLE_NOUNS for x in seg[:12])
                then = fold(seg[0].text).partition("-") if seg else ("", "", "")  # "then-president", "ex-minister"
                if (toks[k].text == "," or said) and seg and (sent_start and (role_word or (
                        seg[0].text in ("a", "an", "the") and len(seg) > 1 and seg[1].text.islower()))
                        or not sent_start and role_word and seg[0].text in ("a", "an", "the")
                        or then[0] in ("then", "ex") and then[2] in ROLE_NOUNS):
                    b.add_person(words, text[seg[0].start:seg[-1].end])
                break
    # "Jane Roe is a spokeswoman for the agency." opening a sentence: what she is, as her role
    # (not "is the new administrator": a title said in the cue, "Administrator Roe said", is her role then)
    if sent_start and e + 2 < n and toks[e].text in ("is", "was") and toks[e + 1].text in ("a", "an") \
            and 2 <= len(words) <= 4 and plausible_person(words):
        for k in range(e + 2, min(n, e + 25)):
            if toks[k].text in (",", ".", ";", ":", "(") or toks[k].text in "“”\"":
                seg = toks[e + 1:k]
                if toks[k].text == "." and any(fold(x.text) in ROLE_NOUNS for x in seg[1:4]):
                    b.add_person(words, text[seg[0].start:seg[-1].end])
                break
    # "…, Jane Roe, Director of the Harbour Service, has …": a title of office in the commas after a
    # name (after her party's tag: "Jane Roe (D-N.J.), Chairman of the Committee, …")
    c = (party_tag_close(toks, e, text) or e - 1) + 1 if e < n and toks[e].text == "(" else e
    while c + 3 < n and toks[c].text == "," and toks[c + 1].text in POSTNOMINALS and toks[c + 2].text == ",":
        c += 2  # "Jane Roe, KC, Minister of Justice, …": the letters after her name come first
    if c + 1 < n and toks[c].text == "," and is_title(toks[c + 1].text) and is_cap(toks[c + 1].text) \
            and 2 <= len(split_title(words)[1]) <= 4 and plausible_person(split_title(words)[1]):
        k = c + 1
        while k < n and k - c <= MAX_OFFICE_TOKENS and toks[k].text not in (",", ".", ";", ":", "“", "”", "\""):
            k += 1
        if k < n and toks[k].text == "," and k - c >= 2:
            b.add_person(words, text[toks[c + 1].start:toks[k - 1].end], beside_title=True)
    # "Role of X, Name Name," : a role phrase, then the name between commas (or before "said");
    # letters after the name are no part of it ("…, Jane Roe MP, said")
    while len(words) > 2 and words[-1] in POSTNOMINALS:
        words = words[:-1]
    # (or a capitalised title opening the sentence, the name then a time: "Justice Minister, Jane Roe
    # today attended …"; not "Prime Minister, Jane Roe mentioned …", a question's address)
    titled = i >= 2 and e < n and toks[e].text in ADVERBS and is_title(toks[i - 2].text) and is_cap(toks[i - 2].text) \
        and ((lead := run_back(toks, i - 2)) == 0 or toks[lead - 1].text in (".", "!", "?"))
    if i >= 1 and toks[i - 1].text == "," and e < n and (toks[e].text in (",", "(", ";") or toks[e].text in SPEECH_VERBS
                                                         or toks[e].text in ("has", "had") and e + 1 < n
                                                         and toks[e + 1].text in SPEECH_VERBS or titled) \
            and 2 <= len(words) <= 4 and plausible_person(words):
        k = i - 2
        while k >= 0 and toks[k].text not in (".", "!", "?", ",", "“", "”", "\"") and i - k < 15:
            k -= 1
        seg = toks[k + 1:i - 1]
        if seg and not any(fold(x.text) in ROLE_NOUNS for x in seg):
            seg = _listed_office(toks, i - 1) or seg
        cut = max((n for n, x in enumerate(seg) if x.text in _CLAUSE_BEFORE_ROLE), default=-1)
        seg = seg[cut + 1:]  # "we are joined by the Department spokesperson, Jane Roe": the role alone
        if seg and not any(fold(x.text) in ROLE_NOUNS for x in seg):
            # "… as rescuers pulled a 15-year-old boy, Jane Roe, from …": the description from its article
            art = max((n for n, x in enumerate(seg) if x.text in ("a", "an", "the")), default=None)
            seg = seg[art:] if art is not None and any(fold(x.text) in PERSON_NOUNS for x in seg[art:]) else ()
        if seg and any(fold(x.text) in ROLE_NOUNS or fold(x.text) in PERSON_NOUNS for x in seg):
            role = text[seg[0].start:seg[-1].end]
            if seg[0].text in ("Its", "its", "Their", "their") and len(seg) > 1:
                body = _body_before(text, toks, k + 1)  # "Its chief executive" -> "Seaway Ferries chief executive"
                role = f"{body} {text[seg[1].start:seg[-1].end]}" if body else role
            b.add_person(words, role)


MAX_OFFICE_AFTER = 10


def _office_after(text: str, toks: list[Tok], e: int) -> str | None:
    """The office in the commas (or up to the sentence's end) right after a name, when it holds a
    title of office: "Dr Jane Roe, WHO Director-General." -> "WHO Director-General"; else None."""
    n = len(toks)
    if e >= n or toks[e].text != ",":
        return None
    k = e + 1
    while k < n and k - e <= MAX_OFFICE_AFTER and (toks[k].text not in (",", ".", ";", ":", "“", "”", '"')
                                                  or toks[k].text == "." and is_dotted(toks[k - 1].text)):
        k += 1  # ("at the U.S. Harbour Service": an abbreviation's full stop ends nothing)
    seg = toks[e + 1:k]
    if k < n and toks[k].text in (",", ".") and seg and is_cap(seg[0].text) and any(is_title(x.text) and is_cap(x.text) for x in seg):
        return text[seg[0].start:seg[-1].end]
    return None


_SELF_NAMED = re.compile(r"\b" + SELF_INTRO + r"\s+$")
_CLAUSE_BEFORE_ROLE = frozenset("by with joined joins welcomed welcomes introduced introduces is are was were be "
                                "been we I you they".split())
_OFFICE_JOINERS = frozenset("and for of the on in at , &".split())
MAX_OFFICE_TOKENS = 24


def _listed_office(toks: list[Tok], comma: int) -> list[Tok] | None:
    """The tokens of a title of office that lists its remits with commas and opens the
    sentence ("Minister for Ports, Harbours, and Coasts, Jane Roe said"): a title word, then
    only capitalised words and joiners back to the sentence's start; None otherwise."""
    k = comma - 1
    while k >= 0 and comma - k <= MAX_OFFICE_TOKENS and toks[k].text not in (".", "!", "?", ":", ";", "“", "”", "\""):
        t = toks[k].text
        if not (t[:1].isupper() or t in _OFFICE_JOINERS):
            return None
        k -= 1
    seg = toks[k + 1:comma]
    if len(seg) < 3 or comma - k > MAX_OFFICE_TOKENS or not is_title(seg[0].text) or seg[-1].text == ",":
        return None
    return seg


def _body_of(toks: list[Tok], e: int) -> str | None:
    """The organisation "of the …" / "at the …" names right after token e, or None."""
    if e + 2 >= len(toks) or toks[e].text not in ("of", "at", "from") or toks[e + 1].text not in ("the", "The") \
            or not is_name_tok(toks[e + 2].text):
        return None
    end = run_fwd(toks, e + 2)
    if end + 1 < len(toks) and toks[end].text == "," and toks[end + 1].text in ("a", "an"):
        return None  # "Jane Roe of the Harbour Institute, a co-author of the study": the appositive says it
    body = words_of(toks[e + 2:end])
    return " ".join(body) if any(fold(w) in ORG_WORDS for w in body) else None


def _body_before(text: str, toks: list[Tok], j: int) -> str | None:
    """The organisation an "its" at token j refers to: the first run of capitalised words of the
    sentence before (its subject, as a rule), with its bracketed acronym; a lone word opening the
    sentence, a country or a date word does not count."""
    ps = j - 1
    while ps > 0 and j - ps < 80 and toks[ps - 1].text not in _SENT_BREAK:
        ps -= 1
    k = ps
    while k < j:
        if not is_name_tok(toks[k].text):
            k += 1
            continue
        e = run_fwd(toks, k)
        words = words_of(toks[k:e])
        if not (len(words) == 1 and (k == ps or is_country(fold(words[0])))) \
                and not all(fold(w) in NOT_NAMES for w in words):  # "on Thursday", "in May"
            name = " ".join(words)
            if e + 2 < len(toks) and toks[e].text == "(" and toks[e + 2].text == ")":
                name += f" ({toks[e + 1].text})"
            return name
        k = max(e, k + 1)
    return None


def _finish(b: _Builder) -> Actors:
    people = [Person(name=name, role=role) for name, role in b.people.values()]
    surnames = {fold(p.name.split()[-1]) for p in people}
    people += [Person(name=name, role=role) for key, (name, role) in b.titled_surnames.items()
               if key not in surnames and key not in b.people]
    by_key: dict[str, Person] = {}
    for p in people:
        by_key[fold(p.name)] = p
    for p in people:
        parts = p.name.split()
        for key in (fold(parts[-1]), "~" + fold(parts[0])):
            k = key if not key.startswith("~") else key
            if k in by_key and by_key[k] is not p and not k.startswith("~"):
                continue
            by_key.setdefault(k, p)
    orgs: list[Organization] = []
    seen: set[str] = set()
    for acr, full in b.acronyms.items():
        if full:
            orgs.append(Organization(name=full, acronym=acr))
            seen.add(fold(full))
    for acr, full in b.acronyms.items():
        if not full:
            orgs.append(Organization(name=acr, acronym=acr))
    person_keys = {fold(p.name) for p in people}
    keys = list(b.orgs)
    for key, name in b.orgs.items():
        if key in seen or key in person_keys or is_place(key):
            continue
        # A truncated or misspelt copy of a longer name ("Las America", "Institute for Democracy") adds nothing.
        if any(other != key and other.startswith(key) and (len(other) - len(key) <= 2 or other[len(key)] == " ")
               for other in list(seen) + keys):
            continue
        orgs.append(Organization(name=name, acronym=None))
        seen.add(key)
    multi = [fold(p) for p in b.places.values() if " " in p]
    places = [p.title() if p.isupper() and len(p) > 3 else p for k, p in b.places.items()
              if " " in p or not any(k in m.split() for m in multi)]
    return Actors(people=tuple(people), organizations=tuple(orgs), places=tuple(places),
                  acronyms=dict(b.acronyms), _people_by_key=by_key)
