"""The PDF writer's line breaking against reportlab's own ``Paragraph`` as an oracle.

Generated paragraphs (seeded): words of varied lengths, bold/italic runs, links, forced
line breaks, words glued across runs, letters beyond Latin-1 that the house fonts cover,
and words too long for a line. Each is laid out by the writer (``measure`` + ``lay_out``,
as ``FastParagraph`` does) and by ``Paragraph`` from equivalent markup, in the same house
style (fonts, sizes, indents) and at the same widths; each line must hold the same words.

Two deliberate differences, asserted as such:

- a word wider than the line: reportlab fills the rest of the current line with its first
  characters; the writer starts it on a line of its own (the text before it stays a whole
  line) and cuts it there. Lines from that word on are excluded; the lines before it must
  agree, and no character may be lost;
- a paragraph without words (nothing but a line break, or an empty table cell) keeps one
  empty line's height in the writer, none in reportlab, so a table row never collapses.
"""

from __future__ import annotations

import random
from xml.sax.saxutils import escape, quoteattr

import pytest

from reporter.model import Emph, LineBreak, Link, Strong, Text
from reporter.style import load_house_style
from reporter.writers.pdf_inline import runs as make_runs
from reporter.writers.pdf_styles import CM, pdf_styles
from reporter.writers.pdf_text import lay_out, measure

LATIN = "abcdefghijklmnopqrstuvwxyz"
WIDER = "éüßçñøåæœ" "αβγδεζηθλμπσω" "абвгдежзиклмнопрст" "ąčęėįšųūžŁŃŚŹŻ" "—–“”‘’…€"
ANCHORS = frozenset({"intro", "detail"})
PARAGRAPHS = 400


def _word(rng: random.Random) -> str:
    pool = LATIN if rng.random() < 0.75 else LATIN + WIDER
    word = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14))))
    if rng.random() < 0.1:
        word = word.capitalize()
    if rng.random() < 0.08:
        word += rng.choice(",.;:!?)")
    return word


def _text(rng: random.Random, words: int) -> str:
    text = " ".join(_word(rng) for _ in range(words))
    return (" " if rng.random() < 0.2 else "") + text + (" " if rng.random() < 0.3 else "")


def _inlines(rng: random.Random, depth: int = 0) -> list:
    out: list = []
    for _ in range(rng.randint(1, 6)):
        r = rng.random()
        if r < 0.45 or depth > 1:
            out.append(Text(_text(rng, rng.randint(1, 18))))
        elif r < 0.6:
            out.append(Strong(tuple(_inlines(rng, depth + 1))))
        elif r < 0.72:
            out.append(Emph(tuple(_inlines(rng, depth + 1))))
        elif r < 0.84:
            url = rng.choice(("https://example.org/a?b=1&c=2", "#intro", "#detail", "mailto:desk@example.org"))
            out.append(Link(tuple(_inlines(rng, depth + 1)), url))
        elif r < 0.92:
            out.append(LineBreak())
        else:  # a word glued to punctuation (or a name's end) in another face: one word, two runs
            out.append(Text(" " + _word(rng)))
            out.append(Strong((Text(rng.choice((",", ".", "’s", _word(rng)))),)))
    return out


def _markup(inlines) -> str:
    """The same inlines as reportlab paragraph markup."""
    out = []
    for node in inlines:
        match node:
            case Text(text=t):
                out.append(escape(t))
            case Strong(children=c):
                out.append(f"<b>{_markup(c)}</b>")
            case Emph(children=c):
                out.append(f"<i>{_markup(c)}</i>")
            case Link(children=c, url=url):
                out.append(f"<a href={quoteattr(url)}>{_markup(c)}</a>")
            case LineBreak():
                out.append("<br/>")
    return "".join(out)


def _oracle_lines(inlines, style, width: float) -> list[list[str]]:
    from reportlab.platypus import Paragraph

    p = Paragraph(_markup(inlines), style)
    p.wrap(width, 1e9)
    bl = p.blPara
    if bl.kind == 0:
        return [list(map(str, words)) for _, words in bl.lines]
    return ["".join(f.text for f in line.words if hasattr(f, "text")).split() for line in bl.lines]


def _writer_lines(runs, style, width: float) -> tuple[list[list[str]], int | None]:
    """The words on each line, and the line a word too long for a line starts on (or None)."""
    from reporter.writers.pdf_text import CHOP

    words = measure(runs, style.fontSize)
    laid = lay_out(words, runs, style.fontSize, max(width - style.leftIndent - style.rightIndent, 1.0))
    texts, glued = laid.words.texts, laid.words.glued
    lines = []
    for line in laid.lines:
        text = "".join(("" if j == line.start or j in glued else " ") + texts[j] for j in range(line.start, line.end))
        lines.append(text.split())
    return lines, next((i for i, line in enumerate(laid.lines) if line.end_kind == CHOP), None)


def _cases():
    hs = load_house_style()
    st = pdf_styles(hs)
    page_w = hs.page.size_cm[0] * CM
    frame = page_w - (hs.page.margin_left + hs.page.margin_right) * CM
    # (style, width): body text and quotes across the frame, a list item, table cells of several widths
    shapes = [("Body Text", frame), ("Quote", frame), ("List Bullet", frame), ("Heading 2", frame),
              ("Table Text", frame / 3), ("Table Text", frame / 4), ("Table Heading", frame / 3)]
    rng = random.Random(20240420)
    for n in range(PARAGRAPHS):
        name, width = shapes[n % len(shapes)]
        inlines = _inlines(rng)
        if rng.random() < 0.2:  # an unbreakable word: sometimes wider than a table cell, sometimes than the page
            long = "".join(rng.choice(LATIN + WIDER) for _ in range(rng.randint(20, 160)))
            inlines.insert(rng.randint(0, len(inlines)), Text(f" {long} "))
        yield n, st, st.style(name), width, inlines


CASES = list(_cases())


def test_the_generated_paragraphs_cover_what_the_writer_must_handle():
    seen = {"bold": 0, "italic": 0, "link": 0, "break": 0, "glued": 0, "beyond latin-1": 0, "too long": 0, "lines": 0}
    for _, st, style, width, inlines in CASES:
        runs = make_runs(inlines, style, st, ANCHORS)
        words = measure(runs, style.fontSize)
        lines, chopped = _writer_lines(runs, style, width)
        seen["bold"] += any(r and "Bold" in r.face for r in runs)
        seen["italic"] += any(r and "Italic" in r.face for r in runs)
        seen["link"] += any(r and r.href for r in runs)
        seen["break"] += bool(words.stops)
        seen["glued"] += bool(words.glued)
        seen["beyond latin-1"] += any(r and max(r.text, default="a") > "\xff" for r in runs)
        seen["too long"] += chopped is not None
        seen["lines"] += len(lines) > 3
    assert len(CASES) == PARAGRAPHS
    assert all(count >= 10 for count in seen.values()), seen


@pytest.mark.parametrize("n", range(PARAGRAPHS))
def test_lines_hold_the_same_words_as_reportlab_paragraph(n):
    _, st, style, width, inlines = CASES[n]
    runs = make_runs(inlines, style, st, ANCHORS)
    mine, chopped = _writer_lines(runs, style, width)
    theirs = _oracle_lines(inlines, style, width)
    if mine == [[]]:  # no words at all
        assert theirs == []
        return
    if chopped is None:
        assert mine == theirs
        return
    # a word too long for the line: the lines before the one it ends agree, and no character is lost
    assert mine[:max(chopped - 1, 0)] == theirs[:max(chopped - 1, 0)]
    assert "".join(map("".join, mine)) == "".join(map("".join, theirs))
