"""Readers, one per format, that turn a file back into the document model (pandoc's Readers).

Each entry is ``read(path) -> (Document, warnings)``. Imports are lazy so the CLI
starts fast and a reader's dependencies load only when that format is read.
"""

from __future__ import annotations

from typing import Callable


def _docx(*args, **kwargs):
    from .docx import read_docx

    return read_docx(*args, **kwargs)


READERS: dict[str, Callable[..., tuple]] = {"docx": _docx}
