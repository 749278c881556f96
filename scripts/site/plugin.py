"""The MkDocs plugin `archive`: generate docs/ from content/ before each build (the i18n plugin builds
once per language), finish each page's head, and after the last language index the posts for search
(Pagefind) and write the feeds. Its state (the generator, the language fork, the re-indexer) lives on
the plugin object, one per `mkdocs build` or `mkdocs serve`."""

from __future__ import annotations

import html
import logging
import os
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.utils import get_relative_url

from ..content.model import DEFAULT_LANG, LANGS, ContentError
from . import language_builds
from .about_page import footer_html
from .csp import PolicyCache, add_policy
from .feeds import FEED_CSS, render_feed, render_feed_style
from .generate import Generator
from .head import finish_page, write_not_found_pages
from .i18n import t
from .open_data import write_open_data
from .post_finish import finish_post, post_of
from .minify import minify_page
from .page_config import PageConfigs
from .site_size import check_site_size
from .search import (
    Reindexer,
    SearchIndexError,
    describe,
    has_pagefind_indexes,
    indexed,
    write_pagefind_indexes,
    write_search_stubs,
)

log = logging.getLogger("mkdocs.plugins.archive")


class ArchiveConfig(base.Config):
    content_dir = c.Type(str, default="content")  # beside mkdocs.yml
    # Build the last language in a second process: from 300 posts (auto), always or never.
    parallel_languages = c.Choice(("auto", "always", "never"), default="auto")
    # Each page's HTML minified as it is written (scripts/site/minify.py); off only to read Material's raw output.
    minify = c.Type(bool, default=True)
    # GitHub Pages publishes sites of at most 1 GB: a message past size_warning_mb, a warning (which fails
    # `mkdocs build --strict`) past size_limit_mb. MB = 10^6 bytes, every file under site_dir.
    size_warning_mb = c.Type((int, float), default=800)
    size_limit_mb = c.Type((int, float), default=1000)


