"""A post's schema.org JSON-LD as a search engine or Zotero reads it: the post, its source, rights, versions,
the original and the archived copy, its photographs; and the <script> it is written in. Expected objects
are written out literally, not taken from the module."""

import datetime as dt
import json

from scripts.content.model import Entry, GalleryItem, Tag, Version
from scripts.content.sources_registry import Source
from scripts.site.jsonld import post_jsonld, script_tag

BASE = "https://example.org/archive/"
INC = "http://rightsstatements.org/vocab/InC/1.0/"
CNE = "http://rightsstatements.org/vocab/CNE/1.0/"
CC_BY = "https://creativecommons.org/licenses/by/4.0/"
MFA = Source(written="MFA *1*", kind="ministry", names={"en": "Russian MFA", "ru": "МИД России"},
             about={"ru": "министерство иностранных дел России"}, url="https://mid.ru/")
SOURCES = {"MFA *1*": MFA}
TAGS = (Tag("moscow", (("en", "Moscow"), ("ru", "Москва"))), Tag("parade", (("en", "Parade"), ("ru", "Парад"))))
GALLERY = (GalleryItem(n=1, agency="TASS", photographer={"ru": "Иван Петров", "en": "Ivan Petrov"}, rights=CNE,
                       image="1.webp"),
           GalleryItem(n=2, agency=None, photographer={"": "Anna"}, rights=None, image=None),
           GalleryItem(n=3, agency=None, photographer={}, rights=None, image=None))
VERSIONS = {"ru": Version("ru", "Парад", "Парад на Красной площади.", {1: "Парад \\*1\\*", 2: "Танки"}, "p/ru.md"),
            "en": Version("en", "The parade", "The parade on  Red Square.", {1: "Parade"}, "p/en.md")}
PARADE = Entry(id="parade-1941", path="content/posts/parade-1941", lang="ru",
               source={"name": "MFA *1*", "kind": "telegram-web", "url": "https://t.me/a/1",
                       "raw": "sources/000_a.html"},
               versions=VERSIONS, date=dt.date(1941, 11, 7), rights=INC, raw_sha256="ab12", tags=TAGS,
               gallery=GALLERY)
RAW_COPY = {"@type": "MediaObject", "name": "000_a.html.txt", "contentUrl": BASE + "sources/raw/000_a.html.txt",
            "encodingFormat": "text/plain", "sha256": "ab12"}


def _bare(source=None, **fields):
    return Entry(id="bare", path="content/posts/bare", lang="ru",
                 source={"name": "TASS", "kind": "gallery-article"} if source is None else source,
                 versions={"ru": Version("ru", "Парад", "", {}, "p/ru.md")}, **fields)


def test_the_original_on_its_own_page():
    source = {"@type": "Organization", "name": "МИД России", "alternateName": "MFA *1*",
              "description": "министерство иностранных дел России", "url": "https://mid.ru/"}
    assert post_jsonld(PARADE, "ru", BASE, SOURCES) == {
        "@context": "https://schema.org",
        "@type": "SocialMediaPosting",
        "@id": "https://example.org/archive/ru/posts/parade-1941/#post",
        "url": "https://example.org/archive/ru/posts/parade-1941/",
        "mainEntityOfPage": "https://example.org/archive/ru/posts/parade-1941/",
        "headline": "Парад",
        "name": "Парад",
        "inLanguage": "ru",
        "author": source,
        "copyrightHolder": source,
        "creditText": "МИД России",
        "isPartOf": {"@type": "WebSite", "name": "Память о Второй мировой войне", "url": BASE},
        "description": "Парад на Красной площади.",
        "datePublished": "1941-11-07",
        "license": INC,
        "isBasedOn": ["https://t.me/a/1", RAW_COPY],
        "workTranslation": [{"@id": "https://example.org/archive/posts/parade-1941/#post", "inLanguage": "en"}],
        "keywords": ["Москва", "Парад"],
        "hasPart": {"@type": "ImageGallery", "name": "Фотографии", "associatedMedia": [
            {"@type": "Photograph", "position": 1, "caption": "Парад *1*", "creditText": "TASS / Иван Петров",
             "creator": {"@type": "Person", "name": "Иван Петров"},
             "copyrightHolder": {"@type": "Organization", "name": "TASS"}, "license": CNE,
             "contentUrl": "https://example.org/archive/posts/parade-1941/1.webp"},
            {"@type": "Photograph", "position": 2, "caption": "Танки", "creditText": "Anna",
             "creator": {"@type": "Person", "name": "Anna"}},
            {"@type": "Photograph", "position": 3, "caption": "", "creditText": ""}]},
    }


