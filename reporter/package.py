"""Opening a .docx safely: the one package reader, for edited briefings and reference documents alike.

The ZIP is checked before anything is decompressed, each part is inflated only up to
what is left of the package's XML budget (``Limits.xml_mb``: a part that declares a
small size and inflates to more is stopped at the cap) and parsed only if it holds no
more elements than the budget allows (``Limits.xml_elements``, counted as its tags
before lxml builds a tree), without DTDs. So a 4 MB file of 190 MB of empty
paragraphs ends in a second with one line instead of taking gigabytes.

Every way a file can fail to be a Word document (empty, a renamed .doc, encrypted,
truncated, a zip bomb, broken XML, too large) becomes one ``InputError`` a user can act on.
"""

from __future__ import annotations

import os
import posixpath
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple, TypeVar

from .errors import InputError
from .fileio import open_regular, reading
from .limits import DEFAULT, Limits, mb
from .ooxml import PKG_REL_NS, R_NS

MAX_TOTAL = 200 * 1024 * 1024  # declared uncompressed bytes, all members
MAX_RATIO, RATIO_FLOOR = 100, 10 * 1024 * 1024  # a member this compressed and this large is a bomb
MAX_MEMBERS = 20_000
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

T = TypeVar("T")

PKG_RELS = f"{{{PKG_REL_NS}}}Relationship"
OFFICE_DOCUMENT = R_NS + "/officeDocument"
STRICT_OFFICE_DOCUMENT = "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument"


class Rel(NamedTuple):
    """One package relationship; internal targets are part names, external ones URLs as written."""

    type: str
    target: str
    external: bool


def xml_parser():
    """An lxml parser that never loads a DTD, expands an entity or touches the network."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


@dataclass
class Package:
    """The parts of one .docx the reader needs, read eagerly so the ZIP can be closed."""

    path: Path
    zf: zipfile.ZipFile
    main: str  # e.g. "word/document.xml"
    limits: Limits = DEFAULT
    _cache: dict = field(default_factory=dict)
    _read_bytes: int = 0  # XML inflated so far, against limits.xml_bytes
    _elements: int = 0  # tags parsed so far, against limits.xml_elements

    def has(self, name: str) -> bool:
        try:
            self.zf.getinfo(name)
            return True
        except KeyError:
            return False

    def read(self, name: str, *, budget: bool = False) -> bytes:
        """The part's bytes; with ``budget``, counted against the package's XML limit and
        inflated no further than what is left of it."""
        try:
            if not budget:
                return self.zf.read(name)
            left = self.limits.xml_bytes - self._read_bytes
            with self.zf.open(name) as fh:
                data = fh.read(left + 1)
            self._read_bytes += len(data)
            if len(data) > left:
                raise InputError(f"is too large to read: its XML inflates to more than {mb(self.limits.xml_bytes)} "
                                 f"(at {name}; raise the limit with --max-xml-mb)", self.path)
            return data
        except KeyError:
            raise InputError(f"is damaged: {name} is missing", self.path) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
            raise InputError(f"is damaged: {name} cannot be decompressed ({_short(exc)})", self.path) from None

    def xml(self, name: str, *, required: bool = False):
        """The parsed part, or None when it is absent (and not required)."""
        if name in self._cache:
            return self._cache[name]
        if not self.has(name):
            if required:
                raise InputError(f"is not a Word document: it has no {name}", self.path)
            return None
        from lxml import etree

        data = self.read(name, budget=True)
        if b"<!DOCTYPE" in data.upper():
            raise _declares_dtd(name, self.path)
        self._elements += data.count(b"<") - data.count(b"</") - data.count(b"<?") - data.count(b"<!")
        if self._elements > self.limits.xml_elements:
            raise InputError(f"is too large to read: it holds more than {self.limits.xml_elements:,} XML elements "
                             f"(at {name}; raise the limit with --max-xml-elements)", self.path)
        try:
            root = etree.fromstring(data, xml_parser())
        except etree.XMLSyntaxError as exc:
            line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
            raise InputError(f"is damaged: {name} is not well-formed XML{line}", self.path) from None
        if root.getroottree().docinfo.doctype:  # a part in UTF-16 hides its DTD from the byte check
            raise _declares_dtd(name, self.path)
        self._cache[name] = root
        return root

    def rels(self, part: str) -> dict[str, Rel]:
        """Relationships of ``part`` by id; internal targets made absolute."""
        folder, base = posixpath.split(part)
        root = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        out: dict[str, Rel] = {}
        if root is None:
            return out
        for rel in root.iter(PKG_RELS):
            rid, target = rel.get("Id"), rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            if rid:
                out[rid] = Rel(rel.get("Type") or "", target, external)
        return out

    def close(self) -> None:
        self.zf.close()


def _short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:120]


def _ole2_problem(path: Path) -> str:
    """A compound file is either a legacy .doc or an encrypted OOXML package (EncryptionInfo stream)."""
    with open(path, "rb") as fh:
        head = fh.read(4 * 1024 * 1024)
    if "EncryptionInfo".encode("utf-16-le") in head or "EncryptedPackage".encode("utf-16-le") in head:
        return "is encrypted (password-protected); remove the password in Word and save it again"
    return "is a Word 97-2003 .doc file; save it as .docx"


def _declares_dtd(name: str, path: Path) -> InputError:
    """A DTD is refused, never skipped: its entities are left unexpanded, so the text after
    each reference would silently go missing from what the reader sees."""
    return InputError(f"is not a usable Word document: {name} declares a DTD, which Word never writes", path)


def _check_members(zf: zipfile.ZipFile, path: Path) -> None:
    """Refuse zip bombs from the declared sizes, before decompressing a single byte."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(f"is not a usable DOCX: {len(infos)} files in the package is too many", path)
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError("is encrypted (password-protected); remove the password in Word and save it again",
                             path)
        total += info.file_size
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise InputError(f"looks like a zip bomb: {info.filename} expands {ratio:.0f} times to "
                             f"{info.file_size // (1024 * 1024)} MB; refused", path)
    if total > MAX_TOTAL:
        raise InputError(f"looks like a zip bomb: it expands to {total // (1024 * 1024)} MB "
                         f"(limit {MAX_TOTAL // (1024 * 1024)} MB); refused", path)


