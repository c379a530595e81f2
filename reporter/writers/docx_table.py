"""Tables: style by name, repeating header row, rows that do not split, widths fitted to content."""

from __future__ import annotations

from lxml import etree

from ..model import column_alignment, plain_text
from .docx_styles import TABLE_STYLE
from .docx_xml import JC, P, PPR, PSTYLE, VAL, sub, w

_TBL, _TR, _TC, _TRPR, _TCPR, _TCW = (w(t) for t in ("tbl", "tr", "tc", "trPr", "tcPr", "tcW"))
_CANT_SPLIT, _TBL_HEADER, _W, _TYPE = w("cantSplit"), w("tblHeader"), w("w"), w("type")
MIN_CHARS, MAX_CHARS = 4, 40  # a column's weight: its longest line, within these bounds


def widths_by_characters(rows: list[list[str]], ncols: int, total: int) -> list[int]:
    """Widths in twips proportional to each column's longest line in characters (capped); they sum
    to ``total``. Word lays the table out again on its own; the PDF measures glyphs instead
    (``pdf_table.widths_by_measure``), so the two need not match to the point."""
    weights = []
    for col in range(ncols):
        longest = max((max(map(len, r[col].split("\n")), default=0) for r in rows if col < len(r)), default=0)
        weights.append(min(max(longest, MIN_CHARS), MAX_CHARS))
    scale = total / sum(weights)
    widths = [int(wt * scale) for wt in weights]
    widths[-1] += total - sum(widths)
    return widths


def add_table(writer, table, parent=None) -> None:
    header = list(table.header)
    rows = [list(r) for r in table.rows]
    ncols = max([len(header)] + [len(r) for r in rows])
    if ncols == 0:
        return
    texts = [[plain_text(c) for c in r] for r in ([header] if header else []) + rows]
    widths = widths_by_characters(texts, ncols, writer.text_width)
    align = [a if a != "left" else None for a in map(column_alignment, table.align)] + [None] * ncols

    tbl = etree.SubElement(writer.body if parent is None else parent, _TBL)
    tbl_pr = sub(tbl, w("tblPr"))
    sub(tbl_pr, w("tblStyle"), val=writer.ids.get(TABLE_STYLE, "BriefingTable"))
    sub(tbl_pr, w("tblW"), w=str(writer.text_width), type="dxa")
    sub(tbl_pr, w("tblLayout"), type="fixed")
    sub(tbl_pr, w("tblLook"), val="04A0", firstRow="1", lastRow="0", firstColumn="0", lastColumn="0",
        noHBand="0", noVBand="1")
    grid = sub(tbl, w("tblGrid"))
    for width in widths:
        sub(grid, w("gridCol"), w=str(width))
    width_text = [str(x) for x in widths]
    heading_style, text_style = writer.sid("Table Heading"), writer.sid("Table Text")

    def add_row(cells, style: str, is_header: bool) -> None:
        tr = etree.SubElement(tbl, _TR)
        tr_pr = etree.SubElement(tr, _TRPR)
        etree.SubElement(tr_pr, _CANT_SPLIT)
        if is_header:
            etree.SubElement(tr_pr, _TBL_HEADER)
        for col in range(ncols):
            tc = etree.SubElement(tr, _TC)
            tcw = etree.SubElement(etree.SubElement(tc, _TCPR), _TCW)
            tcw.set(_W, width_text[col])
            tcw.set(_TYPE, "dxa")
            p = etree.SubElement(tc, P)
            ppr = etree.SubElement(p, PPR)
            etree.SubElement(ppr, PSTYLE).set(VAL, style)
            if align[col]:
                etree.SubElement(ppr, JC).set(VAL, align[col])
            if col < len(cells):
                writer.inlines(p, cells[col])

    if header:
        add_row(header, heading_style, True)
    for row in rows:
        add_row(row, text_style, False)
    if table.caption:
        from ..model import Text

        writer.paragraph(writer.sid("Caption"), (Text(table.caption),), parent=parent)
