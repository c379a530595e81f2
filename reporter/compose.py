"""Compose: a jinja2 template renders Markdown; markdown-it parses it into the document model.

Templates produce text and a parser produces structure, so a user's template needs no
Python. Values a template prints never reach the Markdown parser: the environment's
``finalize`` hook files each value in a table and prints a placeholder (private-use
characters around its number), and the converter puts the value back as plain text.
So article text stays text whatever characters it holds, and long articles are not
scanned character by character by the parser. Only our own helpers (``link``,
``anchor``) write Markdown.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .errors import InputError
from .model import (
    Block, BulletList, Div, Document, Emph, Heading, Image, Inline, LineBreak, Link, Meta,
    OrderedList, PageBreak, Paragraph, Quote, Strong, Table, TableOfContents, Text,
)


class Markdown(str):
    """A string already in Markdown: printed as is by templates (our helpers make these)."""

    __slots__ = ()


OPEN, CLOSE = "\ue000", "\ue001"
_PLACEHOLDER = re.compile(OPEN + r"(\d+)" + CLOSE)
BLOCKS = "\ue002"  # a line "\ue002<n>\ue002" stands for prebuilt blocks
_BLOCKS_LINE = re.compile(BLOCKS + r"(\d+)" + BLOCKS)
_WS = re.compile(r"\s+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ue000-\ue002]")
_SAFE_SCHEMES = ("http://", "https://", "mailto:")


class Values:
    """The values one template render printed, by number."""

    def __init__(self) -> None:
        self.items: list[str | Inline] = []
        self.prebuilt: list[tuple[Block, ...]] = []

    def put(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, Markdown):
            return value
        text = self._clean(value)
        if not text:
            return ""
        self.items.append(text)
        return f"{OPEN}{len(self.items) - 1}{CLOSE}"

    def resolve(self, text: str) -> str:
        """The text with every placeholder replaced by its value's words."""
        if OPEN not in text:
            return text
        return _PLACEHOLDER.sub(lambda m: _words(self.items[int(m.group(1))]), text)

    def expand(self, text: str) -> list[Inline]:
        """The text as inlines: plain values merge into the text, prebuilt links stay links."""
        if OPEN not in text:
            return [Text(text)]
        out: list[Inline] = []
        for i, part in enumerate(_PLACEHOLDER.split(text)):
            item = self.items[int(part)] if i % 2 else part
            if isinstance(item, str):
                if not item:
                    continue
                if out and isinstance(out[-1], Text):
                    out[-1] = Text(out[-1].text + item)
                else:
                    out.append(Text(item))
            else:
                out.append(item)
        return out

    def article_body(self, body: Any) -> Markdown:
        """An article's text as prebuilt blocks: subheadings and numbered, bookmarked paragraphs.

        Articles are the bulk of a long briefing; building their blocks directly spares the
        Markdown parser most of the document. Each item of ``body`` is a heading
        (``{"heading": text}``) or a paragraph (``{"n": 7, "text": ..., "anchor": "a1-p7"}``),
        as the briefing context gives them.
        """
        blocks: list[Block] = []
        for item in body:
            if item.get("heading"):
                blocks.append(Heading(2, (Text(self._clean(item["heading"])),)))
            else:
                n, text = item["n"], self._clean(item["text"])
                number = Strong((Text(f"¶{n}"),))
                blocks.append(Paragraph((number, Text(" " + text)), anchor=_anchor_name(item.get("anchor"))))
        return self._prebuilt(tuple(blocks))

    def table(self, caller) -> Markdown:
        """The pipe table a ``{% call table() %}`` block writes, built here rather than by the parser.

        A long briefing's generated tables run to hundreds of rows, and markdown-it's table
        rule is its slowest. The result is the table the parser makes of the block on its
        own; a block that is anything but a plain pipe table is passed on as Markdown.
        """
        text = caller()
        table = _pipe_table(text, _Converter(self, None).cell)
        return Markdown(text) if table is None else self._prebuilt((table,))

    def _prebuilt(self, blocks: tuple[Block, ...]) -> Markdown:
        """A paragraph of its own that the converter replaces with ``blocks``."""
        self.prebuilt.append(blocks)
        return Markdown(f"\n\n{BLOCKS}{len(self.prebuilt) - 1}{BLOCKS}\n\n")

    @staticmethod
    def _clean(value: Any) -> str:
        return _WS.sub(" ", _CONTROLS.sub("", str(value))).strip()

    def link(self, text: Any, url: Any) -> Markdown:
        """A link whose label and URL are both data; unsafe schemes give plain text.

        Prebuilt like any value, so the parser never has to read link syntax.
        """
        u = str(url or "").strip()
        label = self._clean(text if text is not None and str(text).strip() else u)
        if u.startswith("#"):
            target = "#" + (_anchor_name(u[1:]) or "")
        elif u.lower().startswith(_SAFE_SCHEMES) and not any(c in u for c in "\r\n"):
            target = quote(u, safe=":/?#[]@!$&'*+,;=%~-._")
        else:
            return Markdown(self.put(label))
        if not label:
            return Markdown("")
        self.items.append(Link((Text(label),), target))
        return Markdown(f"{OPEN}{len(self.items) - 1}{CLOSE}")