def _main_part(pkg: Package) -> str:
    """The main document part named by the package relationships (``word/document.xml`` as usual)."""
    for kind, target, external in pkg.rels("").values():
        if not external and kind in (OFFICE_DOCUMENT, STRICT_OFFICE_DOCUMENT) and pkg.has(target):
            return target
    return "word/document.xml"


def open_package(path: Path, limits: Limits = DEFAULT) -> Package:
    """Open ``path`` as a .docx or raise one ``InputError`` that says what it is instead.

    Only a regular file is opened (a FIFO or a device is refused at once).
    """
    path = Path(path)
    with open_regular(path, "a DOCX file") as fh, reading(path, "a DOCX file"):
        size = os.fstat(fh.fileno()).st_size
        head = fh.read(8)
    if size == 0:
        raise InputError("is empty, not a DOCX file", path)
    if head.startswith(OLE2_MAGIC):
        raise InputError(_ole2_problem(path), path)
    if not zipfile.is_zipfile(path):
        if head.startswith(b"PK\x03\x04"):
            raise InputError("is a damaged or truncated DOCX (its ZIP directory is missing)", path)
        raise InputError("is not a DOCX file (not a ZIP package)", path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise InputError(f"is a damaged DOCX (its ZIP package is corrupt: {_short(exc)})", path) from None
    try:
        _check_members(zf, path)
        pkg = Package(path=path, zf=zf, main="word/document.xml", limits=limits)
        pkg.main = _main_part(pkg)
        if not pkg.has(pkg.main):
            raise InputError("is not a Word document: it has no word/document.xml", path)
        return pkg
    except BaseException:
        zf.close()
        raise


def read_package(path: str | Path, read: Callable[[Package, Path], T], limits: Limits = DEFAULT) -> T:
    """``read(package, path)`` on ``path`` opened within ``limits``, the package closed after;
    content nested deeper than Python's recursion limit is one ``InputError`` like the rest."""
    path = Path(path)
    pkg = open_package(path, limits)
    try:
        return read(pkg, path)
    except RecursionError:
        raise InputError("is not a usable Word document: its content is nested too deeply", path) from None
    finally:
        pkg.close()
