"""Telling a raw source's format by its content, and reading its bytes as text."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from pathlib import Path

from ..content.images import FILE_SUFFIXES, IMAGE_SUFFIXES
from ..content.model import ContentError, ContentErrors, Post
from . import (
    gallery_article,
    news_article_html,
    telegram_channel_html,
    telegram_channel_text,
    telegram_desktop_html,
    telegram_json,
    telegram_web,
)

# The JSON export first: its test is cheap (a '{' and a "messages" or "chats" key) and no text page passes it.
# Then the HTML formats (Telegram's by their class names, a news article by its metadata), then the text copies:
# a channel page's copy (its per-post footers with views) before a page of forwarded posts, since a channel's
# copy has "Forwarded from" lines too, above the posts it forwarded.
FORMATS = (telegram_json, telegram_desktop_html, telegram_channel_html, news_article_html, telegram_channel_text,
           telegram_web, gallery_article)
EXPORT_PAGE = re.compile(r"^messages(\d*)\.html$")


EXPECTED = ("expected a saved t.me/s channel page (HTML, or its copied text), a Telegram Desktop export "
            "(messages.html or result.json), a saved Telegram channel page with 'Forwarded from <channel>' lines, "
            "a saved news article page (HTML with Open Graph or JSON-LD NewsArticle metadata), "
            "or a saved photo-gallery article with '©' credit lines and 'N/M' counters")


PHOTO_SUFFIXES = set(IMAGE_SUFFIXES)  # photos the site shows (as copies it makes)
PICTURE_FILE_SUFFIXES = set(FILE_SUFFIXES)  # pictures kept as a file to download


MAX_SOURCE_BYTES = 256 * 2**20  # a saved page is a few MB, a big channel's result.json some tens


def size_text(n: int) -> str:
    return f"{n / 2**30:.1f} GB" if n >= 2**30 else f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n} bytes"


def file_kind(mode: int) -> str | None:
    """What a file that is not a regular file is, in words; None for a regular file."""
    kinds = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))
    return next((name for test, name in kinds if test(mode)), None)


def read_bounded(path: Path, limit: int, expected: str) -> bytes:
    """A regular file's bytes, at most `limit` of them. A FIFO, a device or a folder is refused by its
    type before any read (a FIFO would block, /dev/zero never end); opened non-blocking, so that a
    file swapped for a FIFO after a check cannot block either."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        try:  # a socket cannot be opened at all: say what it is
            kind = file_kind(os.stat(path).st_mode)
        except OSError:
            kind = None
        if kind:
            raise ContentError(path, None, f"is {kind}, not a regular file (expected {expected})") from None
        raise ContentError(path, None, f"cannot read: {e.strerror} (expected {expected} that exists and can be read)") from None
    try:
        st = os.fstat(fd)
        kind = file_kind(st.st_mode)
        if kind == "a folder":
            raise ContentError(path, None, f"is a folder (expected a file: {expected})")
        if kind:
            raise ContentError(path, None, f"is {kind}, not a regular file (expected {expected})")
        too_big = f"is {{}} (expected {expected} of at most {size_text(limit)})"
        if st.st_size > limit:
            raise ContentError(path, None, too_big.format(size_text(st.st_size)))
        chunks, size = [], 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise ContentError(path, None, too_big.format(f"over {size_text(limit)}"))
        return b"".join(chunks)
    except OSError as e:
        raise ContentError(path, None, f"cannot read: {e.strerror} (expected {expected} that can be read)") from None
    finally:
        os.close(fd)


def read_source(path: Path) -> bytes:
    return read_bounded(path, MAX_SOURCE_BYTES, "a saved page or a result.json")


def decode(path: Path, data: bytes) -> str:
    """Raw bytes as text, or a ContentError saying why they are not a text source."""
    return decode_with_warnings(path, data)[0]


