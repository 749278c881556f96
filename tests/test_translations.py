"""Translating: `translate` on a fresh post, the PO round trip (export, a translator's edits, import), QA
failures, translation memory, the stale-segment refusal, credit on the page, the names check and why
status calls a translation stale."""

import shutil
import subprocess
from pathlib import Path

import pytest
from translate.storage import pypo

from scripts.cli import main
from scripts.content.checks import check
from scripts.content.load import load_content, original_text, text_hash
from scripts.content.model import ContentErrors
from scripts.site.generate import iter_pages
from scripts.translations.qa import qa_problems
from tests.conftest import ROOT

PARADE = "parade-1941"


def all_files(root: Path) -> dict:
    return {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def units(path: Path) -> dict:
    """msgctxt key (after 'post/') -> unit of a PO file."""
    store = pypo.pofile.parsefile(str(path))
    return {u.getcontext().split("/", 1)[1]: u for u in store.units if not u.isheader()}


def save_po(path: Path, targets: dict, **header):
    """What a translator does in a PO editor: fill msgstr, clear fuzzy, set the header."""
    store = pypo.pofile.parsefile(str(path))
    for u in store.units:
        key = u.getcontext().split("/", 1)[1] if not u.isheader() else None
        if key in targets:
            u.target = targets[key]
            u.markfuzzy(False)
    if header:
        store.updateheader(**header)
    path.write_bytes(bytes(store))


def run(*argv) -> int:
    return main([str(a) for a in argv])


def page(root: Path, lang: str, post_id: str) -> str:
    return dict(iter_pages(load_content(root)))[f"{lang}/posts/{post_id}.md"]


# --- translate ---------------------------------------------------------------------------------------


def test_translate_starts_a_draft_with_the_originals_structure(golden_copy, capsys):
    entry = next(e for e in load_content(golden_copy).entries if e.id == PARADE)
    assert run("--content", golden_copy, "translate", PARADE, "tr") == 0
    text = (golden_copy / "posts" / PARADE / "tr.md").read_text(encoding="utf-8")
    assert text == (
        "---\ntitle: Парад 7 ноября 1941 года\ntranslation_of: ru\n"
        f"original_hash: {text_hash(original_text(entry.original))}\n"
        "draft: true  # the page shows the original until you delete this line; overwrite every paragraph first\n"
        "captions:\n  1: Войска идут по Красной площади.\n  2: Знамя Победы &lt;b&gt;\n---\n\n"
        "Парад 7 ноября 1941 года прошёл на Красной площади. #Парад\n\n"
        "Войска уходили прямо на фронт. \\*не курсив\\*\n")
    assert "the title, 2 paragraphs and 2 captions" in capsys.readouterr().out
    # Only that file was written; while it is a draft the Turkish page shows the original with its notice.
    assert sorted(p.name for p in (golden_copy / "posts" / PARADE).iterdir()) == ["en.md", "meta.yml", "photo1.png", "ru.md", "tr.md"]
    loaded = next(e for e in load_content(golden_copy).entries if e.id == PARADE)
    assert "tr" not in loaded.versions and loaded.drafts == ("tr",)
    assert "Bu paylaşım henüz Türkçeye çevrilmedi." in page(golden_copy, "tr", PARADE)
    # Again: refused, the draft is kept.
    assert run("--content", golden_copy, "translate", PARADE, "tr") == 1
    assert "already under way" in capsys.readouterr().err
    assert run("--content", golden_copy, "translate", PARADE, "ru") == 1
    assert "this is the original" in capsys.readouterr().err


# --- PO round trip ------------------------------------------------------------------------------------


def test_round_trip_of_the_archive_leaves_every_file_byte_identical(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    before = all_files(content)
    for lang in ("en", "ru", "tr"):
        assert run("--content", content, "translations", "export", "--lang", lang, "--dir", tmp_path / "po") == 0
        assert run("--content", content, "translations", "import", "--lang", lang, "--dir", tmp_path / "po") == 0
    assert all_files(content) == before
    # The seeds' translations come back as translated units, the originals' text as msgid.
    tr = units(tmp_path / "po" / "tr" / "operation-bagration.po")
    assert tr["title"].source == "Operation Bagration, 1944" and tr["title"].target == "Bagration Harekâtı, 1944"
    assert not any(u.isfuzzy() for u in tr.values())
    assert "operation-bagration, paragraph 2 of 5. Source: Russian MFA 🇷🇺, 2023-06-23." in tr["p2"].getnotes()


def test_rewriting_a_seed_translation_from_its_segments_gives_the_same_bytes():
    from scripts.content.yaml_io import split_front_matter
    from scripts.translations.segments import paragraphs, render_language_file

    for path in sorted((ROOT / "content" / "posts").glob("*/*.md")):
        text = path.read_text(encoding="utf-8")
        front, body, _ = split_front_matter(text, path)
        assert render_language_file(dict(front), [p for p, _ in paragraphs(body)]) == text, path


def test_export_untranslated_post_translate_it_in_the_po_file_and_import(golden_copy, tmp_path, capsys):
    out = tmp_path / "po"
    assert run("--content", golden_copy, "translations", "export", "--lang", "tr", "--dir", out) == 0
    path = out / "tr" / f"{PARADE}.po"
    found = units(path)
    assert list(found) == ["title", "p1", "p2", "caption-1", "caption-2"]
    assert all(not u.target for u in found.values())
    assert found["p1"].getlocations() == [f"content/posts/{PARADE}/ru.md:8"]
    assert "Source: Канал памяти, 2021-11-07" in found["caption-2"].getnotes()
    if shutil.which("msgfmt"):
        check_po = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        assert check_po.returncode == 0, check_po.stderr

    # Nothing translated: nothing written, the post stays untranslated.
    before = all_files(golden_copy)
    assert run("--content", golden_copy, "translations", "import", "--lang", "tr", "--dir", out) == 0
    assert "untranslated" in capsys.readouterr().out
    assert all_files(golden_copy) == before

    # Only the title: a partial post is not written, and the message names what is missing.
    save_po(path, {"title": "7 Kasım 1941 geçit töreni"})
    assert run("--content", golden_copy, "translations", "import", "--lang", "tr", "--dir", out) == 1
    assert "not written: paragraph 1, paragraph 2 still untranslated or fuzzy" in capsys.readouterr().err
    assert all_files(golden_copy) == before

    # Title, paragraphs and one caption: written, caption 2 left to the original.
    save_po(path, {"p1": "7 Kasım 1941 geçit töreni Kızıl Meydan’da yapıldı. #GeçitTöreni",
                   "p2": "Birlikler doğrudan cepheye gitti. \\*italik değil\\*",
                   "caption-1": "Birlikler Kızıl Meydan’dan geçiyor."},
            Last_Translator="Ayşe <b>Yılmaz</b> <ayse@example.org>", PO_Revision_Date="2026-12-01 22:00+0300")
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)]).returncode == 0
    assert run("--content", golden_copy, "translations", "import", "--lang", "tr", "--dir", out) == 0
    written = (golden_copy / "posts" / PARADE / "tr.md").read_text(encoding="utf-8")
    entry = next(e for e in load_content(golden_copy).entries if e.id == PARADE)
    assert written == (
        "---\ntitle: 7 Kasım 1941 geçit töreni\ntranslation_of: ru\n"
        f"original_hash: {text_hash(original_text(entry.original))}\n"
        "translated_by: Ayşe <b>Yılmaz</b>\ntranslated_on: 2026-12\ntranslation_method: hand\n"
        "captions:\n  1: Birlikler Kızıl Meydan’dan geçiyor.\n---\n\n"
        "7 Kasım 1941 geçit töreni Kızıl Meydan’da yapıldı. #GeçitTöreni\n\n"
        "Birlikler doğrudan cepheye gitti. \\*italik değil\\*\n")
    md = page(golden_copy, "tr", PARADE)
    # The credit, with the translator's name escaped (contributor text).
    assert "Rusçadan çeviren: Ayşe &lt;b&gt;Yılmaz&lt;/b&gt;, Aralık 2026." in md
    assert '<span lang="ru">Знамя Победы &lt;b&gt;</span>' in md
    # Import again: unchanged, byte for byte.
    after = all_files(golden_copy)
    assert run("--content", golden_copy, "translations", "import", "--lang", "tr", "--dir", out) == 0
    assert all_files(golden_copy) == after


