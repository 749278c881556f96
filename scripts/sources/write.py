"""Import raw sources into content/: detect the format, archive the raw file, write one post folder per item.

Everything is read, parsed and checked before anything is written; then, holding content/'s import
lock (lock.py), what an interrupted import left is repaired (staging.py) and each post folder is
written complete or not at all (staged, then renamed into place)."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from .. import parallel
from ..content.model import LANGS, ContentError, Paragraph, Post, Span
from ..content.rights import from_credit
from ..content.schema import is_web_address
from ..content.sources_registry import add_sources
from ..content.yaml_io import dump_yaml, load_yaml, read_text, split_front_matter
from ..files import write_bytes_atomic
from ..text.dedupe import fingerprint
from ..text.hashtags import HASHTAG, is_hashtag_line, tag_key
from ..text.escape import escape_markdown
from ..text.inline import render_markdown as inline_markdown
from ..text.slugs import slugify
from . import force as forcing
from . import photos as photo_files
from . import staging
from .common import title_from
from .detect import (
    check_unicode,
    decode_with_warnings,
    export_folder,
    export_pages,
    parse_source,
    read_source,
)
from .lock import import_lock


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    overwritten: list[str] = field(default_factory=list)
    attention: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # new in content/sources.yml, to be described

    def lines(self) -> list[str]:
        out = [f"repaired: {r}" for r in self.repaired]
        out += [f"created {c}" for c in self.created]
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
    meta["source"]["identity"] = post.identity or f"file:{raw}#{post.item}"
    if post.url:
        meta["source"]["url"] = post.url
    meta["lang"] = post.lang
    if post.tags:
        meta["tags"] = list(post.tags)
    if post.commemorates:
        meta["commemorates"] = [d.isoformat() for d in post.commemorates]
    # A photo the copy did not capture (a page saved "HTML only", or without its _files folder) is
    # recorded as missing, with its web address where the source gives one.
    uncaptured = [p for p in post.photos if not p.image and not p.file and is_web_address(p.url)]
    missing = list(post.missing_media) + (["photo"] if uncaptured and "photo" not in post.missing_media else [])
    if missing:
        meta["missing_media"] = missing
    if post.photos:
        meta["gallery"] = [
            {k: v for k, v in (("agency", p.agency), ("photographer", p.photographer), ("rights", from_credit(p.rights)),
                               ("image", p.image), ("file", p.file),
                               ("url", p.url if not p.image and not p.file and is_web_address(p.url) else None)) if v}
            for p in post.photos
        ]
    meta["fingerprint"] = fingerprint or post_fingerprint(post)
    return meta


def original_fields(post: Post) -> dict:
    """What the importer writes in the original-language file: title, captions (if photos), body."""
    title, paragraphs = title_once(post)
    title = title or media_title(post) or " ".join(f"#{t}" for t in post.tags) or post.source_name
    fields: dict = {"title": title}
    if post.photos:
        fields["captions"] = {p.n: escape_markdown(p.caption) for p in post.photos}
    paras = []
    post_lang = post.lang
    for p in paragraphs:
        # Escaped text; with the source's links, emphasis and line breaks where it has them.
        md = inline_markdown(p) if p.spans or "\n" in p.text else escape_markdown(p.text)
        if p.lang and p.lang != post_lang:
            md += f"\n{{: lang={p.lang} }}"
        paras.append(md)
    fields["body"] = "\n\n".join(paras)
    return fields


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n")  # the end of a first sentence, or of a first line


def title_once(post: Post) -> tuple[str, list]:
    """The title and the paragraphs to write, so that a title taken from the text does not put its
    sentence on the page twice: when the title is the first paragraph's first sentence, the sentence
    moves to the title whole (with what precedes it, an emoji say, and its full stop) and leaves the body."""
    title, paragraphs = post.title, list(post.paragraphs)
    if not title or title.endswith("…") or not paragraphs:
        return title, paragraphs
    first = paragraphs[0]
    end = _SENTENCE_END.search(first.text)
    head = first.text[:end.start()] if end else first.text
    if "\n" in head or "#" in head or title_from([head]) != title:
        return title, paragraphs  # a sentence with hashtags stays in the body, where they link
    title = head  # the sentence as the source wrote it, its full stop included
    kept = []
    if first.spans:  # a link in the sentence stays in the body, as a link: the title is plain text
        links = [s for s in _spans_between(first.spans, 0, len(head)) if s.href]
        if links:
            joined = [part for i, link in enumerate(links) for part in ((Span(" · "),) if i else ()) + (link,)]
            kept.append(Paragraph("".join(s.text for s in joined), first.lang, tuple(joined)))
    rest = first.text[end.end():] if end else ""
    if is_hashtag_line(rest) and {tag_key(t) for t in HASHTAG.findall(rest)} <= {tag_key(t) for t in post.tags}:
        rest = ""  # only the post's hashtags were left: they are its tags, listed on the page as links
    if rest:
        spans = tuple(_spans_between(first.spans, end.end(), len(first.text))) if first.spans else ()
        kept.append(Paragraph(rest, first.lang, spans if any(s.href or s.bold or s.italic or s.code or s.strike
                                                             for s in spans) else ()))
    paragraphs[0:1] = kept
    return title, paragraphs


def _spans_between(spans, start: int, stop: int) -> list[Span]:
    """The parts of a paragraph's spans that cover its text from `start` to `stop`."""
    out, at = [], 0
    for s in spans:
        a, b = max(start, at), min(stop, at + len(s.text))
        if a < b:
            out.append(replace(s, text=s.text[a - at:b - at]))
        at += len(s.text)
    return out


