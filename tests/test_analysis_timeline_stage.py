"""Dates the timeline reads beyond prose months: machine-written and wire-style forms, and a
year after "mid-". Snippets written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from reporter.analysis import analyze
from reporter import Article


@pytest.mark.parametrize("text, expected", [
    ("The deal, signed on 2026-03-05, ends in 2027.", ["2026-03-05", "2027"]),
    ("LONDON, Nov 12 (Newswire) - Shares fell.", ["2025-11-12"]),
    ("By mid-2027 the plant will open.", ["2027"]),
    ("The code 2026-13-45 is no date.", ["2026"]),
])
def test_dates(text, expected):
    facts = analyze(Article(title="T", paragraphs=(text,), published=date(2026, 3, 12)))
    assert [e.date for e in facts.timeline] == expected


# Classes of ordinary text found wrong on real articles, each with a made-up sentence (published 2026-03-12).
@pytest.mark.parametrize("text, expected", [
    # a span of days is dated by its first day
    ("Leaders meet at the summit of 19-20 March.", ["2026-03-19"]),
    ("Applications open Sept. 16–20, 2026 for firms.", ["2026-09-16"]),
    # a month abbreviated without its full stop before a year, as tables and headers write it
    ("Rate Sep 2025 Jan 2026 Feb 2026", ["2025-09", "2026-01", "2026-02"]),
    # a month alone at the start of a sentence
    ("In January, the ship was watched by a frigate.", ["2026-01"]),
    # a listing's stamp at the end of a line is when it was posted, not an event
    ("PRESS RELEASE : Harbour works start [ February 2026]", []),
    # a year that opens a reference number, or names a law, dates nothing
    ("Refer to News Release 2025-118 and release (2025/0061).", []),
    ("The firm was fined under the Safety at Work Act 1985 in 2025.", ["2025"]),
    ("Spending in 2025/26 and 2019-2021 rose.", ["2019", "2021", "2025"]),
    # a date in digits, day and month in the order the numbers (or the publication date) allow
    ("Issued 29/01/2026 and 11/25/2025.", ["2025-11-25", "2026-01-29"]),
    ("Daily News 12 / 03 / 2026", ["2026-03-12"]),
    ("The notice of 05/06/2025 was withdrawn.", []),  # 5 June or 6 May: neither said
    # a month after a possessive
    ("We will set out our December budget.", ["2026-12"]),
    # a day close to the publication date is this year's, whatever the verb's tense
    ("The ministers prepared the meeting of 14 March.", ["2026-03-14"]),
])
def test_date_classes(text, expected):
    facts = analyze(Article(title="T", paragraphs=(text,), published=date(2026, 3, 12)))
    assert [e.date for e in facts.timeline] == expected


def test_a_weekday_gives_the_year_when_the_article_has_no_publication_date():
    paragraphs = ("Figures for 2026 were released.", "As of noon on Monday 23rd November, 40 roads were shut.")
    facts = analyze(Article(title="T", paragraphs=paragraphs, published=None))
    assert "2026-11-23" in [e.date for e in facts.timeline]  # 23 November 2026 is a Monday
    no_weekday = analyze(Article(title="T", paragraphs=(paragraphs[0], "As of noon on 23rd November, roads shut."), published=None))
    assert "--11-23" in [e.date for e in no_weekday.timeline]
