"""One look across the attachments: TLP 2.0 markings in their colours, a reference document's
page and fonts in the PDF too, and a house style given as a TOML file.

Colours are read back from the files: the DOCX's character styles (python-docx and the style
XML), and the PDF's content stream (the fill colour in force where pdftotext finds the label,
and the black box under it).
"""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream

from conftest import require_tool
from reporter.compose.build import title_block
from reporter.marking import TLP_LOOKS
from reporter.model import Document, Meta, Paragraph, Text
from reporter.writers import docx as docx_writer
from reporter.writers import pdf as pdf_writer

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def rgb(hex6: str) -> tuple[float, float, float]:
    return tuple(int(hex6[i:i + 2], 16) / 255 for i in (0, 2, 4))


def briefing_doc(marking: str) -> Document:
    meta = Meta(title="Copper output rises", subtitle="Executive briefing", date="2025-03-04", marking=marking)
    body = tuple(Paragraph((Text(f"Paragraph {n} of the briefing body."),)) for n in range(3))
    return Document(meta, (title_block(meta), *body))


def text_fills(pdf_path, page: int = 0) -> tuple[list, list]:
    """(shows, boxes) of a page: each text-showing operator with where it starts and the fill
    colour in force, and each filled rectangle with its fill colour (all in page space)."""
    reader = PdfReader(str(pdf_path))
    pg = reader.pages[page]
    ops = ContentStream(pg.get_contents(), reader).operations
    fill, origin, shift = (0.0, 0.0, 0.0), (0.0, 0.0), (0.0, 0.0)
    stack: list = []
    shows, boxes = [], []
    for operands, op in ops:
        if op == b"q":
            stack.append((fill, shift))
        elif op == b"Q" and stack:
            fill, shift = stack.pop()
        elif op == b"cm":
            shift = (shift[0] + float(operands[4]), shift[1] + float(operands[5]))
        elif op == b"rg":
            fill = tuple(float(v) for v in operands)
        elif op == b"g":
            fill = (float(operands[0]),) * 3
        elif op == b"Tm":
            origin = (float(operands[4]) + shift[0], float(operands[5]) + shift[1])
        elif op == b"Td":
            origin = (origin[0] + float(operands[0]), origin[1] + float(operands[1]))
        elif op in (b"Tj", b"TJ"):
            shows.append((origin, fill))
        elif op == b"re":
            x, y, w, h = (float(v) for v in operands)
            boxes.append([x + shift[0], y + shift[1], w, h, fill])
    return shows, boxes


def words_at(pdf_path, word: str, page: int = 1) -> list[tuple[float, float, float, float]]:
    """(x0, y0, x1, y1) in PDF space (origin bottom left) of each ``word`` pdftotext finds."""
    exe = require_tool("pdftotext")
    html = subprocess.run([exe, "-bbox", "-f", str(page), "-l", str(page), str(pdf_path), "-"],
                          capture_output=True, text=True, check=True).stdout
    from lxml import etree

    root = etree.fromstring(html.encode(), etree.HTMLParser())
    height = float(root.find(".//page").get("height"))
    return [(float(el.get("xmin")), height - float(el.get("ymax")), float(el.get("xmax")), height - float(el.get("ymin")))
            for el in root.iter("word") if el.text == word]


def marking_colours(pdf_path, word: str) -> list[tuple[tuple, tuple | None]]:
    """For each place ``word`` is on page 1: (its text fill, the fill of a box under it or None)."""
    shows, boxes = text_fills(pdf_path)
    out = []
    for x0, y0, x1, y1 in words_at(pdf_path, word):
        (_, fill) = min(shows, key=lambda s: abs(s[0][0] - x0) + abs(s[0][1] - y0) * 2)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        under = [b[4] for b in boxes if b[0] <= cx <= b[0] + b[2] and min(b[1], b[1] + b[3]) <= cy
                 <= max(b[1], b[1] + b[3]) and b[2] < 200]
        out.append((fill, under[-1] if under else None))
    return out


