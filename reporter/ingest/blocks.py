"""Cleaned text to paragraphs and subheadings: the structure every format's body comes down to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import is_junk_line


def _looks_like_subheading(block: str) -> bool:
    """A short single line without final punctuation, as scraped section titles are."""
    if "\n" in block or len(block) > 90 or len(block.split()) > 12 or LIST_LINE.match(block):
        return False
    return block[-1] not in ".!?:;,\"”’'…)]" and block[0] not in "“\"‘'" and not block.endswith(_BROKEN_OFF) \
        and block.rsplit(None, 1)[-1] not in _SAID


# A line ending in a verb of saying introduces what follows ("…, Jane Doe, said" over "“…"): no
# heading. (Ingest sits below the analysis, whose cues hold the fuller vocabulary.)
_SAID = frozenset("said says added adds explained explains commented comments stated states".split())


# "Shall I go on or --", "Not something –": speech broken off, not a heading ("-0-" ends a release).
_BROKEN_OFF = ("--", " –", " —", "—")


LIST_LINE = re.compile(r"(?:[-*•‣▪]|\d{1,3}[.)])\s+\S")  # "- item", "• item", "3. item", "3) item"


# Hard-wrapped text breaks its lines at a fixed width, 72 to 80 columns and rarely past 100; a
# line longer than this was not wrapped by anyone.
WRAP_WIDTH = 100
SENTENCE_END = tuple(".!?:;\"”’')…")


def one_paragraph_a_line(lines: list[str]) -> bool:
    """Whether a block's lines are paragraphs of their own (scraped text, one long line per
    paragraph and no blank lines) rather than one hard-wrapped paragraph.

    Wrapped lines are about as long as each other, none much past the wrap width, and break
    wherever the width falls, so few of them end a sentence. Paragraph lines vary: some run
    past any wrap width, and most of them but the last end a sentence or are short (a
    subheading, a byline, the pieces of a page's header: a headline line, a menu line, "News
    Transcript", a release number). Three lines at least: two are too few to tell the two apart.
    """
    if len(lines) < 3:
        return False
    if all(ln.endswith(SENTENCE_END) for ln in lines):
        return True  # a sentence a line (a statement copied line by line): no wrap ends every line so
    longest = max(len(ln) for ln in lines)
    if longest <= WRAP_WIDTH:
        return False
    breaks = sum(ln.endswith(SENTENCE_END) or (len(ln) <= 0.6 * longest and len(ln.split()) <= 12)
                 for ln in lines[:-1])
    return 2 * breaks >= len(lines) - 1


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks; lines inside a block are joined (hard-wrapped text),
    except in a list, where each item line ("- ...", "2. ...") stays a block of its own, and
    in a block of one paragraph a line (``one_paragraph_a_line``), where each line does."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
        lines = [ln for ln in lines if not is_junk_line(ln)]
        items = [ln for ln in lines if LIST_LINE.match(ln)]
        if not lines:
            continue
        if len(items) >= 2 and LIST_LINE.match(lines[-1]) and len(items) >= len(lines) - 1:
            # An introducing line may come first; wrapped item lines join their item.
            out: list[str] = []
            for ln in lines:
                if LIST_LINE.match(ln) or not out:
                    out.append(ln)
                else:
                    out[-1] += " " + ln
            blocks.extend(out)
        elif one_paragraph_a_line(lines):
            blocks.extend(lines)
        else:
            blocks.append(" ".join(lines))
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


@dataclass(frozen=True)
class Body:
    """A body read from markup: its paragraphs, the subheadings above them (0-based index of the
    paragraph each precedes), and the paragraphs it set as a block quotation (¶N, 1-based, as
    ingest numbers paragraphs): a press release's quotation under "Jane Doe said:" is often
    only marked so, with no quotation marks and nothing in its words to say where it ends."""

    title: str | None
    paragraphs: tuple[str, ...]
    subheadings: tuple[tuple[int, str], ...] = ()
    blockquotes: tuple[int, ...] = ()


def markdown_body(md: str) -> Body:
    """Paragraphs, subheadings and block quotations of a Markdown body; the first level-1
    heading is its title."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(md)
    title: str | None = None
    paragraphs: list[str] = []
    subheadings: list[tuple[int, str]] = []
    in_heading: str | None = None
    lists: list[list[int]] = []  # open lists: [next number], or [-1] for bullets
    quoting = 0  # open block quotations
    quoted: list[int] = []
    for tok in tokens:
        if tok.type == "blockquote_open":
            quoting += 1
        elif tok.type == "blockquote_close":
            quoting -= 1
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([int(tok.attrs.get("start", 1)) if tok.type == "ordered_list_open" else -1])
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "list_item_open":
            lists[-1].append(0)  # the item's first paragraph is still to come
        elif tok.type == "heading_open":
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
            elif lists and len(lists[-1]) > 1 and lists[-1][-1] == 0:
                lists[-1][-1] = 1
                number = lists[-1][0]
                if number >= 0:
                    lists[-1][0] += 1
                paragraphs.append(f"{number}. {text}" if number >= 0 else f"- {text}")  # marked as a list item
            else:
                paragraphs.append(text)
            if quoting and not in_heading and paragraphs and (not quoted or quoted[-1] != len(paragraphs)):
                quoted.append(len(paragraphs))
    return Body(title, tuple(paragraphs), tuple((i, h) for i, h in subheadings if i < len(paragraphs)), tuple(quoted))


def _inline_plain(tok) -> str:
    parts = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
