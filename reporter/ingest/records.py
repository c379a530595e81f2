"""JSON and YAML article records, one or a list (``{"articles": [...]}`` too), validated
by the schema; curated ``quotes`` and ``figures`` become ingest's own curated records."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from .article import Article, CuratedFigure, CuratedQuote
from .blocks import body_from_blocks, split_blocks
from .clean import clean_text, one_line


def article_from_record(record: Any, path: Path, raw_text: str = "") -> Article:
    """A JSON/YAML/front-matter record, validated, as an Article."""
    from .schema import validate_record

    rec = validate_record(exported(record), path)
    if isinstance(rec.body, str) and _HTML_BODY.search(rec.body):
        from .html import fragment_body

        body = fragment_body(rec.body)
        paragraphs, subheadings, blockquotes = body.paragraphs, body.subheadings, body.blockquotes
    elif isinstance(rec.body, str):
        (paragraphs, subheadings), blockquotes = body_from_blocks(split_blocks(clean_text(rec.body))), ()
    else:
        paragraphs, subheadings, blockquotes = tuple(p for p in map(one_line, rec.body) if p), (), ()
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
        published=rec.published, author=rec.author, path=str(path),
        raw_text=rec.body if isinstance(rec.body, str) else raw_text,  # the article's own text, its header at the top
        quotes=quotes, figures=figures, tags=tuple(rec.tags), blockquotes=blockquotes,
    )


# A body written in HTML, as a CMS exports it: closed block markup, not "a < b" or "<p>" in plain text.
_HTML_BODY = re.compile(r"</(?:p|div|h[1-6]|blockquote|ul|ol|li|section|article|table)>|<br\s*/?>", re.I)

# Where the common exports keep what a record's fields hold: a content API's nested body
# ("details": {"body": ...}), a blog API's rendered fields ("content": {"rendered": ...}),
# schema.org's NewsArticle names. Each field takes the first that is present; a record's own
# field always wins.
_EXPORT_FIELDS = {
    "title": (("headline",), ("title", "rendered"), ("name",)),
    "body": (("content",), ("content", "rendered"), ("details", "body"), ("articleBody",), ("article_body",),
             ("text",), ("body_html",)),
    "published": (("datePublished",), ("first_published_at",), ("public_updated_at",), ("published_at",),
                  ("date",), ("pubDate",), ("details", "delivered_on")),
    "url": (("link",), ("canonical_url",), ("web_url",)),
    "source": (("publisher", "name"), ("publisher",), ("site_name",), ("links", "organisations", 0, "title")),
    "author": (("author", "name"), ("byline",), ("links", "speaker", 0, "title"), ("details", "speaker_without_profile")),
}


def _at(record: Any, keys: tuple) -> Any:
    for key in keys:
        if isinstance(key, int):
            record = record[key] if isinstance(record, list) and len(record) > key else None
        else:
            record = record.get(key) if isinstance(record, dict) else None
    return record


def _as_body(value: Any) -> Any:
    """A body as the record's reader takes it: a content API's list of renderings gives its
    HTML one (or its Markdown-like one), a rendered field its text."""
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        by_type = {str(v.get("content_type", "")): v.get("content") for v in value}
        return by_type.get("text/html") or next((c for c in by_type.values() if isinstance(c, str)), None)
    if isinstance(value, dict):
        return value.get("rendered") if isinstance(value.get("rendered"), str) else None
    return value


def exported(record: Any) -> Any:
    """A record with its fields found where common exports keep them (``_EXPORT_FIELDS``), so a
    content API's or a blog's JSON reads as it is, without a script to reshape it first."""
    if not isinstance(record, dict):
        return record
    out = dict(record)
    for field, places in _EXPORT_FIELDS.items():
        if _given(out.get(field), field):
            continue
        for keys in places:
            value = _at(record, keys)
            if field == "body":
                value = _as_body(value)
            elif field == "title":
                value = _plain_title(value.get("rendered") if isinstance(value, dict) else value)
            if _given(value, field):
                out[field] = value
                break
    return out


def _given(value: Any, field: str) -> bool:
    if field == "published":
        return value is not None and value != ""
    return bool(value) and isinstance(value, str if field in ("title", "url", "source", "author") else (str, list))


def _plain_title(value: Any) -> Any:
    """A rendered title's text ("Harbour &amp; Port" -> "Harbour & Port")."""
    if isinstance(value, str) and ("&" in value or "<" in value):
        import html

        return html.unescape(re.sub(r"<[^<>]{0,300}>", "", value))
    return value


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
