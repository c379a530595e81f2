"""The build: articles -> facts -> template context -> document model -> files.

Pure steps (``make_briefing``) are kept apart from the one step that writes
(``write_briefing``), so email delivery and tests can reuse the briefing without files.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Iterable, Sequence

from .analysis.facts import Facts
from .articles import Article
from .errors import InputError
from .model import Document, Meta

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class Briefing:
    title: str
    date: date
    marking: str | None
    prepared_for: str | None
    prepared_by: str | None
    articles: tuple[Article, ...]
    facts: tuple[Facts, ...]
    document: Document

    @property
    def slug(self) -> str:
        """An ASCII file stem: the briefing date and the first words of its title."""
        return f"briefing-{self.date.isoformat()}-{slugify(self.title)}"


def slugify(text: str, max_len: int = 48) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for w in words:
        if len(slug) + len(w) + 1 > max_len:
            break
        slug = f"{slug}-{w}" if slug else w
    return slug or (words[0][:max_len] if words else "briefing")


def _one_line(value: str | None, what: str) -> str | None:
    if value is None:
        return None
    if any(c in value for c in "\r\n\x00"):
        raise InputError(f"{what} must be one line of text")
    value = " ".join(value.split())
    return value or None


def load_inputs(inputs: Iterable[str | Path]) -> list[Article]:
    from .articles import load_articles

    articles: list[Article] = []
    for path in inputs:
        articles.extend(load_articles(path))
    if not articles:
        raise InputError("no input files given")
    return articles


def analyse_all(articles: Sequence[Article]) -> list[Facts]:
    from .analysis import analyze

    return [analyze(a) for a in articles]


def make_briefing(
    inputs: Iterable[str | Path],
    *,
    title: str | None = None,
    marking: str | None = None,
    prepared_for: str | None = None,
    prepared_by: str | None = None,
    template: str | Path | None = None,
    briefing_date: date | None = None,
) -> Briefing:
    """Read, analyse and compose: everything but writing files."""
    from .compose import compose
    from .fileio import build_time
    from .style import templates_dir

    title = _one_line(title, "--title")
    marking = _one_line(marking, "--marking")
    prepared_for = _one_line(prepared_for, "--prepared-for")
    prepared_by = _one_line(prepared_by, "--prepared-by")
    articles = load_inputs(inputs)
    facts = analyse_all(articles)
    published = [a.published for a in articles if a.published]
    when = briefing_date or (max(published) if published else None) or _default_date()
    if not title:
        title = articles[0].title if len(articles) == 1 else f"Executive briefing: {len(articles)} articles"
    subtitle = (
        f"Executive briefing · {when.strftime('%d %B %Y').lstrip('0')}"
        if len(articles) == 1 and not title.startswith("Executive")
        else f"{when.strftime('%d %B %Y').lstrip('0')}"
    )
    meta = Meta(
        title=title,
        subtitle=subtitle,
        date=when.isoformat(),
        author=prepared_by or "",
        prepared_for=prepared_for or "",
        marking=marking or "",
        subject="Executive briefing: " + "; ".join(a.title for a in articles[:5])[:300],
        keywords=_keywords(facts),
        created=build_time(when).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    if template is not None:
        tpl, sandboxed = Path(template), True
        if not tpl.is_file():
            raise InputError("template not found", tpl)
    else:
        tpl, sandboxed = templates_dir() / "briefing.md.j2", False
    document = compose(tpl, briefing_context(articles, facts, meta), meta, sandboxed=sandboxed)
    return Briefing(
        title=title, date=when, marking=marking, prepared_for=prepared_for, prepared_by=prepared_by,
        articles=tuple(articles), facts=tuple(facts), document=document,
    )


def _default_date() -> date:
    """SOURCE_DATE_EPOCH's date when set (reproducible builds), else today."""
    import os

    from .fileio import build_time

    return build_time().date() if os.environ.get("SOURCE_DATE_EPOCH") else date.today()


