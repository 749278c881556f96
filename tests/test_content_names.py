"""content/names.yml: its problems (each on its line), and how registered names and variant spellings are found."""

import pytest

from scripts.content import names as names_module
from scripts.content.model import ContentError
from scripts.content.names import Name, find, load_names, misspellings, named_in


def _load(tmp_path, text):
    path = tmp_path / "names.yml"
    path.write_text(text, encoding="utf-8")
    return load_names(path, "content/names.yml")


def _messages(errors):
    return [str(e) for e in errors]


KONEV = "konev:\n  kind: person\n  en: Ivan Konev\n  ru: Иван Конев\n  tr: İvan Konev\n"


def test_no_file_and_an_empty_file_are_an_empty_registry(tmp_path):
    assert load_names(tmp_path / "names.yml", "content/names.yml") == ([], [])
    assert _load(tmp_path, "") == ([], [])


def test_a_list_instead_of_a_mapping_is_refused_on_line_1(tmp_path):
    assert _messages(_load(tmp_path, "- konev\n")[1]) == [
        "content/names.yml:1: expected a mapping of slug: {kind, en, ru, tr}"]


def test_a_good_entry_has_its_forms_aliases_kind_and_line(tmp_path):
    names, errors = _load(tmp_path, "\n" + KONEV + "  aliases:\n    en: [' Koniev ', Konyev]\n")
    assert errors == []
    (konev,) = names
    assert (konev.slug, konev.kind, konev.line) == ("konev", "person", 2)
    assert konev.forms == {"en": "Ivan Konev", "ru": "Иван Конев", "tr": "İvan Konev"}
    assert konev.aliases == {"en": ("Koniev", "Konyev")}


def test_each_problem_is_reported_on_its_line_and_the_next_entries_are_still_read(tmp_path):
    text = ("zhukov: Georgy Zhukov\n"                    # 1
            "konev:\n"                                   # 2
            "  kind: general\n"                          # 3
            "  en: Ivan Konev\n"                         # 4
            "  ru: '  '\n"                               # 5
            "  rank: marshal\n"                          # 6
            "  aliases:\n"                               # 7
            "    de: [Konew]\n"                          # 8
            "    en: Koniev\n"                           # 9
            "    tr: [Konev]\n"                          # 10
            "elbe:\n"                                    # 11
            "  kind: place\n"                            # 12
            "  en: Elbe\n"                               # 13
            "  ru: Эльба\n"                              # 14
            "  tr: Elbe\n"                               # 15
            "  aliases: Elba\n")                         # 16
    names, errors = _load(tmp_path, text)
    assert _messages(errors) == [
        "content/names.yml:1: zhukov: expected kind, en, ru, tr (and optionally aliases)",
        "content/names.yml:6: konev: unknown key 'rank' (expected kind, en, ru, tr, aliases)",
        "content/names.yml:3: konev: kind 'general' (expected one of: person, place, unit, photographer)",
        "content/names.yml:5: konev: no ru form (expected 'ru: ...', the name as ru text writes it)",
        "content/names.yml:2: konev: no tr form (expected 'tr: ...', the name as tr text writes it)",
        "content/names.yml:8: konev: aliases in unknown language 'de' (expected one of en, ru, tr)",
        "content/names.yml:9: konev: aliases.en: expected a list of spellings",
        "content/names.yml:16: elbe: aliases: expected {lang: [spellings]}",
    ]
    assert [n.slug for n in names] == ["konev", "elbe"]
    assert names[0].forms == {"en": "Ivan Konev"}
    assert names[0].aliases == {"tr": ("Konev",)}
    assert names[1].aliases == {}


def test_a_missing_kind_is_blamed_on_the_entry_line(tmp_path):
    _, errors = _load(tmp_path, "x: 1\nelbe:\n  en: Elbe\n  ru: Эльба\n  tr: Elbe\n")
    assert _messages(errors)[1] == "content/names.yml:2: elbe: kind 'None' (expected one of: person, place, unit, photographer)"


def test_an_alias_inside_the_form_would_flag_every_correct_use(tmp_path):
    # any space matches a space; the message shows the no-break space escaped, on one line
    _, errors = _load(tmp_path, KONEV + "  aliases:\n    tr: ['İvan\u00a0Konev', Ivan]\n    en: [Konev I]\n")
    assert _messages(errors) == [
        "content/names.yml:7: konev: alias 'İvan\\xa0Konev' is part of the tr form 'İvan Konev' (every correct use would be flagged)"]


def test_an_alias_list_with_a_blank_spelling_is_refused(tmp_path):
    _, errors = _load(tmp_path, KONEV + "  aliases:\n    en: [Koniev, ' ']\n")
    assert _messages(errors) == ["content/names.yml:7: konev: aliases.en: expected a list of spellings"]


