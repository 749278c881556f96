"""Parse a saved Telegram channel page (posts opening with "Forwarded from <channel>") into posts."""

from __future__ import annotations

import re

from .. import parallel
from ..content.model import Paragraph, Post
from ..text.dates import dates_in
from ..text.language import detect_lang
from ..text.normalize import split_lines
from .common import infer_date, paragraphs_and_tags, title_from

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


