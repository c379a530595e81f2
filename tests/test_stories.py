"""Stories, not files, and page one as the brief: read back from the DOCX and the PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, run_reporter

STORIES = ROOT / "tests" / "data" / "stories"
EPOCH = {"SOURCE_DATE_EPOCH": "1713571200"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
PHONE = re.compile(r"\+?\d[\d ()-]{8,}\d")
SOURCE_END = re.compile(r"¶\d+( · \d+ sources)?$")


def _build(tmp: Path, inputs, *extra: str):
    res = run_reporter("build", *map(str, inputs), "--out", str(tmp), *extra, env=EPOCH)
    assert res.returncode == 0, res.stderr
    paths = {Path(p).suffix[1:]: Path(p) for p in res.stdout.split()}
    return paths, res.stderr


def _paragraphs(docx_path: Path) -> list[tuple[str, str]]:
    import docx

    return [(p.style.name, p.text) for p in docx.Document(str(docx_path)).paragraphs]


def _section(paras, heading: str) -> list[tuple[str, str]]:
    """The paragraphs under a level-1 heading, up to the next one."""
    start = paras.index(("Heading 1", heading)) + 1
    end = next((i for i in range(start, len(paras)) if paras[i][0] == "Heading 1"), len(paras))
    return paras[start:end]


def _front_matter(paras) -> list[tuple[str, str]]:
    """Everything before the annex of article texts."""
    end = next((i for i, p in enumerate(paras) if p == ("Heading 1", "Annex: the articles")), len(paras))
    return paras[:end]


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def _summary_items(paras) -> list[str]:
    return [t for s, t in _section(paras, "Executive summary") if s.startswith("List")]


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory):
    return _build(tmp_path_factory.mktemp("stories"), sorted(STORIES.glob("*.*")))


def test_duplicates_merge_and_one_event_clusters_whatever_the_format():
    from reporter.ingest import load_articles
    from reporter.stories import group_stories

    files = sorted(STORIES.glob("*.*"))
    articles = [a for f in files for a in load_articles(f)]
    grouped = group_stories(articles)
    names = [sorted(Path(articles[k].path).name for k in s.inputs) for s in grouped.stories]
    assert sorted(names) == sorted([
        ["eurostat-flash-estimate.md", "eurozone-inflation-syndicated.txt", "eurozone-inflation.json"],
        ["kenya-drought-aid.md"],
        ["peru-embassy-readout.md", "peru-us-crime-copy.html", "peru-us-crime-copy.json", "peru-us-crime.txt"],
    ])
    # The .txt, .json and .html copies are one article; the syndicated copy is one with its original.
    assert grouped.merged == 3 and grouped.warnings() == ("3 duplicate inputs merged",)
    by_name = {Path(articles[s.members[0]].path).name: s for s in grouped.stories}
    assert len(next(s for s in grouped.stories if len(s.inputs) == 4).members) == 2
    assert by_name and grouped == group_stories(articles)  # deterministic


def test_unrelated_fixtures_stay_separate_stories():
    from reporter.ingest import load_articles
    from reporter.stories import group_stories

    articles = [a for f in sorted(FIXTURES.glob("*.*")) for a in load_articles(f)]
    grouped = group_stories(articles)
    assert len(grouped.stories) == len(articles) and grouped.merged == 0


def test_the_summary_is_all_on_pdf_page_one_and_each_item_ends_with_its_source(corpus_build):
    paths, stderr = corpus_build
    assert "reporter: warning: 3 duplicate inputs merged" in stderr
    paras = _paragraphs(paths["docx"])
    items = _summary_items(paras)
    assert 3 <= len(items) <= 8
    pages = _pdf_pages(paths["pdf"])
    page_one = pages[0].replace(" ", "")
    for item in items:
        assert SOURCE_END.search(item), item
        assert " ".join(item.split()).replace(" ", "") in page_one, item
    assert "Stories" not in pages[0].split("Executive summary", 1)[1]  # the digest starts on page 2
    # Every story gets at least one item: one story does not take every slot.
    outlets = {"Statistical Office of the Union", "Continental Markets Daily", "U.S. Embassy Lima",
               "East Africa Ledger", "peru-us-crime-copy.html"}
    assert {o for o in outlets if any(f"— {o}" in i for i in items)} >= {"East Africa Ledger"}
    assert any("Kenya" in i for i in items) and any("inflation" in i for i in items) and any("Peru" in i for i in items)


def test_a_cluster_lists_its_outlets_and_no_contact_details_reach_the_front(corpus_build):
    paths, _ = corpus_build
    paras = _paragraphs(paths["docx"])
    front = _front_matter(paras)
    digest = _section(paras, "Stories")
    lines = [t for _, t in digest]
    # The syndicated copy merged into its original; the statistics office's release is a second source.
    assert any(t.startswith("2 sources:") and "Continental Markets Daily" in t and "Statistical Office of the Union" in t
               for t in lines), lines
    assert any(t.startswith("2 sources:") and "U.S. Embassy Lima" in t for t in lines)
    text = "\n".join(t for _, t in front)
    assert not EMAIL.search(text), EMAIL.search(text)
    assert not PHONE.search(text), PHONE.search(text)
    for phrase in ("Media contact", "Notes to editors", "Share this page", "attributable to", "Photo:"):
        assert phrase not in text
    # The annex still holds every paragraph, boilerplate included, so ¶ numbers stay the articles' own.
    assert "For media inquiries" in "\n".join(t for _, t in paras[len(front):])


def test_the_same_story_is_in_the_annex_once(corpus_build):
    paths, _ = corpus_build
    paras = _paragraphs(paths["docx"])
    annex = _section(paras, "Annex: the articles")
    titles = [t for s, t in annex if s == "Heading 2"]
    assert sum("Peru and the US are strengthening" in t for t in titles) == 1
    assert len(titles) == 5  # 8 inputs, 3 of them copies


@pytest.mark.parametrize("count", [1, 13])
def test_page_one_holds_the_whole_summary_for_1_and_13_articles(tmp_path, count):
    inputs = sorted(FIXTURES.glob("*.*"))[:count] if count > 1 else [FIXTURES / "peru-us-organized-crime.txt"]
    paths, _ = _build(tmp_path, inputs, "--format", "docx,pdf")
    items = _summary_items(_paragraphs(paths["docx"]))
    assert 1 <= len(items) <= 8
    page_one = _pdf_pages(paths["pdf"])[0].replace(" ", "")
    for item in items:
        assert SOURCE_END.search(item), item
        assert item.replace(" ", "") in page_one, item


def test_summary_items_and_no_annex_options(tmp_path):
    inputs = sorted(FIXTURES.glob("*.*"))[:6]
    paths, _ = _build(tmp_path, inputs, "--summary-items", "3", "--no-annex", "--format", "docx")
    paras = _paragraphs(paths["docx"])
    assert len(_summary_items(paras)) == 3
    assert ("Heading 1", "Annex: the articles") not in paras
    import zipfile

    xml = zipfile.ZipFile(paths["docx"]).read("word/document.xml").decode()
    # Without the annex no reference points at a bookmark that is not there.
    anchors = set(re.findall(r'w:anchor="([^"]+)"', xml))
    bookmarks = set(re.findall(r'w:bookmarkStart [^>]*w:name="([^"]+)"', xml))
    assert anchors <= bookmarks, anchors - bookmarks


def test_the_key_figures_table_is_ten_rows_at_most(tmp_path):
    import docx

    paths, _ = _build(tmp_path, sorted(FIXTURES.glob("*.*")), "--format", "docx")
    d = docx.Document(str(paths["docx"]))
    figure_tables = [t for t in d.tables if t.rows[0].cells[0].text == "Figure"]
    assert len(figure_tables) == 1 and 2 <= len(figure_tables[0].rows) <= 11
    paras = [(p.style.name, p.text) for p in d.paragraphs]
    assert any(re.search(r"and \d+ more", t) for _, t in _front_matter(paras))


def test_where_sources_disagree_the_digest_shows_both(corpus_build):
    paths, _ = corpus_build
    digest = [t for _, t in _section(_paragraphs(paths["docx"]), "Stories")]
    differ = [t for t in digest if t.startswith("Sources differ") and "%" in t]
    # The wire story says core inflation slowed to 2.9%; the statistics office's release says 3.0%.
    assert len(differ) == 1, differ
    assert "core inflation" in differ[0] and "2.9% (Continental Markets Daily" in differ[0]
    assert "3.0% (Statistical Office of the Union" in differ[0]


def test_a_quotation_is_never_a_summary_item_unless_it_says_who_spoke():
    from reporter.analysis.facts import Quotation
    from reporter.compose.select import shown_text

    q = (Quotation("We will open the bridge by June", "Jane Doe", "Transport Minister", 4),)
    # Press-release layout: the quote paragraph has no quotation marks; the item names the speaker.
    assert shown_text("We will open the bridge by June.", 4, q) == \
        "“We will open the bridge by June,” said Jane Doe, Transport Minister."
    assert shown_text("“The bridge is unsafe,” the report concluded, and traffic stopped.", 5, ()) is not None
    assert shown_text("“The bridge is unsafe and must close.” The council met on Monday.", 5, ()) is None
    assert shown_text("Call the press office on +44 20 7946 0958 for details of the bridge.", 6, ()) is None


def test_all_duplicate_input_and_an_article_without_sentences_still_brief(tmp_path):
    copies = []
    for i, suffix in enumerate((".txt", ".text", ".txt")):
        p = tmp_path / f"copy{i}{suffix}"
        p.write_text((FIXTURES / "peru-us-organized-crime.txt").read_text(encoding="utf-8"), encoding="utf-8")
        copies.append(p)
    table = tmp_path / "table.md"
    table.write_text("---\ntitle: Quarterly figures\n---\n\n| Region | Q1 | Q2 |\n|---|---|---|\n| North | 4 | 5 |\n",
                     encoding="utf-8")
    paths, stderr = _build(tmp_path / "out", [*copies, table], "--format", "docx")
    assert "2 duplicate inputs merged" in stderr
    paras = _paragraphs(paths["docx"])
    titles = [t for s, t in _section(paras, "Annex: the articles") if s == "Heading 2"]
    assert len(titles) == 2 and any("Peru" in t for t in titles)
    assert 1 <= len(_summary_items(paras)) <= 8


def test_different_dates_for_the_same_event_are_shown_with_their_sources(corpus_build):
    paths, _ = corpus_build
    digest = [t for _, t in _section(_paragraphs(paths["docx"]), "Stories")]
    differ = [t for t in digest if t.startswith("Sources differ on the date")]
    # The embassy's readout puts the president's announcement on 21 March, the article on 22 March.
    assert len(differ) == 1, differ
    assert "Boluarte announced" in differ[0] and "22 March" in differ[0] and "21 March 2024 (U.S. Embassy Lima" in differ[0]


PRESS_RELEASE = """Thousands more rail seats as new trains enter service

