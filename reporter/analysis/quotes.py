"""Quotations, verbatim, with the speaker an analyst would name.

Quote spans are found by one linear scan (curly or straight marks; a missing closing
mark ends the quote at the paragraph end, as multi-paragraph quotes do in news style).
The speaker comes from, in order: the attribution right after the quote ("…," said Name,
Role / "…," Surname said / "…" Las Americas reported), the sentence before the quote
(Name, role, told reporters that the law was "…"), a colon lead-in (Name put it simply: "…"),
and finally continuation (a second quote of the same speaker, in the paragraph or the next).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .actors import Actors
from .facts import Quotation
from .names import is_speech_verb, name_after, subject_before
from .text import ADVERBS, PRONOUNS, Tok, fold, sentence_spans, tokens

OPEN = "“«„"
CLOSE = "”»"
MAX_QUOTES_PER_PARAGRAPH = 200
MAX_QUOTES = 1000
WINDOW = 300  # characters of attribution read after a quote


_MARKS = re.compile(r'[“”«»„"]')


@lru_cache(maxsize=256)
def quote_spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    """(start, end, closed) of each quoted passage: start is after the opening mark."""
    spans: list[tuple[int, int, bool]] = []
    start = -1
    straight = False
    for m in _MARKS.finditer(text):
        i, c = m.start(), m.group()
        if start < 0:
            if c in OPEN or (c == '"' and (i == 0 or not text[i - 1].isalnum())):
                start, straight = i + 1, c == '"'
        elif (c in CLOSE and not straight) or (c == '"' and straight) or (c == '"' and not straight):
            spans.append((start, i, True))
            start = -1
        elif c in OPEN:  # a new opening mark: the previous quote lost its closing mark
            spans.append((start, i, False))
            start, straight = i + 1, False
        if len(spans) >= MAX_QUOTES_PER_PARAGRAPH:
            return tuple(spans)
    if start >= 0:
        spans.append((start, len(text), False))
    return tuple(spans)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _after(text: str, e: int, closed: bool, actors: Actors):
    """Attribution right after the closing mark."""
    if not closed:
        return None
    window = text[e + 1:e + 1 + WINDOW]
    cut = min((window.find(m) for m in OPEN + '"' if m in window), default=-1)
    if cut >= 0:
        window = window[:cut]
    toks = tokens(window, e + 1)
    i = 0
    if i < len(toks) and toks[i].text in (",", "."):
        i += 1
    if i >= len(toks):
        return None
    t = toks[i].text
    if t == "according" and i + 1 < len(toks) and toks[i + 1].text == "to":
        return name_after(toks, i + 2, text), "said"
    if is_speech_verb(t):
        return name_after(toks, i + 1, text), t
    # Subject first: "Calle said", "the IDHPUCP indicates", "Xanthea Limberg, who was ..., said"
    for v in range(i + 1, min(len(toks), i + 40)):
        if toks[v].text in (".", "!", "?"):
            break
        if is_speech_verb(toks[v].text):
            sub = subject_before(toks, v, text)
            if sub is not None and sub.pos <= toks[i].start + (4 if toks[i].text in ("the", "The") else 0):
                return sub, toks[v].text
            if sub is not None and fold(toks[i].text) in PRONOUNS and sub.kind == "pronoun":
                return sub, toks[v].text
            break
    return None


def _before(text: str, s: int, sent_start: int):
    """Attribution in the same sentence before the quote (partial quotes, colon lead-ins)."""
    prefix = text[sent_start:s - 1] if s >= 1 else ""
    if not prefix.strip():
        return None
    toks = tokens(prefix, sent_start)
    for v in range(len(toks) - 1, -1, -1):
        if is_speech_verb(toks[v].text):
            sub = subject_before(toks, v, text)
            if sub is not None:
                return sub, toks[v].text
            nxt = name_after(toks, v + 1, text)
            if nxt is not None:
                return nxt, toks[v].text
            break
    if prefix.rstrip().endswith(":") and toks:
        # "Gisela Kaiser, the city's former executive director, put it simply: "…""
        for v in range(1, min(len(toks), 40)):
            if toks[v].text == "," or toks[v].text.islower():
                sub = subject_before(toks, v if toks[v].text != "," else v, text) if toks[v].text == "," else None
                if toks[v].text.islower() and toks[v].text not in ADVERBS:
                    sub = subject_before(toks, v, text)
                if sub is not None and sub.kind == "name":
                    return sub, None
                if toks[v].text.islower():
                    break
    return None


def _subjects(text: str, spans, actors: Actors) -> list[tuple[int, str]]:
    """(position, person) for the first person named in each sentence: what "he"/"she" refers to."""
    out = []
    for s, e in spans:
        for t in tokens(text[s:min(e, s + 400)], s):
            p = actors.person([t.text.rstrip("’s").rstrip("'s")]) if t.text[:1].isupper() else None
            if p is not None:
                out.append((t.start, p.name))
                break
    return out


def extract(paragraphs, actors: Actors) -> tuple[list[Quotation], list[str]]:
    quotes: list[Quotation] = []
    skipped: list[str] = []
    pending: list[int] = []  # indexes of unattributed, unclosed quotes waiting for the next paragraph
    last_speaker: tuple[str, str | None] | None = None
    for pno, text in enumerate(paragraphs, 1):
        spans = quote_spans(text)
        if len(spans) >= MAX_QUOTES_PER_PARAGRAPH:
            skipped.append(f"¶{pno}: more than {MAX_QUOTES_PER_PARAGRAPH} quote marks; quotes beyond are ignored")
        if not spans:
            pending = []
            continue
        sents = sentence_spans(text) if len(text) < 200_000 else [(0, len(text))]
        subjects = None
        para_speaker: tuple[str, str | None] | None = None
        new_pending: list[int] = []
        for qs, qe, closed in spans:
            if len(quotes) >= MAX_QUOTES:
                skipped.append(f"¶{pno}: more than {MAX_QUOTES} quotations; the rest are ignored")
                break
            s, e = _trim(text, qs, qe)
            body = text[s:e]
            if not any(ch.isalpha() for ch in body):
                continue
            nwords = len(body.split())
            found = _after(text, qe, closed, actors)
            if found is None or found[0] is None:
                sent_start = next((a for a, b in sents if a <= qs - 1 < b), 0)
                found = _before(text, qs, sent_start)
            speaker = None
            if found is not None and found[0] is not None:
                sub, verb = found
                if sub.kind == "pronoun":
                    if subjects is None:
                        subjects = _subjects(text, sents, actors)
                    cands = [(pos, name) for pos, name in subjects if pos < qs]
                    if para_speaker and (not cands or True):
                        speaker = para_speaker
                    if cands:
                        pos, name = cands[-1]
                        if para_speaker is None or pos > _pos_of(quotes, para_speaker, text, qs):
                            p = actors.person([name])
                            speaker = (name, p.role if p else None)
                    if speaker is None and last_speaker is not None:
                        speaker = last_speaker
                else:
                    r = actors.resolve(sub, verb)
                    if r is not None:
                        speaker = (r[0], r[1])
            if speaker is None and para_speaker is not None:
                speaker = para_speaker  # a second quote continues the same speaker
            if speaker is None and text[:qs].strip() in ('“', '"', '«', '„') and last_speaker is not None \
                    and quotes and quotes[-1].paragraph == pno - 1:
                speaker = last_speaker  # a paragraph that is all quote continues the previous one
            if speaker is None:
                if nwords < 4:
                    skipped.append(f"¶{pno}: “{body[:40]}” has no speaker (a term or scare quote)")
                    continue
                if not closed:
                    quotes.append(Quotation(text=body, speaker="", role=None, paragraph=pno))
                    new_pending.append(len(quotes) - 1)
                    continue
                skipped.append(f"¶{pno}: no speaker found for “{body[:60]}”")
                continue
            for k in pending:
                quotes[k] = Quotation(text=quotes[k].text, speaker=speaker[0], role=speaker[1],
                                      paragraph=quotes[k].paragraph)
            pending = []
            quotes.append(Quotation(text=body, speaker=speaker[0], role=speaker[1], paragraph=pno))
            para_speaker = last_speaker = speaker
        for k in pending:
            skipped.append(f"¶{quotes[k].paragraph}: no speaker found for “{quotes[k].text[:60]}”")
        pending = new_pending
    for k in pending:
        skipped.append(f"¶{quotes[k].paragraph}: no speaker found for “{quotes[k].text[:60]}”")
    return [q for q in quotes if q.speaker], skipped


def _pos_of(quotes: list[Quotation], speaker, text: str, before: int) -> int:
    """Where the paragraph's last quote by this speaker ends (for pronoun recency)."""
    for q in reversed(quotes):
        if q.speaker == speaker[0]:
            k = text.rfind(q.text, 0, before)
            return k + len(q.text) if k >= 0 else -1
    return -1


__all__ = ["extract", "quote_spans", "Tok"]
