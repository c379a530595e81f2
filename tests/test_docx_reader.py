"""The DOCX reader: Word documents made here (python-docx, hand-written XML, our writer) read back.

Every test builds its input in the test, so what is expected is stated here, not copied
from the reader's output.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import tiny_png
from reporter.compose.build import title_block
from reporter.errors import InputError
from reporter.model import (
    BulletList, Div, Document, Emph, Heading, Image, LineBreak, Link, Meta, OrderedList, PageBreak,
    Paragraph, Quote, Strong, Table, TableOfContents, Text, plain_text, walk,
)
from reporter.readers.docx import read_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
URL = "https://example.org/report?id=7&lang=en"


def add_hyperlink(paragraph, text: str, *, url: str | None = None, anchor: str | None = None):
    """A w:hyperlink the way Word writes it (python-docx has no API for it)."""
    h = OxmlElement("w:hyperlink")
    if url:
        rid = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
        h.set(qn("r:id"), rid)
    if anchor:
        h.set(qn("w:anchor"), anchor)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    r.append(t)
    h.append(r)
    paragraph._p.append(h)


def add_bookmark(paragraph, name: str) -> None:
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), "7")
    start.set(qn("w:name"), name)
    end.set(qn("w:id"), "7")
    paragraph._p.insert(1, start)
    paragraph._p.append(end)


def texts(blocks) -> list[str]:
    """Plain text of every paragraph-like block, in order (lists, quotes, divs included)."""
    out = []
    for b in walk(tuple(blocks)):
        if isinstance(b, (Paragraph, Heading)):
            out.append(plain_text(b.children))
    return out


def raw_docx(path: Path, body: str, *, rels: str = "", parts: dict[str, bytes] | None = None,
             styles: str = "") -> Path:
    """A minimal .docx around a hand-written body, for markup python-docx cannot produce."""
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
          'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
          'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"')
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}</w:body></w:document>'
    style_xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W_NS}">'
                 '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
                 f'{styles}</w:styles>')
    pkg_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                f'{rels}</Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", pkg_rels)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/_rels/document.xml.rels", doc_rels)
        zf.writestr("word/styles.xml", style_xml)
        for name, data in (parts or {}).items():
            zf.writestr(name, data)
    return path


def para(text: str, style: str | None = None, inner: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}{inner if inner is not None else run(text)}</w:p>'


def run(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


# --------------------------------------------------------------------------- Word documents


def word_document(path: Path) -> Path:
    """A document as a person writes it in Word's default template (python-docx's)."""
    d = docx.Document()
    d.core_properties.title = "Core title"
    d.core_properties.author = "Ana Quispe"
    d.core_properties.subject = "Andean routes"
    d.core_properties.keywords = "peru; cocaine, ports"
    d.add_paragraph("Weekly security note", style="Title")
    d.add_paragraph("Week 16", style="Subtitle")
    d.add_heading("Routes shift south", level=1)
    p = d.add_paragraph("Seizures rose in ")
    p.add_run("Callao").bold = True
    p.add_run(" and ")
    p.add_run("Paita").italic = True
    p.add_run(".")
    d.add_heading("Ports", level=2)
    d.add_paragraph("Customs staff doubled.", style="Quote")
    d.add_paragraph("First bullet", style="List Bullet")
    d.add_paragraph("Nested bullet", style="List Bullet 2")
    d.add_paragraph("Second bullet", style="List Bullet")
    d.add_paragraph("Step one", style="List Number")
    d.add_paragraph("Step two", style="List Number")
    table = d.add_table(rows=3, cols=2)
    table.style = d.styles["Table Grid"]
    for r, (a, b) in enumerate((("Port", "Tonnes"), ("Callao", "12.5"), ("Paita", "3.0"))):
        table.cell(r, 0).text = a
        table.cell(r, 1).text = b
        if r:
            table.cell(r, 1).paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    d.add_paragraph("Seizures by port.", style="Caption")
    d.add_heading("Outlook", level=1)
    d.add_paragraph("More to come.")
    d.save(path)
    return path


def test_default_template_document_reads_into_blocks(tmp_path):
    doc, warnings = read_docx(word_document(tmp_path / "word.docx"))
    assert warnings == []
    assert doc.meta.title == "Weekly security note"  # the visible title wins over core properties
    assert doc.meta.subtitle == "Week 16"
    assert doc.meta.author == "Ana Quispe"
    assert doc.meta.subject == "Andean routes"
    assert doc.meta.keywords == ("peru", "cocaine", "ports")
    assert doc.blocks[0] == Div("Title Block", (Paragraph((Text("Weekly security note"),), style="Title"),
                                                Paragraph((Text("Week 16"),), style="Subtitle")))
    b = doc.blocks[1:]  # after the title block, kept as the user left it
    assert b[0] == Heading(1, (Text("Routes shift south"),))
    assert b[1] == Paragraph((Text("Seizures rose in "), Strong((Text("Callao"),)), Text(" and "),
                              Emph((Text("Paita"),)), Text(".")))
    assert b[2] == Heading(2, (Text("Ports"),))
    assert b[3] == Quote((Paragraph((Text("Customs staff doubled."),)),))
    assert isinstance(b[4], BulletList) and len(b[4].items) == 2
    first, second = b[4].items
    assert plain_text(first[0].children) == "First bullet"
    assert first[1] == BulletList(((Paragraph((Text("Nested bullet"),)),),))
    assert plain_text(second[0].children) == "Second bullet"
    assert isinstance(b[5], OrderedList) and texts(b[5:6]) == ["Step one", "Step two"]
    table = b[6]
    assert isinstance(table, Table)
    assert [plain_text(c) for c in table.header] == ["Port", "Tonnes"]
    assert [[plain_text(c) for c in r] for r in table.rows] == [["Callao", "12.5"], ["Paita", "3.0"]]
    assert table.align == ("left", "right")
    assert table.caption == "Seizures by port."
    assert b[7] == Heading(1, (Text("Outlook"),)) and texts(b[8:]) == ["More to come."]


def test_quote_attribution_key_point_source_and_custom_styles(tmp_path):
    d = docx.Document()
    styles = d.styles
    from docx.enum.style import WD_STYLE_TYPE

    for name in ("Quote Attribution", "Key Point", "Source", "Marking", "Odd Custom"):
        styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    mine = styles.add_style("My Section", WD_STYLE_TYPE.PARAGRAPH)
    mine.base_style = styles["Heading 2"]
    d.add_paragraph("Briefing", style="Title")
    d.add_paragraph("TLP:AMBER", style="Marking")
    d.add_paragraph("Custom heading", style="My Section")
    d.add_paragraph("We will not bow.", style="Intense Quote")
    d.add_paragraph("Second paragraph of the quote.", style="Quote")
    d.add_paragraph("\u2014 Minister of the Interior", style="Quote Attribution")
    d.add_paragraph("Extraditions doubled.", style="Key Point")
    d.add_paragraph("Ports are busier.", style="Key Point")
    d.add_paragraph("Source: Reuters", style="Source")
    d.add_paragraph("Odd text", style="Odd Custom")
    d.add_paragraph("Plain normal text")
    d.save(tmp_path / "s.docx")
    doc, _ = read_docx(tmp_path / "s.docx")
    assert doc.meta.title == "Briefing" and doc.meta.marking == "TLP:AMBER"
    b = doc.blocks[1:]
    assert b[0] == Heading(2, (Text("Custom heading"),))
    assert b[1] == Quote((Paragraph((Text("We will not bow."),)), Paragraph((Text("Second paragraph of the quote."),))),
                         (Text("Minister of the Interior"),))
    assert b[2] == Div("Key Point", (Paragraph((Text("Extraditions doubled."),)), Paragraph((Text("Ports are busier."),))))
    assert b[3] == Paragraph((Text("Source: Reuters"),), style="Source")
    assert b[4] == Paragraph((Text("Odd text"),), style="Body Text")
    assert b[5] == Paragraph((Text("Plain normal text"),), style="Body Text")


def test_headings_by_outline_level_and_style_id(tmp_path):
    styles = ('<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="Überschrift 2"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Sect"><w:name w:val="Section"/>'
              '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>')
    body = (para("By id", "Heading2") + para("By style outline", "Sect")
            + '<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr>' + run("By paragraph outline") + "</w:p>")
    doc, _ = read_docx(raw_docx(tmp_path / "h.docx", body, styles=styles))
    assert doc.blocks == (Heading(2, (Text("By id"),)), Heading(1, (Text("By style outline"),)),
                          Heading(3, (Text("By paragraph outline"),)))


def test_inlines_links_fields_breaks_and_merged_runs(tmp_path):
    d = docx.Document()
    p = d.add_paragraph("")
    add_bookmark(p, "p3")
    for piece in ("Sei", "zures ", "rose"):  # one word split over runs, as Word does
        p.add_run(piece)
    p.add_run("\tnow")
    b1 = p.add_run("bold ")
    b1.bold = True
    b2 = p.add_run("still bold")
    b2.bold = True
    br = p.add_run("")
    br.add_break()
    p.add_run("after break; see ")
    add_hyperlink(p, "the report", url=URL)
    p.add_run(" and ")
    add_hyperlink(p, "paragraph 3", anchor="p3")
    q = d.add_paragraph("Page ")
    for kind, instr, shown in (("begin", None, None), (None, " PAGE ", None), ("separate", None, None),
                               (None, None, "7"), ("end", None, None)):
        r = q.add_run()
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r._r.append(fc)
        elif instr:
            it = OxmlElement("w:instrText")
            it.text = instr
            r._r.append(it)
        else:
            r.text = shown
    d.save(tmp_path / "i.docx")
    doc, _ = read_docx(tmp_path / "i.docx")
    first, second = doc.blocks
    assert first.anchor == "p3"
    assert first.children == (
        Text("Seizures rose now"), Strong((Text("bold still bold"),)), LineBreak(), Text("after break; see "),
        Link((Text("the report"),), URL), Text(" and "), Link((Text("paragraph 3"),), "#p3"))
    assert second.children == (Text("Page 7"),)  # the field's result, not " PAGE "


def test_tracked_changes_accepted_with_one_warning(tmp_path):
    ins = '<w:ins w:id="{i}" w:author="A" w:date="2024-01-01T00:00:00Z">' + run("{t}") + "</w:ins>"
    dele = '<w:del w:id="9" w:author="A"><w:r><w:delText>removed words</w:delText></w:r></w:del>'
    body = para("", inner=run("Kept ") + ins.format(i=1, t="added ") + dele + run("end.")) + \
        para("", inner=ins.format(i=2, t="Second insert") + ins.format(i=3, t=" and third"))
    doc, warnings = read_docx(raw_docx(tmp_path / "t.docx", body))
    assert texts(doc.blocks) == ["Kept added end.", "Second insert and third"]
    assert warnings == ["tracked changes were accepted (3 insertions, 1 deletion)"]


def test_content_that_cannot_be_kept_is_reported_once_per_kind(tmp_path):
    textbox = ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
               '<wp:docPr id="1" name="Text Box 1"/><a:graphic><a:graphicData '
               'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx>'
               '<w:txbxContent>' + para("Boxed aside text") + '</w:txbxContent></wps:txbx></wps:wsp>'
               '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape>'
               '<v:textbox><w:txbxContent>' + para("Boxed aside text") + '</w:txbxContent></v:textbox>'
               '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    chart = ('<w:r><w:drawing><wp:inline><wp:docPr id="2" name="Chart 1"/><a:graphic><a:graphicData '
             'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline></w:drawing></w:r>')
    body = (
        para("", inner='<w:commentRangeStart w:id="0"/>' + run("Commented text.") + '<w:commentRangeEnd w:id="0"/>'
             '<w:r><w:commentReference w:id="0"/></w:r>')
        + para("", inner=run("A claim.") + '<w:r><w:footnoteReference w:id="1"/></w:r>')
        + para("", inner=run("Before box.") + textbox)
        + para("", inner='<w:r><w:object><o:OLEObject ProgID="Excel.Sheet.12" r:id="rIdX"/></w:object></w:r>')
        + para("", inner=run("Chart below.") + chart)
    )
    doc, warnings = read_docx(raw_docx(tmp_path / "k.docx", body))
    assert texts(doc.blocks) == ["Commented text.", "A claim.", "Before box.", "Boxed aside text", "Chart below."]
    assert len(warnings) == 5, warnings
    joined = "\n".join(warnings)
    for word in ("1 comment was", "1 footnote was", "1 text box was moved", "1 embedded object (OLE) was",
                 "1 chart was"):
        assert word in joined


def test_pictures_page_breaks_and_toc_field(tmp_path):
    d = docx.Document()
    d.add_paragraph("Contents", style="TOC Heading")
    p = d.add_paragraph()
    for kind, instr in (("begin", None), (None, ' TOC \\o "1-2" \\h '), ("separate", None)):
        r = p.add_run()
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r._r.append(fc)
        else:
            it = OxmlElement("w:instrText")
            it.text = instr
            r._r.append(it)
    p.add_run("Old entry\t3")
    end = d.add_paragraph("Another old entry")
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), "end")
    end.add_run()._r.append(fc)
    d.add_heading("After the contents", 1)
    d.add_paragraph("Before").add_run().add_break(WD_BREAK.PAGE)
    d.add_picture(str(_png_file(tmp_path)), width=docx.shared.Cm(3))
    d.inline_shapes[0]._inline.docPr.set("descr", "Map of the routes")
    d.save(tmp_path / "p.docx")
    doc, warnings = read_docx(tmp_path / "p.docx")
    assert warnings == []
    assert doc.blocks[0] == TableOfContents(title="Contents", levels=2)
    assert doc.blocks[1] == Heading(1, (Text("After the contents"),))
    assert doc.blocks[2:4] == (Paragraph((Text("Before"),)), PageBreak())
    image = doc.blocks[4]
    assert isinstance(image, Image) and image.data == tiny_png() and image.alt == "Map of the routes"
    assert image.width_cm == pytest.approx(3.0, abs=0.01)


def _png_file(tmp_path: Path) -> Path:
    path = tmp_path / "img.png"
    path.write_bytes(tiny_png())
    return path


def test_writer_output_reads_back_to_the_same_model(tmp_path):
    from reporter.writers.docx import write

    meta = Meta(title="Andean briefing", subtitle="Week 16", date="2024-04-20", author="Desk", prepared_for="Director",
                marking="TLP:AMBER", created="2024-04-20T08:30:00Z")
    original = Document(
        meta,
        (
            title_block(meta, ["Reuters", "Agence Andina"]),
            Heading(1, (Text("Routes"),)),
            Paragraph((Text("Officials met in "), Strong((Text("Lima"),)), Text(" on "), Emph((Text("Tuesday"),)),
                       Text("; see "), Link((Text("report"),), URL), Text(".")), anchor="p3"),
            Quote((Paragraph((Text("We will not bow."),)),), (Text("Minister"),)),
            BulletList(((Paragraph((Text("one"),)),), (Paragraph((Text("two"),)), BulletList(((Paragraph((Text("deep"),)),),))))),
            OrderedList(((Paragraph((Text("a"),)),), (Paragraph((Text("b"),)),)), start=4),
            Div("Key Point", (Paragraph((Text("Extraditions doubled."),)),)),
            Table(((Text("Port"),), (Text("t"),)), (((Text("Callao"),), (Text("12"),)),), ("left", "right"), "By port."),
            Paragraph((Text("Back to "), Link((Text("p3"),), "#p3")), style="Source"),
        ),
    )
    write(original, tmp_path / "w.docx")
    doc, warnings = read_docx(tmp_path / "w.docx")
    assert warnings == []
    assert doc.meta == original.meta
    assert doc.blocks == original.blocks


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_any_text_reads_back_as_itself(tmp_path, text):
    from reporter.writers.docx import write

    hostile = f"<para>&amp; {text} </w:t>"
    write(Document(Meta(title="T"), (Paragraph((Text(hostile),)),)), tmp_path / "x.docx")
    doc, _ = read_docx(tmp_path / "x.docx")
    got = " ".join(texts(doc.blocks))
    assert " ".join(got.split()) == " ".join(hostile.replace("\ufffe", "").replace("\uffff", "").split())


def test_long_words_and_control_characters(tmp_path):
    word = "x" * 3000
    d = docx.Document()
    d.add_paragraph(f"{word} <b>not bold</b> & \u202eRTL \u4e2d\u6587")
    d.save(tmp_path / "l.docx")
    doc, _ = read_docx(tmp_path / "l.docx")
    assert doc.blocks == (Paragraph((Text(f"{word} <b>not bold</b> & \u202eRTL \u4e2d\u6587"),)),)


def test_reading_is_deterministic(tmp_path):
    path = word_document(tmp_path / "d.docx")
    assert read_docx(path) == read_docx(path)


# --------------------------------------------------------------------------- bad input


def _zip_bytes(members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _ole2(streams: list[str]) -> bytes:
    """Enough of a compound file for its magic and directory names to be recognised."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return header + b"".join(name.encode("utf-16-le").ljust(128, b"\x00") for name in streams)


