"""Writing imported posts into content/ (scripts/sources/write.py), rule by rule: each test builds its own
small source or post, and states the files, report lines or errors a contributor would see, written out by
hand (issue 10, item 5: tests that notice a changed line)."""

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

import pytest

from scripts.content.model import ContentError, Paragraph, Photo, Post, Span
from scripts.sources import write
from scripts.sources.write import (
    channel_name,
    import_paths,
    media_title,
    original_fields,
    post_fingerprint,
    read_sources,
    render_markdown,
    render_meta,
    title_once,
)

REMINDER = ("describe who it is (kind, name and about in each language, url, handle); `check` lists what is "
            "missing")
KEPT = "contributors' edits are kept (use --force to re-import)"
NO_DATE = "no date (add 'date: YYYY-MM-DD' to meta.yml; until then it is listed after the dated posts)"


def post(*texts, lang="en", **more):
    return Post(paragraphs=[Paragraph(t, lang) for t in texts], source_name="Test Channel",
                source_kind="telegram-json", **more)


def msg(id, text, date="2023-05-09T10:00:00", **more):
    return {"id": id, "type": "message", "date": date, "text": text, **more}


def export(folder: Path, *messages, name="result.json", chat_id=42, title="Test Channel") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps({"name": title, "type": "public_channel", "id": chat_id, "messages": list(messages)},
                               ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def fingerprint_of(folder: Path) -> str:
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    return meta.split("\nfingerprint: ")[1].strip()


def files_of(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file()}


# render_meta

def test_meta_holds_the_posts_fields_in_order():
    p = post("Victory Day in Moscow.", date=dt.date(2023, 5, 9), time="10:15", tags=["VictoryDay", "May9"],
             commemorates=[dt.date(1945, 5, 9), dt.date(1945, 6, 24)], item=7, identity="telegram:42/7",
             url="https://t.me/test/7")
    meta = render_meta(p, "sources/result.json", "0123456789abcdef")
    assert meta == {
        "date": "2023-05-09", "time": "10:15",
        "source": {"name": "Test Channel", "kind": "telegram-json", "raw": "sources/result.json", "item": 7,
                   "identity": "telegram:42/7", "url": "https://t.me/test/7"},
        "lang": "en", "tags": ["VictoryDay", "May9"], "commemorates": ["1945-05-09", "1945-06-24"],
        "fingerprint": "0123456789abcdef"}
    assert list(meta) == ["date", "time", "source", "lang", "tags", "commemorates", "fingerprint"]
    assert list(meta["source"]) == ["name", "kind", "raw", "item", "identity", "url"]


def test_meta_of_a_bare_post_has_its_source_lang_and_fingerprint_only():
    p = post("Слава героям.", lang="ru", item=3)
    meta = render_meta(p, "sources/a.txt")
    assert meta == {"source": {"name": "Test Channel", "kind": "telegram-json", "raw": "sources/a.txt", "item": 3,
                               "identity": "file:sources/a.txt#3"},
                    "lang": "ru", "fingerprint": post_fingerprint(p)}


def test_an_inferred_date_says_why_in_meta():
    p = post("x", date=dt.date(2023, 4, 25), warnings=[
        "the date inferred: not this one", "date 2023-04-25 inferred: '78 years ago' and 1945-04-25 in the text",
        "date 2023-04-26 inferred: a second reason"])
    meta = render_meta(p, "sources/a.txt", "f")
    assert meta["date_inferred"] == "'78 years ago' and 1945-04-25 in the text"
    assert list(meta)[:2] == ["date", "date_inferred"]


def test_a_warning_about_a_date_that_was_not_inferred_is_not_a_reason():
    p = post("x", warnings=["date looks odd: 1945", "note inferred: x"])
    assert "date_inferred" not in render_meta(p, "sources/a.txt", "f")


def test_the_gallery_lists_each_photos_credit_and_file():
    p = post("x", photos=[
        Photo(1, "a", agency="TASS", photographer="Yevgeny Khaldei", rights="Public domain", image="1.jpg"),
        Photo(2, "b", rights="http://rightsstatements.org/vocab/InC/1.0/", file="2.heic"),
        Photo(3, "c", image="3.jpg", url="https://example.org/3.jpg"),
        Photo(4, "d")])
    meta = render_meta(p, "sources/a.txt", "f")
    assert meta["gallery"] == [
        {"agency": "TASS", "photographer": "Yevgeny Khaldei",
         "rights": "https://creativecommons.org/publicdomain/mark/1.0/", "image": "1.jpg"},
        {"rights": "http://rightsstatements.org/vocab/InC/1.0/", "file": "2.heic"},
        {"image": "3.jpg"},
        {}]
    assert list(meta["gallery"][0]) == ["agency", "photographer", "rights", "image"]
    assert "missing_media" not in meta


def test_a_photo_not_captured_is_recorded_missing_with_its_address():
    p = post("x", photos=[Photo(1, "a", url="https://example.org/1.jpg"), Photo(2, "b", url="page_files/2.jpg")])
    meta = render_meta(p, "sources/a.html", "f")
    assert meta["gallery"] == [{"url": "https://example.org/1.jpg"}, {}]
    assert meta["missing_media"] == ["photo"]
    assert list(meta)[-3:] == ["missing_media", "gallery", "fingerprint"]


def test_missing_photo_is_said_once_with_the_other_missing_media():
    p = post("x", missing_media=["video", "photo"], photos=[Photo(1, "a", url="http://example.org/1.jpg")])
    assert render_meta(p, "r", "f")["missing_media"] == ["video", "photo"]
    p = post("x", missing_media=["video"], photos=[Photo(1, "a", url="http://example.org/1.jpg")])
    assert render_meta(p, "r", "f")["missing_media"] == ["video", "photo"]
    p = post("x", missing_media=["video"])
    assert render_meta(p, "r", "f")["missing_media"] == ["video"]


# original_fields, title_once

def test_the_original_has_its_title_and_escaped_paragraphs():
    p = post("Parade on Red Square.", "On *24 June* 1945. #Victory", title="Parade on Red Square")
    assert original_fields(p) == {"title": "Parade on Red Square.", "body": "On \\*24 June\\* 1945. #Victory"}


def test_a_paragraph_with_marks_or_line_breaks_keeps_them():
    p = Post(paragraphs=[Paragraph("line one\nline two", "en"),
                         Paragraph("see site", "en", (Span("see "), Span("site", href="https://e.org")))],
             source_name="S", source_kind="k", title="Something else")
    assert original_fields(p)["body"] == "line one  \nline two\n\nsee [site](<https://e.org>)"


def test_a_paragraph_in_another_language_says_so():
    p = Post(paragraphs=[Paragraph("Victory Day in Moscow today.", "en"), Paragraph("Слава героям", "ru"),
                         Paragraph("🎉", None)], source_name="S", source_kind="k", title="Other")
    assert original_fields(p)["body"] == "Victory Day in Moscow today.\n\nСлава героям\n{: lang=ru }\n\n🎉"


def test_captions_are_escaped_by_photo_number():
    p = post("x", title="T", photos=[Photo(1, "A *star*"), Photo(3, "")])
    assert original_fields(p)["captions"] == {1: "A \\*star\\*", 3: ""}


@pytest.mark.parametrize("more, title", [
    ({"title": "Given"}, "Given"),
    ({"missing_media": ["video"], "date": dt.date(2023, 5, 9)}, "Video, 2023-05-09"),
    ({"tags": ["VictoryDay", "May9"]}, "#VictoryDay #May9"),
    ({}, "Test Channel"),
])
def test_a_post_without_a_title_gets_one_from_what_it_has(more, title):
    assert original_fields(post(**more))["title"] == title


def test_a_title_that_is_the_first_sentence_takes_it_whole_from_the_body():
    p = post("🎖 Victory Day! Troops paraded in Moscow.", "Second.", title="Victory Day!")
    assert title_once(p) == ("🎖 Victory Day!", [Paragraph("Troops paraded in Moscow.", "en"),
                                                Paragraph("Second.", "en")])


def test_a_title_that_is_the_first_line_takes_it():
    p = post("Victory Day\nTroops paraded.", title="Victory Day")
    assert title_once(p) == ("Victory Day", [Paragraph("Troops paraded.", "en")])


def test_a_one_sentence_post_becomes_its_title_alone():
    p = post("Victory Day in Moscow.", title="Victory Day in Moscow")
    assert title_once(p) == ("Victory Day in Moscow.", [])


@pytest.mark.parametrize("title, texts", [
    ("", ["Victory Day. More."]),
    ("Victory Day in Moscow, with troops…", ["Victory Day in Moscow, with troops. More."]),
    ("Victory Day", []),
    ("Parade", ["Victory Day. More."]),  # not the first sentence
    ("Victory Day", ["#Victory Day. More."]),  # a hashtag stays in the body, where it links
])
def test_a_title_that_is_not_the_first_sentence_leaves_the_body_alone(title, texts):
    p = post(*texts, title=title)
    assert title_once(p) == (title, [Paragraph(t, "en") for t in texts])


def test_only_the_posts_hashtags_after_the_title_are_dropped():
    p = post("Victory Day. #VictoryDay #May9", title="Victory Day", tags=["victoryday", "May9"])
    assert title_once(p) == ("Victory Day.", [])
    p = post("Victory Day. #VictoryDay #Other", title="Victory Day", tags=["VictoryDay"])
    assert title_once(p) == ("Victory Day.", [Paragraph("#VictoryDay #Other", "en")])
    p = post("Victory Day. In Moscow #VictoryDay", title="Victory Day", tags=["VictoryDay"])
    assert title_once(p) == ("Victory Day.", [Paragraph("In Moscow #VictoryDay", "en")])


def test_links_in_the_title_sentence_stay_in_the_body_as_links():
    spans = (Span("Read "), Span("the order", href="https://e.org/a"), Span(" and "),
             Span("the letters", href="https://e.org/b"), Span(". Then more "), Span("here", href="https://e.org/c"))
    p = Post(paragraphs=[Paragraph("Read the order and the letters. Then more here", "en", spans)],
             source_name="S", source_kind="k", title="Read the order and the letters")
    title, paragraphs = title_once(p)
    assert title == "Read the order and the letters."
    assert paragraphs == [
        Paragraph("the order · the letters", "en",
                  (Span("the order", href="https://e.org/a"), Span(" · "), Span("the letters", href="https://e.org/b"))),
        Paragraph("Then more here", "en", (Span("Then more "), Span("here", href="https://e.org/c")))]


def test_the_rest_of_a_paragraph_keeps_its_marks_only_when_it_has_some():
    spans = (Span("Victory Day", bold=True), Span(". Troops paraded."))
    p = Post(paragraphs=[Paragraph("Victory Day. Troops paraded.", "en", spans)], source_name="S",
             source_kind="k", title="Victory Day")
    assert title_once(p) == ("Victory Day.", [Paragraph("Troops paraded.", "en")])
    for mark in ("bold", "italic", "code", "strike"):
        spans = (Span("Victory Day. "), Span("Troops", **{mark: True}), Span(" paraded."))
        p = Post(paragraphs=[Paragraph("Victory Day. Troops paraded.", "en", spans)], source_name="S",
                 source_kind="k", title="Victory Day")
        assert title_once(p)[1] == [Paragraph("Troops paraded.", "en",
                                              (Span("Troops", **{mark: True}), Span(" paraded.")))]


# media_title

@pytest.mark.parametrize("more, title", [
    ({"missing_media": ["video"], "date": dt.date(2023, 5, 9)}, "Video, 2023-05-09"),
    ({"missing_media": ["audio", "file", "video", "video"]}, "Voice message and File and Video, undated"),
    ({"photos": [Photo(1, "")], "missing_media": ["photo"], "date": dt.date(1945, 5, 9)}, "Photo, 1945-05-09"),
    ({"missing_media": ["poll"]}, "poll, undated"),
    ({"photos": [Photo(1, "")]}, "Photo, undated"),
])
def test_a_message_without_words_is_titled_by_what_it_holds(more, title):
    assert media_title(post(**more)) == title


@pytest.mark.parametrize("p", [post("Words.", missing_media=["video"]), post(photos=[Photo(1, "A caption")]),
                               post()])
def test_a_message_with_words_or_nothing_has_no_media_title(p):
    assert media_title(p) == ""


# render_markdown

def test_a_language_file_is_its_front_matter_then_its_body():
    assert render_markdown({"title": "Victory Day", "body": "Text."}) == "---\ntitle: Victory Day\n---\n\nText.\n"
    assert render_markdown({"title": "T", "captions": {1: "c"}, "body": "B"}, {"title": "old", "note": "kept"}) == (
        "---\ntitle: T\nnote: kept\ncaptions:\n  1: c\n---\n\nB\n")


def test_front_matter_the_fields_no_longer_hold_is_dropped():
    assert render_markdown({"body": "B"}, {"title": "old", "captions": {1: "x"}, "note": "n"}) == (
        "---\nnote: n\n---\n\nB\n")
    assert render_markdown({"title": "T"}) == "---\ntitle: T\n---\n\n\n"


def test_rendering_leaves_the_front_matter_given_alone():
    front = {"title": "old"}
    render_markdown({"title": "new", "body": ""}, front)
    assert front == {"title": "old"}


# post_fingerprint

def test_the_same_words_have_one_fingerprint_wherever_they_come_from():
    a = post("Victory Day in Moscow.", item=1, date=dt.date(2023, 5, 9))
    b = Post(paragraphs=[Paragraph("Victory Day in Moscow.", "en")], source_name="Other", source_kind="x", item=9)
    assert post_fingerprint(a) == post_fingerprint(b)
    c = Post(paragraphs=[], photos=[Photo(1, "Victory Day in Moscow.")], source_name="S", source_kind="x")
    assert post_fingerprint(c) == post_fingerprint(a)
    assert post_fingerprint(post("Victory Day in Berlin.")) != post_fingerprint(a)


@pytest.mark.parametrize("change", [
    {"source_name": "Other"}, {"date": dt.date(2023, 5, 10)}, {"time": "11:00"}, {"item": 2},
    {"photos": [Photo(1, "", image="other.jpg")]}, {"missing_media": ["video", "file"]},
])
def test_messages_without_words_are_told_apart_by_where_they_came_from(change):
    base = {"paragraphs": [Paragraph("🎉")], "source_name": "S", "source_kind": "k", "date": dt.date(2023, 5, 9),
            "time": "10:00", "item": 1, "photos": [Photo(1, "", image="a.jpg")], "missing_media": ["video"]}
    assert post_fingerprint(Post(**base)) == post_fingerprint(Post(**base))
    assert post_fingerprint(Post(**base)) != post_fingerprint(Post(**{**base, **change}))


# channel_name

@pytest.mark.parametrize("given", ["victory_archive", "@victory_archive", "t.me/victory_archive",
                                   "https://t.me/s/victory_archive", "http://www.telegram.me/victory_archive/",
                                   "  @victory_archive\n"])
def test_a_channel_is_named_in_any_of_its_forms(given):
    assert channel_name(given) == "victory_archive"


@pytest.mark.parametrize("given", ["abc", "1abcd", "victory archive", "https://example.org/victory_archive", ""])
def test_what_is_not_a_channel_is_refused(given):
    with pytest.raises(ContentError) as e:
        channel_name(given)
    assert str(e.value) == (f"--channel: {given!r} is not a public Telegram channel (expected its name, "
                            "'@victory_archive' or 'https://t.me/victory_archive')")


# import_paths: what is written

def test_an_import_writes_one_folder_per_post_with_its_files(tmp_path):
    src = export(tmp_path / "in", msg(7, "Victory Day. Troops paraded in Moscow on May 9, 1945.\n#VictoryDay"))
    root = tmp_path / "content"
    report = import_paths([src], root)
    assert report.lines() == [
        "created content/posts/victory-day (result.json item 7, en: Victory Day)",
        f"added source 'Test Channel' to content/sources.yml: {REMINDER}"]
    folder = root / "posts" / "victory-day"
    files = files_of(folder)
    assert sorted(files) == [".imported.json", "en.md", "meta.yml"]
    assert files["en.md"] == "---\ntitle: Victory Day.\n---\n\nTroops paraded in Moscow on May 9, 1945.\n"
    assert files["meta.yml"].startswith("date: '2023-05-09'\ntime: '10:00'\nsource:\n  name: Test Channel\n"
                                        "  kind: telegram-json\n  raw: sources/result.json\n  item: 7\n"
                                        "  identity: telegram:42/7\nlang: en\n")
    assert json.loads(files[".imported.json"])["tags"] != "-"
    assert (root / "sources" / "result.json").read_bytes() == src.read_bytes()
    assert (root / "sources.yml").read_text(encoding="utf-8") == "Test Channel:\n  platform: telegram\n"
    assert sorted(p.name for p in (root / "posts").iterdir()) == ["victory-day"]  # no staging left


def test_a_second_import_of_the_same_file_skips_its_posts(tmp_path):
    src = export(tmp_path / "in", msg(7, "Victory Day. Troops paraded in Moscow."))
    root = tmp_path / "content"
    import_paths([src], root)
    (root / "posts" / "victory-day" / "en.md").write_text("---\ntitle: Edited\n---\n\nEdited.\n", encoding="utf-8")
    assert import_paths([src], root).lines() == [
        f"skipped content/posts/victory-day (result.json item 7): already imported; {KEPT}"]
    assert (root / "posts" / "victory-day" / "en.md").read_text(encoding="utf-8") == (
        "---\ntitle: Edited\n---\n\nEdited.\n")


def test_the_same_words_from_another_source_are_the_same_post(tmp_path):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))], root)
    other = export(tmp_path / "b", msg(3, "Victory Day. Troops paraded in Moscow."), chat_id=99, title="Other")
    lines = import_paths([other], root).lines()
    assert lines[0] == ("skipped content/posts/victory-day (result.json item 3): the same text as telegram:42/7, "
                        f"imported from another source; {KEPT}")


