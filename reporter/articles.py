"""Ingest: article files of every kind become one typed ``Article``.

Readers for plain text (as scraped), Markdown with YAML front matter, JSON and
YAML records, and HTML pages (trafilatura, offline). Whatever the format, text is
cleaned the same way (control characters, mojibake, junk lines) and anything that
cannot be an article stops with an ``InputError`` naming the file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .analysis.facts import KeyFigure, Quotation
from .errors import InputError
from .model import pickle_by_fields


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]  # cleaned body paragraphs; the briefing numbers them from 1 (¶N)
    subheadings: tuple[tuple[int, str], ...] = ()  # (0-based index of the paragraph it precedes, text)
    url: str | None = None
    source: str | None = None  # the outlet or site that published it
    published: date | None = None
    author: str | None = None
    path: str = ""  # the file it was read from
    raw_text: str = ""  # the text as read, before cleaning
    quotes: tuple[Quotation, ...] | None = None  # curated quotations replace extracted ones
    figures: tuple[KeyFigure, ...] | None = None  # curated figures replace extracted ones
    place: str | None = None  # where it was filed (from a dateline)
    lists: tuple[tuple[int, str], ...] = ()  # (¶N, "bullet" or "number") of paragraphs that are list items
    boilerplate: tuple[int, ...] = ()  # numbers (¶N) of paragraphs about the release, not the story


pickle_by_fields(Article)  # sent to the worker that analyses half of a long briefing


# --------------------------------------------------------------------------
# Cleaning shared by every reader

MAX_FILE_BYTES = 50 * 1024 * 1024

JUNK_LINES = frozenset(
    "close,menu,share,print,email,subscribe,advertisement,advertising,read more,related,"
    "tweet,facebook,twitter,linkedin,whatsapp,copy link,back to top,search,home,login,log in,"
    "sign in,sign up,accept all,newsletter,×,✕,x,skip to content,share this article,"
    "related articles,listen to this article,more,next,previous".split(",")
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff\ufffe\uffff]")
_MOJIBAKE = re.compile(r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                       r"\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}")
_BINARY_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_MOJIBAKE_LEAD = re.compile(r"[\u00c2-\u00f4]")


def _fix_mojibake(match: re.Match[str]) -> str:
    s = match.group(0)
    try:
        return s.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def clean_text(text: str) -> str:
    """Normalise text so that what the briefing quotes is what a reader sees.

    NFC; UTF-8 read as cp1252 (``â€™``) repaired; control and zero-width characters
    dropped; runs of spaces folded. Newlines are kept: they carry structure.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _MOJIBAKE_LEAD.search(text):
        text = _MOJIBAKE.sub(_fix_mojibake, text)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if "  " in text or _ODD_SPACE.search(text):  # else there is nothing to fold: skip the slow pass
        text = _SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def is_junk_line(line: str) -> bool:
    s = line.strip().lower()
    return not s or s in JUNK_LINES or not any(ch.isalnum() for ch in s)


def _looks_like_subheading(block: str) -> bool:
    """A short single line without final punctuation, as scraped section titles are."""
    if "\n" in block or len(block) > 90 or len(block.split()) > 12 or LIST_LINE.match(block):
        return False
    return block[-1] not in ".!?:;,\"”’'…)]" and block[0] not in "“\"‘'"


LIST_LINE = re.compile(r"(?:[-*•‣▪]|\d{1,3}[.)])\s+\S")  # "- item", "• item", "3. item", "3) item"


