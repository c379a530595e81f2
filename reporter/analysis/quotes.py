"""Quotations, verbatim, with the speaker an analyst would name: the stages put together.

spans (where the quoted passages are, marked or introduced by a line "X said:") -> cues
(the speech verb after the quote, "…," said Name, Role / "…," Surname said; before it, Name,
role, told reporters that the law was "…"; a colon lead-in; "according to"; the vocabulary
in cues.py) -> mentions (who the cue's subject or object names) -> speakers (a pronoun or a
continuation is resolved by scoring every candidate, speakers.py). Hypothetical speech ("he
would say") and terms ("so-called", a name defined in brackets) are no quotation. Last, pull
quotes: a paragraph set apart that repeats a speaker's quoted words, or has only a name and a
role under it, is that speaker's.
"""

from __future__ import annotations

import re

from .actors import HEADLINE_NOUNS, Actors
from .cues import PEERAGES, REMIT_WORDS, STATEMENT_NOUNS, SELF_INTRO, DETERMINERS, DOCUMENT_NOUNS, FRAMING_VERBS, POSSESSIVE_PRONOUNS, ADVERBS, INTRO_PARTICIPLES, NAME_SUFFIXES, SURNAME_TITLES, TITLE_ABBREVIATIONS, LABEL_ROLES, POSTNOMINALS, ROLE_MODIFIERS, NOT_SPEECH_BEFORE_TO, FIRST_PERSON, NARRATIVE_STARTS, QUESTION_LABELS, LISTENER_ROLES, REPORTER, BYLINE_DASHES, FRAMES, HYPOTHETICAL, MAX_BYLINE_CHARS, SPEECH_TITLES, STATEMENT_TITLES, STATEMENT_KINDS, LEAD_VERBS, NOT_SPEECH_BEFORE, PRONOUNS, ROLE_NOUNS, TITLE_SMALL_WORDS
from .facts import Quotation
from .mentions import (SPOKESPEOPLE, document_issuer, party_tag_close, Subject, descriptor_at, is_dotted, is_title, is_name_tok, is_speech_verb, name_after, plausible_person, run_fwd,
                    run_back, split_title, strip_possessive, title_and, title_role, is_honorific, gender_of, genders, word_gender, subject_before, wordlike, words_of)
from .places import is_country, is_place
from .speakers import FAR, Candidate, choose
from .spans import (ATTRIBUTABLE_LINE, GREETED, remarks_owner, FOLLOWING_STATEMENT, label_end, MAX_QUOTES_PER_PARAGRAPH, terms_only, OPENERS, is_introducing_line, STATEMENT_VERBS, QuoteSpan, comma_attributed, dash_attributed, floor_given, introduced_blocks, paragraph_span, quote_spans,
                    transcript_turns)
from .text import CONNECTORS, MONTH_NAMES, WEEKDAYS, NOT_NAMES, ORG_NOUNS_LOWER, ORG_WORDS, Sentences, Tok, fold, sentence_spans, token_matches, tokens, tokens_between

MAX_QUOTES = 1000
WINDOW = 300  # characters of attribution read after a quote
_OPEN_MARKS = tuple(OPENERS)


_HYPOTHETICAL = (None, "hypothetical")
MAX_BRACKET_LEAD = 30  # characters between an opening bracket and a term quoted in it
_STAGE = re.compile(r"\([^()]{0,80}\)")  # a transcript's stage direction, "(Laughter.)"


def _not_speech(text: str, qs: int, qe: int, body: str) -> str | None:
    """A quoted passage that is a term, a name or a title of a work rather than speech: led in
    by "so-called", "dubbed", "titled" (cues.NOT_SPEECH_BEFORE), or written in title case
    ("The Long Road Home") with no attribution comma after it."""
    lead = text[max(0, qs - 16):max(0, qs - 1)].rstrip().lower()
    if lead.endswith(NOT_SPEECH_BEFORE):
        return "a term"
    words = body.split()
    before = text[max(0, qs - 1 - MAX_BRACKET_LEAD):max(0, qs - 1)]
    if len(words) <= 3 and text[qe + 1:qe + 3].lstrip()[:1] == ")" and "(" in before and ")" not in before[before.rfind("("):]:
        return "a term"  # "(collectively, “Acme”)", "(“ecstasy”)": a name defined in brackets
    if 2 <= len(words) <= 10 and body[-1:].isalnum() and text[qe + 1:qe + 2] != "," and words[0][:1].isupper() \
            and all(w[:1].isupper() or w in TITLE_SMALL_WORDS or not w[:1].isalpha() for w in words):
        return "a title"
    return None


def _hypothetical(toks: list[Tok], v: int) -> bool:
    """"he would say", "if asked, she might argue", "never said": speech no one gave, told by
    a modal or a negation among the three tokens before the verb."""
    return any(fold(t.text) in HYPOTHETICAL for t in toks[max(0, v - 3):v])


def _speaks(toks: list[Tok], v: int) -> bool:
    """The token at v reports speech: a speech verb, but not "continues to", "added to" (cues)."""
    t = toks[v].text
    return is_speech_verb(t) and not (t in NOT_SPEECH_BEFORE_TO and v + 1 < len(toks) and toks[v + 1].text == "to") \
        and not (v and fold(toks[v - 1].text) in DETERMINERS)  # "in his remarks", "the statement": a noun


# A transcript's stage direction at a turn's start or end ("(As interpreted.)", "(Applause.)"): the
# record's note, not the speaker's words, so a quotation is trimmed of it (it stays verbatim).
_STAGE_NOTE = r"\(\s*(?:[A-Z][^()]{0,40}\.|(?i:inaudible|laughter|applause|cross-?talk|off[- ]mi(?:ke|c)))\s*\)"
_EDGE_STAGE = re.compile(_STAGE_NOTE + r"\s*")
_END_STAGE = re.compile(r"\s*" + _STAGE_NOTE + r"\s*$")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    if (m := _EDGE_STAGE.match(text, s, e)) is not None and m.end() < e:
        s = m.end()
    while (m := _END_STAGE.search(text, s, e)) is not None and m.start() > s:
        e = m.start()
    return s, e


_OUTLET_VERBS = frozenset("reported reports".split())  # an outlet's verb, weaker than a speaker's own


def _after(text: str, e: int, closed: bool, actors: Actors):
    """Attribution right after the closing mark."""
    if not closed:
        return None
    window = text[e + 1:e + 1 + WINDOW]
    cut = min((window.find(m) for m in _OPEN_MARKS if m in window), default=-1)
    if cut >= 0:
        window = window[:cut]
    handed_on = cut >= 0 and window[-1:].isspace()  # the window ends where the next quotation opens
    toks = tokens_between(text, e + 1, e + 1 + len(window))
    i = 0
    if i < len(toks) and toks[i].text in (",", ".", "-", "–", "—"):
        i += 1  # "…,” said", "… - Jane Doe said today."
    if i >= len(toks):
        return None
    t = toks[i].text
    if t == "according" and i + 1 < len(toks) and toks[i + 1].text == "to":
        return name_after(toks, i + 2, text), "said"
    if t in ("read", "reads") and i + 2 < len(toks) and fold(toks[i + 1].text) in DETERMINERS \
            and toks[i + 2].text in DOCUMENT_NOUNS:
        return document_issuer(toks, i + 2, text), "said"  # "…,” read a statement from the company
    if is_speech_verb(t):
        return name_after(toks, i + 1, text), t
    # Subject first: "Ferro said", "the IRDUPCS indicates", "Odile Marsh, who was ..., said"
    for v in range(i + 1, min(len(toks), i + 40)):
        if toks[v].text in ("!", "?") or (toks[v].text == "." and not is_dotted(toks[v - 1].text)):
            break
        if _speaks(toks, v):
            if _hypothetical(toks, v):
                return _HYPOTHETICAL
            if i == 0 and text[e - 1:e] in ".!?" and (v + 1 < len(toks) and toks[v + 1].text == ":"
                                                       or v + 1 == len(toks) and handed_on):
                # "… every day.” The Commissioner added: “…”, or "… take.” Commissioner Jane Roe said
                # “…”: a new sentence whose verb runs into the next quotation introduces that one
                return None
            sub = subject_before(toks, v, text)
            if sub is not None and sub.pos <= toks[i].start + (len(toks[i].text) + 1 if fold(toks[i].text) in ("the", "a", "an") else 0):
                return sub, toks[v].text
            if sub is not None and sub.kind == "name" and _role_words_only(toks, i, sub.pos):
                sub.role = sub.role or text[toks[i].start:sub.pos].strip() or None
                return sub, toks[v].text  # "…," Greens leader Erin Maddox wrote
            if sub is not None and sub.kind == "name" and sub.role and toks[0].text != "." \
                    and text.find(sub.role, toks[i].start, sub.pos) >= 0:
                return sub, toks[v].text  # "…," the company's chief executive, John Doe, told analysts
            if sub is not None and sub.kind in ("pronoun", "it") and sub.pos == toks[i].start:
                return sub, toks[v].text  # "…,” she said', '…,” it added
            break
    return None


def _role_words_only(toks: list[Tok], i: int, pos: int) -> bool:
    """Only a short title or role ("Greens leader", "Labor campaign spokesman") before the name."""
    k = i
    while k < len(toks) and toks[k].start < pos:
        t = toks[k].text
        if not wordlike(t) or k - i >= 4 or is_speech_verb(t) or (t.islower() and t not in ROLE_NOUNS
                                                                    and t not in SPOKESPEOPLE):
            return False
        k += 1
    return k > i


MAX_CLAUSE_TOKENS = 80  # how far back "…, saying" looks for its main clause


def _clause_subject(toks: list[Tok], v: int) -> Subject | None:
    """Who "…, saying …" hangs on: the name that opens the main clause and is followed by its verb
    ("Touring the camp, Jane Doe also voiced anger at the delays, saying …"), not the last name
    before the comma."""
    for p in range(max(0, v - MAX_CLAUSE_TOKENS), v):
        if p and toks[p - 1].text not in (",", ".") or not is_name_tok(toks[p].text):
            continue
        e = run_fwd(toks, p)
        k = e
        while k < v and (toks[k].text in ADVERBS or toks[k].text.endswith("ly") and toks[k].text.islower()):
            k += 1
        w = toks[k].text if k < v else ""
        if w.islower() and w.isalpha() and w.endswith(("ed", "s")) and w not in ROLE_NOUNS and fold(toks[p].text) not in NOT_NAMES:
            words = words_of(toks[p:e])
            if plausible_person(split_title(words)[1] or words):
                return Subject("name", words, None, toks[p].start)
    return None


def _sentence_subject(toks: list[Tok], text: str, actors: Actors) -> Subject | None:
    """The subject a participle clause hangs on: "The judge rejected that reading, writing that …"."""
    if len(toks) >= 2 and toks[0].text in ("The", "the"):
        return descriptor_at(toks, 1) or (descriptor_at(toks, 2) if len(toks) > 2 else None)
    if len(toks) >= 2 and fold(toks[0].text) in PRONOUNS and toks[1].text.isalpha() and toks[1].text.islower():
        return Subject("pronoun", [toks[0].text], None, toks[0].start)  # "He credited the staff, adding, “…”"
    if toks and is_name_tok(toks[0].text):
        e = run_fwd(toks, 0)
        words = words_of(toks[:e])
        if actors.person(split_title(words)[1] or words) is not None or (
                len(words) >= 2 and plausible_person(split_title(words)[1])):
            return Subject("name", words, None, toks[0].start)
    return None


def _before(text: str, s: int, sent_start: int, actors: Actors, lead: bool = False):
    """Attribution in the same sentence before the quote (partial quotes, colon lead-ins). On an
    introducing line (lead) "X released the following statement" names the speaker too."""
    prefix = text[sent_start:s - 1] if s >= 1 else ""
    if not prefix.strip():
        return None
    toks = tokens_between(text, sent_start, s - 1)
    framed = _framed(toks, text)
    if framed is not None:
        return framed, "said"
    for v in range(len(toks) - 1, -1, -1):
        if _speaks(toks, v) or toks[v].text in LEAD_VERBS or lead and (toks[v].text in STATEMENT_VERBS
                                                                       or toks[v].text in INTRO_PARTICIPLES):
            if _hypothetical(toks, v):
                return _HYPOTHETICAL
            sub = _clause_subject(toks, v) if toks[v].text.endswith("ing") and toks[v - 1].text == "," else None
            sub = sub or subject_before(toks, v, text)
            if sub is not None:
                return sub, toks[v].text
            nxt = name_after(toks, v + 1, text) if toks[v].text not in LEAD_VERBS else None
            if nxt is not None:
                return nxt, toks[v].text
            sub = _sentence_subject(toks, text, actors)
            if sub is not None and toks[v - 1].text == ",":
                return sub, toks[v].text  # "X rejected that reading, writing that …"
            break
    if prefix.rstrip().endswith(":") and toks:
        # "Harbour, Coasts & Ports Director Jane Doe: “…”" (a round-up of reactions): a title and a
        # name right before the colon, the title's words back to the sentence's start
        k = len(toks) - 1 - (toks[-1].text == ":")
        if k >= 1 and is_name_tok(toks[k].text):
            st = title_and(toks, run_back(toks, k), k + 1)
            title, name = split_title(words_of(toks[st:k + 1]))
            if title and len(name) >= 2 and plausible_person(name):
                role = text[toks[0].start:toks[k - len(name)].end] if st > 0 and toks[st - 1].text in (",", "&") \
                    else None  # "Michigan Environment, Great Lakes & Energy Director": the whole office
                return Subject("name", words_of(toks[st:k + 1]), role, toks[st].start), None
        # "Helga Brandt, the city's former executive director, put it simply: "…"": the first
        # person named before the first comma or verb; a lone capitalised word at the start of the
        # sentence ("Asked whether …") names no one unless it is someone already known.
        v = 0
        while v < min(len(toks), 40) and toks[v].text not in (",", ":"):
            if is_name_tok(toks[v].text):
                e = run_fwd(toks, v)
                words = words_of(toks[v:e])
                title, name = split_title(words)
                if actors.person(name or words) is not None or (len(name) >= 2 and plausible_person(name)):
                    return Subject("name", words, None, toks[v].start), None
                v = max(e, v + 1)
                continue
            v += 1
    return None


_OPEN_ONLY = ('“', '"', '«', '„', "'", '‘')


def _reported_speech(text: str, sents, actors: Actors):
    """(subject, verb) of the last sentence of a paragraph when it reports someone's speech
    ("Mayor Jane Doe said the city would act", "The city will act, Jane Doe said"), else None."""
    if not sents or len(text) > 5000:
        return None
    pronoun = None
    for a, b in reversed(sents[-MAX_REPORTED_SENTENCES:]):
        toks = tokens_between(text, a, b)
        for v in range(len(toks) - 1, 0, -1):
            if toks[v].text in ("said", "says", "told", "added", "explained", "stated", "noted"):
                if _hypothetical(toks, v):
                    return None
                sub = subject_before(toks, v, text) or name_after(toks, v + 1, text)
                if sub is not None and sub.kind == "pronoun":
                    pronoun = pronoun or (sub, toks[v].text)
                    break  # "Jane Doe says the aid is welcome. But, he says, …": the sentence before names her
                return (sub, toks[v].text) if sub is not None and sub.kind in ("name", "descriptor", "unnamed") else None
        else:
            return pronoun  # the last sentence reports no speech
    # "He noted that too many remain unemployed. “This is what we must address.”": "he", whom the
    # reader resolves as any pronoun, when no sentence of the paragraph names the one it stands for
    return pronoun


MAX_REPORTED_SENTENCES = 2  # a pronoun's sentence, and the one before it that names the speaker


def _lead_person(text: str, sents, actors: Actors) -> tuple[str, str | None] | None:
    """The person a paragraph of one sentence is about when it opens with her name as its
    subject ("Congressman Jim Doe (R-ME) comments after …", "Secretary Jane Doe welcomed …"):
    her name and role, else None (a body, or more than one sentence or person)."""
    if len(sents) != 1 or len(text) > 1000:
        return None
    toks = tokens_between(text, *sents[0])
    if any(is_speech_verb(t.text) and _hypothetical(toks, k) for k, t in enumerate(toks)):
        return None  # "Mayor Jane Doe would never say …": speech no one gave
    sub = name_after(toks, 0, text)
    if sub is None or sub.kind != "name":
        return None
    end = run_fwd(toks, 0) if toks else 0  # the name's run, from the sentence's start
    if (close := party_tag_close(toks, end, text)) is not None:
        end = close + 1  # a party tag: "(R-ME)"
    if end >= len(toks) or not toks[end].text.islower() or toks[end].text in ("and", "of", "for", "at", "from", "who"):
        return None
    r = actors.resolve(sub)
    return (r[0], r[1]) if r is not None and r[2] == "person" else None


def _framed(toks: list[Tok], text: str) -> Subject | None:
    """"As Marek Hora put it, "…"" and "In the words of the WMO, … "…"": a framing clause names
    the speaker of the quote it introduces."""
    n = len(toks)
    for k in range(max(0, n - 40), n):
        t = fold(toks[k].text)
        if t == "in" and k + 2 < n and fold(toks[k + 1].text) in POSSESSIVE_PRONOUNS and (
                toks[k + 2].text == "words" or toks[k + 2].text == "own" and k + 3 < n and toks[k + 3].text == "words"):
            return Subject("pronoun", [POSSESSIVE_PRONOUNS[fold(toks[k + 1].text)]], None, toks[k + 1].start)  # "In his words:"
        if t == "as" and k + 2 < n:
            for v in range(k + 1, min(n - 1, k + 10)):
                if toks[v].text in FRAMING_VERBS and fold(toks[v + 1].text) == "it":
                    reflexive = fold(toks[v - 1].text) in ("himself", "herself", "themselves")
                    sub = subject_before(toks, v - reflexive, text)  # "as Jane Doe herself put it"
                    if sub is not None and sub.kind == "name" and sub.pos > toks[k].start:
                        return sub
                    break
                if toks[v].text in (",", ".", ";"):
                    break
        for frame in FRAMES:  # "according to X, …", "in the words of X, …"
            if t == frame[0] and k + len(frame) < n and all(fold(toks[k + x].text) == w for x, w in enumerate(frame)):
                return name_after(toks, k + len(frame), text)
    return None


