"""text/inline: spans as Markdown, stated as the Markdown written and the HTML the site's engine makes of
it (issue 10, mutation testing)."""

import html

import pytest

from scripts.content.model import Paragraph, Span
from scripts.text.inline import render_markdown, safe_href
from tests.test_inline import to_html

URL = "https://e.org/x"


def md(*spans):
    return render_markdown(Paragraph("".join(s.text for s in spans), spans=tuple(spans)))


def test_a_link_whose_text_holds_a_bracket_and_colon_is_no_reference_definition():
    # '[\]:](<url>)' at the start of a line is a reference definition to Python-Markdown: the text vanished.
    assert md(Span("]:", href=URL)) == "[&#93;:](<https://e.org/x>)"
    assert html.unescape(to_html(md(Span("]:", href=URL)))) == '<p><a href="https://e.org/x">]:</a></p>'
    assert html.unescape(to_html(md(Span("Note]: see", href=URL), Span(" here")))) == (
        '<p><a href="https://e.org/x">Note]: see</a> here</p>')
    assert html.unescape(to_html(md(Span("a\\]:", href=URL)))) == '<p><a href="https://e.org/x">a\\]:</a></p>'
    assert md(Span("a]:b", code=True)) == "`a]:b`"  # no link: no reference
    assert md(Span("see "), Span("]:", href=URL)) == "see [\\]:](<https://e.org/x>)"  # not at the start: as before


def test_plain_text_without_spans_is_escaped_text():
    assert render_markdown(Paragraph("*not bold* [x]")) == "&#42;not bold&#42; \\[x\\]"
    assert render_markdown(Paragraph("snake_case_name")) == "snake&#95;case&#95;name"
    assert render_markdown(Paragraph("")) == ""


def test_line_breaks_become_hard_breaks_and_empty_lines_go():
    assert md(Span("one\n\ntwo"), Span("\nthree", bold=True)) == "one  \ntwo  \n**three**"


def test_neighbours_that_render_alike_are_one_run():
    assert md(Span("a", bold=True), Span("b", bold=True)) == "**ab**"
    assert md(Span("a", code=True), Span("b", code=True)) == "`ab`"
    assert md(Span("a", href=URL), Span("b", href=URL)) == "[ab](<https://e.org/x>)"
    assert md(Span("a", bold=True, href=URL), Span("b", href=URL)) == "[**a**b](<https://e.org/x>)"
    assert md(Span("a", strike=True), Span("b")) == "ab"
    assert md(Span("a", href="javascript:x"), Span("b")) == "ab"


def test_italic_inside_bold_and_spaces_outside_the_marks():
    assert md(Span("a ", bold=True), Span("b", bold=True, italic=True), Span(" c")) == "**a *b*** c"
    assert md(Span(" x ", italic=True), Span("y")) == "*x* y"
    assert md(Span("  ", bold=True), Span("y")) == "y"
    assert md(Span(" ", href=URL), Span("y")) == "y"
    assert md(Span(" go ", href=URL), Span("!")) == "[go](<https://e.org/x>) \\!"


def test_code_spans_get_a_fence_longer_than_any_backtick_run():
    assert md(Span("a``b", code=True)) == "```a``b```"
    assert md(Span("`a", code=True)) == "`` `a ``"
    assert md(Span("a`", code=True)) == "`` a` ``"
    assert md(Span("x < y", code=True)) == "`x < y`"


def test_an_exclamation_mark_before_a_link_is_escaped_unless_it_already_is():
    assert md(Span("Look!"), Span("here", href=URL)) == "Look\\![here](<https://e.org/x>)"
    assert to_html(md(Span("Look!"), Span("here", href=URL))) == '<p>Look!<a href="https://e.org/x">here</a></p>'
    assert md(Span("Look! "), Span("here", href=URL)) == "Look! [here](<https://e.org/x>)"
    assert md(Span("a\\!"), Span("here", href=URL)) == "a\\\\\\![here](<https://e.org/x>)"


def test_a_line_of_equals_signs_is_no_heading_underline():
    assert md(Span("===")) == "&#61;=="
    assert md(Span("=")) == "&#61;"
    assert md(Span("a ===")) == "a ==="


@pytest.mark.parametrize("href, out", [
    ("https://e.org/a b", "https://e.org/a%20b"),
    ("  https://e.org/  ", "https://e.org/"),
    ("HTTPS://e.org/x", "HTTPS://e.org/x"),
    ("mailto:a@b.c", "mailto:a@b.c"),
    ("tg://resolve?domain=x", "tg://resolve?domain=x"),
    ("https://e.org/\"<>`\\", "https://e.org/%22%3C%3E%60%5C"),
    ("https:///x", None), ("https:/e.org", None), ("http://", None), ("ftp://e.org", None),
    ("javascript:alert(1)", None), ("page.html", None), ("", None), (None, None),
])
def test_safe_href(href, out):
    assert safe_href(href) == out


def test_a_blank_span_keeps_what_follows():
    assert md(Span("a"), Span(" ", code=True), Span("b")) == "a b"
    assert md(Span("a"), Span("  ", code=True), Span("b", code=True)) == "a  `b`"


def test_a_code_span_in_a_link_is_never_rewritten():
    # '\]' inside code is code: only the escaped ']' of text becomes a reference
    out = md(Span("a\\]: b", code=True, href=URL), Span(" more", href=URL))
    assert out == "[`a\\]: b` more](<https://e.org/x>)"
    assert to_html(out) == '<p><a href="https://e.org/x"><code>a\\]: b</code> more</a></p>'
