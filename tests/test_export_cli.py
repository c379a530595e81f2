"""``reporter export EDITED.docx``: an edited DOCX back to a house-style PDF, run as a user would."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from conftest import pdf_text, run_reporter

EPOCH = {"SOURCE_DATE_EPOCH": "1713600000"}


def _word_file(path: Path, *, tracked: bool = False) -> Path:
    d = docx.Document()
    d.add_paragraph("Port security note", style="Title")
    d.add_heading("Callao", level=1)
    d.add_paragraph("Seizures <b>rose</b> & customs staff doubled.")
    d.add_paragraph("We will not bow.", style="Quote")
    d.add_paragraph("Checks at night", style="List Bullet")
    if tracked:
        from docx.oxml import parse_xml

        p = d.add_paragraph("Kept ")
        p._p.append(parse_xml(
            '<w:ins xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="1" w:author="A">'
            '<w:r><w:t>inserted words</w:t></w:r></w:ins>'))
        p._p.append(parse_xml(
            '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="2" w:author="A">'
            '<w:r><w:delText>deleted words</w:delText></w:r></w:del>'))
    d.save(str(path))
    return path


def test_export_writes_the_pdf_named_after_the_docx(tmp_path):
    src = _word_file(tmp_path / "edited.docx")
    out = tmp_path / "out"
    result = run_reporter("export", str(src), "--out", str(out), env=EPOCH)
    assert result.returncode == 0, result.stderr
    pdf = out / "edited.pdf"
    assert result.stdout.strip() == str(pdf)
    assert result.stderr == ""
    text = " ".join(pdf_text(pdf).split())
    for wanted in ("Port security note", "Callao", "Seizures <b>rose</b> & customs staff doubled.",
                   "We will not bow.", "Checks at night"):
        assert wanted in text


def test_export_is_byte_reproducible(tmp_path):
    src = _word_file(tmp_path / "edited.docx")
    first = run_reporter("export", str(src), "--out", str(tmp_path / "a"), env=EPOCH)
    second = run_reporter("export", str(src), "--out", str(tmp_path / "b"), env=EPOCH)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert (tmp_path / "a" / "edited.pdf").read_bytes() == (tmp_path / "b" / "edited.pdf").read_bytes()


def test_tracked_changes_are_accepted_with_one_warning_line(tmp_path):
    src = _word_file(tmp_path / "tracked.docx", tracked=True)
    result = run_reporter("export", str(src), "--out", str(tmp_path / "out"), env=EPOCH)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"reporter: warning: {src}: tracked changes were accepted (1 insertion, 1 deletion)"]
    text = " ".join(pdf_text(tmp_path / "out" / "tracked.pdf").split())
    assert "Kept inserted words" in text and "deleted words" not in text


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty"),
    (b"plain text, not a document", "is not a DOCX file (not a ZIP package)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "is a Word 97-2003 .doc file; save it as .docx"),
    (None, "it has no word/document.xml"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path, content, problem):
    src = tmp_path / "bad.docx"
    if content is None:
        with zipfile.ZipFile(src, "w") as zf:
            zf.writestr("notes.txt", "hello")
    else:
        src.write_bytes(content)
    out = tmp_path / "out"
    result = run_reporter("export", str(src), "--out", str(out))
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"reporter: error: {src}: ") and problem in lines[0]
    assert "Traceback" not in result.stderr
    assert not out.exists() or list(out.iterdir()) == []


def test_missing_file_is_an_input_error(tmp_path):
    result = run_reporter("export", str(tmp_path / "nope.docx"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1 and "nope.docx" in result.stderr
