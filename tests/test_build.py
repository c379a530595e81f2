"""End to end, as a user runs it: article files in, DOCX and PDF out, read back by real clients."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLE, pdf_text, require_tool, run_reporter

EPOCH = {"SOURCE_DATE_EPOCH": "1713571200"}  # 2024-04-20


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    res = run_reporter("build", str(SAMPLE), "--out", str(out), "--marking", "TLP:AMBER",
                       "--prepared-for", "Security policy team", "--prepared-by", "Analyst Desk", env=EPOCH)
    assert res.returncode == 0, res.stderr
    paths = [Path(line) for line in res.stdout.split()]
    assert sorted(p.suffix for p in paths) == [".docx", ".pdf"]
    return {p.suffix[1:]: p for p in paths}


def _docx_paragraphs(path: Path):
    import docx

    d = docx.Document(str(path))
    return d, [(p.style.name, p.text) for p in d.paragraphs]


def _norm(s: str) -> str:
    return " ".join(s.replace("“", "").replace("”", "").replace("’", "'").split())


def test_the_docx_has_the_briefing_structure_in_named_styles(sample_build):
    d, paras = _docx_paragraphs(sample_build["docx"])
    heads = [(s, t) for s, t in paras if s.startswith("Heading")]
    h1 = [t for s, t in heads if s == "Heading 1"]
    assert h1[0] == "Executive summary" and "Key figures" in h1 and "Appendix" in h1
    h2 = [t for s, t in heads if s == "Heading 2"]
    # The story's digest and its text in the annex, each under the article's title.
    assert h2.count("Peru and the US are strengthening the fight against organized crime") == 2 and "Sources" in h2
    assert [t for s, t in heads if s == "Heading 3"] == ["Dispute between criminals", "Main enemy", "The TCIU program"]
    assert any(s == "Title" for s, _ in paras)
    assert d.core_properties.title.startswith("Peru and the US")
    assert d.core_properties.author == "Analyst Desk"


def test_every_quotation_in_the_docx_is_verbatim_from_the_article(sample_build):
    source = _norm(SAMPLE.read_text(encoding="utf-8"))
    _, paras = _docx_paragraphs(sample_build["docx"])
    quotes = [t for s, t in paras if s == "Quote"]
    attributions = [t for s, t in paras if s == "Quote Attribution"]
    assert len(quotes) >= 1 and len(attributions) == len(quotes)
    for q in quotes:
        assert _norm(q).removesuffix(" …") in source, q  # (a long one is shown by its opening, marked "…")
    assert any("Calle" in a and "Professor of International Relations" in a for a in attributions)


def test_a_statement_of_one_long_paragraph_is_quoted_by_its_opening_sentences(tmp_path):
    sentence = "Payroll employment at the harbour fell by 1,250 in June, and the jobless rate edged down to 9.5 percent. "
    statement = "“" + sentence * 12 + "We will keep watching the figures closely.”"
    article = tmp_path / "statement.txt"
    article.write_text("Statement of Jane Roe, Harbour Commissioner of Labour Statistics\n\n"
                       "Harbour Commissioner Jane Roe said:\n\n" + statement + "\n", encoding="utf-8")
    res = run_reporter("build", str(article), "--out", str(tmp_path / "out"), env=EPOCH)
    assert res.returncode == 0, res.stderr
    docx_path = next(Path(line) for line in res.stdout.split() if line.endswith(".docx"))
    _, paras = _docx_paragraphs(docx_path)
    shown = [t for s, t in paras if s == "Quote"]
    assert shown and all(_norm(t).endswith(" …") and len(t) <= 620 for t in shown), shown
    whole = _norm(statement)
    assert all(whole.startswith(_norm(t).removesuffix(" …")) for t in shown)
    assert any(_norm(sentence * 12) in _norm(t) for s, t in paras if s != "Quote")  # the annex keeps it whole


def test_the_key_figures_table_holds_the_articles_numbers(sample_build):
    import docx

    d = docx.Document(str(sample_build["docx"]))
    cells = {c.text for t in d.tables for row in t.rows for c in row.cells}
    for figure in ("135,000", "160", "33"):
        assert any(figure in c for c in cells), figure
    header = [c.text for c in d.tables[0].rows[0].cells]
    assert header[0] == "Figure"


def test_the_pdf_reads_back_with_fonts_embedded_outline_and_page_numbers(sample_build):
    pdf = sample_build["pdf"]
    text = pdf_text(pdf)
    for needle in ("Executive summary", "Key figures", "Fabián Calle", "Adrianzén", "TLP:AMBER",
                   "Dispute between criminals", "Page 1 of"):
        assert needle in text, needle
    fonts = subprocess.run([require_tool("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in r for r in rows), fonts
    assert not any(name in fonts for name in ("Helvetica", "Times-Roman", "Courier"))
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    outline = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "Executive summary" in outline
    assert reader.metadata.title.startswith("Peru and the US")


def test_libreoffice_opens_the_docx(sample_build, tmp_path):
    soffice = require_tool("soffice")
    res = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(sample_build["docx"])],
        capture_output=True, text=True, timeout=180,
    )
    converted = tmp_path / (sample_build["docx"].stem + ".pdf")
    assert res.returncode == 0 and converted.exists(), res.stderr
    text = pdf_text(converted)
    assert "Executive summary" in text and "Fabián Calle" in text and "135,000" in text


def test_the_same_inputs_give_byte_identical_files(tmp_path):
    outs = []
    for name in ("one", "two"):
        res = run_reporter("build", str(SAMPLE), "--out", str(tmp_path / name), env=EPOCH)
        assert res.returncode == 0, res.stderr
        outs.append({p.name: p.read_bytes() for p in (tmp_path / name).iterdir() if not p.name.startswith(".")})
    assert outs[0].keys() == outs[1].keys() and len(outs[0]) == 2
    for name in outs[0]:
        assert outs[0][name] == outs[1][name], name


def test_several_articles_make_one_briefing_with_a_section_each(tmp_path):
    md = tmp_path / "second.md"
    md.write_text("---\ntitle: Ports in the north face gang pressure\nsource: Example Daily\n"
                  "url: https://example.org/ports\npublished: 2024-04-18\n---\n\n"
                  "Gangs tried to control 3 ports in the north, officials said on Monday.\n", encoding="utf-8")
    res = run_reporter("build", str(SAMPLE), str(md), "--out", str(tmp_path / "out"), "--format", "docx",
                       "--title", "Weekly security briefing")
    assert res.returncode == 0, res.stderr
    (path,) = [Path(p) for p in res.stdout.split()]
    assert path.suffix == ".docx" and not list((tmp_path / "out").glob("*.pdf"))
    _, paras = _docx_paragraphs(path)
    h2 = [t for s, t in paras if s == "Heading 2"]
    # Stories and annexed articles are numbered in a multi-article briefing, and references name the article: "2 ¶1".
    assert "1. Peru and the US are strengthening the fight against organized crime" in h2
    assert "2. Ports in the north face gang pressure" in h2
    assert ("Title", "Weekly security briefing") in paras
    import docx

    cells = [c.text for t in docx.Document(str(path)).tables for row in t.rows for c in row.cells]
    assert "2 ¶1" in cells and any(c.startswith("1 ¶") for c in cells)


HOSTILE = "<b>&<script>alert(1)</script> <para>x</para> &amp; <font size=80>big</font> ]]>"


def test_hostile_article_text_is_shown_literally_in_both_formats(tmp_path):
    art = tmp_path / "hostile.txt"
    word = "W" * 3000
    art.write_text(f"Markup {HOSTILE} in a title\n\nFirst paragraph {HOSTILE} ends.\x07\n\n{word}\n\n"
                   "# not a heading and **not bold**\n", encoding="utf-8")
    res = run_reporter("build", str(art), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    paths = {Path(p).suffix: Path(p) for p in res.stdout.split()}
    _, paras = _docx_paragraphs(paths[".docx"])
    texts = "\n".join(t for _, t in paras)
    assert f"First paragraph {HOSTILE} ends." in texts
    assert "# not a heading and **not bold**" in texts
    assert word in texts
    pdf = " ".join(pdf_text(paths[".pdf"]).split())
    assert "<b>&<script>alert(1)</script>" in pdf and "<para>x</para> &amp;" in pdf


@pytest.mark.parametrize("content", [b"", b"  \n ", b"\x00\x01binary\xff\xfe" * 20, b"Title\n\nCaf\xe9\n"])
def test_bad_input_is_one_line_exit_2_and_nothing_written(tmp_path, content):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("existing", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    res = run_reporter("build", str(SAMPLE), str(bad), "--out", str(out))
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("reporter: error: ")
    assert str(bad) in res.stderr and "Traceback" not in res.stderr
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


def test_a_failing_writer_leaves_nothing_half_written(tmp_path):
    out = tmp_path / "out"
    bad_ref = tmp_path / "corporate.docx"
    bad_ref.write_bytes(b"this is not a docx")
    res = run_reporter("build", str(SAMPLE), "--out", str(out), "--reference-doc", str(bad_ref))
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith("reporter: error: ") and res.stderr.count("\n") == 1
    assert not out.exists() or list(out.iterdir()) == []


def test_command_line_mistakes_are_explained(tmp_path):
    res = run_reporter("build", str(SAMPLE), "--format", "odt", "--out", str(tmp_path))
    assert res.returncode == 2 and "choose docx, pdf" in res.stderr
    res = run_reporter("build", str(tmp_path / "missing.txt"), "--out", str(tmp_path))
    assert res.returncode == 2 and "missing.txt: no such file" in res.stderr
    res = run_reporter("build", str(SAMPLE), "--title", "two\nlines", "--out", str(tmp_path))
    assert res.returncode == 2 and "one line" in res.stderr


def test_a_users_template_shapes_the_briefing(tmp_path):
    tpl = tmp_path / "mine.md.j2"
    tpl.write_text("# Bottom line\n\n{% for p in summary %}{{ p.text }}\n\n{% endfor %}"
                   "# Quotes only\n\n{% for q in quotes %}> {{ q.text }}\n>\n> — {{ q.speaker }}\n\n{% endfor %}",
                   encoding="utf-8")
    res = run_reporter("build", str(SAMPLE), "--template", str(tpl), "--out", str(tmp_path / "o"), "--format", "docx")
    assert res.returncode == 0, res.stderr
    _, paras = _docx_paragraphs(Path(res.stdout.strip()))
    h1 = [t for s, t in paras if s == "Heading 1"]
    assert h1 == ["Bottom line", "Quotes only"]
    assert any(s == "Quote Attribution" and "Calle" in t for s, t in paras)


def test_the_python_api_returns_the_written_paths(tmp_path, monkeypatch):
    import reporter

    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH["SOURCE_DATE_EPOCH"])
    paths = reporter.build_briefing([SAMPLE], formats=("pdf",), out_dir=tmp_path, marking="TLP:GREEN")
    assert [p.suffix for p in paths] == [".pdf"] and paths[0].parent == tmp_path
    assert "TLP:GREEN" in pdf_text(paths[0])


def test_analyze_prints_the_facts_as_json():
    res = run_reporter("analyze", str(SAMPLE))
    assert res.returncode == 0, res.stderr
    (art,) = json.loads(res.stdout)
    for key in ("title", "paragraphs", "quotes", "figures", "timeline", "people", "organizations", "places",
                "sources", "key_points"):
        assert key in art
    assert len(art["paragraphs"]) == 21
    for q in art["quotes"]:
        assert q["text"] in art["paragraphs"][q["paragraph"] - 1]


def test_a_reader_that_went_away_is_not_an_error(tmp_path):
    """`reporter build ... | head -0`: the paths cannot be printed, which is no failure."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    read_end, write_end = os.pipe()
    proc = subprocess.Popen([sys.executable, "-m", "reporter", "build", str(SAMPLE), "--out", str(tmp_path)],
                            cwd=ROOT, stdout=write_end, stderr=subprocess.PIPE)
    os.close(write_end)
    os.close(read_end)  # gone long before the build prints its first path
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 141 and err.decode() == ""  # no "internal error", no traceback
    assert sorted(p.suffix for p in tmp_path.iterdir() if not p.name.startswith(".")) == [".docx", ".pdf"]  # the build itself finished


