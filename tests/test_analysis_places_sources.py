"""Places from the gazetteer plus the generic city rule, and sources that are bodies and
outlets, never people or common words. Snippets are written for these tests."""

from __future__ import annotations

import pytest

from reporter.analysis import analyze
from reporter.analysis.places import city_before, dateline, is_country, is_place
from reporter import Article


def facts(*paragraphs: str):
    return analyze(Article(title="T", paragraphs=tuple(paragraphs)))


@pytest.mark.parametrize("name, country, place", [
    ("kenya", True, True), ("united kingdom", True, True), ("uk", True, True), ("latin america", True, True),
    ("queensland", False, True), ("new south wales", False, True), ("ontario", False, True), ("texas", False, True),
    ("employment", False, False), ("minister", False, False), ("western", False, False), ("central", False, False),
])
def test_gazetteer(name, country, place):
    assert (is_country(name), is_place(name)) == (country, place)


@pytest.mark.parametrize("text, end, expected", [
    ("talks in Lusaka, Zambia, ended", len("talks in Lusaka"), True),
    ("a plant near Austin, Texas, opened", len("a plant near Austin"), True),
    ("said Ann Lee, a farmer", len("said Ann Lee"), False),
])
def test_a_city_is_a_run_before_a_known_place(text, end, expected):
    assert city_before(text, end) is expected


@pytest.mark.parametrize("first, expected", [
    ("NAIROBI — Aid arrived on Monday.", "Nairobi"),
    ("PORT LOUIS, Mauritius — The port reopened.", "Port Louis"),
    ("The port reopened on Monday.", None),
    ("UN — short", None),
])
def test_dateline(first, expected):
    assert dateline(first) == expected


def test_places_are_whole_names_and_cities_by_how_they_are_written():
    got = facts("Floods hit Queensland and New South Wales.", "Ministers met in Lusaka, Zambia, on Monday.",
                "Victoria Smith, a farmer, said the water rose fast.").places
    assert {"Queensland", "New South Wales", "Lusaka", "Zambia"} <= set(got)
    assert "Victoria" not in got  # a subdivision's name that is someone's first name here


def test_a_first_name_that_is_a_country_and_an_office_before_a_city_are_no_places():
    got = facts("Media contact: Jordan Lee, Headquarters, Washington.").places
    assert "Jordan" not in got and "Headquarters" not in got and "Washington" in got


@pytest.mark.parametrize("paragraphs, present, absent", [
    (("Exports grew 4%, according to UK Trade & Investment (UKTI).",), ["UK Trade & Investment (UKTI)"], ["Investment"]),
    (("Employment rose by 2%, the figures showed.", "Employment said the employment rate was steady."), [],
     ["Employment"]),
    (("The MP said the plan was flawed.",), [], ["MP"]),
    (("Officials in Ontario said the roads were closed.",), [], ["Ontario"]),
    (("Jane Roe, the agency's director, said prices rose.", "Roe said more data would follow."), [], ["Roe", "Jane Roe"]),
    (("The Office for National Statistics reported that prices rose 3%.",), ["Office for National Statistics"], []),
    (("Prices rose, Dailyglobe reported.",), ["Dailyglobe"], []),
    (("Figures from the Office for National Statistics show 7.4 million people waiting.",),
     ["Office for National Statistics"], ["Office for National"]),
    (("The satellites will relay data from the Moon's south pole.",), [], ["Moon's south pole", "Moon"]),
])
def test_sources(paragraphs, present, absent):
    names = [s.name for s in facts(*paragraphs).sources]
    assert all(p in names for p in present), names
    assert not any(a in names for a in absent), names


# Classes of attribution found missing on real articles, each with made-up sentences.
@pytest.mark.parametrize("paragraphs, present, absent", [
    # a body's piece of work as the subject: "A X (XA) inquiry found", "The X's survey said"
    (("A Coastal Safety Authority (CSA) inquiry into the spill found the valve had failed.",),
     ["Coastal Safety Authority (CSA)"], ["A Coastal Safety Authority (CSA)"]),
    (("The Harbour Board's annual survey of 2,000 firms said costs rose.",), ["Harbour Board"], []),
    (("A Jane Smith study found nothing new.", "Smith's report found the same."), [], ["Jane Smith", "Smith"]),
    # a body that released or published data, with auxiliaries between
    (("The Rivers Agency has today released figures on the floods.",), ["Rivers Agency"], []),
    # data drawn from a body's survey; a work "from" a body after "according to"
    (("Estimates derived from the NSO Household Survey were revised.",), ["NSO Household Survey"], []),
    (("Prices rose 2%, according to a flash estimate from Statistics Norland.",), ["Statistics Norland"], []),
    # records a body keeps, in lower case
    (("According to court records, the firm paid $5 million.",), ["court records"], []),
    (("According to their records, the firm paid.", "According to the figures, it rose."), [],
     ["their records", "figures", "the figures"]),
    # the staff of a body, with the body in an aside between commas and an acronym in mixed case
    (("The researchers, from the Northern Institute for Coastal Health (NICHealth), also found that floods rose.",),
     ["NICHealth"], []),
    (("The researchers, who were tired, found nothing.",), [], ["researchers"]),
    # a place between the subject and the verb stays a place
    (("Police in Bavaria in Germany today said 40 people were held.",), [], ["Germany", "Bavaria"]),
])
def test_source_classes(paragraphs, present, absent):
    names = [s.name for s in facts(*paragraphs).sources]
    assert all(p in names for p in present), names
    assert not any(a in names for a in absent), names
