"""Key points: 3 to 5 sentences of the article itself that carry its main facts.

Extractive by design (no invented text): sentences are scored for what an executive
summary needs (the lede, figures, dates, named bodies, words shared with the title) and
the best few are returned verbatim in article order.
"""

from __future__ import annotations

import re

from .cues import FLOOR_TALK, QUESTION_LABELS, REPORTER
from .facts import KeyPoint
from .spans import FOLLOWING_STATEMENT, label_end
from .text import Sentences, fold, sentence_spans

_NUMBERS = re.compile(r"\d[\d,.]*")
_WORD = re.compile(r"\w{4,}")  # every whole word of four or more characters
# Month and weekday names as whole words. All but May are long enough to be among _WORD's words,
# which the scoring reads anyway; a set lookup there is much cheaper than a regex over the sentence.
_DATE_WORDS = frozenset("January February March April June July August September October November December "
                        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_MAY = re.compile(r"\bMay\b")
# \b[A-Z]{2,8}\b, written to start with a character class (the boundary before it is checked by the
# lookbehind instead), which lets the regex engine jump straight to capital letters.
_ACRONYM = re.compile(r"[A-Z](?<!\w.)[A-Z]{1,7}(?!\w)")
_QUOTE_START = tuple("“\"«„‘「")
MAX_SENTENCES = 400
MAX_CHARS = 600


def unlabelled(sentence: str) -> str:
    """A transcript's sentence without the speaker's label it opens with ("MR. DOE: …")."""
    t = sentence.strip()
    return t[label_end(t):].lstrip()


def floor_talk(sentence: str) -> bool:
    """A transcript's sentence that carries no news: a question (from the floor's label, or
    ending in "?"), or the briefer running the room (cues.FLOOR_TALK: "Very good afternoon to
    all of you.", "I don't have too much to pass along at the top.")."""
    t = sentence.strip()
    at = label_end(t)
    if at and fold(t[:at].rstrip(": ").split(" ")[0].rstrip(".")) in QUESTION_LABELS:
        return True  # "QUESTION: …", "Q: …"
    words = t[at:].lstrip(" “\"‘'")
    if words.rstrip(" ”\"’').").endswith("?"):
        return True
    if len(words.split()) <= MAX_ROOM_WORDS and _ROOM.search(words) or _DEDICATION.match(words):
        return True  # "I know there are a lot of people who have asked me questions."
    words = _VOCATIVE.sub("", words, count=1)  # "Roy, thank you for that kind introduction."
    return words.lower().replace("’", "'").startswith(FLOOR_TALK)


# The briefer speaking of the questions themselves, in a short sentence: running the room.
_ROOM = re.compile(r"\b(?:I|I['’]ll|I['’]m|I['’]d|we|we['’]ll|me|us)\b.*\bquestions\b|\bquestions\b.*\b(?:I|me|us)\b"
                   r"|\b(?:no|any|few) announcements\b|\bgo ahead[.!]?[”\"’']?$")  # "One question, okay anyway, go ahead."  # "I don't really have any announcements to begin with"
# A speech turning to those it thanks: "To the faculty—having been a professor myself, …".
_DEDICATION = re.compile(r"(?:And )?[Tt]o (?:the |our |all |my )?[\w ’',]{2,60}?\s?[—–]")
MAX_ROOM_WORDS = 24
_VOCATIVE = re.compile(r"(?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’.-]*,\s+")  # the one addressed, before the words
SPOKEN_TEXT = 0.6  # share of paragraphs that are quotations in full, past which the text is all speech


def not_points(whole: frozenset[int], quotes, paragraphs) -> frozenset[int]:
    """The paragraphs key points are not taken from: those that are one quotation in full (a
    press release's introduced quote is the speaker's words, not the release's facts); but in a
    speech or a transcript, where nearly every paragraph is someone's words, the speakers' words
    are the facts, and only the questions from the floor are left out."""
    body = sum(1 for p in paragraphs if p.strip())
    if not body or len(whole) < SPOKEN_TEXT * body:
        return whole
    answered = {q.paragraph for q in quotes if q.speaker != REPORTER}
    return frozenset(q.paragraph for q in quotes if q.speaker == REPORTER and q.paragraph not in answered)


def key_points(paragraphs, title: str = "", sentences: Sentences | None = None,
               skip: frozenset[int] = frozenset()) -> list[KeyPoint]:
    """The best few sentences; ``skip`` holds the numbers of paragraphs that are quotations in
    full (an introduced press-release quote is the speaker's words, not the article's facts)."""
    title_words = {w.lower() for w in _WORD.findall(title)}
    scored: list[tuple[float, int, int, str]] = []
    order = 0
    for pno, text in enumerate(paragraphs, 1):
        if order >= MAX_SENTENCES:
            break
        # Sentences past the first 20,000 characters are no key points; shorter paragraphs' are shared.
        spans = sentences[pno - 1] if sentences is not None and len(text) <= 20_000 else sentence_spans(text[:20_000])
        for k, (s, e) in enumerate(spans):
            sent = text[s:e].strip()
            words = sent.split()
            order += 1
            if not 8 <= len(words) <= 60 or len(sent) > MAX_CHARS or sent.startswith(_QUOTE_START) \
                    or pno in skip or sent.endswith(":") or FOLLOWING_STATEMENT.search(sent) \
                    or sent.count("“") != sent.count("”") or sent.count('"') % 2 or floor_talk(sent):
                # a quotation, part of one begun or ended in another sentence ("… $2 trillion,” said
                # Jane Doe."), a line that only introduces one ("… issued the following statement on …"),
                # or a transcript's question or pleasantry
                continue
            score = 0.0
            if pno == 1 and k == 0:
                score += 4
            score += max(0.0, 2.0 - 0.25 * (pno - 1))
            numbers = len(_NUMBERS.findall(sent))  # none exactly when the sentence has no digit
            score += min(3, numbers and 1 + 0.5 * numbers)
            long_words = _WORD.findall(sent)
            score += 1 if not _DATE_WORDS.isdisjoint(long_words) or ("May" in sent and _MAY.search(sent)) else 0
            score += 0.5 * min(2, len(_ACRONYM.findall(sent)))
            score += 0.4 * min(5, len(title_words.intersection(map(str.lower, long_words))))
            if "“" in sent or '"' in sent:
                score -= 1.5
            scored.append((score, pno, order, sent))
    if not scored:
        return []
    n = 5 if len(paragraphs) >= 12 else 4 if len(paragraphs) >= 6 else 3
    best = sorted(scored, key=lambda x: (-x[0], x[2]))[:n]
    return [KeyPoint(text=sent, paragraph=pno) for _, pno, _, sent in sorted(best, key=lambda x: x[2])]
