"""Field values as sources write them, read into Python values (publication dates, tags)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Iterable


def parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"cannot read the date {s[:40]!r} (use YYYY-MM-DD)")


def split_tags(values: Iterable[str]) -> tuple[str, ...]:
    """Tags as given ("economy, Europe", a list, a page's keywords and categories): split at
    commas and semicolons, one line each, blanks and repeats (in any case) left out."""
    from .clean import one_line

    out: dict[str, str] = {}
    for value in values:
        for part in str(value).replace(";", ",").split(","):
            tag = one_line(part)
            if tag:
                out.setdefault(tag.casefold(), tag)
    return tuple(out.values())
