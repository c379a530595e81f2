"""Two flowables that make platypus cheaper and kinder to a briefing's layout.

Both subclass reportlab's own and change one method each, so everything else (splitting,
drawing, links) stays reportlab's tested code.
"""

from __future__ import annotations

import re

from reportlab.platypus import KeepTogether, Paragraph, Table

from .pdf_styles import CM

_SPACES = re.compile(r"[ \t\r\n]+")
_TEMPLATES: dict[int, tuple] = {}


def plain_paragraph(text: str, style, bulletText=None) -> "CachedParagraph":
    """A paragraph of one plain run, built without reportlab's markup parser.

    The text goes straight into a fragment cloned from the style, so it is never parsed
    as markup at all (and parsing is a fifth of the writer's time on a long briefing).
    """
    hit = _TEMPLATES.get(id(style))
    if hit is None or hit[0] is not style:
        hit = _TEMPLATES[id(style)] = (style, Paragraph("x", style).frags[0])
    text = _SPACES.sub(" ", text).strip(" ")
    if not text:
        return CachedParagraph("", style, bulletText=bulletText)
    return CachedParagraph(None, style, bulletText=bulletText, frags=[hit[1].clone(text=text)])


class CachedParagraph(Paragraph):
    """A Paragraph that breaks its lines once per width.

    Platypus wraps most paragraphs two or three times at the same width (a table sizes its
    rows and then draws its cells; keep-together groups measure and then place); line
    breaking is the dominant cost, and its result depends only on the width.
    """

    _wrapped = None

    def wrap(self, availWidth, availHeight):
        hit = self._wrapped
        if hit is not None and hit[0] == availWidth and "blPara" in self.__dict__:  # split() may drop it
            return hit[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size


class KeepWithNext(KeepTogether):
    """Keep-with-next groups (a heading and what follows) that do not leave half a page empty.

    reportlab moves the whole group to the next page when it does not fit; when the group
    ends in something that splits (a long table or paragraph) and there is room for the
    heading and a few lines of it, the group starts here instead.
    """

    ROOM = 3 * CM  # below the heading: a table header and two rows, or a few lines

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = self._content
        if len(content) > 1 and isinstance(content[-1], (Table, Paragraph)):
            lead = 0.0
            for f in content[:-1]:
                _, h = f.wrap(aW, aH)
                lead += h + f.getSpaceBefore() + f.getSpaceAfter()
            if lead + self.ROOM <= aH < self._H:
                return list(content)
        return super().split(aW, aH)
