"""A saved t.me/s page (scripts/sources/telegram_channel_html.py), rule by rule: each test parses its own
small page and states the posts a contributor would see, written out by hand (issue 10, item 5: tests that
notice a changed line)."""

import datetime as dt

import pytest

from scripts.content.model import ContentError, ContentErrors
from scripts.sources.telegram_channel_html import looks_like, parse

TIME = '<a class="tgme_widget_message_date" href="#"><time datetime="2023-04-25T10:59:00+00:00">10:59</time></a>'


def message(post="victory_archive/101", body="", classes="tgme_widget_message", date=TIME):
    return (f'<div class="{classes}" data-post="{post}">\n<div class="tgme_widget_message_bubble">\n'
            f"{body}\n{date}\n</div>\n</div>\n")


def text(t):
    return f'<div class="tgme_widget_message_text">{t}</div>'


def page(*messages, title="Victory Archive"):
    head = f'<div class="tgme_channel_info_header_title"><span>{title}</span></div>\n' if title else ""
    return "<html><body>\n" + head + "".join(messages) + "</body></html>\n"


def texts(post):
    return [p.text for p in post.paragraphs]


def test_looks_like_a_post_block_or_the_history():
    assert looks_like('<div class="tgme_widget_message js-x" data-post="a/1">')
    assert looks_like('<section class="tgme_channel_history">')
    assert not looks_like('<div class="tgme_widget_message_text">')
    assert not looks_like(" " * 400_000 + '<section class="tgme_channel_history">')


def test_a_post_with_its_fields():
    [post] = parse(page(message(body=text("Elbe Day. Torgau, April 25, 1945.<br/>#WeWereAllies"))))
    assert texts(post) == ["Elbe Day. Torgau, April 25, 1945."]
    assert post.tags == ["WeWereAllies"]
    assert post.source_name == "Victory Archive"
    assert post.source_kind == "telegram-channel-html"
    assert post.title == "Elbe Day"
    assert (post.date, post.time) == (dt.date(2023, 4, 25), "10:59")
    assert post.published == "2023-04-25T10:59:00+00:00"
    assert post.url == "https://t.me/victory_archive/101"
    assert post.item == 1
    assert post.commemorates == [dt.date(1945, 4, 25)]
    assert post.warnings == [] and post.reply_to is None and post.forwarded_from is None


def test_the_identity_is_case_insensitive_and_the_url_as_written():
    [post] = parse(page(message(post=" Victory_Archive/7 ", body=text("Text."))))
    assert post.identity == "telegram:victory_archive/7"
    assert post.url == "https://t.me/Victory_Archive/7"


def test_without_a_title_the_source_is_the_channel_of_the_post():
    [post] = parse(page(message(body=text("Text.")), title=None))
    assert post.source_name == "victory_archive"


def test_a_time_with_z_and_a_time_without_a_zone():
    [post] = parse(page(message(body=text("Text."), date='<a class="tgme_widget_message_date"><time '
                                'datetime="2023-05-09T08:00:00Z">8:00</time></a>')))
    assert (post.date, post.time, post.published) == (dt.date(2023, 5, 9), "08:00", "2023-05-09T08:00:00+00:00")
    [post] = parse(page(message(body=text("Text."), date='<a class="tgme_widget_message_date"><time '
                                'datetime="2023-05-09T08:00:00">8:00</time></a>')))
    assert (post.time, post.published) == ("08:00", None)


def test_no_time_then_the_date_is_inferred():
    [post] = parse(page(message(body=text("Victory Day, 9 May 2023.<br/>#Победа78"), date="")))
    assert post.date == dt.date(2023, 5, 9)
    assert post.time is None and post.published is None
    assert post.warnings == ["date 2023-05-09 inferred: 2023-05-09 in the text, in the year of #Победа78"]


def test_a_time_with_an_empty_datetime_is_no_time():
    [post] = parse(page(message(body=text("Text."), date='<a class="tgme_widget_message_date"><time datetime="">'
                                                        "</time></a>")))
    assert post.date is None and post.time is None


def test_a_bad_time_is_an_error_with_its_line():
    with pytest.raises(ContentErrors) as e:
        parse(page(message(body=text("Text."), date='<a class="tgme_widget_message_date"><time '
                           'datetime=" yesterday ">x</time></a>')))
    assert [str(x) for x in e.value.errors] == [
        "channel.html:3: post victory_archive/101: <time datetime='yesterday'> "
        "(expected e.g. \"2023-04-25T10:59:00+00:00\")"]


def test_a_bad_data_post_is_an_error_and_every_error_is_reported():
    with pytest.raises(ContentErrors) as e:
        parse(page(message(post="nochannel", body=text("A.")), message(post="ab/1", body=text("B."))))
    assert [str(x) for x in e.value.errors] == [
        "channel.html:3: data-post='nochannel' (expected <channel>/<number>, e.g. \"victory_archive/101\")",
        "channel.html:9: data-post='ab/1' (expected <channel>/<number>, e.g. \"victory_archive/101\")"]


def test_blocks_without_data_post_are_not_posts():
    html = page('<div class="tgme_widget_message">' + text("Chrome.") + "</div>", message(body=text("Post.")))
    [post] = parse(html)
    assert texts(post) == ["Post."]
    assert post.warnings == []


