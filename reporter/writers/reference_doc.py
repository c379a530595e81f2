"""A user's reference document, reduced to what a reference gives: its look.

``--reference-doc`` lends the briefing its styles, list numbering, theme, fonts, page
setup, headers and footers. Anything else in the file would travel inside every
briefing we write and every mail we send: comments, custom properties, macros
(``vbaProject.bin``), an attached template (a remote one is fetched by Word when the
briefing opens), any external relationship. So the file is read through the one
bounded package reader (``reporter.package``: size and element limits, no DTDs), a new
package is assembled from the allowed parts only, and what was dropped is said in one
warning line. python-docx then opens that clean package, never the user's file.
"""

from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..limits import DEFAULT, Limits
from ..ooxml import PKG_REL_NS, R_NS, W_NS
from ..style import PAGE_SIZES, HouseStyle

_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Relationship types (after R_NS + "/") a reference's parts may keep: its look, nothing else.
_KEPT = {"styles", "stylesWithEffects", "numbering", "theme", "fontTable", "settings", "webSettings",
         "header", "footer", "image", "font"}
# What a dropped part is called in the warning, by relationship type (else the part's name).
_NAMES = {"comments": "comments", "commentsExtended": "comments", "commentsIds": "comments",
          "people": "comment authors", "custom-properties": "custom properties", "customXml": "custom XML data",
          "vbaProject": "macros (vbaProject.bin)", "attachedTemplate": "attached template",
          "glossaryDocument": "building blocks", "footnotes": "footnotes", "endnotes": "endnotes",
          "extended-properties": "application properties", "hyperlink": "links",
          "oleObject": "embedded objects", "package": "embedded objects", "control": "controls"}
# Elements of w:settings that only make sense with a dropped part or point outside the file.
_SETTINGS_DROPPED = ("attachedTemplate", "footnotePr", "endnotePr", "mailMerge", "docVars", "rsids",
                     "attachedSchema")


@dataclass(frozen=True)
class Reference:
    """A reference document checked and reduced to its look: the package bytes python-docx opens,
    and the look the PDF takes from it too (``look``, see ``read_look``)."""

    path: str
    data: bytes
    dropped: tuple[str, ...] = ()
    look: Look | None = None

    def house_style(self, hs: HouseStyle) -> tuple[HouseStyle, tuple[str, ...]]:
        """``hs`` with this reference's page and named styles merged in, and a warning for each
        font no file can be found for (the PDF keeps the house font there)."""
        if self.look is None:
            return hs, ()
        return apply_look(hs, self.look, self.path)

    def warnings(self) -> tuple[str, ...]:
        if not self.dropped:
            return ()
        return (f"{self.path}: reference document: dropped {', '.join(self.dropped)} (a reference gives "
                "styles, numbering, theme, fonts, page setup, headers and footers only)",)


def load_reference(path: str | Path, limits: Limits = DEFAULT) -> Reference:
    """Read ``path`` as a reference document within ``limits``; one ``InputError`` if it is not one."""
    from ..package import read_package

    return read_package(path, _reduce, limits)


def _rel_kind(rel_type: str) -> str:
    return rel_type.rsplit("/", 1)[-1]


def _rels_part(part: str) -> str:
    folder, base = posixpath.split(part)
    return posixpath.join(folder, "_rels", base + ".rels")


