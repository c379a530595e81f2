"""The one document model every reader produces and every writer consumes.

Shaped after pandoc's ``Pandoc Meta [Block]``: a handful of block kinds, a
handful of inline kinds, and one escape hatch (``Div``) that carries a style
name. Writers dispatch on these types with ``match``; nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

# --------------------------------------------------------------------------
# Inlines


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emph:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink. ``url`` starting with ``#`` points at an ``anchor`` in the document."""

    children: tuple[Inline, ...]
    url: str


@dataclass(frozen=True, slots=True)
class LineBreak:
    pass


Inline = Union[Text, Strong, Emph, Link, LineBreak]

# --------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True, slots=True)
class Heading:
    level: int  # 1..3
    children: tuple[Inline, ...]
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph in a named style (see ``reporter.style.STYLE_NAMES``).

    ``anchor`` names a bookmark target, so ``Link(url="#anchor")`` can point here
    (used for the ``¶N`` references back into the article text).
    """

    children: tuple[Inline, ...]
    style: str = "Body Text"
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Block, ...], ...]


@dataclass(frozen=True, slots=True)
class OrderedList:
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


Cell = tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table with one header row. ``align`` holds 'left', 'right' or 'center' per column."""

    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    align: tuple[str, ...] = ()
    caption: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its text (one or more blocks) and who said it."""

    blocks: tuple[Block, ...]
    attribution: tuple[Inline, ...] = ()


@dataclass(frozen=True, slots=True)
class Image:
    data: bytes
    alt: str
    width_cm: float | None = None


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One mark of a chart: a bar (``value``) or a dated event (``date``, ISO as analysis gives
    it: 2024-04-03, 2024-04 or 2024), with the words each writer prints beside it."""

    label: str  # what the mark is: the figure's subject, the event's words
    value: float = 0.0
    date: str = ""
    shown: str = ""  # the value or the date as the reader sees it: "46%", "3 Apr 2024"


@dataclass(frozen=True, slots=True)
class ChartSeries:
    """Marks drawn alike. ``role`` says how: "main"; "background" (older dates, set apart
    before the main stretch and muted); "ahead" (dates after it, set apart after it)."""

    name: str
    points: tuple[ChartPoint, ...]
    role: str = "main"


