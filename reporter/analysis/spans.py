"""Stage 1 of attribution: where the quoted passages are.

Two kinds of span, both verbatim slices of a paragraph:
- marked: between quotation marks. The pairs are data (``PAIRS``): curly and straight double
  marks, guillemets both ways round, German „…“, CJK 「」 and 『』, and single marks ‘…’ / '…'
  where they pair up as a quotation rather than as apostrophes. A missing closing mark ends
  the quote at the paragraph end, as a quote running on into the next paragraph does.
- introduced: the press-release layout, where a line of its own ("Minister Jane Doe said:")
  is followed by one or more paragraphs without quotation marks, each a quotation of the
  person introduced, until the next introducing line or a clearly narrative paragraph. A line
  that hands over a whole statement ("The following is attributable to …:", "Jane Doe provided
  the following readout:", even joined to its first paragraph) introduces third-person
  paragraphs too, up to boilerplate, a subheading, a web address or the next item's heading.
- turns: a transcript's labelled paragraphs ("MR. DOE:", "Press Secretary Jane Doe:", an
  interview's "Voss:" / "Interviewer:", "Q:" / "A:").
A straight-quoted title inside a straight-quoted quotation ("We read the "Blue Book" daily.")
does not end it.

One linear scan per paragraph; nothing here backtracks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .cues import (ARTICLES, FIRST_PERSON, REPORTING_VERBS, STATEMENT_TITLES, FRAMING_VERBS, POSSESSIVE_PRONOUNS, FLOOR_NOT_NAMES, FLOOR_OPENERS, HANDOVERS, MAX_FLOOR_WORDS, INTRO_PARTICIPLES, NARRATIVE_STARTS, QUESTION_LABELS, REPORT_VERBS, ROLE_NOUNS, SPOKESPEOPLE, STATEMENT_FRAMES,
                   STATEMENT_NOUNS, STATEMENT_VERBS, TRANSCRIPT_HEADINGS, FLOOR_HEADINGS, LABEL_ROLES, is_speech_verb)
from .mentions import is_title, plausible_person
from .places import is_place
from .text import NOT_NAMES, ORG_WORDS, fold, sentence_spans

MAX_QUOTES_PER_PARAGRAPH = 200


class QuoteSpan(NamedTuple):
    start: int  # after the opening mark
    end: int  # at the closing mark (or the paragraph end)
    closed: bool


# Opening mark -> the marks that close it. A closing mark of another pair inside a quote is text.
PAIRS: dict[str, str] = {"“": "”\"", "«": "»", "»": "«", "„": "“”", "‹": "›", "「": "」", "『": "』", '"': '"”'}
_RESTART = "“„«"  # an opening mark of these while a quote is open: the open one lost its closing mark
OPENERS = "".join(PAIRS)
_MARKS = re.compile("[" + re.escape("".join(set(OPENERS + "".join(PAIRS.values())))) + "]")


@lru_cache(maxsize=256)
def quote_spans(text: str) -> tuple[QuoteSpan, ...]:
    """Each quoted passage of a paragraph, in order.

    Double marks first; single marks (British style, 'like this') where they pair up outside
    them. A single-quoted passage that holds a double-quoted one replaces it (British nesting)."""
    double = _double_spans(text)
    if "'" not in text and "‘" not in text:
        return double
    single = _single_spans(text)
    if not single:
        return double
    out = [d for d in double if not any(s <= d.start and d.end <= e for s, e, _ in single)]
    out += [sp for sp in single if not any(d.start - 1 <= sp.end and sp.start <= d.end + 1 for d in out)]
    out.sort()
    return tuple(out[:MAX_QUOTES_PER_PARAGRAPH])


MIN_OPENLESS_CHARS = 30  # a quotation with no opening mark before its closing one is a sentence, not a word


def _double_spans(text: str) -> tuple[QuoteSpan, ...]:
    spans: list[QuoteSpan] = []
    start, closers = -1, ""
    nested = False  # a straight-quoted title inside a quote: "We read the "Blue Book" daily."
    for m in _MARKS.finditer(text):
        i, c = m.start(), m.group()
        if c == '"' and start >= 0 and '"' in closers:
            if nested:
                nested = False
                continue
            if i and text[i - 1] in " (" and i + 1 < len(text) and text[i + 1].isalnum() and text.find('"', i + 1) >= 0:
                nested = True
                continue
        if start < 0:
            if c in "”\"" and not spans and i >= MIN_OPENLESS_CHARS and text[i - 1] in ",.!?" \
                    and not _MARKS.search(text, 0, i):
                # "… our coastal communities,” said Jane Doe": a copy that lost the opening mark
                # (or a quote running on from the paragraph before) opens at the paragraph's start;
                # a straight mark right after a sentence's end closes one too: none opens there
                spans.append(QuoteSpan(0, i, True))
                continue
            if c == '"' and i and text[i - 1].isalnum():
                continue  # 5'11", a stray inch mark
            if c == "»" and i + 1 < len(text) and not text[i + 1].isalnum():
                continue  # a closing guillemet with no quote open
            if c in PAIRS and c not in "”":
                start, closers = i + 1, PAIRS[c]
        elif c in closers:
            spans.append(QuoteSpan(start, i, True))
            start, nested = -1, False
        elif c in _RESTART:
            # A new opening mark of the same family: the previous quote lost its closing mark.
            spans.append(QuoteSpan(start, i, False))
            start, closers = i + 1, PAIRS[c]
        if len(spans) >= MAX_QUOTES_PER_PARAGRAPH:
            return tuple(spans)
    if start >= 0:
        said = _open_until_said(text, start)
        spans.append(QuoteSpan(start, said, True) if said is not None else QuoteSpan(start, len(text), False))
    return tuple(spans)


MAX_SAID_TAIL_WORDS = 16  # "…, says Harbour Authority Environmental Manager Jane Doe.": who, and where


def _open_until_said(text: str, start: int) -> int | None:
    """Where a quotation left open ends when the paragraph closes on its attribution: "“We are
    obliged to act, says Jane Doe." lost its closing mark before the comma; None otherwise."""
    if len(text) - start > 5000:
        return None
    m = None
    for m in _COMMA_SAID.finditer(text, start):
        pass
    if m is None or len(text[m.end():].split()) > MAX_SAID_TAIL_WORDS or not text.rstrip().endswith("."):
        return None
    return m.start()


_SINGLE = re.compile(r"[‘’']")
_OPEN_BEFORE = frozenset(" \t\n([—–-/:\"“")


def _single_spans(text: str) -> list[QuoteSpan]:
    """Closed 'single-quoted' passages of two words or more; apostrophes (don't, the report's,
    the councils' income, '90s) are told apart by the characters around them."""
    spans: list[QuoteSpan] = []
    start = -1
    n = len(text)
    for m in _SINGLE.finditer(text):
        i, c = m.start(), m.group()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if start < 0:
            if c in "‘'" and prev in _OPEN_BEFORE and nxt.isalpha():
                start = i + 1
            elif c == "’" and not spans and prev in ",.!?" and nxt == " " and i >= MIN_OPENLESS_CHARS \
                    and not _SINGLE.search(text, 0, i):
                spans.append(QuoteSpan(0, i, True))  # "… in food safety,’ said Jane Doe": the opening mark lost
            continue
        if c in "’'" and not prev.isspace() and not nxt.isalnum():
            if prev in "sS" and nxt == " " and text[i + 2:i + 3].islower():
                word = text[i + 2:i + 14].split(" ", 1)[0].strip(",.;:")
                if not (is_speech_verb(word) or word in FIRST_PERSON or word in ("he", "she", "they")):
                    continue  # "the councils' income": a plural possessive
            if " " in text[start:i].strip():
                spans.append(QuoteSpan(start, i, True))
            start = -1
            if len(spans) >= MAX_QUOTES_PER_PARAGRAPH:
                break
        elif c == "‘" and prev in _OPEN_BEFORE and nxt.isalpha():
            start = i + 1  # an opening mark before any close: the earlier one was an apostrophe
    if start == 1 and text[0] == "‘" and not spans:
        spans.append(QuoteSpan(1, n, False))  # a paragraph of a quote that runs on into the next
    elif start >= 3 and text[start - 3:start - 1] == ": " and not spans and text.rstrip()[-1:] in ".!?":
        spans.append(QuoteSpan(start, n, False))  # "Jane Doe said: ‘Over the next years …." runs on too
    return spans


