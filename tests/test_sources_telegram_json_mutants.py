"""Telegram Desktop's result.json (scripts/sources/telegram_json.py), rule by rule: each test parses its
own small export, and states the posts, warnings or error lines a contributor would see, written out by
hand (issue 10, item 5: tests that notice a changed line)."""

import datetime as dt
import json

import pytest

from scripts.content.model import ContentError, ContentErrors
from scripts.sources.telegram_json import looks_like, parse

NOT_INCLUDED = "(File not included. Change data exporting settings to download.)"


def export(*messages, **chat):
    return json.dumps({"name": "Test Channel", "type": "public_channel", "id": 42, **chat,
                       "messages": list(messages)}, ensure_ascii=False, indent=1)


def msg(id, text="", date="2023-05-09T10:00:00", **more):
    return {"id": id, "type": "message", "date": date, **more, "text": text}


def errors_of(text):
    with pytest.raises(ContentErrors) as e:
        parse(text)
    return [str(x) for x in e.value.errors]


def error_of(text):
    with pytest.raises(ContentError) as e:
        parse(text)
    return str(e.value)


# looks_like

@pytest.mark.parametrize("text", ['{"messages": []}', '\ufeff \n\t{"chats" :{}}', '\r\n{"a": 1, "messages":[]}'])
def test_an_object_with_messages_or_chats_looks_like_an_export(text):
    assert looks_like(text)


@pytest.mark.parametrize("text", ['["messages"]', '{"name": "x"}', 'x{"messages": []}', '{"messages" []}',
                                  'X{"messages": []}'])
def test_other_text_does_not_look_like_an_export(text):
    assert not looks_like(text)


# the posts

def test_one_post_per_message_with_its_fields():
    [post] = parse(export(msg(7, "Elbe Day. Troops met at Torgau on April 25, 1945.\n#WeWereAllies",
                              date="2023-04-25T10:15:30")))
    assert post.item == 7
    assert post.identity == "telegram:42/7"
    assert post.source_name == "Test Channel"
    assert post.source_kind == "telegram-json"
    assert post.title == "Elbe Day"
    assert post.tags == ["WeWereAllies"]
    assert (post.date, post.time) == (dt.date(2023, 4, 25), "10:15")
    assert post.commemorates == [dt.date(1945, 4, 25)]
    assert post.warnings == []


def test_only_war_dates_are_commemorated():
    [post] = parse(export(msg(1, "On 1 September 1939 and on 2 September 1945, not on 9 May 1946 or 1 May 1938.")))
    assert post.commemorates == [dt.date(1939, 9, 1), dt.date(1945, 9, 2)]


def test_the_identity_uses_the_chat_name_when_the_chat_id_is_not_a_number():
    assert parse(export(msg(3, "Text."), id="42"))[0].identity == "telegram:Test Channel/3"
    assert parse(export(msg(3, "Text."), id=True))[0].identity == "telegram:Test Channel/3"


def test_the_source_is_forwarded_from_else_the_chat_else_the_sender():
    assert parse(export(msg(1, "A.", forwarded_from=" Origin ", **{"from": "Sender"})))[0].source_name == "Origin"
    assert parse(export(msg(1, "A.", **{"from": "Sender"})))[0].source_name == "Test Channel"
    assert parse(export(msg(1, "A.", **{"from": "Sender"}), name="  "))[0].source_name == "Sender"
    assert parse(export(msg(1, "A.", **{"from": "Sender"}), name=5))[0].source_name == "Sender"
    assert parse(export(msg(1, "A."), name=None))[0].source_name == "Unknown channel"


def test_a_chat_name_is_trimmed():
    assert parse(export(msg(1, "A."), name="  Test Channel \n"))[0].source_name == "Test Channel"


def test_text_entities_take_the_place_of_text():
    m = msg(1, "plain copy")
    m["text_entities"] = [{"type": "bold", "text": "marked copy"}]
    [post] = parse(export(m))
    assert post.paragraphs[0].text == "marked copy"
    assert post.paragraphs[0].spans[0].bold


