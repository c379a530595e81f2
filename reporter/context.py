"""What a briefing template sees: plain dicts and strings built from articles and facts.

Every item carries the ``¶`` number of the paragraph it came from and the bookmark
(``a<article>-p<paragraph>``) that the article section places on that paragraph, so the
template can link each fact to its evidence. Nothing here formats for a writer.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Sequence

from .analysis.facts import Facts, Quotation
from .ingest import Article
from .model import Meta

NOTABLE_QUOTES = 6
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


def long_date(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


_ISO_DATE = re.compile(r"(\d{4}|-)(?:-(\d{2}))?(?:-(\d{2}))?")
_URL_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#]+)", re.I)


def date_label(iso: str) -> str:
    """'2024-03-22' -> '22 March 2024'; '2024-09' -> 'September 2024'; '--03-22' -> '22 March (year not stated)'."""
    m = _ISO_DATE.fullmatch(iso or "")
    if not m:
        return iso
    year, month, day = m.groups()
    if month is None or not 1 <= int(month) <= 12:
        return iso.strip("-")
    parts = ([str(int(day))] if day else []) + [MONTHS[int(month) - 1]]
    parts.append(year if year != "-" else "(year not stated)")
    return " ".join(parts)


def _date_key(iso: str) -> tuple:
    # Dates whose year is unknown cannot be placed among the others: they go last, by month and day.
    return (1, iso) if iso.startswith("--") else (0, iso)


def notable_quotes(quotes: Sequence[Quotation], limit: int = NOTABLE_QUOTES) -> list[Quotation]:
    """The quotations a busy reader should see: each speaker's fullest quote first, then the
    others, up to ``limit`` per article, shown in the article's order."""
    chosen: list[int] = []
    seen: set[str] = set()
    for i in sorted(range(len(quotes)), key=lambda i: (-len(quotes[i].text), i)):
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


def host(url: str | None) -> str | None:
    m = _URL_HOST.match((url or "").strip())
    return m.group(1) if m else None


def short_title(title: str, n: int = 6) -> str:
    words = title.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


class _Builder:
    def __init__(self, multiple: bool):
        self.multiple = multiple
        self.summary: list[dict] = []
        self.figures: list[dict] = []
        self.quotes: list[dict] = []
        self.timeline: list[dict] = []
        self.people: dict[str, dict] = {}
        self.organizations: dict[str, dict] = {}
        self.places: dict[str, None] = {}
        self.sources: dict[str, dict] = {}
        self.cited: dict[str, set[str]] = {}  # the anchors each source's refs point at
        self.articles: list[dict] = []

    def add(self, i: int, art: Article, fx: Facts) -> None:
        short = short_title(art.title)

        def ref(n: int) -> dict[str, Any]:
            anchor = f"a{i}-p{n}" if 1 <= n <= len(art.paragraphs) else f"a{i}"
            label = f"¶{n}" if n >= 1 else "article"
            return {"paragraph": n, "anchor": anchor, "article_short": short, "article": i,
                    "ref": f"{i} {label}" if self.multiple else label}

        self.summary += [{"text": k.text, **ref(k.paragraph)} for k in fx.key_points]
        self.figures += [{"value": f.value, "what": f.what, "unit": f.unit, "number": f.number, **ref(f.paragraph)}
                         for f in fx.figures]
        self.quotes += [{"text": q.text, "speaker": q.speaker, "role": q.role, **ref(q.paragraph)}
                        for q in notable_quotes(fx.quotes)]
        self.timeline += [{"date": e.date, "date_label": date_label(e.date), "event": e.event, **ref(e.paragraph)}
                          for e in fx.timeline]
        for p in fx.people:
            known = self.people.setdefault(p.name, {"name": p.name, "role": p.role})
            known["role"] = known["role"] or p.role
        for o in fx.organizations:
            label = f"{o.name} ({o.acronym})" if o.acronym and o.acronym != o.name else o.name
            self.organizations.setdefault(o.name, {"name": o.name, "acronym": o.acronym, "label": label})
        self.places.update(dict.fromkeys(fx.places))
        if art.source or art.url:
            name = art.source or host(art.url) or short
            entry = self.sources.setdefault(name, {"name": name, "refs": [], "url": None, "url_label": None})
            entry["url"], entry["url_label"] = art.url, host(art.url) or art.url
        for s in fx.sources:
            entry = self.sources.setdefault(s.name, {"name": s.name, "refs": [], "url": None, "url_label": None})
            r = ref(s.paragraph)
            cited = self.cited.setdefault(s.name, set())
            if r["anchor"] not in cited:
                cited.add(r["anchor"])
                entry["refs"].append(r)
        self.articles.append(self._article(i, art, short))

    @staticmethod
    def _article(i: int, art: Article, short: str) -> dict[str, Any]:
        heads: dict[int, list[str]] = {}
        for idx, text in art.subheadings:
            heads.setdefault(idx, []).append(text)
        body: list[dict[str, Any]] = []
        for n, text in enumerate(art.paragraphs, 1):
            body += [{"heading": h} for h in heads.get(n - 1, [])]
            body.append({"heading": None, "n": n, "text": text, "anchor": f"a{i}-p{n}"})
        published = long_date(art.published) if art.published else None
        byline = " · ".join(x for x in (art.source, art.author and f"by {art.author}", published) if x)
        return {"n": i, "title": art.title, "anchor": f"a{i}", "short": short, "source": art.source,
                "url": art.url, "url_label": host(art.url) or art.url, "author": art.author,
                "published": art.published.isoformat() if art.published else None, "byline": byline, "body": body}


def briefing_context(articles: Sequence[Article], facts: Sequence[Facts], meta: Meta) -> dict[str, Any]:
    b = _Builder(multiple=len(articles) > 1)
    for i, (art, fx) in enumerate(zip(articles, facts), 1):
        b.add(i, art, fx)
    b.timeline.sort(key=lambda e: _date_key(e["date"]))
    return {
        "briefing": {"title": meta.title, "subtitle": meta.subtitle, "date": meta.date, "marking": meta.marking,
                     "prepared_for": meta.prepared_for, "prepared_by": meta.author},
        "multiple": b.multiple, "summary": b.summary, "figures": b.figures, "quotes": b.quotes,
        "timeline": b.timeline, "people": list(b.people.values()), "organizations": list(b.organizations.values()),
        "places": list(b.places), "sources": list(b.sources.values()), "articles": b.articles,
    }
