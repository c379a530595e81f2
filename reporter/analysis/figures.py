"""Key figures: each quantity with what it counts, its qualifier and its unit.

Counts, money, percentages and measures are kept apart; calendar years, days of the
month, clock times, phone numbers, ordinals and "N years ago" are not figures (years go
to the timeline). One linear regex finds candidates; small checks around each decide. Beyond
prose numbers it reads the cells of a statistics table flattened into text, thousands grouped by
spaces, vulgar fractions, spans of time without digits ("over a decade", "a year and a half") or
in two units ("one year and ten months"), and "one" where it counts (a magnitude, a span, a charge).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .facts import KeyFigure
from ..dates import MONTH_NUMBERS
from .notfigures import LABELS, WINDOW_OF, why_not

WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
         "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
         "twice": 2, "double": 2}
_TIME_ZONE = re.compile(r"\s(?i:est|edt|cst|cdt|mst|mdt|pst|pdt|utc|gmt|bst|cet|cest|aest|aedt|zulu)\b")
_UNITS_DIGIT = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
# "a two-year freeze", "a seven-day pause": a number word made an adjective of a measured span
_HYPHEN_UNITS = frozenset("year month week day hour minute mile kilometre kilometer metre meter "
                          "percentage-point point seat storey story count".split())
_LABEL_CODE = re.compile(r"[A-Z][A-Za-z]*&[A-Za-z]+")  # "S&P 500": an index name, not a count
_TWICE_CONTEXT = re.compile(r"\s(?:as|the|that|its|their|his|her|a|an)\b")
MULT = {"dozen": 12, "lakh": 1e5, "crore": 1e7, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
        "b": 1e9, "trillion": 1e12, "tn": 1e12}
CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP",
            "¥": "JPY", "₹": "INR", "₦": "NGN", "KSh": "KES", "Ksh": "KES", "Rs": "INR", "Rs.": "INR",
            "CHF": "CHF", "JPY": "JPY", "CNY": "CNY", "INR": "INR", "A$": "AUD", "C$": "CAD", "NZ$": "NZD", "HK$": "HKD", "R$": "BRL", "R": "ZAR"}
# ISO 4217 codes written before an amount ("AUD 1.2m", "SEK 2 billion"): each is its own unit.
# Only codes whose first letter already opens a figure (the scan's _FIRST_CHARS, a test checks):
# each letter added there makes the scan try the whole figure pattern at every capital it opens,
# a third slower on the fixtures, for codes ("PLN", "ZAR", "BRL") English news rarely writes.
ISO_CODES = ("USD EUR GBP CHF JPY CNY INR AUD CAD NZD HKD SGD SEK NOK DKK CZK HUF KRW RUB TRY SAR AED NGN "
             "KES EGP").split()
CURRENCY.update({code: code for code in ISO_CODES})
CURRENCY_WORDS = {"dollars": "USD", "euros": "EUR", "pounds": "GBP", "yen": "JPY", "rupees": "INR",
                  "rand": "ZAR", "pesos": "MXN", "soles": "PEN", "yuan": "CNY"}
UNITS = {"mw": "MW", "gw": "GW", "kw": "kW", "twh": "TWh", "gwh": "GWh", "mwh": "MWh", "megawatts": "MW",
         "gigawatts": "GW", "terawatt-hours": "TWh", "km": "km", "kilometres": "km", "kilometers": "km",
         "miles": "miles", "hectares": "hectares", "acres": "acres", "litres": "litres", "liters": "litres",
         "tonnes": "tonnes", "tons": "tonnes", "kg": "kg", "kilograms": "kg", "barrels": "barrels",
         "c": "°C", "°c": "°C", "f": "°F", "°f": "°F", "degrees": "degrees", "years": "years", "year": "years",
         "months": "months", "month": "months", "weeks": "weeks", "week": "weeks", "days": "days",
         "day": "days", "hours": "hours", "minutes": "minutes", "times": "times", "basis": "basis points",
         "points": "points", "metres": "m", "meters": "m", "feet": "feet", "people": None,
         "decades": "years", "decade": "years", "fortnights": "weeks", "fortnight": "weeks",
         "cm": "cm", "mm": "mm", "ha": "hectares", "mph": "mph", "kwh": "kWh", "hour": "hours", "hr": "hours",
         "hrs": "hours", "minute": "minutes", "min": "minutes", "mins": "minutes", "seconds": "seconds"}
# Units counted in another unit: "four decades" is 40 years, "a fortnight" two weeks.
UNIT_FACTORS = {"decades": 10, "decade": 10, "fortnights": 2, "fortnight": 2}
QUALIFIERS = ("at least", "at most", "more than", "less than", "fewer than", "up to", "nearly", "almost",
              "about", "around", "roughly", "approximately", "some", "over", "under", "above", "below",
              "no more than", "an estimated", "as many as", "as much as", "estimated", "just over",
              "just under", "between", "only", "a record")
# Thousands grouped by a comma, or (European style) by a space: "24 000", never a group of
# digits that another group follows ("0300 123 4567" is a phone number); a vulgar fraction "¼",
# "3½".
_FRACTIONS = {"¼": 0.25, "½": 0.5, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_NUM = (r"\d{1,3}(?:,\d{3}){1,4}(?:\.\d+)?|[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3}){1,3}(?![\d.,]\d|[ \u00a0\u202f]?\d)"
        r"|\d{0,3}[¼½¾⅓⅔⅛]|\d{1,15}(?:\.\d{1,6})?")


def _by_first_letter(words: list[str]) -> str:
    """An alternation of words, longest first, grouped by first letter: "s(?:ixteen|ix)|t(?:wo)".
    It matches what the flat alternation would, but the engine tries seven letters rather than
    thirty words at each word start."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_WORD = _by_first_letter(list(WORDS))
_CUR = rf"US\$|A\$|C\$|NZ\$|HK\$|R\$|\$|€|£|¥|₹|₦|R(?=\d)|(?:{_by_first_letter(ISO_CODES)}|KSh|Ksh|Rs\.?)\s?"
_MULT = (r"(?:\s?(?:dozen|lakh|crore|thousand|million|billion|trillion|Thousand|Million|Billion|Trillion|THOUSAND|MILLION|"
         r"BILLION|TRILLION|bn|mn|mln|tn)|-(?:thousand|million|billion|trillion)|(?:m|k|b|M|B|K))(?![\w])")  # "$925-million" too
