"""Parse a Telegram Desktop export (result.json of one chat, or of the whole account) into posts."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter

from ..content.model import ContentError, ContentErrors, Photo, Post
from ..text.dates import dates_in
from . import spans
from .common import infer_date, title_from
from .telegram_entities import runs_from_entities

KIND = "telegram-json"
# parse() has no path: its errors name the export's usual file name, and importer.parse_source
# puts the real path in their place.
SOURCE = "result.json"
EXPECTED = "expected a Telegram Desktop result.json"
_TOP_KEY = re.compile(r'"(?:messages|chats)"\s*:')
# What Telegram Desktop writes instead of a path when the export settings left the file out.
NOT_INCLUDED = re.compile(r"^\(File (?:not included|exceeds maximum size)\b.*\)$", re.DOTALL)
# What an attachment that is not a photo leaves missing on the site; None: nothing worth recording.
MEDIA_TYPES = {"video_file": "video", "video_message": "video", "animation": "video",
               "audio_file": "file", "voice_message": "file", "sticker": None}


class _Invalid(Exception):
    """One message's problem; parse() adds the line and reports all of them at once."""


def looks_like(text: str) -> bool:
    """A JSON object with a "messages" or "chats" key. Not parsed here, so that a broken export
    gets parse()'s 'not valid JSON' error with its line rather than 'unrecognized format'."""
    return text.lstrip("\ufeff \t\r\n").startswith("{") and bool(_TOP_KEY.search(text))


def parse(text: str) -> list[Post]:
    """One post per message, in export order. Service messages (joins, pins, title changes) and
    messages with neither text nor media are skipped; how many is said in a warning on the first post.
    A text-less message that only adds media at the same second as the post before it, from the same
    source, is the rest of that post's album: its photos join that post."""
    data = _load(text)
    posts: list[Post] = []
    skipped: Counter = Counter()
    problems: list[tuple[int, str]] = []  # (message number, problem), in document order
    number = 0  # the message's position in the export, counted over every chat, from 1
    for chat_name, messages, chat_id in _chats(data, text):
        last = None  # ((date, source), post) of the previous post in this chat, for albums
        for msg in messages:
            number += 1
            if not isinstance(msg, dict):
                problems.append((number, f"message {number} is {_json_type(msg)} (expected an object)"))
                continue
            kind = msg.get("type", "message")
            if kind != "message":
                skipped[f"{kind} message" if isinstance(kind, str) else "message of no known type"] += 1
                last = None
                continue
            try:
                post = _post(msg, chat_name)
            except _Invalid as e:
                problems.append((number, f"{_named(number, msg)}: {e}"))
                continue
            if post is None:
                skipped["empty message"] += 1
                continue
            # The message's identity: its chat (the export's numeric id, else its name) and its number.
            post.identity = f"telegram:{chat_id if chat_id is not None else chat_name}/{msg.get('id')}"
            key = (msg.get("date"), post.source_name)
            if last and last[0] == key and not post.paragraphs and not post.tags:
                album = last[1]
                album.photos += [Photo(n=len(album.photos) + i, caption="", image=p.image)
                                 for i, p in enumerate(post.photos, 1)]
                album.missing_media += [m for m in post.missing_media if m not in album.missing_media]
                continue
            posts.append(post)
            last = (key, post)
    if problems:
        lines = _message_lines(text, "messages" in data, number)
        raise ContentErrors([ContentError(SOURCE, lines[n - 1] if lines else None, problem) for n, problem in problems])
    if posts and skipped:
        counts = [f"{n} {what}{'' if n == 1 else 's'}" for what, n in skipped.items()]
        posts[0].warnings.insert(0, f"skipped {', '.join(counts)} of this export (not posts)")
    return posts


def _load(text: str):
    try:
        return json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as e:
        raise ContentError(SOURCE, e.lineno, f"not valid JSON: {e.msg} at column {e.colno} ({EXPECTED})") from None
    except (ValueError, RecursionError) as e:
        raise ContentError(SOURCE, 1, f"not valid JSON: {e} ({EXPECTED})") from None


