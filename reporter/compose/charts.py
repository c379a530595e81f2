"""Charts from the facts: a timeline of the briefing's dated events and a bar chart of a
story's comparable figures, each as a ``model.Chart`` (data, not a picture).

Compose decides what is worth drawing and says it in words (caption, alt text); the
writers draw the same description into both formats (``writers.chart_layout``). A chart
is made only when the data supports one: a timeline needs three dates or more, a bar
chart three figures or more in one unit (per cent, one currency, plain counts...), so a
story whose figures are in mixed units gets none.

A new kind is a builder here and a layout in ``writers.chart_layout.KINDS``; the
template places charts through its ``chart`` helper (see the README's template section).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any, Sequence

from ..dates import date_label, date_span, long_date
from ..model import Chart, ChartPoint, ChartSeries, ChartWindow
from .select import counted_noun

MIN_POINTS = 3  # fewer marks make no picture worth its space
MAX_EVENTS = 12  # dates a timeline shows; the table in the appendix lists the rest
SET_APART = 2  # dates before and after the window a crowded timeline still shows, each side
MAX_BARS = 8
WINDOW_LEAD = timedelta(days=30)  # the window opens this long before the earliest article
ALT_WORDS = 14  # words of an event the alt text reads out

# A figure stated as a range ("between 2 and 3", "5 to 7"): its number is only the lower end,
# so a bar of it would overstate the precision.
_RANGE = re.compile(r"\bbetween\b|\d\s*[-\u2013]\s*\d|(?<!\bup)\s(?:to|and)\s", re.IGNORECASE)
_UNIT_WORDS = {"": "counts", "%": "per cent"}


def _event_words(text: str) -> str:
    """An event's words without the ellipses analysis puts where it cut the sentence."""
    return " ".join(str(text).replace("\u2026", " ").split())


# A sentence's leading time phrase ("Today,", "On 15 January 2025,", "Last week,"): said of
# every event, it tells nothing at the mark, which already stands at its date.
_LEAD_TIME = re.compile(r"^(?:(?:on|in|by|since|from|at|until|during|last|this|earlier|later)\b[^,]{0,40}"
                        r"(?:,\s*\d{4})?|today|yesterday|tomorrow|now|recently),\s+(?!\d)", re.IGNORECASE)


def _event_label(event: dict[str, Any], many_stories: bool) -> str:
    """What a mark on the timeline says: with several stories, the story's short title (the
    reader's first question is which story the date belongs to); with one, the event's words
    without a leading time phrase."""
    if many_stories and event.get("story"):
        return str(event["story"])
    words = _event_words(event["event"])
    rest = _LEAD_TIME.sub("", words, count=1)
    return words if rest == words or not rest else rest[:1].upper() + rest[1:]


def _first_words(text: str, n: int) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("\u2026" if len(words) > n else "")


