"""text/normalize: what a line of source text becomes (mutation testing asked for these, issue 10)."""

from scripts.text.normalize import normalize_line, split_lines


def test_runs_of_ascii_spaces_become_one():
    assert normalize_line("Victory  Day") == "Victory Day"
    assert normalize_line(" 9   May  1945 ") == "9 May 1945"


def test_control_characters_are_dropped_not_replaced():
    assert normalize_line("Vic\x07tory\x1b Day") == "Victory Day"
    assert normalize_line("Побе\x00да") == "Победа"


def test_invisible_characters_and_odd_spaces_in_other_scripts():
    assert normalize_line("Zafer\u00a0\u00a0Günü\u200b") == "Zafer Günü"
    assert normalize_line("День\u2003\u3000Победы") == "День Победы"


def test_every_line_break_splits_a_line():
    assert split_lines("one\r\ntwo") == ["one", "two"]
    assert split_lines("one\rtwo") == ["one", "two"]
    assert split_lines("one\u2028two") == ["one", "two"]
    assert split_lines("one\u2029two") == ["one", "two"]
    assert split_lines("one\r\n\r\ntwo\n") == ["one", "", "two", ""]


def test_the_ascii_separators_separate_words_and_other_controls_go():
    """A unit or record separator between two words is a space ('0\\x1f0' read as '00' was a word no source wrote)."""
    from scripts.text.normalize import normalize_line

    assert normalize_line("Victory\x1fDay\x1e1945\x1dMay\x1c9") == "Victory Day 1945 May 9"
    assert normalize_line("Vic\x00tory\x1b Day\x7f") == "Victory Day"
