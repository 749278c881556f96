"""Hashtags: finding them in text, comparing them (case and Turkish i do not matter)."""

from __future__ import annotations

import re
import unicodedata

from .normalize import normalize_line

# A hashtag: '#' not preceded by a word character, '&' (an entity: '&#60;'), a backslash or '/', nor by
# '&amp;' (the same entity as text, escaped in a post's Markdown: entities are text), then word characters.
HASHTAG = re.compile(r"#(?<![\w&\\/]#)(?<!&amp;#)(\w+)")  # '#' first: the engine scans for it


def hashtags(text: str) -> list[str]:
    """The hashtags in a text, in order, without '#'."""
    return [m.group(1) for m in HASHTAG.finditer(text)]


def unique_hashtags(names) -> list[str]:
    """Hashtags in order, each once (as first written) whatever its case or Turkish i."""
    out, keys = [], set()
    for name in names:
        key = tag_key(name)
        if key not in keys:
            keys.add(key)
            out.append(name)
    return out
def is_hashtag_line(line: str) -> bool:
    """True when a line holds hashtags and nothing else."""
    return bool(line.strip()) and not HASHTAG.sub("", line).strip() and bool(HASHTAG.search(line))


def tag_key(name: str) -> str:
    """How hashtags compare: case and Turkish dotted/dotless i do not matter, scripts do."""
    name = normalize_line(name).lstrip("#")
    name = name.replace("İ", "i").replace("I", "i").replace("ı", "i")
    return unicodedata.normalize("NFKC", name).casefold().replace("i\u0307", "i")

