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
