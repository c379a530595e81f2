"""The command line: thin commands over the API.

Only click is imported at start-up so ``reporter --help`` stays fast; each command
imports what it needs. Every user-facing failure is one line and an exit code.
"""

from __future__ import annotations

import _signal  # the C module: ``signal`` imports enum first, itself a window of milliseconds
import os
import sys


def _interrupted_at_start(signum, frame) -> None:
    """Ctrl-C while this module loads (click and the commands' definitions: the first tenth of
    a second of a run, more on a busy machine): nothing is written yet, so one line and 130."""
    os.write(2, b"reporter: error: interrupted; nothing written\n")
    os._exit(130)


try:
    _signal.signal(_signal.SIGINT, _interrupted_at_start)  # put back at the end of this module
except ValueError:  # imported outside the main thread: signals are not this thread's to handle
    pass

import functools  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Iterator  # noqa: E402

import click  # noqa: E402

if TYPE_CHECKING:
    from concurrent.futures import Executor

EPILOG = """\b
Examples:
  reporter build fixtures/peru-us-organized-crime.txt --marking TLP:AMBER
  reporter build a.md b.json c.html --title "Weekly security briefing" --out out
  reporter analyze fixtures/peru-us-organized-crime.txt > facts.json
  reporter export out/edited.docx --out out
  reporter email article.txt --to boss@example.org --smtp mail.example.org:587 --starttls
"""


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP, raised where the program is, so every ``finally`` runs: temporary
    files are removed and the worker is stopped, as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        import signal

        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


@contextmanager
def _signals_interrupt() -> Iterator[None]:
    import signal

    def interrupt(signum, _frame):
        signal.signal(signum, signal.SIG_IGN)  # a second signal must not cut the clean-up short
        raise Terminated(signum)

    names = [s for s in ("SIGTERM", "SIGHUP") if hasattr(signal, s)]
    previous = {s: signal.signal(getattr(signal, s), interrupt) for s in names}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(getattr(signal, s), handler)


def _fail(message: str, code: int) -> None:
    click.echo(f"reporter: error: {message}", err=True)
    sys.exit(code)


class _Group(click.Group):
    """Turns the errors a user can act on into one line and an exit code, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            from .errors import ReporterError  # inside: Ctrl-C during this first import is handled too

            with _signals_interrupt():
                return super().invoke(ctx)
        except Terminated as exc:  # the interrupts first: ReporterError may not be imported yet
            _fail(f"stopped by {exc.name}; temporary files removed, nothing written", 128 + exc.signum)
        except KeyboardInterrupt:
            _fail("interrupted; temporary files removed, nothing written", 130)
        except ReporterError as exc:
            _fail(str(exc), exc.exit_code)
        except BrokenPipeError:  # the reader went away (`reporter analyze ... | head`): not an error to report
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except (click.exceptions.Exit, click.ClickException, click.exceptions.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: still one line, unless debugging
            if os.environ.get("REPORTER_DEBUG"):
                raise
            _fail(f"internal error: {type(exc).__name__}: {exc} (set REPORTER_DEBUG=1 for details)", 1)


@click.group(cls=_Group, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reporter")
def main() -> None:
    """Turn news articles into an executive briefing: an editable DOCX and a polished PDF.

    Inputs may be plain text as scraped (.txt), Markdown with YAML front matter (.md),
    JSON or YAML article records (.json, .yaml) and saved HTML pages (.html).
    """


def _formats(_ctx, _param, value: str) -> tuple[str, ...]:
    formats = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in formats if f not in ("docx", "pdf")]
    if bad or not formats:
        raise click.BadParameter(f"{','.join(bad) or value!r}: choose docx, pdf or docx,pdf")
    return formats


def _date(_ctx, _param, value: str | None):
    """YYYY-MM-DD; a date in that form that is no day (2025-02-30) is told so, not "wrong format"."""
    import re
    from datetime import date

    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise click.BadParameter(f"{value!r}: give the date as YYYY-MM-DD, e.g. 2025-02-14")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"{value}: that date does not exist") from None


def _out_dir(_ctx, _param, value: Path | None) -> Path | None:
    """The output folder, checked now but not created: one that cannot be (under a file, no
    permission) is one line and exit 2 before anything is read. Nothing is made until the
    build succeeds, so a bad input leaves no new folder either; a failure the check cannot
    foresee (``/proc``, a full disk) is the writer's one-line ``OutputError``."""
    from .errors import OutputError

    if value is None:
        return None
    probe = value
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    if not probe.is_dir():
        raise OutputError(f"cannot write there: {probe.name} is a file, not a folder; nothing was written", value)
    if not os.access(probe, os.W_OK | os.X_OK):
        raise OutputError("cannot write there: permission denied; nothing was written", value)
    return value