@pytest.mark.parametrize("label", list(TLP_LOOKS))
def test_tlp_label_in_its_colour_on_black_in_header_title_block_and_footer_of_the_pdf(tmp_path, label):
    path = tmp_path / "b.pdf"
    pdf_writer.write(briefing_doc(label), path)
    found = marking_colours(path, label)
    assert len(found) == 3  # header, title block, footer
    want = rgb(TLP_LOOKS[label].text)
    for fill, under in found:
        assert fill == pytest.approx(want, abs=0.002)
        assert under == pytest.approx((0, 0, 0))


def test_other_marking_in_the_house_colour_without_a_box_in_the_pdf(tmp_path):
    from reporter.style import load_house_style

    path = tmp_path / "b.pdf"
    pdf_writer.write(briefing_doc("OFFICIAL-SENSITIVE"), path)
    found = marking_colours(path, "OFFICIAL-SENSITIVE")
    house = rgb(load_house_style().color("marking"))
    assert len(found) == 3
    assert all(fill == pytest.approx(house, abs=0.002) and under is None for fill, under in found)


def _marking_runs(document):
    """Every run carrying the marking: the title block's, the header's and the footer's."""
    section = document.sections[0]
    paras = [p for p in document.paragraphs if p.style.name == "Marking"]
    paras += section.header.paragraphs[:1] + section.footer.paragraphs[:1]
    return [p.runs[0] for p in paras]


@pytest.mark.parametrize("label", ["TLP:RED", "TLP:AMBER+STRICT", "TLP:CLEAR"])
def test_tlp_label_by_character_style_in_header_title_block_and_footer_of_the_docx(tmp_path, label):
    import docx

    path = tmp_path / "b.docx"
    docx_writer.write(briefing_doc(label), path)
    document = docx.Document(str(path))
    runs = _marking_runs(document)
    assert [r.text for r in runs] == [label] * 3
    look = TLP_LOOKS[label]
    for run in runs:
        assert run.style.name == look.style
        rpr = run._r.rPr
        assert [child.tag for child in rpr] == [W + "rStyle"]  # by name: no direct formatting
    style = document.styles[look.style]
    assert str(style.font.color.rgb) == look.text
    assert style.element.rPr.find(W + "shd").get(W + "fill") == "000000"


def test_other_marking_in_the_house_style_in_the_docx(tmp_path):
    import docx

    from reporter.style import load_house_style

    path = tmp_path / "b.docx"
    docx_writer.write(briefing_doc("CONFIDENTIAL"), path)
    document = docx.Document(str(path))
    runs = _marking_runs(document)
    assert [r.text for r in runs] == ["CONFIDENTIAL"] * 3
    assert {r.style.name for r in runs} == {"Marking Text"}
    style = document.styles["Marking Text"]
    assert str(style.font.color.rgb) == load_house_style().color("marking")
    assert style.element.rPr.find(W + "shd") is None



# -- one look: a reference document's page and fonts in the PDF too; --style files -------------

def make_reference(path, heading_font: str | None = "DejaVu Serif", color: str = "8B0000", letter: bool = True,
                   base=None):
    """A reference document as a user's Word would save it (python-docx's template: theme fonts
    Cambria for body text and Calibri for headings; or ``base``), on Letter paper with its
    headings in another font and colour."""
    import docx
    from docx.shared import Inches, RGBColor

    d = docx.Document(str(base) if base else None)
    if letter:
        sec = d.sections[0]
        sec.page_width, sec.page_height = Inches(8.5), Inches(11)
        sec.left_margin = sec.right_margin = Inches(1)
    for name in ("Heading 1", "Heading 2", "Title"):
        st = d.styles[name]
        if heading_font:
            st.font.name = heading_font
            fonts = st.element.rPr.find(W + "rFonts")
            for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
                fonts.attrib.pop(W + attr, None)  # a theme font would win over the name
        st.font.color.rgb = RGBColor.from_string(color)
    for rel in list(d.part.rels.values()):  # Word 2010's copy of the styles, which Word 2013 on never writes
        if rel.reltype.endswith("/stylesWithEffects"):
            d.part.drop_rel(rel.rId)
    d.save(str(path))
    return path


