"""Every WordprocessingML part we write is valid against the ISO/IEC 29500 transitional schema.

Word repairs (or refuses) what LibreOffice forgives, so reading our DOCX back with python-docx
or LibreOffice proves little about Word. The RELAX NG schemas live in the shared folder beside
the repository (``shared/ooxml-rnc``); ``jing`` checks each part against its schema. The
markup-compatibility attribute ``mc:Ignorable`` is outside those schemas, so its messages are
ignored (Word reads it; it is how the parts declare the extensions they may carry).
"""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from collections import defaultdict
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import IN_CI, ROOT, SAMPLE, require_tool, run_reporter

SCHEMAS = ROOT.parent / "shared" / "ooxml-rnc"

# Part name pattern -> schema file. A part we write that is not listed here fails the test, so a
# new kind of part cannot slip in unchecked. The OPC parts ([Content_Types].xml, *.rels,
# docProps/core.xml) are not in the ISO/IEC 29500-1 schema set and are not checked here.
PART_SCHEMAS = (
    (r"word/document\.xml", "WordprocessingML_Main_Document.rnc"),
    (r"word/styles\.xml", "WordprocessingML_Style_Definitions.rnc"),
    (r"word/numbering\.xml", "WordprocessingML_Numbering_Definitions.rnc"),
    (r"word/settings\.xml", "WordprocessingML_Document_Settings.rnc"),
    (r"word/fontTable\.xml", "WordprocessingML_Font_Table.rnc"),
    (r"word/webSettings\.xml", "WordprocessingML_Web_Settings.rnc"),
    (r"word/header\d*\.xml", "WordprocessingML_Header.rnc"),
    (r"word/footer\d*\.xml", "WordprocessingML_Footer.rnc"),
    (r"word/footnotes\.xml", "WordprocessingML_Footnotes.rnc"),
    (r"word/endnotes\.xml", "WordprocessingML_Endnotes.rnc"),
    (r"word/comments\.xml", "WordprocessingML_Comments.rnc"),
    (r"word/theme/theme\d*\.xml", "DrawingML_Theme.rnc"),
    (r"docProps/app\.xml", "Shared_Extended_File_Properties.rnc"),
    (r"docProps/custom\.xml", "Shared_Custom_File_Properties.rnc"),
)
UNCHECKED = re.compile(r"(\[Content_Types\]\.xml|.*\.rels|docProps/core\.xml|word/media/.*)")


def schema_for(part: str) -> str | None:
    for pattern, schema in PART_SCHEMAS:
        if re.fullmatch(pattern, part):
            return schema
    return None


def _grammar(schema: str) -> tuple[str, str]:
    """A schema file's text without its ``start`` line, and the pattern that line names."""
    text = (SCHEMAS / schema).read_text()
    start = re.search(r"^start = (\w+)[ \t]*$", text, re.M)
    assert start, f"{schema}: no start pattern"
    return text[:start.start()] + text[start.end():], start[1]


def _root(schema: str) -> str:
    """The root element a schema allows, as ``{namespace}name``, read from the file that defines
    its start pattern: the joint check below needs it to keep each part to its own schema."""
    body, start = _grammar(schema)
    for include in re.findall(r'^include "([^"]+)"', body, re.M):
        text = (SCHEMAS / include).read_text()
        element = re.search(rf"^{start} = element (?:(\w+):)?(\w+) \{{", text, re.M)
        if element:
            declared = rf"namespace {element[1]}" if element[1] else r"default namespace(?: \w+)?"
            namespace = re.search(rf'^(?:default )?{declared} =\s*"([^"]*)"', text, re.M)
            assert namespace, f"{include}: no namespace for {start}"
            return f"{{{namespace[1]}}}{element[2]}"
    raise AssertionError(f"{schema}: {start} is not an element in its includes")


