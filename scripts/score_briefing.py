#!/usr/bin/env python3
"""Score the briefing as an editor would: stories found, duplicates left, page one, boilerplate.

Given a folder of articles and their truth files (``truth/NAME.EXT.yaml`` with a ``story:``
id; the same id means the same story or event; an article without one is a story of its
own), prints a Markdown report:

- pairwise story clustering: of all pairs of inputs, those put in one story against those
  the truth puts in one story (precision, recall, F1);
- duplicates left: inputs whose words another annexed article repeats (same text, or the
  same title within one truth story) that were not merged;
- for briefings of 1, 3, 13 and 30 articles (the first N inputs by name, as many as there
  are): summary items, how many are on PDF page 1, boilerplate items in the summary and the
  digest (contact details, or the start of a paragraph the truth lists as ``boilerplate``),
  front-matter pages (before the annex), summary items that do not read alone (opening with
  a word that refers back, or in the first person with no speaker), input file names shown
  in the summary or digest (an outlet must never be one), and private-use characters in the
  PDF's text.

Usage: python scripts/score_briefing.py FOLDER... [--sizes 1,3,13,30] [--distinct N]
Several folders are scored as one collection (each with its own truth/); ``--distinct N``
adds N distinct variants of the fixtures (scripts/distinct_articles.py), each a story of its
own, e.g. to make up 30 articles: ``score_briefing.py fixtures tests/data/stories --distinct 4``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def articles_of(folder: Path) -> list[Path]:
    """The article files of a folder, by name: where a truth folder is present, only the files
    it has a truth file for (a folder's SOURCES.md or README is not an article); else every
    file an article can be read from."""
    from reporter.inputs import article_suffixes  # the endings ingest's format table reads

    suffixes = article_suffixes()
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
    if (folder / "truth").is_dir():
        files = [p for p in files if (folder / "truth" / (p.name + ".yaml")).is_file()]
    return files


def truth_of(folder: Path, files: list[Path]) -> dict[Path, dict]:
    import yaml

    out = {}
    for f in files:
        t = folder / "truth" / (f.name + ".yaml")
        out[f] = (yaml.safe_load(t.read_text(encoding="utf-8")) or {}) if t.is_file() else {}
    return out


def pairwise(predicted: list[str], truth: list[str]) -> tuple[float, float, float]:
    pred = {(i, j) for i, j in itertools.combinations(range(len(predicted)), 2) if predicted[i] == predicted[j]}
    true = {(i, j) for i, j in itertools.combinations(range(len(truth)), 2) if truth[i] == truth[j]}
    tp = len(pred & true)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(true) if true else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _model_sections(document):
    """(summary items, digest texts) of a briefing's document model, as plain text."""
    from reporter.model import BulletList, Heading, plain_text, walk

    summary: list[str] = []
    digest: list[str] = []
    section = None
    for block in document.blocks:
        if isinstance(block, Heading) and block.level == 1:
            section = plain_text(block.children)
            continue
        if section == "Executive summary" and isinstance(block, BulletList):
            summary += [" ".join(plain_text(b.children) for b in item if hasattr(b, "children")) for item in block.items]
        elif section in ("Stories", "The story"):
            for b in walk((block,)):
                if hasattr(b, "children") and not isinstance(b, BulletList):
                    digest.append(plain_text(b.children))
    return summary, digest


def _is_boilerplate(text: str, starts: list[str]) -> bool:
    """Contact details anywhere, or an article's text (one that cites its ``¶N``) opening as
    a paragraph the truth lists as boilerplate: the digest's own line of outlet and date
    may begin with a publisher's name that is also a boilerplate line of its page."""
    from reporter.ingest.boilerplate import contact_details

    t = " ".join(text.split())
    cites = "¶" in t
    return contact_details(t) or (cites and any(s and s.lower() in t.lower()[: len(s) + 2] for s in starts))


def _pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages]


