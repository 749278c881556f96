"""Telegram Desktop's HTML export (scripts/sources/telegram_desktop_html.py), rule by rule: each test builds
its own small page, and states the posts, warnings or error lines a contributor would see, written out by
hand (issue 10, item 5: tests that notice a changed line)."""

import datetime as dt

import pytest

from scripts.content.model import ContentError, ContentErrors, Photo
from scripts.sources.telegram_desktop_html import looks_like, parse, parse_export

EXPECTED = "expected a page of a Telegram Desktop HTML export, messages.html"


def page(*messages, chat="Victory Archive"):
    header = (f'<div class="page_header"><div class="content"><div class="text bold">{chat}</div></div></div>'
              if chat is not None else "")
    return (f'<html><body><div class="page_wrap">{header}<div class="page_body chat_page"><div class="history">\n'
            + "\n".join(messages) + "\n</div></div></div></body></html>")


def message(id, inner="", text=None, cls="default clearfix", date="09.05.2023 10:15:30 UTC+03:00",
            sender="Victory Archive"):
    parts = [f'<div class="pull_right date details" title="{date}">10:15</div>' if date is not None else ""]
    if sender is not None:
        parts.append(f'<div class="from_name">{sender}</div>')
    parts.append(inner)
    if text is not None:
        parts.append(f'<div class="text">{text}</div>')
    ident = f' id="message{id}"' if id is not None else ""
    return f'<div class="message {cls}"{ident}><div class="body">{"".join(parts)}</div></div>'


def service(id, text="Channel created"):
    return f'<div class="message service" id="message{id}"><div class="body details">{text}</div></div>'


def texts(post):
    return [p.text for p in post.paragraphs]


def errors_of(pages):
    with pytest.raises(ContentErrors) as e:
        parse_export(pages)
    return [str(x) for x in e.value.errors]


# looks_like

@pytest.mark.parametrize("text", ['<div class="history">', '<div class="message default clearfix" id="message12">',
                                  '<div class="message service" id="message-1">',
                                  '<div class="message default clearfix joined" id="message3">'])
def test_an_export_page_looks_like_one(text):
    assert looks_like("<html><body>" + text)


@pytest.mark.parametrize("text", ['<div class="history2">', '<div class="message default" id="msg12">',
                                  '<div class="message other" id="message1">', "Just text"])
def test_other_pages_do_not_look_like_one(text):
    assert not looks_like(text)


def test_looks_like_reads_the_first_400000_characters_only():
    assert not looks_like(" " * 400_000 + '<div class="history">')
    assert looks_like(" " * 399_900 + '<div class="history">')


# one message

def test_a_message_is_a_post_with_its_fields():
    [post] = parse(page(message(5, text="Victory Day in Moscow. Troops paraded on Red Square.")))
    assert post.item == 1
    assert texts(post) == ["Victory Day in Moscow. Troops paraded on Red Square."]
    assert post.source_name == "Victory Archive"
    assert post.source_kind == "telegram-html"
    assert post.title == "Victory Day in Moscow"
    assert post.date == dt.date(2023, 5, 9)
    assert post.time == "10:15"
    assert post.published == "2023-05-09T10:15:30+03:00"
    assert post.identity == "telegram:Victory Archive/5"
    assert post.url is None
    assert post.forwarded_from is None and post.reply_to is None
    assert post.warnings == [] and post.photos == [] and post.missing_media == [] and post.tags == []


def test_the_chat_name_is_the_page_headers_text_on_one_line():
    [post] = parse(page(message(5, text="Words."), chat="\n  Victory Archive \n"))
    assert post.source_name == "Victory Archive"
    assert post.identity == "telegram:Victory Archive/5"


def test_without_a_header_a_post_is_its_senders_and_has_no_identity():
    [post] = parse(page(message(5, text="Words.", sender="Ivan Petrov"), chat=None))
    assert post.source_name == "Ivan Petrov"
    assert post.identity is None


def test_without_a_header_or_a_sender_the_channel_is_unknown():
    [post] = parse(page(message(5, text="Words.", sender=None), chat=None))
    assert post.source_name == "Unknown channel"


