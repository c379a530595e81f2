"""Boilerplate is not content; bylines and datelines tell about the article; lists stay lists."""

from __future__ import annotations

import json
from pathlib import Path
from datetime import date

import pytest

from conftest import run_reporter
from reporter.ingest.boilerplate import contact_details, is_boilerplate, strip_boilerplate

EPOCH = {"SOURCE_DATE_EPOCH": "1713571200"}


def test_a_byline_and_a_dateline_become_author_place_and_date():
    c = strip_boilerplate(["By Jane Doe", "BAGHDAD, April 26, 2006 -- Officials opened the bridge on Wednesday.",
                           "Traffic resumed within the hour, the ministry said."])
    assert (c.author, c.place, c.published) == ("Jane Doe", "BAGHDAD", date(2006, 4, 26))
    assert c.paragraphs[1] == "Officials opened the bridge on Wednesday."
    assert c.boilerplate == (1,)  # the byline; numbering is kept


@pytest.mark.parametrize("line", [
    "Media contact: Press Office, +44 20 7946 0958, press@example.org",
    "For media inquiries: press section, +1 202 555 0143",
    "###",
    "Share this page",
    "The below is attributable to the ministry's spokesperson.",
    "Photo: Officers at the training centre. (Ministry of Interior)",
    "Email: newsdesk@example.com",
    # a link to related material: a title with its kind and date in brackets
    "Harbour levy agreed by transport ministers (press release, 4 March 2022)",
    "Ministers extend the fishing quota talks [Statement, March 4, 2022]",
    # an instruction for using the page
    "Click Read more under a story's teaser to display the whole story.",
    # a release's embargo terms
    "Advance copies of this statement are made available to the press under lock-up conditions with the "
    "explicit understanding that the data are embargoed until 8:30 a.m. Eastern Time.",
    "EMBARGO: 00:01 Tuesday 3 May",
])
def test_boilerplate_lines_are_marked_wherever_they_stand(line):
    body = ["The ministry opened a new training centre for 300 officers on Monday, officials said.",
            line, "The centre will train officers from six regions over the next two years."]
    assert strip_boilerplate(body).boilerplate == (2,)


def test_notes_to_editors_at_the_end_take_what_follows_with_them():
    body = [f"Paragraph {i} of the story says something about the rail network and its budget." for i in range(1, 7)]
    body += ["Notes to editors", "The survey covered 2,000 adults.", "It was run in March."]
    assert strip_boilerplate(body).boilerplate == (7, 8, 9)


def test_text_is_not_mistaken_for_boilerplate():
    body = ["The PNP, which currently has 135,000 law enforcement officers, faces violence.",
            "By the time the rain came, the farmers had left the valley for the coast.",
            "Contact between the two sides resumed in 2024 after talks in Geneva, officials said.",
            "The ministers agreed the levy on 4 March 2022 (press release) and will review it next year.",
            "Clicking sounds from the engine room woke the crew before the ship struck the reef, the report said.",
            "The minister lifted the embargo on beef exports yesterday, the ministry said."]
    c = strip_boilerplate(body)
    assert c.boilerplate == () and c.author is None and c.published is None
    assert not contact_details(body[0])


LIST_TEXT = """Council sets out three steps on flooding

The council agreed on Tuesday to act on flooding in the valley after the worst winter in 30 years.

The plan has three parts:
1. New barriers along the river by 2026.
2. Grants of up to £5,000 for homes at risk.
3. A warning service by text message.

Residents asked for:

- faster repairs to drains
- a clear contact point at the council
"""


def _list_inputs(tmp_path):
    txt = tmp_path / "plan.txt"
    txt.write_text(LIST_TEXT, encoding="utf-8")
    md = tmp_path / "plan.md"
    md.write_text("---\ntitle: Flooding plan\n---\n\n" + LIST_TEXT.split("\n", 2)[2].replace(
        "parts:\n1.", "parts:\n\n1.").replace("-- faster", "- faster"), encoding="utf-8")
    js = tmp_path / "plan.json"
    js.write_text(json.dumps({"title": "Flooding plan", "body": LIST_TEXT.split("\n", 2)[2]}), encoding="utf-8")
    return [txt, md, js]


def test_lists_in_text_markdown_and_json_are_read_as_lists(tmp_path):
    from reporter.ingest import load_articles

    for path in _list_inputs(tmp_path):
        a = load_articles(path)[0]
        assert a.lists == ((3, "number"), (4, "number"), (5, "number"), (7, "bullet"), (8, "bullet")), path
        assert a.paragraphs[2] == "New barriers along the river by 2026." and a.paragraphs[7].startswith("a clear")


def test_lists_stay_lists_in_the_docx_and_the_pdf(tmp_path):
    import docx

    src = _list_inputs(tmp_path)[0]
    res = run_reporter("build", str(src), "--out", str(tmp_path / "out"), env=EPOCH)
    assert res.returncode == 0, res.stderr
    paths = {p.rsplit(".", 1)[1]: p for p in res.stdout.split()}
    paras = [(p.style.name, p.text) for p in docx.Document(paths["docx"]).paragraphs]
    assert ("List Number", "¶3 New barriers along the river by 2026.") in paras
    assert ("List Bullet", "¶8 a clear contact point at the council") in paras
    from conftest import pdf_text

    text = pdf_text(paths["pdf"], layout=True)
    assert "1. ¶3 New barriers" in " ".join(text.split())
    assert "• ¶7 faster repairs" in " ".join(text.split())


