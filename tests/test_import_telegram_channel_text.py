"""The copied-text importer for t.me/s pages: posts split at their footers, interface text removed, the
channel's own posts accepted, forwards and replies apart from the text."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.content.model import ContentError
from scripts.sources import telegram_channel_text as copy_import
from tests.conftest import TELEGRAM_SEED

COPY = (Path(__file__).parent / "fixtures" / "sources" / "tme_s" / "channel_copy.txt").read_text(encoding="utf-8")
SAME = ["Büyük Zafer’in 78. yıldönümü kutlu olsun!", "Savaşta hayatını kaybeden milyonları saygıyla anıyoruz."]
SENTENCES = [
    "The Elbe, April 25, 1945: two armies, one handshake.",
    "Lieutenant William Robertson and Lieutenant Alexander Silvashko met on the ruined bridge at Torgau.",
    "Their photograph went around the world.",
    "The spirit of the Elbe reminds us that former allies can work together again.",
    "Read the joint statement and the soldiers’ letters.",
    "Both lieutenants lived to see the fiftieth anniversary of the meeting.",
    "Torgau today: the memorial on the right bank and the rebuilt bridge.",
    "Newsreel of the Victory Parade, 24 June 1945.",
    "Full documentary about the storming of the Reichstag.",
    "Гвардии сержант Иван Петрович вспоминает первый день мира.",
    "Приказ Верховного Главнокомандующего, черновик окончательный текст: https://example.org/prikaz-1945",
    "Candles in the windows tonight, for those who did not come home.",
]
CHROME = ["views", "Victory Archive", "@victory_archive", "subscribers", "photos", "Join channel", "Download Telegram",
          "Channel photo updated", "Please open Telegram", "VIEW IN TELEGRAM", "Media is too big", "Anonymous poll",
          "Who in your family", "grandparent", "%", "votes", "Order_of_the_Day", "1.2 MB", "0:42", "1:05", "12:04",
          "👍", "❤", "Forwarded from", "Posts about the Second World War"]


@pytest.fixture(scope="module")
def posts():
    return copy_import.parse(COPY)


def test_the_copy_is_told_by_its_footers_though_it_holds_a_forwarded_post(posts):
    """A channel's copy has a "Forwarded from" line above each post it forwarded; read as a page of forwards,
    it gave 2 posts of the copy's 12 and lost the channel's own."""
    from scripts.sources.detect import parse_source

    assert "Forwarded from Russian MFA" in COPY
    kind, found = parse_source("channel_copy.txt", COPY)
    assert kind == "telegram-channel-text"
    assert [p.title for p in found] == [p.title for p in posts] and len(found) > 2


def texts(p):
    return [para.text for para in p.paragraphs]


def test_a_post_per_footer_with_its_time(posts):
    assert [p.time for p in posts] == ["13:59", "15:30", "11:00", "12:00", "10:00", "11:00", "12:00", "13:00",
                                       "14:00", "21:00", "09:00", "21:00"]
    assert [p.item for p in posts] == list(range(1, 13))
    assert {(p.identity, p.url, p.published) for p in posts} == {(None, None, None)}  # the copy has no ids


def test_the_channels_own_posts_and_a_forward(posts):
    assert texts(posts[0]) == [SENTENCES[0], "\n".join(SENTENCES[1:3])]
    assert (posts[0].source_name, posts[0].forwarded_from) == ("Victory Archive", None)
    assert (posts[1].source_name, posts[1].forwarded_from) == ("Russian MFA 🇷🇺", "Russian MFA 🇷🇺")
    assert texts(posts[1]) == SENTENCES[3:5] and posts[1].tags == ["WeWereAllies", "Victory78"]


def test_a_reply_to_the_channels_post_is_a_quote_not_text(posts):
    assert posts[2].reply_to == ("The Elbe, April 25, 1945: two armies, one handshake. "
                                 "Lieutenant William Robertson and Lieutenant")
    assert texts(posts[2]) == [SENTENCES[5]]


def test_interface_text_becomes_missing_media(posts):
    assert [p.missing_media for p in posts[4:10]] == [["file"], ["video", "file"], ["file"], ["file"], ["file"], []]
    assert posts[8].paragraphs == []  # the poll
    assert texts(posts[7]) == [SENTENCES[10]]


def test_dates_come_only_from_labels_with_a_year(posts):
    assert {p.date for p in posts} == {None}
    assert posts[0].warnings == ["the page dates this post 'April 25', without the year"]
    assert posts[1].warnings == ["the page dates this post 'April 25', without the year"]  # same day, no label
    assert posts[2].warnings == ["the page dates this post 'April 26', without the year"]
    dated = copy_import.parse("Chan\n@chan\nChan\nText of the post.\n5 views 10:00\nMay 9, 2022\n")
    assert [(p.date.isoformat(), p.warnings) for p in dated] == [("2022-05-09", [])]


def test_the_same_words_twice_are_two_posts(posts):
    assert texts(posts[10]) == texts(posts[11]) == SAME
    assert (posts[10].time, posts[11].time) == ("09:00", "21:00")


def test_every_sentence_once_and_no_chrome(posts):
    lines = [line for p in posts for para in p.paragraphs for line in para.text.split("\n")]
    for sentence in SENTENCES:
        assert sum(sentence in line for line in lines) == 1, sentence
    assert len(lines) == len(SENTENCES) + 4
    for chrome in CHROME:
        assert not any(chrome in line for line in lines), chrome


def test_text_without_footers_is_not_this_format():
    seed = TELEGRAM_SEED.read_text(encoding="utf-8")
    assert copy_import.looks_like(COPY) and not copy_import.looks_like(seed)
    with pytest.raises(ContentError) as e:
        copy_import.parse(seed)
    assert str(e.value) == ("channel.txt:1: no post footer (expected the copied text of a t.me/s/<channel> page, "
                            "each post ending in a line such as '8.67K views 13:59')")


def test_a_line_of_a_poem_that_looks_like_a_count_is_kept():
    [p] = copy_import.parse("Chan\n@chan\nChan\n— 1945\nand after\n3 views edited  13:59\n")
    assert texts(p) == ["— 1945\nand after"] and p.time == "13:59"


LINE = st.sampled_from(["Victory Archive", "Forwarded from X", "VIEW IN TELEGRAM", "0:42", "8.67K views 13:59",
                        "views", "edited 10:00", "April 25", "👍2K", "Anonymous poll", "50%", "1 MB", "a.pdf", ""])


@given(st.lists(LINE | st.text(max_size=12), max_size=30))
@settings(max_examples=300)
def test_any_text_gives_posts_or_the_content_error(lines):
    try:
        result = copy_import.parse("\n".join(lines))
    except ContentError:
        return
    assert isinstance(result, list)


SENTENCE = st.lists(st.sampled_from(["Elbe", "Torgau", "победа", "Zafer", "günü", "1945", "soldiers", "*x*", "&"]),
                    min_size=2, max_size=6).map(" ".join)


@given(st.lists(st.lists(SENTENCE, min_size=1, max_size=3), min_size=1, max_size=5))
@settings(max_examples=150)
def test_no_unique_sentence_is_lost(posts):
    text = "Chan\n@chan\n" + "".join("Chan\n" + "\n\n".join(ss) + f"\n1.{n}K views 12:0{n % 10}\n"
                                     for n, ss in enumerate(posts))
    got = [para.text for p in copy_import.parse(text) for para in p.paragraphs]
    for ss in posts:
        for s in ss:
            assert any(s in g for g in got), s