def test_a_chat_name_of_spaces_is_no_name():
    [post] = parse(page(message(5, text="Words.", sender="Ivan"), chat="   "))
    assert (post.source_name, post.identity) == ("Ivan", None)


@pytest.mark.parametrize("channel, identity, url", [
    ("victory_archive", "telegram:victory_archive/5", "https://t.me/victory_archive/5"),
    ("-1001234567", "telegram:-1001234567/5", None),
    ("abc", "telegram:abc/5", None),
    ("abcd", "telegram:abcd/5", "https://t.me/abcd/5"),
    ("a" * 33, f"telegram:{'a' * 33}/5", None),
])
def test_a_channel_names_the_identity_and_a_username_the_address(channel, identity, url):
    [post] = parse_export([("messages.html", page(message(5, text="Words.")))], channel=channel)
    assert (post.identity, post.url) == (identity, url)


@pytest.mark.parametrize("date, published, time", [
    ("25.04.2023 13:59:00 UTC-05:30", "2023-04-25T13:59:00-05:30", "13:59"),
    ("25.04.2023 07:05:09 UTC+00:00", "2023-04-25T07:05:09+00:00", "07:05"),
    ("25.04.2023 13:59:00", None, "13:59"),
    (" 01.12.2022 00:00:00 UTC+03:00 ", "2022-12-01T00:00:00+03:00", "00:00"),
])
def test_the_date_title_gives_the_day_time_and_offset(date, published, time):
    [post] = parse(page(message(5, text="Words.", date=date)))
    assert (post.published, post.time) == (published, time)
    assert post.date == dt.date(int(date.strip()[6:10]), int(date.strip()[3:5]), int(date.strip()[:2]))


def test_commemorated_dates_are_those_of_the_war_years():
    [post] = parse(page(message(5, text="On 9 May 1945, 22 June 1941, 9 May 1946 and 1 September 1939; "
                                          "again 9 May 1945.<br><br>Then 1 September 1938.")))
    assert post.commemorates == [dt.date(1939, 9, 1), dt.date(1941, 6, 22), dt.date(1945, 5, 9)]


def test_only_the_text_block_is_the_text():
    inner = '<div class="text bold">Not the text</div>'
    [post] = parse(page(message(5, inner, text="The words.")))
    assert texts(post) == ["The words."]


def test_hashtags_alone_make_a_post():
    [post] = parse(page(message(5, text='<a href="">#VictoryDay</a>')))
    assert (texts(post), post.tags, post.title) == ([], ["VictoryDay"], "")


# several messages

def test_posts_are_numbered_across_pages_in_order():
    pages = [("messages.html", page(message(3, text="First."), message(4, text="Second."))),
             ("messages2.html", page(message(10, text="Third."), chat="Other name"))]
    posts = parse_export(pages)
    assert [(p.item, texts(p), p.identity) for p in posts] == [
        (1, ["First."], "telegram:Victory Archive/3"), (2, ["Second."], "telegram:Victory Archive/4"),
        (3, ["Third."], "telegram:Victory Archive/10")]


def test_the_chat_name_may_come_from_a_later_page():
    pages = [("messages.html", page(message(3, text="First."), chat=None)),
             ("messages2.html", page(message(4, text="Second.", sender=None), chat="Victory Archive"))]
    posts = parse_export(pages)
    assert [(p.source_name, p.identity) for p in posts] == [("Victory Archive", None),
                                                            ("Victory Archive", "telegram:Victory Archive/4")]


def test_service_and_empty_messages_are_skipped_and_counted():
    posts = parse(page(service(-1, "9 May 2023"), service(1), message(2, text=""), message(3, text="Words."),
                       service(4, "pinned"), message(5), service(-2, "10 May")))
    assert [p.item for p in posts] == [1]
    assert posts[0].warnings == ["skipped 2 service messages, 2 empty messages of this export (not posts)"]


def test_one_skipped_message_is_said_in_the_singular():
    posts = parse(page(message(2), message(3, text="Words.")))
    assert posts[0].warnings == ["skipped 1 empty message of this export (not posts)"]
    posts = parse(page(service(2), message(3, text="Words.")))
    assert posts[0].warnings == ["skipped 1 service message of this export (not posts)"]


