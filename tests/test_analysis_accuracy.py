"""Accuracy against hand-written ground truth, gating CI on two sets.

TUNING (fixtures/ with fixtures/truth/, and fixtures/real/ with fixtures/real/truth/: real
articles after their one blind round): the rules were fixed while reading these, so each set's
thresholds sit just below what the analysis reaches there; a change that loses ground fails.
BLIND (fixtures/blind/ with fixtures/blind/truth/): articles never tuned on; the floor is read
from fixtures/blind/floor.yaml, which the lead sets after a blind round. The matching rules
live in scripts/scoring.py and are tested here too, so a lenient matcher cannot make the
numbers look better than they are.
"""

from __future__ import annotations

import sys

import pytest
import yaml

from conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT / "scripts"))

from scoring import (BLIND_DIR, BLIND_FLOOR, METRICS, REAL_DIR, Score, articles_with_truth, locate,  # noqa: E402
                     looks_like_phone_or_date, misses, quote_overlaps, role_matches, score, score_fixtures,
                     source_matches, speaker_matches, total, truth_path)

from reporter.analysis import analyze  # noqa: E402
from reporter.analysis.facts import Facts, KeyFigure, Quotation  # noqa: E402
from reporter import Article, load_articles  # noqa: E402

FIXTURE_FILES = articles_with_truth(FIXTURES)
REAL_FILES = articles_with_truth(REAL_DIR)

# Just below what the analysis reaches on the tuning set (scripts/score_analysis.py prints it).
TUNING_THRESHOLDS = {"quote_recall": 0.98, "quote_speaker_accuracy": 0.98, "role_accuracy": 0.95,
                     "quote_precision": 0.98, "figure_precision": 0.98, "figure_recall": 0.98,
                     "headline_recall": 0.90, "date_precision": 0.98, "date_recall": 0.98, "source_recall": 0.90}
