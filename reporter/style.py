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


PAGE_SIZES = {"A4": (21.0, 29.7), "LETTER": (21.59, 27.94), "LEGAL": (21.59, 35.56), "A5": (14.8, 21.0)}


@dataclass(frozen=True, slots=True)
class PageSetup:
    """The page: a named size (``PAGE_SIZES``), or ``width`` and ``height`` in cm for another one
    (a reference document's), and the margins in cm."""

    size: str = "A4"
    width: float = 0.0  # cm; with height, overrides size
    height: float = 0.0
    margin_top: float = 2.2
    margin_bottom: float = 2.0
    margin_left: float = 2.2
    margin_right: float = 2.2
    header_distance: float = 1.0
    footer_distance: float = 0.9

    @property
    def size_cm(self) -> tuple[float, float]:
        if self.width > 0 and self.height > 0:
            return self.width, self.height
        return PAGE_SIZES[self.size.upper()]


@dataclass(frozen=True, slots=True)
class HouseStyle:
    page: PageSetup
    fonts: dict[str, FontFamily]
    colors: dict[str, str]
    styles: dict[str, ParagraphStyle]
    # The TOML-shaped data it was parsed from (font paths made absolute), so an overlay (a
    # reference document's look) merges over it the way a --style file merges over the default.
    source: dict = field(default_factory=dict, compare=False, repr=False)
    # Font families for characters the style's fonts lack, tried in order (PDF), and the family
    # for each script (ISO 15924 code), tried first in the PDF and named in the DOCX.
    fallback: tuple[str, ...] = ()
    script_fonts: dict[str, str] = field(default_factory=dict)

    def merged(self, overlay: dict) -> "HouseStyle":
        """This style with ``overlay`` (house-style TOML shape) merged over it."""
        return parse_house_style(merge_data(self.source, overlay), Path("/"))

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
    """A ``HouseStyle`` from TOML-shaped ``data``; font file paths are relative to ``base``."""
    data = {**data, "fonts": {key: {part: (str(base / value) if part in _FONT_FILES else value)
                                    for part, value in spec.items()}
                              for key, spec in data.get("fonts", {}).items()}}
    colors = {k: str(v).lstrip("#").upper() for k, v in data.get("colors", {}).items()}
    fonts = {}
    for key, spec in data["fonts"].items():
        if "name" not in spec or "regular" not in spec:
            raise StyleError(f"font {key!r} needs a name and a regular file")
        paths = {part: Path(spec[part]) if spec.get(part) else None for part in _FONT_FILES}
        fonts[key] = FontFamily(key=key, name=spec["name"], pdf_name=spec.get("pdf_name", spec["name"]), **paths)
    raw = data.get("styles", {})
    styles = {name: ParagraphStyle(name=name, **_resolve(name, raw, colors)) for name in raw}
    for name in ("Normal", "Body Text"):
        if name not in styles:
            raise StyleError(f"the house style must define {name!r}")
    for st in styles.values():
        if st.font not in fonts:
            raise StyleError(f"style {st.name!r} uses unknown font {st.font!r}")
    page = PageSetup(**data.get("page", {}))
    if page.size.upper() not in PAGE_SIZES and not (page.width > 0 and page.height > 0):
        raise StyleError(f"page size {page.size!r} is none of {', '.join(PAGE_SIZES)} (or give width and height)")
    fallback = data.get("fallback", {})
    return HouseStyle(page=page, fonts=fonts, colors=colors, styles=styles, source=data,
                      fallback=tuple(str(f) for f in fallback.get("fonts", ())),
                      script_fonts={str(k): str(v) for k, v in fallback.get("scripts", {}).items()})


_FONT_FILES = ("regular", "bold", "italic", "bold_italic")


def merge_data(base: dict, over: dict) -> dict:
    """``over`` merged into ``base`` table by table (a style given in ``over`` changes only the
    keys it names), as a --style file goes over the default house style."""
    out = dict(base)
    for key, value in over.items():
        out[key] = merge_data(base[key], value) if isinstance(value, dict) and isinstance(base.get(key), dict) \
            else value
    return out


# What a house-style file may say, by table: key -> the types its value may have. Numbers
# may be written as integers; a bool is not a number.
_NUMBER = (int, float)
_PAGE_KEYS = {f.name: (str,) if f.name == "size" else _NUMBER for f in fields(PageSetup)}
_FONT_KEYS = {"name": (str,), "pdf_name": (str,), **{part: (str,) for part in _FONT_FILES}}
_STYLE_KEYS = {f.name: {"str": (str,), "str | None": (str,), "bool": (bool,)}.get(f.type, _NUMBER)
               for f in fields(ParagraphStyle) if f.name != "name"}


