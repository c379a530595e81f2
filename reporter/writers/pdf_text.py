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

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfdoc import PDFObject, PDFString
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus.flowables import Flowable

LEFT, CENTER, RIGHT, JUSTIFY = 0, 1, 2, 4
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
        space = fn(" ")[0][0]
        fn.plain = plain  # type: ignore[attr-defined]
        encoders[font_name] = fn
    return fn


# -- the flowable -------------------------------------------------------------------------------


class FastParagraph(Flowable):
    """One paragraph of runs ``(text, face, fill_op, href)``; ``None`` is a forced line break.

    ``style`` is a reportlab ParagraphStyle (only its numbers and names are read); every run
    shares its size and leading. ``href`` is a URL or ``#destination``; ``target`` names a
    destination placed at the paragraph's top.
    """

    def __init__(self, runs, style, target: str = "", bullet: str | None = None, *, _words=None, _lines=None,
                 _flat=None):
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
        if _words is None and _flat is None:
            _flat = self._measure_flat()
            if _flat is None:
                _words = self._tokenize()
        # Most paragraphs have no forced break and no word made of two runs (such as "Calle,"
        # with a bold name): they keep parallel lists, ``_flat = (texts, widths, gaps, spans)``
        # with ``spans`` the (run, first word, end word) of each run, and are laid out and drawn
        # a line at a time. Others keep a list of words, each ``[gap, width, pieces]``.
        self._flat = _flat
        self._words = _words
        self._laid = _lines  # (width, lines) or None
        self.width = self.height = 0

    def _measure_flat(self) -> tuple | None:
        """Parallel word lists, or None when the paragraph needs the general word list."""
        k = self.size * 0.001
        runs = self.runs
        if len(runs) == 1 and runs[0] is not None:  # the usual paragraph: one run, no list per run
            units = units_of(runs[0][1])
            texts = runs[0][0].split(" ")
            if "" in texts:
                texts = [t for t in texts if t]
            measured = list(map(units.cache.get, texts))
            if None in measured:
                measured = [units(t) if w is None else w for t, w in zip(texts, measured)]
            gaps = [0.0] + [units(" ") * k] * (len(texts) - 1) if texts else []
            return texts, [w * k for w in measured], gaps, [(0, 0, len(texts))] if texts else []
        texts: list = []
        widths: list = []
        gaps: list = []
        spans: list = []
        gap = 0.0  # the space before the next word: drawn in the face of the word before it
        open_face = None  # face of the last word when no space has followed it yet
        for i, run in enumerate(self.runs):
            if run is None:
                return None
            units = units_of(run[1])
            parts = run[0].split(" ")
            first = parts[0]
            start = len(texts)
            if first:
                if open_face is not None:
                    return None  # a word made of two runs
                texts.append(first)
                gaps.append(gap)
                open_face = run[1]
            if len(parts) > 1:
                space = units(" ") * k
                gap = space if (first or open_face is None) else units_of(open_face)(" ") * k
                rest = parts[1:]
                if "" in rest:
                    rest = [t for t in rest if t]
                if rest:
                    texts.extend(rest)
                    gaps.append(gap)
                    gaps.extend([space] * (len(rest) - 1))
                    gap = space
                open_face = run[1] if parts[-1] else None
            if len(texts) > start:
                measured = list(map(units.cache.get, texts[start:]))
                if None in measured:
                    measured = [units(t) if w is None else w for t, w in zip(texts[start:], measured)]
                widths.extend([w * k for w in measured])
                spans.append((i, start, len(texts)))
        return texts, widths, gaps, spans

    def _general(self) -> list:
        """The words as the general layout reads them, made once a flat paragraph needs them."""
        if self._words is None:
            self._words = _flat_words(self._flat, 0, len(self._flat[0]))
            self._flat = None
            self._laid = None
        return self._words

    # words: [gap, width, pieces]; pieces: ((run index, text, width), ...); None = forced break
    def _tokenize(self) -> list:
        runs = self.runs
        k = self.size * 0.001
        words: list = []
        cur = None  # the word still open at the end of the previous run (no space after it yet)
        gap = 0.0
        prev_face = None  # face of the last piece of ``cur``
        for i, run in enumerate(runs):
            if run is None:
                words.append(None)
                cur = None
                continue
            text, face = run[0], run[1]
            units = units_of(face)
            parts = text.split(" ")
            first = parts[0]
            if first:
                w = units(first) * k
                if cur is None:
                    cur = [gap, w, [(i, first, w)]]
                    words.append(cur)
                else:
                    cur[1] += w
                    cur[2].append((i, first, w))
                prev_face = face
            if len(parts) == 1:
                continue
            # a space follows: it is drawn in the face of the word before it
            space = units(" ") * k
            gap = space if (first or cur is None or prev_face == face) else units_of(prev_face)(" ") * k
            cur = None
            known = units.cache
            for part in parts[1:]:
                if part:
                    w = known.get(part)
                    w = (units(part) if w is None else w) * k
                    cur = [gap, w, [(i, part, w)]]
                    words.append(cur)
                    gap = space
            if not parts[-1]:
                cur = None
            prev_face = face
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
        limit = avail + _EPS
        if self._flat is not None:
            if not self._flat[1] or max(self._flat[1]) <= limit:
                lines = self._flat_lines(limit)
                self._laid = (avail, lines)
                return lines
            self._general()  # a word wider than the line: the general layout chops it
        lines: list = []
        line: list = []
        width = gaps = 0.0
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

    def _flat_lines(self, limit: float) -> list:
        """Lines of a flat paragraph as (first word, end word, width, end); the same greedy
        breaks and arithmetic as the general layout, without a list per word."""
        _, widths, gaps, _ = self._flat
        lines: list = []
        start = 0
        width = spaces = 0.0
        for i, (w, gap) in enumerate(zip(widths, gaps)):
            if i > start:
                grown = width + gap + w
                if grown - SHRINK * (spaces + gap) <= limit:
                    width = grown
                    spaces += gap
                    continue
                lines.append((start, i, width, SOFT))
            start, width, spaces = i, w, 0.0
        lines.append((start, len(widths), width, HARD))
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
        if self._flat is not None:
            words = self._flat[1]
        else:
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
        if self._flat is not None:
            texts, widths, gaps, spans = self._flat
            a, b = lines[0][0], lines[-1][1]
            spans = [(r, max(i, a) - a, min(j, b) - a) for r, i, j in spans if i < b and j > a]
            return FastParagraph(self.runs, self.style, target, bullet,
                                 _flat=(texts[a:b], widths[a:b], gaps[a:b], spans),
                                 _lines=(width, [(i - a, j - a, w, end) for i, j, w, end in lines]))
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
        top = y0 + self.height
        if self.target:
            canv.bookmarkHorizontal(self.target, x0, top)
        encoders = _encoder(canv)
        doc = canv._doc
        # per run: encoder, fill, link, encoded space (subset name, text)
        info = []
        for run in self.runs:
            if run is None:
                info.append(None)
                continue
            enc = _encode_fn(encoders, doc, run[1])
            info.append((enc, run[2], run[3], enc(" ")[0]))
        align = style.alignment
        left = x0 + style.leftIndent
        y = top - size
        out = ["q BT"]
        code = out.append
        fsize = num(size)
        # the text state so far: [font, fill] (a font or fill operator is written only on change)
        state = [None, None]
        if self.bullet:
            state[1] = fill_op(style.textColor)
            code(state[1])
            code(f"1 0 0 1 {num(x0 + style.bulletIndent)} {num(y)} Tm")
            bsize = num(style.bulletFontSize)
            for name, s in _encode_fn(encoders, doc, style.bulletFontName)(self.bullet):
                code(f"{name} {bsize} Tf ({s}) Tj")
        tw = 0.0
        links: list = []
        flat = self._flat
        for line in lines:
            if flat is not None:
                first, end_word, width, end = line
                count = end_word - first
            else:
                words, width, end = line
                count = len(words)
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
                if end == SOFT and count > 1:
                    new_tw = slack / (count - 1)
            elif align == RIGHT:
                x += slack
            elif align == CENTER:
                x += slack / 2
            code(f"1 0 0 1 {num(x)} {num(y)} Tm")
            if new_tw != tw:
                tw = new_tw
                code(f"{num(tw)} Tw")
            if flat is None:
                _show(words, info, x, y, tw, fsize, state, code, links)
            elif not _show_flat(flat, first, end_word, info, x, y, tw, fsize, state, code, links):
                _show(_flat_words(flat, first, end_word), info, x, y, tw, fsize, state, code, links)
            y -= leading
        code("ET Q")
        canv._code.append("\n".join(out))
        for href, xa, xb, base in links:
            rect = (xa, base - size * 0.25, xb, base + size * 0.9)
            if href.startswith("#"):
                link_internal(canv, href[1:], rect)
            else:
                link_url(canv, href, rect)