# Files people give the importer by mistake, by their first bytes: what each is, and what to do instead.
_PHOTO_INSTEAD = "a photo belongs in a post folder, beside meta.yml, named in its gallery as image: {name}"
SIGNATURES = (
    (b"\xff\xd8\xff", "a JPEG image", _PHOTO_INSTEAD), (b"\x89PNG\r\n\x1a\n", "a PNG image", _PHOTO_INSTEAD),
    (b"GIF87a", "a GIF image", _PHOTO_INSTEAD), (b"GIF89a", "a GIF image", _PHOTO_INSTEAD),
    (b"II*\x00", "a TIFF image", _PHOTO_INSTEAD), (b"MM\x00*", "a TIFF image", _PHOTO_INSTEAD),
    (b"%PDF-", "a PDF document", "save the article as a web page (HTML), or copy its text into a .txt file"),
    (b"PK\x03\x04", "a ZIP archive", "unzip it and import the export folder, or its messages.html or result.json"),
    (b"bplist00", "a Safari web archive", "save the page again as \"Page Source\", or from another browser as "
     "\"Web page, complete\""),
)


def binary_kind(data: bytes) -> tuple[str, str] | None:
    """(what a binary file is, what to do instead) when its first bytes say so; None otherwise."""
    for magic, what, instead in SIGNATURES:
        if data.startswith(magic):
            return what, instead
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "a WebP image", _PHOTO_INSTEAD
    if data[4:8] == b"ftyp":
        return "a HEIC image or an MP4 video", "a photo belongs in a post folder; a video is not archived"
    return None


