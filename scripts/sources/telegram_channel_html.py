"""Parse a saved t.me/s/<channel> page (the public web preview, saved complete or HTML only) into posts."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from bs4 import Tag

from ..content.model import ContentError, ContentErrors, Photo, Post, Span
from ..text.dates import dates_in
from ..text.normalize import normalize_line
from . import spans
from .common import infer_date, saved_file, title_from

KIND = "telegram-channel-html"
SOURCE = "channel.html"
EXPECTED = "expected a saved t.me/s/<channel> page"
_LOOKS = re.compile(r'class="tgme_widget_message[ "][^>]*data-post="|tgme_channel_history')
_POST = re.compile(r"^([A-Za-z]\w{3,31})/(\d+)$")
_BACKGROUND = re.compile(r"background-image\s*:\s*url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE)
# What a post's media leaves missing on the site (content/ knows video, photo and file: a voice note, a
# document or a poll counts as a file); None: nothing worth recording.
MEDIA = {"tgme_widget_message_video_player": "video", "tgme_widget_message_roundvideo_player": "video",
         "tgme_widget_message_voice": "file", "tgme_widget_message_document_wrap": "file",
         "tgme_widget_message_poll": "file", "tgme_widget_message_location_wrap": None,
         "tgme_widget_message_sticker": None, "tgme_widget_message_tgsticker": None,
         "tgme_widget_message_videosticker": None}

def looks_like(text: str) -> bool:
    """A page with t.me's channel history or its post blocks."""
    return bool(_LOOKS.search(text[:400_000]))


def parse(text: str) -> list[Post]:
    """One post per tgme_widget_message with a data-post, in page order. The page's chrome (header, join
    button, views, reactions, date separators, "Please open Telegram to view this post") never reaches a
    post: only the text blocks of each bubble are read. Service posts and posts with neither text nor media
    are skipped; how many is said in a warning on the first post."""
    try:
        soup = spans.soup_of(text)
    except Exception as e:  # html.parser rejects some broken markup
        raise ContentError(SOURCE, 1, f"not readable as HTML: {e} ({EXPECTED})") from None
    title_el = soup.find("div", class_="tgme_channel_info_header_title")
    title = normalize_line(title_el.get_text(" ")) if title_el is not None else None
    posts: list[Post] = []
    problems: list[ContentError] = []
    skipped: Counter = Counter()
    for el in soup.find_all("div", class_="tgme_widget_message"):
        if not el.has_attr("data-post"):
            continue
        if "service_message" in (el.get("class") or ()):
            skipped["service message"] += 1
            continue
        m = _POST.match((el.get("data-post") or "").strip())
        if not m:
            problems.append(ContentError(SOURCE, el.sourceline, f"data-post={el.get('data-post')!r} "
                                         "(expected <channel>/<number>, e.g. \"victory_archive/101\")"))
            continue
        try:
            post = _post(el, m.group(1), int(m.group(2)), title)
        except _Invalid as e:
            problems.append(ContentError(SOURCE, el.sourceline, f"post {m.group(0)}: {e}"))
            continue
        if post is None:
            skipped["empty post"] += 1
            continue
        post.item = len(posts) + 1
        posts.append(post)
    if problems:
        raise ContentErrors(problems)
    if posts and skipped:
        counts = [f"{n} {what}{'' if n == 1 else 's'}" for what, n in skipped.items()]
        posts[0].warnings.insert(0, f"skipped {', '.join(counts)} of this page (not posts)")
    return posts


class _Invalid(Exception):
    """One post's problem; parse adds the line and reports all of them at once."""