# The real articles of the tuning set (fixtures/real/): just below what the analysis reaches
# there. Round 4's 49 files joined after their blind round (fixtures/real/SOURCES.md); the rules
# were then tuned on them (single-label transcripts, statement leads, roles around a name,
# reference windows), and the floor rose with what they reach. Round 5's 39 files joined on
# 2026-12-02 after theirs, which lowered the floor to what the rules reach on all 126 before
# tuning on them. The figure, date and source rules were then tuned on round 5 by classes of text
# (flattened tables, spans of time, fractions, digit dates, bodies' works as subjects), and the
# quotation stages by classes too (statements handed over, transcript labels, bodies as speakers,
# pronoun continuation, roles around names, pull quotes), which raised those floors (sources one
# miss below the 30 of 34 reached, since the people found decide some of them). Round 6's 23
# files joined after their blind round, and the floor follows what the rules reach on all 149;
# round 7's 16 at the end of that day, and the floor follows all 165 (roles lowest: its
# transcripts give their speakers' roles on presenting lines the rules do not read yet). Round
# 8's 37 files joined on 2026-12-02 after their blind round, which lowered the floor to what the
# rules reach on all 202 before tuning on them (speaker accuracy 89%, sources 74%); the quotation
# stages were then tuned on it by classes (spokespeople's third-person readouts, remits listed
# after a title, hand-overs to "Mr. Secretary", abbreviated titles in labels, interviewers named
# by the heading, "deputy" offices), and the quotation floors rose with them. Round 9's 31 files
# joined after their blind round (quote recall 50%: unlabelled speeches whose collector counted
# the speaker's own words, and one-label transcripts), round 10's 34 (speaker accuracy 80% blind)
# round 11's 41 (87%), round 12's 36 (62%), round 13's 39 (78%), round 14's 31 (74%) and round
# 15's 30 (68%) after theirs, and the floor follows all 444. The figure rules were
# tuned the same day on the 165 files of rounds 1-7 by classes of text (areas' numbers,
# addresses, slogans, dozens, a change and its level, page furniture), and the figure floors
# follow what they reach on all 308. Round 16's 35 files (three shares; speaker accuracy 55%, 68%
# and 64% blind) joined after theirs; statistics bulletins whose truth leaves their tables' cells
# out lower the figure floors, now just below what all 479 reach. Round 29's 39 files (speaker
# accuracy 81% blind; headline figures some collectors placed in the title, which the body never
# repeats), round 30's 41 (75% blind), round 31's 35 (87% blind), round 32's 33 (66% blind:
# speeches that quote others), round 33's 30 (78% blind) and round 34's 19 (82% blind, one rule
# from them) took the quote-precision, figure, headline, date and source floors to just below what
# all 1,060 reach; the not-figures bound fell with the list labels. Round 35's 66 (88% blind;
# four of its transcripts' truths leave the reporters' questions out, which the analysis lists as
# a reporter's) took quote precision to 0.90 and source recall to 0.27; round 36's 71 (74%
# blind: blog round-ups that quote posts under "X writes:") took source recall to 0.265; round
# 37's 62 (82% blind; transcripts whose offices are only in labels) took roles to 0.915 and
# sources to 0.255; rounds 38 and 39 (74% and 69% blind) took sources to 0.25; round 40's 55
# (31% blind: Hansard statements and debates whose members' speeches have no labels) took quote
# recall to 0.905 and speakers to 0.865; rounds 41 and 42's 125 (61% and 70% blind: speeches and
# briefings whose speakers' offices are given as rank, portfolio or the text's own description)
# took roles to 0.91, and their list and chapter numbers the not-figures to 48; round 43's age
# threshold ("under the age of 15", which its truth counts as no figure) to 49; round 44's 27 files,
# moved here untuned at the session's end (37% and 51% blind: briefings and speeches), took quote
# recall to 0.90, speakers to 0.86 and the not-figures to 51, until a session tunes on them; round
# 45's 52 (69% blind: speeches still 47%) brought three more not-figures (an assembly's session
# number, "the PGA 76"; a number in a book's title; a "1%" that its truth's list label "1." is
# matched against), 54; round 46's 52 (57% blind: speeches 48%, transcripts 57%, science news 53%)
# five more: a speech's paragraph numbers ("1 A very good evening …") and a German postcode, 59;
# the session that tuned on rounds 44 to 47 (speech heads, recorded and outlet-labelled transcripts,
# signatures, self-described offices) took speakers to 0.87, roles to 0.92, figure precision to
# 0.88 and date precision and recall to 0.735 and 0.665; round 48's 52 (54% blind: speeches 52%,
# transcripts 57%) and the rules fitted to it took figure precision to 0.89 and dates to 0.74/0.67.
REAL_THRESHOLDS = {"quote_recall": 0.90, "quote_speaker_accuracy": 0.87, "role_accuracy": 0.92,
                   "quote_precision": 0.90, "figure_precision": 0.89, "figure_recall": 0.89,
                   "headline_recall": 0.935, "date_precision": 0.74, "date_recall": 0.67, "source_recall": 0.25}
REAL_MAX_NOT_FIGURES = 60  # numbers the truth says are not figures that are listed as figures
# (round 48 brought 3; two mended, a list's "(2)" and "today (22)"; a bait's name, "1080", left)


def test_there_are_fixtures_of_five_formats_with_truth():
    assert len(FIXTURE_FILES) >= 18
    assert {p.suffix for p in FIXTURE_FILES} >= {".txt", ".md", ".json", ".yaml", ".html"}


@pytest.fixture(scope="module")
def tuning() -> Score:
    return total(score_fixtures(FIXTURES))


def test_tuning_set_thresholds(tuning):
    assert tuning.truth_quotes >= 130 and tuning.truth_figures >= 80 and tuning.truth_dates >= 45
    assert tuning.truth_roles >= 60, "roles are given for most speakers of the tuning set"
    got = tuning.metrics()
    low = {k: round(got[k], 3) for k, floor in TUNING_THRESHOLDS.items() if got[k] < floor}
    assert not low, f"below the tuning thresholds: {low}"
    assert tuning.non_verbatim == 0 and tuning.not_figures_listed == 0


