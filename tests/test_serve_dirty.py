"""What a rebuild of `mkdocs serve --dirty` leaves out or defers (scripts/bench/serve.py times it), and
that `mkdocs build` still does all of it."""

import os
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File, Files

from scripts.site import generate as gen
from scripts.site import plugin as plugin_module
from scripts.site.plugin import ArchivePlugin
from tests.test_determinism import digest
from tests.conftest import ROOT

POST = "meeting-on-the-elbe"


def _retitle(content: Path, title: str) -> None:
    page = content / "posts" / POST / "en.md"
    page.write_text(re.sub(r"(?m)^title: .*$", f"title: {title}", page.read_text(encoding="utf-8"), count=1),
                    encoding="utf-8")


def test_a_serve_generator_renders_only_the_posts_an_edit_reaches_and_writes_the_same_docs(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    rendered = []
    render_post = gen.render_post
    monkeypatch.setattr(gen, "render_post", lambda entry, *a, **k: rendered.append(entry.id) or render_post(entry, *a, **k))
    serving = gen.Generator(serve=True)
    serving.generate(content, tmp_path / "docs")
    assert len(set(rendered)) == 5
    for n in (1, 2):
        rendered.clear()
        _retitle(content, f"Edited while serving {n}")
        result = serving.generate(content, tmp_path / "docs")
        assert f"en/posts/{POST}.md" in serving.written and result.written == len(serving.written)
        assert POST in rendered  # and the posts whose ways on name it
        (tmp_path / ".cache" / "generated").unlink()  # a fresh generator, as `mkdocs build` has
        gen.generate(content, tmp_path / f"fresh{n}")
        assert digest(tmp_path / "docs") == digest(tmp_path / f"fresh{n}")
    # A save that changes no post (the signature differs, the content does not): nothing rendered again.
    rendered.clear()
    os.utime(content / "posts" / POST / "en.md")
    (content / "posts" / POST / "en.md").write_text((content / "posts" / POST / "en.md").read_text(encoding="utf-8"),
                                                    encoding="utf-8")
    result = serving.generate(content, tmp_path / "docs")
    assert result.pages > 0 and result.written == 0 and serving.written == frozenset()
    assert rendered == []


class _Config(dict):
    def __init__(self, site_dir: Path):
        super().__init__(site_dir=str(site_dir), site_url="http://127.0.0.1:8000/", mdx_configs={},
                         site_name="Archive", site_description="")
        self.plugins = {}
        self.theme = SimpleNamespace(static_templates={"404.html", "sitemap.xml", "other.html"})


@pytest.fixture
def post_build(tmp_path, monkeypatch):
    """The archive plugin's on_post_build with its writers recorded instead of run."""
    calls = []
    for name in ("write_not_found_pages", "write_search_stubs", "write_open_data"):
        monkeypatch.setattr(plugin_module, name, lambda *a, name=name, **k: calls.append(name))
    monkeypatch.setattr(plugin_module, "write_pagefind_indexes", lambda *a: calls.append("pagefind") or ({}, 0))
    monkeypatch.setattr(plugin_module, "describe", lambda *a: "")
    monkeypatch.setattr(plugin_module, "has_pagefind_indexes", lambda site_dir: True)
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    for lang in ("ru", "tr"):
        (site / lang).mkdir()
    (site / "search" / "search_index.json").write_text("{}", encoding="utf-8")

    def run(command: str, dirty: bool):
        plugin = ArchivePlugin()
        plugin.load_config({})
        plugin.on_startup(command=command, dirty=dirty)
        plugin.generator.content = SimpleNamespace(entries=())
        requested = []
        plugin.reindexer = SimpleNamespace(request=lambda *a: requested.append(a))
        calls.clear()
        plugin.on_post_build(_Config(site))
        return plugin, list(calls), requested, calls
    return run


def test_a_dirty_serve_rebuild_writes_feeds_and_open_data_in_the_background(post_build):
    plugin, calls, requested, later = post_build("serve", True)
    assert calls == ["write_not_found_pages", "write_search_stubs"]
    assert plugin.served and len(requested) == 1
    (site_dir, slugify, before), = requested
    before()  # what the re-indexer's thread runs before Pagefind
    assert later[-1] == "write_open_data" and (Path(site_dir) / "feed.xml").is_file()


def test_a_build_and_a_plain_serve_write_feeds_open_data_and_search_at_once(post_build):
    for command, dirty in (("build", False), ("build", True), ("serve", False)):
        plugin, calls, requested, _ = post_build(command, dirty)
        assert calls == ["write_not_found_pages", "pagefind", "write_search_stubs", "write_open_data"], command
        assert requested == []
        assert plugin._dirty_rebuild() is False


PATHS = ("en/404.md", "ru/404.md", "en/index.md", "en/posts/a.md", "en/posts/b.md", "ru/posts/b.md",
         "en/posts/c.md", "tr/about.md", "en/assets/photo.jpg")


def _files(tmp_path) -> Files:
    return Files([File(path, str(tmp_path), str(tmp_path / "site"), True) for path in PATHS])


@pytest.mark.parametrize("command,dirty,served", [("build", False, True), ("build", True, True),
                                                   ("serve", False, True), ("serve", True, False)])
def test_builds_other_than_a_dirty_rebuild_keep_every_page_and_template(tmp_path, command, dirty, served):
    plugin = ArchivePlugin()
    plugin.load_config({})
    plugin.on_startup(command=command, dirty=dirty)
    plugin.served = served  # a serve --dirty that has not finished its first build
    config = _Config(tmp_path / "site")
    assert plugin.on_config(config).theme.static_templates == {"404.html", "sitemap.xml", "other.html"}
    assert [f.src_uri for f in plugin.on_files(_files(tmp_path), config)] == list(PATHS)


def test_a_dirty_serve_rebuild_hands_mkdocs_only_the_pages_generate_wrote_and_those_they_need(tmp_path):
    plugin = ArchivePlugin()
    plugin.load_config({})
    plugin.on_startup(command="serve", dirty=True)
    plugin.served = True
    config = _Config(tmp_path / "site")
    config["nav"] = [{"Home": "index.md"}, {"More": [{"About": "about.md"}]}]
    assert plugin.on_config(config).theme.static_templates == {"other.html"}
    plugin.generator.written = frozenset({"ru/404.md", "en/posts/a.md"})
    plugin.generator._kept["en/posts/a.md"] = "[Home](../index.md) and [b](b.md#photo-1)"
    # The written pages in every language, the pages they link to, the navigation's, every other file;
    # a 404 page only where it was written.
    assert [f.src_uri for f in plugin.on_files(_files(tmp_path), config)] == [
        "ru/404.md", "en/index.md", "en/posts/a.md", "en/posts/b.md", "ru/posts/b.md", "tr/about.md",
        "en/assets/photo.jpg"]


def test_a_serve_load_reads_again_only_the_post_folders_that_changed(tmp_path, monkeypatch):
    from scripts.content import load

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    read = []
    read_entry = load.read_entry
    monkeypatch.setattr(load, "read_entry", lambda folder, *a: read.append(folder.name) or read_entry(folder, *a))
    reads = {}
    first = load.load_content(content, parallel_ok=False, reads=reads)
    assert len(read) == len(first.entries) == len(reads)
    read.clear()
    _retitle(content, "Edited while serving")
    again = load.load_content(content, parallel_ok=False, reads=reads)
    assert read == [POST]
    assert repr(again.entries) == repr(load.load_content(content).entries)  # as a fresh load
