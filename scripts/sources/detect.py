"""Telling a raw source's format by its content, and reading its bytes as text."""

from __future__ import annotations

from pathlib import Path

from ..content.model import ContentError, ContentErrors, Post
from . import gallery_article, telegram_json, telegram_web

# The JSON export first: its test is cheap (a '{' and a "messages" or "chats" key) and no text page passes it.
FORMATS = (telegram_json, telegram_web, gallery_article)


EXPECTED = ("expected a saved Telegram channel page with 'Forwarded from <channel>' lines, "
            "a saved photo-gallery article with '©' credit lines and 'N/M' counters, "
            "or a Telegram Desktop export (result.json)")


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


def parse_source(path: Path, text: str) -> tuple[str, list[Post]]:
    """(format name, posts) for a raw source text; ContentError when the format is unknown or empty."""
    for fmt in FORMATS:
        if fmt.looks_like(text):
            try:
                posts = fmt.parse(text)
            except ContentError as e:  # a parser knows lines, not the file: name it here
                errors = [ContentError(path, x.line, x.problem) for x in getattr(e, "errors", [e])]
                raise (errors[0] if len(errors) == 1 else ContentErrors(errors)) from None
            if not posts:
                raise ContentError(path, None, f"no posts found in this {fmt.KIND} source ({EXPECTED})")
            return fmt.KIND, posts
    raise ContentError(path, 1, f"unrecognized format ({EXPECTED})")