_PREPOSITIONS = frozenset("in of at from to for with on by about into over against between among".split())


def _recent_mention(names: list[str], paragraphs, pno: int, before: int) -> str | None:
    """Of these people, the one whose surname was written last before this point."""
    best, best_at = None, (-1, -1)
    for name in names:
        last = name.split()[-1]
        for k in range(pno, max(0, pno - 30), -1):
            text = paragraphs[k - 1] if k != pno else paragraphs[k - 1][:before]
            at = text.rfind(last)
            if at >= 0:
                if (k, at) > best_at:
                    best, best_at = name, (k, at)
                break
    return best


def _by_first_name(word: str, actors: Actors, speakers=None) -> tuple[str, str | None] | None:
    fw = fold(word)
    cands = {p.name: (p.name, p.role) for p in actors.people if " " in p.name and fold(p.name.split()[0]) == fw}
    for name, role in (speakers or {}).values():
        if " " in name and fold(name.split()[0]) == fw:
            cands.setdefault(name, (name, role))
    return next(iter(cands.values())) if len(cands) == 1 else None


_INTRO = re.compile(r"(?:That|This|Those|These)(?:’s|'s| is| was| are| were) (?:how|what|the words of|the message "
                    r"(?:from|of)|the view of|the verdict of|the warning from)\s|So says\s")


def _byline(text: str, actors: Actors, dashed: bool = True) -> tuple[str, str | None] | None:
    """A short paragraph "— Jane Doe, Minister for the Environment" under a quotation: its
    speaker, with the role after the comma (cues.BYLINE_DASHES). Not dashed: a subheading that is
    only a name and its role ("Jane Doe, Minister for the Environment"), under a pull quote."""
    t = text.strip()
    if len(t) > MAX_BYLINE_CHARS or dashed and not t.startswith(BYLINE_DASHES):
        return None
    rest = t.lstrip("".join(BYLINE_DASHES)).lstrip()
    if not rest or rest[0] in _OPEN_MARKS:
        return None
    toks = tokens(rest)
    sub = name_after(toks, 0, rest)
    if not dashed and not _name_and_role_only(toks, sub):
        return None  # a heading that happens to start with a name, not a name and its role
    r = actors.resolve(sub) if sub is not None and sub.kind == "name" else None
    return (r[0], r[1] or sub.role) if r is not None and r[2] == "person" else None


def _name_and_role_only(toks: list[Tok], sub: Subject | None) -> bool:
    """The line is a person's name of two words or more, alone or followed by a comma and a role."""
    if sub is None or sub.kind != "name" or len(split_title(sub.words)[1]) < 2:
        return False
    e = run_fwd(toks, 0)
    return e == len(toks) or toks[e].text == ","


MIN_PULL_WORDS = 6  # a pull quote repeats a sentence, not a phrase
MAX_PULL_CHARS = 1000  # a pull quote is a paragraph of a sentence or two
MAX_PULL_QUOTES = 10  # an article sets a few quotations apart, not hundreds
MAX_PULL_SOURCES = 200  # quotations a pull quote is looked for in


def _pull_quotes(paragraphs, quotes: list[Quotation], subheadings, actors: Actors) -> list[Quotation]:
    """Quotations set apart from the text, which no cue attributes: a paragraph that repeats
    words a speaker is quoted saying elsewhere in the article (a pull quote) is theirs; a
    paragraph in the first person (or all quotation) with an attribution line under it, a
    subheading or a dashed byline that is only a name and a role, is that person's."""
    quoted = {q.paragraph for q in quotes}
    under: dict[int, str] = {}  # the first line under ¶k
    for k, line in subheadings:
        if 1 <= k <= len(paragraphs):
            under.setdefault(k, line)
    said = [(_key(q.text[:MAX_PULL_CHARS * 20]), q) for q in quotes[:MAX_PULL_SOURCES]]
    everything = "\n".join(f for f, _ in said)  # one search finds whether any quotation repeats it
    copies = {paragraphs[q.paragraph - 1] for q in quotes if 1 <= q.paragraph <= len(paragraphs)}
    added: list[Quotation] = []
    for pno, text in enumerate(paragraphs, 1):
        if len(added) >= MAX_PULL_QUOTES:
            break
        if pno in quoted or len(text) > MAX_PULL_CHARS or text in copies or text.strip().startswith(NARRATIVE_STARTS):
            continue  # (a paragraph repeated whole is a copy, not a pull quote)
        line = under.get(pno)
        dashed = line is None and pno < len(paragraphs) and paragraphs[pno].lstrip().startswith(BYLINE_DASHES)
        # an undashed paragraph that may be only a name and a role (no sentence: no full stop), under a
        # paragraph all in quotation marks, closed or left open to its end
        named = line is None and not dashed and pno < len(paragraphs) and len(paragraphs[pno]) <= MAX_BYLINE_CHARS
        signed = _signature(text)  # "“…” ~Jane Doe, Premier": the line run into the paragraph's end
        if not said and line is None and not dashed and not named and signed is None:
            continue  # nothing it could repeat, no line under it
        spans = quote_spans(text)
        if spans and text[:spans[0].start - 1].strip():
            continue  # a quotation inside narrative: the cues had their chance
        span = spans[0] if len(spans) == 1 else paragraph_span(text) if not spans else None
        if span is None:
            continue
        s, e = _trim(text, span.start, span.end)
        body = text[s:e].rstrip(".!?…").rstrip()
        if body.count(" ") < MIN_PULL_WORDS - 1 or len(body.split()) < MIN_PULL_WORDS:
            continue
        folded = _key(body)
        speaker = None
        if folded in everything:
            speaker = next(((q.speaker, q.role) for f, q in said if q.paragraph != pno and folded in f), None)
        if speaker is None and signed is not None and spans and spans[-1].closed and not text[spans[-1].end + 1:signed].strip():
            speaker = _byline(text[signed:], actors)
        if speaker is None and (line is not None or dashed) and (spans or _first_person_text(body)):
            speaker = _byline(line if line is not None else paragraphs[pno], actors, dashed=line is None)
        if speaker is None and named and spans and (spans[-1].closed or spans[-1].end >= len(text.rstrip())) \
                and not text[spans[-1].end + 1:].strip(" .!?…") and not paragraphs[pno].rstrip().endswith("."):
            speaker = _byline(paragraphs[pno], actors, dashed=False)  # "“…”" / "Jane Doe, Minister for Ports"
        if speaker is None and named and not spans and _first_person_text(body) and "," in paragraphs[pno] \
                and not paragraphs[pno].rstrip().endswith((".", ":")) and not is_introducing_line(paragraphs[pno]):
            # a paragraph in the first person without marks, signed by the line under it: "I'm
            # delighted that …" / "Jane Doe, Heritage Minister"
            speaker = _byline(paragraphs[pno], actors, dashed=False)
        if speaker is not None:
            added.append(Quotation(text=text[s:e], speaker=speaker[0], role=speaker[1], paragraph=pno))
    return sorted(quotes + added, key=lambda q: q.paragraph) if added else quotes


def _signature(text: str) -> int | None:
    """Where a dashed signature that ends a paragraph opening with a quotation mark starts
    ("“…” – Jane Doe, Minister for Ports"), else None."""
    if text[:1] not in _OPEN_MARKS:
        return None
    tail = text[-MAX_BYLINE_CHARS:]
    for mark in BYLINE_DASHES:
        at = max(tail.rfind(" " + mark), max(tail.rfind(c + mark) for c in "”\"»’"))  # ("…”— Jane Doe", run together)
        if at >= 0 and tail[at + 1 + len(mark):].strip()[:1].isupper():
            return len(text) - len(tail) + at + 1
    return None


def _key(text: str) -> str:
    """A passage compared without case: a pull quote repeats the words as written, accents and
    all (text.fold, which also drops accents, keeps a memo meant for words)."""
    return text.casefold()


def _first_person_text(text: str) -> bool:
    return any(w in FIRST_PERSON for w in _FIRST_WORDS.findall(text[:2000]))


def _introduced_next(text: str, actors: Actors, spoke) -> tuple[str, str | None] | None:
    """A paragraph that is only a quote, with the speaker named at the start of the next one
    ("That is how Jane Doe put it", or a byline "— Jane Doe, Minister")."""
    byline = _byline(text, actors)
    if byline is not None:
        return byline
    m = _INTRO.match(text)
    if m is None:
        return None
    end = next((b for a, b in sentence_spans(text[:1000]) if a <= m.end() < b), min(len(text), 300))
    toks = tokens(text[m.end():end], m.end())
    for i, t in enumerate(toks):
        if is_name_tok(t.text):
            words = words_of(toks[i:run_fwd(toks, i)])
            _, name = split_title(words)
            if actors.person(name) is not None or (len(name) >= 2 and plausible_person(name)):
                return " ".join(name), None
            return None
    return None


def _named_with_noun(noun: str, paragraphs, pno: int, actors: Actors, spoke) -> str | None:
    """"the captain" when no one's role says so: the person named last before the word "captain"
    in the latest earlier paragraph that uses it ("Isla Rennie … she is its captain")."""
    pat = re.compile(rf"\b{re.escape(noun)}\b", re.I)
    for k in range(pno - 1, max(0, pno - 12), -1):
        para = paragraphs[k - 1]
        starts = [m.start() for m in pat.finditer(para)]
        if starts:
            found = _last_person_before(para, starts[-1], actors, spoke, known_only=True) or _appositive_of(
                para, starts[-1], actors, spoke)
            return found[0] if found else None
    return None


def _appositive_of(text: str, at: int, actors: Actors, spoke) -> tuple[str, str | None] | None:
    """The full name the noun at this point stands in apposition to: "Ada Kirwan, 61, a retired
    teacher, lost her home" (the last plausible full name before it, in the same sentence)."""
    start = max(text.rfind(". ", 0, at), text.rfind("! ", 0, at), text.rfind("? ", 0, at)) + 1
    named = _people_before(text[start:at], at - start, actors, spoke)
    return named[-1] if named and " " in named[-1][0] else None


def _last_person_before(text: str, pos: int, actors: Actors, speakers: dict[str, tuple[str, str | None]],
                        known_only: bool = False) -> tuple[str, str | None] | None:
    """The last person named in the paragraph before pos: known, an earlier speaker by the last
    word of the name ("Lộc said" after Trần Văn Lộc spoke), or a plausible full name."""
    named = _people_before(text, pos, actors, speakers, known_only)
    return named[-1] if named else None


def _people_before(text: str, pos: int, actors: Actors, speakers: dict[str, tuple[str, str | None]],
                   known_only: bool = False) -> list[tuple[str, str | None]]:
    """Every person named in the paragraph before pos, in order (see _last_person_before)."""
    toks = tokens(text)
    named: list[tuple[str, str | None]] = []
    found = None
    i = 0
    while i < len(toks) and toks[i].start < pos:
        if is_name_tok(toks[i].text) and (i == 0 or not is_name_tok(toks[i - 1].text)):
            e = run_fwd(toks, i)
            if e - i >= 2 and _participle_opening(toks, i):
                i += 1  # "Visiting Dutch engineers, the premier …": the participle is no first name
                continue
            if toks[e - 1].end <= pos and not toks[e - 1].text.endswith(("’s", "'s")):
                words = words_of(toks[i:e])
                _, name = split_title(words)
                p = actors.person(name) if name else None
                if p is not None:
                    found = (p.name, p.role)
                elif len(name) == 1 and fold(name[0]) in speakers:
                    found = speakers[fold(name[0])]
                elif len(name) == 1 and (first := _by_first_name(name[0], actors, speakers)) is not None:
                    found = first  # "Isla checks the forecast" after Isla Rennie was introduced
                elif known_only:
                    if len(name) >= 2 and fold(name[-1]) in speakers:
                        found = speakers[fold(name[-1])]
                elif len(name) >= 2 and plausible_person(name) and not any(is_country(fold(w)) or _demonym(w) for w in name) \
                        and not is_place(fold(" ".join(name))) \
                        and not (i >= 1 and toks[i - 1].text in _PREPOSITIONS) and not _region(name):  # "a stake in Kafue Copper Mines"
                    found = (" ".join(name), None)
                elif len(name) == 1 and len(words) == 2 and is_honorific(words[0]) and plausible_person(name):
                    found = (" ".join(words), None)  # "Ms. Okonkwo met the governor"
                if found is not None and (not named or named[-1] != found):
                    named.append(found)
            i = max(e, i + 1)
            continue
        i += 1
    return named


_COMPASS = frozenset("north south east west northern southern eastern western central northeast northwest southeast "
                     "southwest upper lower greater".split())


def _region(name: list[str]) -> bool:
    """"South Florida", "Northern Ontario": a compass word before a place names a region, no one."""
    return fold(name[0]) in _COMPASS and is_place(fold(" ".join(name[1:])))


def _participle_opening(toks: list[Tok], i: int) -> bool:
    """A sentence that opens with a capitalised participle ("Visiting", "Addressing"): the run
    it starts is the verb and its object, not a person's name."""
    t = toks[i].text
    return len(t) >= 7 and t.endswith("ing") and t[1:].islower() and (i == 0 or toks[i - 1].text in ".!?")


# How a nationality is spelt from its country: Syria-n, Mali-an, Brazil-ian, Chin(a)-ese, Iraq-i.
_DEMONYM_ENDINGS = (("n", ("",)), ("an", ("", "a", "o")), ("ian", ("", "a", "e")), ("ese", ("", "a")), ("i", ("",)))


def _demonym(word: str) -> bool:
    """A nationality ("Syrian", "Chinese"), no part of a person's name: "Visiting Syrian refugee
    camps, the envoy …" names no one called Visiting Syrian."""
    w = fold(word)
    if len(w) < 5 or not word[:1].isupper():
        return False
    return any(w.endswith(end) and any(is_country(w[:-len(end)] + tail) for tail in tails)
               for end, tails in _DEMONYM_ENDINGS)


def _role_follows(text: str, at: int) -> bool:
    """The appositive after a name's comma is a role: a title ("Vice-President for Ports") or an
    article and a role noun ("the port's chief engineer"), not "the next town"."""
    words = _FIRST_WORDS.findall(text, at, at + 80)[:5]
    if not words:
        return False
    if is_title(words[0]) and words[0][:1].isupper():
        return True
    return fold(words[0]) in ("the", "a", "an") and any(fold(strip_possessive(w)) in ROLE_NOUNS for w in words[1:])


_OFFICE_SUBJECT = re.compile(r"\s*The ((?:[A-Z][\w’'-]+ ){0,3}[A-Z][\w’'-]+) (?=[a-z])(?!(?:of|for|and|at|in|on|to|from|with|who)\b)")


def _subjects(text: str, spans, actors: Actors, earlier: str = "") -> list[tuple[int, str, str | None]]:
    """(position, person, role) for the first person named in each sentence: what "he"/"she" refers to
    (the role an appositive gives: "Jane Doe, Vice-President for Ports, presented …").
    A sentence that opens with a surname no one was registered under ("Jones later defended
    it") names the person written in full with that surname earlier ("Tom Jones")."""
    out = []
    for s, e in spans:
        office = _OFFICE_SUBJECT.match(text, s, min(e, s + 120))
        if office is not None and is_title(office.group(1).split()[-1]) \
                and not actors.holding({fold(office.group(1).split()[-1])}):
            # "The Secretary-General delivered a message. He said, “…”": the office the text names
            # no holder of is whom "he" stands for, as the text calls it
            out.append((office.start(), "the " + office.group(1), office.group(1)))
            continue
        opening: list[str] = []  # the capitalised words the sentence opens with
        for k, m in enumerate(token_matches(text, s, min(e, s + 400))):  # lazily: the first person ends the scan
            w = m.group()
            if len(opening) == k and is_name_tok(w) and k < 4:
                opening.append(w)
            elif w == "," and len(opening) == k >= 2 and plausible_person(opening) and \
                    not any(fold(x) in NOT_NAMES for x in opening) and _role_follows(text, m.end()):
                # "Jane Doe, Vice-President for Ports, presented …": a full name and an appositive
                close = text.find(",", m.end(), min(e, m.end() + 150))
                role = text[m.end():close].strip() if close > m.end() else None
                out.append((s + text[s:].find(opening[0]), " ".join(opening), role))
                break
            p = actors.person([strip_possessive(w)]) if w[:1].isupper() else None
            if p is not None:
                out.append((m.start(), p.name, None))
                break
            if k == 0 and is_name_tok(w) and fold(w) not in NOT_NAMES:
                full = _full_name(strip_possessive(w), earlier + "\n" + text[:m.start()])
                if full is not None:
                    out.append((m.start(), full, None))
                    break
    return out


def _full_name(surname: str, before: str) -> str | None:
    """The last name written in full that ends with this surname, in the text before."""
    found = _full_name_titled(surname, before)
    return found[0] if found else None


# A transliterated surname's ending, spelt several ways in one article ("Petrovskiy", "Petrovskyy", "Petrovsky").
_TRANSLIT_END = re.compile(r"(?<=[kv])(?:iy|yy|ii|y)$")


