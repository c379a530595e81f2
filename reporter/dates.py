"""The one place that names months and formats dates for a reader.

Locale-free on purpose: output must be the same bytes on every machine, so month names are
a table here rather than ``strftime("%B")``. Every writer, the e-mail and analysis read the
month names from this module; no other module keeps a table of its own.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")

# Lower-case month words a text may use, full and abbreviated, to the month's number.
MONTH_NUMBERS: dict[str, int] = {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
MONTH_NUMBERS.update({m.lower()[:3]: i for i, m in enumerate(MONTH_NAMES, 1)})
MONTH_NUMBERS["sept"] = 9

_ISO = re.compile(r"(\d{4}|-)(?:-(\d{2}))?(?:-(\d{2}))?")


def long_date(d: date) -> str:
    """``date(2024, 4, 20)`` -> ``20 April 2024``."""
    return f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}"


def date_label(iso: str) -> str:
    """An ISO-ish date as a reader says it: '2024-03-22' -> '22 March 2024'; '2024-09' ->
    'September 2024'; '--03-22' -> '22 March (year not stated)'; anything else as given."""
    m = _ISO.fullmatch((iso or "").strip())
    if not m:
        return (iso or "").strip()
    year, month, day = m.groups()
    if month is None or not 1 <= int(month) <= 12:
        return iso.strip().strip("-")
    parts = ([str(int(day))] if day else []) + [MONTH_NAMES[int(month) - 1]]
    parts.append(year if year != "-" else "(year not stated)")
    return " ".join(parts)


def date_span(iso: str) -> tuple[date, date] | None:
    """The first and last day an ISO-ish date stands for ('2024' is the whole year, '2024-02'
    the month); None for a date without a year ('--04-03') or one no calendar has. Charts
    place a date by it (``compose.charts``, ``writers.chart_layout``)."""
    m = _ISO.fullmatch((iso or "").strip())
    if not m or m.group(1) == "-":
        return None
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        first = date(year, int(month), 1)
        if day is not None:
            return first.replace(day=int(day)), first.replace(day=int(day))
        return first, date(year + first.month // 12, first.month % 12 + 1, 1) - timedelta(days=1)
    except ValueError:
        return None


def utc_datetime(text: str | None) -> datetime | None:
    """An ISO 8601 timestamp (``Meta.created``, a DOCX's ``dcterms:created``) as an aware UTC
    datetime; a timestamp without a zone is taken as UTC. None when empty or unreadable, so
    each caller picks its own fallback."""
    try:
        value = datetime.fromisoformat((text or "").strip())
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
    except (ValueError, OverflowError):  # OverflowError: a zone that moves year 9999 past the end
        return None