def test_day_separators_are_not_counted():
    posts = parse(page(service(-1, "9 May 2023"), message(3, text="Words.")))
    assert posts[0].warnings == []


def test_an_export_of_skipped_messages_only_has_no_posts():
    assert parse(page(service(1), message(2))) == []


def test_a_block_of_another_kind_is_not_a_message():
    other = message(5, text="Not a post.", cls="clearfix")
    posts = parse(page(other, message(6, text="A post.")))
    assert [texts(p) for p in posts] == [["A post."]]
    assert posts[0].warnings == []


def test_a_joined_message_is_its_previous_senders():
    posts = parse(page(message(3, text="First.", sender="Ivan Petrov"),
                       message(4, text="Second.", sender=None, cls="default clearfix joined"), chat=None))
    assert [p.source_name for p in posts] == ["Ivan Petrov", "Ivan Petrov"]


def test_a_message_without_a_sender_that_is_not_joined_is_the_chats():
    posts = parse(page(message(3, text="First.", sender="Ivan Petrov"),
                       message(4, text="Second.", sender=None)))
    assert [p.source_name for p in posts] == ["Victory Archive", "Victory Archive"]


def test_a_service_message_ends_a_run_of_joined_messages():
    posts = parse(page(message(3, text="First.", sender="Ivan Petrov"), service(4, "pinned"),
                       message(5, text="Second.", sender=None, cls="default clearfix joined"), chat=None))
    assert [p.source_name for p in posts] == ["Ivan Petrov", "Unknown channel"]


# forwarded messages

def forward(inner):
    return f'<div class="forwarded body">{inner}</div>'


def test_a_forwarded_message_is_its_origins_without_the_origins_date():
    origin = ('<div class="from_name">Russian MFA 🇷🇺<span class="date details" title="26.04.2023 10:15:00 '
              'UTC+03:00"> 26.04.2023 10:15:00</span></div><div class="text">Flowers at Torgau.</div>')
    [post] = parse(page(message(5, forward(origin))))
    assert (post.source_name, post.forwarded_from, texts(post)) == ("Russian MFA 🇷🇺", "Russian MFA 🇷🇺",
                                                                     ["Flowers at Torgau."])
    assert post.identity == "telegram:Victory Archive/5"


def test_a_joined_forward_continues_its_origin():
    first = forward('<div class="from_name">Russian MFA</div><div class="text">One.</div>')
    second = forward('<div class="text">Two.</div>')
    posts = parse(page(message(5, first), message(6, second, sender=None, cls="default clearfix joined")))
    assert [(p.source_name, p.forwarded_from) for p in posts] == [("Russian MFA", "Russian MFA"),
                                                                   ("Russian MFA", "Russian MFA")]


def test_a_forward_of_unknown_origin_says_so():
    [post] = parse(page(message(5, forward('<div class="text">One.</div>'))))
    assert (post.source_name, post.forwarded_from) == ("Unknown channel", "Unknown channel")
    [post] = parse(page(message(5, forward('<div class="from_name"> </div><div class="text">One.</div>'))))
    assert post.forwarded_from == "Unknown channel"


def test_the_text_of_a_forward_is_the_forwarded_text():
    [post] = parse(page(message(5, forward('<div class="text">Inside.</div>'), text="Outside.")))
    assert texts(post) == ["Inside."]


# replies

def reply(href):
    link = f'<a href="{href}">this message</a>' if href is not None else "a deleted message"
    return f'<div class="reply_to details">In reply to {link}</div>'


def test_a_reply_quotes_the_first_twelve_words_of_what_it_answers():
    long = "One two three four five six seven eight nine ten eleven twelve thirteen"
    posts = parse(page(message(2, text=long), message(3, reply("#go_to_message2"), text="Yes."),
                       message(4, text="One two three four five six seven eight nine ten eleven twelve"),
                       message(5, reply("#go_to_message4"), text="Agreed.")))
    assert posts[1].reply_to == "One two three four five six seven eight nine ten eleven twelve…"
    assert posts[3].reply_to == "One two three four five six seven eight nine ten eleven twelve"
    assert posts[1].warnings == [] and posts[3].warnings == []