# A figure starts with a digit, a currency sign or code (the first characters of _CUR) or a number
# word. One character class saying so lets the search skip other positions cheaply; it takes every
# non-ASCII character as well, which covers the currency signs, digits other than 0-9 and any
# case-insensitive match of the words' first letters.
_FIRST_CHARS = "".join(sorted(set("$ACEGHIJKNRU") | {c for w in WORDS for c in (w[0], w[0].upper())}))
_FIG_START = rf"(?=[0-9{re.escape(_FIRST_CHARS)}\x80-\U0010ffff])"


def _figure_pattern(word: str, start: str = "") -> re.Pattern:
    return re.compile(
        rf"{start}(?<![\w.,$€£/:#])(?<![\w)\]+]\+)(?<![\w)\]\-]-)(?<![\w)\]]−)(?P<cur>{_CUR})?(?P<num>{_NUM}|(?i:(?:{word})\b))"
        rf"(?P<mult>{_MULT})?"
        rf"(?P<range>\s?(?:-|–|to|and)\s?(?:{_CUR})?(?:{_NUM}|(?i:(?:{word})\b))(?:{_MULT})?)?"
        rf"(?P<pct>\s?%|\s(?:per ?cent|percent|percentage points?)\b|pc\b|\s?(?:pp|ppts?)\b)?"
        rf"(?P<glued>C\b|°C|°F|km\b|kg\b|kWh\b|MWh\b|GWh\b|TWh\b|MW\b|GW\b|kW\b|cm\b|mm\b|ml\b|mg\b|ha\b|mph\b)?"
    )


_FIG = _figure_pattern(_WORD, _FIG_START)
# "one" is read only where it counts (a magnitude, a span of time, a charge: see _figure); the
# scan for candidates leaves it out, since an "o" at every other word would cost every search,
# and this pattern is matched only where _ONE_AT found the word.
_FIG_ONE = _figure_pattern(_WORD + "|one")
_ONE_AT = re.compile(r"(?<![\w-])[Oo]ne(?=[\s-])")
_QUAL = re.compile(r"(?i)(?<![\w])(?:" + "|".join(q.replace(" ", r"\s") for q in QUALIFIERS) + r")\s$")
# A qualifier match ends at the end of the text searched (or before a final newline), so it starts
# within this many characters of that end.
_QUAL_SPAN = max(map(len, QUALIFIERS)) + 2


def _qualifier(text: str, s: int, width: int = 22) -> re.Match | None:
    """The qualifier ("more than", "about") ending right before s, read from the `width`
    characters before it; searched only where a match can start, since each try costs
    every qualifier."""
    before = text[max(0, s - width):s]
    return _QUAL.search(before, max(0, len(before) - _QUAL_SPAN))
_INDEX_AFTER = re.compile(r"\s[Ii]ndex\b")
_CLOCK_AFTER = frozenset(f"{h}{c}" for h in ("am", "pm") for c in " ,.;)")
_WORD_AFTER = re.compile(r"\s?([\w’'\-°]{1,30})")
_STOP = frozenset("""will would is are was were has have had be been being that which who whom whose in on at by
for to from with across since during over after before than as while said says say told according per into
this these those it its their his her our and or but not also can could may might should must each a an
the if when where because near per about around each every along through towards toward within between
among beyond behind under""".split())
_YEAR_CONTEXT = frozenset("in since by until till from of during early late mid before after between and or "
                          "the to through".split())
_DURATIONS = frozenset("years months weeks days hours minutes".split())
DURATIONS = _DURATIONS | {"seconds"}  # the units of a span of time
MONEY_UNITS = frozenset(CURRENCY.values()) | frozenset(CURRENCY_WORDS.values())
MAX_FIGURES = 2000
MAX_CANDIDATES = 50_000  # numbers read per article: past this the text is junk (a table dump, a log)
# "1 in 5 deaths": a share, worth 0.2
_RATIO_WORD = _by_first_letter(list(_UNITS_DIGIT) + "ten twenty hundred".split())
_RATIO = re.compile(rf"(\d{{1,3}}|(?i:{_RATIO_WORD})) (?:in|out of) (\d{{1,3}}(?:,\d{{3}})?|\d{{1,5}}|(?i:{_RATIO_WORD}))"
                    r"(?![\w%.,]?\d|[\w%]|\s(?:seconds|minutes|hours|days|weeks|months|years|games|matches)\b)")
# "12.5 per 100,000 people": a rate, its base part of the unit
_PER_RATE = re.compile(r"\s(?:per|for every)\s(100|1,000|10,000|100,000|1,000,000|million)(?![\w,])")
_COUNTED_PER_RATE = re.compile(r"\s([a-z]{3,20}(?:\s[a-z]{3,20})?)\s(?:per|for every)\s(100|1,000|10,000|100,000|1,000,000|million)(?![\w,])")
# "50 µg/L", "5 mg/kg": a concentration or a dose
_CONCENTRATION = re.compile(r"\s?((?:µg|μg|mg|ng|mmol|mol|g|kg)/(?:L|l|dL|dl|m³|m3|kg|day))(?![\w/])")
# "ranked 40th", "the 3rd largest", "40th out of 50": an ordinal that measures a position
_RANK_BEFORE = re.compile(r"(?:rank(?:ed|s)?|placed|finished|came|rose to|fell to|dropped to|climbed to)\s(?:the\s)?$")
_RANK_AFTER = re.compile(r"\s(?:out of \d[\d,]*|(?:largest|biggest|highest|lowest|most|least|best|worst|"
                         r"place|position|percentile)\b)")
_PCT_RANGE_TAIL = re.compile(r"\s?(?:-|–|to|and)\s?\d{1,15}(?:\.\d{1,6})?\s?(?:%|per ?cent\b|percent\b)")


def _value(num: str) -> float | None:
    low = num.lower()
    if low in WORDS or low == "one":
        return float(WORDS.get(low, 1))
    if num[-1:] in _FRACTIONS:
        return (float(num[:-1]) if num[:-1] else 0.0) + _FRACTIONS[num[-1]]
    try:
        return float(num.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))
    except ValueError:
        return None




