"""Import raw sources into content/: detect the format, archive the raw file, write one post folder per item."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import parallel
from ..content.model import ContentError, Post
from ..content.rights import from_credit
from ..content.sources_registry import add_sources
from ..content.yaml_io import dump_yaml, load_yaml, read_text
from ..files import write_atomic, write_bytes_atomic
from ..text.dedupe import fingerprint
from ..text.escape import escape_markdown
from ..text.slugs import slugify
from .detect import PHOTO_SUFFIXES, decode, parse_source


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    overwritten: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # new in content/sources.yml, to be described

    def lines(self) -> list[str]:
        out = [f"created {c}" for c in self.created]
        out += [f"overwrote {c}" for c in self.overwritten]
        out += [f"skipped {s}" for s in self.skipped]
        out += [f"attention: {a}" for a in self.attention]
        out += [f"added source '{s}' to content/sources.yml: describe who it is (kind, name and about in each "
                "language, url, handle); `check` lists what is missing" for s in self.sources]
        return out


def render_meta(post: Post, raw: str, fingerprint: str | None = None) -> dict:
    meta: dict = {}
    if post.date:
        meta["date"] = post.date.isoformat()
    reason = next((w.split(": ", 1)[1] for w in post.warnings if w.startswith("date ") and " inferred: " in w), None)
    if reason:
        meta["date_inferred"] = reason
    if post.time:
        meta["time"] = post.time
    meta["source"] = {"name": post.source_name, "kind": post.source_kind, "raw": raw, "item": post.item}
    meta["lang"] = post.lang
    if post.tags:
        meta["tags"] = list(post.tags)
    if post.commemorates:
        meta["commemorates"] = [d.isoformat() for d in post.commemorates]
    if post.missing_media:
        meta["missing_media"] = list(post.missing_media)
    if post.photos:
        meta["gallery"] = [
            {k: v for k, v in (("agency", p.agency), ("photographer", p.photographer), ("rights", from_credit(p.rights)),
                               ("image", p.image)) if v}
            for p in post.photos
        ]
    meta["fingerprint"] = fingerprint or post_fingerprint(post)
    return meta


def render_original(post: Post) -> str:
    """The original-language Markdown file: front matter (title, captions), then escaped paragraphs.
    A paragraph in another language than the post's is marked with an attribute line."""
    title = post.title or " ".join(f"#{t}" for t in post.tags) or post.source_name
    front: dict = {"title": title}
    if post.photos:
        front["captions"] = {p.n: escape_markdown(p.caption) for p in post.photos}
    paras = []
    post_lang = post.lang
    for p in post.paragraphs:
        md = escape_markdown(p.text)
        if p.lang and p.lang != post_lang:
            md += f"\n{{: lang={p.lang} }}"
        paras.append(md)
    return f"---\n{dump_yaml(front)}---\n\n" + "\n\n".join(paras) + "\n"


def post_fingerprint(post: Post) -> str:
    """The same text gives the same fingerprint whatever format it came in. A post with no words
    (a lone photo) is told apart by where it came from instead."""
    texts = [p.text for p in post.paragraphs] + [p.caption for p in post.photos]
    if not any(re.search(r"\w", t) for t in texts):
        texts = [post.source_name, str(post.date), str(post.time), str(post.item)] + [
            str(p.image) for p in post.photos] + list(post.missing_media)
    return fingerprint(texts)


def _existing(root: Path) -> tuple[dict[str, Path], set[str]]:
    """Fingerprints of posts already in content/, and the ids taken."""
    prints, ids = {}, set()
    for meta in sorted((root / "posts").glob("*/meta.yml")):
        ids.add(meta.parent.name)
        try:
            data = load_yaml(read_text(meta), meta)
        except ContentError:
            continue
        if isinstance(data, dict) and data.get("fingerprint"):
            prints[str(data["fingerprint"])] = meta.parent
    return prints, ids


def _archive_name(root: Path, path: Path, data: bytes) -> str:
    """Where the raw file goes under content/sources/: its own name, unless another file holds that name."""
    sources = root / "sources"
    target = sources / path.name
    if target.exists() and target.read_bytes() != data:
        digest = hashlib.sha256(data).hexdigest()[:8]
        target = sources / f"{path.stem}-{digest}{path.suffix}"
    return f"sources/{target.name}"


