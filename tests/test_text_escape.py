"""text/escape: each context's escaping, stated by the text it must give (issue 10, mutation testing)."""

import pytest

from scripts.text.escape import (
    escape_markdown,
    html_attr,
    html_text,
    json_script,
    markdown_without_html,
    safe_url,
    unescape_markdown,
    url_path,
    xml_text,
)


def test_plain_text_is_left_as_it_is():
    assert escape_markdown("Victory Day, 9 May 1945") == "Victory Day, 9 May 1945"


def test_markdown_inline_characters_are_escaped():
    assert escape_markdown("a*b_c`d[e]f{g}h|i\\j") == "a\\*b\\_c\\`d\\[e\\]f\\{g\\}h\\|i\\\\j"
    assert escape_markdown("1 < 2 > 0") == "1 &lt; 2 &gt; 0"
    assert escape_markdown("&amp; and &#60; and &#") == "&amp;amp; and &amp;#60; and &amp;#"
    assert escape_markdown("fish & chips") == "fish & chips"


def test_block_syntax_at_the_start_of_a_line_is_escaped():
    assert escape_markdown("# not a heading") == "\\# not a heading"
    assert escape_markdown("- not a list") == "\\- not a list"
    assert escape_markdown("+ not a list") == "\\+ not a list"
    assert escape_markdown("!!! note") == "\\!!! note"
    assert escape_markdown("  1945. not a list") == "  1945\\. not a list"
    assert escape_markdown("in 1945. a year") == "in 1945. a year"


def test_unescape_reads_escaped_markdown_back():
    for text in ("a*b_c", "# h", "1 < 2 & 3 > 0", "\\", "&amp;", "1945. x", "plain"):
        assert unescape_markdown(escape_markdown(text)) == text
    assert unescape_markdown("\\*bold\\* &lt;b&gt; &amp;") == "*bold* <b> &"


def test_raw_html_becomes_text_but_autolinks_stay():
    assert markdown_without_html("<b>bold</b>") == "&lt;b>bold&lt;/b>"
    assert markdown_without_html("see <https://mid.ru/x> and <mailto:a@b.c>") == "see <https://mid.ru/x> and <mailto:a@b.c>"
    assert markdown_without_html("<javascript:alert(1)>") == "&lt;javascript:alert(1)>"
    assert markdown_without_html("no tags *here*") == "no tags *here*"


def test_html_text_escapes_quotes_but_keeps_apostrophes():
    assert html_text("<b class=\"x\">Tom & Jerry's</b>") == "&lt;b class=&quot;x&quot;&gt;Tom &amp; Jerry's&lt;/b&gt;"


def test_html_attr_also_writes_markdown_characters_as_references():
    assert html_attr('a"b{c}[d]*e_f`g\\h') == "a&quot;b&#123;c&#125;&#91;d&#93;&#42;e&#95;f&#96;g&#92;h"


def test_safe_urls_and_unsafe_ones():
    for url in ("https://t.me/MFARussia/1", "http://x.org", "mailto:a@b.c", "tg://resolve?domain=x",
                "posts/parade/", "/ru/", "../a.jpg", "page?a=b:c", "#top"):
        assert safe_url(url) == url
    assert safe_url("  https://x.org  ") == "https://x.org"
    for url in ("javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/x",
                "java\tscript:x", "a\\b", "javascript&colon;alert(1)", "&#106;avascript:alert(1)", "", "   ",
                "c:x", "x\x00y"):
        assert safe_url(url) is None, url


def test_url_path_quotes_every_special_character():
    assert url_path('a b".jpg') == "a%20b%22.jpg"
    assert url_path("a/b?c#d") == "a%2Fb%3Fc%23d"


def test_json_in_a_script_cannot_close_it():
    assert json_script({"t": "</script><!-- & \u2028\u2029 Победа"}) == (
        '{"t": "\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 Победа"}')
    assert json_script([1, None, "x"]) == '[1, null, "x"]'


def test_xml_text_escapes_and_replaces_what_xml_refuses():
    assert xml_text('<a href="x">Tom & Jerry\'s</a>') == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;"
    assert xml_text("bell\x07 tab\t nl\n") == "bell\ufffd tab\t nl\n"
    assert xml_text("Победа") == "Победа"


def test_a_colon_makes_a_scheme_only_before_the_first_slash_question_mark_or_hash():
    for url in ("posts/a b/", "a/b:c", "a/b:c/d", "a?b:c?d", "a#b:c#d", "?q=a:b", "#a:b", "a.jpg?t=1:2"):
        assert safe_url(url) == url, url
    for url in ("1x:y", "a b:c/d", "x:y?z"):
        assert safe_url(url) is None, url


@pytest.mark.parametrize("given", ["<https://a.org>{: .x }", "a { #top } b", "{.cls}", "x {: id=y }", 'x {: CLASS="a" }',
                                   "see {: lang=ru .x }"])
def test_a_posts_attribute_list_that_sets_a_class_or_an_id_stays_text(given):
    """The theme's classes and the page's anchors are the generator's: '{: .x }' in a contributed caption gave
    a link class="x" (the escape property test found it)."""
    import markdown as md

    from scripts.text.escape import markdown_without_html

    import re

    html = md.markdown(markdown_without_html(given), extensions=["attr_list"])
    assert not re.search(r"<[^>]*\s(?:class|id)=", html, re.IGNORECASE), html
    assert "{" in html.replace("&#123;", "{")


def test_a_language_attribute_list_stays_markup():
    import markdown as md

    from scripts.text.escape import markdown_without_html

    assert md.markdown(markdown_without_html("Текст.\n{: lang=ru }"), extensions=["attr_list"]) == '<p lang="ru">Текст.</p>'
