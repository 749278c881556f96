"""Rights statements: the label a reader sees, what a credit's words become, and the message for a wrong value."""

from scripts.content import rights


def test_a_known_statement_has_its_label_in_each_language():
    uri = "http://rightsstatements.org/vocab/InC/1.0/"
    assert rights.label(uri, "en") == "In Copyright"
    assert rights.label(uri, "ru") == "Охраняется авторским правом"
    assert rights.label(uri, "tr") == "Telif hakkıyla korunuyor"


def test_an_unknown_statement_is_shown_as_its_uri():
    assert rights.label("https://example.org/my-licence", "en") == "https://example.org/my-licence"


def test_a_known_statement_in_a_language_without_a_label_is_shown_as_its_uri():
    uri = "https://creativecommons.org/publicdomain/mark/1.0/"
    assert rights.label(uri, "de") == uri


def test_is_known_takes_only_the_uris_as_written():
    assert rights.is_known("https://creativecommons.org/licenses/by/4.0/")
    assert not rights.is_known("https://creativecommons.org/licenses/by/4.0")  # no final slash
    assert not rights.is_known(None)
    assert not rights.is_known(["https://creativecommons.org/licenses/by/4.0/"])


def test_public_domain_in_a_credit_becomes_the_public_domain_mark():
    mark = "https://creativecommons.org/publicdomain/mark/1.0/"
    assert rights.from_credit("Public domain") == mark
    assert rights.from_credit("  PUBLIC DOMAIN ") == mark


def test_other_credit_words_and_known_uris_and_none_are_left_as_they_are():
    assert rights.from_credit(None) is None
    assert rights.from_credit("All rights reserved") == "All rights reserved"
    uri = "http://rightsstatements.org/vocab/NKC/1.0/"
    assert rights.from_credit(uri) == uri


def test_a_known_uri_has_no_problem():
    assert rights.problem("http://rightsstatements.org/vocab/CNE/1.0/") is None


def test_the_words_public_domain_are_pointed_to_their_uri():
    assert rights.problem(" Public Domain") == (
        "' Public Domain' is not a rights statement this archive knows (expected "
        "'https://creativecommons.org/publicdomain/mark/1.0/'; known: scripts/content/rights.py)")


def test_another_value_is_told_where_the_uris_come_from_with_an_example():
    assert rights.problem("CC-BY") == (
        "'CC-BY' is not a rights statement this archive knows (expected a URI from rightsstatements.org or "
        "creativecommons.org, e.g. http://rightsstatements.org/vocab/InC/1.0/; known: scripts/content/rights.py)")
    assert rights.problem(None).startswith("'None' is not a rights statement")
