"""The last stage of figures: numbers in the text that count nothing.

A number span found by figures.py is dropped here when it is part of a phone number, a
postcode or zip code, a street address, a date written with digits, a clock time, list
numbering, a section or regulation number, a legal citation, an index base ("=100"), a name
("Channel 4"), or an identifier (letters and digits together, "2024/117", "25-038").
Each test reads a bounded window around the span, so the stage stays linear; the reason is
returned so that a test (and --verbose) can say why a number was left out.
"""

from __future__ import annotations

import re

from ..dates import MONTH_NUMBERS

# The characters a phone number, a date or an identifier is written with around its digits.
_NUMBERISH = frozenset("0123456789()-.+/ \u00a0–")
# "(0)" is the trunk prefix written after a country code: "+44 (0)20 7946 0958".
_PHONE = re.compile(r"\+?\d{0,3}[\s.\-]?(?:\(0\)\s?)?\(?\d{2,5}\)?[\s.\-\u00a0]?\d{3,4}[\s.\-\u00a0]\d{3,4}")
_DIGIT_DATE = re.compile(r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2} / \d{1,2} / \d{4}")  # "03/14/2031", "02 / 03 / 2031"
_UK_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b")
_ZIP_BEFORE = re.compile(r"\b[A-Z]{2}\s$")  # "Washington, DC 20546", "Austin, TX 78701"
# A house number, or a range of them ("70-80 Sycamore Street"), before a street's name.
_STREET = re.compile(r"(?:[-–]\d{1,5}[A-Za-z]?)?\s(?:[A-Z][\w’'\-]*\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Way|Place|Square|Drive|"
                     r"Boulevard|Blvd|Court|Terrace|Row|Crescent|Close|Gardens|Park|Highway|Hwy|Parkway|Pkwy|Pike|Plaza)\b")
_CLOCK_AFTER = re.compile(r"\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|hrs|hours local|local time|h)\b")
# After a model number: a word in capitals ("737 MAX") or a name word that ends the phrase ("Galaxy 24 Ultra.")
_MODEL_AFTER = re.compile(r" (?:[A-Z]{2,}\b|[A-Z][a-z]+(?=[.,;:)]|$))")
# A clock time written with a point or a colon after a word that places an event in time:
# "at 10.00", "from 14:30". Quarter-hour minutes only, so that "at 5.25" stays a rate.
_CLOCK_BEFORE = re.compile(r"(?:\b(?:at|around|from|until|till|before|after|between|and)\s+)$", re.I)
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[.:](?:00|15|30|45)(?![\d%])")
_ANY_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[.:][0-5]\d")
# A citation of a code: "12 CFR 21", "42 U.S.C. 1983": a number, a code in capitals, a number.
_CITATION_AFTER = re.compile(r"\s(?:[A-Z]\.?){2,5}\s(?:§{1,2}\s?)?\d")  # "12 U.S.C. § 481" too
# After a point-number, a unit or a magnitude makes it a quantity, never a clock time.
_COUNTED_AFTER_UNIT = re.compile(r"\s?(?:%|per\s?cent|percent|million|billion|trillion|thousand)")
_CLOCK_AFTER_UNIT = re.compile(r"\s?(?:%|per\s?cent|percent|million|billion|trillion)")
_LIST_LABEL = re.compile(r"\s*\(?\d{1,3}[.)]\s")
# Words a phone number follows: "call 111 or 999", "text 61016", "freephone 0800 …".
PHONE_WORDS = frozenset("call calling dial phone telephone text ring freephone helpline hotline tel tel. "
                        "mobile whatsapp sms".split())
# Words of a page's furniture that number its parts: "Photo 2 of 10", "Slide 3 of 12".
FURNITURE_LABELS = frozenset("photo photos image images picture slide slides step steps result results".split())
# Words after which a number labels something rather than counting it.
LABELS = frozenset("section sections article articles chapter clause paragraph paragraphs rule rules regulation "
                   "regulations schedule annex appendix part item resolution amendment flight route platform gate "
                   "room no no. number nos case reference ref ref. page pages table figure fig fig. box line "
                   "version v bill order directive code form lot unit cell phone tel tel. fax § §§ chart graph exhibit "
                   "vol vol. docket items question questions junction proclamation cm grade grades id action actions "
                   "recommendation recommendations attention attn attn. volume volumes".split())
