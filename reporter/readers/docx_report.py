"""What could not be carried over from a DOCX, counted while reading and told once per kind."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

# kind -> (singular, plural, what happened); the order is the order warnings are printed in.
_LEFT_OUT = {
    "comment": ("comment", "comments", "left out (comments are not part of the PDF)"),
    "textbox": ("text box", "text boxes", "moved into the body as plain paragraphs"),
    "object": ("embedded object (OLE)", "embedded objects (OLE)", "left out"),
    "footnote": ("footnote", "footnotes", "left out, with their reference marks"),
    "endnote": ("endnote", "endnotes", "left out, with their reference marks"),
    "chart": ("chart", "charts", "left out"),
    "smartart": ("SmartArt diagram", "SmartArt diagrams", "left out"),
    "shape": ("drawing shape", "drawing shapes", "left out"),
    "math": ("equation", "equations", "kept as plain text"),
    "picture_format": ("picture that is damaged or not PNG, JPEG, GIF, BMP or TIFF",
                       "pictures that are damaged or not PNG, JPEG, GIF, BMP or TIFF", "left out"),
    "picture_linked": ("linked (not embedded) picture", "linked (not embedded) pictures", "left out"),
    "picture_missing": ("picture whose image part is missing", "pictures whose image parts are missing",
                        "left out"),
    "picture_in_table": ("picture inside a table", "pictures inside tables", "left out"),
    "nested_table": ("table nested in a table cell", "tables nested in table cells",
                     "flattened into their cell's text"),
    "altchunk": ("embedded HTML or RTF chunk (altChunk)", "embedded HTML or RTF chunks (altChunk)", "left out"),
}


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    comment_ids: set = field(default_factory=set)

    def add(self, kind: str, n: int = 1) -> None:
        self.counts[kind] += n

    def warnings(self) -> list[str]:
        out = []
        c = self.counts
        tracked = [(c["ins"], "insertion", "insertions"), (c["del"], "deletion", "deletions"),
                   (c["move"], "move", "moves"), (c["format"], "formatting change", "formatting changes")]
        parts = [_n(k, one, many) for k, one, many in tracked if k]
        if parts:
            out.append(f"tracked changes were accepted ({', '.join(parts)})")
        c["comment"] = len(self.comment_ids)
        for kind, (one, many, what) in _LEFT_OUT.items():
            if c[kind]:
                verb = "was" if c[kind] == 1 else "were"
                out.append(f"{_n(c[kind], one, many)} {verb} {what}")
        return out
