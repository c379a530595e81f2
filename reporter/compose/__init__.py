"""Compose: a jinja2 template renders Markdown; markdown-it parses it into the document model.

Templates produce text and a parser produces structure, so a user's template needs no
Python. Every value a template prints passes the environment's ``finalize`` filter
(``escape_markdown``): one line of text, every Markdown punctuation mark backslash-escaped,
so article text stays text whatever characters it holds and markdown-it, the one
Markdown parser, reads it back as the same words. Only our own helpers (``link``,
``anchor``) write Markdown.

Long briefings are mostly generated text, so the parser is spared most of it: article
bodies (``article_body``) and the summary, digests, tables and lists (``compose.build``)
are built as blocks from the data and reach the converter as one marker paragraph each
(a private-use character around the blocks' number, which no value can hold); the
template keeps the order and headings of the sections.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from ..errors import InputError
from ..ingest.clean import plain_text as visible_only
from ..urls import external_url
from .sandbox import RENDER_SECONDS, Folders
from ..model import (
    Block, BulletList, Chart, Div, Document, Emph, Heading, Image, Inline, LineBreak, Link, Meta,
    OrderedList, PageBreak, Paragraph, Quote, Strong, Table, TableOfContents, Text, map_text,
)


class Markdown(str):
    """A string already in Markdown: printed as is by templates (our helpers make these)."""

    __slots__ = ()


BLOCKS = "\ue002"  # a line "\ue002<n>\ue002" stands for prebuilt blocks
_BLOCKS_LINE = re.compile(BLOCKS + r"(\d+)" + BLOCKS)
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ue000-\ue002]")
# What markdown-it could read as syntax in a value: CommonMark lets a backslash escape any of them.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&:])")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def escape_markdown(text: str) -> str:
    """``text`` with every character Markdown could read as syntax backslash-escaped."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def unescape_markdown(text: str) -> str:
    """What markdown-it reads as the words of escaped text (for the few places it leaves raw)."""
    return _ESCAPED.sub(r"\1", text)


