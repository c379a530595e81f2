"""Which writing system each character belongs to, and which way it runs.

Both writers need the same answers: the PDF to pick a font that has the glyphs, to shape
Arabic or Devanagari and to lay right-to-left text out right to left; the DOCX to tell
Word and LibreOffice the language, direction and font slot of each run. Python's
``unicodedata`` has the bidirectional class of a character but not its script, so the
scripts a briefing meets are one table of code-point blocks here (ISO 15924 codes);
combining marks and punctuation belong to the text around them.

Pure and cheap: no I/O, no imports beyond the standard library.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import NamedTuple

COMMON, INHERITED = "Zyyy", "Zinh"  # punctuation, digits, spaces / combining marks

# (first, last, script), sorted; what is not listed is COMMON.
_BLOCKS = (
    (0x0041, 0x005A, "Latn"), (0x0061, 0x007A, "Latn"), (0x00AA, 0x00AA, "Latn"), (0x00BA, 0x00BA, "Latn"),
    (0x00C0, 0x00D6, "Latn"), (0x00D8, 0x00F6, "Latn"), (0x00F8, 0x024F, "Latn"), (0x0250, 0x02AF, "Latn"),
    (0x0300, 0x036F, INHERITED), (0x0370, 0x03FF, "Grek"), (0x0400, 0x052F, "Cyrl"), (0x0530, 0x058F, "Armn"),
    (0x0590, 0x05FF, "Hebr"), (0x0600, 0x06FF, "Arab"), (0x0700, 0x074F, "Syrc"), (0x0750, 0x077F, "Arab"),
    (0x0780, 0x07BF, "Thaa"), (0x08A0, 0x08FF, "Arab"), (0x0900, 0x097F, "Deva"), (0x0980, 0x09FF, "Beng"),
    (0x0A00, 0x0A7F, "Guru"), (0x0A80, 0x0AFF, "Gujr"), (0x0B00, 0x0B7F, "Orya"), (0x0B80, 0x0BFF, "Taml"),
    (0x0C00, 0x0C7F, "Telu"), (0x0C80, 0x0CFF, "Knda"), (0x0D00, 0x0D7F, "Mlym"), (0x0D80, 0x0DFF, "Sinh"),
    (0x0E00, 0x0E7F, "Thai"), (0x0E80, 0x0EFF, "Laoo"), (0x0F00, 0x0FFF, "Tibt"), (0x1000, 0x109F, "Mymr"),
    (0x10A0, 0x10FF, "Geor"), (0x1100, 0x11FF, "Hang"), (0x1200, 0x139F, "Ethi"), (0x1780, 0x17FF, "Khmr"),
    (0x1800, 0x18AF, "Mong"), (0x1AB0, 0x1AFF, INHERITED), (0x1DC0, 0x1DFF, INHERITED),
    (0x1E00, 0x1EFF, "Latn"), (0x1F00, 0x1FFF, "Grek"), (0x200C, 0x200D, INHERITED), (0x20D0, 0x20FF, INHERITED),
    (0x2E80, 0x2FDF, "Hani"), (0x3005, 0x3005, "Hani"), (0x3007, 0x3007, "Hani"), (0x3021, 0x3029, "Hani"),
    (0x3041, 0x309F, "Hira"), (0x30A0, 0x30FF, "Kana"), (0x3100, 0x312F, "Bopo"), (0x3130, 0x318F, "Hang"),
    (0x31F0, 0x31FF, "Kana"), (0x3400, 0x4DBF, "Hani"), (0x4E00, 0x9FFF, "Hani"), (0xA960, 0xA97F, "Hang"),
    (0xAC00, 0xD7FF, "Hang"), (0xE000, 0xF8FF, "Zzzz"), (0xF900, 0xFAFF, "Hani"), (0xFB1D, 0xFB4F, "Hebr"),
    (0xFB50, 0xFDFF, "Arab"), (0xFE00, 0xFE0F, INHERITED), (0xFE20, 0xFE2F, INHERITED), (0xFE70, 0xFEFF, "Arab"),
    (0xFF21, 0xFF3A, "Latn"), (0xFF41, 0xFF5A, "Latn"), (0xFF66, 0xFF9F, "Kana"), (0xFFA0, 0xFFDC, "Hang"),
    (0x1F000, 0x1FAFF, "Zsye"), (0x20000, 0x3FFFF, "Hani"), (0xE0100, 0xE01EF, INHERITED),
    (0xF0000, 0x10FFFF, "Zzzz"),
)
_STARTS = [b[0] for b in _BLOCKS]

NAMES = {
    "Latn": "Latin", "Grek": "Greek", "Cyrl": "Cyrillic", "Armn": "Armenian", "Hebr": "Hebrew", "Arab": "Arabic",
    "Syrc": "Syriac", "Thaa": "Thaana", "Deva": "Devanagari", "Beng": "Bengali", "Guru": "Gurmukhi",
    "Gujr": "Gujarati", "Orya": "Oriya", "Taml": "Tamil", "Telu": "Telugu", "Knda": "Kannada",
    "Mlym": "Malayalam", "Sinh": "Sinhala", "Thai": "Thai", "Laoo": "Lao", "Tibt": "Tibetan", "Mymr": "Myanmar",
    "Geor": "Georgian", "Hang": "Hangul", "Ethi": "Ethiopic", "Khmr": "Khmer", "Mong": "Mongolian",
    "Hira": "Hiragana", "Kana": "Katakana", "Hani": "Han", "Bopo": "Bopomofo", "Zsye": "Emoji",
    "Zzzz": "private use", COMMON: "symbols", INHERITED: "combining marks",
}

RTL = frozenset({"Hebr", "Arab", "Syrc", "Thaa"})
# Scripts whose letters change shape, join, reorder or stack: drawn through a shaper.
SHAPED = RTL | frozenset({"Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh",
                          "Thai", "Laoo", "Tibt", "Mymr", "Khmr", "Mong"})
# Scripts written without spaces between words, where a line may break between any two characters.
CJK = frozenset({"Hani", "Hira", "Kana", "Bopo"})
EAST_ASIAN = CJK | {"Hang"}  # Word's East Asian font slot

# The language a run in a script is most likely in, for the DOCX's w:lang (spelling,
# hyphenation and Word's font choice); Han next to kana is Japanese, next to Hangul Korean.
LANGUAGES = {
    "Grek": "el-GR", "Cyrl": "ru-RU", "Armn": "hy-AM", "Hebr": "he-IL", "Arab": "ar-SA", "Syrc": "syr-SY",
    "Thaa": "dv-MV", "Deva": "hi-IN", "Beng": "bn-IN", "Guru": "pa-IN", "Gujr": "gu-IN", "Orya": "or-IN",
    "Taml": "ta-IN", "Telu": "te-IN", "Knda": "kn-IN", "Mlym": "ml-IN", "Sinh": "si-LK", "Thai": "th-TH",
    "Laoo": "lo-LA", "Tibt": "bo-CN", "Mymr": "my-MM", "Geor": "ka-GE", "Hang": "ko-KR", "Ethi": "am-ET",
    "Khmr": "km-KH", "Mong": "mn-MN", "Hira": "ja-JP", "Kana": "ja-JP", "Hani": "zh-CN", "Bopo": "zh-TW",
}

# Any character of a script other than Latin, or a mark or private-use character: text
# without one is the usual case, answered by one regular-expression scan.
_OTHER = re.compile("[" + "".join(
    f"\\U{a:08x}-\\U{b:08x}" for a, b, s in _BLOCKS if s != "Latn" and a >= 0x0300) + "]")


def char_class(codes) -> str:
    """The inside of a regular-expression character class matching the scripts ``codes``."""
    return "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b, s in _BLOCKS if s in codes)


def script_of(ch: str) -> str:
    """The ISO 15924 code of one character's script (COMMON for punctuation, digits, spaces)."""
    o = ord(ch)
    i = bisect_right(_STARTS, o) - 1
    if i >= 0:
        a, b, s = _BLOCKS[i]
        if o <= b:
            return s
    return COMMON


