"""The PDF writer, read back as a reader's tools see it: pdftotext, pdffonts and pypdf."""

from __future__ import annotations

import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import pdf_text, require_tool
from reporter.compose.build import title_block
from reporter.model import (
    BulletList, Div, Document, Emph, Heading, Image, LineBreak, Link, Meta, OrderedList, PageBreak, Paragraph,
    Quote, Strong, Table, TableOfContents, Text,
)
from reporter.writers.pdf import write

HOSTILE = "<b>&<script>alert(1)</script> <para>x</para> <font size=80>big</font> &amp; tab\there\x00\x07\x1b end"
NAMES = ("Fabián Calle", "Adrianzén", "Łódź", "Ελλάδα", "Москва")


def meta(**kw) -> Meta:
    base = dict(title="Briefing on Łódź trade", subtitle="Executive briefing", date="2024-04-20",
                author="Analysis desk", prepared_for="The Board", marking="TLP:AMBER",
                subject="Trade", keywords=("trade", "Poland"), created="2024-04-20T08:30:00Z")
    return Meta(**{**base, **kw})


def para(text: str, **kw) -> Paragraph:
    return Paragraph((Text(text),), **kw)


def big_table(rows: int = 300) -> Table:
    return Table(
        header=((Text("Country"),), (Text("Metric"),), (Text("Value"),)),
        rows=tuple(((Text(f"Country {r}"),), (Text(f"metric number {r} of the series"),), (Text(f"{r * 7}"),))
                   for r in range(rows)),
        align=("left", "left", "right"), caption="Figures by country",
    )


def rich_document() -> Document:
    return Document(meta(), (title_block(meta()),
        TableOfContents(),
        Heading(1, (Text("Executive summary"),), anchor="summary"),
        Paragraph((Text("People: "), Strong((Text(", ".join(NAMES)),)), Text(" "), Emph((Text("quoted"),)),
                   Text(" see "), Link((Text("the detail"),), "#detail"), Text(" or "),
                   Link((Text("the source"),), "https://example.org/a?b=1&c=2"), LineBreak(), Text("next line"))),
        BulletList(((para("first bullet"), BulletList(((para("nested bullet"),),))), (para("second bullet"),))),
        OrderedList(((para("step one"),), (para("step two"),)), start=3),
        Div("Key Point", (para("a key point inside a div"),)),
        Heading(2, (Text("Notable quotations"),)),
        Quote((para("We will dismantle eighty gangs this year."),), (Strong((Text("Gustavo Adrianzén"),)),
                                                                     Text(", Prime Minister"))),
        Heading(3, (Text("A third-level heading"),)),
        para(HOSTILE),
        Paragraph((Strong((Text("bold " + HOSTILE),)), Link((Text("<i>link</i> \ud800"),), "https://e.org/\"><b>"))),
        PageBreak(),
        Heading(1, (Text("Detail"),), anchor="detail"),
        para("The detail paragraph.", anchor="p-detail"),
        big_table(),
    ))


@pytest.fixture(scope="module")
def rich_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "rich.pdf"
    write(rich_document(), path)
    return path


def page_texts(path) -> list[str]:
    return pdf_text(path, layout=True).split("\f")


def test_headings_names_and_hostile_text_read_back_literally(rich_pdf):
    text = " ".join(pdf_text(rich_pdf).split())
    for needle in ("Executive summary", "Notable quotations", "A third-level heading", "Detail", *NAMES,
                   "first bullet", "nested bullet", "3. step one", "4. step two", "a key point inside a div"):
        assert needle in text, needle
    literal = "<b>&<script>alert(1)</script> <para>x</para> <font size=80>big</font> &amp; tab here end"
    assert literal in text  # plain text, laid out without the markup parser
    assert "bold " + literal + "<i>link</i>" in text  # the same inside <b> and a link (lone surrogate: no crash)


def test_title_block_shows_meta_and_marking(rich_pdf):
    first = " ".join(page_texts(rich_pdf)[0].split())
    assert "Briefing on Łódź trade" in first and "Executive briefing" in first
    assert "20 April 2024" in first and "Prepared for The Board" in first and "Prepared by Analysis desk" in first


def test_every_page_has_the_marking_in_header_and_page_n_of_m_in_footer(rich_pdf):
    from pypdf import PdfReader

    pages = [p for p in page_texts(rich_pdf) if p.strip()]
    total = len(PdfReader(str(rich_pdf)).pages)
    assert len(pages) == total and total >= 3
    for n, page in enumerate(pages, 1):
        lines = [ln for ln in page.splitlines() if ln.strip()]
        assert "TLP:AMBER" in lines[0] and "Briefing on" in lines[0], lines[0]
        assert f"Page {n} of {total}" in lines[-1] and "TLP:AMBER" in lines[-1], lines[-1]