def test_text_entities_are_read_when_there_is_no_text():
    m = msg(1)
    del m["text"]
    m["text_entities"] = [{"type": "plain", "text": "Only entities."}]
    assert parse(export(m))[0].paragraphs[0].text == "Only entities."


def test_a_text_that_is_null_is_an_empty_message():
    m = msg(1, None)
    posts = parse(export(m, msg(2, "Text.")))
    assert [p.item for p in posts] == [2]
    assert posts[0].warnings == ["skipped 1 empty message of this export (not posts)"]


def test_a_message_without_a_type_is_a_message():
    m = msg(1, "Text.")
    del m["type"]
    assert [p.item for p in parse(export(m))] == [1]


def test_skipped_messages_are_counted_in_one_warning_on_the_first_post():
    service = {"id": 1, "type": "service", "action": "pin_message", "text": ""}
    posts = parse(export(service, msg(2, "First."), {"id": 3, "type": "service", "text": ""},
                         {"id": 4, "type": 5, "text": ""}, msg(5), msg(6, "Second.")))
    assert [p.item for p in posts] == [2, 6]
    assert posts[0].warnings == ["skipped 2 service messages, 1 message of no known type, 1 empty message "
                                 "of this export (not posts)"]
    assert posts[1].warnings == []


DATED = "Victory Day, 9 May 2023.\n#Победа78"
INFERRED = "date 2023-05-09 inferred: 2023-05-09 in the text, in the year of #Победа78"


def test_the_skipped_warning_comes_before_the_posts_own_warnings():
    posts = parse(export({"id": 1, "type": "service", "text": ""}, msg(2, DATED, date=None)))
    assert posts[0].warnings == ["skipped 1 service message of this export (not posts)", INFERRED]


def test_an_export_of_only_skipped_messages_has_no_posts():
    assert parse(export({"id": 1, "type": "service", "text": ""}, msg(2))) == []


def test_a_message_with_no_date_has_one_inferred_from_its_text():
    [post] = parse(export(msg(1, DATED, date=None)))
    assert post.date == dt.date(2023, 5, 9)
    assert post.time is None
    assert post.warnings == [INFERRED]


def test_date_unixtime_dates_a_message_without_date():
    [post] = parse(export(msg(1, "Text.", date=None, date_unixtime=1683624600)))
    assert (post.date, post.time) == (dt.date(2023, 5, 9), "09:30")
    [post] = parse(export(msg(1, "Text.", date=None, date_unixtime="1683624600")))
    assert (post.date, post.time) == (dt.date(2023, 5, 9), "09:30")


def test_date_wins_over_date_unixtime():
    [post] = parse(export(msg(1, "Text.", date="2023-04-25T10:15:00", date_unixtime=1683624600)))
    assert (post.date, post.time) == (dt.date(2023, 4, 25), "10:15")


@pytest.mark.parametrize("unix", ["-5", "soon", 1.5])
def test_an_unusable_date_unixtime_is_ignored(unix):
    [post] = parse(export(msg(1, DATED, date=None, date_unixtime=unix)))
    assert post.date == dt.date(2023, 5, 9)
    assert post.warnings == [INFERRED]


@pytest.mark.parametrize("date, shown", [(20230509, "20230509"), ("9 May", '"9 May"'),
                                         ("x" * 60, '"' + "x" * 39)])
def test_a_date_that_is_not_iso_is_an_error(date, shown):
    assert errors_of(export(msg(1, "Text.", date=date))) == [
        f"result.json:6: message 1 (id 1): 'date' is {shown} (expected e.g. \"2023-04-25T10:15:00\")"]


def test_a_date_in_cyrillic_is_shown_as_written():
    assert errors_of(export(msg(1, "Text.", date="9 мая"))) == [
        "result.json:6: message 1 (id 1): 'date' is \"9 мая\" (expected e.g. \"2023-04-25T10:15:00\")"]


# media

def test_a_photo_and_a_picture_sent_as_a_file_are_photos():
    [post] = parse(export(msg(1, "Two.", photo="photos/a.jpg", file="files/b.png", mime_type="image/png")))
    assert [(p.n, p.image, p.caption) for p in post.photos] == [(1, "photos/a.jpg", ""), (2, "files/b.png", "")]
    assert post.missing_media == []


