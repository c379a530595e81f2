"""Charts from the facts: what compose describes, and what both formats show of it, read back.

The expected captions, alt texts and labels come from the document model the same build
makes (``make_briefing``), never from literals: the tests check that each format carries
what the description says, and that the description follows the data.
"""

from __future__ import annotations

import pickle
import struct
import zipfile
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES, SAMPLE, pdf_text, run_reporter

from reporter.compose.charts import MIN_POINTS, figures_chart, timeline_chart
from reporter.model import Chart, Image, Paragraph, walk

WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

ARTICLE = """---
title: {title}
source: {source}
published: {published}
---

# {title}

{body}
"""

# Three articles a week apart with dated events around them: some in the briefing's window,
# some years before it, one planned after it.
ARTICLES = {
    "harbour.md": dict(title="Harbour authority approves new breakwater", source="Coastal Desk",
                       published="2025-05-02", body=(
        "The harbour authority approved the breakwater on 30 April 2025 after a public inquiry.\n\n"
        "A storm in January 2019 damaged the old wall, and repairs in 2021 failed within months.\n\n"
        "Construction is due to start in September 2025 and to finish in 2027.\n\n"
        "The project will cost 48% more than first planned, with 22% of the money from the port "
        "and 30% from the regional government.")),
    "ferries.md": dict(title="Ferry operator adds winter sailings", source="Island Weekly",
                       published="2025-05-09", body=(
        "The operator said on 7 May 2025 that it would add two winter sailings a week.\n\n"
        "Passenger numbers fell sharply after the timetable was cut on 12 March 2025.")),
}


