"""A keep-with-next group kinder to a briefing's layout than reportlab's own.

It subclasses reportlab's KeepTogether and changes one method, so everything else stays
reportlab's tested code.
"""

from __future__ import annotations

from reportlab.platypus import KeepTogether
from reportlab.platypus.flowables import _listWrapOn

from .pdf_styles import CM
from .pdf_table import FastTable
from .pdf_text import FastParagraph


class KeepGroup(KeepTogether):
    """reportlab's KeepTogether, measured without deep-copying the frame each time.

    reportlab copies the frame at every measure in case the content generates content;
    the briefing's flowables never do, and a long briefing measures thousands of groups.
    """

    def wrap(self, aW, aH):
        dims: list = []
        W, H = _listWrapOn(self._content, aW, None, dims=dims)
        self._H = H
        self._H0 = dims[0][1] if dims else 0
        self._wrapInfo = aW, aH
        return W, 0xFFFFFF  # force a split, as KeepTogether does


class KeepWithNext(KeepGroup):
    """Keep-with-next groups (a heading and what follows) that do not leave half a page empty.

    reportlab moves the whole group to the next page when it does not fit; when the group
    ends in something that splits (a long table or paragraph) and there is room for the
    heading and a few lines of it, the group starts here instead.
    """

    ROOM = 3 * CM  # below the heading: a table header and two rows, or a few lines
    # (the writer's own tables and paragraphs: it never puts reportlab's Table or Paragraph in a story)

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = self._content
        if len(content) > 1 and isinstance(content[-1], (FastTable, FastParagraph)):
            lead = 0.0
            for f in content[:-1]:
                _, h = f.wrap(aW, aH)
                lead += h + f.getSpaceBefore() + f.getSpaceAfter()
            if lead + self.ROOM <= aH < self._H:
                return list(content)
        return super().split(aW, aH)
