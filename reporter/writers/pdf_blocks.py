"""Model blocks -> reportlab flowables, from the model only.

One ``PdfFlowables`` per write: it knows the frame size (to fit tables and images), the
anchors that exist (so internal links never dangle) and the outline key of every
heading (so the contents list and the outline point at the same destinations).
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import (
    BulletList, Chart, Div, Document, Heading, Image, OrderedList, PageBreak, Paragraph, Quote, Table,
    TableOfContents, Text, heading_level, plain_text, walk,
)
from ..style import BODY_STYLES, BULLETS, NUMBER_FORMATS
from .pdf_inline import Run, anchor_key, printable, run_text, runs
from .pdf_styles import CM, PdfStyles
from .pdf_table import table_flowables
from .pdf_tags import Elem, Tag, figure_or_artifact, list_attrs



class OutlineEntry(NamedTuple):
    """A heading as the outline and the contents list show it, and the destination they go to."""

    level: int  # 1..3
    title: str
    key: str


@dataclass
class PdfFlowables:
    """The flowables of one document; the DOCX's counterpart is ``docx_body.DocxBodyWriter``."""

    st: PdfStyles
    width: float  # frame width, pt
    height: float  # frame height, pt
    anchors: frozenset[str] = frozenset()
    heading_keys: dict[int, str] = field(default_factory=dict)  # id(Heading) -> destination name
    headings: list[OutlineEntry] = field(default_factory=list)  # in document order
    tree: Elem = field(default_factory=lambda: Elem("Document"))  # the structure tree, in logical order
    _placed: set[str] = field(default_factory=set)
    _parent: Elem | None = None  # where the next block's elements go (None: the document)
    _heading_level: int = 0  # the last heading's tag level (H1..H3 never skip a level)

    @classmethod
    def for_document(cls, doc: Document, st: PdfStyles, width: float, height: float) -> "PdfFlowables":
        anchors: set[str] = set()
        b = cls(st, width, height)
        for block in walk(doc.blocks):
            anchor = getattr(block, "anchor", None)
            if anchor and isinstance(block, (Heading, Paragraph)):
                anchors.add(anchor)
        used: set[str] = set()
        for n, block in enumerate(walk(doc.blocks)):
            if isinstance(block, Heading):
                key = anchor_key(block.anchor) if block.anchor else f"h-{n}"
                if key in used:
                    key = f"h-{n}"
                used.add(key)
                b.heading_keys[id(block)] = key
                title = printable(plain_text(block.children)).strip()
                b.headings.append(OutlineEntry(heading_level(block.level), title, key))
        b.anchors = frozenset(anchors)
        return b

    # -- structure -------------------------------------------------------------------------------

    @property
    def parent(self) -> Elem:
        return self._parent or self.tree

    @contextmanager
    def under(self, elem: Elem):
        """Blocks built inside go into ``elem`` (a BlockQuote, a list item's body, a table)."""
        outer, self._parent = self._parent, elem
        try:
            yield elem
        finally:
            self._parent = outer

    def tagged(self, flow, role: str, label: Elem | None = None):
        """``flow`` as the content of a new ``role`` element here."""
        flow._tag = Tag(self.parent.add(role), label)
        return flow

    # -- inline helpers --------------------------------------------------------------------------

    def para(self, text: str, style, href: str | None = None):
        """A paragraph of one plain run (text the writer composes: title block, contents)."""
        from .pdf_text import FastParagraph, fill_op

        text = run_text(text).strip(" ")
        fill = fill_op(self.st.colors["link"] if href and "link" in self.st.colors else style.textColor)
        return FastParagraph([Run(text, style.fontName, fill, href)] if text else [], style)

    def inline_para(self, inlines, style, target: str = "", bullet: str | None = None):
        """A paragraph of inlines; text is data (never markup) all the way to the page."""
        from .pdf_text import FastParagraph

        return FastParagraph(runs(inlines, style, self.st, self.anchors), style, target, bullet)

    def _target(self, key: str) -> str:
        """The destination to place at a paragraph, once: a repeated anchor keeps its first place."""
        if key in self._placed:
            return ""
        self._placed.add(key)
        return key

    # -- blocks ----------------------------------------------------------------------------------

    def title_block(self, inner) -> list:
        """The title block's paragraphs (built by compose), under a rule in the accent colour."""
        from reportlab.platypus.flowables import HRFlowable

        from .pdf_canvas import marking_band

        out = [marking_band(f) for f in self.blocks(inner)]  # a TLP label in its colours
        if out:
            out.append(HRFlowable(width="100%", thickness=1.2, color=self.st.colors.get("accent"),
                                  spaceBefore=2, spaceAfter=10))
        return out

    def blocks(self, blocks, body_style: str | None = None, depth: int = 0) -> list:
        out: list = []
        for block in blocks:
            out.extend(self.block(block, body_style, depth))
        return out

    def block(self, block, body_style: str | None = None, depth: int = 0) -> list:
        """The flowables of one block, each in the structure tree: text by its own tag, any other
        flowable (an image, a chart, a rule) as a Figure by its ``alt`` or as an artifact."""
        parent = self.parent
        return [figure_or_artifact(f, parent) for f in self._block(block, body_style, depth)]

    def _block(self, block, body_style: str | None = None, depth: int = 0) -> list:
        match block:
            case Heading():
                return [self.heading(block)]
            case Paragraph(children=children, style=style, anchor=anchor):
                name = body_style if (body_style and style in BODY_STYLES) else style
                target = self._target(anchor_key(anchor)) if anchor else ""
                return [self.tagged(self.inline_para(children, self.st.style(name), target), "P")]
            case BulletList(items=items):
                return self.list_items(items, None, body_style, depth)
            case OrderedList(items=items, start=start):
                return self.list_items(items, start, body_style, depth)
            case Table():
                return table_flowables(block, self)
            case Quote():
                return self.quote(block)
            case Image():
                return self.image(block)
            case Chart():
                from .pdf_chart import chart_flowables

                return chart_flowables(block, self)
            case PageBreak():
                from reportlab.platypus import PageBreak as RLPageBreak

                return [RLPageBreak()]
            case TableOfContents(title=title, levels=levels):
                return self.contents(title, levels)
            case Div(style="Title Block", blocks=inner):
                return self.title_block(inner)
            case Div(style=style, blocks=inner):
                return self.blocks(inner, style, depth)
        return []

    def heading(self, h: Heading):
        level = heading_level(h.level)
        key = self.heading_keys.get(id(h)) or f"h-x{len(self._placed)}"
        p = self.inline_para(h.children, self.st.style(f"Heading {level}"), self._target(key))
        self._heading_level = min(level, self._heading_level + 1)  # as the outline: no level skipped
        self.tagged(p, f"H{self._heading_level}")
        p._outline = OutlineEntry(level, printable(plain_text(h.children)).strip() or "(untitled)", key)
        return p

    def list_items(self, items, start: int | None, body_style: str | None, depth: int) -> list:
        base = "List Number" if start is not None else "List Bullet"
        out: list = []
        numbering = NUMBER_FORMATS[depth % len(NUMBER_FORMATS)] if start is not None else None
        tagged_list = self.parent.add("L", attrs=list_attrs(numbering))
        for n, item in enumerate(items):
            bullet = (list_number(max(0, start) + n, depth) if start is not None
                      else BULLETS[depth % len(BULLETS)])
            li = tagged_list.add("LI")
            # the bullet is drawn with the item's first paragraph; an item that starts otherwise has none
            label = li.add("Lbl") if item and isinstance(item[0], Paragraph) else None
            first = True
            with self.under(li.add("LBody")):
                for block in item:
                    if isinstance(block, Paragraph):
                        name = block.style if block.style not in BODY_STYLES else (body_style or base)
                        parent = self.st.style(name)
                        indent = parent.leftIndent + depth * 0.6 * CM
                        if name not in (base, "Key Point") and parent.leftIndent < 0.3 * CM:
                            indent += 0.6 * CM  # a plain style still needs room for its bullet
                        style = self.st.variant(name, leftIndent=indent, bulletIndent=max(0, indent - 0.45 * CM))
                        target = self._target(anchor_key(block.anchor)) if block.anchor else ""
                        p = self.inline_para(block.children, style, target, bullet if first else None)
                        out.append(self.tagged(p, "P", label if first else None))
                    elif isinstance(block, (BulletList, OrderedList)):
                        out.extend(self.block(block, body_style, depth + 1))
                    else:
                        out.extend(self.block(block, body_style, depth))
                    first = False
        return out

    def quote(self, q: Quote) -> list:
        from .pdf_flowables import KeepGroup

        with self.under(self.parent.add("BlockQuote")):  # the attribution inside, as its last paragraph
            inner = self.blocks(q.blocks, "Quote")
            if q.attribution:
                inner.append(self.tagged(
                    self.inline_para((Text("— "), *q.attribution), self.st.style("Quote Attribution")), "P"))
        for f in inner[:-1]:
            f.keepWithNext = 0  # KeepTogether holds them; nested keep-with-next could re-group forever
        return [KeepGroup(inner)] if inner else []

    def image(self, img: Image) -> list:
        from reportlab.lib.utils import ImageReader
        from reportlab.platypus import Image as RLImage

        try:
            w_px, h_px = ImageReader(io.BytesIO(img.data)).getSize()
            if w_px <= 0 or h_px <= 0:
                raise ValueError("empty image")
            width = img.width_cm * CM if img.width_cm and img.width_cm > 0 else w_px * 0.75
            width = min(width, self.width)
            height = width * h_px / w_px
            if height > self.height * 0.8:
                height = self.height * 0.8
                width = height * w_px / h_px
            flow = RLImage(io.BytesIO(img.data), width=width, height=height)
            flow.hAlign = "CENTER"
            flow.alt = img.alt  # a Figure with this Alt text (``block``), an artifact without one
            return [flow]
        except Exception:  # unreadable picture data: say so in the text rather than fail the briefing
            return [self.tagged(self.para(f"[image: {img.alt or 'unreadable picture'}]", self.st.style("Caption")),
                                "P")]

    def contents(self, title: str, levels: int) -> list:
        """A list of heading links, each with its heading's page (drawn when the page is known)."""
        from .pdf_canvas import ContentsEntry

        entries = [e for e in self.headings if e.level <= max(1, levels)]
        if not entries:
            return []
        out = [self.tagged(self.para(title or "Contents", self.st.variant("TOC Heading", keepWithNext=1)), "P")]
        room = 1.2 * CM  # a page number of up to four digits and a gap
        toc = self.parent.add("TOC")
        for lvl, text, key in entries:
            style = self.st.variant("Normal", leftIndent=(lvl - 1) * 0.6 * CM, rightIndent=room, spaceAfter=2,
                                    fontName=self.st.style("Heading 1").fontName if lvl == 1 else
                                    self.st.style("Normal").fontName)
            para = self.para(text or "(untitled)", style, "#" + key)
            entry = ContentsEntry(para, key, room)
            # TOCI holds a Reference (ISO 32000-1 table 333): the entry's text, its link and page number
            entry._tag = para._tag = Tag(toc.add("TOCI").add("Reference"))
            out.append(entry)
        return out


def list_number(n: int, depth: int) -> str:
    """Item ``n``'s marker at nesting ``depth`` as Word shows the DOCX's list: ``3.``, ``c.``,
    ``iii.`` (``NUMBER_FORMATS``); plain digits where a letter or numeral has no form (n < 1)."""
    fmt = NUMBER_FORMATS[depth % len(NUMBER_FORMATS)]
    if n < 1 or fmt == "decimal":
        return f"{n}."
    if fmt == "lowerLetter":  # a..z, then aa..zz, aaa..: Word repeats the letter
        rounds, letter = divmod(n - 1, 26)
        return chr(ord("a") + letter) * (rounds + 1) + "."
    numeral = ""
    for value, digits in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, n = divmod(n, value)
        numeral += digits * count
    return numeral + "."
