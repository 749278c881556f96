"""Telling a raw source's format by its content, and reading its bytes as text."""

from __future__ import annotations

import re
from pathlib import Path

from ..content.model import ContentError, ContentErrors, Post
from . import (gallery_article, telegram_channel_html, telegram_channel_text, telegram_desktop_html, telegram_json,
               telegram_web)

# The JSON export first: its test is cheap (a '{' and a "messages" or "chats" key) and no text page passes it.
# Then the HTML formats (found by their class names), then the text copies.
FORMATS = (telegram_json, telegram_desktop_html, telegram_channel_html, telegram_web, telegram_channel_text,
           gallery_article)
EXPORT_PAGE = re.compile(r"^messages(\d*)\.html$")


EXPECTED = ("expected a saved t.me/s channel page (HTML, or its copied text), a Telegram Desktop export "
            "(messages.html or result.json), a saved Telegram channel page with 'Forwarded from <channel>' lines, "
            "or a saved photo-gallery article with '©' credit lines and 'N/M' counters")


PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif"}


def decode(path: Path, data: bytes) -> str:
    """Raw bytes as text, or a ContentError saying why they are not a text source."""
    if not data.strip():
        raise ContentError(path, None, f"the file is empty ({EXPECTED})")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ContentError(path, None, "not valid UTF-16 text despite its byte-order mark") from None
    if b"\x00" in data[:8192]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ContentError(path, line, "binary data, not text (expected a saved page or article as UTF-8 text)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        try:
            text = data.decode("cp1251")
        except UnicodeDecodeError:
            text = ""
        # Windows-1251 saves of Cyrillic pages are common; take them when they read as Cyrillic text.
        letters = [c for c in text if c.isalpha()]
        if letters and sum("\u0400" <= c <= "\u04ff" for c in letters) > len(letters) * 0.3:
            return text
        line = data[: e.start].count(b"\n") + 1
        raise ContentError(path, line, "not UTF-8 text (expected the file saved as UTF-8)") from None


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
    for fmt in FORMATS:
        if fmt.looks_like(text):
            try:
                posts = fmt.parse_export(pages) if pages and fmt is telegram_desktop_html else fmt.parse(text)
            except ContentError as e:  # a parser knows lines, not the file: name it here
                errors = [ContentError(path, x.line, x.problem) for x in getattr(e, "errors", [e])]
                raise (errors[0] if len(errors) == 1 else ContentErrors(errors)) from None
            if not posts:
                raise ContentError(path, None, f"no posts found in this {fmt.KIND} source ({EXPECTED})")
            return fmt.KIND, posts
    raise ContentError(path, 1, f"unrecognized format ({EXPECTED})")