_LIMITS = {  # option -> (Limits field, type, help)
    "--max-file-mb": ("file_mb", click.FloatRange(0.001, 1e6), "Largest article file read, in MB (MiB)."),
    "--max-paragraphs": ("paragraphs", click.IntRange(1, 10**9), "Most paragraphs in one briefing."),
    "--max-characters": ("characters", click.IntRange(1, 10**12), "Most characters of article text in one briefing."),
    "--max-xml-mb": ("xml_mb", click.FloatRange(0.001, 1e6), "Most XML inflated from one DOCX, in MB (MiB)."),
    "--max-xml-elements": ("xml_elements", click.IntRange(1, 10**10), "Most XML elements in one DOCX."),
}


def limit_options(*names: str):
    """Options that raise (or lower) the reading limits, gathered into one ``limits`` argument."""

    def decorate(func):
        from .limits import DEFAULT

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            from .limits import Limits

            values = {_LIMITS[n][0]: kwargs.pop(_LIMITS[n][0]) for n in names}
            return func(*args, limits=Limits(**values), **kwargs)

        for name in reversed(names):
            field_name, kind, text = _LIMITS[name]
            wrapper = click.option(name, field_name, type=kind, default=getattr(DEFAULT, field_name),
                                   show_default=True, help=text)(wrapper)
        return wrapper

    return decorate


def build_options(func):
    """The options every command that builds a briefing shares (build, email)."""

    @click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
    @click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
                  callback=_out_dir, help="Folder to write the briefing into.")
    @click.option("--format", "formats", default="docx,pdf", show_default=True, callback=_formats,
                  help="Formats to write, comma-separated.")
    @click.option("--template", type=click.Path(dir_okay=False, path_type=Path),
                  help="A jinja2 Markdown template of your own (runs sandboxed, confined to its folder).")
    @click.option("--template-dir", type=click.Path(file_okay=False, path_type=Path),
                  help="Another folder the template may include files and take images from.")
    @click.option("--template-seconds", default=10.0, show_default=True, type=click.FloatRange(0.01, 3600),
                  help="Stop a template of your own that renders longer than this.")
    @click.option("--title", help="Briefing title (default: the article's title).")
    @click.option("--marking", help="Distribution marking shown on every page, e.g. TLP:AMBER.")
    @click.option("--prepared-for", help="Who the briefing is for.")
    @click.option("--prepared-by", help="Who prepared it (also the document author).")
    @click.option("--date", "briefing_date", callback=_date, metavar="YYYY-MM-DD",
                  help="Briefing date, YYYY-MM-DD (default: latest publication date).")
    @click.option("--summary-items", default=8, show_default=True, type=click.IntRange(1, 30),
                  help="How many items the executive summary on page one may hold.")
    @click.option("--annex/--no-annex", default=True, show_default=True,
                  help="Add the article texts after the digest (the ¶ links jump into them).")
    @click.option("--charts/--no-charts", default=True, show_default=True,
                  help="Draw charts from the facts: a timeline of the dated events, bar charts of figures.")
    @click.option("--reference-doc", type=click.Path(dir_okay=False, path_type=Path),
                  help="A .docx whose styles, page setup, headers and footers the DOCX uses (and the PDF its "
                       "page, fonts and colours).")
    @click.option("--style", "style", type=click.Path(dir_okay=False, path_type=Path),
                  help="A house style (.toml) merged over the default: page, fonts, colours, named styles.")
    @click.option("--font-dir", "font_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
                  help="A folder of TrueType fonts the PDF tries first for characters the house fonts lack.")
    @click.option("--strict", is_flag=True, help="Stop (exit 2) when the PDF has no font for some characters.")
    @click.option("--force", is_flag=True,
                  help="Replace a DOCX in --out that was changed since it was written (kept as NAME.docx.bak).")
    @limit_options(*_LIMITS)
    @functools.wraps(func)
    def wrapper(*args, briefing_date=None, **kwargs):
        kwargs["briefing_date"] = briefing_date
        return func(*args, **kwargs)

    return wrapper


