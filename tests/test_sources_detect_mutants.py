"""Telling a raw source's format and reading its bytes (scripts/sources/detect.py), rule by rule: each test
builds its own small file or text, and states what a contributor would see (the text read, the format, the
exact refusal), written out by hand (issue 10, item 5: tests that notice a changed line)."""

import os
import socket
import stat

import pytest

from scripts.content.model import ContentError, ContentErrors, Paragraph, Photo, Post
from scripts.sources.detect import (
    binary_kind,
    check_unicode,
    decode,
    decode_with_warnings,
    export_folder,
    export_pages,
    file_kind,
    named_refusal,
    parse_source,
    read_bounded,
    read_source,
    size_text,
)

EXPECTED = ("expected a saved t.me/s channel page (HTML, or its copied text), a Telegram Desktop export "
            "(messages.html or result.json), a saved Telegram channel page with 'Forwarded from <channel>' lines, "
            "a saved news article page (HTML with Open Graph or JSON-LD NewsArticle metadata), "
            "or a saved photo-gallery article with '©' credit lines and 'N/M' counters")
PHOTO = "a photo belongs in a post folder, beside meta.yml, named in its gallery as image: "
MHTML = ("a web page saved as a single file (MHTML), whose HTML is encoded inside it (expected the page saved as "
         "\"Web page, complete\": Article.html beside its Article_files/ folder)")
NOT_EXPORT_JSON = ("JSON, but not a Telegram Desktop export: no \"messages\" list (expected result.json of a chat or "
                   "channel exported with Telegram Desktop, Export chat history, format JSON)")
TME_EMPTY = ("a t.me page with no messages in it: the channel's preview page t.me/<channel>, or a t.me/s page whose "
             "HTML holds no posts (expected t.me/s/<channel>, the page that lists the posts, saved once they show)")
EXPORT_EMPTY = ("a page of a Telegram Desktop HTML export with no messages in it (expected messages.html of an export "
                "folder; import the whole folder)")
EXPORT_MISSING = ("a Telegram Desktop export, but its messages.html or result.json is missing (expected the export "
                  "folder with messages.html or result.json beside photos/; import the whole folder)")
NOT_UTF8 = "not UTF-8 text (expected the file saved as UTF-8)"
WANT = "a test file"


def error(call, *args):
    with pytest.raises(ContentError) as e:
        call(*args)
    return str(e.value)


# size_text: the sizes named in refusals

@pytest.mark.parametrize("n, text", [
    (0, "0 bytes"), (1048575, "1048575 bytes"), (1048576, "1 MB"), (1572864, "2 MB"), (268435456, "256 MB"),
    (1073741823, "1024 MB"), (1073741824, "1.0 GB"), (3 * 1073741824, "3.0 GB"), (1610612736, "1.5 GB"),
])
def test_a_size_is_named_in_bytes_mb_or_gb(n, text):
    assert size_text(n) == text


# file_kind

@pytest.mark.parametrize("mode, kind", [
    (stat.S_IFDIR | 0o755, "a folder"), (stat.S_IFIFO | 0o644, "a named pipe (FIFO)"),
    (stat.S_IFCHR | 0o666, "a character device"), (stat.S_IFBLK | 0o660, "a block device"),
    (stat.S_IFSOCK | 0o777, "a socket"), (stat.S_IFREG | 0o644, None), (stat.S_IFLNK | 0o777, None),
])
def test_a_file_that_is_not_regular_is_named_for_what_it_is(mode, kind):
    assert file_kind(mode) == kind


# read_bounded, read_source

def test_a_regular_file_is_read_whole_even_past_one_read(tmp_path):
    path = tmp_path / "big.txt"
    data = b"x" * (1 << 20) + b"tail!"
    path.write_bytes(data)
    assert read_bounded(path, 2 << 20, WANT) == data
    assert read_bounded(path, (1 << 20) + 5, WANT) == data  # exactly the limit is allowed


