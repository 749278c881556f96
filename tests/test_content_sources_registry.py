"""content/sources.yml: each problem on its line, what `check` asks an entry for, and the importer's additions."""

import pytest

from scripts.content.model import ContentError
from scripts.content.sources_registry import Source, add_sources, load_sources, registry_problems


def _write(tmp_path, text):
    path = tmp_path / "sources.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _errors(tmp_path, text):
    with pytest.raises(ContentError) as e:
        load_sources(_write(tmp_path, text), "content/sources.yml")
    return str(e.value).splitlines()


def test_no_file_and_an_empty_file_are_an_empty_registry(tmp_path):
    assert load_sources(tmp_path / "sources.yml", "content/sources.yml") == {}
    assert load_sources(_write(tmp_path, "# none yet\n"), "content/sources.yml") == {}


def test_a_list_is_refused_on_line_1(tmp_path):
    assert _errors(tmp_path, "\n- Russian MFA\n") == [
        "content/sources.yml:1: expected a mapping of source names (as meta.yml's source.name writes them) to their entries"]


def test_a_yaml_error_names_the_file_as_given(tmp_path):
    (message,) = _errors(tmp_path, "A: [b\n")
    assert message.startswith("content/sources.yml:")


def test_every_problem_is_on_its_line_and_later_entries_are_still_checked(tmp_path):
    assert _errors(tmp_path, "B: 3\n"
                             "A:\n"
                             "  kind: ministry\n"
                             "  platform: radio\n"
                             "  url: 'https://t.me/a b'\n"
                             "  handle: [a, b]\n"
                             "  name: Ivan\n"
                             "  about:\n"
                             "    en: ' '\n"
                             "    ru: [x]\n"
                             "    de: x\n"
                             "C:\n"
                             "  kind: spy\n") == [
        "content/sources.yml:1: source 'B': expected a mapping with kind, platform, name, about, url, handle",
        "content/sources.yml:4: platform: 'radio' (expected one of: telegram, web)",
        "content/sources.yml:5: url: 'https://t.me/a b' (expected an http:// or https:// address without spaces)",
        "content/sources.yml:6: handle: expected text, e.g. '@MFARussia'",
        "content/sources.yml:7: name: expected a mapping of language to text (en:, ru:, tr:)",
        "content/sources.yml:9: about.en: expected text",
        "content/sources.yml:10: about.ru: expected text",
        "content/sources.yml:11: about: unknown language 'de' (expected one of en, ru, tr)",
        "content/sources.yml:13: kind: 'spy' (expected one of: ministry, embassy, news-agency, newspaper, broadcaster, "
        "organization, person, other)",
    ]


def test_a_good_entry_is_read_with_its_fields_and_line(tmp_path):
    sources = load_sources(_write(tmp_path, "\nRussian MFA 🇷🇺:\n  kind: ministry\n  platform: telegram\n"
                                            "  name: {en: ' Russian MFA ', ru: МИД России}\n"
                                            "  about: {en: the foreign ministry}\n"
                                            "  url: https://t.me/MFARussia\n  handle: '@MFARussia'\n"),
                           "content/sources.yml")
    source = sources["Russian MFA 🇷🇺"]
    assert source == Source(written="Russian MFA 🇷🇺", kind="ministry", platform="telegram",
                            names={"en": "Russian MFA", "ru": "МИД России"}, about={"en": "the foreign ministry"},
                            url="https://t.me/MFARussia", handle="@MFARussia", line=2,
                            declared=frozenset({"kind", "platform", "name", "about", "url", "handle"}))
    assert source.name("ru") == "МИД России"
    assert source.name("tr") == "Russian MFA"
    assert Source(written="TASS").name("tr") == "TASS"


