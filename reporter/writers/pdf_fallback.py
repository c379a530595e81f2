"""Fonts for the characters the house fonts lack: a fallback chain, found and loaded on demand.

The house style names the chain (``[fallback] fonts``: family names, tried in order); a
family is looked up among the fonts of a user's ``--font-dir``, then the system's
(``fonts.system_fonts``: fontconfig's list, read once per process, and only when a paragraph
has a character the house font lacks: the usual briefing never pays for it). A font is
parsed and registered with reportlab the first time one of its characters is drawn; what
each font covers is a set of code points, built once.

A character no font covers is drawn as the replacement character and remembered, so the
writer can say once per build which scripts went missing (``missing``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from threading import Lock

from ..errors import InputError
from ..fonts import FontFile, system_fonts
from ..scripts import NAMES, script_of

PLACEHOLDER = "\ufffd"  # drawn for a character no font has (a visible box or diamond, never nothing)
_FONT_FILES = (".ttf", ".otf", ".ttc")
_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def font_dir_files(dirs) -> list:
    """The font files in a user's ``--font-dir`` folders (not recursive), sorted; a missing
    folder is an input error."""
    found = []
    for d in dirs:
        d = Path(d)
        if not d.is_dir():
            raise InputError(f"{d}: --font-dir is not a folder")
        found.extend(sorted(p for p in d.iterdir() if p.suffix.lower() in _FONT_FILES and p.is_file()))
    return found


def load_ttf(name: str, path: Path):
    """A reportlab TTFont, or an input error naming the file and the problem."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    try:
        return TTFont(name, str(path))
    except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError) as exc:
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot load this font ({reason})") from None


@dataclass
class Fallback:
    """The fallback chain of one house style and font folders, and what it has found so far.

    ``face_for(ch, bold)`` is the registered font name that draws ``ch``: the first font of
    the user's folders that has it, then the first of the house style's families. Answers
    are remembered per character.
    """

    families: tuple  # house-style family names, in order
    font_dirs: tuple = ()
    preferred: dict = field(default_factory=dict)  # script -> the family the house style names for it
    _candidates: list | None = None
    _users: int = 0  # how many of the candidates come from the font folders
    _loaded: dict = field(default_factory=dict)  # path -> registered name
    _coverage: dict = field(default_factory=dict)  # registered name -> frozenset of code points
    _chosen: dict = field(default_factory=dict)  # (code point, bold) -> registered name or None
    _lock: Lock = field(default_factory=Lock)

    def candidates(self) -> list:
        """The chain as font files: the user's folders (loaded now, so a bad file stops the
        build at once), then the house style's families in the system's fonts."""
        if self._candidates is None:
            chain = []
            for path in font_dir_files(self.font_dirs):
                name = self._register(path)
                chain.append(FontFile(name, False, path, self._coverage[name]))
            by_family: dict = {}
            for f in system_fonts():
                by_family.setdefault(f.family.lower(), []).append(f)
            self._users = len(chain)
            names = dict.fromkeys([*self.families, *self.preferred.values()])
            for family in names:
                chain.extend(by_family.get(family.lower(), ()))
            self._candidates = chain
        return self._candidates

    def _register(self, path: Path) -> str:
        name = self._loaded.get(path)
        if name is None:
            from reportlab.pdfbase import pdfmetrics

            name = "Fallback-" + _NAME_UNSAFE.sub("", path.stem)
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(load_ttf(name, path))
            font = pdfmetrics.getFont(name)
            self._coverage[name] = frozenset(font.face.charToGlyph)
            self._loaded[path] = name
        return name

    def face_for(self, ch: str, bold: bool = False) -> str | None:
        """The registered font that has a glyph for ``ch`` (its family's bold face when there is
        one and ``bold``), or None. The family the house style names for the character's script
        comes first."""
        key = (ord(ch), bold)
        if key in self._chosen:
            return self._chosen[key]
        with self._lock:
            o = ord(ch)
            chain = self.candidates()
            covering = [(n, f) for n, f in enumerate(chain) if o in self._cover(f)]
            preferred = self.preferred.get(script_of(ch), "").lower()
            first = next((f for n, f in covering if n < self._users or f.family.lower() == preferred),
                         covering[0][1] if covering else None)
            covering = [f for _, f in covering]
            name = None
            if first is not None:
                same = [f for f in covering if f.family == first.family]
                name = self._register(next((f for f in same if f.bold == bold), first).path)
                if o not in self._coverage[name]:  # fontconfig and the font's own table disagree
                    name = None
            self._chosen[key] = name
            return name

    def _cover(self, f: FontFile) -> frozenset:
        return f.charset if f.charset is not None else self._coverage[self._register(f.path)]


def describe_missing(missing: dict) -> str:
    """The scripts no font had and a few of their characters ("Emoji U+1F9FF; Han U+5317"), or ""."""
    parts = []
    for script, chars in sorted(missing.items()):
        shown = " ".join(f"U+{ord(c):04X}" for c in list(chars)[:3])
        parts.append(f"{NAMES.get(script, script)} {shown}{' ...' if len(chars) > 3 else ''}")
    return "; ".join(parts)


_CHAINS: dict = {}


def fallback_for(families: tuple, preferred: dict, font_dirs: tuple = ()) -> Fallback:
    """The one ``Fallback`` per chain and font folders in this process (fonts load once)."""
    key = (tuple(families), tuple(sorted(preferred.items())), tuple(os.fspath(d) for d in font_dirs))
    found = _CHAINS.get(key)
    if found is None:
        found = _CHAINS[key] = Fallback(tuple(families), tuple(font_dirs), dict(preferred))
    return found
