"""The DOCX writer, read back with python-docx, LibreOffice, pdftotext and pandoc."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, pdf_text, require_tool, tiny_png
from reporter.compose.build import title_block
from reporter.errors import InputError
from reporter.model import (
    BulletList, Div, Document, Emph, Heading, Image, LineBreak, Link, Meta, OrderedList, PageBreak,
    Paragraph, Quote, Strong, Table, TableOfContents, Text,
)
from reporter.style import STYLE_NAMES, load_house_style
from reporter.writers.docx import write
from reporter.writers.docx_reference import build_reference

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

COUNTRIES = ("Peru", "Colombia", "Bolivia", "Ecuador")
QUOTE_TEXT = "We will not let the cartels decide our future."
SPEAKER = "Minister of the Interior"
URL = "https://example.org/report?id=7&lang=en"


def briefing() -> Document:
    rows = tuple(((Text(c),), (Text(f"{(i + 1) * 12.5:.1f}"),), (Text(f"{i - 1:+d}%"),)) for i, c in enumerate(COUNTRIES))
    blocks = (
        TableOfContents(),
        Heading(1, (Text("Cocaine routes shift south"),), anchor="sec-routes"),
        Paragraph((Text("Seizures rose; see "), Link((Text("the report"),), URL), Text(" and "),
                   Link((Text("paragraph 3"),), "#p3"), Text(".")), style="First Paragraph"),
        Heading(2, (Text("Regional cooperation"),)),
        Paragraph((Text("Officials met in "), Strong((Text("Lima"),)), Text(" on "), Emph((Text("Tuesday"),)), Text(".")),
                  anchor="p3"),
        Quote((Paragraph((Text(QUOTE_TEXT),)),), (Text(SPEAKER),)),
        BulletList(((Paragraph((Text("Bullet one"),)),),
                    (Paragraph((Text("Bullet two"),)), BulletList(((Paragraph((Text("Nested bullet"),)),),))))),
        OrderedList(((Paragraph((Text("Step one"),)),), (Paragraph((Text("Step two"),)),)), start=3),
        Div("Key Point", (Paragraph((Text("Extraditions doubled."),)),)),
        Table(header=((Text("Country"),), (Text("Seizures (t)"),), (Text("Change"),)), rows=rows,
              align=("left", "right", "right"), caption="Seizures by country"),
        PageBreak(),
        Heading(1, (Text("Outlook"),)),
        Paragraph((Text("Line one"), LineBreak(), Text("line two")),),
        Image(tiny_png(), alt="Map of the routes", width_cm=4.0),
    )
    meta = Meta(title="Andean security briefing", subtitle="Week 16", date="2024-04-20", author="Analysis Desk",
                prepared_for="The Director", marking="TLP:AMBER", subject="Organised crime",
                keywords=("peru", "cocaine"), lang="en-GB", created="2024-04-20T08:30:00Z")
    return Document(meta, (title_block(meta), *blocks))


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "briefing.docx"
    write(briefing(), path)
    return path


def paragraphs_by_text(d) -> dict[str, object]:
    return {p.text: p for p in d.paragraphs}


# ---------------------------------------------------------------- reference doc


def test_reference_document_is_reproducible_and_committed_copy_is_current():
    hs = load_house_style()
    first, second = build_reference(hs), build_reference(hs)
    assert first == second
    committed = ROOT / "templates" / "reference.docx"
    assert committed.read_bytes() == first, "run scripts/make_reference_docx.py after changing the house style"


def test_reference_document_carries_the_house_style(tmp_path):
    hs = load_house_style()
    path = tmp_path / "ref.docx"
    path.write_bytes(build_reference(hs, "en-GB"))
    d = docx.Document(str(path))
    names = {s.name for s in d.styles}
    assert set(STYLE_NAMES) <= names
    assert {"Hyperlink", "Briefing Table"} <= names
    for level in (1, 2, 3):
        ppr = d.styles[f"Heading {level}"].element.find(f"{W}pPr")
        assert ppr.find(f"{W}outlineLvl").get(f"{W}val") == str(level - 1)
        assert d.styles[f"Heading {level}"].paragraph_format.keep_with_next in (True, None)
    h1 = d.styles["Heading 1"]
    assert h1.font.size.pt == hs.styles["Heading 1"].size
    assert str(h1.font.color.rgb) == hs.styles["Heading 1"].color
    assert h1.paragraph_format.keep_with_next is True
    assert d.styles["Quote"].font.name == hs.fonts[hs.styles["Quote"].font].name
    assert d.styles["Normal"].font.name == hs.fonts["sans"].name
    assert d.styles["Quote"].font.italic is True
    assert d.styles["Quote"].paragraph_format.left_indent.cm == pytest.approx(hs.styles["Quote"].left_indent, abs=0.01)
    assert d.styles["Heading 1"].paragraph_format.space_before.pt == hs.styles["Heading 1"].space_before
    section = d.sections[0]
    assert section.page_width.cm == pytest.approx(hs.page.size_cm[0], abs=0.01)
    assert section.left_margin.cm == pytest.approx(hs.page.margin_left, abs=0.01)
    lang = d.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"
    table_style = d.styles["Briefing Table"].element
    first_row = [e for e in table_style.iter(f"{W}tblStylePr") if e.get(f"{W}type") == "firstRow"][0]
    assert first_row.find(f"{W}tcPr/{W}shd").get(f"{W}fill") == hs.color("accent")
    assert any(e.get(f"{W}type") == "band1Horz" for e in table_style.iter(f"{W}tblStylePr"))
    numbering = d.part.numbering_part.element
    assert len(numbering.findall(f"{W}abstractNum")) == 2
    assert d.settings.element.find(f"{W}compat/{W}doNotExpandShiftReturn") is not None


# ------------------------------------------------------------------ structure


def test_title_block_headings_and_styles(written):
    d = docx.Document(str(written))
    by_text = paragraphs_by_text(d)
    meta = briefing().meta
    assert by_text[meta.title].style.name == "Title"
    assert by_text[meta.subtitle].style.name == "Subtitle"
    assert by_text[meta.marking].style.name == "Marking"
    date_line = [p for p in d.paragraphs if "2024" in p.text and meta.author in p.text]
    assert date_line and meta.prepared_for in date_line[0].text
    assert by_text["Cocaine routes shift south"].style.name == "Heading 1"
    assert by_text["Regional cooperation"].style.name == "Heading 2"
    assert by_text["Outlook"].style.name == "Heading 1"
    assert by_text[QUOTE_TEXT].style.name == "Quote"
    assert by_text[SPEAKER].style.name == "Quote Attribution"
    assert by_text["Extraditions doubled."].style.name == "Key Point"
    assert by_text["Seizures by country"].style.name == "Caption"
    assert by_text["Line one\nline two"].style.name == "Body Text"
    first = [p for p in d.paragraphs if p.text.startswith("Seizures rose")][0]
    assert first.style.name == "First Paragraph"
    lima = [p for p in d.paragraphs if "Lima" in p.text][0]
    assert [r.text for r in lima.runs if r.bold] == ["Lima"]
    assert [r.text for r in lima.runs if r.italic] == ["Tuesday"]


def test_runs_carry_no_direct_formatting_beyond_bold_italic_and_link_style(written):
    with zipfile.ZipFile(written) as zf:
        from lxml import etree

        root = etree.fromstring(zf.read("word/document.xml"))
    allowed = {f"{W}b", f"{W}i", f"{W}rStyle"}
    for rpr in root.iter(f"{W}rPr"):
        if rpr.getparent().tag == f"{W}r":
            assert {c.tag for c in rpr} <= allowed


def test_lists_have_real_numbering_and_levels(written):
    d = docx.Document(str(written))
    by_text = paragraphs_by_text(d)

    def num(p):
        pr = p._p.pPr.numPr
        return int(pr.ilvl.val), int(pr.numId.val)

    assert by_text["Bullet one"].style.name == "List Bullet"
    assert by_text["Step one"].style.name == "List Number"
    assert num(by_text["Bullet one"])[0] == 0 and num(by_text["Nested bullet"])[0] == 1
    assert num(by_text["Bullet one"])[1] == num(by_text["Bullet two"])[1]
    step_num = num(by_text["Step one"])[1]
    numbering = d.part.numbering_part.element
    nums = {int(n.get(f"{W}numId")): n for n in numbering.findall(f"{W}num")}
    override = nums[step_num].find(f"{W}lvlOverride/{W}startOverride")
    assert override.get(f"{W}val") == "3"


def test_table_cells_header_row_widths_and_alignment(written):
    d = docx.Document(str(written))
    hs = load_house_style()
    table = d.tables[0]
    assert table.style.name == "Briefing Table"
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == ["Country", "Seizures (t)", "Change"]
    assert [r[0] for r in cells[1:]] == list(COUNTRIES)
    assert cells[2][1] == "25.0"
    rows = table._tbl.tr_lst
    assert rows[0].trPr.find(f"{W}tblHeader") is not None
    assert all(r.trPr.find(f"{W}cantSplit") is not None for r in rows)
    assert all(r.trPr.find(f"{W}tblHeader") is None for r in rows[1:])
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Table Heading"
    assert table.rows[1].cells[0].paragraphs[0].style.name == "Table Text"
    assert table.rows[1].cells[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[1].cells[0].paragraphs[0].alignment is None
    widths = [int(g.get(f"{W}w")) for g in table._tbl.tblGrid.findall(f"{W}gridCol")]
    section = d.sections[0]
    assert sum(widths) == section.page_width.twips - section.left_margin.twips - section.right_margin.twips
    assert section.page_width.cm == pytest.approx(hs.page.size_cm[0], abs=0.01)
    assert widths[1] > widths[2]  # "Seizures (t)" is longer than every "Change" cell
    # caption follows the table
    assert table._tbl.getnext().xpath("string(.)") == "Seizures by country"


def test_external_and_internal_links(written):
    d = docx.Document(str(written))
    body = d.element.body
    external = [h for h in body.iter(f"{W}hyperlink") if h.get(R_ID)]
    assert len(external) == 1
    rel = d.part.rels[external[0].get(R_ID)]
    assert rel.reltype == RT.HYPERLINK and rel.is_external and rel.target_ref == URL
    assert external[0].find(f"{W}r/{W}rPr/{W}rStyle").get(f"{W}val") == d.styles["Hyperlink"].style_id
    internal = [h for h in body.iter(f"{W}hyperlink") if h.get(f"{W}anchor") and h.xpath("string(.)") == "paragraph 3"]
    assert len(internal) == 1
    target = internal[0].get(f"{W}anchor")
    marks = {b.get(f"{W}name"): b for b in body.iter(f"{W}bookmarkStart")}
    assert target in marks
    assert "Officials met in" in marks[target].getparent().xpath("string(.)")
    for name in marks:
        assert len(name) <= 40 and name[0].isalpha()
    ends = {e.get(f"{W}id") for e in body.iter(f"{W}bookmarkEnd")}
    assert {b.get(f"{W}id") for b in marks.values()} == ends


def test_toc_field_and_update_on_open(written):
    d = docx.Document(str(written))
    body = d.element.body
    instr = " ".join(t.text for t in body.iter(f"{W}instrText"))
    assert 'TOC \\o "1-2" \\h \\z \\u' in instr
    contents = [p for p in d.paragraphs if p.text == "Contents"]
    assert contents and contents[0].style.name == "TOC Heading"
    toc_entries = [p.text.strip().split("\t") for p in d.paragraphs if p.style.name.startswith("toc ")]
    assert [t for t, _ in toc_entries] == ["Cocaine routes shift south", "Regional cooperation", "Outlook"]
    # each entry's cached page number is the PDF layout's, there before any field update
    from reporter.writers.pdf import layout

    assert [int(n) for _, n in toc_entries] == list(layout(briefing())[1].pages) == [1, 1, 2]
    assert d.settings.element.find(f"{W}updateFields").get(f"{W}val") == "true"
    kinds = [c.get(f"{W}fldCharType") for c in body.iter(f"{W}fldChar")]
    assert kinds.count("begin") == kinds.count("end") and kinds.count("begin") >= 1


def test_header_footer_core_properties_and_language(written):
    d = docx.Document(str(written))
    meta = briefing().meta
    section = d.sections[0]
    header = " ".join(p.text for p in section.header.paragraphs)
    assert meta.marking in header and meta.title in header
    footer_el = section.footer._element
    instr = " ".join(t.text.strip() for t in footer_el.iter(f"{W}instrText"))
    assert instr.split() == ["PAGE", "NUMPAGES"]
    assert "Page" in footer_el.xpath("string(.)") and meta.marking in footer_el.xpath("string(.)")
    assert section.header.paragraphs[0].style.name == "Header"
    cp = d.core_properties
    assert cp.title == meta.title
    assert cp.author == meta.author
    assert cp.subject == meta.subject
    assert "peru" in cp.keywords and "cocaine" in cp.keywords
    assert cp.language == meta.lang
    assert cp.created.isoformat().startswith("2024-04-20T08:30:00")
    assert cp.modified == cp.created
    lang = d.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == meta.lang
    assert d.settings.element.find(f"{W}themeFontLang").get(f"{W}val") == meta.lang


def test_image_is_inline_with_alt_text_and_page_break(written):
    d = docx.Document(str(written))
    body = d.element.body
    doc_pr = list(body.iter("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"))
    assert [e.get("descr") for e in doc_pr] == ["Map of the routes"]
    assert d.inline_shapes[0].width.cm == pytest.approx(4.0, abs=0.01)
    assert [b for b in body.iter(f"{W}br") if b.get(f"{W}type") == "page"]


def test_two_writes_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1713600000")
    doc = briefing()
    write(doc, tmp_path / "a.docx")
    write(doc, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_created_falls_back_to_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1713600000")  # 2024-04-20T08:00:00Z
    write(Document(Meta(title="No timestamp"), (Paragraph((Text("x"),)),)), tmp_path / "a.docx")
    assert docx.Document(str(tmp_path / "a.docx")).core_properties.created.isoformat().startswith("2024-04-20T08:00")


# ------------------------------------------------------- a user's reference doc


def test_user_reference_keeps_page_setup_and_header_and_gains_missing_styles(tmp_path):
    user = docx.Document()  # python-docx's own template: Letter, no "Key Point", "Marking", ...
    user.add_paragraph("Sample content that must not survive")
    section = user.sections[0]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "ACME Corp {marking}"
    ref = tmp_path / "corporate.docx"
    user.save(str(ref))
    out = tmp_path / "out.docx"
    write(briefing(), out, reference_doc=ref)
    d = docx.Document(str(out))
    assert "Sample content that must not survive" not in [p.text for p in d.paragraphs]
    assert d.sections[0].page_width.inches == pytest.approx(8.5, abs=0.01)
    assert d.sections[0].header.paragraphs[0].text == "ACME Corp TLP:AMBER"
    names = {s.name for s in d.styles}
    assert {"Key Point", "Marking", "Table Text", "Table Heading", "Quote Attribution", "Briefing Table"} <= names
    assert paragraphs_by_text(d)["Extraditions doubled."].style.name == "Key Point"
    table_width = sum(int(g.get(f"{W}w")) for g in d.tables[0]._tbl.tblGrid.findall(f"{W}gridCol"))
    assert table_width == round(8.5 * 1440) - 2 * round(1.25 * 1440)  # Letter minus python-docx's margins
    ids = [s.style_id for s in d.styles]
    assert len(ids) == len(set(ids))


def test_reference_without_page_setup_gets_the_house_page_and_furniture(tmp_path):
    """Word writes a w:sectPr in every document, other tools need not: the house page goes in."""
    from reporter.style import load_house_style

    user = docx.Document()
    body = user.element.body
    for sect in body.findall(f"{W}sectPr"):
        body.remove(sect)
    ref = tmp_path / "bare.docx"
    user.save(str(ref))
    write(briefing(), tmp_path / "out.docx", reference_doc=ref)
    d = docx.Document(str(tmp_path / "out.docx"))
    page = load_house_style().page
    assert d.sections[0].page_width.cm == pytest.approx(page.size_cm[0], abs=0.01)
    assert d.sections[0].left_margin.cm == pytest.approx(page.margin_left, abs=0.01)
    assert "Page" in d.sections[0].footer.paragraphs[0].text
    assert d.sections[0].header.paragraphs[0].text.startswith("TLP:AMBER")


def test_unusable_reference_is_a_clear_input_error(tmp_path):
    bad = tmp_path / "not-a-docx.docx"
    bad.write_text("hello")
    with pytest.raises(InputError, match="not-a-docx.docx: is not a DOCX file"):
        write(briefing(), tmp_path / "out.docx", reference_doc=bad)
    with pytest.raises(InputError, match="no such file"):
        write(briefing(), tmp_path / "out.docx", reference_doc=tmp_path / "missing.docx")
    assert not (tmp_path / "out.docx").exists()


# ----------------------------------------------------------------- text safety


HOSTILE = ("<para>x</para> & </w:t><w:r>inject &amp; \x00\x01\x0b\x1f\ufffe end",
           "W" * 3000, "Ünïcödé 中文 العربية 🎉 \u200b\u202e reversed", "tab\there\r\nnewline")


def test_hostile_text_is_kept_as_text(tmp_path):
    blocks = tuple(Paragraph((Text(t),)) for t in HOSTILE) + (
        Heading(1, (Text(HOSTILE[0]),), anchor="<bad anchor & 123>"),
        Paragraph((Link((Text("to heading"),), "#<bad anchor & 123>"),)),
        Table(header=((Text(HOSTILE[0]),),), rows=(((Text(HOSTILE[1]),),),)),
        Quote((Paragraph((Text(HOSTILE[2]),)),), (Text("<b>"),)),
        Paragraph((Link((Text("js"),), "javascript:alert(1)"),)),
    )
    meta = Meta(title="<Title> & \x07co", marking="<TLP>", author="A & B", lang="not a language!")
    path = tmp_path / "hostile.docx"
    write(Document(meta, (title_block(meta), *blocks)), path)
    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs]
    assert "<para>x</para> & </w:t><w:r>inject &amp;  end" in texts
    assert "W" * 3000 in texts
    assert HOSTILE[2] in texts
    assert "tab\there\nnewline" in texts
    assert d.tables[0].rows[1].cells[0].text == "W" * 3000
    assert "<Title> & co" in texts and d.core_properties.title == "<Title> & co"
    assert "js" in texts and not [h for h in d.element.body.iter(f"{W}hyperlink") if h.xpath("string(.)") == "js"]
    marks = [b.get(f"{W}name") for b in d.element.body.iter(f"{W}bookmarkStart")]
    link = [h for h in d.element.body.iter(f"{W}hyperlink") if h.xpath("string(.)") == "to heading"][0]
    assert link.get(f"{W}anchor") in marks
    assert all(len(m) <= 40 and m[0].isalpha() for m in marks)
    lang = d.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "en-GB"  # an invalid language tag falls back


_XML_FORBIDDEN = {chr(c) for c in range(0x20) if c not in (9, 10, 13)} | {"\ufffe", "\uffff"}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1, max_size=200))
def test_any_text_survives_a_round_trip(tmp_path, text):
    path = tmp_path / "prop.docx"
    write(Document(Meta(title="t"), (Paragraph((Text(text),)), Heading(1, (Text(text),)))), path)
    d = docx.Document(str(path))
    expected = "".join(ch for ch in text.replace("\r\n", "\n").replace("\r", "\n") if ch not in _XML_FORBIDDEN)
    expected = "".join(ch for ch in expected if not 0xD800 <= ord(ch) <= 0xDFFF)
    assert [p.text for p in d.paragraphs if p.style.name == "Body Text"] == [expected]
    assert [p.text for p in d.paragraphs if p.style.name == "Heading 1"] == [expected]


# ------------------------------------------------------------ external readers


@pytest.fixture(scope="module")
def libreoffice_pdf(written, tmp_path_factory) -> Path:
    soffice = require_tool("soffice")
    out = tmp_path_factory.mktemp("lo")
    profile = out / "profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out), str(written)], capture_output=True, text=True, timeout=180)
    pdf = out / "briefing.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    return pdf


def test_libreoffice_renders_headings_table_and_quote(libreoffice_pdf):
    text = pdf_text(libreoffice_pdf)
    for expected in ("Andean security briefing", "Cocaine routes shift south", "Regional cooperation",
                     "Bolivia", "Seizures (t)", QUOTE_TEXT, SPEAKER, "TLP:AMBER", "Page 1 of 2"):
        assert expected in text
    assert text.count("\f") >= 2  # the page break gives a second page


def test_pandoc_reads_headings_quote_and_table(written):
    pandoc = require_tool("pandoc")
    md = subprocess.run([pandoc, "-f", "docx", "-t", "markdown", str(written)],
                        capture_output=True, text=True, check=True, timeout=60).stdout
    lines = md.splitlines()
    assert any(line.startswith("# ") and "Cocaine routes shift south" in line for line in lines)
    assert any(line.startswith("## ") and "Regional cooperation" in line for line in lines)
    assert any(line.startswith(">") and "cartels decide" in line for line in lines)
    table_lines = [line for line in lines if "Colombia" in line]
    assert table_lines and ("|" in table_lines[0] or "  " in table_lines[0].strip())
    assert any("Seizures (t)" in line for line in lines)
    assert URL in md
