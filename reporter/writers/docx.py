"""DOCX writer: the briefing as an editable Word document built on a reference document.

Like pandoc's ``--reference-doc``: styles, numbering, page setup and a user's headers and
footers come from the reference; the body is replaced. python-docx opens the package and
handles relationships and core properties; the body is built with lxml (see docx_body)
because python-docx's object layer is too slow for a 100-article briefing.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ..errors import InputError
from ..fileio import build_time
from ..model import Chart, Document, PageMap, walk
from ..style import HouseStyle, load_house_style, templates_dir

if TYPE_CHECKING:
    from .docx_chart import ChartPainter
    from .reference_doc import Reference

_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def default_reference() -> Path:
    return templates_dir() / "reference.docx"


def _open_reference(reference_doc: Path | Reference | None, hs: HouseStyle, lang: str):
    """python-docx on our own reference, or on a user's reduced to its look (``reference_doc``)."""
    from docx import Document as open_docx

    from .reference_doc import Reference, load_reference

    if reference_doc is None:
        path = default_reference()
        # the committed file is the default house style's; another (--style) gets its own
        if not path.exists() or hs != load_house_style():  # a fresh checkout still works too
            from .docx_reference import build_reference

            return open_docx(io.BytesIO(build_reference(hs, lang)))
        return open_docx(str(path))
    ref = reference_doc if isinstance(reference_doc, Reference) else load_reference(reference_doc)
    try:
        return open_docx(io.BytesIO(ref.data))
    except Exception as exc:  # KeyError, lxml and python-docx errors all mean "not a .docx"
        raise InputError(f"not a usable Word reference document ({type(exc).__name__})", ref.path) from None


def _text_width(sect_pr, hs: HouseStyle) -> int:
    """Text width in twips from the reference's page setup, so tables fit a user's template too."""
    from .docx_reference import text_width
    from .docx_xml import w

    try:
        page = int(sect_pr.find(w("pgSz")).get(w("w")))
        mar = sect_pr.find(w("pgMar"))
        width = page - int(mar.get(w("left"))) - int(mar.get(w("right")))
        if width > 1000:
            return width
    except (AttributeError, TypeError, ValueError):
        pass
    return text_width(hs)


def _numbering_root(document, hs: HouseStyle):
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.oxml.parser import parse_xml
    from docx.parts.numbering import NumberingPart

    part = document.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        from .docx_styles import build_numbering
        from lxml import etree

        xml = etree.tostring(build_numbering(hs))
        numbering = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, parse_xml(xml), part.package)
        part.relate_to(numbering, RT.NUMBERING)
        return numbering.element


def warm() -> None:
    """Import python-docx, lxml and the body builders, so the next write pays none of it."""
    from docx import Document as _open_docx  # noqa: F401

    from . import docx_body, docx_lists, docx_package, docx_styles  # noqa: F401


def write(doc: Document, path: Path, *, style: HouseStyle | None = None,
          reference_doc: Path | Reference | None = None,
          pages: PageMap | Callable[[], PageMap] | None = None, charts: ChartPainter | None = None) -> None:
    """Write ``doc`` to ``path`` as a .docx styled by name from the reference document.

    A contents list's page numbers are the PDF's (``pages``, or a function that waits for them,
    asked only once the body is built so both writers can run at once); without them and with a
    contents list, the PDF's layout is made here for them. ``charts``: who paints the charts'
    pictures (``docx_chart.ChartPainter``; by default ``chart_png``, here), told which charts
    there are as soon as their width is known, so it may start before the body reaches them.
    Callers that must not leave a half-written file wrap this in ``fileio.atomic_paths``.
    """
    from .docx_body import DocxBodyWriter
    from .docx_lists import NumberingWriter
    from .docx_package import (
        add_header_footer, parse_created, save_reproducibly, set_core_properties, style_title_marking,
        update_settings,
    )
    from .docx_styles import ensure_styles, set_language
    from .docx_xml import w, xml_safe

    hs = style or load_house_style()
    lang = xml_safe(doc.meta.lang).strip()
    lang = lang if _LANG.match(lang) else "en-GB"
    document = _open_reference(reference_doc, hs, lang)

    body = document.element.body
    sect_pr = body.find(w("sectPr"))
    body[:] = []  # the reference's sample content goes; its page setup stays
    width = _text_width(sect_pr, hs)

    styles_root = document.styles.element
    ids = ensure_styles(styles_root, hs, width)
    set_language(styles_root, lang)
    update_settings(document.settings.element, lang)

    numbering = NumberingWriter(_numbering_root(document, hs), hs.fonts[hs.styles["Normal"].font].name)
    writer = DocxBodyWriter(body=body, ids=ids, text_width=width, part=document.part, numbering=numbering,
                            style=hs, script_fonts=hs.script_fonts)
    if charts is not None:
        writer.paint = charts
        charts.plan([b for b in walk(doc.blocks) if isinstance(b, Chart)], width / 20, hs)
    writer.prepare(doc.blocks)
    writer.blocks(doc.blocks)
    if writer.has_contents:
        if pages is None:
            from .pdf import layout

            pages = layout(doc, style=hs)[1]
        writer.fill_contents(pages() if callable(pages) else pages)
    if sect_pr is None:  # python-docx reads headers and footers off its own sectPr class
        from docx.oxml.parser import parse_xml
        from lxml import etree

        from .docx_reference import section_properties

        sect_pr = parse_xml(etree.tostring(section_properties(hs)))
    body.append(sect_pr)

    style_title_marking(body, ids, doc.meta.marking)
    add_header_footer(document, doc.meta, ids)
    set_core_properties(document, doc.meta, parse_created(doc.meta.created, build_time()))
    save_reproducibly(document, Path(path))
