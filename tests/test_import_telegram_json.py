"""The Telegram Desktop export (result.json) importer: messages to posts, photos copied, errors with lines,
and the same post recognized whether it came from the JSON export or from a saved web page."""

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.content.load import load_content
from scripts.content.model import ContentError
from scripts.sources import telegram_json as import_telegram_json
from scripts.sources import telegram_web as import_telegram_web
from scripts.sources.detect import parse_source
from scripts.sources.write import import_paths, post_fingerprint
from scripts.text.normalize import split_lines
from tests.conftest import ROOT, TELEGRAM_SEED

FIXTURE = Path(__file__).parent / "fixtures" / "telegram_json"
EXPORT = FIXTURE / "result.json"
PHOTO = "photo_1@25-04-2023_10-15-00.jpg"
NOT_INCLUDED = "(File not included. Change data exporting settings to download.)"


@pytest.fixture(scope="module")
def posts():
    kind, posts = parse_source(EXPORT, EXPORT.read_text(encoding="utf-8"))
    assert kind == "telegram-json"
    return {p.item: p for p in posts}


def write_export(folder: Path, messages, **chat) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "result.json"
    data = {"name": "Test Channel", "type": "public_channel", "id": 42, **chat, "messages": messages}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def msg(id, text, date="2023-05-09T10:00:00", **more):
    return {"id": id, "type": "message", "date": date, "from": "Test Channel", **more, "text": text}


def meta_of(folder: Path) -> dict:
    return yaml.safe_load((folder / "meta.yml").read_text(encoding="utf-8"))


def test_service_and_empty_messages_are_skipped_and_counted(posts):
    assert list(posts) == [2, 3, 4, 7]  # 1 and 5 are service messages, 6 a sticker with no text
    assert posts[2].warnings[0] == "skipped 2 service messages, 1 empty message of this export (not posts)"
    assert not any(w.startswith("skipped") for p in (posts[3], posts[4], posts[7]) for w in p.warnings)


def test_string_text_split_into_paragraphs_with_languages(posts):
    post = posts[3]
    assert [(p.text, p.lang) for p in post.paragraphs] == [
        ("Bugün Zafer Günü. Büyük Zafer’in 78. yıldönümü kutlu olsun!", "tr"),
        ("С Днём Победы!", "ru"),
    ]
    assert post.tags == ["9Mayıs", "Победа78"]  # the hashtag-only line is tags, not text
    assert post.title == "Bugün Zafer Günü"
    assert post.source_kind == "telegram-json"


def test_entities_flattened_to_plain_text(posts):
    post = posts[2]
    assert [p.text for p in post.paragraphs] == [
        "Elbe Day. On April 25, 1945, Soviet and American troops met on the Elbe near Torgau. "
        "Read the joint statement or watch https://example.org/elbe-video.",
        "Via @MFARussia and https://example.org/same",
    ]
    assert post.tags == ["WeWereAllies", "Victory78"]
    assert post.commemorates == [dt.date(1945, 4, 25)]
    assert post.title == "Elbe Day"


def test_text_link_keeps_its_visible_text_and_its_target(posts):
    """Real channel posts cite their sources through text links: the target is kept, as a link."""
    assert "elbe-statement" not in " ".join(p.text for p in posts[2].paragraphs)  # the words stay the words
    links = [(s.text, s.href) for p in posts[2].paragraphs for s in p.spans if s.href]
    assert ("joint statement", "https://example.org/elbe-statement") in links
    assert not any("text links" in w for w in posts[2].warnings)
    from scripts.sources.write import original_fields, render_markdown
    assert "[joint statement](<https://example.org/elbe-statement>)" in render_markdown(original_fields(posts[2]))


