"""Search in the built site: one Pagefind index per language holding the post pages' text and nothing else,
and the stubs that point Material's search box at it (the browser side is in test_browser.py)."""

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from scripts.content.load import load_content
from scripts.content.model import LANGS
from scripts.site.page_config import config_of
from scripts.site.search import (
    Reindexer,
    describe,
    exclude_selectors,
    has_pagefind_indexes,
    indexed,
    lang_root,
    pagefind_command,
    pagefind_sizes,
    write_pagefind_indexes,
)
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    path, messages = built_site
    assert "WARNING" not in messages, messages
    assert "archive: search (Pagefind): en 5 pages, ru 5 pages, tr 5 pages" in messages
    return path


@pytest.fixture(scope="module")
def post_ids():
    return sorted(e.id for e in load_content(ROOT / "content").entries)


def fragments(site: Path, lang: str) -> list[dict]:
    """Pagefind's result fragments of a language, decoded (gzip, then a 12-byte signature, then JSON)."""
    out = []
    for path in sorted((site / lang_root(lang) / "pagefind" / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data[:12] == b"pagefind_dcd"
        out.append(json.loads(data[12:]))
    return out


@pytest.mark.parametrize("url, expected", [
    ("posts/meeting-on-the-elbe/", True), ("ru/posts/meeting-on-the-elbe/", True),
    ("tr/posts/victory-day-greeting/", True),
    ("", False), ("ru/", False), ("archive/", False), ("ru/archive/page/2/", False), ("tags/may-9/", False),
    ("tr/tags/", False), ("days/1945-04-25/", False), ("sources/", False), ("credits/", False),
    ("timeline/", False), ("on-this-day/", False), ("404/", False), ("posts/", False), ("ru/posts/x/y/", False),
])
def test_only_post_pages_are_searched(url, expected):
    assert indexed(url) is expected


def test_pagefind_reads_only_the_languages_post_pages(tmp_path):
    cmd = pagefind_command(tmp_path, "ru", lambda text, sep: text.lower())
    assert cmd[cmd.index("--site") + 1] == str(tmp_path / "ru/")
    assert cmd[cmd.index("--glob") + 1] == "posts/**/*.html"
    assert cmd[cmd.index("--force-language") + 1] == "ru"
    selectors = [cmd[i + 1] for i, arg in enumerate(cmd) if arg == "--exclude-selectors"]
    assert selectors == exclude_selectors("ru", lambda text, sep: text.lower())
    assert {".post-meta", ".lang-notice", ".lightbox", ".breadcrumbs", ".ways-on"} <= set(selectors)
    assert ".credit" not in selectors and ".tags" not in selectors  # photographers, agencies, tags are found
    assert 'h2[id="фотографии"]' in selectors
    assert pagefind_command(tmp_path, "en")[pagefind_command(tmp_path, "en").index("--site") + 1] == str(tmp_path)


def test_one_pagefind_index_per_language_with_its_posts(site, post_ids):
    for lang in LANGS:
        bundle = site / lang_root(lang) / "pagefind"
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang]
        assert entry["languages"][lang]["page_count"] == len(post_ids)
        assert (bundle / "pagefind.js").is_file() and (bundle / f"wasm.{lang}.pagefind").is_file()
        assert list((bundle / "index").glob("*.pf_index"))
        assert not (bundle / "pagefind-ui.js").exists()  # Material's search box is used instead
        urls = sorted(f["url"] for f in fragments(site, lang))
        assert urls == sorted(f"/posts/{post_id}/" for post_id in post_ids)  # posts only, no lists


def test_fragments_hold_the_post_text_and_not_the_page_furniture(site):
    by_url = {lang: {f["url"]: f for f in fragments(site, lang)} for lang in LANGS}
    ru = by_url["ru"]["/posts/elbe-link-up-in-photographs/"]
    assert ru["meta"]["title"] == "Встреча на Эльбе в\u00a0исторических фотографиях"
    assert ru["content"].startswith("Встреча на Эльбе в исторических фотографиях.")  # Pagefind writes U+00A0 as a space
    assert "Советские и британские часовые на Эльбе" in ru["content"]  # a caption
    # Searched since the readers' issue (#13): credits (agency, photographer) and tag labels.
    assert "© Sputnik" in ru["content"] and "Шагин" in ru["content"]
    assert "Мы были союзниками" in by_url["ru"]["/posts/meeting-on-the-elbe/"]["content"]  # its tag
    assert ru["meta"]["source"] == "Sputnik International" and ru["meta"]["date"] == "2024-04-25"
    for absent in ("Источник", "Перевод с", "Версии", "Фотографии", "Памятные даты", "Главная", "Похожие публикации",
                   "RSS", "Предыдущая", "Следующая"):
        assert absent not in ru["content"], absent
    en = by_url["en"]["/posts/elbe-link-up-in-photographs/"]
    for absent in ("Source:", "Original text", "Photographs", "Photo 1", "held by", "can be seen in"):
        assert absent not in en["content"], absent
    tr = by_url["tr"]["/posts/victory-day-greeting/"]
    assert tr["meta"]["title"] == "Zafer Günü kutlama mesajı" and "Zafer" in tr["content"]  # the reviewed TR title


def test_material_gets_a_stub_per_language_and_no_lunr_documents(site):
    tags = set()
    for lang in LANGS:
        stub = json.loads((site / lang_root(lang) / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert stub["docs"] == []
        assert stub["config"]["lang"] == [lang] and stub["config"]["lang_root"] == lang_root(lang)
        assert stub["config"]["separator"]  # Material's highlight on the page a result opens uses it
        assert re.fullmatch("[0-9a-f]{12}", stub["config"]["pagefind_tag"])
        tags.add(stub["config"]["pagefind_tag"])
    assert len(tags) == 3


def test_post_pages_mark_their_text_for_pagefind_and_lists_do_not(site):
    for lang in LANGS:
        root = site / lang_root(lang)
        post = (root / "posts" / "meeting-on-the-elbe" / "index.html").read_text(encoding="utf-8")
        assert post.count("data-pagefind-body") == 1
        body = post.split("data-pagefind-body", 1)[1]
        assert body.index("<h1") < body.index("</article>")
        for page in ("index.html", "archive/index.html", "tags/may-9/index.html", "timeline/index.html"):
            assert "data-pagefind-body" not in (root / page).read_text(encoding="utf-8"), page
        # Material's config comes from the language's file (scripts/site/page_config.py), site-relative.
        config = config_of(post, root / "posts" / "meeting-on-the-elbe" / "index.html")
        assert config["search"] == "assets/javascripts/workers/archive-search.js"
        assert config["base"] == ("" if lang == "en" else f"{lang}/")
    assert (site / "assets" / "javascripts" / "workers" / "archive-search.js").is_file()


def test_pagefind_sizes(site):
    sizes = pagefind_sizes(site)
    assert set(sizes) == set(LANGS)
    for s in sizes.values():
        assert s["files"] > 5 and s["bytes"] > 0
        assert 0 < s["first_query"] < s["served"]


def test_has_pagefind_indexes(site, tmp_path):
    """`mkdocs serve --dirty` keeps the index when every language has one (the hook asks this)."""
    assert has_pagefind_indexes(site)
    shutil.copytree(site / "pagefind", tmp_path / "pagefind")
    assert not has_pagefind_indexes(tmp_path)


def test_reindexer_replaces_the_index_in_the_background(site, tmp_path):
    """`mkdocs serve --dirty`: after a rebuild the index is written again in a thread and replaces the old."""
    import logging

    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = copy / "ru" / "posts" / "meeting-on-the-elbe" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Встреча на Эльбе, 25\u00a0апреля", "Свидание на Эльбе, 25\u00a0апреля"),
                    encoding="utf-8")
    reindexer = Reindexer(logging.getLogger("test"))
    reindexer.request(copy)
    reindexer.request(copy)  # a second rebuild while the first indexing runs: one more run, not two threads
    reindexer.wait()
    assert reindexer.thread is None
    titles = {f["meta"]["title"] for f in fragments(copy, "ru")}
    assert "Свидание на Эльбе, 25\u00a0апреля 1945\u00a0года" in titles  # the seed title has U+00A0 (house style)
    assert "Встреча на Эльбе, 25\u00a0апреля 1945\u00a0года" not in titles
    assert sorted(p.name for p in (copy / "ru").iterdir() if p.name.startswith("pagefind")) == ["pagefind"]


def _slugify():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))["mdx_configs"]["toc"]["slugify"]