class Values:
    """What one template render needs besides the text: the blocks its helpers built."""

    def __init__(self, base: Path | None = None) -> None:
        self.blocks: list[tuple[Block, ...]] = []
        self.base = base  # where a template's images are found

    def put(self, value: Any) -> str:
        """The environment's ``finalize``: a value as one line of escaped Markdown text."""
        if value is None:
            return ""
        if isinstance(value, Markdown):
            return value
        return escape_markdown(self._clean(value))

    def article_body(self, body: Any) -> Markdown:
        """An article's text as prebuilt blocks: subheadings and numbered, bookmarked paragraphs.

        Articles are the bulk of a long briefing; building their blocks directly spares the
        Markdown parser most of the document. Each item of ``body`` is a heading
        (``{"heading": text}``) or a paragraph (``{"n": 7, "text": ..., "anchor": "a1-p7"}``,
        with ``"list": "bullet"`` or ``"number"`` for a list item), as the briefing context
        gives them. Items of a list in a row make one list, each item still its own ¶.
        """
        blocks: list[Block] = []
        items: list[tuple[Block, ...]] = []
        kind = None
        for item in body:
            if item.get("list") != kind and items:
                blocks.append(BulletList(tuple(items)) if kind == "bullet" else OrderedList(tuple(items)))
                items = []
            kind = item.get("list")
            if item.get("heading"):
                blocks.append(Heading(3, (Text(self._clean(item["heading"])),)))
                continue
            n, text = item["n"], self._clean(item["text"])
            number = Strong((Text(f"¶{n}"),))
            para = Paragraph((number, Text(" " + text)), anchor=_anchor_name(item.get("anchor")))
            if kind:
                items.append((para,))
            else:
                blocks.append(para)
        if items:
            blocks.append(BulletList(tuple(items)) if kind == "bullet" else OrderedList(tuple(items)))
        return self._placeholder(tuple(blocks))

    def prebuilt(self, caller) -> Markdown:
        """What a ``{% call prebuilt() %}`` block holds, as Markdown for the parser.

        Kept so that templates written for earlier versions still render: the long generated
        parts are built as blocks now (``compose.build``), so there is nothing left to spare
        the parser, and no second Markdown reader.
        """
        return Markdown(caller())

    def chart(self, chart: Any) -> Markdown:
        """A chart the context describes (``timeline_chart``, a story's ``chart``) where the
        template calls it; nothing for None, so ``{{ chart(s.chart) }}`` needs no ``if``
        (and ``--no-charts``, which leaves them None, empties every call)."""
        if chart is None:
            return Markdown("")
        if not isinstance(chart, Chart):
            raise TypeError("chart() takes a chart from the briefing's values (timeline_chart, a story's chart)")
        return self._placeholder((chart,))

    def _placeholder(self, blocks: tuple[Block, ...]) -> Markdown:
        """A paragraph of its own that the converter replaces with ``blocks``."""
        self.blocks.append(blocks)
        return Markdown(f"\n\n{BLOCKS}{len(self.blocks) - 1}{BLOCKS}\n\n")

    @staticmethod
    def _clean(value: Any) -> str:
        """The value as one line of text: control and placeholder characters dropped, each run
        of white space (as ``str.isspace`` has it) one space. Runs on every value and paragraph."""
        text = str(value)
        if _CONTROLS.search(text):
            text = _CONTROLS.sub("", text)
        return " ".join(text.split())

    def link_inline(self, text: Any, url: Any) -> Inline | None:
        """The one link policy: a Link for ``#anchor``, http, https and mailto URLs; plain
        text (the label, else the URL) for anything else; None when there is nothing to show."""
        u = str(url or "").strip()
        label = self._clean(text if text is not None and str(text).strip() else u)
        if u.startswith("#"):
            target = "#" + (_anchor_name(u[1:]) or "")
        else:  # spaces and brackets percent-encoded, then the one URL policy (reporter.urls)
            target = None if any(ord(c) < 32 or ord(c) == 127 for c in u) else external_url(
                quote(u, safe=":/?#[]@!$&'*+,;=%~-._"))
            if target is None:
                return Text(label) if label else None
        return Link((Text(label),), target) if label else None

    def link(self, text: Any, url: Any) -> Markdown:
        """A link whose label and URL are both data; unsafe schemes give plain text."""
        item = self.link_inline(text, url)
        if item is None:
            return Markdown("")
        if isinstance(item, Text):
            return Markdown(escape_markdown(item.text))
        return Markdown(f"[{escape_markdown(item.children[0].text)}]({item.url})")

    def helpers(self) -> dict[str, Any]:
        """The template's helpers: links, bookmarks, article bodies and the builders' parts."""
        from .build import Builder

        b = Builder(self._clean, self.link_inline)

        def built(method):
            return lambda *args, **kwargs: self._placeholder(tuple(method(*args, **kwargs)))

        return {"link": self.link, "anchor": md_anchor, "article_body": self.article_body, "prebuilt": self.prebuilt,
                "chart": self.chart,
                **{name: built(getattr(b, name)) for name in BUILDERS}}


BUILDERS = ("summary_list", "digest", "figures_table", "timeline_table", "actors", "sources_table")


_NOT_IN_ANCHOR = re.compile(r"[^A-Za-z0-9_-]")


def _anchor_name(name: Any) -> str | None:
    return _NOT_IN_ANCHOR.sub("", str(name)) or None if name else None


def md_anchor(name: Any) -> Markdown:
    """An attribute line that gives the next block a bookmark name."""
    return Markdown("{#" + (_anchor_name(name) or "") + "}")


# --------------------------------------------------------------------------
# jinja2


@cache
def _environment_class(sandboxed: bool):
    """jinja2's environment (or its sandbox) reading a dict's keys first for ``f.value``.

    jinja2 tries ``getattr`` first, which on a dict fails with an exception, tens of
    thousands of times for a long briefing's context. A key that is no dict attribute
    gives the same value either way; anything else is looked up as jinja2 does.
    """
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    from .sandbox import Guard

    class KeysFirst(*((Guard, SandboxedEnvironment) if sandboxed else (jinja2.Environment,))):
        def getattr(self, obj: Any, attribute: str) -> Any:
            if type(obj) is dict and attribute in obj and not hasattr(dict, attribute):
                return obj[attribute]
            return super().getattr(obj, attribute)

    return KeysFirst