def _is_date_part(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 12):s].split()
    after = text[e:e + 14].split()
    prev = before[-1].lower().lstrip("([“\"").rstrip(".,") if before else ""  # "(March 4, 2020)"
    nxt = after[0].lower().rstrip(".,;:)") if after else ""  # "(14 March)", not "118.2 (March 2030=100)"
    if nxt == "of" and len(after) > 1:
        nxt = after[1].lower().rstrip(".,;:)")
    if prev in MONTH_NUMBERS or nxt in MONTH_NUMBERS:
        return True
    # A day, a month's name in any language, a year: "31 Ιανουαρίου 2018", "19 octobre 2013".
    return e - s <= 2 and text[s:e].isdigit() and int(text[s:e]) <= 31 and _DAY_WORD_YEAR.match(text, e) is not None


_DAY_WORD_YEAR = re.compile(r"\s[^\W\d_]{3,12}\.?,?\s(?:1[89]|20)\d\d(?![\w.,]?\d)")


# A minus sign after a space or a bracket, right before the digits: " -1.7%", "(−0.3%)".
_MINUS = re.compile(r"(?<=[\s(])[-−](?=\d)")


_NUMBER_WORD = re.compile(r"[-+]?\d[\d,.]*%?")
MIN_TABLE_NUMBERS = 8
TABLE_NUMBER_SHARE = 0.4


def _table_text(text: str) -> bool:
    """A paragraph that is a table flattened into text ("Feb. Mar. Apr. … Current dollars 0.6 0.4
    0.4 …"): most of its words are numbers, which count table cells, not what the text reports."""
    words = text[:20_000].split()
    numbers = sum(1 for w in words if _NUMBER_WORD.fullmatch(w.strip("()|")))
    return numbers >= MIN_TABLE_NUMBERS and numbers >= TABLE_NUMBER_SHARE * len(words)


def extract(paragraphs) -> tuple[list[KeyFigure], list[str]]:
    figures: list[KeyFigure] = []
    skipped: list[str] = []
    candidates = 0
    for pno, text in enumerate(paragraphs, 1):
        if _table_text(text):
            skipped.append(f"¶{pno}: a table's cells, not the text's figures")
            continue
        pos = 0
        ones = [o.start() for o in _ONE_AT.finditer(text)] if "one" in text or "One" in text else []
        k = 0
        ahead, searched = None, -1  # the next candidate (or none) from `searched` on: one search while "one"s come first
        while True:
            if searched < 0 or (ahead.start() < pos if ahead is not None else False):
                ahead, searched = _FIG.search(text, pos), pos
            m = ahead
            while k < len(ones) and ones[k] < pos:
                k += 1
            if k < len(ones) and (m is None or ones[k] < m.start()):
                m = _FIG_ONE.match(text, ones[k])
                k += 1
                if m is None:
                    continue
            if m is None:
                break
            candidates += 1
            if len(figures) >= MAX_FIGURES or candidates > MAX_CANDIDATES:
                skipped.append(f"more than {MAX_FIGURES} figures or {MAX_CANDIDATES} numbers; the rest are ignored")
                return figures, skipped
            pos = m.end()
            mixed = _MIXED.match(text, m.start()) if not m.group("cur") else None
            if mixed is not None and int(mixed.group(3)) < int(mixed.group(4)):
                figures.append(_mixed(text, mixed, pno))
                pos = mixed.end()
                continue
            span = (_COMPOUND_SPAN.match(text, m.start()) or _implied_span(text, m.start())) if not m.group("cur") else None
            if span is not None:
                figures.append(_compound_span(text, span, pno))
                pos = span.end()
                continue
            r = _RATIO.match(text, m.start()) if not m.group("cur") else None
            if r is not None and 0 < (_value(r.group(1)) or 0) < (_value(r.group(2)) or 0) and not _year_like(r.group(2)):
                figures.append(_ratio(text, r, pno))
                pos = r.end()
                continue
            if m.group("range") and not m.group("cur") and _year_like(m.group("num")):
                nxt = m.start("range") + 1  # "for 2024 to 0.2%": the year is not the start of a range
                if not text[m.end("range") - 4:m.end("range")].isdigit():
                    pos = nxt
                continue
            if (m.group("range") or "").lstrip().startswith("and"):
                pos = m.start("range")  # "172 loans for $15,617,200 and 1,726 loans": two figures, unless "between" made one
            no_range = _descending(m) or _change_then_level(m)
            if no_range:
                pos = m.start("range")  # "52 to 48": a score or a vote split, two figures
            fig = _figure(text, m, pno, skipped, no_range)
            if fig is not None and _MINUS.match(text, m.start() - 1) and fig.number is not None:
                fig = replace(fig, value=text[m.start() - 1] + fig.value, number=-fig.number)  # "fell -1.7%"
            if fig is not None and text[m.start() - 1:m.start()] == "±" and fig.value.startswith(text[m.start():m.start() + 1]):
                # "an increase of 0.4 percent (±0.7%)": the margin of error of the figure before
                fig = replace(fig, value="±" + fig.value, what="margin of error")
            if fig is not None and (m.group("cur") or why_not(text, m.start("num"), m.end("num")) is None):
                figures.append(fig)
                at = text.find(fig.value, max(0, m.start() - 40))
                pos = max(pos, at + len(fig.value)) if at >= 0 else pos  # "per 100,000" is part of it
                if fig.unit == "%" and not m.group("range"):
                    tail = _PCT_RANGE_TAIL.match(text, m.end())
                    change = _CHANGE_BEFORE.search(text, max(0, m.start() - 16), m.start())
                    if tail and (change is None or change.group("by") != " from") and (
                            not tail.group().lstrip().startswith("and") or fig.value.lower().startswith("between")):
                        pos = tail.end()  # "between 10% and 12%", "5%-7%": one range, by its first bound
        for a in _A_MAGNITUDE.finditer(text) if "illion" in text else ():
            if len(figures) < MAX_FIGURES:
                figures.append(_a_magnitude(text, a, pno))
        for finder, read, may_hold in ((_FRACTION_OF, _fraction, _may_hold_fraction), (_SPAN_UNIT, _a_span, _may_hold_span),
                                       (_FRACTION_ALONE, _fraction_alone, _may_hold_fraction),
                                       (_HALVE, _halve, _may_hold_halve)):
            for a in finder.finditer(text) if may_hold(text) else ():
                if len(figures) >= MAX_FIGURES:
                    break
                fig = read(text, a, pno)
                if fig is not None:
                    figures.append(fig)
    return figures, skipped


