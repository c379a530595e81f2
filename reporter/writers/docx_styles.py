"""Word styles and list numbering derived from the house style.

One source for the generated reference document and for patching a user's reference
document that lacks some of our styles. Each style records only what differs from its
parent (``basedOn``), so restyling Normal in Word cascades like the house style does.
"""

from __future__ import annotations

from lxml import etree

from ..marking import MARKING_TEXT_STYLE, TLP_LOOKS
from ..style import BULLETS, NUMBER_FORMATS, HouseStyle, ParagraphStyle
from .docx_xml import NSMAP, sub, twips, w

# Word's built-in styles keep lower-case internal names; python-docx, LibreOffice and
# pandoc map these back to the capitalised UI names.
_INTERNAL_NAMES = {"Caption": "caption", "Header": "header", "Footer": "footer"}
_INTERNAL_NAMES.update({f"Heading {n}": f"heading {n}" for n in range(1, 10)})
TABLE_STYLE = "Briefing Table"
BULLET_NUM, NUMBER_NUM = 1, 2  # w:numId of the list definitions in numbering.xml
BULLET_ABSTRACT, NUMBER_ABSTRACT = 10, 11
LIST_STEP = 0.6  # cm of extra indent per nesting level
_HANGING = 0.45  # cm the bullet hangs left of the text
_JC = {"left": "left", "right": "right", "center": "center", "justify": "both"}  # style.ALIGNMENTS in w:jc


def internal_name(name: str) -> str:
    return _INTERNAL_NAMES.get(name, name)


def style_id(name: str) -> str:
    return "".join(ch for ch in name.title() if ch.isalnum()) if name.islower() else name.replace(" ", "")


def list_kind(hs: HouseStyle, name: str) -> int | None:
    """``NUMBER_NUM``/``BULLET_NUM`` if the style is (or inherits from) a list style."""
    seen = set()
    while name and name not in seen:
        seen.add(name)
        if name == "List Number":
            return NUMBER_NUM
        if name == "List Bullet":
            return BULLET_NUM
        st = hs.styles.get(name)
        name = st.parent if st else None
    return None


def list_indent(level: int) -> tuple[int, int]:
    """(left, hanging) in twips for a list paragraph at nesting ``level``."""
    return twips(0.6 + LIST_STEP * level), twips(_HANGING)


