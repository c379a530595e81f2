"""A chart description -> shapes in points: the one geometry both writers draw.

The PDF draws the shapes as reportlab vector graphics (``pdf_chart``), the DOCX paints them
into a PNG (``docx_chart``); both pass the same layout their own way of measuring text
with the same TrueType file, so the two pictures place every mark and label alike.
Coordinates start at the bottom left, as in PDF. Colours are the house style's hex values.

``KINDS`` maps a chart's kind to its layout: a new kind of chart is one function here
(and its builder in ``compose.charts``); the renderers only know the shapes below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Mapping, NamedTuple, Union

from ..dates import date_span
from ..model import Chart, ChartPoint

# measure(text, size_pt, bold) -> width in points
Measure = Callable[[str, float, bool], float]


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True, slots=True)
class Stroke:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float = 0.6


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    r: float
    fill: str
    outline: str


@dataclass(frozen=True, slots=True)
class Label:
    """Text on one line, ``y`` its baseline; ``anchor`` "start", "middle" or "end" at ``x``."""

    x: float
    y: float
    text: str
    size: float
    color: str
    bold: bool = False
    anchor: str = "start"


Shape = Union[Box, Stroke, Dot, Label]


@dataclass(frozen=True, slots=True)
class Geometry:
    width: float
    height: float
    shapes: tuple[Shape, ...]


@dataclass(frozen=True, slots=True)
class Palette:
    """The house style's colours a chart uses, by role."""

    text: str
    mark: str  # bars and the window's events
    muted: str  # background events, segment titles
    rule: str  # axis, leaders
    band: str  # the highlighted window
    paper: str = "FFFFFF"

    @classmethod
    def from_colors(cls, colors: Mapping[str, str]) -> "Palette":
        get = colors.get
        return cls(text=get("text", "1F2933"), mark=get("accent", "1B3A5C"), muted=get("muted", "5F6B7A"),
                   rule=get("rule", "C9D2DC"), band=get("table_stripe", "F2F5F8"))


LABEL = 7.5  # pt: event words, bar labels and values
DATE = 7.0  # pt: dates, bold
TITLE = 7.0  # pt: segment titles
LINE = 9.0  # pt between a label's two lines
LANE = 2 * LINE + 4  # pt: one lane of labels
LANES = 4  # on each side of the axis
GAP = 16.0  # pt between segments, where the axis breaks


def fit(text: str, width: float, size: float, bold: bool, measure: Measure) -> str:
    """``text`` cut at a word (with an ellipsis) to fit ``width``; '' when not even a word does."""
    if measure(text, size, bold) <= width:
        return text
    words = text.split()
    while words:
        words.pop()
        cut = " ".join(words).rstrip(",;:") + "\u2026"
        if words and measure(cut, size, bold) <= width:
            return cut
    return ""


def _ordinal(iso: str) -> float:
    """The middle of the period an ISO-ish date stands for, as a day number."""
    span = date_span(iso)
    if span is None:
        return 0.0
    return (span[0].toordinal() + span[1].toordinal()) / 2


class _Mark(NamedTuple):
    x: float
    point: ChartPoint
    role: str


class _Segment(NamedTuple):
    left: float
    right: float
    title: str
    role: str


class _Placed(NamedTuple):
    mark: _Mark
    lane: int  # 1, 2, ... above the axis; -1, -2, ... below
    left: float
    when: str
    words: str
    right: float


def _clash(lane: int, left: float, right: float, x: float, q: _Placed) -> int:
    """How badly a label in ``lane`` over ``left``..``right`` for the dot at ``x`` would touch
    ``q``: 4 when it overlaps its label in the same lane (unreadable), 1 when it hides its
    leader or has its leader cross it (still readable), else 0."""
    if (lane > 0) != (q.lane > 0):
        return 0
    if abs(lane) == abs(q.lane):
        return 4 * (left < q.right + 6 and q.left < right + 6)
    if abs(lane) < abs(q.lane):  # nearer the axis: q's leader runs through this lane
        return int(left - 2 <= q.mark.x <= right + 2)
    return int(q.left - 2 <= x <= q.right + 2)  # farther: this leader runs through q's lane


