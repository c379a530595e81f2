"""Writers, one per format, listed in a table (pandoc's Writers.hs).

Each writer module has ``warm()`` (do now the imports and font loading its first write
would do) and ``write(doc, path, *, style, reference_doc=None, ...)``; the PDF's returns
where its headings went, which the DOCX's takes as ``pages`` for its contents field. The table holds small
handles that import the module on first use: reportlab and python-docx cost start-up
time and a build may need only one of them. A handle pickles as its module name, so
``WRITERS["pdf"].write`` can be sent to a process pool as it is.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

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
        """Import the writer and load what its first write would (fonts, reference document).

        Once per process, under a lock: reportlab's font registry is global, and two
        threads registering the same fonts at once could each hold a different copy.
        """
        with _WARM_LOCK:
            if self.module not in _WARMED:
                self._impl().warm()
                _WARMED.add(self.module)

    def write(self, doc: Document, path: Path, *, style: HouseStyle, reference_doc: Path | None = None,
              **options: Any) -> Any:
        """Write ``doc`` at ``path`` (not atomically: see ``fileio.atomic_paths``); returns what
        the writer tells (the PDF: its ``PageMap``). ``options``: the writer's own (the DOCX's
        ``pages``)."""
        self.warm()
        return self._impl().write(doc, path, style=style, reference_doc=reference_doc, **options)


_WARM_LOCK = threading.Lock()
_WARMED: set[str] = set()


WRITERS: dict[str, Writer] = {"docx": Writer(".docx"), "pdf": Writer(".pdf")}

