"""Inlines -> FastParagraph runs; article text is data, never markup.

``<b>``, ``<para>``, ``&amp;`` and control characters in an article must show literally.
Runs are built directly from the model and no markup parser ever sees them.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Emph, LineBreak, Link, Strong, Text
from ..urls import anchor_name, external_url

# C0/C1 controls break the paragraph parser or show as boxes; whitespace ones become spaces.
_SPACE = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")
# Bidi marks and isolates have no glyph: the layout orders right-to-left text itself (pdf_scripts).
_DROP = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_WS = re.compile(r"[ \t\r\n]+")


_ANY_UNSAFE = re.compile(_SPACE.pattern[:-1] + _DROP.pattern[1:-1] + _SURROGATE.pattern[1:])


def printable(text: str) -> str:
    """Text safe to lay out on one line: tabs and line ends as spaces, other control characters
    dropped, lone surrogates as U+FFFD (a font has no glyph for any of them)."""
    if _ANY_UNSAFE.search(text) is None:  # the usual case: one scan
        return text
    text = _SPACE.sub(" ", text)
    text = _DROP.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def run_text(text: str) -> str:
    """Printable text with its spaces collapsed, as it goes into a run."""
    text = printable(text)
    return _WS.sub(" ", text) if "  " in text else text


class Run(NamedTuple):
    """Text in one face and colour, maybe a link: what ``FastParagraph`` lays out and draws."""

    text: str
    face: str  # a registered font name
    fill: str  # the PDF operator that sets its colour (``pdf_text.fill_op``)
    href: str | None  # a URL or ``#destination``
    level: int = 0  # bidirectional embedding level: odd is right to left (``pdf_scripts``)
    script: str = ""  # a script drawn shaped or broken between ideographs (ISO 15924), else ""


def anchor_key(anchor: str) -> str:
    """A PDF destination name for a model anchor: ASCII only, one key per anchor."""
    if _KEY_UNSAFE.search(anchor) is None:
        return "a-" + anchor
    return "a-" + _KEY_UNSAFE.sub(lambda m: f".{ord(m.group()):x}.", anchor)


def runs(inlines, style, st, anchors) -> list:
    """FastParagraph ``Run`` s for some inlines (``None``: a line break).

    Text goes into runs as data, so nothing in it can act as markup; internal links only to
    existing anchors; spaces collapse and the paragraph's outer spaces go, as in reportlab.
    """
    font_key, bold0, italic0, text_fill, link_fill = _look_of(style, st)
    out: list = []
    if all(type(node) is Text for node in inlines):  # plain text, the usual paragraph: one run
        text = run_text("".join([node.text for node in inlines])).strip(" ")
        return [Run(text, st.face(font_key, bold0, italic0), text_fill, None)] if text else []

    def emit(nodes, bold: bool, italic: bool, href: str | None) -> None:
        for node in nodes:
            match node:
                case Text(text=t):
                    text = run_text(t)
                    if text:
                        out.append(Run(text, st.face(font_key, bold, italic), link_fill if href else text_fill, href))
                case Strong(children=c):
                    emit(c, True, italic, href)
                case Emph(children=c):
                    emit(c, bold, True, href)
                case Link(children=c, url=url):
                    emit(c, bold, italic, _href(url, anchors) or href)
                case LineBreak():
                    out.append(None)

    emit(inlines, bold0, italic0, None)
    return trim(out)


def trim(out: list) -> list:
    """Runs without the paragraph's outer spaces (and without runs left empty by that)."""
    texts = [i for i, r in enumerate(out) if r is not None]
    if texts:
        i, j = texts[0], texts[-1]
        r = out[i]
        if r.text[:1] == " ":
            out[i] = r._replace(text=r.text.lstrip(" "))
        r = out[j]  # read after the write: the first run may be the last
        if r.text[-1:] == " ":
            out[j] = r._replace(text=r.text.rstrip(" "))
    return [r for r in out if r is None or r.text]


_LOOKS: dict[int, tuple] = {}


def _look_of(style, st) -> tuple:
    """(font key, bold, italic, text fill, link fill) of a paragraph style, worked out once."""
    hit = _LOOKS.get(id(style))
    if hit is None or hit[0] is not style:
        from .pdf_text import fill_op

        text_fill = fill_op(style.textColor)
        link_fill = fill_op(st.colors["link"]) if "link" in st.colors else text_fill
        hit = _LOOKS[id(style)] = (style, (*st.face_of(style.fontName), text_fill, link_fill))
    return hit[1]


def _href(url: str, anchors) -> str | None:
    """A link annotation's target: ``#key`` for an anchor the document has, or a URL the URL
    policy allows; None (the text shows, unlinked) for anything else."""
    name = anchor_name(url)
    if name is not None:
        return "#" + anchor_key(name) if name in anchors else None
    return external_url(url)