From: Department of Rail

Published 3 March 2025

Passengers in the north will get 12,000 extra seats a day from May as 40 new trains enter service, the government announced today.

Transport Secretary Jane Doe said:

These trains are a vote of confidence in the north and in the people who build them.

The 400 million pound order supports 1,200 jobs at the factory and in its supply chain.

The new trains will:

- have 30% more seats than the ones they replace
- offer free wifi and power sockets at every seat

Notes to editors

The order was placed in 2022 under the rolling stock programme.

Media enquiries

Press office 0300 7777 878 press@rail.example.gov.uk
"""


def test_a_press_release_brief_attributes_its_quote_and_leaves_fragments_and_contacts_out(tmp_path):
    src = tmp_path / "release.txt"
    src.write_text(PRESS_RELEASE, encoding="utf-8")
    paths, _ = _build(tmp_path / "out", [src], "--format", "docx")
    assert "briefing-2025-03-03-" in paths["docx"].name  # the page's own date
    items = _summary_items(_paragraphs(paths["docx"]))
    quoted = [i for i in items if "vote of confidence" in i]
    assert quoted == [] or quoted[0].startswith("“These trains are a vote of confidence") and \
        "said Transport Secretary Jane Doe." in quoted[0]
    assert not any(i.startswith(("have 30%", "offer free")) for i in items)  # list items read only after their intro
    assert all("— Department of Rail, 3 March 2025, ¶" in i for i in items)
    text = "\n".join(t for _, t in _front_matter(_paragraphs(paths["docx"])))
    assert not EMAIL.search(text) and not PHONE.search(text) and "rolling stock programme" not in text


def test_libreoffice_lays_the_whole_summary_on_docx_page_one(corpus_build, tmp_path):
    import subprocess

    from conftest import require_tool

    soffice = require_tool("soffice")
    paths, _ = corpus_build
    res = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                          "pdf", "--outdir", str(tmp_path), str(paths["docx"])], capture_output=True, text=True,
                         timeout=180)
    converted = tmp_path / (paths["docx"].stem + ".pdf")
    assert res.returncode == 0 and converted.exists(), res.stderr
    page_one = _pdf_pages(converted)[0].replace(" ", "")
    items = _summary_items(_paragraphs(paths["docx"]))
    assert len(items) == 8 and all(item.replace(" ", "") in page_one for item in items)


def _article(title: str, *paragraphs: str, published=None):
    from reporter.ingest import Article

    return Article(title=title, paragraphs=tuple(paragraphs), published=published)


def test_two_banks_rate_statements_are_two_stories_and_one_banks_coverage_is_one():
    """Rate statements share the topic's words; the bank, its people and the date tell them apart."""
    from datetime import date

    from reporter.stories import group_stories

    north = _article("Rate decision", "The Nordland Monetary Council held the policy rate at 4.5% as inflation eased "
                     "toward the 2% target, Governor Ingrid Halvorsen said in Fjordby.",
                     "The council will monitor wage growth, services inflation and the labour market before it "
                     "moves the policy rate; risks to inflation remain.", published=date(2024, 6, 20))
    south = _article("Policy statement", "Inflation eased but remains above the 2% target, so the Austral Reserve "
                     "board held its policy rate, Chair Mateo Quispe said in Port Selby.",
                     "The board will monitor wage growth, services inflation and the labour market; risks to the "
                     "inflation outlook remain.", published=date(2025, 3, 19))
    again = _article("Nordland holds its rate", "Governor Ingrid Halvorsen of the Nordland Monetary Council said "
                     "in Fjordby that the policy rate stays while inflation eases.",
                     "Economists in Fjordby expect Halvorsen to cut the rate once wage growth slows.",
                     published=date(2024, 6, 21))
    stories = group_stories([north, south, again]).stories
    assert sorted(s.inputs for s in stories) == [(0, 2), (1,)]
    # Without the dates, the names alone still tell the banks apart.
    undated = [_article(a.title, *a.paragraphs) for a in (north, south, again)]
    assert sorted(s.inputs for s in group_stories(undated).stories) == [(0, 2), (1,)]


