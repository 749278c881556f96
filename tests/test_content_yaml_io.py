"""content/yaml_io: YAML read as text with the line of every key and item, errors with the line to blame,
front matter, and YAML written as people edit it (issue 10, mutation testing)."""

import pytest

from scripts.content.model import ContentError
from scripts.content.yaml_io import Mapping, dump_yaml, load_yaml, read_text, split_front_matter


def error(fn, *args):
    with pytest.raises(ContentError) as info:
        fn(*args)
    return str(info.value)


def test_scalars_stay_text_and_nulls_are_none():
    data = load_yaml("time: 13:59\nok: yes\nn: 12\nd: 2023-04-25\nf: 1.5\nz: null\ne:\nt: ~\n", "m.yml")
    assert data == {"time": "13:59", "ok": "yes", "n": "12", "d": "2023-04-25", "f": "1.5", "z": None, "e": None,
                    "t": None}


def test_every_key_and_item_knows_its_line():
    data = load_yaml("a: 1\nb:\n  c: 2\n  d: 3\nl:\n- x\n- y\n", "m.yml")
    assert isinstance(data, Mapping) and data.line == 1
    assert data.key_lines == {"a": 1, "b": 2, "l": 5}
    assert data["b"].line == 3 and data["b"].key_lines == {"c": 3, "d": 4}
    assert data["l"] == ["x", "y"] and data["l"].item_lines == {0: 6, 1: 7}


def test_lines_count_from_where_the_yaml_starts_in_its_file():
    data = load_yaml("a: 1\nb:\n  c: 2\nl:\n- x\n- {k: v}\n", "f.md", first_line=2)
    assert data.line == 2 and data.key_lines == {"a": 2, "b": 3, "l": 5}
    assert data["b"].line == 4 and data["b"].key_lines == {"c": 4}
    assert data["l"].item_lines == {0: 6, 1: 7}
    assert data["l"][1].key_lines == {"k": 7}


def test_a_key_twice_or_a_key_that_is_not_text():
    assert error(load_yaml, "a: 1\nb: 2\na: 3\n", "m.yml") == "m.yml:3: key 'a' appears twice"
    assert error(load_yaml, "a: 1\n? [x]\n: 2\n", "m.yml") == "m.yml:2: a key must be plain text"
    assert error(load_yaml, "a: 1\na: 3\n", "f.md", 2) == "f.md:3: key 'a' appears twice"


def test_syntax_errors_name_the_line():
    assert error(load_yaml, "a: [1, 2\nb: 3\n", "m.yml") == "m.yml:2: YAML syntax: did not find expected ',' or ']'"
    assert error(load_yaml, "a: [1, 2\nb: 3\n", "m.yml", 5) == "m.yml:6: YAML syntax: did not find expected ',' or ']'"
    assert error(load_yaml, "a:\n  b: 1\n c: 2\n", "m.yml") == "m.yml:3: YAML syntax: did not find expected key"
    # an unclosed quote: the line where it opened, not the end of the file
    assert error(load_yaml, "x: 1\na: 'x\n", "m.yml") == "m.yml:2: YAML syntax: found unexpected end of stream"
    assert error(load_yaml, "a: !!python/object x", "m.yml") == (
        "m.yml:1: YAML syntax: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object'")


def test_aliases_are_refused_with_their_line():
    assert error(load_yaml, "a: &x 1\nb: *x\n", "m.yml") == (
        "m.yml:2: YAML alias '*x' (expected the value written out; anchors and aliases are not used in content files)")
    assert error(load_yaml, "a: &x 1\nb: *x\n", "f.md", 2).startswith("f.md:3: YAML alias '*x'")
    assert load_yaml("a: '&x *y'\nb: R&D * 2\n", "m.yml") == {"a": "&x *y", "b": "R&D * 2"}
    assert error(load_yaml, "a: &x [1\nb: *x\n", "m.yml").startswith("m.yml:2: YAML syntax:")


def test_front_matter_and_body():
    meta, body, line = split_front_matter("---\ntitle: Парад\nk: v\n---\n\n\nText.\n\nMore.\n", "ru.md")
    assert meta == {"title": "Парад", "k": "v"} and meta.key_lines == {"title": 2, "k": 3}
    assert body == "Text.\n\nMore."
    assert line == 7
    meta, body, line = split_front_matter("---\ntitle: x\n...\nText", "ru.md")
    assert body == "Text" and line == 4
    meta, body, line = split_front_matter("---\n---\n", "ru.md")
    assert meta == {} and meta.key_lines == {} and body == "" and line == 4


def test_front_matter_problems():
    assert error(split_front_matter, "title: x\n", "ru.md") == (
        "ru.md:1: missing front matter (expected the file to start with a '---' line)")
    assert error(split_front_matter, "---\ntitle: x\n", "ru.md") == (
        "ru.md:1: front matter is not closed (expected a second '---' line)")
    assert error(split_front_matter, "---\n- a\n---\n", "ru.md") == (
        "ru.md:2: front matter must be a mapping of keys to values (expected 'title: ...')")
    assert error(split_front_matter, "---\ntitle: x\ntitle: y\n---\n", "ru.md") == "ru.md:3: key 'title' appears twice"


def test_read_text(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeffone\r\ntwo\rthree\n".encode("utf-8"))
    assert read_text(path) == "one\ntwo\nthree\n"
    path.write_bytes(b"ok\nok\n\xff\n")
    assert error(read_text, path) == f"{path}:3: not UTF-8 text (expected a UTF-8 encoded file)"
    assert error(read_text, tmp_path / "missing.md") == f"{tmp_path / 'missing.md'}: cannot read: No such file or directory"


def test_dump_yaml_writes_text_people_can_edit():
    assert dump_yaml({"b": "Победа 🇷🇺", "a": ["x", "y"], "long": "w " * 60}) == (
        "b: Победа 🇷🇺\na:\n- x\n- y\nlong: '" + "w " * 59 + "w '\n")
    assert load_yaml(dump_yaml({"t": "13:59", "y": "yes"}), "m.yml") == {"t": "13:59", "y": "yes"}


def test_dump_yaml_without_emoji_keeps_order_letters_block_style_and_long_lines():
    # (text beyond U+FFFF takes the second, pure-Python dump: this one goes through the first)
    data = {"title": "Парад Победы", "tags": ["Victory", "Zafer"], "about": {"z": "1", "a": "İzmir"}, "long": "w " * 60}
    assert dump_yaml(data) == (
        "title: Парад Победы\ntags:\n- Victory\n- Zafer\nabout:\n  z: '1'\n  a: İzmir\nlong: '" + "w " * 59 + "w '\n")


def test_the_body_keeps_its_indentation_and_last_letters():
    meta, body, line = split_front_matter("---\ntitle: x\n---\n\n    indented code\n\nSection X\n", "ru.md")
    assert body == "    indented code\n\nSection X" and line == 5


def test_a_character_yaml_refuses_is_blamed_on_its_line():
    assert error(load_yaml, "a: Парад\nb: 1\nc: \x00\n", "m.yml") == (
        "m.yml:3: YAML: unacceptable character #x0000: control characters are not allowed")
    assert error(load_yaml, "a: Парад\nb: \x07", "ru.md", 2) == (
        "ru.md:3: YAML: unacceptable character #x0007: control characters are not allowed")
    assert error(load_yaml, "a: x\x00\nb: \x00\n", "m.yml").startswith("m.yml:1: ")  # the first of two
