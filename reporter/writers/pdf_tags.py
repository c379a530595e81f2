"""The PDF's structure tree (tagged PDF, PDF/UA-1): what each piece of drawn content is.

The tree is built in logical order while the document's blocks become flowables
(``pdf_blocks``): each flowable that draws text carries a ``Tag`` naming its structure
element. Drawing then only marks content: when a flowable draws on a page it asks the
canvas's ``Marks`` for a marked-content operator, which gives the next MCID of that page
and records it in the element. So reading order is the order of the blocks, whatever
order the pages are drawn in, and a paragraph split across two pages is one ``P`` with
marked content on both. Everything else on a page (header, footer, rules, table fills,
a repeated table header) is marked as an artifact.

At save the tree becomes PDF objects, written directly as bytes (a long briefing has
thousands of elements): the StructTreeRoot, one dictionary per element, and the
ParentTree (page -> elements by MCID, link annotation -> its Link element). fpdf2's
``structure_tree.py`` is the model for these objects; ISO 32000-1 14.7 and 14.8 the rules.

A flowable kind that is not text gets its tag from ``figure_or_artifact``: with a
non-empty ``alt`` attribute it is a Figure with that Alt text, otherwise an artifact.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFObject, PDFString
from reportlab.platypus.doctemplate import ActionFlowable, FrameActionFlowable
from reportlab.platypus.flowables import Flowable, KeepTogether, NullDraw

ARTIFACT = "/Artifact BMC"
_URI = re.compile(rb"/URI (\((?:\\.|[^\\)])*\))")
PAGINATION = "/Artifact <</Type /Pagination>> BDC"
END = "EMC"


class Elem:
    """A structure element: its type, its kids (elements, marked content ``(page, mcid)``,
    annotations) in logical order, and its attributes."""

    __slots__ = ("role", "parent", "kids", "alt", "attrs", "bbox", "name")

    def __init__(self, role: str, parent: "Elem | None" = None, alt: str = "", attrs: str = ""):
        self.role = role
        self.parent = parent
        self.kids: list = []
        self.alt = alt
        self.attrs = attrs  # an attribute dictionary's entries: a TH's scope, a list's numbering
        self.bbox: tuple | None = None  # where a Figure is on its page (x0, y0, x1, y1), once drawn
        self.name = ""  # the object's name in the PDF, once written
        if parent is not None:
            parent.kids.append(self)

    def add(self, role: str, **kw) -> "Elem":
        return Elem(role, self, **kw)


COLUMN_HEADER = "/O /Table /Scope /Column"
LIST_NUMBERING = {None: "Disc", "decimal": "Decimal", "lowerLetter": "LowerAlpha", "lowerRoman": "LowerRoman"}


def list_attrs(number_format: str | None) -> str:
    """A list's attributes: how its labels count (``style.NUMBER_FORMATS``; None: bullets)."""
    return f"/O /List /ListNumbering /{LIST_NUMBERING.get(number_format, 'Decimal')}"


class Tag(NamedTuple):
    """A flowable's place in the tree: the element its content belongs to, and for a list
    item's first paragraph the Lbl element its bullet belongs to."""

    elem: Elem
    label: Elem | None = None


class _Annot(NamedTuple):
    """A link annotation on a page and the Link element that owns it."""

    elem: Elem
    page: int