@contextmanager
def build_executor(formats: tuple[str, ...]) -> Iterator[Executor | None]:
    """The executor a build command passes to the library: one worker process.

    It starts at once, so it is up by the time the library sends it the writers to warm
    (reportlab's imports and the fonts take about a quarter of a second, overlapping the
    reading, analysis and composing here), shares a long analysis and writes every format
    but the first. Started with forkserver (spawn where there is none), never fork: this
    process runs the pool's threads. None (serial) when no PDF is wanted or REPORTER_JOBS=1.
    """
    if "pdf" not in formats or os.environ.get("REPORTER_JOBS", "") == "1":
        yield None
        return
    import multiprocessing
    import threading
    from concurrent.futures import ProcessPoolExecutor

    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Nothing preloaded: by default the forkserver imports the command's own script (click and
        # this module, which the worker never uses) before its first fork. The worker still gets
        # this process's sys.path and main module from the start data every child reads.
        context.set_forkserver_preload([])
    # The worker's collector gets a larger first-generation threshold. It holds the whole
    # document while the PDF is laid out, and the default (700) re-scans it in full
    # collections again and again: the 100-article PDF took 581 to 648 ms of CPU with
    # this, 764 to 919 ms without. Cycles are still collected, less often. In this process
    # the same made no difference (900 to 1,100 ms of CPU either way), so it keeps the
    # default. The initializer does not warm the writers: with many articles the worker's
    # first jobs are its share of the analysis, and the library sends the warm-up after.
    from .worker import start

    pool = ProcessPoolExecutor(1, mp_context=context, initializer=start,
                               initargs=((10_000, 10, 10), os.getpid()))
    # The first job starts the worker, and the call that sends it waits until the forkserver's
    # own interpreter is up and has forked (an eighth of the sample's run on a busy machine):
    # a helper thread waits for that while this one goes on importing and reading. A start
    # that fails there fails again, with its error, at the library's first job.
    launch = threading.Thread(target=_start_worker, args=(pool,), name="reporter-start-worker", daemon=True)
    launch.start()
    try:
        yield pool
    except BaseException:
        # The build failed, and the library waited for every job it had sent: what may still
        # run is the warm-up, which nobody needs now. Without this, a mistyped file name
        # would wait a quarter of a second for fonts to load before its one-line error.
        launch.join()
        for child in multiprocessing.active_children():
            child.terminate()
        raise
    finally:
        launch.join()
        pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(pool: Executor) -> None:
    """Send the pool its first job, which starts its worker; run in a helper thread, as the
    sending waits for the worker's process to exist."""
    try:
        pool.submit(int)
    except Exception:  # noqa: BLE001 -- the library's next job on the pool meets it and reports it
        pass


def _build_kwargs(kw: dict) -> tuple[dict, dict]:
    make = {k: kw.pop(k) for k in ("title", "marking", "prepared_for", "prepared_by", "template", "template_dir",
                                    "template_seconds", "briefing_date", "summary_items", "annex", "charts", "limits")}
    write = {k: kw.pop(k) for k in ("formats", "out_dir", "reference_doc", "force", "style", "font_dirs", "strict")}
    return make, write


# The command line's names for the spec's keys, where they differ.
_SPEC_KEYS = {"briefing_date": "date", "out_dir": "out"}


def _spec_overrides(ctx: click.Context, kw: dict) -> dict:
    """The options given on the command line (not left at their defaults), by spec key."""
    from click.core import ParameterSource

    return {_SPEC_KEYS.get(k, k): (str(v) if isinstance(v, Path) else list(v) if isinstance(v, tuple) else v)
            for k, v in kw.items() if ctx.get_parameter_source(k) is not ParameterSource.DEFAULT}