def test_the_same_words_in_another_message_of_one_source_are_another_post(tmp_path):
    root = tmp_path / "content"
    text = "Victory Day. Troops paraded in Moscow."
    import_paths([export(tmp_path / "a", msg(7, text))], root)
    report = import_paths([export(tmp_path / "b", msg(8, text, date="2024-05-09T10:00:00"))], root)
    fp = fingerprint_of(root / "posts" / "victory-day")  # the same words: the same fingerprint
    assert report.created == [f"content/posts/victory-day-{fp[:6]} (result.json item 8, en: Victory Day)"]


def test_a_third_post_of_one_title_is_named_by_its_source_item(tmp_path):
    root = tmp_path / "content"
    text = "Victory Day. Troops paraded in Moscow."
    src = export(tmp_path / "a", msg(7, text), msg(8, text), msg(9, text))
    report = import_paths([src], root)
    fp = fingerprint_of(root / "posts" / "victory-day")
    third = hashlib.sha256(b"telegram:42/9").hexdigest()[:6]
    assert report.created == ["content/posts/victory-day (result.json item 7, en: Victory Day)",
                              f"content/posts/victory-day-{fp[:6]} (result.json item 8, en: Victory Day)",
                              f"content/posts/victory-day-{third} (result.json item 9, en: Victory Day)"]


