"""The names registry, content/names.yml: people, places, units and photographers with the form each
language writes, and the variant spellings a check flags. `check` warns where a translation or a photo
credit spells a registered name otherwise. Comparison is letter for letter and case-sensitive (Ivan and
İvan, Kopyt and Kopıt are different spellings); any kind of space matches a space."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .model import LANGS, ContentError
from .yaml_io import Mapping, load_yaml, read_text

KINDS = ("person", "place", "unit", "photographer")
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


@dataclass(frozen=True, eq=False)
class Name:
    slug: str
    kind: str
    forms: dict  # lang -> form
    aliases: dict  # lang -> tuple of spellings to flag
    line: int = 1


def load_names(path: Path, shown: str) -> tuple[list[Name], list[ContentError]]:
    """The registry and the problems in it (a missing file is an empty registry)."""
    if not Path(path).is_file():
        return [], []
    data = load_yaml(read_text(Path(path)), shown)
    if data is None:
        return [], []
    if not isinstance(data, Mapping):
        return [], [ContentError(shown, 1, "expected a mapping of slug: {kind, en, ru, tr}")]
    names, errors = [], []
    for slug, item in data.items():
        line = data.key_lines[slug]
        if not isinstance(item, Mapping):
            errors.append(ContentError(shown, line, f"{slug}: expected kind, en, ru, tr (and optionally aliases)"))
            continue
        for key in item:
            if key not in ("kind", *LANGS, "aliases"):
                errors.append(ContentError(shown, item.key_lines[key], f"{slug}: unknown key '{key}' (expected kind, {', '.join(LANGS)}, aliases)"))
        if item.get("kind") not in KINDS:
            errors.append(ContentError(shown, item.key_lines.get("kind", line), f"{slug}: kind '{item.get('kind')}' (expected one of: {', '.join(KINDS)})"))
        forms = {}
        for lang in LANGS:
            value = item.get(lang)
            if not isinstance(value, str) or not value.strip():
                errors.append(ContentError(shown, item.key_lines.get(lang, line), f"{slug}: no {lang} form (expected '{lang}: ...', the name as {lang} text writes it)"))
            else:
                forms[lang] = value.strip()
        aliases = {}
        raw = item.get("aliases")
        if raw is None:
            raw = Mapping()
            raw.key_lines = {}
        if not isinstance(raw, Mapping):
            errors.append(ContentError(shown, item.key_lines.get("aliases", line), f"{slug}: aliases: expected {{lang: [spellings]}}"))
            raw = Mapping()
            raw.key_lines = {}
        for lang, spellings in raw.items():
            where = raw.key_lines[lang]
            if lang not in LANGS:
                errors.append(ContentError(shown, where, f"{slug}: aliases in unknown language '{lang}' (expected one of {', '.join(LANGS)})"))
                continue
            if not isinstance(spellings, list) or not all(isinstance(s, str) and s.strip() for s in spellings):
                errors.append(ContentError(shown, where, f"{slug}: aliases.{lang}: expected a list of spellings"))
                continue
            for s in spellings:
                if lang in forms and _norm(s) in _norm(forms[lang]):
                    errors.append(ContentError(shown, where, f"{slug}: alias '{s}' is part of the {lang} form '{forms[lang]}' (every correct use would be flagged)"))
            aliases[lang] = tuple(s.strip() for s in spellings)
        names.append(Name(slug, item.get("kind"), forms, aliases, line))
    return names, errors


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text)


def _pattern(spelling: str) -> re.Pattern:
    """A spelling as a whole word or words: no letter or digit just before or after (an apostrophe and a
    suffix may follow: Konev’in), any space between its words."""
    words = [re.escape(w) for w in spelling.split()]
    return re.compile(r"(?<![\w])" + r"[\s\u00a0\u202f]+".join(words) + r"(?![\w])")


_PATTERNS: dict[str, re.Pattern] = {}


def find(spelling: str, text: str) -> list[tuple[int, int]]:
    if spelling not in _PATTERNS:
        _PATTERNS[spelling] = _pattern(spelling)
    return [m.span() for m in _PATTERNS[spelling].finditer(text)]


def misspellings(names: list[Name], lang: str, text: str) -> list[tuple[int, str, Name]]:
    """(position, spelling found, name) for each flagged variant spelling in a text in `lang`, except
    where it lies inside a correct registered form (an alias of one name inside another's form)."""
    correct = [span for n in names if lang in n.forms for span in find(n.forms[lang], text)]
    out = []
    for name in names:
        for alias in name.aliases.get(lang, ()):
            for start, end in find(alias, text):
                if not any(s <= start and end <= e for s, e in correct):
                    out.append((start, text[start:end], name))
    return sorted(out, key=lambda x: x[0])


def named_in(names: list[Name], lang: str, text: str) -> list[Name]:
    """The registered names a text in `lang` writes in their registered form, longest first where they
    overlap (First US Army, not also US Army)."""
    spans = []
    for name in names:
        if lang in name.forms:
            spans += [(s, e, name) for s, e in find(name.forms[lang], text)]
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out, end = [], -1
    for s, e, name in spans:
        if s >= end:
            out.append(name)
            end = e
        elif e > end:
            end = e
    return list(dict.fromkeys(out))
