"""The sources and photo-credit indexes (scripts/site/index_pages.py), from a small archive made here: the
index lines, each source's and photographer's own pages, the links between them. Expected Markdown is
written out as the page's source holds it."""

from types import SimpleNamespace

from scripts.content.model import Entry, GalleryItem, Version
from scripts.content.sources_registry import Source
from scripts.site.index_pages import (
    credit_keys,
    credit_links,
    credit_path,
    holder_anchor,
    render_credits,
    render_sources,
    source_slug,
)

INC = "http://rightsstatements.org/vocab/InC/1.0/"
MFA = Source(written="MFA *1*", kind="ministry", names={"en": "Russian *MFA*", "ru": "МИД России"},
             about={"en": "the foreign ministry of Russia"})


def post(i, source, lang="en", gallery=(), captions=None, versions=None):
    return Entry(id=f"p{i}", path=f"content/posts/p{i}", lang=lang, source=source,
                 versions=versions or {lang: Version(lang, f"Post {i}", "", captions or {}, f"p{i}/{lang}.md")},
                 gallery=gallery)


MFA_SOURCE = {"name": "MFA *1*", "kind": "telegram-web"}
TASS_SOURCE = {"name": "TASS", "kind": "gallery-article"}


def sources_content():
    entries = [post(0, MFA_SOURCE), post(1, TASS_SOURCE), post(2, MFA_SOURCE), post(3, {"name": "Zed", "kind": "zine"}),
               post(4, {"name": "<Ab>", "kind": "manual"}), post(5, MFA_SOURCE), post(6, TASS_SOURCE)]
    return SimpleNamespace(entries=entries, sources={"MFA *1*": MFA})


def test_a_posts_source_page_slug():
    assert source_slug(post(0, MFA_SOURCE)) == "mfa-1"
    assert source_slug(post(0, {"name": "X" * 70})) == "x" * 60
    assert source_slug(post(0, {})) == source_slug(post(1, {"name": ""}))


def test_the_sources_index_most_posts_first_then_by_slug():
    pages = render_sources(sources_content(), "en")
    assert sorted(pages) == ["sources/ab.md", "sources/index.md", "sources/mfa-1.md", "sources/tass.md",
                             "sources/zed.md"]
    assert pages["sources/index.md"] == (
        '---\ntitle: "Sources"\n'
        "description: \"Every channel and publication the archive quotes, with its posts. The words on each page are "
        "the source's own.\"\nhide: [\"toc\"]\n---\n\n"
        "# Sources\n\nEvery channel and publication the archive quotes, with its posts. The words on each page are "
        "the source's own.\n\n"
        "- [**Russian \\*MFA\\***](mfa-1.md) — the foreign ministry of Russia; Telegram channel: 3 posts\n"
        "- [**TASS**](tass.md); news photo gallery: 2 posts\n"
        "- [**&lt;Ab&gt;**](ab.md); entered by hand: 1 post\n"
        "- [**Zed**](zed.md); zine: 1 post\n")


def test_a_sources_own_page_introduces_it_and_lists_its_posts():
    pages = render_sources(sources_content(), "en")
    assert pages["sources/mfa-1.md"].startswith(
        '---\ntitle: "Source: Russian *MFA*"\nhide: ["toc"]\n---\n\n'
        "# Source: Russian \\*MFA\\*\n\n"
        '<p class="source-about" markdown="span">The foreign ministry of Russia <span class="source-type">'
        "(a government ministry)</span>. It signs its posts as “MFA \\*1\\*”.</p>\n\n"
        "3 posts\n\n"
        '<article class="post-card">\n<h2><a href="../../posts/p0/">Post 0</a></h2>\n')
    assert [line for line in pages["sources/mfa-1.md"].splitlines() if line.startswith("<h2>")] == [
        '<h2><a href="../../posts/p0/">Post 0</a></h2>', '<h2><a href="../../posts/p2/">Post 2</a></h2>',
        '<h2><a href="../../posts/p5/">Post 5</a></h2>']
    assert pages["sources/tass.md"].startswith(
        '---\ntitle: "Source: TASS"\nhide: ["toc"]\n---\n\n# Source: TASS\n\n'
        "The archive has not yet described who this source is. It signs its posts as “TASS”.\n\n2 posts\n\n")