# A label, its first number and more of the list before this one: "Cm 7275, 7276 and ".
_LABEL_LIST = re.compile(r"\b([A-Za-z§]+\.?)\s+\d[\d.()]*(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)\d[\d.()]*)*(?:\s*,\s*|\s+and\s+|\s+or\s+)$")
# Series of parliamentary papers whose numbers name a paper: "Cm 7275", "HC 452".
PAPER_SERIES = frozenset("Cm Cmnd HC HL CP SI".split())
# A label word, then its abbreviation in brackets, then the number: "Order (E.O.) 13851".
_ABBREVIATED_LABEL = re.compile(r"([A-Za-z]+)\s\((?:[A-Z]\.?){1,5}\)\s$")
# Initials with full stops right before a number: the abbreviation of what the number labels.
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.){1,4}\s$")
# Capitalised words after which a small number names a level, a stage or a school year rather
# than counting anything ("Key Stage 1 pupils", "Phase 2 trials", "Category 5 hurricane").
LEVEL_WORDS = frozenset("Year Stage Phase Level Tier Grade Category Step Band Division Zone Round Model Formula "
                        "Series".split())
# The term of a bond or a loan rate named by its length: "the 10-year Treasury yield", "the 30-year
# fixed mortgage rate", "2-year notes": which instrument, not a span of anything.
_TENOR = re.compile(r"-(?:year|month|yr)\s(?:[A-Za-z.]+\s){0,2}?(?:Treasury|Treasuries|bonds?|notes?|gilts?|bunds?|"
                    r"yields?|bills?|mortgages?|swap)\b")
# After a capitalised name, "index" makes the number part of the index's name ("the Nasdaq 100 index").
_INDEX_AFTER = re.compile(r"\s[Ii]ndex\b")
# "the top 10 sellers", "Top 5 facts": a ranking's length, not a count (a share, "the top 1%", still counts).
_TOP_BEFORE = re.compile(r"\b[Tt]op\s$")
# Capitalised words after which a small number names an administrative area or a numbered
# place ("EPA Region 7", "Ward 3", "Terminal 5", "Area 51"): the unit's name, not a count of it.
AREA_WORDS = frozenset("Region District Ward Precinct Sector Area Terminal Pier Block Lot Plot Camp Site "
                       "Building Hall Gate Wing Interstate Highway Junction Exit Title".split())
# A sentence the page says to its reader, opening with an imperative and "us" ("Give us 5 minutes,
# and we'll give you the world.", "Join us for 3 days of talks"): a slogan or a call to action,
# not the story's. Read only where the sentence starts after a full stop or the paragraph's start,
# so that a quotation ("“Give us five years,” she said") keeps its figures.
_TO_READER = re.compile(r"(?:Give|Send|Tell|Call|Join|Follow|Contact|Email|E-mail|Text|Visit|Write to|Meet) (?:us|me)\b")
# A speaker's count of their own points ("I have two things at the top", "Two questions.", "three
# quick points"): how the talk is ordered, not a figure of the story.
_DISCOURSE_AFTER = re.compile(r"\s(?:(?:quick|brief|short|final|small|big)\s(?:points|issues|items|comments|remarks|updates|ones)"
                              r"|more(?=[.?!,;])"
                              r"|points\s(?:from\s(?:my|our)\sside|(?:I|we)\s(?:want|would\s+like|wish)|to\s(?:make|raise))"
                              r"|(?:(?:quick|brief|short|final|small|big|more|other)\s)?(?:questions|things|follow-ups|"
                              r"followups|announcements|topics))\b")