_DELIMITER_CELL = re.compile(r":?-+:?")


def _trim(cell: str) -> str | None:
    """A cell stripped of spaces and tabs; None if other white space is left at an end,
    where markdown-it versions disagree on what to strip."""
    cell = cell.strip(" \t")
    return None if cell and (cell[0].isspace() or cell[-1].isspace()) else cell


def _pipe_table(text: str, cell) -> Table | None:
    """The table markdown-it makes of ``text`` on its own, or None unless it is a plain one.

    Plain: a header row, a delimiter row and body rows, each line starting with ``|``, no
    blank line, no backslash (escaped pipes) or backtick, nothing the parser normalizes.
    Rows are split as the parser splits them (missing cells empty, extra cells dropped);
    ``cell`` turns a cell's Markdown into inlines.
    """
    lines = text.strip("\n").split("\n")
    if len(lines) < 2 or any(c in text for c in "\\`\r\0") or any(line[:1] != "|" for line in lines):
        return None
    delimiter = lines[1].split("|")
    if lines[1].strip("|-: \t"):
        return None
    align: list[str] = []
    for i, part in enumerate(delimiter):
        part = part.strip(" \t")
        if not part and i in (0, len(delimiter) - 1):
            continue
        if not _DELIMITER_CELL.fullmatch(part):
            return None
        align.append("center" if part[0] == part[-1] == ":" else "right" if part[-1] == ":" else "left")
    rows = []
    for line in lines[:1] + lines[2:]:
        cells = [_trim(c) for c in line.rstrip(" \t").split("|")[1:]]
        if cells and cells[-1] == "":
            cells.pop()
        if None in cells:
            return None
        rows.append(cells)
    width, missing = len(rows[0]), 0
    if not width or width != len(align):
        return None
    for r in rows[1:]:
        missing += width - len(r)
        if missing > 0x10000:
            return None  # the parser cuts a table short here
    header, *body = [tuple(cell(r[i]) if i < len(r) else () for i in range(width)) for r in rows]
    return Table(header, tuple(body), tuple(align))


def _words(item: str | Inline) -> str:
    from .model import plain_text

    return item if isinstance(item, str) else plain_text((item,))


def _anchor_name(name: Any) -> str | None:
    return re.sub(r"[^A-Za-z0-9_-]", "", str(name)) or None if name else None


def md_anchor(name: Any) -> Markdown:
    """An attribute line that gives the next block a bookmark name."""
    return Markdown("{#" + (_anchor_name(name) or "") + "}")


# --------------------------------------------------------------------------
# jinja2


