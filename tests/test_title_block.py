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


def test_stories_with_no_named_publisher_are_counted_and_their_digest_says_so(tmp_path):
    """One article names its publisher, one does not: the title block must not say the one
    publisher carried both, and the second story's outlet line under its headline points to
    its text in the annex instead of repeating the headline's first words."""
    named = tmp_path / "named.md"
    named.write_text("---\ntitle: Harbour dredging contract awarded\nsource: Port Authority of Exampleton\n"
                     "published: 2024-03-02\n---\n\nThe port authority awarded a contract worth $12 million "
                     "to deepen the main channel by two metres before the winter storms begin.\n\n"
                     "Work starts in April and is due to finish within eighteen months, the authority said.\n")
    bare = tmp_path / "bare.txt"
    bare.write_text("Orchard growers report a late frost\n\nGrowers in the northern valley lost about a third "
                    "of their apple blossom to a late frost on Tuesday night, the growers' association said.\n\n"
                    "Insurers expect claims to rise sharply, and the association asked for emergency support.\n")
    res = run_reporter("build", str(named), str(bare), "--out", str(tmp_path / "out"), env=EPOCH)
    assert res.returncode == 0, res.stderr
    paths = {Path(p).suffix: Path(p) for p in res.stdout.split()}
    texts = [p.text for p in docx.Document(str(paths[".docx"])).paragraphs]
    assert "Sources: Port Authority of Exampleton; 1 story with no named publisher" in texts
    pdf = " ".join(pdf_text(paths[".pdf"]).split())
    assert "Sources: Port Authority of Exampleton; 1 story with no named publisher" in pdf
    outlet_lines = [t for t in texts if "no named publisher" in t and not t.startswith("Sources")]
    assert outlet_lines and all(t.startswith("Annex article ") for t in outlet_lines), outlet_lines
    assert not any(t.startswith("\u201cOrchard growers report") for t in texts)


def test_a_one_story_brief_does_not_repeat_its_headline_after_every_summary_item(tmp_path):
    """An article that names no publisher is labelled by its title's first words, which tells
    stories apart in a brief of several; in a brief of one story it would repeat the headline
    after each item, so the item ends with its date and ¶ link alone."""
    bare = tmp_path / "bare.txt"
    bare.write_text("Orchard growers report a late frost\n\nGrowers in the northern valley lost about a third "
                    "of their apple blossom to a late frost on Tuesday night, the growers' association said.\n\n"
                    "Insurers expect claims to rise sharply, and the association asked the ministry for emergency "
                    "support before the harvest.\n", encoding="utf-8")
    res = run_reporter("build", str(bare), "--out", str(tmp_path / "out"), "--format", "docx", env=EPOCH)
    assert res.returncode == 0, res.stderr
    doc = docx.Document(res.stdout.split()[0])
    items = [p.text for p in doc.paragraphs if p.style.name.startswith("List") and "¶" in p.text]
    assert items and all(" — ¶" in t for t in items), items
    assert not any("\u201cOrchard growers" in t for t in items)
