"""--force's record and merge (scripts/sources/force.py), each rule with values written by hand
(issue 10, item 5: tests that notice a changed line)."""

import datetime as dt

from scripts.sources.force import MISSING, digest, merge, read_record, record, render_record, short


# Digests already stored in the .imported.json of imported folders: a changed digest would make every
# one of those fields "changed since it was imported" and --force would keep them all.
def test_digests_stay_those_already_recorded_in_post_folders():
    assert digest({"item": 1, "name": "Test"}) == "34b53c518b68d9ec"
    assert digest("Elbe Day") == "0297f268e6a9628c"
    assert digest(["9Mayıs"]) == "48bf1593395d3631"  # written as UTF-8, not \u escapes
    assert digest(None) == "74234e98afe7498f"
    assert digest("\udc80") == "637e02ccca19cd77"  # a lone surrogate from a broken export does not crash


def test_a_missing_field_has_the_digest_dash():
    assert digest(MISSING) == "-"


def test_what_was_written_and_what_yaml_reads_back_have_one_digest():
    assert digest({"item": 1, 2: [3, True]}) == digest({"item": "1", "2": ["3", "True"]})
    assert digest(dt.date(1945, 5, 9)) == digest("1945-05-09")
    assert digest({"a": [{"n": 1}]}) == digest({"a": [{"n": "1"}]})


def test_null_is_not_the_text_none():
    assert digest(None) != digest("None")
    assert digest([None]) != digest(["None"])
    assert digest({"k": None}) != digest({"k": "None"})


def test_key_order_does_not_change_a_digest():
    assert digest({"a": "1", "b": "2"}) == digest({"b": "2", "a": "1"})


def test_different_values_have_different_digests():
    assert digest(["a", "b"]) != digest(["b", "a"])
    assert digest("Elbe") != digest("Elbe ")


def test_the_record_has_a_digest_for_every_field_the_importer_writes():
    meta = {"date": "1945-04-25", "tags": ["WeWereAllies"]}
    original = {"title": "Elbe Day", "body": "Text"}
    data = read_record(record(meta, original))
    assert data == {
        "date": digest("1945-04-25"), "date_inferred": "-", "time": "-", "source": "-",
        "tags": digest(["WeWereAllies"]), "commemorates": "-", "missing_media": "-", "gallery": "-",
        "title": digest("Elbe Day"), "captions": "-", "body": digest("Text"),
    }


def test_the_record_text_is_sorted_indented_json_with_a_final_newline():
    assert render_record({"title": "ab", "body": "-"}) == '{\n "body": "-",\n "title": "ab"\n}\n'


def test_a_broken_or_foreign_record_reads_as_no_record():
    assert read_record(None) == {}
    assert read_record("") == {}
    assert read_record("{not json") == {}
    assert read_record("[1, 2]") == {}
    assert read_record('{"title": "x"}') == {"title": "x"}


def test_short_forms_of_values_in_the_listing():
    assert short(MISSING) == "(none)"
    assert short(None) == "(none)"
    assert short(["a", "b", "c"]) == '["a", "b", "c"]'
    assert short(["a", "b", "c", "d"]) == "4 items"
    assert short("x" * 50) == '"' + "x" * 50 + '"'
    assert short("x" * 51) == '"' + "x" * 50 + '…"'
    assert short("Победа") == '"Победа"'
    assert short(dt.date(1945, 5, 9)) == '"1945-05-09"'
    long_dict = {"name": "y" * 60}
    assert short(long_dict) == ('{"name": "' + "y" * 60 + '"}')[:59] + "…"
    assert short({"name": "y" * 48}) == '{"name": "' + "y" * 48 + '"}'  # 60 characters: whole
    assert short({"name": "y" * 49}) == ('{"name": "' + "y" * 49)[:59] + "…"


def test_merge_replaces_a_field_the_importer_wrote_and_keeps_the_rest():
    current = {"title": "Old", "body": "Edited by hand", "captions": ["c"], "other": 1}
    new = {"title": "New", "body": "Source body", "captions": ["c"]}
    proven = {"title": digest("Old"), "body": digest("Body as imported")}
    held = {}
    merged, replaced, kept = merge(current, new, ("title", "body", "captions"), held, proven)
    assert merged == {"title": "New", "body": "Edited by hand", "captions": ["c"], "other": 1}
    assert replaced == ['title: "Old" -> "New"']
    assert kept == ['kept body (changed since it was imported): "Edited by hand"; the source gives "Source body"']
    assert held == {"title": digest("New"), "body": digest("Body as imported"), "captions": digest(["c"])}
    assert current["title"] == "Old"  # the folder's values are not changed in place


def test_merge_keeps_a_field_with_no_record_and_holds_no_digest_for_it():
    held = {}
    merged, replaced, kept = merge({"time": "10:00"}, {"time": "11:00"}, ("time",), held, {})
    assert merged == {"time": "10:00"}
    assert replaced == []
    assert kept == ['kept time (no record of what the importer wrote): "10:00"; the source gives "11:00"']
    assert held == {}


def test_merge_removes_a_field_the_source_no_longer_gives():
    held = {}
    merged, replaced, kept = merge({"time": "10:00", "date": "d"}, {"date": "d"}, ("time", "date"), held,
                                   {"time": digest("10:00")})
    assert merged == {"date": "d"}
    assert replaced == ['time: "10:00" -> (none)']
    assert kept == []
    assert held == {"time": "-", "date": digest("d")}


def test_merge_adds_a_field_the_importer_had_not_written():
    held = {}
    merged, replaced, _ = merge({}, {"time": "11:00"}, ("time",), held, {"time": "-"})
    assert merged == {"time": "11:00"}
    assert replaced == ['time: (none) -> "11:00"']
    assert held == {"time": digest("11:00")}


def test_merge_of_a_field_added_by_hand_keeps_it():
    held = {}
    merged, replaced, kept = merge({"time": "09:00"}, {}, ("time",), held, {"time": "-"})
    assert merged == {"time": "09:00"}
    assert replaced == []
    assert kept == ['kept time (changed since it was imported): "09:00"; the source gives (none)']
    assert held == {"time": "-"}


def test_merge_goes_on_after_an_unchanged_field():
    held = {}
    merged, replaced, kept = merge({"date": "d", "time": "10:00"}, {"date": "d", "time": "11:00"},
                                   ("date", "time"), held, {"date": digest("d"), "time": digest("10:00")})
    assert merged == {"date": "d", "time": "11:00"}
    assert replaced == ['time: "10:00" -> "11:00"']
    assert held == {"date": digest("d"), "time": digest("11:00")}