def score_build(files: list[Path], truth: dict[Path, dict], out: Path) -> dict:
    from reporter.pipeline import make_briefing, write_briefing

    briefing = make_briefing(files)
    written = write_briefing(briefing, formats=("pdf",), out_dir=out)
    pages = _pdf_pages(written["pdf"])
    summary, digest = _model_sections(briefing.document)
    first = pages[0].replace(" ", "") if pages else ""
    on_page_one = sum(" ".join(s.split()).replace(" ", "") in first for s in summary)
    starts = [s for f in files for s in (truth[f].get("boilerplate") or [])]
    boiler = sum(_is_boilerplate(t, starts) for t in summary + digest)
    refer = sum(_reads_alone(t) is False for t in summary)
    shown = " ".join(summary + digest)
    file_names = sum(f.name in shown for f in files)
    private = sum("\ue000" <= ch <= "\uf8ff" for p in pages for ch in p)
    # Pages before the annex heading, and the share of the page it starts on that comes before it.
    # (The contents list names the annex too: the heading is its last mention. A brief of one
    # story has no contents list, and its annex may start on page one.)
    at = max((i for i, p in enumerate(pages) if "Annex: the articles" in p), default=None)
    if at is None:
        annex_page = float(len(pages))
    else:
        before, _, after = pages[at].rpartition("Annex: the articles")
        annex_page = at + round(len(before) / max(1, len(before) + len(after)), 1)
    return {"articles": len(files), "stories": len(set(_story_ids(briefing))), "items": len(summary),
            "on_page_one": on_page_one, "boilerplate": boiler, "front_pages": annex_page, "pages": len(pages),
            "refer": refer, "file_names": file_names, "private": private}


def _reads_alone(item: str) -> bool:
    """Whether a summary item reads on its own: it does not open with a word that refers back
    ("These violations...") nor speak in the first person without saying who speaks."""
    from reporter.compose.select import first_person, refers_back

    text = item.split(" — ")[0].strip()
    return not (refers_back(text) or first_person(text))


def _story_ids(briefing) -> list[int]:
    from reporter.stories import group_stories

    grouped = group_stories(briefing.articles)
    return [n for n, s in enumerate(grouped.stories) for _ in s.inputs]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--sizes", default="1,3,13,30")
    ap.add_argument("--distinct", type=int, default=0, help="add N distinct variants of the fixtures")
    args = ap.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1713571200")
    from reporter.ingest import load_articles
    from reporter.stories import _fingerprint, group_stories

    files: list[Path] = []
    truth: dict[Path, dict] = {}
    scratch = tempfile.TemporaryDirectory()
    folders = list(args.folders)
    if args.distinct:
        sys.path.insert(0, str(ROOT / "scripts"))
        from distinct_articles import write_distinct

        extra = Path(scratch.name) / "distinct"
        write_distinct(args.distinct, extra)
        folders.append(extra)
    for folder in folders:
        found = articles_of(folder)
        files += found
        truth.update(truth_of(folder, found))
    articles, owners = [], []
    for f in files:
        for a in load_articles(f):
            articles.append(a)
            owners.append(f)
    grouped = group_stories(articles)
    predicted = [""] * len(articles)
    annexed: list[int] = []
    for n, story in enumerate(grouped.stories):
        annexed += story.members
        for k in story.inputs:
            predicted[k] = str(n)
    true = [str(truth[f].get("story") or f) for f in owners]
    p, r, f1 = pairwise(predicted, true)
    seen_text, seen_title, left = set(), set(), 0
    for k in annexed:
        key_title = (true[k], " ".join(articles[k].title.lower().split()))
        if _fingerprint(articles[k]) in seen_text or key_title in seen_title:
            left += 1
        seen_text.add(_fingerprint(articles[k]))
        seen_title.add(key_title)
    names = " + ".join(f.name for f in args.folders) + (f" + {args.distinct} distinct" if args.distinct else "")
    print(f"Folders: {names} ({len(articles)} articles from {len(files)} files; "
          f"{len(set(true))} stories in the truth, {len(grouped.stories)} found, {grouped.merged} inputs merged)\n")
    print("| pairwise precision | recall | F1 | duplicates left |")
    print("|---:|---:|---:|---:|")
    print(f"| {p:.3f} | {r:.3f} | {f1:.3f} | {left} |\n")
    print("| articles | stories | summary items | on PDF page 1 | boilerplate in summary + digest | front-matter pages | all pages "
          "| items that refer back | file names shown | private-use characters |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted({min(int(x), len(files)) for x in args.sizes.split(",") if x.strip()}):
            s = score_build(files[:n], truth, Path(tmp) / str(n))
            print(f"| {s['articles']} | {s['stories']} | {s['items']} | {s['on_page_one']} | {s['boilerplate']} | "
                  f"{s['front_pages']} | {s['pages']} | {s['refer']} | {s['file_names']} | {s['private']} |")


if __name__ == "__main__":
    main()
