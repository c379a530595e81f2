"""Every script on the page: fallback fonts, shaping, right-to-left order, the DOCX's run
languages, and a warning (or with --strict an error) for characters no font has.

The mixed-script fixture (names, places and a slogan in nine scripts inside English
sentences) is built once through the CLI; the PDF is read back with pdffonts, pdftotext,
pypdf and fontTools (the embedded subsets: every glyph drawn is a real one, not .notdef),
and rendered with pdftoppm; the DOCX with lxml.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import pytest
from conftest import IN_CI, ROOT, pdf_text, require_tool, run_reporter

from reporter.ingest.clean import clean_text
from reporter.scripts import base_level, bidi_levels, segments, visual_order

FIXTURE = ROOT / "tests" / "data" / "scripts" / "mixed-scripts.md"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# (text in the fixture, the font that must draw it: the PDF's BaseFont without its subset tag)
SAMPLES = [
    ("北京", "DroidSansFallback"),
    ("ありがとうございます", "DroidSansFallback"),
    ("김민준", "NanumGothic"),
    ("القاهرة", "NotoSansArabic-Regular"),
    ("الشعب يريد", "NotoSansArabic-Regular"),
    ("ירושלים", "LiberationSans"),
    ("שלום עכשיו", "LiberationSans"),
    ("दिल्ली", "NotoSansDevanagari-Regular"),
    ("नरेन्द्र", "NotoSansDevanagari-Regular"),
    ("กรุงเทพมหานคร", "NotoSansThai-Regular"),
    ("Αθήνα", "LiberationSans"),
    ("Москва", "LiberationSans"),
]
FONT_PACKAGES = {  # family fontconfig must know -> the Debian package (.ci/run installs them)
    "Droid Sans Fallback": "fonts-droid-fallback",
    "Noto Sans Arabic": "fonts-noto-core",
    "Noto Sans Devanagari": "fonts-noto-core",
    "Noto Sans Thai": "fonts-noto-core",
    "NanumGothic": "fonts-nanum",
}


def require_fonts() -> None:
    """Skip without the fallback fonts locally; fail without them in CI."""
    exe = require_tool("fc-list")
    families = subprocess.run([exe, "--format", "%{family[0]}\n"], capture_output=True, text=True).stdout.split("\n")
    missing = sorted({pkg for fam, pkg in FONT_PACKAGES.items() if fam not in families})
    if missing:
        msg = f"fonts not installed: {' '.join(missing)}"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    require_fonts()
    out = tmp_path_factory.mktemp("scripts")
    result = run_reporter("build", str(FIXTURE), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return {"pdf": next(out.glob("*.pdf")), "docx": next(out.glob("*.docx")), "stderr": result.stderr}


def _plain(text: str) -> str:
    """pdftotext's output without the embedding marks it wraps right-to-left runs in, on one line."""
    return " ".join(re.sub("[\u202a-\u202e]", "", text).split())


# -- the PDF -------------------------------------------------------------------------------------