def import_paths(paths: list[Path], root: Path, force: bool = False) -> Report:
    """Import raw sources. Every file is read and parsed before anything is written: a bad file
    stops the import with its ContentError and leaves content/ as it was."""
    root = Path(root)
    parsed = []
    for path in paths:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as e:
            raise ContentError(path, None, f"cannot read: {e.strerror}") from None
        if path.is_dir():
            raise ContentError(path, None, "is a folder (expected a file)")
        text = decode(path, data)
        kind, posts = parse_source(path, text)
        parsed.append((path, data, kind, posts))

    report = Report()
    prints, ids = _existing(root)
    to_write = {}  # folder -> what to write there (a post imported twice with --force: the last)
    for path, data, kind, posts in parsed:
        raw = _archive_name(root, path, data)
        if not (root / raw).exists():
            write_bytes_atomic(root / raw, data)
        for post in posts:
            fp = post_fingerprint(post)
            label = f"{path.name} item {post.item}"
            if fp in prints and not force:
                report.skipped.append(f"content/posts/{prints[fp].name} ({label}): already imported; "
                                      "contributors' edits are kept (use --force to re-import)")
                continue
            if fp in prints:
                folder = prints[fp]
                report.overwritten.append(f"content/posts/{folder.name} ({label}): --force replaced its "
                                          "meta.yml and original text; translations were kept")
            else:
                folder = root / "posts" / _new_id(post, ids, fp)
                report.created.append(f"content/posts/{folder.name} ({label}, {post.lang}: {post.title})")
            ids.add(folder.name)
            prints[fp] = folder
            post.photos = [_copy_photo(p, path.parent, folder, report) for p in post.photos]
            to_write[folder] = (folder, post, raw, fp)
            for w in post.warnings:
                report.attention.append(f"content/posts/{folder.name}: {w}")
            if post.date is None:
                report.attention.append(f"content/posts/{folder.name}: no date (add 'date: YYYY-MM-DD' to "
                                        "meta.yml; until then it is listed after the dated posts)")
    parallel.map_items(_write_post, list(to_write.values()), PARALLEL_FROM)
    found = {}
    for _, post, _, _ in to_write.values():
        found.setdefault(post.source_name, post.source_kind)
    for name in add_sources(root / "sources.yml", found):
        report.sources.append(name)
    return report


PARALLEL_FROM = 500  # posts to write; below this a second process costs more than it saves


def _write_post(task) -> None:
    """A post's meta.yml and original text."""
    folder, post, raw, fp = task
    write_atomic(folder / "meta.yml", dump_yaml(render_meta(post, raw, fp)))
    write_atomic(folder / f"{post.lang}.md", render_original(post))


def _copy_photo(photo, export: Path, folder: Path, report: Report):
    """A photo the source names by a path (a Telegram Desktop export) copied into the post folder;
    the gallery keeps its file name. A missing file, or one outside the export folder, is reported."""
    if not photo.image:
        return photo
    src = (export / photo.image).resolve()
    where = f"content/posts/{folder.name}: photo {photo.n}"
    if not src.is_relative_to(export.resolve()) or src.suffix.lower() not in PHOTO_SUFFIXES:
        report.attention.append(f"{where}: '{photo.image}' is not an image inside the export folder; not copied")
        return replace(photo, image=None)
    if not src.is_file():
        report.attention.append(f"{where}: {photo.image} is not in {export}; copy it into the post folder "
                                f"and add 'image: {src.name}' to its gallery item in meta.yml")
        return replace(photo, image=None)
    try:
        data = src.read_bytes()
    except OSError as e:
        report.attention.append(f"{where}: cannot read {photo.image}: {e.strerror}; not copied")
        return replace(photo, image=None)
    target = folder / src.name
    if not target.is_file() or target.read_bytes() != data:
        write_bytes_atomic(target, data)
    return replace(photo, image=src.name)


def _new_id(post: Post, taken: set[str], fp: str) -> str:
    words = " ".join((post.title or post.source_name).replace("…", "").split()[:6])
    base = slugify(words, max_len=60)
    if base not in taken:
        return base
    return f"{base}-{fp[:6]}"
