"""PDF writer: the briefing as a polished, self-contained PDF laid out by reportlab platypus.

Everything comes from the document model and the house style: one ParagraphStyle per
house-style name, embedded Liberation fonts (no standard-14 font anywhere), headings as
outline entries, a header and a ``Page N of M`` footer drawn in one layout pass by a
canvas that holds pages back until it knows how many there are. The PDF is tagged
(PDF/UA-1: the structure tree of ``pdf_tags``, built with the flowables) and archival
(PDF/A-2a: ``pdf_archive``'s XMP and output intent), at the cost of objects, not passes.
"""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import InputError
from ..model import Document, PageMap, TableOfContents, walk, without_contents
from ..style import HouseStyle, load_house_style

DEFAULT_LANG = "en"  # the catalog's /Lang when the document names none (PDF/UA asks for one)
UNTITLED = "Untitled document"  # the metadata title of a document without one (PDF/UA asks for one)


def write(doc: Document, path: Path, *, style: HouseStyle | None = None, reference_doc: Path | None = None,
          font_dirs: tuple = (), strict: bool = False, **_: object) -> PageMap:
    """Write ``doc`` as a PDF at ``path``; the same input gives the same bytes. Returns where
    the headings went, for the DOCX's contents (see ``PageMap``), and a warning when some
    characters had no font (``strict``: an input error instead).

    ``reference_doc`` is the DOCX writer's; the PDF takes its look from the house style only.
    ``font_dirs``: folders of the user's own fonts, tried before the house style's fallback chain.
    Callers that must not leave a half-written file wrap this in ``fileio.atomic_paths``.
    """
    data, pages = layout(doc, style=style, font_dirs=tuple(font_dirs))
    if pages.missing and strict:
        raise InputError(f"no font has some characters of the PDF ({pages.missing}; --strict)")
    Path(path).write_bytes(data)
    return pages


def warm() -> None:
    """Import, load the house fonts and lay out an empty page, so the next write pays none of it."""
    from ..model import Meta

    render(Document(Meta(title="")))


def render(doc: Document, *, style: HouseStyle | None = None) -> bytes:
    """The PDF bytes for ``doc`` (no file I/O; used by ``write`` and handy for email)."""
    return layout(doc, style=style)[0]


def layout(doc: Document, *, style: HouseStyle | None = None, font_dirs: tuple = ()) -> tuple[bytes, PageMap]:
    """The PDF bytes and where its headings are. A contents list the document is too short
    for (``TableOfContents.min_pages``) is left out, and the rest laid out again: only a
    short document pays for a second pass."""
    from dataclasses import replace

    from .pdf_fallback import describe_missing, fallback_for
    from .pdf_scripts import active

    hs = style or load_house_style()
    fallback = fallback_for(hs.fallback, hs.script_fonts, font_dirs)
    if font_dirs:  # the user's own fonts load now: a file that does not stops the build, naming it
        fallback.candidates()
    with active(fallback) as chars:
        data, pages = _layout(doc, hs)
        shortest = max((b.min_pages for b in walk(doc.blocks) if isinstance(b, TableOfContents)), default=0)
        if pages.total < shortest:
            data, pages = _layout(Document(doc.meta, without_contents(doc.blocks)), hs)
    missing = describe_missing(chars)
    if not missing:
        return data, pages
    warning = (f"the PDF shows \N{REPLACEMENT CHARACTER} for characters no font has ({missing}): install a font "
               "that has them (the README lists some) or pass --font-dir")
    return data, replace(pages, warnings=(warning,), missing=missing)


def _layout(doc: Document, style: HouseStyle | None) -> tuple[bytes, PageMap]:
    from reportlab.platypus import Frame, PageTemplate
    from reportlab.platypus.doctemplate import LayoutError

    from .pdf_archive import Archive
    from .pdf_blocks import PdfFlowables
    from .pdf_canvas import BriefingTemplate, PageDecor, canvas_maker
    from .pdf_flowables import KeepWithNext
    from .pdf_inline import printable
    from .pdf_styles import CM, pdf_styles
    from .pdf_tags import Marks

    from reportlab import rl_config

    rl_config.useA85 = 0  # binary streams: ASCII85 is a pure-Python pass over every page and font
    hs = style or load_house_style()
    st = pdf_styles(hs)
    page = hs.page
    width, height = (v * CM for v in page.size_cm)
    left, right = page.margin_left * CM, page.margin_right * CM
    top, bottom = page.margin_top * CM, page.margin_bottom * CM
    frame = Frame(left, bottom, width - left - right, height - top - bottom, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    flowables = PdfFlowables.for_document(doc, st, frame._width, frame._height)
    story = flowables.blocks(doc.blocks)
    if not story:  # a PDF needs at least one page
        from reportlab.platypus import Spacer

        story = [Spacer(1, 1)]
    meta = doc.meta
    lang = printable(meta.lang).strip() or DEFAULT_LANG
    decor = PageDecor.from_style(hs, st, printable(meta.title).strip(), printable(meta.marking).strip())
    marks = Marks(flowables.tree, {e.key: e.title for e in flowables.headings})
    buf = io.BytesIO()
    template = BriefingTemplate(
        buf,
        pagesize=(width, height),
        leftMargin=left, rightMargin=right, topMargin=top, bottomMargin=bottom,
        title=printable(meta.title).strip() or UNTITLED, author=printable(meta.author), subject=printable(meta.subject),
        keywords=[printable(k) for k in meta.keywords], creator="reporter", producer="reporter (reportlab)",
        invariant=1, lang=lang, displayDocTitle=1,
        initialFontName=st.style("Normal").fontName, initialFontSize=10, initialLeading=12,
        pageTemplates=[PageTemplate(id="page", frames=[frame])], keepTogetherClass=KeepWithNext,
    )
    try:
        template.build(story, canvasmaker=canvas_maker(decor, meta.created, marks, Archive(lang)))
    except LayoutError as exc:  # content that cannot fit any page (e.g. a giant unbreakable block)
        raise InputError(f"cannot lay out the PDF: {str(exc).splitlines()[0][:200]}") from None
    canvas = template.canv
    pages = PageMap(tuple(canvas.heading_pages.get(e.key, 0) for e in flowables.headings), canvas.total_pages)
    return buf.getvalue(), pages
