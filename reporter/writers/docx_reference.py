"""The reference document (pandoc's ``--reference-doc``) built from the house style.

A small hand-assembled package: styles, list numbering, settings, page setup and
empty body. No dates, no random ids, fixed zip order, so re-running gives the same bytes.
Users may replace it with their corporate template; the writer adds any missing styles.
"""

from __future__ import annotations

import io

from lxml import etree

from ..ooxml import CORE_PROPERTIES_REL, PKG_REL_NS, R_NS
from ..style import HouseStyle
from .docx_package import write_zip
from .docx_styles import build_numbering, build_styles
from .docx_xml import NSMAP, sub, twips, w

_CT = "application/vnd.openxmlformats-officedocument"
_WML = _CT + ".wordprocessingml"

CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="{_WML}.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="{_WML}.numbering+xml"/>
<Override PartName="/word/settings.xml" ContentType="{_WML}.settings+xml"/>
<Override PartName="/word/fontTable.xml" ContentType="{_WML}.fontTable+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
<Override PartName="/docProps/app.xml" ContentType="{_CT}.extended-properties+xml"/>
</Types>"""

PACKAGE_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL_NS}">
<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="{CORE_PROPERTIES_REL}" Target="docProps/core.xml"/>
<Relationship Id="rId3" Type="{R_NS}/extended-properties" Target="docProps/app.xml"/>
</Relationships>"""

DOCUMENT_RELS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="{PKG_REL_NS}">
<Relationship Id="rId1" Type="{R_NS}/styles" Target="styles.xml"/>
<Relationship Id="rId2" Type="{R_NS}/numbering" Target="numbering.xml"/>
<Relationship Id="rId3" Type="{R_NS}/settings" Target="settings.xml"/>
<Relationship Id="rId4" Type="{R_NS}/fontTable" Target="fontTable.xml"/>
</Relationships>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Briefing reference document</dc:title>
<dc:creator>reporter</dc:creator>
<cp:revision>1</cp:revision>
<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>
</cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>reporter</Application>
</Properties>"""


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def text_width(hs: HouseStyle) -> int:
    width_cm, _ = hs.page.size_cm
    return twips(width_cm - hs.page.margin_left - hs.page.margin_right)


def section_properties(hs: HouseStyle) -> etree._Element:
    """The house page setup as a ``w:sectPr`` (also what a reference without one gets)."""
    sect = etree.Element(w("sectPr"), nsmap=NSMAP)
    width, height = hs.page.size_cm
    sub(sect, w("pgSz"), w=str(twips(width)), h=str(twips(height)))
    pg = hs.page
    sub(sect, w("pgMar"), top=str(twips(pg.margin_top)), right=str(twips(pg.margin_right)),
        bottom=str(twips(pg.margin_bottom)), left=str(twips(pg.margin_left)),
        header=str(twips(pg.header_distance)), footer=str(twips(pg.footer_distance)), gutter="0")
    sub(sect, w("cols"), space="708")
    sub(sect, w("docGrid"), linePitch="360")
    return sect


def _document(hs: HouseStyle) -> etree._Element:
    root = etree.Element(w("document"), nsmap=NSMAP)
    sub(root, w("body")).append(section_properties(hs))
    return root


def _settings(lang: str) -> etree._Element:
    root = etree.Element(w("settings"), nsmap=NSMAP)
    sub(root, w("zoom"), percent="100")
    sub(root, w("defaultTabStop"), val="709")
    sub(root, w("characterSpacingControl"), val="doNotCompress")
    sub(root, w("updateFields"), val="true")
    compat = sub(root, w("compat"))
    sub(compat, w("doNotExpandShiftReturn"))  # a line break must not stretch a justified line
    sub(compat, w("compatSetting"), name="compatibilityMode", uri="http://schemas.microsoft.com/office/word", val="15")
    sub(root, w("themeFontLang"), val=lang)
    sub(root, w("decimalSymbol"), val=".")
    sub(root, w("listSeparator"), val=",")
    return root


def _font_table(hs: HouseStyle) -> etree._Element:
    root = etree.Element(w("fonts"), nsmap=NSMAP)
    for name in sorted({f.name for f in hs.fonts.values()}):
        font = sub(root, w("font"), name=name)
        sub(font, w("family"), val="roman" if "Times" in name else "swiss")
        sub(font, w("pitch"), val="variable")
    return root


def build_reference(hs: HouseStyle, lang: str = "en-GB") -> bytes:
    """The reference .docx for ``hs`` as bytes."""
    width = text_width(hs)
    entries = [
        ("[Content_Types].xml", CONTENT_TYPES.encode()),
        ("_rels/.rels", PACKAGE_RELS.encode()),
        ("docProps/app.xml", APP.encode()),
        ("docProps/core.xml", CORE.encode()),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS.encode()),
        ("word/document.xml", _xml(_document(hs))),
        ("word/fontTable.xml", _xml(_font_table(hs))),
        ("word/numbering.xml", _xml(build_numbering(hs))),
        ("word/settings.xml", _xml(_settings(lang))),
        ("word/styles.xml", _xml(build_styles(hs, lang, width))),
    ]
    buf = io.BytesIO()
    write_zip(entries, buf)
    return buf.getvalue()