def test_the_fallback_fonts_are_embedded_with_unicode_maps(built):
    lines = subprocess.run([require_tool("pdffonts"), str(built["pdf"])], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    fonts = {line.split()[0].split("+", 1)[1]: line.split() for line in lines}
    for _, font in SAMPLES:
        assert font in fonts, f"{font} not in the PDF: {sorted(fonts)}"
    for name, cols in fonts.items():
        assert cols[-5:-2] == ["yes", "yes", "yes"], f"{name}: embedded, subset, ToUnicode: {cols}"
    assert not built["stderr"], "every character of the fixture has a font: no warning"


@pytest.mark.parametrize("text", [s for s, _ in SAMPLES])
def test_text_comes_back_in_reading_order(built, text):
    assert text in _plain(pdf_text(built["pdf"]))


def _fonts(pdf: Path) -> dict:
    """BaseFont (without the subset tag) -> [(unicode text, glyph name, contours)] for every code
    the pages draw, read from the content streams, the embedded TrueType subsets and their
    ToUnicode maps. reportlab draws a character its font lacks as code 0, glyph 0: ".notdef"."""
    from fontTools.ttLib import TTFont
    from pypdf import PdfReader
    from pypdf.generic import ContentStream

    reader = PdfReader(pdf)
    out: dict = {}
    for page in reader.pages:
        fonts = {}
        for key, font in page["/Resources"]["/Font"].items():
            font = font.get_object()
            if "/FontDescriptor" not in font:  # a standard font (never in ours: pdffonts checks)
                continue
            tt = TTFont(io.BytesIO(font["/FontDescriptor"]["/FontFile2"].get_data()))
            cmap = {}
            for table in tt["cmap"].tables:
                cmap.update(table.cmap)
            pairs = "".join(re.findall(r"beginbfchar(.*?)endbfchar", font["/ToUnicode"].get_data().decode("latin-1"),
                                       flags=re.S))
            unicode = {int(c, 16): bytes.fromhex(u).decode("utf-16-be", "replace")
                       for c, u in re.findall(r"<([0-9A-F]{2})> <([0-9A-F]+)>", pairs) if len(u) % 4 == 0}
            fonts[key] = (str(font["/BaseFont"]).split("+", 1)[-1], tt, cmap, unicode)
        current = None
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tf":
                current = fonts.get(operands[0])
                continue
            if op not in (b"Tj", b"TJ") or current is None:
                continue
            name, tt, cmap, unicode = current
            strings = operands[0] if op == b"TJ" else [operands[0]]
            for string in strings:
                if not hasattr(string, "original_bytes"):
                    continue  # a TJ offset
                for code in string.original_bytes:
                    gname = cmap.get(code, cmap.get(0xF000 + code)) if code else None
                    if gname is None or not tt.getGlyphID(gname):
                        gname = ".notdef"
                    glyf = tt["glyf"]
                    contours = glyf[gname].numberOfContours if gname in glyf else 0
                    out.setdefault(name, []).append((unicode.get(code, "\0"), gname, contours))
    return out


def test_every_glyph_drawn_is_a_real_one(built):
    fonts = _fonts(built["pdf"])
    for name, glyphs in fonts.items():
        for char, gname, contours in glyphs:
            assert gname != ".notdef", f"{name} draws {char!r} as .notdef"
            blank = unicodedata.category(char[:1]).startswith(("Z", "C")) if char else True
            if not blank:
                assert contours != 0, f"{name} draws {char!r} with an empty glyph {gname}"
    for text, font in SAMPLES:
        if font in ("DroidSansFallback", "NanumGothic"):  # unshaped: the very characters are in the subset
            drawn = {c for c, _, _ in fonts[font]}
            assert set(text) <= drawn, f"{text}: {set(text) - drawn} not drawn in {font}"


def test_the_glyph_check_finds_a_missing_glyph(tmp_path):
    """What the check above reads, for a character drawn in a font that lacks it."""
    from reportlab.pdfgen.canvas import Canvas

    from reporter.style import load_house_style
    from reporter.writers.pdf_styles import pdf_styles

    face = pdf_styles(load_house_style()).style("Body Text").fontName
    c = Canvas(str(tmp_path / "t.pdf"))
    c.setFont(face, 12)
    c.drawString(10, 10, "A北")
    c.save()
    glyphs = _fonts(tmp_path / "t.pdf")["LiberationSans"]
    assert [g == ".notdef" for _, g, _ in glyphs] == [False, True]


def test_ideographs_break_where_the_line_ends(built):
    """The long Chinese sentence starts on the line of the English words before it (a break
    between ideographs), not on a line of its own as an over-long word would."""
    layout = pdf_text(built["pdf"], layout=True).splitlines()
    line = next(line for line in layout if "Shanghai wrote" in line)
    assert "上海" in line
    rest = layout[layout.index(line) + 1]
    assert re.search("[\u4e00-\u9fff]", rest), "the sentence goes on on the next line"


def _ink(text: str, tmp_path: Path, name: str) -> int:
    """Dark pixels of a page holding one paragraph of ``text``, rendered by pdftoppm."""
    from PIL import Image

    from reporter.model import Document, Meta, Paragraph, Text
    from reporter.writers.pdf import render

    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(render(Document(Meta(title=""), (Paragraph((Text(text),)),))))
    subprocess.run([require_tool("pdftoppm"), "-png", "-r", "100", "-singlefile", str(pdf), str(tmp_path / name)],
                   check=True)
    return sum(Image.open(tmp_path / f"{name}.png").convert("L").histogram()[:128])


@pytest.mark.parametrize("text", ["北京上海東京広島", "서울부산대구인천", "القاهرة دمشق بغداد", "दिल्ली मुंबई"])
def test_the_page_has_ink_where_the_text_is(tmp_path, text):
    """Rendered, real glyphs put far more ink on the page than the same number of boxes (what
    a font without the glyphs draws), and some more than an empty paragraph."""
    require_fonts()
    empty = _ink("x", tmp_path, "empty")
    boxes = _ink("\u25a1" * len(text.replace(" ", "")), tmp_path, "boxes") - empty
    glyphs = _ink(text, tmp_path, "glyphs") - empty
    assert glyphs > 1.3 * boxes > 0


# -- the DOCX ------------------------------------------------------------------------------------


def _runs(docx: Path) -> list:
    from lxml import etree

    with zipfile.ZipFile(docx) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return [(r, "".join(t.text or "" for t in r.iter(W + "t"))) for r in root.iter(W + "r")]


@pytest.mark.parametrize("text, lang_attr, lang, font_attr, rtl", [
    ("北京", "eastAsia", "zh-CN", "eastAsia", False),  # Han next to kana would be Japanese
    ("ありがとうございます", "eastAsia", "ja-JP", "eastAsia", False),
    ("김민준", "eastAsia", "ko-KR", "eastAsia", False),
    ("القاهرة", "bidi", "ar-SA", "cs", True),
    ("ירושלים", "bidi", "he-IL", None, True),
    ("दिल्ली", "bidi", "hi-IN", "cs", False),
    ("สมชาย", "bidi", "th-TH", "cs", False),
    ("Αθήνα", "val", "el-GR", None, False),
    ("Москва", "val", "ru-RU", None, False),
])
def test_docx_runs_carry_language_direction_and_font(built, text, lang_attr, lang, font_attr, rtl):
    found = [r for r, t in _runs(built["docx"]) if t == text]
    assert found, f"no run of its own for {text!r}"
    rpr = found[0].find(W + "rPr")
    assert rpr.find(W + "lang").get(W + lang_attr) == lang
    assert (rpr.find(W + "rtl") is not None) == rtl
    fonts = rpr.find(W + "rFonts")
    if font_attr:
        assert fonts is not None and fonts.get(W + font_attr)
    # a bracket after a right-to-left word is not in its run
    rtl_runs = [t for r, t in _runs(built["docx"]) if r.find(W + "rPr/" + W + "rtl") is not None]
    assert not any(t.startswith(text + ")") for t in rtl_runs)


def test_a_right_to_left_paragraph_is_marked_bidi(tmp_path):
    from lxml import etree

    from reporter.model import Document, Meta, Paragraph, Text
    from reporter.writers.docx import write

    doc = Document(Meta(title="t"), (Paragraph((Text("القاهرة عاصمة مصر"),)), Paragraph((Text("Cairo (القاهرة)"),))))
    write(doc, tmp_path / "d.docx")
    with zipfile.ZipFile(tmp_path / "d.docx") as z:
        root = etree.fromstring(z.read("word/document.xml"))
    marks = [p.find(W + "pPr/" + W + "bidi") is not None for p in root.iter(W + "p")]
    assert marks[-2:] == [True, False]


# -- characters no font has ----------------------------------------------------------------------


@pytest.fixture
def bare_style(tmp_path) -> Path:
    """The templates with an empty fallback chain: only the house fonts, so CJK has no font."""
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    toml = templates / "house-style.toml"
    text = toml.read_text(encoding="utf-8")
    text = re.sub(r"\[fallback\]\nfonts = \[.*?\]\n", "[fallback]\nfonts = []\n", text, flags=re.S)
    text = re.sub(r"\[fallback\.scripts\]\n(?:[A-Za-z]+ = .*\n)+", "", text)
    toml.write_text(text, encoding="utf-8")
    return templates


def test_characters_without_a_font_give_one_warning_and_a_placeholder(tmp_path, bare_style):
    result = run_reporter("build", str(FIXTURE), "--out", str(tmp_path / "out"),
                          env={"REPORTER_TEMPLATES": str(bare_style)})
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "no font" in line]
    assert len(warnings) == 1, result.stderr
    for script in ("Han", "Arabic", "Devanagari", "Thai", "Hangul"):
        assert script in warnings[0]
    assert "U+5317" in result.stderr or "U+674E" in result.stderr  # a few of the characters, by code point
    text = pdf_text(next((tmp_path / "out").glob("*.pdf")))
    assert "\ufffd" in text or "\u25a1" in text  # a visible placeholder, never nothing
    assert "Москва" in _plain(text)  # what the house font has is drawn as before