def test_the_same_people_a_year_apart_are_two_stories_unless_they_are_the_event_itself():
    from datetime import date

    from reporter.stories import _time_weight

    assert _time_weight(date(2024, 3, 1), date(2024, 3, 25)) == 1.0
    assert _time_weight(date(2024, 3, 1), None) == 1.0
    assert 0.2 < _time_weight(date(2024, 3, 1), date(2024, 7, 1)) < 0.5
    assert _time_weight(date(2024, 3, 1), date(2025, 3, 1)) < 0.1


def test_one_secretarys_news_conferences_two_years_apart_are_two_stories():
    """The same secretary, the same department, the same words of office: names that alike are
    the event itself only within half a year; two years apart they are two events."""
    from datetime import date

    from reporter.stories import group_stories

    def conference(when, topic, detail):
        return _article(f"News Conference with Secretary Ana Brightwater on {topic}",
                        f"Secretary Ana Brightwater of the Department of Farming spoke to farm broadcasters about {topic}.",
                        f"Brightwater said the Department of Farming {detail}, and she took questions afterwards.",
                        published=when)

    bill = ("the farm bill", "would send the new bill's drought payments to growers before the spring planting")
    credit = ("rural credit", "had doubled its loans to young ranchers and would open two more lending offices")
    apart = [conference(date(2009, 1, 20), *bill), conference(date(2011, 11, 10), *credit)]
    assert sorted(s.inputs for s in group_stories(apart).stories) == [(0,), (1,)]
    close = [conference(date(2011, 11, 1), *bill), conference(date(2011, 11, 10), *credit)]
    assert sorted(s.inputs for s in group_stories(close).stories) == [(0, 1)]


