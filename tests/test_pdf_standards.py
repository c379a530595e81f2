"""The PDF is tagged (PDF/UA-1) and archival (PDF/A-2): the Matterhorn and PDF/A conditions of
``pdf_checks`` hold for a briefing and for a document with every block kind, and each check
fails on a PDF with the defect it looks for planted in it."""

from __future__ import annotations

import io
import re
import subprocess

import pikepdf
import pytest

import pdf_checks
from conftest import SAMPLE, require_tool, tiny_png
from reporter.model import (
    BulletList, Document, Heading, Image, Link, Meta, OrderedList, Paragraph, Quote, Table, TableOfContents, Text,
)
from reporter.writers.pdf import render
from reporter.writers.pdf_archive import srgb_profile

LONG = " ".join(f"word{i} in a paragraph long enough to run onto the next page" for i in range(260))


def rich_document(lang: str = "en-GB") -> Document:
    """Every block kind the PDF writer tags, long enough for a paragraph and a table to split."""
    rows = tuple((((Text(f"Row {i}"),), (Text(f"value {i}"),), (Link((Text("source"),), f"https://example.org/{i}"),))
                  for i in range(70)))
    blocks = (
        Paragraph((Text("A tagged document"),), style="Title"),
        TableOfContents(levels=3),
        Heading(1, (Text("First section"),), anchor="first"),
        Paragraph((Text("See "), Link((Text("the second section"),), "#second"), Text(" and "),
                   Link((Text("a site"),), "https://example.org/"), Text(".")),),
        BulletList(((Paragraph((Text("an item"),)),
                     OrderedList(((Paragraph((Text("a nested item"),)),),))),
                    (Paragraph((Text("another item"),)),))),
        Quote((Paragraph((Text("Words someone said."),)),), (Text("A speaker"),)),
        Image(tiny_png(8, 4), "A grey rectangle", 4.0),
        Image(tiny_png(8, 4), "", 2.0),
        Heading(2, (Text("A sub-section"),)),
        Paragraph((Text(LONG),)),
        Heading(3, (Text("A table"),)),
        Table(((Text("Name"),), (Text("Value"),), (Text("Link"),)), rows, caption="Seventy rows"),
        Heading(1, (Text("Second section"),), anchor="second"),
        Paragraph((Text("The end."),)),
    )
    return Document(Meta(title="A tagged document", author="A writer", subject="Tests", keywords=("a", "b"),
                         lang=lang, created="2024-04-20T10:00:00Z"), blocks)


@pytest.fixture(scope="module")
def rich_pdf() -> bytes:
    return render(rich_document())


@pytest.fixture(scope="module")
def sample_pdf() -> bytes:
    import reporter

    return render(reporter.make_briefing([SAMPLE], marking="TLP:AMBER").document)


def open_pdf(data: bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(data))


def elems(pdf, role: str) -> list:
    return [e for _, e in pdf_checks.read_tree(pdf).elems if pdf_checks.role(e) == role]


@pytest.mark.parametrize("which", ["rich_pdf", "sample_pdf"])
def test_every_check_holds(which, request):
    pdf = open_pdf(request.getfixturevalue(which))
    assert pdf_checks.problems(pdf) == []


def test_the_tree_has_every_kind(rich_pdf):
    pdf = open_pdf(rich_pdf)
    roles = {pdf_checks.role(e) for _, e in pdf_checks.read_tree(pdf).elems}
    assert {"Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "THead", "TBody", "TR", "TH",
            "TD", "Caption", "BlockQuote", "Figure", "Link", "TOC", "TOCI", "Reference"} <= roles
    (figure,) = elems(pdf, "Figure")  # the picture without alt text is an artifact
    assert str(figure.Alt) == "A grey rectangle"
    x0, y0, x1, y1 = (float(v) for v in figure.A.BBox)
    assert round(x1 - x0) == round(4.0 * 72 / 2.54) and round(y1 - y0) == round(2.0 * 72 / 2.54)  # 4 cm by 2
    quote = elems(pdf, "BlockQuote")[0]
    assert [pdf_checks.role(k) for k in pdf_checks._kid_elems(quote)] == ["P", "P"]  # words, attribution
    assert [str(lst.A.ListNumbering) for lst in elems(pdf, "L")] == ["/Disc", "/LowerAlpha"]  # bullets, a.
    entries = elems(pdf, "TOCI")
    assert len(entries) == 4
    assert all([pdf_checks.role(k) for k in pdf_checks._kid_elems(e)] == ["Reference"] for e in entries)


