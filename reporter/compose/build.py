"""Builders: small functions from the briefing's data to document-model blocks.

In the manner of pandoc's ``Text.Pandoc.Builder``: the summary, each story's digest, the
key-figures table and the appendix's capped lists are made here from the context's dicts,
never written out as Markdown to be parsed back. The template keeps the order and the
headings of the sections and calls these as helpers (``summary_list(summary, stories)``,
``digest(story, numbered)``, ``figures_table(figures, more, multiple)``, ...); each returns
its blocks through ``Values.blocks_of`` like ``article_body``.

Text from articles goes into ``Text`` as it is (one line, white space folded), so it can
never become structure; links follow the one URL policy of ``compose.link_inline``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

from ..dates import date_label
from ..model import Block, BulletList, Div, Emph, Heading, Inline, Meta, Paragraph, Quote, Strong, Table, Text

LinkFn = Callable[[Any, Any], Inline | None]

TITLE_BLOCK = "Title Block"  # the Div both writers render as the title block
SOURCES_LEAD = "Sources: "
SOURCES_SHOWN = 5


def byline_parts(meta: Meta) -> list[str]:
    """The byline's parts that have something to say: "date · Prepared for X · Prepared by Y",
    the date left out when the subtitle already says it. The DOCX reader parses this line back
    into ``Meta`` (``readers.docx_assemble``), so its parts are spelled in one place."""
    said = date_label(meta.date) if meta.date.strip() else ""
    parts = [said] if said and said not in meta.subtitle else []
    if meta.prepared_for.strip():
        parts.append(f"Prepared for {meta.prepared_for}")
    if meta.author.strip():
        parts.append(f"Prepared by {meta.author}")
    return parts


def title_block(meta: Meta, sources: Sequence[str] = (), unnamed: int = 0) -> Div:
    """The title block as one model block, so the DOCX and the PDF say the same things: title,
    subtitle, byline (date, prepared for, prepared by), marking and the outlets the briefing
    draws on (the first few, "and N more"; ``unnamed``: stories whose articles name no
    publisher, counted after them), each a paragraph in its named style."""
    def one_line(value: str) -> str:
        return " ".join(value.split())

    out: list[Block] = []
    for text, style in ((meta.title, "Title"), (meta.subtitle, "Subtitle"),
                        (" \u00b7 ".join(byline_parts(meta)), "Source"), (meta.marking, "Marking")):
        if text.strip():
            out.append(Paragraph((Text(one_line(text)),), style=style))
    names = [one_line(n) for n in dict.fromkeys(sources) if n and n.strip()]
    if names:
        more = len(names) - SOURCES_SHOWN
        listed = "; ".join(names[:SOURCES_SHOWN]) + (f"; and {more} more" if more > 0 else "")
        if unnamed:
            listed += f"; {unnamed} {'story' if unnamed == 1 else 'stories'} with no named publisher"
        out.append(Paragraph((Text(SOURCES_LEAD + listed),), style="Source"))
    return Div(TITLE_BLOCK, tuple(out))


class Builder:
    """Block builders sharing one way of cleaning text and of making links."""

    def __init__(self, clean: Callable[[Any], str], link: LinkFn):
        self.clean = clean
        self._link = link

    # ---- inlines -------------------------------------------------------

    def inlines(self, *parts: Inline | str | None) -> tuple[Inline, ...]:
        """Strings and inlines in a row, neighbouring texts merged, empty ones dropped."""
        out: list[Inline] = []
        for part in parts:
            if part is None:
                continue
            if isinstance(part, str):
                part = Text(part)
            if isinstance(part, Text):
                if not part.text:
                    continue
                if out and isinstance(out[-1], Text):
                    out[-1] = Text(out[-1].text + part.text)
                    continue
            out.append(part)
        return tuple(out)

    def text(self, value: Any) -> str:
        return self.clean(value) if value is not None else ""

    def link(self, label: Any, url: Any) -> Inline | None:
        return self._link(label, url)

    def ref(self, r: dict, label_key: str = "ref") -> Inline | None:
        """A reference's link: to its paragraph in the annex, else to the article, else text."""
        return self.link(r[label_key], r["target"])

    def joined(self, pieces: Iterable[tuple[Inline | str | None, ...]], sep: str) -> list[Inline | str | None]:
        out: list[Inline | str | None] = []
        for i, piece in enumerate(pieces):
            if i:
                out.append(sep)
            out.extend(piece)
        return out

    # ---- blocks --------------------------------------------------------

    def para(self, *parts: Inline | str | None, anchor: str | None = None) -> Paragraph:
        return Paragraph(self.inlines(*parts), anchor=anchor)

    def bullets(self, paragraphs: Sequence[Paragraph]) -> list[Block]:
        return [BulletList(tuple((p,) for p in paragraphs))] if paragraphs else []

    def table(self, header: Sequence[str], rows: Iterable[Sequence[tuple[Inline, ...]]], align: Sequence[str],
              caption: str | None = None) -> Table:
        return Table(tuple((Text(h),) for h in header), tuple(tuple(r) for r in rows), tuple(align), caption)

    def cell(self, *parts: Inline | str | None) -> tuple[Inline, ...]:
        return self.inlines(*parts)

    def more(self, n: int, what: str) -> list[Block]:
        return [self.para(f"And {n} more {what}.")] if n else []

    # ---- the briefing's parts ------------------------------------------

    def summary_list(self, summary: Sequence[dict], stories: Sequence[dict]) -> list[Block]:
        """The executive summary: one item per point, ending with its outlet, date and ¶ link."""
        if not summary:
            return [self.para("No key points could be drawn from the articles.")]
        items = []
        for p in summary:
            story = stories[p["story"] - 1]
            when = f", {self.text(p['when'])}" if p.get("when") else ""
            sources = ((" · ", self.link(f"{story['n_sources']} sources", "#" + story["anchor"]))
                       if story["n_sources"] > 1 else ())
            # With one story, an outlet that names no publisher (the title's first words, see
            # stories.label) would repeat the headline after every item: the date and ¶ say it.
            source = ("" if len(stories) == 1 and not p.get("named", True) else self.text(p["outlet"]))
            lead = f"{source}{when}, " if source else (f"{when[2:]}, " if when else "")
            items.append(self.para(f"{self.text(p['text'])} — {lead}",
                                   self.ref(p, "mark"), *sources))
        return self.bullets(items)

    @staticmethod
    def outlet_line(o: dict) -> str:
        """An outlet under a story's headline. One that names no publisher is labelled by its
        title's first words elsewhere (``stories.label``); under the headline that is the
        headline again, so it says where the text is instead."""
        if o.get("named", True):
            return o["name"]
        if o.get("article") and str(o.get("target", "")).startswith("#"):
            return f"Annex article {o['article']}, no named publisher"
        return "No named publisher"

    def digest(self, s: dict, numbered: bool, figures: bool = True) -> list[Block]:
        """One story: headline, outlets and dates, sentences, figures, disagreements, a quotation."""
        title = f"{s['n']}. {self.text(s['title'])}" if numbered else self.text(s["title"])
        out: list[Block] = [Heading(2, (Text(title),), s["anchor"])]
        outlets = self.joined(((self.link(self.outlet_line(o), o["target"]), f" ({o['date']})" if o.get("date") else None)
                               for o in s["outlets"]), "; ")
        lead = f"{s['n_sources']} sources: " if s["n_sources"] > 1 else None
        out.append(self.para(Emph(self.inlines(lead, *outlets))))
        out += self.bullets([self.para(f"{self.text(p['text'])} ", self.ref(p)) for p in s["points"]])
        if figures and s["figures"]:
            listed = self.joined(((f"{self.text(f['value'])} {self.text(f['what'])} (", self.ref(f), ")")
                                  for f in s["figures"]), "; ")
            out.append(self.para(Strong((Text("Key figures:"),)), " ", *listed, "."))
        for d in s["disagreements"]:
            claims = self.joined(((f"{self.text(c['value'])} ({self.text(c['outlet'])}, ", self.ref(c), ")")
                                  for c in d["claims"]), " against ")
            out.append(self.para(Strong((Text("Sources differ"),)), f" on {self.text(d['what'])}: ", *claims, "."))
        if q := s.get("quote"):
            role = f", {self.text(q['role'])}" if q.get("role") else ""
            attribution = self.inlines(Strong((Text(self.text(q["speaker"])),)), f"{role} · ", self.ref(q))
            out.append(Quote((self.para(f"“{self.text(q['text'])}”"),), attribution))
        return out

    def figures_table(self, figures: Sequence[dict], more: int, multiple: bool) -> list[Block]:
        if not figures:
            return []
        caption = ("The leading figures of each story" + (f", and {more} more in the articles" if more else "")
                   + ". Ref. gives the " + ("article number and " if multiple else "") + "paragraph (¶).")
        rows = [(self.cell(self.text(f["value"])), self.cell(self.text(f["what"])), self.cell(self.ref(f)))
                for f in figures]
        return [self.table(("Figure", "What it counts", "Ref."), rows, ("right", "left", "right"), caption)]

    def timeline_table(self, timeline: Sequence[dict], more: int) -> list[Block]:
        if not timeline:
            return []
        rows = [(self.cell(self.text(e["date_label"])), self.cell(self.text(e["event"])), self.cell(self.ref(e)))
                for e in timeline]
        return [self.table(("Date", "Event", "Ref."), rows, ("left", "left", "right"))] + self.more(
            more, "dated events in the articles")

    def actors(self, people: Sequence[dict], people_more: int, organizations: Sequence[dict], organizations_more: int,
               places: Sequence[str], places_more: int) -> list[Block]:
        out: list[Block] = []
        if people:
            rows = [(self.cell(self.text(p["name"])), self.cell(self.text(p.get("role") or ""))) for p in people]
            out.append(self.table(("Person", "Role as stated"), rows, ("left", "left")))
            out += self.more(people_more, "people named in the articles")
        for label, names, n in (("Organisations:", [o["label"] for o in organizations], organizations_more),
                                ("Places:", list(places), places_more)):
            if names:
                sep = "; " if label == "Organisations:" else ", "
                tail = f"; and {n} more" if n else ""
                out.append(self.para(Strong((Text(label),)), " " + sep.join(self.text(x) for x in names) + tail + "."))
        return out

    def sources_table(self, sources: Sequence[dict], more: int, shown: int = 6) -> list[Block]:
        if not sources:
            return []
        rows = []
        for s in sources:
            refs = self.joined(((self.ref(r),) for r in s["refs"][:shown]), ", ")
            extra = f" and {len(s['refs']) - shown} more" if len(s["refs"]) > shown else None
            url = ("; " if s["refs"] else None, self.link(s["url_label"], s["url"])) if s.get("url") else ()
            rows.append((self.cell(self.text(s["name"])), self.cell(*refs, extra, *url)))
        return [self.table(("Source", "Cited at"), rows, ("left", "left"))] + self.more(
            more, "sources cited in the articles")