def test_a_picture_file_alone_is_photo_one():
    [post] = parse(export(msg(1, "", file=" files/b.png ", mime_type="image/png")))
    assert [(p.n, p.image) for p in post.photos] == [(1, "files/b.png")]


def test_media_left_out_of_the_export_is_missing():
    [post] = parse(export(msg(1, "", photo=NOT_INCLUDED, file=NOT_INCLUDED, mime_type="image/jpeg")))
    assert post.photos == []
    assert post.missing_media == ["photo"]
    [post] = parse(export(msg(1, "", photo="(File exceeds maximum size. Change data exporting settings to download.)")))
    assert post.missing_media == ["photo"]


@pytest.mark.parametrize("media_type, missing", [("video_file", ["video"]), ("animation", ["video"]),
                                                 ("video_message", ["video"]), ("voice_message", ["file"]),
                                                 ("audio_file", ["file"]), ("something_new", ["file"]),
                                                 (None, ["file"])])
def test_other_files_are_recorded_as_missing_by_kind(media_type, missing):
    more = {"media_type": media_type} if media_type else {}
    [post] = parse(export(msg(1, "Caption.", file="files/x.bin", mime_type="video/mp4", **more)))
    assert post.photos == []
    assert post.missing_media == missing


def test_a_sticker_is_not_recorded():
    posts = parse(export(msg(1, "", file="stickers/s.webp", media_type="sticker", mime_type="image/webp"),
                         msg(2, "Text.")))
    assert [p.item for p in posts] == [2]


def test_a_blank_photo_is_no_photo():
    posts = parse(export(msg(1, "", photo="  "), msg(2, "Text.")))
    assert [p.item for p in posts] == [2]


def test_a_field_that_is_not_text_is_an_error_naming_it():
    assert errors_of(export(msg(1, "Text.", photo=5))) == [
        "result.json:6: message 1 (id 1): 'photo' is a number (expected a string)"]
    assert errors_of(export(msg(1, "Text.", forwarded_from=["x"]))) == [
        "result.json:6: message 1 (id 1): 'forwarded_from' is a list (expected a string)"]


# albums

def test_an_album_joins_the_post_before_it():
    posts = parse(export(msg(1, "Parade.", photo="a.jpg", file=NOT_INCLUDED, media_type="video_file"),
                         msg(2, "", photo="b.jpg", file=NOT_INCLUDED, media_type="video_file"),
                         msg(3, "", photo=NOT_INCLUDED, file="c.png", mime_type="image/png")))
    assert [p.item for p in posts] == [1]
    assert [(p.n, p.image) for p in posts[0].photos] == [(1, "a.jpg"), (2, "b.jpg"), (3, "c.png")]
    assert posts[0].missing_media == ["video", "photo"]


def test_an_album_part_with_text_or_tags_is_its_own_post():
    posts = parse(export(msg(1, "Parade.", photo="a.jpg"), msg(2, "#Victory", photo="b.jpg"),
                         msg(3, "More.", photo="c.jpg")))
    assert [p.item for p in posts] == [1, 2, 3]


def test_an_album_needs_the_same_second_and_the_same_source():
    posts = parse(export(msg(1, "Parade.", photo="a.jpg"), msg(2, "", photo="b.jpg", date="2023-05-09T10:00:01"),
                         msg(3, "", photo="c.jpg", date="2023-05-09T10:00:01", forwarded_from="Other")))
    assert [p.item for p in posts] == [1, 2, 3]


def test_a_service_message_ends_an_album_but_an_empty_message_does_not():
    posts = parse(export(msg(1, "Parade.", photo="a.jpg"), {"id": 2, "type": "service", "text": ""},
                         msg(3, "", photo="b.jpg")))
    assert [p.item for p in posts] == [1, 3]
    posts = parse(export(msg(1, "Parade.", photo="a.jpg"), msg(2), msg(3, "", photo="b.jpg")))
    assert [p.item for p in posts] == [1]
    assert [p.image for p in posts[0].photos] == ["a.jpg", "b.jpg"]


