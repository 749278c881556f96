"""A post's page (site/post_page.py) rendered from small posts written for the test (mutation-tested)."""

import dataclasses
import shutil
import textwrap

import pytest

from scripts.content.load import load_content, original_text, text_hash
from scripts.content.model import ContentError
from scripts.site.post_page import render_post
from tests.conftest import GOLDEN_CONTENT

META = """\
date: '2023-05-09'
source:
  name: Test Channel
  kind: telegram-web
lang: en
rights: http://rightsstatements.org/vocab/CNE/1.0/
"""
EN = """\
---
title: Victory Day
---

Troops met at the Elbe.
"""


@pytest.fixture
def page(tmp_path):
    """page(meta_extra=..., files={lang: text}, lang=...) -> the rendered Markdown of post 'p'."""
    root = tmp_path / "content"
    root.mkdir()
    shutil.copy(GOLDEN_CONTENT / "tags.yml", root / "tags.yml")

    def render(meta: str = META, files: dict | None = None, lang: str = "en") -> str:
        folder = root / "posts" / "p"
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        (folder / "meta.yml").write_text(textwrap.dedent(meta), encoding="utf-8")
        for code, text in (files or {"en": EN}).items():
            (folder / f"{code}.md").write_text(textwrap.dedent(text), encoding="utf-8")
        content = load_content(root)
        [entry] = content.entries
        render.entry, render.resolve = entry, content.registry.resolve
        return render_post(entry, lang, content.registry.resolve, content.sources)
    return render


def test_a_javascript_source_url_is_refused_on_load_and_never_linked_on_the_page(page):
    with pytest.raises(ContentError, match="source.url: 'javascript:alert"):
        page(META.replace("kind: telegram-web", "kind: telegram-web\n  url: javascript:alert(1)"))
    page()
    entry = page.entry
    for url in ("javascript:alert(1)", "https://t.me/a b", "https://t.me/(x)"):
        md = render_post(dataclasses.replace(entry, source={**entry.source, "url": url}), "en", page.resolve, None)
        assert "Source: **Test Channel**, Telegram channel" in md


def test_an_https_source_url_links_the_sources_name(page):
    md = page(META.replace("kind: telegram-web", "kind: telegram-web\n  url: https://t.me/test/1"))
    assert "Source: **[Test Channel](<https://t.me/test/1>)**, Telegram channel" in md


def test_an_inferred_date_gives_its_reason_on_the_page(page):
    md = page(META + "date_inferred: \"'78 years ago' and 1945-05-09 in the text\"\n")
    assert ('<time datetime="2023-05-09">May 9, 2023</time> <span class="inferred">(date inferred from the text: '
            "'78 years ago' and 1945-05-09 in the text)</span>") in md


@pytest.mark.parametrize("media, sentence", [
    ("video", "The original post included a video that this copy did not capture."),
    ("photo", "The original post included a picture that this copy did not capture."),
    ("file", "The original post included a file that this copy did not capture."),
])
def test_missing_media_are_said(page, media, sentence):
    md = page(META + f"missing_media: [{media}]\n")
    assert f'<p class="missing-media">{sentence}' in md


def test_one_remembered_date_and_several(page):
    md = page(META + "commemorates: ['1945-05-09']\n", lang="ru", files={"en": EN})
    assert 'Памятная дата: <time datetime="1945-05-09">' in md
    md = page(META + "commemorates: ['1945-05-08', '1945-05-09']\n", lang="ru", files={"en": EN})
    assert ('Памятные даты: <time datetime="1945-05-08">8 мая 1945\u202fг.</time>, '
            '<time datetime="1945-05-09">9 мая 1945\u202fг.</time></p>') in md


def test_an_untranslated_page_shows_the_original_marked_with_its_language(page):
    md = page(lang="tr")
    assert "# Victory Day { lang=en }" in md
    assert '<div lang="en" markdown>\n\nTroops met at the Elbe.\n\n</div>' in md
    assert "Bu paylaşım henüz Türkçeye çevrilmedi." in md


def test_the_original_page_has_no_language_marks(page):
    md = page()
    assert "# Victory Day\n" in md
    assert "\nTroops met at the Elbe.\n" in md
    assert '<div lang="en"' not in md
    assert '<strong lang="en">English</strong> (original)' in md
    assert "[Русский](../../ru/posts/p/){ hreflang=ru lang=ru } (not yet translated)" in md


