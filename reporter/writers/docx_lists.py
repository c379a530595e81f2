"""List numbering: one ``w:num`` for bullets, a fresh one per ordered list so each restarts."""

from __future__ import annotations

from lxml import etree

from .docx_styles import BULLET_ABSTRACT, NUMBER_ABSTRACT, abstract_num, num
from .docx_xml import w

_ABSTRACT, _NUM, _ID, _NUM_ID, _VAL = w("abstractNum"), w("num"), w("abstractNumId"), w("numId"), w("val")


class NumberingWriter:
    """Finds (or adds) our two list definitions in a numbering part and hands out numIds.

    The DOCX reader's ``ListKinds`` goes the other way: numIds back to list kinds."""

    def __init__(self, root: etree._Element, font: str):
        self.root = root
        self._font = font
        self._bullet_num: int | None = None
        self._next_num = 1 + max((int(n.get(_NUM_ID, "0")) for n in root.iterfind(_NUM)), default=0)
        self._abstract = {True: self._find_or_add(BULLET_ABSTRACT, True),
                          False: self._find_or_add(NUMBER_ABSTRACT, False)}

    def _find_or_add(self, our_id: int, bullet: bool) -> int:
        """The abstractNumId of our definition (recognised by its nsid), adding it if absent."""
        nsid = f"{0x5EB0C000 + our_id:08X}"
        existing = []
        for el in self.root.iterfind(_ABSTRACT):
            existing.append(int(el.get(_ID, "0")))
            ns = el.find(w("nsid"))
            if ns is not None and ns.get(_VAL) == nsid:
                return int(el.get(_ID))
        new_id = our_id if our_id not in existing else max(existing) + 1
        el = abstract_num(new_id, bullet, self._font)
        first_num = self.root.find(_NUM)
        if first_num is not None:
            first_num.addprevious(el)  # schema order: every abstractNum before any num
        else:
            self.root.append(el)
        return new_id

    def _add(self, abstract_id: int, **restart) -> int:
        num_id = self._next_num
        self._next_num += 1
        self.root.append(num(num_id, abstract_id, **restart))
        return num_id

    def bullet(self) -> int:
        if self._bullet_num is None:
            self._bullet_num = self._add(self._abstract[True])
        return self._bullet_num

    def ordered(self, level: int, start: int) -> int:
        return self._add(self._abstract[False], restart_level=level, start=max(0, int(start)))
