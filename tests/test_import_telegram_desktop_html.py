"""The Telegram Desktop HTML export importer: one post per message across pages, joined and forwarded
messages, replies, exact dates with offsets, links and emphasis, media, and no interface text in posts."""

import datetime as dt
import html
import re
from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.content.model import ContentError, Photo, Span
from scripts.sources import telegram_desktop_html as html_import
from scripts.text.inline import render_markdown
from tests.conftest import TELEGRAM_SEED, link_targets

EXPORT = Path(__file__).parent / "fixtures" / "sources" / "tdesktop_html" / "ChatExport_2023-05-10"
PAGES = [(name, (EXPORT / name).read_text(encoding="utf-8")) for name in ("messages.html", "messages2.html")]
ANNIVERSARY = ["Happy Victory Day! 78 years ago the war in Europe ended.",
               "We remember everyone who fought for this day."]
# Every sentence the fixture's messages hold, each in one message only.
SENTENCES = [
    "On April 25, 1945, Soviet and American soldiers met on the Elbe near Torgau.",
    "The handshake on the river became a symbol of the alliance against Nazism.",
    "The first contact was made by patrols of the 69th Infantry Division and the 58th Guards Rifle Division.",
    "Russian diplomats laid flowers at the Spirit of the Elbe memorial in Torgau.",
    "Veterans of both armies kept meeting at Torgau for decades afterwards.",
    "Read the joint statement on the anniversary page, and the soldiers' letters in our archive.",
    "Мы помним всех, кто шёл сквозь дым,", "Кто не вернулся в отчий дом,", "Кто в сорок пятом был молодым —",
    "О них мы в этот день поём.",
    "Bir gazi, Zafer Günü için hazırlanan sergide madalyalarını gösteriyor.",
    "Footage of the 1945 Victory Parade rehearsal, restored by the archive.",
    "Полный текст приказа Верховного Главнокомандующего от 9 мая 1945 года: https://example.org/prikaz-1945",
    "Parade on Red Square, 24 June 1945.",
]
CHROME = ["Next messages", "Previous messages", "Not included", "Video file", "Voice message", "00:42",
          "3.1 MB", "Victory Archive", "created", "pinned", "In reply to", "this message", "❤", "🕊", "25 April 2023",
          "VA", "RM", "10:15:00"]


@pytest.fixture(scope="module")
def posts():
    return {p.identity: p for p in html_import.parse_export(PAGES, channel="victory_archive")}


def post(posts, n):
    return posts[f"telegram:victory_archive/{n}"]


def texts(p):
    return [para.text for para in p.paragraphs]


def test_one_post_per_message_in_order_with_identity_permalink_and_position(posts):
    ids = [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15]  # 1 and 11 are service messages
    assert list(posts) == [f"telegram:victory_archive/{n}" for n in ids]
    assert [p.url for p in posts.values()] == [f"https://t.me/victory_archive/{n}" for n in ids]
    assert [p.item for p in posts.values()] == list(range(1, 14))
    assert {p.source_kind for p in posts.values()} == {"telegram-html"}


def test_service_messages_are_skipped_and_counted_on_the_first_post(posts):
    first, *rest = posts.values()
    assert first.warnings == ["skipped 2 service messages of this export (not posts)"]
    assert not any(w.startswith("skipped") for p in rest for w in p.warnings)


def test_date_time_and_published_come_from_the_date_title_with_its_offset(posts):
    p = post(posts, 2)
    assert (p.date, p.time, p.published) == (dt.date(2023, 4, 25), "13:59", "2023-04-25T13:59:00+03:00")
    assert post(posts, 15).published == "2023-05-09T21:40:00+03:00"
    assert not any("inferred" in w for p in posts.values() for w in p.warnings)


def test_paragraphs_split_at_blank_lines(posts):
    assert texts(post(posts, 2)) == SENTENCES[:2]
    assert post(posts, 2).commemorates == [dt.date(1945, 4, 25)]


def test_a_joined_message_continues_its_sender(posts):
    p = post(posts, 3)
    assert (p.source_name, p.forwarded_from) == ("Victory Archive", None)
    assert texts(p) == [SENTENCES[2]]


