"""Saved HTML pages: the main text and metadata extracted offline by trafilatura, its
Markdown-like output then read as a Markdown body."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .article import Article
from .blocks import markdown_body
from .clean import clean_text, one_line
from .fields import parse_date, split_tags


# The page's date from its markup only (meta tags, <time>, the URL), not from an extensive
# search of its text: that search hands every date-like phrase to dateparser, which tries
# each of its two hundred locales on a page in another language (a 1 KB page with a Greek
# weekday line took 2.7 s to read, against 0.02 s). A date stated in the text is still
# found: the dateline and byline step reads the body (``boilerplate``), in every format.
DATE_SEARCH = {"original_date": True, "extensive_search": False}


def read(text: str, path: Path) -> list[Article]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_formatting=True, include_comments=False,
        include_tables=False, favor_precision=True, date_extraction_params=DATE_SEARCH,
    )
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise InputError("no article text found in this HTML page", path)
    title, paragraphs, subheadings = markdown_body(clean_text(doc.text))
    title = one_line(doc.title or title or "")
    if not paragraphs:
        raise InputError("no article paragraphs found in this HTML page", path)
    if not title:
        title, paragraphs = paragraphs[0], paragraphs[1:]
        subheadings = tuple((i - 1, h) for i, h in subheadings if i >= 1)
    try:
        published = parse_date(doc.date)
    except ValueError:
        published = None
    return [Article(
        title=title, paragraphs=paragraphs, subheadings=subheadings, url=doc.url or None,
        source=doc.sitename or None, published=published, author=doc.author or None,
        path=str(path), raw_text=text, tags=split_tags([*(getattr(doc, "tags", None) or ()), *(getattr(doc, "categories", None) or ())]),
    )]
