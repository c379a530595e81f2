"""What a briefing template sees: plain dicts and strings built from stories and facts.

The front matter is edited, not dumped: an executive summary of at most ``summary_items``
items across all stories (see ``compose.select``), a digest per story, the ten figures
that matter most, and an appendix whose long lists end in "and N more". The full article
texts follow as an annex (unless ``annex`` is off).

Every reference carries the ``¶`` number of the paragraph it came from, the bookmark
(``a<article>-p<paragraph>``) the annex places on that paragraph and ``target``, where its
link goes: the bookmark, or without an annex the article's URL (or nothing, so the
reference is plain text). Articles are numbered in the annex's order: story by story.
Nothing here formats for a writer.
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple, Sequence

from ..analysis.cues import REPORTER
from ..analysis.facts import Facts, Quotation
from ..dates import date_label, long_date
from ..ingest import Article
from ..model import Meta
from ..stories import Stories, group_stories, host, label, outlet

__all__ = ["briefing_context", "long_date", "date_label", "host", "notable_quotes", "short_title"]

SUMMARY_ITEMS = 8
KEY_FIGURES = 10
DIGEST_POINTS = 3
DIGEST_FIGURES = 3
TIMELINE_ROWS = 15
ACTOR_ROWS = 15
LIST_ITEMS = 20
SOURCE_ROWS = 15
NOTABLE_QUOTES = 6
BAR_CHARTS = 3  # stories with a bar chart of their figures: the first that have one


class Part(NamedTuple):
    """A part of the briefing under its own heading: the next ``articles`` of the inputs, in order."""

    heading: str
    articles: int


def _in_sections(stories: Stories, sections: Sequence[Part], n_articles: int) -> tuple[Stories, list[int]]:
    """The stories regrouped section by section (by the section of their earliest input; by
    importance within one), and the section of each story."""
    section_of: list[int] = []
    for i, section in enumerate(sections):
        section_of += [i] * section.articles
    if len(section_of) != n_articles:
        raise ValueError(f"the sections hold {len(section_of)} articles, the briefing {n_articles}")
    ordered = sorted(stories.stories, key=lambda s: section_of[min(s.inputs)])
    return replace(stories, stories=tuple(ordered)), [section_of[min(s.inputs)] for s in ordered]


def _date_key(iso: str) -> tuple:
    # Dates whose year is unknown cannot be placed among the others: they go last, by month and day.
    return (1, iso) if iso.startswith("--") else (0, iso)


def notable_quotes(quotes: Sequence[Quotation], limit: int = NOTABLE_QUOTES) -> list[Quotation]:
    """The quotations a busy reader should see: each speaker's fullest quote first, then the
    others, up to ``limit`` per article, shown in the article's order."""
    quotes = [q for q in quotes if q.speaker != REPORTER]  # a transcript's questions are no one's statement
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


def short_title(title: str, n: int = 6) -> str:
    words = title.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def capped(items: list, limit: int) -> tuple[list, int]:
    """The first ``limit`` items and how many more there were."""
    return items[:limit], max(0, len(items) - limit)


class _Refs:
    """Where each input sits in the annex, and how a reference to its paragraphs reads."""

    def __init__(self, articles: Sequence[Article], order: list[int], annex: bool):
        self.articles = articles
        self.number = {k: n for n, k in enumerate(order, 1)}
        self.annex = annex
        self.multiple = len(order) > 1

    def ref(self, k: int, n: int) -> dict[str, Any]:
        art = self.articles[k]
        i = self.number[k]
        anchor = f"a{i}-p{n}" if 1 <= n <= len(art.paragraphs) else f"a{i}"
        mark = f"¶{n}" if n >= 1 else "article"
        target = "#" + anchor if self.annex else (art.url or "")
        return {"paragraph": n, "anchor": anchor, "target": target, "article": i,
                "article_short": short_title(art.title), "mark": mark,
                "ref": f"{i} {mark}" if self.multiple else mark,
                "outlet": label(art), "named": bool(outlet(art)),
                "when": long_date(art.published) if art.published else None}