# "one year and ten months", "two weeks and three days": one span, in the smaller unit.
_SMALL = r"\d{1,2}|" + _by_first_letter(list(_UNITS_DIGIT) + "ten eleven twelve".split())
_COMPOUND_SPAN = re.compile(rf"(?i:(?:(?P<a>{_SMALL}|an?)\s)?(?P<big>year|week|day|hour)s?,?\s(?:and\s)?(?P<b>{_SMALL})\s"
                            rf"(?P<small>month|day|hour|minute)s?)\b")
# The larger unit of such a span said without a number before the smaller one's count: "an hour
# and 10 minutes", "a year and ten months", or after a pause "…, hour and 10 minutes".
_BIG_BEFORE = re.compile(r"(?i:(?:(?<![\w-])an?\s|(?<=[,;:–—(]\s)|^)(?:year|week|day|hour),?\sand\s)$")


def _implied_span(text: str, s: int) -> re.Match | None:
    """The compound span ending in the count at s whose larger unit has no number of its own."""
    before = _BIG_BEFORE.search(text, max(0, s - 16), s)
    if before is None:
        return None
    span = _COMPOUND_SPAN.match(text, before.start())
    return span if span is not None and span.start("b") == s else None
_SPAN_FACTORS = {("year", "month"): 12, ("week", "day"): 7, ("day", "hour"): 24, ("hour", "minute"): 60}


def _compound_span(text: str, m: re.Match, pno: int) -> KeyFigure:
    def count(word: str) -> int:
        low = word.lower()
        return int(low) if low.isdigit() else 1 if low in ("", "a", "an") else (_UNITS_DIGIT.get(low) or WORDS[low])

    big, small = m.group("big").lower(), m.group("small").lower()
    factor = _SPAN_FACTORS.get((big, small))
    number = count(m.group("a") or "") * factor + count(m.group("b")) if factor else float(count(m.group("a") or ""))
    unit = (small if factor else big) + "s"
    qual = _qualifier(text, m.start())
    start = m.start() - len(qual.group()) if qual else m.start()
    return KeyFigure(value=text[start:m.end()], number=float(number), unit=unit,
                     what=_what(text, m.end(), start, unit), paragraph=pno)


# A share written as a fraction: "half the assets", "nearly half of firms", "a third of pupils",
# "two-thirds of voters", "three quarters of the budget".
def _may_hold_fraction(text: str) -> bool:
    """A cheap test (substring searches) before the fraction pattern is run over the paragraph."""
    return "half" in text or "third" in text or "quarter" in text or "fifth" in text or "tenth" in text
_FRACTION_OF = re.compile(r"(?<![\w-])(?:(?P<n>[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Aa])[- ])?(?P<f>half|thirds?|quarters?|fifths?|tenths?)"
                          r"\s(?P<of>of\s(?:the\s|its\s|their\s|all\s)?|the\s)(?=[A-Za-z])")
_FRACTION_AFTER = re.compile(r"[- ](?:thirds|quarters|fifths|tenths)\b")
_FRACTION_PARTS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION_NUMERATORS = {"one": 1, "a": 1, "two": 2, "three": 3, "four": 4}
# Words before a fraction that make it a part of a period or an order, not a share:
# "the first half of 2024", "the second quarter of the year", "each third of the pitch".
_FRACTION_NOT_AFTER = frozenset("first second third fourth last final latter former other the this that next each every "
                                "its their our".split())
_FRACTION_NOT_OF = re.compile(r"(?:of\s)?(?:(?:an?|the|this|that|its)\s)?(?:hour|century|decade|year|month|day|mile|way|time"
                              r"|season|term|game|match)\b|(?:of\s)?(?:1[89]|20)\d\d")


def _fraction(text: str, m: re.Match, pno: int) -> KeyFigure | None:
    """A share written as a fraction, worth numerator over parts ("two-thirds of voters" = 2/3);
    "third" and "quarter" need a numerator ("a third of", else an ordinal), "half" needs none."""
    part = m.group("f").rstrip("s")
    n = (m.group("n") or "").lower()
    if part != "half" and not n or part == "half" and n not in ("", "one"):
        return None
    if m.group("f").endswith("s") and n in ("a", "one", ""):
        return None  # "a thirds of": no English
    before = text[max(0, m.start() - 12):m.start()].split()
    if before and before[-1].lower() in _FRACTION_NOT_AFTER:
        return None
    if _FRACTION_NOT_OF.match(text, m.start("of")):
        return None  # "a quarter of an hour", "half of 2024"
    qual = _qualifier(text, m.start())
    start = m.start() - len(qual.group()) if qual else m.start()
    number = _FRACTION_NUMERATORS.get(n, 1) / _FRACTION_PARTS[part]
    value = text[start:m.start("of")].strip()
    return KeyFigure(value=value, number=number, unit="ratio", what=_what(text, m.end(), start, "ratio"), paragraph=pno)


# A fraction standing for a share with no "of" after it: the size of a change ("cut by half",
# "rose by a third", "fell by two-thirds") or a part of what was just counted ("…, of which half
# are in local currency").
_FRACTION_ALONE = re.compile(r"(?:(?<=\bby )|(?<=\bof which )|(?<=\bof whom )|(?<=\bof them, )|(?<=\bof these, ))"
                             r"(?:(?P<n>[Oo]ne|[Tt]wo|[Tt]hree|[Aa])[- ])?(?P<f>half|thirds?|quarters?|fifths?|tenths?)"
                             r"(?![\w-])(?!\s(?:of|an?|the)\b)")


