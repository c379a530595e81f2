"""The title block is one model block that compose builds: the DOCX and the PDF say the same
things in it, and the DOCX reader gives it back."""

from __future__ import annotations

from pathlib import Path

import docx

from conftest import FIXTURES, pdf_text, run_reporter

EPOCH = {"SOURCE_DATE_EPOCH": "1713571200"}
TITLE_STYLES = ("Title", "Subtitle", "Source", "Marking")


def test_docx_and_pdf_show_the_same_title_block_and_it_reads_back(tmp_path):
    from reporter.model import Div, plain_text
    from reporter.readers.docx import read_docx

    inputs = sorted(FIXTURES.glob("*.md"))[:3]
    res = run_reporter("build", *map(str, inputs), "--out", str(tmp_path), "--marking", "TLP:GREEN",
                       "--prepared-for", "The Board", "--prepared-by", "Desk", env=EPOCH)
    assert res.returncode == 0, res.stderr
    paths = {Path(p).suffix: Path(p) for p in res.stdout.split()}
    paras = docx.Document(str(paths[".docx"])).paragraphs
    head = []
    for p in paras:  # the title block: its named styles, up to the first heading
        if p.style.name not in TITLE_STYLES:
            break
        head.append((p.style.name, p.text))
    styles = [s for s, _ in head]
    assert styles[:2] == ["Title", "Subtitle"] and "Marking" in styles
    assert ("Source", "Prepared for The Board · Prepared by Desk") in head
    sources = [t for s, t in head if t.startswith("Sources: ")]
    assert len(sources) == 1 and sources[0].count(";") >= 1  # the outlets of three stories
    first_page = [" ".join(line.split()) for line in pdf_text(paths[".pdf"]).split("\f")[0].splitlines()]
    for _, text in head:
        assert text in first_page, text
    back, _ = read_docx(paths[".docx"])
    assert isinstance(back.blocks[0], Div) and back.blocks[0].style == "Title Block"
    assert [(p.style, plain_text(p.children)) for p in back.blocks[0].blocks] == head
    assert (back.meta.marking, back.meta.prepared_for, back.meta.author) == ("TLP:GREEN", "The Board", "Desk")
    from reporter.dates import date_label

    # the byline leaves out the date the subtitle says; the reader finds it there
    assert back.meta.date and date_label(back.meta.date) in head[1][1]
