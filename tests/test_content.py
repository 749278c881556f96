"""Validation of content/: every problem as `path:line: problem (expected ...)`, sorted, all at once."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.content.load import load_content
from scripts.content.model import ContentErrors
from tests.conftest import ROOT, copy_project

FIXTURE = ROOT / "tests" / "fixtures" / "golden_content"


@pytest.fixture
def content(golden_copy) -> Path:
    return golden_copy


def errors_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_content(root)
    return str(info.value).splitlines()


def edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_fixture_is_valid(content):
    assert [e.id for e in load_content(content).entries] == ["parade-1941"]


def test_unknown_key_bad_date_unknown_language_all_at_once(content):
    meta = content / "posts/parade-1941/meta.yml"
    edit(meta, "date: '2021-11-07'", "date: '2021-13-07'\ndat: x")
    edit(meta, "lang: ru", "lang: xx")  # (German, 'de', is a language an original may be in)
    assert errors_of(content) == [
        "content/posts/parade-1941/meta.yml:1: date: '2021-13-07' is not a date (expected YYYY-MM-DD)",
        "content/posts/parade-1941/meta.yml:2: unknown key 'dat' (expected one of: date, date_inferred, time, "
        "source, lang, tags, commemorates, missing_media, gallery, rights, fingerprint)",
        "content/posts/parade-1941/meta.yml:8: lang: unknown language 'xx' (expected one of en, ru, tr, uk, be, de, fr, pl)",
    ]


def test_unknown_language_file_and_missing_title(content):
    (content / "posts/parade-1941/de.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    edit(content / "posts/parade-1941/en.md", "title: The parade of 7 November 1941\n", "")
    assert errors_of(content) == [
        "content/posts/parade-1941/de.md: unknown language file 'de.md' (expected one of: en.md, ru.md, tr.md)",
        "content/posts/parade-1941/en.md:1: missing title (expected 'title: ...' in the front matter)",
    ]


def test_yaml_syntax_error_has_its_line(content):
    edit(content / "posts/parade-1941/ru.md", "title: Парад 7 ноября 1941 года", "title: [Парад")
    [error] = errors_of(content)
    assert error.startswith("content/posts/parade-1941/ru.md:3: YAML syntax:")


def test_duplicate_key_and_wrong_translation_of(content):
    edit(content / "posts/parade-1941/en.md", "translation_of: ru", "translation_of: tr\ntitle: again")
    assert errors_of(content) == ["content/posts/parade-1941/en.md:4: key 'title' appears twice"]
    edit(content / "posts/parade-1941/en.md", "\ntitle: again", "")
    assert errors_of(content) == [
        "content/posts/parade-1941/en.md:3: translation_of: 'tr' (expected 'ru', the original's language)"]


def test_bad_id_and_missing_original(content):
    shutil.copytree(content / "posts/parade-1941", content / "posts/Parade_1941")
    (content / "posts/Parade_1941/ru.md").unlink()
    (content / "posts/Parade_1941/meta.yml").write_text(
        (content / "posts/Parade_1941/meta.yml").read_text(encoding="utf-8").replace("item: 1", "item: 2"),
        encoding="utf-8")
    errors = errors_of(content)
    assert "content/posts/Parade_1941: post id 'Parade_1941' is not a lowercase slug (expected letters a-z, " \
           "digits and '-', e.g. 'parade-1941')" in errors
    assert "content/posts/Parade_1941/ru.md: missing the original text (meta.yml says lang: ru; expected ru.md)" in errors


def test_duplicate_post(content):
    meta = content / "posts/parade-1941/meta.yml"
    edit(meta, "missing_media:", "fingerprint: abc123\nmissing_media:")
    shutil.copytree(content / "posts/parade-1941", content / "posts/parade-1941-copy")
    assert errors_of(content) == [
        "content/posts/parade-1941-copy/meta.yml:13: duplicate post: the same text as content/posts/parade-1941 "
        "(expected each imported item once; remove one folder)"]


def test_tag_registry_problems(content):
    (content / "tags.yml").write_text("Bad Slug:\n  label: x\nparade:\n  label: {de: Parade}\n  colour: red\n"
                                      "other:\n  aliases: [parade]\n", encoding="utf-8")
    assert errors_of(content) == [
        "content/tags.yml:1: tag slug 'Bad Slug' is not a lowercase ASCII slug (expected 'bad-slug')",
        "content/tags.yml:4: tag 'parade': unknown language 'de' (expected one of en, ru, tr)",
        "content/tags.yml:5: unknown key 'colour' in tag 'parade' (expected label, aliases)",
        "content/tags.yml:6: tag 'other': alias 'parade' already belongs to tag 'parade'",
    ]


def test_build_stops_with_the_message_and_no_traceback(tmp_path):
    copy_project(tmp_path, ("mkdocs.yml", "scripts", "overrides"))
    shutil.copytree(FIXTURE, tmp_path / "content")
    edit(tmp_path / "content/posts/parade-1941/meta.yml", "lang: ru", "lang: xx")
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True,
                          text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1
    assert "content/posts/parade-1941/meta.yml:7: lang: unknown language 'xx' (expected one of en, ru, tr, uk, be, de, fr, pl)" in proc.stderr
    assert "Traceback" not in proc.stderr