def test_a_folder_id_takes_the_first_six_words_of_the_title(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "One two three four five six seven eight.\nMore…"))
    assert import_paths([src], root).created == [
        "content/posts/one-two-three-four-five-six (result.json item 7, en: One two three four five six seven eight)"]


def test_a_folder_id_without_a_title_is_the_source_name(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "", photo="photos/1.jpg"), title="Victory … Archive")
    report = import_paths([src], root)
    assert report.created[0].startswith("content/posts/victory-archive (result.json item 7, en: ")


def test_a_folder_already_holding_an_id_is_not_reused(tmp_path):
    root = tmp_path / "content"
    (root / "posts" / "victory-day").mkdir(parents=True)
    (root / "posts" / "victory-day" / "meta.yml").write_text("fingerprint: abc\nlang: en\n", encoding="utf-8")
    (root / "posts" / "victory-day" / "en.md").write_text("---\ntitle: x\n---\n\nx\n", encoding="utf-8")
    report = import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops."))], root)
    [created] = report.created
    fp = fingerprint_of(root / created.split()[0].removeprefix("content/"))
    assert created == f"content/posts/victory-day-{fp[:6]} (result.json item 7, en: Victory Day)"


def test_a_folder_left_incomplete_is_imported_again_keeping_its_other_files(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    import_paths([src], root)
    folder = root / "posts" / "victory-day"
    (folder / "en.md").unlink()
    (folder / "ru.md").write_text("---\ntitle: День Победы\n---\n\nПеревод.\n", encoding="utf-8")
    report = import_paths([src], root)
    assert report.lines() == [
        ("repaired: content/posts/victory-day (result.json item 7): it had meta.yml but no en.md (an interrupted "
        "import): imported again, its other files kept")]
    assert sorted(files_of(folder)) == [".imported.json", "en.md", "meta.yml", "ru.md"]
    assert files_of(folder)["ru.md"] == "---\ntitle: День Победы\n---\n\nПеревод.\n"


def test_a_folder_whose_meta_is_written_in_another_form_is_still_recognized(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    import_paths([src], root)
    folder = root / "posts" / "victory-day"
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    fp = meta.split("fingerprint: ")[1].strip()
    (folder / "meta.yml").write_text(f"{{fingerprint: {fp}, lang: en}}\n", encoding="utf-8")
    other = export(tmp_path / "b", msg(3, "Victory Day. Troops paraded in Moscow."), chat_id=9)
    assert import_paths([other], root).lines() == [
        f"skipped content/posts/victory-day (result.json item 3): already imported; {KEPT}"]


@pytest.mark.parametrize("meta", ["{fingerprint: '', lang: en}\n", "[1, 2]\n", "{lang: en}\n", "a: [\n"])
def test_a_folder_whose_meta_has_no_fingerprint_holds_no_post_but_its_id(tmp_path, meta):
    root = tmp_path / "content"
    (root / "posts" / "victory-day").mkdir(parents=True)
    (root / "posts" / "victory-day" / "meta.yml").write_text(meta, encoding="utf-8")
    report = import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops."))], root)
    [created] = report.created
    fp = fingerprint_of(root / created.split()[0].removeprefix("content/"))
    assert created == f"content/posts/victory-day-{fp[:6]} (result.json item 7, en: Victory Day)"


def test_hidden_folders_and_folders_without_meta_hold_no_post(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    import_paths([src], root)
    meta = (root / "posts" / "victory-day" / "meta.yml").read_text(encoding="utf-8")
    os.rename(root / "posts" / "victory-day", root / "posts" / ".victory-day")
    (root / "posts" / "notes").mkdir()
    report = import_paths([src], root)
    assert report.created == ["content/posts/victory-day (result.json item 7, en: Victory Day)"]
    assert (root / "posts" / "victory-day" / "meta.yml").read_text(encoding="utf-8") == meta


def test_a_meta_that_cannot_be_read_holds_no_post_but_its_id(tmp_path):
    root = tmp_path / "content"
    (root / "posts" / "victory-day").mkdir(parents=True)
    (root / "posts" / "victory-day" / "meta.yml").write_bytes(b"fingerprint: \xff\n")
    report = import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops."))], root)
    [created] = report.created
    fp = fingerprint_of(root / created.split()[0].removeprefix("content/"))
    assert created == f"content/posts/victory-day-{fp[:6]} (result.json item 7, en: Victory Day)"


def test_the_identity_line_of_a_folder_tells_its_source_item(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    import_paths([src], root)
    edited = export(tmp_path / "b", msg(7, "Victory Day. Troops paraded in Moscow, edited."))
    assert import_paths([edited], root).lines() == [
        f"skipped content/posts/victory-day (result.json item 7): already imported; {KEPT}"]


def test_the_raw_file_is_archived_once_and_another_with_its_name_beside_it(tmp_path):
    root = tmp_path / "content"
    a = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    b = export(tmp_path / "b", msg(8, "Elbe Day. Troops met at Torgau."))
    import_paths([a], root)
    import_paths([a], root)
    import_paths([b], root)
    digest = hashlib.sha256(b.read_bytes()).hexdigest()[:8]
    assert sorted(p.name for p in (root / "sources").iterdir()) == [f"result-{digest}.json", "result.json"]
    meta = (root / "posts" / "elbe-day" / "meta.yml").read_text(encoding="utf-8")
    assert f"  raw: sources/result-{digest}.json\n" in meta


def test_a_source_named_in_no_utf8_is_archived_under_a_name_that_is(tmp_path):
    root = tmp_path / "content"
    folder = tmp_path / "a"
    src = export(folder, msg(7, "Victory Day. Troops paraded in Moscow."))
    bad = folder / os.fsdecode(b"caf\xe9.json")
    os.rename(src, bad)
    report = import_paths([bad], root)
    assert report.attention == [f"{bad}: its name is not UTF-8 text: archived as sources/caf_.json"]
    assert (root / "sources" / "caf_.json").is_file()


def test_an_export_with_a_channel_gets_its_addresses(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    import_paths([src], root, channel="https://t.me/Victory_Archive")
    meta = (root / "posts" / "victory-day" / "meta.yml").read_text(encoding="utf-8")
    assert "  identity: telegram:victory_archive/7\n  url: https://t.me/Victory_Archive/7\n" in meta


def test_a_channel_given_for_a_text_source_changes_nothing(tmp_path):
    root = tmp_path / "content"
    src = tmp_path / "a.txt"
    src.write_text("Forwarded from Victory Archive\nVictory Day. Troops paraded in Moscow.\n", encoding="utf-8")
    import_paths([src], root, channel="@victory_archive")
    [folder] = (root / "posts").iterdir()
    meta = (folder / "meta.yml").read_text(encoding="utf-8")
    assert "  identity: file:sources/a.txt#1\n" in meta and "url:" not in meta


def test_warnings_and_missing_things_are_reported_for_attention(tmp_path):
    root = tmp_path / "content"
    src = tmp_path / "a.txt"
    src.write_bytes(b"Forwarded from Victory Archive\n" + "Zafer Günü kutlu olsun.".encode() + b"\n"
                    + "Победа".encode("cp1251") + b"\n")
    report = import_paths([src], root)
    [folder] = report.created
    shown = folder.split(" ")[0]
    assert report.attention == [
        f"{src}:3: line 3 read as Windows-1251, the rest as UTF-8 (expected one encoding per file: check those lines)",
        f"{shown}: {NO_DATE}"]


def test_a_message_without_words_is_reported_for_a_better_title(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "", media_type="video_file", file="video_files/v.mp4"))
    report = import_paths([src], root)
    assert report.created == ["content/posts/test-channel (result.json item 7, en: )"]  # named by its source
    assert "content/posts/test-channel: a message without words (Video, 2023-05-09): its title says what it " \
           "holds; write a better one, and a caption if you know what it shows" in report.attention


def test_a_later_export_page_alone_is_refused(tmp_path):
    page = tmp_path / "export" / "messages2.html"
    page.parent.mkdir()
    page.write_text("<html></html>", encoding="utf-8")
    for given in (page, page.parent):
        with pytest.raises(ContentError) as e:
            read_sources([given])
        assert str(e.value) == (
            f"{page}:1: a later page of a Telegram Desktop HTML export without its first page (expected the export "
            "folder with messages.html beside it; import the whole folder)")


PAGE = """<html><body><div class="page_wrap"><div class="page_header"><div class="content">
<div class="text bold">Victory Archive</div></div></div><div class="page_body chat_page"><div class="history">
<div class="message default clearfix" id="message%d"><div class="body">
<div class="pull_right date details" title="09.05.2023 10:00:00 UTC+03:00">10:00</div>
<div class="from_name">Victory Archive</div><div class="text">%s</div></div></div>
</div></div></div></body></html>"""


def test_an_export_folder_is_read_as_one_source_of_all_its_pages(tmp_path):
    folder = tmp_path / "ChatExport"
    folder.mkdir()
    (folder / "messages.html").write_text(PAGE % (1, "The first page's message."), encoding="utf-8")
    (folder / "messages2.html").write_bytes((PAGE % (2, "Вторая страница.")).encode("utf-8"))
    parsed = read_sources([folder])
    assert [(p.name, kind, [x.item for x in posts], w) for p, _, kind, posts, w in parsed] == [
        ("messages2.html", "telegram-html", [], []), ("messages.html", "telegram-html", [1, 2], [])]
    assert parsed[0][1] == (folder / "messages2.html").read_bytes()
    root = tmp_path / "content"
    import_paths([folder / "messages.html"], root)
    assert sorted(p.name for p in (root / "sources").iterdir()) == ["messages.html", "messages2.html"]


def test_a_lone_surrogate_is_refused_before_anything_is_written(tmp_path):
    src = tmp_path / "result.json"
    src.write_text('{"name": "T", "type": "public_channel", "id": 1, "messages": [\n'
                   '{"id": 1, "type": "message", "date": "2023-05-09T10:00:00", "text": "x \\ud83d y"}]}',
                   encoding="utf-8")
    with pytest.raises(ContentError) as e:
        import_paths([src], tmp_path / "content")
    assert str(e.value).startswith(f"{src}:2: item 1: a lone surrogate \\ud83d ")
    assert not (tmp_path / "content").exists()


# --force

SOURCE = '{"name": "Test Channel", "kind": "telegram-json", "raw": "s…'  # shortened: its raw file changed

def forced(tmp_path, new_text, edit=None):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))], root)
    folder = root / "posts" / "victory-day"
    if edit:
        edit(folder)
    return folder, import_paths([export(tmp_path / "b", msg(7, new_text))], root, force=True)


