"""Paragraph content -> tokens: runs, hyperlinks, fields, tracked changes, pictures and text boxes.

Runs become flat ``Token``s (text, bold, italic, url; see docx_tokens); fields are
followed across runs and paragraphs so only their displayed result is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Image, PageBreak
from ..ooxml import A_NS, M_NS, MC_NS, R_NS, V_NS, WP_NS, w
from ..pictures import picture_problem
from ..urls import external_url
from .docx_report import Report
from .docx_styles import Styles, on
from .docx_tokens import LINEBREAK, Token


R, RPR, T, TAB, PTAB, BR, CR = (w(t) for t in ("r", "rPr", "t", "tab", "ptab", "br", "cr"))
HYPERLINK, INS, DEL, MOVE_TO, MOVE_FROM = (w(t) for t in ("hyperlink", "ins", "del", "moveTo", "moveFrom"))
FLDCHAR, INSTR, FLDSIMPLE, BM_START = w("fldChar"), w("instrText"), w("fldSimple"), w("bookmarkStart")
SDT, SDT_CONTENT = w("sdt"), w("sdtContent")
DRAWING, PICT, OBJECT = w("drawing"), w("pict"), w("object")
CONTAINERS = {w("smartTag"), w("customXml"), w("dir"), w("bdo")}
NO_BREAK_HYPHEN = w("noBreakHyphen")
TXBX = w("txbxContent")
ALT_CONTENT, CHOICE = f"{{{MC_NS}}}AlternateContent", f"{{{MC_NS}}}Choice"
M_T, M_MATH, M_MATH_PARA = f"{{{M_NS}}}t", f"{{{M_NS}}}oMath", f"{{{M_NS}}}oMathPara"
R_EMBED, R_LINK, R_ID = f"{{{R_NS}}}embed", f"{{{R_NS}}}link", f"{{{R_NS}}}id"
DOCPR, EXTENT, BLIP = f"{{{WP_NS}}}docPr", f"{{{WP_NS}}}extent", f"{{{A_NS}}}blip"
GRAPHIC_DATA = f"{{{A_NS}}}graphicData"
V_IMAGEDATA = f"{{{V_NS}}}imagedata"
VAL = w("val")
_ANCHOR = w("anchor")
_B = w("b")
_COMMENTRANGESTART = w("commentRangeStart")
_COMMENTREFERENCE = w("commentReference")
_ENDNOTEREFERENCE = w("endnoteReference")
_FLDCHARTYPE = w("fldCharType")
_FOOTNOTEREFERENCE = w("footnoteReference")
_I = w("i")
_ID = w("id")
_INSTR = w("instr")
_NAME = w("name")
_RPRCHANGE = w("rPrChange")
_RSTYLE = w("rStyle")
_TYPE = w("type")
_VANISH = w("vanish")

_FIELD_LINK = re.compile(r'^\s*HYPERLINK\s+(?:\\l\s+"([^"]*)"|"([^"]*)"(?:\s+\\l\s+"([^"]*)")?)', re.I)
_TOC_LEVELS = re.compile(r'\\o\s+"\s*\d+\s*-\s*(\d+)\s*"')
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")


@dataclass
class Field:
    instr: list[str] = field(default_factory=list)
    result: bool = False  # past the separate fldChar: its runs are the displayed text
    url: str | None = None
    toc: bool = False


@dataclass
class Pieces:
    """One paragraph read: inline token runs and blocks (page breaks, pictures) in order."""

    items: list = field(default_factory=list)  # list[list[Token] | Block]
    anchor: str | None = None
    toc_levels: int = 0  # a TOC field began in this paragraph

    def tokens(self) -> list:
        if not self.items or not isinstance(self.items[-1], list):
            self.items.append([])
        return self.items[-1]


class InlineReader:
    """Reads paragraph content; holds the state that crosses paragraphs (open fields, counts)."""

    def __init__(self, *, styles: Styles, rels: dict, package, report: Report, linked_anchors: set[str],
                 read_blocks):
        self.styles = styles
        self.rels = rels
        self.package = package
        self.report = report
        self.linked_anchors = linked_anchors
        self.read_blocks = read_blocks  # container element -> list[Block], for text boxes
        self.fields: list[Field] = []

    # ------------------------------------------------------------- state
    def in_toc(self) -> bool:
        return any(f.toc for f in self.fields)

    def _hidden(self) -> bool:
        return bool(self.fields) and any(not f.result for f in self.fields)

    def kept_bookmark(self, bookmark_start) -> str | None:
        """The name of a bookmark worth keeping as an anchor: Word's own hidden ones (``_Toc...``,
        ``_GoBack``) only when a hyperlink in the document points at them."""
        name = bookmark_start.get(_NAME) or ""
        return name if name and (not name.startswith("_") or name in self.linked_anchors) else None

    def _field_url(self) -> str | None:
        for f in reversed(self.fields):
            if f.url:
                return f.url
        return None

    # ------------------------------------------------------------ reading
    def paragraph(self, p) -> Pieces:
        out = Pieces()
        self._content(p, None, out)
        return out

    def _content(self, el, url: str | None, out: Pieces) -> None:
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, url, out)
            elif tag == HYPERLINK:
                self._content(child, self._link(child) or url, out)
            elif tag in (INS, MOVE_TO):
                self.report.add("ins" if tag == INS else "move")
                self._content(child, url, out)
            elif tag in (DEL, MOVE_FROM):
                if tag == DEL:
                    self.report.add("del")
            elif tag in CONTAINERS:
                self._content(child, url, out)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._content(content, url, out)
            elif tag == FLDSIMPLE:
                link = _field_link(child.get(_INSTR) or "")
                self._content(child, link or url, out)
            elif tag == BM_START:
                if out.anchor is None:
                    out.anchor = self.kept_bookmark(child)
            elif tag == _COMMENTRANGESTART:
                self.report.comment_ids.add(child.get(_ID))
            elif tag in (M_MATH, M_MATH_PARA):
                self.report.add("math")
                text = "".join(t.text or "" for t in child.iter(M_T))
                if text and not self._hidden():
                    out.tokens().append(Token(text, False, False, url))
            elif tag == ALT_CONTENT:
                choice = child.find(CHOICE)
                if choice is not None:
                    self._content(choice, url, out)

    def _link(self, h) -> str | None:
        anchor = h.get(_ANCHOR)
        rid = h.get(R_ID)
        if rid:
            rel = self.rels.get(rid)
            if rel is None or not rel.external:
                return ("#" + anchor) if anchor else None
            target = external_url(rel.target)
            if target is None:
                return None
            return f"{target}#{anchor}" if anchor else target
        return ("#" + anchor) if anchor else None

    def _format(self, rpr) -> tuple[bool, bool, bool]:
        """(bold, italic, hidden) from direct formatting, falling back to the character style."""
        if rpr is None:
            return (False, False, False)
        b = i = None
        style, vanish = None, False
        for el in rpr:  # one pass over the run properties: this runs for every run
            tag = el.tag
            if tag == _B:
                b = on(el)
            elif tag == _I:
                i = on(el)
            elif tag == _RSTYLE:
                style = el.get(VAL)
            elif tag == _VANISH:
                vanish = on(el)
            elif tag == _RPRCHANGE:
                self.report.add("format")
        if b is None or i is None:
            bold, italic = self.styles.char_format(style)
            b = bold if b is None else b
            i = italic if i is None else i
        return (b, i, vanish)

    def _run(self, r, url: str | None, out: Pieces) -> None:
        bold, italic, vanish = self._format(r.find(RPR))
        link = (self._field_url() or url) if self.fields else url
        for child in r:
            tag = child.tag
            if tag == T:  # by far the most common child: first, and no field bookkeeping
                if child.text and not vanish and not (self.fields and self._hidden()):
                    out.tokens().append(Token(child.text, bold, italic, link))
                continue
            if tag == FLDCHAR:
                self._field_char(child.get(_FLDCHARTYPE), out)
                link = (self._field_url() or url) if self.fields else url
                continue
            if tag == INSTR:
                if self.fields and not self.fields[-1].result:
                    self.fields[-1].instr.append(child.text or "")
                continue
            if tag == _FOOTNOTEREFERENCE:
                self.report.add("footnote")
            elif tag == _ENDNOTEREFERENCE:
                self.report.add("endnote")
            elif tag == _COMMENTREFERENCE:
                self.report.comment_ids.add(child.get(_ID))
            if vanish or self._hidden():
                continue
            if tag in (TAB, PTAB):
                out.tokens().append(Token(" ", bold, italic, link))
            elif tag == BR:
                kind = child.get(_TYPE)
                if kind == "page":
                    out.items.append(PageBreak())
                elif kind == "column":
                    out.tokens().append(Token(" ", bold, italic, link))
                else:
                    out.tokens().append(Token(LINEBREAK, bold, italic, link))
            elif tag == CR:
                out.tokens().append(Token(LINEBREAK, bold, italic, link))
            elif tag == NO_BREAK_HYPHEN:
                out.tokens().append(Token("-", bold, italic, link))
            elif tag == DRAWING:
                self._drawing(child, out)
            elif tag == PICT:
                self._pict(child, out)
            elif tag == OBJECT:
                self.report.add("object")
            elif tag == ALT_CONTENT:
                choice = child.find(CHOICE)
                if choice is not None:
                    fake = r.makeelement(R)
                    if r.find(RPR) is not None:
                        fake.append(_copy(r.find(RPR)))
                    fake.extend(_copy(c) for c in choice)
                    self._run(fake, url, out)

    def _field_char(self, kind: str | None, out: Pieces) -> None:
        if kind == "begin":
            self.fields.append(Field())
        elif kind == "separate" and self.fields:
            f = self.fields[-1]
            self._close_instruction(f, out)
        elif kind == "end" and self.fields:
            f = self.fields.pop()
            if not f.result:
                self._close_instruction(f, out)

    def _close_instruction(self, f: Field, out: Pieces) -> None:
        f.result = True
        instr = "".join(f.instr).strip()
        head = instr.split(None, 1)[0].upper() if instr else ""
        if head == "HYPERLINK":
            f.url = _field_link(instr)
        elif head == "TOC" and not any(g.toc for g in self.fields if g is not f):
            f.toc = True
            m = _TOC_LEVELS.search(instr)
            out.toc_levels = max(1, min(int(m.group(1)), 9)) if m else 3

    # ----------------------------------------------------------- graphics
    def _drawing(self, drawing, out: Pieces) -> None:
        graphic = next(drawing.iter(GRAPHIC_DATA), None)
        uri = (graphic.get("uri") or "") if graphic is not None else ""
        if uri.endswith("/picture"):
            blip = next(graphic.iter(BLIP), None)
            doc_pr = next(drawing.iter(DOCPR), None)
            alt = ""
            if doc_pr is not None:
                alt = (doc_pr.get("descr") or doc_pr.get("title") or "").strip()
            extent = next(drawing.iter(EXTENT), None)
            width = None
            if extent is not None and (extent.get("cx") or "").isdigit() and int(extent.get("cx")) > 0:
                width = round(int(extent.get("cx")) / 360000, 3)
            self._picture(blip.get(R_EMBED) if blip is not None else None,
                          blip is not None and blip.get(R_LINK) is not None, alt, width, out)
        elif uri.endswith("/chart") or "chartex" in uri:
            self.report.add("chart")
        elif uri.endswith("/diagram"):
            self.report.add("smartart")
        else:
            boxes = list(drawing.iter(TXBX))
            if boxes:
                self._text_boxes(boxes, out)
            else:
                self.report.add("shape")

    def _pict(self, pict, out: Pieces) -> None:
        boxes = list(pict.iter(TXBX))
        if boxes:
            self._text_boxes(boxes, out)
            return
        image = next(pict.iter(V_IMAGEDATA), None)
        if image is not None:
            shape = image.getparent()
            alt = (shape.get("alt") or "") if shape is not None else ""
            self._picture(image.get(R_ID), image.get(R_ID) is None, alt.strip(), None, out)
        else:
            self.report.add("shape")

    def _picture(self, rid: str | None, linked: bool, alt: str, width: float | None, out: Pieces) -> None:
        rel = self.rels.get(rid) if rid else None
        if rel is None or rel.external:
            self.report.add("picture_linked" if linked or rel is not None else "picture_missing")
            return
        if not self.package.has(rel.target):
            self.report.add("picture_missing")
            return
        data = self.package.read(rel.target)
        if not data.startswith(_IMAGE_MAGIC) or picture_problem(data):
            self.report.add("picture_format")
            return
        out.items.append(Image(data=data, alt=alt, width_cm=width))

    def _text_boxes(self, boxes, out: Pieces) -> None:
        for box in boxes:
            self.report.add("textbox")
            saved, self.fields = self.fields, []
            try:
                out.items.extend(self.read_blocks(box))
            finally:
                self.fields = saved


def _copy(el):
    from copy import deepcopy

    return deepcopy(el)


def _field_link(instr: str) -> str | None:
    m = _FIELD_LINK.match(instr)
    if not m:
        return None
    anchor_only, url, anchor = m.groups()
    if anchor_only:
        return "#" + anchor_only
    url = external_url(url)
    if url:
        return f"{url}#{anchor}" if anchor else url
    return None