def _full_name_titled(surname: str, before: str) -> tuple[str, str | None] | None:
    """(name, title) of the last name written in full that ends with this surname, with the
    title written before it ("Secretary of State Tom A. Doe" -> ("Tom A. Doe", "Secretary of State"))."""
    if len(surname) < 2 or len(before) > 200_000:
        return None
    found = None
    stem = _TRANSLIT_END.sub("", surname)
    spelt = rf"{re.escape(stem)}(?:iy|yy|ii|y)" if stem != surname and len(stem) >= 4 else re.escape(surname)
    for m in re.finditer(rf"(?<![\w’'-])((?:(?:[A-Z][\w’'-]*\.?|of|for|the|and) ){{1,6}})({spelt})(?![\w’'-])",
                         before):
        words = (m.group(1) + m.group(2)).split()
        while words and not words[0][:1].isupper():
            words = words[1:]
        title, name = split_title(words)
        if len(name) >= 2 and plausible_person(name):
            found = " ".join(name), title_role(title)
    return found


_STATEMENT_AFTER = re.compile(r"([A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|of|for|the)){1,8}?)(?:’s|'s)?(?: (?:%s))? Statement\b"
                              % "|".join(STATEMENT_KINDS))


_NOT_STATEMENT_OWNER = frozenset("delivers delivered gives gave issues issued makes made opening closing joint "
                                  "written oral".split())


MAX_TOPIC_CHARS = 80  # a topic before a colon that may head a statement's title
# A republisher's title for a speech, statement or letter: "Jane Doe – 2018 Speech at the Harbour Summit".
_SPEECH_DASHED = re.compile(r"(?P<who>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,4}) [–—-] (?:(?:\d{4} )?"
                            r"(?:Speech|Statement|Remarks|Address|Letter|Message)\b"
                            r"|[^–—:]{0,60}?\b(?i:speaking notes|speech notes)\b)")  # "Minister Doe - Daily press conference speaking notes"
_DELIVERS = re.compile(r"(?P<who>[A-Z][^:;,]{2,80}?) (?:Delivers|Gives|Makes) (?:[A-Z][a-z]+ )?(?:Remarks|Speech|Address)\b")
# "Chargée d’Affaires Jane Doe Remarks", "Ambassador Jane Doe Remarks at the Signing": the speaker, then the word.
_REMARKS_AFTER = re.compile(r"(?P<who>[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|of|for|the|d[’'][A-Z][\w’'-]*)){1,6}) "
                            r"(?:[Rr]emarks|[Ss]peech)(?: (?:at|on|to|before|for)\b.*)?$")


def _titled_remarks(title: str) -> re.Match | None:
    """"Ambassador Jane Doe Remarks at …": a title of office in the words before "Remarks" says
    they name the speaker ("New Harbour Remarks" names no one)."""
    m = _REMARKS_AFTER.match(title)
    return m if m is not None and any(is_title(w) or fold(w) in PEERAGES for w in m.group("who").split()) else None


# A title naming whose speech or statement a text is, by name or office, in the possessive:
# "Health Secretary's statement to Parliament", "Jane Doe’s Remarks at the Summit".
_OWN_SPEECH = re.compile(r"(?P<who>[A-Z][\w.’'-]*(?: (?:[A-Z][\w.’'-]*|of|for|the|and)){0,7})(?:’s|'s) "
                         r"(?:[A-Z][\w’'-]+(?: of the| of)? ){0,4}"  # where or what: "Mansion House", "State of the City"
                         r"(?i:(?:oral |written |opening |closing |keynote |budget |new year |christmas |easter )?(?:statement|speech|remarks|address|message))\b")
def _after_topic(title: str) -> str:
    """A title without the topic a page puts before it ("Coronavirus: Health Secretary's …")."""
    if ": " not in title[:MAX_TOPIC_CHARS]:
        return title
    rest = title[title.index(": ") + 2:]
    return title if rest[:1].isdigit() else rest  # "Jane Doe’s statement on ports: 30 May 2020": a date, no topic before


_OFFICE_COMMA_NAME = re.compile(r"(?:the )?(?P<office>[A-Z][^:]{2,120}?),\s+(?:the\s+)?(?:(?:Rt\.?\s+)?Hon\.?\s+)?"
                                r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}?)(?:\s+(?:MP|MSP|MS|TD|KC|QC))?"
                                r"(?=\s+(?i:on|at|to|in|about|following)\b|[,.]?\s*$)")
_OFFICE_ON = re.compile(r"(?P<office>(?:[A-Z][\w.’'-]*\s){0,4}[A-Z][\w.’'-]*) on (?:the )?(?=[a-z])")
_TITLED_ON = re.compile(r"(?P<who>(?:The )?(?:[A-Z][\w.’'-]*\s(?:(?:of|to|for|the|and)\s){0,2}){1,9}[A-Z][\w.’'-]*) on\s")
_STATED_ON = re.compile(r"\s(?i:on|following|regarding|concerning|about)\s")
_PREPARED_FOR = re.compile(r"^(?i:remarks\s+as\s+prepared\s+for)\s+(?!(?i:delivery)\b)(?=[A-Z])")
_VENUE_NEXT = re.compile(r"\s(?:to|at|on|before)$", re.I)
_COMMA_WHERE = re.compile(r",\s+(?:at|to|before|during)\s")
_SPOKE_WHERE = re.compile(r"\s(?i:at|on|to|before|after|following|during|upon|with)\s")  # "… Jane Doe To the Forum"


_POSTNOMINAL_END = re.compile(r"(?<=\S)\s+(?:%s|T\.D\.|M\.P\.)(?=[\s,]|$)" % "|".join(sorted(POSTNOMINALS)))
_TEXT_OF = re.compile(r"(?i:(?:full |complete )?(?:transcript|text) of (?:the )?|(?:free |unofficial |english )?translation of (?:the )?)(?=[A-Z])")
# The occasion before a kind of speech, which names no one: "2014 Commencement Address by Jane Doe".
_OCCASION = re.compile(r"(?:\d{4} )?(?:[A-Z][a-z]+ ){1,2}(?=(?:Address|Speech|Remarks|Statement|Lecture) by [A-Z])")


def statement_speaker(title: str, actors: Actors) -> tuple[str, str | None] | None:
    """Who an article titled "Statement by Treasury Secretary Jane Doe" is the statement of
    (cues.STATEMENT_TITLES), with the role the title gives; None for any other title."""
    title = _TEXT_OF.sub("", title.lstrip(), count=1)  # "Transcript of Statement by Jane Doe"
    title = _OCCASION.sub("", title, count=1)
    title = _PREPARED_FOR.sub(SPEECH_TITLES[0].capitalize(), title, count=1)  # "Remarks as Prepared for Secretary Doe"
    low = title.lower()
    head = next((h for h in STATEMENT_TITLES if low.startswith(h)), None)
    if head is None and ": " in title[:MAX_TOPIC_CHARS] and (_UNSIGNED_SPEECH.fullmatch(title[:title.index(": ")])
                                                             or speech_marker(title[:title.index(": ")])) \
            and not _VENUE_NEXT.search(title[:title.index(": ")]):  # ("Prepared Remarks to: the Club": where, not who)
        # "Remarks As Prepared for Delivery: Harbour Bank President Jane Doe at the Plenary": the
        # kind of speech first, then whose it is
        head, title = SPEECH_TITLES[0], SPEECH_TITLES[0] + title[title.index(": ") + 2:]
        low = title.lower()
    if head is None and ": " in title[:MAX_TOPIC_CHARS]:  # "Harbour Council: Press remarks by Minister Doe"
        topic = title.index(": ") + 2
        head = next((h for h in STATEMENT_TITLES if low.startswith(h, topic) or low.startswith("press " + h, topic)), None)
        if head is not None:
            title, low = title[low.index(head, topic):], low[low.index(head, topic):]
    if head is None and (own := _OWN_SPEECH.match(_after_topic(title))) is not None and not any(fold(w) in _NOT_STATEMENT_OWNER for w in own.group("who").split()):
        # "Coronavirus: Health Secretary's statement to Parliament", "Jane Doe's speech at …": the
        # speech of the one the title names, by name or by office
        who = own.group("who").split()
        known = actors.person(who[-1:]) if len(who) >= 2 and is_title(who[0]) else None
        if known is not None:  # "Secretary of Labor Doe’s statement": the Doe the text names in full
            return known.name, known.role or title_role(who[:-1])
        head, title = SPEECH_TITLES[0], SPEECH_TITLES[0] + own.group("who")
    if head is None and (delivered := _DELIVERS.match(title) or _SPEECH_DASHED.match(title)
                         or _titled_remarks(title)) is not None:
        # "Jane Doe Delivers Remarks at …", "Jane Doe – 2018 Speech at the Harbour Summit"
        head, title = SPEECH_TITLES[0], SPEECH_TITLES[0] + delivered.group("who")
    if head is None and (on := _OFFICE_ON.match(title)) is not None and is_title(on.group("office").split()[-1]) \
            and all(w[:1].isupper() for w in on.group("office").split()):
        # "Harbour Alliance Secretary General on the death of Jane Roe": the office's statement, its
        # holder the one the text names with that title
        office = on.group("office")
        held = actors.resolve(Subject("name", office.split(), None, 0))
        if held is not None and held[2] == "person" and " " in held[0]:
            return held[0], held[1] or office
        return office, office
    if head is None and (on := _TITLED_ON.match(title)) is not None \
            and not any(fold(w) in STATEMENT_NOUNS for w in on.group("who").split()):  # (read by the branches above)
        # "Harbour Ambassador to Liria Jane Doe on the Election": a titled person's statement
        words = on.group("who").removeprefix("The ").split()
        n = 3 if len(words) >= 4 and re.fullmatch(r"[A-Z]\.", words[-2]) else 2  # "Jane Q. Doe"
        office, name = words[:-n], words[-n:]
        if office and any(is_title(w) for w in office) and plausible_person(name) \
                and not any(fold(w) in ORG_WORDS or is_title(w) for w in name) and not is_place(fold(" ".join(name))):
            return " ".join(name), " ".join(office)
    if head is None:
        # "Secretary Jane Doe’s Statement on …", "Secretary Doe Statement on …": the name before it
        m = _STATEMENT_AFTER.match(title.lstrip())
        rest = strip_possessive(m.group(1)) if m else ""
    else:
        rest = title.lstrip()[len(head):]
        if head in SPEECH_TITLES:  # "Remarks by Jane Doe at the Summit": where she spoke is no role
            rest = _SPOKE_WHERE.split(rest, 1)[0]
            # "Speech by Minister Jane Doe T.D. Harbour Chamber Dinner": her post-nominal ends her name
            rest = _POSTNOMINAL_END.split(rest, 1)[0]
        else:  # "Statement of Secretary Jane Doe On the Departure of …": what it is about is no role
            rest = _STATED_ON.split(rest, 1)[0]
            rest = _COMMA_WHERE.split(rest, 1)[0]  # "…, Secretary General of the Service, at the Council Debate"
    rest = _STYLE_OF_ADDRESS.sub("", rest)  # "Statement by H.E. Ms. Jane Doe, …"
    if not rest or head not in SPEECH_TITLES and any(w.lower() in _NOT_STATEMENT_OWNER for w in rest.split()[:8]):
        return None  # "Jane Roe Delivers Opening Statement Before …": a speech, not a statement's owner
    hon = _OFFICE_THEN_HON.match(rest) if head is not None else None
    if hon is not None and any(is_title(w) for w in hon.group("office").split()):
        name = [w for w in hon.group("name").split() if w not in POSTNOMINALS]
        if len(name) >= 2 and plausible_person(name):
            return " ".join(name), hon.group("office")
    if head is not None and (listed := _OFFICE_COMMA_NAME.match(rest)) is not None \
            and is_title(listed.group("office").split()[0]) and not is_place(fold(listed.group("name"))) \
            and plausible_person(listed.group("name").split()) and not any(is_title(w) for w in listed.group("name").split()):
        # "A speech by Secretary of State for Environment, Food and Rural Affairs, Jane Doe on …":
        # the office with its remit's commas, then the one who holds it
        return listed.group("name"), listed.group("office")
    if head is not None and (office := _office_named(rest)) is not None:
        # "Statement by the Tánaiste on …", "Statement from the Secretary of State for Ports on …": the
        # office's holder, named nowhere in the title; the one person holding it, else the office
        held = actors.resolve(Subject("name", office.split(), None, 0))
        if held is not None and held[2] == "person" and " " in held[0]:
            return held[0], held[1] or office
        return office, office
    sub = name_after(tokens(rest), 0, rest)
    if sub is None or sub.kind != "name":
        return None
    r = actors.resolve(sub)
    if r is not None and r[2] == "person":
        return r[0], r[1]
    title_words, name = split_title(sub.words)
    if title_words and len(name) == 1 and plausible_person(name):
        return name[0], title_role(title_words)  # "Secretary Doe’s Statement on …": a person by title
    if head in SPEECH_TITLES and len(name) >= 2 and plausible_person(name):
        return " ".join(name), title_role(title_words)  # the speech's speaker, named nowhere else
    return None


# A style of address before a name, no part of it: "The Honorable Jane Doe", "Rt Hon Jane Doe",
# "H.E. Ms. Jane Doe", "Her Excellency Jane Doe".
_STYLE_OF_ADDRESS = re.compile(r"^\s*(?:(?:The\s+)?(?:Rt\.?\s+|Right\s+)?(?:Hon\.|Honou?rable)|H\.\s?E\.|(?:Her|His) Excellency)\s+(?=[A-Z])")
_OFFICE_CONNECTORS = frozenset("of for the and".split())


def _office_named(rest: str) -> str | None:
    """The office a statement's title names instead of a person ("the Tánaiste following …" ->
    "Tánaiste", "the Secretary of State for Ports on …" -> "Secretary of State for Ports"), else None."""
    words = rest.split()
    if words and fold(words[0]) == "the":
        words = words[1:]
    out: list[str] = []
    for w in words[:12]:
        w = w.rstrip(",:;")
        if is_title(w) and w[:1].isupper() or fold(w) in _OFFICE_CONNECTORS and out \
                or w[:1].isupper() and out and (fold(out[-1]) in _OFFICE_CONNECTORS or fold(w) in REMIT_WORDS):
            out.append(w)
        else:
            break
    while out and fold(out[-1]) in _OFFICE_CONNECTORS:
        out.pop()
    if not out or not is_title(out[0]) or len(out) < len(words) and words[len(out)][:1].isupper():
        return None  # ("Secretary Jane Doe on …": a person follows the title)
    return " ".join(out)


def _top_lines(paragraphs, subheadings, n: int) -> list[str]:
    """The subheadings above the n-th paragraph, then the first n paragraphs: the lines near a
    text's top where a page says whose statement, speech or transcript it is."""
    out: list[str] = []
    for i, p in enumerate(paragraphs[:n]):
        out += [h for k, h in subheadings if k == i]
        out.append(p)
    return out + [h for k, h in subheadings if len(paragraphs[:n]) <= k < n]  # (in the order the page sets them)


def _whole_text_speaker(title: str, paragraphs, subheadings, actors: Actors,
                        header: str = "") -> tuple[tuple[str, str | None] | None, str]:
    """(speaker, title) of a text that is one person's statement or speech, as its title or the
    lines at its top say, and the title to read it by; (None, title) when nothing says so. A
    speech's byline may be only in the file's header (``header``), which ingest leaves out of
    the text: "Remarks at the Council" over "Jane Doe" and "Deputy Representative to the UN"."""
    found = statement_speaker(title, actors) if title else None
    office_only = found is not None and (found[0] == found[1] or found[1] is None and any(
        is_title(w) for w in found[0].split()) and not [w for w in split_title(found[0].split())[1] if not w.isupper()])
    # ("Statement by the Taoiseach …", "Speech by SEC Chairman: …": the holder unnamed)
    # the file's top lines, which ingest may have left out of the text as the page's masthead
    # ("Statement by the Taoiseach Jane Doe TD", a speech's byline and office)
    head_lines = [line for line in header.split("\n")[:SPEECH_HEADER_LINES] if line.strip()]
    top = _top_lines(paragraphs, subheadings, STATEMENT_LINE_WITHIN) + head_lines
    if (found is None or office_only) and (line := _statement_line(top)) is not None \
            and (by_line := statement_speaker(line, actors)) is not None \
            and not (office_only and by_line[0] in (by_line[1], found[0])):
        # "STATEMENT BY SECRETARY DOE" under the headline; "Statement by the Taoiseach Jane Doe TD"
        # under a headline that names only the office
        return by_line, (line if found is None else title)
    if found is None:  # "Press Statement" / "Jane Doe" / "Secretary of State" above the text
        found = _press_statement([title] + _top_lines(paragraphs, subheadings, 3))
    if found is None and (_UNSIGNED_SPEECH.match(title) or _UNSIGNED_SPEECH.match(_after_topic(title))):
        # "Remarks at the Summit" over "Secretary Jane Doe …"; "Monetary policy: press conference, 15 May"
        # over "Jane Doe, President of the Bank, John Roe, Vice-President": the first named opens it
        found = _speech_byline(_top_lines(paragraphs, subheadings, SPEECH_BYLINE_WITHIN + MAX_OFFICE_LINES), offices=True,
                               within=SPEECH_BYLINE_WITHIN)
        if head_lines:
            shown = _speech_byline(head_lines[:SPEECH_BYLINE_WITHIN + 2], offices=True)
            if found is None or shown is not None and shown[0] == found[0] and shown[1]:
                found = shown or found  # (the office may be a line ingest left out: "Deputy Political Counselor")
    if found is None:  # "The Outlook" over "Governor Jane Doe" and "At the Harbour Forum, Port Liria"
        found = _venue_byline(_top_lines(paragraphs, subheadings, SPEECH_BYLINE_WITHIN + 1)) \
            or _venue_byline(head_lines[:SPEECH_BYLINE_WITHIN + 2])
        if found is not None:
            return found, (title if is_speech_title(title) else AS_PREPARED_TITLE)  # a speech, whatever its title
    if found is None and any(speech_marker(line) for line in top[:SPEECH_HEADER_LINES]):
        # "AASHTO Briefing" over "Secretary Jane Doe" and "--Remarks as Prepared for Delivery--": a speech
        # (its byline above the speech: the first lines, not a subheading further down)
        found = _speech_byline([line for line in _top_lines(paragraphs, subheadings, SPEECH_BYLINE_WITHIN) + head_lines
                                if line.strip() != title.strip()], offices=True) or _speech_byline([title])
        # (the title may be the byline itself: "Secretary of Labor Jane Q. Doe" over "Remarks as Prepared for Delivery")
        if found is None and (by := _BY_IN_TITLE.search(title)) is not None:
            # "Press conference by Secretary General Jane Doe ahead of the Summit" over "(As delivered)"
            found = statement_speaker(SPEECH_TITLES[0] + title[by.end():], actors)
        if found is not None:
            return found, AS_PREPARED_TITLE
    if found is None or office_only:
        # A speech's cover page: "Remarks by" (or "by") on a line of its own over the speaker's name and office
        lines = [line.strip() for line in _top_lines(paragraphs, subheadings, SPEECH_BYLINE_WITHIN) + head_lines]
        for k, line in enumerate(lines):
            if _BY_LINE.fullmatch(line) and (found := _speech_byline(lines[k + 1:k + 2 + MAX_OFFICE_LINES], offices=True,
                                                                      within=1)) is not None:
                return found, AS_PREPARED_TITLE
    if found is None:
        # A field in the speech's header: "As Prepared For: Jane Doe, Harbour Administrator",
        # "Speaker: Jane Doe" over "Harbour Administrator"
        lines = [line.strip() for line in _top_lines(paragraphs, subheadings, SPEECH_BYLINE_WITHIN) + head_lines]
        for k, line in enumerate(lines):
            field = _by_field(line)
            if field is not None and field[2] and line.startswith(field[3]):
                role = field[1] or (lines[k + 1] if k + 1 < len(lines) and _office_line(lines[k + 1]) else None)
                return (field[0], role), AS_PREPARED_TITLE
    if found is None:
        # "This is the prepared remarks of Executive Director Jane Doe at today's briefing": the line
        # at the top that says whose remarks the text is
        for line in top[:REMARKS_LINE_WITHIN]:
            own = remarks_owner(line)
            if own is not None and not own.possessive and (named := _person_named(own.who, actors)) is not None:
                # (a spokesperson's briefing reports others' words: its quotations are theirs)
                return named, BRIEFING_TITLE if own.briefing else AS_PREPARED_TITLE
    if found is None and len(paragraphs) > 2 and len(paragraphs[0]) <= MAX_BYLINE_NAME and _office_line(paragraphs[1].strip()) \
            and _first_person_text(paragraphs[2]) and (by := _speech_byline(paragraphs[:2], offices=True, within=1)) is not None \
            and by[1]:
        # "Jane Doe" over "Prime Minister" over "What a year it has been for all of us …": her speech
        return by, AS_PREPARED_TITLE
    return found, title


