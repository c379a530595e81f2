"""The body walk: paragraphs and tables in document order, as paragraph records and blocks.

Paragraph records (``Para``) still carry their style role; ``docx_assemble`` groups
them into quotes, lists, captions and the title block afterwards, so this walk stays
a single pass over lxml elements (python-docx's object layer is ~10x slower).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Image, LineBreak, PageBreak, Table, TableOfContents, Text, plain_text
from ..ooxml import w
from .docx_inlines import ALT_CONTENT, CHOICE, BM_START, DEL, INS, MOVE_FROM, MOVE_TO, SDT, SDT_CONTENT, InlineReader
from .docx_report import Report
from .docx_styles import ListKinds, NumRef, Styles, int_or, on
from .docx_tokens import Token, to_inlines

P, PPR, TBL, TR, TC = (w(t) for t in ("p", "pPr", "tbl", "tr", "tc"))
PSTYLE, NUMPR, VAL = w("pStyle"), w("numPr"), w("val")
_ALTCHUNK = w("altChunk")
_CUSTOMXML = w("customXml")
_DEL = w("del")
_GRIDSPAN = w("gridSpan")
_ILVL = w("ilvl")
_NUMID = w("numId")
_OUTLINELVL = w("outlineLvl")
_PAGEBREAKBEFORE = w("pageBreakBefore")
_SECTPR = w("sectPr")
_TCPR = w("tcPr")
_TRPR = w("trPr")
_TYPE = w("type")
_VMERGE = w("vMerge")
_BODY_CONTAINERS = {_CUSTOMXML}
# Roles a numbered paragraph turns into a list item. Key Point is bulleted by its style, yet
# it stays a Div("Key Point") so the writers give it the Key Point look again.
_ROLES_THAT_LIST = {"Body Text", "First Paragraph", "List Paragraph", "List Bullet", "List Number", "List Continue",
                    "Normal"}


@dataclass(frozen=True, slots=True)
class Listing:
    """Where a numbered paragraph sits: its list's kind, how deep, and the ``w:num`` it uses."""

    ordered: bool
    start: int
    key: str  # paragraphs with the same key are one list (see ListKind)
    depth: int
    num_id: str
    restarts: bool  # this num restarts the count: a new list even under the same key


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph read but not yet grouped: its role decides what block it becomes."""

    role: str  # a house-style name, "List Paragraph" or "TOC Entry"
    level: int
    inlines: tuple
    anchor: str | None = None
    listing: Listing | None = None
    cont: bool = False  # a list-styled paragraph with numbering switched off: continues the item


class BodyReader:
    def __init__(self, *, styles: Styles, list_kinds: ListKinds, rels: dict, package, report: Report,
                 linked_anchors: set[str]):
        self.styles = styles
        self.list_kinds = list_kinds
        self.report = report
        self.inline = InlineReader(styles=styles, rels=rels, package=package, report=report,
                                   linked_anchors=linked_anchors, read_blocks=self._boxed)
        self._pending_anchor: str | None = None

    def _boxed(self, container) -> list:
        """Text box content as plain paragraphs (their roles dropped: a box is an aside)."""
        out = []
        for item in self.blocks(container):
            if isinstance(item, Para) and item.inlines:
                out.append(Para("Body Text", 0, item.inlines))
            elif not isinstance(item, Para):
                out.append(item)
        return out

    def blocks(self, container, out: list | None = None) -> list:
        out = [] if out is None else out
        for child in container:
            tag = child.tag
            if tag == P:
                self._paragraph(child, out)
            elif tag == TBL:
                table = self._table(child)
                if table is not None:
                    out.append(table)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.blocks(content, out)
            elif tag in _BODY_CONTAINERS or tag in (INS, MOVE_TO):
                self.blocks(child, out)
            elif tag in (DEL, MOVE_FROM):
                self.report.add("del" if tag == DEL else "move")
            elif tag == BM_START:
                self._pending_anchor = self._pending_anchor or self.inline.kept_bookmark(child)
            elif tag == _ALTCHUNK:
                self.report.add("altchunk")
            elif tag == ALT_CONTENT:
                choice = child.find(CHOICE)
                if choice is not None:
                    self.blocks(choice, out)
        return out

    # --------------------------------------------------------- paragraphs
    def _paragraph(self, p, out: list) -> None:
        in_toc = self.inline.in_toc()
        pieces = self.inline.paragraph(p)
        ppr = p.find(PPR)
        style_el = ppr.find(PSTYLE) if ppr is not None else None
        sid = style_el.get(VAL) if style_el is not None else None
        role = self.styles.role(sid)
        name, level = role.name, role.level
        if in_toc:
            if not name.startswith("Heading"):
                return  # an entry of a TOC field: the writers build their own
            self.inline.fields.clear()  # a TOC field never closed; do not swallow the document
        if pieces.toc_levels:
            out.append(TableOfContents(levels=pieces.toc_levels))
            return

        numbering = role.numbering
        if ppr is not None:
            if name == "Body Text":
                outline = ppr.find(_OUTLINELVL)
                if outline is not None and (outline.get(VAL) or "9").isdigit() and int(outline.get(VAL)) < 9:
                    level = int(outline.get(VAL)) + 1
                    name = f"Heading {min(level, 3)}"
            num_pr = ppr.find(NUMPR)
            if num_pr is not None:
                num_id, ilvl = num_pr.find(_NUMID), num_pr.find(_ILVL)
                inherited = numbering or NumRef("0", 0)
                numbering = NumRef(num_id.get(VAL, "0") if num_id is not None else inherited.num_id,
                                   int_or(ilvl.get(VAL)) if ilvl is not None else inherited.ilvl)
            if on(ppr.find(_PAGEBREAKBEFORE)):
                out.append(PageBreak())
            mark = ppr.find(f"{w('rPr')}/{_DEL}")
            if mark is not None:
                self.report.add("del")

        listing, cont = None, False
        if name in _ROLES_THAT_LIST:
            # "List Bullet 2" numbers at ilvl 0 of its own definition: its name says how deep it is.
            depth = (level if name.startswith("List ") else 0) + (numbering.ilvl if numbering else 0)
            if numbering is not None and numbering.num_id != "0":
                kind = self.list_kinds.kind(numbering.num_id, numbering.ilvl)
                listing = Listing(kind.ordered, kind.start, kind.key, depth, numbering.num_id, kind.restarts)
            elif name in ("List Bullet", "List Number", "List Continue"):
                # numId 0 (or a List Continue style): Word's paragraph that continues the item
                cont = numbering is not None or name == "List Continue"
                listing = Listing(name == "List Number", 1, name, depth, name, False)

        anchor = pieces.anchor or self._pending_anchor
        emitted = False
        # bold in a bold style (headings) is the style's look, not emphasis the writer should add
        base_bold, base_italic = self.styles.char_format(sid or self.styles.default_para)
        for item in pieces.items:
            if isinstance(item, list):
                if base_bold or base_italic:
                    item = [Token(t, b and not base_bold, i and not base_italic, u) for t, b, i, u in item]
                inlines = to_inlines(item)
                if not inlines:
                    continue
                out.append(Para(name, level, inlines, None if emitted else anchor, listing, cont))
                emitted = True
                cont = listing is not None  # text after a picture or page break continues the item
            else:
                out.append(item)
        self._pending_anchor = None if emitted else anchor
        sect = ppr.find(_SECTPR) if ppr is not None else None
        if sect is not None:
            kind = sect.find(_TYPE)
            if kind is None or kind.get(VAL) in ("nextPage", "oddPage", "evenPage"):
                out.append(PageBreak())

    # -------------------------------------------------------------- tables
    def _table(self, tbl) -> Table | None:
        grid: list[list[tuple]] = []
        aligns: list[list[str | None]] = []
        for tr in tbl.iterfind(TR):
            tr_pr = tr.find(_TRPR)
            if tr_pr is not None and tr_pr.find(_DEL) is not None:
                self.report.add("del")
                continue
            cells, jcs = [], []
            for tc in _cells(tr):
                tc_pr = tc.find(_TCPR)
                span, merged = 1, False
                if tc_pr is not None:
                    gs = tc_pr.find(_GRIDSPAN)
                    span = max(1, min(int_or(gs.get(VAL) if gs is not None else "1", 1), 64))
                    vm = tc_pr.find(_VMERGE)
                    merged = vm is not None and vm.get(VAL) != "restart"
                cells.append(() if merged else self._cell(tc))
                jcs.append(_cell_jc(tc))
                for _ in range(span - 1):
                    cells.append(())
                    jcs.append(None)
            grid.append(cells)
            aligns.append(jcs)
        if not grid:
            return None
        ncols = max(len(r) for r in grid)
        if ncols == 0:
            return None
        grid = [r + [()] * (ncols - len(r)) for r in grid]
        aligns = [a + [None] * (ncols - len(a)) for a in aligns]
        return Table(header=tuple(grid[0]), rows=tuple(tuple(r) for r in grid[1:]),
                     align=tuple(_column_align(aligns, col) for col in range(ncols)))

    def _cell(self, tc) -> tuple:
        parts: list[tuple] = []
        saved = self._pending_anchor
        for item in self.blocks(tc):
            if isinstance(item, Para):
                parts.append(item.inlines)
            elif isinstance(item, Table):
                self.report.add("nested_table")
                for row in (item.header, *item.rows):
                    text = " \u00b7 ".join(t for t in (plain_text(c).strip() for c in row) if t)
                    if text:
                        parts.append((Text(text),))
            elif isinstance(item, Image):
                self.report.add("picture_in_table")
        self._pending_anchor = saved
        out: list = []
        for i, inlines in enumerate(parts):
            if i:
                out.append(LineBreak())
            out.extend(inlines)
        return tuple(out)


def _cells(tr):
    for child in tr:
        if child.tag == TC:
            yield child
        elif child.tag == SDT or child.tag == _CUSTOMXML:
            inner = child.find(SDT_CONTENT) if child.tag == SDT else child
            if inner is not None:
                yield from _cells(inner)


def _cell_jc(tc) -> str | None:
    p = tc.find(P)
    jc = p.find(f"{PPR}/{w('jc')}") if p is not None else None
    value = jc.get(VAL) if jc is not None else None
    return {"right": "right", "end": "right", "center": "center"}.get(value or "", "left" if value else None)


def _column_align(aligns: list[list[str | None]], col: int) -> str:
    """The most common explicit alignment in a column's body cells (the header's if none is set).

    A row added in Word or python-docx often has no alignment of its own; it should not
    outvote the rows that have one.
    """
    from collections import Counter

    votes = Counter(a[col] for a in aligns[1:] if a[col])
    if votes:
        return votes.most_common(1)[0][0]
    return aligns[0][col] or "left"
