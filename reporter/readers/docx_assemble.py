"""Paragraph records -> model blocks: the title block, quotes, lists, key points and captions.

Pure functions over the flat list the body walk produced; the grouping rules mirror
how the DOCX writer lays these blocks out, so writer -> reader gives the model back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..dates import MONTH_NUMBERS
from ..ingest.clean import plain_text as visible_only
from ..model import (
    BulletList, Div, Heading, OrderedList, Paragraph, Quote, Table, TableOfContents, Text, heading_level,
    map_text, plain_text,
)
from ..style import STYLE_NAMES
from .docx_body import Para

_HUMAN_DATE = re.compile(r"^(?:(\d{1,2}) )?([A-Za-z]+) (\d{4})$")
_DASHES = ("\u2014", "\u2013", "-", "\u2015")
_META_ROLES = ("Title", "Subtitle", "Marking")
_KEEP_STYLES = set(STYLE_NAMES) - {"Normal", "List Bullet", "List Number"}


@dataclass
class TitleBlock:
    title: str = ""
    subtitle: str = ""
    marking: str = ""
    date: str = ""
    prepared_for: str = ""
    author: str = ""


def iso_date(text: str) -> str:
    """The writers' date back to ISO, undoing ``dates.date_label``: ``20 April 2024`` or
    ``2024-04-20`` -> ``2024-04-20``, ``September 2024`` -> ``2024-09``; '' when it is not a date."""
    text = text.strip()
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    m = _HUMAN_DATE.match(text)
    month = MONTH_NUMBERS.get(m.group(2).lower()) if m else None
    if month is None:
        return ""
    day, year = m.group(1), int(m.group(3))
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, int(day)).isoformat()
    except ValueError:
        return ""


def _title_line(text: str, tb: TitleBlock) -> bool:
    """Read the writer's "date · Prepared for X · Prepared by Y" line; False if it is not one."""
    found = {}
    for part in (p.strip() for p in text.split("\u00b7")):
        if part.startswith("Prepared for "):
            found["prepared_for"] = part[len("Prepared for "):].strip()
        elif part.startswith("Prepared by "):
            found["author"] = part[len("Prepared by "):].strip()
        elif iso_date(part) and "date" not in found:
            found["date"] = iso_date(part)
        else:
            return False
    for key, value in found.items():
        setattr(tb, key, value)
    return bool(found)


def _one_line(inlines: tuple) -> str:
    """A title, caption or contents heading as one line, without invisible formatting characters."""
    return " ".join(visible_only(plain_text(inlines)).split())


def assemble(items: list) -> tuple[TitleBlock, tuple]:
    """Group paragraph records and blocks into the model's blocks; lift the title block into meta
    and keep its paragraphs, as edited, as the document's title block (``compose.title_block``)."""
    from ..compose.build import SOURCES_LEAD, TITLE_BLOCK

    tb = TitleBlock()
    out: list = []
    head: list[Paragraph] = []
    i, n = 0, len(items)
    in_title_block = True
    while i < n:
        item = items[i]
        if not isinstance(item, Para):
            if isinstance(item, Table) and out and _is_caption_pending(out):
                caption = out.pop()
                item = replace(item, caption=_one_line(caption.children))
            out.append(item)
            in_title_block = False
            i += 1
            continue
        role = item.role
        if role in _META_ROLES and in_title_block and not getattr(tb, role.lower()):
            setattr(tb, role.lower(), _one_line(item.inlines))
            head.append(Paragraph(map_text(item.inlines, visible_only), style=role))
            i += 1
            continue
        if role == "Source" and in_title_block and tb.title and (
                _title_line(_one_line(item.inlines), tb) or _one_line(item.inlines).startswith(SOURCES_LEAD)):
            head.append(Paragraph(item.inlines, style=role))
            i += 1
            continue
        in_title_block = False
        if role.startswith("Heading"):
            out.append(Heading(heading_level(item.level), map_text(item.inlines, visible_only), item.anchor))
            i += 1
        elif role == "Quote":
            i = _quote(items, i, out)
        elif item.listing is not None:
            i = _list(items, i, out)
        elif role == "Key Point":
            j = i
            while j < n and isinstance(items[j], Para) and items[j].role == "Key Point" and items[j].listing is None:
                j += 1
            out.append(Div("Key Point", tuple(Paragraph(p.inlines, anchor=p.anchor) for p in items[i:j])))
            i = j
        elif role == "Caption" and out and isinstance(out[-1], Table) and out[-1].caption is None:
            out[-1] = replace(out[-1], caption=_one_line(item.inlines))
            i += 1
        elif role == "TOC Heading" and i + 1 < n and isinstance(items[i + 1], TableOfContents):
            toc = items[i + 1]
            out.append(TableOfContents(title=_one_line(item.inlines) or toc.title, levels=toc.levels))
            i += 2
        elif role == "TOC Entry":
            if not (out and isinstance(out[-1], TableOfContents)):
                out.append(TableOfContents())
            i += 1
        else:
            style = role if role in _KEEP_STYLES else "Body Text"
            out.append(Paragraph(item.inlines, style=style, anchor=item.anchor))
            i += 1
    if not tb.date and tb.subtitle:  # the byline leaves out a date the subtitle already says
        tb.date = iso_date(tb.subtitle.split("\u00b7")[-1])
    return tb, ((Div(TITLE_BLOCK, tuple(head)),) if head else ()) + tuple(out)


