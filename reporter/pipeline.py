"""The build: articles -> facts -> template context -> document model -> files.

Pure steps (``make_briefing``) are kept apart from the one step that writes
(``write_briefing``), so email delivery and tests can reuse the briefing without files.

Everything runs here, one step after the other, unless the caller passes an
``executor`` (any ``concurrent.futures.Executor``): the one seam for concurrency.
Nothing below this module knows whether there is one. With it, a long analysis is
shared between this process and the executor, and the writers after the first run
there while the first runs here. The library never starts a process or a thread of its
own, so it is safe to call from threads, notebooks and servers; the CLI is the caller
that passes a process pool (see ``reporter.cli``).
"""

from __future__ import annotations

import re
import unicodedata
from concurrent.futures import Executor, Future, wait
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from .analysis.facts import Facts
from .ingest import Article
from .errors import InputError
from .limits import DEFAULT, Limits
from .model import Document, Meta

if TYPE_CHECKING:
    from .compose.context import Part
    from .style import HouseStyle
    from .writers.reference_doc import Reference

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
    # The brief as the template context has it, for the e-mail body: the page-1 summary items
    # and the ranked key figures (each with its reference: outlet, ``mark`` ¶N, ...).
    summary: tuple[dict, ...] = ()
    key_figures: tuple[dict, ...] = ()
    figures_more: int = 0
    inputs_id: str = ""  # a short hash of the articles, added to the file name when the title is generic

    @property
    def slug(self) -> str:
        """An ASCII file stem: the briefing date and the first words of its title (transliterated),
        and the inputs' short hash when the title alone would not tell two briefings apart."""
        stem = f"briefing-{self.date.isoformat()}-{slugify(self.title)}"
        return f"{stem}-{self.inputs_id}" if self.inputs_id else stem

    @property
    def private(self) -> bool:
        """Marked TLP:RED or TLP:AMBER (+STRICT): its files are never readable by others."""
        return bool(self.marking and _PRIVATE_MARKING.search(self.marking))


_PRIVATE_MARKING = re.compile(r"\bTLP\s*:\s*(RED|AMBER)", re.IGNORECASE)


def inputs_id(articles: Sequence[Article]) -> str:
    """Six hex digits that differ for different sets of articles (by their text, not their paths)."""
    import hashlib

    digest = hashlib.sha256()
    for article in articles:
        digest.update(article.title.encode("utf-8", "replace") + b"\0")
        for paragraph in article.paragraphs:
            digest.update(paragraph.encode("utf-8", "replace") + b"\n")
        digest.update(b"\1")
    return digest.hexdigest()[:6]


def slugify(text: str, max_len: int = 48) -> str:
    """Lower-case ASCII words of ``text``; non-Latin scripts are transliterated (anyascii), so a
    Cyrillic or Chinese title gives a name of its own, not just "briefing"."""
    from anyascii import anyascii

    ascii_text = anyascii(unicodedata.normalize("NFKC", text))
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
    from .ingest.clean import plain_text

    if any(c in value for c in "\r\n\x00"):
        raise InputError(f"{what} must be one line of text")
    value = " ".join(plain_text(value).split())
    return value or None


def load_inputs(inputs: Iterable[str | Path | Article], limits: Limits = DEFAULT) -> list[Article]:
    """The articles of every file, folder and glob named (``inputs.expand_inputs``), in order,
    the briefing's paragraph and character limits kept across them; articles already read (a
    spec's section filter read them to choose) pass as they are."""
    from .ingest import Budget, load_articles
    from .inputs import expand_inputs

    budget = Budget(limits)
    items = list(inputs)
    articles: list[Article] = [i for i in items if isinstance(i, Article)]
    for path in expand_inputs(i for i in items if not isinstance(i, Article)):
        articles.extend(load_articles(path, budget))
    if not articles:
        raise InputError("no input files given")
    return articles


# Fewer articles than this are not worth sending to an executor. A process pool puts the
# first jobs in its call queue before its worker has started (0.1 to 0.2 s), and 10
# articles (50 ms of analysis) shared that way took a third longer than done here.
SHARE_FROM = 32
CHUNK = 4  # articles per job: small enough that the two sides finish together


def analyse_all(articles: Sequence[Article], executor: Executor | None = None) -> list[Facts]:
    """Facts for each article, in order.

    With an ``executor`` and many articles, the executor takes chunks from the front
    while this process takes them from the back, each chunk to whichever side gets there
    first (a chunk the executor has not started is cancelled and done here). A worker
    still warming up therefore delays nothing; the facts are the same either way.
    """
    if executor is None or len(articles) < SHARE_FROM:
        return _analyse(articles)
    chunks = [tuple(articles[i:i + CHUNK]) for i in range(0, len(articles), CHUNK)]
    futures = [executor.submit(_analyse, chunk) for chunk in chunks]
    here: dict[int, list[Facts]] = {}
    try:
        for i in reversed(range(len(chunks))):
            if not futures[i].cancel():  # the executor has it (and every chunk before it)
                break
            here[i] = _analyse(chunks[i])
        return [facts for i, future in enumerate(futures) for facts in (here[i] if i in here else future.result())]
    finally:
        _settle(futures)


