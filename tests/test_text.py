"""Text helpers: slugs, hashtag keys, escaping, normalizing, de-duplication."""

import html
import re

import markdown
import pytest
from hypothesis import assume, given, settings
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


# An independent reading of what a written-out date is, by tokens rather than patterns: a word that is a
# month, white space, a day of one or two digits, an optional comma, white space, a year of four digits
# ("May 9, 1945"); or a day, white space, a month, white space, a year ("9 мая 1945", "9 Mayıs 1945").
# Words are runs of letters, digits and '_' (so "xMay" is no month and "19451" no year); case does not
# matter, and in Turkish neither does the dot of the i ("MAYIS" is mayıs).
MONTHS_BY_LANGUAGE = (
    "january february march april may june july august september october november december",
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ocak şubat mart nisan mayıs haziran temmuz ağustos eylül ekim kasım aralık",
)


def _fold(word):
    return word.lower().replace("i\u0307", "i").replace("ı", "i")


MONTH = {_fold(name): n for names in MONTHS_BY_LANGUAGE for n, name in enumerate(names.split(), 1)}


def _tokens(text):
    """(start, word, the characters between it and the next word) for every word of the text."""
    out, i = [], 0
    while i < len(text):
        if text[i].isalnum() or text[i] == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            k = j
            while k < len(text) and not (text[k].isalnum() or text[k] == "_"):
                k += 1
            out.append((i, text[i:j], text[j:k]))
            i = k
        else:
            i += 1
    return out


def _dates_reference(text):
    import datetime as dt

    def digits(word, sizes):
        return word.isascii() and word.isdigit() and len(word) in sizes

    def space(gap):
        return gap != "" and gap.isspace()

    tokens, found = _tokens(text), []
    for k in range(len(tokens) - 2):
        (pos, a, gap_a), (_, b, gap_b), (_, year, _) = tokens[k:k + 3]
        if not digits(year, (4,)):
            continue
        if _fold(a) in MONTH and digits(b, (1, 2)) and space(gap_a) and (space(gap_b) or gap_b[:1] == "," and space(gap_b[1:])):
            month, day = MONTH[_fold(a)], b
        elif digits(a, (1, 2)) and _fold(b) in MONTH and space(gap_a) and space(gap_b):
            month, day = MONTH[_fold(b)], a
        else:
            continue
        try:
            found.append((pos, dt.date(int(year), month, int(day))))
        except ValueError:
            pass
    return found


_DATE_PIECES = ["May", "мая", "Mayıs", "MAYIS", "KASIM", "Mayis", "june", "ИЮНЯ", "ocak", " ", "  ", "\n", "\x00",
                ",", "9", "31", "1945", "2023", "19451", "x", "_", "é", "й", "on ", ".", "\u2028", "\xa0"]


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=30).map("".join))
@settings(max_examples=500)
def test_dates_in_finds_what_a_reading_by_words_finds(text):
    assume(not re.search(r"\s{20}", text))  # a date fits in dates_in's window of 64 characters
    assert dates_in(text) == _dates_reference(text)


def test_dates_in_does_not_read_a_cut_word_as_a_month():
    date = "May" + " " * 30 + "9," + " " * 29  # exactly the 64 characters dates_in looks at before a year
    assert len(date) == 64
    assert dates_in(" " + date + "1945") == _dates_reference(" " + date + "1945") != []
    assert dates_in("x" + date + "1945") == _dates_reference("x" + date + "1945") == []  # "xMay" is no month


def test_a_turkish_date_in_capitals_is_read_not_a_crash():
    """A headline writes "9 MAYIS 1945": the pattern matched it, then the lookup of 'mayis' failed (KeyError)."""
    assert [d.isoformat() for _, d in dates_in("ZAFER GÜNÜ: 9 MAYIS 1945, 7 KASIM 1941 ve 1 ARALIK 1942")] == [
        "1945-05-09", "1941-11-07", "1942-12-01"]


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