# --------------------------------------------------------------------------
# Introduced paragraphs: "Minister Jane Doe said:" then paragraphs without marks

MAX_INTRO_CHARS = 400  # an introducing line is short; a long paragraph ending in ":" is narrative
MAX_BLOCK = 12  # paragraphs one introducing line can hold


class Introduced(NamedTuple):
    intro: int  # 0-based index of the introducing paragraph
    quoted: tuple[int, ...]  # 0-based indexes of the paragraphs it introduces
    inline: int = 0  # where the statement starts inside the introducing paragraph itself (0: it does not)


MAX_INLINE_LEAD = 250  # characters of a hand-over that the statement follows in the same paragraph


def inline_lead(text: str) -> int:
    """Where a statement starts after a hand-over written in the same paragraph ("The following is
    attributable to Spokesperson Jane Doe: The Minister met …"), else 0. Only a hand-over (not any
    "X said:") is read so: after "X said:" unmarked words are a paraphrase as often as speech."""
    colon = text.find(":", 0, MAX_INLINE_LEAD)
    if colon < 0 or len(text) > 5000 or _has_marks(text):
        return 0
    rest = text[colon + 1:].strip()
    if len(rest.split()) < 4 or not rest[:1].isupper():
        return 0
    return colon + 1 if _hands_over(_WORD.findall(text[:colon])) else 0


_WORD = re.compile(r"[\w’']+")


def is_introducing_line(text: str) -> bool:
    """A short paragraph ending in a colon whose last clause has a speech verb: "Jane Doe said:",
    "The minister, who asked not to be named, said:", "Commenting on the figures, Dr Khan added:"."""
    t = text.rstrip()
    if len(t) <= MAX_INTRO_CHARS and ATTRIBUTABLE_LINE.match(t) and not _has_marks(t):
        return True  # "Quotes attributable to Minister for Sport, Jane Doe", a heading with no colon
    if t.endswith(".") and len(t) <= MAX_INTRO_CHARS and not _has_marks(t) and FOLLOWING_STATEMENT.search(t):
        return True  # "Jane Doe, Minister for Ports, made the following statement on today's report."
    if not t.endswith(":") or len(t) > MAX_INTRO_CHARS or _has_marks(t):
        return False
    if _FRAME_LINE.search(t):
        return True  # "In his words:", "… and as Jane Doe herself described it:"
    if t.lower().startswith(STATEMENT_TITLES) or (own := remarks_owner(t)) is not None and own.possessive:
        return True  # "Statement by the Secretary of State, the Rt Hon Jane Doe MP:", "Following are Jane Doe’s remarks …:"
    words = _WORD.findall(t[-160:])
    if words and (words[-1] in _LAST_WORD_VERBS or words[-2:] == ["points", "out"]):
        return True  # "On Twitter, Jane Doe agrees:", "A blogger points out:"
    return any(is_speech_verb(w) and w not in _FINDING_VERBS or w in INTRO_PARTICIPLES for w in words[-6:]) \
        or _hands_over(_WORD.findall(t)) or _said_where(words) or _STATEMENT_BELOW.search(t) is not None


# Openings that take up the paragraph before, as a speech goes on without a first-person word.
_TAKES_UP = ("That ", "This ", "These ", "Those ", "As well as ", "And ", "But ", "So ", "Also, ", "It is ", "It will ",
             "It means ")
# Verbs that introduce what follows only as a line's last word ("Jane Doe agrees:"), not elsewhere
# ("the council agrees to the plan"): a round-up of others' posts and comments.
_LAST_WORD_VERBS = frozenset("agrees agreed tweets tweeted posts posted blogs blogged asks".split())
_FRAME_LINE = re.compile(rf"(?:\b[Ii]n (?:{'|'.join(sorted(POSSESSIVE_PRONOUNS))}) (?:own )?words|\b[Aa]s (?:[A-Z][\w’'.-]*\s){{1,4}}"
                         rf"(?:himself\s|herself\s|themselves\s)?(?:{'|'.join(sorted(FRAMING_VERBS))}) it)\s*:$")
# "Quotes attributable to Minister Jane Doe", "The following statement may be attributed to Jane
# Doe, …": the match ends where the one it names begins.
ATTRIBUTABLE_LINE = re.compile(r"(?:(?i:the\s+)?(?i:following)\s+(?i:statement|remarks|comments)\s+(?:may\s+|can\s+|should\s+)?(?:be\s+)?"
                               r"|(?i:quotes?|quotations?|comments?|remarks?)\s+)(?:are\s+|is\s+)?(?i:attributable|attributed)\s+to\s+(?=[A-Z])")
FOLLOWING_STATEMENT = re.compile(rf"\b(?:{'|'.join(sorted(STATEMENT_VERBS))}) the following "
                                 rf"(?:{'|'.join(sorted(STATEMENT_NOUNS))})(?=(?:\s+(?:today|yesterday|tonight))?(?:\s+(?:on|about|regarding|"
                                 rf"concerning|to|at|in|after|following|ahead)\b|\s*[.:]$))", re.IGNORECASE)  # not "… statement data on …"
# A line that says whose words the text below is, in either form: possessive ("Following are
# Secretary-General Jane Doe’s remarks at the opening …:", "The following is the text of the
# Minister’s message to the conference:") or with "of"/"by" ("These are the prepared remarks of
# Executive Director Jane Doe at today's briefing", "This is the near-verbatim transcript of today’s
# noon briefing by Jane Doe"). One reader, remarks_owner, for the statement's hand-over and the
# speech's head.
_REMARKS_OWN = re.compile(r"(?:The )?[Ff]ollowing (?:is|are) (?:the )?(?:(?:full |complete )?(?:text|transcript) of )?(?:the )?"
                          r"(?P<who>[A-Z][^:’']{1,120}?)[’']s? (?:(?:opening|closing|keynote|prepared|video|written|"
                          r"introductory) )?(?P<kind>remarks|statement|message|address|speech|comments|briefing|"
                          r"press conference|news conference|press encounter|press briefing)\b")
_REMARKS_OF = re.compile(r"\b(?:[Tt]hese|[Tt]his|[Ff]ollowing|[Bb]elow) (?:are|is) (?:the |a )?(?:(?:prepared|full|complete|"
                         r"near-verbatim|verbatim) )?(?:(?:text|transcript) of (?:the |today[’']s )?)?(?:noon |daily |press )?"
                         r"(?P<kind>remarks|speech|statement|address|opening statement|briefing|press conference) (?:of|by) (?=[A-Z])")
# "Partial transcript of press conference remarks by Lt. Jane Doe on …:": a record's line saying
# what it holds and whose words.
_TRANSCRIPT_OF = re.compile(r"(?:(?:[Pp]artial|[Ff]ull|[Cc]omplete|[Ee]dited|[Uu]nofficial) )?(?:[Tt]ranscript|[Tt]ext) of "
                            r"(?:the )?(?:(?:press conference|news conference|media|briefing|opening|prepared) )?"
                            r"(?P<kind>remarks|statement|comments|briefing) (?:of|by) (?=[A-Z])")
MAX_OWNER_LINE = 260  # a head line may run on with its place and date


class RemarksOwner(NamedTuple):
    who: str  # the words that name whose remarks follow, and perhaps what follows them
    briefing: bool  # a briefing's: a spokesperson reports others' words too
    possessive: bool  # "Jane Doe’s remarks", the name ending where the possessive does


def remarks_owner(line: str) -> RemarksOwner | None:
    """Whose remarks a line near the top says the text below is (see _REMARKS_OWN), else None."""
    t = line.strip()[:MAX_OWNER_LINE]
    m = _REMARKS_OWN.match(t)
    if m is not None:
        return RemarksOwner(m.group("who"), "briefing" in m.group("kind"), True)
    m = _REMARKS_OF.search(t) or _TRANSCRIPT_OF.match(t)
    if m is not None:
        return RemarksOwner(t[m.end():], "briefing" in m.group("kind"), False)
    return None


