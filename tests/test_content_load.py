"""content/load: what a post folder becomes, and each problem with its file and line (issue 10, mutation
testing). The fixture archive is copied and edited per test."""

import hashlib
import shutil

import pytest

from scripts.content.load import load_content, read_entry, text_hash
from scripts.content.model import ContentErrors
from tests.conftest import GOLDEN_CONTENT

POST = "posts/parade-1941"
RAW_SHA = "a94f9f8798b9ae64b66f4524025ac02e23ab4c40e4feaac6b20b307f7a15aef8"  # sha-256 of sources/parade.txt


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


def errors_of(root):
    with pytest.raises(ContentErrors) as info:
        load_content(root)
    return str(info.value).splitlines()


def test_text_hash_is_twelve_hex_digits_of_the_stripped_text():
    assert text_hash("  Victory\n") == hashlib.sha256(b"Victory").hexdigest()[:12] == "2e9b5a0c4e6a"


def test_a_post_knows_its_registered_source_and_raw_copy(root):
    entry = load_content(root).entries[0]
    assert entry.registered_source is not None and entry.registered_source.written == "Канал памяти"
    assert entry.raw_sha256 == RAW_SHA
    assert entry.source == {"name": "Канал памяти", "kind": "telegram-web", "raw": "sources/parade.txt", "item": 1}
    assert [g.image for g in entry.gallery] == ["photo1.png", None]
    assert (entry.gallery[0].width, entry.gallery[0].height) == (64, 48)
    assert entry.gallery[1].width is None


def test_read_entry_alone_and_with_a_shared_cache_of_raw_files(root):
    fields, tags, fingerprint = read_entry(root / POST, root)
    assert fields["raw_sha256"] == RAW_SHA and tags[:2] == ["Парад", "7ноября"] and fingerprint is None
    cache = {}
    read_entry(root / POST, root, cache)
    assert cache == {"sources/parade.txt": RAW_SHA}


def test_a_folder_without_meta_yml(root):
    (root / "posts" / "Empty_Post").mkdir()
    assert errors_of(root) == [
        "content/posts/Empty_Post: post id 'Empty_Post' is not a lowercase slug (expected letters a-z, digits and '-', "
        "e.g. 'empty-post')",
        "content/posts/Empty_Post/meta.yml: missing meta.yml (expected each post folder to hold meta.yml and one "
        "<lang>.md per language)"]


def test_a_missing_raw_file_is_blamed_on_its_line(root):
    edit(root, "meta.yml", "raw: sources/parade.txt", "raw: sources/gone.txt")
    assert errors_of(root) == [
        f"content/{POST}/meta.yml:5: source.raw: no file content/sources/gone.txt (expected the archived raw source "
        "under content/sources/)"]


def test_image_problems_are_blamed_on_the_image_line(root):
    edit(root, "meta.yml", "image: photo1.png", "image: ../photo1.png")
    assert errors_of(root) == [
        f"content/{POST}/meta.yml:17: gallery item 1: image '../photo1.png' (expected a file name in the post's folder "
        "ending in .jpg, .jpeg, .png, .gif, .webp, .tif, .tiff)"]
    edit(root, "meta.yml", "image: ../photo1.png", "image: photo2.png")
    assert errors_of(root) == [
        f"content/{POST}/meta.yml:17: gallery item 1: no file photo2.png in content/{POST} (expected the image beside meta.yml)"]


def versions_with(root, tr_text):
    (root / POST / "tr.md").write_text(tr_text, encoding="utf-8")
    return sorted(load_content(root).entries[0].versions)


def test_a_scaffolded_translation_nobody_wrote_is_no_version(root):
    assert versions_with(root, "---\ntitle:\n---\n") == ["en", "ru"]
    assert versions_with(root, "---\ntitle: '  '\ntranslation_of: ru\n---\n\n\n") == ["en", "ru"]


