"""The fuzz loop for one reader, run by ``test_fuzz.py`` in a child process under resource limits.

Usage: python fuzz_child.py READER EXAMPLES. Each example is written to a fresh folder and
given to the CLI in this process (click's ``main``): the exit must be 0 or 2, stderr must
hold no traceback, and the output folder nothing but what a success wrote.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reporter.cli import main

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Text that looks like articles some of the time and like garbage the rest.
chunks = st.sampled_from(["\n", "\n\n", "# ", "## ", "---\n", "title: ", "* ", "1. ", "\u202e", "\x00", "\ufeff",
                          "<p>", "</p>", "<script>", "&amp;", "&#0;", "{", "}", "[", "]", '"', ":", "\\", "`",
                          "said", "The minister said on Monday.", "2024-04-20", "$5 million", "«", "»", "\r"])
texts = st.lists(st.one_of(chunks, st.text(max_size=40)), max_size=60).map("".join)


def _json(draw_value) -> str:
    return json.dumps(draw_value)


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                           lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                               st.sampled_from(["title", "body", "text", "url", "published", "author", "paragraphs",
                                                "x"]), kids, max_size=5), max_leaves=20)


def _docx(body: str, parts: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{R}/officeDocument" '
                                  'Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>')
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


docx_elements = st.sampled_from(["<w:p/>", "<w:p><w:r><w:t>Text</w:t></w:r></w:p>", "<w:tbl>", "</w:tbl>",
                                 '<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>H</w:t></w:r></w:p>',
                                 "<w:sectPr/>", "<w:r>", "</w:p>", "&#x202e;", "<!DOCTYPE x>", "<w:hyperlink r:id='x'>"])
docx_files = st.builds(_docx, st.lists(docx_elements | st.text(max_size=10), max_size=30).map("".join),
                       st.dictionaries(st.sampled_from(["word/styles.xml", "word/numbering.xml",
                                                        "word/_rels/document.xml.rels", "docProps/core.xml"]),
                                       st.binary(max_size=200) | texts.map(str.encode), max_size=3))

READERS = {
    "text": (".txt", texts.map(str.encode)),
    "markdown": (".md", texts.map(lambda t: ("---\ntitle: x\n---\n" + t).encode())),
    "json": (".json", json_values.map(lambda v: json.dumps(v).encode())),
    "yaml": (".yaml", texts.map(str.encode)),
    "html": (".html", texts.map(lambda t: f"<html><head><title>T</title></head><body>{t}</body></html>".encode())),
    "docx": (".docx", docx_files),
}


def run(reader: str, examples: int) -> None:
    suffix, files = READERS[reader]

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(files)
    def check(data: bytes) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            src = Path(tmp) / f"input{suffix}"
            src.write_bytes(data)
            out = Path(tmp) / "out"
            args = (["export", str(src), "--format", "docx", "--out", str(out)] if reader == "docx"
                    else ["build", str(src), "--format", "docx", "--out", str(out)])
            err = io.StringIO()
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                try:
                    main(args, standalone_mode=True)
                    code = 0
                except SystemExit as exc:
                    code = exc.code or 0
            assert code in (0, 2), (code, err.getvalue(), data[:300])
            assert "Traceback" not in err.getvalue()
            left = sorted(p.name for p in out.iterdir()) if out.exists() else []
            if code == 2:
                assert left == [], left
            else:
                assert all(not n.endswith(".part") for n in left), left

    check()


if __name__ == "__main__":
    run(sys.argv[1], int(sys.argv[2]))