def _fraction_alone(text: str, m: re.Match, pno: int) -> KeyFigure | None:
    part = m.group("f").rstrip("s")
    n = (m.group("n") or "").lower()
    if part != "half" and not n or part == "half" and n not in ("", "one") \
            or m.group("f").endswith("s") and n in ("a", "one", ""):
        return None  # "by third parties", "by a thirds": no share
    number = _FRACTION_NUMERATORS.get(n, 1) / _FRACTION_PARTS[part]
    return KeyFigure(value=m.group(), number=number, unit="ratio", what=_what(text, m.end(), m.start(), "ratio"),
                     paragraph=pno)


# "to halve the rates", "deaths have almost halved": a change by a factor, worth 0.5 (as "more than
# double" is worth 2).
_HALVE = re.compile(r"(?<![\w-])(?:[Hh]alve[sd]?|[Hh]alving)(?![\w-])")


def _may_hold_halve(text: str) -> bool:
    return "alv" in text


def _halve(text: str, m: re.Match, pno: int) -> KeyFigure | None:
    before = text[max(0, m.start() - 12):m.start()].split()
    if m.group().lower() == "halves" and before and before[-1].lower() in _FRACTION_NOT_AFTER | {"both", "two"}:
        return None  # "both halves of the pitch": the noun, not the verb
    qual = _qualifier(text, m.start())
    start = m.start() - len(qual.group()) if qual else m.start()
    return KeyFigure(value=text[start:m.end()], number=0.5, unit="times", what=_what(text, m.end(), start, "times"),
                     paragraph=pno)


# A span of time with no digits: "around a year", "over a decade", "a year and a half".
_SPAN_UNIT = re.compile(r"(?<=\s)(?:an?\s)?(?P<unit>year|decade|month|week|fortnight)(?P<half>\sand\sa\shalf)?(?![\w’'-])")
def _may_hold_span(text: str) -> bool:
    """A cheap test (substring searches) before the span pattern is run over the paragraph."""
    return "a year" in text or "a decade" in text or "a month" in text or "a week" in text or \
        "fortnight" in text or "and a half" in text
_SPAN_QUALS = frozenset("about around nearly almost over roughly approximately some under only".split()) | {
    "more than", "less than", "just over", "just under", "at least", "up to", "well over"}


_LAST_BEFORE = re.compile(r"(?i:\bthe\s(?:past|last|next|coming)\s)$")


def _a_span(text: str, m: re.Match, pno: int) -> KeyFigure | None:
    """A span written with an article or none ("around a year", "over a decade", "the past year
    and a half"): a figure when a qualifier says how long, or "and a half" says it; "a year"
    alone ("£900 a year", "a year earlier") is a rate or a reference, not a quantity."""
    has_article = m.group().startswith("a")
    if m.group("unit") == "fortnight" and not has_article and not m.group("half"):
        last = _LAST_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if last is not None:  # "in the past fortnight": two weeks, as "the past two weeks" would say
            return KeyFigure(value=text[last.start():m.end()], number=2.0, unit="weeks",
                             what=_what(text, m.end(), last.start(), "weeks"), paragraph=pno)
    if not has_article and not m.group("half"):
        return None
    qual = _qualifier(text, m.start()) if has_article else None
    if qual is not None and qual.group().strip().lower() not in _SPAN_QUALS:
        qual = None
    if qual is None and not m.group("half"):
        return None
    if text[m.end():m.end() + 4] in (" ago", " old") or text[m.end():m.end() + 8] in (" earlier", " later,", " later."):
        return None  # "about a year ago" dates something; "a year old" is an age said otherwise
    word = m.group("unit")
    number = UNIT_FACTORS.get(word, 1) * (1.5 if m.group("half") else 1.0)
    unit = UNITS[word] if word in UNITS else word + "s"
    start = m.start() - len(qual.group()) if qual else m.start()
    return KeyFigure(value=text[start:m.end()], number=number, unit=unit, what=_what(text, m.end(), start, unit),
                     paragraph=pno)


# "half a million pupils", "a million new readers": a magnitude with an article, no digits,
# before a lower-case or capitalised noun (not "a million times", "a billion-dollar").
_A_MAGNITUDE = re.compile(r"(?<![\w$€£¥-])(?:(?P<half>half) a|[Aa]) (?P<mult>million|billion|trillion)"
                          r"(?= (?!times\b|ways\b|reasons\b)[A-Za-z])")


def _a_magnitude(text: str, m: re.Match, pno: int) -> KeyFigure:
    qual = _qualifier(text, m.start())
    start = m.start() - len(qual.group()) if qual else m.start()
    number = MULT[m.group("mult")] * (0.5 if m.group("half") else 1)
    return KeyFigure(value=text[start:m.end()], number=number, unit=None, what=_what(text, m.end(), start, None),
                     paragraph=pno)


def _rank(text: str, s: int, e: int, value: float | None, pno: int) -> KeyFigure | None:
    """An ordinal is a figure only where it measures a position ("ranked 40th", "the 3rd
    largest", "40th out of 50"); elsewhere ("the 21st century", "its 40th anniversary") a label."""
    after = _RANK_AFTER.match(text, e)
    if value is None or not (after or _RANK_BEFORE.search(text, max(0, s - 16), s)):
        return None
    end = after.end() if after and after.group().lstrip().startswith("out of") else e
    return KeyFigure(value=text[s:end], number=value, unit="rank", what=_what(text, end, s, "rank"), paragraph=pno)


# A mixed fraction, as central banks write rates: "3-3/4 percent", "3-3/4 to 4 percent" (a
# range by its first bound).
_MIXED = re.compile(r"(?P<value>(\d{1,3})-(\d)/(\d)(?:\s?(?:to|-|–)\s?\d{1,3}-\d/\d)?"
                    r"(?P<pct>\s?%|\s(?:per ?cent|percent)\b))")  # a percentage only: "5-1/3" alone may be a label


def _mixed(text: str, m: re.Match, pno: int) -> KeyFigure:
    unit = "%"
    number = int(m.group(2)) + int(m.group(3)) / int(m.group(4))
    return KeyFigure(value=m.group("value"), number=number, unit=unit, what=_what(text, m.end(), m.start(), unit),
                     paragraph=pno)


