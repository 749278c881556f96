"""What the parsers share: paragraphs and hashtags of a post's lines, a working title, an inferred date, a saved page's files."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import unquote

from ..text.dates import dates_in
from ..text.dedupe import dedupe_paragraphs
from ..text.hashtags import hashtags, is_hashtag_line, tag_key, unique_hashtags

ANNIVERSARY_TAG = re.compile(r"^(?:victory|vday|победа|zafer)(\d{2,3})$", re.IGNORECASE)


VICTORY_DAY = dt.date(1945, 5, 9)


MAY_9_TAGS = {tag_key(t) for t in ("May9", "9мая", "9Mayıs", "9May", "VictoryDay", "ДеньПобеды")}


def title_from(texts: list[str], words: int = 10) -> str:
    """A working title: the first sentence (or first line) of the first paragraph with words, shortened."""
    for t in texts:
        plain = re.sub(r"#(\w+)", r"\1", t)
        plain = re.sub(r"^[^\w«\"“(]+", "", plain).strip()
        if not re.search(r"\w", plain):
            continue
        sentence = re.split(r"(?<=[.!?])\s|\n", plain, maxsplit=1)[0]  # a first line is a heading
        parts = sentence.split()
        if len(parts) > words:
            return " ".join(parts[:words]).rstrip(",;:–—-") + "…"
        return sentence.rstrip(".")
    return ""


def infer_date(texts: list[str], tags: list[str]) -> tuple[dt.date | None, str | None]:
    """The day a post was probably published, from what its text says, and why; (None, None) if unsure."""
    joined = "\n".join(texts)
    dates = dates_in(joined)
    # Searched in the same text as the dates (keycap digits "7️⃣8️⃣" allowed): their positions are compared.
    years_ago = re.search(r"(?<![\w\ufe0f\u20e3])((?:\d[\ufe0f\u20e3]*){1,3})\s+years\s+ago\b", joined)
    if years_ago:
        later = [d for pos, d in dates if pos > years_ago.start()]
        if later:
            n, d = int(re.sub(r"[\ufe0f\u20e3]", "", years_ago.group(1))), later[0]
            try:
                return d.replace(year=d.year + n), f"'{n} years ago' and {d.isoformat()} in the text"
            except ValueError:
                pass
    anniversaries = [(t, int(m.group(1))) for t in tags if (m := ANNIVERSARY_TAG.match(t))]
    if anniversaries:
        tag, n = anniversaries[0]
        year = VICTORY_DAY.year + n
        same_year = [d for _, d in dates if d.year == year]
        if same_year:
            return same_year[-1], f"{same_year[-1].isoformat()} in the text, in the year of #{tag}"
        if MAY_9_TAGS & {tag_key(t) for t in tags}:
            return VICTORY_DAY.replace(year=year), f"a Victory Day hashtag and #{tag}"
    return None, None


def paragraphs_and_tags(lines) -> tuple[list[str], list[str]]:
    """A post's lines as its paragraphs (each once, in reading order) and its hashtags: lines holding
    only hashtags become tags, inline hashtags stay in the text and count too, each tag once."""
    texts, tags = [], []
    for line in lines:
        if not line:
            continue
        if is_hashtag_line(line):
            tags.extend(hashtags(line))
        else:
            texts.append(line)
    texts = dedupe_paragraphs(texts)
    return texts, unique_hashtags(tags + [t for text in texts for t in hashtags(text)])


# A browser's "save page complete" writes the images into <page>_files/ beside the page.
_SAVED_FILE = re.compile(r"^(?:\./)?([^/\\:?#]+_files/[^/\\:?#]+)$")


def saved_file(address: str) -> str | None:
    """The path of an image a saved page holds in its <page>_files/ folder ("page_files/a.jpg"), or None
    for any other address (a web address, a path outside that folder)."""
    m = _SAVED_FILE.match(unquote(address)) if ".." not in address else None
    return m.group(1) if m else None
