"""A post's citation as a reader copies it and as reference managers import it (BibTeX, CSL-JSON, Highwire
meta), built from Entry objects made here. Expected values are written out as Zotero or a bibliography
would show them, not taken from the module."""

import datetime as dt
import json

from scripts.content.model import Entry, Tag, Version
from scripts.content.sources_registry import Source
from scripts.site.citation import (
    Citation,
    bib_escape,
    bibtex,
    citation_of,
    citation_text,
    cite_block,
    cite_files,
    csl,
    csl_json,
    highwire,
    meta_tags,
    page_url,
)

BASE = "https://example.org/archive/"
MFA = Source(written="MFA *1*", kind="ministry", names={"en": "Russian MFA", "ru": "МИД России"})
SOURCES = {"MFA *1*": MFA}
TAGS = (Tag("moscow", (("en", "Moscow"), ("ru", "Москва"))), Tag("parade", (("en", "Parade"), ("ru", "Парад"))))


def _entry(source=None, versions=None, lang="ru", **fields):
    versions = versions or {"ru": Version("ru", "Парад", "", {}, "p/ru.md"),
                            "en": Version("en", "The parade", "", {}, "p/en.md")}
    source = {"name": "MFA *1*", "kind": "telegram-web", "url": "https://t.me/a/1"} if source is None else source
    return Entry(id="parade-1941", path="content/posts/parade-1941", lang=lang, source=source, versions=versions,
                 **fields)


PARADE = _entry(date=dt.date(1941, 11, 7), tags=TAGS)

EN = Citation(key="parade-1941-en", author="Russian MFA", title="The parade", date=dt.date(1941, 11, 7), lang="en",
              url="https://example.org/archive/posts/parade-1941/", genre="Telegram post", container="MFA *1*",
              translated_from="ru", site="Remembering the Second World War", site_url="https://example.org/archive/",
              original_url="https://t.me/a/1", csl_type="post", tags=("Moscow", "Parade"), page_lang="en")


# --- the record ----------------------------------------------------------------------------------

def test_the_english_translation_of_a_russian_post():
    assert citation_of(PARADE, "en", BASE, SOURCES) == EN


def test_the_russian_original_on_its_own_page():
    assert citation_of(PARADE, "ru", BASE, SOURCES) == Citation(
        key="parade-1941-ru", author="МИД России", title="Парад", date=dt.date(1941, 11, 7), lang="ru",
        url="https://example.org/archive/ru/posts/parade-1941/", genre="пост в Telegram", container="MFA *1*",
        translated_from=None, site="Память о Второй мировой войне", site_url="https://example.org/archive/ru/",
        original_url="https://t.me/a/1", csl_type="post", tags=("Москва", "Парад"), page_lang="ru")


def test_a_page_in_a_language_without_a_translation_cites_the_original_text_in_the_pages_words():
    # no Turkish version: the Turkish page shows the Russian text; the registry has no Turkish name
    assert citation_of(PARADE, "tr", BASE, SOURCES) == Citation(
        key="parade-1941-tr", author="Russian MFA", title="Парад", date=dt.date(1941, 11, 7), lang="ru",
        url="https://example.org/archive/tr/posts/parade-1941/", genre="Telegram paylaşımı", container="MFA *1*",
        translated_from=None, site="İkinci Dünya Savaşı’nı Anmak", site_url="https://example.org/archive/tr/",
        original_url="https://t.me/a/1", csl_type="post", tags=("Moscow", "Parade"), page_lang="tr")


def test_without_a_registry_the_source_is_named_as_written():
    assert citation_of(PARADE, "en", BASE, None).author == "MFA *1*"
    assert citation_of(PARADE, "en", BASE, {}).author == "MFA *1*"


def test_a_post_without_kind_name_or_address_is_a_plain_post_by_nobody_named():
    c = citation_of(_entry(source={}), "en", BASE, None)
    assert (c.author, c.container, c.genre, c.csl_type, c.original_url, c.date, c.tags) == (
        "", "", "post", "post", None, None, ())
    assert citation_of(_entry(source={}), "ru", BASE, None).genre == "публикация"


def test_a_news_gallery_is_a_newspaper_article_and_an_unknown_kind_is_named_as_written():
    gallery = citation_of(_entry(source={"name": "TASS", "kind": "gallery-article"}), "tr", BASE, None)
    assert (gallery.genre, gallery.csl_type) == ("haber fotoğraf galerisi", "article-newspaper")
    html_article = citation_of(_entry(source={"name": "TASS", "kind": "news-article-html"}), "en", BASE, None)
    assert (html_article.genre, html_article.csl_type) == ("news photo gallery", "article-newspaper")
    other = citation_of(_entry(source={"name": "TASS", "kind": "fanzine"}), "en", BASE, None)
    assert (other.genre, other.csl_type) == ("fanzine", "post")