def _chats(data, text: str) -> list[tuple[str | None, list, int | None]]:
    """(chat name, messages, chat id) of a one-chat export, or of every chat in a whole-account export."""
    if not isinstance(data, dict):
        raise ContentError(SOURCE, 1, f"the JSON is {_json_type(data)} ({EXPECTED}: an object with 'messages')")
    if "messages" in data:
        chats, key = [data], "messages"
    elif isinstance(data.get("chats"), dict) and isinstance(data["chats"].get("list"), list):
        chats, key = data["chats"]["list"], "chats"
    else:
        raise ContentError(SOURCE, _key_line(text, "chats"),
                           f"no 'messages' list and no 'chats' with a 'list' ({EXPECTED})")
    out = []
    for chat in chats:
        if not isinstance(chat, dict) or not isinstance(chat.get("messages"), list):
            what = f"'messages' is {_json_type(chat.get('messages'))}" if isinstance(chat, dict) else f"a chat is {_json_type(chat)}"
            raise ContentError(SOURCE, _key_line(text, key),
                               f"{what} ({EXPECTED}: each chat an object with name, type, id and a 'messages' list)")
        name = chat.get("name")
        chat_id = chat.get("id") if isinstance(chat.get("id"), int) and not isinstance(chat.get("id"), bool) else None
        out.append((name.strip() if isinstance(name, str) and name.strip() else None, chat["messages"], chat_id))
    return out


def _named(number: int, msg: dict) -> str:
    """'message 3 (id 17)': a message by its position in the export, and by its id where it has one."""
    msg_id = msg.get("id")
    return f"message {number} (id {msg_id})" if isinstance(msg_id, int) and not isinstance(msg_id, bool) else f"message {number}"


def _post(msg: dict, chat_name: str | None) -> Post | None:
    msg_id = msg.get("id")
    if not isinstance(msg_id, int) or isinstance(msg_id, bool):
        found = f"'id' is {_json_type(msg_id)}" if "id" in msg else "no 'id'"
        raise _Invalid(f"{found} (expected the message's number, e.g. \"id\": 17)")
    raw = msg["text"] if "text" in msg else msg.get("text_entities", "")
    if isinstance(msg.get("text_entities"), list) and isinstance(raw, (str, list)):
        raw = msg["text_entities"]  # the same text, with every entity's marks and link targets
    _check_text(raw)  # its shape, with the message's number in the problem
    try:
        paragraphs, unique_tags = spans.paragraphs_and_tags_of(runs_from_entities(raw if raw is not None else ""))
    except ValueError as e:
        raise _Invalid(str(e)) from None
    texts = [p.text for p in paragraphs]
    photos, missing = _media(msg)
    if not texts and not unique_tags and not photos and not missing:
        return None
    source = _text_field(msg, "forwarded_from") or chat_name or _text_field(msg, "from") or "Unknown channel"
    post = Post(
        paragraphs=paragraphs,
        source_name=source,
        source_kind=KIND,
        title=title_from(texts),
        tags=unique_tags,
        photos=photos,
        missing_media=missing,
        item=msg_id,
    )
    post.commemorates = sorted({d for t in texts for _, d in dates_in(t) if 1939 <= d.year <= 1945})
    stamp = msg.get("date")
    unix = msg.get("date_unixtime")
    if stamp is None and isinstance(unix, (str, int)) and str(unix).isdigit():
        stamp = dt.datetime.fromtimestamp(int(unix), dt.timezone.utc).replace(tzinfo=None).isoformat()
    if stamp is None:
        post.date, reason = infer_date(texts, unique_tags)
        if reason:
            post.warnings.append(f"date {post.date.isoformat()} inferred: {reason}")
    else:
        try:
            when = dt.datetime.fromisoformat(stamp) if isinstance(stamp, str) else None
        except ValueError:
            when = None
        if when is None:
            raise _Invalid(f"'date' is {json.dumps(stamp, ensure_ascii=False)[:40]} (expected e.g. \"2023-04-25T10:15:00\")")
        post.date, post.time = when.date(), when.strftime("%H:%M")
    return post


