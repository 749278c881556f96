"""Parse a saved Telegram channel page (posts opening with "Forwarded from <channel>") into posts."""

from __future__ import annotations

import datetime as dt
import re

from . import parallel
from .model import Paragraph, Post
from .text import dates_in, detect_lang, paragraphs_and_tags, split_lines, tag_key

KIND = "telegram-web"
FORWARDED = re.compile(r"^Forwarded from\s+(.+)$")
# Interface text a scrape leaves where media was: what it stands for (None: nothing to record).
PLACEHOLDERS = {
    "media is too big": "video",
    "view in telegram": None,
    "please open telegram to view this post": None,
    "photo is too big": "photo",
    "file is too big": "file",
}
ANNIVERSARY_TAG = re.compile(r"^(?:victory|vday|победа|zafer)(\d{2,3})$", re.IGNORECASE)
VICTORY_DAY = dt.date(1945, 5, 9)
MAY_9_TAGS = {tag_key(t) for t in ("May9", "9мая", "9Mayıs", "9May", "VictoryDay", "ДеньПобеды")}


def looks_like(text: str) -> bool:
    return any(FORWARDED.match(line) for line in split_lines(text[:HEAD])[:2000])


HEAD = 400_000  # characters of a file enough to tell its format
PARALLEL_FROM = 500  # posts in one file; below this a second process costs more than it saves


def parse(text: str) -> list[Post]:
    """Posts in reading order; a paragraph repeated inside a post is kept once."""
    blocks: list[tuple[str | None, list[str], int]] = []
    channel, block = None, []
    for line in split_lines(text):
        m = FORWARDED.match(line)
        if m:
            if channel is not None or any(block):
                blocks.append((channel, block, len(blocks) + 1))
            channel, block = m.group(1).strip(), []
        else:
            block.append(line)
    if channel is not None or any(block):
        blocks.append((channel, block, len(blocks) + 1))
    # Each post is read on its own: a long channel page is shared between processes.
    posts = parallel.map_items(lambda block: _post(*block), blocks, PARALLEL_FROM)
    return [p for p in posts if p.paragraphs or p.tags or p.missing_media]


def _post(channel: str | None, lines: list[str], item: int) -> Post:
    kept, missing, warnings = [], [], []
    for line in lines:
        placeholder = line.casefold().rstrip(".")
        if placeholder in PLACEHOLDERS:
            if PLACEHOLDERS[placeholder] and PLACEHOLDERS[placeholder] not in missing:
                missing.append(PLACEHOLDERS[placeholder])
        else:
            kept.append(line)
    texts, unique_tags = paragraphs_and_tags(kept)
    if channel is None:
        warnings.append("text before the first 'Forwarded from' line: kept as a post with no channel")
    post = Post(
        paragraphs=[Paragraph(t, detect_lang(t)) for t in texts],
        source_name=channel or "Unknown channel",
        source_kind=KIND,
        tags=unique_tags,
        missing_media=missing,
        warnings=warnings,
        item=item,
    )
    post.title = title_from(texts)
    # "\x00" between paragraphs: a date is never read across two of them (dates_in needs white space).
    post.commemorates = sorted({d for _, d in dates_in("\x00".join(texts)) if 1939 <= d.year <= 1945})
    post.date, reason = infer_date(texts, unique_tags)
    if reason:
        post.warnings.append(f"date {post.date.isoformat()} inferred: {reason}")
    return post


def title_from(texts: list[str], words: int = 10) -> str:
    """A working title: the first sentence of the first paragraph with words, shortened."""
    for t in texts:
        plain = re.sub(r"#(\w+)", r"\1", t)
        plain = re.sub(r"^[^\w«\"“(]+", "", plain).strip()
        if not re.search(r"\w", plain):
            continue
        sentence = re.split(r"(?<=[.!?])\s", plain, maxsplit=1)[0]
        parts = sentence.split()
        if len(parts) > words:
            return " ".join(parts[:words]).rstrip(",;:–—-") + "…"
        return sentence.rstrip(".")
    return ""


def infer_date(texts: list[str], tags: list[str]) -> tuple[dt.date | None, str | None]:
    """The day a post was probably published, from what its text says, and why; (None, None) if unsure."""
    joined = "\n".join(texts)
    dates = dates_in(joined)
    years_ago = re.search(r"\b(\d{1,3})\s+years\s+ago\b", re.sub(r"[\ufe0f\u20e3]", "", joined))
    if years_ago:
        later = [d for pos, d in dates if pos > years_ago.start()]
        if later:
            n, d = int(years_ago.group(1)), later[0]
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