def test_an_original_address_that_is_no_web_address_is_not_cited():
    for url in ("javascript:alert(1)", "t.me/a/1", 17):
        assert citation_of(_entry(source={"name": "A", "url": url}), "en", BASE, None).original_url is None


def test_page_url_and_download_files():
    assert page_url(BASE, "en", PARADE) == "https://example.org/archive/posts/parade-1941/"
    assert page_url(BASE, "tr", PARADE) == "https://example.org/archive/tr/posts/parade-1941/"
    assert cite_files(PARADE, "ru") == ("posts/parade-1941/cite.ru.bib", "posts/parade-1941/cite.ru.json")


# --- the text a reader copies ------------------------------------------------------------------

def test_the_citation_text_in_each_language():
    assert citation_text(EN, "en") == (
        "Russian MFA. “The parade.” Telegram post, November 7, 1941. Translated from Russian by the archive. "
        "In Remembering the Second World War, https://example.org/archive/posts/parade-1941/. Accessed [date].")
    # the Russian date's own "г." (after a narrow no-break space, as CLDR writes it) and the format's full stop
    # make one full stop
    assert citation_text(citation_of(PARADE, "ru", BASE, SOURCES), "ru") == (
        "МИД России. Парад [пост в Telegram]. 7 ноября 1941\u202fг. Память о Второй мировой войне. "
        "URL: https://example.org/archive/ru/posts/parade-1941/ (дата обращения: ДД.ММ.ГГГГ).")
    assert citation_text(citation_of(PARADE, "tr", BASE, SOURCES), "tr") == (
        "Russian MFA. (7 Kasım 1941). Парад [Telegram paylaşımı]. İkinci Dünya Savaşı’nı Anmak. "
        "https://example.org/archive/tr/posts/parade-1941/ (erişim tarihi: GG.AA.YYYY).")


def test_a_translation_says_from_which_language_in_the_pages_words():
    english = _entry(lang="en", versions={"en": Version("en", "Parade", "", {}, "p/en.md"),
                                          "ru": Version("ru", "Парад", "", {}, "p/ru.md"),
                                          "tr": Version("tr", "Geçit", "", {}, "p/tr.md")})
    ru = citation_of(english, "ru", BASE, SOURCES)
    assert ru.translated_from == "en"
    assert citation_text(ru, "ru") == (
        "МИД России. Парад [пост в Telegram]. б.\u00a0д. Пер. с английского: архив. Память о Второй мировой войне. "
        "URL: https://example.org/archive/ru/posts/parade-1941/ (дата обращения: ДД.ММ.ГГГГ).")
    tr = citation_of(english, "tr", BASE, SOURCES)
    assert citation_text(tr, "tr") == (
        "Russian MFA. (t.y.). Geçit [Telegram paylaşımı]. İngilizceden çeviren: arşiv. İkinci Dünya Savaşı’nı Anmak. "
        "https://example.org/archive/tr/posts/parade-1941/ (erişim tarihi: GG.AA.YYYY).")


def test_an_undated_post_says_so():
    undated = citation_of(_entry(), "en", BASE, SOURCES)
    assert citation_text(undated, "en") == (
        "Russian MFA. “The parade.” Telegram post, n.d. Translated from Russian by the archive. "
        "In Remembering the Second World War, https://example.org/archive/posts/parade-1941/. Accessed [date].")


def test_an_ellipsis_in_a_title_is_kept():
    c = citation_of(_entry(versions={"ru": Version("ru", "Ждите...", "", {}, "p/ru.md")}), "ru", BASE, None)
    assert citation_text(c, "ru").startswith("MFA *1*. Ждите... [пост в Telegram]. б.\u00a0д. Память")


# --- BibTeX ----------------------------------------------------------------------------------------

def test_bib_escape_escapes_every_tex_special_and_folds_line_breaks():
    assert bib_escape("a\\b{c}%d$e&f#g_h^i~j") == r"a\textbackslash{}b\{c\}\%d\$e\&f\#g\_h\^{}i\~{}j"
    assert bib_escape("  two\n\tlines \r\n here  ") == "two lines here"
    assert bib_escape("7\u00a0мая") == "7\u00a0мая"  # a no-break space stays one
    assert bib_escape(1941) == "1941"


def test_the_bibtex_entry_of_a_translation():
    assert bibtex(EN) == (
        "@misc{parade-1941-en,\n"
        "  author = {{Russian MFA}},\n"
        "  title = {The parade},\n"
        "  howpublished = {Telegram post, MFA *1*},\n"
        "  organization = {MFA *1*},\n"
        "  year = {1941},\n"
        "  month = {11},\n"
        "  date = {1941-11-07},\n"
        "  url = {https://example.org/archive/posts/parade-1941/},\n"
        "  language = {english},\n"
        "  note = {Remembering the Second World War. Translated from Russian by the archive. https://t.me/a/1},\n"
        "  keywords = {Moscow, Parade}\n"
        "}\n")