def test_a_forwarded_body_names_the_origin(posts):
    p = post(posts, 4)
    assert (p.forwarded_from, p.source_name) == ("Russian MFA 🇷🇺", "Russian MFA 🇷🇺")
    assert texts(p) == [SENTENCES[3]]
    assert p.tags == ["WeWereAllies", "Victory78"]


def test_a_reply_quotes_the_message_it_answers(posts):
    assert post(posts, 5).reply_to == "On April 25, 1945, Soviet and American soldiers met on the Elbe…"
    assert post(posts, 5).warnings == []


def test_links_and_emphasis_are_kept_as_spans(posts):
    [para] = post(posts, 6).paragraphs
    assert para.text == SENTENCES[5]
    assert para.spans == (
        Span("Read the joint statement", bold=True), Span(" on the "),
        Span("anniversary page", href="https://example.org/elbe-statement?year=2020&lang=en"),
        Span(", and the "), Span("soldiers' letters", italic=True), Span(" in our archive."))
    [url] = post(posts, 13).paragraphs
    assert url.spans[-1] == Span("https://example.org/prikaz-1945", href="https://example.org/prikaz-1945")
    assert post(posts, 2).paragraphs[0].spans == ()  # plain text has no spans


def test_a_poem_keeps_its_line_breaks_in_one_paragraph(posts):
    [poem] = post(posts, 7).paragraphs
    assert poem.text == "\n".join(SENTENCES[6:10])
    assert poem.lang == "ru"
    assert post(posts, 7).tags == ["ДеньПобеды"]


def test_a_photo_keeps_its_path_inside_the_export(posts):
    p = post(posts, 8)
    assert p.photos == [Photo(n=1, caption="", image="photos/photo_1@08-05-2023_10-00-00.jpg")]
    assert (EXPORT / p.photos[0].image).read_bytes()[:2] == b"\xff\xd8"
    assert texts(p) == [SENTENCES[10]] and p.paragraphs[0].lang == "tr"


def test_media_not_in_the_export_is_recorded_as_missing(posts):
    assert (post(posts, 9).missing_media, texts(post(posts, 9))) == (["video"], [SENTENCES[11]])
    assert (post(posts, 10).missing_media, post(posts, 10).paragraphs) == (["file"], [])  # a voice note
    assert (post(posts, 15).missing_media, post(posts, 15).photos) == (["photo"], [])
    assert post(posts, 8).missing_media == []


def test_the_same_words_twice_are_two_posts(posts):
    a, b = post(posts, 12), post(posts, 14)
    assert texts(a) == texts(b) == ANNIVERSARY
    assert a.identity != b.identity and (a.time, b.time) == ("09:00", "21:00")


def test_every_sentence_is_in_exactly_one_post_and_no_interface_text_is(posts):
    lines = [line for p in posts.values() for para in p.paragraphs for line in para.text.split("\n")]
    for sentence in SENTENCES:
        assert sum(sentence in line for line in lines) == 1, sentence
    assert sum(line == ANNIVERSARY[0] for line in lines) == 2
    assert len(lines) == len(SENTENCES) + 4
    for chrome in CHROME:
        assert not any(chrome in line for line in lines), chrome


def test_without_a_channel_the_identity_uses_the_chat_name_and_there_is_no_permalink():
    first = html_import.parse_export(PAGES)[0]
    assert (first.identity, first.url) == ("telegram:Victory Archive/2", None)


def test_one_page_alone_and_a_reply_to_a_message_outside_it():
    page2 = html_import.parse(PAGES[1][1])
    assert [p.identity for p in page2] == [f"telegram:Victory Archive/{n}" for n in (12, 13, 14, 15)]
    reply = PAGES[0][1].replace("#go_to_message2", "#go_to_message99")
    [p] = [p for p in html_import.parse(reply) if p.identity.endswith("/5")]
    assert (p.reply_to, p.warnings) == (None, ["a reply to message 99, which is not in this export"])