_STATEMENT_BELOW = re.compile(rf"\b(?:{'|'.join(sorted(STATEMENT_VERBS))}) the "
                              rf"(?:(?:{'|'.join(sorted(STATEMENT_NOUNS))}) below|below (?:{'|'.join(sorted(STATEMENT_NOUNS))}))\b",
                              re.IGNORECASE)  # "… issued the statement below regarding …, …:"


_WHERE_WORDS = frozenset("at in on during after before following today yesterday when while".split())
MAX_WHERE_WORDS = 12  # "… said at today's Council of Ports Ministers:": where she said it, up to the colon


def _said_where(words: list[str]) -> bool:
    """The line's speech verb is followed only by where or when it was said ("Jane Doe said at
    today's meeting of ministers:")."""
    for k in range(len(words) - 2, max(-1, len(words) - 2 - MAX_WHERE_WORDS), -1):
        if is_speech_verb(words[k]) and words[k] not in _FINDING_VERBS:
            return words[k + 1] in _WHERE_WORDS
    return False


MAX_FRAME_WORDS = 20  # how far back from its colon a line's statement frame is read


def _hands_over(words: list[str]) -> bool:
    """The line frames a whole statement ("… is attributable to Spokesperson Jane Doe:", "Jane Doe
    provided the following readout:")."""
    low = [w.lower() for w in words[-10:]]
    wide = [w.lower() for w in words[-MAX_FRAME_WORDS:]]  # "The following statement was released by … to mark …:"
    every = [w.lower() for w in words]  # "… made the following remarks on the floor regarding the Act, the first …:"
    return any(tuple(wide[k:k + len(f)]) == f for f in STATEMENT_FRAMES for k in range(len(wide) - len(f) + 1)) or any(
        every[k] in STATEMENT_VERBS and every[k + 1:k + 3] == ["the", "following"]
        and any(w in STATEMENT_NOUNS for w in every[k + 3:k + 6]) for k in range(len(every) - 2)) or (
        bool(low) and (low[-1] == "statement" or low[-2:] in (["statement", "reads"], ["statement", "follows"]))
        and any(w.endswith(("’s", "'s")) for w in words[-6:]))  # "Jane Doe’s full statement:"


def _spokesperson_line(text: str) -> bool:
    """"A Downing Street spokesperson said:": who speaks for an office tells what it did in the
    third person ("The Prime Minister welcomed …"), so the whole statement is theirs, as after
    a readout's hand-over, not only its first-person paragraphs."""
    return not _has_marks(text) and any(w.lower() in SPOKESPEOPLE for w in _WORD.findall(text[-120:])[-8:])


# "The report found:" introduces findings (a list, a table), not speech.
_FINDING_VERBS = REPORT_VERBS - {"announced", "announces"}


def _has_marks(text: str) -> bool:
    """Quotation marks in the line, other than around a work's title ("In a post titled “…”,")."""
    return any(c in text for c in "“”«»„\"「」") and any(c in _TITLED.sub("", text) for c in "“”«»„\"「」")


# A work's title in marks after the word that names it: "a post titled “…”", "the report, entitled "…"".
_TITLED = re.compile(r"\b(?:titled|entitled|headlined|called|named)\s+[“\"«„][^“”\"«»„]{1,200}[”\"»“]")


def _narrative(text: str, first: bool, statement: bool = False) -> bool:
    """A paragraph after an introduced quotation that is the article's own voice again: it has a
    speech verb of its own outside quotes (it attributes something), starts like a heading or
    boilerplate, or (after the first paragraph) has no first- or second-person word. After a
    line that hands over a whole statement only a heading or boilerplate ends it."""
    stripped = text.strip()
    if not stripped or stripped.startswith(NARRATIVE_STARTS) or is_introducing_line(stripped):
        return True
    words = _WORD.findall(stripped[:2000])
    if len(words) <= 4 and not stripped.endswith((".", "!", "?")):
        return True  # a heading that ingest left in the body
    if statement:
        if len(words) <= 25 and not stripped.endswith((".", "!", "?", ":", ";", "”", "’", '"', "'", ")")):
            return True  # "Readout of the Minister's Call With …": the next item's heading
        # a statement ends at the page's furniture: a web address, or a line opening with a mark
        # that is no letter, digit or quotation mark ("/Public Release.", "© 2024 …", "| Share")
        return _WEB.search(stripped[:2000]) is not None or not (stripped[0].isalnum() or _has_marks(stripped[0])
                                                                 or stripped[0] in "‘'(")
    plain = _WORD.findall(_SO_CALLED.sub("", stripped[:2000]))
    if any(is_speech_verb(w) and not (k and plain[k - 1].lower() in ARTICLES) and (not first or w in REPORTING_VERBS)
           for k, w in enumerate(plain)) and not any(w in FIRST_PERSON for w in words):  # (not "an estimated 400,000 people")
        # "She added that the plan is ready." (the speaker's own "I" may say "the council answered
        # my letter"; right under "Jane Doe said:" only a reporting verb says the article speaks
        # again, not the speaker's "as the Chancellor underlines today")
        return True
    return not first and not _first_person(stripped)


_WEB = re.compile(r"https?://|\bwww\.")
_SO_CALLED = re.compile(r"\bso[- ]called\b", re.I)  # no speech: "a so-called de-escalation zone"


def _first_person(text: str) -> bool:
    return any(w in FIRST_PERSON for w in _WORD.findall(text[:2000]))


# "Secretary Jane Doe released the following statement on the vote." ends with a full stop, not
# a colon, yet hands over the paragraphs after it when each of them opens with a quotation mark.
_STATEMENT_LEAD = re.compile(rf"\b(?:{'|'.join(sorted(STATEMENT_VERBS))}) (?:the following|this) statement\b",
                             re.IGNORECASE)
MAX_BRIDGE = 2  # paragraphs without a first-person word that a later first-person one keeps in the block
_CLOSERS = "”\"’'»"


MAX_LEAD_CHARS = 600  # a statement's lead may go on with a sentence about what it concerns


def _statement_lead(paragraphs, k: int) -> bool:
    """"Jane Doe issued the following statement after …." with the statement's paragraphs in
    quotation marks after it; the lead may name a law in quotation marks of its own (every
    quotation in it closed), not open the statement itself."""
    p = paragraphs[k]
    if not (len(p) <= MAX_LEAD_CHARS and k + 1 < len(paragraphs) and _has_marks(paragraphs[k + 1][:1])):
        return False
    last = _WORD.findall(p[-40:])
    if last and p.rstrip()[-1:].isalpha() and last[-1] in REPORTING_VERBS and not _has_marks(p):
        return True  # "Deputy High Commissioner Jane Doe said" over "“…": the colon lost
    m = _STATEMENT_LEAD.search(p)
    return m is not None and (not _has_marks(p) or not _has_marks(p[:m.end()]) and all(q.closed for q in quote_spans(p)))


def _left_open(text: str) -> bool:
    """A paragraph whose last quotation is opened and not closed in it."""
    spans = quote_spans(text)
    return bool(spans) and not spans[-1].closed


def _closes_only(text: str) -> bool:
    """A paragraph whose one quotation mark closes it at its end: the release closing an
    unmarked quotation it opened with "X said:"."""
    t = text.rstrip()
    return len(t) > 1 and t[-1] in _CLOSERS and not _has_marks(t[:-1])


MAX_TOPIC_LINE = 40
# A page's own date line that a scraped copy puts between a hand-over and the statement.
_PAGE_DATE = re.compile(r"(?i)(?:first published|published|last updated|updated|date)\s*:")
MAX_PAGE_DATE = 80


def _topic_line(text: str) -> bool:
    """A short line naming the topic of the statement's next part ("Ukraine:", "On migration:"),
    no speaker's label and no introducing line of its own."""
    t = text.strip()
    return len(t) <= MAX_TOPIC_LINE and t.endswith(":") and not _has_marks(t) and not t.isupper() \
        and not is_introducing_line(t) and _label_line(t) is None


