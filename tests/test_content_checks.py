"""content/checks: each warning `check` gives, in its exact words, with the file and line a contributor
opens (issue 10, mutation testing). The functions are called on the small fixture archive."""

import shutil

import pytest

from scripts.content import checks
from scripts.content.checks import Problem
from scripts.content.load import load_content
from tests.conftest import GOLDEN_CONTENT

POST = "posts/parade-1941"
HASH = "bf06d96c28a3"  # the fixture original's text hash (a changed hash function makes every translation stale)


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "content"
    shutil.copytree(GOLDEN_CONTENT, root)
    return root


def edit(root, name, old, new):
    path = root / POST / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(root, name, text):
    path = root / POST / name
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return len(path.read_text(encoding="utf-8").rstrip("\n").split("\n"))  # the line just written


def strs(problems):
    return [str(p) for p in problems]


def test_a_problem_reads_path_line_and_warning():
    assert str(Problem("a.md", 3, "x (expected y)")) == "a.md:3: x (expected y)"
    assert str(Problem("a.md", 3, "x", warning=True)) == "a.md:3: warning: x"
    assert str(Problem("a.md", None, "x", warning=True)) == "a.md: warning: x"
    problems = [Problem("b.md", 1, "a"), Problem("a.md", 2, "b"), Problem("a.md", None, "z"), Problem("a.md", 2, "a")]
    assert sorted(problems, key=Problem.sort_key) == [problems[2], problems[3], problems[1], problems[0]]


def test_a_translation_without_or_with_an_old_original_hash(root):
    assert strs(checks.stale_translations(load_content(root))) == [
        f"content/{POST}/en.md:1: warning: translation has no original_hash: check it against ru.md, then set "
        f"original_hash: {HASH}"]
    edit(root, "en.md", "translation_of: ru", "translation_of: ru\noriginal_hash: abc123")
    assert strs(checks.stale_translations(load_content(root))) == [
        f"content/{POST}/en.md:1: warning: translation was made from an earlier original (original_hash abc123, now "
        f"{HASH}): check it against ru.md, then set original_hash: {HASH}"]
    edit(root, "en.md", "original_hash: abc123", f"original_hash: {HASH}")
    assert checks.stale_translations(load_content(root)) == []


def test_relative_links_must_lead_somewhere(root):
    line = append(root, "en.md", "\n[a](parade-1941.md) [b](../tags/parade.md) [c](photo1.png) [d](https://x.org) "
                  "[e](#top) [f](/ru/) [g](mailto:a@b.c) [h](../index.md) [i](parade-1941.md#x) \\[j\\](nope.md) "
                  "[k](missing.png) [l](../tags/nope.md)\n[m](<nope.md> \"title\") [n](../archive/index.md)\n")
    assert strs(checks.broken_links(load_content(root))) == [
        f"content/{POST}/en.md:{line - 1}: broken link '{target}' (expected a post as '<id>.md', a tag as "
        "'../tags/<slug>.md', or a file in the post's folder)" for target in ("missing.png", "../tags/nope.md")] + [
        f"content/{POST}/en.md:{line}: broken link 'nope.md' (expected a post as '<id>.md', a tag as "
        "'../tags/<slug>.md', or a file in the post's folder)"]


def test_raw_html_and_links_that_are_no_links(root):
    line = append(root, "ru.md", "\nСм. <https://a.org>, <mailto:a@b.c>, \\<b> и &lt;i&gt;.\n<!-- заметка -->\n"
                  "</i> и [ссылка](data:" + "x" * 50 + ")\n")
    assert strs(checks.markup_in_text(load_content(root))) == [
        f"content/{POST}/ru.md:{line - 1}: warning: raw HTML '<!--' shows as text on the page (expected Markdown: "
        "**bold**, *italic*, [text](https://...))",
        f"content/{POST}/ru.md:{line}: warning: raw HTML '</i' shows as text on the page (expected Markdown: "
        "**bold**, *italic*, [text](https://...))",
        f"content/{POST}/ru.md:{line}: warning: link to 'data:{'x' * 35}' is not a link on the page (expected an "
        "http, https, mailto or tg address, or a page of the site)"]


