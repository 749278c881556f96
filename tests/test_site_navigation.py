"""Ways on from a post page: breadcrumbs, previous and next by date, related posts and the feed link."""

import datetime as dt

from scripts.content.model import Entry, Tag, Version
from scripts.site.navigation import Ways, feed_link, render_breadcrumbs, render_ways_on


def _e(id, date=None, tags=(), days=(), lang="en", langs=("en",)):
    versions = {code: Version(code, f"T<{id}*", "", {}, f"content/posts/{id}/{code}.md") for code in langs}
    return Entry(id=id, path=f"content/posts/{id}", lang=lang, source={}, versions=versions, date=date,
                 tags=tuple(Tag(t) for t in tags), commemorates=tuple(days))


V_DAY = dt.date(1945, 5, 9)


def test_previous_and_next_post_and_related_posts_with_the_original_language_marked():
    a = _e("a", dt.date(2023, 5, 9), ["victory"])
    b = _e("b", dt.date(2023, 5, 8), ["victory"], lang="ru", langs=("ru",))
    c = _e("c", dt.date(2023, 5, 7))
    ways = Ways([a, b, c])
    assert render_ways_on(b, "en", ways) == (
        '<nav class="post-pager" aria-label="Previous and next post">\n'
        '<a class="older" rel="prev" href="../c/"><span class="direction">← Previous</span> T&lt;c*</a>\n'
        '<a class="newer" rel="next" href="../a/"><span class="direction">Next →</span> T&lt;a*</a>\n'
        "</nav>\n\n"
        "## Related posts\n\n"
        "- [T&lt;a\\*](a.md)\n\n"
        '<p class="feed-link"><a href="../../feed.xml" type="application/rss+xml">RSS feed of new posts</a></p>\n')
    assert render_ways_on(a, "en", ways).splitlines()[1] == (
        '<a class="older" rel="prev" href="../b/" lang="ru"><span class="direction">← Previous</span> T&lt;b*</a>')
    assert "- [T&lt;b\\*](b.md){ lang=ru }\n" in render_ways_on(a, "en", ways)


def test_an_undated_post_has_no_previous_or_next_and_a_dated_one_none_undated():
    a = _e("a", dt.date(2023, 5, 9))
    u = _e("u")
    ways = Ways([a, u])
    assert render_ways_on(u, "tr", ways) == (
        '<p class="feed-link"><a href="../../feed.xml" type="application/rss+xml">Yeni paylaşımların RSS akışı</a></p>\n')
    assert "post-pager" not in render_ways_on(a, "en", ways)
    assert ways.of(a) is ways.of(a)


def test_a_shared_day_counts_double_and_ties_go_to_the_nearest():
    here = _e("here", dt.date(2023, 5, 9), ["victory", "moscow"], [V_DAY])
    far_day = _e("far-day", dt.date(2023, 5, 1), [], [V_DAY])
    near_tag = _e("near-tag", dt.date(2023, 5, 8), ["victory"])
    two_tags = _e("two-tags", dt.date(2020, 1, 1), ["victory", "moscow"])
    tag_after = _e("tag-after", dt.date(2019, 1, 1), ["moscow"])
    newer_tag = _e("newer-tag", dt.date(2023, 6, 1), ["moscow"])
    ways = Ways([newer_tag, here, near_tag, far_day, two_tags, tag_after])
    assert [e.id for e in ways.of(here).related] == ["far-day", "two-tags", "near-tag", "newer-tag", "tag-after"]


def test_at_most_five_related_posts_are_listed():
    posts = [_e(f"p{i}", dt.date(2023, 1, 20 - i), ["victory"]) for i in range(8)]
    ways = Ways(posts)
    assert [e.id for e in ways.of(posts[0]).related] == ["p1", "p2", "p3", "p4", "p5"]
    assert [e.id for e in ways.of(posts[4]).related] == ["p3", "p5", "p2", "p6", "p1"]


def test_only_the_twelve_nearest_of_a_tag_on_each_side_are_candidates():
    def posts(shared_at, here=0):
        return [_e(f"p{i:02}", dt.date(2000, 1, 1) + dt.timedelta(days=100 - i),
                   ["victory", "moscow"] if i in (here, shared_at) else ["victory"]) for i in range(30)]
    inside = posts(12)
    assert [e.id for e in Ways(inside).of(inside[0]).related] == ["p12", "p01", "p02", "p03", "p04"]
    outside = posts(13)  # 13 places away in "victory": only "moscow" counts for it
    assert [e.id for e in Ways(outside).of(outside[0]).related] == ["p01", "p02", "p03", "p04", "p05"]
    back = posts(17, here=29)  # 12 places before
    assert [e.id for e in Ways(back).of(back[29]).related] == ["p17", "p28", "p27", "p26", "p25"]
    back = posts(16, here=29)  # 13 places before
    assert [e.id for e in Ways(back).of(back[29]).related] == ["p28", "p27", "p26", "p25", "p24"]


def test_breadcrumbs_lead_home_and_to_all_posts_in_the_pages_language():
    b = _e("b", lang="ru", langs=("ru",))
    assert render_breadcrumbs(b, "ru") == (
        '<nav class="breadcrumbs" aria-label="Вы находитесь здесь" markdown="span">[Главная](../index.md) › '
        '[Все публикации](../archive/index.md) › <span aria-current="page">T&lt;b\\*</span></nav>\n\n')


def test_the_feed_link_climbs_to_the_site_root():
    assert feed_link("en", "index.md") == (
        '<p class="feed-link"><a href="feed.xml" type="application/rss+xml">RSS feed of new posts</a></p>\n')
    assert feed_link("ru", "posts/a.md") == (
        '<p class="feed-link"><a href="../../feed.xml" type="application/rss+xml">RSS-лента новых публикаций</a></p>\n')


def test_two_shared_tags_weigh_as_much_as_one_shared_day():
    here = _e("here", dt.date(2023, 5, 9), ["victory", "moscow"], [V_DAY])
    two_tags = _e("two-tags", dt.date(2023, 5, 8), ["victory", "moscow"])
    one_day = _e("one-day", dt.date(2023, 5, 7), [], [V_DAY])
    assert [e.id for e in Ways([here, two_tags, one_day]).of(here).related] == ["two-tags", "one-day"]


def _translated(id, date, en, ru):
    versions = {"ru": Version("ru", ru, "", {}, f"content/posts/{id}/ru.md"),
                "en": Version("en", en, "", {}, f"content/posts/{id}/en.md")}
    return Entry(id=id, path=f"content/posts/{id}", lang="ru", source={}, versions=versions, date=date)


def test_the_pager_and_breadcrumbs_show_titles_in_the_pages_language():
    newer = _translated("newer", dt.date(2023, 5, 10), "Victory", "Победа")
    here = _translated("here", dt.date(2023, 5, 9), "Parade", "Парад")
    older = _translated("older", dt.date(2023, 5, 8), "Allies", "Союзники")
    page = render_ways_on(here, "en", Ways([newer, here, older]))
    assert '<span class="direction">← Previous</span> Allies</a>' in page
    assert '<span class="direction">Next →</span> Victory</a>' in page
    assert '<span aria-current="page">Parade</span>' in render_breadcrumbs(here, "en")
