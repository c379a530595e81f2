"""Compose: a jinja2 template renders Markdown; markdown-it parses it into the document model.

Templates produce text and a parser produces structure, so a user's template needs no
Python. Every value a template prints is escaped for Markdown by the environment's
``finalize`` hook: article text stays text, whatever characters it holds. Only values
built by our own helpers (``link``, ``anchor``) are trusted as Markdown.
"""

from __future__ import annotations

import re
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


_ASCII_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_WS = re.compile(r"\s+")


def md_escape(value: Any) -> str:
    """Make any value literal text in Markdown: whitespace folded, every ASCII punctuation escaped."""
    if value is None:
        return ""
    if isinstance(value, Markdown):
        return value
    s = _WS.sub(" ", str(value)).strip()
    return _ASCII_PUNCT.sub(r"\\\1", s)


_SAFE_SCHEMES = ("http://", "https://", "mailto:")


def md_link(text: Any, url: Any) -> Markdown:
    """A Markdown link whose text and URL are both data. Unsafe schemes become plain text."""
    label = md_escape(text) or md_escape(url)
    u = str(url or "").strip()
    if u.startswith("#"):
        target = "#" + re.sub(r"[^A-Za-z0-9_-]", "", u[1:])
    elif u.lower().startswith(_SAFE_SCHEMES):
        target = quote(u, safe=":/?#[]@!$&'*+,;=%~-._")
    else:
        return Markdown(label)
    return Markdown(f"[{label}]({target})")


def md_anchor(name: str) -> Markdown:
    """An attribute line that gives the next block a bookmark name."""
    return Markdown("{#" + re.sub(r"[^A-Za-z0-9_-]", "", str(name)) + "}")


# --------------------------------------------------------------------------
# jinja2


def _environment(search_path: Path, sandboxed: bool):
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    cls = SandboxedEnvironment if sandboxed else jinja2.Environment
    env = cls(
        loader=jinja2.FileSystemLoader(str(search_path)),
        undefined=jinja2.StrictUndefined,
        finalize=md_escape,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(link=md_link, anchor=md_anchor)
    env.filters["md"] = md_escape
    return env


def render_markdown(template: Path, context: dict[str, Any], *, sandboxed: bool = False) -> str:
    """Render a template file to Markdown. A user's template runs sandboxed."""
    import jinja2

    try:
        env = _environment(template.parent, sandboxed)
        return env.get_template(template.name).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise InputError(f"template error at line {exc.lineno}: {exc.message}", template) from None
    except jinja2.TemplateNotFound:
        raise InputError("template not found", template) from None
    except jinja2.UndefinedError as exc:
        raise InputError(f"template uses an undefined value: {exc.message}", template) from None
    except jinja2.exceptions.SecurityError as exc:
        raise InputError(f"template is not allowed to do that: {exc}", template) from None
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"template failed: {exc}", template) from None


# --------------------------------------------------------------------------
# Markdown -> model


def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.attrs import attrs_block_plugin
    from mdit_py_plugins.container import container_plugin

    md = MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": False})
    md.enable("table")
    md.use(attrs_block_plugin)
    md.use(container_plugin, "div", validate=lambda *args: True)
    return md


def parse_markdown(text: str, meta: Meta, *, base: Path | None = None) -> Document:
    """Markdown (as our templates write it) to the document model."""
    from markdown_it.tree import SyntaxTreeNode

    tree = SyntaxTreeNode(_parser().parse(text))
    return Document(meta=meta, blocks=tuple(_blocks(tree.children, base)))


def _blocks(nodes, base: Path | None) -> list[Block]:
    out: list[Block] = []
    for node in nodes:
        t = node.type
        if t == "heading":
            level = min(int(node.tag[1]), 3)
            out.append(Heading(level, _inlines(node.children[0]), node.attrs.get("id")))
        elif t == "paragraph":
            inl = node.children[0]
            kids = inl.children
            if len(kids) == 1 and kids[0].type == "image":
                out.append(_image(kids[0], base))
                continue
            inlines = _inlines(inl)
            text = "".join(i.text for i in inlines if isinstance(i, Text))
            if out and isinstance(out[-1], Table) and text.startswith("Table: ") and out[-1].caption is None:
                prev = out[-1]
                out[-1] = Table(prev.header, prev.rows, prev.align, text[len("Table: "):].strip())
                continue
            out.append(Paragraph(inlines, anchor=node.attrs.get("id")))
        elif t == "bullet_list":
            out.append(BulletList(tuple(tuple(_blocks(item.children, base)) for item in node.children)))
        elif t == "ordered_list":
            start = int(node.attrs.get("start", 1))
            out.append(OrderedList(tuple(tuple(_blocks(item.children, base)) for item in node.children), start))
        elif t == "blockquote":
            out.append(_quote(_blocks(node.children, base)))
        elif t == "table":
            out.append(_table(node))
        elif t == "hr":
            out.append(PageBreak())
        elif t == "container_div":
            name = node.info.strip()
            inner = _blocks(node.children, base)
            if name.lower() == "toc":
                out.append(TableOfContents())
            elif name.lower() == "pagebreak":
                out.append(PageBreak())
            else:
                out.append(Div(name, tuple(inner)))
        elif t in ("code_block", "fence"):
            out.append(Paragraph((Text(node.content.rstrip("\n")),)))
        # html blocks are disabled; anything else is ignored by design
    return out


_DASHES = ("— ", "– ", "-- ")


def _quote(blocks: list[Block]) -> Quote:
    """A block quote whose last paragraph starts with a dash is a quotation with attribution."""
    if len(blocks) > 1 and isinstance(blocks[-1], Paragraph):
        last = blocks[-1]
        first = last.children[0] if last.children else None
        if isinstance(first, Text) and first.text.startswith(_DASHES):
            rest = first.text.split(" ", 1)[1] if " " in first.text else ""
            attribution = ((Text(rest),) if rest else ()) + last.children[1:]
            return Quote(tuple(blocks[:-1]), attribution)
    return Quote(tuple(blocks))


def _table(node) -> Table:
    header: tuple = ()
    rows: list[tuple] = []
    align: list[str] = []
    for section in node.children:
        for tr in section.children:
            cells = tuple(_inlines(cell.children[0]) if cell.children else () for cell in tr.children)
            if section.type == "thead":
                header = cells
                for cell in tr.children:
                    style = cell.attrs.get("style", "")
                    align.append(style.split(":", 1)[1] if style.startswith("text-align:") else "left")
            else:
                rows.append(cells)
    return Table(header, tuple(rows), tuple(align))


def _image(node, base: Path | None) -> Image:
    src = str(node.attrs.get("src", ""))
    alt = "".join(c.content for c in node.children if c.type == "text") or src
    if "://" in src or base is None:
        raise InputError(f"image {src!r}: only local image files can be used (no network)")
    path = (base / src).resolve()
    try:
        return Image(path.read_bytes(), alt)
    except OSError:
        raise InputError(f"image {src!r} not found", path) from None


def _inlines(node) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for child in node.children:
        t = child.type
        if t == "text" or t == "code_inline":
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + child.content)
            else:
                out.append(Text(child.content))
        elif t == "softbreak":
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + " ")
            else:
                out.append(Text(" "))
        elif t == "hardbreak":
            out.append(LineBreak())
        elif t == "strong":
            out.append(Strong(_inlines(child)))
        elif t == "em":
            out.append(Emph(_inlines(child)))
        elif t == "link":
            out.append(Link(_inlines(child), str(child.attrs.get("href", ""))))
        elif t == "image":
            out.append(Text(child.attrs.get("alt", "") or ""))
    return tuple(out)
