"""What analysis pulls out of an article. Every item keeps the 1-based number of the
body paragraph it came from, so the briefing can show ``¶N`` and a reader can check it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Quotation:
    text: str  # verbatim substring of the article's cleaned paragraph
    speaker: str
    role: str | None
    paragraph: int


@dataclass(frozen=True, slots=True)
class KeyFigure:
    value: str  # as written, e.g. "more than 600", "$1.2 billion", "15%"
    number: float | None
    unit: str | None  # e.g. "officers", "USD", "%", None for plain counts
    what: str  # what it counts, e.g. "officers to be trained"
    paragraph: int


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str  # ISO-ish: 2024-04-03, 2024-04, 2024, or --04-03 when the year is unknown
    event: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    name: str
    acronym: str | None = None


@dataclass(frozen=True, slots=True)
class SourceCited:
    name: str
    paragraph: int


@dataclass(frozen=True, slots=True)
class KeyPoint:
    text: str  # a sentence of the article, verbatim
    paragraph: int


@dataclass(frozen=True, slots=True)
class Facts:
    quotes: tuple[Quotation, ...] = ()
    figures: tuple[KeyFigure, ...] = ()
    timeline: tuple[TimelineEvent, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[str, ...] = ()
    sources: tuple[SourceCited, ...] = ()
    key_points: tuple[KeyPoint, ...] = ()
    skipped: tuple[str, ...] = field(default=(), compare=False)  # reasons, for --verbose

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("skipped")
        d["key_points"] = [k.text for k in self.key_points]
        return d
