"""Rules every output shares, checked on what each output carries when read back.

A date is said the same way in the DOCX, the PDF and the e-mail, and the DOCX reader takes it
back; a link is made only for http, https, mailto and anchors inside the document, in every
writer, the DOCX reader and the e-mail.
"""

from __future__ import annotations

import pytest

from conftest import pdf_text
from reporter.compose.build import title_block
from reporter.model import Document, Meta, Paragraph, Text


@pytest.mark.parametrize("iso, said", [("2024-04-20", "20 April 2024"), ("2024-09", "September 2024")])
def test_the_briefing_date_is_said_alike_in_docx_and_pdf_and_reads_back(tmp_path, iso, said):
    import docx

    from reporter.readers.docx import read_docx
    from reporter.writers.docx import write as write_docx
    from reporter.writers.pdf import write as write_pdf

    meta = Meta(title="Dated briefing", date=iso, prepared_for="The Board")
    doc = Document(meta, (title_block(meta), Paragraph((Text("Body."),))))
    write_docx(doc, tmp_path / "d.docx")
    write_pdf(doc, tmp_path / "d.pdf")
    lines = [p.text for p in docx.Document(str(tmp_path / "d.docx")).paragraphs]
    assert f"{said} \u00b7 Prepared for The Board" in lines
    assert f"{said} \u00b7 Prepared for The Board" in pdf_text(tmp_path / "d.pdf").splitlines()
    back, _ = read_docx(tmp_path / "d.docx")
    assert (back.meta.date, back.meta.prepared_for) == (iso, "The Board")


@pytest.mark.parametrize("created", ["2024-04-20T10:30:00+02:00", "2024-04-20T08:30:00Z", "2024-04-20T08:30:00"])
def test_the_created_timestamp_is_one_utc_instant_in_docx_pdf_and_back(tmp_path, created):
    """Both writers stamp Meta.created, and the reader reads it back, as the same UTC instant."""
    import docx
    from pypdf import PdfReader

    from reporter.readers.docx import read_docx
    from reporter.writers.docx import write as write_docx
    from reporter.writers.pdf import write as write_pdf

    doc = Document(Meta(title="Stamped", created=created), (Paragraph((Text("Body."),)),))
    write_docx(doc, tmp_path / "s.docx")
    write_pdf(doc, tmp_path / "s.pdf")
    core = docx.Document(str(tmp_path / "s.docx")).core_properties
    assert core.created.strftime("%Y%m%d%H%M%S") == "20240420083000"
    assert PdfReader(str(tmp_path / "s.pdf")).metadata["/CreationDate"].startswith("D:20240420083000")
    assert read_docx(tmp_path / "s.docx")[0].meta.created == "2024-04-20T08:30:00Z"


# --------------------------------------------------------------------------- one URL policy

# Refused everywhere: shown as their label's text, never as a link.
BAD_URLS = (
    "javascript:alert(1)", "JavaScript:alert(1)", "  javascript:alert(1)", "java\tscript:alert(1)",
    "vbscript:msgbox(1)", "ms-msdt:/id PCWDiagnostic /skip force", "ms-word:ofe|u|https://example.org/d.docx",
    "smb://host/share/run.exe", "file:///C:/Windows/System32/calc.exe", "data:text/html;base64,PHNjcmlwdD4=",
    "ftp://example.org/file.txt", "//example.org/protocol-relative", "example.org/no-scheme", "https://",
    "https://exa mple.org/space", "https://example.org/\u202egnp.exe", "https://example.org/\x00nul",
)
# Kept everywhere, exactly as given.
GOOD_URLS = ("https://example.org/a?b=1&c=2", "HTTP://EXAMPLE.ORG/CAPS", "mailto:desk@example.org")


def linked_document() -> Document:
    """One paragraph per URL (label ``bad N`` or ``good N``), an anchor that exists and one that does not."""
    from reporter.model import Heading, Link

    blocks = [Heading(1, (Text("There"),), anchor="there")]
    for kind, urls in (("bad", BAD_URLS), ("good", GOOD_URLS)):
        blocks += [Paragraph((Link((Text(f"{kind} {n}"),), url),)) for n, url in enumerate(urls)]
    blocks += [Paragraph((Link((Text("inside"),), "#there"),)), Paragraph((Link((Text("dangling"),), "#nowhere"),))]
    return Document(Meta(title="Links"), tuple(blocks))


def labels() -> list[str]:
    return [f"bad {n}" for n in range(len(BAD_URLS))] + [f"good {n}" for n in range(len(GOOD_URLS))]


