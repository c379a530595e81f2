"""Accuracy against hand-written ground truth (fixtures/truth/), with the issue's targets.

The matching rules are in reporter/analysis/scoring.py; they are tested here too, so a
lenient matcher cannot make the numbers look better than they are.
"""

from __future__ import annotations

import pytest
import yaml

from conftest import FIXTURES
from reporter.analysis import analyze
from reporter.analysis.facts import Facts, KeyFigure, Quotation
from reporter.analysis.scoring import (Score, quote_overlaps, score, score_fixtures, source_matches,
                                       speaker_matches, truth_path)
from reporter import Article, load_articles

FIXTURE_FILES = sorted(p for p in FIXTURES.iterdir() if p.is_file() and truth_path(p).exists())


def test_there_are_seven_fixtures_of_five_formats_with_truth():
    assert len(FIXTURE_FILES) >= 7
    assert {p.suffix for p in FIXTURE_FILES} >= {".txt", ".md", ".json", ".yaml", ".html"}


@pytest.fixture(scope="module")
def total() -> Score:
    t = Score()
    for _, s in score_fixtures(FIXTURES):
        t.add(s)
    return t


def test_targets_on_the_fixtures(total):
    assert total.truth_quotes >= 45 and total.truth_figures >= 80 and total.truth_dates >= 45
    assert total.quote_speaker_accuracy >= 0.95
    assert total.figure_precision >= 0.90 and total.figure_recall >= 0.90
    assert total.date_precision >= 0.90 and total.date_recall >= 0.90
    assert total.source_recall >= 0.80
    assert total.non_verbatim == 0


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_quotation_is_verbatim_and_numbered(path):
    for article in load_articles(path):
        facts = analyze(article)
        assert facts.quotes, "every fixture quotes someone"
        for q in facts.quotes:
            assert 1 <= q.paragraph <= len(article.paragraphs)
            assert q.text and q.text in article.paragraphs[q.paragraph - 1]
            assert q.speaker.strip()
        for item in (*facts.figures, *facts.timeline, *facts.sources):
            assert 1 <= item.paragraph <= len(article.paragraphs)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_truth_files_point_at_real_text(path):
    """Ground truth must describe the article as ingested: quotes and figure values are in the paragraph."""
    truth = yaml.safe_load(truth_path(path).read_text(encoding="utf-8"))
    article = load_articles(path)[0]
    for q in truth.get("quotes") or []:
        assert q["text"] in article.paragraphs[q["paragraph"] - 1], q
    for f in truth.get("figures") or []:
        assert f["value"] in article.paragraphs[f["paragraph"] - 1], f


def test_matching_rules():
    assert quote_overlaps("Criminal networks know no borders.", "criminal networks know no borders")
    assert not quote_overlaps("We are concerned", "Europe cannot regulate its way to leadership")
    assert speaker_matches("Fabián Calle", "Calle") and speaker_matches("Calle", "Fabian Calle")
    assert speaker_matches("Institute for Democracy and Human Rights (IDEHPUCP)", "IDEHPUCP")
    assert not speaker_matches("Gustavo Adrianzén", "Fabián Calle")
    assert source_matches("World Wide Fund for Nature (WWF)", "WWF")
    assert source_matches("Guardian", "The Guardian")
    assert not source_matches("Reuters", "Eurostat")


def test_score_counts_misses_and_wrong_speakers():
    article = Article(title="t", paragraphs=("“Alpha beta gamma delta,” said Ann Lee. It cost $5 million in 2020.",))
    truth = {"quotes": [{"text": "Alpha beta gamma delta", "speaker": "Ann Lee", "paragraph": 1}],
             "figures": [{"value": "$5 million", "number": 5e6, "paragraph": 1}],
             "dates": ["2020"], "sources": ["Reuters"]}
    wrong = Facts(quotes=(Quotation("Alpha beta gamma delta", "Bo Chen", None, 1),
                          Quotation("not in the text", "Ann Lee", None, 1)),
                  figures=(KeyFigure("$5 million", 5e6, "USD", "cost", 1), KeyFigure("7", 7.0, None, "x", 1)))
    s = score(article, wrong, truth)
    assert (s.quotes_found, s.quotes_right_speaker, s.non_verbatim) == (1, 0, 1)
    assert (s.figure_precision, s.figure_recall, s.date_recall, s.source_recall) == (0.5, 1.0, 0.0, 0.0)