def decode_with_warnings(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Raw bytes as text, and what the reader should check (lines in another encoding than the rest);
    a ContentError when they are not a text source."""
    if not data.strip():
        raise ContentError(path, 1, f"the file is empty ({EXPECTED})")
    if kind := binary_kind(data):
        what, instead = kind
        raise ContentError(path, 1, f"{what}, not a saved page (expected a saved page, article or export as text: "
                           f"{instead.format(name=path.name)})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError:
            raise ContentError(path, None, "not valid UTF-16 text despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ContentError(path, line, "binary data, not text (expected a saved page or article as UTF-8 text)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return _decode_lines(path, data)


def _decode_lines(path: Path, data: bytes) -> tuple[str, list[str]]:
    """Each line in UTF-8 where it is valid, the others as Windows-1251 when, together, they read as
    Cyrillic text (Windows-1251 saves of Cyrillic pages are common; a UTF-8 page with one pasted
    Windows-1251 line too: read whole as Windows-1251 it was garbled). Lines that disagree are named."""
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    texts: list[str | None] = []
    other = []  # line numbers that are not UTF-8
    utf8_letters = False
    for n, raw in enumerate(lines, 1):
        try:
            texts.append(raw.decode("utf-8"))
            utf8_letters = utf8_letters or not raw.isascii()
        except UnicodeDecodeError:
            texts.append(None)
            other.append(n)
    legacy = {n: lines[n - 1].decode("cp1251", "replace") for n in other}
    letters = [c for text in legacy.values() for c in text if c.isalpha()]
    cyrillic = sum("\u0400" <= c <= "\u04ff" for c in letters)
    if not letters or cyrillic <= len(letters) * 0.3 or any("\ufffd" in t for t in legacy.values()):
        raise ContentError(path, other[0], "not UTF-8 text (expected the file saved as UTF-8)")
    for n, text in legacy.items():
        texts[n - 1] = text
    warnings = []
    if utf8_letters:  # both encodings in one file: say where, someone should look at those lines
        shown = ", ".join(map(str, other[:10])) + (f" and {len(other) - 10} more" if len(other) > 10 else "")
        warnings.append(f"{path}:{other[0]}: line{'s' * (len(other) > 1)} {shown} read as Windows-1251, the rest "
                        "as UTF-8 (expected one encoding per file: check those lines)")
    return "\n".join(texts), warnings


_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def check_unicode(path: Path, text: str, posts: list[Post]) -> None:
    """A ContentError for a post holding a lone surrogate (a JSON export may escape one, '\\ud83d'
    without its pair): it is not a character, and no UTF-8 file can hold it."""
    for post in posts:
        bad = next((m.group() for s in _strings(post) if (m := _SURROGATE.search(s))), None)
        if bad is None:
            continue
        escape = f"\\u{ord(bad):04x}"
        line = next((text.count("\n", 0, m.start()) + 1 for m in _ESCAPE.finditer(text)
                     if len(m.group()) == 6 and m.group().lower() == escape), None)
        raise ContentError(path, line, f"item {post.item}: a lone surrogate {escape} (half of a character pair) "
                           "in its text (expected valid Unicode text: the export is damaged here)")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            yield from _strings(getattr(value, f.name))


def export_pages(path: Path) -> list[Path]:
    """The pages of a Telegram Desktop HTML export, in order (messages.html, messages2.html, ...), for its
    first page or its folder; [] for anything else."""
    folder = path if path.is_dir() else path.parent
    if not path.is_dir() and not EXPORT_PAGE.match(path.name):
        return []
    pages = [p for p in folder.iterdir() if EXPORT_PAGE.match(p.name)] if folder.is_dir() else []
    return sorted(pages, key=lambda p: int(EXPORT_PAGE.match(p.name).group(1) or 1))


def parse_source(path: Path, text: str, pages: list[tuple[str, str]] | None = None) -> tuple[str, list[Post]]:
    """(format name, posts) for a raw source text; ContentError when the format is unknown or empty.
    `pages`: every page of a Telegram Desktop HTML export, (file name, text), when `path` is its first."""
    if _MHTML.search(text[:4000]):  # its HTML is encoded: no format may read it as a page
        raise ContentError(path, 1, named_refusal(text))
    for fmt in FORMATS:
        if fmt.looks_like(text):
            try:
                posts = fmt.parse_export(pages) if pages and fmt is telegram_desktop_html else fmt.parse(text)
            except ContentError as e:  # a parser knows lines, not the file: name it here
                errors = [ContentError(path, x.line, x.problem) for x in getattr(e, "errors", [e])]
                raise (errors[0] if len(errors) == 1 else ContentErrors(errors)) from None
            if not posts:
                named = named_refusal(text) if fmt is telegram_channel_html else None
                raise ContentError(path, 1, named or f"no posts found in this {fmt.KIND} source ({EXPECTED})")
            return fmt.KIND, posts
    raise ContentError(path, 1, named_refusal(text) or f"unrecognized format ({EXPECTED})")


# A t.me page that lists no posts: the channel's preview page (t.me/<channel>) or a t.me/s page saved empty.
_TME_PAGE = re.compile(r'class="tgme_(?:page|channel_history|channel_info)\b|property="og:site_name" content="Telegram"')
_MHTML = re.compile(r"^Content-Type:\s*multipart/related", re.IGNORECASE | re.MULTILINE)
_EXPORT_PAGE = re.compile(r'<div class="page_header">|<div class="history">')


def named_refusal(text: str) -> str | None:
    """What an unusable source is and what to do, for files that look like a known format but hold
    nothing to import; None for anything else."""
    head = text[:400_000]
    if _MHTML.search(head[:4000]):
        return ("a web page saved as a single file (MHTML), whose HTML is encoded inside it (expected the page saved as "
                "\"Web page, complete\": Article.html beside its Article_files/ folder)")
    if head.lstrip("\ufeff \t\r\n").startswith(("{", "[")):
        return ("JSON, but not a Telegram Desktop export: no \"messages\" list (expected result.json of a chat or "
                "channel exported with Telegram Desktop, Export chat history, format JSON)")
    if _TME_PAGE.search(head):
        return ("a t.me page with no messages in it: the channel's preview page t.me/<channel>, or a t.me/s page whose "
                "HTML holds no posts (expected t.me/s/<channel>, the page that lists the posts, saved once they show)")
    if _EXPORT_PAGE.search(head):
        return ("a page of a Telegram Desktop HTML export with no messages in it (expected messages.html of an export "
                "folder; import the whole folder)")
    return None


def export_folder(path: Path) -> Path:
    """The source to read in a folder given to import: the first page of a Telegram Desktop HTML export
    or its result.json. A ContentError naming what the folder is when it holds neither."""
    pages = export_pages(path)
    if pages:
        return pages[0]  # a later page without the first is refused by write.read_sources
    if (path / "result.json").is_file():
        return path / "result.json"
    parts = {p.name for p in path.iterdir()} if path.is_dir() else set()
    if parts & EXPORT_PARTS or path.name in EXPORT_PARTS:
        inside = f"the {path.name}/ folder of " if path.name in EXPORT_PARTS else ""
        raise ContentError(path, 1, f"{inside}a Telegram Desktop export, but its messages.html or result.json is "
                           "missing (expected the export folder with messages.html or result.json beside photos/; "
                           "import the whole folder)")
    return path  # read_source says what it is


# What a Telegram Desktop export folder holds besides its messages (export_output_html.cpp, export_data_types.cpp).
EXPORT_PARTS = {"photos", "files", "video_files", "voice_messages", "round_video_messages", "stickers", "css", "js",
                "images"}
