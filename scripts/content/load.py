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
from . import schema
from .events import load_events
from .images import FILE_SUFFIXES, IMAGE_SUFFIXES, display_size
from .model import (
    LANGS,
    ContentError,
    ContentErrors,
    Entry,
    GalleryItem,
    Version,
)
from .schema import Problems, inference_reasons  # noqa: F401 (inference_reasons: part of this module's interface)
from .sources_registry import load_sources
from .tags import TagRegistry, load_tags
from .yaml_io import Mapping, load_yaml, read_text, split_front_matter

# Credit of a translation (front matter of a translation only): who, when, how (content/schema.py checks them).
TRANSLATION_METHODS = schema.TRANSLATION_METHODS
CREDIT_KEYS = ("translated_by", "translated_on", "translation_method")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")


@dataclass(frozen=True)
class Content:
    entries: tuple[Entry, ...]
    tags: dict  # slug -> Tag, the registry's and every tag a post uses
    root: Path
    registry: "TagRegistry"
    events: tuple = ()  # Event, by date
    sources: dict | None = None  # name as written -> sources_registry.Source (content/sources.yml)


def text_hash(version_text: str) -> str:
    """The hash a translation records of its original, so a changed original shows the translation is stale."""
    return hashlib.sha256(version_text.strip().encode("utf-8")).hexdigest()[:12]


def original_text(version: Version) -> str:
    """What a translation translates: title, captions and body of the original."""
    caps = "\n".join(f"{k}: {v}" for k, v in sorted(version.captions.items()))
    return f"{version.title}\n{caps}\n{version.body}"


# --- tags ------------------------------------------------------------------------------------------


# --- posts -----------------------------------------------------------------------------------------


def _entry(fields: dict, tag_names: list[str], registry: TagRegistry, sources: dict | None = None) -> Entry:
    """An Entry from what read_entry found, its hashtags resolved in the order they were written and its
    source looked up in the source registry."""
    source = (sources or {}).get(str(fields["source"].get("name", "")))
    return Entry(tags=registry.resolve_all(tag_names), registered_source=source, **fields)


