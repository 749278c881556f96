"""The content schema: every key of meta.yml, the language files' front matter, tags.yml and events.yml,
declared once with its type, its check and what is expected (as Material's plugin configs and Pelican's
metadata processors declare theirs). The loader converts through it, `check` reports what it finds, and
the README's format tables are printed from it (`format_table`), so the three agree.

Values arrive as YAML read without implicit types (content/yaml_io.py): every scalar is text or null, so
`time: 13:59` is the text "13:59" and `yes` is "yes"; a field that wants a number or a date converts it
here, with the line to blame."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .model import LANGS, ORIGINAL_LANGS, ContentError

SOURCE_KINDS = ("telegram-web", "telegram-html", "telegram-channel-html", "telegram-channel-text", "telegram-json",
                "gallery-article", "news-article-html", "manual")
MEDIA = ("video", "photo", "file", "audio")


class Problems:
    """Where values are read (a file, and the line of what is being read) and what was wrong with them."""

    def __init__(self, path):
        self.path = str(path)
        self.errors: list[ContentError] = []

    def add(self, line: int | None, problem: str) -> None:
        self.errors.append(ContentError(self.path, line, problem))


# --- value types ----------------------------------------------------------------------------------
# Each type has `expected` (what the message says) and `convert(value, name, line, problems)`, which
# returns the value as the program uses it, or None after adding a problem.

def _what(value) -> str:
    if value is None or value == "":
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(value))
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"  # one line, whatever the value holds


@dataclass(frozen=True)
class Text:
    expected: str = "text"
    allow_empty: bool = False

    def convert(self, value, name, line, problems):
        if isinstance(value, str) and (value.strip() or self.allow_empty):
            return value
        problems.add(line, f"{name}: {_what(value)} (expected {self.expected})")
        return None


@dataclass(frozen=True)
class Hashtag:
    expected: str = "a hashtag"

    def convert(self, value, name, line, problems):
        if isinstance(value, str) and value.strip().lstrip("#").strip():
            return value
        problems.add(line, f"{name}: {_what(value)} (expected {self.expected})")
        return None


@dataclass(frozen=True)
class Choice:
    choices: tuple
    expected: str = ""

    def convert(self, value, name, line, problems):
        if isinstance(value, str) and value in self.choices:
            return value
        problems.add(line, f"{name}: {_what(value)} (expected one of: {', '.join(self.choices)})")
        return None


@dataclass(frozen=True)
class Language:
    langs: tuple = LANGS
    expected: str = "a language code"

    def convert(self, value, name, line, problems):
        if isinstance(value, str) and value in self.langs:
            return value
        problems.add(line, f"{name}: unknown language {_what(value)} (expected one of {', '.join(self.langs)})")
        return None


@dataclass(frozen=True)
class Date:
    expected: str = "a date, YYYY-MM-DD"

    def convert(self, value, name, line, problems):
        if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        problems.add(line, f"{name}: {_what(value)} is not a date (expected YYYY-MM-DD)")
        return None


@dataclass(frozen=True)
class Number:
    minimum: int = 1
    expected: str = "a whole number"

    def convert(self, value, name, line, problems):
        if isinstance(value, str) and re.fullmatch(r"\d{1,9}", value.strip()) and int(value) >= self.minimum:
            return int(value)
        problems.add(line, f"{name}: {_what(value)} (expected a whole number from {self.minimum})")
        return None


def is_web_address(value) -> bool:
    """An http or https address with a host and no character a URL may not hold unescaped."""
    if not isinstance(value, str) or not re.fullmatch(r"https?://[^\s<>\"'`{}|\\^]+", value.strip()):
        return False
    try:
        return bool(urlsplit(value.strip()).netloc)
    except ValueError:  # a malformed IPv6 host
        return False


@dataclass(frozen=True)
class Url:
    expected: str = "an http or https address"

    def convert(self, value, name, line, problems):
        if is_web_address(value):
            return value.strip()
        problems.add(line, f"{name}: {_what(value)} (expected the original's http:// or https:// address, e.g. https://t.me/channel/123)")
        return None


@dataclass(frozen=True)
class Month:
    expected: str = "a month or a day, YYYY-MM or YYYY-MM-DD"

    def convert(self, value, name, line, problems):
        m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value.strip()) if isinstance(value, str) else None
        if m:
            try:
                dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
                return value.strip()
            except ValueError:
                pass
        problems.add(line, f"{name}: {_what(value)} is not a month or a day (expected YYYY-MM or YYYY-MM-DD, e.g. '2026-12')")
        return None


@dataclass(frozen=True)
class Flag:
    expected: str = "true or false"

    def convert(self, value, name, line, problems):
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        problems.add(line, f"{name}: {_what(value)} (expected true while the translation is being written, or no {name} line)")
        return None


@dataclass(frozen=True)
class Rights:
    """A rights statement URI the archive knows (content/rights.py: rightsstatements.org, Creative Commons)."""
    expected: str = "a rights statement URI"

    def convert(self, value, name, line, problems):
        from .rights import problem

        why = problem(value) if isinstance(value, str) else f"{_what(value)} (expected a rights statement URI)"
        if why is None:
            return value
        problems.add(line, f"{name}: {why}")
        return None


def inference_reasons(value) -> tuple[dict | None, str | None]:
    """date_inferred as {lang: reason}: a plain sentence is the importer's, in English; a mapping gives
    the reason in each language. (reasons, problem)."""
    if isinstance(value, str):
        return ({LANGS[0]: value.strip()} if value.strip() else None), None
    if isinstance(value, dict):
        bad = [str(k) for k in value if k not in LANGS]
        if bad:
            return None, f"unknown language '{bad[0]}' (expected a sentence, or one per language: {', '.join(LANGS)})"
        empty = [k for k, v in value.items() if not isinstance(v, str) or not v.strip()]
        if empty:
            return None, f"no reason in '{empty[0]}' (expected a sentence)"
        return {k: v.strip() for k, v in value.items()}, None
    return None, "expected a sentence, or one per language (en:, ru:, tr:)"


@dataclass(frozen=True)
class Reasons:
    """Why a date was inferred: one sentence (the importer's English), or one per language."""
    expected: str = "a sentence, or one per language (en:, ru:, tr:)"

    def convert(self, value, name, line, problems):
        reasons, problem = inference_reasons(value)
        if problem:
            problems.add(line, f"{name}: {problem}" if "(expected" in problem else f"{name}: {_what(value)} ({problem})")
        return reasons


@dataclass(frozen=True)
class Localized:
    """Text that is the same in every language, or a mapping of en/ru/tr to text."""
    expected: str = "text, or a mapping of en/ru/tr to text"

    def convert(self, value, name, line, problems):
        if isinstance(value, str) and value.strip():
            return {"": value}
        if isinstance(value, dict) and value:
            out = {}
            for lang, text in value.items():
                at = _line(value, lang, line)
                if lang not in LANGS:
                    problems.add(at, f"{name}: unknown language '{lang}' (expected one of: {', '.join(LANGS)})")
                elif not isinstance(text, str) or not text.strip():
                    problems.add(at, f"{name}.{lang}: {_what(text)} (expected text)")
                else:
                    out[lang] = text
            return out or None
        problems.add(line, f"{name}: {_what(value)} (expected {self.expected})")
        return None


@dataclass(frozen=True)
class ListOf:
    item: object
    expected: str = "a list"
    in_place: bool = False  # a wrong item leaves None in its place, so that the others keep their numbers

    def convert(self, value, name, line, problems):
        if not isinstance(value, list):
            problems.add(line, f"{name}: {_what(value)} (expected a list, e.g. [a, b], of {self.item.expected})")
            return None
        out = []
        for i, item in enumerate(value):
            at = getattr(value, "item_lines", {}).get(i, line)
            converted = self.item.convert(item, f"{name} item {i + 1}", at, problems)
            if converted is not None or self.in_place:
                out.append(converted)
        return out


@dataclass(frozen=True)
class MapOf:
    key: object
    value: object
    expected: str = "a mapping"

    def convert(self, value, name, line, problems):
        if not isinstance(value, dict):
            problems.add(line, f"{name}: {_what(value)} (expected a mapping of {self.key.expected} to {self.value.expected})")
            return None
        out = {}
        for k, v in value.items():
            at = _line(value, k, line)
            key = self.key.convert(k, f"{name} key", at, problems)
            converted = self.value.convert(v, f"{name} {k}", at, problems)
            if key is not None and converted is not None:
                out[key] = converted
        return out


@dataclass(frozen=True)
class Field:
    name: str
    type: object
    help: str
    required: bool = False


@dataclass(frozen=True)
class Record:
    """A mapping with declared keys: unknown keys and missing required ones are problems."""
    fields: tuple
    expected: str = "a mapping"
    by_name: dict = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})

    def convert(self, value, name, line, problems):
        if not isinstance(value, dict):
            keys = ", ".join(f.name for f in self.fields)
            problems.add(line, f"{name + ': ' if name else ''}{_what(value)} (expected a mapping with {keys})")
            return None
        out = {}
        prefix = f"{name}." if name else ""
        for key, v in value.items():
            at = _line(value, key, line)
            spec = self.by_name.get(key)
            if spec is None:
                problems.add(at, f"unknown key '{prefix}{key}' (expected one of: {', '.join(self.by_name)})")
                continue
            if v is None or v == "":
                continue  # an empty value is no value (`date:` with nothing after it, `agency: ''`)
            converted = spec.type.convert(v, f"{prefix}{key}", at, problems)
            if converted is not None:
                out[key] = converted
        for spec in self.fields:
            if spec.required and value.get(spec.name) in (None, ""):
                problems.add(line, f"missing {prefix}{spec.name} (expected {spec.help})")
        return out