def test_long_table_flows_with_its_header_repeated(rich_pdf):
    pages = page_texts(rich_pdf)
    with_rows = [i for i, p in enumerate(pages) if "Country 1 " in p or "Country 299" in p]
    last = next(i for i, p in enumerate(pages) if "Country 299" in p)
    assert last > with_rows[0], "the 300-row table should span pages"
    continued = pages[last]
    assert "Country 299" in continued and "2093" in continued  # a cell on a later page
    header = next(ln for ln in continued.splitlines() if "Country" in ln and "Metric" in ln)
    assert "Value" in header  # the repeated header row on that page
    assert "Figures by country" in " ".join(pages[last:]).replace("\n", " ")


def test_right_aligned_column_ends_at_the_right_edge(rich_pdf):
    page = page_texts(rich_pdf)[-2]
    rows = [ln for ln in page.splitlines() if ln.strip().startswith("Country ") and "metric" in ln]
    ends = {len(ln.rstrip()) for ln in rows}
    assert len(rows) > 10 and max(ends) - min(ends) <= 1, ends


def test_quote_is_followed_by_its_attribution(rich_pdf):
    text = " ".join(pdf_text(rich_pdf).split())
    q = text.index("We will dismantle eighty gangs this year.")
    a = text.index("Gustavo Adrianzén, Prime Minister")
    assert 0 < a - q < 80


