"""The saved t.me/s page importer: one post per data-post with its permalink, identity and exact time,
forward headers and reply quotes apart from the text, links kept, photos local or remote, media recorded,
and none of the page's chrome in a post."""

import datetime as dt
import html
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.content.model import ContentError, Photo, Span
from scripts.sources import telegram_channel_html as page_import
from scripts.text.inline import render_markdown
from tests.conftest import TELEGRAM_SEED, link_targets

FOLDER = Path(__file__).parent / "fixtures" / "sources" / "tme_s"
COMPLETE = (FOLDER / "channel.html").read_text(encoding="utf-8")
HTML_ONLY = (FOLDER / "channel_only.html").read_text(encoding="utf-8")
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
CHROME = ["views", "8.67M", "12.4K", "2.03K", "837", "👍", "Please open Telegram", "VIEW IN TELEGRAM", "Join channel",
          "Media is too big", "Anonymous poll", "Who in your family", "grandparent", "64%", "1,024", "1.2 MB",
          "Order_of_the_Day", "0:42", "1:05", "12:04", "edited", "Download Telegram", "subscribers", "@victory_archive",
          "Channel photo updated", "Forwarded from", "Posts about the Second World War", "April 26", "May 8"]


@pytest.fixture(scope="module", params=["complete", "html only"])
def posts(request):
    return {p.identity: p for p in page_import.parse(COMPLETE if request.param == "complete" else HTML_ONLY)}


def post(posts, n):
    return posts[f"telegram:victory_archive/{n}"]


def texts(p):
    return [para.text for para in p.paragraphs]


def test_one_post_per_data_post_with_permalink_identity_and_position(posts):
    ids = [101, 102, 103, 104, 106, 107, 108, 109, 110, 111, 112, 113]  # 100 is a service post
    assert list(posts) == [f"telegram:victory_archive/{n}" for n in ids]
    assert [p.url for p in posts.values()] == [f"https://t.me/victory_archive/{n}" for n in ids]
    assert [p.item for p in posts.values()] == list(range(1, 13))
    assert post(posts, 101).warnings == ["skipped 1 service message of this page (not posts)"]


def test_the_time_is_the_datetime_attribute_not_the_shown_local_time(posts):
    p = post(posts, 101)
    assert (p.date, p.time, p.published) == (dt.date(2023, 4, 25), "10:59", "2023-04-25T10:59:00+00:00")
    assert post(posts, 113).published == "2023-05-09T18:00:00+00:00"


def test_line_breaks_and_paragraphs(posts):
    assert texts(post(posts, 101)) == [SENTENCES[0], "\n".join(SENTENCES[1:3])]
    assert post(posts, 101).source_name == "Victory Archive"


def test_forward_header_and_links(posts):
    p = post(posts, 102)
    assert (p.forwarded_from, p.source_name) == ("Russian MFA 🇷🇺", "Russian MFA 🇷🇺")
    assert texts(p) == SENTENCES[3:5]
    assert p.paragraphs[1].spans == (
        Span("Read the "), Span("joint statement", bold=True, href="https://example.org/elbe?year=1945&lang=en"),
        Span(" and the "), Span("soldiers’ letters", italic=True, href="https://example.org/letters"), Span("."))
    assert p.tags == ["WeWereAllies", "Victory78"]  # ?q=%23 hashtag links are tags, not links


def test_the_reply_quote_is_reply_to_not_text(posts):
    p = post(posts, 103)
    assert p.reply_to == ("The Elbe, April 25, 1945: two armies, one handshake. "
                          "Lieutenant William Robertson and Lieutenant")
    assert texts(p) == [SENTENCES[5]]


def test_strike_code_and_a_bare_link(posts):
    [para] = post(posts, 109).paragraphs
    assert para.spans == (Span("Приказ Верховного Главнокомандующего, "), Span("черновик", strike=True), Span(" "),
                          Span("окончательный текст", code=True), Span(": "),
                          Span("https://example.org/prikaz-1945", href="https://example.org/prikaz-1945"))


def test_photos_are_local_files_of_a_complete_save():
    p = {x.identity: x for x in page_import.parse(COMPLETE)}["telegram:victory_archive/104"]
    assert p.photos == [Photo(1, "", image="channel_files/photo_104a.jpg"),
                        Photo(2, "", image="channel_files/photo_104b.jpg")]
    assert all((FOLDER / ph.image).read_bytes()[:2] == b"\xff\xd8" for ph in p.photos)


def test_photos_of_an_html_only_save_keep_the_remote_address():
    p = {x.identity: x for x in page_import.parse(HTML_ONLY)}["telegram:victory_archive/104"]
    assert p.photos == [Photo(1, "", image=None, url="https://cdn4.telesco.pe/file/elbe_bridge_a.jpg"),
                        Photo(2, "", image=None, url="https://cdn4.telesco.pe/file/elbe_bridge_b.jpg")]


def test_other_media_is_recorded_as_missing(posts):
    assert [post(posts, n).missing_media for n in (106, 107, 108, 109, 110, 111)] == [
        ["video"], ["video"], ["file"], ["file"], ["file"], []]
    assert post(posts, 110).paragraphs == []  # a poll: its question and options are interface, not text
    assert texts(post(posts, 111)) == [SENTENCES[11]]  # partly unsupported: the supported text is kept


