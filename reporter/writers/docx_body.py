"""Document model blocks -> WordprocessingML body elements, built with lxml directly.

Every paragraph gets a style id looked up once per document; runs carry only bold,
italic or the Hyperlink character style, and for text in another script its language,
direction and font slot (``w:lang``, ``w:rtl``, ``w:rFonts`` ``w:eastAsia``/``w:cs``), so
Word and LibreOffice choose fonts and order right-to-left text as the PDF does. Everything
else is in the styles.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from lxml import etree

from ..scripts import EAST_ASIAN, LANGUAGES, RTL, SHAPED, first_strong, only_latin, segments
from ..style import BODY_STYLES
from ..urls import anchor_name, external_url
from ..model import (
    BulletList, Chart, Div, Emph, Heading, Image, LineBreak, Link, OrderedList, PageBreak, Paragraph,
    PageMap, Quote, Strong, Table, TableOfContents, Text, heading_level, plain_text, walk,
)
from .docx_lists import NumberingWriter
from .docx_styles import list_indent
from .docx_xml import (
    ANCHOR, B, BM_END, BM_START, BR, HISTORY, HYPERLINK, I, ID, JC, NAME, P, PPR, PSTYLE, R, R_ID,
    RPR, RSTYLE, TAB, VAL, add_field, add_text_runs, bookmark_name, field_char, instr_text, sub, w, xml_safe,
)


RFONTS, B_CS, I_CS, RTL_, CS, LANG, BIDI = (w(t) for t in ("rFonts", "bCs", "iCs", "rtl", "cs", "lang", "bidi"))


def _right_to_left(nodes) -> bool:
    """Whether a paragraph's first letter is right to left (its base direction, as the PDF's)."""
    for text in walk_text(nodes):
        found = first_strong(text)
        if found is not None:
            return bool(found)
    return False


def walk_text(nodes):
    """The texts of some inlines, in order."""
    for node in nodes:
        if isinstance(node, Text):
            yield node.text
        elif isinstance(node, (Strong, Emph, Link)):
            yield from walk_text(node.children)


class TocEntry(NamedTuple):
    """A heading as the TOC field's cached result lists it (``bookmark`` None: the placeholder);
    ``heading`` is its number among the document's headings (``PageMap.pages``' index)."""

    level: int
    text: str
    bookmark: str | None
    heading: int = -1


@dataclass
class DocxBodyWriter:
    """Appends the body of one document to ``body``; holds the per-document counters.

    The PDF's counterpart is ``pdf_blocks.PdfFlowables`` (blocks to reportlab flowables)."""

    body: etree._Element
    ids: dict[str, str]  # style name -> style id
    text_width: int  # twips
    part: object  # python-docx DocumentPart, for hyperlink and image relationships
    numbering: NumberingWriter
    style: object = None  # the HouseStyle (charts draw in its fonts and colours)
    toc_levels: int = 0
    anchors: dict[str, str] = field(default_factory=dict)
    _toc_marks: list[TocEntry] = field(default_factory=list)  # in document order
    _toc_numbers: list = field(default_factory=list)  # (w:t of a PAGEREF's cached result, heading number)
    _toc_paragraphs: list = field(default_factory=list)  # (paragraph, its TableOfContents)
    _heading_marks: list = field(default_factory=list)
    _placed: set = field(default_factory=set)
    _next_bookmark: int = 0
    _next_drawing: int = 0
    _links: dict = field(default_factory=dict)
    _next_rid: int = 1
    _rpr_cache: dict = field(default_factory=dict)
    script_fonts: dict = field(default_factory=dict)  # script -> the font family the house style names for it
    paint: object = None  # who paints a chart's picture (docx_chart.ChartPainter); None: chart_png, here

    # ------------------------------------------------------------------ setup
    def prepare(self, blocks) -> None:
        """Name every bookmark before writing, so links and the TOC may point forward."""
        tocs = [b for b in walk(blocks) if isinstance(b, TableOfContents)]
        self.toc_levels = max((t.levels for t in tocs), default=0)
        n, names, heading = 0, set(), -1
        for block in walk(blocks):
            anchor = getattr(block, "anchor", None)
            if anchor and anchor not in self.anchors:
                name = bookmark_name(anchor)
                if name not in names:
                    names.add(name)
                    self.anchors[anchor] = name
            if isinstance(block, Heading):
                heading += 1
                level = heading_level(block.level)  # what the paragraph's style will say
                mark = self.anchors.get(block.anchor) if block.anchor else None
                if mark is None and level <= self.toc_levels:
                    n += 1
                    while f"toc_{n:05d}" in names:
                        n += 1
                    mark = f"toc_{n:05d}"
                self._heading_marks.append(mark)
                if mark and level <= self.toc_levels:
                    text = " ".join(xml_safe(plain_text(block.children)).split())
                    self._toc_marks.append(TocEntry(level, text, mark, heading))
        self._heading_marks.reverse()

    def sid(self, name: str) -> str:
        return self.ids.get(name) or self.ids["Body Text"]

    # ---------------------------------------------------------------- inlines
    def _rpr(self, bold: bool, italic: bool, link: bool):
        key = (bold, italic, link)
        fn = self._rpr_cache.get(key)
        if fn is None:
            if not (bold or italic or link):
                fn = None
            else:
                link_id = self.ids["Hyperlink"]

                def fn(r, bold=bold, italic=italic, link=link):
                    rpr = etree.SubElement(r, RPR)
                    if link:
                        etree.SubElement(rpr, RSTYLE).set(VAL, link_id)
                    if bold:
                        etree.SubElement(rpr, B)
                    if italic:
                        etree.SubElement(rpr, I)
            self._rpr_cache[key] = fn
        return fn

    def _script_rpr(self, bold: bool, italic: bool, link: bool, script: str, lang: str):
        """The run properties of text in ``script`` (language ``lang``), in the schema's order:
        rStyle, rFonts, b, bCs, i, iCs, rtl, cs, lang."""
        key = (bold, italic, link, script, lang)
        fn = self._rpr_cache.get(key)
        if fn is None:
            link_id = self.ids["Hyperlink"] if link else None
            font = self.script_fonts.get(script)
            east = script in EAST_ASIAN
            complex_ = script in SHAPED
            slot = {"eastAsia": font} if east and font else {"cs": font} if complex_ and font else {}
            lang_attr = {"eastAsia": lang} if east else {"bidi": lang} if complex_ else {"val": lang}

            def fn(r):
                rpr = etree.SubElement(r, RPR)
                if link_id:
                    etree.SubElement(rpr, RSTYLE).set(VAL, link_id)
                if slot:
                    sub(rpr, RFONTS, **slot)
                if bold:
                    etree.SubElement(rpr, B)
                    if complex_:
                        etree.SubElement(rpr, B_CS)
                if italic:
                    etree.SubElement(rpr, I)
                    if complex_:
                        etree.SubElement(rpr, I_CS)
                if script in RTL:
                    etree.SubElement(rpr, RTL_)
                elif complex_:
                    etree.SubElement(rpr, CS)
                if lang:
                    sub(rpr, LANG, **lang_attr)
            self._rpr_cache[key] = fn
        return fn

    def text(self, parent, text: str, bold: bool, italic: bool, link: bool) -> None:
        """Runs for some text: one, unless it holds another script than Latin (a run per script)."""
        if only_latin(text):
            add_text_runs(parent, text, self._rpr(bold, italic, link))
            return
        segs = segments(text)
        pieces: list = []  # (script and language, or None for a plain run; text)
        for n, seg in enumerate(segs):
            lang = LANGUAGES.get(seg.script, "")
            if seg.script == "Hani":  # Han next to kana is Japanese, next to Hangul Korean
                near = {s.script for s in segs[max(n - 1, 0):n + 2]}
                lang = "ja-JP" if near & {"Hira", "Kana"} else "ko-KR" if "Hang" in near else lang
            key = (seg.script, lang) if lang or seg.script in SHAPED else None
            if pieces and pieces[-1][0] == key:
                pieces[-1][1] += text[seg.start:seg.end]
            else:
                pieces.append([key, text[seg.start:seg.end]])
        for key, piece in pieces:
            rpr = self._rpr(bold, italic, link) if key is None else self._script_rpr(bold, italic, link, *key)
            add_text_runs(parent, piece, rpr)

    def inlines(self, parent, nodes, bold=False, italic=False, link=False) -> None:
        for node in nodes:
            if isinstance(node, Text):
                self.text(parent, node.text, bold, italic, link)
            elif isinstance(node, Strong):
                self.inlines(parent, node.children, True, italic, link)
            elif isinstance(node, Emph):
                self.inlines(parent, node.children, bold, True, link)
            elif isinstance(node, LineBreak):
                etree.SubElement(etree.SubElement(parent, R), BR)
            elif isinstance(node, Link):
                target = self._link_target(node.url) if not link else None
                if target is None:
                    self.inlines(parent, node.children, bold, italic, link)
                    continue
                h = etree.SubElement(parent, HYPERLINK)
                h.set(*target)
                h.set(HISTORY, "1")
                self.inlines(h, node.children, bold, italic, True)

    def _link_target(self, url: str) -> tuple[str, str] | None:
        """The w:hyperlink attribute (anchor or relationship id) and its value for ``url``; None
        when the URL policy refuses it or the anchor is not in the document (text, no link)."""
        name = anchor_name(url)
        if name is not None:
            mark = self.anchors.get(name)
            return (ANCHOR, mark) if mark else None
        url = external_url(url)
        if url is None:
            return None
        rid = self._links.get(url)
        if rid is None:
            rid = self._links[url] = self._add_external(url)
        return (R_ID, rid)

    def _add_external(self, url: str) -> str:
        """Add a hyperlink relationship; python-docx's relate_to rescans all rels (quadratic)."""
        from docx.opc.constants import RELATIONSHIP_TYPE as RT

        rels = self.part.rels
        taken = set(rels.keys())
        while f"rId{self._next_rid}" in taken:
            self._next_rid += 1
        rid = f"rId{self._next_rid}"
        self._next_rid += 1
        rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
        return rid

    # ------------------------------------------------------------- paragraphs
    def paragraph(self, style: str, nodes=(), *, anchor: str | None = None, mark: str | None = None,
                  parent=None, jc: str | None = None, num_id: int | None = None, numbered: bool = True,
                  level: int = 0):
        """A paragraph in style id ``style``. With ``num_id`` it is a list item at ``level``;
        ``numbered=False`` continues the item above (no number, same indent)."""
        p = etree.SubElement(self.body if parent is None else parent, P)
        ppr = etree.SubElement(p, PPR)
        etree.SubElement(ppr, PSTYLE).set(VAL, style)
        if num_id is not None:
            num_pr = sub(ppr, w("numPr"))
            sub(num_pr, w("ilvl"), val=str(level))
            sub(num_pr, w("numId"), val=str(num_id if numbered else 0))
        if _right_to_left(nodes):
            etree.SubElement(ppr, BIDI)
        if num_id is not None and (level or not numbered):
            left, hanging = list_indent(level)
            sub(ppr, w("ind"), left=str(left), hanging=str(hanging if numbered else 0))
        if jc:
            etree.SubElement(ppr, JC).set(VAL, jc)
        mark = mark or (self.anchors.get(anchor) if anchor else None)
        if mark and mark not in self._placed:
            self._placed.add(mark)
            self._next_bookmark += 1
            start = etree.SubElement(p, BM_START)
            start.set(ID, str(self._next_bookmark))
            start.set(NAME, mark)
            self.inlines(p, nodes)
            etree.SubElement(p, BM_END).set(ID, str(self._next_bookmark))
        else:
            self.inlines(p, nodes)
        return p

    # ----------------------------------------------------------------- blocks
    def blocks(self, blocks, div_style: str | None = None, parent=None) -> None:
        for block in blocks:
            self.block(block, div_style, parent)

    def block(self, block, div_style: str | None = None, parent=None) -> None:
        if isinstance(block, Paragraph):
            style = div_style if div_style and block.style in BODY_STYLES else block.style
            self.paragraph(self.sid(style), block.children, anchor=block.anchor, parent=parent)
        elif isinstance(block, Heading):
            level = heading_level(block.level)
            mark = self._heading_marks.pop() if self._heading_marks else None
            self.paragraph(self.sid(f"Heading {level}"), block.children, mark=mark, parent=parent)
        elif isinstance(block, (BulletList, OrderedList)):
            self.list_(block, 0, parent)
        elif isinstance(block, Quote):
            for inner in block.blocks:
                if isinstance(inner, Paragraph):
                    self.paragraph(self.sid("Quote"), inner.children, anchor=inner.anchor, parent=parent)
                else:
                    self.block(inner, None, parent)
            if block.attribution:
                self.paragraph(self.sid("Quote Attribution"), block.attribution, parent=parent)
        elif isinstance(block, Div):
            self.blocks(block.blocks, block.style, parent)
        elif isinstance(block, Table):
            from .docx_table import add_table

            add_table(self, block, parent)
        elif isinstance(block, TableOfContents):
            self.toc(block, parent)
        elif isinstance(block, Image):
            from .docx_image import add_image

            add_image(self, block, parent)
        elif isinstance(block, Chart):
            from .docx_chart import add_chart

            add_chart(self, block, parent)
        elif isinstance(block, PageBreak):
            p = etree.SubElement(self.body if parent is None else parent, P)
            sub(etree.SubElement(p, R), BR, type="page")

    def list_(self, block, level: int, parent) -> None:
        ordered = isinstance(block, OrderedList)
        style = self.sid("List Number" if ordered else "List Bullet")
        num_id = self.numbering.ordered(level, block.start) if ordered else self.numbering.bullet()
        for item in block.items:
            numbered = True
            for inner in item:
                if isinstance(inner, Paragraph):
                    self.paragraph(style, inner.children, anchor=inner.anchor, parent=parent,
                                   num_id=num_id, numbered=numbered, level=level)
                    numbered = False
                elif isinstance(inner, (BulletList, OrderedList)):
                    self.list_(inner, min(level + 1, 8), parent)
                else:
                    self.block(inner, None, parent)

    def toc(self, block: TableOfContents, parent) -> None:
        """A real TOC field, pre-filled with the headings so it reads well before an update."""
        heading = self.paragraph(self.sid("TOC Heading"), (Text(block.title),), parent=parent)
        self._toc_paragraphs.append((heading, block))
        instruction = f'TOC \\o "1-{max(1, min(block.levels, 9))}" \\h \\z \\u'
        entries = [e for e in self._toc_marks if e.level <= block.levels] or [TocEntry(1, "", None)]
        for i, (level, text, mark, number) in enumerate(entries):
            p = self.paragraph(self.sid(f"TOC {level}"), parent=parent)
            self._toc_paragraphs.append((p, block))
            if i == 0:
                field_char(p, "begin")
                instr_text(p, instruction)
                field_char(p, "separate")
            if mark is None:
                add_text_runs(p, "Update this field to build the table of contents.")
            else:
                h = etree.SubElement(p, HYPERLINK)
                h.set(ANCHOR, mark)
                h.set(HISTORY, "1")
                add_text_runs(h, text)
                etree.SubElement(etree.SubElement(h, R), TAB)
                self._toc_numbers.append((add_field(h, f"PAGEREF {mark} \\h", cached=""), number))
            if i == len(entries) - 1:
                field_char(p, "end")


    def fill_contents(self, pages: PageMap) -> None:
        """The TOC fields' cached page numbers from the PDF's layout, so Word and LibreOffice
        show them before any field update; a contents list the layout found the document too
        short for (``TableOfContents.min_pages``) goes."""
        for t, number in self._toc_numbers:
            if 0 <= number < len(pages.pages) and pages.pages[number]:
                t.text = str(pages.pages[number])
        for p, block in self._toc_paragraphs:
            if pages.total < block.min_pages and p.getparent() is not None:
                p.getparent().remove(p)

    @property
    def has_contents(self) -> bool:
        return bool(self._toc_paragraphs)