def test_an_index_made_from_the_same_pages_is_kept(site, tmp_path):
    """A `mkdocs build --dirty` that changed no post page of a language keeps that language's index (Pagefind
    is most of a no-change rebuild); a changed page, a changed option or `force` index it again."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    slugify = _slugify()

    def stamps(lang):
        return {p.relative_to(copy).as_posix(): p.stat().st_mtime_ns
                for p in (copy / lang_root(lang) / "pagefind").rglob("*") if p.is_file()}

    before = {lang: stamps(lang) for lang in LANGS}
    assert all(f"{lang_root(lang)}pagefind/archive-indexed.txt" in before[lang] for lang in LANGS)  # the build's
    assert write_pagefind_indexes(copy, slugify) == ({"en": 5, "ru": 5, "tr": 5}, ("en", "ru", "tr"))
    assert {lang: stamps(lang) for lang in LANGS} == before  # not a file touched

    page = copy / "ru" / "posts" / "meeting-on-the-elbe" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Встреча на Эльбе, 25\u00a0апреля",
                                                             "Свидание на Эльбе, 25\u00a0апреля"), encoding="utf-8")
    assert write_pagefind_indexes(copy, slugify) == ({"en": 5, "ru": 5, "tr": 5}, ("en", "tr"))
    assert "Свидание на Эльбе, 25\u00a0апреля 1945\u00a0года" in {f["meta"]["title"] for f in fragments(copy, "ru")}
    assert stamps("en") == before["en"] and stamps("tr") == before["tr"]
    assert stamps("ru") != before["ru"]

    for lang in LANGS:  # the generator tag, which Pagefind does not read (ProperDocs writes its own), changes nothing
        for post in (copy / lang_root(lang) / "posts").glob("*/index.html"):
            text = post.read_text(encoding="utf-8")
            assert text.count('<meta name="generator" content="mkdocs-1.6.1,') == 1
            post.write_text(text.replace('content="mkdocs-1.6.1,', 'content="mkdocs-ProperDocs 1.6.7,'), encoding="utf-8")
    assert write_pagefind_indexes(copy, slugify)[1] == ("en", "ru", "tr")
    assert write_pagefind_indexes(copy, None)[1] == ()  # other options (no gallery heading excluded): all again
    assert write_pagefind_indexes(copy, None)[1] == ("en", "ru", "tr")
    assert write_pagefind_indexes(copy, None, force=True)[1] == ()
    (copy / "tr" / "pagefind" / "archive-indexed.txt").unlink()  # an index of unknown making is made again
    assert write_pagefind_indexes(copy, None)[1] == ("en", "ru")
    assert describe({"en": 5, "ru": 5, "tr": 0}, ("ru",)) == "en 5 pages, ru 5 pages (unchanged, kept), tr 0 pages"
