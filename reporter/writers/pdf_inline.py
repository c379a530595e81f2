"""Inlines -> reportlab paragraph markup, with article text always escaped.

Article text is data: ``<b>``, ``<para>``, ``&amp;`` and control characters in it must
show literally, never become reportlab markup or break its parser. Only this module
writes markup tags, and every piece of text goes through ``escape`` first.
"""

from __future__ import annotations

import re

from ..model import Emph, Inline, LineBreak, Link, Strong, Text

# C0/C1 controls break the paragraph parser or show as boxes; whitespace ones become spaces.
_SPACE = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_DROP = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def clean(text: str) -> str:
    """Text safe to lay out: no control characters, no lone surrogates."""
    text = _SPACE.sub(" ", text)
    text = _DROP.sub("", text)
    return _SURROGATE.sub("\ufffd", text)


def escape(text: str) -> str:
    """Clean text, XML-escaped for reportlab's paragraph parser (also safe in attributes)."""
    return (
        clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def anchor_key(anchor: str) -> str:
    """A PDF destination name for a model anchor: ASCII only, one key per anchor."""
    return "a-" + _KEY_UNSAFE.sub(lambda m: f".{ord(m.group()):x}.", anchor)


def markup(inlines, anchors: frozenset[str] | set[str], link_color: str) -> str:
    """Reportlab markup for some inlines; internal links only to anchors that exist."""
    out: list[str] = []
    _emit(inlines, anchors, link_color, out)
    return "".join(out)


def _emit(inlines: tuple[Inline, ...], anchors, link_color: str, out: list[str]) -> None:
    for node in inlines:
        match node:
            case Text(text=t):
                out.append(escape(t))
            case Strong(children=c):
                out.append("<b>")
                _emit(c, anchors, link_color, out)
                out.append("</b>")
            case Emph(children=c):
                out.append("<i>")
                _emit(c, anchors, link_color, out)
                out.append("</i>")
            case Link(children=c, url=url):
                href = _href(url, anchors)
                if href is None:  # a dangling anchor or an unusable URL: keep the words, drop the link
                    _emit(c, anchors, link_color, out)
                else:
                    out.append(f'<a href="{escape(href)}" color="{link_color}">')
                    _emit(c, anchors, link_color, out)
                    out.append("</a>")
            case LineBreak():
                out.append("<br/>")


def _href(url: str, anchors) -> str | None:
    url = clean(url).strip()
    if url.startswith("#"):
        return "#" + anchor_key(url[1:]) if url[1:] in anchors else None
    if not _SCHEME.match(url) or len(url) > 4000:
        return None
    return url