_SMALL_WORDS = frozenset("two three four five six seven eight nine ten couple".split())
# A time of day said in words or with its half of the day, perhaps as the first bound of a span of
# hours: "five o'clock", "at 7 p.m.", "between 2 and 4 a.m.".
_OCLOCK = re.compile(r"(?:\s?(?:-|–|to|and)\s?(?:1[0-2]|0?\d)(?![\d.,:]))?\s?(?:o[’']clock\b|[ap]\.m\.|[ap]m\b)")
# A speaker announcing the parts of what they will say: "let me make four points".
_OWN_POINTS_BEFORE = re.compile(r"\b(?:make|makes|making|raise|raising|offer|share|highlight|stress|cover|address|"
                                r"mention|add|note)\s+(?:just\s+|the\s+following\s+)?$", re.I)
_OWN_POINTS_AFTER = re.compile(r"\s+(?:(?:brief|quick|short|key|main|general|specific)\s+)?(?:points?|remarks|"
                               r"observations|reflections|thoughts|questions|comments|messages)\b", re.I)
# Page furniture: "5 min read", "Page 1 of 3", "Photo 2 of 10", a note mark "[1]".
_READING_TIME = re.compile(r"\s?min(?:ute)?s? read\b", re.I)
_OF_COUNT = re.compile(r"\s(?:of|/)\s\d")
_OF_LABEL = re.compile(r"\b([A-Za-z]+)\s\d{1,4}\s(?:of|/)\s$")
# A military clock time, four digits after "at" and before a word of the day: "at 1430 today".
_HHMM_BEFORE = re.compile(r"\b(?:at|by|from|until|till|before|after)\s$", re.I)
_HHMM_AFTER = re.compile(r"\s(?:today|tonight|tomorrow|this (?:morning|afternoon|evening)|hours)\b")
# A capitalised word after a capitalised number word in mid-sentence: the number is part of a name.
_CAP_WORD_AFTER = re.compile(r"[ \-][A-Z][a-z]")
# After "four-month" and the like, words that make it the window of a measure, not a duration
# ("a four-month high", "the 18-month growth rate"); figures.py reads it for word numbers too.
WINDOW_OF = re.compile(r"\s(?:[A-Za-z]{2,12}\s)?(?:high|low|peak|record|rate|inflation|average|growth|change)s?\b")
_WINDOW_HYPHEN = re.compile(r"-(?:month|quarter|week|year)(?=\s)")
# A reference window: "in the 12 months to August", "the twelve months ending June".
_WINDOW_UNIT = re.compile(r"\s(?:months|quarters|weeks)\s(?:to|ending|ended|through)\s(?:the\s)?([A-Z][a-z]+)")


def _number_run(text: str, s: int, e: int) -> tuple[int, int]:
    """The stretch of digits and the punctuation numbers are written with, around s:e (at most
    20 characters each way), with its edges' spaces trimmed."""
    a = s
    while a > 0 and s - a < 20 and text[a - 1] in _NUMBERISH:
        a -= 1
    b = e
    while b < len(text) and b - e < 20 and text[b] in _NUMBERISH:
        b += 1
    while a < s and not (text[a].isdigit() or text[a] in "(+"):
        a += 1
    while b > e and not text[b - 1].isdigit():
        b -= 1
    return a, b


_TOKEN_CHARS = re.compile(r"[A-Za-z0-9/\-]")
_CODED_GROUPS = re.compile(r"\d+[-/](?!(?:to|in|of|for|per|by|and|or|on|an?)[-/])[A-Za-z]{1,4}[-/]\d+(?:[-/][A-Za-z0-9]+)*")


def _token_around(text: str, s: int, e: int) -> str:
    """The word of letters, digits, hyphens and slashes the number is part of (bounded)."""
    a, b = s, e
    while a > 0 and s - a < 16 and _TOKEN_CHARS.match(text, a - 1):
        a -= 1
    while b < len(text) and b - e < 16 and _TOKEN_CHARS.match(text, b):
        b += 1
    return text[a:b].strip("-/")


