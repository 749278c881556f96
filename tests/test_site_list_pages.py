"""Post lists (scripts/site/list_pages.py): a post's card at any depth, the home page, the paginated lists
and the tags index, on Entry objects made here. Expected HTML and Markdown are written out as the reader's
page holds them."""

import datetime as dt

from scripts.content.model import Entry, Tag, Version
from scripts.content.sources_registry import Source
from scripts.site import list_pages
from scripts.site.list_pages import (
    list_item,
    render_home,
    render_list_pages,
    render_tags_index,
)
from scripts.site.paths import archive_path

MFA = Source(written="MFA *1*", names={"en": "Russian MFA", "ru": "МИД России"})
TAGS = (Tag("moscow", (("en", "Moscow"), ("ru", "Москва"))), Tag("parade", (("en", "Parade & <march>"),)))
FRONT_HOME_EN = (
    '---\ntitle: "An archive of remembrance"\n'
    'description: "This archive gathers public posts about the history of the Second World War (Telegram '
    'channels, news photo galleries) and keeps them as readable pages in Englis"\nhide: ["toc"]\n---\n\n')


def parade(**fields):
    fields.setdefault("tags", TAGS)
    return Entry(id="parade-1941", path="content/posts/parade-1941", lang="ru", source={"name": "MFA *1*"},
                 versions={"ru": Version("ru", "Парад", "Парад на Красной площади.", {}, "p/ru.md"),
                           "en": Version("en", 'The <parade> & "march"', "Tanks & <b>guns</b> \\*passed\\*.", {},
                                         "p/en.md")},
                 date=dt.date(1941, 11, 7), registered_source=MFA, **fields)


def plain_post(i, lang="en", body=""):
    return Entry(id=f"p{i}", path=f"content/posts/p{i}", lang=lang, source={"name": "TASS"},
                 versions={lang: Version(lang, f"Post {i}", body, {}, f"p{i}/{lang}.md")})


def card(i, prefix="", level=2):
    return (f'<article class="post-card">\n<h{level}><a href="{prefix}posts/p{i}/">Post {i}</a></h{level}>\n'
            f'<p class="post-meta">Undated · TASS</p>\n</article>\n')


# --- a post's card ---------------------------------------------------------------------------------

def test_a_card_in_english_one_folder_deep_escapes_title_excerpt_and_tags():
    assert list_item(parade(), "en", "archive/index.md") == (
        '<article class="post-card">\n'
        '<h2><a href="../posts/parade-1941/">The &lt;parade&gt; &amp; &quot;march&quot;</a></h2>\n'
        '<p class="post-meta"><time datetime="1941-11-07">November 7, 1941</time> · Russian MFA</p>\n'
        "<p>Tanks &amp; &lt;b&gt;guns&lt;/b&gt; *passed*.</p>\n"
        '<p class="tags"><a class="tag" href="../tags/moscow/">Moscow</a> '
        '<a class="tag" href="../tags/parade/">Parade &amp; &lt;march&gt;</a></p>\n'
        "</article>\n")


def test_a_card_on_a_page_without_the_languages_version_is_marked_with_the_originals_language():
    assert list_item(parade(), "tr", "tags/moscow/2.md", level=3) == (
        '<article class="post-card" lang="ru">\n'
        '<h3><a href="../../../posts/parade-1941/">Парад</a></h3>\n'
        '<p class="post-meta"><time datetime="1941-11-07">7 Kasım 1941</time> · Russian MFA</p>\n'
        "<p>Парад на Красной площади.</p>\n"
        '<p class="tags"><a class="tag" href="../../../tags/moscow/">Moscow</a> '
        '<a class="tag" href="../../../tags/parade/">Parade &amp; &lt;march&gt;</a></p>\n'
        "</article>\n")


def test_a_card_without_body_or_tags_has_neither_paragraph():
    assert list_item(plain_post(1, body=" \n "), "en", "index.md") == card(1)
    assert list_item(plain_post(2, lang="ru"), "ru", "index.md") == (
        '<article class="post-card">\n<h2><a href="posts/p2/">Post 2</a></h2>\n'
        '<p class="post-meta">Без даты · TASS</p>\n</article>\n')