class _Reducer:
    """Walks the package from the main document along kept relationships only."""

    def __init__(self, pkg, path: Path) -> None:
        self.pkg, self.path = pkg, path
        self.parts: dict[str, bytes] = {}
        self.kinds: dict[str, str] = {}  # relationship kind -> the first part kept of that kind
        self.dropped: dict[str, None] = {}

    def drop(self, what: str) -> None:
        self.dropped.setdefault(what, None)

    def keep_rels(self, part: str, allowed: set[str]) -> set[str]:
        """Write ``part``'s relationships that are allowed; return the ids of those dropped."""
        from lxml import etree

        root = self.pkg.xml(_rels_part(part))
        gone: set[str] = set()
        if root is None:
            return gone
        for rel in list(root):
            kind = _rel_kind(rel.get("Type") or "")
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if kind in allowed and not external:
                full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(posixpath.dirname(part), target))
                if self.pkg.has(full) and not full.startswith(".."):
                    self.take(full, kind)
                    continue
            self.drop(_NAMES.get(kind, "external links" if external else posixpath.basename(target) or kind))
            gone.add(rel.get("Id") or "")
            root.remove(rel)
        self.parts[_rels_part(part)] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        return gone

    def take(self, part: str, kind: str) -> None:
        from lxml import etree

        if part in self.parts:
            return
        self.kinds.setdefault(kind, part)
        if kind in ("image", "font"):
            self.parts[part] = self.pkg.read(part)
            return
        root = self.pkg.xml(part)
        if root is None:
            return
        self.parts[part] = b""  # claimed, so a cycle of relationships ends
        gone = self.keep_rels(part, {"image"} if kind in ("header", "footer") else
                              {"font"} if kind == "fontTable" else {"image"} if kind == "theme" else set())
        if kind == "settings":
            for name in _SETTINGS_DROPPED:
                for el in root.findall(f"{{{W_NS}}}{name}"):
                    root.remove(el)
        _strip_references(root, gone)
        self.parts[part] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def main(self) -> None:
        from lxml import etree

        root = self.pkg.xml(self.pkg.main, required=True)
        body = root.find(f"{{{W_NS}}}body")
        if root.tag != f"{{{W_NS}}}document" or body is None:
            raise InputError(f"is not a Word document: {self.pkg.main} has no document body", self.path)
        sect = body.find(f"{{{W_NS}}}sectPr")
        body[:] = [sect] if sect is not None else []  # the sample content goes; its page setup stays
        gone = self.keep_rels(self.pkg.main, _KEPT)
        _strip_references(root, gone)
        self.parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                         standalone=True)
        if self.pkg.main != "word/document.xml":  # its relationships go where the part goes
            self.parts["word/_rels/document.xml.rels"] = self.parts.pop(_rels_part(self.pkg.main))


def _strip_references(root, gone: set[str]) -> None:
    """Remove every element that points at a dropped relationship (a link, an object, a template)."""
    if not gone:
        return
    prefix = f"{{{R_NS}}}"
    for el in list(root.iter()):
        if any(k.startswith(prefix) and v in gone for k, v in el.attrib.items()):
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)