def pdffonts(path) -> str:
    exe = require_tool("pdffonts")
    return subprocess.run([exe, str(path)], capture_output=True, text=True, check=True).stdout


def heading_fill(pdf_path, word: str = "Executive"):
    """The fill colour of the tallest ``word`` on page 1 (the "Executive summary" heading)."""
    shows, _ = text_fills(pdf_path)
    x0, y0, x1, y1 = max(words_at(pdf_path, word), key=lambda b: b[3] - b[1])
    return min(shows, key=lambda s: abs(s[0][0] - x0) + abs(s[0][1] - y0) * 2)[1]


def build(tmp_path, monkeypatch, **kw):
    from conftest import SAMPLE
    from reporter.pipeline import make_and_write

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1713571200")
    out = tmp_path / "out"
    briefing, files = make_and_write([SAMPLE], out_dir=out, **kw)
    return briefing, files


def test_a_letter_reference_with_another_heading_font_gives_a_letter_pdf_in_that_font(tmp_path, monkeypatch):
    import docx

    ref = make_reference(tmp_path / "corporate.docx")
    briefing, files = build(tmp_path, monkeypatch, reference_doc=ref)
    reader = PdfReader(str(files["pdf"]))
    assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages} == {(612.0, 792.0)}
    fonts = pdffonts(files["pdf"])
    assert "DejaVuSerif-Bold" in fonts  # the headings'
    assert "Caladea" in fonts  # body text: the theme's Cambria, by its metric-compatible twin
    assert heading_fill(files["pdf"]) == pytest.approx(rgb("8B0000"), abs=0.002)
    document = docx.Document(str(files["docx"]))
    section = document.sections[0]
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    assert document.styles["Heading 1"].font.name == "DejaVu Serif"
    assert str(document.styles["Heading 1"].font.color.rgb) == "8B0000"
    assert not [w for w in briefing.warnings if "was not found" in w]


def test_the_reference_margins_go_into_the_pdf(tmp_path, monkeypatch):
    ref = make_reference(tmp_path / "corporate.docx")  # one-inch side margins
    _, files = build(tmp_path, monkeypatch, reference_doc=ref, formats=("pdf",))
    lefts = [b[0] for b in words_at(files["pdf"], "Executive")]
    assert min(lefts) == pytest.approx(72.0, abs=1.0)


def test_a_reference_font_with_no_file_is_one_warning_naming_the_fallback(tmp_path):
    from conftest import SAMPLE, run_reporter

    ref = make_reference(tmp_path / "corporate.docx", heading_font="Nonesuch Grotesk Display")
    out = tmp_path / "out"
    proc = run_reporter("build", str(SAMPLE), "--reference-doc", str(ref), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if "Nonesuch" in line]
    assert len(lines) == 1
    m = re.fullmatch(rf"reporter: warning: {re.escape(str(ref))}: reference document: font 'Nonesuch Grotesk "
                     r"Display' was not found on this machine; the PDF uses (\S+) instead", lines[0])
    assert m, lines[0]
    fonts = pdffonts(next(out.glob("*.pdf")))
    # what the headings fall back to: the reference's body font (its theme's Cambria, as Caladea)
    assert "Nonesuch" not in fonts and m.group(1) == "Caladea" and "Caladea-Bold" in fonts


