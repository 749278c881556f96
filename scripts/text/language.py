"""Telling the language of a paragraph: en, ru or tr."""

from __future__ import annotations

import re

from .hashtags import HASHTAG

_WORD = re.compile(r"[^\W\d_]{2,}")
_TURKISH_LETTERS = set("ğĞşŞıİ")
_TURKISH_WORDS = {"ve", "bir", "bu", "için", "ile", "da", "de", "olan", "olarak", "gibi", "çok", "daha",
                  "kutlu", "olsun", "yılı", "yıl", "savaş", "zafer", "günü", "ordusu", "askerleri"}
_CYRILLIC_WORD = re.compile(r"\S*[\u0400-\u04ff]\S*")
_TURKISH_WORD = re.compile(r"\S*[ğĞşŞıİ]\S*")
_ENGLISH_WORDS = {"the", "and", "of", "to", "in", "was", "were", "on", "for", "with", "is", "that", "by"}


def detect_lang(text: str) -> str | None:
    """en, ru or tr for a paragraph, or None when it has no words to tell by."""
    words = _WORD.findall(HASHTAG.sub("", text) if "#" in text else text)
    if not words:
        return None
    plain_latin = text.isascii()  # then no Cyrillic and no Turkish letters: count the words only
    joined = "" if plain_latin else " ".join(words)
    cyrillic = 0 if plain_latin else len(_CYRILLIC_WORD.findall(joined))
    if cyrillic * 2 > len(words):
        return "ru"
    lower = [w.lower() for w in words]
    turkish = (0 if plain_latin else len(_TURKISH_WORD.findall(joined))) + sum(1 for w in lower if w in _TURKISH_WORDS)
    english = sum(1 for w in lower if w in _ENGLISH_WORDS)
    return "tr" if turkish > english else "en"