def _is_caption_pending(out: list) -> bool:
    """A Caption paragraph right before a table (Word's default place) captions that table."""
    last = out[-1]
    return isinstance(last, Paragraph) and last.style == "Caption" and not (
        len(out) > 1 and isinstance(out[-2], Table) and out[-2].caption is None)


def _quote(items: list, i: int, out: list) -> int:
    n = len(items)
    blocks = []
    while i < n and isinstance(items[i], Para) and items[i].role == "Quote":
        blocks.append(Paragraph(items[i].inlines, anchor=items[i].anchor))
        i += 1
    attribution: tuple = ()
    if i < n and isinstance(items[i], Para) and items[i].role == "Quote Attribution":
        attribution = _strip_dash(items[i].inlines)
        i += 1
    out.append(Quote(tuple(blocks), attribution))
    return i


def _strip_dash(inlines: tuple) -> tuple:
    """"— Minister" -> "Minister": the writers draw their own dash before an attribution."""
    if inlines and isinstance(inlines[0], Text):
        text = inlines[0].text
        if text.startswith(_DASHES):
            rest = text.lstrip("".join(_DASHES)).lstrip()
            return ((Text(rest),) if rest else ()) + inlines[1:]
    return inlines


# ------------------------------------------------------------------ lists


def _list(items: list, i: int, out: list) -> int:
    """Consecutive numbered paragraphs -> lists, nested by ilvl."""
    n = len(items)
    j = i
    while j < n and isinstance(items[j], Para) and items[j].listing is not None:
        j += 1
    entries = items[i:j]
    k = 0
    while k < len(entries):
        block, k = _build(entries, k, entries[k].listing.depth)
        out.append(block)
    return j


def _build(entries: list, k: int, level: int):
    first = entries[k].listing
    ordered, start, list_key, num_id = first.ordered, first.start, first.key, first.num_id
    items: list[list] = []
    while k < len(entries):
        e = entries[k]
        e_level = e.listing.depth
        if e_level < level:
            break
        if e_level > level:
            nested, k = _build(entries, k, e_level)
            if not items:
                items.append([])
            items[-1].append(nested)
            continue
        para = Paragraph(e.inlines, anchor=e.anchor)
        if e.cont and items:
            items[-1].append(para)
            k += 1
            continue
        if items and (e.listing.ordered != ordered or (ordered and (
                e.listing.key != list_key or (e.listing.restarts and e.listing.num_id != num_id)))):
            break  # another kind of list, or a numbered list that starts counting again
        num_id = e.listing.num_id
        items.append([para])
        k += 1
    body = tuple(tuple(it) for it in items)
    return (OrderedList(body, start) if ordered else BulletList(body)), k