def test_an_album_does_not_reach_into_the_next_chat():
    data = {"chats": {"list": [
        {"name": "A", "id": 1, "messages": [msg(1, "Parade.", photo="a.jpg")]},
        {"name": "A", "id": 1, "messages": [msg(2, "", photo="b.jpg")]}]}}
    assert [p.item for p in parse(json.dumps(data))] == [1, 2]


# errors

def test_every_bad_message_is_reported_with_its_line():
    items = [msg(1, "Good."), msg(2, 5), [1], {"id": True, "type": "message", "text": "x"},
             msg(5, [{"type": "bold"}]), msg(6, {"a": 1})]
    text = '{"name": "C",\n"messages": [\n' + ",\n".join(json.dumps(m) for m in items) + "\n]}"
    lines = [3, 4, 5, 6, 7, 8]  # one message a line, from line 3
    assert errors_of(text) == [
        f"result.json:{lines[1]}: message 2 (id 2): 'text' is a number (expected a string, or a list of strings and entities)",
        f"result.json:{lines[2]}: message 3 is a list (expected an object)",
        f"result.json:{lines[3]}: message 4: 'id' is true or false (expected the message's number, e.g. \"id\": 17)",
        f"result.json:{lines[4]}: message 5 (id 5): a text entity is an object (expected a string or an object "
        "with a 'text' string)",
        f"result.json:{lines[5]}: message 6 (id 6): 'text' is an object (expected a string, or a list of strings "
        "and entities)",
    ]


def test_messages_are_numbered_over_every_chat():
    data = {"chats": {"list": [{"name": "A", "messages": [msg(1, "A.")]},
                               {"name": "B", "messages": [msg(1, "B."), "x"]}]}}
    assert errors_of(json.dumps(data)) == ["result.json:1: message 3 is a string (expected an object)"]
    text = ('{"chats": {"list": [{"name": "A", "messages": [\n{"id": 1, "text": "A."}]},\n'
            '{"name": "B", "messages": [\n{"id": 1, "text": "B."},\n"x"]}]}}')
    assert errors_of(text) == ["result.json:5: message 3 is a string (expected an object)"]


@pytest.mark.parametrize("value, what", [(None, "null"), ("17", "a string"), (1.5, "a number"), ({}, "an object")])
def test_an_id_that_is_not_a_number_is_named(value, what):
    assert errors_of(export({"id": value, "type": "message", "text": "x"})) == [
        f"result.json:6: message 1: 'id' is {what} (expected the message's number, e.g. \"id\": 17)"]


def test_errors_name_messages_by_number_only_when_their_lines_cannot_be_found():
    # a repeated "messages" key: json.loads keeps the last list, the walk finds both
    text = '{"messages": [{"id": 1, "type": "message", "text": "a"}],\n "messages": [\n {"id": 2, "text": 5}]}'
    assert errors_of(text) == [
        "result.json: message 1 (id 2): 'text' is a number (expected a string, or a list of strings and entities)"]


def test_message_lines_of_a_whole_account_export():
    text = ('{"chats": {"list": [\n {"name": "A", "messages": [\n  {"id": 1, "text": "x"},\n'
            '  {"id": 2, "text": 3}\n ]}\n]}}')
    assert errors_of(text) == [
        "result.json:4: message 2 (id 2): 'text' is a number (expected a string, or a list of strings and entities)"]


def test_message_lines_after_a_byte_order_mark():
    text = '\ufeff{"messages": [\n{"id": 1, "text": 3}\n]}'
    assert errors_of(text) == [
        "result.json:2: message 1 (id 1): 'text' is a number (expected a string, or a list of strings and entities)"]


def test_not_json_names_the_line_and_column():
    assert error_of('{\n "messages": [\n  {"id": 1,}\n ]\n}') == (
        "result.json:3: not valid JSON: Expecting property name enclosed in double quotes at column 12 "
        "(expected a Telegram Desktop result.json)")


def test_a_byte_order_mark_is_not_an_error():
    assert [p.item for p in parse("\ufeff" + export(msg(1, "Text.")))] == [1]


def test_json_nested_too_deep_is_an_error_on_line_one():
    assert error_of('{"messages": ' + "[" * 100000 + "]" * 100000 + "}").startswith(
        "result.json:1: not valid JSON: maximum recursion depth exceeded")


