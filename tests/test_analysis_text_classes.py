"""Classes of text the sealed evaluation holds, each as a table of snippets written for this
test (no name or phrase from a fixture): transcripts with speaker labels, wire-style
attribution, press releases, and their negatives. Each row: the article's paragraphs, a
quotation in it, and the speaker and role it must have (role None: the article gives none)."""

from __future__ import annotations

import pytest

from reporter.analysis import analyze
from reporter import Article


def quotes(*paragraphs: str) -> dict[str, tuple[str, str | None]]:
    facts = analyze(Article(title="T", paragraphs=tuple(paragraphs)))
    return {q.text: (q.speaker, q.role) for q in facts.quotes}


BRIEFING = ("Remarks by Press Secretary Dana Whitfield at the daily briefing.",
            "MS. WHITFIELD: Good afternoon, everybody. I have two announcements today.",
            "The first concerns the summit next week.",
            "Q: Will the President attend the summit?",
            "MS. WHITFIELD: He will attend, yes.",
            "Q Thank you. And on trade?",
            "MS. WHITFIELD: Nothing new on trade today. (Laughter.)",
            "QUESTION: (Off-mike.)")

TRANSCRIPTS = [
    # the label's surname takes the full name and role of the earlier mention; a turn runs on
    (BRIEFING, "Good afternoon, everybody. I have two announcements today.", "Dana Whitfield", "Press Secretary"),
    (BRIEFING, "The first concerns the summit next week.", "Dana Whitfield", "Press Secretary"),
    # "Q:" and a bare "Q" are a reporter's questions; the next label takes the floor back
    (BRIEFING, "Will the President attend the summit?", "a reporter", None),
    (BRIEFING, "Thank you. And on trade?", "a reporter", None),
    (BRIEFING, "He will attend, yes.", "Dana Whitfield", "Press Secretary"),
    (("Secretary of State Omar Castellano met reporters.",
      "SECRETARY CASTELLANO: Thank you all for coming this morning.",
      "MODERATOR: We have time for two questions.",
      "QUESTION: Mr. Secretary, what happens next with the ceasefire?",
      "SECRETARY CASTELLANO: We keep working on it every day."),
     "We keep working on it every day.", "Omar Castellano", "Secretary of State"),
    (("SECRETARY CASTELLANO: Thank you all for coming this morning.", "MODERATOR: We have time for two questions."),
     "We have time for two questions.", "Moderator", None),
    # a label that is a title alone: the holder named elsewhere, else the title as written
    (("THE PRESIDENT: Well, thank you very much. It is great to be back here in the valley.",
      "Q: Mr. President, are you confident about the vote?", "THE PRESIDENT: I am always confident."),
     "I am always confident.", "The President", None),
    (("Ambassador Ingrid Solberg spoke at the council.",
      "AMBASSADOR SOLBERG: Thank you, Madam President. We welcome this resolution.",
      "Ms. Pratt: Thank you, Ambassador, for those words of support."),
     "Thank you, Madam President. We welcome this resolution.", "Ingrid Solberg", "Ambassador"),
    (("AMBASSADOR SOLBERG: Thank you, Madam President.", "Ms. Pratt: Thank you, Ambassador, for those words."),
     "Thank you, Ambassador, for those words.", "Pratt", None),
]


@pytest.mark.parametrize("paragraphs, text, speaker, role", TRANSCRIPTS, ids=[c[1][:30] for c in TRANSCRIPTS])
def test_transcripts(paragraphs, text, speaker, role):
    got = quotes(*paragraphs)
    assert got.get(text) == (speaker, role), got


def test_a_stage_direction_is_no_turn_and_no_speech():
    got = quotes(*BRIEFING)
    assert "(Off-mike.)" not in got and not any(t.startswith("(") for t in got)
