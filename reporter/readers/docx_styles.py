"""What a paragraph *is*, from its style: the house-style name it maps to, and its list numbering.

Like pandoc's Docx reader, roles come from style names, followed up the ``basedOn``
chain, so "My Heading" based on "Heading 1" is still a heading. Word's built-in
names are matched case-insensitively ("heading 1", "caption", "toc 2").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..ooxml import w
from ..style import STYLE_NAMES

_VOCAB = {name.lower(): name for name in STYLE_NAMES}
_ALIASES = {
    "intense quote": "Quote", "block text": "Quote", "quotations": "Quote",
    "text body": "Body Text", "compact": "Body Text", "table contents": "Table Text",
    "contents heading": "TOC Heading", "toc heading": "TOC Heading",
    "list paragraph": "List Paragraph",
}
_HEADING = re.compile(r"^heading\s*([1-9])$", re.I)
_LIST = re.compile(r"^list\s*(bullet|number|continue)(?:\s*([2-9]))?$", re.I)
_TOC_ENTRY = re.compile(r"^(?:toc|contents)\s*([1-9])$", re.I)
_OFF = {"0", "false", "off", "none"}


class NumRef(NamedTuple):
    """A paragraph's (or style's) list numbering: which ``w:num`` and which of its levels."""

    num_id: str
    ilvl: int


class ListKind(NamedTuple):
    """What a list level is: ordered or not, where it counts from, which list it continues
    (``key``: Word counts on across every num of one abstract definition) and whether this num
    restarts the count."""

    ordered: bool
    start: int
    key: str
    restarts: bool


@dataclass(frozen=True, slots=True)
class Role:
    """A paragraph style's meaning: the house-style name, plus heading level or list kind."""

    name: str  # a STYLE_NAMES entry, or "List Paragraph" / "TOC Entry"
    level: int = 0  # heading level (1..), list level (0..) for "List Bullet 2" and kin
    numbering: NumRef | None = None  # what the style itself numbers with


def on(el) -> bool:
    """A WordprocessingML toggle (``<w:b/>``, ``<w:b w:val="false"/>``)."""
    return el is not None and (el.get(w("val")) or "true").lower() not in _OFF


def _named_role(name: str, sid: str) -> Role | None:
    for text in (name, sid):
        low = " ".join(text.lower().split())
        m = _HEADING.match(low)
        if m:
            return Role("Heading " + str(min(int(m.group(1)), 3)), int(m.group(1)))
        m = _LIST.match(low)
        if m:
            kind = "List " + m.group(1).capitalize()
            return Role(kind, int(m.group(2) or 1) - 1)
        m = _TOC_ENTRY.match(low)
        if m:
            return Role("TOC Entry", int(m.group(1)))
        if low in _ALIASES:
            return Role(_ALIASES[low])
        if low in _VOCAB and low != "normal":
            return Role(_VOCAB[low])
    return None