# A chart's series or axis flattened into text: twelve numbers or more with nothing but spaces
# between them ("7.0 5.5 6.0 5.0 4.0 …"); a table's row puts its label beside a few columns.
_SERIES = re.compile(r"(?:-?\d{1,6}(?:\.\d+)?[ \u00a0]+){11,}-?\d{1,6}(?:\.\d+)?")
SERIES_WINDOW = 160  # characters each way a series around a number is looked for in
_DIGITS_GO_ON = re.compile(r"\)?[\s\u00a0.\-]{0,2}\(?\d")  # more digit groups after a number
# A vanity phone number and its digits: "1-800-621-FEMA (3362)".
_VANITY = re.compile(r"\b1-8\d\d-\d{3}-[A-Z]{4}\b(?:\s?\(\d{4}\))?")
# A clock time with any minutes, after "at" and before the day it falls on: "At 4.36 on Saturday".
_CLOCK_DAY_AFTER = re.compile(r"\s(?:on\s(?!average)|this\s|that\s|in\sthe\s(?:morning|afternoon|evening))", re.I)
_AT_BEFORE = re.compile(r"\b[Aa]t\s$")
# A page's time stamp: "Updated: 49 min 44 sec ago", "3 hrs ago".
# A person's age set after her name in commas: "Jane Doe, 38;", "John Roe (罗), 35, of Portmouth".
_AGE_BEFORE = re.compile(r"[A-Z][\w’'.-]+(?: \([^()]{1,30}\))?, $")
_AGE_AFTER = re.compile(r"(?:[;.]|,(?! (?:\d|million|billion|thousand|percent|per cent))| and\b|$)")
EMERGENCY_NUMBERS = frozenset("999 911 111 112 000 101 988".split())
_CALL_BEFORE = re.compile(r"\b(?:call|calls|calling|dial|dialling|dialing|ring|phone|text)\s+$", re.I)
_CALLS_AFTER = re.compile(r"\s(?:calls?|callers?|line|service|operators?|responses?)\b", re.I)
_AGO_AFTER = re.compile(r"\s?(?:min|mins|minutes?|sec|secs|seconds?|h|hrs?|hours?)\b(?:\s\d{1,2}\s?(?:sec|secs|s)\b)?\s+ago\b")
# Days in a list before their month: "on 22 and 23 July", "1-3 May"; after it: "July 21 and 22".
_DAY_BEFORE_MONTH = re.compile(r"\s?(?:and|to|&|-|–)\s?\d{1,2}(?:st|nd|rd|th)?\s(?:%s)\b" % "|".join(
    sorted((m.title() for m in MONTH_NUMBERS), key=len, reverse=True)))
_DAY_AFTER_MONTH = re.compile(r"\b(?:%s)\.?\s\d{1,2}(?:st|nd|rd|th)?\s?(?:and|to|&|-|–)\s?$" % "|".join(
    sorted((m.title() for m in MONTH_NUMBERS), key=len, reverse=True)))


def _in_series(text: str, s: int, e: int) -> bool:
    lo = max(0, s - SERIES_WINDOW)
    return any(m.start() <= s - lo and e - lo <= m.end() for m in _SERIES.finditer(text[lo:e + SERIES_WINDOW]))


def _symbol_before(text: str, s: int) -> bool:
    """A pictogram right before the number ("⬆️ 6 • 💬 1"): a page's counter of votes or replies."""
    import unicodedata

    k = s - 1
    while k >= 0 and s - k <= 3 and text[k] in " \u00a0\ufe0f":
        k -= 1
    return k >= 0 and s - k <= 3 and unicodedata.category(text[k]) == "So"


_INLINE_LABEL = re.compile(r"\)\s+[a-z]")  # a number closed by ")" before a lower-case word: a list's label
_TODAY_BEFORE = re.compile(r"\b(?:today|yesterday|tomorrow|tonight)\s?$", re.I)


MAX_NOTE_LINE = 300
_BRACKETS_ONLY = re.compile(r"(?:\s*\([^()]*\))+\s*")  # a paragraph of notes in brackets and nothing else
MIN_ID_DIGITS = 7  # a bare run of this many digits names an entry; a count this large has its thousands marked
_UNIT_AFTER = re.compile(r"\s?(?:%|per\s?cent|percent|people|residents|visitors|tonnes|tons|barrels|km|miles|euros?|dollars|pounds)\b")


