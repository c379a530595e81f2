"""The house style: one table of named styles that both writers read.

Styles are addressed by name (``Heading 1``, ``Quote``...), never by direct
formatting, so a DOCX user restyles the whole briefing by changing one style, and
the PDF takes the same look from the same table.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

# The vocabulary shared by the writers and the DOCX reader.
STYLE_NAMES = (
    "Normal", "Body Text", "First Paragraph", "Title", "Subtitle", "Marking",
    "Heading 1", "Heading 2", "Heading 3", "Quote", "Quote Attribution",
    "List Bullet", "List Number", "Key Point", "Table Text", "Table Heading",
    "Caption", "Source", "Header", "Footer", "TOC Heading",
)


# The plain paragraph styles: inside a Div (a Key Point...) or a list they take the enclosing
# style instead, in both writers.
BODY_STYLES = ("Body Text", "First Paragraph")

# How a paragraph may be aligned; both writers map exactly these (British "centre" is read too).
ALIGNMENTS = ("left", "right", "center", "justify")
_ALIGN_ALIASES = {"centre": "center"}

# List markers by nesting depth (cycling), the same in both writers: the bullet, and how an
# ordered list counts (Word's numFmt names; the PDF spells them out the way Word shows them).
BULLETS = ("\u2022", "\u2013", "\u25aa")
NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman")


def templates_dir() -> Path:
    """Where the templates, the house style and its fonts live (``REPORTER_TEMPLATES`` overrides)."""
    env = os.environ.get("REPORTER_TEMPLATES")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "templates"


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    name: str
    parent: str | None = None
    font: str = "sans"  # key into HouseStyle.fonts
    size: float = 10.0
    leading: float | None = None  # line height in points; None = 1.2 x size
    bold: bool = False
    italic: bool = False
    color: str = "000000"  # resolved hex
    align: str = "left"  # one of ALIGNMENTS
    left_indent: float = 0.0  # cm
    right_indent: float = 0.0  # cm
    space_before: float = 0.0  # pt
    space_after: float = 0.0  # pt
    keep_with_next: bool = False

    @property
    def line_height(self) -> float:
        return self.leading if self.leading is not None else round(self.size * 1.2, 2)


@dataclass(frozen=True, slots=True)
class FontFamily:
    key: str
    name: str  # the font name a DOCX asks for
    pdf_name: str  # the name the PDF registers and embeds
    regular: Path
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None


@dataclass(frozen=True, slots=True)
class PageSetup:
    size: str = "A4"
    margin_top: float = 2.2
    margin_bottom: float = 2.0
    margin_left: float = 2.2
    margin_right: float = 2.2
    header_distance: float = 1.0
    footer_distance: float = 0.9

    @property
    def size_cm(self) -> tuple[float, float]:
        return {"A4": (21.0, 29.7), "LETTER": (21.59, 27.94)}[self.size.upper()]


@dataclass(frozen=True, slots=True)
class HouseStyle:
    page: PageSetup
    fonts: dict[str, FontFamily]
    colors: dict[str, str]
    styles: dict[str, ParagraphStyle]
    # Font families for characters the style's fonts lack, tried in order (PDF), and the family
    # for each script (ISO 15924 code), tried first in the PDF and named in the DOCX.
    fallback: tuple[str, ...] = ()
    script_fonts: dict[str, str] = field(default_factory=dict)

    def style(self, name: str) -> ParagraphStyle:
        """The named style, falling back to Body Text for names the house style lacks."""
        return self.styles.get(name) or self.styles["Body Text"]

    def color(self, key: str) -> str:
        return self.colors.get(key, key)


class StyleError(ValueError):
    pass


_STYLE_FIELDS = {f.name for f in fields(ParagraphStyle)} - {"name"}


def _resolve(name: str, raw: dict[str, dict], colors: dict[str, str], seen: tuple[str, ...] = ()) -> dict:
    if name in seen:
        raise StyleError(f"style {name!r} inherits from itself")
    spec = raw.get(name)
    if spec is None:
        raise StyleError(f"unknown parent style {name!r}")
    unknown = set(spec) - _STYLE_FIELDS
    if unknown:
        raise StyleError(f"style {name!r} has unknown keys: {', '.join(sorted(unknown))}")
    merged = _resolve(spec["parent"], raw, colors, seen + (name,)) if spec.get("parent") else {}
    merged = {**merged, **spec, "parent": spec.get("parent")}
    if "color" in merged:
        merged["color"] = colors.get(merged["color"], merged["color"])
    if "align" in merged:
        align = str(merged["align"]).strip().lower()
        merged["align"] = _ALIGN_ALIASES.get(align, align)
        if merged["align"] not in ALIGNMENTS:
            raise StyleError(f"style {name!r} has align {spec.get('align', merged['align'])!r}; "
                             f"use one of {', '.join(ALIGNMENTS)}")
    return merged


def parse_house_style(data: dict, base: Path) -> HouseStyle:
    colors = {k: str(v).lstrip("#").upper() for k, v in data.get("colors", {}).items()}
    fonts = {}
    for key, spec in data.get("fonts", {}).items():
        paths = {
            part: (base / spec[part]) if spec.get(part) else None
            for part in ("regular", "bold", "italic", "bold_italic")
        }
        fonts[key] = FontFamily(key=key, name=spec["name"], pdf_name=spec.get("pdf_name", spec["name"]), **paths)
    raw = data.get("styles", {})
    styles = {name: ParagraphStyle(name=name, **_resolve(name, raw, colors)) for name in raw}
    for name in ("Normal", "Body Text"):
        if name not in styles:
            raise StyleError(f"the house style must define {name!r}")
    for st in styles.values():
        if st.font not in fonts:
            raise StyleError(f"style {st.name!r} uses unknown font {st.font!r}")
    fallback = data.get("fallback", {})
    return HouseStyle(page=PageSetup(**data.get("page", {})), fonts=fonts, colors=colors, styles=styles,
                      fallback=tuple(str(f) for f in fallback.get("fonts", ())),
                      script_fonts={str(k): str(v) for k, v in fallback.get("scripts", {}).items()})


@lru_cache(maxsize=8)
def load_house_style(path: Path | None = None) -> HouseStyle:
    path = path or templates_dir() / "house-style.toml"
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return parse_house_style(data, path.parent)