def test_text_entities_used_when_there_is_no_text():
    data = {"name": "C", "messages": [{"id": 9, "type": "message", "date": "2023-05-09T10:00:00", "text_entities": [
        {"type": "plain", "text": "Lest we forget "}, {"type": "hashtag", "text": "#WeRemember"}]}]}
    [post] = import_telegram_json.parse(json.dumps(data))
    assert [p.text for p in post.paragraphs] == ["Lest we forget #WeRemember"]
    assert post.tags == ["WeRemember"]


def test_forwarded_from_names_the_source_else_the_chat(posts):
    assert posts[2].source_name == "Russian MFA 🇷🇺"
    assert posts[4].source_name == "Russian MFA 🇷🇺"
    assert posts[3].source_name == "Victory Day Archive"


def test_date_and_time_from_the_export_not_inferred(posts):
    assert (posts[2].date, posts[2].time) == (dt.date(2023, 4, 25), "10:15")
    assert (posts[4].date, posts[4].time) == (dt.date(2023, 5, 9), "12:30")
    assert not any("inferred" in w for p in posts.values() for w in p.warnings)


def test_media_not_in_the_export_is_noted(posts):
    assert posts[4].missing_media == ["video"]
    assert posts[4].photos == []
    assert posts[7].missing_media == ["photo"]
    assert posts[7].photos == []
    assert posts[2].missing_media == []
    assert [(p.n, p.caption, p.image) for p in posts[2].photos] == [(1, "", f"photos/{PHOTO}")]


def test_import_copies_the_photo_into_the_post_folder(tmp_path):
    report = import_paths([EXPORT], tmp_path)
    assert len(report.created) == 4
    [folder] = [f for f in (tmp_path / "posts").iterdir() if meta_of(f)["source"]["item"] == 2]
    assert (folder / PHOTO).read_bytes() == (FIXTURE / "photos" / PHOTO).read_bytes()
    assert (folder / PHOTO).read_bytes()[:2] == b"\xff\xd8"
    meta = meta_of(folder)
    assert meta["gallery"] == [{"image": PHOTO}]
    assert meta["source"] == {"name": "Russian MFA 🇷🇺", "kind": "telegram-json", "raw": "sources/result.json",
                              "item": 2, "identity": "telegram:1700000001/2"}  # the export's chat id, message 2
    assert (meta["date"], meta["time"]) == ("2023-04-25", "10:15")
    assert (tmp_path / "sources" / "result.json").read_bytes() == EXPORT.read_bytes()
    assert f"content/posts/{folder.name}: skipped 2 service messages, 1 empty message of this export (not posts)" \
        in report.attention
    # what was written is valid content
    shutil.copy(ROOT / "content" / "tags.yml", tmp_path / "tags.yml")
    content = load_content(tmp_path)
    [entry] = [e for e in content.entries if e.id == folder.name]
    assert entry.gallery[0].image == PHOTO


def test_importing_the_same_export_twice_creates_nothing(tmp_path):
    import_paths([EXPORT], tmp_path)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    report = import_paths([EXPORT], tmp_path)
    assert report.created == [] and report.overwritten == []
    assert len(report.skipped) == 4 and all("already imported" in s for s in report.skipped)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_a_photo_missing_on_disk_needs_attention_not_an_error(tmp_path):
    path = write_export(tmp_path / "export", [msg(1, "Photo of the parade.", photo="photos/gone.jpg")])
    report = import_paths([path], tmp_path / "content")
    [folder] = (tmp_path / "content" / "posts").iterdir()
    assert [a for a in report.attention if "gone.jpg" in a] == [
        f"content/posts/{folder.name}: photo 1: photos/gone.jpg is not in {path.parent}; copy it into the post "
        "folder and add 'image: gone.jpg' to its gallery item in meta.yml"]
    assert meta_of(folder)["gallery"] == [{}]
    assert sorted(f.name for f in folder.iterdir()) == [".imported.json", "en.md", "meta.yml"]