_FINGERPRINT = re.compile(r"^fingerprint:\s*'?([0-9a-f]+)'?\s*$", re.M)
def _beside(item, key, suffixes, what, n, lines, folder, meta_path, rel, errors) -> str | None:
    """A gallery item's image or file: a plain file name with one of `suffixes`, present beside meta.yml;
    None (and a problem on its line) otherwise."""
    name = item.get(key)
    if name is None:
        return None
    at = _key_line(lines, key)
    if "/" in name or "\\" in name or name.startswith(".") or not name.lower().endswith(suffixes):
        errors.append(ContentError(meta_path, at, f"gallery item {n}: {key} '{name}' (expected a file name in the post's folder ending in {', '.join(suffixes)})"))
        return None
    if not (folder / name).is_file():
        errors.append(ContentError(meta_path, at, f"gallery item {n}: no file {name} in {rel} (expected {what} beside meta.yml)"))
        return None
    return name


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
    problems = Problems(meta_path)
    fields = schema.META.convert(meta, "", 1, problems)
    errors += problems.errors
    lang = fields.get("lang")
    lang_ok = lang is not None
    if "lang" not in meta:
        lang_ok = False  # reported as missing by the schema
    source = fields.get("source") or {"name": "?", "kind": "manual"}
    source_lines = meta.get("source") if isinstance(meta.get("source"), Mapping) else meta
    raw = source.get("raw")
    if raw is not None:
        if raw not in raw_files:  # the archived copy's SHA-256 (None: no such file), shown beside its download
            raw_path = root / raw
            raw_files[raw] = hashlib.sha256(raw_path.read_bytes()).hexdigest() if raw_path.is_file() else None
        if not raw_files[raw]:
            errors.append(ContentError(meta_path, _key_line(source_lines, "raw"), f"source.raw: no file content/{raw} (expected the archived raw source under content/sources/)"))
    gallery = []
    photos = len(fields.get("gallery") or [])  # as many as meta.yml lists, a wrong one included
    raw_gallery = meta.get("gallery") if isinstance(meta.get("gallery"), list) else []
    for n, item in enumerate(fields.get("gallery") or [], 1):
        if item is None:  # its problem is reported; the next items keep their numbers and lines
            continue
        lines = raw_gallery[n - 1] if n - 1 < len(raw_gallery) and isinstance(raw_gallery[n - 1], Mapping) else meta
        image = _beside(item, "image", IMAGE_SUFFIXES, "the image", n, lines, folder, meta_path, rel, errors)
        size = display_size(folder / image) if image else None
        file = _beside(item, "file", FILE_SUFFIXES, "the picture", n, lines, folder, meta_path, rel, errors)
        gallery.append(GalleryItem(n=n, agency=item.get("agency"), photographer=item.get("photographer") or {},
                                   rights=item.get("rights"), image=image,
                                   width=size[0] if size else None, height=size[1] if size else None, file=file))
    tag_names = list(fields.get("tags") or [])

    versions = {}
    drafts: list[str] = []
    for name in sorted(name for name in names if name.endswith(".md")):
        md_rel = rel / name
        stem = name[:-3]
        if stem not in LANGS and stem != lang:  # an original in another language is <its code>.md
            errors.append(ContentError(md_rel, None, f"unknown language file '{name}' (expected one of: {', '.join(l + '.md' for l in LANGS)})"))
            continue
        try:
            front, body, body_line = split_front_matter(read_text(folder / name), md_rel)
        except ContentError as e:
            errors.append(e)
            continue
        if stem != lang and _unwritten(front, body):
            continue  # a scaffolded translation nobody has written yet: the page shows the original
        problems = Problems(md_rel)
        front_fields = schema.FRONT_MATTER.convert(front, "", 1, problems)
        errors += problems.errors
        title = front_fields.get("title") or post_id
        if lang_ok and stem == lang:
            for key in (*CREDIT_KEYS, "draft"):
                if key in front:
                    errors.append(ContentError(md_rel, front.key_lines[key], f"{key}: the original is not a translation (expected it only in a translation's front matter)"))
        credit = {key: front_fields[key] for key in CREDIT_KEYS if key in front_fields and stem != lang}
        if front_fields.get("draft") and stem != lang:
            drafts.append(stem)
            continue  # `translate` started it and the translator has not finished: the page shows the original
        captions = {}
        for k, v in (front_fields.get("captions") or {}).items():
            if not 1 <= k <= photos:
                errors.append(ContentError(md_rel, _key_line(front.get("captions"), str(k)), f"caption {k}: no such photo (expected a number from 1 to {photos})"))
                continue
            captions[k] = v
        translation_of = front_fields.get("translation_of")
        if not lang_ok:
            pass
        elif stem == lang and translation_of:
            errors.append(ContentError(md_rel, front.key_lines["translation_of"], f"the original ({lang}.md, per meta.yml lang) cannot be a translation"))
        elif stem != lang and translation_of is not None and translation_of != lang:
            errors.append(ContentError(md_rel, front.key_lines["translation_of"], f"translation_of: '{translation_of}' (expected '{lang}', the original's language)"))
        versions[stem] = Version(lang=stem, title=title.strip(), body=body, captions=captions,
                                 path=str(md_rel), translation_of=lang if stem != lang else None,
                                 original_hash=front_fields.get("original_hash"), body_line=body_line, **credit)
    if lang_ok and lang not in versions and not any(e.path == str(rel / f"{lang}.md") for e in errors):
        errors.append(ContentError(rel / f"{lang}.md", None, f"missing the original text (meta.yml says lang: {lang}; expected {lang}.md)"))
    if errors:
        raise ContentErrors(errors)
    for v in versions.values():
        tag_names += hashtags(v.body)
    m = _FINGERPRINT.search(meta_text)
    fingerprint = (m.group(1), meta_text[: m.start()].count("\n") + 1) if m else None
    if source.get("identity"):  # an item of its source: two posts with the same words are two items
        fingerprint = ("item " + source["identity"], _key_line(source_lines, "identity"))
    entry = dict(id=post_id, path=str(rel), lang=lang, source=dict(source), versions=versions,
                 date=fields.get("date"), date_inferred=fields.get("date_inferred"), time=fields.get("time"),
                 rights=fields.get("rights"), raw_sha256=raw_files.get(str(source.get("raw"))),
                 commemorates=tuple(sorted(fields.get("commemorates") or [])),
                 missing_media=tuple(fields.get("missing_media") or []), gallery=tuple(gallery),
                 drafts=tuple(drafts))
    return entry, tag_names, fingerprint


