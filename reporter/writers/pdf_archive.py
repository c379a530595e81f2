"""What makes the PDF archival (PDF/A-2a) and declares it accessible (PDF/UA-1): XMP metadata
that says the same as the Info dictionary, and an sRGB output intent.

The structure tree itself is ``pdf_tags``; this module adds the catalog entries around it
at save, when reportlab's Info dictionary and timestamp are final, so the two metadata
places cannot drift apart. The ICC profile is LittleCMS's built-in sRGB (through Pillow,
which reportlab already depends on; the profile says "No copyright, use freely"), made
deterministic: its creation date is fixed, since the bytes must not change from run to run.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache
from html import escape as _html_escape

from reportlab.pdfbase.pdfdoc import PDFInfo, PDFObject, PDFString

PDFA_PART, PDFA_CONFORMANCE = 2, "A"  # PDF/A-2a: tagged, Unicode text, logical structure
PDFUA_PART = 1
SRGB = "sRGB IEC61966-2.1"
_FIXED_DATE = bytes.fromhex("07d0 0001 0001 0000 0000 0000")  # 2000-01-01 00:00:00 as the ICC header holds it


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as XML entities, for XMP's element text. The standard library's
    HTML module, which the worker has loaded already, rather than ``xml.sax.saxutils``: that one
    imports ``urllib.request`` and with it HTTP, e-mail and SSL, a tenth of the worker's start."""
    return _html_escape(text, quote=False)


@lru_cache(maxsize=1)
def srgb_profile() -> bytes:
    """The sRGB ICC profile's bytes, the same in every run (date fixed, no profile ID)."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[24:36] = _FIXED_DATE
    data[84:100] = bytes(16)  # a zero profile ID means "not computed" (the date it would cover changed)
    # PDF 1.7, which PDF/A-2 builds on, reads ICC profiles up to version 4.2; LittleCMS writes 4.4
    # with the same tags (none newer than 4.2), so the header says 4.2
    if data[8] == 4 and data[9] > 0x20:
        data[9] = 0x20
    return bytes(data)


@dataclass(frozen=True)
class Archive:
    """Adds the XMP metadata and the output intent to a document's catalog at save."""

    lang: str

    def add_to(self, doc) -> None:
        doc.info.__class__ = _Info  # the same values, the empty ones left out (as they are in XMP)
        catalog = doc.Catalog
        catalog.Metadata = _Stream(xmp(doc, self.lang), b"/Type /Metadata /Subtype /XML")
        profile = _Stream(srgb_profile(), b"/N 3", compress=True)
        doc.Reference(profile, "OutputProfile")
        catalog.__NoDefault__ = [*catalog.__NoDefault__, "OutputIntents"]
        catalog.OutputIntents = _OutputIntents()


class _Info(PDFInfo):
    """reportlab's Info dictionary without its empty strings: an empty /Author would need an
    empty dc:creator in XMP, which XMP cannot say."""

    def format(self, document) -> bytes:
        from reportlab.pdfbase.pdfdoc import PDFDate, PDFDictionary, PDFName

        d = {key: PDFString(_info_text(value)) for key, value in (
            ("Title", self.title), ("Author", self.author), ("Subject", self.subject), ("Keywords", self.keywords),
            ("Creator", self.creator), ("Producer", self.producer)) if _info_text(value).strip()}
        d["CreationDate"] = d["ModDate"] = PDFDate(ts=document._timeStamp, dateFormatter=self._dateFormatter)
        d["Trapped"] = PDFName(self.trapped)
        return PDFDictionary(d).format(document)


class _Stream(PDFObject):
    """A stream of ready bytes: XMP must stay unfiltered (PDF/A), the profile is compressed."""

    def __init__(self, data: bytes, entries: bytes, compress: bool = False):
        self.data = zlib.compress(data, 6) if compress else data
        self.entries = entries + (b" /Filter /FlateDecode" if compress else b"")

    def format(self, document) -> bytes:
        return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (self.entries, len(self.data), self.data)


class _OutputIntents(PDFObject):
    def format(self, document) -> bytes:
        ref = b"%d %d R" % document.idToObjectNumberAndVersion["OutputProfile"]
        name = PDFString(SRGB).format(document)
        return (b"[ << /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier " + name +
                b" /Info " + name + b" /RegistryName (http://www.color.org) /DestOutputProfile " + ref + b" >> ]")


def xmp_date(ts) -> str:
    """reportlab's timestamp as XMP writes a date, the same instant as the Info dictionary's."""
    y, mo, d, h, mi, s = ts.YMDhms
    sign = "-" if ts.dhh < 0 or (ts.dhh == 0 and ts.dmm < 0) else "+"
    return f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}{sign}{abs(ts.dhh):02d}:{abs(ts.dmm):02d}"


def _info_text(value) -> str:
    """An Info value as the reader decodes it (reportlab joins a keyword list with commas)."""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def xmp(doc, lang: str) -> bytes:
    """The XMP packet: Dublin Core, XMP basic and PDF properties from the Info dictionary, the
    PDF/A and PDF/UA identification, and the extension schema PDF/A asks for pdfuaid."""
    info = doc.info
    when = xmp_date(doc._timeStamp)
    lang = escape(lang or "x-default")

    def t(value) -> str:
        return escape(_info_text(value)).replace('"', "&quot;")

    def given(element: str, value) -> str:
        """The element and a line break, or nothing for an empty value (left out of Info too)."""
        return element.format(t(value)) + "\n" if _info_text(value).strip() else ""

    body = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{t(info.title)}</rdf:li></rdf:Alt></dc:title>
{given("<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>", info.author)}\
{given('<dc:description><rdf:Alt><rdf:li xml:lang="x-default">{}</rdf:li></rdf:Alt></dc:description>', info.subject)}\
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
{given("<xmp:CreatorTool>{}</xmp:CreatorTool>", info.creator)}\
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
<xmp:MetadataDate>{when}</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
{given("<pdf:Producer>{}</pdf:Producer>", info.producer)}\
{given("<pdf:Keywords>{}</pdf:Keywords>", info.keywords)}\
<pdf:Trapped>{t(info.trapped)}</pdf:Trapped>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>{PDFA_PART}</pdfaid:part>
<pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>{PDFUA_PART}</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""
    return body.encode("utf-8")
