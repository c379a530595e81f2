"""Font files by family name, from fontconfig: what a reference document's fonts are on this machine.

A reference document names its fonts ("Calibri", "Georgia"); the PDF must embed a TrueType
file for each. fontconfig (``fc-match``) knows the installed fonts and their aliases, but it
always answers with *some* font, so an answer counts only when its family is the one asked
for or a metric-compatible substitute (Carlito for Calibri: the same widths, so the PDF
breaks lines where Word does). Each answer is cached for the process; nothing here runs
unless a reference document asks for a font the house style does not already have.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

# Metric-compatible families, by the name a document asks for (case-insensitive).
SUBSTITUTES = {
    "calibri": "Carlito",
    "cambria": "Caladea",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "courier new": "Liberation Mono",
    "courier": "Liberation Mono",
    "arial narrow": "Liberation Sans Narrow",
}
FACES = ("regular", "bold", "italic", "bold_italic")
_PATTERN = {"regular": "", "bold": ":weight=bold", "italic": ":slant=italic", "bold_italic": ":weight=bold:slant=italic"}


class FoundFamily(NamedTuple):
    """The TrueType files of one family, as fontconfig found them (a face it lacks is None)."""

    asked: str  # the name the document used
    family: str  # the family the files belong to (the substitute, if one was used)
    regular: Path
    bold: Path | None
    italic: Path | None
    bold_italic: Path | None


def _match(pattern: str) -> tuple[str, str, str, str]:
    """(file, families, format, style) of fontconfig's best match for ``pattern``."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}\n%{family}\n%{fontformat}\n%{style}", pattern],
                             capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ("", "", "", "")
    parts = (out.split("\n") + ["", "", "", ""])[:4]
    return parts[0], parts[1], parts[2], parts[3]


def _escape(family: str) -> str:
    """A family name as a fontconfig pattern takes it: its own ``-``, ``:`` and ``,`` escaped."""
    for ch in "\\-:,":
        family = family.replace(ch, "\\" + ch)
    return family


def _families(text: str) -> set[str]:
    return {f.strip().casefold() for f in text.split(",") if f.strip()}


@lru_cache(maxsize=64)
def find_family(name: str) -> FoundFamily | None:
    """The TrueType files for family ``name`` (or its metric-compatible substitute); None when
    neither is installed or fontconfig is missing. A face the family lacks is None, so a
    caller can fall back to the regular face rather than to another family's."""
    if not name.strip() or shutil.which("fc-match") is None:
        return None
    wanted = {name.strip().casefold()}
    if name.strip().casefold() in SUBSTITUTES:
        wanted.add(SUBSTITUTES[name.strip().casefold()].casefold())
    found: dict[str, Path | None] = {}
    family = ""
    for face in FACES:
        path, families, fmt, style = _match(_escape(name.strip()) + _PATTERN[face])
        ok = path and fmt == "TrueType" and path.lower().endswith(".ttf") and _families(families) & wanted
        if ok and face != "regular":  # fontconfig hands the regular face back for a missing bold
            words = style.casefold()
            ok = ("bold" in words) == ("bold" in face) and (("italic" in words or "oblique" in words)
                                                             == ("italic" in face))
        found[face] = Path(path) if ok else None
        if face == "regular":
            if found[face] is None:
                return None
            family = families.split(",")[0].strip()
    return FoundFamily(name, family, found["regular"], found["bold"], found["italic"], found["bold_italic"])