def test_import_refuses_a_file_whose_original_changed_naming_the_segments(golden_copy, tmp_path, capsys):
    out = tmp_path / "po"
    run("--content", golden_copy, "translations", "export", "--lang", "tr", "--dir", out)
    path = out / "tr" / f"{PARADE}.po"
    save_po(path, {"title": "Geçit töreni", "p1": "Tören. #GeçitTöreni 7 Kasım 1941", "p2": "Birlikler."})
    ru = golden_copy / "posts" / PARADE / "ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("прямо на фронт", "прямо на передовую")
                  + "\nНовый абзац.\n", encoding="utf-8")
    before = all_files(golden_copy)
    assert run("--content", golden_copy, "translations", "import", "--lang", "tr", "--dir", out) == 1
    err = capsys.readouterr().err
    assert "changed since this file was exported" in err
    assert "paragraph 2 changed; paragraph 3 was added" in err
    assert all_files(golden_copy) == before


# --- QA --------------------------------------------------------------------------------------------------


def test_qa_messages(golden_copy):
    resolve = load_content(golden_copy).registry.resolve
    source = "📅 On 7 November 1941, 1,500 troops #Парад https://example.org/a 🎖"
    assert qa_problems(source, "📅 7 Kasım 1941’de 1.500 asker #GeçitTöreni https://example.org/a 🎖", resolve) == []
    assert qa_problems(source, "7 Kasım 1942’de 1.600 asker #Geçit https://example.org/b 🎖🎖", resolve) == [
        "numbers: missing 1941, 1500; not in the original 1942, 1600 (expected the numbers of the original)",
        "dates: 1941-11-07 of the original is missing (expected the same day, month and year)",
        "URLs: missing https://example.org/a (expected every address of the original, unchanged)",
        "URLs: https://example.org/b is not in the original",
        "hashtags: #Парад is missing (expected it, or an alias of the same tag in content/tags.yml)",
        "hashtags: #Geçit is not in the original (it would lead to the tag page 'gecit')",
        "emoji: 📅 is missing",
        "emoji: 🎖 is not in the original",
    ]