def split_blocks(text: str) -> list[str]:
    """Blank-line separated blocks; lines inside a block are joined (hard-wrapped text),
    except in a list, where each item line ("- ...", "2. ...") stays a block of its own."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [ln for ln in chunk.split("\n") if ln.strip()]
        lines = [ln for ln in lines if not is_junk_line(ln)]
        items = [ln for ln in lines if LIST_LINE.match(ln.strip())]
        if len(items) >= 2 and LIST_LINE.match(lines[-1].strip()) and len(items) >= len(lines) - 1:
            # An introducing line may come first; wrapped item lines join their item.
            out: list[str] = []
            for ln in lines:
                if LIST_LINE.match(ln.strip()) or not out:
                    out.append(ln.strip())
                else:
                    out[-1] += " " + ln.strip()
            blocks.extend(out)
        elif lines:
            blocks.append(" ".join(ln.strip() for ln in lines))
    return blocks


def body_from_blocks(blocks: list[str]) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
    paragraphs: list[str] = []
    subheadings: list[tuple[int, str]] = []
    for block in blocks:
        if _looks_like_subheading(block):
            subheadings.append((len(paragraphs), block))
        else:
            paragraphs.append(block)
    # A short line after the last paragraph heads nothing: it is text (a contact line, a credit).
    body_end = len(paragraphs)
    paragraphs.extend(h for i, h in subheadings if i >= body_end)
    return tuple(paragraphs), tuple((i, h) for i, h in subheadings if i < body_end)


def parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        pass
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y", "%Y/%m/%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"cannot read the date {s[:40]!r} (use YYYY-MM-DD)")


# --------------------------------------------------------------------------
# Reading bytes safely


def read_text_file(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"file is too large ({size // 1_000_000} MB; the limit is 50 MB)", path)
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a directory, not an article file", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None
    if not data.strip():
        raise InputError("file is empty", path)
    head = data[:4096]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("looks like a binary file, not article text", path)
    try:
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex().upper()
        raise InputError(f"is not UTF-8 text (byte 0x{bad} at offset {exc.start})", path) from None
    controls = len(_BINARY_CONTROLS.findall(text, 0, 20000))
    if controls > max(8, len(text[:20000]) // 50):
        raise InputError("looks like a binary file, not article text", path)
    if not clean_text(text).strip():
        raise InputError("file has no text (only whitespace or control characters)", path)
    return text


# --------------------------------------------------------------------------
# Readers, one per format


def read_plain_text(text: str, path: Path) -> Article:
    blocks = split_blocks(clean_text(text))
    if not blocks:
        raise InputError("file has no article text", path)
    title, rest = blocks[0], blocks[1:]
    paragraphs, subheadings = body_from_blocks(rest)
    if not paragraphs:
        raise InputError("file has a title but no paragraphs of text", path)
    return Article(title=title, paragraphs=paragraphs, subheadings=subheadings, path=str(path), raw_text=text)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _markdown_body(md: str) -> tuple[str | None, tuple[str, ...], tuple[tuple[int, str], ...]]:
    """Paragraphs and subheadings of a Markdown body; the first level-1 heading is its title."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark", {"html": False}).enable("table").parse(md)
    title: str | None = None
    paragraphs: list[str] = []
    subheadings: list[tuple[int, str]] = []
    in_heading: str | None = None
    lists: list[list[int]] = []  # open lists: [next number], or [-1] for bullets
    for tok in tokens:
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            lists.append([int(tok.attrs.get("start", 1)) if tok.type == "ordered_list_open" else -1])
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif tok.type == "list_item_open":
            lists[-1].append(0)  # the item's first paragraph is still to come
        elif tok.type == "heading_open":
            in_heading = tok.tag
        elif tok.type == "heading_close":
            in_heading = None
        elif tok.type == "inline":
            text = _inline_plain(tok)
            if not text.strip() or is_junk_line(text):
                continue
            if in_heading == "h1" and title is None and not paragraphs:
                title = text
            elif in_heading:
                subheadings.append((len(paragraphs), text))
            elif lists and len(lists[-1]) > 1 and lists[-1][-1] == 0:
                lists[-1][-1] = 1
                number = lists[-1][0]
                if number >= 0:
                    lists[-1][0] += 1
                paragraphs.append(f"{number}. {text}" if number >= 0 else f"- {text}")  # marked as a list item
            else:
                paragraphs.append(text)
    return title, tuple(paragraphs), tuple((i, h) for i, h in subheadings if i < len(paragraphs))


def _inline_plain(tok) -> str:
    parts = []
    for child in tok.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())


def read_markdown(text: str, path: Path) -> Article:
    import yaml

    text = clean_text(text)
    meta: dict[str, Any] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as exc:
            raise InputError(f"front matter is not valid YAML ({_yaml_problem(exc)})", path) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError("front matter must be a mapping of fields (title: ..., url: ...)", path)
        meta = loaded or {}
        text = text[m.end():]
    title, paragraphs, subheadings = _markdown_body(text)
    record = {**meta, "body": list(paragraphs)}
    if not record.get("title"):
        record["title"] = title
    article = article_from_record(record, path, raw_text=text)
    return _replace(article, subheadings=subheadings)


