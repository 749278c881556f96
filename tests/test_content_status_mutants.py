"""Translation coverage (scripts/content/status.py) of a small archive made here: what is counted as
translated, missing, started or stale, and the report and page that say so. Expected reports are written out
as a contributor reads them."""

import datetime as dt
import hashlib
from types import SimpleNamespace

import pytest

from scripts.content import status
from scripts.content.model import Entry, GalleryItem, Tag, Version
from scripts.content.status import Coverage, coverage, render_page, render_text


def fresh_hash(title, captions, body):
    """What a translation records of an up-to-date original: its title, captions and body, hashed."""
    text = title + "\n" + "\n".join(f"{n}: {c}" for n, c in sorted(captions.items())) + "\n" + body
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


MOSCOW = Tag("moscow", (("en", "Moscow"), ("ru", "Москва")))
PARADE_TAG = Tag("parade", (("en", "Parade"),))
DERIVED = Tag("zzz", (("en", "Zzz"), ("ru", "Ззз"), ("tr", "Zzz")))  # from a hashtag, not in tags.yml
ITEMS = (GalleryItem(n=1, agency=None, photographer={}, rights=None, image=None),
         GalleryItem(n=2, agency=None, photographer={}, rights=None, image=None))
PARADE = Entry(id="parade", path="p", lang="ru", source={"name": "A"}, date=dt.date(1941, 11, 7),
               versions={"ru": Version("ru", "Парад", "Текст", {1: "Танки"}, "p/ru.md"),
                         "en": Version("en", "Parade", "Text", {1: "Tanks"}, "p/en.md",
                                       original_hash=fresh_hash("Парад", {1: "Танки"}, "Текст"))},
               drafts=("tr",), gallery=ITEMS, tags=(MOSCOW, PARADE_TAG))
MARCH = Entry(id="march", path="m", lang="en", source={"name": "A"},
              versions={"en": Version("en", "March", "", {}, "m/en.md"),
                        "ru": Version("ru", "Марш", "", {}, "m/ru.md", original_hash="000000000000"),
                        "tr": Version("tr", "Yürüyüş", "", {}, "m/tr.md")},
              tags=(DERIVED, MOSCOW))
BARE = Entry(id="bare", path="b", lang="tr", source={"name": "A"}, versions={"tr": Version("tr", "Bare", "", {}, "b/tr.md")})
CONTENT = SimpleNamespace(entries=(PARADE, MARCH, BARE), registry=SimpleNamespace(tags={"moscow": MOSCOW,
                                                                                      "parade": PARADE_TAG}))


@pytest.fixture(autouse=True)
def strings(monkeypatch):
    """Three interface strings, two of them missing in Turkish."""
    monkeypatch.setattr(status, "STRINGS", {"en": {"a": "A", "b": "B", "c": "C"}, "ru": {"c": "В", "a": "А", "b": "Б"},
                                            "tr": {"a": "A"}})


EXPECTED = [
    Coverage("en", posts=2, posts_total=3, captions=1, captions_total=2, tags=2, tags_total=3, ui=3, ui_total=3,
             missing_posts=["bare"], missing_captions=["parade#2"], missing_tags=["zzz"]),
    Coverage("ru", posts=2, posts_total=3, captions=1, captions_total=2, tags=1, tags_total=3, ui=3, ui_total=3,
             missing_posts=["bare"], stale_posts=["march"], missing_captions=["parade#2"],
             missing_tags=["parade", "zzz"]),
    Coverage("tr", posts=2, posts_total=3, captions=0, captions_total=2, tags=0, tags_total=3, ui=1, ui_total=3,
             missing_posts=["parade"], drafts=["parade"], stale_posts=["march"],
             missing_captions=["parade#1", "parade#2"], missing_tags=["moscow", "parade", "zzz"], missing_ui=["b", "c"]),
]


def test_coverage_per_language():
    assert coverage(CONTENT) == EXPECTED


def test_an_empty_archive_is_fully_translated():
    empty = SimpleNamespace(entries=(), registry=SimpleNamespace(tags={}))
    assert coverage(empty)[0] == Coverage("en", ui=3, ui_total=3)
    assert "| en | 0/0 (100%) | 0 | 0/0 (100%) | 0/0 (100%) | 3/3 (100%) |" in render_page(coverage(empty))