def test_force_replaces_what_the_importer_wrote_and_keeps_translations(tmp_path):
    def translate(folder):
        (folder / "ru.md").write_text("---\ntitle: День Победы\n---\n\nПеревод.\n", encoding="utf-8")
    folder, report = forced(tmp_path, "Victory Day. Troops paraded on Red Square.", translate)
    assert report.lines() == [
        ("overwrote content/posts/victory-day (result.json item 7): --force replaced 2 fields; translations were kept"
        f"\n  replaced source: {SOURCE} -> {SOURCE}"
        '\n  replaced body: "Troops paraded in Moscow." -> "Troops paraded on Red Square."')]
    files = files_of(folder)
    assert files["en.md"] == "---\ntitle: Victory Day.\n---\n\nTroops paraded on Red Square.\n"
    assert files["ru.md"] == "---\ntitle: День Победы\n---\n\nПеревод.\n"
    assert "  raw: sources/result-" in files["meta.yml"]


def test_force_counts_the_fields_it_replaced(tmp_path):
    folder, report = forced(tmp_path, "Elbe Day. Troops met at Torgau.")
    [line] = report.overwritten
    assert line.startswith("content/posts/victory-day (result.json item 7): --force replaced 3 fields; "
                           "translations were kept\n  replaced source: ")
    assert "\n  replaced title: \"Victory Day.\" -> \"Elbe Day.\"" in line
    assert "raw: sources/result-" in (folder / "meta.yml").read_text(encoding="utf-8")
    assert files_of(folder)["en.md"] == "---\ntitle: Elbe Day.\n---\n\nTroops met at Torgau.\n"