@dataclass(frozen=True, slots=True)
class ChartWindow:
    """The stretch of time a timeline highlights (ISO dates, both ends included)."""

    start: str
    end: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart as data, not as a picture: each writer draws it from the same description
    (the PDF as vector graphics, the DOCX as an image), with its caption below and its alt
    text for readers that cannot see it. ``kind`` names a drawing in the writers' table
    (``writers.chart_layout.KINDS``: "timeline", "bars")."""

    kind: str
    caption: str
    alt: str
    series: tuple[ChartSeries, ...]
    unit: str = ""
    window: ChartWindow | None = None


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class TableOfContents:
    """Where a table of contents goes (a TOC field in DOCX, a list of links in PDF), each entry
    with the page its heading is on in the PDF's layout.

    ``min_pages``: a document laid out on fewer pages has no contents list (a briefing of
    one or two pages needs none; templates' ``::: toc`` asks for 3).
    """

    title: str = "Contents"
    levels: int = 2
    min_pages: int = 0


@dataclass(frozen=True, slots=True)
class Div:
    """Escape hatch: blocks grouped under a style name (e.g. 'Key Point')."""

    style: str
    blocks: tuple[Block, ...]


Block = Union[
    Heading, Paragraph, BulletList, OrderedList, Table, Quote, Image, Chart, PageBreak, TableOfContents, Div
]

# --------------------------------------------------------------------------
# The document


@dataclass(frozen=True, slots=True)
class Meta:
    title: str
    subtitle: str = ""
    date: str = ""  # ISO date of the briefing, e.g. 2024-04-20
    author: str = ""  # prepared by
    prepared_for: str = ""
    marking: str = ""  # distribution marking, e.g. TLP:AMBER
    subject: str = ""
    keywords: tuple[str, ...] = ()
    lang: str = "en-GB"
    created: str = ""  # ISO 8601 UTC timestamp stamped into both files (SOURCE_DATE_EPOCH)


@dataclass(frozen=True, slots=True)
class PageMap:
    """Where the PDF's layout put the headings: ``pages[i]`` is the page (from 1) of the document's
    i-th heading in ``walk`` order (0 if it was not placed), ``total`` the number of pages.

    The PDF writer returns it; the DOCX writer takes it for its TOC field's cached page numbers,
    so both files list the same pages (their fonts are metric compatible)."""

    pages: tuple[int, ...]
    total: int
    warnings: tuple[str, ...] = ()  # one line each: what the writer could not render (no font)
    missing: str = ""  # the scripts and characters no font had, when some had none


@dataclass(frozen=True, slots=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------
# Helpers that only read the model


def plain_text(inlines: tuple[Inline, ...] | list[Inline]) -> str:
    """The text of some inlines, without formatting (for bookmarks, alt text, tests)."""
    out: list[str] = []
    for node in inlines:
        match node:
            case Text(text=t):
                out.append(t)
            case Strong(children=c) | Emph(children=c) | Link(children=c):
                out.append(plain_text(c))
            case LineBreak():
                out.append("\n")
    return "".join(out)


def map_text(inlines: tuple[Inline, ...], fn) -> tuple[Inline, ...]:
    """The inlines with ``fn`` applied to every piece of text, formatting and links kept (a
    heading's text made plain wherever a document comes from: a template, an edited DOCX)."""
    out: list[Inline] = []
    for node in inlines:
        match node:
            case Text(text=t):
                out.append(Text(fn(t)))
            case Strong(children=c):
                out.append(Strong(map_text(c, fn)))
            case Emph(children=c):
                out.append(Emph(map_text(c, fn)))
            case Link(children=c, url=url):
                out.append(Link(map_text(c, fn), url))
            case _:
                out.append(node)
    return tuple(out)


def heading_level(level: int) -> int:
    """A heading's level in the model's range 1..3. Deeper headings (a template's ``####``) show
    as level 3, so both writers, their contents lists and the DOCX reader agree on them."""
    return min(max(int(level), 1), 3)


def column_alignment(value: str | None) -> str:
    """A table column's alignment as both writers read it: 'left', 'right' or 'center' (any case,
    'centre' too: templates and saved HTML spell it several ways); anything else is 'left'."""
    value = (value or "").strip().lower()
    value = "center" if value == "centre" else value
    return value if value in ("right", "center") else "left"


def walk(blocks: tuple[Block, ...]):
    """Every block, depth first, including those nested in lists, quotes and divs."""
    for block in blocks:
        yield block
        match block:
            case BulletList(items=items) | OrderedList(items=items):
                for item in items:
                    yield from walk(item)
            case Quote(blocks=inner) | Div(blocks=inner):
                yield from walk(inner)


def has_contents(blocks: tuple[Block, ...]) -> bool:
    return any(isinstance(b, TableOfContents) for b in walk(blocks))


def without_contents(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """The blocks with every table of contents left out (for a document too short to need one)."""
    out: list[Block] = []
    for block in blocks:
        match block:
            case TableOfContents():
                continue
            case Div(style=style, blocks=inner):
                out.append(Div(style, without_contents(inner)))
            case _:
                out.append(block)
    return tuple(out)


def pickle_by_fields(cls: type) -> type:
    """Pickle ``cls`` as (class, field values).

    A document goes to another process whenever a caller passes a process pool (the CLI
    does, to write the PDF there). The default for frozen slotted dataclasses is a
    Python-level ``__getstate__`` and ``__setstate__`` per object: 176 ms to pickle and
    unpickle a 100-article document, against 103 ms this way. Returns ``cls``.
    """
    from dataclasses import fields
    from operator import attrgetter

    names = tuple(f.name for f in fields(cls))
    if len(names) > 1:
        get = attrgetter(*names)
        cls.__reduce__ = lambda self: (cls, get(self))  # type: ignore[method-assign]
    elif names:
        name = names[0]
        cls.__reduce__ = lambda self: (cls, (getattr(self, name),))  # type: ignore[method-assign]
    else:
        cls.__reduce__ = lambda self: (cls, ())  # type: ignore[method-assign]
    return cls


for _cls in (Text, Strong, Emph, Link, LineBreak, Heading, Paragraph, BulletList, OrderedList, Table, Quote,
             Image, ChartPoint, ChartSeries, ChartWindow, Chart, PageBreak, TableOfContents, Div, Meta, PageMap,
             Document):
    pickle_by_fields(_cls)
del _cls