def _key_line(mapping, key) -> int:
    return getattr(mapping, "key_lines", {}).get(key, getattr(mapping, "line", 1))


def _unwritten(front, body: str) -> bool:
    """A language file with no title, no text and no captions: a translation not started."""
    title = front.get("title")
    return (title is None or (isinstance(title, str) and not title.strip())) and not body.strip() and not front.get("captions")


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


def _stamp(path) -> tuple:
    """A file's or a folder's files' names, sizes and times: unchanged, the same read."""
    try:
        if os.path.isdir(path):
            return tuple(sorted((e.name, st.st_size, st.st_mtime_ns) for e in os.scandir(path) for st in (e.stat(),)))
        st = os.stat(path)
        return (st.st_size, st.st_mtime_ns)
    except OSError:
        return ()


def _read_all(root: Path, folders: list[str], parallel_ok: bool = True, reads: dict | None = None) -> list:
    """For every folder, in order, what read_entry read or the ContentError it raised; on a large
    archive, in two processes (reading files and parsing YAML is most of loading). Tags are resolved
    afterwards, in folder order, so the result does not depend on how the work was shared."""
    raw_files: dict[str, bool] = {}

    def outcome(name):
        try:
            return read_entry(root / "posts" / name, root, raw_files)
        except ContentError as e:
            return e
    if reads is None:
        return parallel.map_items(outcome, folders, PARALLEL_FROM if parallel_ok else len(folders) + 1)
    # One process that loads again and again (`mkdocs serve --dirty`): a folder whose files and archived
    # raw source have not changed since its last read gives what that read gave.
    results = []
    for name in folders:
        stamp, known = _stamp(root / "posts" / name), reads.get(name)
        if known is not None and known[0] == stamp and (known[1] is None or _stamp(root / known[1]) == known[2]):
            results.append(known[3])
            continue
        result = outcome(name)
        if isinstance(result, ContentError):
            reads.pop(name, None)
        else:
            raw = result[0]["source"].get("raw")
            reads[name] = (stamp, raw, _stamp(root / raw) if raw else None, result)
        results.append(result)
    for gone in reads.keys() - set(folders):
        del reads[gone]
    return results


def load_content(root: Path, parallel_ok: bool = True, reads: dict | None = None) -> Content:
    """All of content/: every problem in every file is collected, then raised at once, sorted.
    `parallel_ok`: false in a process that must not fork (a server with threads: `mkdocs serve`).
    `reads`, kept by the caller between loads (in one process), spares reading again the post folders
    that have not changed."""
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
    try:
        sources = load_sources(root / "sources.yml", f"{root.name}/sources.yml")
    except ContentErrors as e:
        errors += e.errors
        sources = {}
    except ContentError as e:
        errors.append(e)
        sources = {}
    posts_dir = root / "posts"
    folders = sorted(name for name in os.listdir(posts_dir) if not name.startswith(".")
                     and os.path.isdir(os.path.join(posts_dir, name))) if posts_dir.is_dir() else []
    entries, read = [], []
    for name, outcome in zip(folders, _read_all(root, folders, parallel_ok, reads)):
        if isinstance(outcome, ContentError):
            errors += getattr(outcome, "errors", [outcome])
            continue
        fields, tag_names, fingerprint = outcome
        entries.append(_entry(fields, tag_names, registry, sources))
        read.append((name, fingerprint))
    errors += _duplicates(read, f"{root.name}/posts")
    if errors:
        raise ContentErrors(errors)
    all_tags = dict(tags)
    for e in entries:
        for t in e.tags:
            all_tags.setdefault(t.slug, t)
    return Content(entries=tuple(sorted(entries, key=Entry.sort_key)), tags=all_tags, root=root,
                   registry=registry, events=tuple(events), sources=sources)