class ArchivePlugin(BasePlugin[ArchiveConfig]):
    def __init__(self):
        self.is_serve = False
        self.is_dirty = False  # `mkdocs serve --dirty`: a rebuild renders only the pages whose files changed
        self.command = None
        self.generator = Generator()
        self.fork = None  # the language_builds.Fork installed for the site build under way
        self.reindexer = Reindexer(log)
        self.policies = None  # csp.PolicyCache of the build under way (the theme's environment)
        self._posts_of, self._posts = None, {}  # the content whose posts _post_of indexed, and that index
        self.page_configs = PageConfigs()
        self.served = False  # under `mkdocs serve --dirty`: the first build is done, this is a rebuild

    def on_startup(self, command, dirty, **kwargs):
        # Defined, so that `mkdocs serve` keeps this object (and its generator) across rebuilds.
        self.command = command
        self.is_serve = command == "serve"
        self.is_dirty = self.is_serve and dirty
        self.generator.serve = self.is_dirty  # keeps the pages between rebuilds (generate.Generator)

    def _dirty_rebuild(self) -> bool:
        """A rebuild of `mkdocs serve --dirty` after its first build: only what the edit reaches is
        rendered; the rest of the site is the first build's."""
        return self.is_dirty and self.served

    def on_config(self, config, **kwargs):
        if self._dirty_rebuild():
            # Each language's 404 page is the generated 404.md, moved to <lang>/404.html after the build
            # (head.write_not_found_pages); the theme's 404.html only came before it. The sitemap lists
            # every page: a dirty rebuild knows only the pages it renders (and nothing reads it under serve).
            config.theme.static_templates.difference_update({"404.html", "sitemap.xml"})
        return config

    def on_files(self, files, config, **kwargs):
        # Before mkdocs-static-i18n's (-100), which prepares every file once per language. A dirty rebuild
        # renders only the pages generate wrote; MkDocs needs besides them the pages they link to (to
        # resolve the links) and those of the navigation, each in every language (the language switcher).
        # The rest of the site stays as the first build wrote it. The built 404/ page is moved away after
        # each build (head.write_not_found_pages): it is rendered again only when generate wrote it.
        if not self._dirty_rebuild():
            return files
        keep = self.generator.pages_reached() | set(_nav_pages(config.get("nav") or []))
        written = self.generator.written
        return Files([file for file in files if not file.is_documentation_page() or (
            file.src_uri.partition("/")[2] in keep
            and (not file.src_uri.endswith("/404.md") or file.src_uri in written))])

    def on_pre_build(self, config, **kwargs):
        root = Path(config["config_file_path"]).parent
        content_dir = root / self.config.content_dir
        try:
            result = self.generator.generate(content_dir, Path(config["docs_dir"]))
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
            self._end_fork()
            posts = content_dir / "posts"
            count = len(os.listdir(posts)) if posts.is_dir() else 0
            if language_builds.wanted(self.command, count, self.config.parallel_languages):
                self.fork = language_builds.Fork(i18n)
                self.fork.install()

    def _end_fork(self):
        if self.fork is not None:
            self.fork.uninstall()
            self.fork = None

    def on_build_error(self, error, **kwargs):
        self._end_fork()

    @event_priority(-150)  # after mkdocs-static-i18n's (-100): the objects the sitemap template sees
    def on_env(self, env, config, files, **kwargs):
        self.policies = PolicyCache(env, config)
        env.globals["archive_footer"] = footer_html  # overrides/partials/copyright.html
        if self.fork is not None:
            self.fork.last_build = (env, files, self.fork.nav, config)
        return env

    @event_priority(-150)
    def on_nav(self, nav, config, files, **kwargs):
        if self.fork is not None:
            self.fork.nav = nav
        return nav

    def on_serve(self, server, config, builder, **kwargs):
        # docs/ is written by this plugin from content/ (which `watch:` covers): watching it too made
        # every edit build twice, the second time for the pages the first one wrote. It also saves
        # polling every generated page twice a second.
        server.unwatch(config["docs_dir"])
        return server

    def on_page_markdown(self, markdown, page, **kwargs):
        # Pagefind indexes the built pages after the build: Material's search plugin parses no page (it
        # still writes the config and worker its search box needs). Post pages mark the text Pagefind
        # reads (overrides/main.html: data-pagefind-body); other pages are not searched.
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        page.meta["searched"] = indexed(page.url)
        return markdown

    def on_post_page(self, output, page, config, **kwargs):
        # The front matter's title and description are HTML text (fragments.front_matter): read back as
        # the plain text head_tags escapes for its attributes.
        description = html.unescape(str((page.meta or {}).get("description") or config.get("site_description") or ""))
        title = html.unescape(str(page.title or config["site_name"]))
        output = finish_page(output, page.url, _base(config), title, description, config["site_name"])
        # Citation meta, JSON-LD and the 'Cite this' block of a post page (scripts/site/post_finish.py).
        post = self._post_of(page.url)
        if post is not None:
            output = finish_post(output, *post, _base(config), self.generator.last_content().sources)
        # Not under `mkdocs serve`: its live reload is an inline script with a new timestamp in every
        # response, which no hash can allow. The built site, what is published, always has the policy.
        # The page's config as a file of its language, not inline (page_config.py).
        output = self.page_configs.externalize(output, page.url, config["site_dir"],
                                               minify_page if self.config.minify else None)
        # Last but the minifier: the policy hashes the page's inline scripts as they are (the minifier
        # passes scripts through byte for byte).
        if self.policies is not None and not self.is_serve:
            output = add_policy(output, self.policies.tag_for(output, get_relative_url(".", page.url)))
        return minify_page(output) if self.config.minify else output

    def _post_of(self, url):
        content = self.generator.last_content()
        if content is None:
            return None
        if self._posts_of is not content:  # a new load: index its posts by id once
            self._posts_of, self._posts = content, {e.id: e for e in content.entries}
        return post_of(url, self._posts)

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and merged the index
    def on_post_build(self, config, **kwargs):
        i18n = config.plugins.get("i18n")
        if i18n is not None and getattr(i18n, "building", False):
            return  # a language build inside the i18n plugin's loop: wait for the last one
        self._end_fork()
        site_dir = Path(config["site_dir"])
        if not (site_dir / "search" / "search_index.json").exists():
            return
        write_not_found_pages(site_dir, _base(config))
        slugify = (config["mdx_configs"].get("toc") or {}).get("slugify")
        content = self.generator.last_content()
        background = self.is_dirty and has_pagefind_indexes(site_dir)
        if background:
            # The page reloads now; its search, the feeds and the open data (no page shows them) follow
            # in seconds, written in the re-indexer's thread.
            self.reindexer.request(site_dir, slugify, lambda: self._write_feeds_and_data(site_dir, content, _base(config)))
        else:
            try:
                indexed = write_pagefind_indexes(site_dir, slugify)
            except SearchIndexError as e:
                raise PluginError(str(e)) from None
            log.info("archive: search (Pagefind): " + describe(*indexed))
        write_search_stubs(site_dir, cache_tag=not self.is_serve)
        if not background:
            self._write_feeds_and_data(site_dir, content, _base(config))
        self._check_size(site_dir)
        self.served = self.is_serve

    def _write_feeds_and_data(self, site_dir: Path, content, base: str) -> None:
        """Each language's feed and its style, and the open data (raw copies, citation downloads, /data/)."""
        if content is None:
            return
        epoch = os.environ.get("SOURCE_DATE_EPOCH")
        built = (datetime.fromtimestamp(int(epoch), timezone.utc) if epoch
                 else datetime.now(timezone.utc).replace(microsecond=0))
        (site_dir / FEED_CSS).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / FEED_CSS).write_text(render_feed_style(), encoding="utf-8")
        for lang in LANGS:
            out = site_dir / ("" if lang == DEFAULT_LANG else lang) / "feed.xml"
            out.write_text(render_feed(list(content.entries), lang, base, t(lang, "site_name"), built),
                           encoding="utf-8")
        # The raw copies, the citation downloads and /data/ (scripts/site/open_data.py).
        write_open_data(site_dir, content, base)

    def _check_size(self, site_dir: Path) -> None:
        """After the last file is written: GitHub Pages' limit (site_size.py). Not under `mkdocs serve`."""
        if not self.is_serve:
            check_site_size(site_dir, self.config.size_warning_mb, self.config.size_limit_mb, log)


def _nav_pages(nav):
    """The page paths of mkdocs.yml's nav (a list of pages, {title: page} and {title: [...]})."""
    for item in nav:
        if isinstance(item, dict):
            yield from _nav_pages(item.values())
        elif isinstance(item, list):
            yield from _nav_pages(item)
        elif isinstance(item, str) and item.endswith(".md"):
            yield item


def _base(config) -> str:
    return (config.get("site_url") or "/").rstrip("/") + "/"
