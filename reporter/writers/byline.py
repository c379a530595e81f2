"""The title block's byline, one rule for the DOCX and the PDF: "date · Prepared for X · Prepared by Y".

The DOCX reader parses this line back into ``Meta`` (``readers.docx_assemble``), so its parts are
spelled in one place. Each writer joins them with its own spacing around the dot.
"""

from __future__ import annotations

from ..dates import date_label
from ..model import Meta


def byline_parts(meta: Meta, *, date: bool = True) -> list[str]:
    """The byline's parts that have something to say; ``date=False`` leaves the date out (the PDF
    does when the subtitle already shows it; the DOCX always keeps it, for the reader to find)."""
    parts = [date_label(meta.date)] if date and meta.date.strip() else []
    if meta.prepared_for.strip():
        parts.append(f"Prepared for {meta.prepared_for}")
    if meta.author.strip():
        parts.append(f"Prepared by {meta.author}")
    return parts
