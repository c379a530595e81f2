"""Stage 1, quotation spans: marked passages (every pair of marks in spans.PAIRS, single marks
told from apostrophes) and introduced paragraphs (the press-release layout). The snippets are
written for these tests."""

from __future__ import annotations

import pytest

from reporter.analysis.spans import (Introduced, QuoteSpan, Turn, introduced_blocks, is_introducing_line,
                                     paragraph_span, quote_spans, transcript_turns)


def bodies(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in quote_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("“We will rebuild,” she said.", ["We will rebuild,"]),
    ('"We will rebuild," she said.', ["We will rebuild,"]),
    ("« Nous allons reconstruire », a-t-il dit.", [" Nous allons reconstruire "]),
    ("»Wir bauen wieder auf«, sagte sie.", ["Wir bauen wieder auf"]),
    ("„Wir bauen wieder auf“, sagte sie.", ["Wir bauen wieder auf"]),
    ("「私たちは再建します」と彼女は言った。", ["私たちは再建します"]),
    ("『再建』という言葉", ["再建"]),
    ("‘We will rebuild the bridge,’ she said.", ["We will rebuild the bridge,"]),
    ("'We will rebuild the bridge,' she said.", ["We will rebuild the bridge,"]),
    ("“A ‘fair deal’ is all we ask,” he said.", ["A ‘fair deal’ is all we ask,"]),
    ("‘They called it “the plan”, and it worked,’ she said.", ["They called it “the plan”, and it worked,"]),
])
def test_marked_spans(text, expected):
    assert bodies(text) == expected


@pytest.mark.parametrize("text", [
    "The council's budget and the residents' fund don't cover it.",
    "He was 5'11\" tall and born in the '90s.",
    "It’s the city’s best year, the mayors’ group says.",
    "A closing mark alone” is no quote.",
])
def test_apostrophes_and_stray_marks_are_no_spans(text):
    assert bodies(text) == []


def test_an_unclosed_quote_runs_to_the_paragraph_end():
    text = "“We will not stop until every family is housed."
    assert quote_spans(text) == (QuoteSpan(1, len(text), False),)


def test_a_single_quoted_paragraph_may_run_on_into_the_next():
    text = "‘We will not stop until every family is housed."
    assert quote_spans(text) == (QuoteSpan(1, len(text), False),)


def test_a_new_opening_mark_closes_a_quote_that_lost_its_mark():
    text = "“First part. “Second part,” he said."
    assert [(text[s:e], c) for s, e, c in quote_spans(text)] == [("First part. ", False), ("Second part,", True)]


@pytest.mark.parametrize("line, expected", [
    ("Minister Jane Doe said:", True),
    ("The minister, who asked not to be named, said:", True),
    ("Commenting on the figures, Dr Ahmed Khan added:", True),
    ("Jane Doe, Chief Executive of Acme Ltd, commented:", True),
    ("A spokesperson for the Department said:", True),
    ("The plan has three parts:", False),  # no speech verb
    ("The report found:", False),  # findings follow, not speech
    ("The minister announced:", True),
    ("Jane Doe, Minister for Ports, said at today's meeting of the Harbour Council:", True),  # where she said it
    ("Jane Doe said the meeting of the Harbour Council had three parts:", False),  # what she said, not where
    ("WASHINGTON – Senator Jane Doe issued the statement below regarding the board's request that the port "
     "act on the tolls, which will soon rise, forcing ferries off the crossing in the winter months:", True),
    ("Jane Doe said the plan had three parts", False),  # no colon
    ("She said: “We are ready.”", False),  # the quote is on the line itself
    ("Residents " + "waited and waited " * 40 + "and then they said:", False),  # a long narrative paragraph
])
def test_introducing_lines(line, expected):
    assert is_introducing_line(line) is expected


@pytest.mark.parametrize("paragraphs, expected", [
    # one introduced paragraph, then the article's own voice again
    (("Minister Jane Doe said:", "We are proud of this investment in our towns.", "The scheme opens in May."),
     (Introduced(0, (1,)),)),
    # several paragraphs in the speaker's voice, until boilerplate
    (("Jane Doe said:", "This is a great day.", "We will keep our promises to you.", "I want to thank our staff.",
      "Notes to editors"), (Introduced(0, (1, 2, 3)),)),
    # until the next introducing line, which starts its own block
    (("Jane Doe said:", "We are ready for winter.", "John Roe, of the union, added:", "Our members are ready too."),
     (Introduced(0, (1,)), Introduced(2, (3,)))),
    # a paragraph that attributes something itself is narrative
    (("Jane Doe said:", "We have done our part.", "Officials said the review would take a year."),
     (Introduced(0, (1,)),)),
    # a single-quoted paragraph after the line is introduced too
    (("Jane Doe said:", "‘We have done our part and we will do more.’", "The review ends in May."),
     (Introduced(0, (1,)),)),
    # a heading left in the body ends the block
    (("Jane Doe said:", "We have done our part.", "Background", "We is not a word here."),
     (Introduced(0, (1,)),)),
    # no introducing line, no block
    (("The plan has three parts:", "Homes, roads and schools."), ()),
])
def test_introduced_blocks(paragraphs, expected):
    assert introduced_blocks(paragraphs) == expected


def test_an_introduced_paragraph_is_one_span_without_its_edges_spaces():
    text = "  We are ready.  "
    s, e, closed = paragraph_span(text)
    assert (text[s:e], closed) == ("We are ready.", True)


def test_transcript_turns_and_their_continuations():
    paragraphs = ("The briefing began at noon.", "MR. DOE: Good afternoon. We have a lot to cover.",
                  "I want to start with the talks.", "Q: Can you say more?", "MS. ROE (Acme): We are ready.",
                  "Notes to editors")
    assert transcript_turns(paragraphs) == (Turn(1, "MR. DOE", 9), Turn(2, "", 0), Turn(3, "Q", 3),
                                            Turn(4, "MS. ROE", 16, "Acme"))


def test_one_honorific_label_heads_a_transcript_when_her_speech_goes_on_below_it():
    paragraphs = ("Harbour health", "DR. ROE: Good afternoon.", "We really welcome you to this overview of our work.")
    assert transcript_turns(paragraphs) == (Turn(1, "DR. ROE", 9), Turn(2, "", 0))


@pytest.mark.parametrize("paragraphs", [
    ("MR. DOE: Good afternoon.", "The talks ended."),  # one label is no transcript
    ("NOTE: The figures are provisional.", "UPDATE: A correction was made."),  # section labels
    ("The minister said: we are ready.", "Officials said: talks continue."),  # "said:" is an introducing line
])
def test_no_transcript(paragraphs):
    assert transcript_turns(paragraphs) == ()
