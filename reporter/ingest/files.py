"""Reading an article file's bytes safely: size, binary content and encoding checked
before any format sees the text, each problem one ``InputError`` naming the file."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..fileio import read_capped
from ..limits import DEFAULT, Limits
from .clean import clean_text

_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Files people give as articles that are not text, by how they begin: named plainly, with the
# formats that are read, rather than "binary file" or "not UTF-8" at some byte.
_NOT_TEXT = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP package (a Word or OpenDocument file?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word 97-2003 or other old Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
)


def read_text_file(path: Path, limits: Limits = DEFAULT) -> str:
    """The file's text; only a regular file is read, and at most ``limits.file_mb`` of it."""
    data = read_capped(path, "an article file", limits.file_bytes, "--max-file-mb")
    if not data.strip():
        raise InputError("file is empty", path)
    head = data[:4096]
    for magic, what in _NOT_TEXT:
        if head.startswith(magic):
            what = "a Word document" if path.suffix.lower() in (".docx", ".docm", ".dotx") else what
            raise InputError(f"is {what}, not article text; {_accepted()}", path)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("looks like a binary file, not article text", path)
    try:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex().upper()
        raise InputError(f"is not UTF-8 text (byte 0x{bad} at offset {exc.start})", path) from None
    controls = len(_BINARY_CONTROLS.findall(text, 0, 20000))
    if controls > max(8, len(text[:20000]) // 50):
        raise InputError("looks like a binary file, not article text", path)
    if not clean_text(text).strip():
        raise InputError("file has no text (only whitespace or control characters)", path)
    return text


def _accepted() -> str:
    """The sentence naming the formats read, from ingest's one format table."""
    from . import FORMATS

    endings = [s for fmt in FORMATS.values() for s in fmt.suffixes if s]
    return (f"articles are text files ({' '.join(endings)}): save it as text or HTML first "
            "(an edited briefing goes back to PDF with `reporter export`)")
