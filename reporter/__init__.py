"""reporter: news articles in, an executive briefing out (DOCX and PDF), ready to email.

The public API, imported lazily so ``import reporter`` and ``reporter --help`` stay fast:

    build_briefing(inputs, formats=("docx", "pdf"), out_dir="out", executor=None, **options) -> list[Path]
    make_briefing(inputs, executor=None, **options) -> Briefing        (no files written)
    write_briefing(briefing, formats=..., out_dir=..., executor=None) -> dict[str, Path]
    load_articles(path) -> list[Article]
    analyze(article) -> Facts
    read_docx(path) -> (Document, warnings)

Everything runs serially in the caller's thread and starts no process, so it is safe
from threads, notebooks and servers. ``executor`` (any ``concurrent.futures.Executor``,
e.g. a process pool) is the one way to spread a build over more cores; see ARCHITECTURE.md.
"""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "build_briefing": "pipeline", "make_briefing": "pipeline", "write_briefing": "pipeline", "Briefing": "pipeline",
    "load_articles": "ingest", "Article": "ingest", "analyze": "analysis", "read_docx": "readers.docx",
    "Document": "model", "ReporterError": "errors", "InputError": "errors", "DeliveryError": "errors",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'reporter' has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{module}", __name__), name)
