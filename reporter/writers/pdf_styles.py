"""House style -> reportlab: embedded TrueType families and one ParagraphStyle per style name.

Built once per process and per HouseStyle: parsing four TTF files and building ~25
styles costs more than writing a small briefing. No standard-14 font is ever named
(bullets, table cells and canvas text all use the registered faces), so every font in
the PDF is embedded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from threading import Lock

from ..style import FontFamily, HouseStyle

CM = 72 / 2.54
_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 4}  # style.ALIGNMENTS, as reportlab numbers them
_FACES = ("Regular", "Bold", "Italic", "BoldItalic")


@dataclass(frozen=True)
class PdfStyles:
    """What the flowable builders need: named styles, face names and colours (reportlab objects)."""

    paragraph: dict  # house-style name -> reportlab ParagraphStyle
    faces: dict  # font key -> {"Regular": name, "Bold": name, ...}
    colors: dict  # colour key -> reportlab Color
    variants: dict = field(default_factory=dict)

    def style(self, name: str):
        """The named style, or Body Text for a name the house style lacks."""
        return self.paragraph.get(name) or self.paragraph["Body Text"]

    def face(self, font_key: str, bold: bool = False, italic: bool = False) -> str:
        return self.faces[font_key][_FACES[bold + 2 * italic]]

    def face_of(self, font_name: str) -> tuple[str, bool, bool]:
        """(font key, bold, italic) of a registered face name (a style's base font)."""
        for key, faces in self.faces.items():
            for n, face in enumerate(_FACES):
                if faces[face] == font_name:
                    return key, bool(n & 1), bool(n & 2)
        return next(iter(self.faces)), False, False

    def variant(self, base: str, **changes):
        """A cached derivative of a named style (right-aligned cell, indented list item...)."""
        key = (base, tuple(sorted(changes.items())))
        found = self.variants.get(key)
        if found is None:
            from reportlab.lib.styles import ParagraphStyle

            parent = self.style(base)
            suffix = ",".join(f"{k}={v}" for k, v in key[1])
            found = self.variants[key] = ParagraphStyle(f"{parent.name}[{suffix}]", parent=parent, **changes)
        return found


def _register_family(fam: FontFamily) -> dict[str, str]:
    """Register the faces of one family; faces the family lacks fall back to the nearest one it has."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    files = {"Regular": fam.regular, "Bold": fam.bold, "Italic": fam.italic, "BoldItalic": fam.bold_italic}
    names: dict[str, str] = {}
    registered = set(pdfmetrics.getRegisteredFontNames())
    for face, path in files.items():
        if path is None:
            continue
        name = f"{fam.pdf_name}-{face}"
        if name not in registered:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        names[face] = name
    if "Regular" not in names:
        raise ValueError(f"font family {fam.key!r} has no regular face")
    names.setdefault("Bold", names["Regular"])
    names.setdefault("Italic", names["Regular"])
    names.setdefault("BoldItalic", names["Italic"] if fam.italic else names["Bold"])
    # registerFontFamily maps <b>/<i> to faces for the markup the writer composes itself.
    pdfmetrics.registerFontFamily(fam.pdf_name, normal=names["Regular"], bold=names["Bold"],
                                  italic=names["Italic"], boldItalic=names["BoldItalic"])
    return names


def _build(hs: HouseStyle) -> PdfStyles:
    from reportlab.lib.colors import HexColor
    from reportlab.lib.styles import ParagraphStyle

    faces = {key: _register_family(fam) for key, fam in hs.fonts.items()}
    colors = {key: HexColor("#" + value) for key, value in hs.colors.items()}
    built: dict = {}

    def make(name: str):
        if name in built:
            return built[name]
        spec = hs.styles[name]
        parent = make(spec.parent) if spec.parent in hs.styles else None
        regular = faces[spec.font]["Regular"]
        built[name] = ParagraphStyle(
            name,
            parent=parent,
            fontName=faces[spec.font][_FACES[spec.bold + 2 * spec.italic]],
            fontSize=spec.size,
            leading=spec.line_height,
            textColor=HexColor("#" + spec.color.lstrip("#")) if _is_hex(spec.color) else colors.get(spec.color),
            alignment=_ALIGN[spec.align],
            leftIndent=spec.left_indent * CM,
            rightIndent=spec.right_indent * CM,
            firstLineIndent=0,
            spaceBefore=spec.space_before,
            spaceAfter=spec.space_after,
            keepWithNext=int(spec.keep_with_next),
            bulletFontName=regular,
            bulletFontSize=spec.size,
            splitLongWords=1,
            allowWidows=0,
            allowOrphans=0,
            uriWasteReduce=0.3,  # long URLs may break instead of leaving a gap
            linkUnderline=0,
        )
        return built[name]

    for name in hs.styles:
        make(name)
    return PdfStyles(paragraph=built, faces=faces, colors=colors)


def _is_hex(value: str) -> bool:
    v = value.lstrip("#")
    return len(v) in (3, 6) and all(c in "0123456789abcdefABCDEF" for c in v)


_CACHE: dict[int, tuple[HouseStyle, PdfStyles]] = {}
_LOCK = Lock()


def pdf_styles(hs: HouseStyle) -> PdfStyles:
    """The reportlab styles for a house style, built once per process (keyed by the object)."""
    hit = _CACHE.get(id(hs))
    if hit is not None and hit[0] is hs:
        return hit[1]
    with _LOCK:
        built = _build(hs)
        _CACHE[id(hs)] = (hs, built)  # keeping hs alive keeps its id from being reused
        return built