def test_a_reply_may_answer_a_later_message_or_one_of_another_page():
    pages = [("messages.html", page(message(3, reply("#go_to_message9"), text="Answer."))),
             ("messages2.html", page(message(9, text="Question first.<br><br>Second paragraph.")))]
    posts = parse_export(pages)
    assert posts[0].reply_to == "Question first. Second paragraph."


def test_a_reply_to_a_message_without_words_quotes_nothing():
    photo = '<div class="media_wrap clearfix"><a class="photo_wrap clearfix" href="photos/1.jpg"></a></div>'
    posts = parse(page(message(2, photo), message(3, reply("#go_to_message2"), text="Nice.")))
    assert posts[1].reply_to is None and posts[1].warnings == []


def test_a_reply_to_a_message_not_in_the_export_is_said():
    [post] = parse(page(message(3, reply("#go_to_message99"), text="Yes.")))
    assert (post.reply_to, post.warnings) == (None, ["a reply to message 99, which is not in this export"])


@pytest.mark.parametrize("href", ["https://t.me/c/123/45", None, "#go_to_message12x"])
def test_a_reply_to_another_chat_is_said(href):
    [post] = parse(page(message(3, reply(href), text="Yes.")))
    assert (post.reply_to, post.warnings) == (None, ["a reply to a message in another chat"])


def test_a_reply_link_without_an_address_is_to_another_chat():
    [post] = parse(page(message(3, '<div class="reply_to details">In reply to <a>this</a></div>', text="Yes.")))
    assert post.warnings == ["a reply to a message in another chat"]


def test_a_reply_warning_comes_after_the_skipped_count():
    [post] = parse(page(message(2), message(3, reply("#go_to_message99"), text="Yes.")))
    assert post.warnings == ["skipped 1 empty message of this export (not posts)",
                             "a reply to message 99, which is not in this export"]


# media

def media(*nodes):
    return '<div class="media_wrap clearfix">' + "".join(nodes) + "</div>"


def test_photos_are_kept_with_their_path_in_the_export():
    inner = media('<a class="photo_wrap clearfix pull_left" href=" photos/1.jpg "></a>',
                  '<a class="photo_wrap clearfix pull_left" href="photos/2.jpg"></a>')
    [post] = parse(page(message(5, inner)))
    assert post.photos == [Photo(1, "", image="photos/1.jpg"), Photo(2, "", image="photos/2.jpg")]
    assert post.missing_media == [] and texts(post) == []


def test_a_photo_not_included_is_missing():
    inner = media('<div class="photo_wrap clearfix pull_left"></div>', '<a class="photo_wrap" href=""></a>')
    [post] = parse(page(message(5, inner)))
    assert (post.photos, post.missing_media) == ([], ["photo"])


@pytest.mark.parametrize("cls, href, missing, photos", [
    ("media clearfix pull_left media_video", "video_files/v.mp4", ["video"], []),
    ("media clearfix pull_left media_voice_message", "voice_messages/a.ogg", ["file"], []),
    ("media clearfix pull_left media_audio_file", "files/a.mp3", ["file"], []),
    ("media clearfix pull_left media_file", "files/a.pdf", ["file"], []),
    ("media clearfix pull_left media_poll", "", ["file"], []),
    ("media clearfix pull_left media_photo", "", ["photo"], []),
    ("media clearfix pull_left media_photo", "photos/big.jpg", [], [Photo(1, "", image="photos/big.jpg")]),
    ("media clearfix pull_left media_file", "files/scan.TIFF", [], [Photo(1, "", image="files/scan.TIFF")]),
    ("media clearfix pull_left media_file", "files/IMG_1.heic", [], [Photo(1, "", image="files/IMG_1.heic")]),
    ("media clearfix pull_left media_video", "video_files/v.jpg", ["video"], []),
    ("media clearfix pull_left media_location", "", [], []),
])
def test_a_media_block_is_a_photo_or_what_is_missing(cls, href, missing, photos):
    node = (f'<a class="{cls}" href="{href}">' if href else f'<div class="{cls}">') + (
        '<div class="body"><div class="title bold">A title</div></div>') + ("</a>" if href else "</div>")
    [post] = parse(page(message(5, media(node), text="Words.")))
    assert (post.missing_media, post.photos) == (missing, photos)


