"""result.json's text entities as spans: each mark, each kind of link, and the refusals, with the
expected spans written out by hand (issue 10, item 5: tests that notice a changed line)."""

import pytest

from scripts.content.model import Span
from scripts.sources.telegram_entities import runs_from_entities


def test_a_plain_string_is_one_plain_span():
    assert runs_from_entities("Victory Day") == [Span("Victory Day")]


def test_strings_in_the_list_stay_plain_spans_in_order():
    assert runs_from_entities(["On ", "May 9"]) == [Span("On "), Span("May 9")]


@pytest.mark.parametrize("kind, expected", [
    ("bold", Span("Torgau", bold=True)),
    ("italic", Span("Torgau", italic=True)),
    ("code", Span("Torgau", code=True)),
    ("pre", Span("Torgau", code=True)),
    ("strikethrough", Span("Torgau", strike=True)),
    ("underline", Span("Torgau")),
    ("spoiler", Span("Torgau")),
    ("plain", Span("Torgau")),
    ("hashtag", Span("Torgau")),
])
def test_each_mark_and_only_its_own(kind, expected):
    assert runs_from_entities([{"type": kind, "text": "Torgau"}]) == [expected]


def test_an_entity_without_a_type_is_plain():
    assert runs_from_entities([{"text": "Elbe"}]) == [Span("Elbe")]


def test_a_text_link_keeps_its_visible_text_and_its_target_trimmed():
    runs = runs_from_entities([{"type": "text_link", "text": "the statement", "href": "  https://example.org/s  "}])
    assert runs == [Span("the statement", href="https://example.org/s")]


@pytest.mark.parametrize("href", [None, "", "   ", 17])
def test_a_text_link_with_no_usable_target_is_plain_text(href):
    assert runs_from_entities([{"type": "text_link", "text": "the statement", "href": href}]) == [
        Span("the statement")]


def test_a_bare_link_points_at_its_own_text():
    assert runs_from_entities([{"type": "link", "text": " https://example.org/elbe "}]) == [
        Span(" https://example.org/elbe ", href="https://example.org/elbe")]


def test_a_blank_link_has_no_target():
    assert runs_from_entities([{"type": "link", "text": "  "}]) == [Span("  ")]


def test_a_mention_links_to_the_channel():
    assert runs_from_entities([{"type": "mention", "text": "@MFARussia"}]) == [
        Span("@MFARussia", href="https://t.me/MFARussia")]


@pytest.mark.parametrize("text", ["@", "MFARussia"])
def test_a_mention_without_a_name_after_the_at_sign_is_plain(text):
    assert runs_from_entities([{"type": "mention", "text": text}]) == [Span(text)]


def test_a_mention_of_one_letter_still_links():
    assert runs_from_entities([{"type": "mention", "text": "@a"}]) == [Span("@a", href="https://t.me/a")]


def test_an_email_becomes_a_mailto_link():
    assert runs_from_entities([{"type": "email", "text": " press@example.org "}]) == [
        Span(" press@example.org ", href="mailto:press@example.org")]


def test_an_href_on_an_entity_that_is_not_a_text_link_is_ignored():
    assert runs_from_entities([{"type": "bold", "text": "Elbe", "href": "https://example.org/"}]) == [
        Span("Elbe", bold=True)]


@pytest.mark.parametrize("value, name", [(17, "int"), ({"text": "x"}, "dict"), (None, "NoneType")])
def test_text_entities_that_are_not_a_list_are_refused_by_their_type(value, name):
    with pytest.raises(ValueError) as e:
        runs_from_entities(value)
    assert str(e.value) == f"text_entities is {name} (expected a list of entities)"


@pytest.mark.parametrize("entity", [17, None, {"type": "bold"}, {"type": "bold", "text": 5}])
def test_an_entity_that_is_not_an_object_with_text_is_refused(entity):
    with pytest.raises(ValueError) as e:
        runs_from_entities(["ok ", entity])
    assert str(e.value) == "a text entity is not an object with a 'text' string"
