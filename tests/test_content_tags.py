"""The tag registry (content/tags.yml): each message with its line, and how hashtags resolve to tag pages."""

import pytest

from scripts.content.model import ContentError, Tag
from scripts.content.tags import TagRegistry, load_tags


def _load(tmp_path, text):
    path = tmp_path / "tags.yml"
    path.write_text(text, encoding="utf-8")
    return load_tags(path, "content/tags.yml")


def _errors(tmp_path, text):
    with pytest.raises(ContentError) as e:
        _load(tmp_path, text)
    return str(e.value).splitlines()


def test_a_registry_that_is_not_a_mapping_is_refused_on_line_1(tmp_path):
    assert _errors(tmp_path, "- victory\n- allies\n") == [
        "content/tags.yml:1: the tag registry must map slugs to tags (expected 'slug: {label: ..., aliases: [...]}')"]


def test_reserved_slugs_are_refused_on_their_lines_and_the_next_tags_are_still_read(tmp_path):
    assert _errors(tmp_path, "victory:\n  label: Victory\nindex:\n  label: Index\npage:\n  label: Page\nallies: 3\n") == [
        "content/tags.yml:3: tag slug 'index' takes an address the site uses for its own pages (/tags/) "
        "(expected another slug, e.g. 'index-tag')",
        "content/tags.yml:5: tag slug 'page' takes an address the site uses for its own pages (/tags/) "
        "(expected another slug, e.g. 'page-tag')",
        "content/tags.yml:7: tag 'allies' must be a mapping (expected label: and aliases:)",
    ]


def test_a_tag_that_is_not_a_mapping_does_not_stop_the_next_from_being_checked(tmp_path):
    assert _errors(tmp_path, "victory: yes\n\nallies:\n  label: [a]\nsea:\n  aliases: navy\nair: 1\n") == [
        "content/tags.yml:1: tag 'victory' must be a mapping (expected label: and aliases:)",
        "content/tags.yml:3: tag 'allies': label must be text or a mapping of en/ru/tr to text",
        "content/tags.yml:5: tag 'sea': aliases must be a list of hashtags",
        "content/tags.yml:7: tag 'air' must be a mapping (expected label: and aliases:)",
    ]


def test_an_unknown_key_and_an_unknown_language_are_blamed_on_their_own_lines(tmp_path):
    assert _errors(tmp_path, "victory:\n  label:\n    en: Victory\n    de: Sieg\n  colour: red\n") == [
        "content/tags.yml:4: tag 'victory': unknown language 'de' (expected one of en, ru, tr)",
        "content/tags.yml:5: unknown key 'colour' in tag 'victory' (expected label, aliases)",
    ]


def test_labels_and_aliases_as_written_without_the_hash(tmp_path):
    tags = _load(tmp_path, "victory:\n  label: {en: Victory, ru: Победа}\n  aliases: ['#Victory78', Pobeda]\n")
    tag = tags["victory"]
    assert tag.labels == (("en", "Victory"), ("ru", "Победа"))
    assert tag.aliases == ("Victory78", "Pobeda")
    assert tag.label("ru") == "Победа"


def test_one_label_serves_every_language(tmp_path):
    tag = _load(tmp_path, "allies:\n  label: Allies\n")["allies"]
    assert tag.labels == (("en", "Allies"), ("ru", "Allies"), ("tr", "Allies"))
    assert tag.aliases == ()


def test_a_registered_slug_resolves_its_own_hashtag():
    victory = Tag("victory", (("en", "Victory"),), ())
    registry = TagRegistry({"victory": victory})
    tag = registry.resolve("#Victory")
    assert tag is victory
    assert tag.labels == (("en", "Victory"),)


def test_a_hashtag_without_a_tag_makes_one_named_as_written():
    registry = TagRegistry({})
    tag = registry.resolve("#WeWereAllies#")
    assert tag.slug == "wewereallies"
    assert tag.labels == (("en", "WeWereAllies#"), ("ru", "WeWereAllies#"), ("tr", "WeWereAllies#"))
    assert tag.aliases == ("WeWereAllies#",)
    assert registry.derived_names == {"wewereallies": {"WeWereAllies#"}}


def test_two_spellings_of_one_derived_slug_share_the_first_tag():
    registry = TagRegistry({})
    first = registry.resolve("#Победа")
    second = registry.resolve("#ПОБЕДА")
    third = registry.resolve("pobeda")
    assert first.slug == "pobeda"
    assert second is first and third is first
    assert registry.by_slug["pobeda"] is first
    assert registry.resolve_all(["#ПОБЕДА", "#Победа", "#Allies"]) == (first, Tag("allies"))


def test_a_derived_slug_that_a_registered_tag_owns_leads_to_that_tag():
    victory = Tag("victory-day", (("en", "Victory Day"),), ("DenPobedy",))
    registry = TagRegistry({"victory-day": victory})
    assert registry.resolve("#Victory_Day") is victory
    assert registry.resolve("#VictoryDay") != victory
    assert registry.derived_names == {"victoryday": {"VictoryDay"}}


def test_a_derived_slug_that_only_a_tag_page_name_holds_leads_to_that_tag():
    # "Victory-Day" derives "victory-day"; its key differs from the registered slug's key only in case
    victory = Tag("victory-day", (("en", "Victory Day"),), ())
    registry = TagRegistry({"victory-day": victory})
    assert registry.resolve("Victory-Day") is victory
    assert registry.resolve("#Victory-day!") is victory


def test_only_hash_signs_are_taken_off_a_hashtag_and_an_alias(tmp_path):
    assert TagRegistry({}).resolve("#XXL").labels[0] == ("en", "XXL")
    tags = _load(tmp_path, "sizes:\n  label: Sizes\n  aliases: ['#XXL']\n")
    assert tags["sizes"].aliases == ("XXL",)


def test_a_hashtag_whose_derived_slug_is_a_registered_alias_leads_to_that_tag():
    victory = Tag("victory", (("en", "Victory"),), ("Pobeda",))
    registry = TagRegistry({"victory": victory})
    assert registry.resolve("#Победа") is victory  # derives "pobeda", an alias of victory
    assert registry.resolve("#ПОБЕДА") is victory  # the same key as #Победа, met again
    assert registry.derived_names == {"pobeda": {"Победа"}}
