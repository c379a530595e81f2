"""reportlab members the PDF writer uses beyond reportlab's documented API still exist.

The names live in one tuple (``pdf_text.REPORTLAB_INTERNALS``); pyproject.toml pins reportlab
to the major version that has them. A member set in ``__init__`` (or by ``wrap``) is looked
up on a sample instance, built here the way the writer builds its own.
"""

from __future__ import annotations

import importlib
import io
import re
from pathlib import Path

import pytest

from reporter.writers.pdf_text import REPORTLAB_INTERNALS

ROOT = Path(__file__).resolve().parent.parent


def _samples() -> dict:
    """An instance per class whose instance members are named, keyed by the class."""
    from reportlab.pdfbase.pdfdoc import Destination, PDFDestinationXYZ
    from reportlab.pdfbase.pdfmetrics import getFont
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import Frame, KeepTogether, Spacer

    from reporter.style import load_house_style
    from reporter.writers.pdf_styles import pdf_styles

    canvas = Canvas(io.BytesIO())
    canvas.bookmarkHorizontal("top", 0, 100)
    dest = canvas._bookmarkReference("top") if hasattr(canvas, "_bookmarkReference") else None
    keep = KeepTogether([Spacer(1, 10)])
    keep.canv = canvas  # as a frame sets it before measuring
    keep.wrap(100, 100)
    out = {Canvas: canvas, Frame: Frame(0, 0, 100, 100), KeepTogether: keep,
           TTFont: getFont(pdf_styles(load_house_style()).style("Body Text").fontName)}
    if dest is not None:
        out[Destination] = dest
        out[PDFDestinationXYZ] = dest.fmt
    return out


def _resolve(dotted: str, samples: dict):
    parts = dotted.split(".")
    for n in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:n]))
            break
        except ImportError:
            continue
    else:
        raise AssertionError(f"reportlab member {dotted}: no module of it imports")
    for name in parts[n:]:
        if hasattr(obj, name):
            obj = getattr(obj, name)
        elif isinstance(obj, type) and obj in samples and hasattr(samples[obj], name):
            obj = getattr(samples[obj], name)
        else:
            raise AssertionError(f"reportlab member {dotted} is gone ({name!r} missing on {obj!r}); "
                                 "the PDF writer relies on it: adapt the writer before widening the pin")
    return obj


@pytest.fixture(scope="module")
def samples():
    return _samples()


@pytest.mark.parametrize("dotted", REPORTLAB_INTERNALS)
def test_reportlab_member_the_writer_relies_on_exists(dotted, samples):
    _resolve(dotted, samples)


def test_a_missing_member_fails_naming_it(samples):
    with pytest.raises(AssertionError, match=r"reportlab\.pdfgen\.canvas\.Canvas\._noSuchMember is gone"):
        _resolve("reportlab.pdfgen.canvas.Canvas._noSuchMember", samples)


def test_reportlab_is_pinned_to_the_installed_major_version():
    import reportlab

    major = int(reportlab.Version.split(".")[0])
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    pin = re.search(r'"reportlab\[accel(?:,shaping)?\]>=([0-9.]+),<([0-9]+)"', pyproject)
    assert pin, "reportlab must be pinned below its next major version in pyproject.toml"
    assert int(pin.group(1).split(".")[0]) <= major < int(pin.group(2))
