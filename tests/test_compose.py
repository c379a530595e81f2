"""Compose: template values stay text; the Markdown the template writes becomes the model."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.compose import Values, compose, parse_markdown, render_markdown
from reporter.errors import InputError
from reporter.model import (
    BulletList, Emph, Heading, Link, Meta, PageBreak, Paragraph, Quote, Strong, Table, TableOfContents, Text, plain_text,
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
    # Values print as themselves, but for control characters and our placeholder marks (dropped) and
    # runs of white space (folded).
    expected = " ".join(re.sub(r"[\x00-\x08\x0e-\x1f\x7f\ue000-\ue002]", "", s).split())
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
    assert (sub.level, plain_text(sub.children)) == (3, "A subheading")  # under the annex's article headings
    assert (second.anchor, plain_text(second.children)) == ("a1-p2", "¶2 # Second - para")
    link = after.children[1]
    assert isinstance(link, Link) and link.url == "#a1-p2" and plain_text(after.children) == "After, see ¶2."


def _built_and_parsed(text: str, values: Values | None = None):
    """The blocks from ``{% call prebuilt() %}text{% endcall %}`` and from the bare text,
    each the blocks or the error they raise."""
    values = values or Values()

    def blocks(markdown):
        try:
            return parse_markdown(markdown(), META, values=values).blocks
        except InputError as exc:
            return type(exc)

    return blocks(lambda: values.prebuilt(caller=lambda: text)), blocks(lambda: text)


# mostly plain cells (built by the helper), some the parser must see (escapes, odd white space)
CELL = st.text(alphabet=" |-:*_ab.[]()!#", max_size=8) | st.text(alphabet=" \t|-:*_`\\ab\u3000", max_size=4)
DELIMITER = st.sampled_from(["---", ":--", "--:", ":-:", "-", " :---: ", "", "x"])
HEAD = st.integers(1, 4).flatmap(lambda n: st.tuples(st.lists(CELL, min_size=n, max_size=n),
                                                     st.lists(DELIMITER, min_size=n, max_size=n)))


@settings(max_examples=300, deadline=None)
@given(HEAD, st.lists(st.lists(CELL, max_size=5), max_size=4), st.booleans())
def test_prebuilt_tables_are_what_the_parser_makes_of_them(head, rows, closed):
    end = "|" if closed else ""
    lines = ["|" + "|".join(cells) + end for cells in (*head, *rows)]
    built, parsed = _built_and_parsed("\n".join(lines) + "\n")
    assert built == parsed


VALUES = Values()
WORD = st.sampled_from([
    "a", "b c", " ", "\t", "*", "**", "_", "#", ">", "-", "+", "|", ":", "{", "}", "(", ")", "[x](#y)", "![i](p.png)",
    "`", "\\", "“", "—", "–", ".", ",", ";", "?", "1.", "2)", "\u3000", "é", VALUES.put("v **x** | y"),
    VALUES.put("- z"), VALUES.link("¶1", "#a1-p1"), VALUES.link("site", "https://example.org"),
])
TEXT = st.lists(WORD, max_size=6).map("".join)
BLOCKS_LINE = VALUES.article_body([{"heading": None, "n": 1, "text": "body", "anchor": "a1-p1"}]).strip()
LINE = st.one_of(
    TEXT, TEXT.map(lambda t: "# " + t), st.tuples(st.sampled_from(["#", "###", "#######"]), TEXT).map(" ".join),
    TEXT.map(lambda t: "- " + t), TEXT.map(lambda t: "> " + t),
    st.sampled_from([">", "> ", "---", "***", "* * *", "*", "** x**", "**x** y", "{#a1-p2}", "{#}"]),
    st.tuples(TEXT, TEXT).map(lambda c: f"| {c[0]} | {c[1]} |"), st.sampled_from(["|---|---|", "|--:|:-:|"]),
    TEXT.map(lambda t: "**" + t + "**"), TEXT.map(lambda t: "*" + t + "* · " + t),
    TEXT.map(lambda t: "> — **" + t + "**, " + t), st.just(BLOCKS_LINE),
)
# mostly plain text (read without the parser), now and then with inline Markdown in it
PLAIN = st.lists(st.sampled_from([
    "a", "b c", "é", "“", "—", ".", ",", "?", " ", "Table: ", "**x**", "*y*", " **z**, ", " *", "_", ":", "1",
    VALUES.put("v **x** | y"), VALUES.put("- z"), VALUES.link("¶1", "#a1-p1"),
]), min_size=1, max_size=5).map("".join)
PLAIN_BLOCK = st.one_of(
    PLAIN, PLAIN.map(lambda t: "# " + t), PLAIN.map(lambda t: "{#a1-p2}\n### " + t), PLAIN.map(lambda t: "{#a2}\n" + t),
    st.lists(PLAIN.map(lambda t: "- " + t), min_size=1, max_size=3).map("\n".join),
    st.lists(PLAIN.map(lambda t: "> " + t), min_size=1, max_size=3).map("\n>\n".join),
    st.lists(st.tuples(PLAIN, PLAIN).map(lambda c: f"| {c[0]} | {c[1]} |"), max_size=3).map(
        lambda rows: "\n".join(["| A | B |", "|--:|---|", *rows])),
    st.just(BLOCKS_LINE),
)
BLOCK = st.lists(LINE, min_size=1, max_size=4).map("\n".join) | PLAIN_BLOCK


@settings(max_examples=1500, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=5) | st.lists(PLAIN_BLOCK, min_size=1, max_size=6),
       st.sampled_from(["\n\n", "\n\n\n", "\n \n"]))
def test_prebuilt_blocks_are_what_the_parser_makes_of_them(blocks, gap):
    built, parsed = _built_and_parsed(gap.join(blocks) + "\n", VALUES)
    assert built == parsed


def test_prebuilt_blocks_keep_values_as_text(tmp_path):
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("{% call prebuilt() %}\n{{ anchor('a1') }}\n# {{ title }}\n\n*{{ by }}* · {{ link('x', 'https://x.org') }}\n\n"
                   "{% for v in values %}\n- {{ v }}\n\n> “{{ v }}”\n>\n> — **{{ v }}**, {{ v }}\n\n{% endfor %}\n"
                   "| Figure | What | Ref. |\n|-------:|:----:|-----|\n"
                   "{% for v in values %}\n| {{ v }} | {{ v }} | {{ link('¶1', '#a1-p1') }} |\n{% endfor %}\n\n"
                   "Table: Caption.\n{% endcall %}\n", encoding="utf-8")
    hostile = ["| 3 |", "**not bold** `x` \\| <b>&", "- item", "> quote", "# head", "{#id}"]
    doc = compose(tpl, {"title": "**T**", "by": "*me*", "values": hostile}, META)
    heading, byline, *rest = doc.blocks
    assert (heading.anchor, plain_text(heading.children)) == ("a1", "**T**")
    assert isinstance(byline.children[0], Emph) and plain_text(byline.children) == "*me* · x"
    lists, quotes, table = rest[0:-1:2], rest[1:-1:2], rest[-1]
    assert [plain_text(b.items[0][0].children) for b in lists] == hostile
    assert [plain_text(q.blocks[0].children) for q in quotes] == [f"“{v}”" for v in hostile]
    assert [plain_text(q.attribution) for q in quotes] == [f"{v}, {v}" for v in hostile]
    assert table.align == ("right", "center", "left") and table.caption == "Caption."
    assert [[plain_text(c) for c in row] for row in table.rows] == [[v, v, "¶1"] for v in hostile]
    assert isinstance(table.rows[0][2][0], Link)


@pytest.mark.parametrize("text", [
    "* a star bullet\n", "1. ordered\n", "::: div\ntext\n:::\n", "a paragraph\nof two lines\n",
    "| a |\n| b |\n", "| a \\| b |\n|---|\n", "  indented\n", "- item\n  continued\n", "> a\n> b\n",
    "# closed #\n", "{#a}\n\ntext\n",
])
def test_prebuilt_passes_anything_else_to_the_parser(text):
    values = Values()
    assert values.prebuilt(caller=lambda: text) == text
    built, parsed = _built_and_parsed(text)
    assert built == parsed


def test_templates_read_dict_keys_as_jinja2_does(tmp_path):
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("{{ d.value }} {{ d.items is callable }} {{ d['items'] }}\n", encoding="utf-8")
    for sandboxed in (False, True):
        blocks = compose(tpl, {"d": {"value": "v", "items": "i"}}, META, sandboxed=sandboxed).blocks
        assert plain_text(blocks[0].children) == "v True i"
    tpl.write_text("{{ d.missing }}\n", encoding="utf-8")
    with pytest.raises(InputError, match="'dict object' has no attribute 'missing'"):
        compose(tpl, {"d": {}}, META)
