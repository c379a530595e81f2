"""Machine-checkable PDF/UA-1 (Matterhorn protocol) and PDF/A-2 conditions, over a PDF's objects.

veraPDF is the reference validator; where it cannot run, these checks read the same
objects with pikepdf. Each function returns a list of problems (empty: the condition
holds), so a test can show every failure at once and a planted defect shows which check
caught it. They cover what the PDF writer relies on, not all of either standard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

import pikepdf

# ISO 32000-1 14.8.4 standard structure types (PDF/UA-1 7.1: others need a RoleMap entry)
STANDARD_TYPES = frozenset("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private
P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference
BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form""".split())

# operators that put something on the page (text shown, paths painted, images and shadings)
PAINTING = frozenset("Tj TJ ' \" S s f F f* B B* b b* Do sh INLINE IMAGE".split())


@dataclass
class Tree:
    """The structure tree read once: elements in logical order and where their content is."""

    elems: list = field(default_factory=list)  # (depth, element dictionary) in document order
    mcids: dict = field(default_factory=dict)  # (page objgen, mcid) -> element objgen
    objrs: dict = field(default_factory=dict)  # annotation objgen -> element dictionary


def _kids(value) -> list:
    if value is None:
        return []
    if isinstance(value, pikepdf.Array):
        return list(value)
    return [value]


def read_tree(pdf: pikepdf.Pdf) -> Tree:
    tree = Tree()
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return tree

    def walk(elem, depth: int) -> None:
        tree.elems.append((depth, elem))
        page = elem.get("/Pg")
        for kid in _kids(elem.get("/K")):
            if isinstance(kid, int):
                tree.mcids[(page.objgen if page is not None else None, int(kid))] = elem.objgen
            elif isinstance(kid, pikepdf.Dictionary):
                kind = kid.get("/Type")
                if kind == "/MCR":
                    tree.mcids[(kid.Pg.objgen, int(kid.MCID))] = elem.objgen
                elif kind == "/OBJR":
                    tree.objrs[kid.Obj.objgen] = elem
                else:
                    walk(kid, depth + 1)

    for top in _kids(root.get("/K")):
        walk(top, 0)
    return tree


def role(elem) -> str:
    return str(elem.get("/S", ""))[1:]


# -- Matterhorn 01: every piece of content tagged or an artifact -----------------------------------


def page_marks(page) -> tuple[list[str], list[int]]:
    """Problems in one page's content stream, and the MCIDs it marks, in order."""
    problems: list[str] = []
    mcids: list[int] = []
    stack: list[str] = []  # "mcid", "artifact" or "other" per open marked-content sequence
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name in ("BMC", "BDC"):
            tag = str(operands[0])
            props = operands[1] if name == "BDC" else None
            has_mcid = isinstance(props, pikepdf.Dictionary) and "/MCID" in props
            if has_mcid and any(s in ("mcid", "artifact") for s in stack):
                problems.append(f"MCID {props.MCID} nested inside tagged or artifact content")
            if tag == "/Artifact":
                if any(s == "mcid" for s in stack):
                    problems.append("artifact inside tagged content")
                stack.append("artifact")
            elif has_mcid:
                mcids.append(int(props.MCID))
                stack.append("mcid")
            else:
                stack.append("other")
        elif name == "EMC":
            if not stack:
                problems.append("EMC without a marked-content sequence")
            else:
                stack.pop()
        elif name in PAINTING and not any(s in ("mcid", "artifact") for s in stack):
            problems.append(f"'{name}' neither tagged nor an artifact")
    if stack:
        problems.append(f"{len(stack)} marked-content sequence(s) not closed")
    if len(set(mcids)) != len(mcids):
        problems.append("an MCID used twice on one page")
    return problems, mcids


def check_content_tagged(pdf: pikepdf.Pdf) -> list[str]:
    out = []
    for n, page in enumerate(pdf.pages, 1):
        problems, _ = page_marks(page)
        out += [f"page {n}: {p}" for p in problems]
    return out


# -- the ParentTree and StructParents (Matterhorn 01-007, 28-011) ----------------------------------


def _number_tree(node) -> dict:
    out = {}
    nums = node.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in _kids(node.get("/Kids")):
        out.update(_number_tree(kid))
    return out