MAX_BYLINE_NAME = 40  # a name on a line of its own, over her office


_BY_LINE = re.compile(r"(?i:(?:opening |closing |keynote )?(?:remarks|speech|address|statement|testimony|lecture)) (?i:by|of)\s*:?|[Bb]y")
_BY_IN_TITLE = re.compile(r"\b(?i:remarks|speech|address|statement|press conference|news conference|press briefing|"
                          r"media briefing|briefing|message) by (?=[A-Z])")


# Lines that say the text below is a speech: as written for its delivery or as given, its text
# to be checked against what was said, or whose speech it is ("The speech made by Jane Doe, …").
_AS_PREPARED = re.compile(r"\W*(?:(?:remarks|speech|address|testimony)\s+)?as\s+(?:prepared\s+(?:for\s+delivery|"
                          r"to\s+be\s+delivered)|delivered)\W*", re.I)
_CHECK_DELIVERY = re.compile(r"\W*check against (?:delivery|the spoken word)\b", re.I)
_SPEECH_MADE = re.compile(r"(?:The |This )?(?:speech|remarks|address|statement) (?:was )?(?:made|delivered|given) by\b", re.I)


def speech_marker(line: str) -> bool:
    """A line over a speech that marks it as one ("--Remarks as Prepared for Delivery--",
    "Check against delivery. …", "The speech made by Jane Doe, the Minister, on 7 May.")."""
    t = line.strip()
    return _AS_PREPARED.fullmatch(t) is not None or _CHECK_DELIVERY.match(t) is not None or _SPEECH_MADE.match(t) is not None
AS_PREPARED_TITLE = "Remarks as prepared for delivery"  # the title a speech is then read by (is_speech_title)
BRIEFING_TITLE = "Transcript of a briefing"  # the same, for a briefer who reports others' words


SPEECH_HEADER_LINES = 16  # the file's lines a speech's byline block is looked for in


MAX_STATEMENT_LINE = 100
STATEMENT_LINE_WITHIN = 8  # paragraphs from the top a statement's own heading line may stand


def _statement_line(lines) -> str | None:
    """A short line near the top (a paragraph or a subheading) that heads the text as one
    person's statement or remarks ("STATEMENT BY SECRETARY JANE DOE" under a headline that only
    says what it is about), in the case a title is written in; None when there is none."""
    for text in lines:
        t = _DATED_END.sub("", text.strip())  # "… PUERTO RICO TUESDAY, AUGUST 05, 2008": when, not who
        t = _HEAD_ARTICLE.sub("", t)  # "A speech by …"
        t = _SPEECH_PART_BY.sub(r"\1 by ", t, count=1)  # "Speech Abstracts by Jane Doe, President of …"
        if (dated := _DATELINE_DASH.match(t)) is not None and (by := _BY_IN_TITLE.search(t, dated.end())) is not None \
                and by.start() - dated.end() <= MAX_BODY_BEFORE_BY:
            t = t[by.start():]  # "21 May 2017, Port Liria – Harbour Union Statement by Jane Doe, …": what follows the body
        low = t.lower()
        if low.startswith(STATEMENT_TITLES) and (len(t) <= MAX_STATEMENT_LINE or len(t) <= MAX_SPEECH_HEAD_LINE and (
                low.startswith(SPEECH_TITLES) or not t.endswith((".", "!", "?", ":")))):  # a head line, no sentence
            return _title_cased(t) if t.isupper() else t  # "STATEMENT BY SECRETARY DOE" -> "Statement by Secretary Doe"
        if len(t) <= MAX_SPEECH_HEAD_LINE and (own := _titled_remarks(t)) is not None:
            return SPEECH_TITLES[0].capitalize() + own.group("who")  # "Minister of Ports speech to the Harbour Forum, 7pm 3 May"
    return None


_SPEECH_PART_BY = re.compile(r"^((?i:speech|remarks|address))\s+(?i:abstracts?|notes|summary|highlights|excerpts?|text)\s+by\s+(?=[A-Z])")
# A dateline that a head line opens with ("21 May 2017, Port Liria – "), and how many words of a
# body may stand between it and "Statement by".
_DATELINE_DASH = re.compile(r"\d{1,2} [A-Z][a-z]+ \d{4},? [A-Z][\w .'’-]{1,40}? [–—-] ")
MAX_BODY_BEFORE_BY = 40


MAX_SPEECH_HEAD_LINE = 260  # a speech's head line may run on with its place and date
_HEAD_ARTICLE = re.compile(r"^(?:A|The)\s+(?=(?i:speech|statement|address|remarks)\s+by\s)")
# The date a head line ends with: "… PUERTO RICO TUESDAY, AUGUST 05, 2008".
_DATED_END = re.compile(r"(?:,?\s+(?:%s))?,?\s+(?:%s)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\s*$"
                        % ("|".join(WEEKDAYS), "|".join(MONTH_NAMES)), re.I)


def _speech_head(line: str, statements: bool = False) -> bool:
    """A speech's head line: "Remarks by Jane Doe, Secretary-General", "A speech by the Secretary
    of State, the Rt Hon Jane Doe MP, marking …" (short enough to be no paragraph of it); with
    ``statements``, a statement's too ("Statement by H.E. Jane Doe, Ambassador …")."""
    t = _HEAD_ARTICLE.sub("", line.strip())
    return len(t) <= MAX_SPEECH_HEAD_LINE and t.lower().startswith(STATEMENT_TITLES if statements else SPEECH_TITLES)


_ADDRESSED = re.compile(r"(?:(?:Mr|Madam|Madame|Mme|Ms|Mrs)\.? (?:[A-Z][\w’'-]+(?:[ -](?:of|[A-Z][\w’'-]+))*)"
                        r"|(?i:(?:your )?(?:excellenc(?:y|ies)|majesty|highness)|(?:distinguished |dear |honou?rable )?"
                        r"(?:guests|delegates|colleagues|friends|members)|ladies and gentlemen))")
_SALUTATION = re.compile(r"%s(?:,? (?:and )?%s){0,8}[.,!:]?" % (_ADDRESSED.pattern, _ADDRESSED.pattern))


def salutation(line: str) -> bool:
    """A line that only names those a speech addresses ("Mr. President, Mr. Secretary-General,
    Excellencies, Colleagues."): no words of the speech."""
    return len(line) <= 200 and _SALUTATION.fullmatch(line.strip()) is not None


def _headed_below(paragraphs) -> bool:
    """Whether a speech's or a statement's head line opens the text under the page's title (a
    statement delivered at a meeting, under the meeting's name): what follows it is all hers,
    "Australia welcomes …" as much as "I thank you"."""
    return any(_speech_head(p, statements=True) for p in paragraphs[:SPEECH_LINE_WITHIN])


# A department's statement header: "Press Statement", its speaker and her office, each on a line
# or run together when the lines were joined ("Press Statement Jane Doe Secretary of State …").
_STATEMENT_KINDS = ("Press Statement", "Statement")
_OFFICE = r"(?:(?:Deputy|Under|Assistant|Acting|Special) )?(?:Secretary|Spokesperson|Ambassador|Minister|Administrator|Director|Envoy|Representative|Coordinator)"
_JOINED_STATEMENT = re.compile(r"(?:Press )?Statement (?P<name>(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w'’-]+) "
                               r"(?P<role>%s(?: (?:of|for|to) (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})?)\b" % _OFFICE)


# A header's field naming whose words the text is: a speech's ("As Prepared For: Jane Doe, Harbour
# Administrator", "Speaker: Jane Doe") or a written statement's ("Made by: Jane Doe (Minister for
# Ports)", "Delivered by: …"), her office after a comma or in brackets, another field perhaps after it.
_BY_FIELD = re.compile(r"\b(?:(?P<spoken>(?:As )?[Pp]repared [Ff]or(?: [Dd]elivery [Bb]y)?|Speaker|Remarks by|Speech by)"
                       r"|(?:Made|Issued|Delivered) by)\s*:\s*(?P<name>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3})"
                       r"(?:,\s*(?P<role>[^,()]{2,80}?)|\s*\((?P<held>[^()]{2,80})\))?(?=\s*$|\s+[A-Z][a-z]+:)")


def _by_field(line: str) -> tuple[str, str | None, bool, str] | None:
    """(name, office, whether the field is a speech's, the field as written) of a header field
    naming a person (_BY_FIELD), else None."""
    m = _BY_FIELD.search(line[:MAX_HEADING_CHARS])
    if m is None or not plausible_person(m.group("name").split()) or any(is_title(w) for w in m.group("name").split()):
        return None
    return m.group("name"), m.group("role") or m.group("held"), m.group("spoken") is not None, m.group(0)


def _press_statement(lines) -> tuple[str, str | None] | None:
    """(speaker, office) of a statement whose header names them under "Press Statement", or in a
    field "Made by: Jane Doe (Minister for Ports)", else None."""
    lines = [line.strip() for line in lines]
    for line in lines:
        if (field := _by_field(line)) is not None and not field[2]:
            return field[0], field[1]
    for k, line in enumerate(lines):
        if line in _STATEMENT_KINDS and k + 1 < len(lines):
            name = lines[k + 1].split()
            if 2 <= len(name) <= 4 and plausible_person(name) and not any(is_title(w) for w in name):
                office = (lines[k + 2] if k + 2 < len(lines) else "").split()
                # the office's first title word, after a modifier ("Acting Secretary of State")
                head = office[1] if len(office) > 1 and fold(office[0]) in ROLE_MODIFIERS else office[0] if office else ""
                return " ".join(name), " ".join(office) if head and is_title(head) else None
        m = _JOINED_STATEMENT.match(line)
        if m is not None and plausible_person(m.group("name").split()) \
                and not any(is_title(w) for w in m.group("name").split()):
            role = m.group("role")
            if line[m.end():m.end() + 1] == "," and role.count(" ") >= 3:
                role = role.rsplit(" ", 1)[0]  # "… Secretary of State Washington, DC": the place ends it
            return m.group("name"), role
    return None


def is_speech_title(title: str) -> bool:
    """The title says the text is someone's speech or remarks ("Remarks by …", "Remarks at …"): a
    speech may name its speaker with no office and still be one person's words."""
    t = title.lstrip()
    if t == BRIEFING_TITLE:
        return True
    own = _OWN_SPEECH.match(_after_topic(t))
    topical = _after_topic(t).lower()  # "Harbour Council: remarks by Minister Doe at the press conference"
    return t.lower().startswith(SPEECH_TITLES) or topical.startswith(SPEECH_TITLES) \
        or topical.startswith(tuple("press " + h for h in SPEECH_TITLES)) or _UNSIGNED_SPEECH.match(title) is not None \
        or _UNSIGNED_SPEECH.match(_after_topic(t)) is not None \
        or ": " in t[:MAX_TOPIC_CHARS] and _UNSIGNED_SPEECH.fullmatch(t[:t.index(": ")]) is not None \
        or _TEXT_OF.match(t) is not None and (is_speech_title(_TEXT_OF.sub("", t, count=1))
                                              or t.lower().startswith("transcript")
                                              and _TEXT_OF.sub("", t, count=1).lower().startswith(STATEMENT_TITLES)) \
        or _titled_remarks(t) is not None \
        or _SPEECH_DASHED.match(t) is not None or own is not None and _SPOKEN.search(t, own.end() - 12) is not None


# A possessive title's words that make it a speech, not a written statement: "Jane Doe's speech
# at …", "… Secretary's statement to Parliament" (an oral statement).
_SPOKEN = re.compile(r"(?i:speech|remarks|address|statement to)\b")


# A speech's title that does not say whose it is ("Remarks at the Harbour Summit", or only "Opening
# Remarks"); a line near
# the top then names the speaker first ("Secretary Jane Doe 2024 Harbour Summit, Port Liria",
# "Jane Q. Doe II Harbour House, May 3").
_UNSIGNED_SPEECH = re.compile(r"\s*(?:Opening |Closing |Keynote |Prepared |Brief |Welcoming |Introductory )?(?:Remarks|Speech|Address)"
                              r"(?: (?:at|to|on|before)\b|\s*$)|\s*Remarks as prepared for delivery$"
                              r"|\s*(?:[\w-]+ )?(?:(?:Press|News|Media) conference|(?:Introductory|Opening|Written|Oral) statement)(?:[,:][^:]*| (?:to|at|before) [^:]*)?$", re.I)
SPEECH_BYLINE_WITHIN = 4
MAX_SPEECH_BYLINE = 140


def _speech_byline(lines, offices: bool = False, within: int | None = None) -> tuple[str, str | None] | None:
    """(name, title) of the person a short line near a speech's top opens with, else None; with
    ``offices``, the line under the name is her office when it is one ("Deputy Political Counselor").
    ``within``: the name is looked for in that many first lines only (the rest may list offices)."""
    lines = list(lines)
    for k, line in enumerate(lines[:within]):
        t = _STYLE_OF_ADDRESS.sub("", line.strip())  # "The Honorable Jane Q. Doe"
        if not t or len(t) > MAX_SPEECH_BYLINE or not is_name_tok(t.split()[0]):
            continue
        toks = tokens(t)
        end = run_fwd(toks, 0)
        if end < len(toks) and toks[end].text.islower():
            continue  # "Economic Outlook and Monetary Policy": a heading's phrase goes on, a name does not
        words = words_of(toks[:end])
        title, name = split_title(words)
        suffix = next((k for k, w in enumerate(name[:5]) if w in NAME_SUFFIXES), None)
        if suffix is not None:
            name = name[:suffix + 1]  # "Jane Q. Doe II Harbour House": the name ends at its suffix
        elif len(name) > 3:
            continue  # a run too long to tell the name from the place after it
        if len(name) >= 2 and plausible_person([w for w in name if w not in NAME_SUFFIXES]) \
                and not (not title and is_place(fold(" ".join(name)))) \
                and not any(fold(w) in HEADLINE_NOUNS or fold(w).rstrip("s") in ORG_WORDS for w in name):
            # ("New York, New York", "Brief Remarks", "Harbour Offices, Port Liria": no one)
            office = lines[k + 1].strip() if offices and k + 1 < len(lines) and end == len(toks) else ""
            if office and "," in office and _office_line(office):
                # a list of portfolios under the name ("Minister, Harbour Services", …, "Prime
                # Minister"): the one office written plainly, without a portfolio after a comma
                listed = [line.strip() for line in lines[k + 1:k + 1 + MAX_OFFICE_LINES]]
                listed = listed[:next((n for n, line in enumerate(listed) if not _office_line(line)), len(listed))]
                office = next((line for line in listed if "," not in line), office)
            if not office and not title and t[len(" ".join(words)):].startswith(", "):
                office = t[len(" ".join(words)) + 2:].split(",")[0].strip()  # "Jane Doe, President of the Bank, …"
            return " ".join(name), (office if office and _office_line(office) else title_role(title))
    return None