@main.command()
@build_options
@click.pass_context
def build(ctx, inputs, **kw) -> None:
    """Build the briefing from article files, folders, globs or a briefing spec (.yaml) and print the paths written."""
    if len(inputs) == 1 and _is_spec(inputs[0]):
        from .batch import run_batch
        from .spec import resolve

        outcomes = run_batch(resolve(inputs[0], _spec_overrides(ctx, kw)), force=True)
        for o in outcomes:
            for warning in o.warnings:
                click.echo(f"reporter: warning: {warning}", err=True)
        failed = [o for o in outcomes if o.status == "failed"]
        if failed:
            _fail(failed[0].reason, 2)
        for o in outcomes:
            for path in o.paths:
                click.echo(str(path))
        return
    make, write = _build_kwargs(kw)
    with build_executor(write["formats"]) as executor:
        from .pipeline import make_and_write  # once the worker is on its way: its start waits for nothing

        briefing, written = make_and_write(inputs, **make, **write, executor=executor)
    _warn(briefing)
    for path in written.values():
        click.echo(str(path))


@main.command()
@click.argument("specs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Rebuild every briefing, up to date or not.")
@click.option("--jobs", "-j", type=click.IntRange(1), metavar="N",
              help="Briefings built at once on this machine  [default: the number of cores]")
@click.option("--scheduler", metavar="tcp://HOST:8786", help="Build on this Dask cluster instead (reporter[dask]).")
@click.option("--shared-out", is_flag=True,
              help="With --scheduler: the workers write into the out folders themselves (a path they share).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), callback=_out_dir,
              help="Folder for every briefing's files (default: each spec's out:).")
def batch(specs, force, jobs, scheduler, shared_out, out_dir) -> None:
    """Build every briefing of the specs, in parallel; skip those whose inputs have not changed."""
    # The local pool is forked from this process when its first briefing is due (``_warm_fork``);
    # only where it cannot be does a forkserver start, first, to warm up while the specs are read.
    pool = not scheduler and jobs != 1 and (os.cpu_count() or 1) > 1 and not _warm_fork()
    if pool:
        start_batch_forkserver()  # (see there)
    try:
        _batch(specs, force, jobs, scheduler, shared_out, out_dir)
    finally:
        if pool:
            stop_batch_forkserver()


def _batch(specs, force, jobs, scheduler, shared_out, out_dir) -> None:
    from .batch import Outcome, run_batch
    from .batchview import BatchView
    from .errors import InputError
    from .spec import resolve

    overrides = {"out": str(out_dir)} if out_dir else {}
    all_jobs, failed = [], []
    for spec in specs:
        try:
            all_jobs.extend(resolve(spec, overrides))
        except InputError as exc:
            failed.append(Outcome(str(spec), "failed", str(exc)))
    view = BatchView()
    with view:  # the pool starts only if some briefing is to be built (see run_batch)
        outcomes = run_batch(all_jobs, executor=lambda n: batch_executor(n, jobs, scheduler),
                             force=force, failed=failed, return_bytes=bool(scheduler) and not shared_out,
                             progress=view.update, here=not scheduler)
    view.summary(outcomes)
    for outcome in outcomes:  # stdout: the files written, one a line, as `reporter build` prints them
        for path in outcome.paths if outcome.status == "built" else ():
            click.echo(str(path))
    if any(o.status == "failed" for o in outcomes):
        sys.exit(2)


@contextmanager
def batch_executor(n_jobs: int, jobs: int | None, scheduler: str | None) -> Iterator[Executor | None]:
    """Where a batch's briefings are built: a Dask cluster, or here and on a local process
    pool: forked from this process (``forkpool.WarmFork``, a fork-context process pool) where
    that is safe (``_warm_fork``), else the forkserver's. ``--jobs N`` is the number built at
    once on this machine: this process is one of them (``run_batch(here=True)``), so the pool
    has one worker less."""
    if scheduler:
        from .cluster import dask_executor

        with dask_executor(scheduler) as executor:
            yield executor
        return
    workers = min(jobs or os.cpu_count() or 1, max(n_jobs, 1)) - 1
    if workers <= 0:
        yield None
        return
    from concurrent.futures import ProcessPoolExecutor

    from .worker import watch

    def forkserver_pool() -> Executor:
        return ProcessPoolExecutor(workers, mp_context=start_batch_forkserver(), initializer=watch,
                                   initargs=(os.getpid(),))

    if _warm_fork():
        from .forkpool import WarmFork

        with WarmFork(workers, fallback=forkserver_pool) as pool:
            yield pool
        return
    with forkserver_pool() as pool:
        yield pool