def check_parent_tree(pdf: pikepdf.Pdf, tree: Tree | None = None) -> list[str]:
    tree = tree or read_tree(pdf)
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return ["no StructTreeRoot"]
    if "/ParentTree" not in root:
        return ["StructTreeRoot has no ParentTree"]
    parents = _number_tree(root.ParentTree)
    out = []
    seen = set()
    for n, page in enumerate(pdf.pages, 1):
        _, mcids = page_marks(page)
        key = page.obj.get("/StructParents")
        if mcids and key is None:
            out.append(f"page {n}: marked content but no /StructParents")
            continue
        if key is None:
            continue
        entry = parents.get(int(key))
        if entry is None:
            out.append(f"page {n}: /StructParents {int(key)} not in the ParentTree")
            continue
        for mcid in mcids:
            seen.add((page.obj.objgen, mcid))
            owner = tree.mcids.get((page.obj.objgen, mcid))
            if owner is None:
                out.append(f"page {n}: MCID {mcid} belongs to no structure element")
            elif mcid >= len(entry) or entry[mcid].objgen != owner:
                out.append(f"page {n}: ParentTree entry for MCID {mcid} is not the element that holds it")
        for annot in _kids(page.obj.get("/Annots")):
            if annot.get("/Subtype") != "/Link":
                continue
            k = annot.get("/StructParent")
            if k is None:
                out.append(f"page {n}: link annotation without /StructParent")
                continue
            elem = parents.get(int(k))
            owner = tree.objrs.get(annot.objgen)
            if owner is None:
                out.append(f"page {n}: link annotation with no OBJR in the structure tree")
            elif elem is None or elem.objgen != owner.objgen:
                out.append(f"page {n}: link annotation's /StructParent is not its Link element")
    for (pg, mcid) in tree.mcids:
        if (pg, mcid) not in seen:
            out.append(f"structure element refers to MCID {mcid} that its page does not mark")
    return out


# -- the tree's shape ------------------------------------------------------------------------------


def check_roles(pdf: pikepdf.Pdf, tree: Tree | None = None) -> list[str]:
    tree = tree or read_tree(pdf)
    rolemap = pdf.Root.get("/StructTreeRoot", {}).get("/RoleMap", {})
    out = []
    for _, e in tree.elems:
        r = role(e)
        if r not in STANDARD_TYPES and ("/" + r) not in rolemap:
            out.append(f"non-standard structure type {r} without a RoleMap entry")
    if tree.elems and role(tree.elems[0][1]) != "Document":
        out.append("the tree does not start with a Document element")
    return out


def check_headings(pdf: pikepdf.Pdf, tree: Tree | None = None) -> list[str]:
    """Matterhorn 14-002/14-003: numbered headings start at H1 and never skip a level."""
    tree = tree or read_tree(pdf)
    out = []
    last = 0
    for _, e in tree.elems:
        m = re.fullmatch(r"H([1-6])", role(e))
        if not m:
            continue
        level = int(m.group(1))
        if last == 0 and level != 1:
            out.append(f"first heading is H{level}, not H1")
        elif level > last + 1:
            out.append(f"heading level skips from H{last} to H{level}")
        last = level
    return out


def _kid_elems(elem) -> list:
    return [k for k in _kids(elem.get("/K")) if isinstance(k, pikepdf.Dictionary) and "/S" in k]


def check_tables(pdf: pikepdf.Pdf, tree: Tree | None = None) -> list[str]:
    """Matterhorn 15-003 (TH with Scope) and the Table/THead/TBody/TR/TH/TD nesting."""
    tree = tree or read_tree(pdf)
    out = []
    for _, e in tree.elems:
        r = role(e)
        if r == "Table":
            ths = []
            stack = [e]
            while stack:
                x = stack.pop()
                for k in _kid_elems(x):
                    if role(k) == "TH":
                        ths.append(k)
                    elif role(k) in ("THead", "TBody", "TFoot", "TR"):
                        stack.append(k)
            if not ths:
                out.append("table without header cells (TH)")
            for th in ths:
                attrs = th.get("/A")
                scope = None
                for a in _kids(attrs):
                    if isinstance(a, pikepdf.Dictionary) and "/Scope" in a:
                        scope = a.Scope
                if scope not in ("/Row", "/Column", "/Both"):
                    out.append("TH without /Scope")
            for k in _kid_elems(e):
                if role(k) not in ("THead", "TBody", "TFoot", "TR", "Caption"):
                    out.append(f"{role(k)} directly inside Table")
        elif r == "TR":
            for k in _kid_elems(e):
                if role(k) not in ("TH", "TD"):
                    out.append(f"{role(k)} inside TR")
        elif r in ("TH", "TD", "TR", "THead", "TBody"):
            pass
    return out


