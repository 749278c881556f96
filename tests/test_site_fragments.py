"""Fragments several pages share: front matter, plain-text excerpts, the language version shown, the date line
and a photo credit, as a reader sees them."""

import datetime as dt

from scripts.content.model import Entry, GalleryItem, Version
from scripts.site.fragments import credit_text, date_line, front_matter, plain, version_for


def test_front_matter_is_json_values_with_title_and_description_html_escaped_and_empty_fields_left_out():
    assert front_matter(title='Tom & "Jerry" <b>', description="a < b", hide=["toc"], search_terms="Победа <x>",
                        empty="", none=None, nothing=[], n=0) == (
        '---\n'
        'title: "Tom &amp; &quot;Jerry&quot; &lt;b&gt;"\n'
        'description: "a &lt; b"\n'
        'hide: ["toc"]\n'
        'search_terms: "Победа <x>"\n'
        'n: 0\n'
        '---\n\n')
    assert front_matter(title=["a<b"]) == '---\ntitle: ["a<b"]\n---\n\n'
    assert front_matter() == "---\n\n---\n\n"


def test_plain_text_of_markdown_without_escapes_attribute_lines_or_extra_spaces():
    assert plain("The \\*first\\* parade,\n\n  in  Moscow.\n{: lang=ru }\nЕщё\n{lang=tr}\n") == (
        "The *first* parade, in Moscow. Ещё")
    assert plain("{ not an attribute line } and text") == "{ not an attribute line } and text"


def test_a_long_text_is_cut_at_a_word_with_its_trailing_punctuation_dropped():
    assert plain("Victory Day in Moscow, with the parade", limit=25) == "Victory Day in Moscow…"
    assert plain("one two three", limit=8) == "one two…"
    assert plain("alpha beta— gamma", limit=12) == "alpha beta…"
    assert plain("alpha beta:; gamma", limit=13) == "alpha beta…"
    assert plain("exactly ten", limit=11) == "exactly ten"


def test_plain_reads_only_the_start_of_a_very_long_body():
    body = "word " * 100 + "\n{: lang=ru }\n" + "x " * 1000
    assert plain(body, limit=10) == "word word…"
    assert plain("a" * 10 + " " + "b" * 30, limit=10) == "a" * 10 + "…"


def _entry(**fields):
    versions = {"ru": Version("ru", "Парад", "", {}, "content/posts/p/ru.md"),
                "en": Version("en", "Parade", "", {}, "content/posts/p/en.md")}
    return Entry(id="p", path="content/posts/p", lang="ru", source={}, versions=versions, **fields)


def test_a_page_shows_its_languages_version_or_the_original_as_a_fallback():
    entry = _entry()
    assert version_for(entry, "en") == (entry.versions["en"], False)
    assert version_for(entry, "tr") == (entry.versions["ru"], True)


def test_an_undated_post_says_so_in_the_pages_language():
    assert date_line(_entry(), "ru") == "Без даты"
    assert date_line(_entry(), "tr") == "Tarihsiz"


def test_the_date_and_time_as_markdown_or_html():
    entry = _entry(date=dt.date(1945, 5, 9), time="13:59 *GMT* <b>")
    assert date_line(entry, "en") == '<time datetime="1945-05-09">May 9, 1945</time>, 13:59 \\*GMT\\* &lt;b&gt;'
    assert date_line(entry, "tr", as_html=True) == '<time datetime="1945-05-09">9 Mayıs 1945</time>, 13:59 *GMT* &lt;b&gt;'


def test_an_inferred_date_says_so_and_on_the_post_page_why():
    entry = _entry(date=dt.date(1945, 4, 25), date_inferred={"en": "'78 years ago' *and* <April 25>"})
    assert date_line(entry, "en") == (
        '<time datetime="1945-04-25">April 25, 1945</time> <span class="inferred">(date inferred from the text)</span>')
    assert date_line(entry, "en", reason=True) == (
        '<time datetime="1945-04-25">April 25, 1945</time> <span class="inferred">(date inferred from the text: '
        "'78 years ago' \\*and\\* &lt;April 25&gt;)</span>")
    assert date_line(entry, "en", as_html=True, reason=True) == (
        '<time datetime="1945-04-25">April 25, 1945</time> <span class="inferred">(date inferred from the text: '
        "'78 years ago' *and* &lt;April 25&gt;)</span>")
    assert date_line(entry, "tr", reason=True) == (
        '<time datetime="1945-04-25">25 Nisan 1945</time> <span class="inferred">(tarih metinden çıkarılmıştır)</span>')


def test_a_credit_is_the_agency_with_a_copyright_sign_then_the_photographer():
    item = GalleryItem(1, "Sputnik", {"en": "Ivan *Shagin*", "ru": "Иван Шагин"}, None, None)
    assert credit_text(item, "ru") == "© Sputnik / Иван Шагин"
    assert credit_text(item, "en") == "© Sputnik / Ivan \\*Shagin\\*"
    assert credit_text(GalleryItem(2, None, {"": "Pfc. William E. Poulson"}, None, None), "tr") == "Pfc. William E. Poulson"
    assert credit_text(GalleryItem(3, "TASS_*", {}, None, None), "en") == "© TASS\\_\\*"
    assert credit_text(GalleryItem(4, None, {}, None, None), "en") == ""


def test_an_excerpt_is_240_characters_at_most_by_default():
    assert plain("a" * 240) == "a" * 240
    assert plain("a" * 241) == "a" * 240 + "…"


def test_only_punctuation_is_dropped_before_the_ellipsis():
    assert plain("Malcolm X and more", limit=12) == "Malcolm X…"


def test_plain_reads_three_times_the_limit_at_most():
    assert plain("a" + " " * 30 + "b", limit=10) == "a"
    assert plain("a" + " " * 28 + "b", limit=10) == "a b"


def test_an_excerpt_cut_just_after_a_whole_word_keeps_that_word():
    from scripts.site.fragments import plain

    assert plain("Troops met at Torgau on the Elbe", limit=13) == "Troops met at…"  # 'at' ends at 13
    assert plain("Troops met at Torgau on the Elbe", limit=12) == "Troops met…"
    assert plain("Unbreakablewordwithoutspaces", limit=10) == "Unbreakabl…"


def test_an_excerpt_ending_on_a_full_stop_gets_the_ellipsis_alone():
    """The home page showed 'eastern Poland.…' once a cut kept the whole last word."""
    from scripts.site.fragments import plain

    assert plain("They liberated eastern Poland. Then they moved west", limit=30) == "They liberated eastern Poland…"