def test_an_empty_regular_file_reads_as_no_bytes(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    assert read_bounded(tmp_path / "e.txt", 10, WANT) == b""


def test_a_file_over_the_limit_is_refused_by_its_size(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"12345678901")
    assert error(read_bounded, path, 10, WANT) == f"{path}: is 11 bytes (expected a test file of at most 10 bytes)"


def test_a_file_that_reports_a_smaller_size_than_it_holds_is_stopped_at_the_limit():
    # /proc files report a size of 0 and hold more
    path = "/proc/self/status"
    assert error(read_bounded, path, 10, WANT) == (
        f"{path}: is over 10 bytes (expected a test file of at most 10 bytes)")


def test_a_folder_is_refused_as_a_folder(tmp_path):
    assert error(read_bounded, tmp_path, 10, WANT) == f"{tmp_path}: is a folder (expected a file: a test file)"


def test_a_fifo_is_refused_by_its_type(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    assert error(read_bounded, path, 10, WANT) == (
        f"{path}: is a named pipe (FIFO), not a regular file (expected a test file)")


def test_a_device_is_refused_by_its_type():
    assert error(read_bounded, "/dev/null", 10, WANT) == (
        "/dev/null: is a character device, not a regular file (expected a test file)")


def test_a_socket_that_cannot_be_opened_is_named_for_what_it_is(tmp_path):
    path = tmp_path / "s"
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(path))
        assert error(read_bounded, path, 10, WANT) == f"{path}: is a socket, not a regular file (expected a test file)"
    finally:
        sock.close()


def test_a_missing_file_says_it_cannot_be_read(tmp_path):
    path = tmp_path / "gone.txt"
    assert error(read_bounded, path, 10, WANT) == (
        f"{path}: cannot read: No such file or directory (expected a test file that exists and can be read)")


def test_a_path_through_a_file_says_why_it_cannot_be_read(tmp_path):
    (tmp_path / "f").write_bytes(b"x")
    path = tmp_path / "f" / "g.txt"
    assert error(read_bounded, path, 10, WANT) == (
        f"{path}: cannot read: Not a directory (expected a test file that exists and can be read)")


def test_a_source_may_be_256_mb_and_no_more(tmp_path):
    path = tmp_path / "result.json"
    with open(path, "wb") as f:
        f.truncate(256 * 1048576 + 1)  # sparse: nothing is written
    assert error(read_source, path) == (
        f"{path}: is 256 MB (expected a saved page or a result.json of at most 256 MB)")
    (tmp_path / "small.json").write_bytes(b'{"a": 1}')
    assert read_source(tmp_path / "small.json") == b'{"a": 1}'


def test_a_source_that_is_a_folder_names_what_a_source_is(tmp_path):
    assert error(read_source, tmp_path) == f"{tmp_path}: is a folder (expected a file: a saved page or a result.json)"


# binary_kind and the refusal of binary files

@pytest.mark.parametrize("data, what", [
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"), (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    (b"GIF87a\x01\x00", "a GIF image"), (b"GIF89a\x01\x00", "a GIF image"), (b"II*\x00\x08\x00", "a TIFF image"),
    (b"MM\x00*\x00\x08", "a TIFF image"), (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "a WebP image"),
])
def test_an_image_is_named_and_sent_to_a_post_folder(data, what):
    assert binary_kind(data) == (what, PHOTO + "{name}")


@pytest.mark.parametrize("data, what, instead", [
    (b"%PDF-1.7\n", "a PDF document", "save the article as a web page (HTML), or copy its text into a .txt file"),
    (b"PK\x03\x04\x14\x00", "a ZIP archive",
     "unzip it and import the export folder, or its messages.html or result.json"),
    (b"bplist00\xd1\x01", "a Safari web archive",
     "save the page again as \"Page Source\", or from another browser as \"Web page, complete\""),
    (b"\x00\x00\x00\x18ftypheic", "a HEIC image or an MP4 video",
     "a photo belongs in a post folder; a video is not archived"),
])
def test_other_binary_files_are_named_with_what_to_do(data, what, instead):
    assert binary_kind(data) == (what, instead)


@pytest.mark.parametrize("data", [b"<html>", b"RIFF\x24\x00\x00\x00WAVEfmt ", b"ftyp\x00\x00\x00\x00", b"%PDF",
                                  b"PK\x03", b"GIF88a"])
def test_text_and_other_files_are_no_known_binary(data):
    assert binary_kind(data) is None


def test_a_jpeg_given_as_a_source_is_refused_naming_its_file(tmp_path):
    path = tmp_path / "IMG_1.jpg"
    assert error(decode, path, b"\xff\xd8\xff\xe0 some bytes") == (
        f"{path}:1: a JPEG image, not a saved page (expected a saved page, article or export as text: "
        f"{PHOTO}IMG_1.jpg)")


def test_a_pdf_given_as_a_source_is_refused(tmp_path):
    path = tmp_path / "a.pdf"
    assert error(decode, path, b"%PDF-1.4\n...") == (
        f"{path}:1: a PDF document, not a saved page (expected a saved page, article or export as text: "
        "save the article as a web page (HTML), or copy its text into a .txt file)")


# decode_with_warnings

@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n "])
def test_an_empty_file_is_refused(tmp_path, data):
    assert error(decode, tmp_path / "a.txt", data) == f"{tmp_path}/a.txt:1: the file is empty ({EXPECTED})"


def test_utf8_is_read_with_or_without_its_byte_order_mark(tmp_path):
    assert decode_with_warnings(tmp_path / "a", "День Победы\n9 мая".encode()) == ("День Победы\n9 мая", [])
    assert decode_with_warnings(tmp_path / "a", b"\xef\xbb\xbfZafer G\xc3\xbcn\xc3\xbc") == ("Zafer Günü", [])


def test_utf16_is_read_by_its_byte_order_mark(tmp_path):
    assert decode(tmp_path / "a", b"\xff\xfeD\x00a\x00y\x00") == "Day"
    assert decode(tmp_path / "a", b"\xfe\xff\x04\x14\x04\x35\x04\x3d\x04\x4c") == "День"


def test_broken_utf16_is_refused(tmp_path):
    assert error(decode, tmp_path / "a", b"\xff\xfeD\x00a") == (
        f"{tmp_path}/a: not valid UTF-16 text despite its byte-order mark")


def test_a_nul_byte_is_refused_at_its_line(tmp_path):
    assert error(decode, tmp_path / "a", b"one\ntwo\nthr\x00ee") == (
        f"{tmp_path}/a:3: binary data, not text (expected a saved page or article as UTF-8 text)")
    assert error(decode, tmp_path / "a", b"x" * 8191 + b"\x00") == (
        f"{tmp_path}/a:1: binary data, not text (expected a saved page or article as UTF-8 text)")


def test_a_nul_byte_past_the_first_8_kb_is_not_looked_for(tmp_path):
    assert decode(tmp_path / "a", b"x" * 8192 + b"\x00") == "x" * 8192 + "\x00"


def test_a_windows_1251_page_reads_as_cyrillic_without_a_warning(tmp_path):
    data = "День Победы\n9 мая 1945".encode("cp1251")
    assert decode_with_warnings(tmp_path / "a", data) == ("День Победы\n9 мая 1945", [])


def test_a_windows_1251_page_with_a_byte_order_mark_reads_without_it(tmp_path):
    data = b"\xef\xbb\xbf" + "Победа\nмай".encode("cp1251")
    assert decode_with_warnings(tmp_path / "a", data) == ("Победа\nмай", [])


def test_one_windows_1251_line_in_a_utf8_page_is_read_and_named(tmp_path):
    path = tmp_path / "a.html"
    data = "Привет\n".encode() + "Победа".encode("cp1251") + b"\nend"
    assert decode_with_warnings(path, data) == ("Привет\nПобеда\nend", [
        f"{path}:2: line 2 read as Windows-1251, the rest as UTF-8 (expected one encoding per file: check those lines)"])


def test_several_windows_1251_lines_are_named_ten_at_most(tmp_path):
    path = tmp_path / "a.html"
    lines = ["Zafer Günü".encode()] + ["мир".encode("cp1251")] * 12
    text, warnings = decode_with_warnings(path, b"\n".join(lines))
    assert text == "\n".join(["Zafer Günü"] + ["мир"] * 12)
    assert warnings == [(f"{path}:2: lines 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more read as Windows-1251, the "
                         "rest as UTF-8 (expected one encoding per file: check those lines)")]
    text, warnings = decode_with_warnings(path, b"\n".join(lines[:3]))
    assert warnings == [(f"{path}:2: lines 2, 3 read as Windows-1251, the rest "
                         "as UTF-8 (expected one encoding per file: check those lines)")]


def test_ascii_lines_beside_windows_1251_ones_are_no_second_encoding(tmp_path):
    data = b"<html>\n" + "Победа".encode("cp1251")
    assert decode_with_warnings(tmp_path / "a", data) == ("<html>\nПобеда", [])


def test_a_latin1_line_is_refused_at_its_line(tmp_path):
    assert error(decode, tmp_path / "a", b"ok\nall\ncaf\xe9 cr\xe8me") == f"{tmp_path}/a:3: {NOT_UTF8}"


@pytest.mark.parametrize("data", [
    b"abcdefg\xe0\xe1\xe2",  # 3 Cyrillic letters of 10: not Windows-1251 text
    b"\xb9 12 \xab\xbb",  # no letters at all
    "Победа".encode("cp1251") + b"\x98",  # a byte Windows-1251 has not
])
def test_a_line_that_is_not_cyrillic_windows_1251_is_refused(tmp_path, data):
    assert error(decode, tmp_path / "a", b"first\n" + data) == f"{tmp_path}/a:2: {NOT_UTF8}"


def test_a_line_with_more_than_three_tenths_cyrillic_letters_is_windows_1251(tmp_path):
    assert decode(tmp_path / "a", b"abcdef\xe0\xe1\xe2\xe3") == "abcdefабвг"


# check_unicode

def post(*texts, item=1, **more):
    return Post(paragraphs=[Paragraph(t) for t in texts], source_name="T", source_kind="telegram-json", item=item,
                **more)


def test_posts_of_valid_text_pass(tmp_path):
    assert check_unicode(tmp_path / "r.json", "{}", [post("Victory 😀"), post("День", item=2)]) is None


def test_a_lone_surrogate_is_refused_at_the_line_of_its_escape(tmp_path):
    text = '{\n "a": "\\ud83d\\ude00 pair",\n "b": "x \\ud83d y"\n}'
    assert error(check_unicode, tmp_path / "r.json", text, [post("fine", item=4), post("x \ud83d y", item=5)]) == (
        f"{tmp_path}/r.json:3: item 5: a lone surrogate \\ud83d (half of a character pair) in its text "
        "(expected valid Unicode text: the export is damaged here)")


def test_an_escape_in_capitals_is_found_too(tmp_path):
    text = '{\n\n "b": "\\uDC80"}'
    assert error(check_unicode, tmp_path / "r.json", text, [post("\udc80", item=2)]).startswith(
        f"{tmp_path}/r.json:3: item 2: a lone surrogate \\udc80 ")


def test_a_surrogate_without_an_escape_in_the_text_has_no_line(tmp_path):
    assert error(check_unicode, tmp_path / "r.json", "{}", [post("\ud800")]).startswith(
        f"{tmp_path}/r.json: item 1: a lone surrogate \\ud800 ")


@pytest.mark.parametrize("more", [
    {"photos": [Photo(1, "caption"), Photo(2, "bad \udfff")]},
    {"tags": ["ok", "t\udfff"]},
    {"source_name": "chan\udfff"},
])
def test_a_surrogate_anywhere_in_a_post_is_found(tmp_path, more):
    p = post("fine", item=3)
    p = Post(**{**{f: getattr(p, f) for f in ("paragraphs", "source_name", "source_kind", "item")}, **more})
    assert error(check_unicode, tmp_path / "r.json", "", [p]).startswith(
        f"{tmp_path}/r.json: item 3: a lone surrogate \\udfff ")


def test_a_surrogate_in_a_tuple_of_spans_is_found(tmp_path):
    from scripts.content.model import Span
    p = Post(paragraphs=[Paragraph("ok", spans=(Span("ok"), Span("\udbff")))], source_name="T",
             source_kind="telegram-json", item=6)
    assert error(check_unicode, tmp_path / "r", "", [p]).startswith(f"{tmp_path}/r: item 6: a lone surrogate \\udbff ")


# export_pages, export_folder

def export(tmp_path, *names):
    folder = tmp_path / "ChatExport"
    folder.mkdir()
    for name in names:
        (folder / name).write_text("<html></html>", encoding="utf-8")
    return folder


def test_the_pages_of_an_export_are_in_their_numbers_order(tmp_path):
    folder = export(tmp_path, "messages10.html", "messages2.html", "messages.html", "other.html", "messages_x.html")
    pages = [folder / "messages.html", folder / "messages2.html", folder / "messages10.html"]
    assert export_pages(folder) == pages
    assert export_pages(folder / "messages.html") == pages
    assert export_pages(folder / "messages2.html") == pages


def test_a_file_that_is_no_export_page_has_no_pages(tmp_path):
    folder = export(tmp_path, "messages.html", "article.html")
    assert export_pages(folder / "article.html") == []
    assert export_pages(tmp_path) == []


def test_an_export_page_in_a_folder_that_does_not_exist_has_no_pages(tmp_path):
    assert export_pages(tmp_path / "nowhere" / "messages.html") == []


def test_an_export_folder_is_read_from_its_first_page_or_its_result_json(tmp_path):
    folder = export(tmp_path, "messages2.html", "messages.html", "result.json")
    assert export_folder(folder) == folder / "messages.html"
    (folder / "messages.html").unlink()
    assert export_folder(folder) == folder / "messages2.html"  # refused later, by write.read_sources
    for name in ("messages2.html",):
        (folder / name).unlink()
    assert export_folder(folder) == folder / "result.json"


def test_a_folder_named_result_json_is_not_the_export(tmp_path):
    folder = tmp_path / "f"
    (folder / "result.json").mkdir(parents=True)
    assert export_folder(folder) == folder


@pytest.mark.parametrize("part", ["photos", "files", "video_files", "voice_messages", "round_video_messages",
                                  "stickers", "css", "js", "images"])
def test_an_export_folder_without_its_messages_is_named(tmp_path, part):
    folder = export(tmp_path)
    (folder / part).mkdir()
    assert error(export_folder, folder) == f"{folder}:1: {EXPORT_MISSING}"
    assert error(export_folder, folder / part) == f"{folder}/{part}:1: the {part}/ folder of {EXPORT_MISSING}"


def test_any_other_folder_or_file_is_given_back_to_be_read(tmp_path):
    folder = export(tmp_path, "notes.txt")
    assert export_folder(folder) == folder
    assert export_folder(folder / "notes.txt") == folder / "notes.txt"


# named_refusal

def test_an_mhtml_file_is_named():
    assert named_refusal("From: <Saved by Blink>\nContent-Type: multipart/related;\n\tboundary=x") == MHTML
    assert named_refusal("MIME-Version: 1.0\ncontent-type:   MULTIPART/RELATED; type=text/html") == MHTML


def test_an_mhtml_header_is_looked_for_in_the_first_4000_characters_only():
    assert named_refusal("x" * 3990 + "\nContent-Type: multipart/related") is None


@pytest.mark.parametrize("text", ['{"a": 1}', "[1, 2]", '\ufeff \t\r\n{"personal_information": {}}', "\n\n[]"])
def test_json_that_is_no_export_is_named(text):
    assert named_refusal(text) == NOT_EXPORT_JSON


@pytest.mark.parametrize("text", [
    '<div class="tgme_page">', '<section class="tgme_channel_history js">', '<div class="tgme_channel_info">',
    '<meta property="og:site_name" content="Telegram">',
])
def test_an_empty_tme_page_is_named(text):
    assert named_refusal("<html><body>" + text) == TME_EMPTY


@pytest.mark.parametrize("text", ['<div class="page_header">', '<div class="history">'])
def test_an_empty_export_page_is_named(text):
    assert named_refusal("<html><body>" + text) == EXPORT_EMPTY


def test_a_tme_page_takes_precedence_over_an_export_page():
    assert named_refusal('<div class="history"><div class="tgme_page">') == TME_EMPTY


def test_what_is_past_the_first_400000_characters_is_not_looked_at():
    assert named_refusal(" " * 400_000 + '<div class="tgme_page">') is None
    assert named_refusal(" " * 399_900 + '<div class="tgme_page">') == TME_EMPTY


@pytest.mark.parametrize("text", ["Just some text", '<div class="tgme_pages">', "x{}", ""])
def test_anything_else_is_not_named(text):
    assert named_refusal(text) is None


# parse_source

def json_export(messages: str) -> str:
    return '{\n "name": "Test Channel",\n "type": "public_channel",\n "id": 42,\n "messages": [' + messages + "]\n}"


MESSAGE = '\n  {"id": 7, "type": "message", "date": "2023-05-09T10:00:00", "text": "Victory Day in Moscow."}'


def test_a_json_export_is_read_as_one(tmp_path):
    kind, [p] = parse_source(tmp_path / "result.json", json_export(MESSAGE))
    assert (kind, p.item, p.source_name, p.paragraphs[0].text) == ("telegram-json", 7, "Test Channel",
                                                                    "Victory Day in Moscow.")


def test_an_export_with_no_posts_is_refused_naming_its_format(tmp_path):
    assert error(parse_source, tmp_path / "result.json", json_export("")) == (
        f"{tmp_path}/result.json:1: no posts found in this telegram-json source ({EXPECTED})")


def test_a_parsers_error_names_the_file_given(tmp_path):
    text = json_export(MESSAGE + ',\n  {"id": 8, "type": "message", "date": "2023-02-30T10:00:00", "text": "x"}')
    with pytest.raises(ContentError) as e:
        parse_source(tmp_path / "mine.json", text)
    assert type(e.value) is ContentError
    assert str(e.value).startswith(f"{tmp_path}/mine.json:7: ")
    assert e.value.path == f"{tmp_path}/mine.json" and e.value.line == 7


def test_several_errors_of_a_parser_all_name_the_file_given(tmp_path):
    bad = '{"id": %d, "type": "message", "date": "2023-02-30T10:00:00", "text": "x"}'
    text = json_export("\n  " + bad % 1 + ",\n  " + bad % 2)
    with pytest.raises(ContentErrors) as e:
        parse_source(tmp_path / "mine.json", text)
    assert [(x.path, x.line) for x in e.value.errors] == [(f"{tmp_path}/mine.json", 6), (f"{tmp_path}/mine.json", 7)]


def test_an_unknown_text_is_refused(tmp_path):
    assert error(parse_source, tmp_path / "a.txt", "Some notes about the war.") == (
        f"{tmp_path}/a.txt:1: unrecognized format ({EXPECTED})")


def test_json_that_is_no_export_is_refused_by_name(tmp_path):
    assert error(parse_source, tmp_path / "a.json", '{"about": "x"}') == f"{tmp_path}/a.json:1: {NOT_EXPORT_JSON}"


def test_an_mhtml_file_is_refused_before_any_format_reads_it(tmp_path):
    text = "Content-Type: multipart/related\n\n" + json_export(MESSAGE)
    assert error(parse_source, tmp_path / "a.mht", text) == f"{tmp_path}/a.mht:1: {MHTML}"


def test_an_empty_tme_channel_page_is_refused_by_name(tmp_path):
    page = ('<html><head><meta property="og:site_name" content="Telegram"></head><body><main class="tgme_main">'
            '<section class="tgme_channel_history js-message_history"></section></main></body></html>')
    assert error(parse_source, tmp_path / "s.html", page) == f"{tmp_path}/s.html:1: {TME_EMPTY}"


DESKTOP_PAGE = """<html><body><div class="page_wrap"><div class="page_header"><div class="content">
<div class="text bold">Victory Archive</div></div></div><div class="page_body chat_page"><div class="history">
<div class="message default clearfix" id="message%d"><div class="body">
<div class="pull_right date details" title="09.05.2023 10:00:00 UTC+03:00">10:00</div>
<div class="from_name">Victory Archive</div><div class="text">%s</div></div></div>
</div></div></div></body></html>"""


def test_the_pages_of_a_desktop_export_are_read_together(tmp_path):
    first = DESKTOP_PAGE % (1, "The first page's message.")
    pages = [("messages.html", first), ("messages2.html", DESKTOP_PAGE % (2, "The second page's message."))]
    kind, posts = parse_source(tmp_path / "messages.html", first, pages)
    assert kind == "telegram-html"
    assert [(p.item, p.paragraphs[0].text) for p in posts] == [(1, "The first page's message."),
                                                               (2, "The second page's message.")]
    kind, posts = parse_source(tmp_path / "messages.html", first)
    assert [p.item for p in posts] == [1]


# what the first full run left (see tests/MUTATION-importers2.md)

def test_a_file_that_grows_past_the_limit_while_read_is_stopped(tmp_path, monkeypatch):
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * (2 * 1048576 + 1))
    real = os.fstat

    def as_when_checked(fd):  # the size it had when checked: 1 byte
        st = real(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 1,
                               st.st_atime, st.st_mtime, st.st_ctime))
    monkeypatch.setattr(os, "fstat", as_when_checked)
    assert error(read_bounded, path, 2 * 1048576, WANT) == (
        f"{path}: is over 2 MB (expected a test file of at most 2 MB)")


