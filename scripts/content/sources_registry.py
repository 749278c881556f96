"""The source registry, content/sources.yml: who each quoted source is, in each language (load, check,
and the importer's additions)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..files import write_atomic
from .model import LANGS, ContentError, ContentErrors
from .yaml_io import Mapping, load_yaml, read_text

# What a source is (the registry's `kind`); labels per language are in scripts/site/strings/citation.py.
SOURCE_TYPES = ("ministry", "embassy", "news-agency", "newspaper", "broadcaster", "organization", "person", "other")
PLATFORMS = ("telegram", "web")
KEYS = {
    "kind": f"what the source is: {', '.join(SOURCE_TYPES)}",
    "platform": f"where it publishes: {', '.join(PLATFORMS)}",
    "name": "its name in each language (en:, ru:, tr:)",
    "about": "who it is, a short phrase in each language (en:, ru:, tr:)",
    "url": "its address: the channel's t.me link, the site's home page",
    "handle": "its handle on the platform, e.g. '@MFARussia' (url: or handle: left empty: looked for, not known)",
}
URL_RE = re.compile(r"^https?://[^\s<>\"'`{}|\\^]+$")
PLATFORM_OF_KIND = {"telegram-web": "telegram", "telegram-json": "telegram", "telegram-html": "telegram",
                    "telegram-channel-html": "telegram", "telegram-channel-text": "telegram", "gallery-article": "web",
                    "news-article-html": "web"}


@dataclass(frozen=True)
class Source:
    """One quoted source. `written` is its name as the posts' meta.yml give it (source.name)."""

    written: str
    kind: str | None = None
    platform: str | None = None
    names: dict = field(default_factory=dict)  # lang -> name
    about: dict = field(default_factory=dict)  # lang -> who it is
    url: str | None = None
    handle: str | None = None
    line: int = 1
    declared: frozenset = frozenset()  # the keys the entry writes: 'url: null' says "looked for, not known"

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get(LANGS[0]) or self.written


def _per_lang(value, path, line, key, errors) -> dict:
    if value is None:
        return {}
    if not isinstance(value, dict):
        errors.append(ContentError(path, line, f"{key}: expected a mapping of language to text (en:, ru:, tr:)"))
        return {}
    out = {}
    for lang, text in value.items():
        if lang not in LANGS:
            errors.append(ContentError(path, value.key_lines.get(lang, line), f"{key}: unknown language '{lang}' (expected one of {', '.join(LANGS)})"))
        elif not isinstance(text, str) or not text.strip():
            errors.append(ContentError(path, value.key_lines.get(lang, line), f"{key}.{lang}: expected text"))
        else:
            out[lang] = text.strip()
    return out


def load_sources(path: Path, rel: str) -> dict[str, Source]:
    """{name as written: Source}; no file is an empty registry. Raises ContentErrors with every problem."""
    path = Path(path)
    if not path.exists():
        return {}
    data = load_yaml(read_text(path), rel)
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ContentError(rel, 1, "expected a mapping of source names (as meta.yml's source.name writes them) to their entries")
    errors: list[ContentError] = []
    out = {}
    for written, entry in data.items():
        line = data.key_lines[written]
        if not isinstance(entry, Mapping):
            errors.append(ContentError(rel, line, f"source '{written}': expected a mapping with {', '.join(KEYS)}"))
            continue
        kl = entry.key_lines
        for key in entry:
            if key not in KEYS:
                errors.append(ContentError(rel, kl[key], f"unknown key '{key}' (expected one of: {', '.join(KEYS)})"))
        kind, platform = entry.get("kind"), entry.get("platform")
        if kind is not None and kind not in SOURCE_TYPES:
            errors.append(ContentError(rel, kl["kind"], f"kind: '{kind}' (expected one of: {', '.join(SOURCE_TYPES)})"))
        if platform is not None and platform not in PLATFORMS:
            errors.append(ContentError(rel, kl["platform"], f"platform: '{platform}' (expected one of: {', '.join(PLATFORMS)})"))
        url = entry.get("url")
        if url is not None and not (isinstance(url, str) and URL_RE.match(url)):
            errors.append(ContentError(rel, kl["url"], f"url: '{url}' (expected an http:// or https:// address without spaces)"))
            url = None
        handle = entry.get("handle")
        if handle is not None and not isinstance(handle, str):
            errors.append(ContentError(rel, kl["handle"], "handle: expected text, e.g. '@MFARussia'"))
            handle = None
        out[str(written)] = Source(
            written=str(written), kind=kind, platform=platform,
            names=_per_lang(entry.get("name"), rel, kl.get("name", line), "name", errors),
            about=_per_lang(entry.get("about"), rel, kl.get("about", line), "about", errors),
            url=url, handle=handle, line=line, declared=frozenset(entry))
    if errors:
        raise ContentErrors(errors)
    return out


def registry_problems(sources: dict[str, Source], used: dict[str, str], rel: str) -> list[tuple[str, int | None, str]]:
    """(path, line, message) for what the registry lacks: a source a post quotes that it does not
    describe (`used`: name -> the first post's meta.yml), and the fields an entry leaves out."""
    out = []
    for name, where in sorted(used.items()):
        if name not in sources:
            out.append((where, None, f"source '{name}' is not in {rel} (expected an entry with its kind, name and "
                                     "about in each language, url and handle)"))
    for name, source in sorted(sources.items()):
        missing = [key for key, value in (("kind", source.kind), ("url", source.url), ("handle", source.handle))
                   if not value and not (key != "kind" and key in source.declared)]
        missing += [f"{key}.{lang}" for key, table in (("name", source.names), ("about", source.about))
                    for lang in LANGS if lang not in table]
        if missing:
            out.append((rel, source.line, f"source '{name}' has no {', '.join(missing)}"))
    return out


def add_sources(path: Path, found: dict[str, str]) -> list[str]:
    """The importer's additions: every source name not yet in the registry, with what the import knows
    (its platform); the rest is for an editor, and `check` lists it. Returns the names added.

    The file is edited as text, so the editors' comments and order stay; a new entry goes before the
    first entry (in the file's order) whose name sorts after it, so a sorted registry stays sorted and
    the result does not depend on the order of imports."""
    path = Path(path)
    text = read_text(path) if path.exists() else ""
    data = load_yaml(text, str(path)) if text.strip() else None
    key_lines = data.key_lines if isinstance(data, Mapping) else {}
    new = {name: {"platform": PLATFORM_OF_KIND[kind]} if kind in PLATFORM_OF_KIND else {}
           for name, kind in sorted(found.items()) if name not in key_lines}
    if not new:
        return []
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    before: dict[int, list[str]] = {}  # 0-based line of an existing key -> the blocks to insert above it
    in_order = sorted(key_lines.items(), key=lambda kv: kv[1])
    for name, fields in new.items():
        # The pure-Python emitter: libyaml's writes an emoji in a name as "\U0001F1F7" escapes.
        block = yaml.dump({name: fields}, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False)
        at = next((line - 1 for key, line in in_order if str(key) > name), len(lines))
        before.setdefault(at, []).append(block)
    out = []
    for i in range(len(lines) + 1):
        out += before.get(i, [])
        if i < len(lines):
            out.append(lines[i])
    write_atomic(path, "".join(out))
    return sorted(new)