def check_lists(pdf: pikepdf.Pdf, tree: Tree | None = None) -> list[str]:
    tree = tree or read_tree(pdf)
    out = []
    allowed = {"L": {"LI", "L", "Caption"}, "LI": {"Lbl", "LBody"}, "TOC": {"TOCI", "TOC", "Caption"},
               "TOCI": {"Lbl", "Reference", "NonStruct", "P", "TOC"}}
    for _, e in tree.elems:
        r = role(e)
        if r in allowed:
            for k in _kid_elems(e):
                if role(k) not in allowed[r]:
                    out.append(f"{role(k)} inside {r}")
    return out


def check_figures(pdf: pikepdf.Pdf, tree: Tree | None = None) -> list[str]:
    """Matterhorn 13-004: a Figure has alternative text."""
    tree = tree or read_tree(pdf)
    return ["Figure without /Alt" for _, e in tree.elems
            if role(e) == "Figure" and not str(e.get("/Alt", "")).strip()]


def check_links(pdf: pikepdf.Pdf, tree: Tree | None = None) -> list[str]:
    """Matterhorn 28-011 (a Link element holds each link annotation by OBJR) and 28-004/PDF/A
    (a /Contents text; the print flag set)."""
    tree = tree or read_tree(pdf)
    out = []
    for n, page in enumerate(pdf.pages, 1):
        for annot in _kids(page.obj.get("/Annots")):
            if annot.get("/Subtype") != "/Link":
                continue
            owner = tree.objrs.get(annot.objgen)
            if owner is None or role(owner) != "Link":
                out.append(f"page {n}: link annotation not held by a Link element")
            if not str(annot.get("/Contents", "")).strip():
                out.append(f"page {n}: link annotation without /Contents")
            if not int(annot.get("/F", 0)) & 4:
                out.append(f"page {n}: annotation without the print flag (PDF/A)")
    return out


# -- fonts, catalog, metadata ----------------------------------------------------------------------


def check_fonts(pdf: pikepdf.Pdf) -> list[str]:
    """Matterhorn 31-001 / PDF/A 6.2.11: every font embedded; 31-027 / PDF/A-2u: a ToUnicode map."""
    out = []
    seen = set()
    for n, page in enumerate(pdf.pages, 1):
        fonts = page.obj.get("/Resources", {}).get("/Font", {})
        for name, font in fonts.items():
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            base = str(font.get("/BaseFont", name))
            desc = font.get("/FontDescriptor")
            if font.get("/Subtype") == "/Type0":
                desc = font.DescendantFonts[0].get("/FontDescriptor")
            if desc is None or not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                out.append(f"font {base} not embedded")
            if "/ToUnicode" not in font:
                out.append(f"font {base} without ToUnicode")
    return out


def check_catalog(pdf: pikepdf.Pdf) -> list[str]:
    """MarkInfo, /Lang, DisplayDocTitle (Matterhorn 06-001, 07-001, 11-001), tab order by
    structure, no encryption or JavaScript (PDF/A 6.1.3, 6.6.1), a trailer /ID (6.1.3)."""
    root = pdf.Root
    out = []
    if not bool(root.get("/MarkInfo", {}).get("/Marked", False)):
        out.append("MarkInfo /Marked is not true")
    if not str(root.get("/Lang", "")).strip():
        out.append("catalog without /Lang")
    if not bool(root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False)):
        out.append("ViewerPreferences /DisplayDocTitle is not true")
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        out.append("encrypted")
    if "/JavaScript" in root.get("/Names", {}) or "/AA" in root or "/OpenAction" in root:
        out.append("document JavaScript or actions")
    ids = pdf.trailer.get("/ID")
    if ids is None or len(ids) != 2:
        out.append("trailer without /ID")
    for n, page in enumerate(pdf.pages, 1):
        if page.obj.get("/Tabs") != "/S":
            out.append(f"page {n}: /Tabs is not /S")
    return out