def test_the_bibtex_entry_of_an_undated_original_without_address_or_tags():
    c = citation_of(_entry(source={"name": "TASS", "kind": "gallery-article"}), "ru", BASE, None)
    assert bibtex(c) == (
        "@misc{parade-1941-ru,\n"
        "  author = {{TASS}},\n"
        "  title = {Парад},\n"
        "  howpublished = {фотогалерея новостного издания, TASS},\n"
        "  organization = {TASS},\n"
        "  url = {https://example.org/archive/ru/posts/parade-1941/},\n"
        "  language = {russian},\n"
        "  note = {Память о Второй мировой войне.}\n"
        "}\n")


def test_a_turkish_translation_of_a_german_original_in_bibtex():
    german = _entry(lang="de", versions={"de": Version("de", "Die Parade", "", {}, "p/de.md"),
                                         "tr": Version("tr", "Geçit", "", {}, "p/tr.md")},
                    source={"name": "TASS", "kind": "telegram-json"}, date=dt.date(1945, 5, 9))
    assert bibtex(citation_of(german, "tr", BASE, None)) == (
        "@misc{parade-1941-tr,\n"
        "  author = {{TASS}},\n"
        "  title = {Geçit},\n"
        "  howpublished = {Telegram paylaşımı, TASS},\n"
        "  organization = {TASS},\n"
        "  year = {1945},\n"
        "  month = {5},\n"
        "  date = {1945-05-09},\n"
        "  url = {https://example.org/archive/tr/posts/parade-1941/},\n"
        "  language = {turkish},\n"
        "  note = {İkinci Dünya Savaşı’nı Anmak. Almancadan çeviren: arşiv.}\n"
        "}\n")
    # the German original on the English page: a language BibTeX has no name for here is given as its code
    assert "  language = {de},\n" in bibtex(citation_of(german, "en", BASE, None))


HOSTILE = 'Evil</script>{x} } @misc{y, \\ % "q" \'s <!--'


def test_a_hostile_title_and_source_keep_the_entrys_braces_balanced():
    c = Citation(key="k", author=HOSTILE, title=HOSTILE, date=None, lang="en", url="https://e.org/a_b%20c",
                 genre="post", container=HOSTILE, translated_from=None, site="S", site_url="https://e.org/",
                 original_url=None, csl_type="post", tags=("a{b}", "c_d"))
    escaped = r"Evil</script>\{x\} \} @misc\{y, \textbackslash{} \% " + "\"q\" 's <!--"
    assert bibtex(c) == (
        "@misc{k,\n"
        f"  author = {{{{{escaped}}}}},\n"
        f"  title = {{{escaped}}},\n"
        f"  howpublished = {{post, {escaped}}},\n"
        f"  organization = {{{escaped}}},\n"
        r"  url = {https://e.org/a\_b\%20c}," "\n"
        "  language = {english},\n"
        "  note = {S.},\n"
        r"  keywords = {a\{b\}, c\_d}" "\n"
        "}\n")


# --- CSL-JSON --------------------------------------------------------------------------------------

def test_the_csl_item_of_a_translation():
    assert csl(EN) == {
        "id": "parade-1941-en", "type": "post", "title": "The parade", "author": [{"literal": "Russian MFA"}],
        "container-title": "MFA *1*", "genre": "Telegram post",
        "URL": "https://example.org/archive/posts/parade-1941/", "language": "en",
        "publisher": "Remembering the Second World War", "issued": {"date-parts": [[1941, 11, 7]]},
        "note": "Translated from Russian by the archive.", "source": "https://t.me/a/1", "keyword": "Moscow, Parade"}


def test_the_csl_item_of_an_undated_original_has_no_empty_fields():
    c = citation_of(_entry(source={"name": "TASS", "kind": "gallery-article"}), "ru", BASE, None)
    assert csl(c) == {
        "id": "parade-1941-ru", "type": "article-newspaper", "title": "Парад", "author": [{"literal": "TASS"}],
        "container-title": "TASS", "genre": "фотогалерея новостного издания",
        "URL": "https://example.org/archive/ru/posts/parade-1941/", "language": "ru",
        "publisher": "Память о Второй мировой войне"}