def test_the_russian_sources_index_names_the_source_in_russian_without_an_english_description():
    page = render_sources(sources_content(), "ru")["sources/index.md"]
    assert "- [**МИД России**](mfa-1.md); Telegram-канал: 3 публикации\n" in page
    assert "- [**TASS**](tass.md); фотогалерея новостного издания: 2 публикации\n" in page


def test_a_source_with_fifty_one_posts_and_an_index_of_three_hundred_and_one_sources_are_paginated():
    entries = [post(i, TASS_SOURCE) for i in range(51)] + [post(100 + i, {"name": f"s{i:03d}", "kind": "manual"})
                                                           for i in range(300)]
    pages = render_sources(SimpleNamespace(entries=entries, sources=None), "en")
    assert "sources/tass/2.md" in pages and '<a href="../../../posts/p50/">' in pages["sources/tass/2.md"]
    assert pages["sources/index.md"].count("\n- [**") == 300
    assert pages["sources/index.md"].endswith(
        "- [**s298**](s298.md); entered by hand: 1 post\n"
        '\n<nav class="pager" markdown="span">Page 1 of 2 · [Older posts →](page/2.md)</nav>\n')
    assert pages["sources/page/2.md"] == (
        '---\ntitle: "Sources"\n'
        "description: \"Every channel and publication the archive quotes, with its posts. The words on each page are "
        "the source's own.\"\nhide: [\"toc\"]\n---\n\n"
        "# Sources\n\nEvery channel and publication the archive quotes, with its posts. The words on each page are "
        "the source's own.\n\n"
        "- [**s299**](../s299.md); entered by hand: 1 post\n"
        '\n<nav class="pager" markdown="span">[← Newer posts](../index.md) · Page 2 of 2</nav>\n')


# --- photo credits ---------------------------------------------------------------------------------

PETROV = {"en": "Ivan Petrov", "ru": "Иван Петров"}
TASS_PETROV = GalleryItem(n=1, agency="TASS", photographer=PETROV, rights=INC, image=None)
RIGHTS_ONLY = GalleryItem(n=2, agency=None, photographer={}, rights=INC, image=None)
AP_UNNAMED = GalleryItem(n=2, agency="AP", photographer={}, rights=None, image=None)
ANNA = GalleryItem(n=3, agency=None, photographer={"": "Anna *A*"}, rights=None, image=None)


def test_a_photos_credit_keys_page_and_anchor_are_the_same_in_every_language():
    assert credit_keys(TASS_PETROV) == ("TASS", "Ivan Petrov")
    assert credit_keys(RIGHTS_ONLY) == ("In Copyright", "-")
    assert credit_keys(AP_UNNAMED) == ("AP", "-")
    assert credit_keys(ANNA) == ("-", "Anna *A*")
    assert credit_path(TASS_PETROV) == "credits/tass-ivan-petrov.md"
    assert credit_path(RIGHTS_ONLY) == "credits/in-copyright.md"
    long = GalleryItem(n=1, agency="A" * 50, photographer={"": "B" * 50}, rights=None, image=None)
    assert credit_path(long) == "credits/" + "a" * 50 + ".md"  # at most 80 characters, cut after a whole word
    assert holder_anchor("In Copyright") == "holder-in-copyright"
    assert holder_anchor("X" * 70) == "holder-" + "x" * 60


def test_credit_links_lead_to_the_holders_group_and_the_photographers_page():
    assert credit_links(TASS_PETROV, "ru", "posts/p0.md") == (
        "© [TASS](../credits.md#holder-tass) / [Иван Петров](../credits/tass-ivan-petrov.md)")
    assert credit_links(ANNA, "en", "posts/p0.md") == "[Anna \\*A\\*](../credits/anna-a.md)"
    assert credit_links(AP_UNNAMED, "en", "index.md") == "© [AP](credits.md#holder-ap) / [photographer not named](credits/ap.md)"
    hostile = GalleryItem(n=1, agency="[x](javascript:1)", photographer={}, rights=None, image=None)
    assert credit_links(hostile, "en", "index.md").startswith("© [\\[x\\](javascript:1)](credits.md#holder-")