def check_xobjects(pdf: pikepdf.Pdf) -> list[str]:
    """PDF/A-2 6.2.8 and 6.2.9: images not interpolated, no alternates or OPI; no PostScript."""
    out = []
    for n, page in enumerate(pdf.pages, 1):
        for name, x in page.obj.get("/Resources", {}).get("/XObject", {}).items():
            if x.get("/Subtype") == "/PS" or "/PS" in x:
                out.append(f"page {n}: PostScript XObject {name}")
            if x.get("/Subtype") == "/Image":
                if bool(x.get("/Interpolate", False)):
                    out.append(f"page {n}: image {name} is interpolated")
                if "/Alternates" in x or "/OPI" in x:
                    out.append(f"page {n}: image {name} has alternates or OPI")
    return out


def check_output_intent(pdf: pikepdf.Pdf) -> list[str]:
    intents = _kids(pdf.Root.get("/OutputIntents"))
    pdfa = [i for i in intents if i.get("/S") == "/GTS_PDFA1"]
    if not pdfa:
        return ["no PDF/A output intent"]
    out = []
    profile = pdfa[0].get("/DestOutputProfile")
    if profile is None:
        out.append("output intent without DestOutputProfile")
    else:
        data = profile.read_bytes()
        if int(profile.get("/N", 0)) != 3 or data[36:40] != b"acsp" or data[16:20] != b"RGB ":
            out.append("output profile is not an RGB ICC profile")
    if not str(pdfa[0].get("/OutputConditionIdentifier", "")):
        out.append("output intent without OutputConditionIdentifier")
    return out


def _pdf_date(value: str) -> datetime:
    m = re.fullmatch(r"D:(\d{14})([+-])(\d\d)'(\d\d)'?", value)
    if not m:
        raise ValueError(value)
    stamp, sign, hh, mm = m.groups()
    return datetime.strptime(f"{stamp}{sign}{hh}{mm}", "%Y%m%d%H%M%S%z")


def check_metadata(pdf: pikepdf.Pdf) -> list[str]:
    """XMP identification (pdfaid part 2 with a conformance, pdfuaid part 1, Matterhorn 06-002,
    06-003) and every Info entry the same in XMP (PDF/A 6.6.2.3)."""
    if "/Metadata" not in pdf.Root:
        return ["no XMP metadata"]
    if "/Filter" in pdf.Root.Metadata:
        return ["XMP metadata stream is filtered"]
    out = []
    meta = pdf.open_metadata()
    if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") not in ("A", "B", "U"):
        out.append("XMP does not identify PDF/A-2")
    if meta.get("pdfuaid:part") != "1":
        out.append("XMP does not identify PDF/UA-1")
    if not (meta.get("dc:title") or "").strip():
        out.append("XMP without dc:title")
    info = pdf.docinfo
    pairs = {"/Title": "dc:title", "/Subject": "dc:description", "/Keywords": "pdf:Keywords",
             "/Creator": "xmp:CreatorTool", "/Producer": "pdf:Producer"}
    for key, prop in pairs.items():
        if key in info and str(info[key]) != (meta.get(prop) or ""):
            out.append(f"Info {key} and XMP {prop} differ")
    if "/Author" in info:
        creators = meta.get("dc:creator") or []
        if [str(info.Author)] != list(creators):
            out.append("Info /Author and XMP dc:creator differ")
    for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        if key in info:
            xmp_value = meta.get(prop)
            if not xmp_value or _pdf_date(str(info[key])) != datetime.fromisoformat(xmp_value):
                out.append(f"Info {key} and XMP {prop} differ")
    if "pdfaExtension:schemas" not in str(pdf.Root.Metadata.read_bytes().decode("utf-8")):
        out.append("XMP without the extension schema PDF/A asks for pdfuaid")
    return out


ALL = (check_content_tagged, check_parent_tree, check_roles, check_headings, check_tables, check_lists,
       check_figures, check_links, check_fonts, check_catalog, check_xobjects, check_output_intent, check_metadata)


def problems(pdf: pikepdf.Pdf) -> list[str]:
    """Every problem every check finds."""
    tree = read_tree(pdf)
    out = []
    for check in ALL:
        try:
            found = check(pdf, tree) if "tree" in check.__code__.co_varnames else check(pdf)
        except Exception as exc:  # a malformed object is a problem, not a crash of the check
            found = [f"{type(exc).__name__}: {exc}"]
        out += [f"{check.__name__}: {p}" for p in found]
    return out