def test_fonts_are_all_embedded_and_none_is_standard_14(rich_pdf):
    out = subprocess.run([require_tool("pdffonts"), str(rich_pdf)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert len(rows) >= 4 and all(r.split()[-5] == "yes" for r in rows), out
    names = " ".join(r.split()[0] for r in rows)
    assert "LiberationSans-BoldItalic" in names and "LiberationSerif-Italic" in names  # Heading 3, Quote
    for std in ("Helvetica", "Times", "Courier", "Symbol", "ZapfDingbats"):
        assert std not in out


def test_metadata_outline_and_internal_links(rich_pdf):
    from pypdf import PdfReader

    reader = PdfReader(str(rich_pdf))
    info = reader.metadata
    assert info.title == "Briefing on Łódź trade" and info.author == "Analysis desk" and info.subject == "Trade"
    assert "Poland" in info["/Keywords"] and info.creator == "reporter"
    assert info["/CreationDate"].startswith("D:20240420083000")
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"

    def flatten(items, depth=0):
        for it in items:
            if isinstance(it, list):
                yield from flatten(it, depth + 1)
            else:
                yield depth, it

    outline = [(d, it.title, reader.get_destination_page_number(it)) for d, it in flatten(reader.outline)]
    titles = [(d, t) for d, t, _ in outline]
    assert titles == [(0, "Executive summary"), (1, "Notable quotations"), (2, "A third-level heading"), (0, "Detail")]
    pages = page_texts(rich_pdf)
    detail_page = next(i for i, p in enumerate(pages) if "The detail paragraph." in p)
    assert dict((t, p) for _, t, p in outline)["Detail"] == detail_page  # not page 1: held-back pages counted
    refs = [p.indirect_reference.idnum for p in reader.pages]
    annots = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    internal = [refs.index(a["/Dest"][0].idnum) for a in annots if "/Dest" in a]
    # contents (levels 1-2: summary, quotations, detail) and the '#detail' link in the summary
    assert sorted(internal) == sorted([0, 0, detail_page, detail_page])
    uris = [a["/A"]["/URI"] for a in annots if "/A" in a]
    assert uris == ["https://example.org/a?b=1&c=2", "https://e.org/\"><b>"]  # hostile URL kept verbatim


def test_two_writes_are_byte_identical(tmp_path):
    doc = rich_document()
    write(doc, tmp_path / "a.pdf")
    write(doc, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_unknown_style_falls_back_and_div_styles_its_paragraphs(tmp_path):
    from reporter.style import load_house_style
    from reporter.writers.pdf_styles import pdf_styles

    styles = pdf_styles(load_house_style())
    assert styles.style("No Such Style") is styles.style("Body Text")
    assert styles.style("Heading 2").parent is styles.style("Heading 1")
    assert styles.style("Quote").fontName == "LiberationSerif-Italic"
    doc = Document(meta(), (para("odd style", style="No Such Style"), Div("Caption", (para("in a div"),))))
    write(doc, tmp_path / "s.pdf")
    assert "odd style" in pdf_text(tmp_path / "s.pdf") and "in a div" in pdf_text(tmp_path / "s.pdf")


def test_giant_words_wrap_in_the_frame_and_in_table_cells(tmp_path):
    from pypdf import PdfReader

    word = "x" * 3000
    doc = Document(meta(), (para(word), Table(header=((Text("A"),), (Text("B"),)),
                                              rows=(((Text(word),), (Text("short"),)),) * 3)))
    write(doc, tmp_path / "w.pdf")
    pages = len(PdfReader(str(tmp_path / "w.pdf")).pages)
    assert 1 <= pages <= 12
    text = pdf_text(tmp_path / "w.pdf", layout=True)
    assert text.count("x") >= 4 * 3000 and "short" in text
    width = max(len(ln) for ln in text.splitlines())
    assert width < 200  # lines broken inside the page, not one 3,000-character line


def test_a_table_row_taller_than_a_page_continues_under_one_header_per_page(tmp_path):
    long_cell = " ".join(f"word{i}" for i in range(4000))
    rows = (((Text("first row"),), (Text("a"),)), ((Text(long_cell),), (Text("tall row"),)),
            ((Text("last row"),), (Text("z"),)))
    doc = Document(meta(), (para("Before the table."),
                            Table(header=((Text("Alpha"),), (Text("Beta"),)), rows=rows)))
    write(doc, tmp_path / "t.pdf")
    pages = [p for p in page_texts(tmp_path / "t.pdf") if p.strip()]
    assert len(pages) >= 3
    for page in pages:
        headers = [ln for ln in page.splitlines() if "Alpha" in ln and "Beta" in ln]
        assert len(headers) == 1, page[:300]  # repeated on each page, never twice on one
    words = " ".join(" ".join(pages).split())
    # the tall row starts on page one, right under the first row, and loses no word
    assert "first row" in pages[0] and "word0 " in pages[0]
    found = [int(w[4:]) for w in words.split() if w.startswith("word") and w[4:].isdigit()]
    assert found == list(range(4000))
    assert words.index("last row") > words.index("word3999")


def test_a_quote_longer_than_a_page_still_flows(tmp_path):
    from pypdf import PdfReader

    long_quote = Quote(tuple(para(f"Sentence {i} of a very long statement that goes on and on.") for i in range(150)),
                       (Text("A talkative minister"),))
    write(Document(meta(), (para("before"), long_quote, para("after"))), tmp_path / "q.pdf")
    text = " ".join(pdf_text(tmp_path / "q.pdf").split())
    assert "Sentence 149" in text and "A talkative minister" in text and text.index("after") > text.index("Sentence 149")
    assert len(PdfReader(str(tmp_path / "q.pdf")).pages) >= 2


def test_images_embed_scaled_and_bad_image_data_degrades_to_text(tmp_path):
    import io

    from PIL import Image as PILImage
    from pypdf import PdfReader

    buf = io.BytesIO()
    PILImage.new("RGB", (4000, 1000), (27, 58, 92)).save(buf, format="PNG")
    doc = Document(meta(), (Image(buf.getvalue(), "a wide chart", width_cm=50), Image(b"not a picture", "broken chart")))
    write(doc, tmp_path / "i.pdf")
    reader = PdfReader(str(tmp_path / "i.pdf"))
    images = reader.pages[0].images
    assert len(images) == 1 and images[0].image.size == (4000, 1000)
    assert "[image: broken chart]" in pdf_text(tmp_path / "i.pdf")


def test_empty_document_and_dangling_link_still_write(tmp_path):
    from pypdf import PdfReader

    write(Document(Meta(title="")), tmp_path / "e.pdf")
    assert len(PdfReader(str(tmp_path / "e.pdf")).pages) == 1
    doc = Document(meta(), (Paragraph((Link((Text("nowhere"),), "#missing"),)), Heading(3, (Text("deep first"),))))
    write(doc, tmp_path / "d.pdf")
    assert "nowhere" in pdf_text(tmp_path / "d.pdf")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_arbitrary_unicode_never_breaks_the_writer(tmp_path, text):
    from pypdf import PdfReader

    doc = Document(Meta(title=text, marking=text[:20]), (
        Heading(1, (Text(text),)), Paragraph((Text(text), Strong((Text(text),)))),
        Table(header=((Text(text),),), rows=(((Text(text),),),)), Quote((para(text),), (Text(text),)),
    ))
    out = tmp_path / "h.pdf"
    write(doc, out)
    assert len(PdfReader(str(out)).pages) >= 1


def test_a_paragraph_longer_than_a_page_flows_without_losing_or_reordering_words(tmp_path):
    from pypdf import PdfReader

    words = [f"w{i}" for i in range(2500)]
    write(Document(meta(), (para(" ".join(words)), para("after"))), tmp_path / "p.pdf")
    text = pdf_text(tmp_path / "p.pdf")
    found = [t for t in text.split() if t.startswith("w") and t[1:].isdigit()]
    assert found == words
    assert len(PdfReader(str(tmp_path / "p.pdf")).pages) >= 2


def test_justified_lines_end_at_the_right_margin_and_the_last_line_does_not(tmp_path):
    text = " ".join(f"word{i % 7}{'x' * (i % 5)}" for i in range(120))
    write(Document(meta(), (para(text),)), tmp_path / "j.pdf")
    bbox = subprocess.run([require_tool("pdftotext"), "-bbox", str(tmp_path / "j.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    import re

    rows: dict = {}
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">word', bbox):
        y = round(float(m.group(2)))
        rows[y] = max(rows.get(y, 0.0), float(m.group(3)))
    ends = [rows[y] for y in sorted(rows)]
    assert len(ends) >= 4
    assert max(ends[:-1]) - min(ends[:-1]) < 1.0, ends  # flush right edge
    assert ends[-1] < min(ends[:-1]) - 5  # the last line is left-aligned