def test_photos_without_credit_or_rights(root):
    edit(root, "meta.yml", "- photographer: Pfc. William E. Poulson\n  rights: https://creativecommons.org/publicdomain/mark/1.0/",
         "- agency: ''")
    edit(root, "meta.yml", "  rights: http://rightsstatements.org/vocab/InC/1.0/\n", "")
    edit(root, "meta.yml", "rights: http://rightsstatements.org/vocab/CNE/1.0/", "")
    content = load_content(root)
    assert strs(checks.uncredited_photos(content)) == [
        f"content/{POST}/meta.yml: warning: gallery item 2 has no credit (expected agency, photographer or rights)"]
    assert strs(checks.unstated_rights(content)) == [
        f"content/{POST}/meta.yml: warning: no rights statement for the text (expected 'rights: <URI>', e.g. "
        "http://rightsstatements.org/vocab/InC/1.0/)",
        f"content/{POST}/meta.yml: warning: no rights statement for gallery item(s) 1, 2 (expected 'rights: <URI>' in each)"]


def test_a_fully_credited_post_has_no_rights_or_credit_warnings(root):
    content = load_content(root)
    assert checks.uncredited_photos(content) == [] and checks.unstated_rights(content) == []


def test_raw_sources_no_post_uses(root):
    (root / "sources" / "unused.txt").write_text("x", encoding="utf-8")
    (root / "sources" / ".hidden").write_text("x", encoding="utf-8")
    (root / "sources" / "folder").mkdir()
    assert strs(checks.orphan_sources(load_content(root))) == [
        "content/sources/unused.txt: warning: no post refers to this raw source (expected source.raw in some meta.yml)"]


def test_hashtags_that_differ_only_in_case_share_a_page_without_a_warning(root):
    append(root, "ru.md", "\nЕщё #Pobeda и #pobeda.\n")
    assert checks.unregistered_tags(load_content(root)) == []


def test_a_translation_says_who_made_it_when_and_how(root):
    edit(root, "en.md", "translated_on: 2026-11\ntranslation_method: hand\n", "")
    assert strs(checks.uncredited_translations(load_content(root))) == [
        f"content/{POST}/en.md:1: warning: translation without translated_on, translation_method (expected "
        "translated_by: a name or volunteer, translated_on: YYYY-MM, translation_method: hand or machine-reviewed)"]


def test_an_inferred_date_needs_a_reason_in_each_language_of_the_post(root):
    edit(root, "meta.yml", "date: '2021-11-07'\n", "date: '2021-11-07'\ndate_inferred: the day in the text\n")
    assert strs(checks.untranslated_reasons(load_content(root))) == [
        f"content/{POST}/meta.yml:2: warning: date_inferred has no reason in ru (expected date_inferred: with one "
        "sentence per language: en, ru)"]
    edit(root, "meta.yml", "date_inferred: the day in the text\n",
         "date_inferred:\n  en: the day in the text\n  ru: день в тексте\n")
    assert checks.untranslated_reasons(load_content(root)) == []


def test_names_spelled_otherwise_in_a_translation_or_a_credit(root):
    (root / "names.yml").write_text(
        "ivan-shagin:\n  kind: photographer\n  en: Ivan Shagin\n  ru: Иван Шагин\n  tr: İvan Şagin\n"
        "red-square:\n  kind: place\n  en: Red Square\n  ru: Красная площадь\n  tr: Kızıl Meydan\n"
        "  aliases: {en: [Red Place]}\n", encoding="utf-8")
    line = append(root, "en.md", "\nThe Red Place.\n")
    out = strs(checks.name_spellings(load_content(root)))
    assert out == [
        f"content/{POST}/en.md:{line}: warning: 'Red Place' is not how en writes Красная площадь (expected 'Red "
        "Square', content/names.yml red-square)",
        f"content/{POST}/meta.yml: warning: gallery item 1: the tr credit reads 'Ivan Shagin' (expected 'İvan Şagin', "
        "content/names.yml ivan-shagin; write photographer: {en: ..., ru: ..., tr: ...})"]


def test_check_lists_errors_sorted_instead_of_warnings(root):
    edit(root, "meta.yml", "lang: ru", "lang: xx")
    edit(root, "meta.yml", "date: '2021-11-07'", "date: never")
    assert strs(checks.check(root)) == [
        f"content/{POST}/meta.yml:1: date: 'never' is not a date (expected YYYY-MM-DD)",
        f"content/{POST}/meta.yml:7: lang: unknown language 'xx' (expected one of en, ru, tr, uk, be, de, fr, pl)"]


TR = ("---\ntitle: 7 Kasım 1941 geçit töreni\ntranslation_of: ru\n---\n\n7 Kasım 1941 geçit töreni Kızıl Meydan'da yapıldı.\n")


def test_a_problem_without_a_line_comes_before_line_1():
    problems = [Problem("a.md", 1, "a"), Problem("a.md", None, "b")]
    assert sorted(problems, key=Problem.sort_key) == [problems[1], problems[0]]