def test_strict_makes_it_an_error_and_writes_nothing(tmp_path, bare_style):
    out = tmp_path / "out"
    result = run_reporter("build", str(FIXTURE), "--out", str(out), "--strict",
                          env={"REPORTER_TEMPLATES": str(bare_style)})
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no font" in lines[0] and "Han" in lines[0], result.stderr
    assert not out.exists() or not list(out.iterdir())


def test_font_dir_fonts_are_used(tmp_path, bare_style):
    require_fonts()
    droid = subprocess.run([require_tool("fc-match"), "-f", "%{file}", "Droid Sans Fallback"], capture_output=True,
                           text=True).stdout
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    shutil.copy(droid, fonts / "MyCJK.ttf")
    result = run_reporter("build", str(FIXTURE), "--out", str(tmp_path / "out"), "--font-dir", str(fonts),
                          env={"REPORTER_TEMPLATES": str(bare_style)})
    assert result.returncode == 0, result.stderr
    assert "Han U+" not in result.stderr and "Arabic U+" in result.stderr
    assert "北京" in _plain(pdf_text(next((tmp_path / "out").glob("*.pdf"))))


@pytest.mark.parametrize("content, problem", [(b"not a font at all", "cannot load"), (b"", "cannot load")])
def test_a_font_that_does_not_load_is_one_error_naming_it(tmp_path, content, problem):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    (fonts / "Broken.ttf").write_bytes(content)
    out = tmp_path / "out"
    result = run_reporter("build", str(FIXTURE), "--out", str(out), "--font-dir", str(fonts))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Broken.ttf" in lines[0] and problem in lines[0], result.stderr
    assert not out.exists() or not list(out.iterdir())