class Marks:
    """Marked content for one PDF: MCIDs per page, and the tree written at save.

    ``hidden`` > 0 marks everything drawn as an artifact (a table header repeated on a
    later page: the header is in the tree once, where it first appears).
    """

    def __init__(self, root: Elem, titles: dict | None = None):
        self.root = root
        self.titles = titles or {}  # destination key -> heading title, for internal links' Contents
        self.pages: list[list[Elem]] = []  # page -> the element of each MCID
        self.annots: list[_Annot] = []
        self.current: Elem | None = None  # the element whose content is being drawn
        self.page = 0  # the page being drawn, from 0
        self.hidden = 0
        self.total_pages = 0
        self.said: dict[str, bytes] = {}  # an internal link's /Contents per destination title

    def mark(self, elem: Elem, page: int | None = None) -> str:
        """The operator that starts ``elem``'s next piece of content on ``page`` (default: the
        page being drawn)."""
        if self.hidden:
            return ARTIFACT
        page = self.page if page is None else page
        pages = self.pages
        while len(pages) <= page:
            pages.append([])
        mcids = pages[page]
        mcid = len(mcids)
        mcids.append(elem)
        elem.kids.append((page, mcid))
        self.current = elem
        return f"/{elem.role} <</MCID {mcid}>> BDC"

    def begin(self, flowable) -> str:
        """The operator before a flowable's text; a flowable without a tag (drawn by code that
        did not tag it) becomes a paragraph at the end of the document rather than vanish."""
        tag = getattr(flowable, "_tag", None)
        if tag is None:
            tag = flowable._tag = Tag(self.root.add("P"))
        return self.mark(tag.elem)

    def label(self, flowable) -> str:
        """The operator before a list item's bullet."""
        tag = getattr(flowable, "_tag", None)
        if tag is None or tag.label is None:
            return ARTIFACT
        return self.mark(tag.label)

    def annotation(self, inner: PDFObject) -> PDFObject:
        """A link annotation drawn inside the current element: it gets a Link element there (with
        an OBJR to it), a /StructParent, the print flag PDF/A asks for and a /Contents."""
        parent = self.current or self.root
        link = parent.add("Link")
        index = len(self.annots)
        self.annots.append(_Annot(link, self.page))
        link.kids.append(index)  # an int among the kids: the annotation of that index
        return _TaggedAnnot(inner, self, index)

    # -- writing -----------------------------------------------------------------------------

    def write(self, doc) -> PDFObject:
        """Register every element as a PDF object; returns the StructTreeRoot for the catalog."""
        ref = doc.Reference
        root = _StructTreeRoot(self)
        ref(root, "StructTreeRoot")
        stack = [self.root]
        n = 0
        while stack:  # names before formatting: kids and parents refer to each other
            e = stack.pop()
            e.name = f"SE{n}"
            n += 1
            ref(_ElemObject(e, self), e.name)
            stack.extend(k for k in reversed(e.kids) if type(k) is Elem)
        ref(_ParentTree(self), "ParentTree")
        return root


def _obj(doc, name: str) -> bytes:
    return b"%d %d R" % doc.idToObjectNumberAndVersion[name]


def _page(doc, page: int) -> bytes:
    return _obj(doc, f"Page{page + 1}")


def _text(doc, s: str) -> bytes:
    return PDFString(s).format(doc)


class _StructTreeRoot(PDFObject):
    def __init__(self, marks: Marks):
        self.marks = marks

    def format(self, doc) -> bytes:
        m = self.marks
        return b"<< /Type /StructTreeRoot /K " + _obj(doc, m.root.name) + b" /ParentTree " + \
            _obj(doc, "ParentTree") + b" /ParentTreeNextKey %d >>" % (m.total_pages + len(m.annots))


class _ElemObject(PDFObject):
    def __init__(self, elem: Elem, marks: Marks):
        self.elem, self.marks = elem, marks

    def format(self, doc) -> bytes:
        e = self.elem
        parent = _obj(doc, e.parent.name) if e.parent is not None else _obj(doc, "StructTreeRoot")
        out = [b"<< /S /", e.role.encode(), b" /P ", parent]  # /Type is optional: 4,000 elements, 80 kB
        home = next((k[0] for k in e.kids if type(k) is tuple), None)
        if home is not None:
            out += [b" /Pg ", _page(doc, home)]
        if e.alt:
            out += [b" /Alt ", _text(doc, e.alt)]
        if e.attrs:
            out.append(b" /A << %s >>" % e.attrs.encode())
        elif e.bbox:
            out.append(b" /A << /O /Layout /BBox [ %s ] >>" % " ".join(fp_str(v) for v in e.bbox).encode())
        kids = []
        for k in e.kids:
            t = type(k)
            if t is Elem:
                kids.append(_obj(doc, k.name))
            elif t is tuple:
                page, mcid = k
                kids.append(b"%d" % mcid if page == home else
                            b"<< /Type /MCR /Pg " + _page(doc, page) + b" /MCID %d >>" % mcid)
            else:  # an annotation's index
                annot = self.marks.annots[k]
                kids.append(b"<< /Type /OBJR /Obj " + _obj(doc, f"Annot.tagged{k}") + b" /Pg " +
                            _page(doc, annot.page) + b" >>")
        out += [b" /K [ ", b" ".join(kids), b" ] >>"]
        return b"".join(out)