def _check_table(table: object, where: str, keys: dict | None, problems: list[str]) -> None:
    if not isinstance(table, dict):
        problems.append(f"{where}: must be a table")
        return
    for key, value in table.items():
        name = f"{where}.{key}" if " " not in key else f'{where}."{key}"'
        if keys is None:  # colours: any key, a hex value
            ok = isinstance(value, str) and len(value.lstrip("#")) == 6 and all(
                c in "0123456789abcdefABCDEF" for c in value.lstrip("#"))
            if not ok:
                problems.append(f"{name}: must be a colour as 6 hex digits, not {value!r}")
        elif key not in keys:
            problems.append(f"{name}: unknown key")
        elif isinstance(value, bool) and bool not in keys[key] or not isinstance(value, keys[key]):
            want = "true or false" if bool in keys[key] else "a number" if int in keys[key] else "a string"
            problems.append(f"{name}: must be {want}, not {value!r}")


def check_style_data(data: dict) -> list[str]:
    """What is wrong with a house-style file's data, one entry per key (empty if nothing)."""
    problems: list[str] = []
    for key, value in data.items():
        if key == "page":
            _check_table(value, "page", _PAGE_KEYS, problems)
        elif key == "colors":
            _check_table(value, "colors", None, problems)
        elif key in ("fonts", "styles"):
            if not isinstance(value, dict):
                problems.append(f"{key}: must be a table")
                continue
            for name, spec in value.items():
                if key == "styles" and name not in STYLE_NAMES:
                    problems.append(f'styles."{name}": unknown style (styles: {", ".join(STYLE_NAMES)})')
                    continue
                _check_table(spec, f'{key}."{name}"' if " " in name else f"{key}.{name}",
                             _FONT_KEYS if key == "fonts" else _STYLE_KEYS, problems)
        elif key == "fallback":
            _check_fallback(value, problems)
        else:
            problems.append(f"{key}: unknown key (a house style has page, fonts, colors, styles and fallback)")
    return problems


def _check_fallback(table: object, problems: list[str]) -> None:
    """``[fallback]``: ``fonts``, a list of family names; ``scripts``, script code -> family."""
    if not isinstance(table, dict):
        problems.append("fallback: must be a table")
        return
    for key, value in table.items():
        if key == "fonts":
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                problems.append(f"fallback.fonts: must be a list of font family names, not {value!r}")
        elif key == "scripts":
            if not (isinstance(value, dict) and all(isinstance(v, str) for v in value.values())):
                problems.append(f"fallback.scripts: must be a table of script code = font family, not {value!r}")
        else:
            problems.append(f"fallback.{key}: unknown key (fallback has fonts and scripts)")


def _read_toml(path: Path) -> dict:
    from .errors import InputError

    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise InputError(f"cannot read the house style ({exc.strerror or exc})", path) from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"not a TOML house style: {exc}", path) from None


def default_style_path() -> Path:
    return templates_dir() / "house-style.toml"


@lru_cache(maxsize=8)
def load_house_style(path: Path | None = None) -> HouseStyle:
    """The default house style, or a house-style TOML file of the user's merged over it.

    A user's file is checked first: an unknown key or a value of the wrong type is one
    ``InputError`` naming the file and the key (its font files are relative to its folder).
    """
    default = default_style_path()
    with open(default, "rb") as fh:
        hs = parse_house_style(tomllib.load(fh), default.parent)
    if path is None or Path(path).resolve() == default.resolve():
        return hs
    from .errors import InputError

    path = Path(path)
    data = _read_toml(path)
    problems = check_style_data(data)
    if problems:
        raise InputError(f"house style: {problems[0]}" + (f" (and {len(problems) - 1} more)" if problems[1:] else ""),
                         path)
    fonts = {key: {part: (str(path.parent / value) if part in _FONT_FILES else value) for part, value in spec.items()}
             for key, spec in data.get("fonts", {}).items()}
    for key, spec in fonts.items():
        for part in _FONT_FILES:
            if part in spec and not Path(spec[part]).is_file():
                raise InputError(f"house style: fonts.{key}.{part}: no font file {spec[part]!r}", path)
    try:
        return hs.merged({**data, "fonts": fonts} if fonts else data)
    except StyleError as exc:
        raise InputError(f"house style: {exc}", path) from None