def test_service_and_empty_posts_are_skipped_and_counted():
    posts = parse(page(message(post="va_x/1", classes="tgme_widget_message service_message", body=text("Pinned")),
                       message(post="va_x/2"), message(post="va_x/3", body=text("Text.")), message(post="va_x/4")))
    assert [p.url for p in posts] == ["https://t.me/va_x/3"]
    assert posts[0].item == 1
    assert posts[0].warnings == ["skipped 1 service message, 2 empty posts of this page (not posts)"]


def test_the_skipped_warning_comes_first():
    posts = parse(page(message(post="va_x/2"), message(post="va_x/3", body=text("Victory Day, 9 May 2023.<br/>"
                                                                                 "#Победа78"), date="")))
    assert posts[0].warnings == ["skipped 1 empty post of this page (not posts)",
                                 "date 2023-05-09 inferred: 2023-05-09 in the text, in the year of #Победа78"]


def test_a_forward_names_its_origin():
    fwd = ('<div class="tgme_widget_message_forwarded_from">Forwarded from <a class="tgme_widget_message_'
           'forwarded_from_name"><span>Russian MFA</span></a></div>')
    [post] = parse(page(message(body=fwd + text("Text."))))
    assert (post.source_name, post.forwarded_from) == ("Russian MFA", "Russian MFA")


def test_a_forward_without_a_name_element():
    fwd = '<div class="tgme_widget_message_forwarded_from">Forwarded from  Origin Channel</div>'
    [post] = parse(page(message(body=fwd + text("Text."))))
    assert post.forwarded_from == "Origin Channel"
    fwd = '<div class="tgme_widget_message_forwarded_from">Forwarded from</div>'
    [post] = parse(page(message(body=fwd + text("Text."))))
    assert (post.forwarded_from, post.source_name) == (None, "Victory Archive")


def test_a_reply_quotes_the_post_it_answers_and_is_not_text():
    reply = ('<a class="tgme_widget_message_reply"><div class="tgme_widget_message_text js-message_reply_text">'
             "The quoted  post.</div></a>")
    [post] = parse(page(message(body=reply + text("The reply."))))
    assert post.reply_to == "The quoted post."
    assert texts(post) == ["The reply."]


def test_a_reply_quote_of_the_other_class_and_an_empty_one():
    reply = '<a class="tgme_widget_message_reply"><div class="tgme_widget_message_text">Quoted.</div></a>'
    assert parse(page(message(body=reply + text("R."))))[0].reply_to == "Quoted."
    reply = '<a class="tgme_widget_message_reply"><span>no quote</span></a>'
    assert parse(page(message(body=reply + text("R."))))[0].reply_to is None
    reply = '<a class="tgme_widget_message_reply"><div class="js-message_reply_text"> </div></a>'
    assert parse(page(message(body=reply + text("R."))))[0].reply_to is None


def test_text_blocks_in_page_order_including_media_supported_cont():
    body = (text("First.") + '\n<div class="media_supported_cont">' + text("Second.") + "</div>\n"
            + '<div class="other">' + text("Not the post's.") + "</div>")
    [post] = parse(page(message(body=body)))
    assert texts(post) == ["First.", "Second."]


def test_photos_local_and_remote_and_other_media():
    body = ('<a class="tgme_widget_message_photo_wrap" style="width:1px;background-image:url(\'page_files/a.jpg\')"></a>'
            '<a class="tgme_widget_message_photo_wrap" style="background-image: URL( //cdn.example.org/b.jpg )"></a>'
            '<a class="tgme_widget_message_photo_wrap" style="background-image:url(&quot;https://cdn.example.org/c.jpg&quot;)"></a>'
            '<a class="tgme_widget_message_photo_wrap" style="color:red"></a>'
            '<div class="tgme_widget_message_video_player"></div><div class="tgme_widget_message_roundvideo_player"></div>'
            '<div class="tgme_widget_message_document_wrap"></div><div class="tgme_widget_message_sticker"></div>')
    [post] = parse(page(message(body=body)))
    assert [(p.n, p.image, p.url, p.caption) for p in post.photos] == [
        (1, "page_files/a.jpg", None, ""), (2, None, "https://cdn.example.org/b.jpg", ""),
        (3, None, "https://cdn.example.org/c.jpg", "")]
    assert post.missing_media == ["photo", "video", "file"]
    assert post.warnings == []


@pytest.mark.parametrize("cls, missing", [("tgme_widget_message_voice", ["file"]),
                                          ("tgme_widget_message_poll", ["file"]),
                                          ("tgme_widget_message_location_wrap", [])])
def test_each_kind_of_media(cls, missing):
    posts = parse(page(message(post="va_x/1", body=f'<div class="{cls}"></div>'),
                       message(post="va_x/2", body=text("Text."))))
    assert [p.missing_media for p in posts] == ([missing, []] if missing else [[]])


def test_a_photo_neither_saved_nor_on_the_web_is_a_warning():
    body = '<a class="tgme_widget_message_photo_wrap" style="background-image:url(\'../elsewhere/a.jpg\')"></a>'
    [post] = parse(page(message(body=body)))
    assert [(p.image, p.url) for p in post.photos] == [(None, "../elsewhere/a.jpg")]
    assert post.warnings == ["photo 1: '../elsewhere/a.jpg' is neither in the page's _files folder nor a web "
                             "address; not copied"]


def test_war_years_only_are_commemorated():
    [post] = parse(page(message(body=text("1 September 1939, 2 September 1945, not 9 May 1946."))))
    assert post.commemorates == [dt.date(1939, 9, 1), dt.date(1945, 9, 2)]
