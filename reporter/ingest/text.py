"""Plain text as scraped: the first substantive block is the title, blank lines separate
paragraphs, short lines without final punctuation are subheadings."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from .article import Article
from .blocks import body_from_blocks, split_blocks
from .clean import clean_text


def read(text: str, path: Path) -> list[Article]:
    blocks = split_blocks(clean_text(text))
    if not blocks:
        raise InputError("file has no article text", path)
    title, rest = blocks[0], blocks[1:]
    paragraphs, subheadings = body_from_blocks(rest)
    if not paragraphs:
        raise InputError("file has a title but no paragraphs of text", path)
    return [Article(title=title, paragraphs=paragraphs, subheadings=subheadings, path=str(path), raw_text=text)]
