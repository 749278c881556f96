"""content/schema: each value type converts or says what is wrong, in the exact words a contributor reads
(issue 10, mutation testing). The types are called directly with a Problems to collect the messages."""

import datetime as dt

from scripts.content import schema
from scripts.content.schema import (
    Choice, Date, Field, Flag, Hashtag, Language, ListOf, Localized, MapOf, Month, Number, Problems, Reasons,
    Record, Rights, Text, Url, format_table, inference_reasons,
)


class Lines(dict):
    """A mapping as yaml_io gives it: the line of each key."""

    def __init__(self, items, key_lines):
        super().__init__(items)
        self.key_lines = key_lines


class Items(list):
    def __init__(self, items, item_lines):
        super().__init__(items)
        self.item_lines = item_lines


def convert(type_, value, line=4):
    problems = Problems("posts/p/meta.yml")
    out = type_.convert(value, "key", line, problems)
    return out, [str(e) for e in problems.errors]


def test_problems_name_the_file_and_the_line():
    problems = Problems("a/meta.yml")
    problems.add(3, "x: wrong (expected y)")
    problems.add(None, "no line")
    assert [str(e) for e in problems.errors] == ["a/meta.yml:3: x: wrong (expected y)", "a/meta.yml: no line"]
    assert problems.errors[0].line == 3 and problems.errors[0].path == "a/meta.yml"


def test_text():
    assert convert(Text(), "Канал") == ("Канал", [])
    assert convert(Text(), "  ") == (None, ["posts/p/meta.yml:4: key: '  ' (expected text)"])
    assert convert(Text(), None) == (None, ["posts/p/meta.yml:4: key: empty (expected text)"])
    assert convert(Text(), 5) == (None, ["posts/p/meta.yml:4: key: '5' (expected text)"])
    assert convert(Text(allow_empty=True), "") == ("", [])
    assert convert(Text(expected="a name"), {}) == (None, ["posts/p/meta.yml:4: key: a mapping (expected a name)"])
    assert convert(Text(), "") == (None, ["posts/p/meta.yml:4: key: empty (expected text)"])
    assert convert(Text(expected="a name"), {"a": 1}) == (None, ["posts/p/meta.yml:4: key: a mapping (expected a name)"])


def test_a_value_in_a_message_is_one_short_line():
    long = "x" * 61
    assert convert(Text(), [long])[1] == ["posts/p/meta.yml:4: key: a list (expected text)"]
    assert convert(Number(), long)[1] == [f"posts/p/meta.yml:4: key: '{'x' * 60}…' (expected a whole number from 1)"]
    assert convert(Number(), "x" * 60)[1] == [f"posts/p/meta.yml:4: key: '{'x' * 60}' (expected a whole number from 1)"]
    assert convert(Number(), "a\nb")[1] == ["posts/p/meta.yml:4: key: 'a\\nb' (expected a whole number from 1)"]


def test_hashtag():
    assert convert(Hashtag(), "#Победа") == ("#Победа", [])
    for bad in ("#", " # ", "##", ""):
        assert convert(Hashtag(), bad)[0] is None
    assert convert(Hashtag(), " # ")[1] == ["posts/p/meta.yml:4: key: ' # ' (expected a hashtag)"]


def test_choice_and_language():
    assert convert(Choice(("video", "photo")), "photo") == ("photo", [])
    assert convert(Choice(("video", "photo")), "Photo") == (None, ["posts/p/meta.yml:4: key: 'Photo' (expected one of: video, photo)"])
    assert convert(Language(), "tr") == ("tr", [])
    assert convert(Language(), "de") == (None, ["posts/p/meta.yml:4: key: unknown language 'de' (expected one of en, ru, tr)"])
    assert convert(Language(("en", "de")), "de") == ("de", [])


def test_date():
    assert convert(Date(), " 1945-05-09 ") == (dt.date(1945, 5, 9), [])
    assert convert(Date(), "1945-02-30") == (None, ["posts/p/meta.yml:4: key: '1945-02-30' is not a date (expected YYYY-MM-DD)"])
    assert convert(Date(), "9 May 1945")[0] is None
    assert convert(Date(), "1945-5-9")[0] is None


def test_number():
    assert convert(Number(), "12") == (12, [])
    assert convert(Number(), " 3 ") == (3, [])
    assert convert(Number(), "999999999") == (999999999, [])
    assert convert(Number(), "1234567890")[0] is None
    assert convert(Number(), "0") == (None, ["posts/p/meta.yml:4: key: '0' (expected a whole number from 1)"])
    assert convert(Number(minimum=0), "0") == (0, [])
    assert convert(Number(), "-1")[0] is None
    assert convert(Number(), "1.5")[0] is None