def _write_articles(folder: Path, articles: dict[str, dict]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, fields in articles.items():
        (folder / name).write_text(ARTICLE.format(**fields), encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def _charts(doc) -> list[Chart]:
    return [b for b in walk(doc.blocks) if isinstance(b, Chart)]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """One briefing of the articles above, built by the CLI, and its model made in process."""
    from reporter.pipeline import make_briefing

    top = tmp_path_factory.mktemp("charts")
    inputs = _write_articles(top / "in", ARTICLES)
    env = {"SOURCE_DATE_EPOCH": "1746748800"}
    result = run_reporter("build", *inputs, "--out", str(top / "out"), env=env)
    assert result.returncode == 0, result.stderr
    briefing = make_briefing(inputs)
    docx = next((top / "out").glob("*.docx"))
    return briefing.document, docx, docx.with_suffix(".pdf"), inputs, top


# ---------------------------------------------------------------- what compose describes


def _events(*isos: str) -> list[dict]:
    return [{"date": iso, "event": f"event of {iso}"} for iso in isos]


def test_no_timeline_for_two_dates_or_dates_without_a_year():
    assert MIN_POINTS == 3
    assert timeline_chart(_events("2024-01-02", "2024-02-03"), [date(2024, 2, 3)], date(2024, 2, 3)) is None
    # the same date twice and a date whose year is unknown make no third mark
    events = _events("2024-01-02", "2024-02-03", "2024-02-03", "--05-06")
    assert timeline_chart(events, [date(2024, 2, 3)], date(2024, 2, 3)) is None


def test_timeline_sets_older_dates_apart_and_highlights_the_window():
    events = _events("2019-01", "2021", "2024-03-20", "2024-04-02", "2026")
    chart = timeline_chart(events, [date(2024, 4, 1), date(2024, 4, 3)], date(2024, 4, 3))
    roles = {s.role: [p.date for p in s.points] for s in chart.series}
    assert roles == {"background": ["2019-01", "2021"], "main": ["2024-03-20", "2024-04-02"], "ahead": ["2026"]}
    assert (chart.window.start, chart.window.end) == ("2024-03-02", "2024-04-03")
    assert chart.window.label in chart.caption
    for s in chart.series:  # the alt text reads every date and its event out
        for p in s.points:
            assert f"{p.shown}: {p.label}" in chart.alt


def test_a_timeline_with_nothing_in_its_window_says_so():
    chart = timeline_chart(_events("2001", "2002", "2030"), [date(2024, 3, 28)], date(2024, 3, 28))
    assert [s.role for s in chart.series] == ["background", "ahead"]
    assert "No dated event falls in the briefing's window" in chart.caption and "Shaded" not in chart.caption


def test_crowded_timeline_keeps_dates_either_side_of_the_window():
    window_days = [f"2024-03-{d:02d}" for d in range(1, 29)]
    chart = timeline_chart(_events("2001", "2002", "2003", *window_days, "2030"), [date(2024, 3, 28)],
                           date(2024, 3, 28))
    shown = [p.date for s in chart.series for p in s.points]
    assert len(shown) == 12 and "12 of 32 dates shown" in chart.caption
    assert {"2002", "2003", "2030"} <= set(shown) and "2001" not in shown  # the nearest ones
    assert window_days[-1] in shown  # the latest in the window


def _figure(value, number, unit, what):
    return {"value": value, "number": number, "unit": unit, "what": what}


def test_mixed_units_give_no_bar_chart():
    figures = [_figure("10%", 10.0, "%", "a share"), _figure("$5 million", 5e6, "USD", "a cost"),
               _figure("300", 300.0, None, "workers"), _figure("4 days", 4.0, "days", "a delay"),
               _figure("12%", 12.0, "%", "another share")]
    assert figures_chart(figures, "A story") is None


def test_bar_chart_of_the_figures_in_one_unit_largest_first_without_ranges():
    figures = [_figure("22%", 22.0, "%", "from the port"), _figure("$5 million", 5e6, "USD", "a cost"),
               _figure("48%", 48.0, "%", "more than planned"), _figure("between 5% and 9%", 5.0, "%", "a range"),
               _figure("30%", 30.0, "%", "from the region")]
    chart = figures_chart(figures, "A story")
    points = chart.series[0].points
    assert chart.kind == "bars" and chart.unit == "%"
    assert [p.value for p in points] == [48.0, 30.0, 22.0]  # the range is left out
    assert [p.shown for p in points] == ["48%", "30%", "22%"]
    assert all(f"{p.shown} {p.label}" in chart.alt for p in points)


def test_a_chart_pickles_by_its_fields():
    events = _events("2019-01", "2021", "2024-03-20", "2024-04-02")
    chart = timeline_chart(events, [date(2024, 4, 1)], date(2024, 4, 3))
    assert pickle.loads(pickle.dumps(chart)) == chart


# ---------------------------------------------------------------- the one geometry


def _boxes(geo, measure):
    from reporter.writers.chart_layout import Label

    out = []
    for s in geo.shapes:
        if isinstance(s, Label):
            w = measure(s.text, s.size, s.bold)
            left = {"start": s.x, "middle": s.x - w / 2, "end": s.x - w}[s.anchor]
            out.append((left, s.y - 0.25 * s.size, left + w, s.y + 0.8 * s.size, s.text))
    return out


def test_timeline_labels_stay_on_the_chart_and_do_not_overlap():
    from reporter.writers.chart_layout import layout

    def measure(text, size, bold):  # a rough proportional font is enough for the layout's logic
        return len(text) * size * (0.58 if bold else 0.52)

    events = _events("2019-01", "2021", "2024-03-02", "2024-03-05", "2024-03-20", "2024-04-02", "2026")
    chart = timeline_chart(events, [date(2024, 4, 1)], date(2024, 4, 3))
    geo = layout(chart, 470.0, measure, {})
    boxes = _boxes(geo, measure)
    assert len([b for b in boxes if b[4].startswith("event of")]) == 7  # every event has its words
    for left, bottom, right, top, text in boxes:
        assert 0 <= left and right <= geo.width and 0 <= bottom and top <= geo.height, text
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
            assert not overlap, (a[4], b[4])


# ---------------------------------------------------------------- both formats, read back


def test_docx_has_each_chart_as_a_picture_with_its_alt_text_and_caption(built):
    from lxml import etree

    doc, docx, _, _, _ = built
    charts = _charts(doc)
    assert [c.kind for c in charts] == ["timeline", "bars"]
    with zipfile.ZipFile(docx) as z:
        media = [n for n in z.namelist() if n.startswith("word/media/")]
        body = etree.fromstring(z.read("word/document.xml"))
        styles = etree.fromstring(z.read("word/styles.xml"))
        pngs = [z.read(n) for n in media]
    assert len(media) == len(charts) and all(p.startswith(b"\x89PNG") for p in pngs)
    caption_id = next(s.get(f"{W}styleId") for s in styles.iter(f"{W}style")
                      if s.find(f"{W}name").get(f"{W}val").lower() == "caption")  # Word spells it lower-case
    paragraphs = list(body.iter(f"{W}p"))
    drawn = [i for i, p in enumerate(paragraphs) if p.find(f".//{WP}docPr") is not None]
    assert [paragraphs[i].find(f".//{WP}docPr").get("descr") for i in drawn] == [c.alt for c in charts]
    for i, chart in zip(drawn, charts):
        after = paragraphs[i + 1]
        assert after.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == caption_id
        assert "".join(t.text for t in after.iter(f"{W}t")) == chart.caption


def test_docx_pictures_are_high_resolution_pngs_without_a_time_stamp(built):
    _, docx, _, _, _ = built
    with zipfile.ZipFile(docx) as z:
        png = z.read(next(n for n in z.namelist() if n.startswith("word/media/")))
    chunks, pos = [], 8
    while pos < len(png):
        size, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunks.append((kind, png[pos + 8:pos + 8 + size]))
        pos += 12 + size
    kinds = [k for k, _ in chunks]
    assert b"tIME" not in kinds and b"tEXt" not in kinds and b"iTXt" not in kinds
    width = struct.unpack(">I", dict(chunks)[b"IHDR"][:4])[0]
    x_ppm = struct.unpack(">I", dict(chunks)[b"pHYs"][:4])[0]
    assert width >= 1200 and x_ppm * 0.0254 >= 200  # about 220 dpi across the text width


def test_pdf_shows_the_captions_and_the_timeline_labels_as_text(built):
    doc, _, pdf, _, _ = built
    text = " ".join(pdf_text(pdf).split())
    charts = _charts(doc)
    for chart in charts:
        assert " ".join(chart.caption.split()) in text
    timeline = charts[0]
    for s in timeline.series:
        assert s.name in text
        for p in s.points:
            assert p.shown in text  # vector text, not pixels


def test_pdf_chart_is_vector_drawing_with_its_alt_text(built):
    from reportlab.graphics.shapes import Drawing

    from reporter.style import load_house_style
    from reporter.writers.pdf_blocks import PdfFlowables
    from reporter.writers.pdf_styles import pdf_styles

    doc, _, pdf, _, _ = built
    flows = PdfFlowables.for_document(doc, pdf_styles(load_house_style()), 470.0, 700.0)
    for chart in _charts(doc):
        drawing, caption = flows._block(chart)  # before tagging wraps the drawing as a Figure
        assert isinstance(drawing, Drawing) and drawing.alt == chart.alt
        assert caption.style.name == "Caption"
    import pikepdf

    with pikepdf.open(pdf) as tagged:  # and in the file: a Figure element with the alt text for each
        alts, todo = [], [tagged.Root.StructTreeRoot]
        while todo:
            node = todo.pop()
            if isinstance(node, pikepdf.Array):
                todo.extend(node)
            elif isinstance(node, pikepdf.Dictionary) and "/K" in node:
                if node.get("/S") == "/Figure":
                    alts.append(str(node.Alt))
                todo.append(node.K)
        assert sorted(alts) == sorted(c.alt for c in _charts(doc))
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources", {}).get("/Font") or {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert fonts and all("Liberation" in f for f in fonts)  # the embedded faces, no standard-14 font
    assert not any("/Image" in str(x.get_object().get("/Subtype"))
                   for page in reader.pages for x in (page.get("/Resources", {}).get("/XObject") or {}).values())


def test_the_charts_are_the_same_bytes_in_a_second_build(built, tmp_path):
    _, docx, pdf, inputs, _ = built
    env = {"SOURCE_DATE_EPOCH": "1746748800"}
    result = run_reporter("build", *inputs, "--out", str(tmp_path), env=env)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / docx.name).read_bytes() == docx.read_bytes()
    assert (tmp_path / pdf.name).read_bytes() == pdf.read_bytes()


def test_no_charts_gives_none_in_either_format(built, tmp_path):
    doc, _, _, inputs, _ = built
    result = run_reporter("build", *inputs, "--no-charts", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    docx = next(tmp_path.glob("*.docx"))
    with zipfile.ZipFile(docx) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]
    text = " ".join(pdf_text(docx.with_suffix(".pdf")).split())
    for chart in _charts(doc):
        assert " ".join(chart.caption.split()) not in text


def test_two_dated_events_give_no_chart(tmp_path):
    from reporter.pipeline import make_briefing

    few = {"one.md": dict(title="Council names a new librarian", source="Town Crier", published="2025-01-10",
                          body="The council named the librarian on 8 January 2025. She starts on 3 February 2025.")}
    inputs = _write_articles(tmp_path / "in", few)
    assert _charts(make_briefing(inputs).document) == []
    result = run_reporter("build", *inputs, "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(next((tmp_path / "out").glob("*.docx"))) as z:
        assert not [n for n in z.namelist() if n.startswith("word/media/")]


def test_an_exported_docx_keeps_each_chart_as_a_picture_with_alt_text_and_caption(built):
    from reporter.readers.docx import read_docx

    doc, docx, _, _, _ = built
    back, _ = read_docx(docx)
    blocks = list(walk(back.blocks))
    for chart in _charts(doc):
        i = next(i for i, b in enumerate(blocks) if isinstance(b, Image) and b.alt == chart.alt)
        following = blocks[i + 1]
        assert isinstance(following, Paragraph) and following.style == "Caption"
        assert "".join(getattr(x, "text", "") for x in following.children) == chart.caption


def test_sample_briefing_draws_its_charts_in_both_formats(tmp_path):
    """The sample has no publication date: its timeline has no window, only its events."""
    from reporter.pipeline import make_briefing

    charts = _charts(make_briefing([SAMPLE]).document)
    assert charts and charts[0].kind == "timeline" and charts[0].window is None
    result = run_reporter("build", str(SAMPLE), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(next(tmp_path.glob("*.docx"))) as z:
        assert len([n for n in z.namelist() if n.startswith("word/media/")]) == len(charts)


def test_a_template_may_only_chart_what_the_values_describe(tmp_path):
    template = tmp_path / "mine.md.j2"
    template.write_text("# Mine\n\n{{ chart(timeline_chart) }}\n", encoding="utf-8")
    result = run_reporter("build", str(SAMPLE), "--template", str(template), "--out", str(tmp_path / "ok"))
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(next((tmp_path / "ok").glob("*.docx"))) as z:  # a sandboxed template places it too
        assert len([n for n in z.namelist() if n.startswith("word/media/")]) == 1
    template.write_text("# Mine\n\n{{ chart(timeline_chart) }}\n{{ chart('not a chart') }}\n", encoding="utf-8")
    result = run_reporter("build", str(SAMPLE), "--template", str(template), "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "chart" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_reading_the_chart_code_waits_for_a_chart():
    import subprocess
    import sys

    code = ("import sys, reporter.cli, reporter.compose, reporter.writers.pdf_blocks, reporter.writers.docx_body;"
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab.graphics', 'PIL.ImageDraw',"
            " 'reporter.writers.pdf_chart', 'reporter.writers.docx_chart', 'reporter.writers.chart_layout'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_pdf_and_the_docx_lay_each_chart_out_alike():
    """One geometry: both writers' ways of measuring text give the same shapes, to 1/100 pt."""
    from reporter.pipeline import make_briefing
    from reporter.style import load_house_style
    from reporter.writers import docx_chart, pdf_chart
    from reporter.writers.chart_layout import layout
    from reporter.writers.pdf_styles import pdf_styles

    hs = load_house_style()
    doc = make_briefing(sorted(str(p) for p in FIXTURES.iterdir() if p.is_file())).document
    charts = _charts(doc)
    assert {c.kind for c in charts} == {"timeline", "bars"}

    def rounded(geo):
        return [tuple(round(v, 2) if isinstance(v, float) else v for v in (type(s).__name__, *vars_of(s)))
                for s in geo.shapes]

    def vars_of(shape):
        return [getattr(shape, name) for name in shape.__slots__]

    for chart in charts:
        in_pdf = layout(chart, 470.0, pdf_chart.measure_for(pdf_styles(hs)), hs.colors)
        in_docx = layout(chart, 470.0, docx_chart.measure_for(hs), hs.colors)
        assert rounded(in_pdf) == rounded(in_docx)


def test_a_spec_can_turn_the_charts_off(built, tmp_path):
    _, _, _, inputs, _ = built
    spec = tmp_path / "daily.briefing.yaml"
    listed = "".join(f"  - {p}\n" for p in inputs)
    for charts, pictures, out in (("true", True, "with"), ("false", False, "without")):
        spec.write_text(f"articles:\n{listed}charts: {charts}\nformats: [docx]\nout: {out}\n", encoding="utf-8")
        result = run_reporter("build", str(spec))
        assert result.returncode == 0, result.stderr
        with zipfile.ZipFile(next((tmp_path / out).glob("*.docx"))) as z:
            assert any(n.startswith("word/media/") for n in z.namelist()) is pictures


def test_timeline_marks_say_the_story_when_there_are_several_and_drop_a_leading_time_phrase():
    one = [{"date": iso, "event": text} for iso, text in (
        ("2024-03-02", "Today, the council approved the plan"),
        ("2024-03-05", "On March 5, 2024, the agency opened the bridge"),
        ("2024-03-20", "About 5,000 people attended"))]
    chart = timeline_chart(one, [date(2024, 3, 20)], date(2024, 3, 21))
    labels = [p.label for s in chart.series for p in s.points]
    assert labels == ["The council approved the plan", "The agency opened the bridge", "About 5,000 people attended"]
    many = [dict(e, story=f"Story {n}") for n, e in enumerate(one)]
    chart = timeline_chart(many, [date(2024, 3, 20)], date(2024, 3, 21))
    assert [p.label for s in chart.series for p in s.points] == ["Story 0", "Story 1", "Story 2"]


def test_plain_counts_make_bars_only_when_they_count_the_same_thing():
    def fig(value, number, what):
        return {"value": value, "number": number, "unit": "", "what": what}

    mixed = [fig("135,000", 135000, "law enforcement officers"), fig("160", 160, "special operations"),
             fig("80", 80, "gangs"), fig("15", 15, "locations")]
    assert figures_chart(mixed, "A story") is None  # officers, operations, gangs, places: no one axis
    same = [fig("4,000", 4000, "homes destroyed"), fig("1,200", 1200, "homes damaged"),
            fig("300", 300, "schools"), fig("900", 900, "homes without power")]
    chart = figures_chart(same, "A story")  # three counts of homes, largest first; the schools left out
    assert chart is not None and [p.value for p in chart.series[0].points] == [4000, 1200, 900]
