"""WordprocessingML building blocks shared by the DOCX writer and the reference document.

The body is built with lxml directly (python-docx's object layer costs ~1 ms a
paragraph); these helpers keep that readable: Clark names computed once, text made
XML-safe in one place, fields and bookmarks spelled the way Word writes them.
"""

from __future__ import annotations

import hashlib
import re

from lxml import etree

from ..ooxml import R_NS, W_NS, XML_NS, w

NSMAP = {"w": W_NS, "r": R_NS}

# Clark names used in hot loops, computed once.
P, PPR, PSTYLE, R, RPR, RSTYLE, T, TAB, BR = (w(t) for t in ("p", "pPr", "pStyle", "r", "rPr", "rStyle", "t", "tab", "br"))
B, I, VAL, JC, HYPERLINK, ANCHOR, HISTORY = (w(t) for t in ("b", "i", "val", "jc", "hyperlink", "anchor", "history"))
BM_START, BM_END, ID, NAME = (w(t) for t in ("bookmarkStart", "bookmarkEnd", "id", "name"))
FLDCHAR, FLDCHARTYPE, INSTR = w("fldChar"), w("fldCharType"), w("instrText")
R_ID = f"{{{R_NS}}}id"
XML_SPACE = f"{{{XML_NS}}}space"

# XML 1.0 forbids these; lxml refuses them, Word refuses the file. Tabs and line
# breaks are kept and become w:tab / w:br.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SEGMENTS = re.compile(r"(\t|\r\n|\r|\n)")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot carry (lxml refuses them, Word refuses the
    file); tabs and line breaks stay, for ``add_text_runs`` to turn into w:tab and w:br."""
    return _FORBIDDEN.sub("", text)


def sub(parent, tag: str, **attrs: str):
    """A child element with ``w:`` attributes (``val="x"`` becomes ``w:val="x"``)."""
    el = etree.SubElement(parent, tag)
    for key, value in attrs.items():
        el.set(w(key), value)
    return el


def add_text_runs(parent, text: str, rpr_factory=None) -> None:
    """Append runs carrying ``text``; tabs and newlines become w:tab and w:br.

    ``rpr_factory(run)`` adds the run properties (bold, italic, character style).
    """
    text = xml_safe(text)
    if not text:
        return
    r = etree.SubElement(parent, R)
    if rpr_factory is not None:
        rpr_factory(r)
    if "\t" not in text and "\n" not in text and "\r" not in text:
        t = etree.SubElement(r, T)
        t.text = text
        t.set(XML_SPACE, "preserve")
        return
    for seg in _SEGMENTS.split(text):
        if not seg:
            continue
        if seg == "\t":
            etree.SubElement(r, TAB)
        elif seg in ("\n", "\r", "\r\n"):
            etree.SubElement(r, BR)
        else:
            t = etree.SubElement(r, T)
            t.text = seg
            t.set(XML_SPACE, "preserve")


def add_field(parent, instruction: str, cached: str = "1"):
    """A complex field (PAGE, NUMPAGES, PAGEREF...) with a cached result Word refreshes.
    Returns the result's ``w:t``, for a caller that learns the value later."""
    result = None
    for kind in ("begin", None, "separate", "result", "end"):
        r = etree.SubElement(parent, R)
        if kind is None:
            it = etree.SubElement(r, INSTR)
            it.text = f" {instruction} "
            it.set(XML_SPACE, "preserve")
        elif kind == "result":
            result = etree.SubElement(r, T)
            result.text = cached
        else:
            etree.SubElement(r, FLDCHAR).set(FLDCHARTYPE, kind)
    return result


def field_char(parent, kind: str) -> None:
    r = etree.SubElement(parent, R)
    etree.SubElement(r, FLDCHAR).set(FLDCHARTYPE, kind)


def instr_text(parent, instruction: str) -> None:
    r = etree.SubElement(parent, R)
    it = etree.SubElement(r, INSTR)
    it.text = f" {instruction} "
    it.set(XML_SPACE, "preserve")


_BM_BAD = re.compile(r"[^A-Za-z0-9_]")


def bookmark_name(anchor: str) -> str:
    """A Word-valid bookmark name for ``anchor``: letters, digits, '_', <= 40 chars, letter first.

    Long or mangled names keep a short hash so two anchors never collide.
    """
    name = _BM_BAD.sub("_", anchor)
    if not name[:1].isalpha() or not name[:1].isascii():
        name = "a_" + name
    if len(name) > 40 or name != anchor:
        digest = hashlib.sha1(anchor.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        name = f"{name[:31]}_{digest}"
    return name


def twips(cm: float) -> int:
    return round(cm * 1440 / 2.54)