def test_a_pages_own_stamps_give_its_date_and_publisher():
    c = strip_boilerplate(["From: Department for Transport", "Published 3 March 2025",
                           "Last updated 4 March 2025 at 10:30am", "Share on Facebook",
                           "The minister announced 40 new trains for the northern routes on Monday.",
                           "Trains will run from June, the department said."])
    assert (c.source, c.published) == ("Department for Transport", date(2025, 3, 3))
    assert c.boilerplate == (1, 2, 3, 4)
    # As scraped text the stamps are short lines, read as subheadings: the same facts, no subheadings.
    c = strip_boilerplate(["The minister announced 40 new trains.", "Trains will run from June."],
                          [(0, "From: Department for Transport"), (0, "Last updated: 4 March 2025")])
    assert (c.source, c.published, c.subheadings) == ("Department for Transport", date(2025, 3, 4), ())


def test_a_scraped_text_gets_its_date_and_the_briefing_follows_it(tmp_path):
    src = tmp_path / "release.txt"
    src.write_text("Ministry opens training centre\n\nBy Ana Ruiz\n\n"
                   "QUITO, May 7, 2024 -- The ministry opened a centre that will train 300 officers a year.\n\n"
                   "The centre cost $12 million, officials said.\n\nMedia contact: press@example.org\n",
                   encoding="utf-8")
    res = run_reporter("build", str(src), "--out", str(tmp_path / "out"), "--format", "docx")
    assert res.returncode == 0, res.stderr
    (path,) = res.stdout.split()
    assert "briefing-2024-05-07-" in path  # the dateline's date, not today's
    import docx

    paras = [p.text for p in docx.Document(path).paragraphs]
    assert "¶1 The ministry opened a centre that will train 300 officers a year." in paras
    assert any("Ana Ruiz" in p for p in paras)


@pytest.mark.parametrize("opening, place, when, agency", [
    ("LUSAKA, March 4 (Reuters) - ", "LUSAKA", None, "Reuters"),
    ("SANTIAGO, Chile, May 7, 2024 -- ", "SANTIAGO, Chile", date(2024, 5, 7), None),
    ("NEW YORK, May 7, 2024 /PRNewswire/ -- ", "NEW YORK", date(2024, 5, 7), None),
    # an agency's regional release: the date in brackets, with or without a dash around it
    ("DENVER (June 29, 2022) – ", "DENVER", date(2022, 6, 29), None),
    ("PHILADELPHIA (October 31, 2018) Today, ", "PHILADELPHIA", date(2018, 10, 31), None),
    ("PHILADELPHIA – (January 18, 2018) -- ", "PHILADELPHIA", date(2018, 1, 18), None),
    ("Yesterday, March 3 - ", None, None, None),
    ("The plan, May 3, 2024 - ", None, None, None),
])
def test_datelines_in_their_common_forms(opening, place, when, agency):
    from reporter.ingest.boilerplate import dateline

    d = dateline(opening + "the council met on Monday.")
    assert (d and (d.place, d.when, d.agency)) == ((place, when, agency) if place else None)


@pytest.mark.parametrize("opening, place, agency", [
    ("GENEVA — ", "GENEVA", None), ("AUSTIN, Texas (AP) — ", "AUSTIN, Texas", "AP"),
    ("CẦN THƠ, Vietnam — ", "CẦN THƠ, Vietnam", None), ("US — ", None, None),
    ("NEW PORT - ", "NEW PORT", None), ("PORTMOUTH-BASED ", None, None),  # a typed hyphen, spaced
])
def test_a_place_alone_in_capitals_is_a_dateline(opening, place, agency):
    from reporter.ingest.boilerplate import dateline

    d = dateline(opening + "At least 40 people were hurt on Monday.")
    assert (d and (d.place, d.when, d.agency)) == ((place, None, agency) if place else None)


@pytest.mark.parametrize("line, day", [
    ("March 19, 2025", date(2025, 3, 19)),
    ("20 June 2024", date(2024, 6, 20)),
    ("Lakeside/Hilltown, 19 May 2025", date(2025, 5, 19)),
])
def test_a_line_that_only_dates_the_release_gives_its_date(line, day):
    c = strip_boilerplate([line, "The council approved the new bridge on Tuesday.", "Work starts in spring."])
    assert c.published == day and c.boilerplate == (1,)


def test_a_sentence_with_a_date_is_text_not_a_date_line():
    c = strip_boilerplate(["The council approved the bridge on 19 May 2025.", "Work starts in spring."])
    assert c.published is None and c.boilerplate == ()


@pytest.mark.parametrize("line", ["For release at 2:00 p.m. EDT", "FOR IMMEDIATE RELEASE", "Embargoed until 00:01 Tuesday 4 March"])
def test_release_instructions_are_boilerplate(line):
    from reporter.ingest.boilerplate import is_boilerplate

    assert is_boilerplate(line)
    assert not is_boilerplate("The release of the report was delayed until the council had met for the second time.")