MAX_TERM_WORDS = 5  # "the regime's ‘surrender or starve’ tactics": a phrase in marks, not another's speech


def terms_only(text: str) -> bool:
    """Every quotation-marked span of a paragraph is a short phrase inside its sentence (a term,
    a slogan), so the paragraph is no one else's quoted speech: the introduced speech goes on."""
    spans = quote_spans(text)
    return bool(spans) and all(s.start > 1 and s.closed and (len(text[s.start:s.end].split()) <= MAX_TERM_WORDS
                                                             or _work_title(text[s.start:s.end]))
                               for s in spans)


def _work_title(phrase: str) -> bool:
    """A quoted phrase that is a work's title, every long word capitalised and no sentence's end
    ("© The Way Ahead: A Strategy for Copyright in the Digital Age")."""
    words = phrase.split()
    return len(words) <= MAX_TITLE_WORDS and phrase.rstrip()[-1:] not in ".!?," \
        and all(w[:1].isupper() or not w[:1].isalpha() or len(w) <= 3 for w in words)


MAX_TITLE_WORDS = 16


def _single_left_open(text: str) -> bool:
    """A paragraph opened with a single mark that no single mark closes ("‘A joint operation …
    was made." with its closing mark in a later paragraph)."""
    t = text.strip()
    return t[:1] in "‘'" and not quote_spans(t) and not t.rstrip("\"”").endswith(("’", "'"))


def _single_closes(text: str) -> bool:
    """A paragraph that ends a single-quoted passage opened before it ("… such activity.’")."""
    t = text.strip()
    return t[:1] not in "‘'" and t.endswith(("’", "'")) and t[-2:-1] in ".!?" and not quote_spans(t)


def introduced_blocks(paragraphs, stops: frozenset[int] = frozenset(),
                      blockquoted: frozenset[int] = frozenset()) -> tuple[Introduced, ...]:
    """Each introducing line with the paragraphs it introduces. A paragraph that is itself in
    quotation marks counts as introduced too (its span comes from the marks). After the first
    paragraph, one without a first-person word stays in the block only when a first-person one
    follows within MAX_BRIDGE ("The storm damage is severe." between two of the speaker's "we").
    A paragraph in stops (0-based: what ingest marked as boilerplate) ends a block. When the
    source set the paragraphs after the line as a block quotation, the block
    is that quotation, whatever its words: the markup says where the speech ends (blockquoted,
    0-based)."""
    out: list[Introduced] = []
    k, n = 0, len(paragraphs)
    while k < n:
        marks_only = False
        inline = 0
        if not is_introducing_line(paragraphs[k]):
            inline = inline_lead(paragraphs[k])
            if not inline and not _statement_lead(paragraphs, k):
                k += 1
                continue
            marks_only = not inline
        if not inline and k + 1 in blockquoted and k + 1 not in stops:
            j = k + 1
            while j in blockquoted and j not in stops and j - k <= MAX_BLOCK:
                j += 1
            out.append(Introduced(k, tuple(range(k + 1, j)), 0))
            k = j
            continue
        quoted: list[int] = [k] if inline else []
        pending: list[int] = []  # bridged paragraphs, kept once a first-person one follows
        statement = bool(inline) or _hands_over(_WORD.findall(paragraphs[k][-120:])) or _spokesperson_line(paragraphs[k])
        left_open = False
        # "In his words:" quotes one passage inside someone else's speech, which goes on after it
        framed = not inline and _FRAME_LINE.search(paragraphs[k].rstrip()) is not None
        j = k + 1
        while j < n and len(quoted) + len(pending) < MAX_BLOCK and j not in stops and not (framed and quoted):
            p = paragraphs[j]
            if (_topic_line(p) or _PAGE_DATE.match(p) and len(p) <= MAX_PAGE_DATE) and j + 1 < n:
                j += 1  # "Ukraine:" heading the part of the statement on it, or the page's date line
                continue
            if _has_marks(p[:1]) or (p[:1] in "‘'" and quote_spans(p)):
                if pending or quoted and not _continues(paragraphs[quoted[-1]]):
                    break
                quoted.append(j)  # ‘We will…’ on its own line after "X said:"
                j += 1
                if quote_spans(p) and quote_spans(p)[-1].closed and not _continues(p) and not (
                        statement and len(quoted) == 1 and j < n and _first_person(paragraphs[j])):
                    break  # (an address handed over may open with a line it quotes, "“You give me courage!”", then go on in the first person)
                continue
            if marks_only and not left_open:
                if not (quoted and _left_open(paragraphs[quoted[-1]])):
                    break
                # "X issued the following statement …." then a quotation opened and not closed:
                # the statement goes on, its later paragraphs' opening marks dropped by the copy
                left_open = True
            if _has_marks(p) and not terms_only(p):
                if quoted and _closes_only(p) and not _narrative(p, first=True):
                    quoted += pending + [j]
                break
            if quoted and _single_left_open(paragraphs[quoted[0]]) and _single_closes(p) and not _narrative(p, first=True):
                quoted += pending + [j]  # ‘… (left open) / … .’: the single marks say where it ends
                j += 1
                break
            if _narrative(p, first=True, statement=statement and not left_open):
                break  # (a statement left open ends where the article's voice attributes again)
            if not quoted or statement or left_open or _first_person(p):
                quoted += pending + [j]
                pending = []
            elif len(pending) < MAX_BRIDGE:
                pending.append(j)
            else:
                break
            j += 1
        if pending and quoted and (j >= n or j in stops):
            # the speech runs on to the release's furniture or its end, each paragraph taking up
            # the one before ("That means …", "As well as …"): no voice came back
            for q in pending:
                if not paragraphs[q].lstrip().startswith(_TAKES_UP):
                    break
                quoted.append(q)
        if quoted:
            out.append(Introduced(k, tuple(quoted), inline))
        # (a line that introduced nothing leaves the next for what it may introduce: a record's
        # "The Minister (Jane Doe):" over "Lord Doe has made the following statement:")
        k = max(j, k + 1) if quoted else k + 1
    return tuple(out)


# A paragraph of unmarked speech with its attribution after a dash at the end: "There is more
# to do - Jane Doe, Chief Executive, said today." (an older release's lead). Bounded, no nesting.
_DASH_ATTRIBUTION = re.compile(r" [-–—] (?=[A-Z])[^-–—.!?]{3,120}? (?:said|says)(?: today| yesterday| on [A-Z][a-z]+)?\.$")


def dash_attributed(text: str) -> QuoteSpan | None:
    """The speech of such a paragraph, without marks, up to the dash; None for any other."""
    if _has_marks(text) or len(text) > 2000:
        return None
    m = _DASH_ATTRIBUTION.search(text.rstrip(), max(0, len(text.rstrip()) - 140))
    if m is None or m.start() < 20:
        return None
    return paragraph_span(text[:m.start()])


# A sentence of speech whose quotation marks a copy dropped: "This investment will strengthen
# safety, said Transportation Secretary Jane Doe." Bounded: a comma, "said" and a capital.
_COMMA_SAID = re.compile(r", (?:said|says) (?=[A-Z])")
MIN_UNMARKED_WORDS = 6


def comma_attributed(text: str) -> QuoteSpan | None:
    """The sentence before ", said Jane Doe" in a paragraph with no quotation marks at all (the
    reader then checks a person follows the verb); None for any other paragraph."""
    if len(text) > 2000 or _has_marks(text):
        return None
    m = _COMMA_SAID.search(text)
    if m is None:
        return None
    start = max(text.rfind(". ", 0, m.start()), text.rfind("? ", 0, m.start()), text.rfind("! ", 0, m.start()))
    start = 0 if start < 0 else start + 2
    if len(text[start:m.start()].split()) < MIN_UNMARKED_WORDS:
        return None
    return QuoteSpan(start, m.start(), True)


def _continues(text: str) -> bool:
    """A quoted paragraph whose last quote is left open runs on into the next one."""
    spans = quote_spans(text)
    return bool(spans) and not spans[-1].closed


def paragraph_span(text: str, start: int = 0) -> QuoteSpan:
    """The paragraph from start as one span (an introduced quotation or a transcript turn has
    no marks to find)."""
    s, e = start, len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return QuoteSpan(s, e, True)


