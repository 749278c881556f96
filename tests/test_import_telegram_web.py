"""The saved Telegram channel page seed, parsed: posts, attribution, tags, no repeated paragraph."""

import datetime as dt

import pytest

from scripts.content.model import Post
from scripts.sources import telegram_web as import_telegram_web
from tests.conftest import TELEGRAM_SEED


@pytest.fixture(scope="module")
def posts() -> list[Post]:
    return import_telegram_web.parse(TELEGRAM_SEED.read_text(encoding="utf-8"))


def test_four_posts_with_their_channels(posts):
    assert [p.source_name for p in posts] == [
        "Russian MFA 🇷🇺", "Rusya Ankara Büyükelçiliği", "Russian MFA 🇷🇺", "Russian MFA 🇷🇺"]
    assert [p.item for p in posts] == [1, 2, 3, 4]


def test_tags(posts):
    assert posts[0].tags == ["WeWereAllies", "Victory78"]
    assert posts[1].tags == ["9мая", "ДеньПобеды", "Победа78", "VictoryDay", "Victory78", "9Mayıs", "İkinciDünyaSavaşı"]
    assert posts[2].tags == ["NoOneIsForgotten", "NothingIsForgotten", "Victory78", "VDay78", "May9",
                             "GreatPatrioticWar", "WWII"]
    assert posts[3].tags == ["Victory78", "WeRemember", "OTD"]


def test_paragraph_counts_and_no_repeats(posts):
    assert [len(p.paragraphs) for p in posts] == [6, 2, 5, 5]
    for post in posts:
        texts = [p.text for p in post.paragraphs]
        assert len(texts) == len(set(texts))


def test_hashtag_lines_are_not_text_but_inline_hashtags_stay(posts):
    for post in posts:
        assert not any(p.text.startswith("#") for p in post.paragraphs)
    assert posts[1].paragraphs[1].text.endswith("Zafer Günü’müz kutlu olsun! #9Mayıs #İkinciDünyaSavaşı")
    assert "#GreatPatrioticWar and #WWII" in posts[2].paragraphs[0].text


def test_placeholders_become_a_note(posts):
    assert posts[2].missing_media == ["video"]
    assert all("Media is too big" not in p.text and "VIEW IN TELEGRAM" not in p.text
               for post in posts for p in post.paragraphs)
    assert [p.missing_media for p in (posts[0], posts[1], posts[3])] == [[], [], []]


def test_languages_per_paragraph(posts):
    assert [p.lang for p in posts[1].paragraphs] == ["ru", "tr"]
    assert posts[1].lang == "tr"
    assert {p.lang for p in posts[0].paragraphs} == {"en"}


def test_emoji_kept(posts):
    assert "7️⃣8️⃣ years ago" in posts[0].paragraphs[0].text
    assert posts[3].paragraphs[1].text.startswith("🔻 By the summer of 1944")


def test_dates_inferred_from_the_text(posts):
    assert posts[0].date == dt.date(2023, 4, 25)
    assert posts[1].date == dt.date(2023, 5, 9)
    assert posts[2].date == dt.date(2023, 5, 9)
    assert posts[3].date is None  # "#OTD in 1944" gives no day: left for a curator
    assert any("inferred" in w for w in posts[0].warnings)


def test_commemorated_dates(posts):
    assert posts[0].commemorates == [dt.date(1945, 4, 25)]
    assert posts[2].commemorates == [dt.date(1941, 11, 7), dt.date(1945, 6, 24)]


def test_never_merges_across_posts():
    text = ("Forwarded from A\nSame words in both posts.\n#x\n"
            "Forwarded from B\nSame words in both posts.\n#x\n")
    posts = import_telegram_web.parse(text)
    assert [p.source_name for p in posts] == ["A", "B"]
    assert [[q.text for q in p.paragraphs] for p in posts] == [["Same words in both posts."]] * 2


def test_other_channels_generalize():
    text = ("Forwarded from Мемориал 1941\nПарад 7 ноября 1941 года вошёл в историю.\n"
            "Парад 7 ноября 1941 года вошёл в историю.\n#Парад #7ноября\n")
    [post] = import_telegram_web.parse(text)
    assert post.source_name == "Мемориал 1941"
    assert [p.text for p in post.paragraphs] == ["Парад 7 ноября 1941 года вошёл в историю."]
    assert post.tags == ["Парад", "7ноября"]
    assert post.commemorates == [dt.date(1941, 11, 7)]
    assert post.lang == "ru"
