"""Text helpers: slugs, hashtag keys, escaping, normalizing, de-duplication."""

import html
import re

import markdown
import pytest

from scripts.text import (dedupe_paragraphs, detect_lang, escape_markdown, hashtags, normalize_line, slugify,
                          tag_key)

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]


def render_inline(text: str) -> str:
    return markdown.markdown(escape_markdown(text), extensions=EXTENSIONS)


def visible_text(html_text: str) -> str:
    return html.unescape(re.sub(r"</?p>", "", html_text)).strip()


@pytest.mark.parametrize("name, slug", [
    ("9мая", "9maya"), ("ДеньПобеды", "denpobedy"), ("İkinciDünyaSavaşı", "ikincidunyasavasi"),
    ("Hafıza", "hafiza"), ("ZaferGünü", "zafergunu"), ("Victory78", "victory78"), ("Şehitler", "sehitler"),
    ("Победа 78!", "pobeda-78"), ("Ёлка", "elka"),
])
def test_slugify(name, slug):
    assert slugify(name) == slug
    assert slugify(slug) == slug


def test_slugify_never_empty():
    s = slugify("🎖🎖")
    assert re.fullmatch(r"[a-z0-9-]+", s) and slugify(s) == s


@pytest.mark.parametrize("a, b", [("Victory78", "victory78"), ("İkinciDünyaSavaşı", "ikincidünyasavaşı"),
                                  ("IKINCI", "ıkıncı"), ("9МАЯ", "9мая"), ("#May9", "may9"),
                                  ("Vic\u200btory78", "Victory78")])
def test_tag_key_folds_case_and_turkish_i(a, b):
    assert tag_key(a) == tag_key(b)


def test_hashtags_unicode():
    assert hashtags("#9мая #İkinciDünyaSavaşı text #Победа78, and #VictoryDay.") == [
        "9мая", "İkinciDünyaSavaşı", "Победа78", "VictoryDay"]
    assert hashtags("no&#39;entity, a/#anchor, page.md#section") == []


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "# not a heading", "1. not a list",
    "- not a list", "> not a quote", "*not emphasis*", "_not emphasis_", "[not](a link)", "a | b | c",
    "`code`", "{: onclick=alert(1) }", "!!! note", "&amp; stays &amp;", "---", "===", "+ x", "2) x",
    "<!-- comment -->", "\\*", "![img](x.png)", "<https://example.org>", ": definition",
])
def test_escape_renders_exactly_the_text(text):
    out = render_inline(text)
    assert visible_text(out) == text
    assert "<" not in re.sub(r"</?p>", "", out), out  # no element but the paragraph itself


def test_normalize_line_removes_invisible_and_keeps_emoji():
    assert normalize_line("a\u00a0b\u200bc\u202e d") == "a bc d"
    assert normalize_line("👨\u200d👩\u200d👧 family") == "👨\u200d👩\u200d👧 family"
    assert normalize_line("7️⃣8️⃣ years") == "7️⃣8️⃣ years"


def test_detect_lang():
    assert detect_lang("С Днем Великой Победы!") == "ru"
    assert detect_lang("Zafer Günü’müz kutlu olsun!") == "tr"
    assert detect_lang("The meeting on the Elbe is the culmination of enormous efforts") == "en"
    assert detect_lang("#Victory78 🎖") is None


def test_dedupe_keeps_order_and_drops_glued_copies():
    paras = ["First one is here.", "Second one is here.", "First one is here.Second one is here.",
             "Third.", "Second one is here."]
    assert dedupe_paragraphs(paras) == ["First one is here.", "Second one is here.", "Third."]


def test_dedupe_is_linear_enough_for_5000_paragraphs():
    paras = [f"Paragraph number {i} says something different from the others." for i in range(5000)] * 2
    assert len(dedupe_paragraphs(paras)) == 5000
