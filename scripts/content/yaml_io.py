"""Reading YAML and front matter with line numbers (and writing YAML)."""

from __future__ import annotations

from pathlib import Path

import yaml

from .model import ContentError


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses 10x faster
    """SafeLoader without YAML 1.1's implicit types: every scalar is text or null (the content schema,
    content/schema.py, converts numbers and dates itself, with line numbers), so `time: 13:59` stays
    "13:59" and `yes` stays "yes". It remembers the line of every mapping key and list item."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag == "tag:yaml.org,2002:null"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.yaml_implicit_resolvers = {k: v for k, v in _Loader.yaml_implicit_resolvers.items() if v}


class Mapping(dict):
    """A dict that knows the line of each key (1-based) and of itself."""

    line: int = 1
    key_lines: dict


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    out = Mapping()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise ContentError(loader.name, key_node.start_mark.line + 1, "a key must be plain text")
        if key in out:
            raise ContentError(loader.name, key_node.start_mark.line + 1, f"key '{key}' appears twice")
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


class Sequence(list):
    """A list that knows the line of each item (1-based)."""

    item_lines: dict


def _construct_sequence(loader, node):
    out = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    out.item_lines = {i: child.start_mark.line + 1 for i, child in enumerate(node.value)}
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


def _refuse_aliases(text: str, path, first_line: int) -> None:
    """Content files need no anchors: an alias (*name) is refused, which also ends 'billion laughs'
    documents that would expand exponentially."""
    if "&" not in text or "*" not in text:
        return  # no anchor, no alias: the common case costs nothing
    try:
        for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(event, yaml.AliasEvent):
                raise ContentError(path, event.start_mark.line + first_line,
                                   f"YAML alias '*{event.anchor}' (expected the value written out; anchors and aliases are not used in content files)")
    except yaml.YAMLError:
        return  # the loader reports the syntax error with its line


def load_yaml(text: str, path, first_line: int = 1):
    """Parse YAML; syntax errors become a ContentError with the file and line."""
    _refuse_aliases(text, path, first_line)
    loader = _Loader(text)
    loader.name = str(path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        if e.context_mark is not None and mark.line >= text.count("\n") and mark is not e.context_mark:
            mark = e.context_mark  # "unexpected end": the line where the unclosed thing began says more
        line = (mark.line + first_line) if mark else first_line
        raise ContentError(path, line, f"YAML syntax: {e.problem or e.context}") from None
    except yaml.reader.ReaderError as e:  # a character YAML refuses: the line it stands on, not the start
        code = e.character if isinstance(e.character, int) else ord(e.character)
        at = text.find(chr(code))  # the reader stops at the first refused character (libyaml counts bytes)
        line = text[:at].count("\n") + first_line if at >= 0 else first_line
        raise ContentError(path, line, f"YAML: unacceptable character #x{code:04x}: {e.reason}") from None
    except yaml.YAMLError as e:
        raise ContentError(path, first_line, f"YAML: {e}") from None
    except ContentError as e:
        raise ContentError(path, e.line + first_line - 1 if e.line else first_line, e.problem) from None
    finally:
        loader.dispose()
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _shift_lines(data, by: int):
    if isinstance(data, Mapping):
        data.line += by
        data.key_lines = {k: v + by for k, v in data.key_lines.items()}
        for v in data.values():
            _shift_lines(v, by)
    elif isinstance(data, list):
        if isinstance(data, Sequence):
            data.item_lines = {k: v + by for k, v in data.item_lines.items()}
        for v in data:
            _shift_lines(v, by)


def split_front_matter(text: str, path) -> tuple[Mapping, str, int]:
    """(front matter, body, line where the body starts) of a Markdown file with '---' front matter."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise ContentError(path, 1, "missing front matter (expected the file to start with a '---' line)")
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            meta = load_yaml("\n".join(lines[1:i]), path, first_line=2)
            if meta is None:
                meta = Mapping()
                meta.key_lines = {}
            if not isinstance(meta, dict):
                raise ContentError(path, 2, "front matter must be a mapping of keys to values (expected 'title: ...')")
            rest = lines[i + 1:]
            blank = next((k for k, line in enumerate(rest) if line.strip()), len(rest))
            return meta, "\n".join(rest).strip("\n"), i + 2 + blank
    raise ContentError(path, 1, "front matter is not closed (expected a second '---' line)")


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ContentError(path, None, f"cannot read: {e.strerror}") from None
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")  # Windows and old Mac line ends
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise ContentError(path, line, "not UTF-8 text (expected a UTF-8 encoded file)") from None


def dump_yaml(data) -> str:
    text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False, width=10000, default_flow_style=False)
    if "\\U" in text:  # libyaml writes characters beyond U+FFFF (emoji) as escapes: people edit these files
        text = yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=10000,
                         default_flow_style=False)
    return text