# -- the rules underneath ------------------------------------------------------------------------


@pytest.mark.parametrize("logical, visual", [
    ("abc אבג def", "abc גבא def"),
    ('said "אבג דהו" then', 'said "והד גבא" then'),
    ("אבג 123 דהו", "והד 123 גבא"),  # a right-to-left paragraph: numbers keep their digits' order
    ("abc 123 def", "abc 123 def"),
    ("אבג abc דהו", "והד abc גבא"),
    ("", ""),
])
def test_visual_order(logical, visual):
    levels = bidi_levels(logical, base_level(logical))
    assert "".join(logical[i] for i in visual_order(levels)) == visual


@pytest.mark.parametrize("text, cut", [
    ("Cairo (القاهرة) now", [("Latn", "Cairo"), ("Zyyy", " ("), ("Arab", "القاهرة"), ("Zyyy", ") "), ("Latn", "now")]),
    ("北京、東京", [("Hani", "北京、東京")]),
    ("plain text", [("Latn", "plain text")]),
    ("दिल्ली", [("Deva", "दिल्ली")]),
])
def test_segments(text, cut):
    assert [(s.script, text[s.start:s.end]) for s in segments(text)] == cut


@pytest.mark.parametrize("raw, clean", [
    ("a\ue000b", "a\ufffdb"),  # private use
    ("a\udc80b", "a\ufffdb"),  # a lone surrogate
    ("safe \u202eexe.gpj", "safe exe.gpj"),  # an override cannot reorder what follows
    ("\u2067שלום\u2069 ok", "\u2067שלום\u2069 ok"),  # a balanced isolate stays
])
def test_cleaning(raw, clean):
    assert clean_text(raw) == clean