def test_the_csl_json_file_is_a_list_of_one_item_in_readable_utf8():
    c = Citation(key="k", author='A "q" </script>', title="Парад", date=dt.date(2023, 5, 9), lang="ru",
                 url="https://e.org/", genre="g", container="\\", translated_from=None, site="S",
                 site_url="https://e.org/", original_url=None, csl_type="post")
    assert csl_json(c) == (
        '[\n'
        '  {\n'
        '    "id": "k",\n'
        '    "type": "post",\n'
        '    "title": "Парад",\n'
        '    "author": [\n'
        '      {\n'
        '        "literal": "A \\"q\\" </script>"\n'
        '      }\n'
        '    ],\n'
        '    "container-title": "\\\\",\n'
        '    "genre": "g",\n'
        '    "URL": "https://e.org/",\n'
        '    "language": "ru",\n'
        '    "publisher": "S",\n'
        '    "issued": {\n'
        '      "date-parts": [\n'
        '        [\n'
        '          2023,\n'
        '          5,\n'
        '          9\n'
        '        ]\n'
        '      ]\n'
        '    }\n'
        '  }\n'
        ']\n')
    assert json.loads(csl_json(c))[0]["author"] == [{"literal": 'A "q" </script>'}]


# --- Highwire meta and the page's block ------------------------------------------------------------

def test_highwire_meta_of_a_dated_post_with_tags():
    assert highwire(EN) == [
        ("citation_title", "The parade"), ("citation_author", "Russian MFA"),
        ("citation_publication_date", "1941/11/07"), ("citation_language", "en"),
        ("citation_public_url", "https://example.org/archive/posts/parade-1941/"),
        ("citation_publisher", "Remembering the Second World War"),
        ("citation_keywords", "Moscow"), ("citation_keywords", "Parade")]


def test_highwire_meta_of_an_undated_post_without_tags():
    c = citation_of(_entry(source={"name": "TASS"}), "tr", BASE, None)
    assert highwire(c) == [
        ("citation_title", "Парад"), ("citation_author", "TASS"), ("citation_language", "ru"),
        ("citation_public_url", "https://example.org/archive/tr/posts/parade-1941/"),
        ("citation_publisher", "İkinci Dünya Savaşı’nı Anmak")]


def test_meta_tags_escape_their_content_attributes():
    c = Citation(key="k", author='"><script>alert(1)</script>', title="Tom & Jerry's", date=None, lang="en",
                 url="https://e.org/?a=1&b=2", genre="g", container="c", translated_from=None, site="S<",
                 site_url="https://e.org/", original_url=None, csl_type="post", tags=("<b>",))
    assert meta_tags(c) == (
        '\n    <meta name="citation_title" content="Tom &amp; Jerry&#x27;s">'
        '\n    <meta name="citation_author" content="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">'
        '\n    <meta name="citation_language" content="en">'
        '\n    <meta name="citation_public_url" content="https://e.org/?a=1&amp;b=2">'
        '\n    <meta name="citation_publisher" content="S&lt;">'
        '\n    <meta name="citation_keywords" content="&lt;b&gt;">')


def test_the_cite_this_block_in_english():
    assert cite_block(EN, "en", "../parade-1941/cite.en.bib", "../parade-1941/cite.en.json") == (
        '<h2 id="cite">Cite this</h2>\n'
        '<div class="cite-this">\n'
        "<p>A citation of this page, to copy; put in the date you read it.</p>\n"
        '<blockquote class="citation"><p>Russian MFA. “The parade.” Telegram post, November 7, 1941. '
        "Translated from Russian by the archive. In Remembering the Second World War, "
        "https://example.org/archive/posts/parade-1941/. Accessed [date].</p></blockquote>\n"
        '<p class="cite-downloads">Download the citation: '
        '<a href="../parade-1941/cite.en.bib" download type="application/x-bibtex">BibTeX</a> · '
        '<a href="../parade-1941/cite.en.json" download type="application/vnd.citationstyles.csl+json">CSL-JSON</a></p>\n'
        "</div>")


def test_the_cite_this_block_escapes_the_citation_and_the_links():
    c = citation_of(_entry(source={"name": '<script>"x"</script>'},
                           versions={"ru": Version("ru", "A & B", "", {}, "p/ru.md")}), "tr", BASE, None)
    block = cite_block(c, "tr", 'a".bib', "b'.json")
    assert block == (
        '<h2 id="cite">Kaynak gösterme</h2>\n'
        '<div class="cite-this">\n'
        "<p>Bu sayfanın kaynakçada gösterilişi; okuduğunuz tarihi ekleyin.</p>\n"
        '<blockquote class="citation"><p>&lt;script&gt;&quot;x&quot;&lt;/script&gt;. (t.y.). A &amp; B [paylaşım]. '
        "İkinci Dünya Savaşı’nı Anmak. https://example.org/archive/tr/posts/parade-1941/ "
        "(erişim tarihi: GG.AA.YYYY).</p></blockquote>\n"
        '<p class="cite-downloads">Künyeyi indir: '
        '<a href="a&quot;.bib" download type="application/x-bibtex">BibTeX</a> · '
        '<a href="b&#x27;.json" download type="application/vnd.citationstyles.csl+json">CSL-JSON</a></p>\n'
        "</div>")