def test_a_sticker_is_nothing_missing():
    node = ('<div class="media clearfix pull_left media_file"><div class="body"><div class="title bold"> Sticker '
            '</div></div></div>')
    [post] = parse(page(message(5, media(node), text="Words.")))
    assert post.missing_media == []


@pytest.mark.parametrize("cls, missing", [("video_file_wrap", ["video"]), ("animated_wrap clearfix", ["video"]),
                                          ("media_poll", ["file"]), ("sticker_wrap clearfix", []),
                                          ("other_wrap", [])])
def test_a_wrapped_media_is_what_is_missing(cls, missing):
    [post] = parse(page(message(5, media(f'<a class="{cls}" href="x"></a>'), text="Words.")))
    assert post.missing_media == missing


def test_what_is_missing_is_said_once_each_in_order():
    inner = media('<div class="video_file_wrap"></div>', '<div class="media media_file"></div>',
                  '<div class="animated_wrap"></div>', '<div class="photo_wrap"></div>')
    [post] = parse(page(message(5, inner)))
    assert post.missing_media == ["video", "file", "photo"]


def test_media_nested_deeper_is_not_the_messages():
    inner = '<div class="media_wrap"><span><a class="photo_wrap" href="photos/1.jpg"></a></span></div>'
    inner += '<div><div class="media_wrap"><a class="photo_wrap" href="photos/2.jpg"></a></div></div>'
    [post] = parse(page(message(5, inner, text="Words.")))
    assert (post.photos, post.missing_media) == ([], [])


def test_the_media_of_a_forward_are_the_forwarded_ones():
    inner = forward(media('<a class="photo_wrap" href="photos/1.jpg"></a>'))
    [post] = parse(page(message(5, inner)))
    assert post.photos == [Photo(1, "", image="photos/1.jpg")]


# errors

def test_a_page_without_a_history_is_refused():
    assert errors_of([("messages.html", page(message(1, text="x"))),
                      ("messages2.html", "<html><body><p>nothing</p></body></html>"),
                      ("messages3.html", "<html></html>")]) == [
        f'messages2.html:1: no <div class="history"> ({EXPECTED})',
        f'messages3.html:1: no <div class="history"> ({EXPECTED})']


def test_each_bad_message_is_named_by_its_page_line_and_id():
    html = page(message(None, text="no id"),
                '<div class="message default clearfix" id="message7"><div class="text">no body</div></div>',
                message(8, text="no date", date=None),
                message(9, text="bad date", date="yesterday at noon, a very long title of forty chars and more"),
                message(10, text="bad day", date="30.02.2023 10:00:00 UTC+03:00"),
                message(11, text="bad offset", date="01.02.2023 10:00:00 UTC+25:00"),
                message(12, text="fine"))
    assert errors_of([("messages2.html", html)]) == [
        f'messages2.html:2: a message has no id="messageN" ({EXPECTED})',
        f'messages2.html:3: message 7: no <div class="body"> ({EXPECTED})',
        ('messages2.html:4: message 8: no date (expected <div class="pull_right date details" '
        'title="25.04.2023 13:59:00 UTC+03:00">)'),
        ("messages2.html:5: message 9: date title 'yesterday at noon, a very long title of ' (expected e.g. "
        '"25.04.2023 13:59:00 UTC+03:00")'),
        ("messages2.html:6: message 10: date title '30.02.2023 10:00:00 UTC+03:00': day is out of range for month "
        '(expected e.g. "25.04.2023 13:59:00 UTC+03:00")'),
        ("messages2.html:7: message 11: date title '01.02.2023 10:00:00 UTC+25:00': offset must be a timedelta "
        "strictly between -timedelta(hours=24) and timedelta(hours=24), not datetime.timedelta(days=1, "
        'seconds=3600). (expected e.g. "25.04.2023 13:59:00 UTC+03:00")')]


def test_an_error_in_one_page_of_one_page_is_a_content_error():
    with pytest.raises(ContentError) as e:
        parse(page(message(8, text="no date", date=None)))
    assert str(e.value).startswith("messages.html:2: message 8: no date")