# --------------------------------------------------------------------------
# Transcripts: "MR. HALLORAN: We will…", "Jane Doe: …", one speaker's turn per label

class Turn(NamedTuple):
    paragraph: int  # 0-based
    label: str  # the speaker label as written ("MR. HALLORAN", "Jane Doe"); "" for a continuation
    start: int  # where the speech starts in the paragraph (after the label)
    note: str = ""  # what the label says in brackets: "JANE DOE (Chief Executive, Acme):"


_LABEL = re.compile(r"(?P<label>Q|A|(?:(?:MR|MS|MRS|DR|SEN|REP|GEN|ADM|SEC|GOV|AMB)\.? |[A-Z]{2,5}\. )?[A-Z][A-Z’'\-]+(?: [A-Z][A-Z’'\-.]+){0,9}"
                    r"|(?:Mr|Ms|Mrs|Dr)\.? [A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+)?"
                    r"|(?:[A-Z][a-z]{1,4}\. ){1,3}[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){0,2}"  # "Lt. Col. Jane Doe"
                    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){1,3} \d{1,2}"  # "Senior Defense Official 1"
                    r"|[A-Z][\w’'\-]+(?: [a-z]{1,3})? [A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){0,3})"
                    r"(?: \((?P<note>[^()]{1,60})\)|, (?P<office>[A-Z][A-Z’'\- ]{2,60}|[A-Z][\w’'\- ]{2,60}))?:\s+(?=\S)")
_LABEL_HONORIFICS = frozenset("MR MS MRS DR".split())
_LABEL_HONORIFIC_WORDS = frozenset("Mr Ms Mrs Dr Prof Professor Sir Dame".split())
# Labels that head a section, not a speaker's turn.
NOT_SPEAKER_LABELS = frozenset("TRANSCRIPT NOTE NOTES UPDATE CORRECTION BACKGROUND CONTACT CONTACTS ENDS SOURCE SOURCES "
                               "EDITOR'S NOTE EDITOR’S NOTE MEDIA ENQUIRIES FURTHER INFORMATION UPDATED PHOTO PHOTOS "
                               "PICTURE IMAGE VIDEO WATCH READ LISTEN CREDIT CAPTION WARNING TAGS TOPICS LOCATION DATE "
                               "TIME WHEN WHERE WHAT WHO WHY HOW SUMMARY RELATED SEE ALSO EMAIL PHONE TEL WEBSITE".split(" "))
# A question turn may be written "Q Thank you. And on trade?", with no colon after the Q.
# A mark some transcripts set before a turn's label: "[*] KIRBY:", "* JANE DOE:".
_TURN_MARK = re.compile(r"(?:\[\*\]|\*)\s+(?=[A-Z])")
# A label in square brackets, as a podcast's transcript sets it: "[ Jane Doe: ] Welcome to …".
_BRACKET_LABEL = re.compile(r"\[\s*(?P<label>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}):\s*\]\s*(?=\S)")
_BARE_Q = re.compile(r"(?P<label>Q)\.?\s+(?=[A-Z(“\"‘'])")
# A speaker's initials set off by a tab or a run of spaces, as some transcripts label their turns
# ("TAG        Thank you.", "CL\tHello and welcome"): the initials of a person the text names.
# (Ingest joins the run of spaces into one, so the initials must be a person's the text names in
# full: "CL Hello and welcome …" with "My name is Christian Lindmeier" in the same text.)
_INITIALS = re.compile(r"(?P<label>[A-Z]{2,4})\s+(?=[A-Z])")
_FULL_NAME = re.compile(r"\b[A-Z][a-zà-ÿ’'-]+(?: [A-Z][a-zà-ÿ’'-]+){1,3}\b")


def _named_initials(paragraphs) -> frozenset[str]:
    """The initials of the runs of two to four capitalised words the text writes (a person's
    name, not a body's: "World Health Organization" gives no "WHO")."""
    out = set()
    for p in paragraphs[:MAX_LABELLED_SCAN]:
        for m in _FULL_NAME.finditer(p[:5000]):
            words = m.group(0).split()
            while words and (is_title(words[0]) or words[0] in _LABEL_HONORIFIC_WORDS):
                words = words[1:]  # "Dr Jane Roe": JR
            initials = "".join(w[0] for w in words)
            if p.startswith(f" ({initials})", m.end()):
                continue  # "Harbour Antarctic Survey (HAS)": a body defines its acronym, no one's initials
            if len(words) >= 2 and not any(fold(w) in ORG_WORDS for w in words):
                out.add(initials)
    return frozenset(out)
# Last words of a label that heads a detail, not a speaker's turn ("Phone Number:", "Release Date:").
_DETAIL_WORDS = frozenset("NUMBER NO ID DATE TIME EMAIL E-MAIL PHONE FAX WEBSITE ADDRESS CONTACT CONTACTS NOTE NOTES "
                          "INFORMATION DETAILS".split())


def label_end(text: str) -> int:
    """Where the speech starts in a paragraph that opens with a speaker's label ("Secretary-General:
    Ladies and …"), else 0."""
    m = _LABEL.match(text, 0, 200) if text[:1].isupper() else _BRACKET_LABEL.match(text, 0, 80) if text[:1] == "[" else None
    if m is not None and speaker_label(m.group("label")) and _titled_if_long(m.group("label")):
        return m.end()
    one = _ONE_WORD_LABEL.match(text, 0, 40) if text[:1].isupper() else None
    return one.end() if one is not None and is_title(one.group("label")) else 0  # "Secretary-General:"


def speaker_label(label: str) -> bool:
    """Whether a label can head a speaker's turn: not a section's ("UPDATE:", "Please Note:") nor
    a detail's ("Phone Number:", "Release Date:"), in any case."""
    up = label.upper()
    return up not in NOT_SPEAKER_LABELS and up.split()[-1].rstrip(".") not in _DETAIL_WORDS


MIN_TURNS = 2  # labelled paragraphs an article needs before it is read as a transcript
_WORD = re.compile(r"[A-Za-z][\w’'\-]*")


def _label_line(text: str) -> str | None:
    """The label of a paragraph that is a speaker's label and nothing else ("Prime Minister:",
    "SECRETARY DOE:"), else None."""
    t = text.strip()
    if not t.endswith(":") or len(t) > MAX_LABEL_LINE or not t[:1].isupper():
        return None
    m = _LABEL.match(t + " x")
    if m is None or m.end() != len(t) + 1 or not speaker_label(m.group("label")):
        return None
    label = m.group("label")
    words = label.split()
    # an office or a name ("Prime Minister:", "JANE DOE:"), not a section's heading ("TRANSCRIPT:")
    return label if any(is_title(w) for w in words) or len(words) >= 2 and label.isupper() \
        or fold(label) in QUESTION_LABELS or fold(label) in LABEL_ROLES else None


MAX_LABEL_LINE = 60
MAX_LABELLED_SCAN = 2_000  # paragraphs read for the full names label lines give

# A debate record (Hansard) heads each speech with the member's name on a line of its own, with no
# colon: "Mr. Jane Doe (Seaport North)", or an office with the holder in brackets ("The Minister for
# Ports (Mrs. Jane Doe)"). Read as labels only in a text that says it is a debate's record (its
# reference line "HC Deb …", or a heading "Hansard", "debate"): elsewhere such a line is a caption
# or a contact's name.
_COURTESY = r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?"
_MEMBER = _COURTESY + r" [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}"
_NAME_LINE = re.compile(r"(?P<office>(?:The )?[A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|of|for|and|the|on)){0,14}) \((?P<held>%s)\)"
                        r"|(?P<name>%s)(?: \((?P<seat>[^()]{2,60})\))?" % (_MEMBER, _MEMBER))