def test_import_runs_qa_before_writing(golden_copy, tmp_path, capsys):
    out = tmp_path / "po"
    run("--content", golden_copy, "translations", "export", "--lang", "tr", "--dir", out)
    path = out / "tr" / f"{PARADE}.po"
    save_po(path, {"title": "7 Kasım 1941 geçit töreni", "p1": "1942 geçit töreni Kızıl Meydan’da yapıldı.",
                   "p2": "Birlikler doğrudan cepheye gitti."})
    before = all_files(golden_copy)
    assert run("--content", golden_copy, "translations", "import", "--lang", "tr", "--dir", out) == 1
    err = capsys.readouterr().err
    line = next(u for k, u in units(path).items() if k == "p1").line_number
    assert f"{path}:{line}: paragraph 1: numbers: missing 7, 1941; not in the original 1942" in err
    assert f"{path}:{line}: paragraph 1: dates: 1941-11-07 of the original is missing" in err
    assert f"{path}:{line}: paragraph 1: hashtags: #Парад is missing" in err
    assert "QA: 3 problem(s); nothing written" in err
    assert all_files(golden_copy) == before
    # --accept-qa: written, the problems shown as warnings.
    assert run("--content", golden_copy, "translations", "import", "--lang", "tr", "--dir", out, "--accept-qa") == 0
    assert "warning: " in capsys.readouterr().err
    assert (golden_copy / "posts" / PARADE / "tr.md").is_file()


