"""Article analysis: what a careful analyst pulls out of one article, deterministically.

``analyze(article) -> Facts``. The work lives in one module per idea (quotes, figures,
timeline, actors, sources, summary); they are imported on first use so that importing
this package (for the fact types) costs nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .facts import Facts, KeyFigure, KeyPoint, Organization, Person, Quotation, SourceCited, TimelineEvent

if TYPE_CHECKING:
    from ..ingest import Article

__all__ = ["analyze", "Facts", "KeyFigure", "KeyPoint", "Organization", "Person", "Quotation", "SourceCited",
           "TimelineEvent"]


def analyze(article: "Article") -> Facts:
    """Facts of one article. Pure: the same article always gives the same facts."""
    from . import actors, figures, quotes, sources, spans, summary, timeline
    from .text import Sentences, paragraph_tokens

    # The caches by paragraph text are shared by this article's analysers only: an article
    # repeated (as in the benchmark) must not find its paragraphs already read.
    paragraph_tokens.cache_clear()
    spans.quote_spans.cache_clear()
    paragraphs = tuple(article.paragraphs)
    skipped: list[str] = [
        f"¶{n}: {len(p):,} characters; people, organisations and sources are read from the first "
        f"{actors.MAX_SCAN_CHARS:,} only" for n, p in enumerate(paragraphs, 1) if len(p) > actors.MAX_SCAN_CHARS]
    cast = actors.build(paragraphs, article.title or "")
    sentences = Sentences(paragraphs)  # read by quotes, timeline and key points alike
    if article.quotes is not None:
        found_quotes = [Quotation(q.text, q.speaker, q.role, q.paragraph) for q in article.quotes]
        skipped.append("quotations: curated quotes from the record replace extracted ones")
    else:
        found_quotes, why = quotes.extract(paragraphs, cast, sentences, title=article.title or "",
                                           boilerplate=article.boilerplate, subheadings=article.subheadings,
                                           header=quotes.header_lines(article.raw_text or ""),
                                           blockquotes=article.blockquotes, author=article.author or "")
        skipped += why
    if article.figures is not None:
        found_figures = [KeyFigure(f.value, f.number, f.unit, f.what, f.paragraph) for f in article.figures]
        skipped.append("figures: curated figures from the record replace extracted ones")
    else:
        found_figures, why = figures.extract(paragraphs)
        skipped += why
    events, why = timeline.extract(paragraphs, article.published or timeline.title_date(article.title or ""), sentences)
    skipped += why
    cited = sources.extract(paragraphs, cast, tuple(q.speaker for q in found_quotes))
    people = _people(cast.people, found_quotes)
    whole = frozenset(q.paragraph for q in found_quotes  # paragraphs that are one quotation, marks aside
                      if 1 <= q.paragraph <= len(paragraphs) and len(q.text) >= 0.9 * len(paragraphs[q.paragraph - 1]))
    points = summary.key_points(paragraphs, article.title, sentences, skip=summary.not_points(whole, found_quotes, paragraphs))
    return Facts(
        quotes=tuple(found_quotes), figures=tuple(found_figures), timeline=tuple(events), people=people,
        organizations=cast.organizations, places=cast.places, sources=tuple(cited), key_points=tuple(points),
        skipped=tuple(skipped),
    )


def _people(people: tuple[Person, ...], quotes: list[Quotation]) -> tuple[Person, ...]:
    """Everyone found, plus speakers of quotes who were not (organisations excluded)."""
    out = list(people)
    names = {p.name for p in out}
    for q in quotes:
        if q.speaker not in names and q.role and " " in q.speaker and "(" not in q.speaker:
            out.append(Person(name=q.speaker, role=q.role))
            names.add(q.speaker)
    return tuple(out)