def test_translations_after_the_original_in_name_order_are_checked_too(root):
    (root / POST / "tr.md").write_text(TR, encoding="utf-8")
    content = load_content(root)
    assert [p.path for p in checks.stale_translations(content)] == [f"content/{POST}/en.md", f"content/{POST}/tr.md"]
    assert strs(checks.uncredited_translations(content)) == [
        f"content/{POST}/tr.md:1: warning: translation without translated_by, translated_on, translation_method "
        "(expected translated_by: a name or volunteer, translated_on: YYYY-MM, translation_method: hand or machine-reviewed)"]
    (root / "names.yml").write_text("ivan-shagin:\n  kind: photographer\n  en: Ivan Shagin\n  ru: Иван Шагин\n  tr: İvan Şagin\n"
                                    "  aliases: {tr: [Ivan Şagin]}\n", encoding="utf-8")
    (root / POST / "tr.md").write_text(TR + "\nFoto: Ivan Şagin.\n", encoding="utf-8")
    assert strs(checks.name_spellings(load_content(root))) == [
        f"content/{POST}/tr.md:8: warning: 'Ivan Şagin' is not how tr writes Иван Шагин (expected 'İvan Şagin', "
        "content/names.yml ivan-shagin)",
        f"content/{POST}/meta.yml: warning: gallery item 1: the tr credit reads 'Ivan Shagin' (expected 'İvan Şagin', "
        "content/names.yml ivan-shagin; write photographer: {en: ..., ru: ..., tr: ...})"]


def test_a_translation_that_never_writes_a_name_of_the_original(root):
    (root / "names.yml").write_text("parad:\n  kind: place\n  en: Moscow\n  ru: Парад\n  tr: Moskova\n", encoding="utf-8")
    assert strs(checks.name_spellings(load_content(root))) == [
        f"content/{POST}/en.md:1: warning: the original names Парад, the translation never writes 'Moscow' (expected "
        "the registered form, content/names.yml parad)"]


def test_problems_in_the_names_registry_are_errors(root):
    (root / "names.yml").write_text("x:\n  kind: person\n  en: X\n  ru: Х\n  tr: X\n  colour: red\n", encoding="utf-8")
    problems = checks.name_spellings(load_content(root))
    assert strs(problems) == ["content/names.yml:6: x: unknown key 'colour' (expected kind, en, ru, tr, aliases)"]
    assert problems[0].warning is False


def test_an_all_digit_hash_is_written_quoted(root, monkeypatch):
    monkeypatch.setattr(checks, "text_hash", lambda text: "123456789012")
    assert strs(checks.stale_translations(load_content(root)))[0].endswith("then set original_hash: '123456789012'")


def test_more_links_that_lead_somewhere_and_one_that_does_not(root):
    line = append(root, "en.md", "\n[a](../tags/index.md) [b](HTTPS://x.org) [c](Mailto:a@b.c) [d](parade-1941.md#a#b) "
                  "[e](../archive/index.md)\n")
    assert checks.broken_links(load_content(root)) == []
    assert line > 1


def test_one_credit_of_any_kind_is_enough(root):
    edit(root, "meta.yml", "- photographer: Pfc. William E. Poulson\n  rights: https://creativecommons.org/publicdomain/mark/1.0/",
         "- rights: https://creativecommons.org/publicdomain/mark/1.0/\n- agency: TASS")
    assert checks.uncredited_photos(load_content(root)) == []


def test_no_sources_folder_no_orphans(tmp_path):
    class Nothing:
        entries = ()
        root = tmp_path / "content"
    assert checks.orphan_sources(Nothing()) == []


def test_an_undescribed_source_is_named(root):
    (root / "sources.yml").write_text("", encoding="utf-8")
    assert strs(checks.undescribed_sources(load_content(root))) == [
        f"content/{POST}/meta.yml: warning: source 'Канал памяти' is not in content/sources.yml (expected an entry "
        "with its kind, name and about in each language, url and handle)"]


def test_reasons_missing_in_two_languages_are_listed(root):
    (root / POST / "tr.md").write_text(TR, encoding="utf-8")
    edit(root, "meta.yml", "date: '2021-11-07'\n", "date: '2021-11-07'\ndate_inferred: {en: the day in the text}\n")
    assert strs(checks.untranslated_reasons(load_content(root))) == [
        f"content/{POST}/meta.yml:2: warning: date_inferred has no reason in ru, tr (expected date_inferred: with one "
        "sentence per language: en, ru, tr)"]
