"""The e-mail body is the brief: the page-1 summary's items and the ranked key figures, each with a
short reference, read back from the .eml; and `reporter email` warns as `build` does."""

from __future__ import annotations

import shutil
from email import message_from_bytes, policy
from pathlib import Path

import docx

from conftest import FIXTURES, SAMPLE, run_reporter

ENV = {"SOURCE_DATE_EPOCH": "1713571200", "REPORTER_SMTP_USER": "", "REPORTER_SMTP_PASSWORD": ""}


def _inputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    copy = folder / "copy-of-sample.txt"
    shutil.copy(SAMPLE, copy)  # the same article twice: merged, with a warning
    return [SAMPLE, copy, *sorted(FIXTURES.glob("*.md"))[:3]]


def _docx_brief(path: Path) -> tuple[list[str], list[list[str]]]:
    """The DOCX's executive summary items and its key-figures table rows."""
    d = docx.Document(str(path))
    items, inside = [], False
    for p in d.paragraphs:
        if p.style.name == "Heading 1":
            inside = p.text == "Executive summary"
        elif inside and p.style.name == "List Bullet":
            items.append(p.text)
    figures = [t for t in d.tables if t.rows[0].cells[0].text == "Figure"]
    rows = [[c.text for c in r.cells] for r in figures[0].rows[1:]] if figures else []
    return items, rows


def test_the_email_body_is_the_page_one_summary_with_short_references(tmp_path):
    inputs = [str(p) for p in _inputs(tmp_path)]
    built = run_reporter("build", *inputs, "--out", str(tmp_path / "b"), env=ENV)
    mailed = run_reporter("email", *inputs, "--out", str(tmp_path / "e"), "--to", "boss@example.org", env=ENV)
    assert built.returncode == 0 and mailed.returncode == 0, mailed.stderr
    warnings = [line for line in built.stderr.splitlines() if line.startswith("reporter: warning: ")]
    assert warnings and "merged" in warnings[0]
    assert [line for line in mailed.stderr.splitlines() if line.startswith("reporter: warning: ")] == warnings

    items, rows = _docx_brief(next(Path(p) for p in built.stdout.split() if p.endswith(".docx")))
    assert 3 <= len(items) <= 8 and rows
    eml = next(Path(p) for p in mailed.stdout.split() if p.endswith(".eml"))
    msg = message_from_bytes(eml.read_bytes(), policy=policy.default)
    text = msg.get_body(("plain",)).get_content()
    markup = msg.get_body(("html",)).get_content()
    flat = " ".join(text.split())
    def bullets(section: str, end: str) -> int:
        part = text.split(section, 1)[1].split(end, 1)[0]
        return sum(line.startswith("- ") for line in part.splitlines())

    assert bullets("EXECUTIVE SUMMARY", "KEY FIGURES") == len(items)  # the same items, no more
    for item in items:
        # DOCX: "text — Outlet, date, ¶N[ · N sources]"; e-mail: "text (Outlet, ¶N)"
        sentence, source = item.rsplit(" — ", 1)
        outlet, mark = source.split(", ")[0], source.split(", ")[-1].split(" · ")[0]
        assert f"{' '.join(sentence.split())} ({outlet}, {mark})" in flat, item
    figures = flat.split("KEY FIGURES", 1)[1].split("SOURCES", 1)[0]
    for value, what, _ in rows:
        assert f"{' '.join(value.split())}: {' '.join(what.split())}" in figures
    assert bullets("KEY FIGURES", "SOURCES") - ("more in the attached briefing" in figures) == len(rows)
    assert "para." not in flat and "¶" in markup


def test_the_html_body_renders_in_a_real_browser_with_its_marking(tmp_path):
    """What a mail client shows: the HTML body as headless Chromium draws it is not blank, and
    the TLP label's colours (amber on black, from the one TLP table) are on the screen."""
    import subprocess

    from PIL import Image

    from conftest import require_tool
    from reporter.marking import TLP_LOOKS

    chromium = require_tool("chromium")
    mailed = run_reporter("email", str(SAMPLE), "--marking", "TLP:AMBER", "--out", str(tmp_path / "e"),
                          "--to", "boss@example.org", env=ENV)
    assert mailed.returncode == 0, mailed.stderr
    eml = next(Path(p) for p in mailed.stdout.split() if p.endswith(".eml"))
    html = message_from_bytes(eml.read_bytes(), policy=policy.default).get_body(("html",)).get_content()
    page = tmp_path / "body.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / "shot.png"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars", "--window-size=900,1200",
                    f"--screenshot={shot}", page.as_uri()], check=True, capture_output=True, timeout=120)
    img = Image.open(shot).convert("RGB")
    colours = img.getcolors(maxcolors=img.width * img.height)
    assert len(colours) > 20, "the screenshot is blank"  # text antialiasing alone gives many colours
    ink = sum(n for n, rgb in colours if sum(rgb) < 600)
    assert ink > 0.005 * img.width * img.height, "hardly any text drawn"
    look = TLP_LOOKS["TLP:AMBER"]

    def rgb(hexval: str) -> tuple:
        return tuple(int(hexval.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))

    def near(a, b) -> bool:
        return all(abs(x - y) <= 8 for x, y in zip(a, b))

    amber, black = rgb(look.text), rgb(look.background)
    assert sum(n for n, c in colours if near(c, amber)) > 50, "no amber label on the screen"
    assert sum(n for n, c in colours if near(c, black)) > 200, "no black band behind it"
