"""The benchmark's synthetic archive imports and generates; its table has the columns the README shows.
Nothing here asserts a timing."""

import re

import pytest

from scripts.bench import archive as bench
from scripts.content.model import LANGS
from scripts.sources import gallery_article as import_gallery_article
from scripts.sources import telegram_web as import_telegram_web


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    snapshot = bench.write_snapshot(work / "snapshot")
    return bench.bench(5, work / "posts-5", snapshot, runs=1, build=False, log=lambda message: None)


def test_synthetic_archive_imports_every_post(result):
    assert result.posts == 5
    assert result.created == 5
    assert result.imported == 5


def test_repeat_generate_writes_nothing(result):
    assert result.repeat_written == [0]


def test_table_columns(result):
    table = bench.render_tables([result], runs=1)
    header, rule, row = table.splitlines()[:3]
    assert header == "| " + " | ".join(bench.COLUMNS) + " |"
    assert [c.strip() for c in header.strip("|").split("|")] == [
        "posts", "pages", "site MB", "import s", "import MB", "generate s", "generate MB", "repeat generate s",
        "repeat written", "build s", "build MB", "en-only build s", "en-only build MB", "build / 3× en-only"]
    assert set(rule.replace(" ", "").strip("|").split("|")) == {"---:"}
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == len(bench.COLUMNS)
    assert cells[0] == "5" and cells[bench.COLUMNS.index("repeat written")] == "0"
    assert cells[bench.COLUMNS.index("build s")] == "–"  # --no-build
    assert "search index" not in table


def test_search_table_columns():
    search = {enc: {k: 1.0 for k in (*LANGS, "total")} for enc in ("written", "gzip", "utf8")}
    r = bench.Result(posts=3, imported=3, created=3, search={**search, "files": 3, "ascii": False})
    lines = bench.render_tables([r], runs=1).splitlines()
    header = next(line for line in lines if "search index" in line)
    assert [c.strip() for c in header.strip("|").split("|")] == list(bench.SEARCH_COLUMNS)
    assert sum(1 for line in lines if line.startswith("| 3 | as ")) == 3


def test_synthetic_sources_are_deterministic_and_parse_to_n_posts():
    files = bench.synthetic_sources(60, seed=7)
    assert files == bench.synthetic_sources(60, seed=7)
    assert files != bench.synthetic_sources(60, seed=8)
    posts = []
    for name, text in files.items():
        fmt = import_telegram_web if import_telegram_web.looks_like(text) else import_gallery_article
        assert fmt.looks_like(text), name
        posts += fmt.parse(text)
    assert len(posts) == 60
    assert {p.lang for p in posts} == set(LANGS)
    assert any(p.photos for p in posts) and any(p.missing_media for p in posts)
    tags = {t for p in posts for t in p.tags}
    assert any(re.search("[а-я]", t) for t in tags) and any(set("ğüşıİöç") & set(t) for t in tags)
    words = sum(len(" ".join(par.text for par in p.paragraphs).split()) for p in posts) / len(posts)
    assert 200 < words < 400


def test_en_only_config_sets_build_only_locale(result):
    from mkdocs.config import load_config

    config = load_config(str(result.project / bench.EN_ONLY_CONFIG))
    assert config.plugins["i18n"].config.build_only_locale == "en"


def test_pagefind_table():
    sizes = {lang: {"files": 10, "bytes": 2e6, "served": 2e6, "index": 1e6, "fragment": 0.9e6, "first_query": 95e3}
             for lang in LANGS}
    r = bench.Result(posts=3, imported=3, created=3, pagefind=sizes)
    lines = bench.render_tables([r], runs=1).splitlines()
    header = next(line for line in lines if "Pagefind files" in line)
    assert [c.strip() for c in header.strip("|").split("|")] == list(bench.PAGEFIND_COLUMNS)
    rows = lines[lines.index(header) + 2:][:3]
    assert [row.split("|")[2].strip() for row in rows] == list(LANGS)
    assert rows[0].split("|")[-2].strip() == "95"  # first query KB
    assert "search index" not in "\n".join(lines)  # no lunr table without lunr documents