def _analyse(articles: Sequence[Article]) -> list[Facts]:
    from .analysis import analyze

    return [analyze(a) for a in articles]


def _warm(executor: Executor | None, formats: Sequence[str]) -> None:
    """Have the executor import and load what its writers need while this process works on."""
    from .writers import WRITERS

    if executor is not None:
        for fmt in dict.fromkeys(formats):
            if fmt in WRITERS:  # an unknown one is write_briefing's to report
                executor.submit(WRITERS[fmt].warm)  # a failure here shows again, and is reported, at the write


def sent_to_executor(formats: Sequence[str]) -> tuple[str, ...]:
    """The formats ``write_briefing`` gives an executor: all but the first, or the only one."""
    formats = tuple(dict.fromkeys(formats))
    return formats[1:] if len(formats) > 1 else formats


def _settle(futures: Sequence[Future]) -> None:
    """Cancel what has not started and wait for the rest, so nothing still runs (or writes a
    temporary file) after the call that submitted it has returned or failed."""
    for future in futures:
        future.cancel()
    wait(futures)


def make_briefing(
    inputs: Iterable[str | Path],
    *,
    title: str | None = None,
    marking: str | None = None,
    prepared_for: str | None = None,
    prepared_by: str | None = None,
    template: str | Path | None = None,
    template_dir: str | Path | None = None,
    template_seconds: float = 10.0,
    briefing_date: date | None = None,
    executor: Executor | None = None,
    warm: Sequence[str] = (),
    summary_items: int = 8,
    annex: bool = True,
    charts: bool = True,
    limits: Limits = DEFAULT,
    sections: Sequence[Part] = (),
) -> Briefing:
    """Read, analyse and compose: everything but writing files (``executor``: see the module).

    ``warm``: formats whose writers the executor will run (``make_and_write`` passes them).
    They are warmed there as early as costs nothing: at once when the analysis stays
    here, after it when the executor shares it, so the warm-up never holds up its share.
    ``summary_items``: how many items the executive summary may hold; ``annex``: whether
    the article texts follow the digest; ``charts``: whether the template's charts are drawn
    (a timeline of the dated events, bar charts of figures); ``template_dir``: a folder a user's template may
    include and take images from besides its own, ``template_seconds`` its render deadline;
    ``limits``: what may be read (``reporter.limits``); ``sections``: headings that each take
    the next so many articles, as a spec's sections do (``compose.context.Part``).
    """
    from .compose import compose
    from .compose.context import briefing_context, long_date
    from .fileio import build_time
    from .marking import normalise_marking
    from .stories import group_stories
    from .style import templates_dir

    title = _one_line(title, "--title")
    marking = normalise_marking(_one_line(marking, "--marking"))
    prepared_for = _one_line(prepared_for, "--prepared-for")
    prepared_by = _one_line(prepared_by, "--prepared-by")
    articles = load_inputs(inputs, limits)
    shared = executor is not None and len(articles) >= SHARE_FROM
    if not shared:
        _warm(executor, warm)
    facts = analyse_all(articles, executor)
    if shared:
        _warm(executor, warm)
    stories = group_stories(articles)
    published = [a.published for a in articles if a.published]
    when = briefing_date or (max(published) if published else None) or _default_date()
    generic = not title
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
    context = briefing_context(articles, facts, meta, stories=stories, summary_items=summary_items, annex=annex,
                                charts=charts, sections=sections)
    extra = Path(template_dir) if template_dir is not None else None
    document = compose(tpl, context, meta, sandboxed=sandboxed, template_dir=extra, seconds=template_seconds)
    return Briefing(
        title=title, date=when, marking=marking, prepared_for=prepared_for, prepared_by=prepared_by,
        articles=tuple(articles), facts=tuple(facts), document=document, warnings=stories.warnings(),
        summary=tuple(context["summary"]), key_figures=tuple(context["figures"]), figures_more=context["figures_more"],
        inputs_id=inputs_id(articles) if (generic and len(articles) > 1) or slugify(title) == "briefing" else "",
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
    reference_doc: str | Path | Reference | None = None,
    executor: Executor | None = None,
    stem: str | None = None,
    force: bool = False,
    check: Callable[[dict[str, Path]], None] | None = None,
    style: str | Path | HouseStyle | None = None,
    font_dirs: Sequence[str | Path] = (),
    strict: bool = False,
    warnings: list[str] | None = None,
) -> dict[str, Path]:
    """Write every format, then rename them all into place: a failure leaves nothing new.

    ``font_dirs``: the user's own fonts, which the PDF tries first for characters the house
    fonts lack; the PDF's one-line warnings (characters no font has) go to ``warnings``, or
    with ``strict`` stop the build as an ``InputError``.

    ``reference_doc``: a path is read through ``load_reference`` (its look only); a
    ``Reference`` already read is used as it is. A DOCX changed since it was written here
    (a user's edits) stops the build with ``EditedOutput`` unless ``force``, which keeps
    it as ``NAME.docx.bak``. ``check`` sees the finished files (by format, at their
    temporary paths) before they are renamed into place: an error there leaves nothing.

    With an ``executor``, the first format is written here while the executor writes the
    others (a single format is written there, where it was warmed: ``sent_to_executor``).
    ``stem``: the files' name without the ending (default: the briefing's slug); a batch
    gives each briefing its own, since two audiences' briefings may share title and date.
    ``style``: a house-style TOML file merged over the default, or a ``HouseStyle`` (see
    ``house_style``: a reference document's page and styles go into it, for the PDF too).
    """
    from .fileio import atomic_paths, check_edited, keep_backup, record_written
    from .style import HouseStyle
    from .writers import WRITERS

    unknown = [f for f in formats if f not in WRITERS]
    if unknown:
        raise InputError(f"unknown format {unknown[0]!r} (choose from {', '.join(WRITERS)})")
    ref = _reference(reference_doc)
    if not isinstance(style, HouseStyle):
        style = house_style(style, ref)[0]
    targets = {fmt: Path(out_dir) / f"{stem or briefing.slug}.{fmt}" for fmt in dict.fromkeys(formats)}
    edited = check_edited(targets.values(), force)
    with atomic_paths(list(targets.values()), private=briefing.private) as temps:
        jobs = list(zip(targets, temps))
        there = sent_to_executor(targets) if executor is not None else ()
        own = {"pdf": {"font_dirs": tuple(Path(d) for d in font_dirs), "strict": strict}}
        submitted = {fmt: executor.submit(WRITERS[fmt].write, briefing.document, tmp, style=style, reference_doc=ref,
                                          **own.get(fmt, {}))
                     for fmt, tmp in jobs if fmt in there}
        futures = list(submitted.values())
        # The DOCX's contents list takes its page numbers from the PDF's layout: the PDF is
        # written first here, or the DOCX waits for the executor's once its body is built.
        here = sorted(((fmt, tmp) for fmt, tmp in jobs if fmt not in there), key=lambda job: job[0] != "pdf")
        pages: Any = submitted["pdf"].result if "pdf" in submitted else None
        charts = ChartsThere(executor, submitted["pdf"]) if "pdf" in submitted else None
        try:
            for fmt, tmp in here:
                options = ({"pages": pages, "charts": charts} if fmt == "docx" and pages is not None
                           else own.get(fmt, {}))
                result = WRITERS[fmt].write(briefing.document, tmp, style=style, reference_doc=ref, **options)
                if fmt == "pdf":
                    pages = result
            for future in futures:
                future.result()  # a child's error arrives with its traceback as __cause__
        finally:
            if charts is not None:
                futures.extend(charts.close())
            _settle(futures)
        if "pdf" in targets and warnings is not None:
            warnings.extend(getattr(submitted["pdf"].result() if "pdf" in submitted else pages, "warnings", ()))
        if check is not None:
            check(dict(zip(targets, temps)))
        for path in edited:
            keep_backup(path)
    record_written(targets.values())
    return targets


