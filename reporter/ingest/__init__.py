"""Ingest: article files of every kind become one typed ``Article``.

One module per input format (``text``, ``markdown``, ``records`` for JSON and YAML,
``html``), listed in one table below; each reads the file's text into articles through
the same cleaning step (``clean``) and the same paragraph structure (``blocks``).
Anything that cannot be an article stops with an ``InputError`` naming the file.
Ingest knows nothing of analysis, composing or writing.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable

from .article import Article, CuratedFigure, CuratedQuote
from .files import read_text_file

__all__ = ["Article", "CuratedFigure", "CuratedQuote", "FORMATS", "detect_format", "load_articles"]


@dataclass(frozen=True)
class Format:
    """An input format: the file name endings it is known by and the function that reads it."""

    suffixes: tuple[str, ...]
    module: str  # relative to this package; imported on first use (yaml, pydantic, trafilatura are slow)
    function: str = "read"

    def reader(self) -> Callable[[str, Path], list[Article]]:
        return getattr(import_module(self.module, __name__), self.function)


FORMATS: dict[str, Format] = {
    "text": Format((".txt", ".text", ""), ".text"),
    "markdown": Format((".md", ".markdown"), ".markdown"),
    "json": Format((".json",), ".records", "read_json"),
    "yaml": Format((".yaml", ".yml"), ".records", "read_yaml"),
    "html": Format((".html", ".htm"), ".html"),
}

_BY_SUFFIX = {suffix: name for name, fmt in FORMATS.items() for suffix in fmt.suffixes}


def detect_format(path: Path, text: str) -> str:
    """The format by the file's ending, else by how its text begins."""
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt:
        return fmt
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("---"):
        return "markdown"
    return "text"


def load_articles(path: str | Path) -> list[Article]:
    """Read one file into one or more articles (a JSON/YAML file may hold a list)."""
    path = Path(path)
    text = read_text_file(path)
    return [_without_boilerplate(a) for a in FORMATS[detect_format(path, text)].reader()(text, path)]


def _without_boilerplate(article: Article) -> Article:
    """The one place every reader's article passes: boilerplate marked, byline and dateline read."""
    from dataclasses import replace

    from .boilerplate import strip_boilerplate

    c = strip_boilerplate(article.paragraphs, article.subheadings)
    return replace(article, paragraphs=c.paragraphs, subheadings=c.subheadings, boilerplate=c.boilerplate,
                   lists=c.lists, author=article.author or c.author, place=article.place or c.place,
                   source=article.source or c.source, published=article.published or c.published)
