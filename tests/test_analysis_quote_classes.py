"""Classes of ordinary text that round 5's real articles showed the attribution stages missing,
each as a table of made-up snippets (no name or phrase from a fixture) with the negatives that
keep the rule honest. Each row: a title, the article's paragraphs, a quotation in it (a
distinctive part), and the speaker and role it must have; speaker None: no quotation at all."""

from __future__ import annotations

import pytest

from reporter import Article
from reporter.analysis import analyze


def attributed(title: str, paragraphs: tuple[str, ...], subheadings=()) -> list[tuple[str, str, str | None]]:
    facts = analyze(Article(title=title, paragraphs=paragraphs, subheadings=tuple(subheadings)))
    for q in facts.quotes:  # the property every row relies on: a quotation is verbatim
        assert q.text in paragraphs[q.paragraph - 1]
    return [(q.text, q.speaker, q.role) for q in facts.quotes]


def check(title, paragraphs, text, speaker, role, subheadings=()):
    found = attributed(title, paragraphs, subheadings)
    hits = [(s, r) for t, s, r in found if text in t]
    if speaker is None:
        assert not hits, f"{text!r} is no quotation: {found}"
    else:
        assert hits == [(speaker, role)], found


READOUT = ("Ministry Spokesperson Lena Ortiz provided the following readout:",
           "Minister Tavi Rask met Foreign Minister Ole Brandt in Vienna today to discuss energy security.",
           "The ministers agreed to meet again in the spring.",
           "Official news published at https://example.org/readouts/rask-brandt",
           "Minister Rask’s Visit to Lisbon Previous post Next post")

STATEMENTS = [
    # a readout handed over by "X provided the following readout:", in the third person throughout
    ("Readout", READOUT, "met Foreign Minister Ole Brandt in Vienna", "Lena Ortiz", "Ministry Spokesperson"),
    ("Readout", READOUT, "agreed to meet again in the spring", "Lena Ortiz", "Ministry Spokesperson"),
    # the page's furniture after it is nobody's statement: a web address, a line of navigation after it
    ("Readout", READOUT, "Official news published at", None, None),
    ("Readout", READOUT, "Previous post Next post", None, None),
    (("The department issued the following update:", "Crews restored power to most homes overnight.",
      "/Release. This material is reproduced as published by the originating body.")[0],
     ("The department issued the following update:", "Crews restored power to most homes overnight.",
      "/Release. This material is reproduced as published by the originating body."),
     "This material is reproduced", None, None),
    # "the following" after a verb that hands nothing over introduces no statement
    ("News", ("The council approved the following projects:", "A new library in the north of the town."),
     "A new library", None, None),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", STATEMENTS,
                         ids=[f"{i}-{c[2][:24]}" for i, c in enumerate(STATEMENTS)])
def test_statements_and_readouts(title, paragraphs, text, speaker, role):
    check(title, paragraphs, text, speaker, role)


LABELS = [
    # one turn under an honorific label is a transcript when the heading says it is one
    ("Daily Press Briefing – 3 March", ("1:05 p.m.", "MS HALVERSEN: Good morning. Two items before questions.",
                                        "The department welcomes the ceasefire announced overnight."),
     "The department welcomes the ceasefire", "Halversen", None),
    ("Remarks to the press", ("MR ABELARD: Thank you all for coming.", "We expect the report on Friday."),
     "Thank you all for coming", "Abelard", None),
    # without such a heading one label is no transcript
    ("Harbour reopens", ("MR. DOE: Good afternoon.", "The talks ended."), "The talks ended", None, None),
]


@pytest.mark.parametrize("title, paragraphs, text, speaker, role", LABELS, ids=[f"{i}" for i in range(len(LABELS))])
def test_single_labelled_turns(title, paragraphs, text, speaker, role):
    check(title, paragraphs, text, speaker, role)