def why_not(text: str, s: int, e: int) -> str | None:
    """Why the number text[s:e] is not a figure, or None when nothing says it is not one."""
    a, b = _number_run(text, s, e)
    run = text[a:b]
    if _PHONE.fullmatch(run) and sum(c.isdigit() for c in run) >= 9:
        return "a phone number"
    if any(m.start() <= s - a and e - a <= m.end() and sum(c.isdigit() for c in m.group()) >= 9
           for m in _PHONE.finditer(run)):
        return "a phone number"  # "GA 30333 (404) 639-3286": a postcode run on into the number
    if text[max(0, s - 1):s] == "+" and _DIGITS_GO_ON.match(text, e):
        return "a phone number"  # "(+353) 21 453 5204": the country's code
    if "1-8" in text[max(0, s - 24):e] and any(m.start() <= s < m.end() for m in
                                              _VANITY.finditer(text, max(0, s - 24), min(len(text), e + 24))):
        return "a phone number"  # "1-800-621-FEMA (3362)"
    if text[s:e].isdigit() and _AGO_AFTER.match(text, e):
        return "a time stamp"  # "Updated: 49 min 44 sec ago"
    if text[s:e] in EMERGENCY_NUMBERS and (_CALL_BEFORE.search(text, max(0, s - 24), s) or _CALLS_AFTER.match(text, e)):
        return "a phone number"  # "call 999", "the most serious 999 calls", "dial 911"
    if text[max(0, s - 1):s] == "(" and text[e:e + 1] == ")" and len(text) <= MAX_NOTE_LINE \
            and _BRACKETS_ONLY.fullmatch(text):
        return "a note in brackets"  # "(Welcomes the bill on reform) (1500)": a wire item's word count
    if e - s >= MIN_ID_DIGITS and text[s:e].isdigit() and not _UNIT_AFTER.match(text, e) and text[max(0, s - 1):s] not in "$£€¥":
        return "an identifier"  # "Scheduled | 1463328", "List entry 1317771": a count of millions is written 1,463,328
    if text[s:e].isdigit() and int(text[s:e]) <= 120 and _AGE_BEFORE.search(text, max(0, s - 40), s) \
            and _AGE_AFTER.match(text, e):
        return "a person's age"  # "The defendants are Jane Doe, 38; John Roe (罗), 35; and …"
    if _symbol_before(text, s):
        return "a page's counter"  # "⬆️ 6 • 💬 1"
    if text[s:e].isdigit() and int(text[s:e]) <= 31 and (_DAY_BEFORE_MONTH.match(text, e)
                                                        or _DAY_AFTER_MONTH.search(text, max(0, s - 16), s)):
        return "a date"  # "on 22 and 23 July", "July 21 and 22"
    if _ANY_CLOCK.fullmatch(text, s, e) and _AT_BEFORE.search(text, max(0, s - 3), s) and _CLOCK_DAY_AFTER.match(text, e):
        return "a clock time"  # "At 4.36 on Saturday morning"
    if _in_series(text, s, e):
        return "a chart's series"  # "7.0 5.5 6.0 5.0 4.0 3.0 2.0 1.0 …"
    if _DIGIT_DATE.fullmatch(run):
        return "a date"
    if e - s == 4 and text[s:e].isdigit() and int(text[s:s + 2]) < 24 and int(text[s + 2:e]) < 60 \
            and _CLOCK_AFTER.match(text, e):
        return "a clock time"  # "by 1030 GMT"
    if _ANY_CLOCK.fullmatch(text, s, e) and _CLOCK_AFTER.match(text, e):
        return "a clock time"  # "at 09.50 GMT", "14:20 BST"
    if _CLOCK.fullmatch(text, s, e) and _CLOCK_BEFORE.search(text, max(0, s - 12), s) \
            and not _CLOCK_AFTER_UNIT.match(text, e):
        return "a clock time"  # "at 10.00", "around 11.00"
    if _OCLOCK.match(text, e) and (text[s:e].isalpha() or text[s:e].isdigit() and int(text[s:e]) <= 12):
        return "a clock time"  # "around five o'clock", "at 7 p.m."
    if text[s:e].isdigit() and _READING_TIME.match(text, e):
        return "a reading time"  # "5 min read" over an article
    if text[s - 1:s] == "[" and text[e:e + 1] == "]" or text[s - 2:s] == "^{" and text[e:e + 1] == "}":
        return "a note mark"  # "as the report says [1]", "^{1}E-commerce sales are …"
    if e - s <= 3 and text[s:e].isdigit() and s >= 2 and (text[s - 1] in "”\"’)" or text[s - 1] in ".,;:"
                                                          and text[s - 2] in "”\"’)") and (e == len(text) or text[e] in " .,;"):
        return "a note mark"  # "the “core tasks”6 were …", "… objectives”.5 These": a footnote's number set after the words
    if s == 0 and text[s:e].isdigit() and e - s <= 3 and text[e:e + 1] == "." and text[e + 1:e + 2].isupper():
        return "list numbering"  # "9.In 2002 the House …": a report's paragraph number
    listed = _LABEL_LIST.search(text, max(0, s - 60), s)
    if listed is not None and (listed.group(1).lower().strip(".") in LABELS or listed.group(1) in PAPER_SERIES):
        return "a label"  # "(Cm 7275, 7276 and 7322)", "sections 4, 5 and 9": the label names the whole list
    of = _OF_LABEL.search(text, max(0, s - 24), s) if text[s:e].isdigit() else None
    if of is not None and of.group(1).lower() in LABELS | FURNITURE_LABELS:
        return "a label"  # "Page 1 of 3", "Photo 2 of 10": the count after "of" labels the item too
    if text[s - 1:s] == "=":
        return "an index base"  # "(1982-84=100)"
    if (text[s:e].lower() in _SMALL_WORDS or e - s == 1 and text[s:e].isdigit()) and (
            _DISCOURSE_AFTER.match(text, e) or _OWN_POINTS_AFTER.match(text, e)
            and _OWN_POINTS_BEFORE.search(text, max(0, s - 24), s)):
        return "a count of the speaker's points"  # "I have two things at the top", "let me make four points"
    if _addressed_to_reader(text, s):
        return "an address to the reader"  # "Give us 5 minutes, and we'll give you the world."
    if text[s - 1:s] in ("*", "#") and text[s:e].isdigit():
        return "a key to press"  # "press *1 to ask a question"
    if text[s:e].isdigit() and _CITATION_AFTER.match(text, e):
        return "a legal citation"  # "12 CFR 21"
    if e - s == 4 and text[s:e].isdigit() and int(text[s:s + 2]) < 24 and int(text[s + 2:e]) < 60 \
            and _HHMM_BEFORE.search(text, max(0, s - 8), s) and _HHMM_AFTER.match(text, e):
        return "a clock time"  # "at 1430 today"
    if reference_window(text, e):
        return "a reference window"  # "the 12 months to August", "the 18-month growth rate"
    if text[s:e].isdigit() and _TENOR.match(text, e):
        return "a bond's term"  # "the 10-year Treasury yield"
    if text[s:e].isdigit() and _TOP_BEFORE.search(text, max(0, s - 5), s) and not _COUNTED_AFTER_UNIT.match(text, e):
        return "a ranking's length"  # "the top 10 sellers"
    if text[s:e].isalpha() and text[s:s + 1].isupper() and _CAP_WORD_AFTER.match(text, e):
        k = _back_over(text, s, " \"“‘'(")
        if k > 0 and text[k - 1] not in ".!?:;—–-":
            return "part of a name"  # the "Seven Harbours' Plan", the Ten Year Coastal Review
    token = _token_around(text, s, e)
    if _DIGIT_DATE.fullmatch(token):
        return "a date"  # "03/14/2031" with a clock time after it
    if re.fullmatch(r"\d+(?:-\d+)+", token) and any(g.startswith("0") for g in token.split("-")[1:]):
        return "an identifier"  # "25-038": a range is never written with a leading zero
    if token[:1].isalpha() and any(c.isdigit() for c in token):
        return "an identifier"  # "ABC-12345", "A380", "COVID-19"
    if _CODED_GROUPS.fullmatch(token):
        return "an identifier"  # "22-cv-4567": letters between two groups of digits
    if "/" in token and not _DIGIT_DATE.fullmatch(token):
        return "an identifier"  # "2024/117"
    if text[s:s + 1] == "0" and text[s + 1:s + 2].isdigit():
        return "a code or a clock time"  # "0900 to 1700", "until 00.01", "007": no quantity opens with a zero
    window = text[max(0, s - 12):min(len(text), e + 12)]
    if _UK_POSTCODE.search(window) and any(m.start() <= s - max(0, s - 12) < m.end()
                                           for m in _UK_POSTCODE.finditer(window)):
        return "a postcode"
    if _ZIP_BEFORE.search(text, max(0, s - 4), s) and e - s == 5 and text[s:e].isdigit():
        return "a zip code"
    if text[s:e].isdigit() and _STREET.match(text, e):
        return "a street number"
    k = _back_over(text, s, " \t([")
    if k == 0 or text[k - 1] in ".;:" and text[s - 1:s] in (" ", "\t", "("):
        label = _LIST_LABEL.match(text, k)
        if label is not None and label.end() > s and text[label.end():label.end() + 1].isupper():
            return "list numbering"  # "1. The council…", "…in 2026. 2. Contact:"
    if e - s <= 2 and text[s:e].isdigit() and _INLINE_LABEL.match(text, e) and (
            s == 0 or text[s - 1] == " " or text[s - 1] == "(" and (s == 1 or text[s - 2] == " ")) \
            and text.rfind("(", max(0, s - 60), max(0, s - 1)) <= text.rfind(")", max(0, s - 60), s):
        return "list numbering"  # "the defendant 1) falsely claimed …; 2) omitted …", "(1) the"
    if e - s <= 2 and text[s:e].isdigit() and text[s - 1:s] == "(" and text[e:e + 2] == ") " and int(text[s:e]) >= 2 \
            and f"({int(text[s:e]) - 1}) " in text[max(0, s - 2000):s]:
        return "list numbering"  # "two kinds: (1) Permanent Residents …; and (2) Non-permanent Residents": the next label
    if e - s <= 2 and text[s:e].isdigit() and int(text[s:e]) <= 31 and text[s - 1:s] == "(" and text[e:e + 1] == ")" \
            and _TODAY_BEFORE.search(text, max(0, s - 12), s - 1):
        return "a date"  # "at the Secretariat today (22)": the day of the month
    prev = text[max(0, s - 14):s].split()
    if prev and prev[-1].lower().strip("(:") in LABELS:
        return "a label"
    if prev and prev[-1].lower() in FURNITURE_LABELS and _OF_COUNT.match(text, e):
        return "a label"  # "Photo 1 of 10"
    bare = text[s:e].replace(" ", "").replace("\u00a0", "").isdigit() and not text[e:e + 1].isalpha()  # "116 123" too
    if bare and _ABBREVIATED_LABEL.search(text, max(0, s - 40), s) and \
            _ABBREVIATED_LABEL.search(text, max(0, s - 40), s).group(1).lower() in LABELS:
        return "a label"  # "Executive Order (E.O.) 13851": the label, then its abbreviation
    if bare and e - s >= 3 and _INITIALS_BEFORE.search(text, max(0, s - 12), s):
        return "a label"  # "H.R. 4346", "S. 1260", "E.O. 13660": a bill's or an order's number
    if bare and prev and prev[-1] in LEVEL_WORDS and len(text[s:e]) <= 2:
        return "a level or stage"  # "Key Stage 2", "a Year 1 pupil", "Phase 3 trials"
    if bare and prev and prev[-1] in AREA_WORDS and len(text[s:e]) <= 3:
        return "an area's number"  # "EPA Region 7", "the four Region 7 states", "Terminal 5", "Interstate 95"
    if bare and any(w.lower().strip(",:") in PHONE_WORDS for w in text[max(0, s - 24):s].split()[-3:]):
        return "a phone number"  # "call 111 or 999"
    if bare and prev and prev[-1] == "on" and any(w.lower() in PHONE_WORDS or w.lower() == "contact"
                                                 for w in text[max(0, s - 48):s].split()[-6:]):
        return "a phone number"  # "contact the police on 101"
    if bare and prev and prev[-1][:1].isupper() and prev[-1].isalpha() and _MODEL_AFTER.match(text, e) \
            and s >= 2 and text[s - 1] == " ":
        return "a model name"  # "the Boeing 737 MAX", "a Galaxy 24 Ultra"
    if bare and prev and prev[-1][:1].isupper() and prev[-1].isalpha() and _INDEX_AFTER.match(text, e):
        return "part of a name"  # "the Nasdaq 100 index"
    if bare and (_named_number(text, s, prev) or prev and prev[-1].strip("(") == "Quarter"):
        return "part of a name"  # "Channel 4", "Tower 22", "Quarter 3", "(Quarter 3 (Jul to Sep) 2029)"
    if s >= 1 and text[s - 1] == "(" and s >= 2 and (text[s - 2].isdigit() or text[s - 2] == ")"):
        return "a sub-section number"  # "regulation 4(2)"
    return None