def test_a_card_shows_twelve_tags_and_links_the_rest_to_the_post():
    tags = tuple(Tag(f"t{n:02d}", (("en", f"T{n:02d}"),)) for n in range(14))
    chips = " ".join(f'<a class="tag" href="tags/t{n:02d}/">T{n:02d}</a>' for n in range(12))
    assert list_item(parade(tags=tags), "en", "index.md").endswith(
        f'<p class="tags">{chips} <a class="tag more" href="posts/parade-1941/">+2</a></p>\n</article>\n')
    twelve = list_item(parade(tags=tags[:12]), "en", "index.md")
    assert twelve.endswith(f'<p class="tags">{chips}</p>\n</article>\n')


def test_a_card_is_made_once_per_post_language_and_level_and_placed_at_any_depth(monkeypatch):
    made = []
    real = list_pages._card
    monkeypatch.setattr(list_pages, "_card", lambda *args: made.append(args[1:]) or real(*args))
    entry = plain_post(7)
    assert list_item(entry, "en", "index.md") == card(7)
    assert list_item(entry, "en", "archive/2.md") == card(7, "../../")
    assert list_item(entry, "en", "index.md", level=3) == card(7, level=3)
    assert list_item(entry, "en", "tags/a.md", level=3) == card(7, "../../", level=3)
    assert list_item(entry, "en", "index.md") == card(7)
    assert made == [("en", 2), ("en", 3)]
    other = plain_post(7)  # another post (a new load) has cards of its own
    assert list_item(other, "en", "index.md") == card(7) and made == [("en", 2), ("en", 3), ("en", 2)]


# --- the home page ----------------------------------------------------------------------------------

def test_the_home_page_lists_the_ten_latest_and_counts_them_all():
    entries = [plain_post(i) for i in range(11)]
    assert render_home(entries, "en") == (
        FRONT_HOME_EN
        + "# An archive of remembrance\n\n"
        "This archive gathers public posts about the history of the Second World War (Telegram channels, news "
        "photo galleries) and keeps them as readable pages in English, Russian and Turkish. Every page names its "
        "source: the words are those of the channel or publication quoted, not of this archive. Each page says "
        "which language the text was written in and which versions are translations.\n\n"
        "## Latest posts\n\n"
        + "".join(card(i, level=3) + "\n" for i in range(10))
        + "[All posts (11 posts)](archive/index.md) · [Tags](tags/index.md)\n"
        "\n"
        '<p class="feed-link"><a href="feed.xml" type="application/rss+xml">RSS feed of new posts</a></p>\n')


def test_the_russian_home_page_counts_in_russian():
    page = render_home([plain_post(1)], "ru")
    assert page.startswith('---\ntitle: "Архив памяти"\n')
    assert "## Последние публикации\n\n" in page
    assert "[Все публикации (1 публикация)](archive/index.md) · [Теги](tags/index.md)\n" in page
    assert page.endswith('<a href="feed.xml" type="application/rss+xml">RSS-лента новых публикаций</a></p>\n')


# --- paginated lists --------------------------------------------------------------------------------

def test_a_list_of_fifty_one_posts_has_two_pages_that_link_each_other():
    entries = [plain_post(i) for i in range(51)]
    pages = render_list_pages(entries, "en", 'Tag: *x* <b>', "Intro *as Markdown*.", archive_path)
    assert list(pages) == ["archive/index.md", "archive/2.md"]
    assert pages["archive/index.md"] == (
        '---\ntitle: "Tag: *x* &lt;b&gt;"\nhide: ["toc"]\n---\n\n'
        "# Tag: \\*x\\* &lt;b&gt;\n\n"
        "Intro *as Markdown*.\n\n"
        + "".join(card(i, "../") + "\n" for i in range(50))
        + '\n<nav class="pager" markdown="span">Page 1 of 2 · [Older posts →](2.md)</nav>\n')
    assert pages["archive/2.md"] == (
        '---\ntitle: "Tag: *x* &lt;b&gt; (Page 2 of 2)"\nhide: ["toc"]\n---\n\n'
        "# Tag: \\*x\\* &lt;b&gt;\n\n"
        "Intro *as Markdown*.\n\n"
        + card(50, "../../") + "\n"
        + '\n<nav class="pager" markdown="span">[← Newer posts](index.md) · Page 2 of 2</nav>\n')