RU = """\
---
title: День Победы
translation_of: en
translated_by: {who}
{extra}---

Войска встретились на Эльбе.
"""


def test_a_machine_translation_reviewed_on_a_day(page):
    ru = RU.format(who="Anna", extra="translated_on: 2026-11-05\ntranslation_method: machine-reviewed\n")
    md = page(files={"en": EN, "ru": ru}, lang="ru")
    # One full stop after the date's own "г." (the sentence ends with the abbreviation).
    assert "Машинный перевод с английского языка; проверка и редактура: Anna, 5 ноября 2026\u202fг. " in md
    assert "[English](../../../posts/p/){ hreflang=en lang=en } (оригинал)" in md
    assert '<strong lang="ru">Русский</strong> (перевод)' in md


def test_an_undated_translation_by_the_volunteers(page):
    md = page(files={"en": EN, "ru": RU.format(who="volunteers", extra="")}, lang="ru")
    assert "Перевод с английского языка: волонтёры архива." in md


def test_a_translation_of_an_older_original_is_marked_stale(page):
    ru = RU.format(who="Anna", extra="translated_on: 2026-11\noriginal_hash: 0000000000000000\n")
    md = page(files={"en": EN, "ru": ru}, lang="ru")
    assert "Оригинал изменился после того, как был сделан этот перевод: перевод мог устареть." in md
    current = text_hash(original_text(page.entry.original))
    md = page(files={"en": EN, "ru": ru.replace("0000000000000000", current)}, lang="ru")
    assert "Перевод с английского языка: Anna, ноябрь 2026." in md
    assert "перевод мог устареть" not in md


def test_a_gallery_the_archive_does_not_hold_is_a_list_of_captions(page):
    meta = META.replace("kind: telegram-web", "kind: telegram-web\n  url: https://t.me/test/1") + textwrap.dedent("""\
        gallery:
        - agency: Sputnik
          rights: http://rightsstatements.org/vocab/InC/1.0/
        - photographer: Pfc. William E. Poulson
          rights: https://creativecommons.org/publicdomain/mark/1.0/
        """)
    en = EN.replace("title: Victory Day\n", "title: Victory Day\ncaptions:\n  1: Troops on the square.\n")
    md = page(meta, files={"en": en})
    assert "## Photographs" in md
    assert ("This archive keeps the captions and credits of the 2 photos, not the photos themselves: they can be "
            "seen in the original publication ([Test Channel](<https://t.me/test/1>)).") in md
    assert '<li id="photo-1" value="1" markdown="span"><span>Troops on the square.</span> ' in md
    assert '<li id="photo-2" value="2" markdown="span"><span></span> ' in md
    assert '<figure' not in md


def test_a_translators_name_ending_in_a_full_stop_takes_no_second_one(page):
    md = page(files={"en": EN, "ru": RU.format(who="J. Smith Jr.", extra="")}, lang="ru")
    assert "Перевод с английского языка: J. Smith Jr. " in md


def test_every_source_kind_is_named_in_each_language_never_shown_as_its_slug(page):
    """Each kind content may hold has words in the interface: the page says 'Telegram channel', not 'telegram-html'."""
    from scripts.content.schema import SOURCE_KINDS

    for kind in SOURCE_KINDS:
        for lang in ("en", "ru", "tr"):
            md = page(META.replace("kind: telegram-web", f"kind: {kind}"), lang=lang)
            line = next(line for line in md.splitlines() if "**Test Channel**" in line)
            assert kind not in line, (kind, lang, line)


def test_a_gallery_without_a_source_url_points_to_the_sources_page(page):
    meta = META + "gallery:\n- agency: Sputnik\n  rights: http://rightsstatements.org/vocab/InC/1.0/\n"
    md = page(meta)
    assert ("This archive keeps the captions and credits of the 1 photos, not the photos themselves: they can be "
            "seen in the original publication ([Test Channel](../sources/test-channel.md)).") in md
    assert md.count('<ol class="photo-list" markdown>\n') == 1 and md.count("</ol>\n\n") == 1