def test_what_an_entry_lacks_and_an_undescribed_source(tmp_path):
    sources = {
        "TASS": Source(written="TASS", line=4, declared=frozenset({"url"}),
                       names={"en": "TASS", "ru": "ТАСС", "tr": "TASS"}, about={"en": "an agency"}),
        "Full": Source(written="Full", kind="ministry", url="https://x.example", handle="@x",
                       names={"en": "F", "ru": "F", "tr": "F"}, about={"en": "a", "ru": "a", "tr": "a"}),
    }
    used = {"Zvezda": "content/posts/z/meta.yml", "TASS": "content/posts/t/meta.yml", "Anadolu": "content/posts/a/meta.yml"}
    assert registry_problems(sources, used, "content/sources.yml") == [
        ("content/posts/a/meta.yml", None, "source 'Anadolu' is not in content/sources.yml (expected an entry with its "
                                           "kind, name and about in each language, url and handle)"),
        ("content/posts/z/meta.yml", None, "source 'Zvezda' is not in content/sources.yml (expected an entry with its "
                                           "kind, name and about in each language, url and handle)"),
        ("content/sources.yml", 4, "source 'TASS' has no kind, handle, about.ru, about.tr"),
    ]


def test_kind_left_empty_is_still_asked_for(tmp_path):
    source = Source(written="X", declared=frozenset({"kind", "url", "handle"}),
                    names={"en": "X", "ru": "X", "tr": "X"}, about={"en": "x", "ru": "x", "tr": "x"})
    assert registry_problems({"X": source}, {}, "content/sources.yml") == [
        ("content/sources.yml", 1, "source 'X' has no kind")]


def test_the_importer_adds_new_names_in_order_with_their_platform_and_keeps_the_rest(tmp_path):
    path = _write(tmp_path, "# editors' note\nBeta:\n  kind: other\nDelta:\n  kind: other")  # no final newline
    added = add_sources(path, {"Gamma": "gallery-article", "Alpha": "telegram-web", "Beta": "manual", "Zeta": "manual"})
    assert added == ["Alpha", "Gamma", "Zeta"]
    assert path.read_text(encoding="utf-8") == (
        "# editors' note\n"
        "Alpha:\n  platform: telegram\n"
        "Beta:\n  kind: other\n"
        "Delta:\n  kind: other\n"
        "Gamma:\n  platform: web\n"
        "Zeta: {}\n")
    assert add_sources(path, {"Alpha": "telegram-web"}) == []


def test_the_importer_starts_a_registry_with_an_emoji_written_as_is(tmp_path):
    path = tmp_path / "sources.yml"
    assert add_sources(path, {"МИД 🇷🇺": "telegram-json", "B": "news-article-html"}) == ["B", "МИД 🇷🇺"]
    assert path.read_text(encoding="utf-8") == "B:\n  platform: web\nМИД 🇷🇺:\n  platform: telegram\n"


def test_two_new_names_before_the_same_entry_keep_their_order(tmp_path):
    path = _write(tmp_path, "Zulu:\n  kind: other\n")
    add_sources(path, {"Bravo": "telegram-channel-html", "Alpha": "telegram-channel-text"})
    assert path.read_text(encoding="utf-8") == (
        "Alpha:\n  platform: telegram\nBravo:\n  platform: telegram\nZulu:\n  kind: other\n")


def test_about_that_is_not_a_mapping_is_blamed_on_its_line(tmp_path):
    assert _errors(tmp_path, "A:\n  kind: other\n\n  about: the ministry\n") == [
        "content/sources.yml:4: about: expected a mapping of language to text (en:, ru:, tr:)"]


def test_a_new_name_goes_before_the_first_entry_in_the_file_that_sorts_after_it(tmp_path):
    path = _write(tmp_path, "Zulu:\n  kind: other\nDelta:\n  kind: other\n")  # an unsorted registry
    add_sources(path, {"Alpha": "manual"})
    assert path.read_text(encoding="utf-8") == "Alpha: {}\nZulu:\n  kind: other\nDelta:\n  kind: other\n"


def test_a_broken_registry_stops_the_import_with_its_path(tmp_path):
    path = _write(tmp_path, "A: [b\n")
    with pytest.raises(ContentError) as e:
        add_sources(path, {"B": "manual"})
    assert str(e.value).startswith(f"{path}:")