def test_theme_fonts_and_doc_defaults_count():
    from lxml import etree

    from reporter.writers.reference_doc import read_look

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = etree.fromstring(f"""<w:styles {ns}>
      <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/><w:sz w:val="22"/>
      </w:rPr></w:rPrDefault></w:docDefaults>
      <w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>
        <w:rPr><w:rFonts w:ascii="+mj-lt"/><w:b/><w:color w:val="112233"/><w:sz w:val="32"/></w:rPr></w:style>
      <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:basedOn w:val="H1"/>
        <w:rPr><w:i/><w:sz w:val="26"/></w:rPr></w:style>
    </w:styles>""")
    theme = etree.fromstring("""<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">
      <a:themeElements><a:fontScheme><a:majorFont><a:latin typeface="Caladea"/></a:majorFont>
      <a:minorFont><a:latin typeface="Carlito"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>""")
    looks = dict(read_look(styles, theme, None).styles)
    assert (looks["Normal"].font, looks["Normal"].size) == ("Carlito", 11.0)
    h1, h2 = looks["Heading 1"], looks["Heading 2"]
    assert (h1.font, h1.size, h1.color, h1.bold, h1.italic) == ("Caladea", 16.0, "112233", True, False)
    assert (h2.font, h2.size, h2.color, h2.bold, h2.italic) == ("Caladea", 13.0, "112233", True, True)
    assert "Heading 3" not in looks  # not in the reference: the house style's stays


def test_a_style_file_changes_the_heading_colour_in_both_formats(tmp_path, monkeypatch):
    import docx

    style = tmp_path / "brand.toml"
    style.write_text('[colors]\naccent = "0B6E4F"\n\n[styles."Heading 1"]\ncolor = "7A1F5C"\n\n'
                     '[page]\nsize = "Letter"\n')
    _, files = build(tmp_path, monkeypatch, style=style)
    assert heading_fill(files["pdf"]) == pytest.approx(rgb("7A1F5C"), abs=0.002)
    assert float(PdfReader(str(files["pdf"])).pages[0].mediabox.width) == 612.0
    document = docx.Document(str(files["docx"]))
    assert str(document.styles["Heading 1"].font.color.rgb) == "7A1F5C"
    assert str(document.styles["Title"].font.color.rgb) == "0B6E4F"  # by its colour key
    assert document.sections[0].page_width.inches == 8.5


@pytest.mark.parametrize("text, key", [
    ('[styles."Heading 1"]\ncolour = "7A1F5C"\n', 'styles."Heading 1".colour: unknown key'),
    ('[styles."Heading 1"]\nsize = "large"\n', 'styles."Heading 1".size: must be a number'),
    ('[styles."Heading 1"]\nbold = 1\n', 'styles."Heading 1".bold: must be true or false'),
    ('[page]\nmargin_left = true\n', "page.margin_left: must be a number"),
    ('[colors]\naccent = "blue"\n', "colors.accent: must be a colour"),
    ('[styles."Heding 1"]\nsize = 12\n', 'styles."Heding 1": unknown style'),
    ('[palette]\naccent = "0B6E4F"\n', "palette: unknown key"),
])
def test_a_bad_style_file_is_one_line_naming_the_file_and_key_and_exit_2(tmp_path, text, key):
    from conftest import SAMPLE, run_reporter

    style = tmp_path / "brand.toml"
    style.write_text(text)
    out = tmp_path / "out"
    proc = run_reporter("build", str(SAMPLE), "--style", str(style), "--out", str(out))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(style) in lines[0] and key in lines[0], proc.stderr
    assert not out.exists() or not list(out.iterdir())


def test_builds_with_a_reference_are_byte_identical(tmp_path, monkeypatch):
    ref = make_reference(tmp_path / "corporate.docx")
    first = build(tmp_path / "a", monkeypatch, reference_doc=ref)[1]
    second = build(tmp_path / "b", monkeypatch, reference_doc=ref)[1]
    for fmt in ("docx", "pdf"):
        assert first[fmt].read_bytes() == second[fmt].read_bytes()


def test_find_family_takes_only_the_family_asked_for_or_its_metric_twin():
    from reporter.fonts import find_family

    require_tool("fc-match")
    assert find_family("Nonesuch Grotesk Display") is None  # fontconfig's nearest font does not count
    found = find_family("Calibri")
    assert found is not None and found.family == "Carlito" and found.bold.name == "Carlito-Bold.ttf"
    serif = find_family("DejaVu Serif")
    assert serif is not None and serif.regular.suffix == ".ttf"


