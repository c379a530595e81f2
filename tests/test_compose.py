"""Compose: template values stay text; the Markdown the template writes becomes the model."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.compose import Values, compose, parse_markdown, render_markdown
from reporter.errors import InputError
from reporter.model import (
    BulletList, Heading, Link, Meta, PageBreak, Paragraph, Quote, Strong, Table, TableOfContents, Text, plain_text,
)

META = Meta(title="T")


def _escaped(text: str) -> tuple[str, Values]:
    values = Values()
    return values.put(text), values


def _only_paragraph_text(markdown: str, values: Values | None = None) -> str:
    doc = parse_markdown(markdown, META, values=values)
    assert len(doc.blocks) == 1 and isinstance(doc.blocks[0], Paragraph), doc.blocks
    return plain_text(doc.blocks[0].children)


MARKUP_HEAVY = st.text(alphabet=" #*-_[]()<>&|!~`\\:{}=+.,;'\"0123456789ab\n\t>@$%^", min_size=1, max_size=60)


@settings(max_examples=500, deadline=None)
@given(st.text(min_size=1) | MARKUP_HEAVY)
def test_any_escaped_text_parses_back_to_itself(s):
    # Values print as themselves, but for control characters (dropped) and runs of white space (folded).
    expected = " ".join(re.sub(r"[\x00-\x08\x0e-\x1f\x7f\ue000\ue001]", "", s).split())
    if not expected:
        return
    placeholder, values = _escaped(s)
    assert _only_paragraph_text(placeholder, values) == expected
    # inside a table cell, where `|` separates cells, and in a heading and emphasis
    doc = parse_markdown(f"| a |\n|---|\n| {placeholder} |\n\n# {placeholder}\n\n**{placeholder}**\n", META, values=values)
    table, heading, para = doc.blocks
    assert plain_text(table.rows[0][0]) == expected
    assert plain_text(heading.children) == expected
    assert isinstance(para.children[0], Strong) and plain_text(para.children) == expected


@pytest.mark.parametrize("hostile", [
    "# not a heading", "- not a list", "1. not a list", "> not a quote", "| not | a table |",
    "**not bold** _not em_", "[not a link](https://evil.example)", "<script>alert(1)</script>",
    "&amp; &lt; &#65;", "::: toc", "---", "{#fake-anchor}", "![img](x.png)", "\\*", "`code`",
])
def test_markdown_syntax_in_article_text_stays_literal(hostile):
    placeholder, values = _escaped(hostile)
    assert _only_paragraph_text("Lead: " + placeholder, values) == "Lead: " + hostile


def test_links_refuse_unsafe_schemes_and_escape_urls():
    values = Values()
    unsafe = values.link("click", "javascript:alert(1)")
    assert _only_paragraph_text(unsafe, values) == "click"
    doc = parse_markdown(values.link("a (b) [c]", "https://example.org/a b(c)"), META, values=values)
    (link,) = doc.blocks[0].children
    assert isinstance(link, Link)
    assert link.url == "https://example.org/a%20b%28c%29"
    assert plain_text(link.children) == "a (b) [c]"


def test_the_markdown_conventions_map_to_blocks():
    md = (
        "::: toc\n:::\n\n# Heading one\n\n{#a1-p2}\nA paragraph with **bold** and [¶2](#a1-p2).\n\n"
        "- first\n- second\n\n| Figure | What |\n|-------:|------|\n| 300 | officers |\n\nTable: Figures.\n\n"
        "> “Words,” he said.\n>\n> — **Jane Roe**, Minister\n\n---\n"
    )
    blocks = parse_markdown(md, META).blocks
    kinds = [type(b) for b in blocks]
    assert kinds == [TableOfContents, Heading, Paragraph, BulletList, Table, Quote, PageBreak]
    para = blocks[2]
    assert para.anchor == "a1-p2"
    assert isinstance(para.children[1], Strong) and isinstance(para.children[3], Link)
    table = blocks[4]
    assert table.align == ("right", "left") and table.caption == "Figures."
    assert [plain_text(c) for c in table.rows[0]] == ["300", "officers"]
    quote = blocks[5]
    assert plain_text(quote.blocks[0].children) == "“Words,” he said."
    assert plain_text(quote.attribution) == "Jane Roe, Minister"


def test_templates_escape_every_value_and_fail_clearly(tmp_path):
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("# {{ title }}\n\n{{ body }}\n", encoding="utf-8")
    blocks = compose(tpl, {"title": "A # b", "body": "- item\n\n# Injected"}, META).blocks
    assert [type(b) for b in blocks] == [Heading, Paragraph]
    assert plain_text(blocks[1].children) == "- item # Injected"

    bad = tmp_path / "bad.md.j2"
    bad.write_text("{% for x in %}", encoding="utf-8")
    with pytest.raises(InputError, match="template error at line 1"):
        render_markdown(bad, {})
    undefined = tmp_path / "undef.md.j2"
    undefined.write_text("{{ nothing.here }}", encoding="utf-8")
    with pytest.raises(InputError, match="undefined"):
        render_markdown(undefined, {})


def test_user_templates_are_sandboxed(tmp_path):
    tpl = tmp_path / "evil.md.j2"
    tpl.write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(InputError, match="not allowed|undefined"):
        render_markdown(tpl, {}, sandboxed=True)


def test_article_bodies_come_prebuilt_with_numbers_and_bookmarks(tmp_path):
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("# {{ title }}\n\n{{ article_body(body) }}\nAfter, see {{ link('¶2', '#a1-p2') }}.\n",
                   encoding="utf-8")
    body = [{"heading": None, "n": 1, "text": "First <b>& **not bold**", "anchor": "a1-p1"},
            {"heading": "A subheading"},
            {"heading": None, "n": 2, "text": "# Second\n\n- para", "anchor": "a1-p2"}]
    blocks = compose(tpl, {"title": "T", "body": body}, META).blocks
    assert [type(b) for b in blocks] == [Heading, Paragraph, Heading, Paragraph, Paragraph]
    first, sub, second, after = blocks[1:]
    assert (first.anchor, plain_text(first.children)) == ("a1-p1", "¶1 First <b>& **not bold**")
    assert isinstance(first.children[0], Strong)
    assert (sub.level, plain_text(sub.children)) == (2, "A subheading")
    assert (second.anchor, plain_text(second.children)) == ("a1-p2", "¶2 # Second - para")
    link = after.children[1]
    assert isinstance(link, Link) and link.url == "#a1-p2" and plain_text(after.children) == "After, see ¶2."


def _as_table_helper_builds_it(text: str, values: Values | None = None):
    """The blocks from ``{% call table() %}text{% endcall %}`` and from the bare text."""
    values = values or Values()
    built = parse_markdown(values.table(caller=lambda: text), META, values=values).blocks
    return built, parse_markdown(text, META, values=values).blocks


# mostly plain cells (built by the helper), some the parser must see (escapes, odd white space)
CELL = st.text(alphabet=" |-:*_ab.[]()!#", max_size=8) | st.text(alphabet=" \t|-:*_`\\ab\u3000", max_size=4)
DELIMITER = st.sampled_from(["---", ":--", "--:", ":-:", "-", " :---: ", "", "x"])
HEAD = st.integers(1, 4).flatmap(lambda n: st.tuples(st.lists(CELL, min_size=n, max_size=n),
                                                     st.lists(DELIMITER, min_size=n, max_size=n)))


@settings(max_examples=400, deadline=None)
@given(HEAD, st.lists(st.lists(CELL, max_size=5), max_size=4), st.booleans())
def test_the_table_helper_builds_what_the_parser_makes_of_the_same_table(head, rows, closed):
    end = "|" if closed else ""
    lines = ["|" + "|".join(cells) + end for cells in (*head, *rows)]
    built, parsed = _as_table_helper_builds_it("\n".join(lines) + "\n")
    assert built == parsed


def test_the_table_helper_keeps_values_as_text_and_takes_captions(tmp_path):
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("# Figures\n\n{% call table() %}\n| Figure | What | Ref. |\n|-------:|:----:|-----|\n"
                   "{% for f in rows %}\n| {{ f.v }} | {{ f.w }} | {{ link('¶1', '#a1-p1') }} |\n{% endfor %}\n"
                   "{% endcall %}\n\nTable: Caption.\n", encoding="utf-8")
    rows = [{"v": "| 3 |", "w": "**not bold** `x` \\| <b>&"}, {"v": "", "w": "- item"}]
    (heading, table) = compose(tpl, {"rows": rows}, META).blocks
    assert isinstance(heading, Heading) and isinstance(table, Table)
    assert table.align == ("right", "center", "left") and table.caption == "Caption."
    assert [plain_text(c) for c in table.header] == ["Figure", "What", "Ref."]
    assert [[plain_text(c) for c in row] for row in table.rows] == [
        ["| 3 |", "**not bold** `x` \\| <b>&", "¶1"], ["", "- item", "¶1"]]
    assert isinstance(table.rows[0][2][0], Link)


@pytest.mark.parametrize("text", [
    "Not a table\n", "| a |\n| b |\n", "| a | b |\n|---|\n| 1 | 2 |\n", "| a |\n|---|\n\n| after a blank line |\n",
    "| a \\| b |\n|---|\n", "| **a** | [b](#x) |\n|---|---|\n| *c* | `d` |\n", "  | indented |\n|---|\n",
])
def test_the_table_helper_passes_anything_else_to_the_parser(text):
    built, parsed = _as_table_helper_builds_it(text)
    assert built == parsed
