"""The archive-wide pages (scripts/site/archive_pages.py): the timeline, a remembered day's own pages, on
this day and the not-found page, from a small archive made here. Expected Markdown is written out as the
page's source holds it."""

import datetime as dt
from types import SimpleNamespace

from scripts.content.model import Entry, Event, Version
from scripts.site.archive_pages import (
    day_path,
    render_404,
    render_days,
    render_on_this_day,
    render_timeline,
)

VICTORY = dt.date(1945, 5, 9)
MAY_1944 = dt.date(1944, 5, 9)
BAGRATION = dt.date(1944, 6, 22)
PARADE = dt.date(1941, 11, 7)


def post(i, remembers, lang="en", title=None):
    return Entry(id=f"v{i}", path=f"content/posts/v{i}", lang=lang, source={"name": "TASS"},
                 versions={lang: Version(lang, title or f"Victory {i}", "", {}, f"v{i}/{lang}.md")},
                 commemorates=tuple(remembers))


# newest first, as content.entries is: v0 remembers 1944 too, v5 is a Russian post with no English version
ENTRIES = [post(0, [VICTORY, BAGRATION], title="*Victory* [0]"), post(1, [VICTORY, BAGRATION]),
           post(2, [VICTORY, BAGRATION]), post(3, [VICTORY, BAGRATION]), post(4, [BAGRATION, VICTORY]),
           post(5, [VICTORY], lang="ru", title="Победа"), post(6, [MAY_1944])]
EVENTS = [Event(VICTORY, (("en", "Victory Day <1945>"), ("ru", "День Победы"))),
          Event(PARADE, (("en", "Parade"),))]
CONTENT = SimpleNamespace(entries=ENTRIES, events=EVENTS)

VICTORY_POSTS = ("- [\\*Victory\\* \\[0\\]](posts/v0.md)\n"
                 "- [Victory 1](posts/v1.md)\n"
                 "- [Victory 2](posts/v2.md)\n"
                 "- [Victory 3](posts/v3.md)\n"
                 "- [Victory 4](posts/v4.md)\n"
                 "- [All posts: 6 posts](days/1945-05-09.md)\n")
BAGRATION_POSTS = VICTORY_POSTS.replace("- [All posts: 6 posts](days/1945-05-09.md)\n", "")


def test_day_pages_addresses():
    assert day_path(VICTORY) == "days/1945-05-09.md"
    assert day_path(VICTORY, 2) == "days/1945-05-09/2.md"


def test_the_timeline_has_every_event_and_remembered_day_in_order():
    assert render_timeline(CONTENT, "en") == (
        '---\ntitle: "Timeline"\n'
        'description: "The historical dates the posts remember, in order, with the posts that remember each."\n'
        "---\n\n"
        "# Timeline\n\nThe historical dates the posts remember, in order, with the posts that remember each.\n\n"
        '<ol class="timeline" markdown>\n'
        '<li class="timeline-event" id="d-1941-11-07" markdown="block">\n'
        '<time class="timeline-date" datetime="1941-11-07">November 7, 1941</time>\n'
        '<span class="timeline-name">Parade</span>\n\n'
        "\n</li>\n"
        '<li class="timeline-event" id="d-1944-05-09" markdown="block">\n'
        '<time class="timeline-date" datetime="1944-05-09">May 9, 1944</time>\n\n'
        "- [Victory 6](posts/v6.md)\n"
        "\n</li>\n"
        '<li class="timeline-event" id="d-1944-06-22" markdown="block">\n'
        '<time class="timeline-date" datetime="1944-06-22">June 22, 1944</time>\n\n'
        + BAGRATION_POSTS
        + "\n</li>\n"
        '<li class="timeline-event" id="d-1945-05-09" markdown="block">\n'
        '<time class="timeline-date" datetime="1945-05-09">May 9, 1945</time>\n'
        '<span class="timeline-name">Victory Day &lt;1945&gt;</span>\n\n'
        + VICTORY_POSTS
        + "\n</li>\n"
        "</ol>\n")


def test_the_russian_timeline_names_events_in_russian_and_marks_an_untranslated_post():
    page = render_timeline(SimpleNamespace(entries=[post(0, [VICTORY], lang="en", title="Victory")], events=EVENTS),
                           "ru")
    assert page.startswith('---\ntitle: "Хроника"\n')
    assert ('<time class="timeline-date" datetime="1945-05-09">9 мая 1945\u202fг.</time>\n'
            '<span class="timeline-name">День Победы</span>\n\n'
            "- [Victory](posts/v0.md){ lang=en }\n") in page
    # an event without a Russian name falls back to English
    assert '<span class="timeline-name">Parade</span>' in page


