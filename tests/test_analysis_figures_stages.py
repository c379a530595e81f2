"""Figures as stages: number spans -> what they count -> the not-a-figure filter. Snippets
are written for these tests."""

from __future__ import annotations

import pytest

from reporter.analysis import analyze
from reporter.analysis.notfigures import why_not
from reporter import Article

FUNCTION_WORDS = frozenset("at or and the a an of in on to by for from with as than that is was".split())


def figures(*paragraphs: str):
    return analyze(Article(title="T", paragraphs=tuple(paragraphs))).figures


@pytest.mark.parametrize("text, number, reason", [
    ("For media enquiries call (202) 691-6378 today.", "202", "a phone number"),
    ("For media enquiries call (202) 691-6378 today.", "691", "a phone number"),
    ("The press office is on 202-358-1600.", "358", "a phone number"),
    ("Call 0300 123 4567 for advice.", "0300", "a phone number"),
    ("Call +44 20 7946 0958 from abroad.", "7946", "a phone number"),
    ("1. The council will build homes.", "1", "list numbering"),
    ("(2) Rents will be capped.", "2", "list numbering"),
    ("The next release is in June. 2. Contact the press office.", "2", "list numbering"),
    ("Write to the office, London SW1A 2AA, by Friday.", "2", "a postcode"),
    ("The agency is at 300 E Street, Washington, DC 20546.", "20546", "a zip code"),
    ("The agency is at 300 E Street, Washington, DC 20546.", "300", "a street number"),
    ("Under section 12 of the act the fine applies.", "12", "a label"),
    ("Under regulation 4(2) the fine applies.", "2", "a sub-section number"),
    ("See page 14 and table 3.", "14", "a label"),
    ("The notice of 12/03/2024 was withdrawn.", "12", "a date"),
    ("The reference ABC-12345 is on the letter.", "12345", "an identifier"),
    ("Case 2024/117 was heard on appeal.", "117", "an identifier"),
    ("Shares rose 4% by 1030 GMT.", "1030", "a clock time"),
    ("In an emergency call 111 or 999.", "999", "a phone number"),
    ("To apply, text 61016 now.", "61016", "a phone number"),
    ("The Boeing 737 MAX was grounded.", "737", "a model name"),
])
def test_not_a_figure(text, number, reason):
    s = text.index(number)
    assert why_not(text, s, s + len(number)) == reason


@pytest.mark.parametrize("text, number", [
    ("The council will build 300 homes.", "300"),
    ("Rents rose 5% in a year.", "5"),
    ("The fund holds £4.5 billion.", "4.5"),
    ("The wall is 100m long.", "100"),
    ("About 1,200 people attended.", "1,200"),
    ("Prices rose. 3 firms closed.", "3"),  # a count opening a sentence, not a list label
    ("Labour won 412 seats and the Greens 4.", "412"),
    ("In Kenya 300 schools closed.", "300"),
])
def test_quantities_pass_the_filter(text, number):
    s = text.index(number)
    assert why_not(text, s, s + len(number)) is None


@pytest.mark.parametrize("text", [
    "For media enquiries call (202) 691-6378 or 202-358-1600.",
    "Call 0300 123 4567 for advice.",
    "Write to 10 Downing Street, London SW1A 2AA.",
    "Under section 12 of the act and regulation 4(2), fines apply.",
    "The notice of 12/03/2024 cites reference ABC-12345 and case 2024/117.",
    "1. Background",
])
def test_no_figure_is_listed_for_numbers_that_count_nothing(text):
    assert figures(text) == ()


@pytest.mark.parametrize("text, value, number, unit", [
    ("Lead levels reached 50 µg/L in the samples.", "50 µg/L", 50.0, "µg/L"),
    ("The dose was 5 mg/kg a day.", "5 mg/kg", 5.0, "mg/kg"),
    ("About 8 out of 10 adults use the app.", "About 8 out of 10", 0.8, "ratio"),
    ("One in five... no: 1 in 5 deaths is linked to diet.", "1 in 5", 0.2, "ratio"),
    ("The rate was 12.5 per 100,000 people.", "12.5 per 100,000", 12.5, "per 100,000"),
    ("The city ranked 40th for air quality.", "40th", 40.0, "rank"),
    ("The city was 40th out of 50 for air quality.", "40th out of 50", 40.0, "rank"),
    ("It is now the 3rd largest port.", "3rd", 3.0, "rank"),
])
def test_new_kinds_of_figure(text, value, number, unit):
    got = {f.value: (f.number, f.unit) for f in figures(text)}
    assert got.get(value) == (number, unit), got


@pytest.mark.parametrize("text", [
    "The firm marks its 40th anniversary this year.",
    "It was the 21st century's worst flood.",
])
def test_ordinals_that_label_are_not_figures(text):
    assert figures(text) == ()


@pytest.mark.parametrize("text, value, what", [
    ("Prices rose at or above 3% in May.", "above 3%", "Prices rose"),
    ("In all, 12 or more firms closed.", "12", "firms closed"),
    ("Officers arrested 45 suspects in the raids.", "45", "suspects"),
])
def test_what_a_figure_counts_is_never_a_function_word(text, value, what):
    got = {f.value: f.what for f in figures(text)}
    assert got.get(value) == what, got
    assert got[value].split()[0].lower() not in FUNCTION_WORDS
    assert got[value].split()[-1].lower() not in FUNCTION_WORDS
