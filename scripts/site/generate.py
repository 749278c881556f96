"""Generate docs/<lang>/ from content/: the only stage that writes the site's Markdown to disk."""

from __future__ import annotations

import hashlib
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from .. import parallel
from ..content.checks import warnings_of
from ..content.images import IMAGE_SUFFIXES
from ..content.load import load_content
from ..content.model import LANGS
from ..content.status import coverage, render_page
from ..files import write_atomic, write_if_changed
from .about_page import render_about
from .archive_pages import render_404, render_days, render_on_this_day, render_timeline
from .i18n import plural, t
from .index_pages import render_credits, render_sources
from .list_pages import render_home, render_list_pages, render_tags_index
from .open_data import render_data_page
from .paths import archive_path, post_path, tag_path
from .navigation import Ways
from .photos import PUBLISHED_FILE_SUFFIXES, plan, publish_file, published_file, write_copies
from .post_page import render_post


@dataclass(frozen=True)
class Result:
    pages: int
    written: int
    removed: int
    posts: int
    tags: int
    problems: tuple = ()  # what `check` would report, from the content just loaded (empty on a skipped repeat)


def iter_pages(content, langs=LANGS, parts=("posts", "lists"), memo: dict | None = None):
    """Every generated page as ('<lang>/<path>', markdown), one at a time (the archive may be large).
    `parts` picks the post pages, the list and index pages, or both. `memo` (path -> (inputs, text)),
    kept by the caller between calls, gives a post page whose inputs are the last call's without
    rendering it again (post_inputs says what they are)."""
    entries = list(content.entries)
    resolve = content.registry.resolve
    by_tag: dict[str, list] = {}
    for entry in entries:
        for tag in entry.tags:
            by_tag.setdefault(tag.slug, []).append(entry)
    status_page = render_page(coverage(content))
    ways = Ways(entries) if "posts" in parts else None
    inputs = post_inputs(content, ways) if memo is not None and ways is not None else None
    for lang in langs:
        if "posts" in parts:
            for entry in entries:
                path = f"{lang}/{post_path(entry.id)}"
                if inputs is None:
                    yield path, render_post(entry, lang, resolve, content.sources, ways)
                    continue
                key, known = inputs(entry), memo.get(path)
                if known is None or known[0] != key:
                    known = memo[path] = (key, render_post(entry, lang, resolve, content.sources, ways))
                yield path, known[1]
        if "lists" not in parts:
            continue
        yield f"{lang}/index.md", render_home(entries, lang)
        for path, text in render_list_pages(entries, lang, t(lang, "archive_title"),
                                            plural(lang, "posts_count", len(entries)), archive_path).items():
            yield f"{lang}/{path}", text
        counts = []
        for slug, tagged in sorted(by_tag.items()):
            tag = content.tags[slug]
            counts.append((tag, len(tagged)))
            title = t(lang, "tag_title", label=tag.label(lang))
            for path, text in render_list_pages(tagged, lang, title, plural(lang, "posts_count", len(tagged)),
                                                lambda page, s=slug: tag_path(s, page)).items():
                yield f"{lang}/{path}", text
        for path, text in render_tags_index(counts, lang).items():
            yield f"{lang}/{path}", text
        yield f"{lang}/status.md", status_notice(status_page, lang)
        yield f"{lang}/timeline.md", render_timeline(content, lang)
        yield f"{lang}/on-this-day.md", render_on_this_day(content, lang)
        yield f"{lang}/404.md", render_404(lang)
        yield f"{lang}/about.md", render_about(lang)
        yield f"{lang}/data.md", render_data_page(lang)
        for render in (render_days, render_sources, render_credits):
            for path, text in render(content, lang).items():
                yield f"{lang}/{path}", text


def post_inputs(content, ways):
    """A function giving what a post page is made from (render_post): the post, the posts its ways on
    name (older, newer, related) and, for every page, the sources and the tags hashtags resolve to; as
    digests of their reprs (the content's dataclasses show every field), so that equal inputs mean the
    same page."""
    def digest(value) -> bytes:
        return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).digest()

    common = digest((content.sources, content.tags, sorted(content.registry.by_key.items())))
    of = {id(entry): digest(entry) for entry in content.entries}

    def inputs(entry):
        n = ways.of(entry)
        return (common, of[id(entry)], n.older and of[id(n.older)], n.newer and of[id(n.newer)],
                tuple(of[id(other)] for other in n.related))
    return inputs


