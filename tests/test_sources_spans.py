"""Marked-up text as paragraphs and tags (sources/spans.py), on hand-made runs (mutation-tested)."""

from scripts.content.model import Paragraph, Span
from scripts.sources.spans import merge, paragraphs_and_tags_of, span


def test_a_span_carries_the_marks_it_is_given():
    assert span("Elbe", frozenset({"bold", "italic", "code", "strike"}), "https://example.org/") == Span(
        "Elbe", bold=True, italic=True, code=True, strike=True, href="https://example.org/")
    assert span("Elbe", frozenset(), None) == Span("Elbe")


def test_blank_lines_make_paragraphs_and_a_line_break_stays_inside_one():
    paragraphs, tags = paragraphs_and_tags_of([Span("Troops met.\nThey shook hands.\n\nThe war ended.")])
    assert paragraphs == [Paragraph("Troops met.\nThey shook hands.", "en"), Paragraph("The war ended.", "en")]
    assert tags == []


def test_lines_of_hashtags_are_tags_and_inline_hashtags_count_too():
    paragraphs, tags = paragraphs_and_tags_of([Span("We remember #WWII.\n\n#Victory78 #WWII")])
    assert [p.text for p in paragraphs] == ["We remember #WWII."]
    assert tags == ["Victory78", "WWII"]


def test_a_hashtag_line_inside_a_paragraph_does_not_split_it():
    paragraphs, tags = paragraphs_and_tags_of([Span("Troops met.\n#Elbe\nThey shook hands.")])
    assert [p.text for p in paragraphs] == ["Troops met.\nThey shook hands."]
    assert tags == ["Elbe"]


def test_a_repeated_paragraph_is_kept_once_even_with_other_spacing():
    paragraphs, _ = paragraphs_and_tags_of([Span("Troops met at the Elbe.\n\nTroops  met at the\u00a0Elbe.\n\nEnd.")])
    assert [p.text for p in paragraphs] == ["Troops met at the Elbe.", "End."]


def test_marked_text_keeps_its_spans_with_line_breaks_and_outer_spaces():
    runs = [Span("Troops "), Span("met", bold=True), Span(" at the "), Span("Elbe", href="https://example.org/"),
            Span(".\nThey shook hands.")]
    [p], _ = paragraphs_and_tags_of(runs)
    assert p.text == "Troops met at the Elbe.\nThey shook hands."
    assert p.spans == (Span("Troops "), Span("met", bold=True), Span(" at the "),
                       Span("Elbe", href="https://example.org/"), Span(".\nThey shook hands."))


def test_plain_text_has_no_spans():
    [p], _ = paragraphs_and_tags_of([Span("Troops "), Span("met.")])
    assert (p.text, p.spans) == ("Troops met.", ())


def test_each_mark_makes_a_paragraph_marked():
    for marks in ({"italic": True}, {"code": True}, {"strike": True}):
        [p], _ = paragraphs_and_tags_of([Span("Troops "), Span("met", **marks), Span(".")])
        assert p.spans == (Span("Troops "), Span("met", **marks), Span("."))


def test_spaces_between_spans_are_one_and_none_at_the_ends():
    [p], _ = paragraphs_and_tags_of([Span("  Troops  "), Span("  met", bold=True), Span(" .  ")])
    assert p.text == "Troops met ."
    assert p.spans == (Span("Troops "), Span("met", bold=True), Span(" ."))


def test_spans_of_only_spaces_at_the_ends_are_dropped():
    [p], _ = paragraphs_and_tags_of([Span("   "), Span(" met ", bold=True), Span("   ", italic=True)])
    assert (p.text, p.spans) == ("met", (Span("met", bold=True),))


def test_when_a_piece_normalizes_unlike_the_whole_the_line_is_kept_as_plain_text():
    # A zero-width joiner between two emoji joins them only when they meet: split across spans, the pieces
    # would lose it.
    [p], _ = paragraphs_and_tags_of([Span("Troops", bold=True), Span(".\nFamily 👨"), Span("\u200d👩", bold=True)])
    assert p.text == "Troops.\nFamily 👨\u200d👩"
    assert p.spans == (Span("Troops", bold=True), Span(".\nFamily 👨\u200d👩"))


def test_merge_joins_neighbours_with_the_same_marks_only():
    assert merge([Span("a", bold=True), Span("b", bold=True), Span("c"), Span("d", bold=True)]) == [
        Span("ab", bold=True), Span("c"), Span("d", bold=True)]
    assert merge([]) == []


def test_trimming_the_ends_takes_spaces_only():
    [p], _ = paragraphs_and_tags_of([Span(" Xinhua", bold=True), Span(" reports on Malcolm X "), Span(" ", italic=True)])
    assert p.text == "Xinhua reports on Malcolm X"
    assert p.spans == (Span("Xinhua", bold=True), Span(" reports on Malcolm X"))


def test_a_next_line_character_at_a_span_edge_keeps_the_lines_marks():
    """U+0085 (NEL) is white space to str.strip(): normalizing the line and its spans read it differently,
    and the line fell back to plain text, losing its bold and its link."""
    from scripts.content.model import Span
    from scripts.sources.spans import _clean

    text, spans = _clean([Span("Read "), Span("the order\x85", href="https://example.org/o"), Span(" now", bold=True)])
    assert text == "Read the order now"
    assert "".join(s.text for s in spans) == text
    assert [s.text.strip() for s in spans if s.href == "https://example.org/o"] == ["the order"]
    assert [s.text.strip() for s in spans if s.bold] == ["now"]
    text, spans = _clean([Span("\x85Victory", bold=True), Span(" Day")])
    assert (text, spans) == ("Victory Day", [Span("Victory", bold=True), Span(" Day")])


def test_a_next_line_character_ends_a_line():
    from scripts.text.normalize import split_lines

    assert split_lines("Line one\x85Line two") == ["Line one", "Line two"]
