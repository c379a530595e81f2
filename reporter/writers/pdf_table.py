"""Model tables -> a table flowable that repeats its header, wraps every cell and fits the frame.

Column widths follow the content (like HTML's auto layout): each column gets at least
room for its longest word (capped, so one 3,000-character word cannot starve the others)
and the rest of the frame width in proportion to how much text it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable

from ..model import Table, column_alignment, plain_text
from .pdf_inline import printable
from .pdf_tags import ARTIFACT, COLUMN_HEADER, END, Tag

_PAD_X, _PAD_TOP, _PAD_BOTTOM = 5.0, 3.0, 4.0
_ALIGN = {"right": 2, "center": 1}  # model.column_alignment, as reportlab numbers it
_WORD = re.compile(r"\S+")
_BIG = 1e9  # a cell's height is not limited while measuring


def table_flowables(table: Table, b) -> list:
    """The table (header repeated on each page, zebra rows) and its caption below it."""
    from reportlab.lib import colors as rl_colors

    st = b.st
    ncols = max([len(table.header)] + [len(r) for r in table.rows])
    out: list = []
    if ncols:
        header = list(table.header) + [()] * (ncols - len(table.header))
        rows = [list(r) + [()] * (ncols - len(r)) for r in table.rows]
        aligns = [column_alignment(table.align[i] if i < len(table.align) else None) for i in range(ncols)]
        body_styles = [_aligned(st, "Table Text", a) for a in aligns]
        head_styles = [_aligned(st, "Table Heading", a) for a in aligns]
        widths = widths_by_measure([header, *rows], b.width, st.style("Table Text"), st.style("Table Heading"))
        c = st.colors
        head = c.get("table_header", c.get("accent", rl_colors.black))
        look = TableLook(
            header_fill=head, stripes=(rl_colors.white, c.get("table_stripe", rl_colors.white)),
            grid=c.get("rule", rl_colors.grey), header_rule=head, frame_height=b.height,
        )
        tagged = b.parent.add("Table")
        head_row = tagged.add("THead").add("TR")
        body = tagged.add("TBody")
        flow = FastTable(
            [_cell(b.inline_para(c, s), head_row.add("TH", attrs=COLUMN_HEADER)) for c, s in zip(header, head_styles)],
            [_row(b, r, body_styles, body.add("TR")) for r in rows],
            widths, look,
        )
        flow._tag = Tag(tagged)
        flow.spaceBefore, flow.spaceAfter = 4, 2 if table.caption else 10
        out.append(flow)
        if table.caption:  # the caption inside the table's element, after its rows
            with b.under(tagged):
                out.append(b.tagged(b.para(table.caption, st.style("Caption")), "Caption"))
    elif table.caption:
        out.append(b.tagged(b.para(table.caption, st.style("Caption")), "P"))
    return out


def _cell(para, elem):
    """A cell's paragraph as the content of its TH or TD."""
    para._tag = Tag(elem)
    return para


def _row(b, row: list, styles: list, tr) -> list:
    return [_cell(b.inline_para(c, s), tr.add("TD")) for c, s in zip(row, styles)]


@dataclass(frozen=True)
class TableLook:
    """Colours of a briefing table, and the frame height (to know when a row must split)."""

    header_fill: object
    stripes: tuple
    grid: object
    header_rule: object
    frame_height: float


