"""Shared test helpers. Real external tools are required in CI (CI=true): missing means failing."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SAMPLE = FIXTURES / "peru-us-organized-crime.txt"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_tool(name: str) -> str:
    """Path of an external tool; skip without it locally, fail without it in CI."""
    path = shutil.which(name)
    if path is None:
        msg = f"external tool {name!r} is not installed"
        if IN_CI:
            pytest.fail(msg + " (CI=true: a missing tool is a failure)")
        pytest.skip(msg)
    return path


def run_reporter(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 120):
    """Run the CLI as a user would, in a fresh process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "reporter", *args], cwd=cwd or ROOT, env=full_env,
        capture_output=True, text=True, timeout=timeout,
    )


def pdf_text(path: Path, *, layout: bool = False) -> str:
    exe = require_tool("pdftotext")
    args = [exe, *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


def tiny_png(width: int = 4, height: int = 2) -> bytes:
    """A valid grey PNG, built by hand so the test needs no imaging library."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