def _flat_words(flat, a: int, b: int) -> list:
    """Words ``a`` to ``b`` of a flat paragraph in the general form ``[gap, width, pieces]``."""
    texts, widths, gaps, spans = flat
    return [[gaps[j], widths[j], ((r, texts[j], widths[j]),)]
            for r, i, k in spans for j in range(max(i, a), min(k, b))]


def _show_flat(flat, a: int, b: int, info, x: float, y: float, tw: float, fsize: str, state: list, code,
               links: list) -> bool:
    """Words ``a`` to ``b`` of a flat paragraph as one show-text operator per run, when every
    word is in the subset of its run's space (as plain text is); False (and nothing written)
    otherwise. The operators are those ``_show`` writes word by word."""
    texts, widths, gaps, spans = flat
    segments = []
    for r, i, k in spans:
        if i < b and k > a:
            lo, hi = max(i, a), min(k, b)
            shown = info[r][0].plain(texts[lo:hi])
            if shown is None:
                return False
            segments.append((r, lo, hi, shown))
    cur_font, cur_fill = state
    buf: list = []
    linked = any(info[r][2] for r, *_ in segments)
    pos = pos_end = link_x = x
    href_now = None
    prev = -1
    for r, lo, hi, shown in segments:
        _, fill, href, (sp_name, sp) = info[r]
        if prev >= 0:  # the space between runs, in the face of the word before it
            name, space = info[prev][3]
            if name != cur_font:
                if buf:
                    code(f"({''.join(buf)}) Tj")
                    buf.clear()
                cur_font = name
                code(f"{name} {fsize} Tf")
            buf.append(space)
        if linked:
            if prev >= 0:
                pos += gaps[lo] + tw
            if href != href_now:
                if href_now:
                    links.append((href_now, link_x, pos_end, y))
                href_now, link_x = href, pos
            pos += widths[lo]
            for j in range(lo + 1, hi):
                pos += gaps[j] + tw
                pos += widths[j]
            pos_end = pos
        if fill is not cur_fill or sp_name != cur_font:
            if buf:
                code(f"({''.join(buf)}) Tj")
                buf.clear()
            if fill is not cur_fill:
                cur_fill = fill
                code(fill)
            if sp_name != cur_font:
                cur_font = sp_name
                code(f"{sp_name} {fsize} Tf")
        buf.append(sp.join(shown))
        prev = r
    if buf:
        code(f"({''.join(buf)}) Tj")
    if href_now:
        links.append((href_now, link_x, pos_end, y))
    state[0], state[1] = cur_font, cur_fill
    return True