@pytest.mark.parametrize("line, day", [
    ("Ministry of Ports (4 March 2025)", date(2025, 3, 4)),
    ("Presenter: Harbour Master Ana Ruiz, spokeswoman March 8, 2015", date(2015, 3, 8)),
    ("The press release issued by the Ministry of Ports on 4 March 2025.", date(2025, 3, 4)),
    ("The speech made by Ana Ruiz, the Harbour Master, in Valparaíso on 28 August 2025.", date(2025, 8, 28)),
])
def test_a_pages_line_about_the_document_dates_it_and_is_not_text(line, day):
    c = strip_boilerplate([line, "The port reopened its northern quay after the storm on Tuesday.", "Ferries resume."])
    assert c.published == day and c.boilerplate == (1,)


@pytest.mark.parametrize("line", [
    "Official websites use .gov",
    "A lock ( ) or https:// means you have safely connected to the site.",
    "|Printable version",
    "The Best Network for Port Engineering Careers - SIGN UP",
    "Transmission of material in this news release is embargoed until 8:30 a.m.",
    "The following statement was published by the Ministry of Ports on May 3. It is reproduced below.",
    "FOR TECHNICAL INFORMATION: Ana Ruiz (202) 555-0100 * QUICKLINE: (202) 555-0101 * FAX: (202) 555-0102 "
    + "and then a long list of desks " * 8,
])
def test_page_furniture_is_boilerplate(line):
    from reporter.ingest.boilerplate import is_boilerplate

    assert is_boilerplate(line)


def test_a_masthead_above_the_story_is_boilerplate_but_a_sentence_is_not():
    c = strip_boilerplate(["Ministry of Ports Office of Public Affairs News Release",
                           "The Port Authority reopened the northern quay on Tuesday.", "Ferries resume."])
    assert c.boilerplate == (1,)
    c = strip_boilerplate(["Ferries Resume After Storm.", "Ports reopened on Tuesday.", "More ferries run."])
    assert c.boilerplate == ()


def test_a_phone_number_with_its_area_code_in_brackets_is_contact_detail_but_a_date_is_not():
    assert contact_details("Call (202) 555-0100 for details.")
    assert not contact_details("The plan was agreed on 2024-10-18 by 12 votes to 3.")


FURNITURE_LINES = [
    "Skip to main content", "Home > News > Environment", "You are here: Home » Newsroom", "Back to top",
    "Share this article", "Share on Facebook", "Print this page",
    "We use cookies to improve your experience on our site. By continuing you agree to our cookie policy.",
    "Accept all cookies", "Related articles", "You may also like", "Read more", "More from this section",
    "Tags: flooding, rivers", "Image credit: Ministry of Ports", "Jane Doe/AFP via Getty Images",
    "Published 3 March 2025", "Last updated 4 March 2025", "Published on 3 March 2025 | Updated on 4 March 2025",
    "Posted by Jane Doe on March 3, 2025", "Sign up for our newsletter", "Is this page useful? Yes No",
    "Privacy policy | Terms of use | Accessibility", "Copyright © 2025 Ministry of Ports. All rights reserved.",
    "Download the full report (PDF, 2 MB)", "Advertisement", "3 min read",
    "You have accessed part of a historical collection of the Ministry of Ports. Some of the information "
    "contained within may be outdated and links may not function. Please contact the MOP Webmaster with any questions.",
    "This page has been archived and is no longer updated.",
    "Navigation path", "Left navigation", "You are here", "18 SHARES Share Tweet Mail Reddit Pocket Print",
    "MINISTRY OF PORTS News Release (2025/0117) issued by the Government News Service on 3 March 2025",
    "The Harbour Traffic Index (HTI) is a measure of shipping activity and includes statistics about the "
    "number of ships calling at each port",
    "The Port Price Index measures the average change over time in the fees paid by shipping lines", "Accessibility links", "Breaking News", "IMPRINT",
    "Skip directly to site content",
    "Skip directly to search Skip directly to A to Z list Skip directly to navigation Skip directly to page options\nMOP Home",
]
NOT_FURNITURE = [
    "Home ownership fell to 62% last year, the survey found.", "Search teams found the missing hikers on Tuesday.",
    "More than 300 people were evacuated from the valley.", "Share prices fell 4% after the announcement.",
    "Related charges were dropped by prosecutors in May.", "Copyright law will change next year, the minister said.",
    "Read the full statement by the minister below, she said.", "Back pay of £2,000 will go to 3,000 nurses.",
    "Updated figures released on 3 March 2025 show inflation at 3%.",
    "Home Secretary Jane Doe said the strategy would cut crime.",
    "Tags were attached to 400 birds to track their migration.",
    "18 shares like these were sold on Monday, the registry said, and 40 more will follow in June.",
    "You are here to learn, the minister told the students at the opening of the new harbour college.",
    "The ministry's webmaster was arrested on Tuesday after a two-year inquiry into the leaked files.",
    "Breaking news of the port closure reached the island by radio on Monday, the harbour master said.",
    "Skip to the vote, the chair told members, and skip to the next item after it.",
    "The harbour index is a measure of shipping that rose 4% in March, the ministry said.",
    "The ministry issued a news release on Monday saying the port would reopen, but ferries stayed in harbour "
    "all week because of the storm and the strike of the pilots, who want higher pay.",
    "The archive holds a historical collection of 40,000 maps, most of them never shown in public before.",
]