def test_bad_pages_name_the_file_and_line():
    with pytest.raises(ContentError) as e:
        html_import.parse_export([("messages3.html", "<html><body><p>Hello</p></body></html>")])
    assert str(e.value) == ('messages3.html:1: no <div class="history"> '
                            "(expected a page of a Telegram Desktop HTML export, messages.html)")
    broken = PAGES[0][1].replace('title="25.04.2023 14:05:00 UTC+03:00"', 'title="yesterday"')
    line = broken.split("\n").index('     <div class="message default clearfix joined" id="message3">') + 1
    with pytest.raises(ContentError) as e:
        html_import.parse_export([("messages.html", broken)])
    assert str(e.value) == (f"messages.html:{line}: message 3: date title 'yesterday' "
                            '(expected e.g. "25.04.2023 13:59:00 UTC+03:00")')


def test_looks_like_the_export_only():
    assert html_import.looks_like(PAGES[0][1]) and html_import.looks_like(PAGES[1][1])
    assert not html_import.looks_like(TELEGRAM_SEED.read_text(encoding="utf-8"))
    assert not html_import.looks_like((EXPORT.parent.parent / "tme_s" / "channel.html").read_text(encoding="utf-8"))


# --- any input ---------------------------------------------------------------------------------------------

WORDS = st.sampled_from(["Elbe", "Torgau", "победа", "Zafer", "günü", "1945", "soldiers", "<b>", "&amp;", "*x*",
                         "[a](b)", "#tag", "`", "\\", "İstanbul"])
SENTENCE = st.lists(WORDS, min_size=2, max_size=6).map(lambda ws: " ".join(ws))
MARKUP = st.sampled_from(["{}", "<strong>{}</strong>", "<em>{}</em>", '<a href="https://e.org/?a=1&amp;b=2">{}</a>',
                          "<code>{}</code>", '<a href="javascript:alert(1)">{}</a>', "{}<br>", "<s>{}</s>"])
FRAGMENTS = st.sampled_from(['<div class="message default clearfix" id="message7">', '<div class="body">',
                             '<div class="pull_right date details" title="25.04.2023 13:59:00 UTC+03:00">',
                             '<div class="text">', '<div class="history">', "</div>", '<div class="forwarded body">',
                             '<div class="from_name">', '<div class="media_wrap clearfix">', "<br>", "<!--", "<![CDATA[",
                             '<a class="photo_wrap clearfix pull_left" href="x.jpg">', '<div class="message service" id="message-1">',
                             "joined", '<div class="reply_to details"><a href="#go_to_message7">', "&", "<", "\x00"])


@given(st.lists(FRAGMENTS | st.text(max_size=8), max_size=30))
@settings(max_examples=300)
def test_any_markup_gives_posts_or_the_content_error(parts):
    try:
        result = html_import.parse("".join(parts))
    except ContentError:
        return
    assert isinstance(result, list)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@given(st.lists(st.tuples(st.lists(st.tuples(SENTENCE, MARKUP), min_size=1, max_size=3), st.booleans()),
                min_size=1, max_size=5))
@settings(max_examples=150)
def test_no_unique_sentence_is_lost(messages):
    blocks, expected = [], []
    for n, (parts, joined) in enumerate(messages, 1):
        body = "<br><br>".join(markup.format(_escape(s)) for s, markup in parts)
        expected += [" ".join(s.split()) for s, _ in parts if not s.startswith("#")]
        blocks.append(f'<div class="message default clearfix{" joined" if joined else ""}" id="message{n}"><div class="body">'
                      f'<div class="pull_right date details" title="25.04.2023 13:59:00 UTC+03:00">13:59</div>'
                      f'<div class="from_name">A</div><div class="text">{body}</div></div></div>')
    posts = html_import.parse('<div class="history">' + "".join(blocks) + "</div>")
    assert_renders_as_text(posts)
    got = " ".join(" ".join(para.text.split()) for p in posts for para in p.paragraphs)
    for sentence in expected:
        if any(w.isalpha() for w in sentence.split() if not w.startswith("#")):
            assert sentence in got


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