def test_a_report_that_states_a_releases_figures_is_one_event_with_it():
    from reporter.stories import _same_figures

    release = frozenset({"2.4", "2.6", "3.1", "11", "0.8", "5.5", "1,200"})
    assert _same_figures(release, frozenset({"2.4", "2.6", "3.1", "40"}))
    assert not _same_figures(release, frozenset({"2.4", "2.6", "12", "13"}))  # two in common: chance
    assert not _same_figures(release | {str(k) for k in range(20, 60)}, frozenset(str(k) for k in range(50, 100)))


def test_specifics_are_the_names_that_do_not_open_a_sentence_and_the_figures_that_are_not_years():
    from reporter.stories import _specifics

    a = _article("Talks in Geneva", "The Bank of England met on Monday, 3 March. Jane Doe said: “We will.” (See UN.)",
                 "Madrid hosted it in Spain’s capital in 2024, with 1,200 delegates, 300 ships and 4.5 million euros.")
    got = _specifics(a)
    assert got.names == {"geneva": 1, "bank": 1, "england": 1, "doe": 1, "un": 1, "spain": 1}
    assert got.numbers == {"1,200", "4.5"}


def test_the_headline_repeated_above_the_text_is_never_an_item():
    from reporter.compose.select import shown_text

    a = _article("Port Authority Press Conference on the Storm", "Port Authority Press Conference on the Storm",
                 "The port reopened its northern quay on Tuesday after the storm.")
    assert shown_text(a.paragraphs[0], 1, (), a) is None
    assert shown_text(a.paragraphs[1], 2, (), a) == a.paragraphs[1]