# --- translation memory --------------------------------------------------------------------------------


def test_translation_memory_prefills_a_segment_translated_elsewhere_as_fuzzy(golden_copy, tmp_path):
    # The memory learns from translations that are up to date: the fixture's English gets its hash.
    entry = next(e for e in load_content(golden_copy).entries if e.id == PARADE)
    en = golden_copy / "posts" / PARADE / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace(
        "translation_of: ru\n", f"translation_of: ru\noriginal_hash: {text_hash(original_text(entry.original))}\n"), encoding="utf-8")
    second = golden_copy / "posts" / "second-post"
    second.mkdir()
    (second / "meta.yml").write_text("date: '2022-11-07'\nsource:\n  name: Канал памяти\n  kind: manual\nlang: ru\n", encoding="utf-8")
    (second / "ru.md").write_text("---\ntitle: Ещё раз о параде\n---\n\nНовый текст.\n\n"
                                  "Войска уходили прямо на фронт. \\*не курсив\\*\n", encoding="utf-8")
    out = tmp_path / "po"
    assert run("--content", golden_copy, "translations", "export", "--lang", "en", "--dir", out, "second-post") == 0
    found = units(out / "en" / "second-post.po")
    assert found["p2"].target == "The troops went straight to the front. \\*not italics\\*"
    assert found["p2"].isfuzzy() and "translation memory" in found["p2"].getnotes()
    assert not found["p1"].target and not found["title"].target
    # Fuzzy is not translated: importing it as it is writes nothing.
    before = all_files(golden_copy)
    run("--content", golden_copy, "translations", "import", "--lang", "en", "--dir", out)
    assert all_files(golden_copy) == before


# --- credit -------------------------------------------------------------------------------------------


def test_credit_is_validated(golden_copy):
    en = golden_copy / "posts" / PARADE / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace(
        "translated_by: volunteer\ntranslated_on: 2026-11\ntranslation_method: hand\n", "translated_by: [a, b]\ntranslated_on: 2026-13\ntranslation_method: deepl\n"), encoding="utf-8")
    ru = golden_copy / "posts" / PARADE / "ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("captions:", "translated_by: volunteer\ncaptions:"), encoding="utf-8")
    with pytest.raises(ContentErrors) as e:
        load_content(golden_copy)
    text = str(e.value)
    # The content schema's messages (scripts/content/schema.py).
    assert f"content/posts/{PARADE}/en.md:4: translated_by: a list (expected a name, or 'volunteer' / 'volunteers'" in text
    assert f"content/posts/{PARADE}/en.md:5: translated_on: '2026-13' is not a month or a day (expected YYYY-MM or YYYY-MM-DD" in text
    assert f"content/posts/{PARADE}/en.md:6: translation_method: 'deepl' (expected one of: hand, machine-reviewed)" in text
    assert f"content/posts/{PARADE}/ru.md:3: translated_by: the original is not a translation" in text


def test_credit_line_per_method_and_warning_without_credit(golden_copy):
    en = golden_copy / "posts" / PARADE / "en.md"
    # The fixture's credit: by hand, a month.
    assert "Translated from Russian by a volunteer, November 2026." in page(golden_copy, "en", PARADE)
    en.write_text(en.read_text(encoding="utf-8").replace("translated_by: volunteer\ntranslated_on: 2026-11\ntranslation_method: hand\n", ""), encoding="utf-8")
    assert "Translated from Russian." in page(golden_copy, "en", PARADE)
    problems = [str(p) for p in check(golden_copy)]
    assert any("en.md:1: warning: translation without translated_by, translated_on, translation_method" in p for p in problems)
    en.write_text(en.read_text(encoding="utf-8").replace(
        "translation_of: ru\n", "translation_of: ru\ntranslated_by: volunteer\ntranslated_on: 2026-12-05\ntranslation_method: machine-reviewed\n"), encoding="utf-8")
    md = page(golden_copy, "en", PARADE)
    assert "Machine-translated from Russian and reviewed by a volunteer, December 5, 2026." in md
    assert not any("translation without" in str(p) for p in check(golden_copy))


