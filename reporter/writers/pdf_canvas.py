"""Page furniture, the one-pass ``Page N of M`` and the contents list's page numbers.

The canvas keeps each finished page back (the NumberedCanvas recipe) and draws the
header and footer on all of them at ``save``, when the total is known: one layout
pass instead of two builds. Held-back pages would all claim to be page 1 to any
bookmark placed on them, so the canvas advances the document's page counter itself.
The contents list's numbers are drawn at ``save`` too: each entry leaves room for its
number and says where it goes, each heading says on which page it landed, and the
numbers are filled in once all are known. A number's width never moves the layout, so
one pass gives the same pages as two would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial

from reportlab.pdfbase.pdfdoc import PDFObject
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate
from reportlab.platypus.flowables import Flowable

from ..dates import utc_datetime
from .pdf_styles import CM
from .pdf_tags import ARTIFACT, END, PAGINATION, tag_annotation
from .pdf_text import FastParagraph, _Raw


@dataclass(frozen=True)
class PageDecor:
    """What the header and footer show and where; drawn with the embedded house fonts."""

    page_w: float
    page_h: float
    left: float
    right: float
    header_y: float
    footer_y: float
    title: str
    marking: str
    font: str
    bold_font: str
    size: float
    muted: object
    marking_color: object
    rule: object
    marking_back: object = None  # a TLP label's black, drawn behind it

    @classmethod
    def from_style(cls, hs, st, title: str, marking: str) -> "PageDecor":
        w, h = (v * CM for v in hs.page.size_cm)
        header = st.style("Header")
        return cls(
            page_w=w, page_h=h, left=hs.page.margin_left * CM, right=w - hs.page.margin_right * CM,
            header_y=h - hs.page.header_distance * CM - header.fontSize, footer_y=hs.page.footer_distance * CM,
            title=title, marking=marking, font=header.fontName, bold_font=st.face(hs.style("Header").font, bold=True),
            size=header.fontSize, muted=header.textColor, rule=st.colors.get("rule", header.textColor),
            **marking_colors(marking, st.colors.get("marking", header.textColor)),
        )

    def draw(self, c: Canvas, number: int, total: int) -> None:
        c.saveState()
        width = self.right - self.left
        marking_w = c.stringWidth(self.marking, self.bold_font, self.size) if self.marking else 0.0
        # header: marking left, short title right, a hairline below
        if self.marking:
            self._draw_marking(c, self.header_y, self.marking)
        room = width - marking_w - 0.8 * CM
        c.setFont(self.font, self.size)
        c.setFillColor(self.muted)
        if self.title and not self._draw_other_script_title(c, room):
            title = _fit(c, self.title, self.font, self.size, room)
            if title:
                c.drawRightString(self.right, self.header_y, title)
        c.setStrokeColor(self.rule)
        c.setLineWidth(0.5)
        c.line(self.left, self.header_y - 4, self.right, self.header_y - 4)
        # footer: hairline above, marking left, page numbers right
        c.line(self.left, self.footer_y + self.size + 3, self.right, self.footer_y + self.size + 3)
        c.drawRightString(self.right, self.footer_y, f"Page {number} of {total}")
        if self.marking:
            self._draw_marking(c, self.footer_y, _fit(c, self.marking, self.bold_font, self.size, width * 0.6))
        c.restoreState()

    def _draw_other_script_title(self, c: Canvas, room: float) -> bool:
        """A title with characters the header's font lacks (Chinese, Arabic...) drawn run by
        run in the faces the fallback chain gives them; False for a title the font draws
        itself (the usual case, drawn as one plain string)."""
        from .pdf_inline import Run
        from .pdf_scripts import is_plain, split_runs

        runs = [Run(self.title, self.font, "", None)]
        if is_plain(runs):
            return False
        pieces, _ = split_runs(runs)
        shown, width = [], 0.0
        for r in pieces:
            if r is None:
                continue
            w = c.stringWidth(r.text, r.face, self.size)
            if width + w > room:  # a long title ends where the room does, at a run
                break
            shown.append((r, w))
            width += w
        x = self.right - width
        for r, w in shown:
            c.setFont(r.face, self.size)
            c.drawString(x, self.header_y, r.text)
            x += w
        c.setFont(self.font, self.size)
        return True

    def _draw_marking(self, c: Canvas, y: float, text: str) -> None:
        if self.marking_back is not None:
            marking_box(c, self.left, y, c.stringWidth(text, self.bold_font, self.size), self.size, self.marking_back)
        c.setFont(self.bold_font, self.size)
        c.setFillColor(self.marking_color)
        c.drawString(self.left, y, text)


def marking_colors(marking: str, house_color) -> dict:
    """``marking_color`` and ``marking_back`` for a marking: a TLP 2.0 label's colour on black
    (``marking.TLP_LOOKS``, the table the DOCX and the e-mail read), else the house colour."""
    from reportlab.lib.colors import HexColor

    from ..marking import marking_look

    look = marking_look(marking)
    if look is None:
        return {"marking_color": house_color, "marking_back": None}
    return {"marking_color": HexColor("#" + look.text), "marking_back": HexColor("#" + look.background)}


def marking_box(c: Canvas, x: float, baseline: float, width: float, size: float, color) -> None:
    """The black behind a TLP label: the text's width and the font's height, a little padded."""
    pad = 0.3 * size
    c.saveState()
    c.setFillColor(color)
    c.rect(x - pad, baseline - 0.3 * size, width + 2 * pad, 1.3 * size, stroke=0, fill=1)
    c.restoreState()


def marking_band(flowable):
    """The title block's marking paragraph as a TLP label (its colour on black), or as it is
    for any other paragraph or marking."""
    from .pdf_inline import Run
    from .pdf_text import fill_op

    if type(flowable) is not FastParagraph or flowable.style.name != "Marking":
        return flowable
    text = "".join(r.text for r in flowable.runs if r is not None)
    colors = marking_colors(text, None)
    if colors["marking_back"] is None:
        return flowable
    fill = fill_op(colors["marking_color"])
    runs = [Run(r.text, r.face, fill, r.href) if r is not None else None for r in flowable.runs]
    band = MarkingParagraph(runs, flowable.style, flowable.target, back=colors["marking_back"])
    if hasattr(flowable, "_tag"):  # the same paragraph of the structure tree, in its colours
        band._tag = flowable._tag
    return band


def _fit(c: Canvas, text: str, font: str, size: float, room: float) -> str:
    """``text`` shortened with an ellipsis to fit ``room`` points."""
    if room <= 0:
        return ""
    if c.stringWidth(text, font, size) <= room:
        return text
    lo, hi = 0, min(len(text), 400)
    while lo < hi:  # longest prefix that fits with the ellipsis
        mid = (lo + hi + 1) // 2
        if c.stringWidth(text[:mid].rstrip() + "…", font, size) <= room:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + "…" if lo else ""


class _Stamp:
    """A fixed timestamp in the shape reportlab's PDFDate reads (CreationDate and ModDate)."""

    def __init__(self, when: datetime):
        when = when.astimezone(timezone.utc)
        self.t = when.timestamp()
        self.YMDhms = (when.year, when.month, when.day, when.hour, when.minute, when.second)
        self.dhh = self.dmm = 0
        self.tzname = "UTC"