@dataclass
class Styles:
    """Paragraph roles and character formatting by style id, resolved once per document."""

    names: dict[str, str] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)
    ppr: dict[str, object] = field(default_factory=dict)
    rpr: dict[str, object] = field(default_factory=dict)
    default_para: str | None = None
    _roles: dict[str, Role] = field(default_factory=dict)
    _chars: dict[str, tuple[bool, bool]] = field(default_factory=dict)

    @classmethod
    def parse(cls, root) -> "Styles":
        st = cls()
        if root is None:
            return st
        for el in root.iterfind(w("style")):
            sid = el.get(w("styleId")) or ""
            name_el, base_el = el.find(w("name")), el.find(w("basedOn"))
            st.names[sid] = name_el.get(w("val"), sid) if name_el is not None else sid
            if base_el is not None and base_el.get(w("val")):
                st.based_on[sid] = base_el.get(w("val"))
            st.ppr[sid] = el.find(w("pPr"))
            st.rpr[sid] = el.find(w("rPr"))
            if el.get(w("type")) == "paragraph" and el.get(w("default")) in ("1", "true", "on"):
                st.default_para = sid
        return st

    def chain(self, sid: str):
        seen = set()
        while sid and sid not in seen:
            seen.add(sid)
            yield sid
            sid = self.based_on.get(sid)

    def role(self, sid: str | None) -> Role:
        """The role of paragraph style ``sid`` (the default paragraph style when None)."""
        sid = sid or self.default_para or ""
        cached = self._roles.get(sid)
        if cached is not None:
            return cached
        role, numbering = None, None
        for s in self.chain(sid):
            ppr = self.ppr.get(s)
            if numbering is None and ppr is not None:
                num_pr = ppr.find(w("numPr"))
                if num_pr is not None:
                    num_id, ilvl = num_pr.find(w("numId")), num_pr.find(w("ilvl"))
                    numbering = NumRef(num_id.get(w("val"), "0") if num_id is not None else "0",
                                       int_or(ilvl.get(w("val")) if ilvl is not None else "0"))
            if role is None:
                role = _named_role(self.names.get(s, s), s)
                if role is None and ppr is not None:
                    outline = ppr.find(w("outlineLvl"))
                    if outline is not None and int_or(outline.get(w("val"))) < 9:
                        level = int_or(outline.get(w("val"))) + 1
                        role = Role("Heading " + str(min(level, 3)), level)
        role = role or Role("Body Text")
        if numbering is not None:
            role = Role(role.name, role.level, numbering)
        self._roles[sid] = role
        return role

    def char_format(self, sid: str | None) -> tuple[bool, bool]:
        """(bold, italic) a character style gives its runs ("Strong", "Emphasis" or their rPr)."""
        if not sid:
            return (False, False)
        cached = self._chars.get(sid)
        if cached is None:
            bold = italic = None
            for s in self.chain(sid):
                name = self.names.get(s, s).lower()
                rpr = self.rpr.get(s)
                if bold is None and (name == "strong" or (rpr is not None and rpr.find(w("b")) is not None)):
                    bold = name == "strong" or on(rpr.find(w("b")))
                if italic is None and (name in ("emphasis", "intense emphasis")
                                       or (rpr is not None and rpr.find(w("i")) is not None)):
                    italic = name in ("emphasis", "intense emphasis") or on(rpr.find(w("i")))
            cached = self._chars[sid] = (bool(bold), bool(italic))
        return cached


def int_or(text: str | None, default: int = 0) -> int:
    """An attribute's number, or ``default`` when it is missing or not a number (Word's files
    and hand-made ones both have such)."""
    try:
        return int(text or default)
    except ValueError:
        return default


@dataclass
class ListKinds:
    """numId -> list kind and start per level, from word/numbering.xml (the DOCX writer's
    ``NumberingWriter`` goes the other way)."""

    formats: dict[tuple[str, int], ListKind] = field(default_factory=dict)
    root: object = None
    _abstract: dict = field(default_factory=dict)
    _nums: dict = field(default_factory=dict)

    @classmethod
    def parse(cls, root) -> "ListKinds":
        nb = cls(root=root)
        if root is None:
            return nb
        for el in root.iterfind(w("abstractNum")):
            nb._abstract[el.get(w("abstractNumId"))] = el
        for el in root.iterfind(w("num")):
            nb._nums[el.get(w("numId"))] = el
        return nb

    def kind(self, num_id: str, ilvl: int) -> ListKind:
        """The kind of level ``ilvl`` in list ``num_id``.

        Word counts on across every ``w:num`` of one abstract definition unless a num
        restarts it (startOverride), so the key is the abstract id. Unknown lists are bullets.
        """
        key = (num_id, ilvl)
        found = self.formats.get(key)
        if found is not None:
            return found
        ordered, start, list_key, restarts = False, 1, "num" + num_id, False
        num = self._nums.get(num_id)
        if num is not None:
            abstract_id = _val(num.find(w("abstractNumId")))
            list_key = "abstract" + str(abstract_id)
            abstract = self._abstract.get(abstract_id)
            lvl = None
            if abstract is not None:
                for el in abstract.iterfind(w("lvl")):
                    if int_or(el.get(w("ilvl"))) == ilvl:
                        lvl = el
                        break
            start_override = None
            for override in num.iterfind(w("lvlOverride")):
                if int_or(override.get(w("ilvl"))) == ilvl:
                    if override.find(w("lvl")) is not None:
                        lvl = override.find(w("lvl"))
                    start_override = _val(override.find(w("startOverride")))
            if start_override is not None:
                start, restarts = int_or(start_override, 1), True
            elif lvl is not None and lvl.find(w("start")) is not None:
                start = int_or(_val(lvl.find(w("start"))), 1)
            if lvl is not None:
                fmt = _val(lvl.find(w("numFmt"))) or "decimal"
                ordered = fmt not in ("bullet", "none")
        self.formats[key] = found = ListKind(ordered, start, list_key, restarts)
        return found


def _val(el) -> str | None:
    return el.get(w("val")) if el is not None else None
