"""The content schema: a wrong type in any field is one `path:line: problem (expected ...)` message, YAML 1.1's
implicit types stay out of text, aliases are refused, and content that loads cannot crash the generator."""

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scripts.content import schema
from scripts.content.load import load_content
from scripts.content.model import ContentError, ContentErrors
from scripts.site.generate import iter_pages
from tests.conftest import ROOT

META = "content/posts/parade-1941/meta.yml"
RU = "content/posts/parade-1941/ru.md"


def errors_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as info:
        load_content(root)
    return str(info.value).splitlines()


def replace_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# (the line as the fixture has it, the wrongly typed line, the one message expected). Written out by hand:
# the messages are interface, and a changed message should fail here.
WRONG_META = [
    ("date: '2021-11-07'", "date: {day: 7}", "meta.yml:1: date: a mapping is not a date (expected YYYY-MM-DD)"),
    ("date: '2021-11-07'", "date: '2023-02-30'", "meta.yml:1: date: '2023-02-30' is not a date (expected YYYY-MM-DD)"),
    ("date: '2021-11-07'", "date: '2021-11-07'\ndate_inferred: {why: x}",
     "meta.yml:2: date_inferred: unknown language 'why' (expected a sentence, or one per language: en, ru, tr)"),
    ("date: '2021-11-07'", "date: '2021-11-07'\ndate_inferred: [a, b]",
     "meta.yml:2: date_inferred: a list (expected a sentence, or one per language (en:, ru:, tr:))"),
    ("date: '2021-11-07'", "date: '2021-11-07'\ntime: [13, 59]", "meta.yml:2: time: a list (expected text)"),
    ("  name: Канал памяти", "  name: [a, b]", "meta.yml:3: source.name: a list (expected text)"),
    ("  kind: telegram-web", "  kind: {a: 1}",
     "meta.yml:4: source.kind: a mapping (expected one of: telegram-web, telegram-html, telegram-channel-html, "
     "telegram-channel-text, telegram-json, gallery-article, news-article-html, manual)"),
    ("  item: 1", "  item: first", "meta.yml:6: source.item: 'first' (expected a whole number from 1)"),
    ("  item: 1", "  item: 1\n  url: javascript:alert(1)",
     "meta.yml:7: source.url: 'javascript:alert(1)' (expected the original's http:// or https:// address, e.g. https://t.me/channel/123)"),
    ("lang: ru", "lang: [ru]", "meta.yml:7: lang: unknown language a list (expected one of en, ru, tr, uk, be, de, fr, pl)"),
    ("tags:\n- Парад\n- 7ноября", "tags: Парад", "meta.yml:8: tags: 'Парад' (expected a list, e.g. [a, b], of a hashtag)"),
    ("- 7ноября", "- {a: b}", "meta.yml:10: tags item 2: a mapping (expected a hashtag)"),
    ("- '1941-11-07'", "- 1941", "meta.yml:12: commemorates item 1: '1941' is not a date (expected YYYY-MM-DD)"),
    ("- video", "- hologram", "meta.yml:14: missing_media item 1: 'hologram' (expected one of: video, photo, file, audio)"),
    ("- agency: Sputnik", "- agency: [Sputnik]", "meta.yml:16: gallery item 1.agency: a list (expected text)"),
    ("- photographer: Pfc. William E. Poulson", "- photographer: [Pfc. William E. Poulson]",
     "meta.yml:22: gallery item 2.photographer: a list (expected text, or a mapping of en/ru/tr to text)"),
    ("    en: Ivan Shagin", "    de: Ivan Shagin",
     "meta.yml:19: gallery item 1.photographer: unknown language 'de' (expected one of: en, ru, tr)"),
    ("  rights: https://creativecommons.org/publicdomain/mark/1.0/", "  rights: {a: b}",
     "meta.yml:23: gallery item 2.rights: a mapping (expected a rights statement URI)"),
    ("  image: photo1.png", "  image: [photo1.png]", "meta.yml:17: gallery item 1.image: a list (expected a file name in the post's folder)"),
    ("lang: ru", "lang: ru\nfingerprint: {a: b}", "meta.yml:8: fingerprint: a mapping (expected text)"),
]


@pytest.mark.parametrize("old,new,message", WRONG_META, ids=[m.split(": ")[1] for _, _, m in WRONG_META])
def test_a_wrong_type_in_meta_is_one_message(golden_copy, old, new, message):
    replace_line(golden_copy / "posts/parade-1941/meta.yml", old, new)
    assert errors_of(golden_copy) == [f"content/posts/parade-1941/{message}"]


def test_wrong_types_in_front_matter(golden_copy):
    ru = golden_copy / "posts/parade-1941/ru.md"
    text = ru.read_text(encoding="utf-8")
    ru.write_text(re.sub(r"^title: .*$", "title: {a: b}", text, count=1, flags=re.M), encoding="utf-8")
    assert errors_of(golden_copy) == [f"{RU}:2: title: a mapping (expected text)"]
    ru.write_text(re.sub(r"^captions:\n(  .*\n)+", "captions: [first, second]\n", text, count=1, flags=re.M),
                  encoding="utf-8")
    assert errors_of(golden_copy) == [f"{RU}:3: captions: a list (expected a mapping of a whole number to text)"]
    ru.write_text(re.sub(r"^  1: ", "  one: ", text, count=1, flags=re.M), encoding="utf-8")
    assert errors_of(golden_copy) == [f"{RU}:4: captions key: 'one' (expected a whole number from 1)"]


