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