def test_force_with_nothing_new_replaces_nothing(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    import_paths([src], root)
    before = files_of(root / "posts" / "victory-day")
    assert import_paths([src], root, force=True).lines() == [
        "skipped content/posts/victory-day (result.json item 7): --force found nothing it may replace"]
    assert files_of(root / "posts" / "victory-day") == before


def test_force_keeps_an_edited_field_and_says_so(tmp_path):
    def edit(folder):
        text = (folder / "en.md").read_text(encoding="utf-8")
        (folder / "en.md").write_text(text.replace("Troops paraded in Moscow", "Edited by hand"), encoding="utf-8")
    _, report = forced(tmp_path, "Victory Day. Troops paraded on Red Square.", edit)
    assert report.lines() == [
        ("overwrote content/posts/victory-day (result.json item 7): --force replaced 1 field; translations were kept"
        f"\n  replaced source: {SOURCE} -> {SOURCE}"
        '\n  kept body (changed since it was imported): "Edited by hand."; the source gives '
        '"Troops paraded on Red Square."')]


def test_force_without_a_record_keeps_every_field(tmp_path):
    def unrecord(folder):
        (folder / ".imported.json").unlink()
    _, report = forced(tmp_path, "Victory Day. Troops paraded on Red Square.", unrecord)
    assert report.lines() == [
        ("skipped content/posts/victory-day (result.json item 7): --force found nothing it may replace"
        f"\n  kept source (no record of what the importer wrote): {SOURCE}; the source gives {SOURCE}"
        '\n  kept body (no record of what the importer wrote): "Troops paraded in Moscow."; the source gives '
        '"Troops paraded on Red Square."')]


def test_force_keeps_a_changed_language_and_says_so(tmp_path):
    folder, report = forced(tmp_path, "Victory Day. Парад Победы прошёл на Красной площади в Москве.")
    [line] = report.overwritten
    assert line.endswith("\n  kept lang (en): the source now reads as ru; change meta.yml and rename en.md by "
                         "hand if it should")
    assert sorted(files_of(folder)) == [".imported.json", "en.md", "meta.yml"]


def test_force_given_one_post_twice_writes_the_last(tmp_path):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))], root)
    both = export(tmp_path / "b", msg(7, "Victory Day. First."), msg(7, "Victory Day. Second."))
    import_paths([both], root, force=True)
    assert files_of(root / "posts" / "victory-day")["en.md"] == "---\ntitle: Victory Day.\n---\n\nSecond.\n"