# --- names ------------------------------------------------------------------------------------------------


NAMES = """\
ivan-konev:
  kind: person
  en: Ivan Konev
  ru: Иван Конев
  tr: İvan Konev
  aliases: {tr: [Ivan Konev]}
william-kean:
  kind: person
  en: William B. Kean
  ru: Уильям Б. Кин
  tr: William B. Kean
  aliases: {ru: [Уильям Кин]}
ivan-shagin:
  kind: photographer
  en: Ivan Shagin
  ru: Иван Шагин
  tr: İvan Şagin
  aliases: {tr: [Shagin]}
red-square:
  kind: place
  en: Red Square
  ru: Красная площадь
  tr: Kızıl Meydan
"""


def test_names_check(golden_copy):
    (golden_copy / "names.yml").write_text(NAMES, encoding="utf-8")
    post = golden_copy / "posts" / PARADE
    en = post / "en.md"
    # The original names Красная площадь (nominative, as registered); the English writes it otherwise.
    ru = post / "ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("прошёл на Красной площади", "прошёл: Красная площадь"), encoding="utf-8")
    en.write_text(en.read_text(encoding="utf-8").replace("Red Square", "Red square")
                  + "\nMarshal Ivan Konev and William\u00a0B.\u00a0Kean.\n", encoding="utf-8")
    (post / "tr.md").write_text(
        "---\ntitle: Geçit töreni\ntranslation_of: ru\ntranslated_by: volunteer\ntranslated_on: 2026-12\n"
        "translation_method: hand\n---\n\nKızıl Meydan’da Ivan Konev ve İvan Konev, Shagin’in fotoğrafı. #Парад 7 Kasım 1941\n\n"
        "Birlikler. \\*italik\\*\n", encoding="utf-8")
    problems = [str(p) for p in check(golden_copy) if "names.yml" in str(p) or "spell" in str(p)
                or "registered" in str(p) or "not how" in str(p) or "credit reads" in str(p)]
    assert problems == [
        f"content/posts/{PARADE}/en.md:1: warning: the original names Красная площадь, the translation never writes 'Red Square' "
        "(expected the registered form, content/names.yml red-square)",
        f"content/posts/{PARADE}/meta.yml: warning: gallery item 1: the tr credit reads 'Ivan Shagin' (expected 'İvan Şagin', "
        "content/names.yml ivan-shagin; write photographer: {en: ..., ru: ..., tr: ...})",
        f"content/posts/{PARADE}/tr.md:9: warning: 'Ivan Konev' is not how tr writes Иван Конев (expected 'İvan Konev', content/names.yml ivan-konev)",
        f"content/posts/{PARADE}/tr.md:9: warning: 'Shagin' is not how tr writes Иван Шагин (expected 'İvan Şagin', content/names.yml ivan-shagin)",
    ]


def test_names_registry_errors(golden_copy):
    (golden_copy / "names.yml").write_text(
        "oslikovsky:\n  kind: general\n  en: Nikolai Oslikovsky\n  ru: Николай Осликовский\n  tr: Nikolay Oslikovskiy\n"
        "  aliases: {tr: [Oslikovski]}\nno-tr:\n  kind: place\n  en: Elbe\n  ru: Эльба\n", encoding="utf-8")
    problems = [str(p) for p in check(golden_copy) if "names.yml" in str(p)]
    assert problems == [
        "content/names.yml:2: oslikovsky: kind 'general' (expected one of: person, place, unit, photographer)",
        "content/names.yml:6: oslikovsky: alias 'Oslikovski' is part of the tr form 'Nikolay Oslikovskiy' (every correct use would be flagged)",
        "content/names.yml:7: no-tr: no tr form (expected 'tr: ...', the name as tr text writes it)",
    ]


