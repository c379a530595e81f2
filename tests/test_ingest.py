"""Ingest: every input format becomes the same Article; bad input is one clear InputError."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter import load_articles
from reporter.ingest.clean import clean_text
from reporter.errors import InputError

from conftest import SAMPLE


def test_it_reads_the_sample_as_scraped_dropping_junk_and_keeping_subheadings():
    raw = SAMPLE.read_text(encoding="utf-8")
    (article,) = load_articles(SAMPLE)
    assert raw.startswith("close\nclose\n")  # the fixture keeps its junk lines
    assert article.title == "Peru and the US are strengthening the fight against organized crime"
    assert all(p != "close" for p in article.paragraphs)
    assert [h for _, h in article.subheadings] == ["Dispute between criminals", "Main enemy", "The TCIU program"]
    # Each subheading sits before the paragraph that follows it in the source.
    for index, heading in article.subheadings:
        after = raw.split(heading, 1)[1].strip().split("\n\n", 1)[0]
        assert article.paragraphs[index] == after
    assert article.paragraphs[0].startswith("Aiming to create an elite force")
    assert article.paragraphs[-1].endswith("Calle concluded.")
    assert any("Fabián Calle" in p for p in article.paragraphs)
    assert article.raw_text == raw


def test_it_reads_markdown_with_front_matter(tmp_path):
    p = tmp_path / "a.md"
    p.write_text(
        "---\ntitle: Ports under pressure\nurl: https://example.org/ports\nsource: Example Daily\n"
        "published: 2024-05-02\nauthor: [Ana Pérez, Li Wei]\n---\n\n"
        "Intro paragraph with *emphasis* and a [link](https://example.org).\n\n"
        "## Background\n\nSecond paragraph.\n",
        encoding="utf-8",
    )
    (a,) = load_articles(p)
    assert a.title == "Ports under pressure"
    assert a.url == "https://example.org/ports"
    assert a.source == "Example Daily"
    assert a.published == date(2024, 5, 2)
    assert a.author == "Ana Pérez, Li Wei"
    assert a.paragraphs == ("Intro paragraph with emphasis and a link.", "Second paragraph.")
    assert a.subheadings == ((1, "Background"),)


def test_markdown_without_front_matter_takes_its_title_from_the_first_heading(tmp_path):
    p = tmp_path / "b.md"
    p.write_text("# The title\n\nBody text here.\n", encoding="utf-8")
    (a,) = load_articles(p)
    assert (a.title, a.paragraphs) == ("The title", ("Body text here.",))


def test_it_reads_json_records_with_curated_quotes_and_figures(tmp_path):
    p = tmp_path / "recs.json"
    p.write_text(json.dumps([
        {"title": "One", "body": ["First para.", "Second para."], "published": "2024-01-31",
         "quotes": [{"text": "We will act", "speaker": "Jane Roe", "role": "Minister", "paragraph": 2}],
         "figures": [{"value": 300, "what": "officers", "paragraph": 1}]},
        {"title": "Two", "body": "Para one.\n\nSubhead\n\nPara two."},
    ]), encoding="utf-8")
    one, two = load_articles(p)
    assert one.paragraphs == ("First para.", "Second para.")
    assert one.quotes[0].speaker == "Jane Roe" and one.quotes[0].paragraph == 2
    assert one.figures[0].value == "300"
    assert two.paragraphs == ("Para one.", "Para two.") and two.subheadings == ((1, "Subhead"),)
    assert two.quotes is None and two.figures is None


_HTML_BODY = ("<p>The harbour board approved a new ferry terminal on Monday.</p>\n<h2>Reaction</h2>"
              "<p>Jane Roe, the board&rsquo;s chair, said:</p><blockquote><p>We are delighted with the "
              "decision and will start work in May.</p></blockquote><script>alert(1)</script>"
              "<ul><li>Work starts in May.</li><li>It ends in <strong>2026</strong>.</li></ul>")
_PARAGRAPHS = ("The harbour board approved a new ferry terminal on Monday.", "Jane Roe, the board’s chair, said:",
               "We are delighted with the decision and will start work in May.", "Work starts in May.",
               "It ends in 2026.")


@pytest.mark.parametrize("record, source, author", [
    # our own fields, the body in HTML
    ({"title": "Harbour to reopen", "published": "2024-05-03", "body": _HTML_BODY}, None, None),
    # a blog API's rendered fields
    ({"date": "2024-05-03T10:00:00", "link": "https://example.org/harbour", "title": {"rendered": "Harbour to reopen"},
      "content": {"rendered": _HTML_BODY}}, None, None),
    # a content API's item: the body nested, in renderings by type; the organisation in its links
    ({"title": "Harbour to reopen", "first_published_at": "2024-05-03T10:00:00+01:00",
      "public_updated_at": "2024-06-01T09:00:00+01:00", "document_type": "press_release",
      "details": {"body": [{"content_type": "text/govspeak", "content": "Harbour *text*"},
                           {"content_type": "text/html", "content": _HTML_BODY}]},
      "links": {"organisations": [{"title": "Harbour Authority"}]}}, "Harbour Authority", None),
    # schema.org's NewsArticle
    ({"@type": "NewsArticle", "headline": "Harbour to reopen", "datePublished": "2024-05-03",
      "author": {"name": "Ann Smith"}, "publisher": {"name": "Harbour Times"}, "articleBody": _HTML_BODY},
     "Harbour Times", "Ann Smith"),
])
def test_a_cms_export_reads_as_it_is_its_html_body_as_blocks(tmp_path, record, source, author):
    from reporter.analysis import analyze

    p = tmp_path / "export.json"
    p.write_text(json.dumps(record), encoding="utf-8")
    (a,) = load_articles(p)
    assert (a.title, a.published, a.source, a.author) == ("Harbour to reopen", date(2024, 5, 3), source, author)
    assert a.paragraphs == _PARAGRAPHS and a.subheadings == ((1, "Reaction"),)
    assert a.lists == ((4, "bullet"), (5, "bullet"))  # the list's items, as a Markdown list's are
    assert not any("<" in x or "alert" in x for x in a.paragraphs)
    assert [(q.speaker, q.text) for q in analyze(a).quotes] == [("Jane Roe", _PARAGRAPHS[2])]


_SAID = "Jane Roe, the board’s chair, who opened the quay, said:"
_QUOTED = ("Today marks a milestone for the port and for the town around it.",
           "This is the longest quay ever built on the coast. It is a feat of engineering.")


@pytest.mark.parametrize("name, text", [
    ("page.html", "<!doctype html><html><head><title>Quay opens</title></head><body><article><h1>Quay opens</h1>"
                  "<p>The harbour board opened the new quay on Monday after two years of building work.</p>"
                  f"<p>{_SAID}</p><blockquote><p>{_QUOTED[0]}</p><p>{_QUOTED[1]}</p></blockquote>"
                  "<p>The quay will take its first ferry in June, the board said.</p></article></body></html>"),
    ("story.md", "# Quay opens\n\nThe harbour board opened the new quay on Monday after two years of building work.\n\n"
                 f"{_SAID}\n\n> {_QUOTED[0]}\n>\n> {_QUOTED[1]}\n\nThe quay will take its first ferry in June, the board said.\n"),
    ("export.json", json.dumps({"title": "Quay opens", "body": (
        "<p>The harbour board opened the new quay on Monday after two years of building work.</p>"
        f"<p>{_SAID}</p><blockquote><p>{_QUOTED[0]}</p><p>{_QUOTED[1]}</p></blockquote>"
        "<p>The quay will take its first ferry in June, the board said.</p>")})),
])
def test_a_block_quotation_is_marked_and_is_all_of_what_its_line_introduces(tmp_path, name, text):
    """The second paragraph has no first-person word: only the markup says it is still her speech."""
    from reporter.analysis import analyze

    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    (a,) = load_articles(p)
    k = a.paragraphs.index(_QUOTED[0]) + 1
    assert a.blockquotes == (k, k + 1)
    assert [(q.paragraph, q.speaker, q.text) for q in analyze(a).quotes] == [
        (k, "Jane Roe", _QUOTED[0]), (k + 1, "Jane Roe", _QUOTED[1])]


@pytest.mark.parametrize("published", ["2008-05", "2008", 2008])
def test_a_record_dated_only_by_month_or_year_is_read_without_a_day(tmp_path, published):
    p = tmp_path / "rec.json"
    p.write_text(json.dumps({"title": "Grants", "body": "The board made grants.", "published": published}))
    (a,) = load_articles(p)
    assert a.published is None and a.paragraphs == ("The board made grants.",)


def test_a_block_quotation_after_another_introduced_statement_is_still_all_of_its_line_s(tmp_path):
    """Two hand-overs: the first introduces plain paragraphs, the second a block quotation."""
    from reporter.analysis import analyze

    body = ("<p>The harbour board opened the new quay on Monday after two years of building work.</p>"
            "<p>Tom Ray, the mayor, said:</p><p>We are proud of the crews who built it.</p>"
            f"<p>{_SAID}</p><blockquote><p>{_QUOTED[0]}</p><p>{_QUOTED[1]}</p></blockquote>")
    p = tmp_path / "export.json"
    p.write_text(json.dumps({"title": "Quay opens", "body": body}), encoding="utf-8")
    (a,) = load_articles(p)
    got = [(q.paragraph, q.speaker) for q in analyze(a).quotes]
    assert got == [(3, "Tom Ray"), (5, "Jane Roe"), (6, "Jane Roe")]


def test_a_record_s_plain_text_body_that_mentions_markup_stays_text(tmp_path):
    p = tmp_path / "rec.json"
    p.write_text(json.dumps({"title": "Rates", "body": "Rates rose where a < b and b > c.\n\nWrite <p> for a paragraph."}))
    (a,) = load_articles(p)
    assert a.paragraphs == ("Rates rose where a < b and b > c.", "Write <p> for a paragraph.")


def test_it_reads_yaml_records(tmp_path):
    p = tmp_path / "rec.yaml"
    p.write_text("title: Café talks\nsource: Le Monde\nbody: |\n  Premier paragraphe.\n\n  Deuxième.\n", encoding="utf-8")
    (a,) = load_articles(p)
    assert a.title == "Café talks" and a.paragraphs == ("Premier paragraphe.", "Deuxième.")


def test_it_extracts_an_html_article_and_its_metadata_offline(tmp_path):
    p = tmp_path / "page.html"
    body = " ".join(["The ministry confirmed the new programme on Tuesday in the capital."] * 3)
    p.write_text(
        "<!doctype html><html lang=en><head><title>Site | Page</title>"
        "<meta property='og:title' content='Ministry expands training'>"
        "<meta name='author' content='María José Núñez'>"
        "<meta property='article:published_time' content='2024-03-22T10:00:00Z'>"
        "<meta property='og:site_name' content='Diálogo Américas'>"
        "<link rel='canonical' href='https://example.org/news/training'></head><body>"
        "<nav><a href='/'>Home</a><a href='/x'>Menu</a></nav><article><h1>Ministry expands training</h1>"
        f"<p>{body}</p><h2>What comes next</h2><p>{body} Officials said more would follow.</p></article>"
        "<footer>Copyright notice and cookie settings</footer></body></html>",
        encoding="utf-8",
    )
    (a,) = load_articles(p)
    assert a.title == "Ministry expands training"
    assert a.author == "María José Núñez"
    assert a.published == date(2024, 3, 22)
    assert a.source == "Diálogo Américas"
    assert len(a.paragraphs) == 2 and a.paragraphs[1].endswith("more would follow.")
    assert a.subheadings == ((1, "What comes next"),)
    assert not any("cookie" in para for para in a.paragraphs)


def test_clean_text_repairs_mojibake_and_drops_control_characters():
    assert clean_text("Argentinaâ€™s  Fabi\u00c3\u00a1n\x07 \u200bCalle") == "Argentina’s Fabián Calle"
    assert clean_text("a\r\nb\x00c") == "a\nbc"


@pytest.mark.parametrize(
    "content, problem",
    [
        (b"", "empty"),
        (b"   \n\t\n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "is a PNG image, not article text"),
        (b"Title line\n\nCaf\xe9 au lait is good.\n", "not UTF-8"),
        (b"\x01\x02\x03\x04" * 50, "binary"),
        (b"Only a title", "no paragraphs"),
    ],
)
def test_bad_text_files_raise_one_clear_error_naming_the_file(tmp_path, content, problem):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_articles(p)
    assert problem in str(err.value) or problem in err.value.message
    assert str(p) in str(err.value) and "\n" not in str(err.value)


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("wrong.json", '{"title": 5, "body": ["x"]}', "field 'title'"),
        ("nobody.json", '{"title": "T"}', "field 'body' is missing"),
        ("types.json", '{"title": "T", "body": [1, {"a": 2}]}', "field 'body"),
        ("broken.json", '{"title": "T", ', "not valid JSON"),
        ("list.json", "[]", "no articles"),
        ("scalar.json", '"just a string"', "mapping"),
        ("date.json", '{"title": "T", "body": "x", "published": "someday"}', "date"),
        ("bad.yaml", "title: [unclosed\nbody: x\n", "not valid YAML"),
        ("quote.json", '{"title": "T", "body": "x", "quotes": [{"text": "q"}]}', "speaker"),
    ],
)
def test_bad_records_name_the_field(tmp_path, name, content, problem):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_articles(p)
    assert problem in str(err.value)
    assert "\n" not in str(err.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_articles(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        load_articles(tmp_path)


def test_hostile_text_stays_text(tmp_path):
    p = tmp_path / "hostile.txt"
    long_word = "x" * 3000
    p.write_text(f"<b>Title & <script>\n\nA <para> & &amp; {long_word} body.\x07\n", encoding="utf-8")
    (a,) = load_articles(p)
    assert a.title == "<b>Title & <script>"
    assert a.paragraphs == (f"A <para> & &amp; {long_word} body.",)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_any_bytes_either_load_or_raise_input_error(tmp_path, data):
    p = tmp_path / "fuzz.txt"
    p.write_bytes(data)
    try:
        articles = load_articles(p)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    for a in articles:
        assert a.title and a.paragraphs
        assert all(ch not in p_ for p_ in a.paragraphs for ch in "\x00\x07\x1b")


def test_a_scraped_page_s_banner_is_not_its_title(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("An official website of the United States Government\nHere's how you know\n\nOfficial websites "
                    "use .gov\n\nHarbour Board Approves New Ferry Terminal\n\nThe harbour board approved a new ferry "
                    "terminal on Monday, its chair said.\n", encoding="utf-8")
    (article,) = load_articles(page)
    assert article.title == "Harbour Board Approves New Ferry Terminal"
    assert article.paragraphs[-1].startswith("The harbour board approved")


def test_a_headline_first_stays_the_title(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Harbour Board Approves New Ferry Terminal\n\nAn official website of the United States "
                    "Government\n\nThe board approved a terminal on Monday, its chair said.\n", encoding="utf-8")
    assert load_articles(page)[0].title == "Harbour Board Approves New Ferry Terminal"


# One paragraph a line (scraped, no blank lines) against hard-wrapped text (one paragraph over
# several lines of about the same width): (the body's lines, the paragraphs expected).
_SCRAPED = [
    "The harbour board approved a new ferry terminal on Monday after three years of public consultation on the plans.",
    "Work will begin in the spring and is expected to take eighteen months, the board's chair told reporters.",
    "Residents had asked for a larger waiting room and more parking, and both are in the final design.",
    "The terminal will replace a building that has stood on the quay since the nineteen-sixties.",
]
_WRAPPED = ("The harbour board approved a new ferry terminal on Monday after three\n"
            "years of public consultation on the plans. Work will begin in the\n"
            "spring and is expected to take eighteen months, the board's chair told\n"
            "reporters on the quay.")


@pytest.mark.parametrize("body, expected", [
    ("\n".join(_SCRAPED), _SCRAPED),
    # a subheading line among them is still a line of its own
    ("\n".join([*_SCRAPED[:2], "What residents asked for", *_SCRAPED[2:]]), _SCRAPED),
    (_WRAPPED, [" ".join(_WRAPPED.split("\n"))]),
    (_WRAPPED + "\n\n" + _WRAPPED, [" ".join(_WRAPPED.split("\n"))] * 2),
    # two long lines are too few to tell: they stay one paragraph, as before
    ("\n".join(_SCRAPED[:2]), [" ".join(_SCRAPED[:2])]),
    # long lines that do not end sentences are one paragraph wrapped at a wide width
    ("\n".join(s.rstrip(".") + " and" for s in _SCRAPED[:3]) + "\nso it ends.",
     [" ".join(s.rstrip(".") + " and" for s in _SCRAPED[:3]) + " so it ends."]),
], ids=["one-a-line", "with-subheading", "hard-wrapped", "wrapped-blocks", "two-lines", "wide-wrap"])
@pytest.mark.parametrize("kind", ["txt", "json"])
def test_one_paragraph_a_line_is_told_from_hard_wrapped_text(tmp_path, body, expected, kind):
    path = tmp_path / f"article.{kind}"
    if kind == "txt":
        path.write_text("Harbour Board Approves New Ferry Terminal\n\n" + body + "\n", encoding="utf-8")
    else:
        path.write_text(json.dumps({"title": "Harbour Board Approves New Ferry Terminal", "body": body}), encoding="utf-8")
    (article,) = load_articles(path)
    assert list(article.paragraphs) == expected
    if "What residents" in body:
        assert [h for _, h in article.subheadings] == ["What residents asked for"]


def test_a_file_of_one_paragraph_a_line_takes_its_first_line_as_the_title(tmp_path):
    path = tmp_path / "scraped.txt"
    path.write_text("Harbour Board Approves New Ferry Terminal\n" + "\n".join(_SCRAPED) + "\n", encoding="utf-8")
    (article,) = load_articles(path)
    assert article.title == "Harbour Board Approves New Ferry Terminal"
    assert list(article.paragraphs) == _SCRAPED


def test_a_page_header_of_stacked_lines_gives_its_first_line_as_the_title(tmp_path):
    """A scraped page's header: a long headline line, a long menu line and short labels, none
    ending a sentence. They are lines of their own, not one paragraph wrapped: the headline is
    the title alone, not the headline, the menu and the labels run together."""
    header = ["Harbour Board Approves the New Ferry Terminal at the Annual Meeting of the Port Users' Association | Port Newsroom",
              "Port On Social Media Port On Video Port Blog Port Photos Port Newsletter Port Feeds Port Podcasts Port Maps",
              "Stay Connected", "News Transcript", "Release No. 0123.45"]
    path = tmp_path / "page.txt"
    path.write_text("\n".join(header) + "\n\n" + "\n\n".join(_SCRAPED) + "\n", encoding="utf-8")
    (article,) = load_articles(path)
    assert article.title == header[0]
    assert list(article.paragraphs)[-len(_SCRAPED):] == _SCRAPED


_SHORT_SENTENCES = ["Good afternoon everybody.", "I have just chaired a meeting of the harbour board.",
                    "We have decided to close the old quay.", "This is the hardest winter for a generation.",
                    "Some people compare it to the storm of 1987."]


@pytest.mark.parametrize("body, expected", [
    # a sentence a line, no blank line under the headline: each line a paragraph
    ("\n".join(_SHORT_SENTENCES), _SHORT_SENTENCES),
    # hard-wrapped text straight under the headline: one paragraph, the headline still the title
    (_WRAPPED, [" ".join(_WRAPPED.split("\n"))]),
], ids=["sentence-a-line", "wrapped"])
def test_a_headline_line_straight_above_the_body_is_the_title(tmp_path, body, expected):
    """No blank line anywhere: the first line that ends no sentence is the headline (before, the
    whole file was taken for the title and refused as having no paragraphs)."""
    path = tmp_path / "statement.txt"
    path.write_text("Harbour board statement: 12 March 2020\n" + body + "\n", encoding="utf-8")
    (article,) = load_articles(path)
    assert article.title == "Harbour board statement: 12 March 2020"
    assert list(article.paragraphs) == expected


def test_a_headline_wrapped_over_two_lines_stays_one_title(tmp_path):
    path = tmp_path / "wrapped-title.txt"
    path.write_text("Harbour Board Approves New Ferry Terminal\nAfter Years of Consultation\n\n" + _WRAPPED + "\n",
                    encoding="utf-8")
    (article,) = load_articles(path)
    assert article.title == "Harbour Board Approves New Ferry Terminal After Years of Consultation"


def _page(tail: str) -> str:
    paras = "".join(f"<p>The harbour board met on day {k} and went through the plans for the quays in detail.</p>"
                    for k in range(1, 8))
    return (f"<!doctype html><html><head><title>Harbour plans</title></head><body><h1>Harbour plans</h1>{paras}"
            f"{tail}</body></html>")


def test_a_list_that_ends_a_page_after_its_lead_in_is_read(tmp_path):
    """The precise extraction drops a list that ends some pages; the one a lead-in announces is kept."""
    page = tmp_path / "plans.html"
    page.write_text(_page("<p>Other projects discussed today included:</p><ul>"
                          "<li>7509 construction jobs for 19 private projects worth $26 billion;</li>"
                          "<li>2000 jobs for the wharf development.</li></ul>"), encoding="utf-8")
    a = load_articles(page)[0]
    assert a.paragraphs[-2:] == ("7509 construction jobs for 19 private projects worth $26 billion;",
                                 "2000 jobs for the wharf development.")
    assert [n for n, _ in a.lists] == [len(a.paragraphs) - 1, len(a.paragraphs)]


def test_a_menu_without_a_lead_in_stays_out(tmp_path):
    page = tmp_path / "menu.html"
    page.write_text(_page("<ul><li>Topics</li><li>Publications</li><li>Consultations</li></ul>"), encoding="utf-8")
    assert not any(p in ("Topics", "Publications") for p in load_articles(page)[0].paragraphs)


def test_a_record_whose_source_is_a_web_address_names_its_site(tmp_path):
    rec = tmp_path / "grants.json"
    rec.write_text(json.dumps({"title": "Agency announces grants", "source": "https://www.harbour-agency.gov/news/2011/grants",
                               "body": "The agency announced $5.9 million in grants to 17 groups on Monday."}), encoding="utf-8")
    a = load_articles(rec)[0]
    assert (a.source, a.url) == ("harbour-agency.gov", "https://www.harbour-agency.gov/news/2011/grants")


@pytest.mark.parametrize("source, expected", [
    ("Harbour Agency (archived copy), https://archive.example/2009/http://harbour.gov/news/1.htm",
     ("Harbour Agency (archived copy)", "https://archive.example/2009/http://harbour.gov/news/1.htm")),
    ("Harbour Agency", ("Harbour Agency", None)),
    ("Harbour Agency press office, room 12", ("Harbour Agency press office, room 12", None)),
])
def test_a_record_whose_source_names_its_publisher_then_the_address_keeps_each_apart(tmp_path, source, expected):
    rec = tmp_path / "grants.json"
    rec.write_text(json.dumps({"title": "Agency announces grants", "source": source,
                               "body": "The agency announced $5.9 million in grants to 17 groups on Monday."}), encoding="utf-8")
    a = load_articles(rec)[0]
    assert (a.source, a.url) == expected


def test_a_dated_dateline_run_into_the_lede_by_a_dash_is_cut(tmp_path):
    f = tmp_path / "visit.txt"
    f.write_text("Director visits the harbour\n\nLindenport, Ruritania, February 22, 1999—Harbour Director Ida Moss "
                 "departed today for a three-day visit to the quays.\n", encoding="utf-8")
    a = load_articles(f)[0]
    assert a.paragraphs[0].startswith("Harbour Director Ida Moss departed") and a.published == date(1999, 2, 22)