def _yaml_problem(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "syntax error"
    return f"{problem} at line {mark.line + 1}" if mark else str(problem)


def _replace(article: Article, **changes: Any) -> Article:
    from dataclasses import replace

    return replace(article, **changes)


def article_from_record(record: Any, path: Path, raw_text: str = "") -> Article:
    """A JSON/YAML/front-matter record, validated, as an Article."""
    from .records import validate_record

    rec = validate_record(record, path)
    if isinstance(rec.body, str):
        paragraphs, subheadings = body_from_blocks(split_blocks(clean_text(rec.body)))
    else:
        paragraphs = tuple(p for p in (" ".join(clean_text(x).split()) for x in rec.body) if p)
        subheadings = ()
    if not paragraphs:
        raise InputError("article has no body text", path)
    title = " ".join(clean_text(rec.title).split())
    if not title:
        raise InputError("article has no title", path)
    quotes = None
    if rec.quotes is not None:
        quotes = tuple(
            Quotation(text=clean_text(q.text).strip(), speaker=q.speaker, role=q.role, paragraph=q.paragraph or 0)
            for q in rec.quotes
        )
    figures = None
    if rec.figures is not None:
        figures = tuple(
            KeyFigure(value=f.value, number=f.number, unit=f.unit, what=f.what, paragraph=f.paragraph or 0)
            for f in rec.figures
        )
    return Article(
        title=title, paragraphs=paragraphs, subheadings=subheadings, url=rec.url, source=rec.source,
        published=rec.published, author=rec.author, path=str(path), raw_text=raw_text,
        quotes=quotes, figures=figures,
    )


def read_json(text: str, path: Path) -> list[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})", path) from None
    return _records(data, path, text)


def read_yaml(text: str, path: Path) -> list[Article]:
    import yaml

    try:
        docs = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as exc:
        raise InputError(f"is not valid YAML ({_yaml_problem(exc)})", path) from None
    data: Any = docs[0] if len(docs) == 1 else docs
    return _records(data, path, text)


def _records(data: Any, path: Path, text: str) -> list[Article]:
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        if not data:
            raise InputError("holds an empty list: no articles", path)
        out = []
        for i, rec in enumerate(data, 1):
            try:
                out.append(article_from_record(rec, path, raw_text=text))
            except InputError as exc:
                raise InputError(f"article {i}: {exc.message}", path) from None
        return out
    return [article_from_record(data, path, raw_text=text)]


def read_html(text: str, path: Path) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(
        text, with_metadata=True, include_formatting=True, include_comments=False,
        include_tables=False, favor_precision=True,
    )
    if doc is None or not (getattr(doc, "text", None) or "").strip():
        raise InputError("no article text found in this HTML page", path)
    title, paragraphs, subheadings = _markdown_body(clean_text(doc.text))
    title = " ".join(clean_text(doc.title or title or "").split())
    if not paragraphs:
        raise InputError("no article paragraphs found in this HTML page", path)
    if not title:
        title, paragraphs = paragraphs[0], paragraphs[1:]
        subheadings = tuple((i - 1, h) for i, h in subheadings if i >= 1)
    try:
        published = parse_date(doc.date)
    except ValueError:
        published = None
    return Article(
        title=title, paragraphs=paragraphs, subheadings=subheadings, url=doc.url or None,
        source=doc.sitename or None, published=published, author=doc.author or None,
        path=str(path), raw_text=text,
    )


READERS = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".json": "json", ".yaml": "yaml", ".yml": "yaml",
    ".html": "html", ".htm": "html",
}


def detect_format(path: Path, text: str) -> str:
    fmt = READERS.get(path.suffix.lower())
    if fmt:
        return fmt
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if head.startswith(("{", "[")):
        return "json"
    if head.startswith("---"):
        return "markdown"
    return "text"


def load_articles(path: str | Path) -> list[Article]:
    """Read one file into one or more articles (a JSON/YAML file may hold a list)."""
    return [_without_boilerplate(a) for a in _read_articles(Path(path))]


def _without_boilerplate(article: Article) -> Article:
    """The one place every reader's article passes: boilerplate marked, byline and dateline read."""
    from .ingest.boilerplate import strip_boilerplate

    c = strip_boilerplate(article.paragraphs, article.subheadings)
    return _replace(article, paragraphs=c.paragraphs, subheadings=c.subheadings, boilerplate=c.boilerplate,
                    lists=c.lists,
                    author=article.author or c.author, place=article.place or c.place,
                    source=article.source or c.source,
                    published=article.published or c.published)


def _read_articles(path: Path) -> list[Article]:
    text = read_text_file(path)
    fmt = detect_format(path, text)
    match fmt:
        case "text":
            return [read_plain_text(text, path)]
        case "markdown":
            return [read_markdown(text, path)]
        case "json":
            return read_json(text, path)
        case "yaml":
            return read_yaml(text, path)
        case "html":
            return [read_html(text, path)]
    raise InputError(f"unknown article format {fmt!r}", path)
