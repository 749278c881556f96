"""text/dedupe: a text's fingerprint, and each paragraph of a scrape once (issue 10, mutation testing)."""

from scripts.text.dedupe import dedupe_paragraphs, fingerprint


def test_the_fingerprint_is_the_words_whatever_markup_spacing_or_case():
    assert fingerprint(["hello world"]) == "b94d27b9934d3e08"  # sha-256 of the words, 16 hex digits
    assert fingerprint(["**Hello**,   WORLD!"]) == fingerprint(["hello", "world"]) == "b94d27b9934d3e08"
    assert fingerprint(["Tom &amp; Jerry"]) == fingerprint(["Tom & Jerry"])  # an entity is no word
    assert fingerprint(["\\*x\\*"]) == fingerprint(["x"])


def test_the_fingerprint_tells_other_words_apart():
    assert fingerprint(["world hello"]) != fingerprint(["hello world"])
    assert fingerprint(["ab", "c"]) != fingerprint(["abc"])  # paragraphs do not run together


def test_each_paragraph_once_as_first_written():
    assert dedupe_paragraphs(["Victory  Day", "Victory Day", "Parade", " Victory Day "]) == ["Victory  Day", "Parade"]
    assert dedupe_paragraphs(["", "a", ""]) == ["", "a"]
    assert dedupe_paragraphs([]) == []


FIRST, SECOND = "First one is here.", "Second one is here."


def test_a_run_on_copy_of_two_paragraphs_is_dropped():
    assert dedupe_paragraphs([FIRST, SECOND, FIRST + SECOND]) == [FIRST, SECOND]
    assert dedupe_paragraphs([FIRST + SECOND, FIRST, SECOND]) == [FIRST, SECOND]
    assert dedupe_paragraphs([FIRST, SECOND, FIRST + " " + SECOND]) == [FIRST, SECOND]
    assert dedupe_paragraphs([FIRST, SECOND, SECOND + FIRST + SECOND]) == [FIRST, SECOND]


def test_what_is_not_only_other_paragraphs_stays():
    other = FIRST + "Something else entirely."
    assert dedupe_paragraphs([FIRST, SECOND, other]) == [FIRST, SECOND, other]
    assert dedupe_paragraphs([FIRST, FIRST + FIRST + "x"]) == [FIRST, FIRST + FIRST + "x"]
    # parts shorter than 12 characters are never glue: "Hello there" is a sentence of its own
    short = ["Hello there", "General Kenobi", "Hello thereGeneral Kenobi"]
    assert dedupe_paragraphs(short) == short


def test_the_shortest_run_on_copy_is_two_parts_of_twelve():
    a, b = "abcdefghijkl", "mnopqrstuvwx"
    assert dedupe_paragraphs([a, b, a + b]) == [a, b]
    assert dedupe_paragraphs([a + "m", b, a + "m" + b]) == [a + "m", b]


def test_the_longest_part_is_tried_first():
    short, long, end = "Victory Day parade", "Victory Day parade in Moscow", "The end of it all."
    assert dedupe_paragraphs([short, long, end, long + end]) == [short, long, end]