def timeline_chart(events: Sequence[dict[str, Any]], published: Sequence[date], briefing: date | None) -> Chart | None:
    """The briefing's dated events on one axis: those in its window (from a month before the
    earliest article to the briefing's date) highlighted, older ones set apart as background
    and later ones (plans, deadlines) after it. One mark per date, the first event said of it
    labelling it; at most ``MAX_EVENTS`` dates, the window's first. None below three dates.

    ``events``: the context's timeline items (``date``, ``event``), in date order."""
    by_date: dict[str, str] = {}
    spans: dict[str, tuple[date, date]] = {}
    many_stories = len({e.get("story") for e in events}) > 1
    for e in events:
        span = date_span(e["date"])
        if span is None or e["date"] in by_date:
            continue
        by_date[e["date"]] = _event_label(e, many_stories)
        spans[e["date"]] = span
    if len(by_date) < MIN_POINTS:
        return None
    window = None
    if published and briefing is not None:
        start, end = min(published) - WINDOW_LEAD, max(briefing, max(published))
        window = ChartWindow(start.isoformat(), end.isoformat(), f"{long_date(start)} to {long_date(end)}")

    def role(iso: str) -> str:
        first, last = spans[iso]
        if window is None:
            return "main"
        return "background" if last < start else "ahead" if first > end else "main"

    def priority(iso: str) -> tuple:
        """Which dates a crowded timeline keeps: in the window the most precise and latest
        first; outside it the nearest to the window first."""
        first, last = spans[iso]
        if role(iso) == "main":
            return ((last - first).days, -first.toordinal())
        return (0, (start - last).days if role(iso) == "background" else (first - end).days)

    dated = sorted(by_date, key=lambda iso: (spans[iso], iso))
    by_role: dict[str, list[str]] = {}
    for iso in sorted(dated, key=priority):
        by_role.setdefault(role(iso), []).append(iso)
    # a few dates either side of the window stay however many fall in it
    aside = {r: by_role.get(r, [])[:SET_APART] for r in ("background", "ahead")}
    room = MAX_EVENTS - len(aside["background"]) - len(aside["ahead"])
    kept = set(by_role.get("main", [])[:room]) | set(aside["background"]) | set(aside["ahead"])
    rest = [iso for r in ("background", "ahead") for iso in by_role.get(r, [])[SET_APART:]]
    kept |= set(sorted(rest, key=priority)[:MAX_EVENTS - len(kept)])
    shown = [iso for iso in dated if iso in kept]
    names = {"background": "Earlier", "main": "In the window" if window else "Events", "ahead": "Ahead"}
    series = []
    for r in ("background", "main", "ahead"):
        points = tuple(ChartPoint(by_date[iso], date=iso, shown=date_label(iso)) for iso in shown if role(iso) == r)
        if points:
            series.append(ChartSeries(names[r], points, r))
    counts = {s.role: len(s.points) for s in series}
    caption = f"Timeline of the dated events in the articles, {date_label(shown[0])} to {date_label(shown[-1])}."
    if window is not None:
        caption += (f" Shaded: the briefing's window, {window.label}." if counts.get("main") else
                    f" No dated event falls in the briefing's window, {window.label}.")
        apart = [f"{counts[r]} {w} {'date' if counts[r] == 1 else 'dates'}"
                 for r, w in (("background", "earlier"), ("ahead", "later")) if counts.get(r)]
        if apart:
            caption += f" Set apart: {' and '.join(apart)}, each side spaced evenly, not to scale."
    if len(shown) < len(dated):
        caption += f" {len(shown)} of {len(dated)} dates shown."
    alt = "Timeline chart. " + " ".join(
        f"{s.name}: " + "; ".join(f"{p.shown}: {_first_words(p.label, ALT_WORDS)}" for p in s.points) + "."
        for s in series)
    return Chart("timeline", caption, alt, tuple(series), window=window)


def _is_range(value: str) -> bool:
    return bool(_RANGE.search(value))


def figures_chart(figures: Sequence[dict[str, Any]], title: str) -> Chart | None:
    """A story's figures in one unit as bars, largest first: the unit most of them share, if
    three or more do (at most ``MAX_BARS``, the best ranked); plain counts only of one thing
    (``select.counted_noun``: 135,000 officers beside 15 locations is no chart). Ranges and negative amounts are
    left out (a bar cannot show either honestly). None when no unit has three.

    ``figures``: the story's figures as the context ranks them (``value``, ``number``,
    ``unit``, ``what``)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in figures:
        number = f.get("number")
        if number is None or number < 0 or _is_range(str(f["value"])):
            continue
        unit = f.get("unit") or ""
        if not unit and counted_noun(f.get("what")) is None:
            continue  # a plain count of nothing nameable shares no axis with another
        groups.setdefault((unit, counted_noun(f.get("what")) if not unit else ""), []).append(f)
    best = max(groups.items(), key=lambda kv: len(kv[1]), default=None)  # ties: the first-ranked unit
    if best is None or len(best[1]) < MIN_POINTS:
        return None
    unit, chosen = best[0][0], best[1][:MAX_BARS]
    chosen = sorted(chosen, key=lambda f: -f["number"])
    points = tuple(ChartPoint(" ".join(str(f["what"] or f["value"]).split()), float(f["number"]),
                              shown=" ".join(str(f["value"]).split())) for f in chosen)
    words = _UNIT_WORDS.get(unit, unit)
    title = " ".join(str(title).split())
    caption = f"Figures in {words} from \u201c{title}\u201d, as the articles state them; bars to scale."
    alt = f"Bar chart of {len(points)} figures in {words}, largest first: " + "; ".join(
        f"{p.shown} {p.label}".strip() for p in points) + "."
    return Chart("bars", caption, alt, (ChartSeries(words, points),), unit=unit)