def test_a_list_of_fifty_posts_is_one_page_without_a_pager():
    pages = render_list_pages([plain_post(i) for i in range(50)], "en", "Tag", "Intro", archive_path)
    assert list(pages) == ["archive/index.md"]
    assert pages["archive/index.md"].endswith(card(49, "../") + "\n")
    assert render_list_pages([], "tr", "Etiket", "Giriş", archive_path) == {
        "archive/index.md": '---\ntitle: "Etiket"\nhide: ["toc"]\n---\n\n# Etiket\n\nGiriş\n\n'}


# --- the tags index ---------------------------------------------------------------------------------

def _tag(slug, label):
    return Tag(slug, (("en", label), ("ru", label.upper())))


def test_the_tags_index_most_used_first_then_by_name_then_slug():
    counts = [(_tag("b", "banana"), 2), (_tag("z", "Apple"), 2), (_tag("a", "apple"), 2), (_tag("c", "Cherry"), 5),
              (_tag("d", "*d* <i>"), 1)]
    assert render_tags_index(counts, "en") == {"tags/index.md": (
        '---\ntitle: "Tags"\nhide: ["toc"]\n---\n\n'
        "# Tags\n\n"
        "Every hashtag the sources used, with the posts that carry it.\n\n"
        '<ul class="tag-index" markdown>\n'
        '<li markdown="span">[Cherry](c.md) <span class="count">5 posts</span></li>\n'
        '<li markdown="span">[apple](a.md) <span class="count">2 posts</span></li>\n'
        '<li markdown="span">[Apple](z.md) <span class="count">2 posts</span></li>\n'
        '<li markdown="span">[banana](b.md) <span class="count">2 posts</span></li>\n'
        '<li markdown="span">[\\*d\\* &lt;i&gt;](d.md) <span class="count">1 post</span></li>\n'
        "</ul>\n")}


def test_the_tags_index_sorts_by_the_pages_language():
    counts = [(Tag("x", (("en", "b"), ("ru", "а"))), 1), (Tag("y", (("en", "a"), ("ru", "б"))), 1)]
    page = render_tags_index(counts, "ru")["tags/index.md"]
    assert page.index("[а](x.md)") < page.index("[б](y.md)")
    assert '<span class="count">1 публикация</span>' in page


def test_past_three_hundred_tags_the_index_has_a_second_page():
    counts = [(_tag(f"t{n:03d}", f"t{n:03d}"), 1) for n in range(301)]
    pages = render_tags_index(counts, "en")
    assert list(pages) == ["tags/index.md", "tags/page/2.md"]
    assert pages["tags/index.md"].count("<li ") == 300
    assert pages["tags/index.md"].endswith(
        '<li markdown="span">[t299](t299.md) <span class="count">1 post</span></li>\n</ul>\n'
        '\n<nav class="pager" markdown="span">Page 1 of 2 · [Older posts →](page/2.md)</nav>\n')
    assert pages["tags/page/2.md"] == (
        '---\ntitle: "Tags"\nhide: ["toc"]\n---\n\n# Tags\n\n'
        "Every hashtag the sources used, with the posts that carry it.\n\n"
        '<ul class="tag-index" markdown>\n'
        '<li markdown="span">[t300](../t300.md) <span class="count">1 post</span></li>\n'
        "</ul>\n"
        '\n<nav class="pager" markdown="span">[← Newer posts](../index.md) · Page 2 of 2</nav>\n')


def test_a_russian_card_names_source_and_tags_in_russian_and_shows_the_time_as_html_text():
    assert list_item(parade(time='13:59 *MSK* & "x"'), "ru", "index.md") == (
        '<article class="post-card">\n'
        '<h2><a href="posts/parade-1941/">Парад</a></h2>\n'
        '<p class="post-meta"><time datetime="1941-11-07">7 ноября 1941\u202fг.</time>, 13:59 *MSK* &amp; &quot;x&quot;'
        " · МИД России</p>\n"
        "<p>Парад на Красной площади.</p>\n"
        '<p class="tags"><a class="tag" href="tags/moscow/">Москва</a> '
        '<a class="tag" href="tags/parade/">Parade &amp; &lt;march&gt;</a></p>\n'
        "</article>\n")
