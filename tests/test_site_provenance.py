"""'About this copy' on a post page, a photo's rights, a source's page intro: what a reader sees and where the
links lead."""

from scripts.content.model import Entry, GalleryItem, Version
from scripts.content.sources_registry import Source
from scripts.site.provenance import (media_pointer, photo_rights, raw_name, raw_site_path, render_provenance,
                                     source_about, source_name, whose_words)

INC = "http://rightsstatements.org/vocab/InC/1.0/"
VERSIONS = {"ru": Version("ru", "Парад", "", {}, "content/posts/parade-1941/ru.md"),
            "en": Version("en", "Parade", "", {}, "content/posts/parade-1941/en.md")}


def _entry(source, **fields):
    return Entry(id="parade-1941", path="content/posts/parade-1941", lang="ru", source=source, versions=VERSIONS,
                 **fields)


FULL = _entry({"name": "MFA *1*", "raw": "sources/000_a.HTML", "url": "https://t.me/a/1?x=1&y=2"},
              rights=INC, raw_sha256="ab12")
BARE = _entry({"name": "TASS", "raw": "sources/0 1.txt"})
MFA = Source(written="MFA *1*", kind="ministry", names={"en": "Russian MFA", "ru": "МИД"},
             about={"en": "the foreign ministry of Russia"}, url="https://mid.ru/a?b&c", handle="@MFA<")


def test_the_english_page_of_a_russian_post_with_everything_known():
    assert render_provenance(FULL, "en", None, "sources/mfa.md") == (
        "\n## About this copy { #provenance }\n\n"
        '<div class="provenance" markdown>\n\n'
        '- <a class="original-link" href="https://t.me/a/1?x=1&amp;y=2" rel="noopener">View the original</a>: '
        "<code>https://t.me/a/1?x=1&amp;y=2</code>\n"
        "- [All posts of MFA \\*1\\* in this archive](../sources/mfa.md)\n"
        '- <a class="raw-copy" href="../../sources/raw/000_a.HTML.txt" download>The archived raw copy, verbatim</a> '
        '(<code>000_a.HTML.txt</code>) · SHA-256 <code class="sha256">ab12</code>\n'
        '- Rights in the text: <span class="rights"><a href="http://rightsstatements.org/vocab/InC/1.0/" '
        'rel="license">In Copyright</a></span>\n'
        "- The translation is this archive’s work, licensed under "
        '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.\n\n'
        "</div>\n\n")


def test_the_original_languages_page_has_no_translation_line_and_links_one_folder_deeper():
    page = render_provenance(FULL, "ru", None, "sources/mfa.md")
    assert '<a class="raw-copy" href="../../../sources/raw/000_a.HTML.txt" download>' in page
    assert "Охраняется авторским правом</a>" in page
    assert "CC BY 4.0" not in page


def test_a_page_in_a_language_without_a_translation_has_no_translation_line():
    assert "CC BY" not in render_provenance(FULL, "tr", None, "sources/mfa.md")


def test_what_is_not_known_is_said_so():
    assert render_provenance(BARE, "tr", None, "sources/tass.md") == (
        "\n## Bu kopya hakkında { #provenance }\n\n"
        '<div class="provenance" markdown>\n\n'
        '- <span class="original-unknown">Özgün paylaşımın adresi bilinmiyor: arşivlenen kopyada belirtilmemiş.</span>\n'
        "- [TASS: bu arşivdeki tüm paylaşımları](../sources/tass.md)\n"
        '- <a class="raw-copy" href="../../../sources/raw/0%201.txt" download>Arşivlenen ham kopya, değiştirilmeden</a> '
        "(<code>0 1.txt</code>)\n"
        '- Metnin hakları: <span class="rights">belirtilmemiş</span>\n\n'
        "</div>\n\n")


def test_a_post_without_a_raw_copy_has_no_raw_line():
    entry = _entry({"name": "TASS"})
    assert raw_name(entry) is None and raw_site_path(entry) is None
    assert "raw-copy" not in render_provenance(entry, "en", None, "sources/tass.md")