def test_yaml_1_1_implicit_types_stay_text(golden_copy):
    meta = golden_copy / "posts/parade-1941/meta.yml"
    replace_line(meta, "date: '2021-11-07'", "date: '2021-11-07'\ntime: 13:59")  # YAML 1.1: the integer 839
    replace_line(meta, "- agency: Sputnik", "- agency: 1945")
    replace_line(meta, "- Парад", "- yes")  # YAML 1.1: True
    entry = load_content(golden_copy).entries[0]
    assert entry.time == "13:59"
    assert entry.gallery[0].agency == "1945"
    assert [t.label("en") for t in entry.tags][0] == "yes"
    page = dict(iter_pages(load_content(golden_copy)))["ru/posts/parade-1941.md"]
    assert "13:59" in page and "1945" in page


def test_an_all_digit_hash_needs_no_quotes(golden_copy):
    en = golden_copy / "posts/parade-1941/en.md"
    text = en.read_text(encoding="utf-8")
    en.write_text(text.replace("translation_of: ru\n", "translation_of: ru\noriginal_hash: 684254688103\n", 1),
                  encoding="utf-8")
    assert load_content(golden_copy).entries[0].versions["en"].original_hash == "684254688103"


def test_tags_with_null_and_empty_items_are_reported(golden_copy):
    replace_line(golden_copy / "posts/parade-1941/meta.yml", "- Парад\n- 7ноября", "- null\n- ''")
    assert errors_of(golden_copy) == [
        f"{META}:9: tags item 1: empty (expected a hashtag)",
        f"{META}:10: tags item 2: empty (expected a hashtag)",
    ]


def test_an_alias_bomb_is_refused_at_once(golden_copy):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    (golden_copy / "posts/parade-1941/meta.yml").write_text(bomb, encoding="utf-8")
    assert errors_of(golden_copy) == [
        f"{META}:2: YAML alias '*a' (expected the value written out; anchors and aliases are not used in content files)"]


def test_cr_only_line_ends_are_read(golden_copy):
    ru = golden_copy / "posts/parade-1941/ru.md"
    ru.write_bytes(ru.read_bytes().replace(b"\n", b"\r"))
    assert load_content(golden_copy).entries[0].versions["ru"].title == "Парад 7 ноября 1941 года"


def test_readme_format_tables_are_the_schema():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for record in (schema.META, schema.FRONT_MATTER, schema.TAG, schema.EVENT):
        assert schema.format_table(record) in readme


# --- whatever the values, content that loads renders ------------------------------------------------

FIELDS = ["date", "date_inferred", "time", "lang", "tags", "commemorates", "missing_media", "fingerprint",
          "source.name", "source.kind", "source.item", "source.url", "gallery.0.agency", "gallery.0.photographer",
          "gallery.0.rights", "gallery.1.photographer", "title", "captions", "captions.1"]
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**12, 10**12), st.floats(allow_nan=False),
                    st.text(max_size=20), st.sampled_from(["13:59", "yes", "no", "1945", "2023-02-30", "ru", "video",
                                                           "https://t.me/x/1", "~", "0x1F", "1e3"]))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                      max_leaves=6)


def _set(data: dict, dotted: str, value):
    keys = dotted.split(".")
    for key in keys[:-1]:
        data = data[int(key)] if key.isdigit() else data.setdefault(key, {})
    last = keys[-1]
    data[int(last) if last.isdigit() and isinstance(data, dict) and dotted.startswith("captions") else last] = value


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(FIELDS), value=values)
@example(field="gallery.0.rights", value="\x1e")  # a record separator: str.splitlines() breaks the message there
@example(field="source.name", value="a\u2028b")
def test_content_that_loads_cannot_crash_the_generator(golden_copy, field, value):
    post = golden_copy / "posts/parade-1941"
    meta = yaml.safe_load((ROOT / "tests/fixtures/golden_content/posts/parade-1941/meta.yml").read_text(encoding="utf-8"))
    front_text = (ROOT / "tests/fixtures/golden_content/posts/parade-1941/ru.md").read_text(encoding="utf-8")
    _, front_yaml, body = front_text.split("---\n", 2)
    front = yaml.safe_load(front_yaml)
    if field in ("title", "captions", "captions.1"):
        _set(front, field, value)
    else:
        _set(meta, field, value)
    (post / "meta.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    (post / "ru.md").write_text("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    try:
        content = load_content(golden_copy)
    except ContentError as e:
        assert re.match(r"^content/posts/parade-1941/(meta\.yml|ru\.md)(:\d+)?: .+\(expected .+\)", str(e).splitlines()[0]), str(e)
        return
    pages = dict(iter_pages(content))
    assert "ru/posts/parade-1941.md" in pages


@pytest.mark.parametrize("control", ["\n", "\r", "\x1e", "\x85", "\u2028", "\x00", "\x1b[31m", "\ud800"])
def test_a_content_error_is_one_line_whatever_the_value_holds(control):
    error = ContentError("content/posts/x/meta.yml", 3, f"'a{control}b' is not a rights statement (expected a URI)")
    assert len(str(error).splitlines()) == 1
    assert str(error).startswith("content/posts/x/meta.yml:3: 'a")
    assert str(error).endswith("b' is not a rights statement (expected a URI)")
    assert control not in str(error)


def test_a_file_name_that_is_not_utf8_is_shown_by_its_bytes():
    path = "content/sources/b\udcffad.txt"  # what os.fsdecode gives for the byte 0xff
    assert str(ContentError(path, None, "empty (expected text)")) == "content/sources/b\\xffad.txt: empty (expected text)"
