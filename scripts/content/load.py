"""Load and validate content/: posts (meta.yml + one Markdown file per language) and the tag registry."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .. import parallel
from ..text.hashtags import hashtags
from ..text.slugs import slugify
from .events import load_events
from .fields import parse_date
from .images import IMAGE_SUFFIXES, display_size
from .model import (
    DEFAULT_LANG,
    LANGS,
    ContentError,
    ContentErrors,
    Entry,
    GalleryItem,
    Version,
)
from .tags import TagRegistry, load_tags
from .yaml_io import Mapping, load_yaml, read_text, split_front_matter

META_KEYS = {
    "date": "the day the source published the post, YYYY-MM-DD",
    "date_inferred": "why the date was inferred, when the source did not state it: a sentence, or one per language (en:, ru:, tr:)",
    "time": "the time the source gives, e.g. '13:59 GMT'",
    "source": "name, kind, raw (and optionally item, url)",
    "lang": "the language of the original text: en, ru or tr",
    "tags": "a list of hashtags or tag slugs",
    "commemorates": "a list of historical dates, YYYY-MM-DD",
    "missing_media": "a list of media the copy did not capture: video, photo, file",
    "gallery": "a list of photos: agency, photographer, rights, image",
    "fingerprint": "set by the importer: recognizes the same text on a later import",
}
SOURCE_KEYS = {"name", "kind", "raw", "item", "url"}
SOURCE_KINDS = {"telegram-web", "gallery-article", "telegram-json", "manual"}
GALLERY_KEYS = {"agency", "photographer", "rights", "image"}
MEDIA = {"video", "photo", "file"}
FRONT_KEYS = {"title", "captions", "translation_of", "original_hash"}
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")


@dataclass(frozen=True)
class Content:
    entries: tuple[Entry, ...]
    tags: dict  # slug -> Tag, the registry's and every tag a post uses
    root: Path
    registry: "TagRegistry"
    events: tuple = ()  # Event, by date


def text_hash(version_text: str) -> str:
    """The hash a translation records of its original, so a changed original shows the translation is stale."""
    return hashlib.sha256(version_text.strip().encode("utf-8")).hexdigest()[:12]


def original_text(version: Version) -> str:
    """What a translation translates: title, captions and body of the original."""
    caps = "\n".join(f"{k}: {v}" for k, v in sorted(version.captions.items()))
    return f"{version.title}\n{caps}\n{version.body}"


# --- tags ------------------------------------------------------------------------------------------


# --- posts -----------------------------------------------------------------------------------------


def _entry(fields: dict, tag_names: list[str], registry: TagRegistry) -> Entry:
    """An Entry from what read_entry found, its hashtags resolved in the order they were written."""
    tags = []
    for name in tag_names:
        tag = registry.resolve(name)
        if tag not in tags:
            tags.append(tag)
    return Entry(tags=tuple(tags), **fields)


_FINGERPRINT = re.compile(r"^fingerprint:\s*'?([0-9a-f]+)'?\s*$", re.M)
def read_entry(folder: Path, root: Path, raw_files: dict | None = None) -> tuple[dict, list[str], tuple[str, int] | None]:
    """Read and check one post folder without resolving its hashtags (so folders can be read in any
    order, or in other processes): (the Entry's other fields, its hashtags in order, (fingerprint,
    line) or None). Raises ContentErrors with every problem found in it. `raw_files` remembers which
    archived raw sources exist, for a load that reads many folders (many posts share one source)."""
    raw_files = {} if raw_files is None else raw_files
    errors: list[ContentError] = []
    rel = Path(root.name) / "posts" / folder.name
    meta_path = rel / "meta.yml"
    post_id = folder.name
    if not ID_RE.match(post_id):
        errors.append(ContentError(rel, None, f"post id '{post_id}' is not a lowercase slug (expected letters a-z, digits and '-', e.g. '{slugify(post_id)}')"))
    names = os.listdir(folder)
    if "meta.yml" not in names:
        raise ContentErrors(errors + [ContentError(meta_path, None, "missing meta.yml (expected each post folder to hold meta.yml and one <lang>.md per language)")])
    meta_text = read_text(folder / "meta.yml")
    meta = load_yaml(meta_text, meta_path)
    if not isinstance(meta, Mapping):
        raise ContentErrors(errors + [ContentError(meta_path, 1, "meta.yml must be a mapping of keys to values (expected 'date: ...', 'source: ...')")])
    kl = meta.key_lines
    for key in meta:
        if key not in META_KEYS:
            errors.append(ContentError(meta_path, kl[key], f"unknown key '{key}' (expected one of: {', '.join(META_KEYS)})"))

    date = None
    if meta.get("date") is not None:
        try:
            date = parse_date(meta["date"], meta_path, kl["date"], "date")
        except ContentError as e:
            errors.append(e)
    reasons = None
    if meta.get("date_inferred") is not None:
        reasons, problem = inference_reasons(meta["date_inferred"])
        if problem:
            errors.append(ContentError(meta_path, kl["date_inferred"], f"date_inferred: {problem}"))
    lang = meta.get("lang")
    lang_ok = lang in LANGS
    if not lang_ok:
        errors.append(ContentError(meta_path, kl.get("lang", 1), f"lang: unknown language '{lang}' (expected one of {', '.join(LANGS)})"))
    source = meta.get("source")
    if not isinstance(source, dict) or not source.get("name"):
        errors.append(ContentError(meta_path, kl.get("source", 1), "source: missing or without a name (expected name:, kind:, raw:)"))
        source = {"name": "?", "kind": "manual"}
    else:
        for key in source:
            if key not in SOURCE_KEYS:
                errors.append(ContentError(meta_path, source.key_lines[key], f"unknown key 'source.{key}' (expected one of: {', '.join(sorted(SOURCE_KEYS))})"))
        if source.get("kind") not in SOURCE_KINDS:
            errors.append(ContentError(meta_path, source.key_lines.get("kind", source.line), f"source.kind: '{source.get('kind')}' (expected one of: {', '.join(sorted(SOURCE_KINDS))})"))
        raw = source.get("raw")
        if raw is not None and str(raw) not in raw_files:
            raw_files[str(raw)] = (root / str(raw)).is_file()
        if raw is not None and not raw_files[str(raw)]:
            errors.append(ContentError(meta_path, source.key_lines.get("raw", source.line), f"source.raw: no file content/{raw} (expected the archived raw source under content/sources/)"))
    raw_tags = meta.get("tags") or []
    if not isinstance(raw_tags, list):
        errors.append(ContentError(meta_path, kl.get("tags", 1), "tags: expected a list, e.g. [Victory78, May9]"))
        raw_tags = []
    tag_names = [str(t) for t in raw_tags]
    commemorates = []
    for d in meta.get("commemorates") or []:
        try:
            commemorates.append(parse_date(d, meta_path, kl.get("commemorates", 1), "commemorates"))
        except ContentError as e:
            errors.append(e)
    missing = meta.get("missing_media") or []
    for m in missing:
        if m not in MEDIA:
            errors.append(ContentError(meta_path, kl.get("missing_media", 1), f"missing_media: '{m}' (expected one of: {', '.join(sorted(MEDIA))})"))
    gallery = []
    for n, item in enumerate(meta.get("gallery") or [], 1):
        if not isinstance(item, dict):
            errors.append(ContentError(meta_path, kl.get("gallery", 1), f"gallery item {n}: expected a mapping with agency, photographer, rights, image"))
            continue
        for key in item:
            if key not in GALLERY_KEYS:
                errors.append(ContentError(meta_path, item.key_lines[key], f"unknown key '{key}' in gallery item {n} (expected one of: {', '.join(sorted(GALLERY_KEYS))})"))
        ph = item.get("photographer")
        names_by_lang = {"": str(ph)} if isinstance(ph, str) else dict(ph or {})
        for key in names_by_lang:
            if key and key not in LANGS:
                errors.append(ContentError(meta_path, item.line, f"gallery item {n}: photographer in unknown language '{key}'"))
        image, size = item.get("image"), None
        if image is not None:
            image = str(image)
            if "/" in image or "\\" in image or image.startswith(".") or not image.lower().endswith(IMAGE_SUFFIXES):
                errors.append(ContentError(meta_path, item.key_lines.get("image", item.line), f"gallery item {n}: image '{image}' (expected a file name in the post's folder ending in {', '.join(IMAGE_SUFFIXES)})"))
                image = None
            elif not (folder / image).is_file():
                errors.append(ContentError(meta_path, item.key_lines.get("image", item.line), f"gallery item {n}: no file {image} in {rel} (expected the image beside meta.yml)"))
                image = None
            else:
                size = display_size(folder / image)
        gallery.append(GalleryItem(n=n, agency=item.get("agency"), photographer=names_by_lang, rights=item.get("rights"),
                                   image=image, width=size[0] if size else None, height=size[1] if size else None))

    versions = {}
    for name in sorted(name for name in names if name.endswith(".md")):
        md_rel = rel / name
        stem = name[:-3]
        if stem not in LANGS:
            errors.append(ContentError(md_rel, None, f"unknown language file '{name}' (expected one of: {', '.join(l + '.md' for l in LANGS)})"))
            continue
        try:
            front, body, body_line = split_front_matter(read_text(folder / name), md_rel)
        except ContentError as e:
            errors.append(e)
            continue
        if stem != lang and not str(front.get("title") or "").strip() and not body.strip() and not front.get("captions"):
            continue  # a scaffolded translation nobody has written yet: the page shows the original
        for key in front:
            if key not in FRONT_KEYS:
                errors.append(ContentError(md_rel, front.key_lines[key], f"unknown key '{key}' (expected one of: {', '.join(sorted(FRONT_KEYS))})"))
        title = front.get("title")
        if not isinstance(title, str) or not title.strip():
            errors.append(ContentError(md_rel, front.key_lines.get("title", 1), "missing title (expected 'title: ...' in the front matter)"))
            title = post_id
        captions = {}
        for k, v in (front.get("captions") or {}).items():
            if not isinstance(k, int) or not 1 <= k <= len(gallery):
                errors.append(ContentError(md_rel, front["captions"].key_lines.get(k, 1), f"caption {k}: no such photo (expected a number from 1 to {len(gallery)})"))
                continue
            captions[k] = str(v)
        translation_of = front.get("translation_of")
        if not lang_ok:
            pass
        elif stem == lang and translation_of:
            errors.append(ContentError(md_rel, front.key_lines["translation_of"], f"the original ({lang}.md, per meta.yml lang) cannot be a translation"))
        elif stem != lang and translation_of is not None and translation_of != lang:
            errors.append(ContentError(md_rel, front.key_lines["translation_of"], f"translation_of: '{translation_of}' (expected '{lang}', the original's language)"))
        versions[stem] = Version(lang=stem, title=title.strip(), body=body, captions=captions,
                                 path=str(md_rel), translation_of=lang if stem != lang else None,
                                 original_hash=front.get("original_hash"), body_line=body_line)
    if lang_ok and lang not in versions and not any(e.path == str(rel / f"{lang}.md") for e in errors):
        errors.append(ContentError(rel / f"{lang}.md", None, f"missing the original text (meta.yml says lang: {lang}; expected {lang}.md)"))
    if errors:
        raise ContentErrors(errors)
    for v in versions.values():
        tag_names += hashtags(v.body)
    m = _FINGERPRINT.search(meta_text)
    fingerprint = (m.group(1), meta_text[: m.start()].count("\n") + 1) if m else None
    fields = dict(id=post_id, path=str(rel), lang=lang, source=dict(source), versions=versions, date=date,
                  date_inferred=reasons, time=meta.get("time"),
                  commemorates=tuple(sorted(commemorates)), missing_media=tuple(missing), gallery=tuple(gallery))
    return fields, tag_names, fingerprint


def inference_reasons(value) -> tuple[dict | None, str | None]:
    """date_inferred as {lang: reason}: a plain sentence is the importer's, in English; a mapping gives
    the reason in each language. (reasons, problem)."""
    if isinstance(value, str):
        return ({DEFAULT_LANG: value.strip()} if value.strip() else None), None
    if isinstance(value, dict):
        bad = [str(k) for k in value if k not in LANGS]
        if bad:
            return None, f"unknown language '{bad[0]}' (expected a sentence, or one per language: {', '.join(LANGS)})"
        empty = [k for k, v in value.items() if not isinstance(v, str) or not v.strip()]
        if empty:
            return None, f"no reason in '{empty[0]}' (expected a sentence)"
        return {k: v.strip() for k, v in value.items()}, None
    return None, "expected a sentence, or one per language (en:, ru:, tr:)"


def _duplicates(read: list[tuple[str, tuple[str, int] | None]], where: str) -> list[ContentError]:
    """Two folders holding the same imported text are one post imported twice: (post id, (fingerprint,
    line)) of every folder read, in folder order."""
    seen: dict[str, str] = {}
    errors = []
    for post_id, fingerprint in read:
        if fingerprint is None:
            continue
        value, line = fingerprint
        if value in seen:
            errors.append(ContentError(f"{where}/{post_id}/meta.yml", line,
                                       f"duplicate post: the same text as {where}/{seen[value]} "
                                       "(expected each imported item once; remove one folder)"))
        else:
            seen[value] = post_id
    return errors


PARALLEL_FROM = 500  # post folders; below this a second process costs more than it saves


def _read_all(root: Path, folders: list[str]) -> list:
    """For every folder, in order, what read_entry read or the ContentError it raised; on a large
    archive, in two processes (reading files and parsing YAML is most of loading). Tags are resolved
    afterwards, in folder order, so the result does not depend on how the work was shared."""
    raw_files: dict[str, bool] = {}

    def outcome(name):
        try:
            return read_entry(root / "posts" / name, root, raw_files)
        except ContentError as e:
            return e
    return parallel.map_items(outcome, folders, PARALLEL_FROM)


def load_content(root: Path) -> Content:
    """All of content/: every problem in every file is collected, then raised at once, sorted."""
    root = Path(root)
    errors: list[ContentError] = []
    try:
        tags = load_tags(root / "tags.yml", f"{root.name}/tags.yml")
    except ContentErrors as e:
        errors += e.errors
        tags = {}
    except ContentError as e:
        errors.append(e)
        tags = {}
    registry = TagRegistry(tags)
    try:
        events = load_events(root / "events.yml", f"{root.name}/events.yml")
    except ContentErrors as e:
        errors += e.errors
        events = []
    except ContentError as e:
        errors.append(e)
        events = []
    posts_dir = root / "posts"
    folders = sorted(name for name in os.listdir(posts_dir) if not name.startswith(".")
                     and os.path.isdir(os.path.join(posts_dir, name))) if posts_dir.is_dir() else []
    entries, read = [], []
    for name, outcome in zip(folders, _read_all(root, folders)):
        if isinstance(outcome, ContentError):
            errors += getattr(outcome, "errors", [outcome])
            continue
        fields, tag_names, fingerprint = outcome
        entries.append(_entry(fields, tag_names, registry))
        read.append((name, fingerprint))
    errors += _duplicates(read, f"{root.name}/posts")
    if errors:
        raise ContentErrors(errors)
    all_tags = dict(tags)
    for e in entries:
        for t in e.tags:
            all_tags.setdefault(t.slug, t)
    return Content(entries=tuple(sorted(entries, key=Entry.sort_key)), tags=all_tags, root=root,
                   registry=registry, events=tuple(events))
