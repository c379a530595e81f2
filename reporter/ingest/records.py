"""JSON and YAML article records, one or a list (``{"articles": [...]}`` too), validated
by the schema; curated ``quotes`` and ``figures`` become ingest's own curated records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from .article import Article, CuratedFigure, CuratedQuote
from .blocks import body_from_blocks, split_blocks
from .clean import clean_text, one_line


def article_from_record(record: Any, path: Path, raw_text: str = "") -> Article:
    """A JSON/YAML/front-matter record, validated, as an Article."""
    from .schema import validate_record

    rec = validate_record(record, path)
    if isinstance(rec.body, str):
        paragraphs, subheadings = body_from_blocks(split_blocks(clean_text(rec.body)))
    else:
        paragraphs = tuple(p for p in map(one_line, rec.body) if p)
        subheadings = ()
    if not paragraphs:
        raise InputError("article has no body text", path)
    title = one_line(rec.title)
    if not title:
        raise InputError("article has no title", path)
    quotes = None
    if rec.quotes is not None:
        quotes = tuple(
            CuratedQuote(text=clean_text(q.text).strip(), speaker=q.speaker, role=q.role, paragraph=q.paragraph or 0)
            for q in rec.quotes
        )
    figures = None
    if rec.figures is not None:
        figures = tuple(
            CuratedFigure(value=f.value, number=f.number, unit=f.unit, what=f.what, paragraph=f.paragraph or 0)
            for f in rec.figures
        )
    return Article(
        title=title, paragraphs=paragraphs, subheadings=subheadings, url=rec.url, source=rec.source,
        published=rec.published, author=rec.author, path=str(path), raw_text=raw_text,
        quotes=quotes, figures=figures, tags=tuple(rec.tags),
    )


def yaml_problem(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "syntax error"
    return f"{problem} at line {mark.line + 1}" if mark else str(problem)


def read_json(text: str, path: Path) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", path) from None
    return _records(data, path, text)


def read_yaml(text: str, path: Path) -> list[Article]:
    import yaml

    try:
        docs = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as exc:
        raise InputError(f"is not valid YAML ({yaml_problem(exc)})", path) from None
    data: Any = docs[0] if len(docs) == 1 else docs
    return _records(data, path, text)


def _records(data: Any, path: Path, text: str) -> list[Article]:
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        if not data:
            raise InputError("holds an empty list: no articles", path)
        out = []
        for i, rec in enumerate(data, 1):
            try:
                out.append(article_from_record(rec, path, raw_text=text))
            except InputError as exc:
                raise InputError(f"article {i}: {exc.message}", path) from None
        return out
    return [article_from_record(data, path, raw_text=text)]