# The line under a speech's byline that says where it was given: "At the Harbour Forum, Port
# Liria", "Before the Committee on Ports" (short, no sentence's end).
_VENUE = re.compile(r"(?:At|Before|To)\s+(?:the\s+)?[A-Z0-9]")
MAX_VENUE_LINE = 200


def _venue_byline(lines) -> tuple[str, str | None] | None:
    """(name, title) of a speech's byline, a line that is a person (with her title) right above
    a line that says where she spoke, whatever the title says; else None."""
    lines = [line.strip() for line in lines]
    for k in range(len(lines) - 1):
        venue = lines[k + 1]
        if _VENUE.match(venue) and len(venue) <= MAX_VENUE_LINE and venue[-1:] not in ".!?:" \
                and len(lines[k].split()) <= 8 and (found := _speech_byline([lines[k]])) is not None:
            return found
    return None


MAX_OFFICE_LINES = 8


def _office_line(line: str) -> bool:
    """A line that is only an office: "Deputy U.S. Representative to the United Nations", "Senior
    Humanitarian Advisor" (a title word among its first three, every word capitalised or small)."""
    words = line.split()
    if not 1 <= len(words) <= 12 or line[-1:] in ".!?:;," or any(ch.isdigit() for ch in line):
        return False
    return any(is_title(w.rstrip(",")) for w in words[:3]) and all(w[:1].isupper() or w in TITLE_SMALL_WORDS for w in words)