def _environment(folders: Folders, sandboxed: bool, values: Values):
    import jinja2

    from .sandbox import guarded_filters, loader

    env = _environment_class(sandboxed)(
        loader=loader(folders),
        undefined=jinja2.StrictUndefined,
        finalize=values.put,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(values.helpers())
    if sandboxed:
        env.filters.update(guarded_filters(env.filters))
    return env


def render_markdown(template: Path, context: dict[str, Any], *, sandboxed: bool = False,
                    template_dir: Path | None = None, seconds: float = RENDER_SECONDS) -> tuple[str, Values]:
    """Render a template file to Markdown and the table of values it printed.

    A user's template runs in jinja2's sandbox, confined (``compose.sandbox``): files only
    from its folder or ``template_dir``, a deadline and an output cap, every error exit 2.
    """
    import jinja2

    from .sandbox import Folders, render, template_error

    folders = Folders.of(template, template_dir)
    values = Values(folders)
    try:
        env = _environment(folders, sandboxed, values)
        return render(env.get_template(template.name), context, seconds=seconds), values
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(f"template error at line {exc.lineno}: {exc.message}", template) from None
    except jinja2.TemplateNotFound as exc:
        raise InputError("template not found" if exc.name == template.name else exc.message, template) from None
    except jinja2.UndefinedError as exc:
        raise InputError(f"template uses an undefined value: {exc.message}", template) from None
    except jinja2.exceptions.SecurityError as exc:
        raise InputError(f"template is not allowed to do that: {exc}", template) from None
    except (TypeError, ValueError, AttributeError, IndexError, KeyError) as exc:
        raise InputError(f"template failed: {exc}", template) from None
    except RecursionError as exc:
        raise template_error(exc, template) from None
    except Exception as exc:  # a user's template: whatever it does wrong is its error, not ours
        if not sandboxed:
            raise
        raise template_error(exc, template) from None


def compose(template: Path, context: dict[str, Any], meta: Meta, *, sandboxed: bool = False,
            template_dir: Path | None = None, seconds: float = RENDER_SECONDS) -> Document:
    """Render the template with the context and parse what it wrote into the document model,
    after the title block (``build.title_block``: the same for every template)."""
    from .build import title_block

    markdown, values = render_markdown(template, context, sandboxed=sandboxed, template_dir=template_dir,
                                       seconds=seconds)
    doc = parse_markdown(markdown, meta, base=values.base, values=values)
    # the outlets that name themselves (a file's name is no source to list), and how many
    # stories name none: "Sources: X" over thirteen stories would say X carried them all
    stories = context.get("stories", ())
    outlets = [o["name"] for s in stories for o in s.get("outlets", ()) if o.get("named", True)]
    unnamed = sum(1 for s in stories if not any(o.get("named", True) for o in s.get("outlets", ())))
    return Document(meta, (title_block(meta, outlets, unnamed=unnamed if outlets else 0), *doc.blocks))


# --------------------------------------------------------------------------
# Markdown -> model


# The characters at which markdown-it's text rule stops to let another inline rule try.
# Text with none of them is one text token, so it needs no inline parse at all.
_SYNTAX = r"\n!#$%&*+\-:<=>@\[\\\]^_`{}~"
_INLINE_SYNTAX = re.compile(f"[{_SYNTAX}]")
# Text, one **strong** or *emphasised* run of text, text: how templates set off a value
# (``— **{{ q.speaker }}**, ...``). ``_Converter.simple_inlines`` checks the rest.
_ONE_EMPHASIS = re.compile(f"((?:[^{_SYNTAX}]* )?)(\\*\\*?)([^{_SYNTAX}]+)\\2([^{_SYNTAX}]*)")
_EMPHASIS_FOLLOWERS = ("", " ", ",", ".", ";", ")", "?")


@cache
def _parser(inline: bool = True):
    """A parser, built once per process: building it costs more than parsing a short briefing.

    Without ``inline`` it leaves inline tokens unparsed: the converter reads most of their
    text itself (placeholders and plain words) and has the rest parsed one by one.
    """
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
    if not inline:
        md.core.ruler.disable("inline")
    return md


def parse_markdown(text: str, meta: Meta, *, base: Path | None = None, values: Values | None = None) -> Document:
    """Markdown (as our templates write it) to the document model; block markers become their blocks."""
    nodes = _tree(_parser(inline=False).parse(text))
    return Document(meta=meta, blocks=tuple(_Converter(values or Values(base), base).blocks(nodes)))


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
            if t == "heading":  # a template's own heading: no bidi control or invisible character, as in titles
                inlines = map_text(self.inline(node.children[0].content), visible_only)
                out.append(Heading(min(int(node.tag[1]), 3), inlines, node.attrs.get("id")))
            elif t == "paragraph":
                self.paragraph(out, node.children[0].content, node.attrs.get("id"))
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
                name = unescape_markdown(node.info.strip())
                words = name.lower().split()
                if words[:1] == ["toc"] and len(words) <= 2 and (len(words) == 1 or words[1] in ("1", "2", "3")):
                    # a template's contents list is for a briefing of three pages or more
                    out.append(TableOfContents(levels=int(words[1]) if len(words) == 2 else 2, min_pages=3))
                elif name.lower() == "pagebreak":
                    out.append(PageBreak())
                else:
                    out.append(Div(name, tuple(self.blocks(node.children))))
            # raw HTML is disabled; any other node kind is ignored by design
        return out

    def paragraph(self, out: list[Block], content: str, anchor: str | None) -> None:
        """Add a paragraph's block to ``out``: the prebuilt blocks its placeholder stands for,
        an image on its own, a "Table: " caption for the table before it, or a Paragraph."""
        if m := _BLOCKS_LINE.fullmatch(content):
            out.extend(self.values.blocks[int(m.group(1))])
            return
        inlines = self.simple_inlines(content)
        if inlines is None:
            node = _inline_tree(content)
            if len(node.children) == 1 and node.children[0].type == "image":
                out.append(self.image(node.children[0]))
                return
            inlines = self.inlines(node)
        prev = out[-1] if out else None
        first = inlines[0] if inlines else None
        if (isinstance(prev, Table) and prev.caption is None and len(inlines) == 1
                and isinstance(first, Text) and first.text.startswith("Table: ")):
            out[-1] = Table(prev.header, prev.rows, prev.align, first.text[len("Table: "):].strip())
            return
        out.append(Paragraph(inlines, anchor=anchor))

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
                cells = tuple(self.inline(cell.children[0].content) if cell.children else () for cell in tr.children)
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
        alt = "".join(c.content for c in node.children if c.type == "text") or src
        if "://" in src or self.base is None:
            raise InputError(f"image {src!r}: only local image files can be used (no network)")
        from .sandbox import Folders

        folders = self.base if isinstance(self.base, Folders) else Folders((Path(self.base).resolve(),))
        return Image(folders.read_image(src), alt)

    def inline(self, content: str) -> tuple[Inline, ...]:
        """Inline Markdown (an inline token's text) as inlines."""
        inlines = self.simple_inlines(content)
        return self.inlines(_inline_tree(content)) if inlines is None else inlines

    def simple_inlines(self, content: str) -> tuple[Inline, ...] | None:
        """The inlines markdown-it makes of plain text, or of plain text with one strong or
        emphasised run in it; None for anything else.

        The run must be unambiguous: its ``*`` or ``**`` opens after a space (or at the start)
        and before a letter or digit, and closes after one of those and before a space,
        ``,.;)?`` or the end.
        """
        if not _INLINE_SYNTAX.search(content):
            return (Text(content),) if content else ()
        m = _ONE_EMPHASIS.fullmatch(content)
        if not m:
            return None
        before, marker, inner, after = m.groups()
        if not (_word_char(inner[0]) and _word_char(inner[-1]) and after[:1] in _EMPHASIS_FOLLOWERS):
            return None
        run = (Strong if marker == "**" else Emph)((Text(inner),))
        return (*((Text(before),) if before else ()), run, *((Text(after),) if after else ()))

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
                self._add_text(out, (Text(" " if t == "softbreak" else child.content),))
            elif t == "hardbreak":
                out.append(LineBreak())
            elif t == "strong":
                out.append(Strong(self.inlines(child)))
            elif t == "em":
                out.append(Emph(self.inlines(child)))
            elif t == "link":
                out.append(Link(self.inlines(child), str(child.attrs.get("href", ""))))
            elif t == "image":
                out.append(Text(str(child.attrs.get("alt", "") or "")))
        return tuple(out)


def _inline_tree(content: str) -> _Node:
    """Inline Markdown parsed by markdown-it, as one inline node with its children."""
    return _tree(_parser().parseInline(content))[0]


def _word_char(c: str) -> bool:
    """A letter or digit: no white space or punctuation in any Unicode table."""
    return c.isalnum()