def test_a_photo_outside_the_export_folder_is_not_copied(tmp_path):
    (tmp_path / "secret.jpg").write_bytes(b"\xff\xd8private")
    path = write_export(tmp_path / "export", [msg(1, "Look at this.", photo="../secret.jpg")])
    report = import_paths([path], tmp_path / "content")
    [folder] = (tmp_path / "content" / "posts").iterdir()
    assert any("'../secret.jpg' is not an image inside the export folder; not copied" in a for a in report.attention)
    assert not (folder / "secret.jpg").exists()


def test_malformed_json_names_the_file_and_the_line(tmp_path):
    path = tmp_path / "result.json"
    path.write_text('{\n "name": "C",\n "messages": [\n  {"id": 1, "type": "message",}\n ]\n}\n', encoding="utf-8")
    with pytest.raises(ContentError) as e:
        import_paths([path], tmp_path / "content")
    assert str(e.value) == (f"{path}:4: not valid JSON: Expecting property name enclosed in double quotes "
                            "at column 31 (expected a Telegram Desktop result.json)")
    assert not (tmp_path / "content").exists()


def test_a_malformed_message_names_its_line(tmp_path):
    path = write_export(tmp_path, [msg(1, "Fine."), msg(2, 5), msg(3, "Fine too.", date="yesterday")])
    with pytest.raises(ContentError) as e:
        import_paths([path], tmp_path / "content")
    lines = path.read_text(encoding="utf-8").split("\n")
    line_2 = lines.index('   "id": 2,')  # the line before it opens the message's object
    line_3 = lines.index('   "id": 3,')
    assert lines[line_2 - 1].strip() == lines[line_3 - 1].strip() == "{"
    assert str(e.value).split("\n") == [
        f"{path}:{line_2}: message 2 (id 2): 'text' is a number (expected a string, or a list of strings and entities)",
        f"{path}:{line_3}: message 3 (id 3): 'date' is \"yesterday\" (expected e.g. \"2023-04-25T10:15:00\")",
    ]


def test_a_message_without_an_id_is_named_by_its_position_and_line(tmp_path):
    """Not "message None" (issue 11): its number in the export and the line its object starts on,
    in an account export too, where ids repeat across chats."""
    one = {"name": "A", "id": 1, "messages": [msg(1, "Fine.")]}
    two = {"name": "B", "id": 2, "messages": [msg(1, "Also fine."), {"type": "message", "text": "No id."}, [1]]}
    path = tmp_path / "result.json"
    path.write_text(json.dumps({"chats": {"list": [one, two]}}, indent=1), encoding="utf-8")
    with pytest.raises(ContentError) as e:
        parse_source(path, path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").split("\n")
    no_id = next(n for n, line in enumerate(lines, 1) if '"No id."' in line)
    opening = max(n for n in range(1, no_id) if lines[n - 1].strip() == "{")
    listed = next(n for n in range(no_id, len(lines)) if lines[n - 1].strip() == "[")
    assert str(e.value).split("\n") == [
        f"{path}:{opening}: message 3: no 'id' (expected the message's number, e.g. \"id\": 17)",
        f"{path}:{listed}: message 4 is a list (expected an object)",
    ]


def test_json_without_messages_is_not_this_format():
    assert not import_telegram_json.looks_like('{"name": "x"}')
    assert not import_telegram_json.looks_like(TELEGRAM_SEED.read_text(encoding="utf-8"))
    with pytest.raises(ContentError) as e:  # named for what it is (issue 11), not "unrecognized format"
        parse_source("x.json", '{"name": "x"}')
    assert str(e.value) == ('x.json:1: JSON, but not a Telegram Desktop export: no "messages" list (expected '
                            "result.json of a chat or channel exported with Telegram Desktop, Export chat history, "
                            "format JSON)")
    with pytest.raises(ContentError) as e:
        parse_source("x.json", '{\n "name": "x",\n "messages": 1\n}')
    assert str(e.value) == ("x.json:3: 'messages' is a number (expected a Telegram Desktop result.json: each chat "
                            "an object with name, type, id and a 'messages' list)")


def test_whole_account_export_reads_every_chat():
    data = {"about": "Here is the data you requested.", "personal_information": {"first_name": "A"},
            "chats": {"about": "This page lists all chats from this export.", "list": [
                {"name": "Channel A", "type": "public_channel", "id": 1, "messages": [msg(1, "From the first chat.")]},
                {"name": "Channel B", "type": "public_channel", "id": 2, "messages": [
                    {"id": 1, "type": "service", "action": "create_channel", "text": ""},
                    msg(1, "From the second chat.", forwarded_from="Origin")]},
            ]}}
    posts = import_telegram_json.parse(json.dumps(data))
    assert [(p.source_name, p.item, p.paragraphs[0].text) for p in posts] == [
        ("Channel A", 1, "From the first chat."), ("Origin", 1, "From the second chat.")]
    assert posts[0].warnings == ["skipped 1 service message of this export (not posts)"]


def test_album_parts_join_the_post_they_belong_to():
    messages = [msg(1, "Veterans at the parade.", photo="photos/a.jpg"), msg(2, "", photo="photos/b.jpg"),
                msg(3, "", file=NOT_INCLUDED, media_type="video_file"),
                msg(4, "", date="2023-05-09T10:05:00", photo="photos/c.jpg")]
    posts = import_telegram_json.parse(json.dumps({"name": "C", "messages": messages}))
    assert [p.item for p in posts] == [1, 4]
    assert [(p.n, p.image) for p in posts[0].photos] == [(1, "photos/a.jpg"), (2, "photos/b.jpg")]
    assert posts[0].missing_media == ["video"]


KEYS = st.sampled_from(["id", "type", "text", "text_entities", "date", "photo", "file", "media_type", "mime_type",
                        "forwarded_from", "from", "href", "messages", "chats", "list", "name"])
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
                    max_leaves=25)


