"""Finishing the built site: search. One Pagefind index per language (<lang>/pagefind/, en at the root) of
the post pages' text, and the small per-language stub that points Material's search at it."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..content.model import DEFAULT_LANG, LANGS
from .i18n import t

PAGEFIND_DIR = "pagefind"
SHOWN = 20  # results the search lists (the best, each one fragment to fetch); the result line gives the total
POST_GLOB = "posts/**/*.html"  # relative to the language's root: only post pages are read
# Parts of a post page that are not its text: the date and source line, the language notice, notes on
# missing media, the placeholder of a photo not held, the lightbox copy of each photo, the commemorated
# dates. Searched: the title, the paragraphs, the captions, the credits, the tag labels.
# The photo credits and tag chips are searched (a photographer, an agency, a tag's label find the post);
# the breadcrumbs and the ways on (previous, next, related posts, feed) name other posts and are not.
EXCLUDE_SELECTORS = (".post-meta", ".lang-notice", ".missing-media", ".photo-missing", ".photo-download", ".lightbox",
                     ".commemorates", ".breadcrumbs", ".ways-on", ".photos-elsewhere",
                     # provenance and citation (provenance.py, citation.py): the archive's words, not the post's
                     "#provenance", ".provenance", "#cite", ".cite-this")
# Pagefind's own search interfaces: Material's search box is used instead (see archive-search.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
_POST = re.compile(r"posts/[^/]+/")


def lang_root(lang: str) -> str:
    """The language's folder in the site ('' for the default language)."""
    return "" if lang == DEFAULT_LANG else f"{lang}/"


def indexed(url: str) -> bool:
    """Whether a page is searched: post pages ('posts/<id>/', 'ru/posts/<id>/'). Lists repeat the
    posts' excerpts and the other pages are navigation: readers search posts."""
    head, _, rest = url.partition("/")
    path = rest if head in LANGS and head != DEFAULT_LANG else url
    return _POST.fullmatch(path) is not None


def exclude_selectors(lang: str, slugify=None) -> list[str]:
    """EXCLUDE_SELECTORS and the gallery's heading ('Photographs'), found by the id MkDocs gives it."""
    selectors = list(EXCLUDE_SELECTORS)
    if slugify is not None:
        selectors.append(f'h2[id="{slugify(t(lang, "photos"), "-")}"]')
    return selectors