def test_seed_archive_spells_every_registered_name_as_registered():
    problems = [str(p) for p in check(ROOT / "content")]
    assert problems == []


# --- status ----------------------------------------------------------------------------------------------


def test_status_lists_newest_first_and_why_a_translation_is_stale(golden_copy, capsys):
    if not shutil.which("git"):
        pytest.skip("git is not installed")
    git = ["git", "-C", str(golden_copy), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(golden_copy)], check=True)
    entry = next(e for e in load_content(golden_copy).entries if e.id == PARADE)
    en = golden_copy / "posts" / PARADE / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace(
        "translation_of: ru\n", f"translation_of: ru\noriginal_hash: {text_hash(original_text(entry.original))}\n"), encoding="utf-8")
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "one"], check=True)
    ru = golden_copy / "posts" / PARADE / "ru.md"
    ru.write_text(ru.read_text(encoding="utf-8").replace("прямо на фронт", "прямо на передовую")
                  .replace("  2: \"Знамя Победы &lt;b&gt;\"\n", ""), encoding="utf-8")
    assert run("--content", golden_copy, "status") == 0
    out = capsys.readouterr().out
    assert f"en: stale translation: {PARADE}: changed in the original: paragraph 2 changed, caption 2 removed" in out
    assert f"tr: to translate: {PARADE} (2021-11-07, ru: Парад 7 ноября 1941 года)" in out
    # Without the history (another hash), it says so instead of guessing.
    en.write_text(en.read_text(encoding="utf-8").replace("original_hash: ", "original_hash: 0"), encoding="utf-8")
    run("--content", golden_copy, "status")
    assert "that version is not in the git history, so the changed paragraphs are unknown" in capsys.readouterr().out


def test_a_draft_started_with_by_keeps_its_translator_through_the_po_file(golden_copy, tmp_path):
    assert run("--content", golden_copy, "translate", PARADE, "tr", "--by", "Anna Petrova", "--method", "machine-reviewed") == 0
    out = tmp_path / "po"
    run("--content", golden_copy, "translations", "export", "--lang", "tr", "--dir", out)
    path = out / "tr" / f"{PARADE}.po"
    assert not any(u.target for u in units(path).values())  # the draft's copy of the original is no translation
    save_po(path, {"title": "7 Kasım 1941 geçit töreni", "p1": "7 Kasım 1941 geçit töreni. #GeçitTöreni", "p2": "Birlikler. \\*italik değil\\*"})
    assert run("--content", golden_copy, "translations", "import", "--lang", "tr", "--dir", out, "--month", "2026-11") == 0
    text = (golden_copy / "posts" / PARADE / "tr.md").read_text(encoding="utf-8")
    assert "translated_by: Anna Petrova\ntranslated_on: 2026-11\ntranslation_method: machine-reviewed\n" in text
    assert "draft" not in text
    assert "Rusçadan makine çevirisi; gözden geçiren: Anna Petrova, Kasım 2026." in page(golden_copy, "tr", PARADE)


def test_exported_and_translated_po_files_pass_msgfmt_check(golden_copy, tmp_path):
    """GNU gettext's own validation of the PO format (what Poedit and the other editors read)."""
    if not shutil.which("msgfmt"):
        pytest.skip("msgfmt (GNU gettext) is not installed: apt-get install gettext")
    out = tmp_path / "po"
    run("--content", golden_copy, "translations", "export", "--lang", "tr", "--dir", out)
    path = out / "tr" / f"{PARADE}.po"
    done = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and "0 translated messages, 5 untranslated messages." in done.stderr, done.stderr
    save_po(path, {"title": "Geçit töreni", "p1": "7 Kasım 1941. #GeçitTöreni", "p2": "Birlikler. \\*x\\*"},
            Last_Translator="Deniz Kaya <deniz@example.org>", PO_Revision_Date="2026-12-01 22:00+0300")
    done = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and "3 translated messages, 2 untranslated messages." in done.stderr, done.stderr