def extract(paragraphs, actors: Actors, sentences: Sentences | None = None, title: str = "",
            boilerplate: tuple[int, ...] = (), subheadings: tuple[tuple[int, str], ...] = (),
            header: str = "", blockquotes: tuple[int, ...] = (), author: str = "") -> tuple[list[Quotation], list[str]]:
    """The quotations of an article's paragraphs (its title may make it one person's statement).
    boilerplate (¶N, as ingest marks it) ends an introduced statement; a subheading right under a
    paragraph may be its attribution line ("Jane Doe, Minister for Ports"); ``header``: the
    lines of the file's top (``header_lines``), where a transcript presents its speakers."""
    if sentences is None:
        sentences = Sentences(paragraphs)
    quotes: list[Quotation] = []
    skipped: list[str] = []
    of_statement, title = _whole_text_speaker(title, paragraphs, subheadings, actors, header)
    if of_statement is not None and (of_statement[1] is None or " " not in of_statement[1]) and is_speech_title(title):
        # "… my first speech as Treasury Secretary": the office a speaker gives herself, over none or a bare "Secretary"
        own = _self_described(paragraphs[:SELF_DESCRIBED_WITHIN])
        if own is not None and (of_statement[1] is None or own.endswith(of_statement[1])):
            of_statement = (of_statement[0], own)
    authored = of_statement is None and (own := _titled_author(author, paragraphs)) is not None
    if authored:
        of_statement = own  # "By Dr. Jane Doe" over her post in the first person: a statement of hers
    pending: list[int] = []  # indexes of unattributed, unclosed quotes waiting for the next paragraph
    last_speaker: tuple[str, str | None] | None = None
    spoke: dict[str, tuple[str, str | None]] = {}  # last word of a speaker's name -> (name, role)
    known_genders: dict[str, str] = {}  # surname -> "m"/"f", read on the first gendered pronoun
    full_names: dict[str, str | None] = {}  # a surname written alone -> the full name the article gives
    bodies: set[str] = set()  # speakers that are organisations, for "it said"
    whole = (title + "\n" + "\n".join(paragraphs))[:200_000]  # the title may be the one place a name is in full
    line_under = {k: line for k, line in subheadings if line.lstrip().startswith(BYLINE_DASHES)}  # under ¶k
    heading_above = {k: line for k, line in subheadings if is_introducing_line(line)}  # over ¶k + 1
    top = "\n".join([header[:HEADER_CHARS // 4]] + [line[:MAX_HEADING_CHARS] for line in _top_lines(paragraphs, subheadings, 3)])
    def resolve(sub, verb, text, qs, pno, sents, para_speaker):
        """(name, role) for the subject a cue found, or None."""
        if sub.kind == "pronoun":
            earlier = paragraphs[pno - 2] if pno >= 2 else ""
            cands = list(_pronoun_candidates(text, qs, pno, paragraphs, _subjects(text, sents, actors, earlier),
                                             para_speaker, last_speaker, quotes, actors, spoke))
            want = word_gender(sub.words[0])
            if want is not None and len({c.name for c in cands}) > 1:
                if not known_genders:
                    known_genders.update(genders(paragraphs, sentences) or {"": ""})
                # "she said": not a candidate the article shows to be a man (nor "he", a woman)
                told = [(c, gender_of(c.name, c.role, known_genders)) for c in cands]
                cands = [c._replace(gender_fit=g == want) for c, g in told if g in (want, None)] or cands
            return choose(cands)
        if sub.kind == "descriptor":
            noun = fold(sub.words[0])
            named = [p.name for p in actors.holding({noun})]
            who = _recent_mention(named, paragraphs, pno, qs) if named else None
            if who is None:
                who = _named_with_noun(noun, paragraphs, pno, actors, spoke)
            if who is not None:
                p = actors.person([who])
                return who, (p.role if p else None) or sub.words[0]  # "the farmer said"
            end = text.find(sub.words[0], sub.pos)
            near = _last_person_before(text, qs, actors, spoke)
            if near is not None:
                return near[0], near[1] or sub.words[0]  # "Lộc lost his crop. “…,” the farmer said"
            if last_speaker is None and len(actors.people) == 1 and actors.people[0].role is None:
                return actors.people[0].name, sub.words[0]  # the one person the article names, with no other role
            # "The minister, who asked not to be named, said:": no one named, so the description speaks.
            return last_speaker or ((text[sub.pos:end + len(sub.words[0])], None) if end >= 0 else None)
        if sub.kind in ("it", "document"):
            # "It added that …": the body that spoke last in this paragraph or the one before, else
            # the body named last before the quote
            if para_speaker is not None and para_speaker[0] in bodies:
                return para_speaker
            if last_speaker is not None and last_speaker[0] in bodies and quotes and quotes[-1].paragraph >= pno - 1:
                return last_speaker
            body = _last_body_before(paragraphs, pno, qs, actors) or _body_noun_before(paragraphs, pno, qs)
            if body is not None:
                bodies.add(body)
            return (body, None) if body is not None else None
        if sub.kind == "generic":
            # "the company said": the company named earlier; "the group said": the body named last
            body = None if " " in sub.words[-1] else (actors.body_named(sub.words[-1])
                                                     or _last_body_before(paragraphs, pno, qs, actors))
            if body is None:  # "The ministry said in a statement": an unnamed body, as written
                the = text[max(0, sub.pos - 4):sub.pos]
                end = text.find(sub.words[-1], sub.pos, sub.pos + 120)
                written = text[sub.pos:end + len(sub.words[-1])] if end >= 0 else " ".join(sub.words)
                body = (the if the.lower() == "the " else "") + written  # "Jane Doe’s office", as written
            bodies.add(body)
            return body, None
        r = actors.resolve(sub, verb)
        title, name = split_title([w for w in sub.words if w not in ("The", "the")])
        if r is not None and len(name) == 1 and r[0].endswith(name[0]) and is_name_tok(name[0]) and (
                " " not in r[0] or title or r[0].split()[0].rstrip(".") in ("Mr", "Ms", "Mrs", "Dr", "Miss")):
            # "Ferreira said", "Administrator Marsh said", "Mr. Ferreira said" after "Daniel Ferreira
            # arrived": the person the article named in full, with the title as the role
            if name[0] not in full_names:
                full_names[name[0]] = _full_name(name[0], whole)
            full = full_names[name[0]]
            if full is not None:
                p = actors.person(full.split())
                return full, r[1] or (p.role if p else None) or title_role(title)
            if title and r[1] is None:
                return name[0], title_role(title)  # "said Secretary Doe", never named in full
        if r is not None and r[2] == "org":
            bodies.add(r[0])
        if r is not None and r[2] == "person" and title and sub.role and len(name) >= 2 \
                and not sub.role.startswith(("who ", "which ", "whose ")):
            # "Commander Jane Doe, the ship's commanding officer, said": the cue gives two roles, the
            # title and the appositive, and she is both ("Commander, the ship's commanding officer");
            # a clause ("Senator Jane Doe, who chairs the panel, said") leaves the title
            first = next((k for k, w in enumerate(title) if is_title(w) or w in ROLE_MODIFIERS), len(title))
            office = title_role(title[first:]) if first < len(title) else None  # not "Later" of "Later Captain …"
            if office is None or fold(office) in fold(sub.role) or is_honorific(office):
                return r[0], sub.role
            return r[0], f"{office}, {sub.role}"
        return (r[0], r[1]) if r is not None else None

    # The press-release layout: "Minister Jane Doe said:" then paragraphs without marks.
    # (neither boilerplate nor a subheading is part of what a line introduces)
    blocks = introduced_blocks(paragraphs, frozenset(n - 1 for n in boilerplate) | {k for k, _ in subheadings},
                               blockquoted=frozenset(n - 1 for n in blockquotes))
    intro_of = {q: b.intro for b in blocks for q in b.quoted}
    inline_at = {b.intro: b.inline for b in blocks if b.inline}  # a hand-over and its statement in one paragraph
    intro_speakers: dict = {}  # introducing paragraph (or transcript turn) -> (name, role) or None
    turn_speakers: dict[int, tuple[str, str | None] | None] = {}
    turn_starts: dict[int, int] = {}
    current, by_label = None, {}
    floor: tuple[str, str | None] | None = None  # the reporter a briefer gave the floor to by name
    turns = transcript_turns(paragraphs, title)
    goes_on = {t.paragraph for t in turns if not t.label}  # paragraphs where the same speaker goes on
    for turn in turns:
        if turn.label:
            if turn.label not in by_label:  # a label recurs at every turn: resolve it once
                by_label[turn.label] = _label_speaker(turn.label, whole, actors, title, header)
                if turn.note and by_label[turn.label] is not None and by_label[turn.label][1] is None \
                        and any(fold(strip_possessive(w)) in ROLE_NOUNS or is_title(w) for w in turn.note.replace(",", " ").split()):
                    # "JANE DOE (Chief Executive, Acme):", "JANE DOE, ATTORNEY-GENERAL:"
                    by_label[turn.label] = (by_label[turn.label][0], _title_cased(turn.note))
                if by_label[turn.label] is not None and by_label[turn.label][1] is None:
                    said = paragraphs[turn.paragraph][turn.start:][:SELF_INTRO_CHARS]
                    if turn.paragraph + 1 in goes_on:
                        said += " " + paragraphs[turn.paragraph + 1][:SELF_INTRO_CHARS]
                    by_label[turn.label] = _introduced_self(by_label[turn.label][0], said) or by_label[turn.label]
                    by_label[turn.label] = _addressed_office(by_label[turn.label], turn.label, turns, paragraphs, actors) \
                        or _owned_office(by_label[turn.label], top) or by_label[turn.label]
                    if (office := _office_only(by_label[turn.label])) is not None:
                        # "PRIME MINISTER:" after "JANE DOE, PRIME MINISTER:": hers; "The Chairperson (Mr
                        # Doe):" is Mr Doe's; else the office, as its own role
                        holder = next((t for t in turns if t.label and t.note and t.label != turn.label
                                       and fold(t.note) == fold(office.removeprefix("The "))), None)
                        found = _label_speaker(holder.label, whole, actors, title, header) if holder else None
                        if found is None and turn.note and is_honorific(turn.note.split()[0]):
                            found = _label_speaker(turn.note, whole, actors, title, header)
                        role = _bare_title(title_role(office.split()) or office)  # "PM" -> "Prime Minister"
                        by_label[turn.label] = (found[0], role) if found and " " in found[0] else (office, role)
                if by_label[turn.label] is not None and by_label[turn.label][0] != REPORTER and any(
                        _names_outlet(by_label[turn.label][0], said) for said in _turn_openings(turn, paragraphs, goes_on)):
                    by_label[turn.label] = REPORTER, None  # "JANE ROE: Sir, Jane Roe from the Gazette. My question …"
                if (same := next((v for k, v in by_label.items() if k != turn.label and v is not None
                                  and by_label[turn.label] is not None and _one_person(v[0], by_label[turn.label][0])), None)):
                    by_label[turn.label] = same  # "JOHN DOE III:", later "SECRETARY DOE:": one speaker, one name
            current = by_label[turn.label]
        asks = current is not None and current[0] == REPORTER
        turn_speakers[turn.paragraph] = floor if asks and floor else current
        turn_starts[turn.paragraph] = turn.start
        if not asks and (given := floor_given(paragraphs[turn.paragraph][turn.start:])) is not None:
            floor = given if given is not True else None  # "With that, Jane." / "Go ahead."
    for pno, text in enumerate(paragraphs, 1):
        intro = intro_of.get(pno - 1)
        spans = quote_spans(text)
        if intro is not None:
            if intro not in intro_speakers:
                line = paragraphs[intro][:inline_at[intro]] if intro in inline_at else paragraphs[intro]
                start = next((a for a, b in sentences[intro] if a <= len(line) - 1 < b), 0) if intro in inline_at \
                    else sentences[intro][-1][0] if sentences[intro] else 0
                of = _statement_of(line, actors)  # "The Department issued the following statement from Jane Doe:"
                if of is None and line.lstrip().lower().startswith(STATEMENT_TITLES):
                    of = statement_speaker(line.strip().rstrip(":"), actors)  # "Statement by Minister Jane Doe MP:"
                found = _before(line, len(line) + 1, start, actors, lead=True) if of is None else None
                if of is None and found is None and (hand := FOLLOWING_STATEMENT.search(line)) is not None:
                    # "Jane Doe, Minister for Ports, made the following statement on the report, which
                    # was delivered today.": the hand-over's verb, not the last one, has the speaker
                    at = next((a for a, b in sentences[intro] if a <= hand.start() < b), 0)
                    found = _before(line, hand.start() + len(hand.group(0).split()[0]) + 1, at, actors, lead=True)
                if of is None and found is None and start > 0 and intro not in inline_at:
                    # "Jane Doe today released the following statement … . Doe chairs the panel.": the
                    # hand-over is a sentence before the line's last
                    found = next((f for a, _ in reversed(sentences[intro][:-1])
                                  if (f := _before(line, len(line) + 1, a, actors, lead=True)) is not None), None)
                if of is None and found is None and (att := ATTRIBUTABLE_LINE.match(line.strip())) is not None:
                    # "The following statement may be attributed to Jane Doe, Harbour Representative."
                    of = _person_named(line.strip()[att.end():], actors)
                intro_speakers[intro] = of or (resolve(found[0], found[1], line, len(line), intro + 1, sentences[intro], None)
                                               if found and found[0] is not None else None)
            if intro_speakers[intro] is None:
                intro = None
            elif intro == pno - 1:
                spans = (paragraph_span(text, max(inline_at[intro], label_end(text))),)  # the statement after its hand-over
            elif not spans or terms_only(text):
                # (its phrases in marks are the speaker's own: "‘surrender or starve’ tactics"; a
                # label opening it is no part of it: "Secretary-General:  Ladies and gentlemen …")
                spans = (paragraph_span(text, label_end(text)),)
        handed_over = intro is not None and not isinstance(intro, tuple) and intro != pno - 1 \
            and intro_speakers.get(intro) is not None and FOLLOWING_STATEMENT.search(paragraphs[intro]) is not None
        if pno - 1 in turn_speakers and not handed_over:  # a transcript: the turn is the quotation, its label the speaker
            # (unless the turn read out another's statement: "My right hon. Friend Lord Doe has
            # made the following statement:", then Lord Doe's words)
            if turn_speakers[pno - 1] is None:
                pending = []
                continue  # a reporter's question, or a label that names no one
            intro = ("turn", pno - 1)
            intro_speakers[intro] = turn_speakers[pno - 1]
            spans = (paragraph_span(text, turn_starts[pno - 1]),)
        if not spans and intro is None and pno - 1 not in turn_speakers:
            dashed = dash_attributed(text) or comma_attributed(text)  # "… goes on - Jane Doe said today."
            spans = (dashed,) if dashed is not None else ()
        carried: list[int] = []
        if not spans and pending and _closes_open_quote(paragraphs[pno:pno + MAX_OPEN_PARAGRAPHS]):
            # “… (left open) / a paragraph without marks / … .” : the middle one is inside the quotation
            spans, carried = (QuoteSpan(0, len(text), False),), pending
        if len(spans) >= MAX_QUOTES_PER_PARAGRAPH:
            skipped.append(f"¶{pno}: more than {MAX_QUOTES_PER_PARAGRAPH} quote marks; quotes beyond are ignored")
        if not spans:
            pending = []
            continue
        sents = sentences[pno - 1]
        para_speaker: tuple[str, str | None] | None = None
        new_pending: list[int] = []
        for qs, qe, closed in spans:
            if len(quotes) >= MAX_QUOTES:
                skipped.append(f"¶{pno}: more than {MAX_QUOTES} quotations; the rest are ignored")
                break
            s, e = _trim(text, qs, qe)
            body = text[s:e]
            if not any(ch.isalpha() for ch in _STAGE.sub("", body)):
                continue  # "(Inaudible.)", "(Laughter.)": a transcript's stage direction is no speech
            nwords = len(body.split())
            why = _not_speech(text, qs, qe, body) if intro is None else None
            if why is not None:
                skipped.append(f"¶{pno}: “{body[:40]}” is {why}, not speech")
                continue
            found = _after(text, qe, closed, actors)
            if found is None or (found[0] is None and found != _HYPOTHETICAL) or found[1] in _OUTLET_VERBS:
                sent_start = next((a for a, b in sents if a <= qs - 1 < b), 0)
                earlier = _before(text, qs, sent_start, actors)
                # "X said that … “…,” the Gazette reported": the outlet carries X's words; X speaks
                if found is None or found[1] not in _OUTLET_VERBS or earlier is not None and earlier[0] is not None \
                        and earlier != _HYPOTHETICAL:
                    found = earlier
            if found == _HYPOTHETICAL:
                skipped.append(f"¶{pno}: “{body[:40]}” is hypothetical speech (no one said it)")
                continue
            speaker = None
            if intro is not None:
                speaker = intro_speakers[intro]
            elif found is not None and found[0] is not None:
                speaker = resolve(found[0], found[1], text, qs, pno, sents, para_speaker)
            if speaker is None and para_speaker is not None:
                speaker = para_speaker  # a second quote continues the same speaker
            if speaker is None and (text[:qs].strip() in ('“', '"', '«', '„', "'", '‘') or qs == 0) \
                    and last_speaker is not None and quotes and quotes[-1].paragraph == pno - 1:
                speaker = last_speaker  # a paragraph that is all quote continues the previous one
            if speaker is None and pno >= 2 and text[:qs].strip() in _OPEN_ONLY and not quote_spans(paragraphs[pno - 2]):
                # "Mayor Jane Doe said the city would act." then "“We owe it to them.”": the reported
                # speaker of the paragraph before goes on in her own words
                prev = paragraphs[pno - 2]
                found_prev = _reported_speech(prev, sentences[pno - 2], actors)
                if found_prev is not None:
                    speaker = resolve(found_prev[0], found_prev[1], prev, len(prev), pno - 1, sentences[pno - 2], None)
                elif closed and not text[qe + 1:].strip() and _first_person_text(body):
                    # "Senator Jane Doe (R-ME) welcomed the grant …" then a paragraph that is all one
                    # quotation in the first person: the one the lead is about, speaking
                    speaker = _lead_person(prev, sentences[pno - 2], actors)
            if speaker is None and qs >= 2 and text[:qs - 1].rstrip()[-1:] in ".!?" \
                    and (before := [sp for sp in sents if sp[1] <= qs]):
                # "This was no standard exercise, said Jane Doe, the commander. “When we …”": the one
                # whose speech the sentence before reports goes on in her own words
                found_here = _reported_speech(text, before, actors)
                if found_here is not None:
                    speaker = resolve(found_here[0], found_here[1], text, qs, pno, sents, None)
            if speaker is None and closed and (pno < len(paragraphs) or pno in line_under) \
                    and not text[:max(0, qs - 1)].strip() and not text[qe + 1:].strip():
                # "“…” / That is how X describes it", or a dashed byline under it (read as a subheading)
                speaker = _introduced_next(line_under.get(pno) or paragraphs[pno], actors, spoke)
            if speaker is None and (closed or not text[qe:].strip()) and not text[:max(0, qs - 1)].strip() \
                    and pno - 1 in heading_above:
                # "Quotes attributable to Minister for Sport, Jane Doe" set as a heading over the quotation
                speaker = _heading_speaker(heading_above[pno - 1], pno, actors, resolve)
            if speaker is None and closed and not text[:max(0, qs - 1)].strip() and _INTRO.match(text[qe + 1:].lstrip()):
                # "“…” This was the message from President Jane Doe during …": the sentence after it names her
                speaker = _introduced_next(text[qe + 1:].lstrip(), actors, spoke)
            if speaker is None and of_statement is not None and nwords >= 4 and title != BRIEFING_TITLE:
                speaker = of_statement  # no cue in a statement by one person: theirs
            if speaker is None:
                if nwords < 4:
                    skipped.append(f"¶{pno}: “{body[:40]}” has no speaker (a term or scare quote)")
                    continue
                if not closed:
                    quotes.append(Quotation(text=body, speaker="", role=None, paragraph=pno))
                    new_pending.append(len(quotes) - 1)
                    continue
                skipped.append(f"¶{pno}: no speaker found for “{body[:60]}”")
                continue
            for k in pending:
                quotes[k] = Quotation(text=quotes[k].text, speaker=speaker[0], role=speaker[1],
                                      paragraph=quotes[k].paragraph)
            pending = []
            quotes.append(Quotation(text=body, speaker=speaker[0], role=speaker[1], paragraph=pno))
            if speaker[0] == REPORTER:
                continue  # a question from the floor: no one a later "he said" can stand for
            para_speaker = last_speaker = speaker
            if " " in speaker[0]:
                spoke.setdefault(fold(speaker[0].split()[-1]), speaker)
                spoke.setdefault(fold(speaker[0].split()[0]), speaker)
        if isinstance(intro, tuple) and len(quotes) < MAX_QUOTES:
            quotes.extend(_quoted_in_turn(text, pno, turn_starts[pno - 1], intro_speakers[intro], sents, actors,
                                          lambda found, qs: resolve(found[0], found[1], text, qs, pno, sents, None)))
        for k in pending:
            if k not in carried:
                skipped.append(f"¶{quotes[k].paragraph}: no speaker found for “{quotes[k].text[:60]}”")
        pending = [k for k in carried if k in pending] + new_pending
    for k in pending:
        skipped.append(f"¶{quotes[k].paragraph}: no speaker found for “{quotes[k].text[:60]}”")
    if not quotes and not blocks and title.rstrip().endswith(":"):
        # The hand-over line stood first and was taken for the title ("The following statement was
        # released by Secretary Jane Doe:", "The below is attributable to Spokesperson Jane Doe:")
        line = title.strip()
        spans_of = sentence_spans(line)
        line = line[spans_of[-1][0]:] if spans_of else line  # its last sentence ("Initials. Stay in it.")
        lead = introduced_blocks((line,) + tuple(paragraphs[:MAX_STATEMENT_PARAGRAPHS]),
                                 frozenset(n for n in boilerplate))  # ¶N of boilerplate is index N here
        handed = next((b for b in lead if b.intro == 0), None)
        if handed is not None:
            found = _before(line, len(line) + 1, 0, actors, lead=True)
            who = resolve(found[0], found[1], line, len(line), 1, sentence_spans(line), None) \
                if found and found[0] is not None else None
            if who is None:  # "… was released by Secretary Jane Roe to mark …:"
                by = line.rfind(" by ")
                who = _person_named(line[by + 4:], actors) if by >= 0 else None
            if who is not None:
                quotes = [Quotation(text=paragraphs[k - 1].strip(), speaker=who[0], role=who[1], paragraph=k)
                          for k in handed.quoted]
    # (whose it is, after a topic the title opens with: "Bosnia and Herzegovina: Remarks by Jane Doe …")
    own_part = title if title.lower().startswith(STATEMENT_TITLES) or _UNSIGNED_SPEECH.match(title) else _after_topic(title)
    owners = _SPOKE_WHERE.split(own_part, 1)[0].split(", ", 1)[0]
    if _UNSIGNED_SPEECH.match(title):
        owners = ""  # "Written Statement: Ports and harbours": a title naming no one names no two people
    if of_statement is not None and of_statement[1] and _one_office(of_statement[1]):
        owners = owners.replace(of_statement[1], "")  # "Speech by Deputy Leader and Minister for Ports Jane Doe"
    if of_statement is not None and not blocks and (" and " not in owners or _one_office(of_statement[0])) \
            and (of_statement[1] or is_speech_title(title) or authored or _OWN_SPEECH.match(_after_topic(title))) \
            and (is_speech_title(title) or all(q.speaker == of_statement[0] for q in quotes)):
        # (a speech may quote others: "Hamilton once said: “…”" leaves the rest of it the speaker's)
        # one named person's statement, not a joint one (an office may hold an "and": "Remarks by the
        # Deputy Prime Minister and Minister of Finance", not "… and the Prime Minister"); a phrase it quotes of its own ("what we
        # call “the quiet work”") leaves the rest of it hers
        quoted = {q.paragraph for q in quotes}
        own = [q for q in _unmarked_statement(paragraphs, of_statement, stops=boilerplate,
                                              speech=is_speech_title(title) or authored or _headed_below(paragraphs))
               if q.paragraph not in quoted]
        quotes = sorted(quotes + own, key=lambda q: q.paragraph)
    quotes = _pull_quotes(paragraphs, [q for q in quotes if q.speaker], subheadings, actors)
    return _consistent(quotes, actors, paragraphs, header), skipped


SELF_DESCRIBED_WITHIN = 3
_SELF_AS = re.compile(r"\b(?:I|I[’']m|I am|my|me)\b[^.!?]{0,80}?\bas\s+(?:the\s+)?(?P<office>(?:[A-Z][\w.’'-]*\s){0,3}[A-Z][\w’'-]+)")


def _self_described(paragraphs) -> str | None:
    """The office a speech's first paragraphs say the speaker holds, in her own words: "I'm pleased
    to be before you for one last time as Energy Secretary" -> "Energy Secretary"; else None."""
    for text in paragraphs:
        for m in _SELF_AS.finditer(text[:2000]):
            words = m.group("office").split()
            if is_title(words[-1]) and all(w[:1].isupper() for w in words):
                return m.group("office")
    return None


def _one_office(office: str) -> bool:
    """An office with an "and" in it that one person holds ("Deputy Prime Minister and Minister of
    Finance"), not two offices side by side ("President of the Council and the Prime Minister",
    "First Minister and deputy First Minister": the second the first with a modifier)."""
    if " and " not in office:
        return False
    before, after = office.split(" and ", 1)
    return not after.lower().startswith("the ") and not fold(after).endswith(fold(before))


MAX_OPEN_PARAGRAPHS = 3  # paragraphs without marks a quotation left open may hold before it closes


def _closes_open_quote(after) -> bool:
    """The paragraphs after one without marks go on with a quotation opened before it: the first
    mark among them closes one."""
    for text in after:
        spans = quote_spans(text)
        if spans:
            return spans[0].start == 0 and spans[0].closed
    return False


MAX_STATEMENT_PARAGRAPHS = 30


def _unmarked_statement(paragraphs, speaker: tuple[str, str | None], speech: bool = False,
                        stops: tuple[int, ...] = ()) -> list[Quotation]:
    """"Statement from Secretary Jane Doe on …" whose text has no quotation marks at all: each of
    its paragraphs in the first person, up to boilerplate, is the statement's speaker's. A speech
    ("Remarks by …") is hers from its first paragraph in the first person to its end, whatever
    the person of each paragraph: a speech says "the plan is working" as she said it."""
    out: list[Quotation] = []
    bridged: list[int] = []  # paragraphs since the last first-person one, kept if another follows
    # "The speech made by Jane Doe, the Minister, on 7 December." over a speech: it starts right
    # below that line, whatever its first paragraphs' person or length ("More actors…")
    # A head line "Remarks by Jane Doe, Secretary-General" among the first paragraphs: the same.
    opened = next((k for k, p in enumerate(paragraphs[:SPEECH_LINE_WITHIN], 1) if speech_marker(p) or _speech_head(p, True)
                   or (own := remarks_owner(p)) is not None and not own.possessive), None) if speech else None
    for pno, text in enumerate(paragraphs, 1):
        t = text.strip()
        if pno in stops or speech_marker(t) or salutation(t):
            continue  # page furniture inside it ("Watch the video", "(Check against delivery)"), or
            # the room it addresses ("Mr. President, Excellencies, Colleagues.")
        if opened is not None and pno > opened and _speech_head(t):
            break  # "Speech by Director-General John Roe,": the next speech's head line ends this one
        if opened is not None and pno > opened and t and not t.startswith(NARRATIVE_STARTS) \
                and len(out) < MAX_STATEMENT_PARAGRAPHS and not (not out and _heading_like(t)):
            span = paragraph_span(text, _words_at(text))
            out.append(Quotation(text=text[span.start:span.end], speaker=speaker[0], role=speaker[1], paragraph=pno))
            continue
        if t.startswith(NARRATIVE_STARTS) and not out and pno <= 2:
            continue  # "Source: … published on …" above the text: page furniture, not its end
        if t.startswith(NARRATIVE_STARTS) or len(out) >= MAX_STATEMENT_PARAGRAPHS:
            break
        words = _FIRST_WORDS.findall(t[:2000])
        if len(words) < 6:
            continue
        if any(w in FIRST_PERSON for w in words):
            if speech and not out and opened is None:
                # a speech's opening paragraphs before its first "I" or "we" ("More than a year has
                # passed since …") are hers too, unless one of them is the page's own lead about her
                bridged = _speech_opening(paragraphs[:pno - 1], speaker[0], stops)
            for k in bridged + [pno]:  # "The resolution adheres to the agreement." between two of hers
                span = paragraph_span(paragraphs[k - 1], _words_at(paragraphs[k - 1]))
                out.append(Quotation(text=paragraphs[k - 1][span.start:span.end], speaker=speaker[0], role=speaker[1],
                                     paragraph=k))
            bridged = []
        elif out and speech and t.endswith((".", "!", "?", "”", '"', "…")):
            span = paragraph_span(text, _words_at(text))
            out.append(Quotation(text=text[span.start:span.end], speaker=speaker[0], role=speaker[1], paragraph=pno))
        elif out and len(bridged) < MAX_STATEMENT_BRIDGE and t.endswith((".", "!", "?", "”", '"')):
            bridged.append(pno)
        else:
            bridged = []
    return out


MAX_STATEMENT_BRIDGE = 2  # third-person paragraphs a statement holds between two in the first person
MAX_SPEECH_OPENING = 4  # paragraphs a speech may open with before its first in the first person
def _words_at(text: str) -> int:
    """Where a paragraph's words start after a field that holds them ("Transcript: …"), else 0."""
    m = _WORDS_FIELD.match(text)
    return m.end() if m is not None else 0


MAX_HEADING_WORDS = 8
# A field that holds the words themselves ("Transcript: Poison in the ground means …"), and any
# other field of a page ("Language: …"), which is furniture.
_WORDS_FIELDS = r"(?:Transcript|Text|Quote|Excerpt):"
_WORDS_FIELD = re.compile(_WORDS_FIELDS + r"\s+")
_FIELD = re.compile(r"(?!" + _WORDS_FIELDS + r")[A-Z][\w’'-]*:\s")


def _heading_like(text: str) -> bool:
    """A short line with every word capitalised, as where a speech was given stands under its
    head line ("Harbour University Opening Ceremony,", "Washington, D.C."): no part of the speech."""
    words = text.split()
    return len(words) <= MAX_HEADING_WORDS and bool(words) and words[0][:1].isupper() \
        and all(w[:1].isupper() or not w[:1].isalpha() or w in TITLE_SMALL_WORDS for w in words)  # ("On the Reopening of the Harbour")
_LEAD_WORDS = frozenset("said says delivered spoke speaking told announced today".split())


def _speech_opening(before, speaker: str, stops: tuple[int, ...]) -> list[int]:
    """The paragraph numbers of a speech's opening (``before``: the paragraphs above its first one
    in the first person), when there are few and none reads as a lead about the speaker: none
    names her by surname or says she spoke ("Jane Doe delivered these remarks today"); else []."""
    surname = fold(speaker.split()[-1]) if speaker.split() else ""
    marked = max((k for k, p in enumerate(before, 1) if speech_marker(p)), default=0)  # "Check against delivery"
    out = []
    for pno, text in enumerate(before, 1):
        if pno in stops or pno <= marked:
            continue
        if _FIELD.match(text):
            out = []  # "Language: …", a page's field: the speech opens below it
            continue
        words = _FIRST_WORDS.findall(text[:2000])
        if len(words) < 6:
            continue
        low = {fold(w) for w in words}
        if surname in low or low & _LEAD_WORDS or not text.rstrip().endswith((".", "!", "?", "”", '"')):
            return []
        out.append(pno)
    return out if len(out) <= MAX_SPEECH_OPENING else []
SPEECH_LINE_WITHIN = 3  # paragraphs from the top a speech's marker line may stand
REMARKS_LINE_WITHIN = 5  # the same for a line saying whose remarks follow (below a release's date and contact lines)


_FIRST_WORDS = re.compile(r"[\w’']+")


_INTERVIEWEE = re.compile(r"\b[Ii]nterview (?:with|of) (.{3,80})")
# A briefing's heading that says whose it is: "Spokesperson Jane Doe's Regular Press Conference on …",
# "Press Conference by Spokesperson Jane Doe": the one whose answers its "A:" turns are.
_BRIEFER = re.compile(r"(.{3,80}?)[’']s (?:(?:Regular|Daily|Weekly|Monthly|Press|Media|News) )*"
                      r"(?:Press Conference|News Conference|Briefing|Press Briefing|Media Briefing)\b"
                      r"|\b(?:Press Conference|News Conference|Briefing) (?:by|of|with) (.{3,80})")
# "Secretary Doe With Jane Roe of Channel 9", "Minister Doe's Interview With Jane Roe of the
# Daily Courier": the one named after "with" and followed by "of" an outlet is the journalist,
# who asks the questions.
# "Secretary Jane Doe on Morning Show with John Roe": a heading ending with the interviewer.
_INTERVIEWED_BY = re.compile(r"\bon [A-Z][\w’'-]*(?: [A-Z][\w’'-]*)* [Ww]ith "
                             r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)\s*$")
_INTERVIEWER = re.compile(r"\b[Ww]ith ((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),? of (?:the\s+)?[A-Z]")


def _interviewing(title: str, whole: str) -> str | None:
    """The journalist a heading "Radio Interview with Jane Roe" names, when the transcript's
    questions are labelled "JOURNALIST:" and no turn is labelled with her name: on the
    interviewee's own site the one "with" is the one asking. None for a titled name
    ("Interview with the Foreign Minister", "… with Minister Doe"), who answers."""
    m = _INTERVIEWEE.search(title)
    sub = name_after(tokens(m.group(1)), 0, m.group(1)) if m else None
    if sub is None or sub.kind != "name" or len(sub.words) < 2 or any(is_title(w) for w in sub.words) \
            or not plausible_person(sub.words):
        return None
    labelled = re.compile(r"^[ \t]*(?:[A-Z.'’-]+[ \t]+)*%s[ \t]*:" % re.escape(sub.words[-1].upper()), re.M)
    return None if labelled.search(whole) else sub.raw


HEADER_CHARS = 6_000  # how much of a file's top its header lines are read from
TOP_LINES = 6  # the title and first lines of a text, where a transcript may present its speakers


def header_lines(raw: str) -> str:
    """The lines at the top of an article's file, as written. A transcript presents its
    speakers there ("Ned Roe, Department Spokesperson", "Presenters: Kenneth H. Doe, ASD
    (PA)"), lines ingest takes for the page's masthead and leaves out of the text."""
    return "\n".join(line.strip() for line in raw[:HEADER_CHARS].splitlines())


# A header line that presents a speaker: a name ending in the label's surname, then a role
# and nothing else on the line.
_PRESENTER_LINE = (r"^(?:(?i:presenters?|briefers?|speakers?)\s*:\s*)?(?P<name>(?:[A-Z][\w.'’-]*\s+){{1,3}}{surname})(?:,|\s[–—])"
                   r"\s+(?P<role>[A-Z][^,.;:\n<>]{{1,60}}?(?:,\s[A-Z][^,.;:\n<>]{{1,40}}?)?)\.?\s*$")  # "Director, Press Office"
# (or a list of who takes part: "Jane Doe – Chief General Manager, Harbour Bank.")


def _presenter(surname: str, header: str) -> tuple[str, str] | None:
    """The full name and role a transcript's header line gives a labelled speaker."""
    if not header:
        return None
    # the surname in any case: a label's "MCCORMACK" is the header's "McCormack"
    m = re.search(_PRESENTER_LINE.format(surname="(?i:" + re.escape(surname) + ")"), header, re.M)
    if m is None:  # "Jane Doe" on a line, "Director, Press Office" on the next
        m = re.search(_PRESENTER_LINES.format(surname="(?i:" + re.escape(surname) + ")"), header, re.M)
        if m is not None and not any(fold(w.strip(",")) in ROLE_NOUNS for w in m.group("role").split()):
            m = None
    if m is None:  # "Presenter: Pentagon Press Secretary Jane Doe": the office before the name
        m = re.search(_PRESENTER_TITLED.format(surname="(?i:" + re.escape(surname) + ")"), header, re.M)
        if m is not None:
            title, name = split_title(m.group("run").split())
            if not title or len(name) < 2 or not plausible_person(name) or len(title) > 8:
                return None
            return " ".join(name), title_role(title)
    if not m or len(m.group("role").split()) > 8 or not plausible_person(m.group("name").split()) \
            or m.group("role").strip() in POSTNOMINALS:
        return None  # (", KC": letters after a name, not an office)
    return " ".join(m.group("name").split()), m.group("role").strip()


_PRESENTER_TITLED = (r"^(?i:presenters?|briefers?|speakers?)\s*:\s*(?P<run>(?:[A-Z][\w.'’-]*\s+){{2,9}}{surname})\s*$")


_PRESENTER_LINES = (r"^(?P<name>(?:[A-Z][\w.'’-]*[ \t]+){{1,3}}{surname})[ \t]*\n"
                    r"(?P<role>[A-Z][^.;:\n<>]{{1,60}}?)[ \t]*$")


def _titled_in_heading(title: str, heading: str) -> tuple[str, str] | None:
    """(surname, title of office) for a heading that names someone by a title and a surname
    alone ("Press Briefing by Secretary of Defense Doe and …"): who "Mr. Secretary" is there."""
    if not heading or not title[:1].isupper():
        return None
    m = re.search(r"(?<!Vice )(?<!Deputy )(?<!Vice-)(?<!Assistant )\b(%s(?: (?:of|for)(?: the)?(?: [A-Z][\w’'-]+){1,4})?) "
                  r"([A-Z][\w’'-]+)\b" % re.escape(title),
                  heading[:MAX_HEADING_CHARS])
    if m is None or is_title(m.group(2)) or fold(m.group(2)) in NOT_NAMES or not plausible_person([m.group(2)]) \
            or fold(m.group(2)).removesuffix("s") in HEADLINE_NOUNS:
        return None  # (not "PM Transcripts": a page's noun after the title is no surname)
    return strip_possessive(m.group(2)), m.group(1)  # ("… Secretary Doe’s Press Conference")


MAX_HEADING_CHARS = 300

# A question that addresses the one it asks by name: "Mr Doe, how significant …?", "… of that, Ms Roe?".
_VOCATIVE = re.compile(r"(?:^|[.?!:]\s+)(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<a>[A-Z][\w'’-]+)\s*,"
                       r"|,\s*(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<b>[A-Z][\w'’-]+)\s*\?")


def _title_cased(label: str) -> str:
    """"PRIME MINISTER OF AUSTRALIA" -> "Prime Minister of Australia": a label's words in capitals
    as a title writes them (an abbreviated title stays in capitals, "PM"; a word not in capitals
    stays as written)."""
    return " ".join((w.lower() if k and w.lower() in TITLE_SMALL_WORDS else w if len(w) <= 3 and fold(w) in TITLE_ABBREVIATIONS
                     or w.rstrip(",.;:") in POSTNOMINALS and not label.isupper()
                     or k and w.rstrip(",.;:") in NAME_SUFFIXES else w.title()) if w.isupper() else w
                    for k, w in enumerate(label.split()))  # ("… Jane Doe TD", "… JOHN DOE III" keep their letters)


# An office, then its holder with the courtesy of a minister: "Secretary of State for Ports the Rt
# Hon Jane Doe MP", "Minister for Ports, the Hon. Jane Doe".
_OFFICE_THEN_HON = re.compile(r"(?:the\s+)?(?P<office>[A-Z][^,]{2,80}?),?\s+(?:the\s+)?(?:Rt\.?\s+Hon\.?|Right\s+Honourable|Hon\.?|Honourable)\s+"
                              r"(?P<name>(?:[A-Z][\w.'’-]+\s+){0,3}[A-Z][\w'’-]+)")


def _office_only(found: tuple[str, str | None]) -> str | None:
    """The office a label resolved to when it names no one ("Treasurer", "The Prime Minister"),
    else None: the two readers below look for who holds it."""
    office, role = found
    if role is not None or not all(is_title(w) or fold(w) in TITLE_SMALL_WORDS for w in office.split()):
        return None
    return office


# A header line saying whose transcript the page is: "Transcript by The Hon Jane Doe MP".
_TRANSCRIPT_OF = re.compile(r"^(?i:transcript)\s+(?:by|of|for)\s+(?:(?i:the)\s+)?(?:(?i:hon|honourable|honorable|rt\.?\s+hon)\.?\s+)?"
                            r"(?:(?:Dr|Mr|Mrs|Ms|Sen|Senator)\.?\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3}?)"
                            r"(?:\s+(?:%s|MLC|MHR|AO|AC))*\s*$" % "|".join(sorted(POSTNOMINALS)), re.M)


# The same line naming the office first, in capitals as often as not: "TRANSCRIPT OF THE PRIME
# MINISTER THE HON JANE DOE MP DOORSTOP INTERVIEW".
_TRANSCRIPT_OF_OFFICE = re.compile(r"^(?i:transcript\s+(?:by|of|for)\s+the\s+[a-z][a-z ,]{2,80}?\s+the\s+hon(?:ourable)?\.?\s+)"
                                   r"(?:(?i:dr|mr|mrs|ms)\.?\s+)?(?P<name>[A-Za-z'’-]+(?:\s+[A-Za-z'’.-]+){1,3}?)"
                                   r"\s+(?:MP|MLC|MHR|(?i:senator))\b", re.M)


# A line of a transcript archive's header that is only a name written surname first: "Doe, Jane".
_LISTED_NAME = re.compile(r"^(?P<surname>[A-Z][a-z’'-]+), (?P<given>[A-Z][a-z’'-]+)$", re.M)


def _owned_office(found: tuple[str, str | None], top: str) -> tuple[str, str] | None:
    """An office label with no name ("MINISTER:") on a page that says whose transcript it is
    ("Transcript by The Hon Jane Doe MP", "TRANSCRIPT OF THE PRIME MINISTER THE HON JANE DOE MP"):
    hers, the office as the role. ``top``: the file's header lines and its first paragraphs."""
    office = _office_only(found)
    if office is None:
        return None
    m = _TRANSCRIPT_OF.search(top) or _TRANSCRIPT_OF_OFFICE.search(top)
    if m is None:
        listed = _LISTED_NAME.search(top)  # an archive's header: "Doe, Jane" for the transcript's speaker
        if listed is None or is_place(fold(listed.group("surname"))) or is_place(fold(listed.group("given"))):
            return None
        return (f"{listed.group('given')} {listed.group('surname')}", office) \
            if plausible_person([listed.group("given"), listed.group("surname")]) else None
    name = m.group("name") if not m.group("name").isupper() else m.group("name").title()
    return (name, office) if plausible_person(name.split()) else None


def _addressed_office(found: tuple[str, str | None], label: str, turns, paragraphs, actors: Actors) -> tuple[str, str] | None:
    """An office label with no name ("TREASURER:") is the person the questions before its turns
    address by name ("Mr Doe, how significant …?"): that name (in full where the text gives it),
    the office as the role. None when the label names someone, or no question addresses anyone."""
    office = _office_only(found)
    if office is None:
        return None
    for turn in turns:
        if turn.label != label or turn.paragraph == 0:
            continue
        k = turn.paragraph - 1
        if k > 0 and turn.start == 0 and paragraphs[k].rstrip().endswith(":") and len(paragraphs[k]) <= 60:
            k -= 1  # the label on a line of its own: the question is the paragraph before it
        m = _VOCATIVE.search(paragraphs[k][-MAX_HEADING_CHARS:])
        surname = m and (m.group("a") or m.group("b"))
        if surname and not is_title(surname) and fold(surname) not in NOT_NAMES and plausible_person([surname]):
            r = actors.resolve(Subject("name", [surname], None, 0))
            return (r[0] if r is not None and r[2] == "person" else surname), office
    return None


def _given_name_back(title: list[str], name: list[str], text: str) -> tuple[list[str], list[str]]:
    """A long label's title keeps the given name when a remit ends it: "ASSISTANT TO THE
    SECRETARY OF DEFENSE JANE ANN ROE" splits as "… of Defense Jane" and "Ann Roe". The word is
    the given name when the text writes the name elsewhere with the middle one as an initial
    ("Jane A. Roe"), which no remit word before a two-word name has."""
    if len(name) != 2 or len(title) < 3 or is_title(title[-1]) or not plausible_person([title[-1]]):
        return title, name
    if re.search(r"\b%s\s+%s\.?\s+%s\b" % (re.escape(title[-1]), re.escape(name[0][0]), re.escape(name[1])),
                 text[:HEADER_CHARS], re.I) is None:
        return title, name
    return title[:-1], [title[-1], *name]


def _as_written(word: str, text: str) -> str:
    """A word of a label in capitals as the text writes it elsewhere in mixed case ("Mccormack",
    title-cased from "MCCORMACK", is the "McCormack" of "Sean McCormack, Spokesman"), else as given."""
    if len(word) < 4 or not word.isalpha():
        return word
    m = re.search(r"\b%s\b" % re.escape(word), text[:200_000], re.I)
    while m is not None and (m.group(0).isupper() or m.group(0) == word):
        m = re.compile(r"\b%s\b" % re.escape(word), re.I).search(text, m.end(), min(len(text), 200_000))
    return m.group(0) if m is not None and m.group(0)[:1].isupper() else word


def _initials_of(label: str, actors: Actors) -> tuple[str, str | None] | None:
    """(name, role) of the one person the text names whose name's initials are the label's
    letters ("TAG" -> Tedros Adhanom Ghebreyesus), else None."""
    held = [p for p in actors.people if "".join(w[0] for w in p.name.replace("-", " ").split()
                                                if w[:1].isupper()) == label]
    return (held[0].name, held[0].role) if len(held) == 1 else None


_OUTLET_AFTER_NAME = re.compile(r"\s*(?:,|\bfrom\b|\bwith\b)\s+(?:the\s+)?((?:[A-Z][\w&.’'-]*\s+){0,5}[A-Z][\w&’'-]*)\s*[.,]")
_GREETING_LEAD = re.compile(GREETED + r"(?:(?:I am|I[’']m|This is|It[’']s)\s+)?")


OUTLET_CHARS = 1000  # how far into a turn a questioner's name and outlet are looked for


def _turn_openings(turn, paragraphs, goes_on) -> list[str]:
    """The first words of a turn and of the paragraph that goes on with it, where a speaker says
    who she is; a bracketed note before them ("(Question in Hindi: translation)") left out."""
    out = [paragraphs[turn.paragraph][turn.start:][:OUTLET_CHARS]]
    if turn.paragraph + 1 in goes_on:
        out.append(paragraphs[turn.paragraph + 1][:OUTLET_CHARS])
    return [re.sub(r"^\s*\([^()]{0,80}\)\s*", "", t) for t in out]


def _names_outlet(speaker: str, turn: str) -> bool:
    """Whether a turn opens with its speaker giving her name and her outlet, as a questioner
    does at a briefing ("Sir, Jane Roe from the Gazette.", "Jane Roe, KTV."): the label is a
    reporter's. An office after the name ("Jane Roe, Treasurer.") is no outlet."""
    at = _GREETING_LEAD.match(turn).end()
    words = speaker.split()
    for form in dict.fromkeys((speaker, words[0], words[-1])):
        starts = [at] if turn.startswith(form, at) else []
        if form == speaker and len(words) >= 2:
            # the name in full after a sentence's end: "… (Question in Hindi: translation) Jane Roe from KTV."
            starts += [m.end() - len(form) for m in re.finditer(r"[.?!)]\s+" + re.escape(form), turn)]
        for start in starts:
            if (m := _OUTLET_AFTER_NAME.match(turn, start + len(form))) is not None:
                outlet = m.group(1).split()
                # (a government body is the briefer's own: "This is Jane Roe from the Harbour Office.")
                return not any(is_title(w) or fold(w) in ROLE_NOUNS or fold(w) in ORG_NOUNS_LOWER for w in outlet)
    return False


def _one_person(a: str, b: str) -> bool:
    """Two written forms of one person's name: the same surname (a generational suffix aside)
    and the same given name ("John Doe III", "John Q. Doe"); not the same form twice."""
    x, y = ([w for w in n.split() if w not in NAME_SUFFIXES] for n in (a, b))
    return a != b and len(x) >= 2 and len(y) >= 2 and x[-1] == y[-1] and x[0] == y[0]


def _label_speaker(label: str, whole: str, actors: Actors, title: str = "",
                   header: str = "") -> tuple[str, str | None] | None:
    """Who a transcript label names: "MR. HALLORAN" is the Sean Halloran written in full elsewhere
    (else "Halloran"); "Jane Doe" is Jane Doe; "THE PRESIDENT" is the president named elsewhere,
    else "The President" as written. A question from the floor ("Q", "QUESTION") is
    cues.REPORTER's: the questioner is not named."""
    heading = title
    journalist = _INTERVIEWER.search(title) or _INTERVIEWED_BY.search(title)
    if fold(label) in QUESTION_LABELS:
        if fold(label) == "journalist" and not journalist:
            named = _interviewing(title, whole)
            if named is not None:
                return named, None  # "Interview with Jane Roe" on the interviewee's own page: she asks
            return "a journalist", None  # "JOURNALIST:", as the transcript calls the questioner
        if journalist:  # an interview's questions: the journalist the heading names
            sub = name_after(tokens(journalist.group(1)), 0, journalist.group(1))
            if sub is not None and sub.kind == "name" and plausible_person(sub.words) and not is_title(sub.words[0]):
                return sub.raw, None
        return REPORTER, None
    if 2 <= len(label) <= 4 and label.isalpha() and label.isupper() and (held := _initials_of(label, actors)) is not None:
        return held  # "TAG": the one person the text names whose initials these are
    if label == "A":  # an interview's answers: the one the heading says was interviewed (or briefed), else no one known
        m = None if journalist else _INTERVIEWEE.search(title) or _BRIEFER.search(title)
        who = (m.group(1) or m.group(m.lastindex)) if m else None
        sub = name_after(tokens(who), 0, who) if who else None
        r = actors.resolve(sub) if sub is not None and sub.kind == "name" else None
        return (r[0], r[1]) if r is not None and r[2] == "person" else None
    words = _title_cased(label.replace(".", ". ")).split()  # "SECRETARY OF STATE" -> "Secretary of State", "PM"
    if label.isupper():  # "MR. MCCORMACK": the name as the text writes it ("McCormack"), not "Mccormack"
        words = [_as_written(w, whole) if w[:1].isupper() and not is_title(w) else w for w in words]
    title, name = split_title([w for w in words if w])
    if len(name) >= 2 and not title and re.fullmatch(r"[A-Z][a-z]{2,4}\.", name[0]) and not is_honorific(name[0]):
        title, name = name[:1], name[1:]  # "USEC. DOE": an office's abbreviation, as a title, then her surname
    title, name = _given_name_back(title, name, header + "\n" + whole)
    if not name and len(title) >= 3 and not is_title(title[-1]) and fold(title[-2]) not in CONNECTORS \
            and _full_name_titled(title[-1], whole) is not None:
        # "SECRETARY OF DEFENSE DOE": an office of several words, then the surname of the one
        # the text names in full ("… Secretary of Defense John Q. Doe"); a name is read as two words
        title, name = title[:-1], title[-1:]
    if not name and len(words) == 2 and fold(words[1]) in SURNAME_TITLES and not is_title(words[0]):
        title, name = [], words  # "JULIE BISHOP:": a title word that is her surname
    name = [w for w in name if w.rstrip(".")]
    if not name and title:  # "Mr. Secretary", handed the floor: the one person holding that title
        r = actors.resolve(Subject("name", title, None, 0))
        if r is not None and r[1] and fold(r[1]).startswith(fold(title[-1])):
            return r[0], r[1]
        headed = _titled_in_heading(" ".join(w for w in title if fold(w) != "the"), heading)
        if headed is not None:
            return headed  # "Mr. Secretary" under a heading "… with Secretary of Defense Doe"
        if r is not None and r[1]:
            return r[0], r[1]
        if fold(words[0]) == "the" and len(words) > 1 or all(is_title(w) for w in words):
            return " ".join(words), None  # "THE PRESIDENT", "PRIME MINISTER": the office, as written
        return None
    if not name or not plausible_person(name) and not (len(name) == 1 and name[0][:1].isupper()):
        # "SENIOR ADMINISTRATION OFFICIAL": a speaker the transcript does not name, as written
        last = words[-2] if len(words) >= 2 and words[-1].isdigit() else words[-1]  # "Senior Defense Official 1"
        return (" ".join(words), None) if fold(last) in ROLE_NOUNS and len(words) <= 5 else None
    p = actors.person(name)
    top = header + "\n" + "\n".join(whole.split("\n")[:TOP_LINES])  # (the text's own top lines too)
    if p is not None:
        return p.name, p.role or title_role(title) or (_presenter(name[-1], top) or (None, None))[1]
    if len(name) == 1 and (shown := _presenter(name[0], top)) is not None:
        return shown  # "MR PRICE:" under a header line "Ned Price, Department Spokesperson"
    if len(name) == 1:
        full = _full_name_titled(name[0], whole)
        if full is not None:
            given = full[1] if full[1] and all(fold(w) in fold(full[1]) for w in title) else None
            return full[0], given or title_role(title)  # "SECRETARY DOE" after "Secretary of State Jane Doe"
    listed = (_presenter(name[-1], top) or (None, None))[1] if not title else None  # "Jane Doe – Governor, Harbour Bank"
    if not title:  # "JANE DOE" under a heading "Briefing by Spokesperson Jane Q. Doe": her fuller name and role
        full = _full_name_titled(name[-1], whole)
        if full is not None and full[0].split()[0] == name[0]:
            return full[0], full[1] or listed
    return " ".join(name), title_role(title) or listed


# "MODERATOR: Good morning. I'm Jane Roe, and welcome to …": a role label whose speaker names
# herself in the turn's first sentences.
_SELF_INTRO = re.compile(r"\b" + SELF_INTRO + r"\s+(?:(?:the|your)\s+(?P<role>[a-z][\w ’'-]{1,40}?),\s+)?"
                         r"((?:[A-Z][\w.’'-]*\s+){1,3}[A-Z][\w’'-]+)")  # "I’m the director, Jane Roe." too
_SELF_OFFICE = re.compile(r"\bI(?: am|[’']m) (?:the |a |an )((?:[A-Z][\w’'-]*)(?: (?:[A-Z][\w’'-]*|of|for|and|the)){0,10}"
                          r"(?<! of)(?<! for)(?<! and)(?<! the))")
SELF_INTRO_CHARS = 240  # how far into a role label's first turn its speaker names herself


def _introduced_self(label_speaker: str, turn: str) -> tuple[str, str] | None:
    """(her name, the label as her role) for a role label ("Moderator", "Operator") whose
    first turn says who speaks ("I'm Jane Roe"); None for a label that names a person."""
    words = label_speaker.split()
    if not words or fold(words[-1]) not in ROLE_NOUNS and fold(words[-1]) not in LABEL_ROLES or len(words) > 4:
        return None
    m = _SELF_INTRO.search(turn)
    if m is None:
        return None
    name = []
    for w in m.group(2).split():
        if w.endswith(".") and len(w) > 2:
            name.append(w.rstrip("."))
            break  # "I’m the director, Jane Roe.  Today’s briefing …": her sentence ends with her name
        name.append(w)
    if not plausible_person(name):
        return None
    office = _SELF_OFFICE.search(turn)  # "… I am the Deputy Director of Press Operations"
    return " ".join(name), office.group(1) if office else m.group("role") or label_speaker


_STATEMENT_OF = re.compile(r"\b(?:statement|remarks|message|readout)s?\s+(?:from|by|of)\s+(?=[A-Z])")


def _statement_of(line: str, actors: Actors) -> tuple[str, str | None] | None:
    """The person a hand-over line gives the statement of ("… issued the following statement
    from Attorney General Jane Doe:"), rather than the body that issued it; None otherwise."""
    m = _STATEMENT_OF.search(line)
    if m is None and (own := remarks_owner(line)) is not None and own.possessive:
        # "Following are Secretary-General Jane Doe’s remarks …:"; "… the Secretary-General’s message …:"
        # (an office alone: its one holder the text names, else the office)
        who = own.who
        named = _person_named(who, actors)
        if named is None and (office := _office_named(who)) is not None:
            held = actors.resolve(Subject("name", office.split(), None, 0))
            named = (held[0], held[1] or office) if held is not None and held[2] == "person" and " " in held[0] \
                else (office, office)
        return named
    return _person_named(line[m.end():].rstrip(": "), actors) if m is not None else None


def _person_named(text: str, actors: Actors) -> tuple[str, str | None] | None:
    """(name, role) of the person text opens with ("Attorney General Jane Doe …"), else None."""
    sub = name_after(tokens(text), 0, text)
    r = actors.resolve(sub) if sub is not None and sub.kind == "name" else None
    return (r[0], r[1]) if r is not None and r[2] == "person" else None


def _last_body_before(paragraphs, pno: int, pos: int, actors: Actors) -> str | None:
    """The organisation written last before pos, in this paragraph or the one before."""
    best, best_at = None, (-1, -1)
    for k in (pno - 1, pno):
        if k < 1:
            continue
        text = paragraphs[k - 1][:pos] if k == pno else paragraphs[k - 1]
        for o in actors.organizations:
            for form in (o.name, o.acronym):
                at = text.rfind(form) if form else -1
                if at >= 0 and (k, at) > best_at:
                    best, best_at = actors.org_display(o.acronym) if o.acronym else o.name, (k, at)
    return best


_BODY_NOUN = re.compile(r"\b[Tt]he ((?:[a-z]+ ){0,2}(?:%s))\b" % "|".join(sorted(ORG_NOUNS_LOWER)))


def _body_noun_before(paragraphs, pno: int, pos: int) -> str | None:
    """"the ministry" written last before pos, in this paragraph or the one before: the issuer
    of "the statement" when the article names no organisation ("The ministry issued a statement.")."""
    for k, end in ((pno, pos), (pno - 1, None)):
        if k < 1:
            continue
        text = paragraphs[k - 1][:end][-2000:]
        found = [m.group(0) for m in _BODY_NOUN.finditer(text)]
        if found:
            return "the " + found[-1][4:]
    return None


# "Jane Doe has been appointed as the new Chair of the Board": the role an appointment gives.
_APPOINTED = re.compile(r"([A-Z][\w’'-]+)(?: has been| was| is| will be)? (?:appointed|named|elected|confirmed)"
                        r"(?: [a-z][\w -]{0,40}?)? as (?:the |its |a |an )?([^.,;:()]{3,80})")


_ROLE_TAIL = re.compile(r" (?:on|from|until|with effect|effective|in|at) ")


def appointed_roles(paragraphs) -> dict[str, str]:
    """Folded surname -> the role an appointment sentence gives ("Lord Jane Doe has been appointed
    by the Secretary of State as the new Chair of the Board" -> "new Chair of the Board")."""
    out: dict[str, str] = {}
    for text in paragraphs:
        if len(text) > 20_000 or " as " not in text:
            continue
        for m in _APPOINTED.finditer(text):
            role = _ROLE_TAIL.split(m.group(2), 1)[0].strip()  # "leader on Monday": the role ends at the time
            if role:
                out.setdefault(fold(m.group(1)), role)
        lead = _APPOSED_APPOINTMENT.search(text, 0, 600)
        if lead is not None:  # "Jane (Janie) Q. Doe, Ph.D., a veteran diplomat, was confirmed … as the ambassador."
            name = _FIRST_WORDS.findall(text[:text.find(",")])
            if 2 <= len(name) <= 6 and name[-1][:1].isupper():
                out.setdefault(fold(name[-1]), lead.group(1).strip())
    return out


# An appointment whose subject opens the paragraph with an appositive between it and the verb.
_APPOSED_APPOINTMENT = re.compile(r"^[A-Z][^,]{2,60},[^;:]{0,300}?, (?:has been|was|is|will be) (?:appointed|named|elected|"
                                  r"confirmed|sworn in)\b[^;:]{0,60}? as (?:the |its |a |an )?([^,;:()]{3,120}?)[.,;](?:\s|$)")


def _bare_title(role: str | None) -> str | None:
    """"The Attorney General" -> "Attorney General": a capitalised title needs no article (while "the
    company's chief executive" keeps it, as the article writes it); a transcript's "PM" is the
    Prime Minister."""
    if role and " " not in role and len(role) <= 3:
        return title_role([role])
    if role and role.startswith(("The ", "the ")):
        rest = role[4:]
        first = rest.split(" ", 1)[0]
        if is_title(first) and first[:1].isupper():
            return rest
    return role


MIN_OWN_PARAGRAPHS = 1  # paragraphs in the first person that make a post its titled author's own words


def _titled_author(author: str, paragraphs) -> tuple[str, str | None] | None:
    """(name, title) of a post's author given with a title or an honorific ("By Dr. Jane Doe",
    "By Secretary Jane Doe") who writes it in the first person ("I", "we" outside quotation
    marks): an official's blog post or article is hers from its first word, as a speech is. A reporter's byline carries no
    title, so a news story stays the reporter's account of what others said."""
    words = author.split()
    if len(words) < 3 or not (is_honorific(words[0]) or is_title(words[0])):
        return None
    title, name = split_title(words)
    name = [w for w in name if not is_honorific(w)]
    if len(name) < 2 or not plausible_person(name):
        return None
    own = sum(1 for p in paragraphs[:MAX_STATEMENT_PARAGRAPHS] if _first_person_text(_strip_quoted(p)))
    return (" ".join(name), title_role(title) or None) if own >= MIN_OWN_PARAGRAPHS else None


def _strip_quoted(text: str) -> str:
    """The paragraph without what it quotes (the spans stage's quotations): the writer's own words."""
    out, at = [], 0
    for span in quote_spans(text):
        out.append(text[at:span.start])
        at = span.end
    return " ".join(out + [text[at:]])


def _consistent(quotes: list[Quotation], actors: Actors, paragraphs=(), header: str = "") -> list[Quotation]:
    """One name and one role per speaker, as the article first gives them: a speaker named by
    one word ("Isla") that is a word of exactly one speaker's full name takes that name, and
    a quote without a role takes the role its speaker has elsewhere (in another quote, in
    who-is-who, or in the file's header: "Hon Jane Doe" over "Minister for Ports", the release's
    issuer, whom the text then calls "Ms Doe")."""
    full: dict[str, set[str]] = {}
    for name in [q.speaker for q in quotes] + [p.name for p in actors.people]:
        if " " in name and name != REPORTER:
            for w in name.split():
                full.setdefault(fold(w), set()).add(name)
    roles: dict[str, str] = {}
    named = []
    for q in quotes:
        name = q.speaker
        if " " not in name and len(full.get(fold(name), ())) == 1:
            name = next(iter(full[fold(name)]))
        named.append((q, name))
        if q.role and name not in roles:
            roles[name] = q.role
    out = []
    appointed = None
    for q, name in named:
        fuller = roles.get(name)  # "Secretary" at one label, "Secretary of Ports" at the first: the fuller
        role = _bare_title(fuller if q.role is None or fuller and len(fuller) > len(q.role)
                           and fold(q.role) in fold(fuller) else q.role)
        if role is None and " " in name:
            p = actors.person(name.split())
            role = p.role if p is not None and p.name == name else None
        if role is None and name != REPORTER:
            if appointed is None:
                appointed = appointed_roles(paragraphs)
            role = appointed.get(fold(name.split()[-1]))
        if role is None and name != REPORTER and header and (shown := _presenter(name.split()[-1], header)) is not None:
            role = shown[1]
            if len(name.split()) == 1 or len(name.split()) == 2 and is_honorific(name.split()[0]):
                name = " ".join(w for w in shown[0].split() if not is_honorific(w))  # "Ms Doe" is "Jane Doe"
        if role is None and name != REPORTER and name[:1].isupper() and not split_title(name.split())[1] \
                and is_title(name.split()[-1]) and not (fold(name.split()[-1]) in SURNAME_TITLES and len(name.split()) >= 2
                                                         and not is_title(name.split()[-2])):  # (not "Julie Bishop")
            # "High Commissioner" speaks as one: the office is her role (the briefing does not
            # print a role that repeats the name, compose.select.shown_role)
            role = _bare_title(name.removeprefix("The "))
        out.append(q if (name, role) == (q.speaker, q.role) else
                   Quotation(text=q.text, speaker=name, role=role, paragraph=q.paragraph))
    return out


MAX_PARAGRAPHS_BACK = 3  # how far back "he said" looks for a person named, past paragraphs that name no one


def _pronoun_candidates(text, qs, pno, paragraphs, subjects, para_speaker, last_speaker, quotes, actors, spoke):
    """Everyone "he"/"she"/"they" may stand for, for the scorer: each sentence's subject before
    the quote, this paragraph's earlier speaker, the last person named here or in the paragraph
    before (when it quotes no one; or the nearest before it that names someone, as in "Jane Doe
    arrived." / "The envoy spoke of the camps." / "“…,” she said"), and the last speaker."""
    for pos, name, role in subjects:
        if pos < qs:
            p = actors.person([name])
            yield Candidate(name, (p.role if p else None) or role, "subject", qs - pos, True)
    if para_speaker is not None:
        at = _pos_of(quotes, para_speaker, text, qs)
        yield Candidate(para_speaker[0], para_speaker[1], "speaker", qs - at if at >= 0 else qs, True)
    near = _last_person_before(text, qs, actors, spoke)
    if near is not None:
        yield Candidate(near[0], near[1], "mention", qs + _listener(near), True)
    for up in range(1, MAX_PARAGRAPHS_BACK + 1):  # the nearest paragraph before that names someone
        k = pno - 1 - up
        if k < 0 or quote_spans(paragraphs[k]):
            break
        named = _people_before(paragraphs[k], len(paragraphs[k]), actors, spoke)
        for back, earlier in enumerate(reversed(named)):  # the last named first; the others further back
            yield Candidate(earlier[0], earlier[1], "earlier_mention",
                            qs + 100 * up + 100 * back + _listener(earlier), False)
        if named:
            break
    if last_speaker is not None:
        yield Candidate(last_speaker[0], last_speaker[1], "last_speaker", qs + 200, False)
    if len(actors.people) == 1:  # "In the foreword she writes:", five paragraphs after she was named
        only = actors.people[0]
        yield Candidate(only.name, only.role, "only_person", qs + FAR, False)


def _listener(person: tuple[str, str | None]) -> int:
    """Distance added to a person named as the one who asked ("reporter Jane Roe"): a pronoun
    after "X spoke to reporter Jane Roe" is X's, and the reporter is the last choice."""
    role = person[1]
    return FAR if role and fold(role.split()[-1]) in LISTENER_ROLES else 0


def _heading_speaker(line: str, pno: int, actors: Actors, resolve) -> tuple[str, str | None] | None:
    """Who a heading that introduces the quotation under it names ("Quotes attributable to Jane
    Doe", "Minister Jane Doe said:"), read as an introducing line is."""
    line = line.rstrip().rstrip(":") + ":"
    found = _before(line, len(line) + 1, 0, actors, lead=True)
    return resolve(found[0], found[1], line, len(line), pno, [(0, len(line))], None) \
        if found is not None and found[0] is not None else None


MAX_TURN_QUOTES = 10  # quotations of others read in one transcript turn


def _quoted_in_turn(text: str, pno: int, start: int, turn_speaker, sents, actors: Actors, resolve) -> list[Quotation]:
    """Words a transcript turn quotes of someone else, with their own cue: "in that speech he
    said, “…”", "As the President states in his proclamation: “…”". The turn is its speaker's
    quotation; these, inside it, are the other person's (never the turn speaker's own "I said")."""
    out: list[Quotation] = []
    for qs, qe, closed in quote_spans(text):
        if len(out) >= MAX_TURN_QUOTES:
            break
        if qs < start or not closed:
            continue
        s, e = _trim(text, qs, qe)
        body = text[s:e]
        if len(body.split()) < 4 or _not_speech(text, qs, qe, body) is not None:
            continue
        found = _after(text, qe, closed, actors)
        if found is None or found[0] is None:
            found = _before(text, qs, next((a for a, b in sents if a <= qs - 1 < b), 0), actors)
        if found is None or found == _HYPOTHETICAL or found[0] is None or (
                found[0].kind == "pronoun" and fold(found[0].words[0]) in ("i", "we")):
            continue
        who = resolve(found, qs)
        if who is not None and who[0] not in (REPORTER, turn_speaker[0]):
            out.append(Quotation(text=body, speaker=who[0], role=who[1], paragraph=pno))
    return out


def _pos_of(quotes: list[Quotation], speaker, text: str, before: int) -> int:
    """Where the paragraph's last quote by this speaker ends (for pronoun recency)."""
    for q in reversed(quotes):
        if q.speaker == speaker[0]:
            k = text.rfind(q.text, 0, before)
            return k + len(q.text) if k >= 0 else -1
    return -1


__all__ = ["extract", "quote_spans", "Tok"]
