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

from ..errors import InputError
from ..limits import DEFAULT, Limits
from .article import Article, CuratedFigure, CuratedQuote
from .files import read_text_file

__all__ = ["Article", "CuratedFigure", "CuratedQuote", "Budget", "FORMATS", "detect_format", "load_articles"]


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


class Budget:
    """What is left of a briefing's paragraph and character limits as its files are read.

    Checked before the expensive steps (boilerplate, analysis), so a file of a million
    short paragraphs ends in a second with one line instead of running for minutes.
    """

    def __init__(self, limits: Limits = DEFAULT) -> None:
        self.limits = limits
        self.characters = 0
        self.paragraphs = 0

    def spend_text(self, path: Path, text: str) -> None:
        self.characters += len(text)
        if self.characters > self.limits.characters:
            raise InputError(f"makes the briefing longer than {self.limits.characters:,} characters "
                             "(raise the limit with --max-characters)", path)

    def spend_paragraphs(self, path: Path, articles: list[Article]) -> None:
        self.paragraphs += sum(len(a.paragraphs) for a in articles)
        if self.paragraphs > self.limits.paragraphs:
            raise InputError(f"makes the briefing longer than {self.limits.paragraphs:,} paragraphs "
                             "(raise the limit with --max-paragraphs)", path)


def load_articles(path: str | Path, budget: Budget | None = None) -> list[Article]:
    """Read one file into one or more articles (a JSON/YAML file may hold a list).

    ``budget`` carries the briefing's limits across files (a fresh one per call if not given).
    """
    path = Path(path)
    budget = budget or Budget()
    text = read_text_file(path, budget.limits)
    budget.spend_text(path, text)
    articles = FORMATS[detect_format(path, text)].reader()(text, path)
    budget.spend_paragraphs(path, articles)
    return [_without_boilerplate(a) for a in articles]


HEADLINE_WITHIN = 8  # the paragraphs a banner may push the headline down by
HEADLINE_WORDS = 30
HEADING_HEADLINE_WORDS = 5  # a heading this long is a headline, not a section's name


def _headline_like(text: str) -> bool:
    """A line a headline may be: short, not a sentence (no full stop, question or exclamation
    mark at its end), with two words at least (not a code and a date: "EXME 13 / 18.10")."""
    s = text.strip()
    words = sum(len(w) >= 3 and any(ch.islower() for ch in w) for w in s.split())
    return 2 <= len(s.split()) <= HEADLINE_WORDS and s[-1:] not in ".!?;:," and words >= 2


