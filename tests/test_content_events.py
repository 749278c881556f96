"""content/events.yml, the timeline's dates: its errors (each on its own line) and the events read."""

import datetime

import pytest

from scripts.content.events import load_events
from scripts.content.model import ContentError


def _load(tmp_path, text):
    path = tmp_path / "events.yml"
    path.write_text(text, encoding="utf-8")
    return load_events(path, "content/events.yml")


def _errors(tmp_path, text):
    with pytest.raises(ContentError) as e:
        _load(tmp_path, text)
    return str(e.value).splitlines()


def test_no_file_and_an_empty_file_are_no_events(tmp_path):
    assert load_events(tmp_path / "events.yml", "content/events.yml") == []
    assert _load(tmp_path, "") == []


def test_a_mapping_instead_of_a_list_is_refused_on_line_1(tmp_path):
    assert _errors(tmp_path, "\n\ndate: 1945-05-09\nname: Victory Day\n") == [
        "content/events.yml:1: events must be a list (expected '- date: YYYY-MM-DD' items with name: en/ru/tr)"]


def test_a_yaml_error_names_the_file_as_shown(tmp_path):
    (message,) = _errors(tmp_path, "- date: [1945\n")
    assert message.startswith("content/events.yml:")


def test_every_bad_item_is_reported_on_its_own_line_and_the_later_ones_are_still_read(tmp_path):
    assert _errors(tmp_path, "- date: 1945-13-09\n  name: X\n- name: Y\n- 3\n"
                             "- date: 1945-05-08\n  name: {de: Sieg}\n") == [
        "content/events.yml:1: date: '1945-13-09' is not a date (expected YYYY-MM-DD)",
        "content/events.yml:3: missing date (expected the historical date, YYYY-MM-DD)",
        "content/events.yml:4: '3' (expected a mapping with date, name)",
        "content/events.yml:6: name: unknown language 'de' (expected one of: en, ru, tr)",
    ]


def test_a_date_listed_twice_is_blamed_on_each_repetition(tmp_path):
    assert _errors(tmp_path, "- date: 1945-05-09\n  name: Victory Day\n\n- date: 1944-06-06\n  name: D-Day\n"
                             "- date: 1945-05-09\n  name: Again\n- date: 1945-05-09\n  name: Third\n") == [
        "content/events.yml:6: date 1945-05-09 is listed twice (expected one event per date)",
        "content/events.yml:8: date 1945-05-09 is listed twice (expected one event per date)",
    ]


def test_events_come_sorted_by_date_and_one_name_serves_every_language(tmp_path):
    events = _load(tmp_path, "- date: 1945-05-09\n  name: Victory Day\n"
                             "- date: 1944-06-06\n  name: {en: D-Day, ru: День Д, tr: D-Day}\n")
    assert [e.date for e in events] == [datetime.date(1944, 6, 6), datetime.date(1945, 5, 9)]
    assert events[0].names == (("en", "D-Day"), ("ru", "День Д"), ("tr", "D-Day"))
    assert events[1].names == (("en", "Victory Day"), ("ru", "Victory Day"), ("tr", "Victory Day"))