def timeline(chart: Chart, width: float, measure: Measure, pal: Palette) -> Geometry:
    """Segments left to right: earlier dates (evenly spaced), the window (to scale, shaded),
    later dates (evenly spaced), the axis broken between them; each date a dot with a leader
    to its label (date, then the event's first words) in the first free lane above or below."""
    segments = [s for s in chart.series if s.points]
    weights = [len(s.points) * (1.6 if s.role == "main" and chart.window else 1.0) for s in segments]
    pad = 4.0
    avail = width - 2 * pad - GAP * (len(segments) - 1)
    total = sum(weights) or 1.0
    marks: list[_Mark] = []
    extents: list[_Segment] = []
    x0 = pad
    for seg, weight in zip(segments, weights):
        w = avail * weight / total
        n = len(seg.points)
        if seg.role == "main" and chart.window is not None:
            # to scale over the shown dates' stretch of the window (a long window would
            # crowd them), the band standing for the whole window the caption gives
            lo = max(date.fromisoformat(chart.window.start).toordinal(), min(_ordinal(p.date) for p in seg.points))
            hi = min(date.fromisoformat(chart.window.end).toordinal(), max(_ordinal(p.date) for p in seg.points))
            inner = w * 0.08
            for p in seg.points:
                t = 0.5 if hi <= lo else min(1.0, max(0.0, (_ordinal(p.date) - lo) / (hi - lo)))
                marks.append(_Mark(x0 + inner + t * (w - 2 * inner), p, seg.role))
        else:
            marks += [_Mark(x0 + w * (i + 0.5) / n, p, seg.role) for i, p in enumerate(seg.points)]
        extents.append(_Segment(x0, x0 + w, seg.name, seg.role))
        x0 += w + GAP

    # Labels into lanes (1, -1, 2, -2, ...: above and below the axis, nearest first): the
    # first lane where the label clears its neighbours and no leader crosses a label.
    # a label's room: wide when there are few (six lanes share the width), never under 70 pt
    max_w = max(70.0, min(190.0, 2.5 * width / max(len(marks), 1)))
    placed: list[_Placed] = []
    order = [k for n in range(1, LANES + 1) for k in (n, -n)]
    for mark in marks:
        x, p = mark.x, mark.point
        when = fit(p.shown, max_w, DATE, True, measure) or p.shown
        words = fit(p.label, max_w, LABEL, False, measure)
        best: tuple[int, int, float, str, float] | None = None  # clashes, rank, left, words, width
        for attempt in dict.fromkeys((words, "")):
            w = max(measure(when, DATE, True), measure(attempt, LABEL, False) if attempt else 0.0)
            left = max(pad, x - 2 if x - 2 + w <= width - pad else x + 2 - w)
            for rank, lane in enumerate(order):
                clashes = sum(_clash(lane, left, left + w, x, q) for q in placed)
                if best is None or (clashes, rank) < best[:2]:
                    best = (clashes, rank, left, attempt, w)
                if not clashes:
                    break
            if best[0] == 0:
                break
        _, rank, left, attempt, w = best
        placed.append(_Placed(mark, order[rank], left, when, attempt, left + w))

    above = max((q.lane for q in placed if q.lane > 0), default=0)
    below = -min((q.lane for q in placed if q.lane < 0), default=0)
    header = TITLE + 6 if len(extents) > 1 or chart.window is not None else 2
    axis = pad + below * LANE + 8
    height = axis + 8 + above * LANE + header

    shapes: list[Shape] = []
    for seg in extents:
        if seg.role == "main" and chart.window is not None:
            shapes.append(Box(seg.left, pad, seg.right - seg.left, height - pad, pal.band))
        if len(extents) > 1 or chart.window is not None:  # one stretch needs no name
            shapes.append(Label(seg.left + 2, height - TITLE - 1, seg.title, TITLE, pal.muted, True))
    for i, seg in enumerate(extents):
        shapes.append(Stroke(seg.left, axis, seg.right, axis, pal.rule, 1.0))
        if i:  # the break: two short slants in the gap
            for dx in (-3.0, 3.0):
                mid = seg.left - GAP / 2 + dx
                shapes.append(Stroke(mid - 2, axis - 4, mid + 2, axis + 4, pal.muted, 0.8))
    for q in placed:
        x, role, top = q.mark.x, q.mark.role, q.lane > 0
        base = axis + 8 + (q.lane - 1) * LANE if top else axis - 8 + q.lane * LANE
        # a label reads date then words, top down
        date_y = base + LINE + 2 if top else base + LANE - DATE - 1
        shapes.append(Stroke(x, axis, x, base if top else base + LANE, pal.rule, 0.5))
        tone = pal.muted if role == "background" else pal.text
        shapes.append(Label(q.left, date_y, q.when, DATE, tone, True))
        if q.words:
            shapes.append(Label(q.left, date_y - LINE, q.words, LABEL, tone))
        fill = pal.mark if role == "main" else pal.paper
        shapes.append(Dot(x, axis, 3.0, fill, pal.muted if role == "background" else pal.mark))
    return Geometry(width, height, tuple(shapes))


def bars(chart: Chart, width: float, measure: Measure, pal: Palette) -> Geometry:
    """Horizontal bars, one a row, largest first: the label right-aligned before the bar, the
    value as stated after it, lengths to scale from a zero line."""
    points = [p for s in chart.series for p in s.points]
    row, thick, pad = 17.0, 10.0, 4.0
    label_w = min(max((measure(p.label, LABEL, False) for p in points), default=0.0), width * 0.4)
    value_w = max((measure(p.shown, LABEL, True) for p in points), default=0.0)
    x0 = pad + label_w + 6
    span = max(10.0, width - x0 - value_w - 6 - pad)
    top = max((p.value for p in points), default=0.0) or 1.0
    height = 2 * pad + row * len(points)
    shapes: list[Shape] = []
    for i, p in enumerate(points):
        y = height - pad - row * (i + 1)
        w = span * p.value / top
        mid = y + row / 2
        shapes.append(Box(x0, mid - thick / 2, max(w, 0.5), thick, pal.mark))
        label = fit(p.label, label_w, LABEL, False, measure)
        shapes.append(Label(x0 - 6, mid - LABEL * 0.35, label, LABEL, pal.text, anchor="end"))
        shapes.append(Label(x0 + w + 4, mid - LABEL * 0.35, p.shown, LABEL, pal.text, True))
    shapes.append(Stroke(x0, pad, x0, height - pad, pal.rule, 0.8))
    return Geometry(width, height, tuple(shapes))


KINDS: dict[str, Callable[[Chart, float, Measure, Palette], Geometry]] = {"timeline": timeline, "bars": bars}


def layout(chart: Chart, width: float, measure: Measure, colors: Mapping[str, str]) -> Geometry | None:
    """The chart's shapes at ``width`` points; None for a kind this version cannot draw."""
    kind = KINDS.get(chart.kind)
    return kind(chart, width, measure, Palette.from_colors(colors)) if kind else None