MEDIA_NAMES = {"video": "Video", "photo": "Photo", "file": "File", "audio": "Voice message"}


def media_title(post: Post) -> str:
    """A title for a message without words: what it holds and when ('Video, 2023-05-09')."""
    if post.paragraphs or any(p.caption for p in post.photos):
        return ""
    held = [MEDIA_NAMES.get(m, m) for m in post.missing_media] + (["Photo"] if post.photos else [])
    if not held:
        return ""
    when = post.date.isoformat() if post.date else "undated"
    return f"{' and '.join(dict.fromkeys(held))}, {when}"


def render_markdown(fields: dict, front: dict | None = None) -> str:
    """A language file from its fields (title, captions, body) and any other front matter keys."""
    front = dict(front or {})
    for key in ("title", "captions"):
        if key in fields:
            front[key] = fields[key]
        else:
            front.pop(key, None)
    return f"---\n{dump_yaml(front)}---\n\n" + fields.get("body", "") + "\n"


def post_fingerprint(post: Post) -> str:
    """The same text gives the same fingerprint whatever format it came in. A post with no words
    (a lone photo) is told apart by where it came from instead."""
    texts = [p.text for p in post.paragraphs] + [p.caption for p in post.photos]
    if not any(re.search(r"\w", t) for t in texts):
        texts = [post.source_name, str(post.date), str(post.time), str(post.item)] + [
            str(p.image) for p in post.photos] + list(post.missing_media)
    return fingerprint(texts)


@dataclass
class Folder:
    """A post folder already in content/: where, in which language, and whether it is complete (an
    interrupted import of the old kind left meta.yml without the original text)."""

    path: Path
    lang: str | None
    complete: bool
    identity: str | None = None  # the source item it holds (telegram:<channel>/<message>, file:<raw>#<item>)


_META_LINE = re.compile(r"^(fingerprint|lang):\s*'?([\w-]+)'?\s*$", re.M)
_IDENTITY_LINE = re.compile(r"^  identity:\s*'?([^'\n]+?)'?\s*$", re.M)


def _existing(root: Path) -> tuple[dict[str, Folder], dict[str, Folder], set[str]]:
    """Post folders already in content/ by fingerprint and by source item, and the ids taken."""
    folders, items, ids = {}, {}, set()
    posts = root / "posts"
    for name in sorted(os.listdir(posts)) if posts.is_dir() else []:
        meta = posts / name / "meta.yml"
        if name.startswith(".") or not meta.is_file():
            continue
        ids.add(name)
        try:
            text = read_text(meta)
        except ContentError:
            continue
        found = dict(m.groups() for m in _META_LINE.finditer(text))
        if "fingerprint" not in found:  # written by hand in some other form: ask YAML
            try:
                data = load_yaml(text, meta)
            except ContentError:
                continue
            if not isinstance(data, dict) or not data.get("fingerprint"):
                continue
            found = {"fingerprint": str(data["fingerprint"]), "lang": str(data.get("lang"))}
        lang = found.get("lang")
        complete = lang in LANGS and (posts / name / f"{lang}.md").is_file()
        m = _IDENTITY_LINE.search(text)
        folder = Folder(posts / name, lang, complete, m.group(1) if m else None)
        folders[found["fingerprint"]] = folder
        if folder.identity:
            items[folder.identity] = folder
    return folders, items, ids