def field(*plausible):
    return st.sampled_from(plausible) | JSON


MESSAGE = st.fixed_dictionaries({"id": st.integers(0, 3) | JSON, "type": field("message", "service")}, optional={
    "text": field("#Tag", "Text.\n#Tag") | st.lists(field("Text ", {"type": "hashtag", "text": "#Tag"}), max_size=3),
    "text_entities": st.lists(JSON, max_size=3), "date": field("2023-04-25T10:15:00"), "photo": field("p.jpg"),
    "file": field("v.mp4", NOT_INCLUDED), "media_type": field("video_file", "sticker"), "mime_type": field("image/png"),
    "forwarded_from": field("Origin")})


@given(st.lists(MESSAGE | MESSAGE | st.dictionaries(KEYS, JSON, max_size=6) | JSON, max_size=5))
@settings(max_examples=300)
def test_any_export_shape_gives_posts_of_its_messages_or_one_error_line(messages):
    """Whatever the shape: posts, no more than the export's messages and every word from the export's own
    strings; or errors of the form `result.json:line: problem (expected ...)`, one per line."""
    strings = " ".join(" ".join(split_lines(s)) for s in _strings(messages))  # as the importer reads them
    for data in ({"name": "C", "messages": messages}, {"chats": {"list": messages}}):
        try:
            kind, posts = parse_source("result.json", json.dumps(data))
        except ContentError as e:
            lines = str(e).splitlines()
            assert lines and all(re.fullmatch(r"result\.json(:[1-9]\d*)?: \S.* \(expected .+\)", line)
                                 for line in lines), str(e)
            continue
        assert kind == "telegram-json"
        assert 0 < len(posts) <= sum(isinstance(m, dict) for m in messages)
        for post in posts:
            for paragraph in post.paragraphs:
                assert [w for w in paragraph.text.split() if w not in strings] == [], (paragraph.text, messages)


