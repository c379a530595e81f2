"""Timeline: dated events in date order.

Full dates, month-and-year, bare years, months and weekdays; "today", "yesterday" and
"tomorrow" against the publication date. A date without a year takes
the year stated earlier in the same sentence ("In January 2018 ... April 12 that year"),
else the year that puts it nearest the publication date; with neither it stays partial
(``--04-14``). Weekdays need the publication date and are skipped without it; a weekday
written with a day and month ("Monday 25th November") dates it even so, in the year near the
article's last one that puts that day on that weekday. A span of days is dated by its first day
("23-24 October"); a listing's "[June 2025]" stamp is no event.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from math import inf

from .facts import TimelineEvent
from ..dates import MONTH_NUMBERS
from .text import WEEKDAYS, Sentences

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_YEAR = r"(?:1[89]\d\d|20\d\d)"
# Wire style writes an abbreviated month without its full stop before a day: "Nov 12".
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s[0-3]?\d(?!\d))"
# Tables and headers write it so before a year too: "Sep 2017", "Apr 2018".
_MONTH_ABBR_YEAR = rf"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?=\s{_YEAR}(?!\d))"
# The end of a span of days, which the date gives by its first day: "23-24 October", "Sept. 16–20".
_DAY_SPAN_END = r"(?:\s?(?:-|–|and|to)\s?[0-3]?\d(?:st|nd|rd|th)?(?![\d\w]))"
_DATE = re.compile(
    # Every alternative starts with a digit, a month's capital or a weekday's lead word. Saying so
    # first (one character class, then the exact test) lets the search step over all other
    # positions without trying the six alternatives. The class takes every non-ASCII character
    # rather than \d, which would cost a Unicode lookup per position.
    r"(?=[0-9JFMASONDbflnotsau\x80-\U0010ffff])(?=[\dJFMASOND]|\b(?:on|last|next|this|from|until|by|said|announced|told)\s)"
    rf"(?:(?P<md>(?P<m1>{_MONTH}|{_MONTH_ABBR})\s(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?![\d\w]){_DAY_SPAN_END}?(?:,?\s(?P<y1>{_YEAR})(?!\d))?)"
    rf"|(?P<dm>(?<![\d\w])(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?{_DAY_SPAN_END}?\s(?:of\s)?(?P<m2>{_MONTH})(?:,?\s(?P<y2>{_YEAR})(?!\d))?)"
    rf"|(?P<my>(?P<m3>{_MONTH}|{_MONTH_ABBR_YEAR})(?:\sof)?,?\s(?P<y3>{_YEAR})(?!\d))"
    rf"|(?P<mo>(?P<m4>{_MONTH})(?![\w]))"
    rf"|(?P<iso>(?<![\w/\-])(?P<yi>{_YEAR})-(?P<mi>0[1-9]|1[0-2])-(?P<di>[0-2]\d|3[01])(?![\w\-]))"
    # "29/01/2020", "11/25/2024", "01 / 07 / 2015": day and month in either order, read where the
    # numbers or the publication date say which
    rf"|(?P<nd>(?<![\w/.\-])(?P<na>[0-3]?\d)\s?/\s?(?P<nb>[0-3]?\d)\s?/\s?(?P<ny>{_YEAR})(?![\w/.\-]?\d))"
    # a year, or a span of years; not one that opens a reference number ("2008/0058", "2024-116")
    rf"|(?P<yr>(?:(?<![\w$€£.,\-/])|(?<=mid-))(?P<y5>{_YEAR})(?![\-/](?!{_YEAR}(?!\d))\d{{3}})"
    rf"(?:\s?[-–]\s?(?P<y6>{_YEAR}|\d\d))?(?![\w%.,]\d|[\w%]))"
    # US wire style drops the "on": "said Tuesday", "announced Monday"
    rf"|(?P<wd>\b(?:on|last|next|this|from|until|by|said|announced|told)\s(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b))"
)
_MONTH_ONLY_CONTEXT = re.compile(r"(?:\b(?:in|since|by|until|till|from|between|and|to|through|during|early|"
                                 r"late|mid|last|next|this|of|before|after|for|or|the|our|its|their|"
                                 r"In|Since|By|Until|From|Between|Through|During|Early|Late|Last|Next|This|Before|After)\s|-)$")
# A listing's stamp, "[June 2025]" or "[ April 2024]" closing a line: when the item was posted, no event.
_STAMP_BEFORE = re.compile(r"\[\s?$")
_STAMP_AFTER = re.compile(r"\s?\]\s*$")
_LEAD = re.compile(r"^(?:[Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Uu]ntil|[Ff]rom|[Dd]uring)\s")
# "June and September 2024", "March to May 2025": a month sharing the year of the one after it
_SHARED_YEAR = re.compile(rf"\s(?:and|to|through|until|or|-|–)\s{_MONTH}\s({_YEAR})(?!\d)")
_SINCE = re.compile(r"\b[Ss]ince\s(?:(?:the\s)?(?:start|end|beginning|middle)\sof\s|early\s|late\s|mid-?)?$")
MAX_EVENTS = 2000
MAX_SCAN = 100_000
# How far back a date without a year looks for one: bounded, so a run-on paragraph of many dates stays linear.
YEAR_LOOKBACK = 2_000
EVENT_WORDS = 22
# A date without a year this close to the publication date is taken in the nearest year, as a
# reader takes it, whatever the tense of its clause says.
NEAR_DAYS = 21
HEADER_PARAGRAPHS = 2  # with no publication date, a full date this early is the reference date
_INDEX_BASE = re.compile(r"\s?=\s?100\b")


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTH_NUMBERS.get(key, 0)


_FUTURE = frozenset("will would shall until till next plans plan planning planned expected expects expect due starting "
                    "scheduled upcoming ahead begin begins start starts resume resumes".split())
_PAST = frozenset("said told was were had did began rose fell grew took came made won lost met held saw sold bought "
                  "went left became wrote spent paid led ran ago last".split())


_CLAUSE = frozenset("that which who when whether if because while although".split())
_HAD = frozenset("had was were been".split())


def _cue(word: str, participles: bool = True) -> str | None:
    lw = word.lower().strip(",.;:“”\"'()")
    if lw in _FUTURE or lw in ("could", "should", "might") or lw.endswith("’ll"):
        return "future"
    if lw in _PAST or (participles and lw.endswith("ed") and len(lw) > 4 and lw.isalpha()):
        return "past"
    return None


def _tense(text: str, start: int, pos: int, end: int | None = None, stop: int | None = None) -> str | None:
    """"past" or "future" from the nearest tense cue in the date's clause: the words before it
    back to "that"/a comma, else the words after it. "had been due to expire" is past."""
    # Six words back, read from a bounded window so a run-on paragraph stays linear.
    window = max(start, pos - 300)
    before = text[window:pos].split()[-6:] if window == start else text[window:pos].split()[1:][-6:]
    for k in range(len(before) - 1, -1, -1):
        w = before[k]
        if w.lower() in _CLAUSE or w.endswith((",", ";", ":")):
            break
        c = _cue(w)
        if c == "future" and any(x.lower() in _HAD for x in before[max(0, k - 2):k]):
            return "past"
        if c:
            return c
    if end is not None:
        for w in text[end:stop if stop is not None else end + 80].split()[:6]:
            if w.lower() in _CLAUSE:
                break
            c = _cue(w, participles=False)  # after the date, "is not guaranteed" is no past
            if c:
                return c
            if w.endswith((",", ";", ":", ".")):
                break
    return None


def _nearest_year(month: int, day: int, published: date, tense: str | None = None, exact: bool = False) -> int:
    """The year a month (and day) without one falls in: the last one before publication for a
    past event ("told a conference in March"), the next one for a future event ("until the rainy
    season starts in November"), else the nearest."""
    here = (published.month, published.day)
    near = _nearest_year(month, day, published) if tense and exact else None
    if near is not None and abs((date(near, month, min(day, 28)) - published).days) <= NEAR_DAYS:
        return near  # "the meeting of 23-24 October" in a release of 21 October: this year's, whatever the verb
    if tense == "past":
        return published.year if (month, day) <= here else published.year - 1
    if tense == "future":
        return published.year if (month, day) >= here else published.year + 1
    best, best_gap = published.year, None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            gap = abs((date(y, month, min(day, 28)) - published).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def title_date(title: str) -> date | None:
    """A full date written in the title ("Press Briefing – September 28, 2023", "…: 2 October
    2024"): what "today", a weekday and a date without a year are read against when the
    article gives no publication date of its own."""
    for m in _DATE.finditer(title[:300]):
        g = m.groupdict()
        year, day = g["y1"] or g["y2"] or g["yi"], g["d1"] or g["d2"] or g["di"]
        month = _month(g["m1"] or g["m2"]) if (g["md"] or g["dm"]) else int(g["mi"] or 0)
        if year and day and month:
            try:
                return date(int(year), month, int(day))
            except ValueError:
                continue
    return None


def extract(paragraphs, published: date | None,
            sentences: Sentences | None = None) -> tuple[list[TimelineEvent], list[str]]:
    if sentences is None:
        sentences = Sentences(paragraphs)
    events: list[TimelineEvent] = []
    skipped: list[str] = []
    seen: set[tuple[str, int]] = set()
    context_year: int | None = None  # the last year written so far: dates a bare month when nothing else can
    for pno, text in enumerate(paragraphs, 1):
        spans = None
        last_full = None
        for m in _DATE.finditer(text):
            last_full = m if (m.group("md") or m.group("dm") or m.group("iso")) else last_full
            if len(events) >= MAX_EVENTS:
                skipped.append(f"more than {MAX_EVENTS} dates; the rest are ignored")
                return _sorted(events), skipped
            if spans is None:
                spans = sentences[pno - 1]
            sent = _sentence_of(spans, m.start(), len(text))
            if _INDEX_BASE.match(text, m.end()):
                continue  # "(1982-84=100)", "(December 1999=100)": an index's base period, no event
            if m.group("my") and _STAMP_AFTER.match(text, m.end()) and _STAMP_BEFORE.search(text, max(0, m.start() - 2), m.start()):
                continue  # "… sentence increased [June 2025]": the date a listing was posted
            for iso in _dates(m, text, sent, published, skipped, pno, context_year):
                if (iso, pno) in seen:
                    continue
                seen.add((iso, pno))
                events.append(TimelineEvent(date=iso, event=_event(text, sent, m), paragraph=pno))
        for m in _RELATIVE_DAY.finditer(text, 0, MAX_SCAN) if published is not None else ():
            iso = (published + timedelta(days=RELATIVE_DAYS[m.group(1).lower()])).isoformat()
            if (iso, pno) in seen or len(events) >= MAX_EVENTS:
                continue
            seen.add((iso, pno))
            sent = _sentence_of(sentences[pno - 1], m.start(), len(text))
            events.append(TimelineEvent(date=iso, event=_event(text, sent, m), paragraph=pno))
        if published is None:
            context_year = _year_in_sentence(text[:MAX_SCAN], 0, min(len(text), MAX_SCAN)) or context_year
            if pno <= HEADER_PARAGRAPHS and last_full is not None and last_full.end() >= len(text.rstrip()):
                # A release's header line that ends with the date, no full stop ("… Friday, January
                # 16, 2009"), dates what follows, as a publication date would.
                published = next((date.fromisoformat(e.date) for e in reversed(events)
                                  if e.paragraph == pno and len(e.date) == 10), None)
    return _sorted(events), skipped


# Days named relative to the publication date: "announced today", "arrived yesterday".
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE_DAY = re.compile(r"\b(today|yesterday|tomorrow)\b(?![’'-])", re.I)


def _sentence_of(spans: list[tuple[int, int]], pos: int, length: int) -> tuple[int, int]:
    """The sentence holding pos (spans are sorted and disjoint), else the whole paragraph."""
    k = bisect_right(spans, (pos, inf)) - 1
    return spans[k] if k >= 0 and pos < spans[k][1] else (0, length)


def _dates(m: re.Match, text: str, sent: tuple[int, int], published: date | None, skipped: list[str],
           pno: int, context_year: int | None = None) -> list[str]:
    g = m.groupdict()
    if g["md"] or g["dm"]:
        month = _month(g["m1"] or g["m2"])
        day = int(g["d1"] or g["d2"])
        year = g["y1"] or g["y2"]
        if not 1 <= day <= 31:
            return []
        if g["dm"] and int(g["d2"]) > 31:
            return []
        if year is None:
            same = text[m.end():m.end() + 16].lstrip(" ,").startswith(("that year", "the same year"))
            year = (_year_in_sentence(text, max(sent[0], m.start() - YEAR_LOOKBACK), m.start()) if same or published is None else None) or (
                _nearest_year(month, day, published, _tense(text, sent[0], m.start(), m.end(), sent[1]), exact=True) if published else None)
            if year is None and context_year is not None:
                year = _weekday_year(text, m.start(), month, day, context_year)
        try:
            return [date(int(year), month, day).isoformat()] if year else [f"--{month:02d}-{day:02d}"]
        except ValueError:
            return []
    if g["my"]:
        return [f"{int(g['y3'])}-{_month(g['m3']):02d}"]
    if g["mo"]:
        if not _MONTH_ONLY_CONTEXT.search(text[max(0, m.start() - 9):m.start()]):
            return []  # "May" the verb, "March" the noun: a month needs a preposition before it
        month = _month(g["m4"])
        shared = _SHARED_YEAR.match(text, m.end())
        if shared:  # "between June and September 2024": the year written once dates both months
            return [f"{int(shared.group(1))}-{month:02d}"]
        if published is None:
            year = _year_in_sentence(text, max(0, m.start() - YEAR_LOOKBACK), m.start()) or context_year
        else:
            tense = _tense(text, sent[0], m.start(), m.end(), sent[1])
            if _SINCE.search(text, max(sent[0], m.start() - 30), m.start()):
                tense = "past"  # "since the start of May" looks back
            year = _nearest_year(month, 28 if tense == "future" else (1 if tense == "past" else 15), published, tense)
        return [f"{year}-{month:02d}" if year else f"--{month:02d}"]
    if g["nd"]:
        a, b, y = int(g["na"]), int(g["nb"]), int(g["ny"])
        readings = [(b, a)] if a > 12 else [(a, b)] if b > 12 else [(b, a), (a, b)]  # (month, day)
        found = []
        for month, day in readings:
            try:
                found.append(date(y, month, day))
            except ValueError:
                continue
        if len(found) == 2:  # both readings are dates: the one that is the publication date, else none
            found = [d for d in found if d == published]
        return [found[0].isoformat()] if len(found) == 1 else []
    if g["iso"]:  # "2026-03-05", as a machine writes it
        try:
            return [date(int(g["yi"]), int(g["mi"]), int(g["di"])).isoformat()]
        except ValueError:
            return []
    if g["yr"]:
        if _TITLE_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            return []  # "the Health and Safety at Work Act 1974": a law's title, no event
        first = int(g["y5"])
        out = [str(first)]
        if g["y6"]:
            last = int(g["y6"]) if len(g["y6"]) == 4 else first // 100 * 100 + int(g["y6"])
            if first < last:
                out.append(str(last))
        return out
    if g["wd"]:
        if published is None:
            skipped.append(f"¶{pno}: “{g['wd']}” not dated: the publication date is unknown")
            return []
        lead = g["wd"].split()[0].lower()
        back = (published.weekday() - WEEKDAYS[g["w"].lower()]) % 7
        if lead == "next":
            return [(published + timedelta(days=(7 - back) % 7 or 7)).isoformat()]
        if lead in ("until", "by", "from", "this") and back:
            return [(published + timedelta(days=7 - back)).isoformat()]
        return [(published - timedelta(days=back or (7 if lead == "last" else 0))).isoformat()]
    return []


# Words whose year names an instrument or a document rather than dating an event.
_TITLE_BEFORE = re.compile(r"\b(?:Act|Acts|Regulations|Rules|Order|Bill|Code|Directive|Decision|Release|Ordinance)\s$")
_WEEKDAY_BEFORE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s(?:the\s)?$")


def _weekday_year(text: str, pos: int, month: int, day: int, near: int) -> int | None:
    """The year a date without one falls in when a weekday names it ("Monday 25th November")
    and the article gives no publication date: the year nearest to the last one the article
    wrote in which that day is that weekday."""
    w = _WEEKDAY_BEFORE.search(text, max(0, pos - 12), pos)
    if w is None:
        return None
    want = WEEKDAYS[w.group(1).lower()]
    for y in sorted(range(near - 3, near + 4), key=lambda y: (abs(y - near), -y)):
        try:
            if date(y, month, day).weekday() == want:
                return y
        except ValueError:
            continue
    return None


# (?<![\w$€£.,])(1[89]\d\d|20\d\d)(?![\w%]), written to start with the digit it consumes (the
# lookbehinds then check the characters before and at it): a pattern that starts with a character
# lets the regex engine skip to the 1s and 2s instead of trying every position of the paragraph.
_YEAR_RE = re.compile(r"([12](?<![\w$€£.,][12])(?:(?<=1)[89]|(?<=2)0)\d\d)(?![\w%])")


def _year_in_sentence(text: str, start: int, pos: int) -> int | None:
    found = _YEAR_RE.findall(text, start, pos)
    return int(found[-1]) if found else None


def _event(text: str, sent: tuple[int, int], m: re.Match) -> str:
    """The sentence the date is in, shortened around the date."""
    s, e = sent
    before = text[s:m.start()].split()
    after = text[m.start():e].split()
    half = EVENT_WORDS // 2
    head = (["…"] if len(before) > half else []) + before[-half:]
    tail = after[:EVENT_WORDS - min(len(before), half)]
    words = head + tail + (["…"] if len(after) > len(tail) else [])
    phrase = " ".join(words).strip(" ,;")
    return phrase.strip("“”\"")[:300]


def _sorted(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Known dates in order (a year before its months), then dates without a year."""
    return sorted(events, key=lambda ev: (ev.date.startswith("--"), ev.date, ev.paragraph))
