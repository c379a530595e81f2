"""A lightweight paragraph flowable: styled runs in, PDF text operators out.

reportlab's ``Paragraph`` handles markup, images, hyphenation, RTL and more, and pays for
that generality in pure Python on every line of a long briefing. ``FastParagraph`` does
what the briefing needs and no more: runs of text (face, colour, link) with one size and
leading per paragraph, forced line breaks, greedy line breaking over pre-measured words
(words longer than the line cut by characters), left/right/centre/justified lines, a
bullet, an anchor at its top, and splitting by lines across pages.

Every paragraph has one representation, ``Words``: parallel lists of pieces (a word's text
from one run) with their widths and the spaces before them, plus the rare extras (pieces
glued into one word across runs, forced stops). ``lay_out`` breaks it into ``Line`` s of
piece ranges; ``_show`` draws a line a run at a time. The line breaking follows reportlab's
``Paragraph`` word for word (a test compares them), except where a word is too long for a
line (see ``chop``).

Drawing writes the text operators itself: one ``BT``/``ET`` per paragraph, a font change
only where the face or TrueType subset changes, and justification by word spacing
(``Tw``), which works because reportlab keeps the space at code 32 of subset 0 of every
embedded TrueType face. Words are measured once per face (a dict per font) and encoded
once per document.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from typing import NamedTuple

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFObject, PDFString
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus.flowables import Flowable

# reportlab members the PDF writer relies on that are not its documented API, in one place:
# reportlab is pinned to the major version that has them, and a test walks these names (through
# a sample instance where a member is set in __init__) so an upgrade without one fails naming it.
REPORTLAB_INTERNALS = (
    # this module: measuring, encoding and writing text and links without the generic machinery
    "reportlab.lib.rl_accel.fp_str",
    "reportlab.pdfbase.pdfdoc.PDFObject",  # subclassed: reportlab calls format(document) at save
    "reportlab.pdfbase.pdfdoc.PDFString.format",
    "reportlab.pdfbase.pdfdoc.Destination.fmt",
    "reportlab.pdfbase.pdfdoc.Destination.page",
    "reportlab.pdfbase.pdfdoc.PDFDestinationXYZ.left",
    "reportlab.pdfbase.pdfdoc.PDFDestinationXYZ.top",
    "reportlab.pdfbase.pdfdoc.PDFDestinationXYZ.zoom",
    "reportlab.pdfbase.ttfonts.TTFont.face.charWidths",
    "reportlab.pdfbase.ttfonts.TTFont.face.defaultWidth",
    "reportlab.pdfbase.ttfonts.TTFont.splitString",
    "reportlab.pdfbase.ttfonts.TTFont.getSubsetInternalName",
    "reportlab.pdfgen.canvas.Canvas._doc",
    "reportlab.pdfgen.canvas.Canvas._doc.idToObjectNumberAndVersion",
    "reportlab.pdfgen.canvas.Canvas._doc.Reference",
    "reportlab.pdfgen.canvas.Canvas._code",
    "reportlab.pdfgen.canvas.Canvas._absRect",
    "reportlab.pdfgen.canvas.Canvas._addAnnotation",
    "reportlab.pdfgen.canvas.Canvas._bookmarkReference",
    "reportlab.platypus.flowables.Flowable._hAlignAdjust",
    # pdf_scripts and pdf_fallback: shaping through the font's harfbuzz face, glyphs without a
    # code point given private ones (what hbFont hands out as hbAddPrivate), coverage from the cmap
    "reportlab.pdfbase.ttfonts.TTFont.hbFont",
    "reportlab.pdfbase.ttfonts.TTFont._TTFont__addPrivate",
    "reportlab.pdfbase.ttfonts.TTFont.pdfScale",
    "reportlab.pdfbase.ttfonts.TTFont.face.charToGlyph",
    "reportlab.pdfbase.ttfonts.TTFont.face.glyphToChar",
    # pdf_flowables: KeepTogether.split reads what its wrap measured
    "reportlab.platypus.flowables._listWrapOn",
    "reportlab.platypus.flowables.KeepTogether._content",
    "reportlab.platypus.flowables.KeepTogether._H",
    "reportlab.platypus.flowables.KeepTogether._H0",
    "reportlab.platypus.flowables.KeepTogether._wrapInfo",
    # pdf_canvas: pages held back until the total is known, their links, a fixed timestamp
    "reportlab.pdfgen.canvas.Canvas._startPage",
    "reportlab.pdfgen.canvas.Canvas._setAnnotations",
    "reportlab.pdfgen.canvas.Canvas._annotationrefs",
    "reportlab.pdfgen.canvas.Canvas._doc.pageCounter",
    "reportlab.pdfgen.canvas.Canvas._doc._timeStamp.t",
    "reportlab.pdfgen.canvas.Canvas._doc._timeStamp.YMDhms",
    "reportlab.pdfgen.canvas.Canvas._doc._timeStamp.dhh",
    "reportlab.pdfgen.canvas.Canvas._doc._timeStamp.dmm",
    "reportlab.pdfgen.canvas.Canvas._doc._timeStamp.tzname",
    # pdf_tags, pdf_archive: page and catalog keys reportlab has no setter for, the Info values
    # XMP repeats, the /ID's digest; flowables that draw nothing (left untagged)
    "reportlab.pdfbase.pdfdoc.PDFPage.__NoDefault__",
    "reportlab.pdfbase.pdfdoc.PDFCatalog.__NoDefault__",
    "reportlab.pdfgen.canvas.Canvas._doc.Catalog",
    "reportlab.pdfgen.canvas.Canvas._doc.info.trapped",
    "reportlab.pdfgen.canvas.Canvas._doc.info._dateFormatter",
    "reportlab.pdfgen.canvas.Canvas._doc.updateSignature",
    "reportlab.platypus.flowables.NullDraw",
    "reportlab.platypus.doctemplate.FrameActionFlowable",
    # pdf and pdf_table: the frame's size, the page's content stream
    "reportlab.platypus.frames.Frame._width",
    "reportlab.platypus.frames.Frame._height",
    "reportlab.rl_config.useA85",
)

CENTER, RIGHT, JUSTIFY = 1, 2, 4  # reportlab's alignments (0: left)
SOFT, HARD, CHOP = 0, 1, 2  # how a line ends
SHRINK = 0.05  # how much of its spaces' width a line may lose to fit (reportlab's spaceShrinkage)
_EPS = 1e-6

# PDF string escapes for one byte each (as reportlab's escapePDF)
_ESC = {c: ("\\%03o" % c if c < 32 or c >= 127 else ("\\" + chr(c) if chr(c) in "\\()" else chr(c)))
        for c in range(256)}


_NUMS: dict = {}


def num(v: float) -> str:
    """A compact, deterministic PDF number (remembered: line positions repeat page after page)."""
    s = _NUMS.get(v)
    if s is None:
        s = "%.3f" % v
        s = s.rstrip("0").rstrip(".")
        if s in ("-0", ""):
            s = "0"
        if len(_NUMS) > 50_000:
            _NUMS.clear()
        _NUMS[v] = s
    return s


_TM: dict = {}


def _tm(x: float, y: float) -> str:
    """The operator that starts a line of text at (x, y) (remembered, as ``num``)."""
    op = _TM.get((x, y))
    if op is None:
        if len(_TM) > 50_000:
            _TM.clear()
        op = _TM[x, y] = f"1 0 0 1 {num(x)} {num(y)} Tm"
    return op


_RG: dict = {}


def fill_op(color) -> str:
    """The PDF operator that sets ``color`` as the fill (text) colour."""
    key = id(color)
    hit = _RG.get(key)
    if hit is None or hit[0] is not color:
        r, g, b = color.red, color.green, color.blue
        hit = _RG[key] = (color, f"{num(r)} {num(g)} {num(b)} rg")
    return hit[1]


# -- measuring -------------------------------------------------------------------------------------

_UNITS: dict = {}


def units_of(font_name: str):
    """A function word -> width in 1/1000 em for a registered face, remembered per word."""
    fn = _UNITS.get(font_name)
    if fn is None:
        face = getFont(font_name).face
        get, default = face.charWidths.get, face.defaultWidth
        cache: dict = {}

        def fn(word: str) -> float:
            w = cache.get(word)
            if w is None:
                if len(cache) > 200_000:
                    cache.clear()
                w = cache[word] = sum([get(o, default) for o in map(ord, word)])
            return w

        fn.char = lambda c: get(ord(c), default)  # type: ignore[attr-defined]
        fn.cache = cache  # type: ignore[attr-defined]  -- callers look words up without a call
        _UNITS[font_name] = fn
    return fn


# -- encoding (per PDF document: TrueType subsets are assigned as characters are first used) -------


def _encoder(canv):
    doc = canv._doc
    enc = getattr(doc, "_fast_encoders", None)
    if enc is None:
        enc = doc._fast_encoders = {}
    return enc


def _encode_fn(encoders: dict, doc, font_name: str):
    fn = encoders.get(font_name)
    if fn is None:
        font = getFont(font_name)
        cache: dict = {}
        names: dict = {}

        def fn(text: str):
            hit = cache.get(text)
            if hit is None:
                out = []
                for subset, data in font.splitString(text, doc):
                    name = names.get(subset)
                    if name is None:
                        name = names[subset] = font.getSubsetInternalName(subset, doc)
                    out.append((name, data.decode("latin-1").translate(_ESC)))
                hit = cache[text] = out
            return hit

        def plain(texts: list):
            """The words escaped, or None when one of them is not all in the subset of the space."""
            shown = list(map(plain_cache.get, texts))
            if None in shown:  # words not seen yet
                for i, text in enumerate(texts):
                    if shown[i] is None:
                        encoded = fn(text)
                        shown[i] = plain_cache[text] = (
                            encoded[0][1] if len(encoded) == 1 and encoded[0][0] == space else False)
            return None if False in shown else shown

        plain_cache: dict = {}  # word -> escaped text, or False when it needs another subset
        fn.space = fn(" ")[0]  # type: ignore[attr-defined]  -- (subset name, text) of the space
        space = fn.space[0]
        fn.plain = plain  # type: ignore[attr-defined]
        encoders[font_name] = fn
    return fn


# -- the representation: a paragraph's words as parallel lists -------------------------------------


class Stop(NamedTuple):
    """A line that must end before piece ``index``, ending as ``kind`` (HARD, SOFT or CHOP)."""

    index: int
    kind: int


class Words(NamedTuple):
    """A paragraph's text as pieces: parallel lists, so that laying out a line is arithmetic.

    A piece is the text of one word from one run. A word usually is one piece; a word made
    of two runs (``Calle`` in bold and its comma) is a piece and the ``glued`` ones after it.
    ``gaps`` holds the width of the space before each piece (ignored for a glued piece and at
    the start of a line); the space is drawn in the face of the piece before it. The pieces
    come in spans, one per run with text: span ``k`` is pieces ``bounds[k]`` to
    ``bounds[k + 1]`` of ``runs[span_runs[k]]``.
    """

    texts: list
    widths: list
    gaps: list
    span_runs: list  # the run of each span
    bounds: list  # where each span starts, and the number of pieces
    glued: frozenset  # pieces that continue the word before them
    stops: tuple  # Stop per forced line break (and, once chopped, per over-long word)

    def by_word(self):
        """(widths, gaps, stops, first piece of each word) with glued pieces summed into words.

        Word indices are piece indices when nothing is glued (the usual case; no copy, and the
        last item is None); otherwise the starts list ends with the number of pieces.
        """
        if not self.glued:
            return self.widths, self.gaps, self.stops, None
        glued = self.glued
        widths: list = []
        gaps: list = []
        starts: list = []
        for j, (w, gap) in enumerate(zip(self.widths, self.gaps)):
            if j in glued:
                widths[-1] += w
            else:
                widths.append(w)
                gaps.append(gap)
                starts.append(j)
        word_at = {p: i for i, p in enumerate(starts)}
        word_at[len(self.texts)] = len(starts)
        starts.append(len(self.texts))
        return widths, gaps, tuple(Stop(word_at[s.index], s.kind) for s in self.stops), starts


class Line(NamedTuple):
    """Pieces ``start`` to ``end`` on one line: their width, how the line ends, how many words."""

    start: int
    end: int
    width: float
    end_kind: int  # SOFT (justifiable), HARD (a forced break or the last line), CHOP (a word goes on)
    words: int


class Layout(NamedTuple):
    """A paragraph laid out at one text width: the pieces (chopped if a word was too long) and lines."""

    avail: float
    words: Words
    lines: list


_NO_GLUE: frozenset = frozenset()


def measure(runs, size: float) -> Words:
    """The pieces of some runs at a font size; ``None`` runs are forced line breaks.

    A run in a script of its own (``Run.script``, see ``pdf_scripts``) is measured shaped, and
    Chinese or Japanese text is cut into pieces with no space between them (a line may break
    between two ideographs).
    """
    k = size * 0.001
    if len(runs) == 1 and runs[0] is not None and not runs[0].script:  # the usual paragraph: one run
        units = units_of(runs[0].face)
        texts = runs[0].text.split(" ")
        if "" in texts:
            texts = [t for t in texts if t]
        measured = list(map(units.cache.get, texts))
        if None in measured:
            measured = [units(t) if w is None else w for t, w in zip(texts, measured)]
        gaps = [0.0] + [units(" ") * k] * (len(texts) - 1) if texts else []
        return Words(texts, [w * k for w in measured], gaps, [0] if texts else [], [0, len(texts)] if texts else [0],
                     _NO_GLUE, ())
    texts: list = []
    widths: list = []
    gaps: list = []
    span_runs: list = []
    bounds: list = [0]
    glued: list = []
    stops: list = []
    gap = 0.0  # the space before the next word: drawn in the face of the word before it
    open_face = None  # face of the last word when no space has followed it yet
    for i, run in enumerate(runs):
        if run is None:
            stops.append(Stop(len(texts), HARD))
            open_face = None
            continue
        units = units_of(run.face)
        space = units(" ") * k
        parts = run.text.split(" ")
        start = len(texts)
        for n, part in enumerate(parts):
            if n:  # a space before this part
                gap = space if (parts[n - 1] or open_face is None) else units_of(open_face)(" ") * k
                open_face = None
            if not part:
                continue
            if open_face is not None:  # the word goes on from the run before
                glued.append(len(texts))
                gaps.append(0.0)
            else:
                gaps.append(gap)
            if run.script:
                from .pdf_scripts import pieces_of

                pieces = pieces_of(run, part)
                texts.extend(pieces)
                gaps.extend([0.0] * (len(pieces) - 1))  # breaks between ideographs: no space
            else:
                texts.append(part)
            open_face = run.face
            gap = space
        if len(parts) > 1 and not parts[-1]:
            open_face = None
        if len(texts) > start:
            if run.script:
                from .pdf_scripts import widths_of

                widths.extend([w * k for w in widths_of(run, texts[start:])])
            else:
                measured = list(map(units.cache.get, texts[start:]))
                if None in measured:
                    measured = [units(t) if w is None else w for t, w in zip(texts[start:], measured)]
                widths.extend([w * k for w in measured])
            span_runs.append(i)
            bounds.append(len(texts))
    return Words(texts, widths, gaps, span_runs, bounds, frozenset(glued) if glued else _NO_GLUE, tuple(stops))


# -- line breaking ---------------------------------------------------------------------------------


def lay_out(words: Words, runs, size: float, avail: float) -> Layout:
    """Greedy lines for a text width: as many words as fit, spaces allowed to shrink a little.

    A word wider than the line starts a line of its own and is cut by characters into
    line-wide chunks (see ``chop``); the last chunk shares its line with the words after it.
    """
    limit = avail + _EPS
    by_word = words.by_word() if words.glued else (words.widths, words.gaps, words.stops, None)
    widths = by_word[0]
    if widths and max(widths) > limit:
        words = chop(words, by_word, runs, size, limit)
        by_word = words.by_word()
    widths, gaps, stops, starts = by_word
    lines: list = []
    start = 0
    for stop in stops:
        _break(widths, gaps, start, stop.index, stop.kind, limit, lines)
        start = stop.index
    if start < len(widths) or not lines:  # a forced break at the very end adds no empty line
        _break(widths, gaps, start, len(widths), HARD, limit, lines)
    if starts is not None:
        lines = [Line(starts[a], starts[b], w, end, n) for a, b, w, end, n in lines]
    return Layout(avail, words, lines)


_new = tuple.__new__  # makes a Line without a call to its generated __new__: this loop makes thousands


def _break(widths: list, gaps: list, a: int, b: int, kind: int, limit: float, lines: list) -> None:
    """The lines of words ``a`` to ``b``, the last one ending as ``kind``, appended to ``lines``."""
    if a == b:
        if kind == HARD:  # two forced breaks in a row: an empty line
            lines.append(Line(a, a, 0.0, HARD, 0))
        return
    if a or b < len(widths):
        widths, gaps = widths[a:b], gaps[a:b]
    start = a
    width = spaces = 0.0
    for i, (w, gap) in enumerate(zip(widths, gaps), a):
        if i > start:
            grown = width + gap + w
            if grown - SHRINK * (spaces + gap) <= limit:  # spaces may shrink a little, as in reportlab
                width = grown
                spaces += gap
                continue
            lines.append(_new(Line, (start, i, width, SOFT, i - start)))
        start, width, spaces = i, w, 0.0
    lines.append(_new(Line, (start, b, width, kind, b - start)))


def chop(words: Words, by_word, runs, size: float, limit: float) -> Words:
    """The pieces with every word wider than ``limit`` cut by characters into chunks that fit.

    Unlike reportlab's ``Paragraph`` (which fills the rest of the current line with the
    word's first characters), the word starts a line: a SOFT stop ends the line before it,
    a CHOP stop each chunk, and the chunks' pieces are glued within a chunk. ``by_word`` is
    ``words.by_word()``.
    """
    k = size * 0.001
    widths, _, _, starts = by_word
    bounds = starts if starts is not None else range(len(words.texts) + 1)
    run_of = [r for r, lo, hi in zip(words.span_runs, words.bounds, words.bounds[1:]) for _ in range(lo, hi)]
    is_glued = [j in words.glued for j in range(len(run_of))] if words.glued else [False] * len(run_of)
    texts: list = []
    out_widths: list = []
    gaps: list = []
    out_runs: list = []
    glue: list = []
    stops: list = []  # (index, 0 for a forced stop or 1 for a chop's, kind): a forced break sorts first
    shifts: list = []  # (first piece after a chopped word, pieces added so far)
    columns = ((texts, words.texts), (out_widths, words.widths), (gaps, words.gaps), (out_runs, run_of),
               (glue, is_glued))
    done = 0  # pieces copied
    for w, width in enumerate(widths):
        if width <= limit:
            continue
        p0, p1 = bounds[w], bounds[w + 1]
        for out, src in columns:
            out.extend(src[done:p0])
        stops.append((len(texts), 1, SOFT))
        for n, chunk in enumerate(_chunks([(run_of[p], words.texts[p]) for p in range(p0, p1)], runs, k, limit)):
            if n:
                stops.append((len(texts), 1, CHOP))
            for m, (r, text, chunk_width) in enumerate(chunk):
                texts.append(text)
                out_widths.append(chunk_width)
                gaps.append(0.0 if n or m else words.gaps[p0])
                out_runs.append(r)
                glue.append(m > 0)
        done = p1
        shifts.append((p1, len(texts) - p1))
    for out, src in columns:
        out.extend(src[done:])
    for stop in words.stops:  # forced stops are at word starts, never inside a chopped word
        i = bisect_right(shifts, (stop.index, len(texts) + 1)) - 1
        stops.append((stop.index + (shifts[i][1] if i >= 0 else 0), 0, stop.kind))
    stops.sort()
    span_runs = [r for j, r in enumerate(out_runs) if not j or r != out_runs[j - 1]]
    bounds = [j for j, r in enumerate(out_runs) if not j or r != out_runs[j - 1]] + [len(out_runs)]
    return Words(texts, out_widths, gaps, span_runs, bounds, frozenset(j for j, g in enumerate(glue) if g),
                 tuple(Stop(index, kind) for index, _, kind in stops))


def _joins_before(c: str) -> bool:
    """Whether ``c`` belongs to the character before it (a combining mark, a joiner)."""
    return not c.isascii() and (unicodedata.category(c)[0] == "M" or c in "\u200c\u200d")


def _chunks(pieces: list, runs, k: float, limit: float) -> list:
    """A word's pieces ``(run, text)`` cut into chunks no wider than ``limit`` (at least one
    character each), as lists of ``(run, text, width)``."""
    chunks: list = []
    chunk: list = []
    width = 0.0
    for r, text in pieces:
        char = units_of(runs[r].face).char
        start = 0
        acc = 0.0
        for n, c in enumerate(text):
            w = char(c) * k
            # never between a letter and its marks: a shaped script would lose its clusters
            if width + acc + w > limit and (chunk or n > start) and not _joins_before(c):
                if n > start:
                    chunk.append((r, text[start:n], acc))
                chunks.append(chunk)
                chunk, width, start, acc = [], 0.0, n, 0.0
            acc += w
        if len(text) > start:
            chunk.append((r, text[start:], acc))
            width += acc
    chunks.append(chunk)
    return chunks


# -- the flowable -------------------------------------------------------------------------------


class FastParagraph(Flowable):
    """One paragraph of runs (``pdf_inline.Run``: text, face, fill operator, link); ``None`` is a
    forced line break.

    ``style`` is a reportlab ParagraphStyle (only its numbers and names are read); every run
    shares its size and leading. ``target`` names a destination placed at the paragraph's top.
    """

    def __init__(self, runs, style, target: str = "", bullet: str | None = None, *,
                 _words: Words | None = None, _laid: Layout | None = None, _base: int = 0):
        super().__init__()
        self.style = style
        self.base = _base  # 1: a right-to-left paragraph
        if _words is None:  # text the faces do not draw as it is goes to other fonts, shaped (pdf_scripts)
            from .pdf_scripts import is_plain, split_runs

            if not is_plain(runs):
                runs, self.base = split_runs(runs)
        self.mixed = any(r is not None and (r.level or r.script) for r in runs)
        self.runs = runs
        self.target = target
        self.bullet = bullet
        self.size = style.fontSize
        self.leading = style.leading
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = style.keepWithNext
        self._words = measure(runs, self.size) if _words is None else _words
        self._laid = _laid  # the last layout, kept for the next call at the same width
        self.width = self.height = 0

    def _lines_for(self, avail: float) -> Layout:
        laid = self._laid
        if laid is None or laid.avail != avail:
            laid = self._laid = lay_out(self._words, self.runs, self.size, avail)
        return laid

    def _text_width(self, availWidth: float) -> float:
        return max(availWidth - self.style.leftIndent - self.style.rightIndent, 1.0)

    def wrap(self, availWidth, availHeight):
        lines = self._lines_for(self._text_width(availWidth)).lines
        self.width = availWidth
        self.height = len(lines) * self.leading
        return availWidth, self.height

    def split(self, availWidth, availHeight):
        if self.width and self.width < availWidth:
            # a table wraps its cells inside the padding but splits them at the column width
            availWidth = self.width
        laid = self._lines_for(self._text_width(availWidth))
        lines = laid.lines
        total = len(lines)
        n = int((availHeight + _EPS) // self.leading)
        if n >= total:
            return [self]
        if total - n < 2:  # no widow: carry two lines over
            n = total - 2
        if n < 2:  # no orphan: a single line does not stay behind
            return []
        first = self._part(laid, lines[:n], self.target, self.bullet)
        first.spaceAfter = 0
        outline = getattr(self, "_outline", None)
        if outline is not None:
            first._outline = outline
        second = self._part(laid, lines[n:], "", None)
        second.spaceBefore = 0
        tag = getattr(self, "_tag", None)  # pdf_tags: both parts are content of one element
        if tag is not None:
            first._tag = second._tag = tag
        return [first, second]

    def _part(self, laid: Layout, lines: list, target: str, bullet) -> "FastParagraph":
        """The paragraph of some of the lines, laid out as they are; laid out at another width,
        a word chopped across its lines joins up again and is chopped anew."""
        words = laid.words
        a, b = lines[0].start, lines[-1].end
        kept = [(r, hi) for r, lo, hi in zip(words.span_runs, words.bounds, words.bounds[1:]) if lo < b and hi > a]
        glued = [j - a for j in words.glued if a < j < b]
        glued += [line.start - a for before, line in zip(lines, lines[1:]) if before.end_kind == CHOP]
        stops = tuple(Stop(line.end - a, HARD) for line in lines[:-1] if line.end_kind == HARD)
        part = Words(words.texts[a:b], words.widths[a:b], words.gaps[a:b], [r for r, _ in kept],
                     [0] + [min(hi, b) - a for _, hi in kept],
                     frozenset(glued) if glued else _NO_GLUE, stops)
        shifted = [line._replace(start=line.start - a, end=line.end - a) for line in lines] if a else list(lines)
        return FastParagraph(self.runs, self.style, target, bullet, _words=part,
                             _laid=Layout(laid.avail, part, shifted), _base=self.base)

    # -- drawing --------------------------------------------------------------------------------

    def drawOn(self, canvas, x, y, _sW=0):
        x = self._hAlignAdjust(x, _sW)
        self.canv = canvas
        try:
            self._draw(canvas, x, y)
        finally:
            del self.canv

    def _draw(self, canv, x0: float, y0: float) -> None:
        style = self.style
        avail = self._text_width(self.width)
        laid = self._lines_for(avail)
        words = laid.words
        size, leading = self.size, self.leading
        top = y0 + self.height
        if self.target:
            canv.bookmarkHorizontal(self.target, x0, top)
        encoders = _encoder(canv)
        doc = canv._doc
        # per run: encoder, fill, link, encoded space (subset name, text)
        info = []
        linked = False
        for run in self.runs:
            if run is None:
                info.append(None)
                continue
            enc = encoders.get(run.face) or _encode_fn(encoders, doc, run.face)
            info.append((enc, run.fill, run.href, enc.space))
            linked = linked or run.href is not None
        align = style.alignment
        if self.base and align != CENTER:  # a right-to-left paragraph: ragged at the left
            align = JUSTIFY if align == JUSTIFY else RIGHT
        mixed = self.mixed
        if mixed:
            from .pdf_scripts import show_mixed

            def enc_of(face: str):
                return encoders.get(face) or _encode_fn(encoders, doc, face)
        left = x0 + style.leftIndent
        y = top - size
        out = ["q BT"]
        code = out.append
        fsize = num(size)
        marks = getattr(canv, "marks", None)  # pdf_tags.Marks on a tagged canvas
        # the text state so far: [font, fill] (a font or fill operator is written only on change)
        state = [None, None]
        if self.bullet:
            if marks is not None:
                code(marks.label(self))
            state[1] = fill_op(style.textColor)
            code(state[1])
            code(f"1 0 0 1 {num(x0 + style.bulletIndent)} {num(y)} Tm")
            bsize = num(style.bulletFontSize)
            for name, s in _encode_fn(encoders, doc, style.bulletFontName)(self.bullet):
                code(f"{name} {bsize} Tf ({s}) Tj")
            if marks is not None:
                code("EMC")
        if marks is not None:
            code(marks.begin(self))
        tw = 0.0
        links: list = []
        span = 0  # the run the next line starts in (or after)
        for start, end, width, end_kind, count in laid.lines:
            if not count:
                y -= leading
                continue
            slack = avail - width
            new_tw = 0.0
            x = left
            if slack < 0 and count > 1:  # a line that fits only with its spaces shrunk
                new_tw = slack / (count - 1)
                slack = 0.0
            elif align == JUSTIFY:
                if end_kind == SOFT and count > 1:
                    new_tw = slack / (count - 1)
                elif self.base:
                    x += slack
            elif align == RIGHT:
                x += slack
            elif align == CENTER:
                x += slack / 2
            code(_tm(x, y))
            if new_tw != tw:
                tw = new_tw
                code(f"{num(tw)} Tw")
            if mixed:
                show_mixed(words, start, end, self.runs, enc_of, x, y, tw, fsize, size, state, code,
                           links if linked else None)
            else:
                span = _show(words, start, end, span, info, x, y, tw, fsize, state, code, links if linked else None)
            y -= leading
        if marks is not None:
            code("EMC")
        code("ET Q")
        canv._code.append("\n".join(out))
        for href, xa, xb, base in links:
            rect = (xa, base - size * 0.25, xb, base + size * 0.9)
            if href.startswith("#"):
                link_internal(canv, href[1:], rect)
            else:
                link_url(canv, href, rect)


def _show(words: Words, a: int, b: int, first: int, info, x: float, y: float, tw: float, fsize: str, state: list,
          code, links: list | None) -> int:
    """The text operators for pieces ``a`` to ``b`` (a line), whose first span is ``first``
    or after it: a show-text operator per run where its words are all in the subset of its
    space (plain text), word by word otherwise. The links found on the line go to ``links``
    (None: the paragraph has none, so positions are not tracked). Returns the index of the
    span the next line starts in (or after).
    """
    texts, glued = words.texts, words.glued
    cur_font, cur_fill = state
    buf: list = []  # text of the current show-text operator
    add = buf.append

    def flush() -> None:  # end the show-text operator: a font or colour change follows
        if buf:
            code(f"({''.join(buf)}) Tj")
            buf.clear()

    pos = pos_end = link_x = x
    href_now = None  # the link being drawn on this line, from x = link_x
    prev = -1  # the run of the piece before
    span_runs, bounds = words.span_runs, words.bounds
    last = len(span_runs) - 1
    while first <= last:
        r, lo, end = span_runs[first], bounds[first], bounds[first + 1]
        if end <= a:
            first += 1
            continue
        if lo >= b:
            break
        if lo < a:
            lo = a
        hi = end if end < b else b
        enc, fill, href, (sp_name, sp) = info[r]
        if prev >= 0 and lo not in glued:  # the space between runs, in the face of the word before it
            name, space = info[prev][3]
            if name != cur_font:
                flush()
                cur_font = name
                code(f"{name} {fsize} Tf")
            add(space)
            pos += words.gaps[lo] + tw
        if links is not None and href != href_now:
            if href_now:
                links.append((href_now, link_x, pos_end, y))
            href_now, link_x = href, pos
        if fill is not cur_fill:
            flush()
            cur_fill = fill
            code(fill)
        shown = enc.plain(texts[lo:hi]) if not glued or glued.isdisjoint(range(lo + 1, hi)) else None
        if shown is not None:
            if sp_name != cur_font:
                flush()
                cur_font = sp_name
                code(f"{sp_name} {fsize} Tf")
            add(sp.join(shown))
            if links is not None:
                widths, gaps = words.widths, words.gaps
                pos += widths[lo]
                for j in range(lo + 1, hi):
                    pos += gaps[j] + tw
                    pos += widths[j]
        else:
            for j in range(lo, hi):
                if j > lo and j not in glued:
                    encoded = [(sp_name, sp)]
                    pos += words.gaps[j] + tw
                    encoded += enc(texts[j])
                else:
                    encoded = enc(texts[j])
                for name, s in encoded:
                    if name != cur_font:
                        flush()
                        cur_font = name
                        code(f"{name} {fsize} Tf")
                    add(s)
                pos += words.widths[j]
        pos_end = pos
        prev = r
        if end > b:  # the run goes on to the next line
            break
        first += 1
        if end == b:
            break
    flush()
    if href_now:
        links.append((href_now, link_x, pos_end, y))
    state[0], state[1] = cur_font, cur_fill
    return first


class _Raw(PDFObject):
    """A PDF object written as ready-made bytes."""

    def __init__(self, data: bytes):
        self.data = data

    def format(self, document) -> bytes:
        return self.data


def _rect_bytes(canv, rect) -> bytes:
    return " ".join(map(fp_str, canv._absRect(rect, 1))).encode()


class _InternalLink(PDFObject):
    """A link to a named destination, formatted at save time when the destination is bound.

    The same bytes as reportlab's ``LinkAnnotation`` (``canv.linkRect``) without its generic
    dictionary tree; each destination is formatted once however many links point to it.
    """

    def __init__(self, dest, rect: bytes):
        self.dest = dest
        self.rect = rect

    def format(self, document) -> bytes:
        dest = self.dest
        data = getattr(dest, "_fast_bytes", None)
        if data is None:
            data = dest._fast_bytes = _dest_bytes(dest, document)
        return b"".join((b"<<\n/Border [ 0 0 0 ] /Contents () /Dest ", data, b" /Rect [ ", self.rect,
                         b" ] /Subtype /Link /Type /Annot\n>>"))


def _dest_bytes(dest, document) -> bytes:
    """``dest.format(document)``; a bookmark's /XYZ destination written directly."""
    from reportlab.pdfbase.pdfdoc import PDFDestinationXYZ

    fmt = dest.fmt
    if type(fmt) is not PDFDestinationXYZ or dest.page is None or not all(
            type(v) in (int, float) for v in (fmt.left, fmt.top, fmt.zoom)):
        return dest.format(document)
    ref = "%s %s R" % document.idToObjectNumberAndVersion[document.Reference(dest.page).name]
    return f"[ {ref} /XYZ {fp_str(fmt.left)} {fp_str(fmt.top)} {fp_str(fmt.zoom)} ]".encode()


def link_internal(canv, name: str, rect) -> None:
    """What ``canv.linkRect("", name, rect, relative=1)`` adds, formatted without its object tree."""
    canv._addAnnotation(_InternalLink(canv._bookmarkReference(name), _rect_bytes(canv, rect)))


def link_url(canv, url: str, rect) -> None:
    """What ``canv.linkURL(url, rect, relative=1)`` adds, as one pre-formatted dictionary.

    reportlab builds a tree of dictionary, name and array objects per link and formats it
    generically at save time; a briefing has a link in most paragraphs.
    """
    doc = canv._doc
    uris = getattr(doc, "_fast_uris", None)
    if uris is None:
        uris = doc._fast_uris = {}
    uri = uris.get(url)
    if uri is None:
        uri = uris[url] = PDFString(url).format(doc)
    x1, y1, x2, y2 = canv._absRect(rect, 1)
    data = b"".join((b"<< /A << /S /URI /Type /Action /URI ", uri, b" >> /Border [ 0 0 0 ] /Rect [ ",
                     f"{num(x1)} {num(y1)} {num(x2)} {num(y2)}".encode(), b" ] /Subtype /Link /Type /Annot >>"))
    canv._addAnnotation(_Raw(data))