def test_url():
    assert convert(Url(), " https://t.me/MFARussia/1 ") == ("https://t.me/MFARussia/1", [])
    assert convert(Url(), "http://x.org") == ("http://x.org", [])
    for bad in ("ftp://x.org", "https://", "https:///path", "https://x.org/a b", "t.me/x", "https://x.org/<b>"):
        assert convert(Url(), bad)[0] is None, bad
    assert convert(Url(), "t.me/x")[1] == [
        "posts/p/meta.yml:4: key: 't.me/x' (expected the original's http:// or https:// address, e.g. https://t.me/channel/123)"]


def test_month():
    assert convert(Month(), " 2026-12 ") == ("2026-12", [])
    assert convert(Month(), "2026-02-28") == ("2026-02-28", [])
    for bad in ("2026-13", "2026-02-30", "2026", "26-12", "2026-00"):
        assert convert(Month(), bad)[0] is None, bad
    assert convert(Month(), 2026)[1] == [
        "posts/p/meta.yml:4: key: '2026' is not a month or a day (expected YYYY-MM or YYYY-MM-DD, e.g. '2026-12')"]


def test_flag():
    assert convert(Flag(), " True ") == (True, [])
    assert convert(Flag(), "false") == (False, [])
    assert convert(Flag(), "yes") == (None, [
        "posts/p/meta.yml:4: key: 'yes' (expected true while the translation is being written, or no key line)"])


def test_rights():
    uri = "http://rightsstatements.org/vocab/InC/1.0/"
    assert convert(Rights(), uri) == (uri, [])
    assert convert(Rights(), ["x"]) == (None, ["posts/p/meta.yml:4: key: a list (expected a rights statement URI)"])
    out, errors = convert(Rights(), "Public domain")
    assert out is None and errors == ["posts/p/meta.yml:4: key: 'Public domain' is not a rights statement this archive "
                                      "knows (expected 'https://creativecommons.org/publicdomain/mark/1.0/'; known: "
                                      "scripts/content/rights.py)"]


def test_inference_reasons():
    assert inference_reasons(" in the text ") == ({"en": "in the text"}, None)
    assert inference_reasons("  ") == (None, None)
    assert inference_reasons({"ru": " в тексте ", "tr": "metinde"}) == ({"ru": "в тексте", "tr": "metinde"}, None)
    assert inference_reasons({"ru": "x", "de": "y"}) == (
        None, "unknown language 'de' (expected a sentence, or one per language: en, ru, tr)")
    assert inference_reasons({"ru": "x", "en": " "}) == (None, "no reason in 'en' (expected a sentence)")
    assert inference_reasons({"en": 5}) == (None, "no reason in 'en' (expected a sentence)")
    assert inference_reasons(["a"]) == (None, "expected a sentence, or one per language (en:, ru:, tr:)")


def test_reasons_messages():
    assert convert(Reasons(), "why") == ({"en": "why"}, [])
    assert convert(Reasons(), ["a"]) == (None, ["posts/p/meta.yml:4: key: a list (expected a sentence, or one per language (en:, ru:, tr:))"])
    assert convert(Reasons(), {"en": ""}) == (None, ["posts/p/meta.yml:4: key: no reason in 'en' (expected a sentence)"])


def test_localized():
    assert convert(Localized(), "Ivan Shagin") == ({"": "Ivan Shagin"}, [])
    assert convert(Localized(), {"en": "Ivan", "ru": "Иван"}) == ({"en": "Ivan", "ru": "Иван"}, [])
    value = Lines({"en": "Ivan", "de": "Iwan", "ru": " "}, {"en": 7, "de": 8, "ru": 9})
    assert convert(Localized(), value) == ({"en": "Ivan"}, [
        "posts/p/meta.yml:8: key: unknown language 'de' (expected one of: en, ru, tr)",
        "posts/p/meta.yml:9: key.ru: ' ' (expected text)"])
    assert convert(Localized(), {"ru": ""}) == (None, ["posts/p/meta.yml:4: key.ru: empty (expected text)"])
    assert convert(Localized(), {}) == (None, ["posts/p/meta.yml:4: key: a mapping (expected text, or a mapping of en/ru/tr to text)"])
    assert convert(Localized(), " ")[0] is None


def test_list_of():
    assert convert(ListOf(Date()), ["1945-05-09"]) == ([dt.date(1945, 5, 9)], [])
    value = Items(["1945-05-09", "x", "1941-06-22"], {0: 10, 1: 11, 2: 12})
    assert convert(ListOf(Date()), value) == ([dt.date(1945, 5, 9), dt.date(1941, 6, 22)], [
        "posts/p/meta.yml:11: key item 2: 'x' is not a date (expected YYYY-MM-DD)"])
    assert convert(ListOf(Date()), ["x"])[1] == ["posts/p/meta.yml:4: key item 1: 'x' is not a date (expected YYYY-MM-DD)"]
    assert convert(ListOf(Hashtag()), "Победа") == (None, [
        "posts/p/meta.yml:4: key: 'Победа' (expected a list, e.g. [a, b], of a hashtag)"])