@pytest.mark.parametrize("line", FURNITURE_LINES)
def test_page_furniture_of_scraped_pages_is_boilerplate(line):
    from reporter.ingest.boilerplate import is_boilerplate

    assert is_boilerplate(line)


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_a_sentence_that_opens_like_furniture_is_text(line):
    from reporter.ingest.boilerplate import is_boilerplate

    assert not is_boilerplate(line)


STORY = ["The river authority opened the new flood barrier at Kelmor on Tuesday after three years of work.",
         "The barrier protects 4,000 homes and cost 120 million crowns, the authority said.",
         "Engineers will test its gates every month during the winter."]


def _furnished_inputs(tmp_path):
    """One scraped story in every input kind, the page's furniture between its paragraphs."""
    lines = []
    for k, para in enumerate(STORY):
        lines += FURNITURE_LINES[k * 9:(k + 1) * 9] + [para]
    txt = tmp_path / "barrier.txt"
    txt.write_text("Kelmor flood barrier opens\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    md = tmp_path / "barrier.md"
    md.write_text("---\ntitle: Kelmor flood barrier opens\n---\n\n" + "\n\n".join(
        line.replace(">", "\\>").replace("|", "\\|") for line in lines) + "\n", encoding="utf-8")
    js = tmp_path / "barrier.json"
    js.write_text(json.dumps({"title": "Kelmor flood barrier opens", "body": lines}), encoding="utf-8")
    import html as h

    page = tmp_path / "barrier.html"
    page.write_text("<html><head><title>Kelmor flood barrier opens</title></head><body><article>"
                    "<h1>Kelmor flood barrier opens</h1>" + "".join(f"<p>{h.escape(x)}</p>" for x in lines)
                    + "</article></body></html>", encoding="utf-8")
    return [txt, md, js, page]


def test_page_furniture_is_marked_in_every_input_kind(tmp_path):
    from reporter.ingest import load_articles

    for path in _furnished_inputs(tmp_path):
        (article,) = load_articles(path)
        kept = [p for n, p in enumerate(article.paragraphs, 1) if n not in article.boilerplate]
        assert kept == STORY, path.suffix


def test_private_use_characters_of_icon_fonts_reach_no_output(tmp_path):
    """A scraped page's icon glyphs (private use area, U+E000-U+F8FF) show nothing a reader
    can read: they are dropped at ingest, so no title, header, summary or annex holds one."""
    from conftest import pdf_text

    page = tmp_path / "ferry.txt"
    page.write_text("Ferry \ue002 service resumes\n\nThe island ferry \ue0020\ue002 resumed on Monday after "
                    "repairs costing 40 million crowns, the operator said. \uf099\n\n\ue002\n\n"
                    "Traffic engineers expect 3,000 passengers a day.\n", encoding="utf-8")
    res = run_reporter("build", str(page), "--out", str(tmp_path / "out"), env=EPOCH)
    assert res.returncode == 0, res.stderr
    import zipfile

    paths = res.stdout.split()
    docx = next(p for p in paths if p.endswith(".docx"))
    pdf = next(p for p in paths if p.endswith(".pdf"))
    with zipfile.ZipFile(docx) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    assert "Ferry service resumes" in xml and "40 million crowns" in xml
    text = pdf_text(Path(pdf))
    assert "40 million crowns" in text
    analysed = run_reporter("analyze", str(page), env=EPOCH).stdout
    for out in (xml, text, analysed):
        assert not any("\ue000" <= ch <= "\uf8ff" for ch in out)


@pytest.mark.parametrize("title, cut", [
    ("Ministry of Ports Press release 41st meeting of the Ports Council Port Liria, 3 March 2025 PRESS "
     "Harbour Road 12 Tel.: +44 20 7946 0000 press@ports.example.org", "Ministry of Ports Press release 41st "
     "meeting of the Ports Council Port Liria, 3 March 2025 PRESS Harbour Road 12"),
    ("Ferry fares frozen for 2025 | press@ports.example.org", "Ferry fares frozen for 2025"),
    ("Ferry fares frozen for 2025", "Ferry fares frozen for 2025"),
    ("Call 020 7946 0000", "Call 020 7946 0000"),  # too little would be left: the title stays whole
])
def test_a_title_that_runs_on_into_its_contact_block_is_cut_before_it(title, cut):
    from reporter.ingest.boilerplate import contact_details, headline

    assert headline(title) == cut
    assert not contact_details(headline(title)) or headline(title) == title


def test_a_scraped_header_block_gives_a_title_without_contact_details(tmp_path):
    from reporter.ingest import load_articles

    f = tmp_path / "council.txt"
    f.write_text("Ports Council 41st meeting Port Liria, 3 March 2025\nPRESS Harbour Road 12\n"
                 "Tel.: +44 20 7946 0000 press@ports.example.org\n\n"
                 "The Ports Council agreed on Monday to freeze ferry fares for 2025.\n\n"
                 "Ministers will meet again in June.\n", encoding="utf-8")
    a = load_articles(f)[0]
    assert a.title == "Ports Council 41st meeting Port Liria, 3 March 2025 PRESS Harbour Road 12"


@pytest.mark.parametrize("banner", [
    "An official website of the Republic of Ostravia Here's how you know\n\nOfficial websites use .gov\n\n"
    "You have accessed part of a historical collection of the Ministry of Ports. Some of the information "
    "contained within may be outdated and links may not function.",
    "IMPRINT",
])
def test_a_banner_scraped_as_the_title_gives_way_to_the_headline_below_it(tmp_path, banner):
    from reporter.ingest import load_articles

    f = tmp_path / "briefing.txt"
    f.write_text(banner + "\n\nMinister Dorne Holds a Press Briefing in the Harbour Room\n\n"
                 "MINISTER DORNE: Good morning. The northern quay reopens on Monday after six months of repairs.\n\n"
                 "Ferries will run every 40 minutes from June.\n", encoding="utf-8")
    a = load_articles(f)[0]
    assert a.title == "Minister Dorne Holds a Press Briefing in the Harbour Room"
    body = [p for n, p in enumerate(a.paragraphs, 1) if n not in a.boilerplate]
    assert body[0].startswith("MINISTER DORNE: Good morning.")  # the headline is not told twice
    assert a.title not in [h for _, h in a.subheadings]


def test_a_real_title_stays_the_title_whatever_follows():
    from reporter.ingest import Article
    from reporter.ingest import _without_boilerplate

    a = _without_boilerplate(Article(title="Northern quay reopens after repairs",
                                     paragraphs=("Share this page", "Ferries Resume", "The quay reopened on Monday.")))
    assert a.title == "Northern quay reopens after repairs"


def test_a_date_scraped_as_the_title_dates_the_article_and_gives_way_to_its_headline(tmp_path):
    from reporter.ingest import load_articles

    f = tmp_path / "settlement.txt"
    f.write_text("Wednesday, May 12, 2027\n\nMinistry Announces Settlement of Harbour Lawsuit\n\n"
                 "The Ministry of Ports settled the lawsuit over the northern quay on Tuesday, its lawyers said.\n\n"
                 "The quay reopens in June.\n", encoding="utf-8")
    a = load_articles(f)[0]
    assert a.title == "Ministry Announces Settlement of Harbour Lawsuit"
    assert a.published.isoformat() == "2027-05-12"


# --- What a scraped page prints above its headline, and around it (made-up pages) ---------

_STORY = ("The harbour board approved a new ferry terminal on Monday after three years of consultation, "
          "its chair said.")


@pytest.mark.parametrize("first_line", [
    "News story", "Press Releases", "In the news", "Statements & Remarks", "Money & The Coast", "News / Coast",
    "Tag: Harbours", "Saturday, May 4, 2024", "Here’s how you know", "Port Authority flag", "Department of Harbours",
    "The Harbour Agency", "Coast Office - Daily News", "Syndicate content Updated: 20 min ago",
])
def test_a_page_s_section_date_or_publisher_above_the_headline_is_not_its_title(tmp_path, first_line):
    page = tmp_path / "page.txt"
    page.write_text(f"{first_line}\n\nHarbour Board Approves New Ferry Terminal\n\n{_STORY}\n", encoding="utf-8")
    from reporter import load_articles

    (article,) = load_articles(page)
    assert article.title == "Harbour Board Approves New Ferry Terminal"
    assert article.paragraphs[-1] == _STORY


@pytest.mark.parametrize("title", ["Harbour closes early", "Ferry Terminal Approved", "Union fishermen protest"])
def test_a_short_headline_stays_the_title(tmp_path, title):
    from reporter import load_articles

    page = tmp_path / "page.txt"
    page.write_text(f"{title}\n\nHarbour Board Approves New Ferry Terminal\n\n{_STORY}\n", encoding="utf-8")
    assert load_articles(page)[0].title == title


def test_a_body_named_above_the_headline_is_the_source():
    from reporter.ingest.boilerplate import kicker, organisation

    assert organisation("The Harbour Agency") == "Harbour Agency"
    assert organisation("Department of Harbours and Coasts") == "Department of Harbours and Coasts"
    assert organisation("Harbour board approves terminal") is None
    # a kind of page is a section; a headline that ends with such a word is not
    assert kicker("Coast Office - Daily News") and not kicker("Minister attacks the press")


def test_a_republishers_framed_headline_is_the_title_and_its_repeats_are_boilerplate(tmp_path):
    from reporter import load_articles

    page = tmp_path / "page.txt"
    page.write_text("Tag: Harbours\n\n• PRESS RELEASE : Harbour board approves new ferry terminal [May 2024]\n\n"
                    "PRESS RELEASE : Harbour board approves new ferry terminal [May 2024]\n\n" + _STORY + "\n",
                    encoding="utf-8")
    (article,) = load_articles(page)
    assert article.title == "Harbour board approves new ferry terminal"
    assert article.boilerplate == (1, 2) and article.paragraphs[2] == _STORY


def test_a_contact_line_run_into_the_headline_is_cut_from_it(tmp_path):
    from reporter import load_articles

    page = tmp_path / "page.txt"
    page.write_text("Contact: press@harbour.example\nHarbour Board Approves New Ferry Terminal\n\n" + _STORY + "\n",
                    encoding="utf-8")
    assert load_articles(page)[0].title == "Harbour Board Approves New Ferry Terminal"


@pytest.mark.parametrize("caption", [
    "Jane Doe, second from left, talks to ferry passengers on the quay at Portmouth, May 3, 2024.",
    "The new terminal building (left) beside the old quay in Portmouth on Friday.",
    "The new ferry terminal at Portmouth on Friday, May 3, 2024. The new ferry terminal at Portmouth on Friday, May 3, 2024.",
])
def test_a_caption_is_boilerplate(caption):
    c = strip_boilerplate([caption, _STORY, "Work will begin in the spring, the board said."])
    assert c.boilerplate == (1,)


def test_a_date_line_run_into_its_paragraph_dates_the_article_and_is_cut_from_the_summary_item():
    from reporter.compose.select import shown_text

    opening = "Portmouth, 3 May 2024 The harbour board approved a new ferry terminal on Monday."
    c = strip_boilerplate([opening, "Work will begin in the spring, the board said."])
    assert (c.place, c.published) == ("Portmouth", date(2024, 5, 3))
    assert c.paragraphs[0] == opening  # the text keeps it: the analysis reads its date
    assert shown_text(opening, 1, ()) == "The harbour board approved a new ferry terminal on Monday."
    # a sentence that only opens with a place and a date keeps it
    said = "Portmouth, 3 May 2024 — The harbour board approved a new ferry terminal."
    assert strip_boilerplate([said, _STORY]).paragraphs[0] == "The harbour board approved a new ferry terminal."


def test_a_headline_inside_the_text_is_no_summary_item():
    from reporter.compose.select import shown_text

    assert shown_text("Readout of the Harbour Board Chair's Call With the Coast Minister of Portmouth", 6, ()) is None
    assert shown_text("The Harbour Board Chair called the Coast Minister of Portmouth.", 6, ()) is not None


@pytest.mark.parametrize("line, when", [
    ("Fri. Nov 22nd, 2024", date(2024, 11, 22)), ("Saturday, 4 May 2024", date(2024, 5, 4)),
    ("Sat 4th May 2024", date(2024, 5, 4)), ("Sunday service resumes", None),
])
def test_a_date_line_may_open_with_its_weekday_and_give_the_day_as_an_ordinal(line, when):
    from reporter.ingest.boilerplate import date_line

    assert date_line(line) == when


@pytest.mark.parametrize("line", [
    "The Harbour Daily is released Monday to Friday at 8:30 a.m. Eastern time, except during holidays.",
    "The chair's video message on the new terminal can be found here",
    "The pandemic's effect on our capacity means we have suspended some of our monthly releases.",
    "The latest developments in the harbour strike. All times local.",
    "This was published under the 2010 to 2015 coalition government",
    # a republisher's credit to the page it copied, in the page's language
    "Reproduced from the Harbour Board (HB), published on Friday 8 July 2016.",
    "Met dank overgenomen van Havenraad (HR) i, gepubliceerd op vrijdag 8 juli 2016.",
])
def test_a_publications_notes_about_itself_are_boilerplate(line):
    assert strip_boilerplate([_STORY, line, "Work will begin in the spring, the board said."]).boilerplate == (2,)


@pytest.mark.parametrize("text", [
    "Harbour Daily In the news Indicators Releases by subject Release schedule",  # a menu
    "– in the Harbour Council at 5:34 pm on 25 November 2024.",  # a fragment
    "and the board approved it on Monday.",
    # a transcript's presenting line: its date, then titled names, no verb
    "Feb. 19, 2020 Deputy to the Director of Harbour Works Ada B. Quill; Vice Chair of the Harbour Board Ben Vale, Jr.",
    "HARBOUR BOARD OPENS THE NEW TERMINAL TO FERRIES.",
])
def test_a_summary_item_is_a_sentence(text):
    from reporter.compose.select import shown_text

    assert shown_text(text, 2, ()) is None


@pytest.mark.parametrize("text", [
    "Related Harbour News Stories Click here for the latest headlines.",
    "Negotiators at the harbour talks of 6 to 8 May © Harbour Council (2023)",
    "All issued press releases are posted separately on our Press Release page.",
    "Below is the text of the statement made by Ada Quill, the Harbour Minister, on 10 June 2020.",
    "Read the transcript of the press conference in full below.",
    "The next harbour news summary will be published on 25 April 2014.",
    "Please Note: This transcript is not edited and may contain errors.",
    "Subjects: Harbour ministers' meeting, Ferry fares, Storm damage.",
    "Content created by the Press Office Content last reviewed January 23, 2026 Back to top",
    "PORT No. 00-83 Further Information: For Release In the capital: 555-0100",
    "Full text of the Department's Daily Press Briefing is sent out each weekday.",
    "The Harbour Master (L red tie) is joined by the Port Secretary (c) and the Deputy Master (r) at the quay.",
])
def test_page_frames_credits_and_schedules_are_boilerplate(text):
    from reporter.ingest.boilerplate import is_boilerplate

    assert is_boilerplate(text)


@pytest.mark.parametrize("text", [
    "The council said the next phase of the harbour works will be published in a report in May.",
    "Ada Quill said the copyright dispute over the harbour's name was settled on Monday.",
    "Visitors can click through 200 photographs of the old harbour in the new museum, which opens on Friday.",
    "The subjects of the talks were ferries and fares, the minister said.",
    "The council (the port’s owner) and the board (its tenant) met at the harbour on Monday.",
    # party tags are no caption's placings
    "Senate Leader Ada Quill (R-KY) delivered the following remarks on Senator Jon Vale (R-PA):",
])
def test_story_sentences_near_those_words_are_not_boilerplate(text):
    from reporter.ingest.boilerplate import is_boilerplate

    assert not is_boilerplate(text)


def test_an_archive_notice_and_a_release_line_above_the_headline_are_not_the_title(tmp_path):
    from reporter.ingest import load_articles

    f = tmp_path / "statement.txt"
    f.write_text("This information is provided for historical purposes only. It may contain outdated information "
                 "and links may no longer function.\nPlease contact the Webmaster if you have any questions.\n"
                 "Immediate Release\n\nSecretary Ada Quill Statement on the Harbour Storm\n\nJan. 20, 2016\n\n"
                 "Our hearts go out to the families of the crews missing since the storm.\n\n"
                 "I thank everyone who searched for them through the night.\n", encoding="utf-8")
    assert load_articles(f)[0].title == "Secretary Ada Quill Statement on the Harbour Storm"


def test_a_gov_banner_an_archive_notice_and_a_listing_label_give_way_to_the_headline(tmp_path):
    from reporter.ingest import load_articles

    f = tmp_path / "archived.txt"
    f.write_text("An official website of the Harbour government.\n\n"
                 "This is not the current Harbour website. To navigate to the current Harbour website, please go to "
                 "This website is historical material reflecting the Harbour website as it existed on January 19, "
                 "2021. This website is no longer updated and links to external websites and some internal pages "
                 "may not work. More information »\n\nNews Releases from the Harbour Works Office (HWO)\n\n"
                 "What They Are Saying: The Quay Is Clean Again\n\n"
                 "CAPITAL (June 10, 2020) — Today the Harbour Works Office announced that the quay is clean.\n\n"
                 "Officials and residents welcomed the work on the old quay.\n", encoding="utf-8")
    assert load_articles(f)[0].title == "What They Are Saying: The Quay Is Clean Again"


BANNER_AND_CRUMBS = ("U.S. flag\n\nAn official website of the United States government\n\nDot gov\n\n"
                     "Official websites use .gov\nA .gov website belongs to an official government organization.\n\n"
                     "Secure .gov websites use HTTPS\nA lock () or https:// means you’ve safely connected to the .gov "
                     "website. Share sensitive information only on official, secure websites.\n\n")


@pytest.mark.parametrize("crumbs, title", [
    # a breadcrumb trail ending in the page's own headline, then an archive's notice
    ("  1. Home\n  2. About Us\n  3. News Archive\n  4. Statement by Secretary Quill\n\nArchived Content\n\n"
     "In an effort to keep this site current, the archive contains outdated information.\n\n",
     "Statement by Secretary Quill"),
    # a trail ending in a section, the headline below it
    ("  1. Home\n  2. News\n  3. Press Releases\n\nWas this page helpful?\n\n"
     "Harbour Secretary Ada Quill Applauds Passage of the Quay Bill\n\n", "Harbour Secretary Ada Quill Applauds Passage of the Quay Bill"),
])
def test_a_gov_sites_banner_and_breadcrumbs_give_way_to_the_headline(tmp_path, crumbs, title):
    from reporter.ingest import load_articles

    f = tmp_path / "page.txt"
    f.write_text(BANNER_AND_CRUMBS + crumbs + "“I am deeply saddened by the news from the quay,” said Ada Quill.\n\n"
                 "Crews searched the harbour through the night.\n", encoding="utf-8")
    (a,) = load_articles(f)
    assert a.title == title
    assert not any("flag" in p or "lock" in p for k, p in enumerate(a.paragraphs, 1) if k not in a.boilerplate)


def test_a_news_services_name_before_the_dateline():
    from reporter.ingest.boilerplate import DATELINE

    m = DATELINE.match("HNS - PORT TOWN, June 10, 2014 – Five crews were rescued yesterday.")
    assert m is not None and m.group("place") == "PORT TOWN"


@pytest.mark.parametrize("text, shown", [
    ("135.Harbour Board funds €70 million for new cranes.", "Harbour Board funds €70 million for new cranes."),
    ("12.EU ministers back the harbour plan in full.", "EU ministers back the harbour plan in full."),
    ("3.5 million passengers used the terminal in the year to June.",
     "3.5 million passengers used the terminal in the year to June."),  # a decimal, no list number
    ("Reproduced by the Harbour Board from its own archive, the map was published in 1912.",
     "Reproduced by the Harbour Board from its own archive, the map was published in 1912."),
])
def test_a_scraped_lists_glued_number_is_cut_from_an_item_and_a_sentence_stays(text, shown):
    from reporter.compose.select import shown_text

    assert shown_text(text, 2, ()) == shown


@pytest.mark.parametrize("text, place", [
    ("Dallas - Today, the Harbour Board announced new grants for the quay.", "Dallas"),
    ("Port Liria, Texas – On Monday, the board met to approve the plan.", "Port Liria, Texas"),
    ("Jane Doe - Today we act on the harbour plan.", None),  # no comma after the time word
    ("Smith - the board met today and approved the plan.", None),
])
def test_a_place_in_its_own_case_before_a_ledes_time_word_is_a_dateline(text, place):
    from reporter.ingest.boilerplate import dateline

    d = dateline(text)
    assert (d.place if d else None) == place


def test_a_headline_run_into_the_top_paragraph_is_cut_from_it(tmp_path):
    from reporter.ingest import load_articles

    f = tmp_path / "page.txt"
    f.write_text("Harbour strike: Inside the picket line\n\n\">\nHarbour strike: Inside the picket line\n"
                 "Our reporter spent a day with the crews on the quay. This is his account.\n\n"
                 "The crews arrived at six and stayed until the ferries left.\n", encoding="utf-8")
    (a,) = load_articles(f)
    assert a.title == "Harbour strike: Inside the picket line"
    assert not any(p.startswith(a.title) for p in a.paragraphs)
    assert any(p.startswith("Our reporter spent a day") for p in a.paragraphs)


def test_a_site_s_section_before_the_headline_in_a_page_title_is_cut_from_it(tmp_path):
    from reporter import load_articles

    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Press Releases: Harbour Board Approves New Ferry Terminal</title></head><body>"
                    "<h1>Press Releases: Harbour Board Approves New Ferry Terminal</h1><p>Press Statement</p>"
                    "<p>Jane Doe</p><p>Harbour Master</p><p>" + _STORY + "</p><p>The terminal opens in 2029, "
                    "the board said, and will serve six ferry routes.</p></body></html>", encoding="utf-8")
    (article,) = load_articles(page)
    assert article.title == "Harbour Board Approves New Ferry Terminal"