def test_every_fixture_builds(tmp_path):
    inputs = sorted(p for p in FIXTURES.iterdir() if p.is_file() and p.suffix in (".txt", ".md", ".json", ".yaml", ".yml", ".html"))
    assert len(inputs) >= 1
    res = run_reporter("build", *map(str, inputs), "--out", str(tmp_path), env={**EPOCH, **os.environ})
    assert res.returncode == 0, res.stderr


def test_qpdf_finds_the_pdf_structurally_sound(sample_build):
    res = subprocess.run([require_tool("qpdf"), "--check", str(sample_build["pdf"])], capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "No syntax or stream encoding errors found" in res.stdout


def test_a_5000_character_title_builds_and_wraps(tmp_path):
    title = " ".join(["Extraordinarily"] * 330)[:5000]
    art = tmp_path / "long.json"
    art.write_text(json.dumps({"title": title, "body": ["Officials said 12 ports were affected."]}), encoding="utf-8")
    res = run_reporter("build", str(art), "--out", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    paths = {Path(p).suffix: Path(p) for p in res.stdout.split()}
    assert len(paths[".pdf"].name) < 100  # the file name is a short slug of the title
    _, paras = _docx_paragraphs(paths[".docx"])
    assert ("Title", title) in paras
    assert " ".join(pdf_text(paths[".pdf"]).split()).count("Extraordinarily") >= 330