def _environment(search_path: Path, sandboxed: bool, values: Values):
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    cls = SandboxedEnvironment if sandboxed else jinja2.Environment
    env = cls(
        loader=jinja2.FileSystemLoader(str(search_path)),
        undefined=jinja2.StrictUndefined,
        finalize=values.put,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(link=values.link, anchor=md_anchor, article_body=values.article_body, table=values.table)
    return env


def render_markdown(template: Path, context: dict[str, Any], *, sandboxed: bool = False) -> tuple[str, Values]:
    """Render a template file to Markdown and the table of values it printed.

    A user's template runs in jinja2's sandbox.
    """
    import jinja2

    values = Values()
    try:
        env = _environment(template.parent, sandboxed, values)
        return env.get_template(template.name).render(**context), values
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(f"template error at line {exc.lineno}: {exc.message}", template) from None
    except jinja2.TemplateNotFound:
        raise InputError("template not found", template) from None
    except jinja2.UndefinedError as exc:
        raise InputError(f"template uses an undefined value: {exc.message}", template) from None
    except jinja2.exceptions.SecurityError as exc:
        raise InputError(f"template is not allowed to do that: {exc}", template) from None
    except (TypeError, ValueError, AttributeError, IndexError, KeyError) as exc:
        raise InputError(f"template failed: {exc}", template) from None


def compose(template: Path, context: dict[str, Any], meta: Meta, *, sandboxed: bool = False) -> Document:
    """Render the template with the context and parse what it wrote into the document model."""
    markdown, values = render_markdown(template, context, sandboxed=sandboxed)
    return parse_markdown(markdown, meta, base=template.parent, values=values)


# --------------------------------------------------------------------------
# Markdown -> model


# The characters at which markdown-it's text rule stops to let another inline rule try.
# Text with none of them parses to one text token, so it needs no inline parse at all.
_INLINE_SYNTAX = re.compile(r"[\n!#$%&*+\-:<=>@\[\\\]^_`{}~]")


def _inline_unless_plain(state) -> None:
    """markdown-it's core "inline" rule, but text without inline syntax becomes its one text
    token directly: most of what a template writes is placeholders and words."""
    from markdown_it.token import Token

    md, env = state.md, state.env
    for token in state.tokens:
        if token.type == "inline":
            if token.children is None:
                token.children = []
            if token.content and not _INLINE_SYNTAX.search(token.content):
                token.children.append(Token("text", "", 0, content=token.content))
            else:
                md.inline.parse(token.content, md, env, token.children)


@cache
def _parser():
    """One parser for every briefing: building it costs more than parsing a short one."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin
    from mdit_py_plugins.container import container_plugin

    md = MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": False})
    md.enable("table")
    # What a briefing template has no use for: raw HTML, code, link reference definitions,
    # setext headings, autolinks and entities. Fewer rules to try on every line is faster.
    md.disable(["html_block", "code", "fence", "reference", "lheading", "html_inline", "autolink", "entity"])
    md.use(attrs_block_plugin)
    md.use(container_plugin, "div", validate=lambda *args: True)
    md.core.ruler.at("inline", _inline_unless_plain)
    return md


def parse_markdown(text: str, meta: Meta, *, base: Path | None = None, values: Values | None = None) -> Document:
    """Markdown (as our templates write it) to the document model; placeholders become their values."""
    nodes = _tree(_parser().parse(text))
    return Document(meta=meta, blocks=tuple(_Converter(values or Values(), base).blocks(nodes)))


class _Node:
    """A token with its children: the little of markdown-it's SyntaxTreeNode the converter needs."""

    __slots__ = ("type", "tag", "attrs", "info", "content", "children")

    def __init__(self, token, children: list[_Node]):
        self.type = token.type[:-5] if token.nesting == 1 else token.type
        self.tag, self.attrs, self.info, self.content = token.tag, token.attrs, token.info, token.content
        self.children = children


def _tree(tokens) -> list[_Node]:
    """Nest a flat token stream by its open/close pairs; inline tokens nest their own children."""
    root: list[_Node] = []
    stack = [root]
    for tok in tokens:
        if tok.nesting == 1:
            node = _Node(tok, [])
            stack[-1].append(node)
            stack.append(node.children)
        elif tok.nesting == -1:
            stack.pop()
        else:
            stack[-1].append(_Node(tok, _tree(tok.children) if tok.children else []))
    return root


_DASHES = ("— ", "– ", "-- ")


class _Converter:
    """Syntax tree nodes to model blocks, dispatching on the node type."""

    def __init__(self, values: Values, base: Path | None):
        self.values = values
        self.base = base

    def blocks(self, nodes) -> list[Block]:
        out: list[Block] = []
        for node in nodes:
            t = node.type
            if t == "heading":
                out.append(Heading(min(int(node.tag[1]), 3), self.inlines(node.children[0]), node.attrs.get("id")))
            elif t == "paragraph":
                kids = node.children[0].children
                if len(kids) == 1 and kids[0].type == "text" and (m := _BLOCKS_LINE.fullmatch(kids[0].content)):
                    out.extend(self.values.prebuilt[int(m.group(1))])
                    continue
                if len(kids) == 1 and kids[0].type == "image":
                    out.append(self.image(kids[0]))
                    continue
                inlines = self.inlines(node.children[0])
                prev = out[-1] if out else None
                first = inlines[0] if inlines else None
                if (isinstance(prev, Table) and prev.caption is None and len(inlines) == 1
                        and isinstance(first, Text) and first.text.startswith("Table: ")):
                    out[-1] = Table(prev.header, prev.rows, prev.align, first.text[len("Table: "):].strip())
                    continue
                out.append(Paragraph(inlines, anchor=node.attrs.get("id")))
            elif t == "bullet_list":
                out.append(BulletList(tuple(tuple(self.blocks(item.children)) for item in node.children)))
            elif t == "ordered_list":
                items = tuple(tuple(self.blocks(item.children)) for item in node.children)
                out.append(OrderedList(items, int(node.attrs.get("start", 1))))
            elif t == "blockquote":
                out.append(self.quote(self.blocks(node.children)))
            elif t == "table":
                out.append(self.table(node))
            elif t == "hr":
                out.append(PageBreak())
            elif t == "container_div":
                name = self.values.resolve(node.info.strip())
                if name.lower() == "toc":
                    out.append(TableOfContents())
                elif name.lower() == "pagebreak":
                    out.append(PageBreak())
                else:
                    out.append(Div(name, tuple(self.blocks(node.children))))
            # raw HTML is disabled; any other node kind is ignored by design
        return out

    @staticmethod
    def quote(blocks: list[Block]) -> Quote:
        """A block quote whose last paragraph starts with a dash is a quotation with attribution."""
        if len(blocks) > 1 and isinstance(blocks[-1], Paragraph):
            last = blocks[-1]
            first = last.children[0] if last.children else None
            if isinstance(first, Text) and first.text.startswith(_DASHES):
                rest = first.text.split(" ", 1)[1]
                attribution = ((Text(rest),) if rest else ()) + last.children[1:]
                return Quote(tuple(blocks[:-1]), attribution)
        return Quote(tuple(blocks))

    def table(self, node) -> Table:
        header: tuple = ()
        rows: list[tuple] = []
        align: list[str] = []
        for section in node.children:
            for tr in section.children:
                cells = tuple(self.inlines(cell.children[0]) if cell.children else () for cell in tr.children)
                if section.type == "thead":
                    header = cells
                    for cell in tr.children:
                        style = cell.attrs.get("style", "")
                        align.append(style.split(":", 1)[1] if style.startswith("text-align:") else "left")
                else:
                    rows.append(cells)
        return Table(header, tuple(rows), tuple(align))

    def image(self, node) -> Image:
        src = str(node.attrs.get("src", ""))
        alt = self.values.resolve("".join(c.content for c in node.children if c.type == "text")) or src
        if "://" in src or self.base is None:
            raise InputError(f"image {src!r}: only local image files can be used (no network)")
        path = (self.base / src).resolve()
        try:
            return Image(path.read_bytes(), alt)
        except OSError:
            raise InputError(f"image {src!r} not found", path) from None

    def cell(self, content: str) -> tuple[Inline, ...]:
        """A table cell's Markdown as inlines, as the parser and ``inlines`` make them."""
        if not content:
            return ()
        if not _INLINE_SYNTAX.search(content):
            out: list[Inline] = []
            self._add_text(out, self.values.expand(content))
            return tuple(out)
        return self.inlines(_tree(_parser().parseInline(content))[0])

    @staticmethod
    def _add_text(out: list[Inline], pieces) -> None:
        """Append inlines, merging neighbouring texts and dropping empty ones."""
        for piece in pieces:
            if isinstance(piece, Text) and out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + piece.text)
            elif not isinstance(piece, Text) or piece.text:
                out.append(piece)

    def inlines(self, node) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for child in node.children:
            t = child.type
            if t in ("text", "code_inline", "softbreak"):
                self._add_text(out, [Text(" ")] if t == "softbreak" else self.values.expand(child.content))
            elif t == "hardbreak":
                out.append(LineBreak())
            elif t == "strong":
                out.append(Strong(self.inlines(child)))
            elif t == "em":
                out.append(Emph(self.inlines(child)))
            elif t == "link":
                out.append(Link(self.inlines(child), str(child.attrs.get("href", ""))))
            elif t == "image":
                out.append(Text(self.values.resolve(str(child.attrs.get("alt", "") or ""))))
        return tuple(out)