@pytest.mark.parametrize("furniture", ["Press Operations Bookmark and Share", "Office of the Spokesperson"])
def test_a_headline_heading_below_scraped_furniture_is_the_title(tmp_path, furniture):
    from reporter.ingest import Article, _without_boilerplate

    a = _without_boilerplate(Article(
        title="News Release", paragraphs=(furniture, "Release No: 254-06", _STORY, "The terminal opens in 2029."),
        subheadings=((2, "Harbour Board Approves New Ferry Terminal After Three Years"),)))
    assert a.title == "Harbour Board Approves New Ferry Terminal After Three Years"
    for heading in ("Background", "Notes to editors"):  # a section's heading is no headline
        b = _without_boilerplate(Article(title="News Release", paragraphs=(furniture, "Release No: 254-06", _STORY),
                                         subheadings=((2, heading),)))
        assert b.title != heading


def test_a_heading_no_longer_than_the_headline_line_above_it_leaves_that_line_the_title():
    from reporter.ingest import Article, _without_boilerplate

    a = _without_boilerplate(Article(
        title="News Release", paragraphs=("Harbour Board Approves New Ferry Terminal", _STORY),
        subheadings=((1, "Ferry routes to the islands"),)))
    assert a.title == "Harbour Board Approves New Ferry Terminal"


