"""Writers, one per format, listed in a table (pandoc's Writers.hs).

Each writer module has ``warm()`` (do now the imports and font loading its first write
would do) and ``write(doc, path, *, style, reference_doc=None)``. The table holds small
handles that import the module on first use: reportlab and python-docx cost start-up
time and a build may need only one of them. A handle pickles as its module name, so
``WRITERS["pdf"].write`` can be sent to a process pool as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document
    from ..style import HouseStyle


@dataclass(frozen=True)
class Writer:
    """One output format, by the module that writes it."""

    module: str  # relative to this package, e.g. ".pdf"

    def _impl(self) -> ModuleType:
        return import_module(self.module, __name__)

    def warm(self) -> None:
        """Import the writer and load what its first write would (fonts, reference document)."""
        self._impl().warm()

    def write(self, doc: Document, path: Path, *, style: HouseStyle, reference_doc: Path | None = None) -> None:
        """Write ``doc`` at ``path`` (not atomically: see ``fileio.atomic_paths``)."""
        self._impl().write(doc, path, style=style, reference_doc=reference_doc)


WRITERS: dict[str, Writer] = {"docx": Writer(".docx"), "pdf": Writer(".pdf")}


def warm(formats: tuple[str, ...] = tuple(WRITERS)) -> None:
    """Warm the writers of ``formats``: a process pool's initializer, so its workers are
    ready before the first document arrives."""
    for fmt in formats:
        WRITERS[fmt].warm()
