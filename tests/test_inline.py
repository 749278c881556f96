"""Spans to Markdown: emphasis, code and safe links through the site's own Markdown engine, and hostile
text or link targets never becoming markup. Also the JSON export's text entities as spans."""

import html
import re

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.content.model import Paragraph, Span
from scripts.sources.spans import paragraphs_and_tags_of
from scripts.sources.telegram_entities import runs_from_entities
from scripts.text.inline import render_markdown, safe_href
from tests.conftest import ROOT, link_targets


def _extensions():
    """The Markdown extensions the site builds with (mkdocs.yml), without their options."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = text.split("markdown_extensions:", 1)[1].split("\nplugins:", 1)[0]
    return [line.strip()[2:].rstrip(":") for line in block.split("\n") if line.startswith("  - ")]


EXTENSIONS = _extensions()


def to_html(md: str) -> str:
    return markdown.markdown(md, extensions=EXTENSIONS)


def para(*spans):
    return Paragraph("".join(s.text for s in spans), spans=tuple(spans))


def test_the_site_has_no_strikethrough_extension_so_strike_is_plain():
    assert "pymdownx.tilde" not in EXTENSIONS and "attr_list" in EXTENSIONS
    assert render_markdown(para(Span("draft", strike=True), Span(" final"))) == "draft final"


@pytest.mark.parametrize("spans, md, out", [
    ((Span("Read "), Span("the statement", bold=True), Span(".")), "Read **the statement**.",
     "<p>Read <strong>the statement</strong>.</p>"),
    ((Span("the "), Span("letters", italic=True)), "the *letters*", "<p>the <em>letters</em></p>"),
    ((Span("x", bold=True, italic=True),), "***x***", "<p><strong><em>x</em></strong></p>"),
    ((Span("see "), Span("page", href="https://example.org/a b?x=1&y=2")), "see [page](<https://example.org/a%20b?x=1&y=2>)",
     '<p>see <a href="https://example.org/a%20b?x=1&amp;y=2">page</a></p>'),
    ((Span("mail", href="mailto:archive@example.org"),), "[mail](<mailto:archive@example.org>)",
     '<p><a href="mailto:archive@example.org">mail</a></p>'),
    ((Span("a`b", code=True),), "``a`b``", "<p><code>a`b</code></p>"),
    ((Span("ends\\", code=True),), "` ends\\ `", "<p><code>ends\\</code></p>"),
    ((Span(" bold ", bold=True), Span("x")), "**bold** x", "<p><strong>bold</strong> x</p>"),
])
def test_marks_render_through_the_sites_markdown(spans, md, out):
    assert render_markdown(para(*spans)) == md
    assert to_html(md) == out


def test_line_breaks_inside_a_paragraph_are_hard_breaks():
    poem = Paragraph("Мы помним всех,\nкто шёл сквозь дым")
    assert render_markdown(poem) == "Мы помним всех,  \nкто шёл сквозь дым"
    assert to_html(render_markdown(poem)) == "<p>Мы помним всех,<br />\nкто шёл сквозь дым</p>"


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                  "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                  "vbscript:x", "file:///etc/passwd", "../secret.html", "/admin", "#top",
                                  "//evil.example/x", "http:/x", "https:", "", None])
def test_a_hostile_or_relative_target_stays_visible_text(href):
    md = render_markdown(para(Span("click "), Span("here", href=href)))
    assert md == "click here"
    assert to_html(md) == "<p>click here</p>"


def test_a_target_cannot_break_out_of_the_link():
    md = render_markdown(para(Span("x", href='https://e.org/a>b)"<script>alert(1)</script> c')))
    out = to_html(md)
    assert out == ('<p><a href="https://e.org/a%3Eb)%22%3Cscript%3Ealert(1)%3C/script%3E%20c">x</a></p>')
    assert "<script" not in out


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "# not a heading", "- not a list", "1. not a list",
                                  "> not a quote", "!!! note", "*not em*", "[not](a link)", "![no](image.png)",
                                  "`not code`", "{: .no-attr }", "| a | b |", "&lt;entity&gt;", "<div markdown>x</div>",
                                  "==="])
def test_markup_in_text_stays_text(text):
    for p in (Paragraph(text), para(Span(text, bold=True)), para(Span("a\n"), Span(text)), para(Span(text, href="https://e.org"))):
        out = to_html(render_markdown(p))
        assert html.unescape(re.sub(r"<[^>]+>", "", out)).replace("\n", "") == p.text.replace("\n", ""), out
        assert set(re.findall(r"</?([a-z0-9]+)", out)) <= {"p", "strong", "em", "a", "br", "code"}, out


TEXT = st.text(alphabet=st.sampled_from(list("ab #*_`[]()<>!&;\\|{}=-+.1:~\"'\n") + ["İ", "й", "😀", "\u00a0"]),
               min_size=1, max_size=12)
SPAN = st.builds(Span, TEXT, st.booleans(), st.booleans(), st.booleans(), st.booleans(),
                 st.none() | st.sampled_from(["https://e.org/x", "javascript:alert(1)", "tg://resolve?domain=a",
                                              "https://e.org/a b\"<>", "mailto:a@b.c", "data:x", "x.html"]))


@given(st.lists(SPAN, min_size=1, max_size=6))
@settings(max_examples=400)
def test_any_spans_render_to_exactly_their_text_with_only_safe_markup(spans):
    lines = [" ".join(line.replace("\u00a0", " ").split()) for line in "".join(s.text for s in spans).split("\n")]
    expected = [line for line in lines if line]
    out = to_html(render_markdown(para(*spans)))
    assert set(re.findall(r"</?([a-z0-9]+)", out)) <= {"p", "strong", "em", "a", "br", "code"}, out
    for href in link_targets(out):
        assert re.match(r"^(https?://|mailto:|tg:)", href), out
    got = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", line)).replace("\u00a0", " ").split())
           for line in re.split(r"<br />\n?", out)]
    assert [g for g in got if g] == expected, (render_markdown(para(*spans)), out)


def test_safe_href_percent_encodes_and_refuses():
    assert safe_href("https://e.org/путь?q=a b") == "https://e.org/%D0%BF%D1%83%D1%82%D1%8C?q=a%20b"
    assert safe_href("tg://resolve?domain=victory_archive") == "tg://resolve?domain=victory_archive"
    assert safe_href("javascript:alert(1)") is None and safe_href("victory.html") is None


# --- the JSON export's text entities -------------------------------------------------------------------

def spans_from_entities(entities) -> list[list[Span]]:
    """Each paragraph's spans, as the JSON importer makes them (a plain paragraph as one span)."""
    paragraphs, _ = paragraphs_and_tags_of(runs_from_entities(entities))
    return [list(p.spans) or [Span(p.text)] for p in paragraphs]