def _line(mapping, key, default):
    return getattr(mapping, "key_lines", {}).get(key, default)


# --- the schema -----------------------------------------------------------------------------------

GALLERY_ITEM = Record((
    Field("agency", Text(), "the agency or archive that holds the photo"),
    Field("photographer", Localized(), "the photographer: one name, or {en: ..., ru: ..., tr: ...}"),
    Field("rights", Rights(), "the photo's rights statement: a rightsstatements.org or creativecommons.org URI"),
    Field("image", Text(expected="a file name in the post's folder"), "the image file beside meta.yml"),
    Field("file", Text(expected="a file name in the post's folder"),
          "a picture the site does not show (HEIC, SVG) beside meta.yml: offered to download, never shown"),
    Field("url", Url(), "the photo's web address, where the copy did not capture the image (http or https)"),
), expected="a mapping with agency, photographer, rights, image, file, url")

SOURCE = Record((
    Field("name", Text(), "whose words these are: a channel, a publication", required=True),
    Field("kind", Choice(SOURCE_KINDS), "how the copy was saved: " + " | ".join(SOURCE_KINDS), required=True),
    Field("raw", Text(expected="a path under content/"), "the archived raw file, e.g. sources/000_x.txt"),
    Field("item", Number(), "which item of that file, from 1"),
    Field("url", Url(), "the original's address (http or https)"),
    Field("identity", Text(), "set by the importer: the source item (telegram:<channel>/<message>, web:<address>, or file:<raw>#<item>)"),
))

