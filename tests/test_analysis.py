"""Analysis behaviour, one idea per test. Expected values are what an analyst reads in the text."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reporter.analysis import analyze
from reporter.analysis.facts import KeyFigure, Quotation
from reporter import Article, load_articles

from conftest import FIXTURES, SAMPLE


def art(*paragraphs: str, published: date | None = None, **kw) -> Article:
    return Article(title=kw.pop("title", "Test article"), paragraphs=tuple(paragraphs), published=published, **kw)


@pytest.fixture(scope="module")
def sample():
    a = load_articles(SAMPLE)[0]
    return a, analyze(a)


def quote(facts, fragment: str) -> Quotation:
    found = [q for q in facts.quotes if fragment in q.text]
    assert found, f"no quotation containing {fragment!r}: {[q.text[:40] for q in facts.quotes]}"
    return found[0]


# --- quotations -------------------------------------------------------------------------------

def test_said_name_role_gives_full_name_and_role(sample):
    _, f = sample
    q = quote(f, "Given the constant increase")
    assert (q.speaker, q.paragraph) == ("Fabián Calle", 2)
    assert q.role == "Professor of International Relations at Argentina’s Austral University"


def test_later_surname_resolves_to_first_mention_with_role(sample):
    _, f = sample
    for fragment in ("feuding with Colombian", "quantitative leap", "know no borders"):
        q = quote(f, fragment)
        assert q.speaker == "Fabián Calle"
        assert q.role and "Austral University" in q.role


def test_outlet_as_speaker_and_its_second_quote(sample):
    _, f = sample
    assert quote(f, "arsenal of exceptional resources").speaker == "Las Americas"
    assert quote(f, "Among the cross-border crimes").speaker == "Las Americas"


def test_acronym_spelling_variant_is_one_organisation(sample):
    _, f = sample
    q = quote(f, "Amazon and environmental defenders")
    assert "IDEHPUCP" in q.speaker and "IDHPUCP" not in q.speaker
    assert "Institute for Democracy and Human Rights" in q.speaker


def test_partial_quote_inside_a_sentence(sample):
    _, f = sample
    q = quote(f, "main enemy of society")
    assert q.text == "are today the main enemy of society shapes"
    assert q.speaker == "Gustavo Adrianzén" and q.role == "Prime Minister"


def test_every_quote_is_verbatim_in_its_paragraph(sample):
    a, f = sample
    assert len(f.quotes) == 13
    for q in f.quotes:
        assert q.text in a.paragraphs[q.paragraph - 1]


def test_straight_quotes_pronoun_and_continuation():
    f = analyze(art(
        'Dr. Neal Cantin, a senior research scientist at AIMS, cautioned that surveys overestimate damage. '
        '"Bleaching is not death," he said. "It is a warning sign for the reef."'))
    assert [(q.speaker, q.text) for q in f.quotes] == [
        ("Neal Cantin", "Bleaching is not death"), ("Neal Cantin", "It is a warning sign for the reef.")]
    assert f.quotes[0].role == "a senior research scientist at AIMS"


def test_quote_spanning_paragraphs_without_closing_mark():
    f = analyze(art(
        "“Water became a dinner-table subject,” said Kevin Winter, a lecturer at the university. "
        "“Neighbours compared their bills every month.",
        "“That kind of shared effort is very hard to design.”"))
    assert [q.speaker for q in f.quotes] == ["Kevin Winter"] * 3
    assert [q.paragraph for q in f.quotes] == [1, 1, 2]


def test_unclosed_quote_takes_speaker_from_the_next_paragraph():
    f = analyze(art("“The first part of a long statement runs on here without an end.",
                    "“And the rest of it follows,” said Maria Lopez, the mayor of the town."))
    assert [(q.speaker, q.paragraph) for q in f.quotes] == [("Maria Lopez", 1), ("Maria Lopez", 2)]


def test_scare_quotes_are_skipped_with_a_reason():
    f = analyze(art('The law imposes duties on systems deemed "high risk", such as hiring tools.'))
    assert f.quotes == ()
    assert any("high risk" in why for why in f.skipped)


def test_told_names_the_listener_not_the_speaker():
    f = analyze(art("Mike Muller, a former director-general, told Urban Futures Review that planning failed. "
                    "\"The warnings were there in 2014,\" he said."))
    assert [q.speaker for q in f.quotes] == ["Mike Muller"]
    assert "Urban Futures Review" not in [p.name for p in f.people]


# --- figures ----------------------------------------------------------------------------------

def figure(facts, number: float, paragraph: int) -> KeyFigure:
    found = [x for x in facts.figures if x.number == number and x.paragraph == paragraph]
    assert found, f"no figure {number} in ¶{paragraph}: {[(x.value, x.paragraph) for x in facts.figures]}"
    return found[0]


def test_sample_figures_with_qualifiers_and_what_they_count(sample):
    _, f = sample
    assert figure(f, 300, 1).value == "more than 300"
    assert "officers" in figure(f, 300, 1).what
    assert "law enforcement officers" in figure(f, 135000, 6).what
    assert figure(f, 160, 12).what == "special operations"
    assert figure(f, 80, 12).value == "at least 80" and figure(f, 80, 12).what.startswith("gangs")
    assert figure(f, 600, 19).value == "more than 600"
    assert figure(f, 15, 19).what == "locations"
    assert figure(f, 33, 16).what.startswith("defenders")
    # years are the timeline's, not figures
    assert not [x for x in f.figures if x.number in (2024, 2023, 2011)]


def test_money_percent_units_and_words_are_kept_apart():
    f = analyze(art("Italy raised $1.2 billion, Rome spent €40m and prices rose 12.5% over three years. "
                    "The plant of 450 MW covers about 344,400 square kilometres; ten consecutive increases followed."))
    got = {x.value: (x.number, x.unit) for x in f.figures}
    assert got["$1.2 billion"] == (1.2e9, "USD")
    assert got["€40m"] == (40e6, "EUR")
    assert got["12.5%"] == (12.5, "%")
    assert got["three years"] == (3, "years")
    assert got["450 MW"] == (450, "MW")
    assert got["about 344,400 square kilometres"] == (344400, "km²")
    assert got["ten"] == (10, None)


def test_dates_times_phones_ordinals_are_not_figures():
    f = analyze(art("On March 22, 2024 at 10:30 the fourth meeting in 1998 ended; call +1 303 555 0142. "
                    "It happened six years ago in the 21st century and the two delegations left."))
    assert f.figures == ()


def test_ranges_keep_the_first_bound():
    f = analyze(art("Markets price in three to four cuts, worth between 75 and 100 basis points."))
    got = {x.value: x.number for x in f.figures}
    assert got == {"three to four": 3, "between 75 and 100 basis points": 75}


# --- timeline ---------------------------------------------------------------------------------

def test_sample_timeline_partial_without_publication_date(sample):
    _, f = sample
    dates = [e.date for e in f.timeline]
    assert dates == sorted(d for d in dates if not d.startswith("--")) + sorted(d for d in dates if d.startswith("--"))
    assert {"--03-22", "--04-03", "--04-14", "2024-12", "2023-09", "2011-09", "2024"} == set(dates)
    ev = next(e for e in f.timeline if e.date == "--03-22")
    assert ev.paragraph == 3 and "Boluarte" in ev.event


def test_dates_resolve_against_publication_date():
    f = analyze(art("The vote took place on Wednesday. The talks resume on April 8 and the abduction in October "
                    "drew attention. The drought of 2015-2017 ended; in January 2018 they said April 12 that year "
                    "was the deadline.", published=date(2024, 2, 8)))
    assert [e.date for e in f.timeline] == ["2015", "2017", "2018-01", "2018-04-12", "2023-10", "2024-02-07",
                                            "2024-04-08"]


def test_weekday_without_publication_date_is_skipped_with_reason():
    f = analyze(art("The parliament voted on Tuesday to approve the law."))
    assert f.timeline == () and any("Tuesday" in why for why in f.skipped)


# --- actors and sources -----------------------------------------------------------------------

def test_actors_of_the_sample(sample):
    _, f = sample
    orgs = {o.acronym: o.name for o in f.organizations if o.acronym}
    assert orgs["PNP"] == "Peruvian National Police"
    assert orgs["TCIU"] == "Transnational Crime Investigation Unit"
    assert orgs["IDEHPUCP"] == "Institute for Democracy and Human Rights"
    people = {p.name: p.role for p in f.people}
    assert people["Dina Boluarte"] == "Peruvian President"
    assert people["David Magdycz"] == "HSI Deputy Director of International Operations"
    assert people["Jorge Angulo"] == "PNP Commander General"
    assert {"Peru", "Venezuela", "Latin America", "Bolivia"} <= set(f.places)


def test_sources_of_the_sample_including_glued_names(sample):
    _, f = sample
    names = [s.name for s in f.sources]
    for expected in ("Las Americas", "Andina", "Infobae", "InSight Crime", "Correo", "El Comercio",
                     "US Embassy in Peru"):
        assert expected in names
    assert not [n for n in names if n.endswith("the") or n == "Las America"]
    assert next(s for s in f.sources if s.name == "Andina").paragraph == 6


# --- key points, curated records, output shape -------------------------------------------------

def test_key_points_are_three_to_five_verbatim_sentences(sample):
    a, f = sample
    assert 3 <= len(f.key_points) <= 5
    for k in f.key_points:
        assert k.text in a.paragraphs[k.paragraph - 1]
    assert f.key_points[0].paragraph == 1


def test_curated_quotes_and_figures_replace_extracted():
    from reporter.ingest import CuratedFigure, CuratedQuote

    curated_q = (CuratedQuote(text="Hand-picked words", speaker="Ana Ruiz", role="editor", paragraph=1),)
    curated_f = (CuratedFigure(value="7", number=7.0, unit=None, what="days", paragraph=1),)
    a = art("“Extracted words here, surely,” said Bo Lee, a spokesman. It took 12 days.",
            quotes=curated_q, figures=curated_f)
    f = analyze(a)
    assert f.quotes == (Quotation(text="Hand-picked words", speaker="Ana Ruiz", role="editor", paragraph=1),)
    assert f.figures == (KeyFigure(value="7", number=7.0, unit=None, what="days", paragraph=1),)


def test_to_dict_has_the_json_shape_of_reporter_analyze(sample):
    a, f = sample
    d = json.loads(json.dumps({"title": a.title, "paragraphs": list(a.paragraphs), **f.to_dict()},
                              ensure_ascii=False))
    assert set(d) >= {"title", "paragraphs", "quotes", "figures", "timeline", "people", "organizations",
                      "places", "sources", "key_points"}
    assert set(d["quotes"][0]) >= {"text", "speaker", "role", "paragraph"}
    assert set(d["figures"][0]) >= {"value", "number", "unit", "what", "paragraph"}
    assert set(d["timeline"][0]) >= {"date", "event", "paragraph"}
    assert all(isinstance(k, str) for k in d["key_points"])


def test_analysis_is_deterministic():
    paths = sorted(p for p in FIXTURES.iterdir() if p.is_file())
    for p in paths:
        a = load_articles(p)[0]
        assert analyze(a).to_dict() == analyze(a).to_dict()