def _reduce(pkg, path: Path) -> Reference:
    from lxml import etree

    from .docx_package import write_zip

    red = _Reducer(pkg, path)
    if pkg.main != "word/document.xml" and pkg.has("word/document.xml"):
        raise InputError("is not a usable reference document: its main part is not word/document.xml", path)
    red.main()
    for name in pkg.zf.namelist():  # what the walk never reached is dropped too, and said
        if name.startswith("docProps/custom"):
            red.drop("custom properties")
        elif name.lower().endswith("vbaproject.bin"):
            red.drop("macros (vbaProject.bin)")
        elif "comments" in name.lower():
            red.drop("comments")
    types = etree.Element(f"{{{_CT_NS}}}Types", nsmap={None: _CT_NS})
    for ext, ctype in (("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                       ("xml", "application/xml"), ("png", "image/png"), ("jpeg", "image/jpeg"),
                       ("jpg", "image/jpeg"), ("gif", "image/gif"), ("emf", "image/x-emf"), ("wmf", "image/x-wmf"),
                       ("odttf", "application/vnd.openxmlformats-officedocument.obfuscatedFont")):
        etree.SubElement(types, f"{{{_CT_NS}}}Default", Extension=ext, ContentType=ctype)
    overrides = _overrides(pkg)
    for part in sorted(red.parts):
        if part.endswith(".rels") or part.rsplit(".", 1)[-1] != "xml":
            continue
        ctype = _MAIN_CT if part == "word/document.xml" else overrides.get(part)
        if ctype:
            etree.SubElement(types, f"{{{_CT_NS}}}Override", PartName="/" + part, ContentType=ctype)
    package_rels = etree.Element(f"{{{PKG_REL_NS}}}Relationships", nsmap={None: PKG_REL_NS})
    etree.SubElement(package_rels, f"{{{PKG_REL_NS}}}Relationship", Id="rId1", Type=R_NS + "/officeDocument",
                     Target="word/document.xml")
    entries = [("[Content_Types].xml", _xml(types)), ("_rels/.rels", _xml(package_rels))]
    entries += sorted(red.parts.items())
    buf = io.BytesIO()
    write_zip(entries, buf)
    look = read_look(pkg.xml(red.kinds["styles"]) if "styles" in red.kinds else None,
                     pkg.xml(red.kinds["theme"]) if "theme" in red.kinds else None,
                     root_sect(pkg.xml(pkg.main)))
    return Reference(path=str(path), data=buf.getvalue(), dropped=tuple(red.dropped), look=look)


def _overrides(pkg) -> dict[str, str]:
    root = pkg.xml("[Content_Types].xml")
    if root is None:
        return {}
    return {(el.get("PartName") or "").lstrip("/"): el.get("ContentType") or ""
            for el in root.iter(f"{{{_CT_NS}}}Override")}


def _xml(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# -- the look, for the PDF ----------------------------------------------------------------------

# The house-style names a reference's look is read for, and the names Word gives them
# (its built-in styles keep lower-case internal names).
LOOK_STYLES = {"Normal": "normal", "Body Text": "body text", "Title": "title", "Subtitle": "subtitle",
               "Heading 1": "heading 1", "Heading 2": "heading 2", "Heading 3": "heading 3", "Quote": "quote",
               "Table Text": "table text", "Table Heading": "table heading", "Header": "header", "Footer": "footer"}
_A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_TWIPS_PER_CM = 1440 / 2.54


@dataclass(frozen=True)
class StyleLook:
    """What a reference says of one named style, resolved through basedOn, the document
    defaults and the theme: None where it says nothing."""

    font: str | None = None  # a family name, e.g. "Calibri"
    size: float | None = None  # pt
    color: str | None = None  # RRGGBB
    bold: bool | None = None
    italic: bool | None = None


@dataclass(frozen=True)
class Look:
    """A reference document's page setup (house-style ``page`` keys) and named styles."""

    page: tuple[tuple[str, object], ...] = ()
    styles: tuple[tuple[str, StyleLook], ...] = ()
    colors: tuple[tuple[str, str], ...] = ()  # house colour keys, from the table style


def _hex(value: str | None) -> str | None:
    value = value or ""
    return value.upper() if len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value) else None


def _table_colors(styles) -> tuple[tuple[str, str], ...]:
    """The house table colours from the reference's table style of our name (the one the DOCX's
    tables use): header fill and text, grid, stripe."""
    from .docx_styles import TABLE_STYLE

    el = next((s for s in styles.iterfind(_w("style")) if s.get(_w("type")) == "table"
               and (s.find(_w("name")) is not None and s.find(_w("name")).get(_w("val")) == TABLE_STYLE)), None)
    if el is None:
        return ()
    out: dict[str, str] = {}
    grid = [_hex(b.get(_w("color"))) for b in el.iterfind(f"{_w('tblPr')}/{_w('tblBorders')}/*")]
    if any(grid):
        out["rule"] = next(g for g in grid if g)
    for part in el.iterfind(_w("tblStylePr")):
        kind = part.get(_w("type"))
        fill = _hex(part.find(f"{_w('tcPr')}/{_w('shd')}").get(_w("fill"))) \
            if part.find(f"{_w('tcPr')}/{_w('shd')}") is not None else None
        if kind == "firstRow":
            text = part.find(f"{_w('rPr')}/{_w('color')}")
            if fill:
                out["table_header"] = fill
            if text is not None and _hex(text.get(_w("val"))):
                out["table_header_text"] = _hex(text.get(_w("val")))
        elif kind == "band1Horz" and fill:
            out["table_stripe"] = fill
    return tuple(out.items())


def root_sect(document_root):
    body = document_root.find(f"{{{W_NS}}}body") if document_root is not None else None
    return body.find(f"{{{W_NS}}}sectPr") if body is not None else None


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _int(value: str | None) -> int | None:
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def _page(sect) -> tuple[tuple[str, object], ...]:
    """The page as house-style keys: a named size when it is one (to the twip), else cm."""
    if sect is None:
        return ()
    out: dict[str, object] = {}
    size = sect.find(_w("pgSz"))
    width, height = (_int(size.get(_w("w"))), _int(size.get(_w("h")))) if size is not None else (None, None)
    if width and height and width > 1000 and height > 1000:
        named = [name for name, (w_cm, h_cm) in PAGE_SIZES.items()
                 if abs(w_cm * _TWIPS_PER_CM - width) <= 20 and abs(h_cm * _TWIPS_PER_CM - height) <= 20]
        if named:
            out.update(size=named[0], width=0.0, height=0.0)
        else:
            out.update(width=round(width / _TWIPS_PER_CM, 3), height=round(height / _TWIPS_PER_CM, 3))
    mar = sect.find(_w("pgMar"))
    if mar is not None:
        for attr, key in (("top", "margin_top"), ("bottom", "margin_bottom"), ("left", "margin_left"),
                          ("right", "margin_right"), ("header", "header_distance"), ("footer", "footer_distance")):
            value = _int(mar.get(_w(attr)))
            if value is not None and 0 <= abs(value) < 31680:  # up to 22 inches; a margin's sign only moves text
                out[key] = round(abs(value) / _TWIPS_PER_CM, 3)
    return tuple(out.items())


def _theme_fonts(theme) -> dict[str, str]:
    """{"major": ..., "minor": ...}: the theme's Latin heading and body fonts."""
    out = {}
    if theme is None:
        return out
    for kind in ("major", "minor"):
        latin = theme.find(f".//{{{_A_NS}}}{kind}Font/{{{_A_NS}}}latin")
        if latin is not None and latin.get("typeface"):
            out[kind] = latin.get("typeface")
    return out


def _toggle(el) -> bool | None:
    if el is None:
        return None
    return (el.get(_w("val")) or "true").lower() not in ("0", "false", "off", "none")


def _run_look(rpr, theme: dict[str, str]) -> dict:
    """The properties one w:rPr sets (a theme font by its typeface)."""
    if rpr is None:
        return {}
    out: dict = {}
    fonts = rpr.find(_w("rFonts"))
    if fonts is not None:
        ref = fonts.get(_w("asciiTheme")) or fonts.get(_w("hAnsiTheme"))
        name = fonts.get(_w("ascii")) or fonts.get(_w("hAnsi"))
        if ref:
            name = theme.get("major" if ref.startswith("major") else "minor", name)
        elif name in ("+mj-lt", "+mn-lt"):
            name = theme.get("major" if name == "+mj-lt" else "minor")
        if name:
            out["font"] = name
    size = _int(rpr.find(_w("sz")).get(_w("val"))) if rpr.find(_w("sz")) is not None else None
    if size and 2 <= size <= 3276:
        out["size"] = size / 2
    color = rpr.find(_w("color"))
    value = (color.get(_w("val")) or "") if color is not None else ""
    if _hex(value):
        out["color"] = _hex(value)
    elif value.lower() == "auto":
        out["color"] = "000000"
    for attr in ("bold", "italic"):
        flag = _toggle(rpr.find(_w("b" if attr == "bold" else "i")))
        if flag is not None:
            out[attr] = flag
    return out


def read_look(styles, theme, sect) -> Look:
    """A reference's look: its page, and for each of ``LOOK_STYLES`` the font, size, colour,
    bold and italic it resolves to (the style, then what it is based on, then the document
    defaults; theme fonts by their typeface)."""
    theme_fonts = _theme_fonts(theme)
    by_id: dict[str, object] = {}
    by_name: dict[str, str] = {}
    defaults: dict = {}
    if styles is not None:
        default_rpr = styles.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        defaults = _run_look(default_rpr, theme_fonts)
        for el in styles.iterfind(_w("style")):
            if el.get(_w("type")) != "paragraph":
                continue
            sid = el.get(_w("styleId")) or ""
            name_el = el.find(_w("name"))
            by_id[sid] = el
            if name_el is not None:
                by_name.setdefault(" ".join((name_el.get(_w("val")) or "").lower().split()), sid)
    if "minor" in theme_fonts:
        defaults.setdefault("font", theme_fonts["minor"])

    def resolved(sid: str) -> dict:
        chain, seen = [], set()
        while sid in by_id and sid not in seen and len(chain) < 50:
            seen.add(sid)
            el = by_id[sid]
            chain.append(_run_look(el.find(_w("rPr")), theme_fonts))
            base = el.find(_w("basedOn"))
            sid = base.get(_w("val")) if base is not None else ""
        out = dict(defaults)
        for props in reversed(chain):
            out.update(props)
        return out

    looks = []
    for house, word in LOOK_STYLES.items():
        sid = by_name.get(word) or by_name.get(house.lower())
        if sid is None and house != "Normal":
            continue
        props = resolved(sid) if sid else dict(defaults)
        if sid:  # a style the reference defines says all of its look: what it leaves unset is off
            props = {"bold": False, "italic": False, "color": "000000", **props}
        if props:
            looks.append((house, StyleLook(**props)))
    return Look(page=_page(sect), styles=tuple(looks), colors=_table_colors(styles) if styles is not None else ())


_APPLIED: dict[tuple, tuple] = {}  # (id(hs), look, path) -> (hs, result): one object per look


def apply_look(hs: HouseStyle, look: Look, path: str) -> tuple[HouseStyle, tuple[str, ...]]:
    """``hs`` with a reference's look merged in, fonts found by name (``reporter.fonts``); one
    warning per font that has no file here, naming what the PDF uses instead.

    The same look over the same house style gives the same object, so a batch of briefings
    on one reference builds the PDF's styles once per process (they are cached by object)."""
    key = (id(hs), look, path)
    hit = _APPLIED.get(key)
    if hit is not None and hit[0] is hs:
        return hit[1]
    result = _apply_look(hs, look, path)
    _APPLIED[key] = (hs, result)  # holding hs keeps its id from being reused
    return result


def _apply_look(hs: HouseStyle, look: Look, path: str) -> tuple[HouseStyle, tuple[str, ...]]:
    from ..fonts import find_family

    overlay: dict = {"page": dict(look.page), "styles": {}, "fonts": {}, "colors": dict(look.colors)}
    keys = {fam.name.casefold(): key for key, fam in hs.fonts.items()}
    missing: dict[str, str] = {}  # a font with no file -> the first style that asked for it
    for name, st in look.styles:
        spec = {k: v for k, v in (("size", st.size), ("color", st.color), ("bold", st.bold),
                                  ("italic", st.italic)) if v is not None}
        if st.font:
            key = keys.get(st.font.casefold())
            if key is None:
                found = find_family(st.font)
                if found is None:
                    missing.setdefault(st.font, name)
                else:
                    key = keys[st.font.casefold()] = "ref-" + "".join(c for c in st.font.lower() if c.isalnum())
                    overlay["fonts"][key] = {
                        "name": st.font, "pdf_name": "".join(c for c in found.family if c.isalnum()),
                        **{face: str(getattr(found, face)) for face in ("regular", "bold", "italic", "bold_italic")
                           if getattr(found, face) is not None}}
            if key is not None:
                spec["font"] = key
        if spec:
            overlay["styles"][name] = spec
    merged = hs.merged(overlay)
    return merged, tuple(f"{path}: reference document: font {font!r} was not found on this machine; the PDF "
                         f"uses {merged.fonts[merged.style(name).font].pdf_name} instead"
                         for font, name in missing.items())