def test_the_english_translation_names_its_original_and_the_archive_as_translator():
    source = {"@type": "Organization", "name": "Russian MFA", "alternateName": "MFA *1*", "url": "https://mid.ru/"}
    assert post_jsonld(PARADE, "en", BASE, SOURCES) == {
        "@context": "https://schema.org",
        "@type": "SocialMediaPosting",
        "@id": "https://example.org/archive/posts/parade-1941/#post",
        "url": "https://example.org/archive/posts/parade-1941/",
        "mainEntityOfPage": "https://example.org/archive/posts/parade-1941/",
        "headline": "The parade",
        "name": "The parade",
        "inLanguage": "en",
        "author": source,
        "copyrightHolder": source,
        "creditText": "Russian MFA",
        "isPartOf": {"@type": "WebSite", "name": "Remembering the Second World War", "url": BASE},
        "description": "The parade on Red Square.",
        "datePublished": "1941-11-07",
        "license": [INC, CC_BY],
        "isBasedOn": ["https://t.me/a/1", RAW_COPY],
        "translationOfWork": {"@id": "https://example.org/archive/ru/posts/parade-1941/#post", "inLanguage": "ru"},
        "translator": {"@type": "Organization", "name": "Remembering the Second World War", "url": BASE},
        "keywords": ["Moscow", "Parade"],
        "hasPart": {"@type": "ImageGallery", "name": "Photographs", "associatedMedia": [
            {"@type": "Photograph", "position": 1, "caption": "Parade", "creditText": "TASS / Ivan Petrov",
             "creator": {"@type": "Person", "name": "Ivan Petrov"},
             "copyrightHolder": {"@type": "Organization", "name": "TASS"}, "license": CNE,
             "contentUrl": "https://example.org/archive/posts/parade-1941/1.webp"},
            {"@type": "Photograph", "position": 2, "caption": "Танки", "creditText": "Anna",  # the original's caption
             "creator": {"@type": "Person", "name": "Anna"}},
            {"@type": "Photograph", "position": 3, "caption": "", "creditText": ""}]},
    }


def test_a_page_without_its_languages_version_describes_the_original_shown():
    node = post_jsonld(PARADE, "tr", BASE, SOURCES)
    assert (node["@id"], node["inLanguage"], node["name"], node["license"]) == (
        "https://example.org/archive/tr/posts/parade-1941/#post", "ru", "Парад", INC)
    assert node["author"] == {"@type": "Organization", "name": "Russian MFA", "alternateName": "MFA *1*",
                              "url": "https://mid.ru/"}
    assert node["isPartOf"] == {"@type": "WebSite", "name": "İkinci Dünya Savaşı’nı Anmak", "url": BASE}
    assert node["workTranslation"] == [{"@id": "https://example.org/archive/posts/parade-1941/#post",
                                        "inLanguage": "en"}]
    assert "translationOfWork" not in node and "translator" not in node
    assert node["keywords"] == ["Moscow", "Parade"]
    assert node["hasPart"]["name"] == "Fotoğraflar"
    assert node["hasPart"]["associatedMedia"][0]["caption"] == "Парад *1*"
    assert node["hasPart"]["associatedMedia"][0]["creator"] == {"@type": "Person", "name": "Ivan Petrov"}


def test_a_bare_gallery_article_has_only_what_is_known():
    assert post_jsonld(_bare(), "tr", BASE, None) == {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": "https://example.org/archive/tr/posts/bare/#post",
        "url": "https://example.org/archive/tr/posts/bare/",
        "mainEntityOfPage": "https://example.org/archive/tr/posts/bare/",
        "headline": "Парад",
        "name": "Парад",
        "inLanguage": "ru",
        "author": {"@type": "Organization", "name": "TASS"},
        "copyrightHolder": {"@type": "Organization", "name": "TASS"},
        "creditText": "TASS",
        "isPartOf": {"@type": "WebSite", "name": "İkinci Dünya Savaşı’nı Anmak", "url": BASE},
        "workTranslation": [],
    }