def test_a_split_paragraph_is_one_element_on_two_pages(rich_pdf):
    pdf = open_pdf(rich_pdf)
    tree = pdf_checks.read_tree(pdf)
    pages_of: dict = {}
    for (page, _), owner in tree.mcids.items():
        pages_of.setdefault(owner, set()).add(page)
    long_p = [e for e in elems(pdf, "P") if len(pages_of.get(e.objgen, ())) >= 2]
    assert long_p, "the long paragraph should be one P with marked content on two pages"


def test_a_repeated_table_header_is_tagged_once(rich_pdf):
    pdf = open_pdf(rich_pdf)
    assert len(elems(pdf, "TH")) == 3
    assert len(elems(pdf, "TR")) == 71  # the header row and seventy rows, however many pages
    text = struct_text(rich_pdf)
    assert len(re.findall(r'"Name"', text)) == 1
    plain = subprocess.run([require_tool("pdftotext"), "-", "-"], input=rich_pdf, capture_output=True,
                           check=True).stdout.decode()
    assert plain.count("Name") >= 2  # drawn on every page of the table all the same


def struct_text(data: bytes) -> str:
    return subprocess.run([require_tool("pdfinfo"), "-struct-text", "-"], input=data, capture_output=True,
                          check=True).stdout.decode()


def test_page_furniture_is_an_artifact(sample_pdf):
    text = struct_text(sample_pdf)
    assert "Executive summary" in text
    assert "Page 1 of" not in text and "TLP:AMBER" in text  # the title block's marking is content
    plain = subprocess.run([require_tool("pdftotext"), "-", "-"], input=sample_pdf, capture_output=True,
                           check=True).stdout.decode()
    assert "Page 1 of" in plain


def test_reading_order_is_the_document_order(rich_pdf):
    """The tree lists the headings in the document's order, and so does pdftotext."""
    pdf = open_pdf(rich_pdf)
    headings = [e for _, e in pdf_checks.read_tree(pdf).elems if re.fullmatch(r"H\d", pdf_checks.role(e))]
    assert [pdf_checks.role(h) for h in headings] == ["H1", "H2", "H3", "H1"]
    plain = subprocess.run([require_tool("pdftotext"), "-", "-"], input=rich_pdf, capture_output=True,
                           check=True).stdout.decode()
    body = plain[plain.index("First section", plain.index("A table")):]  # after the contents list
    positions = [body.index(t) for t in ("First section", "A sub-section", "A table", "Second section")]
    assert positions == sorted(positions)


def test_links_say_where_they_go(rich_pdf):
    pdf = open_pdf(rich_pdf)
    contents = {str(a.Contents) for page in pdf.pages for a in page.obj.get("/Annots", [])}
    assert "https://example.org/" in contents
    assert "Go to Second section" in contents


def test_lang_from_the_document_and_a_default():
    assert str(open_pdf(render(rich_document("fr-FR"))).Root.Lang) == "fr-FR"
    assert str(open_pdf(render(rich_document(""))).Root.Lang) == "en"


def test_metadata_identifies_the_standards(rich_pdf):
    pdf = open_pdf(rich_pdf)
    meta = pdf.open_metadata()
    assert (meta["pdfaid:part"], meta["pdfaid:conformance"], meta["pdfuaid:part"]) == ("2", "A", "1")
    assert meta["dc:title"] == str(pdf.docinfo.Title) == "A tagged document"
    assert meta["xmp:CreateDate"].startswith("2024-04-20T10:00:00")