@pytest.mark.parametrize("text, what", [("[]", "a list"), ('"x"', "a string"), ("null", "null"),
                                        ("true", "true or false"), ("3", "a number")])
def test_json_that_is_not_an_object(text, what):
    assert error_of(text) == (f"result.json:1: the JSON is {what} (expected a Telegram Desktop result.json: "
                              "an object with 'messages')")


@pytest.mark.parametrize("text, line", [('{"name": "x",\n "chats": {"list": 5}}', 2),
                                        ('{"name": "x",\n "chats": []}', 2), ('{"name": "x"}', 1)])
def test_no_messages_and_no_chat_list(text, line):
    assert error_of(text) == (f"result.json:{line}: no 'messages' list and no 'chats' with a 'list' "
                              "(expected a Telegram Desktop result.json)")


def test_a_chat_that_is_not_an_object_or_has_no_message_list():
    assert error_of('{"about": 1,\n "chats": {"list": [3]}}') == (
        "result.json:2: a chat is a number (expected a Telegram Desktop result.json: each chat an object with "
        "name, type, id and a 'messages' list)")
    assert error_of('{"about": 1,\n "chats": {"list": [{"name": "A"}]}}') == (
        "result.json:2: 'messages' is null (expected a Telegram Desktop result.json: each chat an object with "
        "name, type, id and a 'messages' list)")


def test_lines_are_counted_from_the_very_first_character():
    assert error_of('\n\n{"name": "x",\n "chats": 5}') == (
        "result.json:4: no 'messages' list and no 'chats' with a 'list' (expected a Telegram Desktop result.json)")
    assert errors_of('\n{"messages": [\n{"id": 1, "text": 3}]}') == [
        "result.json:3: message 1 (id 1): 'text' is a number (expected a string, or a list of strings and entities)"]


def test_message_lines_with_spaces_and_tabs_around_every_token():
    text = ' \t{ "name" : "C" ,\r\n "messages" :\t[ \r\n {"id": 1, "text": "a"} ,\n\t{ "id" : 2 , "text" : [ 1 ] } \n] , "x": {"y": [1, {"z": 2}]} }'
    assert errors_of(text) == [
        "result.json:4: message 2 (id 2): a text entity is a number (expected a string or an object with a "
        "'text' string)"]


def test_text_before_the_opening_brace_is_not_json():
    assert error_of('X{"messages": []}') == ("result.json:1: not valid JSON: Expecting value at column 1 "
                                             "(expected a Telegram Desktop result.json)")


def test_empty_messages_are_counted_one_by_one():
    posts = parse(export(msg(1), msg(2, "Text."), msg(3), msg(4)))
    assert posts[0].warnings == ["skipped 3 empty messages of this export (not posts)"]


def test_album_photos_have_no_caption():
    [post] = parse(export(msg(1, "Parade.", photo="a.jpg"), msg(2, "", photo="b.jpg")))
    assert [(p.n, p.caption) for p in post.photos] == [(1, ""), (2, "")]


def test_text_entities_as_one_string_when_there_is_no_text():
    m = msg(1)
    del m["text"]
    m["text_entities"] = "Plain text entities."
    assert [p.text for p in parse(export(m))[0].paragraphs] == ["Plain text entities."]


def test_a_picture_file_left_out_of_the_export_is_a_missing_photo():
    [post] = parse(export(msg(1, "Caption.", file=NOT_INCLUDED, mime_type="image/jpeg")))
    assert post.photos == []
    assert post.missing_media == ["photo"]


def test_date_unixtime_is_utc_whatever_the_machines_time_zone(monkeypatch):
    import time
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        [post] = parse(export(msg(1, "Text.", date=None, date_unixtime=1683624600)))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert (post.date, post.time) == (dt.date(2023, 5, 9), "09:30")


def test_message_lines_of_compact_json():
    data = {"name": "C", "messages": [msg(1, "a"), msg(2, 5)], "more": [1, 2]}
    text = json.dumps(data, separators=(",", ":"))
    assert errors_of(text) == [
        "result.json:1: message 2 (id 2): 'text' is a number (expected a string, or a list of strings and entities)"]
