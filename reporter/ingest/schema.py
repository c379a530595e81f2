"""The schema of a structured article record (JSON, YAML, Markdown front matter).

pydantic gives one clear message per bad field; ``validate_record`` turns the first
into a one-line ``InputError`` naming the file and the field.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..errors import InputError
from .fields import parse_date, split_tags


_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-\d{2})?")


class QuoteRecord(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=False)
    text: str = Field(min_length=1)
    speaker: str = Field(min_length=1)
    role: str | None = None
    paragraph: int | None = Field(default=None, ge=1)


class FigureRecord(BaseModel):
    model_config = ConfigDict(extra="ignore")
    value: str = Field(min_length=1)
    what: str = Field(min_length=1)
    number: float | None = None
    unit: str | None = None
    paragraph: int | None = Field(default=None, ge=1)

    @field_validator("value", mode="before")
    @classmethod
    def _value_as_text(cls, v: Any) -> Any:
        return str(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v


class ArticleRecord(BaseModel):
    model_config = ConfigDict(extra="ignore")
    title: str = Field(min_length=1)
    body: str | list[str]
    url: str | None = None
    source: str | None = None
    published: date | None = None
    author: str | None = None
    quotes: list[QuoteRecord] | None = None
    figures: list[FigureRecord] | None = None
    tags: list[str] = Field(default=[], validation_alias=AliasChoices("tags", "keywords", "categories"))

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, v: Any) -> Any:
        """``tags: economy, Europe`` or a list; a list of numbers or dates is read as their text."""
        if v is None:
            return []
        if isinstance(v, str):
            return split_tags([v])
        if isinstance(v, list) and all(isinstance(x, (str, int, float, date)) and not isinstance(x, bool) for x in v):
            return split_tags([str(x) for x in v])
        return v

    @field_validator("published", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        """A day; a year or a month alone ("2008-05", as some exports give it) says no day of
        publication, and the article is read without one rather than refused."""
        if isinstance(v, (str, int)) and _YEAR_OR_MONTH.fullmatch(str(v).strip()):
            return None
        return parse_date(v)

    @field_validator("author", mode="before")
    @classmethod
    def _authors(cls, v: Any) -> Any:
        if isinstance(v, list) and all(isinstance(x, str) for x in v):
            return ", ".join(v)
        return v


def validate_record(record: Any, path: Path) -> ArticleRecord:
    if not isinstance(record, dict):
        raise InputError(f"an article record must be a mapping of fields, not {type(record).__name__}", path)
    try:
        return ArticleRecord.model_validate(record)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"]) or "record"
        msg = err["msg"]
        if err["type"] == "missing":
            msg = "is missing"
        elif "ctx" in err and "error" in err["ctx"]:
            msg = str(err["ctx"]["error"])
        more = f" (and {len(exc.errors()) - 1} more problem(s))" if len(exc.errors()) > 1 else ""
        raise InputError(f"field '{where}' {msg}{more}", path) from None
