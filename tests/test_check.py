"""`python -m scripts check`: every problem at once, sorted; warnings fail only with --strict."""

import shutil
from pathlib import Path

import pytest

from scripts.cli import main
from scripts.content.load import load_content, original_text, text_hash
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "golden_content"


@pytest.fixture
def content(tmp_path) -> Path:
    root = tmp_path / "content"
    shutil.copytree(FIXTURE, root)
    entry = load_content(root).entries[0]
    en = root / "posts/parade-1941/en.md"
    en.write_text(en.read_text(encoding="utf-8").replace(
        "translation_of: ru", f"translation_of: ru\noriginal_hash: {text_hash(original_text(entry.original))}"),
        encoding="utf-8")
    return root


def run(capsys, *args):
    code = main(list(args))
    return code, capsys.readouterr().out


def test_clean(content, capsys):
    assert run(capsys, "--content", str(content), "check", "--strict") == (0, "0 errors, 0 warnings\n")


def test_the_real_content_is_clean(capsys):
    code, out = run(capsys, "--content", str(ROOT / "content"), "check", "--strict")
    assert (code, out) == (0, "0 errors, 0 warnings\n")


def test_warnings_fail_only_when_strict(content, capsys):
    ru = content / "posts/parade-1941/ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("прямо на фронт", "прямо на передовую"), encoding="utf-8")
    meta = content / "posts/parade-1941/meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("- photographer: Pfc. William E. Poulson\n  rights: https://creativecommons.org/publicdomain/mark/1.0/",
                                                              "- agency: ''"), encoding="utf-8")
    (content / "sources" / "unused.txt").write_text("Forwarded from X\nText.\n", encoding="utf-8")
    code, out = run(capsys, "--content", str(content), "check")
    current = text_hash(original_text(load_content(content).entries[0].original))
    assert code == 0
    assert out.splitlines() == [
        "content/posts/parade-1941/en.md:1: warning: translation was made from an earlier original "
        f"(original_hash {out.split('original_hash ')[1][:12]}, now {current}): check it against ru.md, then set "
        f"original_hash: {current}",
        "content/posts/parade-1941/meta.yml: warning: gallery item 2 has no credit (expected agency, photographer or rights)",
        "content/posts/parade-1941/meta.yml: warning: no rights statement for gallery item(s) 2 (expected 'rights: <URI>' in each)",
        "content/sources/unused.txt: warning: no post refers to this raw source (expected source.raw in some meta.yml)",
        "0 errors, 4 warnings",
    ]
    assert run(capsys, "--content", str(content), "check", "--strict")[0] == 1


def test_errors_and_broken_links(content, capsys):
    en = content / "posts/parade-1941/en.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nSee [the other parade](parade-1945.md) and [tag](../tags/parade.md).\n",
                  encoding="utf-8")
    code, out = run(capsys, "--content", str(content), "check")
    assert code == 1
    assert out.splitlines() == [
        "content/posts/parade-1941/en.md:16: broken link 'parade-1945.md' (expected a post as '<id>.md', a tag as "
        "'../tags/<slug>.md', or a file in the post's folder)",
        "1 error, 0 warnings",
    ]


def test_hashtags_sharing_a_page(content, capsys):
    ru = content / "posts/parade-1941/ru.md"
    ru.write_text(ru.read_text(encoding="utf-8") + "\nЕщё #Pobeda и #Победа.\n", encoding="utf-8")
    code, out = run(capsys, "--content", str(content), "check")
    assert "content/tags.yml: warning: hashtags #Pobeda, #Победа share the page tags/pobeda/ (expected one " \
           "registered tag listing them as aliases)" in out.splitlines()


def test_content_errors_are_listed_sorted(content, capsys):
    (content / "posts/parade-1941/de.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    meta = content / "posts/parade-1941/meta.yml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("date: '2021-11-07'", "date: yesterday"), encoding="utf-8")
    code, out = run(capsys, "--content", str(content), "check")
    assert code == 1
    assert out.splitlines() == [
        "content/posts/parade-1941/de.md: unknown language file 'de.md' (expected one of: en.md, ru.md, tr.md)",
        "content/posts/parade-1941/meta.yml:1: date: 'yesterday' is not a date (expected YYYY-MM-DD)",
        "2 errors, 0 warnings",
    ]


def test_raw_html_and_unsafe_links_in_a_body_are_warnings(content, capsys):
    en = content / "posts/parade-1941/en.md"
    en.write_text(en.read_text(encoding="utf-8") + "\nA <b onclick=\"x\">bold</b> word, <https://a.org> and "
                  "[a link](javascript:alert(1)), escaped \\<i> and &lt;i&gt;.\n", encoding="utf-8")
    line = en.read_text(encoding="utf-8").split("\n").index(next(
        x for x in en.read_text(encoding="utf-8").split("\n") if x.startswith("A <b"))) + 1
    code, out = run(capsys, "--content", str(content), "check", "--strict")
    assert code == 1
    assert out.splitlines()[:2] == [
        f"{content.name}/posts/parade-1941/en.md:{line}: warning: link to 'javascript:alert(1' is not a link on "
        "the page (expected an http, https, mailto or tg address, or a page of the site)",
        f"{content.name}/posts/parade-1941/en.md:{line}: warning: raw HTML '<b' shows as text on the page "
        "(expected Markdown: **bold**, *italic*, [text](https://...))",
    ]
    assert out.endswith("0 errors, 2 warnings\n")
