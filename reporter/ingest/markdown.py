"""Markdown with optional YAML front matter: the front matter is a record (see ``records``),
the body's paragraphs and headings its text; the first level-1 heading is the title."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from .article import Article
from .blocks import markdown_body
from .clean import clean_text
from .records import article_from_record, yaml_problem

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def read(text: str, path: Path) -> list[Article]:
    import yaml

    text = clean_text(text)
    meta: dict[str, Any] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            raise InputError(f"front matter is not valid YAML ({yaml_problem(exc)})", path) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError("front matter must be a mapping of fields (title: ..., url: ...)", path)
        meta = loaded or {}
        text = text[m.end():]
    body = markdown_body(text)
    record = {**meta, "body": list(body.paragraphs)}
    if not record.get("title"):
        # no front-matter title and no level-1 heading: the file's name stands for it, rather
        # than refusing an article that is all table or list
        record["title"] = body.title or " ".join(path.stem.replace("_", " ").replace("-", " ").split()) or path.name
    article = article_from_record(record, path, raw_text=text)
    return [replace(article, subheadings=body.subheadings, blockquotes=body.blockquotes)]
