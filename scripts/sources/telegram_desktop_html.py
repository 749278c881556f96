"""Parse a Telegram Desktop HTML export (messages.html, messages2.html, ...) into posts."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections import Counter

from bs4 import BeautifulSoup, Tag

from ..content.images import FILE_SUFFIXES, IMAGE_SUFFIXES
from ..content.model import ContentError, ContentErrors, Photo, Post
from ..text.dates import dates_in
from ..text.normalize import normalize_line
from . import spans
from .common import title_from

KIND = "telegram-html"
# parse() has no path: its errors name the export's first page, and the caller puts the real path in place.
SOURCE = "messages.html"
EXPECTED = "expected a page of a Telegram Desktop HTML export, messages.html"
_LOOKS = re.compile(r'<div class="history">|class="message (?:default|service)[^"]*" id="message-?\d+"')
# tdesktop's FormatDateTime(date, true): local time of the exporting machine and its UTC offset.
_DATE = re.compile(r"^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})(?: UTC([+-])(\d{2}):(\d{2}))?$")
_MESSAGE_ID = re.compile(r"^message(-?\d+)$")
_REPLY_TARGET = re.compile(r"#go_to_message(\d+)$")
# What a media block leaves missing on the site, by its class: photos are kept when the export has the file,
# any other file is recorded (content/ knows video, photo and file: a voice note or a poll counts as a file);
# None: nothing worth recording (stickers, places, contacts).
MEDIA = {"media_photo": "photo", "media_video": "video", "media_voice_message": "file",
         "media_audio_file": "file", "media_file": "file", "media_poll": "file"}
MEDIA_WRAPS = {"video_file_wrap": "video", "animated_wrap": "video", "media_poll": "file", "sticker_wrap": None}
QUOTE_WORDS = 12


def looks_like(text: str) -> bool:
    """A page with the export's history block or its message blocks."""
    return bool(_LOOKS.search(text[:400_000]))


def parse(text: str) -> list[Post]:
    """The posts of one page of an export (see parse_export)."""
    return parse_export([(SOURCE, text)])


def parse_export(pages: list[tuple[str, str]], channel: str | None = None) -> list[Post]:
    """One post per message of the pages (file name, HTML), given in order: messages.html, messages2.html, ...

    A joined message (the same sender within minutes) continues its sender, and a joined forward its origin.
    Service messages (channel created, pinned, ...) and messages with neither text nor media are skipped; how
    many is said in a warning on the first post. `channel`, a public username or a chat id, names the
    posts' identity ("telegram:<channel>/<id>") and, for a username, their permalink; without it the identity
    uses the chat name of the page header and there is no permalink (the export records neither)."""
    posts: list[Post] = []
    problems: list[ContentError] = []
    skipped: Counter = Counter()
    by_id: dict[int, Post] = {}
    replies: list[tuple[Post, int, str]] = []  # (post, the id it answers or -1 for another chat, page)
    chat = None
    previous = None  # (sender, forwarded_from) of the message before, for joined messages
    for name, html in pages:
        soup = _soup(name, html)
        title = soup.select_one("div.page_header div.text.bold")
        if chat is None and title is not None:
            chat = normalize_line(title.get_text(" ")) or None
        history = soup.find("div", class_="history")
        if history is None:
            problems.append(ContentError(name, 1, f"no <div class=\"history\"> ({EXPECTED})"))
            continue
        for el in history.find_all("div", class_="message"):
            classes = set(el.get("class") or ())
            m = _MESSAGE_ID.match(el.get("id") or "")
            msg_id = int(m.group(1)) if m else None
            if "service" in classes:
                previous = None
                if msg_id is not None and msg_id >= 0:  # negative ids are the day separators
                    skipped["service message"] += 1
                continue
            if "default" not in classes:
                continue
            if msg_id is None:
                problems.append(ContentError(name, el.sourceline, f"a message has no id=\"messageN\" ({EXPECTED})"))
                continue
            try:
                post, previous, reply = _post(el, msg_id, chat, channel, previous, "joined" in classes)
            except _Invalid as e:
                problems.append(ContentError(name, el.sourceline, f"message {msg_id}: {e}"))
                continue
            if post is None:
                skipped["empty message"] += 1
                continue
            post.item = len(posts) + 1
            posts.append(post)
            by_id[msg_id] = post
            if reply is not None:
                replies.append((post, reply, name))
    if problems:
        raise ContentErrors(problems)
    for post, target, name in replies:
        original = by_id.get(target)
        if original is not None:
            post.reply_to = _quote(original)
        else:
            post.warnings.append("a reply to a message in another chat" if target < 0 else
                                 f"a reply to message {target}, which is not in this export")
    if posts and skipped:
        counts = [f"{n} {what}{'' if n == 1 else 's'}" for what, n in skipped.items()]
        posts[0].warnings.insert(0, f"skipped {', '.join(counts)} of this export (not posts)")
    return posts


class _Invalid(Exception):
    """One message's problem; parse_export adds the page and line and reports all of them at once."""


def _soup(name: str, html: str) -> BeautifulSoup:
    try:
        return spans.soup_of(html)
    except Exception as e:  # html.parser rejects some broken markup (bs4's ParserRejectedMarkup and others)
        raise ContentError(name, 1, f"not readable as HTML: {e} ({EXPECTED})") from None


