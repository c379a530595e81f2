"""Model tables -> a reportlab Table that repeats its header, wraps every cell and fits the frame.

Column widths follow the content (like HTML's auto layout): each column gets at least
room for its longest word (capped, so one 3,000-character word cannot starve the others)
and the rest of the frame width in proportion to how much text it holds.
"""

from __future__ import annotations

import re

from ..model import Table, plain_text
from .pdf_inline import clean

_PAD_X, _PAD_TOP, _PAD_BOTTOM = 5.0, 3.0, 4.0
_ALIGN = {"right": 2, "center": 1, "centre": 1}
_WORD = re.compile(r"\S+")


def table_flowables(table: Table, b) -> list:
    """The table (header repeated on each page, zebra rows) and its caption below it."""
    from reportlab.lib import colors as rl_colors
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    st = b.st
    ncols = max([len(table.header)] + [len(r) for r in table.rows])
    out: list = []
    if ncols:
        header = list(table.header) + [()] * (ncols - len(table.header))
        rows = [list(r) + [()] * (ncols - len(r)) for r in table.rows]
        aligns = [(table.align[i] if i < len(table.align) else "left").lower() for i in range(ncols)]
        body_styles = [_aligned(st, "Table Text", a) for a in aligns]
        head_styles = [_aligned(st, "Table Heading", a) for a in aligns]
        widths = column_widths([header, *rows], b.width, st.style("Table Text"), st.style("Table Heading"))
        data = [[b.inline_para(c, s) for c, s in zip(header, head_styles)]]
        data += [[b.inline_para(c, s) for c, s in zip(r, body_styles)] for r in rows]
        c = st.colors
        commands = [
            ("BACKGROUND", (0, 0), (-1, 0), c.get("accent", rl_colors.black)),
            ("GRID", (0, 0), (-1, -1), 0.5, c.get("rule", rl_colors.grey)),
            ("LINEBELOW", (0, 0), (-1, 0), 1.0, c.get("accent", rl_colors.black)),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), _PAD_X),
            ("RIGHTPADDING", (0, 0), (-1, -1), _PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), _PAD_TOP),
            ("BOTTOMPADDING", (0, 0), (-1, -1), _PAD_BOTTOM),
            ("FONTNAME", (0, 0), (-1, -1), st.style("Table Text").fontName),
        ]
        if rows:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [rl_colors.white, c.get("table_stripe", rl_colors.white)]))
        flow = RLTable(data, colWidths=widths, repeatRows=1, splitInRow=1, style=TableStyle(commands), hAlign="LEFT")
        flow.spaceBefore, flow.spaceAfter = 4, 2 if table.caption else 10
        out.append(flow)
    if table.caption:
        out.append(b.para(table.caption, st.style("Caption")))
    return out


def _aligned(st, name: str, align: str):
    return st.variant(name, alignment=_ALIGN[align]) if align in _ALIGN else st.style(name)


def column_widths(rows, total: float, body, head) -> list[float]:
    """Widths in points summing to ``total``: longest word as the floor, text volume for the rest."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    ncols = len(rows[0])
    pad = 2 * _PAD_X + 1
    cap = total * 0.4
    natural = [0.0] * ncols
    floor = [0.0] * ncols
    for r, row in enumerate(rows):
        style = head if r == 0 else body
        font, size = style.fontName, style.fontSize
        for i, cell in enumerate(row):
            text = clean(plain_text(cell)) if cell else ""
            if not text:
                continue
            if len(text) > 400:  # measuring is linear in length; a long cell will wrap anyway
                natural[i] = max(natural[i], total)
                floor[i] = cap
                continue
            natural[i] = max(natural[i], stringWidth(text, font, size) + pad)
            longest = max(_WORD.findall(text), key=len, default="")
            floor[i] = max(floor[i], min(stringWidth(longest, font, size) + pad, cap))
    floor = [max(f, min(1.2 * 28.35, total / ncols)) for f in floor]  # no column under 1.2 cm if room
    natural = [max(n, f) for n, f in zip(natural, floor)]
    if sum(natural) <= total:
        scale = total / sum(natural)
        return [n * scale for n in natural]
    if sum(floor) >= total:
        scale = total / sum(floor)
        return [f * scale for f in floor]
    spare = total - sum(floor)
    extra = [n - f for n, f in zip(natural, floor)]
    return [f + e * spare / sum(extra) for f, e in zip(floor, extra)]
