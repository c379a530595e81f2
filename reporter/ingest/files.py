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


def read_text_file(path: Path, limits: Limits = DEFAULT) -> str:
    """The file's text; only a regular file is read, and at most ``limits.file_mb`` of it."""
    data = read_capped(path, "an article file", limits.file_bytes, "--max-file-mb")
    if not data.strip():
        raise InputError("file is empty", path)
    head = data[:4096]
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