def test_docx_writer_links_only_allowed_schemes_and_existing_anchors(tmp_path):
    import zipfile

    import docx
    from lxml import etree

    from reporter.writers.docx import write

    write(linked_document(), tmp_path / "l.docx")
    with zipfile.ZipFile(tmp_path / "l.docx") as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
    external = {r.get("Id"): r.get("Target") for r in rels if r.get("TargetMode") == "External"}
    assert sorted(external.values()) == sorted(GOOD_URLS)
    body = docx.Document(str(tmp_path / "l.docx")).element.body
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    links = {h.xpath("string(.)"): external.get(h.get(r_id)) or "#" + h.get(f"{w}anchor")
             for h in body.iter(f"{w}hyperlink")}
    assert {k: v for k, v in links.items() if not v.startswith("#_Toc")} == {
        **{f"good {n}": url for n, url in enumerate(GOOD_URLS)}, "inside": "#" + links["inside"][1:]}
    marks = {b.get(f"{w}name") for b in body.iter(f"{w}bookmarkStart")}
    assert links["inside"][1:] in marks
    text = [p.xpath("string(.)") for p in body.iter(f"{w}p")]
    assert all(label in text for label in labels() + ["dangling"])


def test_pdf_writer_annotates_only_allowed_schemes_and_existing_anchors(tmp_path):
    from pypdf import PdfReader

    from reporter.writers.pdf import write

    write(linked_document(), tmp_path / "l.pdf")
    annots = [a.get_object() for page in PdfReader(str(tmp_path / "l.pdf")).pages for a in page.get("/Annots", [])]
    assert sorted(a["/A"]["/URI"] for a in annots if "/A" in a) == sorted(GOOD_URLS)
    assert len([a for a in annots if "/Dest" in a]) == 1  # "inside"; "dangling" has nowhere to go
    shown = pdf_text(tmp_path / "l.pdf").splitlines()
    assert all(label in shown for label in labels() + ["inside", "dangling"])