def _ratio(text: str, r: re.Match, pno: int) -> KeyFigure:
    qual = _qualifier(text, r.start())
    start = r.start() - len(qual.group()) if qual else r.start()
    return KeyFigure(value=text[start:r.end()].strip(), number=_value(r.group(1)) / _value(r.group(2)), unit="ratio",
                     what=_what(text, r.end(), start, "ratio"), paragraph=pno)


def _year_like(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1800 <= int(num) <= 2100


# A verb of change right before a number: "rose $1.20 to $85.30" is the change, then the level.
_CHANGE_BEFORE = re.compile(r"(?<![\w-])(?:rose|fell|rises|falls|climbed|dropped|jumped|slipped|gained|lost|increased|"
                            r"decreased|grew|declined|shrank|slid|added|edged (?:up|down)|up|down)(?P<by> by| from)?\s$", re.I)


def _change_then_level(m: re.Match) -> bool:
    """After a verb of change, "X to Y" with Y more than twice X is two figures, the change and
    the level it reached ("shares rose $1.20 to $85.30"), and so is "from X to Y" (two levels);
    bounds closer together stay a range ("prices rose 2 to 3 percent")."""
    rng = m.group("range")
    if not rng or not rng.lstrip().startswith("to") or not m.group("num")[0].isdigit():
        return False
    change = _CHANGE_BEFORE.search(m.string, max(0, m.start() - 16), m.start())
    if change is None:
        return False
    if (change.group("by") or "").strip() == "from":
        return True  # "rose from 1,200 to 1,500": one level, then another
    second = re.search(r"\d[\d,]*(?:\.\d+)?", rng)
    first = _value(m.group("num"))
    return bool(second) and first is not None and float(second.group().replace(",", "")) > 2 * first


def _descending(m: re.Match) -> bool:
    """A "range" whose second bound is below its first is two figures: a score, a vote split,
    or with money a change ("from $25 billion to $5 billion", the same multiplier both sides)."""
    rng = m.group("range")
    if not rng:
        return False
    if m.group("cur") or m.group("mult"):
        mult = (m.group("mult") or "").strip(" -").lower()
        changed = m.string[max(0, m.start() - 5):m.start()].lower().endswith("from ")
        if not (changed and m.group("cur") and mult and rng.lower().rstrip(" .,").endswith(mult)):
            return False
    second = re.search(r"\d[\d,]*(?:\.\d+)?", rng)
    first = _value(m.group("num"))
    return bool(second) and first is not None and m.group("num")[0].isdigit() and \
        float(second.group().replace(",", "")) < first and not m.group("pct")


def _figure(text: str, m: re.Match, pno: int, skipped: list[str], no_range: bool = False) -> KeyFigure | None:
    num, cur, mult, rng, pct, glued = m.group("num", "cur", "mult", "range", "pct", "glued")
    s, e = m.start(), m.end()
    if no_range:
        rng, e = None, m.start("range")
    is_word = not num[0].isdigit() and num[-1] not in _FRACTIONS
    if not (cur or mult or pct or rng or glued) and "." in num:
        cell = _table_cell(text, s, e)
        if cell is not None:
            return KeyFigure(value=text[s:e], number=float(num), unit=None, what=_row_label(text, s), paragraph=pno)
    if text[e:e + 2] in ("st", "nd", "rd", "th") and not text[e + 2:e + 3].isalnum() and not (cur or pct):
        return _rank(text, s, e + 2, _value(num), pno)
    if text[e:e + 1].isalnum() or (text[e:e + 1] in ".," and text[e + 1:e + 2].isdigit()):
        return None  # part of a code
    if is_word and _FRACTION_AFTER.match(text, e):
        return None  # "three quarters of the budget": the numerator of a fraction, read as a share
    if is_word and num.lower() == "two" and text[max(0, s - 4):s].lower() == "the ":
        return None  # "the two delegations" refers back to them; it does not count them
    if rng and rng.strip().startswith("and"):
        qual_m = _qualifier(text, s, 20)
        if not (qual_m and qual_m.group().lower().startswith("between")):
            rng, e = None, m.start("range")
    value = _value(num)
    if value is None:
        return None
    if pct and not (cur or mult) and _year_like(num) and _is_date_part(text, s, m.end("num")):
        return None  # "the January to February 2000 percent change": the year, then what is measured
    if is_word and rng and num.lower() in _TENS and rng[:1] == "-" and rng[1:].lower() in _UNITS_DIGIT:
        value += _UNITS_DIGIT[rng[1:].lower()]  # "Thirty-six years": one number, not a range
        rng, is_word = None, False
    if not (cur or mult or pct or rng or glued or is_word):
        if "." not in num and "," not in num and 1800 <= value <= 2100:
            return None  # a calendar year: the timeline's
        if _is_date_part(text, s, e):
            return None
        nxt = text[e:e + 6]
        after = nxt.lstrip().lower()
        if nxt[:1] == ":" and nxt[1:2].isdigit() or after.startswith(("a.m", "p.m")) or after[:3] in _CLOCK_AFTER:
            return None  # a clock time ("3 p.m.", "3 p.m,", "3 pm")
        if len(num) == 4 and num.isdigit() and int(num[:2]) < 24 and int(num[2:]) < 60 and _TIME_ZONE.match(text, e):
            return None  # "2200 EST", "0400 UTC": a clock on the 24-hour dial
        if (nxt[:1] == " " and nxt[1:2].isdigit()) or text[max(0, s - 2):s].rstrip()[-1:].isdigit():
            return None  # a phone number or code in digit groups
        prev = [w.lstrip("([") for w in text[max(0, s - 14):s].split()]
        if prev and (prev[-1].lower() in LABELS or _LABEL_CODE.fullmatch(prev[-1]) or (prev[-1].isupper() and prev[-1].isalpha() and len(prev[-1]) >= 2)):
            return None  # "section 114", "OM 5451", "(CVN 78)": a label or a code, not a quantity
        if prev and prev[-1][:1].isupper() and _INDEX_AFTER.match(text, e):
            return None  # "the Standard and Poor's 500 index", "the FTSE 100 index": an index's name
    if rng and not (cur or pct or mult) and value <= 31 and _is_date_part(text, s, e):
        return None  # "7-10 October", "Sept. 16–20": a span of days, the timeline's
    if rng and not (cur or pct):
        first = rng.strip().lstrip("-–").strip()
        if first.startswith("to "):
            first = first[3:]
        if "." not in num and 1800 <= value <= 2100 and first[:4].isdigit():
            return None  # a span of years: "2015-2017"
    if is_word and text[e:e + 1] == "-" and num.lower() in _TENS:
        unit_word = re.match(r"-([a-z]+)(?![\w-])", text[e:e + 8])
        if unit_word and unit_word.group(1) in _UNITS_DIGIT:  # "Thirty-six years"
            value += _UNITS_DIGIT[unit_word.group(1)]
            e += unit_word.end()
            is_word = False
    if is_word and text[e:e + 1] == "-":
        hy = re.match(r"-([a-z]+(?:-point)?)(?![\w])", text[e:e + 24])
        if not (hy and hy.group(1) in _HYPHEN_UNITS) or WINDOW_OF.match(text, e + hy.end()):
            return None  # "a one-off", "a four-month high", "twelve-month inflation": not a quantity of anything
        return KeyFigure(value=text[s:e + hy.end()], number=value, unit=hy.group(1),
                         what=_what(text, e + hy.end(), s, hy.group(1)), paragraph=pno)
    if num.lower() == "dozen" and text[max(0, s - 7):s].lower() == "half a ":
        value, s = 6.0, s - 7  # "half a dozen firms"
    if num.lower() == "double" and not (_qualifier(text, s) and not rng):
        return None  # "a double room", "to double output": only "more than double" compares
    if num.lower() == "twice":
        if not _TWICE_CONTEXT.match(text, e) or rng:
            return None  # "met twice": how often, not a comparison
        qual = _qualifier(text, s)
        start = s - len(qual.group()) if qual else s
        return KeyFigure(value=text[start:e].strip(), number=2.0, unit="times",
                         what=_what(text, e, start, "times"), paragraph=pno)
    if (mult or "") in ("M", "B", "K") and not cur:
        return None  # "500M", "F-35B": a code; with a currency ("$232M") a magnitude
    if (mult or "").strip(" -").lower() == "m" and not cur and not _MILLION_OF.match(text, e):
        mult = None  # "100m" without a currency is metres; "1.2m people", "4m homes" count millions
        glued = glued or None
        e = m.start("mult")
    multiplier = MULT.get((mult or "").strip(" -").lower(), 1.0)
    if rng and not mult:
        shared = _RANGE_MULT.search(rng)
        if shared and (cur or len(shared.group(1)) > 2):
            multiplier = MULT[shared.group(1).lower()]  # "$5-10 million": both bounds in millions
    number = value * multiplier
    unit: str | None = None
    if cur:
        unit = CURRENCY.get(cur.strip(), cur.strip())
    elif pct:
        unit = "percentage points" if "point" in pct or pct.strip().startswith("pp") else "%"  # "0.5pp", "5pc"
    elif glued:
        unit = UNITS.get(glued.lower(), glued)
    half = _AND_A_HALF.match(text, e) if not (cur or pct or rng or mult) else None
    if half is not None:
        number, e = number + 0.5, half.end()  # "two and a half years"
    after = text[e:e + 80]
    w = _WORD_AFTER.match(after)
    unit_end = e
    if unit is None and w:
        word = w.group(1).lower()
        if word in UNITS and UNITS[word] is not None:
            unit = UNITS[word]
            number *= UNIT_FACTORS.get(word, 1)
            unit_end = e + w.end()
            if word == "basis":
                unit_end = e + w.end() + (len(" points") if after[w.end():w.end() + 7] == " points" else 0)
            rest = text[unit_end:unit_end + 5].lower()
            if unit in _DURATIONS and rest.strip().startswith("ago"):
                return None  # "six years ago", "updated 2 hours ago" date something, they do not count it
        elif word in ("cents", "pence") and not cur:
            number, unit, unit_end = number / 100, word, e + w.end()  # "48 cents a share"
        elif word in CURRENCY_WORDS:
            unit, unit_end = CURRENCY_WORDS[word], e + w.end()
        elif word == "square" and after[w.end():].lstrip()[:4].lower() in ("kilo", "km ", "mile", "metr"):
            w2 = _WORD_AFTER.match(after, w.end())
            unit, unit_end = "km²" if "kil" in after[:30].lower() or "km" in after[:20] else "square " + (
                w2.group(1) if w2 else ""), e + (w2.end() if w2 else w.end())
    conc = _CONCENTRATION.match(text, unit_end) if unit is None else None
    if conc is not None:
        unit, unit_end = conc.group(1), conc.end()
    rate = _PER_RATE.match(text, unit_end)
    if rate is not None:
        unit, unit_end = f"{unit + ' ' if unit else ''}per {rate.group(1)}", rate.end()
    elif unit is None and not (cur or pct) and (counted := _COUNTED_PER_RATE.match(text, unit_end)) is not None:
        # "4.5 deaths per 100,000": a rate of what it counts; the base is part of it, no figure
        unit, unit_end = f"per {counted.group(2)}", counted.end()
        qual = _qualifier(text, s)
        start = s - len(qual.group()) if qual else s
        return KeyFigure(value=text[start:unit_end].strip(), number=number, unit=unit, what=counted.group(1),
                         paragraph=pno)
    qual = _qualifier(text, s)
    if qual and unit in _DURATIONS and qual.group().strip().lower() in ("over", "under", "some", "only"):
        qual = None  # "over three years" is a period, not "more than three"
    start = s - len(qual.group()) if qual else s
    value_text = text[start:unit_end].strip()
    what = _what(text, unit_end, start, unit)
    if is_word and not what and unit is None:
        return None  # a bare number word ("the two of them") is not a key figure
    if num.lower() == "one" and not (mult or unit in _ONE_UNITS and not _ONE_SPAN_REFERENCE.match(text, unit_end)
                                     or _COUNTS_AFTER.match(text, unit_end)):
        return None  # "one of them", "one day", "one year on": a pronoun or an idiom; "one million", "one year" count
    return KeyFigure(value=value_text, number=number, unit=unit, what=what, paragraph=pno)


# After "1.2m": people or a plural noun that is no length's word ("1.2m people", "4m homes", not "2m tall").
_MILLION_OF = re.compile(r"\s(?:people|(?!(?:metres|meters|miles|tonnes|tons|is|was|has|as|its|this|his|across|less|unless|plus|thus|always|towards|upwards|downwards|afterwards|perhaps|whereas)\b)[a-z]{2,}s)\b")
_RANGE_MULT = re.compile(r"(dozen|lakh|crore|thousand|million|billion|trillion|bn|mn|tn|m|k|b)$", re.I)
# "one" counts only before a magnitude, a span of time or a charge ("one count of fraud").
_ONE_UNITS = frozenset("years months weeks hours".split())
_ONE_SPAN_REFERENCE = re.compile(r"\s(?:later|earlier|on|after|before|since|into|from|ago)\b")  # "one year on"
_COUNTS_AFTER = re.compile(r"\s(?:counts?|charges?)\b")
_AND_A_HALF = re.compile(r" and a half(?= (?:year|month|week|day|hour|decade)s?\b)")
# A cell of a statistics table flattened into text: a decimal number among others, each perhaps
# flagged by one letter ("2.1e" estimated, "0.4p" provisional, "1.3r" revised).
_CELL_AFTER = re.compile(r"[eprbf]?[ \u00a0\t]+[-−]?\d{1,6}\.\d{1,3}[eprbf]?(?![\w.,]?\d|[\w%])")
_CELL_BEFORE = re.compile(r"\d\.\d{1,3}[eprbf]?[ \u00a0\t]+[-−]?$")
_FLAG = re.compile(r"[eprbf](?![\w.,%])")


def _table_cell(text: str, s: int, e: int) -> int | None:
    """The end of a table cell (its flag letter included) when the decimal number text[s:e]
    stands among other decimal numbers with only spaces between them: a table row flattened
    into text ("HICP 1000.0 1.5 1.3 2.1e"), where no single number is a phone number or a code."""
    if not (_CELL_AFTER.match(text, e) or _CELL_BEFORE.search(text, max(0, s - 16), s)):
        return None
    if text[e:e + 1].isalnum():
        flag = _FLAG.match(text, e)
        return flag.end() if flag else None
    return None if text[e:e + 1] in ".," and text[e + 1:e + 2].isdigit() else e


def _row_label(text: str, s: int) -> str:
    """What a table cell measures, as far as the flattened row says: the words before the row's
    first cell ("All-items HICP" in "… All-items HICP 1000.0 1.5 1.3")."""
    k = s - (text[s - 1:s] in ("-", "−"))
    limit = max(0, s - 400)
    while k > limit:  # back over the cells before this one
        j = k
        while j > limit and text[j - 1] in " \u00a0\t":
            j -= 1
        i = j - (j > limit and text[j - 1] in "eprbf" and j - 2 >= 0 and text[j - 2].isdigit())
        while i > limit and (text[i - 1].isdigit() or text[i - 1] in ".-−"):
            i -= 1
        if i == j or not any(c.isdigit() for c in text[i:j]):
            break
        k = i
    before = text[max(0, k - 80):k]
    cut = max((before.rfind(c) for c in "0123456789.;:"), default=-1)
    words = [w for w in before[cut + 1:].split() if any(c.isalpha() for c in w)]
    if words and len(words[0]) == 1:
        words = words[1:]  # the flag of the row before ("2.1e All-items …")
    return " ".join(words[-6:])


_OR_MORE = re.compile(r"\s(?:or|and) (?:more|fewer|less|so|over|above|under)\b")


def _what(text: str, end: int, start: int, unit: str | None) -> str:
    """The noun phrase after the number ("Andean Border Police (ABP) officers"), else the clause before."""
    words: list[str] = []
    pos = end
    more = _OR_MORE.match(text, end)
    if more is not None:
        pos = more.end()  # "12 or more firms": what is counted comes after the qualifier
    for _ in range(8):
        w = _WORD_AFTER.match(text, pos)
        if not w:
            break
        word = w.group(1)
        lw = word.lower()
        after_of = words and words[-1].lower() == "of" and lw in ("the", "a", "an", "its", "their")  # "30% of the"
        if lw in _STOP and not after_of and not (lw in ("of", "and") and words) and not (
                lw == "of" and not words and unit in ("%", "percentage points")):
            break
        words.append(word)
        pos = w.end()
        if text[pos:pos + 1] in ",.;:!?)”\"" and not text[pos:pos + 1] == ")":
            break
        if text[pos:pos + 2] == " (" and text.find(")", pos, pos + 14) > 0:
            close = text.find(")", pos, pos + 14)
            words.append(text[pos + 1:close + 1])
            pos = close + 1
    while words and words[-1].lower() in ("of", "and", "the", "a"):
        words.pop()
    if words and not words[0][0].isdigit():
        return " ".join(words)
    return _clause_before(text, start)


_CLAUSE_STOPS = (". ", ", ", "; ", "“", "\"", "(", ") ")


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before a figure that has no noun after it. A figure in brackets
    after what it measures ("adult men (3.5 percent)") reads the words before the bracket; a
    clause left with no content ("…, at 1.2 million,") reads the one before it."""
    before = text[max(0, start - 90):start]
    tail = before.rstrip(" ±+−-")
    if tail.endswith("("):
        before = tail[:-1]
    for _ in range(2):
        cut = max(((before.rfind(stop), stop) for stop in _CLAUSE_STOPS), key=lambda ks: ks[0] + len(ks[1]) if ks[0] >= 0 else -1)
        k, stop = cut
        segment, before = (before[k + len(stop):], before[:k]) if k >= 0 else (before, "")
        clause = segment.split()[-8:]
        # Never a stray function word or a sign at either end ("rose at or", "and", "+"): what is
        # left is content.
        while clause and (clause[-1].lower() in _STOP or clause[-1].lower() == "of" or not _has_letter(clause[-1])):
            clause.pop()  # "growth of", "rose at or"
        while clause and (clause[0].lower() in _STOP or not any(c.isalnum() for c in clause[0])):
            clause.pop(0)  # a dash or a sign first; a number first stays ("£5 billion by 2028")
        if clause or not before.strip():
            return " ".join(clause)
    return ""


def _has_letter(word: str) -> bool:
    return any(c.isalpha() for c in word)