class ChartsThere:
    """The DOCX's chart pictures (``docx_chart.ChartPainter``), painted by the executor while it
    has nothing else to do: after ``after`` (the PDF it writes), one chart at a time, each sent
    only when the one before is done. A chart the DOCX's body reaches before it was sent is
    painted here, and one sent is waited for, so the executor's spare time is used and never
    waited on (for the sample, the two pictures are a tenth of this process's run; the PDF
    worker has them done while this process builds the body before them). The pictures are
    the same bytes wherever they are painted."""

    def __init__(self, executor: Executor, after: Future) -> None:
        import threading

        self._executor = executor
        self._changed = threading.Condition()
        self._idle = False
        self._todo: list = []  # charts neither sent nor painted here, in the document's order
        self._sent: dict[int, Future | None] = {}  # id(chart) -> its future (None: being sent)
        self._width: float | None = None
        self._hs: HouseStyle | None = None
        self._futures: list[Future] = []
        after.add_done_callback(self._freed)

    def plan(self, charts: Sequence, width_pt: float, hs: HouseStyle) -> None:
        with self._changed:
            self._todo, self._width, self._hs = list(charts), width_pt, hs
        self._next()

    def __call__(self, chart, width_pt: float, hs: HouseStyle):
        from .writers.docx_chart import chart_png

        with self._changed:
            self._todo = [c for c in self._todo if c is not chart]  # not to be sent now
            while id(chart) in self._sent and self._sent[id(chart)] is None:
                self._changed.wait()
            future = self._sent.pop(id(chart), None)
        if future is not None and width_pt == self._width and hs is self._hs:
            return future.result()
        return chart_png(chart, width_pt, hs)

    def close(self) -> list[Future]:
        """Send nothing more; the futures sent, for the caller to settle."""
        with self._changed:
            self._todo = []
            return list(self._futures)

    def _freed(self, _done: Future | None = None) -> None:
        with self._changed:
            self._idle = True
        self._next()

    def _next(self) -> None:
        from .writers.docx_chart import chart_png

        with self._changed:
            if not (self._idle and self._todo):
                return
            chart = self._todo.pop(0)
            self._idle = False
            self._sent[id(chart)] = None
        try:  # outside the lock: the executor takes its own
            future = self._executor.submit(chart_png, chart, self._width, self._hs)
        except RuntimeError:  # the executor is shutting down: the body paints it
            future = None
        with self._changed:
            if future is None:
                self._sent.pop(id(chart), None)
            else:
                self._sent[id(chart)] = future
                self._futures.append(future)
            self._changed.notify_all()
        if future is not None:
            future.add_done_callback(self._freed)