def _back_over(text: str, s: int, chars: str, limit: int = 64) -> int:
    """Where the run of `chars` ending at s starts, looking back `limit` characters at most: the
    end of what stands before the number, found without copying the text before it (a copy per
    number made a long paragraph of numbers quadratic)."""
    k = s
    while k > 0 and s - k < limit and text[k - 1] in chars:
        k -= 1
    return k


def _addressed_to_reader(text: str, s: int) -> bool:
    """The number stands in a sentence, within 200 characters of its start, that opens with an
    imperative to the reader (_TO_READER)."""
    lo = max(0, s - 200)
    start = max(text.rfind(". ", lo, s), text.rfind("! ", lo, s), text.rfind("? ", lo, s))
    start = start + 2 if start >= 0 else (0 if lo == 0 else -1)
    return start >= 0 and _TO_READER.match(text, start) is not None


def reference_window(text: str, e: int) -> bool:
    """The number ending at e sets the period a measure is taken over, not a quantity."""
    hy = _WINDOW_HYPHEN.match(text, e)
    if hy is not None:
        return WINDOW_OF.match(text, hy.end()) is not None
    unit = _WINDOW_UNIT.match(text, e)
    return unit is not None and unit.group(1).lower() in MONTH_NUMBERS


def _named_number(text: str, s: int, prev: list[str]) -> bool:
    """A bare number right after a capitalised word that does not open its sentence: the
    number names something ("Channel 4", "Tower 22", "Quarter 3") rather than counting it.
    A capital that only marks a sentence start ("Nearly 40 people") says nothing."""
    if not prev or not (prev[-1][:1].isupper() and prev[-1][1:].islower() and prev[-1].isalpha()) \
            or s < 2 or text[s - 1] != " ":
        return False
    if prev[-1].lower() in MONTH_NUMBERS:
        return False  # "March 5" is a date, the timeline's
    w = s - 1 - len(prev[-1])  # where the capitalised word starts
    before = text[max(0, w - 3):w].rstrip()
    if not before or before[-1] in ".!?:;\"“‘(—–-":
        return False
    return _COUNTED_AFTER.match(text, s) is None or _SINGULAR_AFTER.match(text, s) is not None


# A singular noun after a number above one, not a noun before a plural one ("12 hospital beds"):
# after a capitalised name the number is part of it ("Grand Crossing 3 lot", "the Falcon 9
# rocket", "the Landsat 9 satellite"), not a count of the noun.
_SINGULAR_AFTER = re.compile(r"(?:[2-9]|\d{2,3})\s(?!(?:people|staff|police|personnel|cattle|sheep|children|men|women|"
                             r"aircraft|data|media|fish|deer|livestock|head|feet|per|percent|million|billion)\b)"
                             r"[a-z]{2,}(?<!s)\b(?![-’'])(?!\s(?!(?:is|was|has|as|its|this|thus|plus)\b)[a-z]{2,}s\b)")


# After a counted number: a magnitude, a percentage, or a lower-case noun it counts ("4 people").
_COUNTED_AFTER = re.compile(r"[\d,.]+\s?(?:%|per\s?cent|percent|million|billion|trillion|thousand"
                            r"|(?!(?:and|or|in|on|at|of|to|for|with|by|from|the|is|was|as)\b)[a-zµ])")


__all__ = ["LABELS", "WINDOW_OF", "reference_window", "why_not"]