class _ParentTree(PDFObject):
    """The number tree from a page's /StructParents (its index) to the element of each of its
    MCIDs, and from an annotation's /StructParent (after the pages) to its Link element."""

    def __init__(self, marks: Marks):
        self.marks = marks

    def format(self, doc) -> bytes:
        m = self.marks
        ids = doc.idToObjectNumberAndVersion
        nums = []
        for page in range(m.total_pages):
            elems = m.pages[page] if page < len(m.pages) else []
            nums.append(b"%d [ %s ]" % (page, b" ".join(b"%d %d R" % ids[e.name] for e in elems)))
        for i, annot in enumerate(m.annots):
            nums.append(b"%d %d %d R" % ((m.total_pages + i), *ids[annot.elem.name]))
        return b"<< /Nums [ " + b"\n".join(nums) + b" ] >>"


class _TaggedAnnot(PDFObject):
    """A link annotation (formatted by its own class) with /StructParent, /F 4 (print) and a
    /Contents that says where it goes."""

    def __init__(self, inner: PDFObject, marks: Marks, index: int):
        self.inner, self.marks, self.index = inner, marks, index

    def format(self, doc) -> bytes:
        data = self.inner.format(doc).rstrip()
        assert data.endswith(b">>")
        data = data[:-2].replace(b"/Contents () ", b"")
        return data + b"/Contents " + self._contents(doc, data) + \
            b" /F 4 /StructParent %d >>" % (self.marks.total_pages + self.index)

    def _contents(self, doc, data: bytes) -> bytes:
        dest = getattr(self.inner, "dest", None)
        if dest is not None:  # an internal link: to a heading, or to a place in the text
            title = self.marks.titles.get(getattr(dest, "name", ""), "")
            said = self.marks.said
            if title not in said:  # most links go to a few places (the article paragraphs)
                said[title] = _text(doc, f"Go to {title}" if title else "Go to a place in this document")
            return said[title]
        uri = _URI.search(data)  # the URI string, as the link's own bytes already hold it
        return uri.group(1) if uri else _text(doc, "Link")


def tag_annotation(canvas, annotation, name=None):
    """The annotation as it goes on a tagged canvas's page (name included, so the OBJR can find
    it), or the annotation unchanged on an untagged one."""
    marks = getattr(canvas, "marks", None)
    if marks is None:
        return annotation, name
    wrapped = marks.annotation(annotation)
    return wrapped, f"tagged{wrapped.index}"


# -- flowables that are not text -------------------------------------------------------------------


class Marked(Flowable):
    """Another flowable with its drawing marked: as ``elem``'s content, or as an artifact
    (``elem`` None). Sizes, splitting and keep-with-next are the inner flowable's."""

    def __init__(self, inner, elem: Elem | None):
        super().__init__()
        self.inner, self.elem = inner, elem
        for name in ("spaceBefore", "spaceAfter", "keepWithNext", "hAlign"):
            if hasattr(inner, name):
                setattr(self, name, getattr(inner, name))

    def wrap(self, availWidth, availHeight):
        self.width, self.height = self.inner.wrap(availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return [Marked(p, self.elem) for p in self.inner.split(availWidth, availHeight)]

    def getSpaceBefore(self):
        return self.inner.getSpaceBefore()

    def getSpaceAfter(self):
        return self.inner.getSpaceAfter()

    def drawOn(self, canvas, x, y, _sW=0):
        marks = getattr(canvas, "marks", None)
        if marks is not None:
            canvas._code.append(marks.mark(self.elem) if self.elem is not None else ARTIFACT)
            if self.elem is not None and self.elem.bbox is None:  # assistive tools show where it is
                left = self.inner._hAlignAdjust(x, _sW)
                self.elem.bbox = (left, y, left + self.width, y + self.height)
        self.inner.drawOn(canvas, x, y, _sW)
        if marks is not None:
            canvas._code.append(END)


def figure_or_artifact(flowable, parent: Elem):
    """A flowable that draws no text of its own, tagged: a Figure with its ``alt`` text when it
    has one (images, charts), an artifact when it has none (a rule, a decorative picture);
    flowables that draw nothing (spaces, page breaks) as they are."""
    if isinstance(flowable, (ActionFlowable, FrameActionFlowable, NullDraw, KeepTogether)) or \
            getattr(flowable, "_tag", None) is not None:  # nothing drawn, a group of tagged ones, or text
        return flowable
    alt = getattr(flowable, "alt", None)
    if isinstance(alt, str) and alt.strip():
        return Marked(flowable, parent.add("Figure", alt=alt.strip()))
    return Marked(flowable, None)
