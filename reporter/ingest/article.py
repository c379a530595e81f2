"""What ingest produces: one typed ``Article`` per article, whatever the file format.

Curated quotations and figures from a record are ingest's own small records: analysis
turns them into its facts, so ingest needs nothing from the layers above it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class CuratedQuote:
    """A quotation a record supplies itself (``quotes:`` in JSON/YAML)."""

    text: str
    speaker: str
    role: str | None
    paragraph: int  # 1-based body paragraph; 0 when the record does not say


@dataclass(frozen=True, slots=True)
class CuratedFigure:
    """A key figure a record supplies itself (``figures:`` in JSON/YAML)."""

    value: str  # as written, e.g. "$1.2 billion"
    number: float | None
    unit: str | None
    what: str  # what it counts
    paragraph: int  # 1-based body paragraph; 0 when the record does not say


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]  # cleaned body paragraphs; the briefing numbers them from 1 (¶N)
    subheadings: tuple[tuple[int, str], ...] = ()  # (0-based index of the paragraph it precedes, text)
    url: str | None = None
    source: str | None = None  # the outlet or site that published it
    published: date | None = None
    author: str | None = None
    path: str = ""  # the file it was read from
    raw_text: str = ""  # the text as read, before cleaning
    quotes: tuple[CuratedQuote, ...] | None = None  # curated quotations replace extracted ones
    figures: tuple[CuratedFigure, ...] | None = None  # curated figures replace extracted ones
    place: str | None = None  # where it was filed (from a dateline)
    lists: tuple[tuple[int, str], ...] = ()  # (¶N, "bullet" or "number") of paragraphs that are list items
    boilerplate: tuple[int, ...] = ()  # numbers (¶N) of paragraphs about the release, not the story
    tags: tuple[str, ...] = ()  # the article's own tags or keywords (a record's, a page's), for a spec's filter
    blockquotes: tuple[int, ...] = ()  # numbers (¶N) of paragraphs the source set as a block quotation