MAX_NAME_LINE = 140
# A label line of a name in capitals, a comma and an office as written: "JANE DOE, VOA Senior Correspondent:".
_CAPS_NAME_OFFICE = re.compile(r"(?P<name>[A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){1,3}), (?P<office>[A-Z][^:]{2,80}):")
_NAME_OFFICE = re.compile(r"(?P<name>[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,2}), (?P<office>[A-Z][^:.!?]{2,80}):")
_NAME_COLON = re.compile(r"((?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady)\.? )?[A-Z][\w’'.-]+(?: [A-Z][\w’'.-]+){1,3}):")
# A recorded transcript's label line: a name (or a first name) and the time into the recording.
_TIMED_LABEL = re.compile(r"(?P<name>[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}) \((?:\d{1,2}:)?\d{1,2}:\d{2}\):")
# A parliamentary record's label line: an office with its holder in brackets, then a colon.
_OFFICE_HELD_LABEL = re.compile(r"(?P<office>(?:The )?[A-Z][\w’'-]*(?: (?:[A-Z][\w’'-]*|of|for|and|the|on)){0,14}) "
                                r"\((?P<held>(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.? )?[A-Z][\w’'.-]*"
                                r"(?: [A-Z][\w’'.-]*){1,3})\)(?::|$)")  # (an older record's has no colon)


# The reference line of a debate's record ("HC Deb 04 February 1999 vol 324 cc1083-94"), and the
# time stamp after which its first speaker's line may run on in a copy that lost the line break.
_DEBATE = re.compile(r"\bH[CL] Deb\b")
_DEBATE_HEADING = re.compile(r"(?i)\b(?:hansard|debates?|oral answers|written answers)\b")
_TIMED = re.compile(r"\b\d{1,2}\.\d{2} [ap]\.?m\.? (?=[A-Z])")


def _timed_name_line(text: str) -> tuple[str, str] | None:
    """A debate record's reference line that ran on into its first speaker's line ("HC Deb … 12.53 pm
    Mr. Jane Doe (Seaport North)"): that speaker line's label, else None."""
    if not _DEBATE.search(text, 0, 100):
        return None
    at = [m.end() for m in _TIMED.finditer(text, 0, MAX_NAME_LINE + 100)]
    return _name_line(text[at[-1]:]) if at else None


def _name_line(text: str) -> tuple[str, str] | None:
    """(label, office) of a paragraph that is a debate record's speaker line and nothing else
    ("Mr. Jane Doe (Seaport North)" -> ("Mr. Jane Doe", "")), else None."""
    t = text.strip()
    if len(t) > MAX_NAME_LINE or not t[:1].isupper():
        return None
    m = _NAME_LINE.fullmatch(t)
    if m is None:
        return None
    if m.group("held"):
        return m.group("held"), m.group("office").removeprefix("The ")
    return m.group("name"), ""



def _in_transcript(paragraphs, heading: str) -> bool:
    """The heading or the first paragraphs say the text is a transcript, a briefing, remarks."""
    text = (heading + " " + " ".join(p[:300] for p in paragraphs[:5])).lower()
    return any(w in text for w in TRANSCRIPT_HEADINGS)


def _named_label(label: str, paragraphs, k: int, heading: str) -> bool:
    """One label is enough when it is a full upper-case label ("SECRETARY OF STATE JANE DOE",
    "JANE DOE") whose surname the article writes elsewhere in mixed case (its heading "Remarks by
    Secretary Doe"): a stored transcript is often cut after its first turn, and the heading names
    the one speaking. An upper-case section label ("FOR IMMEDIATE RELEASE") names no one there."""
    words = label.split()
    if not words:
        return False
    if all(is_title(w) or fold(w) in LABEL_ROLES or fold(w) == "the" for w in words) \
            and any(is_title(w) or fold(w) in LABEL_ROLES for w in words) and _in_transcript(paragraphs, heading):
        return True  # "PRIME MINISTER:", "The President:" in a transcript: an office speaks
    if len(words) >= 3 and label.isupper() and any(is_title(w) for w in words[:-2]) and words[-1].isalpha():
        return True  # "PRESS SECRETARY JANE Q. DOE:": a title and a full name label one speaker's turn
    if 2 <= len(words) <= 3 and not label.isupper() and all(w[:1].isupper() and w[1:].islower() for w in words) \
            and not any(fold(w) in ORG_WORDS or fold(w) in NOT_NAMES for w in words) and _in_transcript(paragraphs, heading):
        return True  # "Jane Doe:" in a media conference's transcript
    if len(words) == 2 and is_title(words[0]) and words[1][:1].isupper() and not label.isupper():
        # "Secretary Doe:": a title and a surname the article writes elsewhere
        return any(words[1] in _WORD.findall(p) for j, p in enumerate(paragraphs) if j != k) or words[1] in heading
    if len(words) < 2 or not label.isupper():
        return False
    if len(words) == 2 and words[0].rstrip(".") in _LABEL_HONORIFICS and words[1].isalpha() and (
            any(w in heading.lower() for w in TRANSCRIPT_HEADINGS) or k + 1 < len(paragraphs) and _first_person(paragraphs[k + 1])):
        # "Press Briefing" over "MR DOE: Good afternoon.", or her speech going on in the first
        # person below it: an honorific and a surname in capitals say it is a person's turn
        return True
    if len(words) in (2, 3) and all(w.isalpha() for w in words) and _in_transcript(paragraphs, heading) \
            and not any(fold(w) in ORG_WORDS or fold(w) in NOT_NAMES or fold(w) in ROLE_NOUNS or is_title(w) for w in words):
        return True  # "JANE DOE:" heading the one turn of a press conference's transcript
    surname = words[-1].strip(".").title()
    if any(fold(w.strip(".")) in ORG_WORDS or fold(w.strip(".")) in NOT_NAMES for w in words[-2:]) \
            or fold(surname) in ROLE_NOUNS:
        return False  # "PRESS RELEASE FROM THE HARBOUR BOARD", "SENIOR DEFENSE OFFICIAL": no one's name
    def named(text: str) -> bool:  # "Kerry’s Press Availability" names Kerry too
        return any(w == surname or w[:-2] == surname and w.endswith(("’s", "'s")) for w in _WORD.findall(text))
    return named(heading) or any(named(p) for j, p in enumerate(paragraphs) if j != k)


# An interview's one-word labels in mixed case ("Voss: It started with a letter."), read only as
# a dialogue: two labels or more that each open MIN_DIALOGUE_TURNS paragraphs or more, since one
# "Update:" or "Photo:" is a section's label.
_ONE_WORD_LABEL = re.compile(r"(?P<label>[A-Z][a-z][\w’'\-]{0,24}):\s+(?=\S)")
MIN_DIALOGUE_TURNS = 2


def _titled_if_long(label: str) -> bool:
    """A mixed-case label of four words or five holds a title ("Press Secretary Jane Doe"); an
    upper-case one or a short one needs none."""
    words = label.split()
    return len(words) <= 3 or label.isupper() or any(is_title(w) for w in words[:-1]) or (
        words[-1].isdigit() and fold(words[-2]) in ROLE_NOUNS)  # "Senior Defense Official 1"


# Single words that label a transcript's other voices ("Question:", "Moderator:"), read as
# labels wherever the article has labelled turns of its own ("Presenter:" heads a transcript as its
# metadata, and is left out).
FLOOR_LABELS = QUESTION_LABELS | frozenset("moderator operator interviewer participant journalist staff".split())


_ADDRESS = re.compile(r"(?:(?:Thank you|Thanks),? )?([A-Z][a-z][\w’'-]{0,24})[,.]")


def _addressed(paragraphs, labelled: dict[int, Turn]) -> set[str]:
    """The names labelled turns open by addressing ("Susan, thanks very much", "Thanks, Susan."):
    a one-word label among them is a first name the transcript labels, not a section's "Update:"."""
    out = set()
    for k, t in labelled.items():
        m = _ADDRESS.match(paragraphs[k], t.start, t.start + 60)
        if m is not None:
            out.add(m.group(1))
    return out


def _dialogue(single: dict[int, Turn], labelled: bool = False) -> dict[int, Turn]:
    if labelled:
        floor = {k: t for k, t in single.items() if fold(t.label) in FLOOR_LABELS}
        if floor:
            return floor
    counts: dict[str, int] = {}
    for t in single.values():
        counts[t.label] = counts.get(t.label, 0) + 1
    speakers = {label for label, n in counts.items() if n >= MIN_DIALOGUE_TURNS}
    if len(speakers) < 2:
        return {}
    return {k: t for k, t in single.items() if t.label in speakers}