def _warm_fork() -> bool:
    """Whether the batch's workers are forked from this process (``forkpool``: a fork-context
    process pool, started once this process has loaded ``batchworker``, before its first
    briefing) rather than from a forkserver: on Linux (the progress bar draws from this thread,
    so a terminal's run forks too; ``WarmFork`` still falls back to the forkserver if another
    thread is alive); ``REPORTER_POOL=forkserver`` asks for the forkserver's pool."""
    from .forkpool import platform_forks

    return os.environ.get("REPORTER_POOL") != "forkserver" and platform_forks()


def start_batch_forkserver():
    """The multiprocessing context of a batch's pool: forkserver (spawn where there is none).

    The forkserver is started here, once, with ``reporter.batchworker`` preloaded, so the
    workers fork warm (see batchworker). When its pool is the forkserver's (see ``_warm_fork``)
    the batch command calls this first of all, before it reads the specs: the forkserver's start (half a second of imports and fonts, a new
    interpreter) then runs on the other core while this process reads the specs and hashes
    the inputs, instead of after it; on a two-core machine that start was most of what the
    pool lost against one process. A batch with nothing to build leaves it unused; the
    command stops it when it is done either way (``stop_batch_forkserver``).
    """
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")  # each worker loads what a build needs at its first briefing
    import signal
    from multiprocessing import forkserver

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["reporter.batchworker"])  # not imported here: that would warm this process
    # Started with Ctrl-C ignored, which it and every worker it forks keep: a Ctrl-C is this
    # process's to handle (cancel what has not started, let the running briefings finish
    # and rename their files), not a traceback from each worker in the middle of an import.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)
    return context


def stop_batch_forkserver() -> None:
    """End the batch's forkserver now, not when this process has ended.

    A no-change rerun builds nothing, yet the forkserver it started at once is still loading
    (half a second of CPU), and it holds this command's output
    streams open until it ends: a pipe reading them waited for it (an 11 s rerun whose
    command had ended after 3 s, at a load of 12). After a batch its workers are gone and it
    has nothing to do; it also ends this way at once rather than tearing down a large heap
    as this process's streams wait. SIGTERM: while it warms up it stops at once (see
    ``batchworker``); idle, it just ends. Where there
    is no forkserver, nothing. (multiprocessing keeps the server's pid in a private field.)
    """
    import signal
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)
    if pid:
        try:
            os.kill(pid, signal.SIGTERM)
        except OSError:
            pass


