"""Compose: template values stay text; the Markdown the template writes becomes the model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.compose import md_escape, md_link, parse_markdown, render_markdown
from reporter.errors import InputError
from reporter.model import (
    BulletList, Heading, Link, Meta, PageBreak, Paragraph, Quote, Strong, Table, TableOfContents, Text, plain_text,
)

META = Meta(title="T")


def _only_paragraph_text(markdown: str) -> str:
    doc = parse_markdown(markdown, META)
    assert len(doc.blocks) == 1 and isinstance(doc.blocks[0], Paragraph), doc.blocks
    return plain_text(doc.blocks[0].children)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1))
def test_any_escaped_text_parses_back_to_itself(s):
    expected = " ".join(s.replace("\x00", "\ufffd").split())
    if not expected:
        return
    assert _only_paragraph_text(md_escape(s)) == expected


@pytest.mark.parametrize("hostile", [
    "# not a heading", "- not a list", "1. not a list", "> not a quote", "| not | a table |",
    "**not bold** _not em_", "[not a link](https://evil.example)", "<script>alert(1)</script>",
    "&amp; &lt; &#65;", "::: toc", "---", "{#fake-anchor}", "![img](x.png)", "\\*", "`code`",
])
def test_markdown_syntax_in_article_text_stays_literal(hostile):
    assert _only_paragraph_text("Lead: " + md_escape(hostile)) == "Lead: " + hostile


def test_md_link_refuses_unsafe_schemes_and_escapes_urls():
    assert md_link("click", "javascript:alert(1)") == "click"
    doc = parse_markdown(md_link("a (b) [c]", "https://example.org/a b(c)"), META)
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
    md = render_markdown(tpl, {"title": "A # b", "body": "- item\n\n# Injected"})
    blocks = parse_markdown(md, META).blocks
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
