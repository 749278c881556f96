"""Text helpers: slugs, hashtag keys, escaping, normalizing, de-duplication."""

import html
import re

import markdown
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from scripts.text.dates import dates_in
from scripts.text.dedupe import dedupe_paragraphs
from scripts.text.escape import escape_markdown
from scripts.text.hashtags import hashtags, tag_key
from scripts.text.language import detect_lang
from scripts.text.normalize import normalize_line
from scripts.text.slugs import slugify

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


# dates_in finds the years first and looks just before each; it must find what the two date patterns
# find when run over the whole text (the plain, slower way).
def _dates_reference(text):
    import datetime as dt

    from scripts.text.dates import _DATE_DMY, _DATE_MDY, _MONTH_NUMBER

    found = [(m.start(), m.group(1), m.group(2), m.group(3)) for m in _DATE_MDY.finditer(text)]
    found += [(m.start(), m.group(2), m.group(1), m.group(3)) for m in _DATE_DMY.finditer(text)]
    out = []
    for pos, month, day, year in sorted(found):
        try:
            out.append((pos, dt.date(int(year), _MONTH_NUMBER[month.lower()], int(day))))
        except ValueError:
            pass
    return out


_DATE_PIECES = ["May", "мая", "Mayıs", "june", "ИЮНЯ", "ocak", " ", "  ", "\n", "\x00", ",", "9", "31", "1945",
                "2023", "19451", "x", "_", "é", "й", "on ", "."]


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=30).map("".join))
def test_dates_in_finds_what_the_date_patterns_find(text):
    assume(not re.search(r"\s{20}", text))  # a date fits in dates_in's window of 64 characters
    assert dates_in(text) == _dates_reference(text)


def test_dates_in_does_not_read_a_cut_word_as_a_month():
    date = "May" + " " * 30 + "9," + " " * 29  # exactly the 64 characters dates_in looks at before a year
    assert len(date) == 64
    assert dates_in(" " + date + "1945") == _dates_reference(" " + date + "1945") != []
    assert dates_in("x" + date + "1945") == _dates_reference("x" + date + "1945") == []  # "xMay" is no month


def test_dates_in_reads_english_russian_and_turkish_dates():
    text = "On May 9, 1945 and 24 июня 1945, then 9 Mayıs 2023; not 9 May 19451 nor May 32, 1945."
    assert [d.isoformat() for _, d in dates_in(text)] == ["1945-05-09", "1945-06-24", "2023-05-09"]


def test_detect_lang_reads_words_not_addresses():
    """URLs and Latin tokens are not English words (issue 11): these are Russian."""
    assert detect_lang("Подробнее: https://t.me/MID_Russia/27000") == "ru"
    assert detect_lang("тестирование utf-8.") == "ru"
    assert detect_lang("https://t.me/MID_Russia/27000") is None


def test_detect_lang_names_a_fourth_language_as_itself():
    assert detect_lang("Радянські та американські війська зустрілися на Ельбі 25 квітня 1945 року.") == "uk"
    assert detect_lang("Die sowjetischen und amerikanischen Truppen trafen sich an der Elbe.") == "de"
    assert detect_lang("Савецкія і амерыканскія войскі сустрэліся на Эльбе.") == "be"
    assert detect_lang("Sovyet ve Amerikan askerleri Elbe nehrinde buluştu.") == "tr"