def _bad_inputs(tmp_path: Path):
    good = word_document(tmp_path / "good.docx").read_bytes()
    bomb = _zip_bytes({"word/document.xml": b"<w:document/>", "word/padding.bin": b"\x00" * (60 * 1024 * 1024)})
    broken = zipfile.ZipFile(tmp_path / "good.docx")
    members = {n: broken.read(n) for n in broken.namelist()}
    broken.close()
    members["word/document.xml"] = members["word/document.xml"][:-40]
    crc = bytearray(good)
    start = good.find(b"word/document.xml") + len("word/document.xml")
    crc[start + 200:start + 220] = b"\x00" * 20  # damage the compressed data of document.xml
    return {
        "empty": (b"", "is empty"),
        "text": (b"Just some text, not a document\n", "is not a DOCX file (not a ZIP package)"),
        "truncated": (good[: len(good) // 2], "truncated"),
        "no document part": (_zip_bytes({"hello.txt": b"hi"}), "it has no word/document.xml"),
        "legacy doc": (_ole2(["Root Entry", "WordDocument", "1Table"]), "is a Word 97-2003 .doc file; save it as .docx"),
        "encrypted": (_ole2(["Root Entry", "EncryptionInfo", "EncryptedPackage"]), "is encrypted"),
        "zip bomb": (bomb, "zip bomb"),
        "malformed xml": (_zip_bytes(members), "word/document.xml is not well-formed XML"),
        "corrupt data": (bytes(crc), "is damaged"),
        "dtd": (_zip_bytes({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM '
                                                 b'"file:///etc/passwd">]><x>&e;</x>'}), "DTD"),
    }


@pytest.mark.parametrize("case", ["empty", "text", "truncated", "no document part", "legacy doc", "encrypted",
                                  "zip bomb", "malformed xml", "corrupt data", "dtd"])
def test_bad_input_is_one_clear_error(tmp_path, case):
    data, expected = _bad_inputs(tmp_path)[case]
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_docx(path)
    assert expected in info.value.message
    assert info.value.path == str(path)
    assert "\n" not in str(info.value)


# --------------------------------------------------------------------------- edited in Word, back to PDF


def _briefing() -> Document:
    return Document(
        Meta(title="Andean security briefing", date="2024-04-20", marking="TLP:AMBER"),
        (
            Heading(1, (Text("Routes shift south"),)),
            Paragraph((Text("Officials met in Lima on Tuesday."),)),
            Table(((Text("Port"),), (Text("Tonnes"),)), (((Text("Callao"),), (Text("12.5"),)),), ("left", "right")),
            Heading(1, (Text("Obsolete section"),)),
            Paragraph((Text("Stale paragraph about Arequipa."),)),
            BulletList(((Paragraph((Text("Stale bullet about Cusco"),)),),)),
            Heading(2, (Text("Stale subsection"),)),
            Heading(1, (Text("Outlook"),)),
            Paragraph((Text("Seizures will keep rising."),)),
        ),
    )


def _edit(path: Path) -> None:
    """What a reader of the briefing does in Word, done with python-docx."""
    d = docx.Document(str(path))
    body = d.element.body
    for p in d.paragraphs:
        if p.text.startswith("Officials met"):
            for r in p.runs[1:]:
                r._r.getparent().remove(r._r)
            p.runs[0].text = "Ministers met in Quito on Friday. "
            p.add_run("Bold claim").bold = True
            p.add_run(" and ")
            p.add_run("italic aside").italic = True
            p.add_run("; see ")
            add_hyperlink(p, "the annex", url="https://example.org/annex")
    doomed, deleting = [], False
    for el in body.iterchildren():
        if el.tag == qn("w:p"):
            name = docx.text.paragraph.Paragraph(el, d).style.name
            if name == "Heading 1":
                deleting = "Obsolete section" in "".join(el.itertext())
        if deleting:
            doomed.append(el)
    for el in doomed:
        body.remove(el)
    row = d.tables[0].add_row()
    row.cells[0].text, row.cells[1].text = "Paita", "3.0"
    d.add_paragraph("Nobody saw this coming.", style="Quote")
    d.add_paragraph("Harbour master", style="Quote Attribution")
    d.save(str(path))


def test_edited_docx_goes_back_to_pdf(tmp_path):
    from conftest import pdf_text
    from reporter.writers.docx import write as write_docx
    from reporter.writers.pdf import write as write_pdf

    path = tmp_path / "briefing.docx"
    write_docx(_briefing(), path)
    _edit(path)
    doc, warnings = read_docx(path)
    assert warnings == []
    edited = next(b for b in doc.blocks if isinstance(b, Paragraph) and "Quito" in plain_text(b.children))
    assert Strong((Text("Bold claim"),)) in edited.children and Emph((Text("italic aside"),)) in edited.children
    assert Link((Text("the annex"),), "https://example.org/annex") in edited.children
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert [[plain_text(c) for c in r] for r in table.rows] == [["Callao", "12.5"], ["Paita", "3.0"]]
    assert table.align == ("left", "right")
    assert doc.blocks[-1] == Quote((Paragraph((Text("Nobody saw this coming."),)),), (Text("Harbour master"),))
    write_pdf(doc, tmp_path / "briefing.pdf")
    text = " ".join(pdf_text(tmp_path / "briefing.pdf").split())
    for wanted in ("Andean security briefing", "Ministers met in Quito on Friday.", "Bold claim", "italic aside",
                   "the annex", "Paita", "Nobody saw this coming.", "Harbour master", "Outlook",
                   "Seizures will keep rising."):
        assert wanted in text
    for gone in ("Officials met", "Obsolete section", "Arequipa", "Cusco", "Stale subsection"):
        assert gone not in text


# --------------------------------------------------------------------------- other tools' DOCX


def _shape(blocks) -> list:
    """Block kinds and texts, without anchors (other tools rename bookmarks)."""
    out = []
    for b in walk(tuple(blocks)):
        if isinstance(b, (Paragraph, Heading)):
            out.append((type(b).__name__, getattr(b, "level", None), plain_text(b.children)))
        elif isinstance(b, Table):
            out.append(("Table", [plain_text(c) for c in b.header], [[plain_text(c) for c in r] for r in b.rows],
                        b.align, b.caption))
        else:
            out.append((type(b).__name__,))
    return out


def test_docx_saved_again_by_libreoffice_reads_the_same(tmp_path):
    import subprocess

    from conftest import require_tool
    from reporter.writers.docx import write

    soffice = require_tool("soffice")
    meta = Meta(title="Briefing", marking="TLP:AMBER")
    original = Document(meta, (title_block(meta),) + _briefing().blocks + (
        Quote((Paragraph((Text("We will not bow."),)),), (Text("Minister"),)),
        OrderedList(((Paragraph((Text("one"),)),), (Paragraph((Text("two"),)),)), start=3),
        Paragraph((Text("In "), Strong((Text("bold"),)), Text(" and "), Emph((Text("italic"),)), Text(".")))))
    write(original, tmp_path / "in.docx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to",
                    "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "lo-out"), str(tmp_path / "in.docx")],
                   check=True, capture_output=True, timeout=180)
    doc, warnings = read_docx(tmp_path / "lo-out" / "in.docx")
    assert warnings == []
    assert doc.meta.title == "Briefing" and doc.meta.marking == "TLP:AMBER"
    assert _shape(doc.blocks) == _shape(original.blocks)
    assert doc.blocks[-2] == original.blocks[-2]  # one list, counting on from 3
    assert doc.blocks[-1] == original.blocks[-1]


def test_pandoc_docx_reads_into_blocks(tmp_path):
    import subprocess

    from conftest import require_tool

    pandoc = require_tool("pandoc")
    (tmp_path / "in.md").write_text(
        "# Routes\n\nSeizures **rose** in *Callao*; see [the report](https://example.org/r).\n\n"
        "> We will not bow.\n\n- first\n- second\n\n1. step one\n2. step two\n\n"
        "| Port | Tonnes |\n|:-----|-------:|\n| Callao | 12.5 |\n\n: Seizures by port\n", encoding="utf-8")
    subprocess.run([pandoc, str(tmp_path / "in.md"), "-o", str(tmp_path / "out.docx")], check=True, timeout=60)
    doc, warnings = read_docx(tmp_path / "out.docx")
    assert warnings == []
    b = doc.blocks
    assert b[0] == Heading(1, (Text("Routes"),), b[0].anchor)
    assert b[1].children == (Text("Seizures "), Strong((Text("rose"),)), Text(" in "), Emph((Text("Callao"),)),
                             Text("; see "), Link((Text("the report"),), "https://example.org/r"), Text("."))
    assert isinstance(b[2], Quote) and texts(b[2:3]) == ["We will not bow."]
    assert isinstance(b[3], BulletList) and texts(b[3:4]) == ["first", "second"]
    assert isinstance(b[4], OrderedList) and texts(b[4:5]) == ["step one", "step two"]
    table = next(x for x in b if isinstance(x, Table))
    assert [plain_text(c) for c in table.header] == ["Port", "Tonnes"]
    assert [[plain_text(c) for c in r] for r in table.rows] == [["Callao", "12.5"]]
    assert table.align == ("left", "right")
    assert table.caption == "Seizures by port"