def test_a_started_translation_is_a_version_or_a_problem(root):
    assert versions_with(root, "---\ntitle: Geçit töreni\n---\n") == ["en", "ru", "tr"]
    (root / POST / "tr.md").write_text("---\ntitle:\n---\n\nMetin.\n", encoding="utf-8")
    assert errors_of(root) == [f"content/{POST}/tr.md:1: missing title (expected 'title: ...' in the front matter)"]
    (root / POST / "tr.md").write_text("---\ncaptions:\n  1: Kızıl Meydan\n---\n", encoding="utf-8")
    assert errors_of(root) == [f"content/{POST}/tr.md:1: missing title (expected 'title: ...' in the front matter)"]


def test_meta_yml_that_is_no_mapping(root):
    (root / POST / "meta.yml").write_text("- date\n- source\n", encoding="utf-8")
    assert errors_of(root) == [
        f"content/{POST}/meta.yml:1: meta.yml must be a mapping of keys to values (expected 'date: ...', 'source: ...')"]


def test_a_missing_lang_is_one_problem_on_line_1(root):
    edit(root, "meta.yml", "lang: ru\n", "")
    assert errors_of(root) == [
        f"content/{POST}/meta.yml:1: missing lang (expected the language of the original text: en, ru, tr (or uk, be, "
        "de, fr, pl: shown untranslated until translated))"]


def test_a_missing_source_is_one_problem_on_line_1(root):
    edit(root, "meta.yml", "source:\n  name: Канал памяти\n  kind: telegram-web\n  raw: sources/parade.txt\n  item: 1\n", "")
    assert errors_of(root) == [
        f"content/{POST}/meta.yml:1: missing source (expected name, kind, raw (and optionally item, url))"]


def test_problems_of_every_registry_are_listed_together(root):
    (root / "tags.yml").write_text("Bad Slug:\n  label: x\n", encoding="utf-8")
    (root / "events.yml").write_text("- date: never\n  name: x\n", encoding="utf-8")
    (root / "sources.yml").write_text("[a\n", encoding="utf-8")
    errors = errors_of(root)
    assert errors[0].startswith("content/events.yml:1: ") and "never" in errors[0]
    assert errors[1].startswith("content/sources.yml:") and "YAML syntax" in errors[1]
    assert errors[2] == "content/tags.yml:1: tag slug 'Bad Slug' is not a lowercase ASCII slug (expected 'bad-slug')"
    assert len(errors) == 3


def test_a_yaml_error_in_tags_yml_is_listed(root):
    (root / "tags.yml").write_text("parade: [a\n", encoding="utf-8")
    [error] = errors_of(root)
    assert error.startswith("content/tags.yml:") and "YAML syntax" in error


def test_events_are_loaded(root):
    (root / "events.yml").write_text("- date: '1941-11-07'\n  name: {en: The parade, ru: Парад, tr: Geçit töreni}\n",
                                     encoding="utf-8")
    assert len(load_content(root).events) == 1


def test_hidden_folders_and_files_in_posts_are_not_posts(root):
    (root / "posts" / ".draft").mkdir()
    (root / "posts" / "README.txt").write_text("notes", encoding="utf-8")
    assert [e.id for e in load_content(root).entries] == ["parade-1941"]


def test_an_archive_without_posts_loads_empty(tmp_path):
    (tmp_path / "content").mkdir()
    assert load_content(tmp_path / "content").entries == ()


def test_duplicates_are_found_after_a_post_without_fingerprint(root):
    for name in ("x-copy-1", "x-copy-2"):
        shutil.copytree(root / POST, root / "posts" / name)
        meta = root / "posts" / name / "meta.yml"
        meta.write_text(meta.read_text(encoding="utf-8") + "fingerprint: abc123\n", encoding="utf-8")
    assert errors_of(root) == [
        "content/posts/x-copy-2/meta.yml:25: duplicate post: the same text as content/posts/x-copy-1 (expected each "
        "imported item once; remove one folder)"]


def test_a_caption_number_written_otherwise_is_blamed_on_the_captions(root):
    edit(root, "ru.md", "  2: \"Знамя Победы &lt;b&gt;\"\n", "  2: \"Знамя Победы &lt;b&gt;\"\n  07: Лишняя\n")
    assert errors_of(root) == [f"content/{POST}/ru.md:4: caption 7: no such photo (expected a number from 1 to 2)"]
    edit(root, "ru.md", "  07: Лишняя\n", "  3: Лишняя\n")
    assert errors_of(root) == [f"content/{POST}/ru.md:6: caption 3: no such photo (expected a number from 1 to 2)"]