def _once(figs: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    """The figures with each amount once: a figure two of the story's sources state is shown once."""
    seen: set[tuple] = set()
    out = []
    for x in figs:
        f = x[2]
        key = (f["number"], f["unit"]) if f["number"] is not None else (f["value"],)
        if key not in seen:
            seen.add(key)
            out.append(x)
    return out


def _outlets(story, articles: Sequence[Article], refs: _Refs) -> list[dict[str, Any]]:
    """Each outlet that carried the story once; a copy that names no outlet counts only when
    its whole group of copies names none (then it is one unnamed source of its own)."""
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, group in enumerate(story.copies):
        named = [k for k in group if outlet(articles[k])] or group[:1]
        for k in named:
            a = articles[k]
            name = label(a)
            key = name if outlet(a) else f"\0{n}"  # two unnamed sources are two sources
            if key in seen:
                continue
            seen.add(key)
            lead = group[0]
            out.append({"name": name, "named": bool(outlet(a)), "date": long_date(a.published) if a.published else None,
                        "url": a.url, "url_label": host(a.url) or a.url, "article": refs.number.get(lead),
                        "target": "#" + f"a{refs.number[lead]}" if refs.annex else (a.url or "")})
    return out


def briefing_context(articles: Sequence[Article], facts: Sequence[Facts], meta: Meta, *,
                     stories: Stories | None = None, summary_items: int = SUMMARY_ITEMS,
                     annex: bool = True, charts: bool = True, sections: Sequence[Part] = ()) -> dict[str, Any]:
    """The template's values (documented in the README under "Template variables").

    ``charts``: whether to describe charts (``compose.charts``) for the template to place.
    ``sections``: the briefing's parts under their own headings (a spec's ``sections:``),
    which take the articles in order; each story goes into the section of its earliest input.
    """
    from . import select
    from .charts import figures_chart, timeline_chart

    stories = stories or group_stories(articles)
    story_section: list[int] = []
    if sections:
        stories, story_section = _in_sections(stories, sections, len(articles))
    order = [m for s in stories.stories for m in s.members]
    refs = _Refs(articles, order, annex)
    picks = select.candidates(stories, articles, facts)
    chosen = select.choose(picks, summary_items, len(stories.stories))
    in_summary = set(chosen)
    summary = [{"text": p.text, "story": p.story + 1, **refs.ref(p.article, p.paragraph)} for p in chosen]
    by_story: dict[int, list] = {}
    for p in picks:
        by_story.setdefault(p.story, []).append(p)

    story_items = []
    bar_charts = 0
    all_figures: list[tuple[int, int, dict]] = []
    for si, story in enumerate(stories.stories):
        lead = story.members[0]
        # The digest adds to the summary: the story's best sentences the summary did not take.
        points = select.choose([p for p in by_story.get(si, []) if p not in in_summary], DIGEST_POINTS, 1)
        figs = []
        for m in story.members:
            questions = select.asked(facts[m].quotes)
            shown = [f for f in facts[m].figures if f.paragraph not in articles[m].boilerplate
                     and f.paragraph not in questions]
            for rank, f in enumerate(select.rank_figures(shown)):
                figs.append((rank, m, {"value": f.value, "what": f.what, "unit": f.unit, "number": f.number,
                                       **refs.ref(m, f.paragraph)}))
        figs.sort(key=lambda x: (x[0], story.members.index(x[1])))
        figs = _once(figs)
        all_figures += [(si, r, f) for r, _, f in figs]
        q = select.best_quote([q for m in story.members for q in facts[m].quotes
                               if q.paragraph not in articles[m].boilerplate])
        quote_owner = next((m for m in story.members if q is not None and q in facts[m].quotes), lead)
        outlets = _outlets(story, articles, refs)
        bars = (figures_chart([f for _, _, f in figs], articles[lead].title) if charts and bar_charts < BAR_CHARTS
                else None)
        bar_charts += bars is not None
        story_items.append({
            "n": si + 1, "anchor": f"s{si + 1}", "title": articles[lead].title,
            "outlets": outlets, "n_sources": len(outlets), "n_articles": len(story.members),
            "date": long_date(story.published) if story.published else None,
            "points": [{"text": p.text, **refs.ref(p.article, p.paragraph)} for p in points],
            "figures": [f for _, _, f in figs[:DIGEST_FIGURES]],
            "quote": ({"text": select.shown_quote(q.text), "speaker": q.speaker, "role": select.shown_role(q.speaker, q.role),
                       **refs.ref(quote_owner, q.paragraph)}
                      if q else None),
            "disagreements": [{"what": d.what, "claims": [{"value": c.value, **refs.ref(c.article, c.paragraph)}
                                                          for c in d.claims]}
                              for d in (select.disagreements(story.members, facts, articles)
                                        + select.date_disagreements(story.members, facts, articles))],
            "articles": [refs.number[m] for m in story.members],
            "chart": bars,
        })

    # The key figures table: each story's leading figures, the first stories first, ten at most.
    n_stories = max(1, len(stories.stories))
    per_story = max(2, math.ceil(KEY_FIGURES / n_stories))
    ranked = sorted((x for x in all_figures if x[1] < per_story), key=lambda x: (x[1] >= 1, x[0], x[1]))
    key_figures = [f for _, _, f in ranked[:KEY_FIGURES]]
    figures_more = len(all_figures) - len(key_figures)

    timeline, quotes, people, organizations, places, sources = [], [], {}, {}, {}, {}
    cited: dict[str, set[str]] = {}
    for k in order:
        art, fx = articles[k], facts[k]
        quotes += [{"text": select.shown_quote(q.text), "speaker": q.speaker, "role": select.shown_role(q.speaker, q.role),
                    **refs.ref(k, q.paragraph)}
                   for q in notable_quotes(fx.quotes) if q.paragraph not in art.boilerplate]
        story = short_title(art.title, 4)
        timeline += [{"date": e.date, "date_label": date_label(e.date), "event": e.event, "story": story,
                      **refs.ref(k, e.paragraph)} for e in fx.timeline if e.paragraph not in art.boilerplate]
        for p in fx.people:
            known = people.setdefault(p.name, {"name": p.name, "role": select.shown_role(p.name, p.role)})
            known["role"] = known["role"] or select.shown_role(p.name, p.role)
        for o in fx.organizations:
            name = f"{o.name} ({o.acronym})" if o.acronym and o.acronym != o.name else o.name
            organizations.setdefault(o.name, {"name": o.name, "acronym": o.acronym, "label": name})
        places.update(dict.fromkeys(fx.places))
        if art.source or art.url:
            name = art.source or host(art.url) or short_title(art.title)
            entry = sources.setdefault(name, {"name": name, "refs": [], "url": None, "url_label": None})
            entry["url"], entry["url_label"] = art.url, host(art.url) or art.url
        for s in fx.sources:
            if s.paragraph in art.boilerplate:
                continue
            entry = sources.setdefault(s.name, {"name": s.name, "refs": [], "url": None, "url_label": None})
            r = refs.ref(k, s.paragraph)
            seen = cited.setdefault(s.name, set())
            if r["anchor"] not in seen:
                seen.add(r["anchor"])
                entry["refs"].append(r)
    timeline.sort(key=lambda e: _date_key(e["date"]))
    published = [a.published for a in articles if a.published]
    briefing_day = date.fromisoformat(meta.date) if meta.date else None
    events_chart = timeline_chart(timeline, published, briefing_day) if charts else None
    timeline, timeline_more = capped(timeline, TIMELINE_ROWS)
    people_list, people_more = capped(list(people.values()), ACTOR_ROWS)
    org_list, organizations_more = capped(list(organizations.values()), LIST_ITEMS)
    place_list, places_more = capped(list(places), LIST_ITEMS)
    source_list, sources_more = capped(list(sources.values()), SOURCE_ROWS)

    return {
        "briefing": {"title": meta.title, "subtitle": meta.subtitle, "date": meta.date, "marking": meta.marking,
                     "prepared_for": meta.prepared_for, "prepared_by": meta.author},
        "multiple": refs.multiple, "annex": annex, "merged": stories.merged,
        "summary": summary, "stories": story_items,
        "sections": [{"heading": sec.heading, "stories": [s for s, i in zip(story_items, story_section) if i == k]}
                     for k, sec in enumerate(sections) if k in story_section],
        "figures": key_figures, "figures_more": figures_more, "quotes": quotes,
        "timeline": timeline, "timeline_more": timeline_more, "timeline_chart": events_chart,
        "people": people_list, "people_more": people_more,
        "organizations": org_list, "organizations_more": organizations_more,
        "places": place_list, "places_more": places_more,
        "sources": source_list, "sources_more": sources_more,
        "articles": [_article(refs.number[k], articles[k]) for k in order] if annex else [],
    }


def _article(i: int, art: Article) -> dict[str, Any]:
    short = short_title(art.title)
    heads: dict[int, list[str]] = {}
    for idx, text in art.subheadings:
        heads.setdefault(idx, []).append(text)
    kinds = dict(art.lists)
    body: list[dict[str, Any]] = []
    for n, text in enumerate(art.paragraphs, 1):
        body += [{"heading": h} for h in heads.get(n - 1, [])]
        body.append({"heading": None, "n": n, "text": text, "anchor": f"a{i}-p{n}", "list": kinds.get(n)})
    published = long_date(art.published) if art.published else None
    byline = " · ".join(x for x in (art.source, art.author and f"by {art.author}", published) if x)
    return {"n": i, "title": art.title, "anchor": f"a{i}", "short": short, "source": art.source,
            "url": art.url, "url_label": host(art.url) or art.url, "author": art.author,
            "published": art.published.isoformat() if art.published else None, "byline": byline, "body": body}
