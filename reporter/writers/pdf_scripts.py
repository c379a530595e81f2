"""Paragraphs in more than one script: runs split by font coverage and direction, shaped text,
lines reordered for right-to-left runs, and lines that may break between ideographs.

The usual paragraph never comes here: ``split_runs`` answers with one set check per run
(the characters the run's own face draws as they are, a set built once per face) and
gives the runs back untouched. Otherwise each run is cut where the font that has the
glyphs changes (``pdf_fallback``), where the bidirectional level changes (``scripts``)
and where a script needs shaping or line breaks without spaces; ``pdf_text.measure`` asks
``pieces_of`` and ``widths_of`` for such runs, and ``show_mixed`` stands in for
``pdf_text._show``.

Shaping is harfbuzz through reportlab's own hook (``TTFont.hbFont``; glyphs without a
code point of their own, such as Arabic joining forms, get private code points in the
subset the way reportlab's shaped paragraphs do). A shaped word is written with its text
as ``/ActualText`` (a right-to-left one in the order drawn, which readers such as poppler
put back in reading order as they do for any right-to-left glyphs), so copying or
extracting it gives the characters in reading order, ligatures and joining forms included.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from ..scripts import (CJK, COMMON, INHERITED, LANGUAGES, RTL, SHAPED, base_level, bidi_levels, char_class, script_of,
                       visual_order)
from .pdf_fallback import PLACEHOLDER, Fallback
from .pdf_inline import Run

# The fallback chain of the PDF being laid out in this thread (or task), and the characters
# no font had in it. A context variable, not a module global: the library may write two PDFs
# at once from two threads, each with its own --font-dir and its own warning.
_ACTIVE: ContextVar = ContextVar("pdf_fallback", default=(None, None))


@contextmanager
def active(fallback: Fallback | None):
    """``fallback`` is the chain the paragraphs laid out inside use; yields the dict that
    collects, by script, the characters no font had (for the build's one warning)."""
    missing: dict = {}
    token = _ACTIVE.set((fallback, missing))
    try:
        yield missing
    finally:
        _ACTIVE.reset(token)


_SIMPLE: dict = {}


def _face_sets(face: str) -> tuple:
    """(characters ``face`` draws as they are, characters it has at all), built once per face."""
    hit = _SIMPLE.get(face)
    if hit is None:
        from reportlab.pdfbase.pdfmetrics import getFont

        chars = frozenset(map(chr, getFont(face).face.charToGlyph))
        special = RTL | SHAPED | CJK | {"Zzzz"}
        hit = _SIMPLE[face] = (frozenset(c for c in chars if script_of(c) not in special), chars)
    return hit


def is_plain(runs) -> bool:
    """Whether every run's face draws its text as it is (the fast path: one check per run)."""
    for r in runs:
        if r is not None and not r.text.isascii() and not _face_sets(r.face)[0].issuperset(r.text):
            return False
    return True


def split_runs(runs) -> tuple[list, int]:
    """The runs cut by font, direction and script, and the paragraph's base level (1: right to left)."""
    if is_plain(runs):
        return runs, 0
    text = "".join(r.text for r in runs if r is not None)
    base = base_level(text)
    levels = bidi_levels(text, base) if base or any(script_of(c) in RTL for c in text) else None
    out: list = []
    pos = 0
    for r in runs:
        if r is None:
            out.append(None)
            continue
        out.extend(_split_one(r, levels[pos:pos + len(r.text)] if levels else None))
        pos += len(r.text)
    return out, base


_MIRRORED = dict(zip("()[]{}<>«»‹›", ")(][}{><»«›‹"))
_JOINERS = frozenset("\u200c\u200d" + "".join(map(chr, range(0xFE00, 0xFE10))))


def _split_one(run: Run, levels) -> list:
    fallback, missing = _ACTIVE.get()
    simple, own = _face_sets(run.face)
    bold = "Bold" in run.face
    out: list = []
    chars: list = []
    key = None
    for i, ch in enumerate(run.text):
        s = script_of(ch)
        level = levels[i] if levels else 0
        if ch in _JOINERS:  # joiners and variation selectors: for the shaper, or nothing
            if key is not None and key[2] in SHAPED:
                chars.append(ch)
            continue
        if key is not None and (s == INHERITED or s == COMMON and ch not in own) and ch in _cover(key[0]):
            face, script = key[0], key[2]  # marks stay with the letter before them
        elif s == COMMON and ch in own:
            face, script = run.face, ""  # punctuation, digits and spaces in the paragraph's own face
        else:
            face = run.face if ch in own else (fallback.face_for(ch, bold) if fallback is not None else None)
            if face is None:
                if missing is not None:
                    missing.setdefault(script_of(ch), {})[ch] = None
                ch, face = _placeholder(run.face, own, fallback, bold)
            script = s if s in SHAPED or s in CJK else ""
        if level % 2 and ch in _MIRRORED and not script:  # a bracket in right-to-left text (rule L4)
            ch = _MIRRORED[ch]
        k = (face, level, script)
        if k != key and chars:
            out.append(run._replace(text="".join(chars), face=key[0], level=key[1], script=key[2]))
            chars = []
        key = k
        chars.append(ch)
    if chars:
        out.append(run._replace(text="".join(chars), face=key[0], level=key[1], script=key[2]))
    return out


def _placeholder(face: str, own: frozenset, fallback, bold: bool) -> tuple[str, str]:
    """(character, face) drawn for a character no font has: U+FFFD from any font that has it,
    else a white square, else a question mark in the run's own face."""
    if PLACEHOLDER in own:
        return PLACEHOLDER, face
    found = fallback.face_for(PLACEHOLDER, bold) if fallback is not None else None
    if found is not None:
        return PLACEHOLDER, found
    return ("\u25a1" if "\u25a1" in own else "?"), face


def _cover(face: str) -> frozenset:
    """The characters ``face`` has a glyph for."""
    return _face_sets(face)[1]


# -- measuring ------------------------------------------------------------------------------------


class Glyph(NamedTuple):
    """One shaped glyph: the character it is drawn as (maybe a private one), its advance and
    offsets and the width the font gives that character, in 1/1000 em."""

    char: str
    advance: float
    dx: float
    dy: float
    width: float


class Shaped(NamedTuple):
    width: float  # 1/1000 em
    glyphs: tuple


_SHAPES: dict = {}
_HB: dict = {}


def shape(face: str, text: str, rtl: bool) -> Shaped:
    """``text`` shaped in ``face`` (glyphs left to right as drawn), remembered."""
    key = (face, text, rtl)
    hit = _SHAPES.get(key)
    if hit is not None:
        return hit
    import uharfbuzz as hb
    from reportlab.pdfbase.pdfmetrics import getFont

    font = getFont(face)
    hbf = _HB.get(face)
    if hbf is None:
        hbf = _HB[face] = font.hbFont(10)
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    buf.direction = "rtl" if rtl else "ltr"
    hb.shape(hbf, buf, {"kern": True, "liga": True})
    scale = font.pdfScale
    to_char, widths = font.face.glyphToChar, font.face.charWidths
    glyphs = []
    total = 0.0
    for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
        gid = info.codepoint
        chars = to_char.get(gid)
        advance = scale(pos.x_advance)
        o = chars[0] if chars else font.hbAddPrivate(hbf.glyph_to_string(gid), gid, advance)
        glyphs.append(Glyph(chr(o), advance, scale(pos.x_offset), scale(pos.y_offset), widths.get(o, advance)))
        total += advance
    if len(_SHAPES) > 100_000:
        _SHAPES.clear()
    hit = _SHAPES[key] = Shaped(total, tuple(glyphs))
    return hit


_CJK_CHARS = char_class(CJK)
_CJK_TOKEN = re.compile(f"[{_CJK_CHARS}][^{_CJK_CHARS}]*|[^{_CJK_CHARS}]+")


def pieces_of(run: Run, word: str) -> list:
    """A word of a run as line-breaking pieces: one, or in Chinese and Japanese one per
    ideograph or kana (with the punctuation after it), a line may break between them."""
    return _CJK_TOKEN.findall(word) if run.script in CJK else [word]


def widths_of(run: Run, pieces: list) -> list:
    """The widths of a run's pieces in 1/1000 em: shaped in a script that is shaped."""
    if run.script in SHAPED:
        rtl = bool(run.level % 2)
        return [shape(run.face, piece, rtl).width for piece in pieces]
    from .pdf_text import units_of

    units = units_of(run.face)
    return [units(piece) for piece in pieces]


# -- drawing --------------------------------------------------------------------------------------


def _span(text: str | None, lang: str | None) -> str:
    """A marked-content span around a piece: its logical text as /ActualText (shaped glyphs,
    characters beyond the BMP), its language as /Lang (a screen reader switches voice; PDF/UA
    asks for the language of every passage not in the document's)."""
    entries = ""
    if lang:
        entries += f" /Lang ({lang})"
    if text is not None:
        entries += " /ActualText <FEFF" + text.encode("utf-16-be").hex().upper() + ">"
    return f"/Span <<{entries} >> BDC"


def _shaped_ops(enc_of, run: Run, text: str, fsize: str, size: float) -> list:
    """(font name, operators) pairs that draw ``text`` shaped, glyph positions kept by TJ
    offsets and rises; the caller writes a font change where the name changes."""
    from .pdf_text import num

    shaped = shape(run.face, text, bool(run.level % 2))
    string = "".join(g.char for g in shaped.glyphs)
    out: list = []
    g = 0
    for name, escaped in _split_escaped(enc_of(run.face), string):
        items: list = []
        ops: list = []
        for byte in escaped:
            glyph = shaped.glyphs[g]
            g += 1
            if glyph.dy:
                if items:
                    ops.append(f"[{''.join(items)}] TJ")
                    items = []
                pre = f"{num(-glyph.dx)} " if glyph.dx else ""
                ops.append(f"{num(glyph.dy * size / 1000)} Ts [{pre}({byte})] TJ 0 Ts")
                post = glyph.advance - glyph.dx - glyph.width
                if abs(post) > 0.01:
                    ops.append(f"[{num(-post)}] TJ")
                continue
            if glyph.dx:
                items.append(f" {num(-glyph.dx)} ")
            items.append(f"({byte})")
            post = glyph.advance - glyph.dx - glyph.width
            if abs(post) > 0.01:
                items.append(f" {num(-post)} ")
        if items:
            ops.append(f"[{''.join(items)}] TJ")
        out.append((name, " ".join(ops)))
    return out


def _split_escaped(enc, string: str):
    """(subset font name, one escaped byte per character) for a string, in order."""
    for name, escaped in enc(string):
        chars = re.findall(r"\\[0-7]{3}|\\.|.", escaped, flags=re.S)
        yield name, chars


def show_mixed(words, a: int, b: int, runs, enc_of, x: float, y: float, tw: float, fsize: str, size: float, state: list,
               code, links: list | None) -> None:
    """The text operators for pieces ``a`` to ``b`` (a line) in visual order: right-to-left
    pieces reversed (rule L2 of the bidirectional algorithm over the pieces' levels), shaped
    pieces drawn glyph by glyph with their logical text as ActualText."""
    from .pdf_text import num

    run_of: list = []
    for r, lo, hi in zip(words.span_runs, words.bounds, words.bounds[1:]):
        if hi > a and lo < b:
            run_of.extend([r] * (min(hi, b) - max(lo, a)))
    texts, gaps, widths, glued = words.texts, words.gaps, words.widths, words.glued
    # The line as pieces and the spaces between them (-j: the space before piece j), each at
    # its level: a space between two pieces takes the lower of their levels (rules N1-N2).
    items: list = []
    levels: list = []
    for j in range(a, b):
        level = runs[run_of[j - a]].level
        if j > a and j not in glued:
            items.append(-j)
            levels.append(min(level, levels[-1]))
        items.append(j)
        levels.append(level)
    cur_font, cur_fill = state
    pos = x
    link_now = None
    for i in visual_order(levels):
        j = items[i]
        if j < 0:  # a space, in the face of the piece before it in reading order (as measured)
            j = -j
            if gaps[j] > 0:
                name, space = enc_of(runs[run_of[j - 1 - a]].face).space
                if name != cur_font:
                    cur_font = name
                    code(f"{name} {fsize} Tf")
                code(f"({space}) Tj")
                pos += gaps[j] + tw
            elif tw:  # a break between ideographs: no space, but justified like one
                code(f"[{num(-tw * 1000 / size)}] TJ")
                pos += tw
            continue
        run = runs[run_of[j - a]]
        if run.fill is not cur_fill:
            cur_fill = run.fill
            code(run.fill)
        actual = run.script in SHAPED or not texts[j].isascii() and max(texts[j]) > "\uffff"
        lang = LANGUAGES.get(run.script) if run.script else None
        if run.script in SHAPED:
            pieces = _shaped_ops(enc_of, run, texts[j], fsize, size)
            # the text as drawn, left to right: readers (poppler's among them) put right-to-left
            # runs back in reading order themselves, as they do for unshaped glyphs
            code(_span(texts[j][::-1] if run.level % 2 else texts[j], lang))
        else:
            # reportlab's ToUnicode maps only the Basic Multilingual Plane: emoji and rare
            # ideographs get their text this way
            if actual or lang:
                code(_span(texts[j] if actual else None, lang))
            pieces = [(name, f"({s}) Tj") for name, s in enc_of(run.face)(texts[j])]
        for name, op in pieces:
            if name != cur_font:
                cur_font = name
                code(f"{name} {fsize} Tf")
            code(op)
        if actual or lang:
            code("EMC")
        if links is not None:
            if link_now is not None and run.href != link_now[0]:
                links.append((link_now[0], link_now[1], link_now[2], y))
                link_now = None
            if run.href:
                link_now = (run.href, link_now[1] if link_now else pos, pos + widths[j])
        pos += widths[j]
    if link_now is not None:
        links.append((link_now[0], link_now[1], link_now[2], y))
    state[0], state[1] = cur_font, cur_fill