def pagefind_command(site_dir: Path, lang: str, slugify=None, output: str = PAGEFIND_DIR) -> list[str]:
    """The Pagefind run that indexes one language's post pages into <lang root>/<output>/."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site_dir / lang_root(lang)), "--glob", POST_GLOB,
           "--output-subdir", output, "--force-language", lang, "--quiet"]
    for selector in exclude_selectors(lang, slugify):
        cmd += ["--exclude-selectors", selector]
    return cmd


class SearchIndexError(RuntimeError):
    pass


_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
INDEXED = "archive-indexed.txt"  # in each index folder: the digest of what it was made from (indexed_digest)


def indexed_digest(site_dir: Path, lang: str, slugify=None) -> str:
    """What a language's index is made from: every page Pagefind reads (its path and bytes, less the
    generator tag, which Pagefind does not read and which alone differs between MkDocs and ProperDocs) and
    the options it reads them with. Written into the index folder with the index, so the two cannot disagree."""
    root = site_dir / lang_root(lang)
    h = hashlib.sha256("\0".join([lang, POST_GLOB, *exclude_selectors(lang, slugify)]).encode("utf-8"))
    for page in sorted(root.glob(POST_GLOB)):
        data = _GENERATOR.sub(b"", page.read_bytes(), count=1)
        h.update(f"\0{page.relative_to(root).as_posix()}\0{len(data)}\0".encode("utf-8"))
        h.update(data)
    return h.hexdigest()


def _page_count(out: Path) -> int:
    entry = json.loads((out / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(info.get("page_count", 0) for info in entry["languages"].values())


def write_pagefind_indexes(site_dir: Path, slugify=None, force: bool = False) -> tuple[dict[str, int], tuple]:
    """Index each language's post pages with Pagefind (the binary comes from the pagefind[bin] package),
    each into a new folder that then replaces the language's index. Returns the pages indexed per
    language and the languages whose index was kept. Pagefind works on one core: two languages are indexed
    at a time. A language whose index was made from the same pages (a `mkdocs build --dirty` that changed
    none of them) keeps it, unless `force`."""
    pages, runs, digests = {}, [], {}
    for lang in LANGS:
        root = site_dir / lang_root(lang)
        out, new, old = root / PAGEFIND_DIR, root / f"{PAGEFIND_DIR}.new", root / f"{PAGEFIND_DIR}.old"
        for stale in (new, old):
            if stale.exists():
                shutil.rmtree(stale)
        if not any((root / "posts").glob("*/index.html")):
            if out.exists():
                shutil.rmtree(out)
            pages[lang] = 0  # an empty archive: nothing to search (Pagefind stops on no pages)
            continue
        digests[lang] = indexed_digest(site_dir, lang, slugify)
        if (not force and (out / "pagefind.js").is_file() and (out / INDEXED).is_file()
                and (out / INDEXED).read_text(encoding="utf-8") == digests[lang]):
            pages[lang] = _page_count(out)
            continue
        runs.append(lang)

    def index(lang):
        return subprocess.run(pagefind_command(site_dir, lang, slugify, f"{PAGEFIND_DIR}.new"),
                              capture_output=True, text=True)

    with ThreadPoolExecutor(max_workers=min(PAGEFIND_PROCESSES, os.cpu_count() or 1)) as pool:
        done = dict(zip(runs, pool.map(index, runs)))
    for lang in runs:
        root, proc = site_dir / lang_root(lang), done[lang]
        out, new, old = root / PAGEFIND_DIR, root / f"{PAGEFIND_DIR}.new", root / f"{PAGEFIND_DIR}.old"
        if proc.returncode != 0 or not (new / "pagefind.js").exists():
            raise SearchIndexError(f"Pagefind failed on the {lang} pages (exit status {proc.returncode}; "
                                   f"is pagefind[bin] installed? pip install -r requirements.txt):\n"
                                   f"{(proc.stderr or proc.stdout).strip()[-2000:]}")
        for name in UNUSED:
            (new / name).unlink(missing_ok=True)
        pages[lang] = _page_count(new)
        (new / INDEXED).write_text(digests[lang], encoding="utf-8")
        if out.exists():
            out.rename(old)
        new.rename(out)
        if old.exists():
            shutil.rmtree(old)
    return {lang: pages[lang] for lang in LANGS}, tuple(lang for lang in digests if lang not in runs)


def describe(pages: dict[str, int], kept: tuple = ()) -> str:
    """'en 1000 pages, ru 1000 pages (unchanged, kept), ...' for the build's log."""
    return ", ".join(f"{lang} {n} pages" + (" (unchanged, kept)" if lang in kept else "") for lang, n in pages.items())


PAGEFIND_PROCESSES = 2  # one Pagefind process uses one core (and about 1.4 GB per language at 10,000 posts)