@pytest.mark.parametrize("lede, place", [
    ("WASHINGTON, D.C.—President Ida Moss today announced six harbour awards.", "WASHINGTON, D.C."),
    ("Portlow, HB – November 16, 2027 The Harbour Endowment today continued its drive for readers.", "Portlow, HB"),
])
def test_a_dateline_run_into_the_lede_by_a_dash_or_a_date_is_read(lede, place):
    from reporter.ingest.boilerplate import dateline

    found = dateline(lede)
    assert found is not None and found.place == place
    assert dateline("US—China harbour talks resumed today.") is None  # an abbreviation, not a place line


@pytest.mark.parametrize("line, expected", [
    ("Contact Information: Press Office (", True),
    ("Contact details: Harbour press office, 01234 567890", True),
    ("Contact tracing: the new app reaches the harbour towns", False),
])
def test_a_contact_information_line_is_boilerplate(line, expected):
    assert is_boilerplate(line) is expected


def test_a_contact_line_under_a_dated_headline_leaves_that_headline_the_title(tmp_path):
    from reporter import load_articles

    path = tmp_path / "weekly.txt"
    path.write_text("Harbour Agency’s Weekly Report, March 16, 2018\n\nContact Information: Press Office (\n\n"
                    "From opening the new quay to speaking at the ferry forum, the Administrator had a busy week.\n")
    assert load_articles(path)[0].title == "Harbour Agency’s Weekly Report, March 16, 2018"


@pytest.mark.parametrize("line, expected", [
    ("A video of the speech can be found on YouTube. Full transcript below.", True),
    ("A recording of the press conference is available to watch online.", False),
    ("The video of the harbour flood shows the water rising over the quay.", False),
])
def test_a_note_on_where_the_speech_can_be_watched_is_boilerplate(line, expected):
    assert is_boilerplate(line) is expected


def test_a_sentence_naming_a_work_with_a_copyright_sign_is_no_copyright_line():
    assert not is_boilerplate("The Department, together with the Harbour Office, is today publishing \"© The Way "
                              "Ahead: A Strategy for the Harbour in the Digital Age\".")
    assert is_boilerplate("© Harbour Office 2024")


def test_a_dateline_s_day_may_carry_its_ordinal():
    from reporter.ingest.boilerplate import dateline

    d = dateline("Port Liria, October 30th, 2019 – The Harbour Board condemns the attack.")
    assert d is not None and d.when.isoformat() == "2019-10-30" and d.place == "Port Liria"
