"""Plain text as scraped: the first substantive block is the title, blank lines separate
paragraphs, short lines without final punctuation are subheadings."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .article import Article
from .blocks import SENTENCE_END, body_from_blocks, split_blocks
from .clean import clean_text


MAX_TITLE_LINE = 250  # characters of a first line that can be a headline


def _headline_line(text: str) -> tuple[str, str] | None:
    """(headline, the rest) when a file of one block opens with a headline set straight above
    the body with no blank line between ("Minister's statement: 12 March\nGood afternoon. …"): a
    line that ends no sentence over lines that do. Joined as one hard-wrapped block, the whole
    file had been the title and the article had no paragraphs."""
    first_block = re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0]
    head, _, body = first_block.partition("\n")
    head = head.strip()
    if not body.strip() or not head or len(head) > MAX_TITLE_LINE or head.endswith(SENTENCE_END) \
            or not any(c in body for c in ".!?"):
        return None
    return head, text.strip()[len(text.strip().partition("\n")[0]) + 1:]


def read(text: str, path: Path) -> list[Article]:
    cleaned = clean_text(text)
    blocks = split_blocks(cleaned)
    if len(blocks) == 1 and (split := _headline_line(cleaned)) is not None:
        blocks = [split[0]] + split_blocks(split[1])  # the whole file one block: its headline line above the rest
    if not blocks:
        raise InputError("file has no article text", path)
    title, rest = blocks[0], blocks[1:]
    paragraphs, subheadings = body_from_blocks(rest)
    if not paragraphs:
        raise InputError("file has a title but no paragraphs of text", path)
    return [Article(title=title, paragraphs=paragraphs, subheadings=subheadings, path=str(path), raw_text=text)]
