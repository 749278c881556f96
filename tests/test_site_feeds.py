"""The RSS feeds: each item as a feed reader shows it, the time of day, the 50-post limit, the browser stylesheet."""

import dataclasses
import datetime as dt

from scripts.content.model import Entry, Tag, Version
from scripts.site.feeds import published, render_feed, render_feed_style

UTC = dt.timezone.utc
BUILT = dt.datetime(2026, 12, 2, 1, 2, 3, tzinfo=UTC)
VERSIONS = {"ru": Version("ru", "Парад <1>", "Текст \\*a\\* & b", {}, "content/posts/parade/ru.md"),
            "en": Version("en", "Parade & more", "The \\*first\\* parade.", {}, "content/posts/parade/en.md")}
PARADE = Entry(id="parade", path="content/posts/parade", lang="ru", source={"name": "MFA & co"}, versions=VERSIONS,
               date=dt.date(1941, 11, 7), time="13:59 GMT",
               tags=(Tag("victory", (("en", "Victory"), ("ru", "Победа"))), Tag("moscow")))
UNDATED = Entry(id="u", path="content/posts/u", lang="ru", source={"name": "X"}, versions={"ru": VERSIONS["ru"]})


def test_a_russian_feed_item_with_its_date_creator_and_categories():
    feed = render_feed([PARADE, UNDATED], "ru", "https://ex.org/", "Архив <ВОВ>", BUILT)
    assert feed.startswith('<?xml version="1.0" encoding="UTF-8"?>\n'
                           '<?xml-stylesheet type="text/css" href="../assets/stylesheets/feed.css"?>\n'
                           '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
                           'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
                           '<title xml:lang="ru">Архив &lt;ВОВ&gt;</title><link>https://ex.org/ru/</link>'
                           "<description>Этот архив собирает общедоступные публикации")
    assert ('<language>ru</language><atom:link href="https://ex.org/ru/feed.xml" rel="self" '
            'type="application/rss+xml"/><lastBuildDate>Wed, 02 Dec 2026 01:02:03 +0000</lastBuildDate>') in feed
    assert feed.endswith(
        "<item><title>Парад &lt;1&gt;</title><link>https://ex.org/ru/posts/parade/</link>"
        '<guid isPermaLink="true">https://ex.org/ru/posts/parade/</guid><description>Текст *a* &amp; b</description>'
        "<dc:creator>MFA &amp; co</dc:creator><pubDate>Fri, 07 Nov 1941 13:59:00 +0000</pubDate>"
        "<category>Победа</category><category>moscow</category></item>"
        "<item><title>Парад &lt;1&gt;</title><link>https://ex.org/ru/posts/u/</link>"
        '<guid isPermaLink="true">https://ex.org/ru/posts/u/</guid><description>Текст *a* &amp; b</description>'
        "<dc:creator>X</dc:creator></item></channel></rss>\n")


def test_the_english_feed_is_at_the_root_and_shows_the_translation():
    feed = render_feed([PARADE], "en", "https://ex.org/", "Archive", BUILT)
    assert '<?xml-stylesheet type="text/css" href="assets/stylesheets/feed.css"?>' in feed
    assert "<link>https://ex.org/</link>" in feed
    assert "<title>Parade &amp; more</title><link>https://ex.org/posts/parade/</link>" in feed
    assert "<description>The *first* parade.</description>" in feed
    assert "<category>Victory</category>" in feed


def test_a_long_body_is_cut_to_about_500_characters():
    long = dataclasses.replace(PARADE, versions={"ru": Version("ru", "T", "слово " * 200, {}, "x")})
    feed = render_feed([long], "ru", "https://ex.org/", "A", BUILT)
    description = feed.split("<description>")[2].split("</description>")[0]
    assert description == ("слово " * 83).strip() + "…"


def test_a_feed_holds_the_fifty_newest_posts():
    posts = [dataclasses.replace(PARADE, id=f"p{i:02}") for i in range(51)]
    feed = render_feed(posts, "tr", "https://ex.org/", "A", BUILT)
    assert feed.count("<item>") == 50
    assert "posts/p49/" in feed and "posts/p50/" not in feed