def test_text_the_house_fonts_draw_never_asks_fontconfig():
    """The fast path: a briefing in Latin script (the sample, in a fresh process) is laid out
    without listing the system's fonts or loading any other."""
    code = (
        "import json, reporter\n"
        "from reporter import fonts\n"
        "from reporter.writers import pdf\n"
        "from reporter.pipeline import make_briefing\n"
        f"b = make_briefing([{str(ROOT / 'fixtures' / 'peru-us-organized-crime.txt')!r}])\n"
        "pdf.render(b.document)\n"
        "from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames\n"
        "print(json.dumps([fonts.asked(), sorted(getRegisteredFontNames())]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    asked, fonts = json.loads(out)
    assert asked == [], f"fontconfig was asked: {asked}"
    assert not [f for f in fonts if f.startswith("Fallback-")]


def test_two_threads_writing_pdfs_at_once_each_get_their_own_missing_characters():
    """The library may be called from threads: the fallback chain in use and the characters it
    lacked belong to each PDF being laid out, not to the process (one thread's Han must not
    reach the other's warning, nor vanish from its own)."""
    import threading

    from reporter.model import Document, Meta, Paragraph, Text
    from reporter.style import load_house_style
    from reporter.writers.pdf import layout

    hs = load_house_style()
    from dataclasses import replace

    bare = replace(hs, fallback=(), script_fonts={})  # only the house fonts: Han has no font
    docs = {"han": Document(Meta(title="A"), (Paragraph((Text("北京 " * 400),)),)),
            "latin": Document(Meta(title="B"), (Paragraph((Text("Plain words " * 400),)),))}
    got: dict = {}

    def work(name, n):
        got[(name, n)] = layout(docs[name], style=bare)[1].missing

    threads = [threading.Thread(target=work, args=(name, n)) for n in range(4) for name in docs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all("Han" in got[("han", n)] for n in range(4)), got
    assert all(not got[("latin", n)] for n in range(4)), got


def test_a_title_in_another_script_is_drawn_with_real_glyphs_in_the_running_header_too(tmp_path):
    from reporter.model import Document, Meta, Paragraph, Text
    from reporter.writers.pdf import render

    title = "北京与东京会谈 Beijing and Tokyo talks"
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(render(Document(Meta(title=title), (Paragraph((Text("Plain words."),)),))))
    for name, glyphs in _fonts(pdf).items():  # the header draws the title on every page
        assert all(g != ".notdef" for _, g, _ in glyphs), name
    from pypdf import PdfReader

    assert "北京" in PdfReader(pdf).pages[0].extract_text()


def test_a_passage_in_another_language_is_marked_with_its_language_in_the_pdf():
    """PDF/UA: the language of a passage not in the document's is said where it is drawn
    (a marked-content span with /Lang), so a screen reader switches voice for it."""
    import pikepdf

    from reporter.model import Document, Meta, Paragraph, Text
    from reporter.writers.pdf import render

    doc = Document(Meta(title="Talks"), (Paragraph((Text("The crowd chanted \u00ab\u0633\u0644\u0627\u0645\u00bb "
                                                         "outside the \u5317\u4eac office."),)),
                                         Paragraph((Text("Plain English only."),))))
    with pikepdf.open(io.BytesIO(render(doc))) as pdf:
        stream = b"".join(p.Contents.read_bytes() for p in pdf.pages)
    # the two passages, and nothing for the English words (they carry the document's language)
    assert set(re.findall(rb"/Lang \((.*?)\)", stream)) == {b"ar-SA", b"zh-CN"}