def _show(words, info, x: float, y: float, tw: float, fsize: str, state: list, code, links: list) -> None:
    """The text operators for one line of words, run by run; links found on the line go to ``links``."""
    cur_font, cur_fill = state
    buf: list = []  # text of the current show-text operator
    add = buf.append

    def flush() -> None:
        if buf:
            code(f"({''.join(buf)}) Tj")
            buf.clear()

    pos = pos_end = x
    href_now = None  # the link being drawn on this line, from x = link_x
    link_x = 0.0
    last_run = -1
    for word in words:
        if last_run >= 0:
            sp_name, sp = info[last_run][3]
            if sp_name != cur_font:
                flush()
                cur_font = sp_name
                code(f"{sp_name} {fsize} Tf")
            add(sp)
            pos += word[0] + tw
        for i, text, w in word[2]:
            enc, fill, href, _ = info[i]
            last_run = i
            if href != href_now:
                if href_now:
                    links.append((href_now, link_x, pos_end, y))
                href_now, link_x = href, pos
            if fill is not cur_fill:
                flush()
                cur_fill = fill
                code(fill)
            encoded = enc(text)
            if len(encoded) == 1 and encoded[0][0] == cur_font:
                add(encoded[0][1])
            else:
                for name, s in encoded:
                    if name != cur_font:
                        flush()
                        cur_font = name
                        code(f"{name} {fsize} Tf")
                    add(s)
            pos += w
            pos_end = pos
    flush()
    if href_now:
        links.append((href_now, link_x, pos_end, y))
    state[0], state[1] = cur_font, cur_fill


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