def test_qpdf_finds_no_error(rich_pdf, tmp_path):
    path = tmp_path / "tagged.pdf"
    path.write_bytes(rich_pdf)
    result = subprocess.run([require_tool("qpdf"), "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_same_input_same_bytes_and_the_id_follows_the_content():
    a, b = render(rich_document()), render(rich_document())
    assert a == b
    other = rich_document()
    other = Document(other.meta, other.blocks[:-1] + (Paragraph((Text("A different end."),)),))
    ids = [open_pdf(x).trailer.ID[0] for x in (a, render(other))]
    assert bytes(ids[0]) != bytes(ids[1])


def test_the_output_profile_is_deterministic_srgb():
    data = srgb_profile()
    assert data[36:40] == b"acsp" and data[16:20] == b"RGB "
    assert data[24:36] == bytes.fromhex("07d0 0001 0001 0000 0000 0000")  # a fixed date, not the run's
    assert data[8:10] == b"\x04\x20"


# -- every check can fail ---------------------------------------------------------------------------


def _first(pdf, role):
    return elems(pdf, role)[0]


def plant_untagged_path(pdf):
    pdf.pages[0].contents_add(pdf.make_stream(b"0 0 m 10 10 l S"), prepend=False)


def plant_wrong_parent(pdf):
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    nums[1] = pikepdf.Array(list(reversed(list(nums[1]))))


def plant_skipped_heading(pdf):
    _first(pdf, "H2").S = pikepdf.Name("/H3")


def plant_table_without_th(pdf):
    for th in elems(pdf, "TH"):
        th.S = pikepdf.Name("/TD")


def plant_figure_without_alt(pdf):
    del _first(pdf, "Figure")["/Alt"]


def plant_link_without_contents(pdf):
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            annot.Contents = pikepdf.String("")
            return


def plant_link_without_objr(pdf):
    link = _first(pdf, "Link")
    link.K = pikepdf.Array([])


def plant_font_without_tounicode(pdf):
    for page in pdf.pages:
        for font in page.obj.Resources.Font.values():
            del font["/ToUnicode"]
            return


def plant_interpolated_image(pdf):
    for page in pdf.pages:
        for x in page.obj.Resources.get("/XObject", {}).values():
            x.Interpolate = True
            return


def plant_other_title(pdf):
    pdf.docinfo.Title = pikepdf.String("Another title")


def plant_no_output_intent(pdf):
    del pdf.Root["/OutputIntents"]


def plant_unmarked(pdf):
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=False)


def plant_private_role(pdf):
    _first(pdf, "P").S = pikepdf.Name("/Para")


def plant_p_in_list(pdf):
    _first(pdf, "LI").S = pikepdf.Name("/P")


@pytest.mark.parametrize("plant, check", [
    (plant_untagged_path, "check_content_tagged"),
    (plant_wrong_parent, "check_parent_tree"),
    (plant_skipped_heading, "check_headings"),
    (plant_table_without_th, "check_tables"),
    (plant_figure_without_alt, "check_figures"),
    (plant_link_without_contents, "check_links"),
    (plant_link_without_objr, "check_links"),
    (plant_font_without_tounicode, "check_fonts"),
    (plant_interpolated_image, "check_xobjects"),
    (plant_other_title, "check_metadata"),
    (plant_no_output_intent, "check_output_intent"),
    (plant_unmarked, "check_catalog"),
    (plant_private_role, "check_roles"),
    (plant_p_in_list, "check_lists"),
])
def test_each_check_catches_its_defect(rich_pdf, plant, check):
    pdf = open_pdf(rich_pdf)
    plant(pdf)
    out = io.BytesIO()
    pdf.save(out)
    found = pdf_checks.problems(open_pdf(out.getvalue()))
    assert any(p.startswith(check + ":") for p in found), found


# -- scripts/check_pdf_standards.py -----------------------------------------------------------------


def _check_script(args, tmp_path, path_dirs=()):
    import os
    import sys

    from conftest import ROOT

    env = {**os.environ, "PATH": os.pathsep.join([*map(str, path_dirs), "/usr/bin", "/bin"])}
    env.pop("VERAPDF", None)
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_pdf_standards.py"), *args],
                          capture_output=True, text=True, env=env, cwd=tmp_path)