def test_docx_reader_keeps_only_allowed_links(tmp_path):
    """Relationship targets and HYPERLINK fields both: a refused URL reads back as its text."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from reporter.model import Link, walk
    from reporter.readers.docx import read_docx

    d = docx.Document()
    storable = [(label, url) for label, url in zip(labels(), BAD_URLS + GOOD_URLS) if "\x00" not in url]
    for label, url in storable:  # XML cannot carry a NUL, so no document has one
        p = d.add_paragraph()
        h = OxmlElement("w:hyperlink")
        h.set(qn("r:id"), p.part.relate_to(url, RT.HYPERLINK, is_external=True))
        r, t = OxmlElement("w:r"), OxmlElement("w:t")
        t.text = "rel " + label
        r.append(t)
        h.append(r)
        p._p.append(h)
        f = OxmlElement("w:fldSimple")
        f.set(qn("w:instr"), f' HYPERLINK "{url}" ')
        r, t = OxmlElement("w:r"), OxmlElement("w:t")
        t.text = "field " + label
        r.append(t)
        f.append(r)
        d.add_paragraph()._p.append(f)
    d.save(tmp_path / "r.docx")
    doc, _ = read_docx(tmp_path / "r.docx")
    paragraphs = [b for b in walk(doc.blocks) if isinstance(b, Paragraph)]
    found = {node.children[0].text: node.url for p in paragraphs for node in p.children if isinstance(node, Link)}
    assert found == {f"{how} good {n}": url for how in ("rel", "field") for n, url in enumerate(GOOD_URLS)}
    shown = [node.text for p in paragraphs for node in p.children if isinstance(node, Text)]
    assert shown == [f"{how} {label}" for label, url in storable if url in BAD_URLS for how in ("rel", "field")]


def test_email_links_only_allowed_schemes_in_html_and_text(tmp_path):
    """Article URLs become hrefs (HTML) and ``<url>`` (text) only when allowed.

    Delivery reads a briefing by its attributes, so plain namespaces stand in for one here."""
    import datetime as dt
    import html.parser
    from email import message_from_bytes, policy
    from email.headerregistry import Address
    from types import SimpleNamespace as NS

    from reporter.deliver.email import compose_message, message_bytes

    urls = BAD_URLS + GOOD_URLS
    briefing = NS(title="Links", date=dt.date(2024, 4, 20), marking="", prepared_for="", prepared_by="",
                  articles=tuple(NS(title=label, source="Desk", url=url, published=None)
                                 for label, url in zip(labels(), urls)),
                  facts=tuple(NS(key_points=(), figures=()) for _ in urls), summary=(), key_figures=(), figures_more=0)
    msg = compose_message(briefing, (), sender=Address("Desk", addr_spec="desk@example.org"),
                          to=(Address("Reader", addr_spec="reader@example.org"),),
                          when=dt.datetime(2024, 4, 20, tzinfo=dt.timezone.utc))
    parsed = message_from_bytes(message_bytes(msg), policy=policy.default)
    text = parsed.get_body(("plain",)).get_content()
    markup = parsed.get_body(("html",)).get_content()

    class Hrefs(html.parser.HTMLParser):
        found: list = []

        def handle_starttag(self, tag, attrs):
            self.found += [(tag, v) for k, v in attrs if k in ("href", "src", "action")]

    hrefs = Hrefs()
    hrefs.feed(markup)
    assert sorted(v for _, v in hrefs.found) == sorted(GOOD_URLS)
    assert all(f"<{url}>" in text for url in GOOD_URLS)
    assert not [url for url in BAD_URLS if url.strip() and f"<{url.strip()}>" in text]
    assert all(label in text and label in markup for label in labels())


# --------------------------------------------------------------------------- one alignment vocabulary


def _house_style_with(align: str):
    """The shipped house style with Body Text aligned ``align`` (fonts still found beside it)."""
    import tomllib

    from reporter.style import parse_house_style, templates_dir

    data = tomllib.loads((templates_dir() / "house-style.toml").read_text(encoding="utf-8"))
    data["styles"]["Body Text"]["align"] = align
    return parse_house_style(data, templates_dir())


@pytest.mark.parametrize("spelled, jc, rl", [("Centre", "center", 1), ("center", "center", 1),
                                             ("RIGHT", "right", 2), ("justify", "both", 4)])
def test_an_alignment_reads_the_same_in_docx_and_pdf(spelled, jc, rl):
    from lxml import etree

    from reporter.writers.docx_styles import paragraph_style, style_id
    from reporter.writers.pdf_styles import pdf_styles

    hs = _house_style_with(spelled)
    el = paragraph_style(hs, "Body Text", 9000, {})
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    assert [j.get(f"{w}val") for j in el.iter(f"{w}jc")] == [jc], etree.tostring(el)
    assert el.get(f"{w}styleId") == style_id("Body Text")
    assert pdf_styles(hs).style("Body Text").alignment == rl


def test_an_alignment_neither_writer_knows_is_refused_when_the_style_loads():
    from reporter.style import StyleError

    with pytest.raises(StyleError, match="'Body Text' has align 'middle'"):
        _house_style_with("middle")


# --------------------------------------------------------------------------- one set of list markers


def nested_lists() -> Document:
    from reporter.model import BulletList, OrderedList

    def item(text, *inner):
        return (Paragraph((Text(text),)), *inner)

    bullets = BulletList((item("bee one", BulletList((item("bee two", BulletList((item("bee three"),))),))),))
    numbers = OrderedList((item("oh one", OrderedList((item("oh two", OrderedList((item("oh three"),), start=4)),),
                                                      start=2)),))
    return Document(Meta(title="Lists"), (bullets, numbers))


EXPECTED_MARKERS = {"bee one": "\u2022", "bee two": "\u2013", "bee three": "\u25aa",
                    "oh one": "1.", "oh two": "b.", "oh three": "iv."}


def test_nested_list_markers_are_the_same_in_docx_and_pdf(tmp_path):
    """The PDF draws what Word shows for the DOCX's numbering: bullet by depth, 1. / a. / i."""
    import zipfile

    import docx
    from lxml import etree

    from reporter.writers.docx import write as write_docx
    from reporter.writers.pdf import write as write_pdf

    write_docx(nested_lists(), tmp_path / "l.docx")
    write_pdf(nested_lists(), tmp_path / "l.pdf")

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(tmp_path / "l.docx") as z:
        numbering = etree.fromstring(z.read("word/numbering.xml"))
    abstracts = {a.get(f"{w}abstractNumId"): a for a in numbering.iter(f"{w}abstractNum")}

    def shown(num_id: str, ilvl: str, count: int) -> str:
        """What Word shows for the ``count``-th item of level ``ilvl`` in list ``num_id``."""
        num = next(n for n in numbering.iter(f"{w}num") if n.get(f"{w}numId") == num_id)
        lvl = next(x for x in abstracts[num.find(f"{w}abstractNumId").get(f"{w}val")].iter(f"{w}lvl")
                   if x.get(f"{w}ilvl") == ilvl)
        fmt = lvl.find(f"{w}numFmt").get(f"{w}val")
        if fmt == "bullet":
            return lvl.find(f"{w}lvlText").get(f"{w}val")
        start = int(lvl.find(f"{w}start").get(f"{w}val"))
        for override in num.iter(f"{w}lvlOverride"):
            if override.get(f"{w}ilvl") == ilvl:
                start = int(override.find(f"{w}startOverride").get(f"{w}val"))
        n = start + count  # small numbers only: Word's letters and numerals spelled out here
        spelled = {"decimal": str(n), "lowerLetter": "abcdefgh"[n - 1], "lowerRoman": "i ii iii iv v".split()[n - 1]}
        return spelled[fmt] + "."

    docx_markers = {}
    for p in docx.Document(str(tmp_path / "l.docx")).paragraphs:
        num_pr = p._p.find(f"{w}pPr/{w}numPr")
        if num_pr is not None:
            docx_markers[p.text] = shown(num_pr.find(f"{w}numId").get(f"{w}val"),
                                         num_pr.find(f"{w}ilvl").get(f"{w}val"), 0)
    assert docx_markers == EXPECTED_MARKERS
    lines = [" ".join(line.split()) for line in pdf_text(tmp_path / "l.pdf").splitlines()]
    assert [f"{marker} {text}" for text, marker in EXPECTED_MARKERS.items()] == [
        line for line in lines if any(line.endswith(text) for text in EXPECTED_MARKERS)]


