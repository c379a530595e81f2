"""Inlines -> reportlab paragraph fragments; article text is data, never markup.

``<b>``, ``<para>``, ``&amp;`` and control characters in an article must show literally.
Fragments are built directly from the model, so text never meets reportlab's markup
parser (which is also a fifth of the writer's time); ``escape`` serves the few strings
the writer composes as markup itself (title block, contents list).
"""

from __future__ import annotations

import re

from ..model import Emph, LineBreak, Link, Strong, Text

# C0/C1 controls break the paragraph parser or show as boxes; whitespace ones become spaces.
_SPACE = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_DROP = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_WS = re.compile(r"[ \t\r\n]+")


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


def fragments(inlines, style, st, anchors, target: str = "") -> list:
    """Reportlab paragraph fragments for some inlines, built directly (no markup parser).

    Text goes into fragments as data, so nothing in it can act as markup; ``target`` names
    a destination placed at the paragraph's start; internal links only to existing anchors.
    """
    from reportlab.lib.abag import ABag

    base, font_key, bold0, italic0 = _template(style, st)
    link_color = st.colors.get("link", base.textColor)
    out: list = []
    if target:
        out.append(base.clone(text="", cbDefn=ABag(kind="anchor", label="anchor", name=target)))

    def emit(nodes, bold: bool, italic: bool, href: str | None) -> None:
        for node in nodes:
            match node:
                case Text(text=t):
                    text = _WS.sub(" ", clean(t))
                    if text:
                        face = st.face(font_key, bold, italic)
                        out.append(base.clone(text=text, fontName=face, bold=int(bold), italic=int(italic),
                                              link=[(0, href)] if href else [],
                                              textColor=link_color if href else base.textColor))
                case Strong(children=c):
                    emit(c, True, italic, href)
                case Emph(children=c):
                    emit(c, bold, True, href)
                case Link(children=c, url=url):
                    emit(c, bold, italic, _href(url, anchors) or href)
                case LineBreak():
                    out.append(base.clone(text="", lineBreak=True))

    emit(inlines, bold0, italic0, None)
    texts = [f for f in out if f.text]
    if texts:  # the parser trims a paragraph's outer spaces; so do we
        texts[0].text = texts[0].text.lstrip(" ")
        texts[-1].text = texts[-1].text.rstrip(" ")
    return out


_TEMPLATES: dict[int, tuple] = {}


def _template(style, st):
    """A fragment carrying the style's font, size and colour (made once per style)."""
    hit = _TEMPLATES.get(id(style))
    if hit is None or hit[0] is not style:
        from reportlab.platypus import Paragraph

        frag = Paragraph("x", style).frags[0]
        font_key, bold, italic = st.face_of(style.fontName)
        hit = _TEMPLATES[id(style)] = (style, (frag, font_key, bold, italic))
    return hit[1]


def _href(url: str, anchors) -> str | None:
    url = clean(url).strip()
    if url.startswith("#"):
        return "#" + anchor_key(url[1:]) if url[1:] in anchors else None
    if not _SCHEME.match(url) or len(url) > 4000:
        return None
    return url