def _ppr(style: ParagraphStyle, base: ParagraphStyle | None, hs: HouseStyle, text_width: int) -> etree._Element:
    ppr = etree.Element(w("pPr"))

    def changed(attr: str) -> bool:
        return base is None or getattr(style, attr) != getattr(base, attr)

    if changed("keep_with_next"):
        sub(ppr, w("keepNext"), **({} if style.keep_with_next else {"val": "0"}))
    if base is None:
        sub(ppr, w("widowControl"))
    kind = list_kind(hs, style.name)
    if kind is not None:
        num_pr = sub(ppr, w("numPr"))
        sub(num_pr, w("ilvl"), val="0")
        sub(num_pr, w("numId"), val=str(kind))
    if style.name in ("Header", "Footer"):
        tabs = sub(ppr, w("tabs"))
        sub(tabs, w("tab"), val="center", pos=str(text_width // 2))
        sub(tabs, w("tab"), val="right", pos=str(text_width))
    if any(changed(a) for a in ("space_before", "space_after", "leading", "size")):
        sub(ppr, w("spacing"), before=str(round(style.space_before * 20)), after=str(round(style.space_after * 20)),
            line=str(round(style.line_height * 20)), lineRule="atLeast")
    if kind is not None:
        left, hanging = list_indent(0)
        sub(ppr, w("ind"), left=str(left), hanging=str(hanging), right=str(twips(style.right_indent)))
    elif changed("left_indent") or changed("right_indent"):
        sub(ppr, w("ind"), left=str(twips(style.left_indent)), right=str(twips(style.right_indent)))
    if changed("align"):
        sub(ppr, w("jc"), val=_JC[style.align])
    if style.name.startswith("Heading ") and style.name[-1].isdigit():
        sub(ppr, w("outlineLvl"), val=str(int(style.name[-1]) - 1))
    elif style.name in ("TOC Heading", "Title", "Subtitle") and base is not None:
        sub(ppr, w("outlineLvl"), val="9")  # body level: not itself a TOC entry
    return ppr


def _rpr(style: ParagraphStyle, base: ParagraphStyle | None, hs: HouseStyle) -> etree._Element:
    rpr = etree.Element(w("rPr"))
    if base is None or hs.fonts[style.font].name != hs.fonts[base.font].name:
        name = hs.fonts[style.font].name
        sub(rpr, w("rFonts"), ascii=name, hAnsi=name, eastAsia=name, cs=name)
    for attr, tags in (("bold", ("b", "bCs")), ("italic", ("i", "iCs"))):
        if base is None and getattr(style, attr) or base is not None and getattr(style, attr) != getattr(base, attr):
            for tag in tags:
                sub(rpr, w(tag), **({} if getattr(style, attr) else {"val": "0"}))
    if base is None or style.color != base.color:
        sub(rpr, w("color"), val=style.color)
    if base is None or style.size != base.size:
        sub(rpr, w("sz"), val=str(round(style.size * 2)))
        sub(rpr, w("szCs"), val=str(round(style.size * 2)))
    return rpr


def paragraph_style(hs: HouseStyle, name: str, text_width: int, ids: dict[str, str]) -> etree._Element:
    """The ``w:style`` for house style ``name``; ``ids`` maps style names to existing ids."""
    st = hs.styles[name]
    base = hs.styles.get(st.parent) if st.parent else None
    el = etree.Element(w("style"), nsmap=NSMAP)
    el.set(w("type"), "paragraph")
    el.set(w("styleId"), ids.get(name) or style_id(name))
    if name == "Normal":
        el.set(w("default"), "1")
    sub(el, w("name"), val=internal_name(name))
    if base is not None:
        sub(el, w("basedOn"), val=ids.get(base.name) or style_id(base.name))
    if name.startswith("Heading") or name in ("Title", "Subtitle", "TOC Heading", "Marking"):
        sub(el, w("next"), val=ids.get("Body Text") or "BodyText")
    sub(el, w("uiPriority"), val="1" if name.startswith("Heading") or name in ("Title", "Body Text") else "9")
    sub(el, w("qFormat"))
    ppr = _ppr(st, base, hs, text_width)
    if len(ppr):
        el.append(ppr)
    rpr = _rpr(st, base, hs)
    if len(rpr):
        el.append(rpr)
    return el


def _simple(kind: str, sid: str, name: str, *, default: bool = False, based_on: str | None = None):
    el = etree.Element(w("style"), nsmap=NSMAP)
    el.set(w("type"), kind)
    if default:
        el.set(w("default"), "1")
    el.set(w("styleId"), sid)
    sub(el, w("name"), val=name)
    if based_on:
        sub(el, w("basedOn"), val=based_on)
    return el


def hyperlink_style(hs: HouseStyle) -> etree._Element:
    el = _simple("character", "Hyperlink", "Hyperlink", based_on="DefaultParagraphFont")
    sub(el, w("uiPriority"), val="99")
    sub(el, w("unhideWhenUsed"))
    rpr = sub(el, w("rPr"))
    sub(rpr, w("color"), val=hs.color("link"))
    sub(rpr, w("u"), val="single")
    return el


def marking_styles(hs: HouseStyle) -> list[etree._Element]:
    """The marking's character styles: one per TLP 2.0 label (its colour on black, as FIRST
    specifies) and "Marking Text" for any other marking (the house style's marking colour).
    By name, so the header, the footer and the title block show a label alike."""
    out = []
    looks = [(look.style, look.text, look.background) for look in TLP_LOOKS.values()]
    for name, text, background in looks + [(MARKING_TEXT_STYLE, hs.color("marking"), None)]:
        el = _simple("character", style_id(name), name, based_on="DefaultParagraphFont")
        sub(el, w("uiPriority"), val="9")
        rpr = sub(el, w("rPr"))
        sub(rpr, w("b"))
        sub(rpr, w("bCs"))
        sub(rpr, w("color"), val=text)
        if background:
            sub(rpr, w("shd"), val="clear", color="auto", fill=background)
        out.append(el)
    return out


def toc_styles(text_width: int, normal_id: str = "Normal") -> list[etree._Element]:
    """``toc 1``..``toc 3``: the entries Word and LibreOffice generate, with dotted page tabs."""
    out = []
    for level in (1, 2, 3):
        el = _simple("paragraph", f"TOC{level}", f"toc {level}", based_on=normal_id)
        sub(el, w("next"), val=normal_id)
        sub(el, w("uiPriority"), val="39")
        sub(el, w("unhideWhenUsed"))
        ppr = sub(el, w("pPr"))
        tabs = sub(ppr, w("tabs"))
        sub(tabs, w("tab"), val="right", leader="dot", pos=str(text_width))
        sub(ppr, w("spacing"), before="0" if level > 1 else "60", after="40")
        sub(ppr, w("ind"), left=str(twips(0.5 * (level - 1))))
        out.append(el)
    return out


def table_style(hs: HouseStyle) -> etree._Element:
    """"Briefing Table": rule-coloured grid, header row in ``table_header`` (the accent), striped body rows."""
    el = _simple("table", "BriefingTable", TABLE_STYLE, based_on="TableNormal")
    sub(el, w("uiPriority"), val="59")
    ppr = sub(el, w("pPr"))
    sub(ppr, w("spacing"), before="0", after="0")
    tblpr = sub(el, w("tblPr"))
    sub(tblpr, w("tblStyleRowBandSize"), val="1")
    borders = sub(tblpr, w("tblBorders"))
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub(borders, w(edge), val="single", sz="4", space="0", color=hs.color("rule"))
    mar = sub(tblpr, w("tblCellMar"))
    for edge, size in (("top", 40), ("left", 85), ("bottom", 40), ("right", 85)):
        sub(mar, w(edge), w=str(size), type="dxa")
    first = sub(el, w("tblStylePr"), type="firstRow")
    rpr = sub(first, w("rPr"))
    sub(rpr, w("b"))
    sub(rpr, w("color"), val=hs.color("table_header_text"))
    sub(first, w("tblPr"))
    sub(sub(first, w("trPr")), w("tblHeader"))
    sub(sub(first, w("tcPr")), w("shd"), val="clear", color="auto", fill=hs.colors.get("table_header", hs.color("accent")))
    band = sub(el, w("tblStylePr"), type="band1Horz")
    sub(band, w("tblPr"))
    sub(sub(band, w("tcPr")), w("shd"), val="clear", color="auto", fill=hs.color("table_stripe"))
    return el


def base_styles() -> list[etree._Element]:
    """The defaults Word expects in every styles part, hidden from its style gallery."""
    styles = {}
    for kind, sid, name, priority in (("character", "DefaultParagraphFont", "Default Paragraph Font", "1"),
                                      ("table", "TableNormal", "Normal Table", "99"),
                                      ("numbering", "NoList", "No List", "99")):
        el = styles[sid] = _simple(kind, sid, name, default=True)
        sub(el, w("uiPriority"), val=priority)
        sub(el, w("semiHidden"))
        sub(el, w("unhideWhenUsed"))
    mar = sub(sub(styles["TableNormal"], w("tblPr")), w("tblCellMar"))
    for edge, size in (("top", 0), ("left", 108), ("bottom", 0), ("right", 108)):
        sub(mar, w(edge), w=str(size), type="dxa")
    return list(styles.values())


def doc_defaults(hs: HouseStyle, lang: str) -> etree._Element:
    normal = hs.styles["Normal"]
    font = hs.fonts[normal.font].name
    dd = etree.Element(w("docDefaults"), nsmap=NSMAP)
    rpr = sub(sub(dd, w("rPrDefault")), w("rPr"))
    sub(rpr, w("rFonts"), ascii=font, hAnsi=font, eastAsia=font, cs=font)
    sub(rpr, w("sz"), val=str(round(normal.size * 2)))
    sub(rpr, w("szCs"), val=str(round(normal.size * 2)))
    sub(rpr, w("lang"), val=lang, eastAsia=lang, bidi=lang)
    sub(sub(sub(dd, w("pPrDefault")), w("pPr")), w("spacing"), after="0", line="240", lineRule="auto")
    return dd


def build_styles(hs: HouseStyle, lang: str, text_width: int) -> etree._Element:
    """A complete ``w:styles`` root for the reference document."""
    root = etree.Element(w("styles"), nsmap=NSMAP)
    root.append(doc_defaults(hs, lang))
    names = ["Normal"] + sorted(n for n in hs.styles if n != "Normal")
    for name in names:
        root.append(paragraph_style(hs, name, text_width, {}))
    for el in base_styles() + toc_styles(text_width) + [hyperlink_style(hs), table_style(hs)] + marking_styles(hs):
        root.append(el)
    return root


def set_language(styles_root: etree._Element, lang: str) -> None:
    """Stamp the document language into the style defaults (spell checking, hyphenation)."""
    def child(parent, tag: str, first: bool = False):
        el = parent.find(w(tag))
        if el is None:
            el = etree.Element(w(tag))
            if first:  # schema order: docDefaults leads w:styles, rPrDefault leads docDefaults
                parent.insert(0, el)
            else:
                parent.append(el)
        return el

    rpr = child(child(child(styles_root, "docDefaults", first=True), "rPrDefault", first=True), "rPr")
    el = child(rpr, "lang")
    for attr in ("val", "eastAsia", "bidi"):
        el.set(w(attr), lang)


def ensure_styles(styles_root: etree._Element, hs: HouseStyle, text_width: int) -> dict[str, str]:
    """Map every style we use to its id in ``styles_root``, adding the ones a user's template lacks."""
    ids: dict[str, str] = {}
    for el in styles_root.iterfind(w("style")):
        name_el = el.find(w("name"))
        if name_el is not None:
            name = name_el.get(w("val"), "")
            ids.setdefault(name.lower(), el.get(w("styleId")))
    taken = set(ids.values())
    out: dict[str, str] = {}

    def add(name: str, make) -> None:
        key = internal_name(name).lower()
        if key in ids:
            out[name] = ids[key]
            return
        el = make()
        sid = el.get(w("styleId"))
        while sid in taken:
            sid += "X"
        el.set(w("styleId"), sid)
        styles_root.append(el)
        ids[key] = out[name] = sid
        taken.add(sid)

    add("Normal", lambda: paragraph_style(hs, "Normal", text_width, out))
    for name in sorted(hs.styles):
        add(name, lambda name=name: paragraph_style(hs, name, text_width, out))
    add("Hyperlink", lambda: hyperlink_style(hs))
    add(TABLE_STYLE, lambda: table_style(hs))
    for el in marking_styles(hs):
        add(el.find(w("name")).get(w("val")), lambda el=el: el)
    for el in toc_styles(text_width, out["Normal"]):
        add(el.find(w("name")).get(w("val")), lambda el=el: el)
    for key, value in list(out.items()):
        if key.startswith("toc "):
            out[f"TOC {key[4:]}"] = value
    return out


def abstract_num(abstract_id: int, bullet: bool, font: str) -> etree._Element:
    el = etree.Element(w("abstractNum"), nsmap=NSMAP)
    el.set(w("abstractNumId"), str(abstract_id))
    sub(el, w("nsid"), val=f"{0x5EB0C000 + abstract_id:08X}")
    sub(el, w("multiLevelType"), val="hybridMultilevel")
    for level in range(9):
        lvl = sub(el, w("lvl"), ilvl=str(level))
        sub(lvl, w("start"), val="1")
        if bullet:
            sub(lvl, w("numFmt"), val="bullet")
            sub(lvl, w("lvlText"), val=BULLETS[level % len(BULLETS)])
        else:
            sub(lvl, w("numFmt"), val=NUMBER_FORMATS[level % len(NUMBER_FORMATS)])
            sub(lvl, w("lvlText"), val=f"%{level + 1}.")
        sub(lvl, w("lvlJc"), val="left")
        left, hanging = list_indent(level)
        sub(sub(lvl, w("pPr")), w("ind"), left=str(left), hanging=str(hanging))
        if bullet:
            sub(sub(lvl, w("rPr")), w("rFonts"), ascii=font, hAnsi=font, hint="default")
    return el


def num(num_id: int, abstract_id: int, *, restart_level: int | None = None, start: int = 1) -> etree._Element:
    """A ``w:num``; with ``restart_level`` an ordered list counts afresh from ``start`` there."""
    el = etree.Element(w("num"), nsmap=NSMAP)
    el.set(w("numId"), str(num_id))
    sub(el, w("abstractNumId"), val=str(abstract_id))
    if restart_level is not None:
        override = sub(el, w("lvlOverride"), ilvl=str(restart_level))
        sub(override, w("startOverride"), val=str(start))
    return el


def build_numbering(hs: HouseStyle) -> etree._Element:
    font = hs.fonts[hs.styles["Normal"].font].name
    root = etree.Element(w("numbering"), nsmap=NSMAP)
    root.append(abstract_num(BULLET_ABSTRACT, True, font))
    root.append(abstract_num(NUMBER_ABSTRACT, False, font))
    root.append(num(BULLET_NUM, BULLET_ABSTRACT))
    root.append(num(NUMBER_NUM, NUMBER_ABSTRACT))
    return root