def test_real_tuning_set_thresholds():
    real = total(score_fixtures(REAL_DIR))
    assert len(REAL_FILES) >= 38 and real.truth_quotes >= 60 and real.truth_figures >= 140
    got = real.metrics()
    low = {k: round(got[k], 3) for k, floor in REAL_THRESHOLDS.items() if got[k] < floor}
    assert not low, f"real tuning articles below their thresholds: {low}"
    assert real.non_verbatim == 0 and real.not_figures_listed <= REAL_MAX_NOT_FIGURES


def test_misses_lists_what_the_score_counts_wrong():
    article = Article(title="t", paragraphs=("“Alpha beta gamma delta,” said Minister Ann Lee. It cost $5 million.",))
    truth = {"quotes": [{"text": "Alpha beta gamma delta", "speaker": "Ann Lee", "role": "Minister", "paragraph": 1},
                        {"text": "not said", "speaker": "Bo Chen", "paragraph": 1}],
             "figures": [{"value": "$5 million", "number": 5e6, "paragraph": 1, "headline": True}],
             "not_figures": ["202-358-1600"], "dates": ["2020"]}
    facts = Facts(quotes=(Quotation("Alpha beta gamma delta", "Bo Chen", None, 1),),
                  figures=(KeyFigure("202-358-1600", 2.0, None, "x", 1),))
    got = misses(article, facts, truth)
    assert got[0].startswith("speaker wrong ¶1: 'Bo Chen' for 'Ann Lee'") and got[1].startswith("quote missed ¶1")
    assert "not-figure listed ¶1: '202-358-1600'" in got and "headline figure missed ¶1: '$5 million'" in got
    assert "date missed: 2020" in got
    right = Facts(quotes=(Quotation("Alpha beta gamma delta", "Ann Lee", "Minister", 1),
                          Quotation("not said", "Bo Chen", None, 1)),
                  figures=(KeyFigure("$5 million", 5e6, "USD", "cost", 1),))
    assert misses(article, right, {**truth, "dates": []}) == []


def test_blind_set_floor():
    articles = articles_with_truth(BLIND_DIR)
    if not articles:
        pytest.skip("blind set is empty: no article with a truth file under fixtures/blind/ yet")
    floor = yaml.safe_load(BLIND_FLOOR.read_text(encoding="utf-8")) or {}
    gated = {k: v for k, v in floor.items() if k in METRICS and v is not None}
    counts = {k: v for k, v in floor.items() if k.startswith("max_") and v is not None}
    if not gated and not counts:
        pytest.skip(f"no floor set in {BLIND_FLOOR.name} yet for the {len(articles)} blind articles")
    blind = total(score_fixtures(BLIND_DIR))
    got = blind.metrics()
    low = {k: round(got[k], 3) for k, v in gated.items() if got[k] < v}
    assert not low, f"blind set below its floor: {low}"
    over = {k: getattr(blind, k[4:]) for k, v in counts.items() if getattr(blind, k[4:]) > v}
    assert not over, f"blind set over its limits: {over}"


def test_floor_file_names_only_known_metrics():
    floor = yaml.safe_load(BLIND_FLOOR.read_text(encoding="utf-8")) or {}
    fields = set(Score.__dataclass_fields__)
    assert all(k in METRICS or (k.startswith("max_") and k[4:] in fields) for k in floor), floor


@pytest.mark.parametrize("path", FIXTURE_FILES + REAL_FILES, ids=lambda p: p.name)
def test_every_quotation_is_verbatim_and_numbered(path):
    for article in load_articles(path):
        facts = analyze(article)
        assert facts.quotes or path.parent == REAL_DIR, "every own fixture quotes someone"
        for q in facts.quotes:
            assert 1 <= q.paragraph <= len(article.paragraphs)
            assert q.text and q.text in article.paragraphs[q.paragraph - 1]
            assert q.speaker.strip()
        for item in (*facts.figures, *facts.timeline, *facts.sources):
            assert 1 <= item.paragraph <= len(article.paragraphs)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_truth_files_point_at_real_text(path):
    """Ground truth must describe the article as ingested: quotes and figure values are in the text."""
    truth = yaml.safe_load(truth_path(path).read_text(encoding="utf-8"))
    article = load_articles(path)[0]
    body = "\n".join(article.paragraphs)
    for q in truth.get("quotes") or []:
        assert q["text"] in body, q
    for f in truth.get("figures") or []:
        assert f["value"] in body, f


