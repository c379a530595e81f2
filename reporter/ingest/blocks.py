"""Cleaned text to paragraphs and subheadings: the structure every format's body comes down to."""

from __future__ import annotations

import re

from .clean import is_junk_line


def _looks_like_subheading(block: str) -> bool:
    """A short single line without final punctuation, as scraped section titles are."""
    if "\n" in block or len(block) > 90 or len(block.split()) > 12:
        return False
    return block[-1] not in ".!?:;,\"”’'…)]" and block[0] not in "“\"‘'"


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks; lines inside a block are joined (hard-wrapped text)."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln for ln in chunk.split("\n") if ln.strip()]
        lines = [ln for ln in lines if not is_junk_line(ln)]
        if lines:
            blocks.append(" ".join(ln.strip() for ln in lines))
    return blocks


def body_from_blocks(blocks: list[str]) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
    paragraphs: list[str] = []
    subheadings: list[tuple[int, str]] = []
    for block in blocks:
        if _looks_like_subheading(block):
            subheadings.append((len(paragraphs), block))
        else:
            paragraphs.append(block)
    # A short line after the last paragraph heads nothing: it is text (a contact line, a credit).
    body_end = len(paragraphs)
    paragraphs.extend(h for i, h in subheadings if i >= body_end)
    return tuple(paragraphs), tuple((i, h) for i, h in subheadings if i < body_end)


def markdown_body(md: str) -> tuple[str | None, tuple[str, ...], tuple[tuple[int, str], ...]]:
    """Paragraphs and subheadings of a Markdown body; the first level-1 heading is its title."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(md)
    title: str | None = None
    paragraphs: list[str] = []
    subheadings: list[tuple[int, str]] = []
    in_heading: str | None = None
    for tok in tokens:
        if tok.type == "heading_open":
            in_heading = tok.tag
        elif tok.type == "heading_close":
            in_heading = None
        elif tok.type == "inline":
            text = _inline_plain(tok)
            if not text.strip() or is_junk_line(text):
                continue
            if in_heading == "h1" and title is None and not paragraphs:
                title = text
            elif in_heading:
                subheadings.append((len(paragraphs), text))
            else:
                paragraphs.append(text)
    return title, tuple(paragraphs), tuple((i, h) for i, h in subheadings if i < len(paragraphs))


def _inline_plain(tok) -> str:
    parts = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
