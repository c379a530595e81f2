"""Saved HTML pages: the main text and metadata extracted offline by trafilatura, its
Markdown-like output then read as a Markdown body. A record's HTML body (a CMS's export: its
whole text, nothing around it to extract from) is read block by block instead."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .article import Article
from .blocks import Body, markdown_body
from .clean import clean_text, one_line
from .fields import parse_date, split_tags


# The page's date from its markup only (meta tags, <time>, the URL), not from an extensive
# search of its text: that search hands every date-like phrase to dateparser, which tries
# each of its two hundred locales on a page in another language (a 1 KB page with a Greek
# weekday line took 2.7 s to read, against 0.02 s). A date stated in the text is still
# found: the dateline and byline step reads the body (``boilerplate``), in every format.
DATE_SEARCH = {"original_date": True, "extensive_search": False}


def read(text: str, path: Path) -> list[Article]:
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_formatting=True, include_comments=False,
        include_tables=False, favor_precision=True, date_extraction_params=DATE_SEARCH,
    )
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise InputError("no article text found in this HTML page", path)
    main = doc.text
    if _LEAD_IN.search(main):  # a line that announces a list the extraction did not keep
        fuller = trafilatura.bare_extraction(text, with_metadata=False, include_formatting=True, include_comments=False,
                                             include_tables=False, favor_recall=True)
        main = _lists_after_lead_ins(main, getattr(fuller, "text", None) or "")
    body = markdown_body(clean_text(main))
    title, paragraphs, subheadings = one_line(doc.title or body.title or ""), body.paragraphs, body.subheadings
    if not paragraphs:
        raise InputError("no article paragraphs found in this HTML page", path)
    quoted = _quoted_texts(doc.body)
    blockquotes = tuple(n for n, p in enumerate(paragraphs, 1) if p in quoted)
    if not title:
        title, paragraphs = paragraphs[0], paragraphs[1:]
        subheadings = tuple((i - 1, h) for i, h in subheadings if i >= 1)
        blockquotes = tuple(n - 1 for n in blockquotes if n > 1)
    try:
        published = parse_date(doc.date)
    except ValueError:
        published = None
    return [Article(
        title=title, paragraphs=paragraphs, subheadings=subheadings, url=doc.url or None,
        source=doc.sitename or None, published=published, author=doc.author or None,
        path=str(path), raw_text=text, tags=split_tags([*(getattr(doc, "tags", None) or ()), *(getattr(doc, "categories", None) or ())]),
        blockquotes=blockquotes,
    )]


# A paragraph ending in a colon with no list item after it: "Other projects discussed today
# included:" at the end of the text, or before another paragraph. The precise extraction drops
# a list that ends some pages (trafilatura's precision mode takes it for furniture).
_LEAD_IN = re.compile(r":\n(?:\n(?!- )|\Z)|:\Z")


def _lists_after_lead_ins(main: str, fuller: str) -> str:
    """The main text with, under each lead-in that has no list, the list items that follow the
    same line in the fuller extraction (trafilatura's recall mode), and nothing else of it: that
    mode also keeps menus and tag lists, which never follow a lead-in."""
    lines = main.split("\n")
    full = fuller.split("\n")
    where = {line: k for k, line in enumerate(full) if line.endswith(":")}
    out: list[str] = []
    for k, line in enumerate(lines):
        out.append(line)
        nxt = next((x for x in lines[k + 1:] if x.strip()), "")
        if line.endswith(":") and not nxt.startswith("- ") and line in where:
            items = []
            for x in full[where[line] + 1:]:
                if x.startswith("- ") and x not in lines:
                    items.append(x)
                elif x.strip() or items:
                    break
            if items:
                out += [""] + items + [""]
    return "\n".join(out)


def _quoted_texts(root) -> frozenset[str]:
    """The texts of the paragraphs inside the page's block quotations (trafilatura keeps a
    <blockquote> as <quote>), as the body's paragraphs are written, to mark those paragraphs."""
    if root is None:
        return frozenset()
    out = set()
    for quote in root.iter("quote"):
        parts = [el for el in quote.iter("p")] or [quote]
        out.update(one_line(el.xpath("string()")) for el in parts)
    return frozenset(t for t in out if t)


# Elements that end one block of text and start the next; headings are subheadings, list
# items keep the mark a Markdown list's would, and what is never text is dropped with its text.
_BLOCKS = frozenset("p div blockquote section article aside header footer main address pre figure figcaption "
                    "dl dt dd ul ol table tr h1 h2 h3 h4 h5 h6 li hr".split())
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_NEVER_TEXT = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "form",
               "button", "select", "textarea", "nav", "head", "table")
_HEADING_MARK = "\ue000"  # marks a heading's block until the blocks are split (a private-use character)
_QUOTED_MARK = "\ue001"  # and a block inside a block quotation


def fragment_body(html: str) -> Body:
    """Paragraphs, subheadings and block quotations of an HTML fragment that is an article's
    whole body ("<p>…</p><h2>…</h2><blockquote><p>…</p></blockquote>"): each block of text one
    paragraph, entities and inline markup read as the text they show, tables and scripts left
    out (as a page's are)."""
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.LxmlError, ValueError):  # no element at all, or markup lxml cannot read: no body
        return Body(None, ())
    etree.strip_elements(root, *_NEVER_TEXT, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    numbers: dict[etree._Element, int] = {}
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "br":
            el.tail = "\n" + (el.tail or "")
        elif tag in _BLOCKS:
            mark = ""
            if tag in _HEADINGS:
                mark = _HEADING_MARK
            elif tag == "li":
                parent = el.getparent()
                if parent is not None and parent.tag == "ol":
                    start = parent.get("start") or "1"
                    numbers.setdefault(parent, int(start) if start.isdigit() and len(start) < 4 else 1)
                    mark, numbers[parent] = f"{numbers[parent]}. ", numbers[parent] + 1
                else:
                    mark = "- "
            if tag == "blockquote" or any(a.tag == "blockquote" for a in el.iterancestors()):
                mark = _QUOTED_MARK + mark
            el.text = "\n\n" + mark + (el.text or "")
            el.tail = "\n\n" + (el.tail or "")
    paragraphs: list[str] = []
    subheadings: list[tuple[int, str]] = []
    quoted: list[int] = []
    for block in root.text_content().split("\n\n"):
        marks = block.lstrip()[:2]
        text = one_line(block.replace(_HEADING_MARK, " ").replace(_QUOTED_MARK, " "))
        if not text or text == "-" or text.rstrip(".").isdigit():
            continue  # an empty block, or a list item with no text
        if _HEADING_MARK in marks:
            subheadings.append((len(paragraphs), text))
        else:
            paragraphs.append(text)
            if _QUOTED_MARK in marks:
                quoted.append(len(paragraphs))
    return Body(None, tuple(paragraphs), tuple((i, h) for i, h in subheadings if i < len(paragraphs)), tuple(quoted))
