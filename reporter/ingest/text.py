"""Plain text as scraped: the first substantive block is the title, blank lines separate
paragraphs, short lines without final punctuation are subheadings."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .article import Article
from .blocks import body_from_blocks, split_blocks
from .boilerplate import is_boilerplate
from .clean import clean_text

TITLE_SEARCH = 12  # blocks a scraped page's banner and menus may take before its headline


def _title(blocks: list[str]) -> str:
    """The headline of a scraped page: its first block, unless that is page furniture (a
    government site's "An official website of ..." banner, "U.S. flag"): then the first of
    the next blocks that reads like a headline (four words or more, not boilerplate, not a
    sentence or a question, not a list). The blocks stay the body as they are, so the
    paragraphs keep their numbers."""
    first = blocks[0]
    if not (is_boilerplate(first) or len(first.split()) <= 3):
        return first
    for block in blocks[1:TITLE_SEARCH]:
        words = block.split()
        if (4 <= len(words) <= 30 and "\n" not in block and not block.rstrip().endswith((".", "?", "!", ":"))
                and not is_boilerplate(block)):
            return block
    return first


def read(text: str, path: Path) -> list[Article]:
    blocks = split_blocks(clean_text(text))
    if not blocks:
        raise InputError("file has no article text", path)
    title, rest = _title(blocks), blocks[1:]
    paragraphs, subheadings = body_from_blocks(rest)
    if not paragraphs:
        raise InputError("file has a title but no paragraphs of text", path)
    return [Article(title=title, paragraphs=paragraphs, subheadings=subheadings, path=str(path), raw_text=text)]
