"""Slugs: stable lowercase ASCII names for addresses, from text in any of the three languages."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g", "u"],
))
_LATIN_EXTRA = {"ı": "i", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "þ": "th"}


def transliterate(text: str) -> str:
    """ASCII letters for Cyrillic and Turkish (and other Latin) text; Turkish İ/ı become i."""
    out = []
    for ch in text.replace("İ", "i").replace("I", "i"):
        low = ch.lower() if ch != "İ" else "i"
        if low in _CYRILLIC:
            out.append(_CYRILLIC[low])
        elif low in _LATIN_EXTRA:
            out.append(_LATIN_EXTRA[low])
        else:
            out.append(unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode())
    return "".join(out)


def slugify(text: str, max_len: int = 80) -> str:
    """A stable lowercase ASCII slug: letters, digits and single hyphens. slugify(slugify(x)) == slugify(x)."""
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(text).lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] if "-" in slug[:max_len] else slug[:max_len]
        slug = slug.strip("-")
    if not slug:
        slug = "x" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return slug