def test_entities_become_paragraph_spans():
    entities = [{"type": "plain", "text": "Elbe Day.\n\nRead the "},
                {"type": "text_link", "text": "joint statement", "href": "https://example.org/elbe"},
                {"type": "plain", "text": " by "}, {"type": "mention", "text": "@MFARussia"},
                {"type": "plain", "text": ",\n"}, {"type": "bold", "text": "in full"},
                {"type": "plain", "text": " or "}, {"type": "italic", "text": "in short"},
                {"type": "strikethrough", "text": " (draft)"}, {"type": "code", "text": "1945"},
                {"type": "hashtag", "text": "#Victory78"}, {"type": "spoiler", "text": "!"},
                {"type": "email", "text": "a@example.org"}, {"type": "link", "text": "https://example.org/x"}]
    assert spans_from_entities(entities) == [
        [Span("Elbe Day.")],
        [Span("Read the "), Span("joint statement", href="https://example.org/elbe"), Span(" by "),
         Span("@MFARussia", href="https://t.me/MFARussia"), Span(",\n"), Span("in full", bold=True),
         Span(" or "), Span("in short", italic=True), Span(" (draft)", strike=True), Span("1945", code=True),
         Span("#Victory78!"), Span("a@example.org", href="mailto:a@example.org"),
         Span("https://example.org/x", href="https://example.org/x")]]


def test_entities_of_a_plain_string_and_bad_entities():
    assert spans_from_entities("One.\n\n\nTwo") == [[Span("One.")], [Span("Two")]]
    assert spans_from_entities([]) == []
    with pytest.raises(ValueError, match="a text entity is not an object with a 'text' string"):
        spans_from_entities([{"type": "bold"}])
    with pytest.raises(ValueError, match=r"text_entities is int \(expected a list of entities\)"):
        spans_from_entities(5)


@given(st.lists(st.fixed_dictionaries({"type": st.sampled_from(["plain", "bold", "text_link", "link", "mention", "pre"]),
                                       "text": st.text(max_size=10)}, optional={"href": st.text(max_size=5)}), max_size=6))
def test_entities_keep_every_character_but_line_breaks(entities):
    got = [s.text for s in runs_from_entities(entities)]  # before paragraphs: those drop controls and tag lines
    words = lambda text: "".join(text.split())  # noqa: E731
    assert words("".join(got)) == words("".join(e["text"] for e in entities))