# failures while writing

def test_a_failure_while_writing_names_the_file_and_leaves_no_half_folder(tmp_path, monkeypatch):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))

    def full(path, data, linked=True):
        raise OSError(28, "No space left on device", str(path))
    monkeypatch.setattr(write, "_replace_file", full)
    with pytest.raises(ContentError) as e:
        import_paths([src], root)
    assert str(e.value) == (
        "content/posts/victory-day/meta.yml: cannot write: No space left on device (expected a content folder this "
        "user can write to, on a disk with free space; every post folder written before is complete, none is "
        "half-written: run the import again)")
    assert sorted(p.name for p in (root / "posts").iterdir()) == []


def test_a_failure_while_renaming_names_the_folder(tmp_path, monkeypatch):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))

    def fail(stage, final):
        raise OSError(5, "Input/output error")
    monkeypatch.setattr(write.staging, "commit", fail)
    with pytest.raises(ContentError) as e:
        import_paths([src], root)
    assert str(e.value).startswith("content/posts/victory-day: cannot write: Input/output error (expected ")


def test_a_failure_outside_content_names_the_file_as_given():
    e = write._write_error(Path("/srv/content"), b"/tmp/elsewhere", OSError(13, "Permission denied"))
    assert str(e).startswith("/tmp/elsewhere: cannot write: Permission denied (expected ")
    e = write._write_error(Path("/srv/content"), None, OSError(13, "Permission denied"))
    assert str(e).startswith("content: cannot write: Permission denied (expected ")
    e = write._write_error(Path("/srv/content"), "/srv/content/sources.yml", OSError(13, "Permission denied"))
    assert str(e).startswith("content/sources.yml: cannot write: ")


def test_a_file_replaced_in_a_staged_folder_leaves_the_old_folders_copy_alone(tmp_path):
    old = tmp_path / "old.md"
    old.write_bytes(b"old")
    staged = tmp_path / "staged.md"
    os.link(old, staged)
    write._replace_file(staged, b"new")
    assert (old.read_bytes(), staged.read_bytes()) == (b"old", b"new")
    write._replace_file(tmp_path / "fresh.md", b"fresh")
    assert (tmp_path / "fresh.md").read_bytes() == b"fresh"


# what the first full run left (see tests/MUTATION-importers2.md)

def test_an_inferred_dates_reason_may_hold_a_colon():
    p = post("x", warnings=["date 2023-04-25 inferred: the text says: April 25, 78 years ago"])
    assert render_meta(p, "r", "f")["date_inferred"] == "the text says: April 25, 78 years ago"


def test_a_link_that_opens_the_title_sentence_is_kept_whole():
    spans = (Span("Order", href="https://e.org/o"), Span(" of May 9. More."))
    p = Post(paragraphs=[Paragraph("Order of May 9. More.", "en", spans)], source_name="S", source_kind="k",
             title="Order of May 9")
    assert title_once(p)[1][0] == Paragraph("Order", "en", (Span("Order", href="https://e.org/o"),))


def test_a_link_across_the_end_of_the_title_sentence_is_cut_there():
    spans = (Span("Go "), Span("here. And there", href="https://e.org/h"))
    p = Post(paragraphs=[Paragraph("Go here. And there", "en", spans)], source_name="S", source_kind="k",
             title="Go here")
    assert title_once(p) == ("Go here.", [
        Paragraph("here.", "en", (Span("here.", href="https://e.org/h"),)),
        Paragraph("And there", "en", (Span("And there", href="https://e.org/h"),))])


@pytest.mark.parametrize("setup", [
    lambda d: d.mkdir(),  # no meta.yml
    lambda d: (d.mkdir(), (d / "meta.yml").write_bytes(b"fingerprint: \xff\n")),  # not UTF-8
    lambda d: (d.mkdir(), (d / "meta.yml").write_text("a: [\n", encoding="utf-8")),  # not YAML
    lambda d: (d.mkdir(), (d / "meta.yml").write_text("[1, 2]\n", encoding="utf-8")),  # no mapping
])
def test_a_folder_that_holds_no_post_does_not_hide_the_folders_after_it(tmp_path, setup):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    import_paths([src], root)
    setup(root / "posts" / "a-first")
    assert import_paths([src], root).lines() == [
        f"skipped content/posts/victory-day (result.json item 7): already imported; {KEPT}"]


def test_a_meta_whose_fingerprint_line_reads_is_recognized_even_if_its_yaml_does_not(tmp_path):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))
    import_paths([src], root)
    meta = root / "posts" / "victory-day" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "note: [\n", encoding="utf-8")
    other = export(tmp_path / "b", msg(3, "Victory Day. Troops paraded in Moscow."), chat_id=9)
    assert import_paths([other], root).lines() == [
        ("skipped content/posts/victory-day (result.json item 3): the same text as telegram:42/7, imported from "
        f"another source; {KEPT}")]