def _namespace(identity: str) -> str:
    """The source an item belongs to: 'telegram:channel' of 'telegram:channel/12', 'file:x.txt' of 'file:x.txt#3'."""
    return identity.rsplit("#", 1)[0] if identity.startswith("file:") else identity.rsplit("/", 1)[0]


def _same_post(folders: dict, items: dict, fp: str, identity: str):
    """The folder already holding this post, or None. The same source item is the same post; the same
    words are the same post only when they come from elsewhere (another format, an older import that
    recorded no item), never from another message of the same source (channels repost anniversary texts)."""
    if identity in items:
        return items[identity]
    old = folders.get(fp)
    if old is not None and (old.identity is None or _namespace(old.identity) != _namespace(identity)):
        return old
    return None


def _archive_name(root: Path, path: Path, data: bytes) -> tuple[str, str | None]:
    """Where the raw file goes under content/sources/ (its own name, unless another file holds that
    name), and a note when the name had to change: not UTF-8 (it could not be written in meta.yml),
    or too long for the file system once it carries a digest."""
    sources = root / "sources"
    name, note = path.name, None
    if re.search("[\ud800-\udfff]", name):
        name = os.fsencode(name).decode("utf-8", "replace").replace("\ufffd", "_")
        note = f"its name is not UTF-8 text: archived as sources/{name}"
    target = sources / photo_files.fit_name(*os.path.splitext(name))
    if target.exists() and target.read_bytes() != data:
        digest = hashlib.sha256(data).hexdigest()[:8]
        stem, suffix = os.path.splitext(name)
        target = sources / photo_files.fit_name(stem, f"-{digest}{suffix}")
    return f"sources/{target.name}", note


def read_sources(paths: list[Path]) -> list[tuple[Path, bytes, str, list[Post], list[str]]]:
    """(path, bytes, format, posts, warnings) of every raw source; the first bad one raises its
    ContentError (nothing is written yet)."""
    parsed = []
    for path in map(Path, paths):
        if path.is_dir():  # an export folder: its messages.html or result.json, or what it is instead
            path = export_folder(path)
        export = export_pages(path)
        if export and export[0].name != "messages.html":
            raise ContentError(path, 1, "a later page of a Telegram Desktop HTML export without its first page "
                               "(expected the export folder with messages.html beside it; import the whole folder)")
        if export:  # a Telegram Desktop HTML export: all its pages, in order, as one source
            path = export[0]
        data = read_source(path)
        text, warnings = decode_with_warnings(path, data)
        pages = [(path.name, text)]
        for page in export[1:]:  # the further pages are archived beside the first
            page_data = read_source(page)
            page_text, page_warnings = decode_with_warnings(page, page_data)
            pages.append((page.name, page_text))
            parsed.append((page, page_data, "telegram-html", [], page_warnings))
        kind, posts = parse_source(path, text, pages if export else None)
        check_unicode(path, text, posts)
        parsed.append((path, data, kind, posts, warnings))
    return parsed


@dataclass
class Task:
    """One post folder to write: its files' texts, photos to copy, and the folder whose other files
    (translations, photos) it keeps, when it replaces one."""

    final: Path
    shown: str  # content/posts/<id>
    files: dict[str, str]
    copies: list = field(default_factory=list)
    keep_from: Path | None = None
    photos: bool = True  # False: --force kept the gallery, so no photo of the source is copied


