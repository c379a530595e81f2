"""Writers, one per format, listed in a table (pandoc's Writers.hs).

Each entry is ``write(doc, path, *, style, reference_doc=None)``. Imports are lazy:
reportlab and python-docx cost start-up time and a build may need only one of them.
"""

from __future__ import annotations

from typing import Callable


def _docx(*args, **kwargs):
    from .docx import write

    return write(*args, **kwargs)


def _pdf(*args, **kwargs):
    from .pdf import write

    return write(*args, **kwargs)


def warm_pdf() -> None:
    """Do now what the first PDF write would: import reportlab, load the fonts, lay out a page."""
    from .pdf import warm

    warm()


WRITERS: dict[str, Callable[..., None]] = {"docx": _docx, "pdf": _pdf}