@main.command()
@click.argument("folder", type=click.Path(file_okay=False, exists=True, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite a spec already there.")
def init(folder: Path, force: bool) -> None:
    """Write briefing.yaml beside FOLDER: a commented example spec that briefs its articles."""
    from .errors import InputError
    from .fileio import write_bytes_atomic
    from .inputs import folder_articles
    from .spec import INIT_TEMPLATE

    target = folder.resolve().parent / "briefing.yaml"
    if target.exists() and not force:
        raise InputError("already exists (--force to overwrite)", target)
    n = len(folder_articles(folder))
    write_bytes_atomic(target, INIT_TEMPLATE.format(spec=target.name, folder=folder.resolve().name).encode())
    click.echo(str(target))
    click.echo(f"{n} article file(s) in {folder}; edit {target.name}, then: reporter build {target}", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--verbose", "-v", is_flag=True, help="Report on stderr what was skipped and why.")
def analyze(inputs, verbose: bool) -> None:
    """Print what analysis finds in each article, as JSON (one object per article)."""
    import json

    from .analysis import analyze as analyse_article
    from .pipeline import load_inputs

    out = []
    for article in load_inputs(inputs):
        facts = analyse_article(article)
        if verbose:
            for reason in facts.skipped:
                click.echo(f"reporter: {article.path}: skipped: {reason}", err=True)
        out.append({"title": article.title, "paragraphs": list(article.paragraphs), **facts.to_dict()})
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))


@main.command()
@click.argument("docx_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "formats", default="pdf", show_default=True, callback=_formats, help="Format(s) to write.")
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace a DOCX in --out changed since it was written (kept as .bak).")
@click.option("--style", "style_file", type=click.Path(dir_okay=False, path_type=Path),
              help="A house style (.toml) merged over the default, under the DOCX's own look.")
@limit_options("--max-xml-mb", "--max-xml-elements")
def export(docx_file: Path, formats, out_dir: Path, force: bool, limits, style_file: Path | None = None) -> None:
    """Turn an edited DOCX back into a PDF in its own look: its page setup and named styles over
    the house style (no Word or LibreOffice needed)."""
    from .errors import InputError
    from .fileio import atomic_path, check_edited, keep_backup, record_written
    from .pipeline import house_style
    from .readers.docx import read_docx
    from .writers import WRITERS
    from .writers.reference_doc import load_reference

    targets = {fmt: out_dir / f"{docx_file.stem}.{fmt}" for fmt in formats}
    if any(t.resolve() == docx_file.resolve() for t in targets.values()):
        raise InputError("would overwrite the input; choose another --out", docx_file)
    edited = check_edited(targets.values(), force)
    document, warnings = read_docx(docx_file, limits)
    for warning in warnings:
        click.echo(f"reporter: warning: {docx_file}: {warning}", err=True)
    # the DOCX is its own reference: a Letter page or a restyled Heading 1 in Word reach the PDF
    style, font_warnings = house_style(style_file, load_reference(docx_file, limits))
    for warning in font_warnings:
        click.echo(f"reporter: warning: {warning}", err=True)
    for fmt, target in targets.items():
        with atomic_path(target) as tmp:
            WRITERS[fmt].write(document, tmp, style=style)
            if target in edited:
                keep_backup(target)
        record_written([target])
        click.echo(str(target))


@main.command()
@build_options
@click.option("--to", "to", multiple=True, metavar="ADDR", help="Recipient (repeat for more). Required.")
@click.option("--cc", multiple=True, metavar="ADDR", help="Copy recipient (repeat for more).")
@click.option("--bcc", multiple=True, metavar="ADDR", help="Blind copy: receives it, never appears in headers.")
@click.option("--from", "sender", metavar="ADDR", help="Sender address  [default: reporter@localhost]")
@click.option("--subject", help="Subject (default: the marking, title and date).")
@click.option("--smtp", metavar="HOST:PORT", help="Also send through this SMTP server (login from "
              "REPORTER_SMTP_USER / REPORTER_SMTP_PASSWORD).")
@click.option("--starttls", is_flag=True, help="Upgrade the connection with STARTTLS.")
@click.option("--ssl", "use_ssl", is_flag=True, help="Connect with implicit TLS (port 465).")
@click.option("--smtp-timeout", default=30.0, show_default=True, type=click.FloatRange(0.1, 3600), metavar="SECONDS",
              help="One deadline for the whole delivery, from connecting to the server's last reply.")
@click.option("--max-attachment-mb", default=10.0, show_default=True, type=click.FloatRange(0.001, 1e5),
              help="Refuse to send attachments larger than this in total, in MB (MiB).")
def email(inputs, to, cc, bcc, sender, subject, smtp, starttls, use_ssl, smtp_timeout, max_attachment_mb,
          **kw) -> None:
    """Build the briefing, write it as out/<slug>.eml with the DOCX and PDF attached, optionally send it."""
    from .deliver import deliver, prepare_delivery
    from .errors import InputError
    from .pipeline import make_and_write

    if starttls and use_ssl:
        raise InputError("choose one of --starttls and --ssl")
    if len(inputs) == 1 and _is_spec(inputs[0]):
        given = dict(to=to, cc=cc, bcc=bcc, sender=sender, subject=subject, smtp=smtp, timeout=smtp_timeout,
                     security="starttls" if starttls else "ssl" if use_ssl else None)
        return _email_spec(inputs[0], given, max_attachment_mb, _spec_overrides(click.get_current_context(), kw))
    delivery = prepare_delivery(to=to, cc=cc, bcc=bcc, sender=sender, subject=subject, smtp=smtp,
                                security="starttls" if starttls else "ssl" if use_ssl else "plain",
                                timeout=smtp_timeout, max_attachment_mb=max_attachment_mb,
                                title=kw.get("title"), marking=kw.get("marking"))
    make, write = _build_kwargs(kw)
    with build_executor(write["formats"]) as executor:
        briefing, files = make_and_write(inputs, **make, **write, executor=executor, check=delivery.check_files)
    _warn(briefing)
    result = deliver(briefing, list(files.values()), delivery, out_dir=write["out_dir"])
    click.echo(str(result.path))
    if result.sent:
        click.echo(f"sent to {len(result.recipients)} recipient(s) via {smtp}", err=True)


def _warn(briefing) -> None:
    """The briefing's one-line warnings ("3 duplicate inputs merged"), alike for build and email."""
    for warning in briefing.warnings:
        click.echo(f"reporter: warning: {warning}", err=True)


def _is_spec(path: Path) -> bool:
    """Whether the one input named is a briefing spec. Every spec is a YAML file (by its name
    or its keys), so any other ending is an article, told without importing the spec's
    pydantic models: a third of the sample's CPU in this process, spent before the PDF
    worker started."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return False
    from .spec import looks_like_spec

    return looks_like_spec(path)


def _email_spec(spec: Path, given: dict, max_attachment_mb: float, overrides: dict) -> None:
    """``reporter email SPEC``: each briefing of the spec built and sent to its ``delivery:``.

    The command line's addresses and server, when given, replace the spec's. Every
    briefing's addresses are checked before the first is built.
    """
    from .deliver import deliver, prepare_delivery
    from .errors import InputError
    from .pipeline import make_and_write
    from .spec import resolve, select_articles

    plans = []
    for job in resolve(spec, overrides):
        d = job.delivery
        if d is None and not given["to"]:
            raise InputError("no delivery: in the spec and no --to given", job.label)
        pick = {k: given[k] or (getattr(d, k) if d else None) for k in ("to", "cc", "bcc", "sender", "subject", "smtp")}
        security = given["security"] or (d.security if d else "plain")
        timeout = given["timeout"] if given["to"] or d is None else d.timeout
        plans.append((job, prepare_delivery(**{k: v or () if k in ("to", "cc", "bcc") else v for k, v in pick.items()},
                                            security=security, timeout=timeout, max_attachment_mb=max_attachment_mb),
                      pick["smtp"]))
    for job, delivery, server in plans:
        briefing, files = make_and_write(**select_articles(job).build_options, formats=job.formats,
                                         out_dir=job.out_dir, reference_doc=job.reference_doc, stem=job.name,
                                         **job.make_options)
        result = deliver(briefing, list(files.values()), delivery, out_dir=job.out_dir)
        click.echo(str(result.path))
        if result.sent:
            click.echo(f"sent to {len(result.recipients)} recipient(s) via {server}", err=True)


def entry() -> None:
    """The ``reporter`` command: run the CLI, then leave without Python's teardown.

    Freeing every object at exit (lxml, python-docx, jinja2 and markdown-it hold many)
    took 80 to 110 ms after the sample build and 150 to 240 ms after 100 articles,
    against 15 to 20 ms this way. By then every file is written and closed and the pool
    shut down; only the standard streams still need flushing. Should any other thread
    still run, the ordinary exit waits for it instead.
    """
    try:
        main()
        code: int | str | None = 0
    except SystemExit as exc:  # click ends every run this way
        code = exc.code
    except KeyboardInterrupt:  # before a command's own handling began (or after it ended)
        sys.stderr.write("reporter: error: interrupted; nothing written\n")
        code = 130
    if isinstance(code, str):
        sys.stderr.write(code + "\n")
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can reach it
            pass
    import threading

    if threading.active_count() > 1:
        sys.exit(code or 0)
    os._exit(code or 0)


if _signal.getsignal(_signal.SIGINT) is _interrupted_at_start:
    _signal.signal(_signal.SIGINT, _signal.default_int_handler)  # from here on, KeyboardInterrupt as usual