def import_paths(paths: list[Path], root: Path, force: bool = False, channel: str | None = None) -> Report:
    """Import raw sources. Every file is read and parsed before anything is written: a bad file
    stops the import with its ContentError and leaves content/ as it was. A failure while writing
    (a full disk) leaves every post folder complete or absent, and says so.
    `channel`: the public channel a Telegram Desktop export is of ('@name', 't.me/name'): an export holds
    no address, and each message's is then https://t.me/<name>/<its number>, its identity that of the same
    message on the channel's saved t.me/s page."""
    root = Path(root)
    name = channel_name(channel) if channel is not None else None
    parsed = read_sources(paths)
    if name:
        for _, _, kind, posts, _ in parsed:
            for post in posts:
                number = _EXPORT_MESSAGE.match(post.identity or "") if kind in EXPORT_KINDS else None
                if number:  # the same item as that channel's saved t.me/s page: recognized by it
                    post.identity = f"telegram:{name.lower()}/{number.group(1)}"
                    post.url = post.url or f"https://t.me/{name}/{number.group(1)}"
    report = Report()
    try:
        with import_lock(root):
            report.repaired += staging.repair(root)
            raws, tasks = _plan(parsed, root, force, report)
            for target, data in raws:
                write_bytes_atomic(target, data)
            parallel.map_items(_write_post, tasks, PARALLEL_FROM)
            # Sources not yet in content/sources.yml, added with what the import knows (their platform).
            found = {}
            for _, _, kind, posts, _ in parsed:
                for post in posts:
                    found.setdefault(post.source_name, post.source_kind)
            report.sources += add_sources(root / "sources.yml", found)
    except OSError as e:
        raise _write_error(root, e.filename, e) from None
    return report


EXPORT_KINDS = ("telegram-json", "telegram-html")  # exports: their messages' addresses are not in them
_EXPORT_MESSAGE = re.compile(r"^telegram:[^/]+/(\d+)$")
_CHANNEL = re.compile(r"^(?:(?:https?://)?(?:www\.)?t(?:elegram)?\.me/(?:s/)?|@)?([A-Za-z][A-Za-z0-9_]{3,31})/?$")


def channel_name(given: str) -> str:
    """The public channel's name from '@name', 'name', 't.me/name' or 'https://t.me/s/name'."""
    m = _CHANNEL.match(given.strip())
    if not m:
        raise ContentError("--channel", None, f"{given!r} is not a public Telegram channel (expected its name, "
                                              "'@victory_archive' or 'https://t.me/victory_archive')")
    return m.group(1)


def _plan(parsed, root: Path, force: bool, report: Report) -> tuple[list, list[Task]]:
    """What to write (raw files to archive, post folders), decided from content/ as it is now."""
    folders, items, ids = _existing(root)
    raws, planned = [], {}  # folder -> Task (a post given twice with --force: the last)
    for path, data, kind, posts, warnings in parsed:
        raw, note = _archive_name(root, path, data)
        if not (root / raw).exists() and (root / raw) not in {t for t, _ in raws}:
            raws.append((root / raw, data))
        report.attention += warnings + ([f"{path}: {note}"] if note else [])
        for post in posts:
            fp = post_fingerprint(post)
            identity = post.identity = post.identity or f"file:{raw}#{post.item}"
            label = f"{path.name} item {post.item}"
            old = _same_post(folders, items, fp, identity)
            if old and old.complete and not force:
                why = ("already imported" if old.identity in (None, identity)
                       else f"the same text as {old.identity}, imported from another source")
                report.skipped.append(f"content/posts/{old.path.name} ({label}): {why}; "
                                      "contributors' edits are kept (use --force to re-import)")
                continue
            if old is None:
                final = root / "posts" / _new_id(post, ids, fp)
            else:
                final = old.path
            shown = f"content/posts/{final.name}"
            on_disk = final if final.is_dir() else None
            post.photos, copies, notes = photo_files.plan_photos(post.photos, path.parent, shown, on_disk)
            meta = render_meta(post, raw, fp)
            original = original_fields(post)
            if old and old.complete and final not in planned:
                task = _forced(final, shown, meta, original, post, report, label)
                if task is None:
                    continue
            else:
                task = Task(final, shown, {"meta.yml": dump_yaml(meta), f"{post.lang}.md": render_markdown(original),
                                           forcing.RECORD: forcing.record(meta, original)}, keep_from=on_disk)
                if old and not old.complete:
                    report.repaired.append(f"{shown} ({label}): it had meta.yml but no {old.lang}.md (an "
                                           "interrupted import): imported again, its other files kept")
                elif old is None:
                    report.created.append(f"{shown} ({label}, {post.lang}: {post.title})")
            task.copies = copies if task.photos else []
            ids.add(final.name)
            folders[fp] = items[identity] = Folder(final, post.lang, True, identity)
            planned[final] = task
            report.attention += notes
            for w in post.warnings:
                report.attention.append(f"{shown}: {w}")
            if media_title(post):
                report.attention.append(f"{shown}: a message without words ({media_title(post)}): its title says "
                                        "what it holds; write a better one, and a caption if you know what it shows")
            if post.date is None:
                report.attention.append(f"{shown}: no date (add 'date: YYYY-MM-DD' to "
                                        "meta.yml; until then it is listed after the dated posts)")
    return raws, list(planned.values())