def _post(el: Tag, channel: str, n: int, title: str | None) -> Post | None:
    bubble = el.find("div", class_="tgme_widget_message_bubble") or el
    when, published = _date(el)
    forwarded = None
    fwd = bubble.find(class_="tgme_widget_message_forwarded_from")
    if fwd is not None:
        name = fwd.find(class_="tgme_widget_message_forwarded_from_name")
        forwarded = normalize_line((name or fwd).get_text("")) or None
        if name is None and forwarded:
            forwarded = re.sub(r"^Forwarded from\s*", "", forwarded) or None
    reply_to = None
    reply = bubble.find("a", class_="tgme_widget_message_reply")
    if reply is not None:
        quote = reply.find(class_="js-message_reply_text") or reply.find(class_="tgme_widget_message_text")
        reply_to = normalize_line(quote.get_text(" ")) if quote is not None else None
    # The post's own text: the bubble's direct text blocks (a reply quote uses the same class inside the
    # reply link), and those inside media_supported_cont when t.me shows only part of the post.
    blocks = [c for c in bubble.find_all("div", class_="tgme_widget_message_text", recursive=False)]
    for cont in bubble.find_all("div", class_="media_supported_cont", recursive=False):
        blocks += cont.find_all("div", class_="tgme_widget_message_text", recursive=False)
    runs: list[Span] = []
    for block in sorted(blocks, key=lambda b: (b.sourceline or 0, b.sourcepos or 0)):
        if runs:
            runs.append(Span("\n\n"))
        runs += spans.html_runs(block)
    paragraphs, tags = spans.paragraphs_and_tags_of(runs)
    photos, missing = _media(bubble)
    if not paragraphs and not tags and not photos and not missing:
        return None
    texts = [p.text for p in paragraphs]
    post = Post(
        paragraphs=paragraphs,
        source_name=forwarded or title or channel,
        source_kind=KIND,
        title=title_from(texts),
        date=when.date() if when else None,
        time=when.strftime("%H:%M") if when else None,
        tags=tags,
        photos=photos,
        missing_media=missing,
        url=f"https://t.me/{channel}/{n}",
        identity=f"telegram:{channel.lower()}/{n}",  # usernames are case-insensitive
        reply_to=reply_to or None,
        forwarded_from=forwarded,
        published=published,
    )
    post.commemorates = sorted({d for _, d in dates_in("\x00".join(texts)) if 1939 <= d.year <= 1945})
    if post.date is None:
        post.date, reason = infer_date(texts, tags)
        if reason:
            post.warnings.append(f"date {post.date.isoformat()} inferred: {reason}")
    for photo in photos:
        if photo.image is None and photo.url and not photo.url.startswith(("http://", "https://")):
            post.warnings.append(f"photo {photo.n}: {photo.url!r} is neither in the page's _files folder nor "
                                 "a web address; not copied")
    return post


def _date(el: Tag) -> tuple[dt.datetime | None, str | None]:
    """The post's time as t.me states it (UTC; the page script only changes the visible text)."""
    link = el.find("a", class_="tgme_widget_message_date")
    stamp = link.find("time") if link is not None else None
    if stamp is None or not stamp.get("datetime"):
        return None, None
    value = stamp["datetime"].strip()
    try:
        when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _Invalid(f"<time datetime={value[:40]!r}> (expected e.g. \"2023-04-25T10:59:00+00:00\")") from None
    return when, when.isoformat() if when.tzinfo else None


def _media(bubble: Tag) -> tuple[list[Photo], list[str]]:
    """Photos, local when the page was saved with its files, and what else the post carried."""
    photos, missing = [], []

    def note(what):
        if what and what not in missing:
            missing.append(what)

    for node in bubble.find_all(True):
        classes = set(node.get("class") or ())
        if "tgme_widget_message_photo_wrap" in classes:
            m = _BACKGROUND.search(node.get("style") or "")
            address = m.group(2).strip() if m else ""
            if not address:
                note("photo")
                continue
            local = saved_file(address)
            remote = "https:" + address if address.startswith("//") else address
            photos.append(Photo(n=len(photos) + 1, caption="", image=local,
                                url=None if local else remote))
        else:
            for cls in classes & MEDIA.keys():
                note(MEDIA[cls])
    return photos, missing