def test_the_report_lists_what_to_translate_next_and_why_a_translation_is_stale():
    report = render_text(coverage(CONTENT), CONTENT, lambda entry, version: f"{entry.id}/{version.lang} changed")
    assert report == (
        "lang           posts  stale        captions      tag labels      UI strings\n"
        "en         2/3 (66%)      0       1/2 (50%)       2/3 (66%)      3/3 (100%)\n"
        "ru         2/3 (66%)      1       1/2 (50%)       1/3 (33%)      3/3 (100%)\n"
        "tr         2/3 (66%)      1        0/2 (0%)        0/3 (0%)       1/3 (33%)\n"
        "en: to translate: bare (undated, tr: Bare)\n"
        "en: caption not translated: parade#2\n"
        "en: tag without a label (add it to content/tags.yml): zzz\n"
        "ru: to translate: bare (undated, tr: Bare)\n"
        "ru: stale translation: march: march/ru changed\n"
        "ru: caption not translated: parade#2\n"
        "ru: tag without a label (add it to content/tags.yml): parade\n"
        "ru: tag without a label (add it to content/tags.yml): zzz\n"
        "tr: translation started (draft): parade (1941-11-07, ru: Парад)\n"
        "tr: stale translation: march: march/tr changed\n"
        "tr: caption not translated: parade#1\n"
        "tr: caption not translated: parade#2\n"
        "tr: tag without a label (add it to content/tags.yml): moscow\n"
        "tr: tag without a label (add it to content/tags.yml): parade\n"
        "tr: tag without a label (add it to content/tags.yml): zzz\n"
        "tr: UI string missing (scripts/site/i18n.py): b\n"
        "tr: UI string missing (scripts/site/i18n.py): c\n")


def test_without_the_archive_the_report_names_posts_by_id_only():
    report = render_text(coverage(CONTENT)[1:2])
    assert report == (
        "lang           posts  stale        captions      tag labels      UI strings\n"
        "ru         2/3 (66%)      1       1/2 (50%)       1/3 (33%)      3/3 (100%)\n"
        "ru: to translate: bare\n"
        "ru: stale translation: march\n"
        "ru: caption not translated: parade#2\n"
        "ru: tag without a label (add it to content/tags.yml): parade\n"
        "ru: tag without a label (add it to content/tags.yml): zzz\n")
    # with the archive but no reason given, a stale line has none
    assert "ru: stale translation: march\n" in render_text(coverage(CONTENT), CONTENT)


HEAD = ("---\ntitle: Translation status\nsearch:\n  exclude: true\n---\n\n"
        '<div lang="en" markdown>\n\n# Translation status\n\n'
        "For contributors: what is translated in each language, and what is missing or stale "
        "(`python -m scripts status` prints the same).\n\n"
        "| language | posts | stale | captions | tag labels | interface |\n|---|---|---|---|---|---|\n")


def test_the_status_page():
    assert render_page(coverage(CONTENT)) == (
        HEAD
        + "| en | 2/3 (66%) | 0 | 1/2 (50%) | 2/3 (66%) | 3/3 (100%) |\n"
        "| ru | 2/3 (66%) | 1 | 1/2 (50%) | 1/3 (33%) | 3/3 (100%) |\n"
        "| tr | 2/3 (66%) | 1 | 0/2 (0%) | 0/3 (0%) | 1/3 (33%) |\n\n"
        "## en\n\n- not translated: `bare`\n- caption not translated: `parade#2`\n- tag without a label: `zzz`\n"
        "\n"
        "## ru\n\n- not translated: `bare`\n- stale: `march`\n- caption not translated: `parade#2`\n"
        "- tag without a label: `parade`\n- tag without a label: `zzz`\n"
        "\n"
        "## tr\n\n- not translated: `parade`\n- stale: `march`\n- caption not translated: `parade#1`\n"
        "- caption not translated: `parade#2`\n- tag without a label: `moscow`\n- tag without a label: `parade`\n"
        "- tag without a label: `zzz`\n"
        "\n</div>\n")


def test_a_fully_translated_archive_says_so_and_a_long_list_is_cut_at_fifty():
    done = Coverage("en", posts=1, posts_total=1, missing_ui=["x"])  # interface strings are not listed on the page
    assert render_page([done]) == (
        HEAD + "| en | 1/1 (100%) | 0 | 0/0 (100%) | 0/0 (100%) | 0/0 (100%) |\n\nEverything is translated.\n\n</div>\n")
    fifty = Coverage("ru", missing_posts=[f"p{i}" for i in range(49)], stale_posts=["s"])
    assert render_page([fifty]).endswith("- not translated: `p48`\n- stale: `s`\n\n</div>\n")
    many = Coverage("ru", missing_posts=[f"p{i}" for i in range(49)], stale_posts=["s"], missing_tags=["t1", "t2"])
    assert render_page([many]).endswith(
        "- not translated: `p48`\n- stale: `s`\n"
        "- … and 2 more: `python -m scripts status` lists them all\n\n</div>\n")


def test_every_translated_caption_counts():
    both = Entry(id="both", path="b", lang="en", source={"name": "A"}, gallery=ITEMS,
                 versions={"en": Version("en", "Both", "", {1: "One", 2: "Two"}, "b/en.md")})
    en = coverage(SimpleNamespace(entries=(both,), registry=SimpleNamespace(tags={})))[0]
    assert (en.captions, en.captions_total, en.missing_captions) == (2, 2, [])