def _forced(folder: Path, shown: str, meta: dict, original: dict, post: Post, report: Report, label: str):
    """The Task of --force on a complete folder: the fields the importer can prove are its own
    replaced, the others kept (force.py says the rule), each listed; None when nothing changes."""
    rel = Path(shown)
    current_meta = load_yaml(read_text(folder / "meta.yml"), rel / "meta.yml")
    lang = current_meta.get("lang")
    front, body, _ = split_front_matter(read_text(folder / f"{lang}.md"), rel / f"{lang}.md")
    current = {k: front[k] for k in ("title", "captions") if k in front} | {"body": body}
    try:
        proven = forcing.read_record((folder / forcing.RECORD).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        proven = {}
    held: dict = {}
    meta_new, replaced, kept = forcing.merge(current_meta, meta, forcing.META_FIELDS, held, proven)
    text_new, replaced_text, kept_text = forcing.merge(current, original, forcing.ORIGINAL_FIELDS, held, proven)
    if post.lang != lang:
        kept.append(f"kept lang ({lang}): the source now reads as {post.lang}; change meta.yml and rename "
                    f"{lang}.md by hand if it should")
    files = {}
    if replaced:
        files["meta.yml"] = dump_yaml(_plain(meta_new))
    if replaced_text:
        files[f"{lang}.md"] = render_markdown(_plain(text_new), _plain(front))
    changes = replaced + replaced_text
    lines = [f"replaced {c}" for c in changes] + kept + kept_text
    if not changes:
        report.skipped.append(f"{shown} ({label}): --force found nothing it may replace"
                              + "".join(f"\n  {x}" for x in lines))
        return None
    files[forcing.RECORD] = forcing.render_record(held)
    report.overwritten.append(f"{shown} ({label}): --force replaced {len(changes)} field"
                              f"{'s' * (len(changes) != 1)}; translations were kept" + "".join(f"\n  {x}" for x in lines))
    return Task(folder, shown, files, keep_from=folder, photos=any(c.startswith("gallery:") for c in changes))


def _plain(value):
    """YAML's Mapping (a dict that knows its lines) as plain dicts, which the safe dumper writes."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


PARALLEL_FROM = 500  # posts to write; below this a second process costs more than it saves


def _write_post(task: Task) -> None:
    """A post folder staged complete, then renamed into place; on a failure, nothing of it is left."""
    stage = staging.begin(task.final, task.keep_from)
    name = ""
    try:
        for name, text in task.files.items():
            _replace_file(stage / name, text.encode("utf-8"), linked=task.keep_from is not None)
        for name, _ in task.copies:
            photo_files.copy_into(stage, [(name, _)])
        name = ""
        staging.commit(stage, task.final)
    except OSError as e:
        staging.abandon(stage)
        raise _write_error(task.final.parent.parent, task.final / name if name else task.final, e) from None


def _replace_file(path: Path, data: bytes, linked: bool = True) -> None:
    """Write a staged file; one linked from the folder it replaces is unlinked first (writing into
    it would change the old folder's copy too)."""
    if linked:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
    with open(path, "wb") as f:  # a new file in a private staging folder: its mode from the umask
        f.write(data)


def _write_error(root: Path, filename, e: OSError) -> ContentError:
    """A failure to write content/ as a ContentError naming the file (relative to content/)."""
    where = Path(os.fsdecode(filename)) if filename else root
    try:
        where = Path(root.name) / where.relative_to(root)
    except ValueError:
        pass
    return ContentError(where, None, f"cannot write: {e.strerror} (expected a content folder this user can write "
                        "to, on a disk with free space; every post folder written before is complete, none is "
                        "half-written: run the import again)")


def _new_id(post: Post, taken: set[str], fp: str) -> str:
    words = " ".join((post.title or post.source_name).replace("…", " ").split()[:6])
    base = slugify(words, max_len=60)
    if base not in taken:
        return base
    if f"{base}-{fp[:6]}" not in taken:
        return f"{base}-{fp[:6]}"
    # The same words again (a repost): told apart by the source item.
    return f"{base}-{hashlib.sha256(str(post.identity).encode('utf-8', 'surrogatepass')).hexdigest()[:6]}"