def test_a_date_title_from_the_title_attribute_only():
    html = page('<div class="message default clearfix" id="message8"><div class="body">'
                '<div class="pull_right date details">25.04.2023 13:59:00</div><div class="text">x</div></div></div>')
    assert errors_of([("messages.html", html)]) == [
        "messages.html:2: message 8: date title '' (expected e.g. \"25.04.2023 13:59:00 UTC+03:00\")"]


def test_a_date_block_must_carry_all_three_classes():
    html = page(message(8, text="x", date=None).replace(
        '<div class="body">', '<div class="body"><div class="date details" title="25.04.2023 13:59:00">x</div>'))
    assert errors_of([("messages.html", html)])[0].startswith("messages.html:2: message 8: no date ")


# what the first full run left (see tests/MUTATION-importers2.md)

def test_a_history_block_ending_at_the_400000th_character_is_seen():
    mark = '<div class="history">'
    assert looks_like(" " * (400_000 - len(mark)) + mark)
    assert not looks_like(" " * (400_001 - len(mark)) + mark)


def test_names_with_marked_up_parts_read_as_one_line():
    origin = ('<div class="from_name"><b>Russian</b> MFA<span class="date details" title="x"> 26.04.2023</span></div>'
              '<div class="text">Flowers.</div>')
    posts = parse(page(message(5, forward(origin)), message(6, text="Own.", sender="Ivan <b>Petrov</b>"),
                       chat="Victory <b>Archive</b>"))
    assert [(p.source_name, p.forwarded_from) for p in posts] == [("Russian MFA", "Russian MFA"), ("Victory Archive", None)]
    assert posts[0].identity == "telegram:Victory Archive/5"


def test_a_history_must_be_a_div():
    assert errors_of([("messages.html", '<html><body><div class="page_wrap"><span class="history">'
                       + message(1, text="x") + "</span></div></body></html>")]) == [
        f'messages.html:1: no <div class="history"> ({EXPECTED})']


def test_a_service_message_numbered_0_is_counted():
    posts = parse(page(service(0), message(3, text="Words.")))
    assert posts[0].warnings == ["skipped 1 service message of this export (not posts)"]


def test_a_reply_to_message_0_is_to_a_message_not_in_the_export():
    [post] = parse(page(message(3, reply("#go_to_message0"), text="Yes.")))
    assert post.warnings == ["a reply to message 0, which is not in this export"]


def test_a_reply_link_after_other_markup_is_found():
    block = '<div class="reply_to details"><span>In reply to</span> <a href="#go_to_message2">this</a></div>'
    posts = parse(page(message(2, text="Question."), message(3, block, text="Answer.")))
    assert posts[1].reply_to == "Question."


def test_blocks_with_more_classes_than_needed_are_read():
    html = message(5, text="Words.").replace('class="pull_right date details"', 'class="pull_right date details x"')
    [post] = parse(page(html))
    assert post.time == "10:15"


def test_a_date_block_without_the_date_or_details_class_is_no_date():
    for cls in ("pull_right details", "pull_right date"):
        html = message(8, text="x", date=None).replace(
            '<div class="body">', f'<div class="body"><div class="{cls}" title="25.04.2023 13:59:00">x</div>')
        assert errors_of([("messages.html", page(html))])[0].startswith("messages.html:2: message 8: no date ")


def test_a_channel_name_may_start_with_a_capital():
    [post] = parse_export([("messages.html", page(message(5, text="Words.")))], channel="Victory_Archive")
    assert post.url == "https://t.me/Victory_Archive/5"


def test_a_date_that_ends_a_paragraph_is_commemorated():
    [post] = parse(page(message(5, text="Troops met on 25 April 1945<br><br>Next paragraph")))
    assert post.commemorates == [dt.date(1945, 4, 25)]


def test_a_sticker_after_its_thumbnail_block_is_nothing_missing():
    node = ('<div class="media clearfix pull_left media_file"><div class="fill pull_left"></div>'
            '<div class="body"><div class="title bold">Sticker</div></div></div>')
    [post] = parse(page(message(5, media(node), text="Words.")))
    assert post.missing_media == []
