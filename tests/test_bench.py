"""The benchmark's synthetic archive imports and generates; its table has the columns the README shows.
Nothing here asserts a timing."""

import re

import pytest

from scripts.bench import archive as bench
from scripts.content.model import LANGS
from scripts.bench import weight
from tests.conftest import ROOT as ROOT_DIR
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
        "repeat written", "build s", "build MB", "no-change rebuild s", "rebuild / build, CPU", "en-only build s",
        "en-only build MB", "build / 3× en-only", "3× plain Material s", "build / 3× plain"]
    assert set(rule.replace(" ", "").strip("|").split("|")) == {"---:"}
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert len(cells) == len(bench.COLUMNS)
    assert cells[0] == "5" and cells[bench.COLUMNS.index("repeat written")] == "0"
    assert cells[bench.COLUMNS.index("build s")] == "–"  # --no-build
    assert "search index" not in table


def test_rebuild_ratio_is_of_cpu_seconds():
    stage = lambda wall, cpu: bench.Stage(seconds=wall, cpu=cpu, peak_mb=1.0, stdout="")
    r = bench.Result(posts=3, imported=3, created=3, stages={
        "build": [stage(100.0, 80.0), stage(90.0, 60.0), stage(300.0, 70.0)],
        "rebuild": [stage(10.0, 14.0), stage(50.0, 7.0)]})
    cells = [c.strip() for c in bench.render_tables([r], runs=3).splitlines()[2].strip("|").split("|")]
    assert cells[bench.COLUMNS.index("build s")] == "100.0"  # medians: wall time 100, CPU 70
    assert cells[bench.COLUMNS.index("no-change rebuild s")] == "30.0"
    assert cells[bench.COLUMNS.index("rebuild / build, CPU")] == "0.15"  # 10.5 / 70


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
    # A compared run: each row says which tree it measured.
    before = bench.Result(posts=3, imported=3, created=3, pagefind=sizes, label="before")
    lines = bench.render_tables([before, r], runs=1).splitlines()
    header = next(line for line in lines if "Pagefind files" in line)
    rows = lines[lines.index(header) + 2:][:6]
    assert [row.split("|")[1].strip() for row in rows] == ["3 (before)"] * 3 + ["3"] * 3


def test_plain_config_is_material_alone():
    """The baseline of 'build / 3× plain': one language's generated pages, MkDocs + Material + lunr search."""
    import yaml


    text = (ROOT_DIR / "mkdocs.yml").read_text(encoding="utf-8")
    plain = bench.render_plain_config(text, "ru")
    assert "- i18n" not in plain and "- archive" not in plain
    assert "custom_dir" not in plain and "\nwatch:" not in plain
    data = yaml.load(plain.replace("!ENV", "").replace("!!python/object/apply:pymdownx.slugs.slugify", ""),
                     Loader=yaml.SafeLoader)
    assert data["docs_dir"] == "docs/ru" and data["theme"]["language"] == "ru"
    assert data["plugins"] == [{"search": {"lang": "ru"}}]
    assert data["nav"] == yaml.safe_load(text.split("\nnav:\n")[1].split("\n\n")[0].join(["nav:\n", ""]))["nav"]


def test_weight_table(tmp_path):
    site = tmp_path / "site"
    (site / "ru" / "posts" / "a").mkdir(parents=True)
    opening = b'<article class="md-content__inner md-typeset">'
    (site / "ru" / "posts" / "a" / "index.html").write_bytes(
        b"h" * 1000 + opening + b"y" * (2000 - len(opening) - len(b"</article>")) + b"</article>")
    index = b'<article class="md-content__inner"><article>z</article></article>' + b"t" * 13  # cards are articles
    (site / "index.html").write_bytes(index)
    (site / "bundle.js").write_bytes(b"j" * 10_000)
    w = weight.site_weights(site)
    assert (w.pages, w.post_pages, w.html_bytes, w.site_bytes) == (2, 1, 3000 + len(index), 13_000 + len(index))
    assert w.max_chrome == 1000 and w.max_chrome_page == "ru/posts/a/index.html"
    assert w.chrome_bytes == 1000 + 13
    r = bench.Result(posts=1, imported=1, created=1, weights=w, label="after")
    lines = bench.render_tables([r], runs=1).splitlines()
    header = next(line for line in lines if "KB chrome / page" in line)
    assert [c.strip() for c in header.strip("|").split("|")] == list(bench.WEIGHT_COLUMNS)
    row = [c.strip() for c in lines[lines.index(header) + 2].strip("|").split("|")]
    assert row[0] == "1 (after)" and row[4] == "3.0" and row[6] == "1.0"
    assert weight.max_posts(400_000_000, 10_000) == 25_000
    assert weight.max_posts(400_000_000, 10_000, fixed_bytes=3_000_000) == 25_113