_TAB_ORDER = _Raw(b"/S")  # written inline in each page's dictionary, so one object serves all


class _References(PDFObject):
    """A page's /Annots: the bytes of reportlab's PDFArray of references, without formatting
    each reference through the generic machinery (a briefing page holds dozens of links)."""

    def __init__(self, refs: list):
        self.refs = refs

    def format(self, document) -> bytes:
        numbers = document.idToObjectNumberAndVersion
        items = [b"%d %d R" % numbers[ref.name] for ref in self.refs]
        for i in reversed(range(10, len(items), 10)):  # PDFArray breaks the line every ten items
            items.insert(i, b"\n ")
        return b"[ " + b" ".join(items) + b" ]"


@dataclass(frozen=True)
class ContentsNumber:
    """Where a contents entry's page number goes: on held page ``page`` (from 0), right-aligned
    at ``x``, on the baseline ``y``, for the heading whose destination is ``key``."""

    page: int
    key: str
    x: float
    y: float
    font: str
    size: float
    color: object
    elem: object = None  # the contents entry's structure element (pdf_tags.Elem), when tagged


class NumberedCanvas(Canvas):
    """Holds finished pages back so each can say ``Page N of M``; draws the page furniture."""

    def __init__(self, *args, decor: PageDecor, created: str = "", marks=None, archive=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.marks = marks  # pdf_tags.Marks: the structure tree's marked content (None: untagged)
        self._archive = archive  # pdf_archive.Archive: XMP and output intent (None: plain PDF)
        self._held: list[dict] = []
        self._decor = decor
        self.heading_pages: dict[str, int] = {}  # destination key -> page (from 1)
        self.contents_numbers: list[ContentsNumber] = []
        self.total_pages = 0
        when = utc_datetime(created)
        if when is not None and 1980 <= when.year <= 9999:
            self._doc._timeStamp = _Stamp(when)

    def _setAnnotations(self, page):
        page.Annots = _References(self._annotationrefs) if self._annotationrefs else None
        if self.marks is not None:  # the page's key in the ParentTree, and tab order by structure
            page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
            page.StructParents = self._doc.pageCounter - 1
            page.Tabs = _TAB_ORDER

    def _addAnnotation(self, annotation, name=None, addtopage=1):
        if self.marks is not None:
            annotation, name = tag_annotation(self, annotation, name)
        super()._addAnnotation(annotation, name, addtopage)

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()
        self._doc.pageCounter += 1  # so bookmarks on the next page point at it, not at page 1
        if self.marks is not None:
            self.marks.page = len(self._held)

    @property
    def page_index(self) -> int:
        """The page being laid out, from 0."""
        return len(self._held)

    def save(self):
        held = self._held
        total = len(held)
        numbers: dict[int, list[ContentsNumber]] = {}
        for entry in self.contents_numbers:
            numbers.setdefault(entry.page, []).append(entry)
        pages = self.heading_pages
        self._doc.pageCounter = 1
        marks = self.marks
        for number, state in enumerate(held, 1):
            self.__dict__.update(state)
            code = self._code
            if marks is not None:
                code.append(PAGINATION)
            self._decor.draw(self, number, total)
            if marks is not None:
                code.append(END)
            for entry in numbers.get(number - 1, ()):
                if entry.key in pages:
                    if marks is not None:
                        code.append(marks.mark(entry.elem, number - 1) if entry.elem else ARTIFACT)
                    self.setFont(entry.font, entry.size)
                    self.setFillColor(entry.color)
                    self.drawRightString(entry.x, entry.y, str(pages[entry.key]))
                    if marks is not None:
                        code.append(END)
            if self._archive is not None:  # the file's /ID follows its content
                self._doc.updateSignature("\n".join(code))
            Canvas.showPage(self)
        self.total_pages = total  # after the held states, which knew no total, are all restored
        if marks is not None:
            marks.total_pages = total
            catalog = self._doc.Catalog
            catalog.StructTreeRoot = marks.write(self._doc)
            catalog.MarkInfo = _Raw(b"<< /Marked true >>")  # one per file: a referenced object keeps its name
        if self._archive is not None:
            self._archive.add_to(self._doc)
        Canvas.save(self)


def canvas_maker(decor: PageDecor, created: str, marks=None, archive=None):
    return partial(NumberedCanvas, decor=decor, created=created, marks=marks, archive=archive)


class BriefingTemplate(BaseDocTemplate):
    """Adds an outline entry for each heading once it is placed (its bookmark is already there)."""

    def beforeDocument(self):
        self._outline_level = -1
        self._has_outline = False

    def afterFlowable(self, flowable):
        entry = getattr(flowable, "_outline", None)
        if entry is None:
            return
        self.canv.heading_pages.setdefault(entry.key, self.canv.page_index + 1)
        level = min(entry.level - 1, self._outline_level + 1)  # PDF outlines cannot skip a level
        self._outline_level = level
        self.canv.addOutlineEntry(entry.title, entry.key, level=level, closed=False)
        if not self._has_outline:
            self._has_outline = True
            self.canv.showOutline()



class ContentsEntry(Flowable):
    """A contents list's line: its paragraph (with room on the right for the number) and the
    number, drawn by the canvas at ``save`` once the heading's page is known."""

    def __init__(self, para, key: str, room: float):
        super().__init__()
        self.para, self.key, self.room = para, key, room
        self.spaceBefore, self.spaceAfter = para.spaceBefore, para.spaceAfter
        self.keepWithNext = 0

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self.para.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []  # an entry is a line or two: it moves to the next page whole

    def drawOn(self, canvas, x, y, _sW=0):
        self.para.drawOn(canvas, x, y, _sW)
        style = self.para.style
        # the last line's baseline: lines are ``leading`` apart, the first at ``size`` below the top
        baseline = y + style.leading - style.fontSize
        tag = getattr(self.para, "_tag", None)
        canvas.contents_numbers.append(ContentsNumber(
            canvas.page_index, self.key, x + self.width, baseline, style.fontName, style.fontSize, style.textColor,
            tag.elem if tag is not None else None))


class MarkingParagraph(FastParagraph):
    """A one-line marking paragraph drawn over its label's background box."""

    def __init__(self, runs, style, target: str = "", *, back):
        super().__init__(runs, style, target)
        self.back = back

    def drawOn(self, canvas, x, y, _sW=0):
        width = sum(canvas.stringWidth(r.text, r.face, self.size) for r in self.runs if r is not None)
        left = self._hAlignAdjust(x, _sW) + self.style.leftIndent
        canvas._code.append(ARTIFACT)  # the box is decoration: the label's text is the paragraph's content
        marking_box(canvas, left, y + self.height - self.size, width, self.size, self.back)
        canvas._code.append(END)
        super().drawOn(canvas, x, y, _sW)
