"""Tokens (a run's text, bold, italic, link) -> nested inlines, adjacent same-format runs merged.

Word splits a word over several runs (spell-check marks, revision ids); flattening to
tokens and rebuilding leaves no trace of that in the model.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import Emph, LineBreak, Link, Strong, Text

LINEBREAK = None  # the token text that stands for a line break


class Token(NamedTuple):
    """A piece of a run as read: its text (``LINEBREAK`` for a break) and how it is formatted."""

    text: str | None
    bold: bool
    italic: bool
    url: str | None


def _styled(text_nodes: list, bold: bool, italic: bool):
    node = tuple(text_nodes)
    if italic:
        node = (Emph(node),)
    if bold:
        node = (Strong(node),)
    return node


def to_inlines(tokens: list) -> tuple:
    """Tokens -> inlines: same-format neighbours merged, links grouped, outer whitespace trimmed."""
    tokens = _trim(tokens)
    out: list = []
    i, n = 0, len(tokens)
    while i < n:
        url = tokens[i].url
        j = i
        while j < n and tokens[j].url == url:
            j += 1
        children = _formatted(tokens[i:j])
        if url and children:
            out.append(Link(tuple(children), url))
        else:
            out.extend(children)
        i = j
    return tuple(out)


def _formatted(tokens: list) -> list:
    out: list = []
    i, n = 0, len(tokens)
    while i < n:
        bold, italic = tokens[i].bold, tokens[i].italic
        j = i
        nodes: list = []
        text: list[str] = []
        while j < n and tokens[j].bold == bold and tokens[j].italic == italic:
            t = tokens[j].text
            if t is LINEBREAK:
                if text:
                    nodes.append(Text("".join(text)))
                    text = []
                nodes.append(LineBreak())
            else:
                text.append(t)
            j += 1
        if text:
            nodes.append(Text("".join(text)))
        out.extend(_styled(nodes, bold, italic) if (bold or italic) else nodes)
        i = j
    return out


def _trim(tokens: list) -> list:
    """Drop whitespace and line breaks at both ends of a paragraph."""
    start, end = 0, len(tokens)
    while start < end and (tokens[start].text is LINEBREAK or not tokens[start].text.strip()):
        start += 1
    while end > start and (tokens[end - 1].text is LINEBREAK or not tokens[end - 1].text.strip()):
        end -= 1
    tokens = tokens[start:end]
    if tokens:
        tokens[0] = tokens[0]._replace(text=tokens[0].text.lstrip())
        tokens[-1] = tokens[-1]._replace(text=tokens[-1].text.rstrip())
    return tokens
