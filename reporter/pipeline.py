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
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from .analysis.facts import Facts
from .articles import Article
from .errors import InputError
from .model import Document, Meta

if TYPE_CHECKING:
    from .parallel import Worker

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
    warnings: tuple[str, ...] = ()  # one line each, for the user ("3 duplicate inputs merged")

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


def analyse_all(articles: Sequence[Article], worker: Worker | None = None) -> list[Facts]:
    """Facts for each article; many articles are analysed in two processes (``worker``'s or a fork)."""
    from .analysis import analyze
    from .parallel import map_halves_with

    return map_halves_with(worker, analyze, articles)


def make_briefing(
    inputs: Iterable[str | Path],
    *,
    title: str | None = None,
    marking: str | None = None,
    prepared_for: str | None = None,
    prepared_by: str | None = None,
    template: str | Path | None = None,
    briefing_date: date | None = None,
    worker: Worker | None = None,
    summary_items: int = 8,
    annex: bool = True,
) -> Briefing:
    """Read, analyse and compose: everything but writing files (``worker``: see ``pdf_worker``).

    ``summary_items``: how many items the executive summary may hold; ``annex``: whether
    the article texts follow the digest.
    """
    from .compose import compose
    from .context import briefing_context, long_date
    from .fileio import build_time
    from .stories import group_stories
    from .style import templates_dir

    title = _one_line(title, "--title")
    marking = _one_line(marking, "--marking")
    prepared_for = _one_line(prepared_for, "--prepared-for")
    prepared_by = _one_line(prepared_by, "--prepared-by")
    articles = load_inputs(inputs)
    facts = analyse_all(articles, worker)
    stories = group_stories(articles)
    published = [a.published for a in articles if a.published]
    when = briefing_date or (max(published) if published else None) or _default_date()
    if not title:
        n = len(stories.stories)
        title = (articles[stories.stories[0].members[0]].title if n == 1
                 else f"Executive briefing: {n} stories from {len(articles)} articles")
    subtitle = (f"Executive briefing · {long_date(when)}" if not title.lower().startswith("executive briefing")
                else long_date(when))
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
    context = briefing_context(articles, facts, meta, stories=stories, summary_items=summary_items, annex=annex)
    document = compose(tpl, context, meta, sandboxed=sandboxed)
    return Briefing(
        title=title, date=when, marking=marking, prepared_for=prepared_for, prepared_by=prepared_by,
        articles=tuple(articles), facts=tuple(facts), document=document, warnings=stories.warnings(),
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


def write_briefing(
    briefing: Briefing,
    *,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path = "out",
    reference_doc: str | Path | None = None,
    worker: Worker | None = None,
) -> dict[str, Path]:
    """Write each format to a temp file, then rename them all: a failure leaves nothing new.

    ``worker`` (see ``pdf_worker``) writes the PDF while this process writes the rest.
    """
    import os
    import tempfile

    from .parallel import run_jobs
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
    ref = Path(reference_doc) if reference_doc else None
    temps: dict[str, Path] = {}
    try:
        for fmt in dict.fromkeys(formats):
            fd, tmp = tempfile.mkstemp(prefix=f".{briefing.slug}.", suffix=f".{fmt}.part", dir=out)
            os.close(fd)
            temps[fmt] = Path(tmp)

        def job(fmt: str):
            return lambda: WRITERS[fmt](briefing.document, temps[fmt], style=style, reference_doc=ref)

        if worker is not None and "pdf" in temps:
            # the default house style travels as None: the worker has it loaded already
            worker.submit(_last_job_write, "pdf", briefing.document, temps["pdf"], style=None, reference_doc=ref)
            try:
                for fmt in temps:
                    if fmt != "pdf":
                        job(fmt)()
            finally:
                worker.result()
        else:
            run_jobs([job(fmt) for fmt in temps])
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


def _last_job_write(fmt: str, document: Document, path: Path, **options: Any) -> None:
    """A writer run as the worker's last job, with the garbage collector off.

    The worker ends after it. Collections re-scanned the whole document again and again
    while the PDF was laid out (0.14 s of 1.1 s for 100 articles); the few reference cycles
    the writer leaves add about 2 MB until the process ends.
    """
    import gc

    from .writers import WRITERS

    gc.disable()
    WRITERS[fmt](document, path, **options)


@contextmanager
def pdf_worker(formats: Sequence[str], n_inputs: int = 1) -> Iterator[Worker | None]:
    """A process that imports reportlab and loads the fonts while the articles are read and
    composed, takes half of a long analysis, then writes the PDF (None when no PDF is wanted
    or fork is missing). With many inputs the analysis comes first and the warm-up after."""
    from .parallel import MIN_SPLIT, start_worker
    from .writers import warm_pdf

    worker = (start_worker(warm_pdf, warm_after_first_job=n_inputs >= MIN_SPLIT)
              if "pdf" in formats else None)
    try:
        yield worker
    finally:
        if worker is not None:
            worker.close()


def make_and_write(
    inputs: Iterable[str | Path],
    *,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path = "out",
    reference_doc: str | Path | None = None,
    **options: Any,
) -> tuple[Briefing, dict[str, Path]]:
    """``make_briefing`` then ``write_briefing``, with the PDF writer warming up meanwhile."""
    inputs = list(inputs)
    with pdf_worker(formats, len(inputs)) as worker:
        briefing = make_briefing(inputs, worker=worker, **options)
        return briefing, write_briefing(briefing, formats=formats, out_dir=out_dir, reference_doc=reference_doc,
                                        worker=worker)


def build_briefing(
    inputs: Iterable[str | Path],
    *,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path = "out",
    reference_doc: str | Path | None = None,
    **options: Any,
) -> list[Path]:
    """Build the briefing from article files and return the paths written."""
    _, written = make_and_write(inputs, formats=formats, out_dir=out_dir, reference_doc=reference_doc, **options)
    return list(written.values())
