"""The contents list: each entry's page number is the page its heading is on, in the PDF and in
the DOCX's TOC field (its cached result, shown before any field update); short briefings have none."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import FIXTURES, require_tool, run_reporter

EPOCH = {"SOURCE_DATE_EPOCH": "1713571200"}
MANY = sorted(FIXTURES.glob("*.md")) + sorted(FIXTURES.glob("*.txt"))
_ENTRY = re.compile(r"^(.*\S)\s+(\d+)$")


def _build(tmp_path: Path, inputs, *extra: str) -> dict[str, Path]:
    res = run_reporter("build", *map(str, inputs), "--out", str(tmp_path), *extra, env=EPOCH)
    assert res.returncode == 0, res.stderr
    return {Path(p).suffix[1:]: Path(p) for p in res.stdout.split()}


def _pages(pdf: Path) -> list[list[str]]:
    """Each page's lines, as pdftotext lays them out (the numbers sit at the right margin)."""
    exe = require_tool("pdftotext")
    out = []
    for n in range(1, len(PdfReader(str(pdf)).pages) + 1):
        text = subprocess.run([exe, "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        out.append([" ".join(line.split()) for line in text.splitlines()])
    return out


def _pdf_contents(pages: list[list[str]]) -> tuple[int, list[tuple[str, int]]]:
    """The page the contents list is on (from 1) and its entries, as (title, page number)."""
    for n, lines in enumerate(pages, 1):
        if "Contents" in lines:
            start = lines.index("Contents") + 1
            entries = []
            for line in lines[start:]:
                m = _ENTRY.match(line)
                if not m:
                    break
                entries.append((m.group(1), int(m.group(2))))
            return n, entries
    return 0, []


def _docx_contents(docx: Path) -> list[tuple[str, str]]:
    """The TOC field's entries as the DOCX stores them: (heading text, cached PAGEREF result)."""
    xml = zipfile.ZipFile(docx).read("word/document.xml").decode()
    out = []
    for para in re.findall(r'<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="TOC\d"/>.*?</w:p>', xml, re.S):
        texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", para)
        ref = re.search(r"PAGEREF \w+.*?<w:t(?: [^>]*)?>([^<]*)</w:t>", para, re.S)
        if ref:
            out.append(("".join(texts[:-1]).strip(), ref.group(1)))
    return out


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("out"), MANY)


def test_the_pdf_contents_give_the_page_each_heading_is_on(many):
    pages = _pages(many["pdf"])
    at, entries = _pdf_contents(pages)
    assert at == 2 and len(entries) >= 4, entries
    assert [t for t, _ in entries][:2] == ["Executive summary", "Stories"]
    for title, number in entries:
        # the heading is a line of its own on that page (an entry has its number on its line)
        found = [n for n, lines in enumerate(pages, 1) if title in lines]
        assert found and found[0] == number, (title, number, found)
    assert [n for _, n in entries] == sorted(n for _, n in entries)
    assert entries[-1][1] > 2


def test_the_docx_toc_field_shows_the_pdfs_page_numbers(many):
    _, pdf_entries = _pdf_contents(_pages(many["pdf"]))
    docx_entries = _docx_contents(many["docx"])
    assert [(t, str(n)) for t, n in pdf_entries] == docx_entries


def test_the_docx_alone_numbers_its_contents_by_the_same_layout(many, tmp_path):
    alone = _build(tmp_path, MANY, "--format", "docx")
    assert list(alone) == ["docx"]
    assert _docx_contents(alone["docx"]) == _docx_contents(many["docx"])


def test_a_short_briefing_has_no_contents_list(tmp_path):
    inputs = []
    for name, town, n in (("bridge", "Northfield", 12), ("library", "Southport", 40)):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"The {town} {name} reopens\n\nThe council said on Monday that the {name} in {town} "
                        f"will reopen after {n} weeks of repairs. Work cost {n * 10000} pounds.\n", encoding="utf-8")
        inputs.append(path)
    short = _build(tmp_path / "out", inputs)
    pages = _pages(short["pdf"])
    assert len(pages) <= 2
    assert _pdf_contents(pages) == (0, [])
    xml = zipfile.ZipFile(short["docx"]).read("word/document.xml").decode()
    assert "TOC \\o" not in xml and "Contents" not in xml and "Executive summary" in xml