class Reindexer:
    """Under `mkdocs serve --dirty`: after each rebuild, index again in a thread, so the page reloads at
    once and search follows a few seconds later (Pagefind takes about 2 s per language per 1,000
    posts). A rebuild that ends while it runs makes it run once more. `before`, if given, runs in the
    thread first (the plugin's other post-build files: feeds, open data)."""

    def __init__(self, log):
        self.log = log
        self.lock = threading.Lock()
        self.thread = None
        self.again = False
        self.args = None

    def request(self, site_dir: Path, slugify=None, before=None) -> None:
        with self.lock:
            self.args = (site_dir, slugify, before)
            if self.thread is not None:
                self.again = True
                return
            self.thread = threading.Thread(target=self._run, name="archive-search-index", daemon=True)
            self.thread.start()

    def _run(self) -> None:
        while True:
            with self.lock:
                site_dir, slugify, before = self.args
                self.again = False
            if before is not None:
                try:
                    before()
                except Exception as e:  # shown, and search is still indexed
                    self.log.error(f"archive: {type(e).__name__}: {e}")
            try:
                self.log.info("archive: search (Pagefind) indexed again: "
                              + describe(*write_pagefind_indexes(site_dir, slugify)))
            except (SearchIndexError, OSError) as e:
                self.log.error(f"archive: {e}")
            with self.lock:
                if not self.again:
                    self.thread = None
                    return

    def wait(self) -> None:
        thread = self.thread
        if thread is not None:
            thread.join()


def has_pagefind_indexes(site_dir: Path) -> bool:
    """Whether every language of a built site has its Pagefind index."""
    return all((site_dir / lang_root(lang) / PAGEFIND_DIR / "pagefind.js").is_file() for lang in LANGS)


def write_search_stubs(site_dir: Path, cache_tag: bool = True) -> None:
    """Material fetches <base>/search/search_index.json on every page and hands it to its search worker:
    one per language, with no documents (Pagefind answers queries), keeping Material's config (its word
    separator serves the highlight on the page a result opens), the language's root, a tag that changes
    with its Pagefind index (so Pagefind's entry file can be cached; not under `mkdocs serve`, which may
    index again after a page loaded) and how many results to list."""
    path = site_dir / "search" / "search_index.json"
    config = json.loads(path.read_text(encoding="utf-8"))["config"]
    for lang in LANGS:
        root = site_dir / lang_root(lang)
        entry = root / PAGEFIND_DIR / "pagefind-entry.json"
        tag = hashlib.sha256(entry.read_bytes()).hexdigest()[:12] if cache_tag and entry.exists() else ""
        out = root / "search" / "search_index.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        stub = {"config": {**config, "lang": [lang], "lang_root": lang_root(lang), "pagefind_tag": tag,
                           "shown": SHOWN}, "docs": []}
        out.write_text(json.dumps(stub, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def pagefind_sizes(site_dir: Path) -> dict[str, dict[str, int]]:
    """Bytes of each language's Pagefind folder: files, on disk, and as a server that gzips text sends them
    (Pagefind's own files are compressed already); of these, the index chunks, the result fragments, and
    what the first query loads before any chunk (pagefind.js, the entry file, the language's metadata
    and WebAssembly)."""
    sizes = {}
    for lang in LANGS:
        out = site_dir / lang_root(lang) / PAGEFIND_DIR
        if not out.is_dir():
            continue
        s = {"files": 0, "bytes": 0, "served": 0, "index": 0, "fragment": 0, "first_query": 0}
        for f in out.rglob("*"):
            if not f.is_file():
                continue
            raw = f.read_bytes()
            served = len(gzip.compress(raw, 6)) if f.suffix in (".js", ".json", ".css") else len(raw)
            s["files"] += 1
            s["bytes"] += len(raw)
            s["served"] += served
            if f.parent.name in ("index", "fragment") and f.parent.parent == out:
                s[f.parent.name] += served
            elif f.name in ("pagefind.js", "pagefind-entry.json", f"wasm.{lang}.pagefind") or f.suffix == ".pf_meta":
                s["first_query"] += served
        sizes[lang] = s
    return sizes


def main(argv: list[str]) -> int:
    """python -m scripts.site.search SITE_DIR (from the project folder): index a built site again, as the
    build's last step does (scripts/bench/archive.py times it this way)."""
    from mkdocs.config import load_config

    config = load_config("mkdocs.yml")
    slugify = (config["mdx_configs"].get("toc") or {}).get("slugify")
    site_dir = Path(argv[0])
    pages, _ = write_pagefind_indexes(site_dir, slugify, force=True)
    write_search_stubs(site_dir)
    print(describe(pages))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
