"""The DOCX package edges: byte-reproducible zips, core properties, settings, header and footer.

python-docx stamps ``now()`` into zip entry dates and core properties; both are fixed
here so the same input and SOURCE_DATE_EPOCH give byte-identical files.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from ..dates import utc_datetime
from .docx_xml import P, PPR, PSTYLE, R, RPR, RSTYLE, VAL, add_field, add_text_runs, sub, w, xml_safe

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold; meaningless on purpose


def write_zip(entries: list[tuple[str, bytes]], target) -> None:
    """Write ``entries`` in the given order with fixed dates, permissions and compression."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, data, compresslevel=6)


def save_reproducibly(document, path: Path) -> None:
    """Save a python-docx document, then re-zip it with fixed entry dates in a fixed order."""
    buf = io.BytesIO()
    document.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as zf:
        names = zf.namelist()
        # [Content_Types].xml first (some readers sniff it), the rest in name order.
        names.sort(key=lambda n: (n != "[Content_Types].xml", n))
        entries = [(n, zf.read(n)) for n in names]
    write_zip(entries, path)


def parse_created(created: str, fallback: datetime) -> datetime:
    """``Meta.created`` to the second (core properties hold no fractions); the build clock if it
    is empty or unreadable."""
    value = utc_datetime(created)
    return value.replace(microsecond=0) if value is not None else fallback


def set_core_properties(document, meta, created: datetime) -> None:
    cp = document.core_properties
    cp.title = xml_safe(meta.title)[:255]
    cp.subject = xml_safe(meta.subject or meta.subtitle)[:255]
    cp.author = xml_safe(meta.author)[:255]
    cp.last_modified_by = xml_safe(meta.author)[:255]
    cp.keywords = xml_safe(", ".join(meta.keywords))[:255]
    cp.language = xml_safe(meta.lang)
    cp.category = "Briefing"
    cp.comments = ""
    cp.revision = 1
    # python-docx wants naive datetimes and writes them as UTC.
    naive = created.astimezone(timezone.utc).replace(tzinfo=None)
    cp.created = naive
    cp.modified = naive
    cp.last_printed = naive


# Elements that must follow w:updateFields / w:themeFontLang in w:settings (schema order).
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
    "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator",
)


def _set_in_order(root, tag: str, successors: tuple[str, ...], **attrs) -> None:
    el = root.find(w(tag))
    if el is None:
        el = etree.Element(w(tag))
        following = [root.find(f"{{*}}{s}") for s in successors]
        following = [f for f in following if f is not None]
        if following:
            following[0].addprevious(el)
        else:
            root.append(el)
    for key, value in attrs.items():
        el.set(w(key), value)


def update_settings(settings_root, lang: str) -> None:
    """Ask Word to refresh fields (the TOC) on open, and record the document language."""
    _set_in_order(settings_root, "updateFields", _AFTER_UPDATE_FIELDS, val="true")
    after_lang = _AFTER_UPDATE_FIELDS[_AFTER_UPDATE_FIELDS.index("themeFontLang") + 1:]
    _set_in_order(settings_root, "themeFontLang", after_lang, val=lang)


def _has_reference(sect_pr, kind: str) -> bool:
    return any(ref.get(w("type"), "default") == "default" for ref in sect_pr.iterfind(w(f"{kind}Reference")))


def _fill_placeholders(root, values: dict[str, str]) -> None:
    for t in root.iter(w("t")):
        if t.text and "{" in t.text:
            for key, value in values.items():
                t.text = t.text.replace("{" + key + "}", value)


def clip_to_chars(title: str, limit: int = 60) -> str:
    """``title`` cut at a word to at most ``limit`` characters, with an ellipsis: a header line
    has room for so many characters, whatever the words (compose shortens by words instead)."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0] or title[:limit]
    return cut.rstrip(" ,;:-") + "\u2026"


def _hf_paragraph(root, style_id: str):
    p = sub(root, w("p"))
    sub(sub(p, PPR), PSTYLE, val=style_id)
    return p


def marking_style(marking: str, ids: dict[str, str]) -> str:
    """The id of the character style a marking is shown in: its TLP 2.0 label's, or the house
    style's for any other marking."""
    from ..marking import MARKING_TEXT_STYLE, marking_look

    look = marking_look(marking)
    return ids[look.style if look else MARKING_TEXT_STYLE]


def _char_style(style_id: str):
    def rpr(r) -> None:
        sub(sub(r, RPR), RSTYLE, val=style_id)
    return rpr


def style_title_marking(body, ids: dict[str, str], marking: str) -> None:
    """Give the title block's marking paragraph (style "Marking") the marking's character style,
    so a TLP label shows in its colour on black there as in the header and footer."""
    if not marking:
        return
    para_id, char_id = ids["Marking"], marking_style(marking, ids)
    for p in body.iterchildren(P):
        ppr = p.find(PPR)
        style = ppr.find(PSTYLE) if ppr is not None else None
        if style is None or style.get(VAL) != para_id:
            continue
        for r in p.iter(R):
            rpr = r.find(RPR)
            if rpr is None:
                rpr = etree.Element(RPR)
                r.insert(0, rpr)
            if rpr.find(RSTYLE) is None:
                rpr.insert(0, etree.Element(RSTYLE, {VAL: char_id}))
        return  # the title block's, the first: a later "Marking" paragraph is the user's own


def add_header_footer(document, meta, ids: dict[str, str]) -> None:
    """Header: marking left, short title right. Footer: marking left, ``Page N of M`` right.

    A user's template that already has default headers/footers keeps them; ``{marking}``,
    ``{title}`` and ``{date}`` placeholders in them are filled in.
    """
    section = document.sections[0]
    sect_pr = section._sectPr
    values = {"marking": xml_safe(meta.marking), "title": xml_safe(clip_to_chars(meta.title)),
              "date": xml_safe(meta.date)}
    for kind, part in (("header", section.header), ("footer", section.footer)):
        if _has_reference(sect_pr, kind):  # the user's own header or footer, placeholders filled
            _fill_placeholders(part._element, values)
            continue
        part.is_linked_to_previous = False
        element = part._element
        element[:] = []
        p = _hf_paragraph(element, ids[kind.capitalize()])
        if values["marking"]:
            add_text_runs(p, values["marking"], _char_style(marking_style(meta.marking, ids)))
        if kind == "header":
            add_text_runs(p, "\t\t" + values["title"])
        else:
            add_text_runs(p, "\t\tPage ")
            add_field(p, "PAGE")
            add_text_runs(p, " of ")
            add_field(p, "NUMPAGES")

