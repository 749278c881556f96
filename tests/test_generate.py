"""The generator: golden pages in each language, idempotence, stale pages removed."""

import shutil
from pathlib import Path

import pytest

from scripts.content.model import LANGS
from scripts.site import generate as gen
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "golden_content"
GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture
def docs(tmp_path) -> Path:
    out = tmp_path / "docs"
    gen.generate(FIXTURE, out)
    return out


def generated_files(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}


def test_golden_pages(docs, update_goldens):
    files = generated_files(docs)
    if update_goldens:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in files.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in sorted(GOLDEN.rglob("*.md"))}
    assert sorted(files) == sorted(expected)
    for rel in expected:
        assert files[rel] == expected[rel], f"{rel} differs from tests/golden/{rel} (run pytest --update-goldens and review the diff)"


def test_same_pages_in_every_language(docs):
    per_lang = {lang: {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")} for lang in LANGS}
    assert per_lang["en"] == per_lang["ru"] == per_lang["tr"]
    assert {"index.md", "archive/index.md", "tags/index.md", "posts/parade-1941.md", "tags/parade.md",
            "tags/7noyabrya.md"} <= per_lang["en"]


def test_translation_states(docs):
    en = (docs / "en/posts/parade-1941.md").read_text(encoding="utf-8")
    tr = (docs / "tr/posts/parade-1941.md").read_text(encoding="utf-8")
    ru = (docs / "ru/posts/parade-1941.md").read_text(encoding="utf-8")
    assert "Translated from Russian by a volunteer, November 2026." in en
    assert '<span lang="ru">Знамя Победы &lt;b&gt;</span>' in en  # caption 2 not translated yet: original, marked
    assert "Bu paylaşım henüz Türkçeye çevrilmedi. Aşağıda metnin Rusça aslı yer alıyor." in tr
    assert '<div lang="ru" markdown>' in tr
    assert "Оригинал на русском языке." in ru
    assert "[#Парад](../tags/parade.md)" in ru


def test_repeat_run_writes_nothing(tmp_path):
    out = tmp_path / "docs"
    first = gen.generate(FIXTURE, out)
    assert first.written == first.pages + 2 > 2  # every page, and the one photo's two copies (WebP, JPEG; it is 64 px wide)
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    # A new process (each mkdocs build is one) finds the digest the last run left and does nothing.
    again = gen.generate(FIXTURE, out)
    assert (again.pages, again.written) == (0, 0)
    # Without the digest every page is rendered and compared, and none is rewritten.
    (FIXTURE.parent / gen.STATE_FILE).unlink()
    second = gen.generate(FIXTURE, out)
    assert second.pages == first.pages and second.written == 0 and second.removed == 0
    assert mtimes == {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_pages_whose_source_is_gone_are_removed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    out = tmp_path / "docs"
    gen.generate(content, out)
    (out / "notes.txt").write_text("not ours")
    shutil.rmtree(content / "posts" / "parade-1941")
    result = gen.generate(content, out)
    assert result.removed > 0
    assert not (out / "en/posts/parade-1941.md").exists()
    assert not (out / "ru/tags/parade.md").exists()
    assert (out / "notes.txt").exists()  # only generated pages are removed
    assert (out / "en/index.md").exists()
