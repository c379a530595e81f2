"""A chart in the PDF: the shared geometry (``chart_layout``) as reportlab vector graphics.

Imported only when a document has a chart, so reportlab.graphics costs nothing otherwise.
Text is drawn in the house style's embedded faces, so every label is in the page's text
layer (searchable, read aloud). The drawing carries the chart's alt text as ``alt``, which
the tagged PDF turns into a Figure's Alt; the caption follows in the Caption style.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isInt, isString
from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..model import Chart
from .chart_layout import Box, Dot, Label, Stroke, layout
from .pdf_inline import printable

_ANCHORS = {"start": "start", "middle": "middle", "end": "end"}


class ChartDrawing(Drawing):
    """A reportlab Drawing that says what it shows (``alt``) and keeps its caption with it."""

    _attrMap = AttrMap(BASE=Drawing, alt=AttrMapValue(isString), keepWithNext=AttrMapValue(isInt))

    def __init__(self, width: float, height: float, alt: str, font: str):
        super().__init__(width, height)
        self.initialFontName = font  # else the renderer sets Helvetica first, a standard-14 font
        self.alt = alt
        self.hAlign = "CENTER"
        self.keepWithNext = 1


def chart_faces(st) -> dict[bool, str]:
    """The registered faces a chart's labels use (regular, bold): the Normal style's family."""
    key, _, _ = st.face_of(st.style("Normal").fontName)
    return {False: st.face(key), True: st.face(key, bold=True)}


def measure_for(st):
    """The layout's ``measure`` in the chart's faces, from the embedded fonts' metrics."""
    faces = chart_faces(st)

    def measure(text: str, size: float, bold: bool) -> float:
        return stringWidth(text, faces[bold], size)

    return measure


def chart_flowables(chart: Chart, b) -> list:
    """The chart's drawing and caption for ``b`` (a ``pdf_blocks.PdfFlowables``); a kind this
    version cannot draw shows as its caption and alt text."""
    st = b.st
    faces = chart_faces(st)
    caption = b.tagged(b.para(printable(chart.caption), st.style("Caption")), "Caption")
    colors = {k: v.hexval()[2:].upper() for k, v in st.colors.items()}
    geo = layout(chart, b.width, measure_for(st), colors)
    if geo is None:
        return [b.tagged(b.para(printable(chart.alt), st.style("Body Text")), "P"), caption]
    d = ChartDrawing(geo.width, geo.height, printable(chart.alt), faces[False])
    color = _Colors()
    for s in geo.shapes:
        match s:
            case Box():
                d.add(Rect(s.x, s.y, s.w, s.h, fillColor=color(s.fill), strokeColor=None, strokeWidth=0))
            case Stroke():
                d.add(Line(s.x1, s.y1, s.x2, s.y2, strokeColor=color(s.color), strokeWidth=s.width))
            case Dot():
                d.add(Circle(s.x, s.y, s.r, fillColor=color(s.fill), strokeColor=color(s.outline), strokeWidth=1))
            case Label():
                d.add(String(s.x, s.y, printable(s.text), fontName=faces[s.bold], fontSize=s.size,
                             fillColor=color(s.color), textAnchor=_ANCHORS.get(s.anchor, "start")))
    return [d, caption]


class _Colors(dict):
    """Hex -> reportlab colour, each made once per chart."""

    def __call__(self, hexval: str):
        found = self.get(hexval)
        if found is None:
            found = self[hexval] = HexColor("#" + hexval)
        return found