def house_style(style: str | Path | None, ref: Reference | None) -> tuple[HouseStyle, tuple[str, ...]]:
    """The house style both writers take their look from: the default, a TOML file of the
    user's merged over it, then a reference document's page and named styles (so the PDF
    follows the reference as the DOCX does); with a warning for each reference font that
    has no file here."""
    from .style import load_house_style

    hs = load_house_style(Path(style) if style is not None else None)
    return ref.house_style(hs) if ref is not None else (hs, ())


def _reference(reference_doc: str | Path | Reference | None, limits: Limits = DEFAULT) -> Reference | None:
    """A user's reference document read (within ``limits``) and reduced to its look."""
    from .writers.reference_doc import Reference, load_reference

    if reference_doc is None or isinstance(reference_doc, Reference):
        return reference_doc
    return load_reference(reference_doc, limits)


def make_and_write(
    inputs: Iterable[str | Path],
    *,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path = "out",
    reference_doc: str | Path | None = None,
    executor: Executor | None = None,
    stem: str | None = None,
    force: bool = False,
    check: Callable[[dict[str, Path]], None] | None = None,
    style: str | Path | None = None,
    font_dirs: Sequence[str | Path] = (),
    strict: bool = False,
    **options: Any,
) -> tuple[Briefing, dict[str, Path]]:
    """``make_briefing`` then ``write_briefing``: the briefing and the files written, by format.

    The reference document is read first, so a bad one stops the build before any work;
    what was dropped from it joins the briefing's warnings.
    """
    from dataclasses import replace

    reference_doc = _reference(reference_doc, options.get("limits", DEFAULT))
    hs, font_warnings = house_style(style, reference_doc)  # a bad --style stops the build here
    briefing = make_briefing(inputs, executor=executor, warm=sent_to_executor(formats), **options)
    if reference_doc is not None:
        briefing = replace(briefing, warnings=briefing.warnings + reference_doc.warnings() + font_warnings)
    notes: list[str] = []
    written = write_briefing(briefing, formats=formats, out_dir=out_dir, reference_doc=reference_doc,
                             executor=executor, stem=stem, force=force, check=check, style=hs,
                             font_dirs=font_dirs, strict=strict, warnings=notes)
    return (replace(briefing, warnings=briefing.warnings + tuple(notes)) if notes else briefing), written


def build_briefing(
    inputs: Iterable[str | Path],
    *,
    formats: Sequence[str] = FORMATS,
    out_dir: str | Path = "out",
    reference_doc: str | Path | None = None,
    executor: Executor | None = None,
    **options: Any,
) -> list[Path]:
    """Build the briefing from article files and return the paths written.

    Serial unless ``executor`` is given (a ``concurrent.futures.Executor``; a process pool
    must be able to pickle documents and articles, which the model is built for).
    """
    _, written = make_and_write(inputs, formats=formats, out_dir=out_dir, reference_doc=reference_doc,
                                executor=executor, **options)
    return list(written.values())