@pytest.mark.parametrize("n, depth, marker", [(12, 0, "12."), (0, 1, "0."), (26, 1, "z."), (27, 1, "aa."),
                                              (53, 4, "aaa."), (9, 2, "ix."), (1994, 5, "mcmxciv.")])
def test_long_lists_count_on_the_way_word_does(n, depth, marker):
    from reporter.writers.pdf_blocks import list_number

    assert list_number(n, depth) == marker


def test_a_heading_deeper_than_three_is_level_three_everywhere(tmp_path):
    """Styled Heading 3 in the DOCX and listed in its contents, level 3 in the PDF outline and
    contents, and Heading(3) when the DOCX is read back."""
    import docx
    from pypdf import PdfReader

    from reporter.model import Heading, TableOfContents
    from reporter.readers.docx import read_docx
    from reporter.writers.docx import write as write_docx
    from reporter.writers.pdf import write as write_pdf

    doc = Document(Meta(title="Deep"), (TableOfContents(levels=3), Heading(1, (Text("Top"),)),
                                        Heading(5, (Text("Very deep"),)), Paragraph((Text("Body."),))))
    write_docx(doc, tmp_path / "d.docx")
    write_pdf(doc, tmp_path / "d.pdf")
    paragraphs = [(p.style.name, p.text) for p in docx.Document(str(tmp_path / "d.docx")).paragraphs]
    assert ("Heading 3", "Very deep") in paragraphs
    assert [s for s, t in paragraphs if t.startswith("Very deep")] == ["toc 3", "Heading 3"]

    def flatten(items, depth=1):
        for it in items:
            yield from flatten(it, depth + 1) if isinstance(it, list) else [(depth, it.title)]

    # a PDF outline cannot skip a level, so level 3 under level 1 nests one deep
    assert list(flatten(PdfReader(str(tmp_path / "d.pdf")).outline)) == [(1, "Top"), (2, "Very deep")]
    assert "Very deep" in pdf_text(tmp_path / "d.pdf").split("Top", 2)[1]  # in the contents, before the body
    headings = [(b.level, b.children) for b in read_docx(tmp_path / "d.docx")[0].blocks if isinstance(b, Heading)]
    assert headings == [(1, (Text("Top"),)), (3, (Text("Very deep"),))]


def test_table_column_alignments_read_alike_in_both_writers(tmp_path):
    """However a template or saved HTML spells an alignment, both files come out as for the
    canonical words; the DOCX cells carry w:jc center and right, the left column none."""
    import zipfile

    from lxml import etree

    from reporter.model import Table
    from reporter.writers.docx import write as write_docx
    from reporter.writers.pdf import write as write_pdf

    def table(align):
        cells = ((Text("a"),), (Text("b"),), (Text("c"),))
        return Document(Meta(title="Aligned", created="2024-04-20T08:30:00Z"),
                        (Table(header=cells, rows=(cells, cells), align=align),))

    outputs = {}
    for name, align in (("canonical", ("center", "right", "left")), ("spelled", ("Centre", " RIGHT ", "justify"))):
        write_docx(table(align), tmp_path / f"{name}.docx")
        write_pdf(table(align), tmp_path / f"{name}.pdf")
        with zipfile.ZipFile(tmp_path / f"{name}.docx") as z:
            outputs[name] = (z.read("word/document.xml"), (tmp_path / f"{name}.pdf").read_bytes())
    assert outputs["spelled"] == outputs["canonical"]
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    row = etree.fromstring(outputs["canonical"][0]).find(f".//{w}tr")
    assert [[j.get(f"{w}val") for j in tc.iter(f"{w}jc")] for tc in row.iter(f"{w}tc")] == [["center"], ["right"], []]