def _check_text(raw) -> None:
    """A message's text is a string, or a list of strings and entities with a 'text' string; _Invalid
    otherwise (raised here, so that the problem names the message)."""
    if raw is None or isinstance(raw, str):
        return
    if not isinstance(raw, list):
        raise _Invalid(f"'text' is {_json_type(raw)} (expected a string, or a list of strings and entities)")
    for part in raw:
        if not (isinstance(part, str) or isinstance(part, dict) and isinstance(part.get("text"), str)):
            raise _Invalid(f"a text entity is {_json_type(part)} (expected a string or an object with a 'text' string)")


def _media(msg: dict) -> tuple[list[Photo], list[str]]:
    """Photos with their path as in the export, and what else the message carried that the site lacks.
    Only photos are copied: any other file is recorded as missing (video, or file), stickers not at all."""
    photos, missing = [], []

    def note(what):
        if what and what not in missing:
            missing.append(what)

    photo = _text_field(msg, "photo")
    if photo:
        if NOT_INCLUDED.match(photo):
            note("photo")
        else:
            photos.append(Photo(n=1, caption="", image=photo))
    file = _text_field(msg, "file")
    if file:
        media_type = _text_field(msg, "media_type")
        # A picture sent as a document ("without compression") is still a photo of the post.
        if media_type is None and str(msg.get("mime_type", "")).startswith("image/"):
            if NOT_INCLUDED.match(file):
                note("photo")
            else:
                photos.append(Photo(n=len(photos) + 1, caption="", image=file))
        else:
            note(MEDIA_TYPES.get(media_type, "file"))
    return photos, missing


def _text_field(msg: dict, key: str) -> str | None:
    value = msg.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Invalid(f"'{key}' is {_json_type(value)} (expected a string)")
    return value.strip() or None


def _json_type(value) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")


def _key_line(text: str, key: str) -> int:
    m = re.search(rf'"{key}"\s*:', text)
    return text.count("\n", 0, m.start()) + 1 if m else 1


def _message_lines(text: str, top_level: bool, count: int) -> list[int]:
    """The line where each message object starts, in document order over every chat read: the export's
    structure walked with the standard decoder (json.loads keeps no positions). `top_level`: the messages
    are the export's own 'messages' (else those of 'chats'/'list'). [] when the walk does not find the
    `count` messages parse() read (a repeated key, say): errors then name messages by number only."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    counted = [0, 1]  # position and line reached, so that lines are counted once

    def skip(i: int) -> int:
        while text[i] in " \t\r\n":
            i += 1
        return i

    def is_messages(path: tuple) -> bool:
        if top_level:
            return path == ("messages",)
        return len(path) == 4 and path[:2] == ("chats", "list") and path[3] == "messages"

    def walk(i: int, path: tuple) -> int:
        i = skip(i)
        if text[i] == "{":
            i = skip(i + 1)
            while text[i] != "}":
                key, i = decoder.raw_decode(text, i)
                i = skip(i)
                if text[i] != ":":
                    raise ValueError(i)
                i = skip(walk(i + 1, path + (key,)))
                i = skip(i + 1) if text[i] == "," else i
            return i + 1
        if text[i] == "[":
            i, n = skip(i + 1), 0
            while text[i] != "]":
                if is_messages(path):
                    counted[1] += text.count("\n", counted[0], i)
                    counted[0] = i
                    lines.append(counted[1])
                i, n = skip(walk(i, path + (n,))), n + 1
                i = skip(i + 1) if text[i] == "," else i
            return i + 1
        return decoder.raw_decode(text, i)[1]

    try:
        walk(1 if text.startswith("\ufeff") else 0, ())
    except (ValueError, IndexError, RecursionError):
        return []
    return lines if len(lines) == count else []
