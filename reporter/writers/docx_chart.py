"""A chart in the DOCX: the shared geometry (``chart_layout``) painted into a PNG with Pillow
in the house style's TrueType faces, placed as a picture whose ``descr`` is the chart's alt
text, with its caption after it in the Caption style.

Imported only when a document has a chart. The PNG's bytes depend on the chart alone:
Pillow writes no time chunk, and the resolution is fixed, so a rebuild is byte-identical.
"""

from __future__ import annotations

import io
import threading
from functools import lru_cache
from typing import Protocol, Sequence

from ..model import Chart, Image, Text
from ..style import HouseStyle, load_house_style
from .chart_layout import Box, Dot, Label, Stroke, layout

DPI = 220  # sharp when printed, small enough to mail (a chart is some tens of kB)
# Text is measured glyph by glyph at 2048 px, a TrueType font's usual units per em (the
# Liberation faces'): each advance is then the font's own number, as the PDF's metrics read
# it, so both writers lay a chart out alike to the last digit (other fonts: within 1/4096 em).
_MEASURE_PX = 2048
_ANCHORS = {"start": "ls", "middle": "ms", "end": "rs"}  # Pillow's anchors on the baseline
# The cached FreeType faces are shared by every thread that writes a DOCX; one chart is
# painted at a time, as reportlab's font registry is filled once under the writers' lock.
_PAINT = threading.Lock()


@lru_cache(maxsize=32)
def _font(path: str, px: int):
    from PIL import ImageFont

    return ImageFont.truetype(path, px)


@lru_cache(maxsize=4096)
def _advance(path: str, char: str) -> float:
    return _font(path, _MEASURE_PX).getlength(char)


def _faces(hs: HouseStyle) -> dict[bool, str]:
    fam = hs.fonts[hs.style("Normal").font]
    return {False: str(fam.regular), True: str(fam.bold or fam.regular)}


def measure_for(hs: HouseStyle):
    """The layout's ``measure`` in the house style's chart faces (regular, bold), in points."""
    faces = _faces(hs)

    def measure(text: str, size: float, bold: bool) -> float:
        return sum(_advance(faces[bold], c) for c in text) * size / _MEASURE_PX

    return measure


def chart_png(chart: Chart, width_pt: float, hs: HouseStyle) -> tuple[bytes, float] | None:
    """The chart as PNG bytes and its width in points; None for a kind this version cannot draw."""
    with _PAINT:
        return _paint(chart, width_pt, hs)


def _paint(chart: Chart, width_pt: float, hs: HouseStyle) -> tuple[bytes, float] | None:
    from PIL import Image as PILImage
    from PIL import ImageDraw

    faces = _faces(hs)
    geo = layout(chart, width_pt, measure_for(hs), hs.colors)
    if geo is None:
        return None
    k = DPI / 72
    w, h = round(geo.width * k), round(geo.height * k)
    img = PILImage.new("RGB", (w, h), "#FFFFFF")
    draw = ImageDraw.Draw(img)

    def px(x: float, y: float) -> tuple[float, float]:
        return x * k, (geo.height - y) * k

    for s in geo.shapes:
        match s:
            case Box():
                (x1, y1), (x2, y2) = px(s.x, s.y + s.h), px(s.x + s.w, s.y)
                draw.rectangle((round(x1), round(y1), round(x2) - 1, round(y2) - 1), fill="#" + s.fill)
            case Stroke():
                draw.line((*px(s.x1, s.y1), *px(s.x2, s.y2)), fill="#" + s.color, width=max(1, round(s.width * k)))
            case Dot():
                (cx, cy), r = px(s.x, s.y), s.r * k
                draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill="#" + s.fill, outline="#" + s.outline,
                             width=max(1, round(k)))
            case Label():
                font = _font(faces[s.bold], max(1, round(s.size * k)))
                draw.text(px(s.x, s.y), s.text, fill="#" + s.color, font=font, anchor=_ANCHORS.get(s.anchor, "ls"))
    out = io.BytesIO()
    img.save(out, "PNG", dpi=(DPI, DPI))
    return out.getvalue(), geo.width


class ChartPainter(Protocol):
    """Paints the DOCX's chart pictures somewhere else than where the body is built (the
    pipeline's executor): told the charts and their width before the body is built, then asked
    for each picture, which must be what ``chart_png`` gives for the same arguments."""

    def plan(self, charts: Sequence[Chart], width_pt: float, hs: HouseStyle) -> None: ...

    def __call__(self, chart: Chart, width_pt: float, hs: HouseStyle) -> tuple[bytes, float] | None: ...


def add_chart(writer, chart: Chart, parent=None) -> None:
    """The chart's picture and caption into the body ``writer`` (a ``docx_body.DocxBodyWriter``)
    builds; a kind this version cannot draw shows as its alt text and caption."""
    from .docx_image import add_image

    drawn = (writer.paint or chart_png)(chart, writer.text_width / 20, writer.style or load_house_style())
    if drawn is None:
        writer.paragraph(writer.sid("Body Text"), (Text(chart.alt),), parent=parent)
    else:
        png, width_pt = drawn
        add_image(writer, Image(png, chart.alt, width_cm=width_pt * 2.54 / 72), parent)
    writer.paragraph(writer.sid("Caption"), (Text(chart.caption),), parent=parent)