def test_kinds_and_sources():
    assert post_jsonld(_bare({"name": "TASS", "kind": "news-article-html"}), "ru", BASE, None)["@type"] == "NewsArticle"
    assert post_jsonld(_bare({"name": "TASS", "kind": "telegram-json"}), "ru", BASE, None)["@type"] == "SocialMediaPosting"
    assert post_jsonld(_bare({"name": "TASS"}), "ru", BASE, None)["@type"] == "SocialMediaPosting"
    # a registered source named as written has no alternate name; one without an address has no url
    tass = {"TASS": Source(written="TASS", names={"en": "TASS"}, about={"en": "a news agency"})}
    assert post_jsonld(_bare(), "en", BASE, tass)["author"] == {
        "@type": "Organization", "name": "TASS", "description": "a news agency"}
    assert post_jsonld(_bare({}), "ru", BASE, None)["author"] == {"@type": "Organization", "name": ""}


def test_a_translation_without_a_rights_statement_carries_the_archives_licence_only():
    entry = Entry(id="bare", path="content/posts/bare", lang="ru", source={"name": "TASS"},
                  versions={"ru": Version("ru", "Парад", "", {}, "p/ru.md"),
                            "en": Version("en", "Parade", "", {}, "p/en.md")})
    assert post_jsonld(entry, "en", BASE, None)["license"] == [CC_BY]


def test_the_original_address_and_the_raw_copy_each_count_alone():
    only_url = post_jsonld(_bare({"name": "TASS", "url": "https://t.me/a/2"}), "ru", BASE, None)
    assert only_url["isBasedOn"] == ["https://t.me/a/2"]
    only_raw = post_jsonld(_bare({"name": "TASS", "url": "javascript:alert(1)", "raw": "sources/a b.json"}),
                           "ru", BASE, None)
    assert only_raw["isBasedOn"] == [{"@type": "MediaObject", "name": "a b.json",
                                      "contentUrl": "https://example.org/archive/sources/raw/a%20b.json",
                                      "encodingFormat": "text/plain"}]


def test_headline_and_description_are_cut_where_search_engines_want_them():
    title = "Victory " * 13 + "Day in Moscow"  # 117 characters
    body = "word " * 31 + "last z"  # 161 characters: one more than a description holds
    entry = Entry(id="bare", path="content/posts/bare", lang="en", source={"name": "TASS"},
                  versions={"en": Version("en", title, body, {}, "p/en.md")})
    node = post_jsonld(entry, "en", BASE, None)
    assert node["headline"] == "Victory " * 13 + "Day in"  # 110 characters
    assert node["name"] == title
    assert node["description"] == "word " * 31 + "last…"


def test_the_script_tag_keeps_text_from_closing_the_script_or_opening_a_comment():
    data = {"name": 'Evil</script><script>alert(1)</script> & "q" <!-- \\', "lang": "Парад", "n": [1, 2]}
    assert script_tag(data) == (
        '\n    <script type="application/ld+json">'
        '{"name":"Evil\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\"q\\" '
        '\\u003c!-- \\\\","lang":"Парад","n":[1,2]}'
        "</script>")
    assert json.loads(script_tag(data).split(">", 1)[1].rsplit("<", 1)[0]) == data


def test_a_hostile_source_and_caption_stay_text_in_the_script():
    hostile = 'Evil</script><!--"'
    entry = Entry(id="bare", path="content/posts/bare", lang="en", source={"name": hostile},
                  versions={"en": Version("en", hostile, "", {1: "a \\<b\\>"}, "p/en.md")},
                  gallery=(GalleryItem(n=1, agency=hostile, photographer={}, rights=None, image=None),))
    tag = script_tag(post_jsonld(entry, "en", BASE, None))
    assert "</script" not in tag[:-len("</script>")] and "<!--" not in tag
    data = json.loads(tag.split(">", 1)[1].rsplit("<", 1)[0])
    assert data["name"] == data["creditText"] == data["author"]["name"] == hostile
    assert data["hasPart"]["associatedMedia"][0]["caption"] == "a <b>"