def test_find_takes_whole_words_with_any_space_between_them():
    assert find("Ivan Konev", "Marshal Ivan\u00a0Konev’in, Ivan  Konevs, XIvan Konev") == [(8, 18)]
    assert find("Elbe", "the Elbe, Elbe2, elbe") == [(4, 8)]


def _konev(**aliases):
    return Name("konev", "person", {"en": "Ivan Konev", "tr": "İvan Konev"}, aliases)


def test_a_variant_spelling_is_flagged_with_its_position_in_order():
    konev = _konev(tr=("Ivan Konev", "Konyev"))
    assert misspellings([konev], "tr", "Konyev ve Ivan Konev; İvan Konev") == [
        (0, "Konyev", konev), (10, "Ivan Konev", konev)]
    assert misspellings([konev], "en", "Konyev") == []


def test_a_variant_inside_another_names_correct_form_is_not_flagged():
    konev = _konev(en=("Konev",))
    army = Name("army", "unit", {"en": "Konev Front"}, {})
    assert misspellings([konev, army], "en", "the Konev Front and Konev") == [(20, "Konev", konev)]


def test_named_in_prefers_the_longest_of_overlapping_names_and_lists_each_once():
    first = Name("first-army", "unit", {"en": "First US Army"}, {})
    us = Name("us-army", "unit", {"en": "US Army"}, {})
    us_first = Name("first-us", "unit", {"en": "First US"}, {})
    elbe = Name("elbe", "place", {"en": "Elbe"}, {})
    nothing = Name("ru-only", "place", {"ru": "Торгау"}, {})
    text = "The First US Army met at the Elbe; the US Army, the Elbe."
    assert named_in([us, us_first, first, elbe, nothing], "en", text) == [first, elbe, us]
    assert named_in([us, first], "en", "First US Army") == [first]
    assert named_in([us_first, first], "en", "First US Army") == [first]


@pytest.fixture(autouse=True)
def _fresh_patterns(monkeypatch):
    """Each test compiles its own patterns (the module keeps them once made)."""
    monkeypatch.setattr(names_module, "_PATTERNS", {})


def test_a_yaml_error_names_the_file_as_shown(tmp_path):
    with pytest.raises(ContentError) as e:
        _load(tmp_path, "konev: [Ivan\n")
    assert str(e.value).startswith("content/names.yml:")


def test_an_alias_that_is_not_part_of_the_form_is_accepted(tmp_path):
    _, errors = _load(tmp_path, KONEV + "  aliases:\n    en: [X, IvanKonev]\n")
    assert errors == []


def test_find_spelling_again_and_a_new_one():
    assert find("Konev", "Konev and Konev") == [(0, 5), (10, 15)]
    assert find("Konev", "Konev") == [(0, 5)]
    assert find("I. Konev", "by I. Konev") == [(3, 11)]
    assert find("I. Konev", "by I  Konev") == []          # the full stop is a full stop, not any character
    assert find("Elbe", "Torgau on the Elbe") == [(14, 18)]
    assert find("Ivan Konev", "Ivan\u202fKonev") == [(0, 10)]  # a narrow no-break space is a space too


def test_a_variant_at_the_end_of_another_names_correct_form_is_not_flagged():
    konev = _konev(en=("Konev",))
    marshal = Name("marshal", "person", {"en": "Marshal Konev"}, {})
    assert misspellings([konev, marshal], "en", "Marshal Konev") == []


def test_two_names_that_flag_the_same_spelling_are_both_reported():
    konev = _konev(en=("Konyev",))
    other = Name("konyev", "person", {"en": "Pyotr Konyev"}, {"en": ("Konyev",)})
    found = misspellings([konev, other], "en", "Konyev")
    assert [(pos, s) for pos, s, _ in found] == [(0, "Konyev"), (0, "Konyev")]
    assert {n.slug for _, _, n in found} == {"konev", "konyev"}


def test_names_written_touching_each_other_are_both_named():
    st = Name("st", "place", {"en": "St."}, {})
    elbe = Name("elbe", "place", {"en": "(Elbe)"}, {})
    assert named_in([st, elbe], "en", "St.(Elbe)") == [st, elbe]


def test_a_name_overlapped_by_a_longer_one_ending_later_is_passed_over_and_the_next_one_is_named():
    us_first = Name("first-us", "unit", {"en": "First US"}, {})
    us = Name("us-army", "unit", {"en": "US Army"}, {})
    army_elbe = Name("army-elbe", "place", {"en": "Army Elbe"}, {})
    elbe = Name("elbe", "place", {"en": "Elbe"}, {})
    assert named_in([us_first, us, army_elbe, elbe], "en", "First US Army Elbe, Elbe") == [us_first, elbe]
