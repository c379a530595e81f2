"""Compose: template values stay text; the Markdown the template writes becomes the model."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reporter.compose import Values, compose, parse_markdown, render_markdown
from reporter.errors import InputError
from reporter.ingest.clean import plain_text as visible_only
from reporter.model import (
    BulletList, Emph, Heading, Link, Meta, PageBreak, Paragraph, Quote, Strong, Table, TableOfContents, plain_text,
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
    assert plain_text(heading.children) == visible_only(expected)  # a heading holds no invisible character
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
    blocks = compose(tpl, {"title": "A # b", "body": "- item\n\n# Injected"}, META).blocks[1:]  # after the title block
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
    blocks = compose(tpl, {"title": "T", "body": body}, META).blocks[1:]  # after the title block
    assert [type(b) for b in blocks] == [Heading, Paragraph, Heading, Paragraph, Paragraph]
    first, sub, second, after = blocks[1:]
    assert (first.anchor, plain_text(first.children)) == ("a1-p1", "¶1 First <b>& **not bold**")
    assert isinstance(first.children[0], Strong)
    assert (sub.level, plain_text(sub.children)) == (3, "A subheading")  # under the annex's article headings
    assert (second.anchor, plain_text(second.children)) == ("a1-p2", "¶2 # Second - para")
    link = after.children[1]
    assert isinstance(link, Link) and link.url == "#a1-p2" and plain_text(after.children) == "After, see ¶2."


HOSTILE = ["| 3 |", "**not bold** `x` \\| <b>&", "- item", "> quote", "# head", "{#id}", "\ue000" + "0" + "\ue001"]


def _ref(label, target):
    return {"ref": label, "mark": label, "target": target, "outlet": "Outlet", "when": "1 May 2024"}


def test_the_builders_keep_article_text_as_text(tmp_path):
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("{{ summary_list(summary, stories) }}\n{% for s in stories %}{{ digest(s, true) }}\n{% endfor %}"
                   "{{ figures_table(figures, 3, true) }}\n", encoding="utf-8")
    story = {"n": 1, "anchor": "s1", "title": HOSTILE[0], "n_sources": 2,
             "outlets": [{"name": v, "target": "https://x.org/a", "date": None} for v in HOSTILE[:2]],
             "points": [{"text": v, **_ref("1 ¶2", "#a1-p2")} for v in HOSTILE],
             "figures": [], "disagreements": [],
             "quote": {"text": HOSTILE[1], "speaker": HOSTILE[2], "role": HOSTILE[3], **_ref("1 ¶3", "#a1-p3")}}
    context = {"summary": [{"text": v, "story": 1, **_ref("¶2", "#a1-p2")} for v in HOSTILE],
               "stories": [story],
               "figures": [{"value": v, "what": v, **_ref("1 ¶4", "javascript:alert(1)")} for v in HOSTILE]}
    summary, heading, outlets, points, quote, table = compose(tpl, context, META).blocks[1:]  # after the title block
    texts = [v.replace("\ue000", "").replace("\ue001", "") for v in HOSTILE]
    assert [plain_text(item[0].children) for item in summary.items] == [
        f"{v} — Outlet, 1 May 2024, ¶2 · 2 sources" for v in texts]
    link = summary.items[0][0].children[1]
    assert isinstance(link, Link) and link.url == "#a1-p2"
    assert (heading.level, heading.anchor, plain_text(heading.children)) == (2, "s1", "1. | 3 |")
    assert isinstance(outlets.children[0], Emph) and plain_text(outlets.children) == f"2 sources: {texts[0]}; {texts[1]}"
    assert [plain_text(item[0].children) for item in points.items] == [f"{v} 1 ¶2" for v in texts]
    assert isinstance(quote, Quote) and plain_text(quote.attribution) == "- item, > quote · 1 ¶3"
    assert [[plain_text(c) for c in row] for row in table.rows] == [[v, v, "1 ¶4"] for v in texts]
    assert not any(isinstance(c, Link) for row in table.rows for c in row[2])  # an unsafe URL gives plain text
    assert table.caption.startswith("The leading figures of each story, and 3 more")


def test_prebuilt_now_hands_its_markdown_to_the_parser(tmp_path):
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("{% call prebuilt() %}\n# {{ title }}\n\n- one\n- two\n{% endcall %}\n", encoding="utf-8")
    heading, items = compose(tpl, {"title": "**T**"}, META).blocks[1:]  # after the title block
    assert plain_text(heading.children) == "**T**" and isinstance(items, BulletList) and len(items.items) == 2


def test_templates_read_dict_keys_as_jinja2_does(tmp_path):
    tpl = tmp_path / "t.md.j2"
    tpl.write_text("{{ d.value }} {{ d.items is callable }} {{ d['items'] }}\n", encoding="utf-8")
    for sandboxed in (False, True):
        blocks = compose(tpl, {"d": {"value": "v", "items": "i"}}, META, sandboxed=sandboxed).blocks[1:]
        assert plain_text(blocks[0].children) == "v True i"
    tpl.write_text("{{ d.missing }}\n", encoding="utf-8")
    with pytest.raises(InputError, match="'dict object' has no attribute 'missing'"):
        compose(tpl, {"d": {}}, META)