def test_raw_copies_a_browser_would_run_are_published_as_text():
    names = {raw_name(_entry({"raw": f"sources/a/{n}"})) for n in ("x.htm", "x.SVG", "x.mhtml", "x.xml")}
    assert names == {"x.htm.txt", "x.SVG.txt", "x.mhtml.txt", "x.xml.txt"}
    assert raw_name(_entry({"raw": "sources/a/x.json"})) == "x.json"
    assert raw_site_path(_entry({"raw": "sources/a/ü#.json"})) == "sources/raw/%C3%BC%23.json"


def test_the_original_is_linked_only_when_it_is_a_web_address():
    assert media_pointer(FULL, "en") == (
        ' It can be seen in the original: <a href="https://t.me/a/1?x=1&amp;y=2" rel="noopener">View the original</a>.')
    assert media_pointer(BARE, "en") == " The address of the original, where it could be seen, is not known."
    assert media_pointer(_entry({"url": "javascript:alert(1)"}), "en") == media_pointer(BARE, "en")
    assert "original-unknown" in render_provenance(_entry({"name": "X", "url": 5}), "en", None, "sources/x.md")


def test_whose_words_names_the_source_and_who_it_is():
    assert whose_words(FULL, "en", {"MFA *1*": MFA}) == (
        "The words are those of Russian MFA (the foreign ministry of Russia); this archive quotes them.")
    assert whose_words(FULL, "ru", {"MFA *1*": MFA}) == "Автор текста\u00a0— МИД; архив его цитирует."  # a no-break space before the dash
    assert whose_words(BARE, "en", None) == "The words are those of TASS; this archive quotes them."
    assert whose_words(FULL, "en", {}) == "The words are those of MFA \\*1\\*; this archive quotes them."


def test_the_source_name_comes_from_the_registry_resolved_on_load_first():
    entry = _entry({"name": "MFA *1*"}, registered_source=MFA)
    other = Source(written="MFA *1*", names={"en": "Someone else"})
    assert source_name(entry, "en", {"MFA *1*": other}) == "Russian MFA"
    assert source_name(_entry({}), "en", None) == ""


def test_a_photos_rights_follow_its_credit_as_a_linked_label():
    assert photo_rights(GalleryItem(1, None, {}, "https://creativecommons.org/licenses/by/4.0/", None), "tr") == (
        ' · Haklar: <a href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>')
    assert photo_rights(GalleryItem(1, None, {}, None, None), "en") == ""


def test_a_sources_page_says_who_it_is_what_it_is_and_its_address_and_handle():
    assert source_about(MFA, "MFA *1*", "en") == (
        '<p class="source-about" markdown="span">The foreign ministry of Russia '
        '<span class="source-type">(a government ministry)</span>. It signs its posts as “MFA \\*1\\*”.</p>\n\n'
        '- Address: <a href="https://mid.ru/a?b&amp;c" rel="noopener">https://mid.ru/a?b&amp;c</a>\n'
        "- Handle: <code>@MFA&lt;</code>\n\n")


def test_a_source_without_a_kind_address_or_handle_has_no_such_lines():
    source = Source(written="TASS", about={"en": "a news agency"})
    assert source_about(source, "TASS", "en") == (
        '<p class="source-about" markdown="span">A news agency. It signs its posts as “TASS”.</p>\n\n')


def test_an_unregistered_source_is_said_to_be_undescribed():
    assert source_about(None, "TASS_", "en") == (
        "The archive has not yet described who this source is. It signs its posts as “TASS\\_”.\n\n")


def test_the_source_page_link_uses_the_registrys_name_in_the_pages_language():
    page = render_provenance(FULL, "ru", {"MFA *1*": MFA}, "sources/mfa.md")
    assert "- [Все публикации источника «МИД» в архиве](../sources/mfa.md)\n" in page


def test_a_registered_source_not_yet_described_in_a_language_says_so_with_its_kind():
    """One full stop, after the kind (it read "…кто этот источник. (министерство). …")."""
    assert source_about(MFA, "MFA *1*", "ru").startswith(
        '<p class="source-about" markdown="span">Архив ещё не описал, кто этот источник '
        '<span class="source-type">(министерство)</span>. Свои публикации подписывает так')


def test_a_description_ending_in_a_full_stop_gets_no_second_one():
    source = Source(written="TASS", about={"en": "A news agency."}, kind="news-agency")
    html = source_about(source, "TASS", "en")
    assert "A news agency <span" in html and ".." not in html and ". (" not in html