def test_a_day_remembered_by_more_posts_than_the_timeline_names_has_its_own_pages():
    pages = render_days(CONTENT, "en")
    assert list(pages) == ["days/1945-05-09.md"]  # June 22, 1944 has five posts: the timeline names them all
    assert pages["days/1945-05-09.md"].startswith(
        '---\ntitle: "May 9, 1945 — Victory Day &lt;1945&gt;"\nhide: ["toc"]\n---\n\n'
        "# May 9, 1945 — Victory Day &lt;1945&gt;\n\n"
        "6 posts\n\n"
        '<article class="post-card">\n<h2><a href="../../posts/v0/">*Victory* [0]</a></h2>\n')
    assert pages["days/1945-05-09.md"].count("<article") == 6
    assert '<article class="post-card" lang="ru">\n<h2><a href="../../posts/v5/">Победа</a></h2>' in (
        pages["days/1945-05-09.md"])


def test_a_day_without_an_event_is_titled_with_its_date_and_pages_past_fifty_posts():
    many = [post(i, [BAGRATION]) for i in range(51)]
    pages = render_days(SimpleNamespace(entries=many, events=EVENTS), "tr")
    assert list(pages) == ["days/1944-06-22.md", "days/1944-06-22/2.md"]
    assert pages["days/1944-06-22.md"].startswith('---\ntitle: "22 Haziran 1944"\nhide: ["toc"]\n---\n\n'
                                                  "# 22 Haziran 1944\n\n51 paylaşım\n\n")
    assert pages["days/1944-06-22/2.md"].startswith('---\ntitle: "22 Haziran 1944 (Sayfa 2 / 2)"\n')
    assert '<a href="../../../posts/v50/">' in pages["days/1944-06-22/2.md"]


def test_on_this_day_groups_the_years_of_each_day_and_month():
    assert render_on_this_day(CONTENT, "en") == (
        '---\ntitle: "On this day"\n'
        'description: "The posts grouped by the day and month of the events they remember."\n---\n\n'
        "# On this day\n\nThe posts grouped by the day and month of the events they remember.\n\n"
        '<section class="on-this-day" id="md-05-09" markdown>\n\n## May 9\n\n'
        "**1944**\n\n"
        "- [Victory 6](posts/v6.md)\n"
        "\n"
        "**1945** — Victory Day &lt;1945&gt;\n\n"
        + VICTORY_POSTS
        + "\n"
        "</section>\n\n"
        '<section class="on-this-day" id="md-06-22" markdown>\n\n## June 22\n\n'
        "**1944**\n\n"
        + BAGRATION_POSTS
        + "\n"
        "</section>\n\n")


def test_on_this_day_in_russian_and_turkish_writes_the_day_as_the_language_does():
    assert '<section class="on-this-day" id="md-05-09" markdown>\n\n## 9 мая\n\n' in render_on_this_day(CONTENT, "ru")
    page = render_on_this_day(CONTENT, "tr")
    assert "\n\n## 22 Haziran\n\n" in page
    assert "**1945** — Victory Day &lt;1945&gt;\n\n" in page  # no Turkish name: the English one


def test_the_not_found_page():
    assert render_404("en") == (
        '---\ntitle: "Page not found"\nsearch: {"exclude": true}\nhide: ["toc"]\n---\n\n'
        "# Page not found\n\nThere is no page at this address. Try the search, the list of all posts or the tags.\n\n"
        "[All posts](archive/index.md) · [Tags](tags/index.md)\n"
        '\n<div id="archive-not-found" data-languages="ru tr" hidden></div>\n')
    assert render_404("ru") == (
        '---\ntitle: "Страница не найдена"\nsearch: {"exclude": true}\nhide: ["toc"]\n---\n\n'
        "# Страница не найдена\n\n"
        "По этому адресу страницы нет. Воспользуйтесь поиском, списком всех публикаций или тегами.\n\n"
        "[Все публикации](archive/index.md) · [Теги](tags/index.md)\n"
        '\n<div id="archive-not-found" data-languages="" hidden></div>\n')


def test_days_and_on_this_day_name_the_event_in_the_pages_language():
    assert list(render_days(CONTENT, "ru")["days/1945-05-09.md"].splitlines()[1:2]) == [
        'title: "9 мая 1945\u202fг. — День Победы"']
    assert "**1945** — День Победы\n\n" in render_on_this_day(CONTENT, "ru")


def test_a_day_with_few_posts_before_one_with_many_does_not_stop_the_days_pages():
    entries = [post(100, [PARADE])] + [post(i, [BAGRATION]) for i in range(6)]
    assert list(render_days(SimpleNamespace(entries=entries, events=EVENTS), "en")) == ["days/1944-06-22.md"]
