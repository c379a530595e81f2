"""Properties that hold for every article, checked on generated news-like text: every
quotation is a verbatim substring of its paragraph, every speaker is written in the article,
every figure's text is in its paragraph. The generator mixes the attribution patterns the
stages read (titles, initials, particles, introducing lines, unnamed speakers, pronouns,
transcript labels) with
numbers of every kind, the ones that count nothing included."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.analysis import analyze
from reporter.analysis.cues import REPORTER
from reporter import Article

NAMES = ["Jane Doe", "Donald H. Rumsfeld", "Ursula von der Leyen", "Tom Jones", "Ann Lee", "Ahmed Khan",
         "Abdul al-Amiri", "María José Pizarro"]
ROLES = ["NASA Deputy Administrator", "Minister", "Dr.", "the company’s chief executive,", "Mr.", "Sir", ""]
VERBS = ["said", "told reporters", "added", "warned", "wrote", "would say", "never said"]
SPEECH = ["We will build more homes", "This is a great day for the country", "The plan is working",
          "Our members are ready", "It was the right call"]
NUMBERS = ["300", "£1.2 billion", "40%", "(202) 691-6378", "202-358-1600", "0300 123 4567", "SW1A 2AA",
           "section 12", "8 out of 10", "12.5 per 100,000", "50 µg/L", "40th", "12/03/2024", "1 in 5",
           "ABC-12345", "more than 600"]
MARKS = [("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»"), ("„", "“"), ("「", "」")]


@st.composite
def sentence(draw) -> str:
    name, role, verb = draw(st.sampled_from(NAMES)), draw(st.sampled_from(ROLES)), draw(st.sampled_from(VERBS))
    speech = draw(st.sampled_from(SPEECH))
    o, c = draw(st.sampled_from(MARKS))
    who = f"{role} {name}".strip()
    form = draw(st.integers(0, 9))
    number = draw(st.sampled_from(NUMBERS))
    return [
        f"{o}{speech},{c} {verb} {who}.",
        f"{o}{speech},{c} {who} {verb}.",
        f"According to {who}, {o}{speech}.{c}",
        f"{who} {verb}:",
        f"{speech} with {number} jobs.",
        f"{o}{speech},{c} a spokeswoman for the ministry {verb}.",
        f"{name.split()[-1]} later defended it. {o}{speech},{c} she {verb}.",
        f"The fund reached {number} in May, {who} {verb}.",
        f"MS. {name.split()[-1].upper()}: {speech}.",
        f"Q: {speech}?",
    ][form]


paragraph = st.lists(sentence(), min_size=1, max_size=3).map(" ".join)


def _written(speaker: str, body: str) -> bool:
    """Every word of the speaker is in the article (a full stop after an honorific aside, and
    case aside: a transcript label is in capitals). The one speaker never written is the
    questioner of a transcript's "Q:" turn, who is not named."""
    if speaker == REPORTER:
        return True
    return all(w.rstrip(".,").lower() in body.lower() for w in speaker.split())


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(paragraph, min_size=1, max_size=6))
def test_quotes_speakers_and_figures_are_the_article_s_own_text(paragraphs):
    article = Article(title="T", paragraphs=tuple(paragraphs))
    facts = analyze(article)
    body = "\n".join(paragraphs)
    for q in facts.quotes:
        assert q.text and q.text in paragraphs[q.paragraph - 1], q
        assert q.speaker and _written(q.speaker, body), q
    for f in facts.figures:
        assert f.value in paragraphs[f.paragraph - 1], f
    for f in facts.figures:
        assert not re.fullmatch(r"\(?\d{3}\)?[ \-]\d{3}-\d{4}|\d{4} \d{3} \d{4}|\d{2}/\d{2}/\d{4}", f.value), f


@settings(max_examples=100, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=4))
def test_analysis_is_deterministic(paragraphs):
    article = Article(title="T", paragraphs=tuple(paragraphs))
    assert analyze(article) == analyze(article)