def credits_content():
    parade = Entry(id="parade", path="content/posts/parade", lang="ru", source={"name": "TASS"},
                   versions={"ru": Version("ru", "Парад", "", {1: "Танки <b>", 2: "Пехота"}, "p/ru.md"),
                             "en": Version("en", "Parade [1]", "", {1: "Tanks"}, "p/en.md")},
                   gallery=(TASS_PETROV, RIGHTS_ONLY))
    march = post(1, {"name": "TASS"}, captions={1: "March"},
                 gallery=(GalleryItem(n=1, agency="TASS", photographer=PETROV, rights=None, image=None),
                          AP_UNNAMED, ANNA))
    return SimpleNamespace(entries=[parade, march])


def test_the_credits_index_groups_photographers_under_their_holders():
    pages = render_credits(credits_content(), "en")
    assert sorted(pages) == ["credits.md", "credits/anna-a.md", "credits/ap.md", "credits/in-copyright.md",
                             "credits/tass-ivan-petrov.md"]
    assert pages["credits.md"] == (
        '---\ntitle: "Photo credits"\n'
        "description: \"The agencies and photographers whose pictures the archive's galleries describe, with the "
        'photos they took."\nhide: ["toc"]\n---\n\n'
        "# Photo credits\n\nThe agencies and photographers whose pictures the archive's galleries describe, with "
        "the photos they took.\n\n"
        "\n**AP**\n{: #holder-ap }\n\n"
        "- [photographer not named](credits/ap.md): 1\n"
        "\n**In Copyright**\n{: #holder-in-copyright }\n\n"
        "- [photographer not named](credits/in-copyright.md): 1\n"
        "\n**TASS**\n{: #holder-tass }\n\n"
        "- [Ivan Petrov](credits/tass-ivan-petrov.md): 2\n"
        "\n**—**\n{: #holder-x3973e022 }\n\n"  # "-" has no letters: slugify names it by a hash
        "- [Anna \\*A\\*](credits/anna-a.md): 1\n")


def test_a_photographers_page_links_each_photo_with_its_caption_and_credit():
    pages = render_credits(credits_content(), "en")
    assert pages["credits/tass-ivan-petrov.md"] == (
        '---\ntitle: "Photo credits: TASS / Ivan Petrov"\nhide: ["toc"]\n---\n\n'
        "# Photo credits: TASS / Ivan Petrov\n\n"
        "- [Parade \\[1\\], Photo 1](../posts/parade.md#photo-1): Tanks <small>(© TASS / Ivan Petrov)</small>\n"
        "- [Post 1, Photo 1](../posts/p1.md#photo-1): March <small>(© TASS / Ivan Petrov)</small>\n")
    # a caption missing in the page's language is the original's, its HTML shown as text
    assert pages["credits/in-copyright.md"].endswith(
        "- [Parade \\[1\\], Photo 2](../posts/parade.md#photo-2): Пехота <small>()</small>\n")
    ru = render_credits(credits_content(), "ru")
    assert ru["credits/tass-ivan-petrov.md"].startswith(
        '---\ntitle: "Авторы фотографий: TASS / Иван Петров"\nhide: ["toc"]\n---\n\n'
        "# Авторы фотографий: TASS / Иван Петров\n\n"
        "- [Парад, Фото 1](../posts/parade.md#photo-1): Танки &lt;b> <small>(© TASS / Иван Петров)</small>\n")
    assert "\n**Охраняется авторским правом**\n{: #holder-in-copyright }\n\n" in ru["credits.md"]
    assert "- [фотограф не указан](credits/ap.md): 1\n" in ru["credits.md"]