def _without_boilerplate(article: Article) -> Article:
    """The one place every reader's article passes: boilerplate marked, byline and dateline read."""
    from dataclasses import replace

    from .boilerplate import (byline, date_line, headline, is_boilerplate, kicker, organisation, same_headline,
                              stamp, strip_boilerplate)

    from .clean import plain_text
    from ..urls import site_name

    c = strip_boilerplate(article.paragraphs, article.subheadings)
    subheadings = tuple((i, plain_text(h)) for i, h in c.subheadings)
    title, boilerplate = headline(plain_text(article.title)), c.boilerplate
    dated = date_line(title)  # a page's date scraped as its first line dates it
    body = organisation(title)  # a body's name scraped as the first line says who the page is from
    if is_boilerplate(title) or dated is not None or kicker(title) or body is not None:
        # A site's banner, a date, the page's section ("News story", "Tag: ...") or its
        # publisher's name scraped as the first line: the headline is the first line of the
        # story, which stays as its paragraph, marked as boilerplate since it repeats the title.
        # A subheading above that line is the headline itself, and leaves the subheadings.
        # (A Title Case line at the top may be marked as a masthead: it is still a headline.)
        # (A menu that lists the section the title named is furniture too.)
        crumbs = _breadcrumbs(c.paragraphs, c.lists)
        first = next((n for n, p in enumerate(c.paragraphs, 1)
                      if n <= HEADLINE_WITHIN and n not in crumbs and not _furniture(p, title)), None)
        above = next((h for i, h in article.subheadings if first is not None and i < first and i < HEADLINE_WITHIN
                      and not _furniture(h, title) and _headline_like(h)), None)
        if above is None and first is not None:
            # Scraped furniture that reads like a headline ("Press Operations Bookmark and Share",
            # "Office of the Spokesperson") above the story's heading: a heading of headline
            # length, and longer than that line, before the first paragraph of prose is the
            # headline, as no section heading is that long ("Background", "Notes to editors").
            prose = next((n for n, p in enumerate(c.paragraphs, 1) if n <= HEADLINE_WITHIN and n not in crumbs
                          and not _furniture(p, title) and not _headline_like(p)), None)
            shorter = len(c.paragraphs[first - 1].split())
            above = next((h for i, h in article.subheadings if prose is not None and i < prose and i < HEADLINE_WITHIN
                          and len(h.split()) >= max(HEADING_HEADLINE_WORDS, shorter + 1)
                          and not _furniture(h, title) and _headline_like(h)), None)
        if above is not None:
            title = headline(plain_text(above))
            subheadings = tuple((i, h) for i, h in subheadings if h != plain_text(above))
        elif first is not None and _headline_like(c.paragraphs[first - 1]):
            title, boilerplate = headline(plain_text(c.paragraphs[first - 1])), tuple(sorted({*boilerplate, first}))
        else:
            body = None
    # The headline run into the top of a paragraph, a hard-wrapped block of a scraped page
    # ("G20 talks: Inside the march Our reporter travelled …"): the paragraph without it.
    paragraphs = tuple(p[len(title):].lstrip() if n <= HEADLINE_WITHIN and len(title) >= 12 and p.startswith(title + " ")
                       and p[len(title):].lstrip()[:1].isupper() and len(p[len(title):].split()) >= 5 else p
                       for n, p in enumerate(c.paragraphs, 1))
    if paragraphs != c.paragraphs:
        c = replace(c, paragraphs=paragraphs)
    # The headline again as a paragraph at the top, framed or not (a republisher's list entry
    # "• PRESS RELEASE : <headline> [April 2024]", then its page's own).
    repeats = {n for n, p in enumerate(c.paragraphs[:HEADLINE_WITHIN], 1) if same_headline(p, title)}
    if repeats - set(boilerplate) and len(repeats | set(boilerplate)) < len(c.paragraphs):
        boilerplate = tuple(sorted({*boilerplate, *repeats}))
    # A record whose source is a web address ("source": "https://agency.gov/news/…"): the address
    # is where it is from, its site the publisher a reader is shown.
    url, source = article.url, article.source
    if source and " " not in source.strip() and (site := site_name(source)) is not None:
        url, source = url or source.strip(), site
    elif source and " " in source.strip() and site_name(address := source.split()[-1]) is not None:
        # "Harbour Agency (archived copy), https://archive.example/…": the name, then where it is
        url, source = url or address, source.strip()[:-len(address)].rstrip(" ,;:–—-") or site_name(address)
    return replace(article, title=title, paragraphs=c.paragraphs, subheadings=subheadings,
                   boilerplate=boilerplate, url=url,
                   lists=c.lists, author=article.author or c.author, place=article.place or c.place,
                   source=source or c.source or body, published=article.published or c.published or dated)


def _breadcrumbs(paragraphs, lists) -> set[int]:
    """The paragraphs of a breadcrumb trail at the top of a page ("1. Home 2. About Us 3. News
    Archive 4. <this page>"): a list whose first item is "Home", all but its last item, which
    is the page's own headline."""
    listed = dict(lists)
    start = next((n for n in range(1, min(len(paragraphs), HEADLINE_WITHIN) + 1)
                  if n in listed and paragraphs[n - 1].strip().casefold() == "home"), None)
    if start is None:
        return set()
    end = start
    while end + 1 in listed and end < len(paragraphs):
        end += 1  # the trail's items, as the list runs on
    return set(range(start, end))


def _furniture(text: str, section: str = "") -> bool:
    """A line at the top of a page that cannot be its headline: boilerplate, the page's
    section, a menu that lists it, a byline, a date, a publisher's name or scraped markup."""
    from .boilerplate import byline, date_line, is_boilerplate, kicker, organisation, stamp

    return (is_boilerplate(text) or kicker(text) or byline(text) is not None or date_line(text) is not None
            or stamp(text) is not None or organisation(text) is not None or '="' in text or '">' in text
            or (len(section.split()) <= 5 and kicker(section) and section.casefold() in text.casefold()))