def _surname_turns(single: dict[int, Turn], labelled: dict[int, Turn], paragraphs, heading: str) -> dict[int, Turn]:
    """One-word labels in mixed case that are a surname the article writes after a given name
    ("Doe:" twice, under "Secretary of Defense Jane Q. Doe"): one person's turns, though no
    other voice is labelled as often ("Q:", "Staff:" once)."""
    counts: dict[str, int] = {}
    for k, t in single.items():
        if k not in labelled:
            counts[t.label] = counts.get(t.label, 0) + 1
    def named_in_full(label: str) -> bool:
        after_name = re.compile(r"\b[A-Z][a-z]+\.?(?: [A-Z]\.)* " + re.escape(label) + r"\b")
        written = [p for j, p in enumerate(paragraphs[:HEADER_PARAGRAPHS])
                   if j not in single or single[j].label != label] + [heading]
        return any(after_name.search(p) for p in written)

    names = [label for label in counts if fold(label) not in NOT_NAMES and fold(label) not in ORG_WORDS
             and named_in_full(label)]
    out: dict[int, Turn] = {}
    # A surname labelling one turn only counts once another labels two or more ("Rumsfeld:" three
    # times, then "Myers:" once, both named in full at the top): the record is then a transcript.
    # Two surnames that each label one turn, both named in full in the header ("Doe: Good
    # afternoon." … "Roe: Thank you, Ms. Doe."), are a transcript cut after its opening turns.
    pair = len(names) >= MIN_DIALOGUE_TURNS
    for label in sorted(names, key=lambda lb: -counts[lb]):
        if counts[label] < MIN_DIALOGUE_TURNS and not out and not pair:
            continue
        out.update({k: t for k, t in single.items() if t.label == label and k not in labelled})
    return out


HEADER_PARAGRAPHS = 12  # how far down a transcript's header names its speakers


def _own_line_label(p: str, below: str, labelled: bool, held: bool, surnames: set[str],
                    recurring: frozenset[str] = frozenset()) -> tuple[str, str, bool] | None:
    """(label, note, whether it is an office with its holder) of a paragraph that is only a
    speaker's label, the turn being the paragraph ``below``; None for any other paragraph.
    ``labelled``: the text has labelled turns before it; ``held``: some were labelled by an
    office with its holder; ``surnames``: those of the full names label lines give."""
    t = p.strip()
    if len(t) <= MAX_NAME_LINE and t.endswith(")") and (m := _OFFICE_HELD_LABEL.fullmatch(t)) is not None \
            and any(is_title(w) for w in m.group("office").split()) and _first_person(below):
        # "The Secretary of State for Social Services (Mr. Jane Doe)" over her statement: a record
        # that sets no colon after the label
        return m.group("held"), m.group("office").removeprefix("The "), True
    if len(t) > MAX_NAME_LINE or not t.endswith(":"):
        return None
    if (m := _OFFICE_HELD_LABEL.fullmatch(t)) is not None and any(is_title(w) for w in m.group("office").split()):
        return m.group("held"), m.group("office").removeprefix("The "), True  # "The Secretary of State for Defence (Jane Doe):"
    if (m := _CAPS_NAME_OFFICE.fullmatch(t)) is not None and not _LABEL.match(below, 0, 200) \
            and speaker_label(m.group("name")):
        return m.group("name"), m.group("office"), False  # "JANE DOE, VOA Senior Correspondent:"
    if labelled and (m := _NAME_OFFICE.fullmatch(t)) is not None and plausible_person(m.group("name").split()):
        return m.group("name"), m.group("office"), False  # "Jane Doe, Harbour Forum:" among labelled turns
    if (held or t in recurring) and (m := _NAME_COLON.fullmatch(t)) is not None and plausible_person(m.group(1).split()):
        # "Jane Doe:" in a record whose offices are labelled "Office (Name):", or a line the
        # record repeats over each of her turns
        return m.group(1), "", False
    if (m := _TIMED_LABEL.fullmatch(t)) is not None and speaker_label(m.group("name")) \
            and not _LABEL.match(below, 0, 200):
        return m.group("name"), "", False  # "Jane Doe (00:04):", a recorded transcript's label and time
    if len(t) <= MAX_LABEL_LINE and t[:-1] in surnames:
        return t[:-1], "", False  # "STEFANOVIC:" under "KARL STEFANOVIC:" before
    if (line := _label_line(p)) is not None and not _LABEL.match(below, 0, 200):
        return line, "", False  # "Prime Minister:", "SECRETARY DOE:"
    return None


# What a questioner may say before her name: "Hi sir, Jane Roe from …", "Thank you. Jane from …".
GREETED = r"(?:(?i:hi|hello|yes|good (?:morning|afternoon|evening)|sir|ma[’']am|madam|thank you|thanks)[,.!]?\s+)*"


def _names_self(label: str, turn: str) -> bool:
    """Whether a one-word label's turn opens with that name and where its speaker is from, as a
    questioner's does ("Rishabh: Hi sir, Rishabh from Times Now. …"): a turn, whatever the word."""
    return re.match(GREETED + re.escape(label) + r"(?: [A-Z][\w’'-]+)?(?:,| from| with) (?:the )?[A-Z]", turn) is not None