class FastTable(Flowable):
    """A grid of paragraphs: header row repeated on every page, zebra rows, rows split only
    when they cannot fit a page.

    reportlab's ``Table`` measures every cell again at each page break and formats its
    styles generically; a briefing's tables are simple (top-aligned paragraphs, fixed
    column widths), so each cell is wrapped once and each page of rows drawn in one go.
    """

    def __init__(self, header: list, rows: list, widths: list[float], look: TableLook, first: int = 0,
                 repeated: bool = False):
        super().__init__()
        self.header, self.rows, self.widths, self.look = header, rows, widths, look
        self.first = first  # index of rows[0] in the whole table (keeps the stripes in step)
        self.repeated = repeated  # a later page's part: its header row is a repeat (an artifact)
        self.width = sum(widths)
        self._heights: list[float] | None = None
        self._head_height = 0.0

    def _row_height(self, row) -> float:
        tallest = 0.0
        for cell, w in zip(row, self.widths):
            h = cell.wrap(max(w - 2 * _PAD_X, 1.0), _BIG)[1]
            if h > tallest:
                tallest = h
        return tallest + _PAD_TOP + _PAD_BOTTOM

    def _measure(self) -> list[float]:
        if self._heights is None:
            self._head_height = self._row_height(self.header)
            self._heights = [self._row_height(r) for r in self.rows]
        return self._heights

    def wrap(self, availWidth, availHeight):
        rows = sum(self._measure())  # measures the header too
        self.height = self._head_height + rows
        return self.width, self.height

    def split(self, availWidth, availHeight):
        heights = self._measure()
        room = availHeight - self._head_height
        used, n = 0.0, 0
        for h in heights:
            if used + h > room + 1e-6:
                break
            used += h
            n += 1
        if n == len(heights):
            return [self]
        # a row taller than a page splits across pages, starting in the room left here;
        # any other row that does not fit moves to the next page whole
        if heights[n] > self.look.frame_height - self._head_height + 1e-6 or \
                (not n and availHeight >= self.look.frame_height - 1e-6):
            cut = self._split_row(self.rows[n], room - used - _PAD_TOP - _PAD_BOTTOM)
            if cut is not None:
                head, tail = cut
                return [self._part([*self.rows[:n], head], self.first, self.repeated),
                        self._part([tail, *self.rows[n + 1:]], self.first + n, True)]
        if n:
            return [self._part(self.rows[:n], self.first, self.repeated, heights[:n]),
                    self._part(self.rows[n:], self.first + n, True, heights[n:])]
        return []

    def _split_row(self, row: list, room: float) -> tuple[list, list] | None:
        """The row's cells cut by lines to fit ``room`` (None when no cell can give two lines)."""

        head: list = []
        tail: list = []
        for cell, w in zip(row, self.widths):
            parts = cell.split(max(w - 2 * _PAD_X, 1.0), room) if room > 0 else []
            tag = getattr(cell, "_tag", None)
            if len(parts) == 2:
                head.append(parts[0])
                tail.append(parts[1])
            elif parts:  # fits whole
                head.append(cell)
                tail.append(_empty(cell.style, tag))
            else:  # not two lines of it fit: all of it goes on
                head.append(_empty(cell.style, tag))
                tail.append(cell)
        if all(not c.runs for c in head):
            return None
        return head, tail

    def _part(self, rows: list, first: int, repeated: bool, heights: list[float] | None = None) -> "FastTable":
        part = FastTable(self.header, rows, self.widths, self.look, first, repeated)
        part.spaceBefore, part.spaceAfter = self.spaceBefore, self.spaceAfter
        part._tag = getattr(self, "_tag", None)
        if heights is not None:  # rows already measured at these widths
            part._heights, part._head_height = heights, self._head_height
        return part

    def draw(self):
        from .pdf_text import fill_op, num

        canv = self.canv
        look = self.look
        marks = getattr(canv, "marks", None)  # tagged: fills and rules are artifacts, cells their TH/TD
        heights = self._measure()
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        ys = [self.height, self.height - self._head_height]  # row tops, then the bottom
        for h in heights:
            ys.append(ys[-1] - h)
        width = num(self.width)
        ops = [f"q {fill_op(look.header_fill)} 0 {num(ys[1])} {width} {num(self._head_height)} re f"]
        for i, h in enumerate(heights):
            stripe = look.stripes[(self.first + i) % 2]
            ops.append(f"{fill_op(stripe)} 0 {num(ys[i + 2])} {width} {num(h)} re f")
        ops.append("Q")
        if marks is not None:
            ops = [ARTIFACT, *ops, END]
        canv._code.append("\n".join(ops))
        for r, (row, top) in enumerate(zip([self.header, *self.rows], ys)):
            hide = marks is not None and not r and self.repeated  # the header is in the tree where it first is
            if hide:
                marks.hidden += 1
            for cell, x in zip(row, xs):
                cell.drawOn(canv, x + _PAD_X, top - _PAD_TOP - cell.height)
            if hide:
                marks.hidden -= 1
        bottom = num(ys[-1])
        lines = [f"{ARTIFACT} q 2 J 0.5 w {_stroke_op(look.grid)}" if marks is not None else
                 f"q 2 J 0.5 w {_stroke_op(look.grid)}"]
        lines += [f"0 {num(y)} m {width} {num(y)} l" for y in ys if y is not ys[1]]
        lines += [f"{num(x)} {bottom} m {num(x)} {num(ys[0])} l" for x in xs]
        lines.append(f"S 1 w {_stroke_op(look.header_rule)} 0 {num(ys[1])} m {width} {num(ys[1])} l S Q")
        if marks is not None:
            lines.append(END)
        canv._code.append(" ".join(lines))


def _empty(style, tag):
    """An empty cell where a split row's cell has nothing on one of its pages (same element)."""
    from .pdf_text import FastParagraph

    cell = FastParagraph([], style)
    if tag is not None:
        cell._tag = tag
    return cell


def _stroke_op(color) -> str:
    from .pdf_text import fill_op

    return fill_op(color)[:-2] + "RG"


def _aligned(st, name: str, align: str):
    return st.variant(name, alignment=_ALIGN[align]) if align in _ALIGN else st.style(name)


def widths_by_measure(rows, total: float, body, head) -> list[float]:
    """Widths in points summing to ``total``, from the text measured in its fonts: the longest
    word as the floor, text volume for the rest (the DOCX counts characters instead)."""
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
            text = printable(plain_text(cell)) if cell else ""
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