def only_latin(text: str) -> bool:
    """Whether ``text`` is Latin letters, digits, punctuation and symbols only (no run to tag)."""
    return _OTHER.search(text) is None


class Segment(NamedTuple):
    """Characters ``start`` to ``end`` of a text, in one script (COMMON: punctuation, digits and
    spaces between two scripts)."""

    script: str
    start: int
    end: int


def segments(text: str) -> list[Segment]:
    """``text`` cut where its script changes. Marks go with the letter before them; punctuation,
    digits and spaces with the script on both sides of them, or on their own between two
    scripts (so a right-to-left run never takes the bracket or the space after it)."""
    marks = [script_of(ch) for ch in text]
    for i, s in enumerate(marks):
        if s == INHERITED:
            marks[i] = marks[i - 1] if i else COMMON
    i, n = 0, len(marks)
    while i < n:
        if marks[i] != COMMON:
            i += 1
            continue
        j = i
        while j < n and marks[j] == COMMON:
            j += 1
        before = marks[i - 1] if i else None
        after = marks[j] if j < n else None
        if before is not None and before == after:
            marks[i:j] = [before] * (j - i)
        i = j
    out: list[Segment] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or marks[i] != marks[start]:
            out.append(Segment(marks[start], start, i))
            start = i
    return out or [Segment(COMMON, 0, 0)]