def test_two_editions_of_a_release_template_with_other_figures_are_not_copies():
    """A monthly release repeats last month's sentences around new numbers: the words alone
    look like a copy, the figures tell the editions apart; a real copy repeats its figures."""
    from reporter.stories import group_stories

    def edition(rate, before, year_ago, youth, jobless):
        return _article("Harbour jobs", f"The Portmouth harbour unemployment rate was {rate}% in December, stable "
                        f"compared with {before}% in November and down from {year_ago}% a year earlier, the harbour "
                        f"statistics office said today in its monthly release on the labour market of the coast.",
                        f"Youth unemployment was {youth}% and {jobless} people were out of work in the harbour "
                        "district, the office estimated in its monthly release on the labour market of the coast.")

    december = edition("8.71", "8.74", "9.72", "17.9", "14,300")
    january = edition("7.92", "7.95", "8.61", "15.2", "13,100")
    assert group_stories([december, january]).merged == 0  # both stay in the briefing
    copy = _article("Harbour jobs (republished)", *december.paragraphs)
    assert group_stories([december, copy]).merged == 1


def test_a_caption_dates_an_undated_page_even_when_it_is_boilerplate():
    from datetime import date

    from reporter.ingest import Article
    from reporter.stories import _stated_month

    page = Article(title="Latest from the coast", paragraphs=(
        "Ferry passengers queue on the quay in Portmouth, May 3, 2024.",
        "The harbour board approved a new ferry terminal on Monday."), boilerplate=(1,))
    assert _stated_month(page) == date(2024, 5, 3)


def test_a_brief_of_one_story_goes_on_into_its_digest_on_page_one_and_of_two_breaks_after_the_summary(tmp_path):
    """One story: page one holds the summary and then the story, so its front matter is one
    page and a half at most; several stories: the summary has page one to itself."""
    one, _ = _build(tmp_path / "one", [FIXTURES / "peru-us-organized-crime.txt"], "--format", "pdf")
    pages = _pdf_pages(one["pdf"])
    assert "Executive summary" in pages[0] and "The story" in pages[0]
    annex = next(i for i, p in enumerate(pages) if "Annex: the articles" in p)
    assert annex <= 1  # the annex starts on page one or two
    two, _ = _build(tmp_path / "two", sorted(FIXTURES.glob("*.*"))[:3], "--format", "pdf")
    pages = _pdf_pages(two["pdf"])
    assert "Executive summary" in pages[0] and "Stories" not in pages[0].replace("Executive summary", "")


def test_two_undated_editions_of_one_release_with_other_figures_are_two_stories():
    """A statistics office's quarterly release, two editions and neither dated: the same template,
    the same office, other figures. With no dates to tell them apart, the figures do."""
    from reporter.stories import group_stories

    def edition(q: str, sales: str, share: str, rise: str, total: str) -> object:
        return _article(f"Quarterly Harbour E-Commerce Report, {q}",
                        f"The Harbour Statistics Office announced today that e-commerce sales for the {q} were "
                        f"{sales}, an increase of {rise} from the quarter before.",
                        f"E-commerce sales accounted for {share} of total sales, which were {total}.",
                        "The estimates are based on data from the Monthly Harbour Trade Survey.")

    a = edition("second quarter", "$15.7 billion", "1.9 percent", "4.2 percent", "$828.1 billion")
    b = edition("third quarter", "$38.1 billion", "4.3 percent", "2.6 percent", "$885.4 billion")
    assert len(group_stories([a, b]).stories) == 2
    same = edition("second quarter", "$15.7 billion", "1.9 percent", "4.2 percent", "$828.1 billion")
    assert len(group_stories([a, same]).stories) == 1  # a copy states the same figures: one story


def test_a_transcript_s_key_figures_are_the_briefer_s_and_money_comes_before_durations(tmp_path):
    import docx

    text = ("Harbour Minister press conference\n\n"
            "JANE ROE, HARBOUR MINISTER: Over the past four years we have rebuilt the quay, and today the council "
            "commits $40 million to dredging the northern channel for 1,200 ships a year.\n\n"
            "QUESTION: Eight months on from the collapse, why has no one been charged?\n\n"
            "JANE ROE, HARBOUR MINISTER: The inquiry will report in two weeks.\n")
    src = tmp_path / "doorstop.txt"
    src.write_text(text, encoding="utf-8")
    paths, _ = _build(tmp_path / "out", [src], "--format", "docx")
    table = next(t for t in docx.Document(str(paths["docx"])).tables if t.rows[0].cells[0].text == "Figure")
    values = [r.cells[0].text for r in table.rows[1:]]
    assert values[:2] == ["$40 million", "1,200"], values
    assert "Eight months" not in values