@pytest.mark.parametrize("image", ["a\\photo1.png", ".photo1.png", "photo1.txt", "sub/photo1.png"])
def test_an_image_must_be_a_plain_picture_file_name(root, image):
    edit(root, "meta.yml", "image: photo1.png", f"image: '{image}'")
    assert errors_of(root) == [
        f"content/{POST}/meta.yml:17: gallery item 1: image '{image}' (expected a file name in the post's folder "
        "ending in .jpg, .jpeg, .png, .gif, .webp, .tif, .tiff)"]


def test_a_scaffolded_translation_before_the_original_does_not_hide_it(root):
    (root / POST / "en.md").write_text("---\ntitle:\n---\n", encoding="utf-8")
    assert sorted(load_content(root).entries[0].versions) == ["ru"]


def test_the_original_carries_no_translation_credit_or_draft(root):
    edit(root, "ru.md", "title: Парад 7 ноября 1941 года\n", "title: Парад 7 ноября 1941 года\ndraft: true\ntranslated_by: x\n")
    assert errors_of(root) == [
        f"content/{POST}/ru.md:3: draft: the original is not a translation (expected it only in a translation's front matter)",
        f"content/{POST}/ru.md:4: translated_by: the original is not a translation (expected it only in a translation's "
        "front matter)"]


def test_a_draft_translation_is_listed_and_not_shown(root):
    (root / POST / "tr.md").write_text("---\ntitle: Geçit töreni\ndraft: true\n---\n\nYarım.\n", encoding="utf-8")
    entry = load_content(root).entries[0]
    assert entry.drafts == ("tr",) and sorted(entry.versions) == ["en", "ru"]


def test_the_original_cannot_be_a_translation(root):
    edit(root, "ru.md", "title: Парад 7 ноября 1941 года\n", "title: Парад 7 ноября 1941 года\ntranslation_of: ru\n")
    assert errors_of(root) == [f"content/{POST}/ru.md:3: the original (ru.md, per meta.yml lang) cannot be a translation"]


def test_every_folder_and_registry_problem_is_listed(root):
    (root / "tags.yml").write_text("Bad Slug:\n  label: x\n", encoding="utf-8")
    for name in ("a-post", "b-post"):
        (root / "posts" / name).mkdir()
    assert errors_of(root) == [
        "content/posts/a-post/meta.yml: missing meta.yml (expected each post folder to hold meta.yml and one <lang>.md "
        "per language)",
        "content/posts/b-post/meta.yml: missing meta.yml (expected each post folder to hold meta.yml and one <lang>.md "
        "per language)",
        "content/tags.yml:1: tag slug 'Bad Slug' is not a lowercase ASCII slug (expected 'bad-slug')"]


def test_after_a_wrong_gallery_item_the_next_keeps_its_number_and_line(root):
    """Item 1 is no mapping and item 2's image is missing: item 2 is item 2, on its own line (it was called
    item 1, on item 1's line, once the wrong item had dropped out)."""
    edit(root, "meta.yml", "- agency: Sputnik\n  image: photo1.png\n  photographer:\n    en: Ivan Shagin\n    ru: Иван Шагин\n"
         "  rights: http://rightsstatements.org/vocab/InC/1.0/\n", "- Sputnik, Ivan Shagin\n")
    edit(root, "meta.yml", "- photographer: Pfc. William E. Poulson\n", "- photographer: Pfc. William E. Poulson\n  image: gone.png\n")
    errors = errors_of(root)
    assert errors[0].startswith(f"content/{POST}/meta.yml:16: gallery item 1: 'Sputnik, Ivan Shagin' (expected")
    assert errors[1:] == [f"content/{POST}/meta.yml:18: gallery item 2: no file gone.png in content/{POST} "
                          "(expected the image beside meta.yml)"]
