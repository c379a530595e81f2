"""One look across the attachments: TLP 2.0 markings in their colours, a reference document's
page and fonts in the PDF too, and a house style given as a TOML file.

Colours are read back from the files: the DOCX's character styles (python-docx and the style
XML), and the PDF's content stream (the fill colour in force where pdftotext finds the label,
and the black box under it).
"""

from __future__ import annotations

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

