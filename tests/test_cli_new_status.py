"""`new` scaffolds a post that loads and builds; `status` reports coverage, missing and stale."""

from pathlib import Path

import pytest

from scripts.cli import main
from scripts.content.load import load_content
from scripts.site.generate import iter_pages
from scripts.site.i18n import STRINGS
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "golden_content"


@pytest.fixture
def content(golden_copy) -> Path:
    return golden_copy


def test_new_scaffolds_a_valid_post(content, capsys):
    code = main(["--content", str(content), "new", "--title", "Парад Победы 1945 года", "--lang", "ru",
                 "--source", "Канал памяти", "--date", "2025-06-24", "--tags", "#Парад, Victory80"])
    out = capsys.readouterr().out
    assert code == 0 and "created" in out
    folder = content / "posts" / "2025-06-24-parad-pobedy-1945-goda"
    assert sorted(p.name for p in folder.iterdir()) == ["en.md", "meta.yml", "ru.md", "tr.md"]
    entry = next(e for e in load_content(content).entries if e.id == folder.name)
    assert entry.lang == "ru" and str(entry.date) == "2025-06-24"
    assert [t.slug for t in entry.tags] == ["parade", "victory80"]
    assert set(entry.versions) == {"ru"}  # empty translation files: not translated yet
    pages = dict(iter_pages(load_content(content)))
    assert "Оригинал на русском языке." in pages[f"ru/posts/{folder.name}.md"]
    assert "This post has not been translated into English yet." in pages[f"en/posts/{folder.name}.md"]


def test_new_refuses_an_existing_id_and_a_bad_date(content, capsys):
    args = ["--content", str(content), "new", "--title", "X parade", "--lang", "en", "--source", "S"]
    assert main(args) == 0
    capsys.readouterr()
    assert main(args) == 1
    assert "a post with this id exists already" in capsys.readouterr().err
    assert main(args + ["--date", "2025-02-30"]) == 1
    assert "error: --date: '2025-02-30' is not a date (expected YYYY-MM-DD)" in capsys.readouterr().err


def test_status_lists_missing_and_stale(content, capsys):
    assert main(["--content", str(content), "status"]) == 0
    out = capsys.readouterr().out.splitlines()
    n = len(STRINGS["en"])
    assert out[1].split() == ["en", "1/1", "(100%)", "1", "1/2", "(50%)", "1/2", "(50%)", f"{n}/{n}", "(100%)"]
    assert out[3].split()[:3] == ["tr", "0/1", "(0%)"]
    assert "en: stale translation: parade-1941: no original_hash: nobody has checked it against the original" in out
    assert "en: caption not translated: parade-1941#2" in out
    assert "tr: to translate: parade-1941 (2021-11-07, ru: Парад 7 ноября 1941 года)" in out
    assert "ru: tag without a label (add it to content/tags.yml): 7noyabrya" in out


def test_status_page_in_every_language(content):
    pages = dict(iter_pages(load_content(content)))
    for lang in ("en", "ru", "tr"):
        assert "| tr | 0/1 (0%) |" in pages[f"{lang}/status.md"]
