"""The machine's fonts, from fontconfig: one bounded, cached way of asking it, and its two questions.

Two things need the installed fonts. A reference document names its fonts ("Calibri",
"Georgia") and the PDF must embed a TrueType file for each (``find_family``, through
``fc-match``); the PDF's fallback chain needs every font with the characters it covers
(``system_fonts``, through ``fc-list``). Both go through ``ask``: the tool is run once per
question and process (the answer is kept), within a deadline and an output cap, and a tool
that is missing, fails, hangs or says too much is an empty answer, never an error: the
build then goes on with the house fonts, and says what it could not draw.

fontconfig always answers ``fc-match`` with *some* font, so an answer counts only when its
family is the one asked for or a metric-compatible substitute (Carlito for Calibri: the
same widths, so the PDF breaks lines where Word does). Nothing here runs unless a reference
document asks for a font the house style lacks, or a paragraph has a character the house
fonts lack: the usual briefing never asks (``asked`` tells what was).
"""

from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from threading import Lock
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
_UPRIGHT = ("regular", "book", "normal", "medium", "bold")  # the fallback chain's styles: the text's own weights

# How long each tool may take, and how much it may print (a list of every font with its
# character ranges is some hundreds of kB on a desktop with CJK fonts installed).
SECONDS = {"fc-match": 10.0, "fc-list": 20.0}
MAX_BYTES = 16 * 1024 * 1024

_ANSWERS: dict[tuple[str, ...], str] = {}
_ASKING = Lock()


def ask(*args: str) -> str:
    """fontconfig's answer to the command ``args`` (``fc-list ...``, ``fc-match ...``), read once
    per process; "" when the tool is missing, fails, takes longer than ``SECONDS`` allows or
    prints more than ``MAX_BYTES``. Under a lock: two threads asking at once run it once."""
    with _ASKING:
        if args not in _ANSWERS:
            _ANSWERS[args] = _run(args, SECONDS.get(args[0], 10.0), MAX_BYTES)
        return _ANSWERS[args]


def asked() -> tuple[str, ...]:
    """The fontconfig tools this process has asked so far, in order (one entry a question)."""
    return tuple(args[0] for args in _ANSWERS)


def _run(args: tuple[str, ...], seconds: float, cap: int) -> str:
    """The tool's standard output, read as it comes within the deadline and the cap."""
    import selectors
    import subprocess

    exe = shutil.which(args[0])
    if exe is None:
        return ""
    try:
        proc = subprocess.Popen([exe, *args[1:]], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
    except OSError:
        return ""
    deadline = time.monotonic() + seconds
    out = bytearray()
    with proc, selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not sel.select(left):
                    return ""
                chunk = os.read(proc.stdout.fileno(), 65536)
                if not chunk:
                    break
                out += chunk
                if len(out) > cap:
                    return ""
            proc.wait(max(0.0, deadline - time.monotonic()))
        except (OSError, subprocess.TimeoutExpired):
            return ""
        finally:
            if proc.poll() is None:
                proc.kill()
    return out.decode("utf-8", "surrogateescape")  # a file name need not be UTF-8


class FoundFamily(NamedTuple):
    """The TrueType files of one family, as fontconfig found them (a face it lacks is None)."""

    asked: str  # the name the document used
    family: str  # the family the files belong to (the substitute, if one was used)
    regular: Path
    bold: Path | None
    italic: Path | None
    bold_italic: Path | None


class _Match(NamedTuple):
    file: str
    families: str
    format: str
    style: str


def _match(pattern: str) -> _Match:
    """fontconfig's best match for ``pattern``."""
    out = ask("fc-match", "-f", "%{file}\n%{family}\n%{fontformat}\n%{style}", pattern)
    return _Match(*(out.split("\n") + ["", "", "", ""])[:4])


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
        m = _match(_escape(name.strip()) + _PATTERN[face])
        ok = m.file and m.format == "TrueType" and m.file.lower().endswith(".ttf") and _families(m.families) & wanted
        if ok and face != "regular":  # fontconfig hands the regular face back for a missing bold
            words = m.style.casefold()
            ok = ("bold" in words) == ("bold" in face) and (("italic" in words or "oblique" in words)
                                                             == ("italic" in face))
        found[face] = Path(m.file) if ok else None
        if face == "regular":
            if found[face] is None:
                return None
            family = m.families.split(",")[0].strip()
    return FoundFamily(name, family, found["regular"], found["bold"], found["italic"], found["bold_italic"])


@dataclass(frozen=True)
class FontFile:
    """One font file: its family, whether it is bold, and the code points it has glyphs for
    (None: not known until the file is loaded)."""

    family: str
    bold: bool
    path: Path
    charset: frozenset | None = None


def _charset(ranges: str) -> frozenset:
    """fontconfig's ``%{charset}`` ("20-7e a0-17f 2000") as a set of code points."""
    points: list = []
    for part in ranges.split():
        a, _, b = part.partition("-")
        lo = int(a, 16)
        points.extend(range(lo, int(b, 16) + 1) if b else (lo,))
    return frozenset(points)


_SYSTEM: tuple[FontFile, ...] | None = None


def system_fonts() -> tuple[FontFile, ...]:
    """The system's TrueType-outline fonts in upright styles, with the characters each covers,
    as fontconfig lists them (once per process); empty where there is no fontconfig (see the
    README for macOS and Windows). Only TrueType outlines: reportlab's loader refuses CFF ones
    (Noto Sans CJK), so the list is filtered by format."""
    global _SYSTEM
    if _SYSTEM is None:
        out = ask("fc-list", "--format", r"%{family[0]}\t%{style[0]}\t%{fontformat}\t%{file}\t%{charset}\n")
        fonts = []
        for line in sorted(out.splitlines()):  # sorted: the same choice whatever order fontconfig lists in
            parts = line.split("\t")
            if len(parts) != 5 or parts[2] != "TrueType" or not parts[3].lower().endswith((".ttf", ".ttc")):
                continue
            family, style, _, path, ranges = parts
            style = style.lower()
            if style in _UPRIGHT:  # no italics, no condensed or light cuts
                try:
                    charset = _charset(ranges)
                except ValueError:  # not fontconfig's ranges: a line of some other tool
                    continue
                fonts.append(FontFile(family, style == "bold", Path(path), charset))
        _SYSTEM = tuple(fonts)
    return _SYSTEM
