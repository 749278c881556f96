"""De-duplication: each paragraph of a scrape once, and a fingerprint of a text's words."""

from __future__ import annotations

import hashlib
import re

from .escape import unescape_markdown


def fingerprint(paragraphs) -> str:
    """A hash of the words of a text, the same whatever its markup, spacing or case."""
    words = re.findall(r"\w+", " ".join(unescape_markdown(p) for p in paragraphs).casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


def dedupe_paragraphs(paragraphs: list[str]) -> list[str]:
    """Each paragraph once, in reading order. A paragraph that only glues together others of the same
    text (a scrape's run-on copy, as in "has said.The ambassador") is dropped in favour of the parts.

    Linear in the number of paragraphs: a dict of squashed texts, and the glue test walks each long
    paragraph once through a dict keyed by prefixes."""
    seen: set[str] = set()
    unique: list[tuple[str, str]] = []
    for p in paragraphs:
        identity = " ".join(p.split())
        if identity in seen:
            continue
        seen.add(identity)
        unique.append((p, identity.replace(" ", "") or p))  # its characters without white space
    # Paragraphs by their first 12 characters, then by length: a glued copy is walked part by part,
    # trying at each position only the lengths its parts can have (linear for any number of paragraphs).
    buckets: dict[str, dict[int, set[str]]] = {}
    for _, k in unique:
        if len(k) >= 12:
            buckets.setdefault(k[:12], {}).setdefault(len(k), set()).add(k)
    lengths = {prefix: sorted(by_len, reverse=True) for prefix, by_len in buckets.items()}

    def glued(key: str) -> bool:
        pos, parts = 0, 0
        while pos < len(key):
            prefix = key[pos:pos + 12]
            by_len = buckets.get(prefix)
            if not by_len:
                return False
            for n in lengths[prefix]:
                if n < len(key) and key[pos:pos + n] in by_len[n]:
                    pos += n
                    parts += 1
                    break
            else:
                return False
        return parts >= 2

    return [p for p, k in unique if len(k) < 24 or not glued(k)]