def test_the_script_says_plainly_when_verapdf_is_missing(rich_pdf, tmp_path):
    import shutil

    if shutil.which("verapdf", path="/usr/bin:/bin"):
        pytest.skip("veraPDF is installed here")
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(rich_pdf)
    result = _check_script([str(pdf)], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "veraPDF is not installed" in result.stdout and "NOT validated" in result.stdout
    assert f"PASS {pdf} (offline checks)" in result.stdout
    assert _check_script([str(pdf), "--require-verapdf"], tmp_path).returncode == 2


def test_the_script_runs_verapdf_and_reports_its_failures(rich_pdf, tmp_path):
    pdf = tmp_path / "b.pdf"
    pdf.write_bytes(rich_pdf)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "verapdf"  # stands in for veraPDF: the flavour it was asked for decides the verdict
    fake.write_text('#!/bin/sh\nif [ "$2" = "ua1" ]; then echo "PASS $7"; exit 0; fi\n'
                    'echo "FAIL $7"; echo "  6.6.2.1-1 the metadata is missing"; exit 1\n')
    fake.chmod(0o755)
    result = _check_script([str(pdf)], tmp_path, [bin_dir])
    assert result.returncode == 1
    assert "PDF/A-2a: not compliant" in result.stdout and "6.6.2.1-1" in result.stdout
    assert "PDF/UA-1" not in result.stdout


def test_tagging_changes_nothing_on_the_page(rich_pdf, tmp_path, monkeypatch):
    """The same document drawn without marked content (no structure tree) renders to the same pixels."""
    from reporter.writers import pdf_archive, pdf_tags

    monkeypatch.setattr(pdf_tags, "Marks", lambda *a: None)
    monkeypatch.setattr(pdf_archive, "Archive", lambda *a: None)
    plain = render(rich_document())
    assert b"/StructTreeRoot" not in plain and b"/StructTreeRoot" in rich_pdf
    pages = {}
    for name, data in (("tagged", rich_pdf), ("plain", plain)):
        (tmp_path / f"{name}.pdf").write_bytes(data)
        subprocess.run([require_tool("pdftoppm"), "-png", "-r", "40", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        pages[name] = sorted(tmp_path.glob(f"{name}-*.png"))
    assert len(pages["tagged"]) == len(pages["plain"]) >= 3
    for a, b in zip(pages["tagged"], pages["plain"]):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_a_document_without_a_title_still_has_one_in_its_metadata():
    pdf = open_pdf(render(Document(Meta(title=" "), (Paragraph((Text("Text."),)),))))
    assert pdf_checks.problems(pdf) == []
    assert pdf.open_metadata()["dc:title"] == str(pdf.docinfo.Title) == "Untitled document"


def test_metadata_agrees_for_a_title_that_needs_escaping():
    title = "Café & “quotes” <in> a title — 北京"
    doc = rich_document()
    pdf = open_pdf(render(Document(Meta(title=title, author="A & B", lang="en"), doc.blocks[1:4])))
    assert pdf_checks.check_metadata(pdf) == []
    assert pdf.open_metadata()["dc:title"] == title == str(pdf.docinfo.Title)


def test_an_edited_docx_back_to_pdf_is_tagged_too(tmp_path):
    """``reporter export``'s way: the DOCX read back into the model, then the same PDF writer."""
    from reporter.readers.docx import read_docx
    from reporter.writers.docx import write as write_docx

    path = tmp_path / "b.docx"
    write_docx(rich_document(), path)
    doc, _ = read_docx(path)
    pdf = open_pdf(render(doc))
    assert pdf_checks.problems(pdf) == []
    assert [str(f.Alt) for f in elems(pdf, "Figure")] == ["A grey rectangle"]
