"""Whether some bytes are a picture both writers can place, asked where a picture comes in.

A picture enters a briefing from a user's template (``![alt](chart.png)``) or from an
edited DOCX (``reporter export``). Both writers take the same five formats (python-docx
embeds them, reportlab draws them through Pillow), and a picture that only starts like
one (a truncated PNG, a renamed WebP) would otherwise fail in one writer and become
"[image: alt]" in the other, without a word. So it is decoded once, here, by Pillow,
and the caller says what is wrong: a template's picture stops the build with one line,
an edited document's is left out with a warning, as export does for what it cannot keep.
"""

from __future__ import annotations

import io

KINDS = ("PNG", "JPEG", "GIF", "BMP", "TIFF")
MAX_PIXELS = 60_000_000  # a 60-megapixel picture decodes to some 240 MB; far beyond any chart or photo


def picture_problem(data: bytes) -> str | None:
    """What keeps ``data`` from being shown (one short phrase), or None for a good picture."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            if im.format not in KINDS:
                return f"is a {im.format} picture, which the writers cannot show (use {', '.join(KINDS)})"
            width, height = im.size
            if width < 1 or height < 1:
                return "is an empty picture (no pixels)"
            if width * height > MAX_PIXELS:
                return f"has {width} x {height} pixels, more than {MAX_PIXELS // 1_000_000} million"
            im.load()
    except UnidentifiedImageError:
        return f"is not a picture in any format the writers show ({', '.join(KINDS)})"
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        detail = (str(exc) or type(exc).__name__).splitlines()[0][:80]
        return f"is a damaged picture ({detail})"
    return None