def _strings(value):
    """Every string an export holds, keys aside."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def seed_first_post_lines() -> list[str]:
    """The first post of the saved web page, without the page's repeated copy of it."""
    lines = TELEGRAM_SEED.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("Forwarded from Russian MFA")
    end = lines.index("#Victory78")
    return lines[1:end + 1]


def seed_post_as_json() -> str:
    lines = seed_first_post_lines()
    paragraphs = [line for line in lines if not line.startswith("#")]
    assert [line for line in lines if line.startswith("#")] == ["#WeWereAllies", "#Victory78"]
    text = ["\n\n".join(paragraphs) + "\n\n", {"type": "hashtag", "text": "#WeWereAllies"}, "\n",
            {"type": "hashtag", "text": "#Victory78"}]
    message = msg(101, text, date="2023-04-25T10:15:00", forwarded_from="Russian MFA 🇷🇺",
                  photo="photos/photo_101@25-04-2023_10-15-00.jpg")
    return json.dumps({"name": "Archive", "type": "public_channel", "id": 7, "messages": [message]},
                      ensure_ascii=False, indent=1)


def test_the_same_post_from_json_and_from_the_web_page_has_the_same_fingerprint():
    web = import_telegram_web.parse(TELEGRAM_SEED.read_text(encoding="utf-8"))[0]
    [post] = import_telegram_json.parse(seed_post_as_json())
    assert [p.text for p in post.paragraphs] == [p.text for p in web.paragraphs]
    assert len(post.paragraphs) == 6
    assert post.tags == web.tags
    assert post_fingerprint(post) == post_fingerprint(web)


def test_a_post_imported_from_the_web_page_is_not_imported_again_from_json(tmp_path):
    import_paths([TELEGRAM_SEED], tmp_path / "content")
    path = tmp_path / "export" / "result.json"
    path.parent.mkdir()
    path.write_text(seed_post_as_json(), encoding="utf-8")
    report = import_paths([path], tmp_path / "content")
    assert report.created == []
    # Recognized by its text, and said so: the export's item is not the saved page's.
    assert report.skipped == [f"content/posts/{_web_folder(tmp_path)} (result.json item 101): the same text as "
                              "file:sources/000_88efee662d4daa54.txt#1, imported from another source; "
                              "contributors' edits are kept (use --force to re-import)"]


def _web_folder(tmp_path: Path) -> str:
    for folder in (tmp_path / "content" / "posts").iterdir():
        meta = meta_of(folder)
        if meta["source"]["kind"] == "telegram-web" and meta["source"]["item"] == 1:
            return folder.name
    raise AssertionError("the web page's first post was not imported")



def test_line_breaks_emphasis_and_unixtime():
    """A poem keeps its lines in one paragraph, bold stays bold, and date_unixtime dates a message without 'date'."""
    export = {"name": "Poems", "type": "public_channel", "id": 42, "messages": [{
        "id": 5, "type": "message", "date_unixtime": "1683624600",
        "text_entities": [{"type": "plain", "text": "Стихи 1941 года.\n\n"}, {"type": "bold", "text": "Жди меня"},
                          {"type": "plain", "text": ", и я вернусь.\nТолько очень жди.\n\nК. Симонов"}]}]}
    [post] = import_telegram_json.parse(json.dumps(export, ensure_ascii=False))
    assert [p.text for p in post.paragraphs] == ["Стихи 1941 года.", "Жди меня, и я вернусь.\nТолько очень жди.", "К. Симонов"]
    assert post.paragraphs[1].spans[0].text == "Жди меня" and post.paragraphs[1].spans[0].bold
    assert (post.date, post.time) == (dt.date(2023, 5, 9), "09:30")
    assert post.identity == "telegram:42/5"
    from scripts.sources.write import original_fields, render_markdown
    written = render_markdown(original_fields(post))
    assert written.startswith("---\ntitle: Стихи 1941 года.\n---\n")
    assert "\n**Жди меня**, и я вернусь.  \nТолько очень жди.\n\nК. Симонов\n" in written
