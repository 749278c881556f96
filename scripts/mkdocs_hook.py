"""MkDocs hook: generate docs/ from content/ before each build (the i18n plugin builds once per
language), finish each page's head, and after the last language index the posts for search (Pagefind)
and write feeds."""

from __future__ import annotations

import logging
import os
import sys
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

# MkDocs loads a hook by its path; the repository root makes the `scripts` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import generate as gen  # noqa: E402
from scripts import language_builds  # noqa: E402
from scripts.i18n import t  # noqa: E402
from scripts.model import DEFAULT_LANG, LANGS, ContentError  # noqa: E402
from scripts.site_html import finish_page, render_feed, write_not_found_pages  # noqa: E402
from scripts.site_search import (Reindexer, SearchIndexError, has_pagefind_indexes, indexed,  # noqa: E402
                                 write_pagefind_indexes, write_search_stubs)

log = logging.getLogger("mkdocs.plugins.archive")


_serving = False  # `mkdocs serve`
_serving_dirty = False  # `mkdocs serve --dirty`: a rebuild renders only the pages whose files changed
_reindexer = Reindexer(log)


def on_startup(command, dirty, **kwargs):
    global _serving, _serving_dirty
    _serving = command == "serve"
    _serving_dirty = _serving and dirty
    language_builds.set_command(command)


def on_pre_build(config, **kwargs):
    root = Path(config["config_file_path"]).parent
    try:
        result = gen.generate(root / "content", Path(config["docs_dir"]))
    except ContentError as e:
        raise PluginError(f"content error:\n{e}") from None
    if result.written or result.removed:
        log.info(f"archive: {result.written} pages written, {result.removed} removed")
    for problem in result.problems:
        # Shown, not fatal: CI gates on `python -m scripts check --strict`; a page of a stale
        # translation says so to its reader.
        log.info(f"archive: {problem}")
    i18n = config.plugins.get("i18n")
    if i18n is not None and not getattr(i18n, "building", False):
        _end_fork()
        posts = root / "content" / "posts"
        if language_builds.wanted(len(os.listdir(posts)) if posts.is_dir() else 0):
            language_builds.current = language_builds.Fork(i18n)
            language_builds.current.install()


def _end_fork():
    if language_builds.current is not None:
        language_builds.current.uninstall()
        language_builds.current = None


def on_build_error(error, **kwargs):
    _end_fork()


@event_priority(-150)  # after mkdocs-static-i18n's (-100): the objects the sitemap template sees
def on_env(env, config, files, **kwargs):
    if language_builds.current is not None:
        language_builds.current.last_build = (env, files, language_builds.current.nav, config)
    return env


@event_priority(-150)
def on_nav(nav, config, files, **kwargs):
    if language_builds.current is not None:
        language_builds.current.nav = nav
    return nav


def on_serve(server, config, builder, **kwargs):
    # docs/ is written by this hook from content/ (which `watch:` covers): watching it too made every
    # edit build twice, the second time for the pages the first one wrote. It also saves polling
    # every generated page twice a second.
    server.unwatch(config["docs_dir"])
    return server


def _base(config) -> str:
    return (config.get("site_url") or "/").rstrip("/") + "/"


def on_page_markdown(markdown, page, **kwargs):
    # Pagefind indexes the built pages after the build: Material's search plugin parses no page (it
    # still writes the config and worker its search box needs). Post pages mark the text Pagefind
    # reads (overrides/main.html: data-pagefind-body); other pages are not searched.
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    page.meta["searched"] = indexed(page.url)
    return markdown


def on_post_page(output, page, config, **kwargs):
    description = (page.meta or {}).get("description") or config.get("site_description") or ""
    return finish_page(output, page.url, _base(config), page.title or config["site_name"], description,
                       config["site_name"])


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
def on_post_build(config, **kwargs):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a language build inside the i18n plugin's loop: wait for the last one
    _end_fork()
    site_dir = Path(config["site_dir"])
    if not (site_dir / "search" / "search_index.json").exists():
        return
    write_not_found_pages(site_dir, _base(config))
    slugify = (config["mdx_configs"].get("toc") or {}).get("slugify")
    if _serving_dirty and has_pagefind_indexes(site_dir):
        _reindexer.request(site_dir, slugify)  # the page reloads now; its search follows in seconds
    else:
        try:
            pages = write_pagefind_indexes(site_dir, slugify)
        except SearchIndexError as e:
            raise PluginError(str(e)) from None
        log.info("archive: search (Pagefind): " + ", ".join(f"{lang} {n} pages" for lang, n in pages.items()))
    write_search_stubs(site_dir, cache_tag=not _serving)
    content = gen.last_content()
    if content is None:
        return
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    built = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc).replace(microsecond=0)
    for lang in LANGS:
        out = site_dir / ("" if lang == DEFAULT_LANG else lang) / "feed.xml"
        out.write_text(render_feed(list(content.entries), lang, _base(config), t(lang, "site_name"), built),
                       encoding="utf-8")
