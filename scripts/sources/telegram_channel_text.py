"""Parse the copied text of a t.me/s/<channel> page (Ctrl+A, Ctrl+C) into posts."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..content.model import ContentError, Paragraph, Post
from ..text.dates import MONTHS, dates_in
from ..text.hashtags import hashtags, is_hashtag_line, unique_hashtags
from ..text.language import detect_lang
from ..text.normalize import split_lines
from .common import infer_date, title_from

KIND = "telegram-channel-text"
SOURCE = "channel.txt"
EXPECTED = "expected the copied text of a t.me/s/<channel> page, each post ending in a line such as '8.67K views 13:59'"
# Each post's footer: views (a "copyonly" " views" follows the count), "edited", and the time, often run together.
FOOTER = re.compile(r"^(?:(?P<views>\d[\d.,]*[KMB]?) views)?\s*(?P<edited>edited)?\s*(?P<time>\d{1,2}:\d{2})$")
FORWARDED = re.compile(r"^Forwarded from\s+(.+)$")
# The date the page script shows above a day's first post: "April 25", or "April 25, 2022" in another year.
DATE_LABEL = re.compile(r"^(" + "|".join(m.capitalize() for m in MONTHS["en"]) + r") (\d{1,2})(?:, (\d{4}))?$")
# Interface text where the copy had media, and what it stands for (None: nothing to record).
PLACEHOLDERS = {"media is too big": "video", "view in telegram": None,
                "please open telegram to view this post": None, "photo is too big": "photo",
                "file is too big": "file"}
DURATION = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$")  # a video or voice player (the copy does not say which)
SIZE = re.compile(r"^\d[\d.,]*\s?(?:B|KB|MB|GB)$")  # under a document's name
FILE_NAME = re.compile(r"^\S.*\.[A-Za-z0-9]{2,5}$")
POLL_TYPE = re.compile(r"^(?:Anonymous|Public) (?:poll|quiz)$|^Quiz$")
PERCENT = re.compile(r"^\d{1,3}%$")
VOTES = re.compile(r"^(?:\d[\d,. ]*(?:votes?)|No votes)$")
COUNT = r"\d[\d.,]*[KM]?"
_EMOJI = "[\u2190-\u2bff\U0001f000-\U0001faff][\ufe0f\u200d\u2190-\u2bff\U0001f000-\U0001faff]*"
REACTIONS = re.compile(rf"^(?:(?:{_EMOJI}|⭐)\s*{COUNT}\s*)+$")  # "👍2.03K❤837"; not "— 1945"


def looks_like(text: str) -> bool:
    """Text with at least one line that reads as a post footer with its views."""
    return any(FOOTER.match(line) and "views" in line for line in split_lines(text[:400_000]))


def parse(text: str) -> list[Post]:
    """One post per footer line. Before each post's text the copy has its channel's name (the page's first
    line: everything up to its last copy in a block is the page's or the previous post's interface) and
    perhaps "Forwarded from X"; interface lines (placeholders, players, documents, polls, reactions) are
    dropped and recorded as missing media. The copy has no permalinks and no ids: identity and url are None;
    the time is the reader's, the date comes from the page's date labels when they give a year."""
    lines = split_lines(text)
    blocks: list[tuple[list[str], re.Match]] = []
    start = 0
    for i, line in enumerate(lines):
        m = FOOTER.match(line)
        if m and (m.group("views") or m.group("edited")):
            blocks.append((lines[start:i], m))
            start = i + 1
    if not blocks:
        raise ContentError(SOURCE, 1, f"no post footer ({EXPECTED})")
    channel = next((line for line in lines if line), None)
    if sum(1 for block, _ in blocks if channel in block) * 2 < len(blocks):
        channel = None  # the first line is not the name every post starts with
    # A date label is the last line of its post's wrap: it dates that post and the ones after it that day.
    labels = [None] * len(blocks)
    for k, (block, _) in enumerate(blocks[1:], 1):
        head = block[:block.index(channel)] if channel in block else block
        for line in head:
            if DATE_LABEL.match(line):
                labels[k - 1] = line
    tail = lines[start:]
    if any(DATE_LABEL.match(line) for line in tail):
        labels[-1] = next(line for line in tail if DATE_LABEL.match(line))
    posts, skipped, day = [], Counter(), None
    for k, (block, footer) in enumerate(blocks):
        day = labels[k] or day
        post = _post(block, footer, channel, day)
        if post is None:
            skipped["empty post"] += 1
            continue
        post.item = len(posts) + 1
        posts.append(post)
    if channel is None and posts:
        posts[0].warnings.append("the page's first line is not the channel name before each post: "
                                 "interface text before the posts may have been kept")
    if posts and skipped:
        counts = [f"{n} {what}{'' if n == 1 else 's'}" for what, n in skipped.items()]
        posts[0].warnings.insert(0, f"skipped {', '.join(counts)} of this page (not posts)")
    return posts


def _post(block: list[str], footer: re.Match, channel: str | None, day: str | None) -> Post | None:
    reply_to = None
    if channel is not None and channel in block:
        cut = len(block) - 1 - block[::-1].index(channel)
        if cut > 0 and block[cut - 1] == channel and cut + 2 < len(block):
            # A reply to the channel's own post: the author's name, then a line of the quoted post, then
            # the reply's text.
            reply_to, block = block[cut + 1] or None, block[cut + 2:]
        else:
            block = block[cut + 1:]
    content = [line for line in block]
    forwarded = None
    first = next((i for i, line in enumerate(content) if line), None)
    if first is not None and (m := FORWARDED.match(content[first])):
        forwarded = m.group(1).strip()
        del content[first]
    kept, missing = _without_interface(content)
    paragraphs, tags = _paragraphs(kept)
    if not paragraphs and not tags and not missing:
        return None
    texts = [p.text for p in paragraphs]
    post = Post(paragraphs=paragraphs, source_name=forwarded or channel or "Unknown channel", source_kind=KIND,
                title=title_from(texts), time=footer.group("time").zfill(5), tags=tags, missing_media=missing,
                reply_to=reply_to, forwarded_from=forwarded)
    post.commemorates = sorted({d for _, d in dates_in("\x00".join(texts)) if 1939 <= d.year <= 1945})
    post.date = _day(day)
    if post.date is None:
        post.date, reason = infer_date(texts, tags)
        if reason:
            post.warnings.append(f"date {post.date.isoformat()} inferred: {reason}")
        if day:
            post.warnings.append(f"the page dates this post '{day}', without the year")
    return post


def _day(label: str | None) -> dt.date | None:
    m = DATE_LABEL.match(label or "")
    if not m or not m.group(3):
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS["en"].index(m.group(1).lower()) + 1, int(m.group(2)))
    except ValueError:
        return None


def _without_interface(lines: list[str]) -> tuple[list[str], list[str]]:
    """The lines without the page's interface text, and the media that text stood for."""
    kept, missing = [], []

    def note(what):
        if what and what not in missing:
            missing.append(what)

    i = 0
    while i < len(lines):
        line, nxt = lines[i], lines[i + 1] if i + 1 < len(lines) else ""
        key = line.casefold().rstrip(".")
        if key in PLACEHOLDERS:
            note(PLACEHOLDERS[key])
        elif DURATION.match(line):
            note("file")
        elif FILE_NAME.match(line) and SIZE.match(nxt):  # a document: its name and size
            note("file")
            i += 1
        elif POLL_TYPE.match(nxt):  # a poll: question, type, then percent and option pairs, votes
            note("file")
            i += 2
            while i < len(lines) and PERCENT.match(lines[i]):
                i += 2
            if i < len(lines) and VOTES.match(lines[i]):
                i += 1
            continue
        elif REACTIONS.match(line):
            pass
        else:
            kept.append(line)
        i += 1
    return kept, missing


def _paragraphs(lines: list[str]) -> tuple[list[Paragraph], list[str]]:
    """Paragraphs at blank lines, line breaks inside one kept as "\\n"; hashtag-only lines are tags."""
    blocks, tag_lines = [[]], []
    for line in lines:
        if not line:
            blocks.append([])
        elif is_hashtag_line(line):
            tag_lines.append(line)
        else:
            blocks[-1].append(line)
    paragraphs, seen = [], set()
    for block in blocks:
        text = "\n".join(block)
        key = " ".join(text.split())
        if not key or key in seen:
            continue
        seen.add(key)
        paragraphs.append(Paragraph(text, detect_lang(text)))
    tags = unique_hashtags([t for line in tag_lines for t in hashtags(line)]
                           + [t for p in paragraphs for t in hashtags(p.text)])
    return paragraphs, tags