def first_strong(text: str) -> int | None:
    """1 when the first strong character is right to left, 0 when left to right, None when
    there is none (rules P2 and P3 of the Unicode bidirectional algorithm)."""
    if text.isascii():
        return 0 if any(c.isalpha() for c in text) else None
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return 0
        if kind in ("R", "AL"):
            return 1
    return None


def base_level(text: str) -> int:
    """A paragraph's base level: 1 when its first strong character is right to left, else 0."""
    return first_strong(text) or 0


def bidi_levels(text: str, base: int) -> list[int]:
    """The embedding level of each character, after the Unicode bidirectional algorithm for
    text without explicit controls (the cleaning step removes them): right-to-left letters
    odd, left-to-right even, numbers after right-to-left letters one above them, neutrals
    taking the direction of the strong letters on both sides or else the paragraph's.

    A simplification of rules W1-W7, N1-N2 and I1-I2 that gives the same order for names,
    quotations and numbers inside a sentence; no mirrored-bracket pairing (N0).
    """
    kinds = [unicodedata.bidirectional(ch) for ch in text]
    n = len(kinds)
    strong: list = [None] * n  # "L" or "R" for strong characters and numbers, None for neutrals
    last = "R" if base else "L"
    for i, k in enumerate(kinds):
        if k == "L":
            last = strong[i] = "L"
        elif k in ("R", "AL"):
            last = strong[i] = "R"
        elif k in ("EN", "AN"):
            # W2/W7: a European number after left-to-right text (or at the start of a
            # left-to-right paragraph) is left to right; otherwise it is a number in
            # right-to-left text (level +1 from I1/I2, which keeps its digits in order).
            strong[i] = "N" if last == "R" or k == "AN" else "L"
        elif k == "NSM":
            strong[i] = strong[i - 1] if i else None
    levels = [base] * n
    # N1/N2: neutrals between the same direction take it; numbers count as right to left.
    prev = "R" if base else "L"
    i = 0
    while i < n:
        s = strong[i]
        if s is None:
            j = i
            while j < n and strong[j] is None:
                j += 1
            after = strong[j] if j < n else ("R" if base else "L")
            before = "R" if prev == "N" else prev
            after = "R" if after == "N" else after
            side = before if before == after else ("R" if base else "L")
            level = base + (1 if (side == "R") != bool(base) else 0) if side else base
            for m in range(i, j):
                levels[m] = level
            i = j
            continue
        if s == "L":
            levels[i] = base + (1 if base else 0)
        elif s == "R":
            levels[i] = base if base else 1
        else:  # a number in right-to-left text
            levels[i] = 2
        prev = s
        i += 1
    return levels


def visual_order(levels: list[int]) -> list[int]:
    """Indices in the order they are drawn, left to right (rule L2: from the highest level
    down to the lowest odd one, reverse every run at that level or above)."""
    order = list(range(len(levels)))
    if not levels:
        return order
    top = max(levels)
    lowest_odd = min(l for l in levels if l % 2) if any(l % 2 for l in levels) else top + 1
    for level in range(top, lowest_odd - 1, -1):
        i = 0
        n = len(order)
        while i < n:
            if levels[order[i]] >= level:
                j = i
                while j < n and levels[order[j]] >= level:
                    j += 1
                order[i:j] = order[i:j][::-1]
                i = j
            else:
                i += 1
    return order