def test_docx_with_a_reference_a_style_file_and_each_kind_of_marking_is_schema_valid(tmp_path):
    from conftest import SAMPLE, run_reporter
    from test_docx_schema import schema_errors

    from conftest import ROOT

    # on our own reference: python-docx's template has settings of Word 2010's the strict schema refuses
    ref = make_reference(tmp_path / "corporate.docx", base=ROOT / "templates" / "reference.docx")
    style = tmp_path / "brand.toml"
    style.write_text('[styles."Heading 1"]\ncolor = "7A1F5C"\n')
    docs = []
    for name, args in (("ref", ["--reference-doc", str(ref), "--marking", "TLP:RED"]),
                       ("style", ["--style", str(style), "--marking", "OFFICIAL-SENSITIVE"])):
        proc = run_reporter("build", str(SAMPLE), *args, "--format", "docx", "--out", str(tmp_path / name))
        assert proc.returncode == 0, proc.stderr
        docs += sorted((tmp_path / name).glob("*.docx"))
    assert len(docs) == 2
    assert schema_errors(docs, tmp_path) == []


def test_a_style_file_applies_to_each_briefing_of_a_spec(tmp_path):
    from conftest import SAMPLE, run_reporter

    spec = tmp_path / "weekly.yaml"
    spec.write_text(f"articles: [{SAMPLE}]\n")
    style = tmp_path / "brand.toml"
    style.write_text('[page]\nsize = "Letter"\n')
    proc = run_reporter("build", str(spec), "--style", str(style), "--format", "pdf", "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    (pdf,) = (tmp_path / "out").glob("*.pdf")
    assert float(PdfReader(str(pdf)).pages[0].mediabox.width) == 612.0


def test_the_reference_table_style_colours_the_pdf_tables_too(tmp_path, monkeypatch):
    import docx

    from conftest import ROOT

    d = docx.Document(str(ROOT / "templates" / "reference.docx"))
    table = d.styles["Briefing Table"].element
    for row in table.iterfind(W + "tblStylePr"):
        if row.get(W + "type") == "firstRow":
            row.find(f"{W}tcPr/{W}shd").set(W + "fill", "4B0082")
        elif row.get(W + "type") == "band1Horz":
            row.find(f"{W}tcPr/{W}shd").set(W + "fill", "FFF4D6")
    ref = tmp_path / "corporate.docx"
    d.save(str(ref))
    # No charts: a chart's bars take the house accent, which is the house header fill's colour too.
    _, files = build(tmp_path, monkeypatch, reference_doc=ref, charts=False)
    reader = PdfReader(str(files["pdf"]))
    fills = {tuple(round(v, 3) for v in box[4]) for n in range(len(reader.pages)) for box in text_fills(files["pdf"], n)[1]}
    assert tuple(round(v, 3) for v in rgb("4B0082")) in fills
    assert tuple(round(v, 3) for v in rgb("FFF4D6")) in fills
    assert tuple(round(v, 3) for v in rgb("1B3A5C")) not in fills  # the house header fill is gone


def test_export_takes_the_edited_docx_own_page_and_styles(tmp_path, monkeypatch):
    import docx
    from docx.shared import RGBColor

    from conftest import run_reporter

    ref = make_reference(tmp_path / "corporate.docx")
    _, files = build(tmp_path, monkeypatch, reference_doc=ref, formats=("docx",))
    edited = docx.Document(str(files["docx"]))
    edited.styles["Heading 1"].font.color.rgb = RGBColor.from_string("2E6B30")  # restyled in Word
    edited.save(str(tmp_path / "edited.docx"))
    proc = run_reporter("export", str(tmp_path / "edited.docx"), "--out", str(tmp_path / "pdf"))
    assert proc.returncode == 0, proc.stderr
    pdf = tmp_path / "pdf" / "edited.pdf"
    assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in PdfReader(str(pdf)).pages} == {(612.0, 792.0)}
    assert "DejaVuSerif-Bold" in pdffonts(pdf)
    assert heading_fill(pdf) == pytest.approx(rgb("2E6B30"), abs=0.002)