def _joint_schema(schemas: set[str], workdir: Path) -> Path:
    """One RELAX NG grammar allowing the root of each of ``schemas``, so that one jing run (one
    JVM, each included grammar compiled once) checks every part: the JVM start and the schema
    compilation were most of the cost, once per schema. The WordprocessingML schemas differ only
    in their start pattern, so those sharing a text become one nested grammar with their starts
    as a choice; each nested grammar keeps its own names. The roots are distinct, so a part valid
    against this choice is valid against the schema its root names (the caller checks that this
    is the part's own schema)."""
    starts: dict[str, list[str]] = defaultdict(list)
    first: dict[str, str] = {}
    for schema in sorted(schemas):
        body, start = _grammar(schema)
        starts[body].append(start)
        first.setdefault(body, schema)
    choices = [f'grammar {{ include "{(SCHEMAS / first[body]).as_uri()}" {{ start = {" | ".join(names)} }} }}'
               for body, names in starts.items()]
    path = workdir / "joint-schema.rnc"
    path.write_text("start =\n  " + "\n  | ".join(choices) + "\n")
    return path


def schema_errors(docs: list[Path], workdir: Path) -> list[str]:
    """jing's messages for every checked part of ``docs`` (empty when all are valid), and one
    message for each part whose root element is not the one its schema allows."""
    jing = require_tool("jing")
    if not SCHEMAS.is_dir():
        msg = f"the OOXML schemas are not at {SCHEMAS}"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    by_schema: dict[str, list[Path]] = defaultdict(list)
    unknown, errors = [], []
    for n, docx in enumerate(docs):
        with zipfile.ZipFile(docx) as z:
            for name in z.namelist():
                schema = schema_for(name)
                if schema is None:
                    if not UNCHECKED.fullmatch(name):
                        unknown.append(f"{docx.name}: {name}")
                    continue
                target = workdir / f"{n}-{docx.stem}" / name
                target.parent.mkdir(parents=True, exist_ok=True)
                data = z.read(name)
                target.write_bytes(data)
                by_schema[schema].append(target)
                root = next(ElementTree.iterparse(io.BytesIO(data), events=("start",)))[1].tag
                if root != _root(schema):
                    errors.append(f"{docx.name}: {name}: root element {root}, {schema} allows {_root(schema)}")
    assert not unknown, f"parts with no schema mapping: {unknown}"
    assert len(by_schema["WordprocessingML_Main_Document.rnc"]) == len(docs)
    files = [f for group in by_schema.values() for f in group]
    run = subprocess.run([jing, "-c", str(_joint_schema(set(by_schema), workdir)), *map(str, files)],
                         capture_output=True, text=True, timeout=300)
    for line in (run.stdout + run.stderr).splitlines():
        if line.startswith("[warning]") or "mc:Ignorable" in line or not line.strip():
            continue
        errors.append(line.replace(str(workdir), ""))
    return errors


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> list[Path]:
    """The sample briefing, one briefing of every fixture together, and a document with every block kind."""
    from test_docx_writer import briefing

    from reporter.writers.docx import write

    out = tmp_path_factory.mktemp("schema")
    every_block = out / "every-block.docx"
    write(briefing(), every_block)
    fixtures = sorted(str(p) for p in (ROOT / "fixtures").iterdir() if p.is_file())
    docs = [every_block]
    for name, args in (("sample", [str(SAMPLE), "--marking", "TLP:AMBER"]), ("all", fixtures)):
        result = run_reporter("build", *args, "--format", "docx", "--out", str(out / name))
        assert result.returncode == 0, result.stderr
        docs += sorted((out / name).glob("*.docx"))
    return docs


def test_every_part_we_write_is_schema_valid(built, tmp_path):
    """The sample, every fixture together, every block kind, and the shipped reference document."""
    assert schema_errors([*built, ROOT / "templates" / "reference.docx"], tmp_path) == []


def test_the_check_finds_an_invalid_part(built, tmp_path):
    """The check itself can fail: an element Word does not know in the body is reported."""
    bad = tmp_path / "bad.docx"
    with zipfile.ZipFile(built[0]) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body><w:bogus/>", 1)
            dst.writestr(item, data)
    errors = schema_errors([bad], tmp_path)
    assert any("w:bogus" in e for e in errors), errors