def test_map_of():
    type_ = MapOf(Number(), Text(allow_empty=True))
    assert convert(type_, {"1": "a", "2": ""}) == ({1: "a", 2: ""}, [])
    value = Lines({"1": "a", "x": "b", "3": 5}, {"1": 5, "x": 6, "3": 7})
    assert convert(type_, value) == ({1: "a"}, [
        "posts/p/meta.yml:6: key key: 'x' (expected a whole number from 1)",
        "posts/p/meta.yml:7: key 3: '5' (expected text)"])
    assert convert(type_, ["a"]) == (None, ["posts/p/meta.yml:4: key: a list (expected a mapping of a whole number to text)"])


RECORD = Record((Field("name", Text(), "who", required=True), Field("item", Number(), "which"),
                 Field("note", Text(), "a note")))


def test_record_converts_known_keys_and_skips_empty_values():
    assert convert(RECORD, {"name": "Канал", "item": "2", "note": ""}) == ({"name": "Канал", "item": 2}, [])
    assert convert(RECORD, {"name": "Канал", "note": None}) == ({"name": "Канал"}, [])


def test_record_reports_unknown_and_missing_keys_with_their_lines():
    value = Lines({"nmae": "x", "item": "0"}, {"nmae": 5, "item": 6})
    out, errors = convert(RECORD, value, line=3)
    assert out == {}
    assert errors == [
        "posts/p/meta.yml:5: unknown key 'key.nmae' (expected one of: name, item, note)",
        "posts/p/meta.yml:6: key.item: '0' (expected a whole number from 1)",
        "posts/p/meta.yml:3: missing key.name (expected who)"]
    assert convert(RECORD, {"name": ""})[1] == ["posts/p/meta.yml:4: missing key.name (expected who)"]


def test_a_top_level_record_has_no_prefix():
    problems = Problems("m.yml")
    assert RECORD.convert({"x": 1, "name": "n"}, "", 1, problems) == {"name": "n"}
    assert [str(e) for e in problems.errors] == ["m.yml:1: unknown key 'x' (expected one of: name, item, note)"]
    problems = Problems("m.yml")
    assert RECORD.convert(["a"], "", 1, problems) is None
    assert [str(e) for e in problems.errors] == ["m.yml:1: a list (expected a mapping with name, item, note)"]
    problems = Problems("m.yml")
    assert RECORD.convert("a", "source", 2, problems) is None
    assert [str(e) for e in problems.errors] == ["m.yml:2: source: 'a' (expected a mapping with name, item, note)"]


def test_format_table_nests_records_and_lists_of_records():
    inner = Record((Field("a", Text(), "the a", required=True),))
    outer = Record((Field("x", Text(), "the x"), Field("sub", inner, "a record"), Field("items", ListOf(inner), "a list"),
                    Field("tags", ListOf(Hashtag()), "tags")))
    assert format_table(outer) == (
        "| key | required | what it holds |\n|---|---|---|\n"
        "| `x` |  | the x |\n"
        "| `sub` |  | a record |\n"
        "| `sub.a` | yes | the a |\n"
        "| `items` |  | a list |\n"
        "| `items[].a` | yes | the a |\n"
        "| `tags` |  | tags |\n")
    assert format_table(inner, "pre.") == "| key | required | what it holds |\n|---|---|---|\n| `pre.a` | yes | the a |\n"


def test_the_meta_schema_requires_source_and_lang():
    problems = Problems("meta.yml")
    assert schema.META.convert({}, "", 1, problems) == {}
    assert [e.problem for e in problems.errors] == [
        "missing source (expected name, kind, raw (and optionally item, url))",
        "missing lang (expected the language of the original text: en, ru, tr (or uk, be, de, fr, pl: shown "
        "untranslated until translated))"]


def test_a_record_made_now_knows_its_keys():
    record = Record((Field("a", Text(), "the a"),))
    assert record.by_name == {"a": record.fields[0]}
    assert convert(record, {"a": "x", "b": "y"}) == ({"a": "x"}, ["posts/p/meta.yml:4: unknown key 'key.b' (expected one of: a)"])


def test_the_problem_itself_is_one_line_for_check_to_print():
    problems = Problems("m.yml")
    Number().convert("a\nb\x1e", "item", 2, problems)
    assert problems.errors[0].problem == "item: 'a\\nb\\x1e' (expected a whole number from 1)"


def test_a_hashtag_may_be_any_word_but_not_signs_alone():
    assert convert(Hashtag(), "X") == ("X", [])
    assert convert(Hashtag(), "#XX") == ("#XX", [])


def test_year_zero_is_no_month():
    assert convert(Month(), "0000-05")[0] is None
    assert convert(Date(), "0000-05-09")[0] is None


def test_a_mapping_without_key_lines_blames_its_own_line():
    assert convert(MapOf(Number(), Text()), {"x": "a"}) == ({}, ["posts/p/meta.yml:4: key key: 'x' (expected a whole number from 1)"])