def test_matching_rules():
    assert quote_overlaps("Criminal networks know no borders.", "criminal networks know no borders")
    assert not quote_overlaps("We are concerned", "Europe cannot regulate its way to leadership")
    assert speaker_matches("Fabián Calle", "Calle") and speaker_matches("Calle", "Fabian Calle")
    assert speaker_matches("Institute for Democracy and Human Rights (IDEHPUCP)", "IDEHPUCP")
    assert not speaker_matches("Gustavo Adrianzén", "Fabián Calle")
    assert speaker_matches("a journalist", "a reporter") and speaker_matches("a reporter", "a journalist")
    assert not speaker_matches("a journalist", "Fabián Calle") and not speaker_matches("a journalist", "Jane Roe")
    assert source_matches("World Wide Fund for Nature (WWF)", "WWF")
    assert source_matches("Guardian", "The Guardian")
    assert not source_matches("Reuters", "Eurostat")
    assert role_matches("NASA Deputy Administrator", "Deputy Administrator")
    assert role_matches("chief executive", "the company's chief executive")
    assert not role_matches("Dr", "health ministry") and not role_matches(None, "Minister")
    assert not role_matches("NASA Deputy", "NASA Administrator")
    assert role_matches("Harbour Police Lieutenant", "Harbour Police Lt.")  # one office, abbreviated or not
    assert not role_matches("Harbour Police Lieutenant", "Harbour Police Sgt.")


@pytest.mark.parametrize("value, shaped", [("(202) 691-6378", True), ("202-358-1600", True),
                                           ("0300 123 4567", True), ("12/03/2024", True), ("2024-03-12", True),
                                           ("£1.2 billion", False), ("40%", False), ("1,200", False)])
def test_phone_and_date_shapes(value, shaped):
    assert looks_like_phone_or_date(value) is shaped


def test_truth_paragraph_is_found_by_its_text():
    paras = ("Intro.", "He said “the plan works”.", "Later.", "Again “the plan works”.")
    assert locate(paras, "the plan works", 4) == 4 and locate(paras, "the plan works", 1) == 2
    assert locate(paras, "not there", 3) == 3  # falls back to the truth's number
    assert locate(paras, "THE PLAN   works", None) == 2  # case and spacing do not hide it


def test_score_counts_misses_wrong_speakers_roles_and_not_figures():
    article = Article(title="t", paragraphs=("Moved here.", "“Alpha beta gamma delta,” said Minister Ann Lee. "
                                             "It cost $5 million in 2020. Call 202-358-1600."))
    truth = {"quotes": [{"text": "Alpha beta gamma delta", "speaker": "Ann Lee", "role": "Minister", "paragraph": 1}],
             "figures": [{"value": "$5 million", "number": 5e6, "paragraph": 1, "headline": True}],
             "not_figures": ["202-358-1600"], "dates": ["2020"], "sources": ["Reuters"]}
    wrong = Facts(quotes=(Quotation("Alpha beta gamma delta", "Bo Chen", None, 2),
                          Quotation("not in the text", "Ann Lee", None, 2)),
                  figures=(KeyFigure("$5 million", 5e6, "USD", "cost", 2), KeyFigure("202-358-1600", 2.0, None, "x", 2)))
    s = score(article, wrong, truth)
    assert (s.quotes_found, s.quotes_right_speaker, s.non_verbatim, s.truth_roles) == (1, 0, 1, 0)
    assert (s.figure_precision, s.figure_recall, s.headline_recall, s.not_figures_listed) == (0.5, 1.0, 1.0, 1)
    assert (s.date_recall, s.source_recall) == (0.0, 0.0)
    right = Facts(quotes=(Quotation("Alpha beta gamma delta", "Ann Lee", "Deputy", 2),))
    s = score(article, right, truth)
    assert (s.quotes_right_speaker, s.truth_roles, s.roles_right) == (1, 1, 0)


def test_misses_refuses_the_blind_set(capsys):
    from scoring import main
    assert main(["--misses", str(BLIND_DIR)]) == 2
    assert "blind" in capsys.readouterr().err