def test_the_same_words_twice_are_two_posts(posts):
    a, b = post(posts, 112), post(posts, 113)
    assert texts(a) == texts(b) == SAME
    assert a.identity != b.identity and a.url != b.url
    assert a.tags == ["9Mayıs"]


def test_every_sentence_once_and_no_chrome(posts):
    lines = [line for p in posts.values() for para in p.paragraphs for line in para.text.split("\n")]
    for sentence in SENTENCES:
        assert sum(sentence in line for line in lines) == 1, sentence
    assert len(lines) == len(SENTENCES) + 4
    for chrome in CHROME:
        assert not any(chrome in line for line in lines), chrome


def test_looks_like_a_channel_page_only():
    assert page_import.looks_like(COMPLETE) and page_import.looks_like(HTML_ONLY)
    assert not page_import.looks_like(TELEGRAM_SEED.read_text(encoding="utf-8"))
    export = FOLDER.parent / "tdesktop_html" / "ChatExport_2023-05-10" / "messages.html"
    assert not page_import.looks_like(export.read_text(encoding="utf-8"))


def test_a_photo_outside_the_files_folder_is_not_local():
    html = ('<div class="tgme_widget_message" data-post="chan_one/5"><div class="tgme_widget_message_bubble">'
            '<a class="tgme_widget_message_photo_wrap" style="background-image:url(\'../../etc/x.jpg\')"></a>'
            '<div class="tgme_widget_message_text">Text.</div></div></div>')
    [p] = page_import.parse(html)
    assert p.photos == [Photo(1, "", image=None, url="../../etc/x.jpg")]
    assert p.warnings == ["photo 1: '../../etc/x.jpg' is neither in the page's _files folder nor a web address; not copied"]


def test_a_bad_data_post_or_time_names_the_line():
    html = '<p>\n</p>\n<div class="tgme_widget_message" data-post="chan one/x"></div>'
    with pytest.raises(ContentError) as e:
        page_import.parse(html)
    assert str(e.value) == ("channel.html:3: data-post='chan one/x' (expected <channel>/<number>, "
                            'e.g. "victory_archive/101")')
    html = ('<div class="tgme_widget_message" data-post="chan_one/5"><a class="tgme_widget_message_date">'
            '<time datetime="soon"></time></a></div>')
    with pytest.raises(ContentError, match=r"^channel.html:1: post chan_one/5: <time datetime='soon'>"):
        page_import.parse(html)


FRAGMENTS = st.sampled_from(['<div class="tgme_widget_message" data-post="ab_cd/1">', '<div class="tgme_widget_message_bubble">',
                             '<div class="tgme_widget_message_text">', "</div>", "<br/>", '<i class="emoji"><b>🇷🇺</b></i>',
                             '<a class="tgme_widget_message_date"><time datetime="2023-04-25T10:59:00+00:00">',
                             '<time datetime="x">', '<a class="tgme_widget_message_reply">', "</a>", '<a href="?q=%23x">',
                             '<a class="tgme_widget_message_photo_wrap" style="background-image:url(\'./p_files/a.jpg\')">',
                             '<div class="tgme_widget_message service_message" data-post="ab_cd/2">', "<!--", "&amp;amp;",
                             '<div class="media_supported_cont">', "<", "\x00", 'data-post="', "<![CDATA["])


@given(st.lists(FRAGMENTS | st.text(max_size=8), max_size=30))
@settings(max_examples=300)
def test_any_markup_gives_posts_or_the_content_error(parts):
    try:
        result = page_import.parse("".join(parts))
    except ContentError:
        return
    assert isinstance(result, list)


WORDS = st.sampled_from(["Elbe", "Torgau", "победа", "Zafer", "1945", "<i>", "&amp;", "**x**", "[a](b)", "`", "İ"])
SENTENCE = st.lists(WORDS, min_size=2, max_size=6).map(" ".join)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@given(st.lists(st.lists(SENTENCE, min_size=1, max_size=3), min_size=1, max_size=5))
@settings(max_examples=150)
def test_no_unique_sentence_is_lost(messages):
    blocks = []
    for n, sentences in enumerate(messages, 1):
        body = "<br/><br/>".join(f"<b>{_escape(s)}</b>" if i % 2 else _escape(s) for i, s in enumerate(sentences))
        blocks.append(f'<div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="ab_cd/{n}">'
                      f'<div class="tgme_widget_message_bubble"><div class="tgme_widget_message_text">{body}</div>'
                      '<span class="tgme_widget_message_views">1K</span></div></div></div>')
    posts = page_import.parse("".join(blocks))
    assert_renders_as_text(posts)
    got = " ".join(para.text for p in posts for para in p.paragraphs)
    for sentences in messages:
        for s in sentences:
            assert " ".join(s.split()) in got
    assert "1K" not in got


def assert_renders_as_text(posts):
    """Markup in a source's text stays text on the page, and only safe links become links."""
    for p in posts:
        for para in p.paragraphs:
            out = markdown.markdown(render_markdown(para))
            assert set(re.findall(r"</?([a-z0-9]+)", out)) <= {"p", "strong", "em", "a", "br", "code"}, out
            assert all(h.startswith(("https://", "http://", "mailto:", "tg:")) for h in link_targets(out)), out
            lines = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", x)).split()) for x in re.split(r"<br />\n?", out)]
            assert lines == [" ".join(x.split()) for x in para.text.split("\n")], out


def test_the_fixture_posts_render_as_their_text(posts):
    assert_renders_as_text(posts.values())