def text_source(folder: Path, name: str, *posts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("".join(f"Forwarded from Victory Archive\n{p}\n" for p in posts), encoding="utf-8")
    return path


@pytest.mark.parametrize("first, second", [("a.txt", "b.txt"), ("x#1.txt", "x#2.txt")])
def test_the_same_words_in_another_text_file_are_the_same_post(tmp_path, first, second):
    root = tmp_path / "content"
    words = "Victory Day. Troops paraded in Moscow."
    import_paths([text_source(tmp_path / "in", first, words)], root)
    report = import_paths([text_source(tmp_path / "in", second, words)], root)
    assert report.skipped == [(f"content/posts/victory-day ({second} item 1): the same text as "
                              f"file:sources/{first}#1, imported from another source; {KEPT}")]


def test_the_same_words_twice_in_one_text_file_are_two_posts(tmp_path):
    root = tmp_path / "content"
    words = "Victory Day. Troops paraded in Moscow."
    report = import_paths([text_source(tmp_path / "in", "a.txt", words, words)], root)
    assert len(report.created) == 2 and report.skipped == []


def article_page(url: str, text: str) -> str:
    return (f'<html><head><meta property="og:type" content="article"><meta property="og:title" content="Elbe Day">'
            f'<link rel="canonical" href="{url}"></head><body><article><p>{text}</p></article></body></html>')


def test_the_same_article_text_on_another_site_is_the_same_post(tmp_path):
    root = tmp_path / "content"
    (tmp_path / "a.html").write_text(article_page("https://e.org/news/1", "Troops met at Torgau."), encoding="utf-8")
    (tmp_path / "b.html").write_text(article_page("https://f.org/news/2", "Troops met at Torgau."), encoding="utf-8")
    import_paths([tmp_path / "a.html"], root)
    assert import_paths([tmp_path / "b.html"], root).skipped == [
        ("content/posts/elbe-day (b.html item 1): the same text as web:https://e.org/news/1, imported from another "
        f"source; {KEPT}")]


def test_a_later_pages_warnings_name_that_page(tmp_path):
    folder = tmp_path / "ChatExport"
    folder.mkdir()
    (folder / "messages.html").write_text(PAGE % (1, "The first page's message."), encoding="utf-8")
    page2 = (PAGE % (2, "Zafer Günü.")).encode("utf-8") + b"\n" + "<p>Победа</p>".encode("cp1251")
    (folder / "messages2.html").write_bytes(page2)
    report = import_paths([folder], tmp_path / "content")
    assert report.attention[0].startswith(f"{folder / 'messages2.html'}:7: line 7 read as Windows-1251")


def test_a_channel_given_for_a_saved_tme_page_changes_nothing(tmp_path):
    src = tmp_path / "s.html"
    src.write_text(
        '<html><body><div class="tgme_channel_info_header_title"><span>Victory Archive</span></div>'
        '<div class="tgme_widget_message" data-post="victory_archive/101"><div class="tgme_widget_message_bubble">'
        '<div class="tgme_widget_message_text">Victory Day. Troops paraded in Moscow.</div>'
        '<a class="tgme_widget_message_date" href="#"><time datetime="2023-04-25T10:59:00+00:00">10:59</time></a>'
        "</div></div></body></html>", encoding="utf-8")
    root = tmp_path / "content"
    import_paths([src], root, channel="other_channel")
    meta = (root / "posts" / "victory-day" / "meta.yml").read_text(encoding="utf-8")
    assert "  identity: telegram:victory_archive/101\n" in meta


def test_a_failure_while_archiving_the_source_names_it(tmp_path, monkeypatch):
    root = tmp_path / "content"
    src = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))

    def full(target, data):
        raise OSError(28, "No space left on device", str(target))
    monkeypatch.setattr(write, "write_bytes_atomic", full)
    with pytest.raises(ContentError) as e:
        import_paths([src], root)
    assert str(e.value).startswith("content/sources/result.json: cannot write: No space left on device (expected ")


def test_the_posts_own_warnings_are_reported_for_attention(tmp_path):
    src = export(tmp_path / "a", msg(6, ""), msg(7, "Victory Day. Troops paraded in Moscow."))
    report = import_paths([src], tmp_path / "content")
    assert report.attention == ["content/posts/victory-day: skipped 1 empty message of this export (not posts)"]


def test_force_goes_on_after_a_post_with_nothing_to_replace(tmp_path):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))], root)
    again = export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."), msg(8, "Elbe Day. Torgau."))
    report = import_paths([again], root, force=True)
    assert report.created == ["content/posts/elbe-day (result.json item 8, en: Elbe Day)"]


def test_force_keeps_a_broken_meta_named(tmp_path):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))], root)
    meta = root / "posts" / "victory-day" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8") + "note: [\n", encoding="utf-8")
    with pytest.raises(ContentError) as e:
        import_paths([export(tmp_path / "b", msg(7, "Victory Day. Other."))], root, force=True)
    assert str(e.value).startswith("content/posts/victory-day/meta.yml:")


def test_force_names_a_broken_language_file(tmp_path):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))], root)
    (root / "posts" / "victory-day" / "en.md").write_text("---\ntitle: [\n---\n\nx\n", encoding="utf-8")
    with pytest.raises(ContentError) as e:
        import_paths([export(tmp_path / "b", msg(7, "Victory Day. Other."))], root, force=True)
    assert str(e.value).startswith("content/posts/victory-day/en.md:")


def test_force_keeps_the_other_front_matter_and_the_lists_of_meta(tmp_path):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow.\n#VictoryDay #May9"))],
                 root)
    folder = root / "posts" / "victory-day"
    en = (folder / "en.md").read_text(encoding="utf-8")
    (folder / "en.md").write_text(en.replace("---\n\n", "summary: kept\n---\n\n", 1), encoding="utf-8")
    import_paths([export(tmp_path / "b", msg(7, "Victory Day. Troops paraded on Red Square.\n#VictoryDay #May9"))],
                 root, force=True)
    assert (folder / "en.md").read_text(encoding="utf-8") == (
        "---\ntitle: Victory Day.\nsummary: kept\n---\n\nTroops paraded on Red Square.\n")
    assert "\ntags:\n- VictoryDay\n- May9\n" in (folder / "meta.yml").read_text(encoding="utf-8")


def test_a_second_force_still_knows_what_the_first_wrote(tmp_path):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. One."))], root)
    import_paths([export(tmp_path / "b", msg(7, "Victory Day. Two."))], root, force=True)
    report = import_paths([export(tmp_path / "c", msg(7, "Victory Day. Three."))], root, force=True)
    assert [line.split("\n")[0] for line in report.overwritten] == [
        "content/posts/victory-day (result.json item 7): --force replaced 2 fields; translations were kept"]
    assert (root / "posts" / "victory-day" / "en.md").read_text(encoding="utf-8").endswith("\n\nThree.\n")


