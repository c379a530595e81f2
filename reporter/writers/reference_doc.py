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
    """A reference document checked and reduced to its look: the package bytes python-docx opens."""

    path: str
    data: bytes
    dropped: tuple[str, ...] = ()

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
    return Reference(path=str(path), data=buf.getvalue(), dropped=tuple(red.dropped))


def _overrides(pkg) -> dict[str, str]:
    root = pkg.xml("[Content_Types].xml")
    if root is None:
        return {}
    return {(el.get("PartName") or "").lstrip("/"): el.get("ContentType") or ""
            for el in root.iter(f"{{{_CT_NS}}}Override")}


def _xml(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