_MD_LINK = re.compile(r"\]\(([^)\s]+?\.md)(?:#[^)\s]*)?\)")  # [text](page.md) or (page.md#anchor): link()'s links


def linked_pages(path: str, text: str) -> set[str]:
    """The pages (paths in their language's folder, 'posts/x.md') that a generated page ('<lang>/<path>')
    links to as Markdown, which MkDocs resolves to their addresses."""
    here = posixpath.dirname(path.partition("/")[2])
    return {posixpath.normpath(posixpath.join(here, target)) for target in _MD_LINK.findall(text)}


def status_notice(page: str, lang: str) -> str:
    """The status page is an English report for editors: on the other languages' sites it says so in
    their language (it is also kept out of sitemap.xml and of search engines: head.NOT_INDEXED)."""
    notice = t(lang, "status_english_only")
    if not notice:
        return page
    head, sep, body = page.partition("\n---\n")
    return f'{head}{sep}\n<p class="lang-notice" lang="{lang}">{notice}</p>\n{body}'


PARALLEL_FROM = 500  # posts; below this a second process costs more than it saves
TASKS = [(lang, part) for lang in LANGS for part in ("posts", "lists")]  # six similar shares of the work


def _write_share(task: tuple[str, str]) -> tuple[set, set]:
    lang, part = task
    content, docs_dir = parallel.job()
    paths, written = set(), set()
    for path, text in iter_pages(content, (lang,), (part,)):
        paths.add(path)
        if write_if_changed(docs_dir / path, text):
            written.add(path)
    return paths, written


def _write_pages(content, docs_dir: Path) -> tuple[set, set]:
    """Render and write every page; the languages in two processes on a large archive. Returns every
    page's path and those written."""
    results = parallel.run_shares(_write_share, TASKS, (content, docs_dir),
                                  parallel=parallel.worth_it(len(content.entries), PARALLEL_FROM))
    return set().union(*(r[0] for r in results)), set().union(*(r[1] for r in results))


def _write_pages_kept(content, docs_dir: Path, kept: dict, memo: dict) -> tuple[set, set]:
    """_write_pages in this process, for one that generates again and again (`mkdocs serve --dirty`):
    `kept` (path -> text) is what the last call wrote into docs/, so an unchanged page is not read back,
    and `memo` spares rendering again the post pages whose inputs did not change (iter_pages)."""
    paths, written = set(), set()
    for path, text in iter_pages(content, memo=memo):
        paths.add(path)
        if kept.get(path) != text:
            if write_if_changed(docs_dir / path, text):
                written.add(path)
            kept[path] = text
    for gone in kept.keys() - paths:
        del kept[gone]
        memo.pop(gone, None)
    return paths, written


PACKAGE = Path(__file__).resolve().parent.parent  # scripts/: the generator's own code is part of what the output depends on
STATE_FILE = ".cache/generated"  # beside content/: a digest of what docs/ was last generated from


def _digest(signature) -> str:
    return hashlib.sha256(repr(signature).encode("utf-8", "surrogatepass")).hexdigest()


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return None


def _signature(content_dir: Path, docs_dir: Path):
    """What the output depends on: every content file's name, size and time, and the generator itself."""
    stats = []
    for base in (content_dir, PACKAGE):
        for dirpath, _, files in os.walk(base):
            for name in files:
                if name.endswith((".yml", ".yaml", ".md", ".py")):
                    st = os.stat(os.path.join(dirpath, name))
                    stats.append((dirpath, name, st.st_size, st.st_mtime_ns))
    stats.sort()
    return (str(content_dir.resolve()), str(docs_dir.resolve()), tuple(stats))