def test_a_failed_force_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    root = tmp_path / "content"
    import_paths([export(tmp_path / "a", msg(7, "Victory Day. Troops paraded in Moscow."))], root)
    folder = root / "posts" / "victory-day"
    before = files_of(folder)
    real = open

    def fail_on_the_language_file(path, *args, **kw):
        if str(path).endswith("en.md"):
            raise OSError(28, "No space left on device", str(path))
        return real(path, *args, **kw)
    monkeypatch.setattr(write, "open", fail_on_the_language_file, raising=False)
    with pytest.raises(ContentError):
        import_paths([export(tmp_path / "b", msg(7, "Elbe Day. Troops met at Torgau."))], root, force=True)
    assert files_of(folder) == before


def test_words_an_ellipsis_separates_stay_two_words_in_the_folder_id(tmp_path):
    src = export(tmp_path / "a", msg(7, "Remember…honour. Troops paraded in Moscow."))
    report = import_paths([src], tmp_path / "content")
    assert report.created == ["content/posts/remember-honour (result.json item 7, en: Remember…honour)"]
    src = export(tmp_path / "b", msg(8, "One…two three four five six seven. Text."))
    report = import_paths([src], tmp_path / "content")
    assert report.created[0].startswith("content/posts/one-two-three-four-five-six (")


def test_a_folder_id_is_at_most_60_characters_cut_at_a_word():
    src_words = "Aaaaaaaaaa Bbbbbbbbbb Cccccccccc Dddddddddd Eeeeeeeeee Ffffff"  # 61 characters as a slug
    p = post("x", title=src_words)
    assert write._new_id(p, set(), "abcdef0123") == "aaaaaaaaaa-bbbbbbbbbb-cccccccccc-dddddddddd-eeeeeeeeee"


def gallery_page(caption: str) -> str:
    return ('<html><head><meta property="og:type" content="article"><meta property="og:title" content="Elbe Day">'
            '<link rel="canonical" href="https://e.org/news/1"></head><body><article><p>Troops met at Torgau.</p>'
            f'<figure><img src="https://e.org/1.jpg"><figcaption>{caption}</figcaption></figure></article></body></html>')


def test_force_replaces_a_caption_the_importer_wrote(tmp_path):
    root = tmp_path / "content"
    (tmp_path / "a.html").write_text(gallery_page("Soldiers on the bridge"), encoding="utf-8")
    import_paths([tmp_path / "a.html"], root)
    (tmp_path / "a.html").write_text(gallery_page("Soldiers on the broken bridge"), encoding="utf-8")
    [line] = import_paths([tmp_path / "a.html"], root, force=True).overwritten
    assert '\n  replaced captions: {"1": "Soldiers on the bridge"} -> {"1": "Soldiers on the broken bridge"}' in line
    assert "captions:\n  1: Soldiers on the broken bridge\n" in (root / "posts" / "elbe-day" / "en.md").read_text(
        encoding="utf-8")


def photo_bytes(color) -> bytes:
    import io

    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (2, 2), color).save(out, "PNG")
    return out.getvalue()


def photo_export(folder: Path, photos: dict[str, bytes], text="Victory Day. Parade photos.") -> Path:
    (folder / "photos").mkdir(parents=True, exist_ok=True)
    for name, data in photos.items():
        (folder / "photos" / name).write_bytes(data)
    wraps = "".join(f'<a class="photo_wrap clearfix pull_left" href="photos/{n}"></a>' for n in photos)
    body = f'<div class="media_wrap clearfix">{wraps}</div>' + (f'<div class="text">{text}</div>' if text else "")
    html = PAGE.replace('<div class="text">%s</div>', body) % 5
    (folder / "messages.html").write_text(html, encoding="utf-8")
    return folder / "messages.html"


def test_force_copies_the_photos_of_a_gallery_it_replaced(tmp_path):
    root = tmp_path / "content"
    red, blue = photo_bytes((255, 0, 0)), photo_bytes((0, 0, 255))
    import_paths([photo_export(tmp_path / "a", {"1.jpg": red})], root)
    import_paths([photo_export(tmp_path / "b", {"1.jpg": red, "2.jpg": blue})], root, force=True)
    folder = root / "posts" / "victory-day"
    assert (folder / "2.jpg").read_bytes() == blue
    assert "\n- image: 2.jpg\n" in (folder / "meta.yml").read_text(encoding="utf-8")


def test_force_copies_no_photo_of_a_gallery_it_kept(tmp_path):
    root = tmp_path / "content"
    red, blue = photo_bytes((255, 0, 0)), photo_bytes((0, 0, 255))
    import_paths([photo_export(tmp_path / "a", {"1.jpg": red})], root)
    meta = root / "posts" / "victory-day" / "meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("- image: 1.jpg", "- photographer: Ivan\n  image: 1.jpg"),
                    encoding="utf-8")
    report = import_paths([photo_export(tmp_path / "b", {"1.jpg": red, "2.jpg": blue},
                                        text="Victory Day. Parade photos, two.")], root, force=True)
    assert "kept gallery (changed since it was imported)" in report.overwritten[0]
    assert sorted(p.name for p in (root / "posts" / "victory-day").iterdir() if p.suffix == ".jpg") == ["1.jpg"]


def test_a_repaired_folder_holding_another_photo_of_that_name_gets_the_new_one_beside_it(tmp_path):
    root = tmp_path / "content"
    red, blue = photo_bytes((255, 0, 0)), photo_bytes((0, 0, 255))
    import_paths([photo_export(tmp_path / "a", {"1.jpg": red})], root)
    folder = root / "posts" / "victory-day"
    (folder / "en.md").unlink()
    import_paths([photo_export(tmp_path / "a", {"1.jpg": blue})], root)
    assert (folder / "1-2.jpg").read_bytes() == blue
    assert "\n- image: 1-2.jpg\n" in (folder / "meta.yml").read_text(encoding="utf-8")


def test_a_photo_without_words_is_recognized_again_when_imported_with_its_channel(tmp_path):
    root = tmp_path / "content"
    src = photo_export(tmp_path / "a", {"1.jpg": photo_bytes((255, 0, 0))}, text="")
    [created] = import_paths([src], root).created
    report = import_paths([src], root, channel="victory_archive")
    assert report.created == []
    assert report.skipped[0].startswith(created.split(" (")[0] + " (messages.html item 1): the same text as ")