def _child(el: Tag, *classes: str, exact: bool = False) -> Tag | None:
    """The first direct child <div> (or <a>) carrying all these classes (exactly these, if exact)."""
    want = set(classes)
    for node in el.children:
        if isinstance(node, Tag) and node.name in ("div", "a"):
            have = set(node.get("class") or ())
            if (have == want) if exact else want <= have:
                return node
    return None


def _post(el: Tag, msg_id: int, chat: str | None, channel: str | None, previous, joined: bool):
    body = _child(el, "body")
    if body is None:
        raise _Invalid(f"no <div class=\"body\"> ({EXPECTED})")
    date_el = _child(body, "pull_right", "date", "details")
    if date_el is None:
        raise _Invalid("no date (expected <div class=\"pull_right date details\" title=\"25.04.2023 13:59:00 UTC+03:00\">)")
    when, published = _date(date_el.get("title") or "")
    name_el = _child(body, "from_name")
    sender = normalize_line(name_el.get_text(" ")) if name_el is not None else None
    if not sender:
        sender = previous[0] if joined and previous else chat
    content, forwarded = body, None
    forward = _child(body, "forwarded", "body")
    if forward is not None:
        content = forward
        origin = _child(forward, "from_name")
        if origin is not None:
            for span in origin.find_all("span"):  # the original's date, after the name
                span.extract()
            forwarded = normalize_line(origin.get_text(" ")) or None
        elif previous:
            forwarded = previous[1]
        forwarded = forwarded or "Unknown channel"
    reply = None
    reply_el = _child(body, "reply_to", "details")
    if reply_el is not None:
        link = reply_el.find("a")
        m = _REPLY_TARGET.search(link.get("href") or "") if link is not None else None
        reply = int(m.group(1)) if m else -1
    photos, missing = _media(content)
    text_el = _child(content, "text", exact=True)
    paragraphs, tags = spans.paragraphs_and_tags_of(spans.html_runs(text_el) if text_el is not None else [])
    state = (sender, forwarded)
    if not paragraphs and not tags and not photos and not missing:
        return None, state, None
    texts = [p.text for p in paragraphs]
    post = Post(
        paragraphs=paragraphs,
        source_name=forwarded or chat or sender or "Unknown channel",
        source_kind=KIND,
        title=title_from(texts),
        date=when.date(),  # every message of an export states its date (_date raises otherwise)
        time=when.strftime("%H:%M"),
        tags=tags,
        photos=photos,
        missing_media=missing,
        identity=f"telegram:{channel or chat}/{msg_id}" if (channel or chat) else None,
        url=f"https://t.me/{channel}/{msg_id}" if channel and re.fullmatch(r"[A-Za-z]\w{3,31}", channel) else None,
        forwarded_from=forwarded,
        published=published,
    )
    post.commemorates = sorted({d for _, d in dates_in("\x00".join(texts)) if 1939 <= d.year <= 1945})
    return post, state, reply


def _date(title: str) -> tuple[dt.datetime, str | None]:
    m = _DATE.match(title.strip())
    if not m:
        raise _Invalid(f"date title {title.strip()[:40]!r} (expected e.g. \"25.04.2023 13:59:00 UTC+03:00\")")
    day, month, year, hour, minute, second, sign, oh, om = m.groups()
    try:
        tz = None
        if sign:
            offset = dt.timedelta(hours=int(oh), minutes=int(om))
            tz = dt.timezone(-offset if sign == "-" else offset)
        when = dt.datetime(int(year), int(month), int(day), int(hour), int(minute), int(second), tzinfo=tz)
    except ValueError as e:
        raise _Invalid(f"date title {title.strip()!r}: {e} (expected e.g. \"25.04.2023 13:59:00 UTC+03:00\")") from None
    return when, when.isoformat() if tz else None


def _media(content: Tag) -> tuple[list[Photo], list[str]]:
    """Photos with their path in the export, and what else the message carried that the site lacks."""
    photos, missing = [], []

    def note(what):
        if what and what not in missing:
            missing.append(what)

    for wrap in content.find_all("div", class_="media_wrap", recursive=False):
        for node in wrap.find_all(["a", "div"], recursive=False):
            classes = set(node.get("class") or ())
            href = (node.get("href") or "").strip() if node.name == "a" else ""
            if "photo_wrap" in classes:
                if href:
                    photos.append(Photo(n=len(photos) + 1, caption="", image=href))
                else:
                    note("photo")
            elif "media" in classes:
                kind = next((MEDIA[c] for c in classes if c in MEDIA), None)
                title = node.find("div", class_="title")
                # A photo exported without a thumbnail, or a picture sent as a file (a TIFF, a HEIC, an SVG:
                # photos.plan_photos decides whether the site shows it or offers it to download).
                if href and (kind == "photo" or (kind == "file" and _is_picture(href))):
                    photos.append(Photo(n=len(photos) + 1, caption="", image=href))
                elif title is None or normalize_line(title.get_text()) != "Sticker":
                    note(kind)
            else:
                note(next((MEDIA_WRAPS[c] for c in classes if c in MEDIA_WRAPS), None))
    return photos, missing


def _is_picture(href: str) -> bool:
    return posixpath.splitext(href.lower())[1] in IMAGE_SUFFIXES + FILE_SUFFIXES


# --- spans to paragraphs (the same in import_telegram_channel_html) -----------------------------------------


def _quote(post: Post, words: int = QUOTE_WORDS) -> str | None:
    """The first words of a post, to show what a reply answers."""
    text = " ".join(p.text for p in post.paragraphs).split()
    if not text:
        return None
    return " ".join(text[:words]) + ("…" if len(text) > words else "")