META = Record((
    Field("date", Date(), "the day the source published the post, YYYY-MM-DD; omit if unknown"),
    Field("date_inferred", Reasons(), "why the date was inferred, when the source did not state it: a sentence, "
          "or one per language (en:, ru:, tr:)"),
    Field("time", Text(), "the time the source gives, e.g. 13:59 GMT"),
    Field("source", SOURCE, "name, kind, raw (and optionally item, url)", required=True),
    Field("lang", Language(ORIGINAL_LANGS), "the language of the original text: " + ", ".join(LANGS)
          + " (or " + ", ".join(ORIGINAL_LANGS[len(LANGS):]) + ": shown untranslated until translated)", required=True),
    Field("tags", ListOf(Hashtag()), "hashtags as written, or tag slugs"),
    Field("commemorates", ListOf(Date()), "historical dates the post remembers, YYYY-MM-DD"),
    Field("missing_media", ListOf(Choice(MEDIA)), "media the copy did not capture: " + ", ".join(MEDIA)),
    Field("gallery", ListOf(GALLERY_ITEM, in_place=True), "photos in order: agency, photographer, rights, image, file, url"),
    Field("rights", Rights(), "the rights statement of the post's text: a rightsstatements.org or creativecommons.org URI"),
    Field("fingerprint", Text(), "set by the importer: how a later import recognizes this post"),
))

TRANSLATION_METHODS = {"hand": "translated by a person", "machine-reviewed": "a machine draft reviewed by a person"}

FRONT_MATTER = Record((
    Field("title", Text(), "'title: ...' in the front matter", required=True),
    Field("captions", MapOf(Number(), Text(allow_empty=True, expected="text")), "gallery posts: photo number -> caption"),
    Field("translation_of", Language(), "translations only: the original's language"),
    Field("original_hash", Text(), "translations only: the hash of the original they were made from"),
    Field("translated_by", Text(expected="a name, or 'volunteer' / 'volunteers' (the archive's volunteers)"),
          "translations only: who made it, a name or volunteer / volunteers"),
    Field("translated_on", Month(), "translations only: when, YYYY-MM or YYYY-MM-DD"),
    Field("translation_method", Choice(tuple(TRANSLATION_METHODS)), "translations only: how, "
          + " or ".join(f"{k} ({v})" for k, v in TRANSLATION_METHODS.items())),
    Field("draft", Flag(), "true while a translation `translate` started is being written (the page shows the original)"),
))

TAG = Record((
    Field("label", Localized(), "the label: one for all languages, or {en: ..., ru: ..., tr: ...}"),
    Field("aliases", ListOf(Hashtag()), "hashtags that mean this tag"),
), expected="a mapping with label and aliases")

EVENT = Record((
    Field("date", Date(), "the historical date, YYYY-MM-DD", required=True),
    Field("name", Localized(), "the event's name: {en: ..., ru: ..., tr: ...}", required=True),
), expected="a mapping with date and name")


def format_table(record: Record, prefix: str = "") -> str:
    """A Markdown table of a record's keys (nested records inline), for the README."""
    rows = []

    def walk(rec, pre):
        for f in rec.fields:
            item = f.type.item if isinstance(f.type, ListOf) else None
            rows.append(f"| `{pre}{f.name}` | {'yes' if f.required else ''} | {f.help} |")
            if isinstance(f.type, Record):
                walk(f.type, f"{pre}{f.name}.")
            elif isinstance(item, Record):
                walk(item, f"{pre}{f.name}[].")

    walk(record, prefix)
    return "| key | required | what it holds |\n|---|---|---|\n" + "\n".join(rows) + "\n"