def _at(time):
    return published(dataclasses.replace(PARADE, time=time))


def test_the_time_of_day_in_utc_or_with_no_zone():
    assert _at("13:59 GMT") == dt.datetime(1941, 11, 7, 13, 59, tzinfo=UTC)
    assert _at(" 7:30 z ") == dt.datetime(1941, 11, 7, 7, 30, tzinfo=UTC)
    assert _at("1:02:03UTC") == dt.datetime(1941, 11, 7, 1, 2, 3, tzinfo=UTC)
    assert _at("23:59:61 utc") == dt.datetime(1941, 11, 7, 23, 59, 59, tzinfo=UTC)
    assert _at("9:05") == dt.datetime(1941, 11, 7, 9, 5)
    assert _at("9:05").tzinfo is None
    assert _at("23:59") == dt.datetime(1941, 11, 7, 23, 59)


def test_no_time_or_an_impossible_one_is_midnight_utc():
    midnight = dt.datetime(1941, 11, 7, tzinfo=UTC)
    for time in (None, "", "24:00", "13:60", "noon", "13:59 MSK", "123:00"):
        assert _at(time) == midnight and _at(time).tzinfo is UTC, time


def test_the_feed_style_says_what_the_page_is_in_each_language():
    style = render_feed_style()
    assert ('title:lang(en)::after { content: "This is the archive\'s RSS feed: copy this page\'s address into a '
            'feed reader to follow new posts."; }\n') in style
    assert 'title:lang(ru)::after { content: "Это RSS-лента архива:' in style
    assert 'title:lang(tr)::after { content: "Bu, arşivin RSS akışıdır:' in style
    assert style.startswith("rss { display: block;")
    assert "item > description { display: block; }\n" in style


def test_a_description_is_500_characters_at_most():
    body = dataclasses.replace(PARADE, versions={"ru": Version("ru", "T", "a" * 501, {}, "x")})
    feed = render_feed([body], "ru", "https://ex.org/", "A", BUILT)
    assert f"<description>{'a' * 500}…</description>" in feed


def test_the_creator_is_the_registered_name_in_the_feeds_language():
    from scripts.content.sources_registry import Source

    source = Source(written="MFA & co", names={"en": "Russian MFA", "ru": "МИД России"})
    entry = dataclasses.replace(PARADE, registered_source=source)
    assert "<dc:creator>МИД России</dc:creator>" in render_feed([entry], "ru", "https://ex.org/", "A", BUILT)


def test_the_feed_style_shows_titles_dates_links_and_descriptions_and_hides_the_rest():
    rules = render_feed_style().splitlines()
    assert all(rule.endswith("}") and rule.count("{") == 1 for rule in rules)
    shown = {rule.split(" {")[0] for rule in rules if "display: block" in rule}
    hidden = {rule.split(" {")[0] for rule in rules if "display: none" in rule}
    assert shown == {"rss", "channel > title", "channel > title::after", "channel > item", "item > title",
                     "item > pubDate", "item > link", "item > description"}
    assert hidden == {"channel > *", "item > *"}
    assert "padding: 0 1rem; color: #222; background: #fff; }" in rules[0]
    assert "font-weight: 700" in rules[2] and "font-weight: 700" in next(r for r in rules if r.startswith("item > title"))
    assert "border-top: 1px solid #ddd" in next(r for r in rules if r.startswith("channel > item"))
    assert "word-break: break-all" in next(r for r in rules if r.startswith("item > link"))
    assert "color: #555; margin-top: .5rem" in rules[3]
    assert len(rules) == 13  # one rule per line, the three language notes among them
    assert [r.split("::")[0] for r in rules if "::after { content" in r] == [
        "title:lang(en)", "title:lang(ru)", "title:lang(tr)"]


def test_a_note_with_a_quote_a_backslash_or_a_line_break_stays_one_css_string():
    from scripts.site.feeds import _css_string

    assert _css_string('say "hi"\\now\nthen') == 'say \\"hi\\"\\\\now then'
