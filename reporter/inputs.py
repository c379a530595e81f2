"""What the user named -> the article files it stands for: files, folders and globs.

A folder stands for every article file under it, chosen by the endings in ingest's
``FORMATS`` table (the one list of what is an article), skipping hidden files and
folders, our own outputs and briefing specs. A glob (``"articles/*.md"``,
``"desk/**/*.json"``) is expanded here, not by the shell, so a quoted pattern means the
same on every platform (Windows' shell expands nothing). The order is stable: sorted by
the path's parts under each name, and each file once, in the order first named, so the
same folder gives the same briefing on any machine and file system.
"""

from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable

from .errors import InputError

GLOB_CHARS = frozenset("*?[")
# A folder may hold what we wrote there before, and the briefing specs that name it.
SPEC_NAMES = ("briefing.yaml", "briefing.yml")
SPEC_SUFFIXES = (".briefing.yaml", ".briefing.yml")
MANIFEST = ".reporter-manifest.json"  # a batch's record of what it built, beside the outputs (batch.py)
OUTPUT_PREFIX = "briefing-"  # how the pipeline names a briefing's files (Briefing.slug)
OUTPUT_SUFFIXES = (".docx", ".pdf", ".eml")


def article_suffixes() -> frozenset[str]:
    """Endings that make a file in a folder an article (a named file may have any ending)."""
    from .ingest import FORMATS

    return frozenset(s for fmt in FORMATS.values() for s in fmt.suffixes if s)


def is_spec_name(path: Path) -> bool:
    name = path.name.lower()
    return name in SPEC_NAMES or name.endswith(SPEC_SUFFIXES)


def is_glob(text: str) -> bool:
    return any(c in GLOB_CHARS for c in text)


def _hidden(parts: Iterable[str]) -> bool:
    return any(p.startswith((".", "~")) or p.endswith("~") for p in parts)


def _ours(path: Path) -> bool:
    """A file reporter wrote: in a folder a batch keeps its manifest in, or named as a build
    names its outputs (should .docx or .pdf ever become article endings)."""
    return (path.parent / MANIFEST).exists() or (
        path.name.startswith(OUTPUT_PREFIX) and path.suffix.lower() in OUTPUT_SUFFIXES)


def folder_articles(folder: Path) -> list[Path]:
    """Every article file under ``folder``, in a stable order (see the module)."""
    suffixes = article_suffixes()
    found = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).parts
        if _hidden(rel) or is_spec_name(path) or path.suffix.lower() not in suffixes or not path.is_file():
            continue
        if _ours(path):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def expand_inputs(inputs: Iterable[str | Path], *, base: Path | None = None) -> list[Path]:
    """Files for the names given: a file as is, a folder's articles, a glob's matches.

    ``base``: where relative names are read from (a spec's folder); the paths returned
    keep the form they were given in when there is none. A folder or glob that yields no
    article is an error naming it, as is a name that is none of these.
    """
    out: dict[Path, None] = {}
    for item in inputs:
        text = str(item)
        path = Path(text)
        if base is not None and not path.is_absolute():
            path = base / path
        if path.is_dir():
            files = folder_articles(path)
            if not files:
                raise InputError("no article files in this folder (looked for "
                                 f"{', '.join(sorted(article_suffixes()))})", text)
        elif not path.exists() and is_glob(text):
            matches = [Path(m) for m in glob.glob(str(path), recursive=True)]
            files = []
            for m in sorted(matches, key=lambda p: p.parts):
                files.extend(folder_articles(m) if m.is_dir() else [m] if not _hidden([m.name]) else [])
            if not files:
                raise InputError("no files match this pattern", text)
        else:
            files = [path]  # ingest reports a missing or unreadable file, naming it
        out.update(dict.fromkeys(files))
    return list(out)
