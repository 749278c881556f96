"""Telling the language of a paragraph, with py3langid (a maintained langid.py that ships its model and
runs offline), restricted to the languages this archive must tell apart: its own three and the ones its
sources also write in (a Ukrainian or German post is recorded as such, never as one of ours)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..content.model import LANGS as SITE_LANGS
from ..content.model import OTHER_LANGS  # what WWII sources beside ours write in
from .hashtags import HASHTAG

CONFIDENT = 0.5  # below this (short or mixed text) the script decides: Cyrillic ru, Turkish letters tr, else en

_NOT_WORDS = re.compile(r"(?:https?://|www\.|t\.me/)\S+|\S+@\S+\.\w+|@\w+")
_WORD = re.compile(r"[^\W\d_]{2,}")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TURKISH = re.compile(r"[ğĞşŞıİ]")


@lru_cache(maxsize=1)
def _identifier():
    """The model, loaded once per process (a forked worker inherits it)."""
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True, langs=list(SITE_LANGS + OTHER_LANGS))


def words_of(text: str) -> str:
    """The text without what is not words of a language: addresses, handles, hashtags."""
    text = _NOT_WORDS.sub(" ", text) if ("/" in text or "@" in text or "www." in text) else text
    return HASHTAG.sub(" ", text) if "#" in text else text


def detect_lang(text: str) -> str | None:
    """The language code of a paragraph (en, ru, tr, or another the sources write in), or None when it
    has no words to tell by (hashtags, emoji, an address)."""
    clean = words_of(text)
    words = _WORD.findall(clean)
    if not words:
        return None
    lang, confidence = _identifier().classify(" ".join(words))
    if confidence >= CONFIDENT and (lang in SITE_LANGS or len(words) >= 3):
        return lang
    if _CYRILLIC.search(clean):
        return "ru"
    return "tr" if _TURKISH.search(clean) else "en"