def test_holders_and_photographers_are_sorted_by_their_names_ignoring_case():
    items = (GalleryItem(n=1, agency="beta", photographer={"": "adam"}, rights=None, image=None),
             GalleryItem(n=2, agency="Alpha", photographer={"": "Bob"}, rights=None, image=None),
             GalleryItem(n=3, agency="beta", photographer={"": "Bob"}, rights=None, image=None))
    index = render_credits(SimpleNamespace(entries=[post(0, {"name": "X"}, gallery=items)]), "en")["credits.md"]
    assert [line for line in index.splitlines() if line.startswith(("**", "- "))] == [
        "**Alpha**", "- [Bob](credits/alpha-bob.md): 1", "**beta**", "- [adam](credits/beta-adam.md): 1",
        "- [Bob](credits/beta-bob.md): 1"]


def test_a_photographer_with_more_than_three_hundred_photos_has_pages():
    gallery = tuple(GalleryItem(n=n, agency="TASS", photographer=PETROV, rights=None, image=None)
                    for n in range(1, 302))
    pages = render_credits(SimpleNamespace(entries=[post(0, {"name": "X"}, gallery=gallery)]), "en")
    assert sorted(pages) == ["credits.md", "credits/tass-ivan-petrov.md", "credits/tass-ivan-petrov/2.md"]
    assert pages["credits/tass-ivan-petrov.md"].endswith(
        '\n<nav class="pager" markdown="span">Page 1 of 2 · [Older posts →](tass-ivan-petrov/2.md)</nav>\n')
    assert pages["credits/tass-ivan-petrov/2.md"] == (
        '---\ntitle: "Photo credits: TASS / Ivan Petrov"\nhide: ["toc"]\n---\n\n'
        "# Photo credits: TASS / Ivan Petrov\n\n"
        "- [Post 0, Photo 301](../../posts/p0.md#photo-301):  <small>(© TASS / Ivan Petrov)</small>\n"
        '\n<nav class="pager" markdown="span">[← Newer posts](../tass-ivan-petrov.md) · Page 2 of 2</nav>\n')
    assert "- [Ivan Petrov](credits/tass-ivan-petrov.md): 301\n" in pages["credits.md"]


def test_a_russian_sources_page_is_titled_with_its_russian_name():
    assert render_sources(sources_content(), "ru")["sources/mfa-1.md"].startswith(
        '---\ntitle: "Источник: МИД России"\nhide: ["toc"]\n---\n\n# Источник: МИД России\n\n')


def test_a_photographer_named_in_english_and_for_every_language_is_keyed_by_the_english_name():
    item = GalleryItem(n=1, agency="TASS", photographer={"": "I. Petrov", "en": "Ivan Petrov"}, rights=None, image=None)
    assert credit_keys(item) == ("TASS", "Ivan Petrov")


def test_past_three_hundred_lines_the_credits_index_has_a_second_page():
    gallery = tuple(GalleryItem(n=n, agency="TASS", photographer={"": f"p{n:03d}"}, rights=None, image=None)
                    for n in range(300))  # a holder line and 300 photographer lines
    pages = render_credits(SimpleNamespace(entries=[post(0, {"name": "X"}, gallery=gallery)]), "ru")
    assert pages["credits.md"].endswith(
        "- [p298](credits/tass-p298.md): 1\n"
        '\n<nav class="pager" markdown="span">Страница 1 из 2 · [Более ранние публикации →](credits/page/2.md)</nav>\n')
    assert pages["credits/page/2.md"].endswith(
        "# Авторы фотографий\n\nАгентства и фотографы, чьи снимки описаны в галереях архива, и их фотографии.\n\n"
        "- [p299](../tass-p299.md): 1\n"
        '\n<nav class="pager" markdown="span">[← Более поздние публикации](../../credits.md) · Страница 2 из 2</nav>\n')


def test_a_credit_page_slug_of_81_characters_is_cut_to_its_first_word():
    item = GalleryItem(n=1, agency="A" * 40, photographer={"": "B" * 40}, rights=None, image=None)
    assert credit_path(item) == "credits/" + "a" * 40 + ".md"
