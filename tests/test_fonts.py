"""fontconfig, asked through one bounded and cached call (reporter.fonts.ask) by both of its
readers: the reference document's families (fc-match) and the PDF's fallback list (fc-list).

The tools here are small shell scripts put first on PATH, so each test knows what fontconfig
"says" and counts how often it was run; the real tools are tested in test_look and test_scripts.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reporter import fonts


@pytest.fixture
def fake_tools(tmp_path, monkeypatch):
    """A folder first on PATH where a test writes its fontconfig tools; each run of one is a
    line in ``runs.log``. The module's answers start empty and are dropped afterwards."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "runs.log"
    log.touch()

    def tool(name: str, body: str) -> None:
        script = bin_dir / name
        script.write_text(f'#!/bin/sh\nprintf "%s\\n" {name} >> "{log}"\n{body}\n', encoding="utf-8")
        script.chmod(0o755)

    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}/usr/bin{os.pathsep}/bin")
    monkeypatch.setattr(fonts, "_ANSWERS", {})
    monkeypatch.setattr(fonts, "_SYSTEM", None)
    fonts.find_family.cache_clear()
    tool.runs = lambda: log.read_text(encoding="utf-8").splitlines()
    yield tool
    fonts.find_family.cache_clear()


FC_LIST = r"""printf 'Noto Sans Thai\tRegular\tTrueType\t/fonts/NotoSansThai-Regular.ttf\t20-7e e01-e3a\n'
printf 'Noto Sans Thai\tBold\tTrueType\t/fonts/NotoSansThai-Bold.ttf\t20-7e e01-e3a\n'
printf 'Noto Sans Thai\tItalic\tTrueType\t/fonts/NotoSansThai-Italic.ttf\t20-7e\n'
printf 'Noto Sans CJK SC\tRegular\tCFF\t/fonts/NotoSansCJK-Regular.ttc\t4e00-9fff\n'
printf 'Droid Sans Fallback\tRegular\tTrueType\t/fonts/DroidSansFallback.ttf\t4e00 4e01 ac00-ac02\n'
printf 'not a font line\n'"""


def test_the_fallback_list_reads_fc_list_once_keeping_upright_truetype_faces_and_their_characters(fake_tools):
    fake_tools("fc-list", FC_LIST)
    found = fonts.system_fonts()
    assert [(f.family, f.bold, f.path.name) for f in found] == [
        ("Droid Sans Fallback", False, "DroidSansFallback.ttf"),
        ("Noto Sans Thai", True, "NotoSansThai-Bold.ttf"),
        ("Noto Sans Thai", False, "NotoSansThai-Regular.ttf"),
    ]  # the italic and the CFF face are left out; sorted whatever order fontconfig lists in
    droid = found[0]
    assert droid.charset == {0x4E00, 0x4E01, 0xAC00, 0xAC01, 0xAC02}
    assert 0xE01 in found[2].charset and 0xE3A in found[2].charset and 0xE3B not in found[2].charset
    assert fonts.system_fonts() is found
    assert [r.split()[0] for r in fake_tools.runs()] == ["fc-list"]
    assert fonts.asked() == ("fc-list",)


FC_MATCH = r"""case "$3" in
  Calibri) printf '/fonts/Carlito-Regular.ttf\nCarlito\nTrueType\nRegular' ;;
  Calibri:weight=bold) printf '/fonts/Carlito-Bold.ttf\nCarlito\nTrueType\nBold' ;;
  Calibri:slant=italic) printf '/fonts/Carlito-Regular.ttf\nCarlito\nTrueType\nRegular' ;;
  *) printf '/fonts/DejaVuSans.ttf\nDejaVu Sans\nTrueType\nBook' ;;
esac"""


def test_find_family_asks_fc_match_once_a_face_and_keeps_only_the_family_or_its_twin(fake_tools):
    fake_tools("fc-match", FC_MATCH)
    found = fonts.find_family("Calibri")
    assert found is not None and found.family == "Carlito"
    assert found.regular == Path("/fonts/Carlito-Regular.ttf") and found.bold == Path("/fonts/Carlito-Bold.ttf")
    assert found.italic is None  # fontconfig answered with the regular face: no italic here
    assert found.bold_italic is None  # DejaVu Sans is neither Calibri nor Carlito
    assert fonts.find_family("Nonesuch") is None
    runs = len(fake_tools.runs())
    assert runs == 5  # four faces of Calibri, the regular of Nonesuch (no match: no more asked)
    fonts.find_family.cache_clear()
    assert fonts.find_family("Calibri") == found  # the same answers, from the one cache of calls
    assert len(fake_tools.runs()) == runs
    assert set(fonts.asked()) == {"fc-match"}


def test_a_fontconfig_that_hangs_is_no_answer_within_its_deadline(fake_tools, monkeypatch):
    fake_tools("fc-list", "sleep 30")
    monkeypatch.setattr(fonts, "SECONDS", {"fc-list": 0.5})
    start = time.monotonic()
    assert fonts.system_fonts() == ()
    assert time.monotonic() - start < 10


def test_a_fontconfig_that_prints_without_end_is_no_answer_past_the_cap(fake_tools, monkeypatch):
    fake_tools("fc-match", "while :; do echo /fonts/Carlito-Regular.ttf; done")
    monkeypatch.setattr(fonts, "MAX_BYTES", 4096)
    start = time.monotonic()
    assert fonts.find_family("Calibri") is None
    assert fonts.ask("fc-match", "-f", "%{file}", "Calibri") == ""
    assert time.monotonic() - start < 10


def test_no_fontconfig_means_no_fonts_and_no_error(fake_tools, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # the fake folder, empty: no fontconfig at all
    assert fonts.system_fonts() == ()
    assert fonts.find_family("Calibri") is None
    assert fake_tools.runs() == []