class Generator:
    """Generates docs/ from content/ and remembers what it last generated from, so that the repeat calls
    of one site build (the i18n plugin builds once per language) return at once. One per build (the
    MkDocs plugin makes it); nothing is kept between generators.

    `serve`: one generator for the many rebuilds of `mkdocs serve --dirty`, in the server's process
    (which runs threads: it does not fork), keeping every page's text and each post page's inputs
    between rebuilds, so that a rebuild renders only the post pages an edit reaches (and every list
    page, which are few). docs/ is the same as without it."""

    def __init__(self, serve: bool = False):
        self.signature = None
        self.content = None
        self.content_dir = None
        self.serve = serve
        # The pages ('<lang>/<path>') written for the site build under way: by the last generate() that had
        # something to do, kept by the repeat calls of the same build (one per language).
        self.written = frozenset()
        self._kept, self._memo = {}, {}  # serve: every page's text in docs/; post pages' inputs
        self._reads = {}  # serve: each post folder's last read (load_content)

    def pages_reached(self) -> set[str]:
        """Under `serve`: the pages (paths in a language's folder) the last generate() wrote, in any
        language, and those they link to."""
        reached = set()
        for path in self.written:
            reached.add(path.partition("/")[2])
            reached |= linked_pages(path, self._kept.get(path, ""))
        return reached

    def last_content(self):
        """The content the last generate() call used (the plugin's post-build steps reuse it); loaded
        here when generate() had nothing to do."""
        if self.content is None and self.content_dir is not None:
            self.content = load_content(self.content_dir)
        return self.content

    def generate(self, content_dir, docs_dir) -> Result:
        """Write every page whose text changed and remove generated pages whose source is gone.
        A repeat call with nothing changed returns at once."""
        content_dir, docs_dir = Path(content_dir), Path(docs_dir)
        signature = _signature(content_dir, docs_dir)
        state = content_dir.parent / STATE_FILE
        self.content_dir = content_dir
        if (docs_dir / LANGS[0] / "index.md").exists() and (
                signature == self.signature or _read(state) == _digest(signature)):
            if signature != self.signature:  # not a repeat call of the same site build: nothing new written
                self.written = frozenset()
            self.signature = signature
            return Result(pages=0, written=0, removed=0, posts=0, tags=0)
        content = self.content = load_content(content_dir, parallel_ok=not self.serve,
                                              reads=self._reads if self.serve else None)
        if self.serve:
            result, self.written = _write_site(content, docs_dir, self._kept, self._memo)
        else:
            result, self.written = _write_site(content, docs_dir)
        # The signature taken before reading: content edited while this ran is generated next time.
        self.signature = signature
        write_atomic(state, _digest(signature))
        return result


def generate(content_dir, docs_dir) -> Result:
    """One generation by a new Generator (the command line's `generate`)."""
    return Generator().generate(content_dir, docs_dir)


def _write_site(content, docs_dir: Path, kept: dict | None = None, memo: dict | None = None) -> tuple[Result, frozenset]:
    """Every page and image of the site written into docs/, and what is no longer generated removed;
    with the pages written. `kept` and `memo`: see _write_pages_kept."""
    pages, written_pages = (_write_pages(content, docs_dir) if kept is None
                            else _write_pages_kept(content, docs_dir, kept, memo))
    written = len(written_pages)
    images = {}  # the published copies of each photo, beside the default language's page
    for entry in content.entries:
        for item in entry.gallery:
            if item.image:
                folder = f"{LANGS[0]}/posts/{entry.id}"
                copies = plan(item.image, item.width, item.height)
                for copy in copies:
                    images[f"{folder}/{copy.name}"] = None
                written += write_copies(content.root.parent / entry.path / item.image, docs_dir / folder, copies)
            if item.file:  # a picture to download (HEIC, SVG): published as a file, never as an image
                folder = f"{LANGS[0]}/posts/{entry.id}"
                images[f"{folder}/{published_file(item.file)}"] = None
                written += publish_file(content.root.parent / entry.path / item.file, docs_dir / folder, item.file)
    removed = 0
    for lang in LANGS:
        base = docs_dir / lang
        if not base.is_dir():
            continue
        prefix = len(str(base))
        for dirpath, _, files in os.walk(base, topdown=False):
            folder = (lang + dirpath[prefix:]).replace(os.sep, "/")
            for name in files:
                rel = f"{folder}/{name}"
                if (name.endswith(".md") and rel not in pages) or (name.lower().endswith(IMAGE_SUFFIXES + PUBLISHED_FILE_SUFFIXES) and rel not in images):
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
            if dirpath != str(base) and not os.listdir(dirpath):
                os.rmdir(dirpath)
    return Result(pages=len(pages), written=written, removed=removed, posts=len(content.entries),
                  tags=len({tag.slug for e in content.entries for tag in e.tags}),
                  problems=tuple(warnings_of(content))), frozenset(written_pages)