def test_a_file_that_fails_while_read_says_why():
    assert error(read_bounded, "/proc/self/mem", 10, WANT) == (
        "/proc/self/mem: cannot read: Input/output error (expected a test file that can be read)")


def test_the_first_nul_byte_names_the_line():
    assert error(decode, "a", b"one\x00\ntwo\nthree\x00") == (
        "a:1: binary data, not text (expected a saved page or article as UTF-8 text)")


@pytest.mark.parametrize("count, shown", [(10, "2, 3, 4, 5, 6, 7, 8, 9, 10, 11"),
                                          (11, "2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 1 more")])
def test_ten_windows_1251_lines_are_all_named(count, shown):
    lines = ["Zafer Günü".encode()] + ["мир".encode("cp1251")] * count
    assert decode_with_warnings("a", b"\n".join(lines))[1] == [
        (f"a:2: lines {shown} read as Windows-1251, the rest as UTF-8 (expected one encoding per file: check those "
         "lines)")]


def test_the_line_of_a_surrogate_counts_a_first_empty_line():
    assert error(check_unicode, "r.json", '\n{"a": "\\ud83d"}', [post("\ud83d")]).startswith(
        "r.json:2: item 1: a lone surrogate \\ud83d ")


def test_the_line_is_that_of_the_posts_own_surrogate_not_another():
    text = '{\n"a": "\\ud83d",\n"b": "\\udc80"}'
    assert error(check_unicode, "r.json", text, [post("\udc80", item=9)]).startswith(
        "r.json:3: item 9: a lone surrogate \\udc80 ")


