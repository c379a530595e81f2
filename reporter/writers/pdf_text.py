"""A lightweight paragraph flowable: styled runs in, PDF text operators out.

reportlab's ``Paragraph`` handles markup, images, hyphenation, RTL and more, and pays for
that generality in pure Python on every line of a long briefing. ``FastParagraph`` does
what the briefing needs and no more: runs of text (face, colour, link) with one size and
leading per paragraph, greedy line breaking over pre-measured words (words longer than the
line broken by characters), left/right/centre/justified lines, a bullet, an anchor at its
top, and splitting by lines across pages.

Drawing writes the text operators itself: one ``BT``/``ET`` per paragraph, a font change
only where the face or TrueType subset changes, and justification by word spacing
(``Tw``), which works because reportlab keeps the space at code 32 of subset 0 of every
embedded TrueType face. Words are measured once per face (a dict per font) and encoded
once per document.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus.flowables import Flowable

LEFT, CENTER, RIGHT, JUSTIFY = 0, 1, 2, 4
SOFT, HARD, CHOP = 0, 1, 2  # how a line ends
SHRINK = 0.05  # how much of its spaces' width a line may lose to fit (reportlab's spaceShrinkage)
_EPS = 1e-6

# PDF string escapes for one byte each (as reportlab's escapePDF)
_ESC = {c: ("\\%03o" % c if c < 32 or c >= 127 else ("\\" + chr(c) if chr(c) in "\\()" else chr(c)))
        for c in range(256)}


def num(v: float) -> str:
    """A compact, deterministic PDF number."""
    s = "%.3f" % v
    s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


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

        encoders[font_name] = fn
    return fn


# -- the flowable -------------------------------------------------------------------------------


class FastParagraph(Flowable):
    """One paragraph of runs ``(text, face, fill_op, href)``; ``None`` is a forced line break.

    ``style`` is a reportlab ParagraphStyle (only its numbers and names are read); every run
    shares its size and leading. ``href`` is a URL or ``#destination``; ``target`` names a
    destination placed at the paragraph's top.
    """

    def __init__(self, runs, style, target: str = "", bullet: str | None = None, *, _words=None, _lines=None):
        super().__init__()
        self.style = style
        self.runs = runs
        self.target = target
        self.bullet = bullet
        self.size = style.fontSize
        self.leading = style.leading
        self.spaceBefore = style.spaceBefore
        self.spaceAfter = style.spaceAfter
        self.keepWithNext = style.keepWithNext
        self._words = _words if _words is not None else self._tokenize()
        self._laid = _lines  # (width, lines) or None
        self.width = self.height = 0

    # words: [gap, width, pieces]; pieces: ((run index, text, width), ...); None = forced break
    def _tokenize(self) -> list:
        runs, size = self.runs, self.size
        k = size * 0.001
        if len(runs) == 1 and runs[0] is not None:
            text, face = runs[0][0], runs[0][1]
            units = units_of(face)
            gap = units(" ") * k
            return [[gap, units(w) * k, ((0, w, units(w) * k),)] for w in text.split(" ") if w]
        words: list = []
        cur = None
        gap = 0.0
        for i, run in enumerate(runs):
            if run is None:
                words.append(None)
                cur = None
                continue
            units = units_of(run[1])
            for j, part in enumerate(run[0].split(" ")):
                if j:
                    if cur is not None:  # the space belongs to the face of the word before it
                        last = runs[cur[2][-1][0]]
                        gap = units_of(last[1])(" ") * k
                    cur = None
                if part:
                    w = units(part) * k
                    if cur is None:
                        cur = [gap, 0.0, []]
                        words.append(cur)
                    cur[1] += w
                    cur[2].append((i, part, w))
        return words

    # -- layout ---------------------------------------------------------------------------------

    def _lines_for(self, avail: float) -> list:
        """Lines as (words, width, end) for a text width; remembered per width.

        ``end`` says how the line ends: SOFT (justifiable), HARD (a forced break or the last
        line) or CHOP (a word too long for the line goes on).
        """
        laid = self._laid
        if laid is not None and laid[0] == avail:
            return laid[1]
        lines: list = []
        line: list = []
        width = gaps = 0.0
        limit = avail + _EPS
        for word in self._words:
            if word is None:
                lines.append((line, width, HARD))
                line, width = [], 0.0
                continue
            if line:
                grown = width + word[0] + word[1]
                if grown - SHRINK * (gaps + word[0]) <= limit:  # spaces may shrink a little, as in reportlab
                    line.append(word)
                    width = grown
                    gaps += word[0]
                    continue
                lines.append((line, width, SOFT))
                line, width = [], 0.0
            gaps = 0.0
            if word[1] <= limit:
                line, width = [word], word[1]
                continue
            chunks = self._chop(word, avail)  # a word wider than the line: break it by characters
            for chunk in chunks[:-1]:
                lines.append(([chunk], chunk[1], CHOP))
            line, width = [chunks[-1]], chunks[-1][1]
        if line or not lines:
            lines.append((line, width, HARD))
        self._laid = (avail, lines)
        return lines

    def _chop(self, word, avail: float) -> list:
        k = self.size * 0.001
        chunks: list = []
        pieces: list = []
        width = 0.0
        for i, text, _ in word[2]:
            char = units_of(self.runs[i][1]).char
            start = 0
            acc = 0.0
            for n, c in enumerate(text):
                w = char(c) * k
                if width + acc + w > avail + _EPS and (pieces or n > start):
                    if n > start:
                        pieces.append((i, text[start:n], acc))
                    chunks.append([0.0, width + acc, tuple(pieces)])
                    pieces, width, start, acc = [], 0.0, n, 0.0
                acc += w
            if len(text) > start:
                pieces.append((i, text[start:], acc))
                width += acc
        chunks.append([0.0, width, tuple(pieces)])
        chunks[0][0] = word[0]
        return chunks

    def _text_width(self, availWidth: float) -> float:
        return max(availWidth - self.style.leftIndent - self.style.rightIndent, 1.0)

    def wrap(self, availWidth, availHeight):
        lines = self._lines_for(self._text_width(availWidth))
        self.width = availWidth
        self.height = len(lines) * self.leading
        return availWidth, self.height

    def minWidth(self):
        words = [w[1] for w in self._words if w is not None]
        return max(words, default=0.0) + self.style.leftIndent + self.style.rightIndent

    def split(self, availWidth, availHeight):
        if self.width and self.width < availWidth:
            # a table wraps its cells inside the padding but splits them at the column width
            availWidth = self.width
        lines = self._lines_for(self._text_width(availWidth))
        total = len(lines)
        n = int((availHeight + _EPS) // self.leading)
        if n >= total:
            return [self]
        if total - n < 2:  # no widow: carry two lines over
            n = total - 2
        if n < 2:  # no orphan: a single line does not stay behind
            return []
        width = self._text_width(availWidth)
        first = self._part(lines[:n], width, self.target, self.bullet)
        first.spaceAfter = 0
        outline = getattr(self, "_outline", None)
        if outline is not None:
            first._outline = outline
        second = self._part(lines[n:], width, "", None)
        second.spaceBefore = 0
        return [first, second]

    def _part(self, lines, width, target, bullet) -> "FastParagraph":
        words: list = []
        chopped = False
        for line_words, _, end in lines:
            if chopped:  # join the pieces of a chopped word again: another width chops it anew
                a, b = words.pop(), line_words[0]
                words.append([a[0], a[1] + b[1], tuple(a[2]) + tuple(b[2])])
                words.extend(line_words[1:])
            else:
                words.extend(line_words)
            chopped = end == CHOP
            if end == HARD:
                words.append(None)
        if words and words[-1] is None:
            words.pop()
        return FastParagraph(self.runs, self.style, target, bullet, _words=words, _lines=(width, list(lines)))

    # -- drawing --------------------------------------------------------------------------------

    def drawOn(self, canvas, x, y, _sW=0):
        x = self._hAlignAdjust(x, _sW)
        self.canv = canvas
        try:
            self._draw(canvas, x, y)
        finally:
            del self.canv

    def draw(self):  # reportlab's own drawOn path (translated canvas)
        self._draw(self.canv, 0.0, 0.0)

    def _draw(self, canv, x0: float, y0: float) -> None:
        style = self.style
        avail = self._text_width(self.width)
        lines = self._lines_for(avail)
        size, leading = self.size, self.leading
        runs = self.runs
        top = y0 + self.height
        if self.target:
            canv.bookmarkHorizontal(self.target, x0, top)
        encoders = _encoder(canv)
        doc = canv._doc
        align = style.alignment
        left = x0 + style.leftIndent
        y = top - size
        out = ["q BT"]
        code = out.append
        fsize = num(size)
        cur_font = cur_fill = None
        if self.bullet:
            bface = style.bulletFontName
            code(fill_op(style.textColor))
            cur_fill = fill_op(style.textColor)
            code(f"1 0 0 1 {num(x0 + style.bulletIndent)} {num(y)} Tm")
            bsize = num(style.bulletFontSize)
            for name, s in _encode_fn(encoders, doc, bface)(self.bullet):
                code(f"{name} {bsize} Tf ({s}) Tj")
            cur_font = None
        tw = 0.0
        links: list = []
        space_enc = {}
        for li, (words, width, end) in enumerate(lines):
            if not words:
                y -= leading
                continue
            slack = avail - width
            new_tw = 0.0
            x = left
            if slack < 0 and len(words) > 1:  # a line that fits only with its spaces shrunk
                new_tw = slack / (len(words) - 1)
                slack = 0.0
            elif align == JUSTIFY:
                if end == SOFT and len(words) > 1:
                    new_tw = slack / (len(words) - 1)
            elif align == RIGHT:
                x += slack
            elif align == CENTER:
                x += slack / 2
            code(f"1 0 0 1 {num(x)} {num(y)} Tm")
            if new_tw != tw:
                tw = new_tw
                code(f"{num(tw)} Tw")
            buf: list = []
            pos = x
            link = None  # (href, x start) of the link being drawn on this line
            for k, word in enumerate(words):
                if k:
                    face = runs[words[k - 1][2][-1][0]][1]
                    sp = space_enc.get(face)
                    if sp is None:
                        sp = space_enc[face] = _encode_fn(encoders, doc, face)(" ")[0]
                    if sp[0] != cur_font:
                        if buf:
                            code(f"({''.join(buf)}) Tj")
                            buf = []
                        cur_font = sp[0]
                        code(f"{cur_font} {fsize} Tf")
                    buf.append(sp[1])
                    pos += word[0] + tw
                for i, text, w in word[2]:
                    _, face, fill, href = runs[i]
                    if href != (link[0] if link else None):
                        if link and link[0]:
                            links.append((link[0], link[1], pos_end, y))
                        link = (href, pos)
                    if fill != cur_fill:
                        if buf:
                            code(f"({''.join(buf)}) Tj")
                            buf = []
                        cur_fill = fill
                        code(fill)
                    for name, s in _encode_fn(encoders, doc, face)(text):
                        if name != cur_font:
                            if buf:
                                code(f"({''.join(buf)}) Tj")
                                buf = []
                            cur_font = name
                            code(f"{name} {fsize} Tf")
                        buf.append(s)
                    pos += w
                    pos_end = pos
            if buf:
                code(f"({''.join(buf)}) Tj")
            if link and link[0]:
                links.append((link[0], link[1], pos_end, y))
            y -= leading
        code("ET Q")
        canv._code.append("\n".join(out))
        for href, xa, xb, base in links:
            rect = (xa, base - size * 0.25, xb, base + size * 0.9)
            if href.startswith("#"):
                canv.linkRect("", href[1:], rect, relative=1)
            else:
                canv.linkURL(href, rect, relative=1)