def transcript_turns(paragraphs, heading: str = "") -> tuple[Turn, ...]:
    """The turns of a transcript: each paragraph that opens with a speaker label, and the
    unlabelled paragraphs after it (the same speaker goes on) until the next label or a
    boilerplate start. Empty unless at least MIN_TURNS paragraphs carry a label, or one label
    names someone the article's heading or another paragraph names."""
    labelled: dict[int, Turn] = {}
    single: dict[int, Turn] = {}
    label_lines: set[int] = set()
    held_lines: set[int] = set()
    member_lines: dict[int, Turn] = {}
    outlets: dict[int, Turn] = {}  # questioners labelled by surname and outlet
    # surnames of the speakers that label lines name in full ("KARL STEFANOVIC:"), so that a line
    # with the surname alone ("STEFANOVIC:") labels that speaker's later turns
    surnames = {line.split()[-1] for p in paragraphs[:MAX_LABELLED_SCAN] if len(p) <= MAX_LABEL_LINE
                and (line := _label_line(p)) is not None and len(line.split()) >= 2 and line.isupper()}
    initials: frozenset[str] | None = None  # read once, at the first paragraph opening with capitals
    lines = [p.strip() for p in paragraphs[:MAX_LABELLED_SCAN] if len(p) <= MAX_LABEL_LINE and p.rstrip().endswith(":")]
    recurring = set(t for t in set(lines) if lines.count(t) >= 2)  # the same "Jane Doe:" over several turns
    if recurring:  # then a name line under a list of who takes part ("Jane Doe – Governor") labels her turns too
        listed = "\n".join(p for p in paragraphs[:MAX_LABELLED_SCAN] if not p.rstrip().endswith(":"))[:100_000]
        recurring |= {t for t in lines if t[:-1].strip() in listed}
    recurring = frozenset(recurring)
    for k, p in enumerate(paragraphs):
        if k in labelled:
            continue  # the paragraph after a label line
        at = mark.end() if (mark := _TURN_MARK.match(p)) is not None else 0  # "[*] KIRBY: Good afternoon."
        m = (_LABEL.match(p, at, 200) or _BARE_Q.match(p, at, 200)) if p[at:at + 1].isupper() \
            else _BRACKET_LABEL.match(p, 0, 80) if p[:1] == "[" else None
        if m is None and (i := _INITIALS.match(p, 0, 20)) is not None:
            if initials is None:
                initials = _named_initials(paragraphs)
            m = i if i.group("label") in initials else None
        if m is not None and m.groupdict().get("office") and not m.group("office").isupper() \
                and not any(is_title(w) for w in m.group("office").split()):
            m = None  # "Jane Doe, Foreign Minister:" labels her turn; "Jane Doe, London:" no one's
        if m is not None and speaker_label(m.group("label")) and _titled_if_long(m.group("label")):
            labelled[k] = Turn(k, m.group("label"), m.end(), m.groupdict().get("note") or m.groupdict().get("office") or "")
        elif m is None and (o := _OUTLET_LABEL.match(p, 0, 120)) is not None and speaker_label(o.group("label")) \
                and _outlet(o.group("outlet")):
            outlets[k] = Turn(k, "Question", o.end(), o.group("outlet"))  # "Doe, Harbour Shimbun: …"
        elif m is None and p[:1].isupper() and (m := _ONE_WORD_LABEL.match(p, 0, 40)) is not None \
                and speaker_label(m.group("label")):
            single[k] = Turn(k, m.group("label"), m.end())
        elif m is None and k + 1 < len(paragraphs) and (own := _own_line_label(
                p, paragraphs[k + 1], bool(labelled), bool(held_lines), surnames, recurring)) is not None:
            label_lines.add(k)  # a label on a line of its own: the turn is the next paragraph
            if own[2]:
                held_lines.add(k)
            labelled[k + 1] = Turn(k + 1, own[0], 0, own[1])
        elif m is None and (member := _name_line(p) or _timed_name_line(p)) is not None and k + 1 < len(paragraphs):
            member_lines[k] = Turn(k + 1, member[0], 0, member[1])
    if labelled:
        labelled.update({k: t for k, t in outlets.items() if k not in labelled})
    _floor_first_names(labelled, label_lines, paragraphs, heading)
    if member_lines and (any(_DEBATE.search(p, 0, 300) for p in paragraphs[:3]) or _DEBATE_HEADING.search(heading)):
        # a debate record: each member's line heads the speech below it
        label_lines.update(member_lines)
        labelled.update({t.paragraph: t for t in member_lines.values() if t.paragraph not in labelled})
    labelled.update(_dialogue(single, bool(labelled)))
    surnamed = _surname_turns(single, labelled, paragraphs, heading)
    if surnamed:
        labelled.update(surnamed)
        labelled.update({k: t for k, t in single.items() if k not in labelled and fold(t.label) in FLOOR_LABELS})
    if labelled and single:  # "Susan: Thank you for joining us." then "SECRETARY DOE: Susan, thanks very much"
        called = _addressed(paragraphs, labelled)
        named_self = {t.label for k, t in single.items() if _names_self(t.label, paragraphs[k][t.start:t.start + 120])}
        labelled.update({k: t for k, t in single.items() if k not in labelled and (t.label in called or t.label in named_self)})
    if not labelled:
        return ()
    first = min(labelled)  # once: inside the comprehension it made the stage quadratic in paragraphs
    handed = {k + 1: who for k, p in enumerate(paragraphs[:-1])
              if k >= first and (who := handed_to(p)) and k + 1 not in labelled}
    if len(labelled) + len(handed) < MIN_TURNS and not held_lines and not (
            len(labelled) == 1 and _named_label(next(iter(labelled.values())).label, paragraphs, first, heading)):
        # (an office with its holder in brackets labels a turn beyond doubt, even the text's only one)
        return ()
    turns: list[Turn] = []
    current: Turn | None = None
    for k, p in enumerate(paragraphs):
        if k in handed and current is not None:
            labelled[k] = Turn(k, handed[k], 0)  # the one handed the floor speaks on, unlabelled
        if k in labelled:
            current = labelled[k]
            turns.append(current)
        elif k in label_lines:
            continue
        elif current is not None and p.strip() and not (p.strip() + " ").startswith(NARRATIVE_STARTS) \
                and not _CLOCK_LINE.match(p):  # "END" too, and the clock time a record ends with
            turns.append(Turn(k, "", 0))  # the same speaker goes on
        else:
            current = None
    return tuple(turns)


# A questioner's label by surname and outlet, among a press conference's labelled turns ("Doe,
# Harbour Shimbun: The bodies were returned …"): from the floor, whoever she is.
_OUTLET_LABEL = re.compile(r"(?P<label>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?), (?P<outlet>[A-Z][\w’'.&-]*(?: [A-Z][\w’'.&-]*){0,4}):\s+(?=\S)")


def _outlet(words: str) -> bool:
    """The words after a questioner's comma name an outlet: no title, role or place."""
    return not is_place(fold(words)) and not any(
        is_title(w) or fold(w) in LABEL_ROLES or fold(w) in ROLE_NOUNS or is_place(fold(w)) for w in words.split())


def _floor_first_names(labelled: dict[int, Turn], label_lines: set[int], paragraphs, heading: str) -> None:
    """A recorded briefing's labels ("Jane Doe (00:04):") name the briefers in full and the
    reporters by the first name the recording caught ("Matt (00:09):"): such a one-word label,
    no briefer's surname, is a question from the floor."""
    if not any(h in heading.lower() for h in FLOOR_HEADINGS):
        return
    timed = {k: t for k, t in labelled.items() if k - 1 in label_lines and _TIMED_LABEL.fullmatch(paragraphs[k - 1].strip())}
    full = {t.label.split()[-1] for t in timed.values() if " " in t.label}
    if not full:
        return
    for k, t in timed.items():
        if " " not in t.label and t.label not in full and fold(t.label) not in FLOOR_LABELS:
            labelled[k] = t._replace(label="Question")


# A line that is only a clock time, as a transcript records when it began and ended ("2:04 P.M.
# EDT", "11:30 a.m. ET", "14.05 BST"): the record's own note, never the last speaker's words.
_CLOCK_LINE = re.compile(r"\s*\(?(?:END\s+)?(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?\.?\)?\s*$")


def handed_to(text: str) -> str | None:
    """Who a turn ending "…, over to you, Mr. Secretary." hands the floor to (cues.HANDOVERS), as
    written; None when the paragraph does not end with a hand-over."""
    tail = text[-120:].rstrip().rstrip(".!?")  # "And with that, Mr. Secretary?"
    low = tail.lower()
    for phrase in HANDOVERS:
        at = low.rfind(phrase)
        if at >= 0:
            who = tail[at + len(phrase):].lstrip(" ,")
            if who and len(who) <= 60 and who[:1].isupper() and not any(c in who for c in ".,;:?!"[1:]):
                return who
    return None


_APOSTROPHES = re.compile(r"[’`´]|â[\x80-\x9f€™]*")  # "We’ll", and "Weâll" of a copy that lost its bytes
_FLOOR_NAME = re.compile(r"(?P<name>[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+)?)"
                         r"(?:,? (?:from|of|at|with) (?:the )?(?P<outlet>[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4}))?$")


def floor_given(text: str) -> tuple[str, str | None] | None | bool:
    """Whom a turn's last sentence gives the floor to (cues.FLOOR_OPENERS): (name, outlet) for
    "We'll go with Jane from the Daily Post", True for a hand-over naming no one ("Go ahead."),
    None when the turn does not end by giving the floor."""
    sents = sentence_spans(text[-400:])
    if not sents:
        return None
    last = text[-400:][sents[-1][0]:sents[-1][1]].strip().rstrip(".!?").strip()
    if not last or len(last.split()) > MAX_FLOOR_WORDS:
        return None
    plain = _APOSTROPHES.sub("'", last)
    low = plain.lower()
    for opener in sorted(FLOOR_OPENERS, key=len, reverse=True):
        if low == opener:
            return True
        if low.startswith(opener) and low[len(opener):len(opener) + 1] in (" ", ","):
            rest = plain[len(opener):].lstrip(" ,")
            m = _FLOOR_NAME.fullmatch(rest)
            if m is None or fold(m.group("name").split()[0]) in FLOOR_NOT_NAMES or is_title(m.group("name").split()[0]) \
                    or fold(m.group("name").split()[0]) in NOT_NAMES:
                return None
            return m.group("name"), m.group("outlet")
    return None


__all__ = ["ATTRIBUTABLE_LINE", "remarks_owner", "RemarksOwner", "STATEMENT_VERBS", "terms_only", "QuoteSpan", "inline_lead", "dash_attributed", "comma_attributed", "handed_to", "floor_given", "Introduced", "Turn", "transcript_turns", "PAIRS", "quote_spans", "introduced_blocks", "is_introducing_line",
           "paragraph_span"]