def _keywords(facts: Sequence[Facts]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for f in facts:
        for org in f.organizations:
            seen.setdefault(org.acronym or org.name, None)
        for place in f.places:
            seen.setdefault(place, None)
    return tuple(list(seen)[:12])


def _short(title: str, n: int = 6) -> str:
    words = title.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def briefing_context(articles: Sequence[Article], facts: Sequence[Facts], meta: Meta) -> dict[str, Any]:
    """What the template sees: plain dicts and strings, each item with its ¶ anchor."""
    multiple = len(articles) > 1
    summary, figures, quotes, timeline, sources, actors, places = [], [], [], [], [], [], []
    seen_actor: set[tuple[str, str]] = set()
    seen_place: set[str] = set()
    ctx_articles = []
    for i, (art, fx) in enumerate(zip(articles, facts), 1):
        short = _short(art.title)

        def ref(n: int, i: int = i) -> str:
            return f"a{i}-p{n}" if 1 <= n <= len(art.paragraphs) else f"a{i}"

        for kp in fx.key_points:
            summary.append({"text": kp.text, "paragraph": kp.paragraph, "anchor": ref(kp.paragraph),
                            "article_short": short})
        for f in fx.figures:
            figures.append({"value": f.value, "what": f.what, "unit": f.unit, "number": f.number,
                            "paragraph": f.paragraph, "anchor": ref(f.paragraph), "article_short": short})
        for q in notable_quotes(fx.quotes):
            quotes.append({"text": q.text, "speaker": q.speaker, "role": q.role, "paragraph": q.paragraph,
                           "anchor": ref(q.paragraph), "article_short": short})
        for e in fx.timeline:
            timeline.append({"date": e.date, "event": e.event, "paragraph": e.paragraph,
                             "anchor": ref(e.paragraph), "article_short": short})
        for p in fx.people:
            if ("person", p.name) not in seen_actor:
                seen_actor.add(("person", p.name))
                actors.append({"name": p.name, "kind": "Person", "detail": p.role or ""})
        for o in fx.organizations:
            if ("org", o.name) not in seen_actor:
                seen_actor.add(("org", o.name))
                name = f"{o.name} ({o.acronym})" if o.acronym and o.acronym != o.name else o.name
                actors.append({"name": name, "kind": "Organisation", "detail": ""})
        for pl in fx.places:
            if pl not in seen_place:
                seen_place.add(pl)
                places.append(pl)
        if art.source or art.url:
            sources.append({"name": art.source or _host(art.url) or art.title, "kind": "Published the article",
                            "url": art.url, "url_label": _host(art.url) or art.url, "paragraph": 0,
                            "anchor": f"a{i}"})
        for s in fx.sources:
            sources.append({"name": s.name, "kind": f"Cited in “{short}”" if multiple else "Cited by the article",
                            "url": None, "paragraph": s.paragraph, "anchor": ref(s.paragraph)})
        body: list[dict[str, Any]] = []
        heads = dict()
        for idx, text in art.subheadings:
            heads.setdefault(idx, []).append(text)
        for n, text in enumerate(art.paragraphs, 1):
            for h in heads.get(n - 1, []):
                body.append({"heading": h})
            body.append({"heading": None, "n": n, "text": text, "anchor": ref(n)})
        byline = " · ".join(x for x in (
            art.source, art.author and f"by {art.author}",
            art.published and art.published.strftime("%d %B %Y").lstrip("0"),
        ) if x)
        ctx_articles.append({"n": i, "title": art.title, "anchor": f"a{i}", "source": art.source,
                             "url": art.url, "url_label": _host(art.url) or art.url, "author": art.author,
                             "published": art.published.isoformat() if art.published else None,
                             "byline": byline, "body": body, "short": short})
    timeline.sort(key=lambda e: e["date"])
    return {
        "briefing": {"title": meta.title, "subtitle": meta.subtitle, "date": meta.date, "marking": meta.marking,
                     "prepared_for": meta.prepared_for, "prepared_by": meta.author},
        "multiple": multiple, "summary": summary, "figures": figures, "quotes": quotes,
        "timeline": timeline, "actors": actors, "places": places, "sources": sources,
        "articles": ctx_articles,
    }


NOTABLE_QUOTES = 6


def notable_quotes(quotes: Sequence, limit: int = NOTABLE_QUOTES) -> list:
    """The quotations a busy reader should see: every speaker's fullest quote first, then others,
    up to ``limit`` per article, shown in the article's order."""
    chosen: list[int] = []
    seen: set[str] = set()
    by_length = sorted(range(len(quotes)), key=lambda i: (-len(quotes[i].text), i))
    for i in by_length:
        if quotes[i].speaker not in seen:
            seen.add(quotes[i].speaker)
            chosen.append(i)
    chosen = chosen[:limit]
    for i in range(len(quotes)):
        if len(chosen) >= limit:
            break
        if i not in chosen:
            chosen.append(i)
    return [quotes[i] for i in sorted(chosen)]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"^[a-z]+://([^/?#]+)", url.strip(), re.I)
    return m.group(1) if m else None


def write_briefing(
    briefing: Briefing,
    *,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path = "out",
    reference_doc: str | Path | None = None,
) -> dict[str, Path]:
    """Write each format to a temp file, then rename them all: a failure leaves nothing new."""
    import os
    import tempfile

    from .style import load_house_style
    from .writers import WRITERS

    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise InputError(f"unknown format {unknown[0]!r} (choose from {', '.join(WRITERS)})")
    if reference_doc is not None and not Path(reference_doc).is_file():
        raise InputError("reference document not found", reference_doc)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    style = load_house_style()
    temps: dict[str, Path] = {}
    try:
        for fmt in dict.fromkeys(formats):
            fd, tmp = tempfile.mkstemp(prefix=f".{briefing.slug}.", suffix=f".{fmt}.part", dir=out)
            os.close(fd)
            temps[fmt] = Path(tmp)
            WRITERS[fmt](briefing.document, temps[fmt], style=style,
                         reference_doc=Path(reference_doc) if reference_doc else None)
        written = {}
        for fmt, tmp in temps.items():
            target = out / f"{briefing.slug}.{fmt}"
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
            written[fmt] = target
        return written
    finally:
        for tmp in temps.values():
            if tmp.exists():
                tmp.unlink()


def build_briefing(
    inputs: Iterable[str | Path],
    *,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path = "out",
    reference_doc: str | Path | None = None,
    **options: Any,
) -> list[Path]:
    """Build the briefing from article files and return the paths written."""
    briefing = make_briefing(inputs, **options)
    return list(write_briefing(briefing, formats=formats, out_dir=out_dir, reference_doc=reference_doc).values())