@pytest.mark.parametrize("order", [sorted, lambda xs: sorted(xs, reverse=True)])
def test_the_first_page_comes_first_whatever_order_the_folder_lists(tmp_path, monkeypatch, order):
    folder = export(tmp_path, "messages.html", "messages2.html", "messages3.html")
    real = type(folder).iterdir
    monkeypatch.setattr(type(folder), "iterdir", lambda self: iter(order(list(real(self)))))
    assert [p.name for p in export_pages(folder)] == ["messages.html", "messages2.html", "messages3.html"]


def mhtml_ending_at(end: int) -> str:
    header = "Content-Type: multipart/related"
    return "x" * (end - len(header) - 1) + "\n" + header


def test_an_mhtml_header_must_end_within_the_first_4000_characters():
    assert named_refusal(mhtml_ending_at(4000)) == MHTML
    assert named_refusal(mhtml_ending_at(4001)) is None


def test_parse_source_looks_for_the_mhtml_header_in_the_first_4000_characters(tmp_path):
    assert error(parse_source, tmp_path / "a", mhtml_ending_at(4000)) == f"{tmp_path}/a:1: {MHTML}"
    assert error(parse_source, tmp_path / "a", mhtml_ending_at(4001)) == (
        f"{tmp_path}/a:1: unrecognized format ({EXPECTED})")


def test_a_tme_class_must_end_within_the_first_400000_characters():
    mark = 'class="tgme_page'
    assert named_refusal(" " * (400_000 - len(mark)) + mark) == TME_EMPTY
    assert named_refusal(" " * (400_001 - len(mark)) + mark) is None


@pytest.mark.parametrize("text", ['X{"a": 1}', "X[1]", "XX\n{}"])
def test_text_before_a_brace_is_not_json(text):
    assert named_refusal(text) is None
