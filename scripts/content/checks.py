"""Checks beyond loading: problems that do not stop a build but need a contributor (warnings)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..site.paths import post_path, tag_path
from ..text.escape import safe_url
from .load import Content, load_content, original_text, text_hash
from .model import ContentError, ContentErrors
from .names import find, load_names, misspellings, named_in
from .sources_registry import registry_problems

_LINK = re.compile(r"(?<!\\)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    warning: bool = False

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"

    def sort_key(self):
        return (self.path, self.line or 0, self.message)


def stale_translations(content: Content) -> list[Problem]:
    out = []
    for entry in content.entries:
        current = text_hash(original_text(entry.original))
        for lang, version in sorted(entry.versions.items()):
            if lang == entry.lang:
                continue
            if version.original_hash != current:
                what = ("has no original_hash" if not version.original_hash
                        else f"was made from an earlier original (original_hash {version.original_hash}, now {current})")
                shown = f"'{current}'" if current.isdigit() else current  # all digits unquoted would be a YAML number
                out.append(Problem(version.path, 1, f"translation {what}: check it against {entry.lang}.md, "
                                   f"then set original_hash: {shown}", warning=True))
    return out


def broken_links(content: Content) -> list[Problem]:
    """Relative links in post bodies must lead to a page of the site or a file in the post's folder."""
    pages = {"index.md", "archive/index.md", "tags/index.md"}
    pages |= {post_path(e.id) for e in content.entries}
    pages |= {tag_path(slug) for slug in content.tags}
    out = []
    for entry in content.entries:
        folder = content.root.parent / entry.path
        for version in entry.versions.values():
            for i, line in enumerate(version.body.split("\n")):
                for m in _LINK.finditer(line):
                    target = m.group(1)
                    if re.match(r"^([a-z][a-z0-9+.-]*:|#|/)", target, re.I):
                        continue
                    path = target.split("#", 1)[0]
                    resolved = posixpath.normpath(posixpath.join("posts", path))
                    if resolved in pages or (folder / path).is_file():
                        continue
                    out.append(Problem(version.path, version.body_line + i,
                                       f"broken link '{target}' (expected a post as '<id>.md', a tag as "
                                       "'../tags/<slug>.md', or a file in the post's folder)"))
    return out


_RAW_TAG = re.compile(r"(?<!\\)<(/?[a-zA-Z][a-zA-Z0-9-]*|!--)")
_MD_TARGET = re.compile(r"(?<!\\)\]\(\s*<?([^)\s>]+)")


def markup_in_text(content: Content) -> list[Problem]:
    """Raw HTML in a post's Markdown shows as text, and a link to javascript:, data: and the like is no
    link (the generator makes them so): say where, so that the contributor writes Markdown instead."""
    out = []
    for entry in content.entries:
        for version in entry.versions.values():
            for i, line in enumerate(version.body.split("\n")):
                where = (version.path, version.body_line + i)
                tag = _RAW_TAG.search(line)
                if tag and not re.match(r"<(https?://|mailto:)", line[tag.start():]):
                    out.append(Problem(*where, f"raw HTML '<{tag.group(1)}' shows as text on the page "
                                       "(expected Markdown: **bold**, *italic*, [text](https://...))", warning=True))
                for m in _MD_TARGET.finditer(line):
                    if safe_url(m.group(1)) is None:
                        out.append(Problem(*where, f"link to '{m.group(1)[:40]}' is not a link on the page "
                                           "(expected an http, https, mailto or tg address, or a page of the site)",
                                           warning=True))
    return out


def uncredited_photos(content: Content) -> list[Problem]:
    out = []
    for entry in content.entries:
        for item in entry.gallery:
            if not (item.agency or item.rights or item.photographer):
                out.append(Problem(f"{entry.path}/meta.yml", None, f"gallery item {item.n} has no credit "
                                   "(expected agency, photographer or rights)", warning=True))
    return out


def orphan_sources(content: Content) -> list[Problem]:
    used = {str(e.source.get("raw")) for e in content.entries}
    sources = content.root / "sources"
    out = []
    for path in sorted(sources.iterdir()) if sources.is_dir() else []:
        rel = f"sources/{path.name}"
        if path.is_file() and not path.name.startswith(".") and rel not in used:
            out.append(Problem(f"{content.root.name}/{rel}", None,
                               "no post refers to this raw source (expected source.raw in some meta.yml)", warning=True))
    return out


def unregistered_tags(content: Content) -> list[Problem]:
    """Hashtags with no registry entry (they still get a page) and derived slugs that collide."""
    out = []
    for slug, names in sorted(content.registry.derived_names.items()):
        if len({n.casefold() for n in names}) > 1:
            out.append(Problem(f"{content.root.name}/tags.yml", None,
                               f"hashtags {', '.join('#' + n for n in sorted(names))} share the page tags/{slug}/ "
                               "(expected one registered tag listing them as aliases)", warning=True))
    return out


_NOT_TEXT = re.compile(r"^(translation_of|original_hash|translated_by|translated_on|translation_method|draft):")


def name_spellings(content: Content) -> list[Problem]:
    """content/names.yml: problems in the registry (errors), and translations or photo credits that spell
    a registered name otherwise (warnings). Russian forms are nominative and declined in the text, so a
    Russian translation is only checked for the variant spellings the registry lists."""
    names, errors = load_names(content.root / "names.yml", f"{content.root.name}/names.yml")
    out = [Problem(e.path, e.line, e.problem) for e in errors]
    for entry in content.entries:
        original = entry.original
        original_text_all = "\n".join([original.title, original.body, *original.captions.values()])
        for lang, version in sorted(entry.versions.items()):
            if lang == entry.lang:
                continue
            path = content.root.parent / version.path
            lines = path.read_text(encoding="utf-8").split("\n")
            for i, line in enumerate(lines, 1):
                if _NOT_TEXT.match(line):
                    continue
                for _, found, name in misspellings(names, lang, line):
                    out.append(Problem(version.path, i, f"'{found}' is not how {lang} writes {name.forms.get(entry.lang, name.slug)} "
                                       f"(expected '{name.forms[lang]}', content/names.yml {name.slug})", warning=True))
            if lang == "ru":
                continue
            text = "\n".join([version.title, version.body, *version.captions.values()])
            for name in named_in(names, entry.lang, original_text_all):
                if lang in name.forms and not find(name.forms[lang], text):
                    out.append(Problem(version.path, 1, f"the original names {name.forms[entry.lang]}, the translation never writes "
                                       f"'{name.forms[lang]}' (expected the registered form, content/names.yml {name.slug})", warning=True))
        for item in entry.gallery:
            values = [v for v in item.photographer.values() if v]
            name = next((n for n in names if any(find(f, v) for f in n.forms.values() for v in values)), None)
            if name is None:
                continue
            for lang in sorted(name.forms):
                shown = item.photographer_in(lang) or ""
                if not find(name.forms[lang], shown):
                    out.append(Problem(f"{entry.path}/meta.yml", None, f"gallery item {item.n}: the {lang} credit reads '{shown}' "
                                       f"(expected '{name.forms[lang]}', content/names.yml {name.slug}; write photographer: {{en: ..., ru: ..., tr: ...}})",
                                       warning=True))
    return out


def uncredited_translations(content: Content) -> list[Problem]:
    """Each translation says who made it, when and how (the page prints it)."""
    out = []
    for entry in content.entries:
        for lang, version in sorted(entry.versions.items()):
            if lang == entry.lang:
                continue
            missing = [k for k in ("translated_by", "translated_on", "translation_method") if not getattr(version, k)]
            if missing:
                out.append(Problem(version.path, 1, f"translation without {', '.join(missing)} (expected translated_by: a name or "
                                   "volunteer, translated_on: YYYY-MM, translation_method: hand or machine-reviewed)", warning=True))
    return out


def undescribed_sources(content: Content) -> list[Problem]:
    """What content/sources.yml lacks: a quoted source it does not describe, an entry's missing fields."""
    used = {}
    for entry in sorted(content.entries, key=lambda e: e.id):
        used.setdefault(str(entry.source.get("name", "")), f"{entry.path}/meta.yml")
    return [Problem(path, line, message, warning=True)
            for path, line, message in registry_problems(content.sources or {}, used, f"{content.root.name}/sources.yml")]


def unstated_rights(content: Content) -> list[Problem]:
    """Texts and photos without a rights statement (scripts/content/rights.py)."""
    out = []
    for entry in content.entries:
        if not entry.rights:
            out.append(Problem(f"{entry.path}/meta.yml", None, "no rights statement for the text (expected "
                               "'rights: <URI>', e.g. http://rightsstatements.org/vocab/InC/1.0/)", warning=True))
        missing = [str(item.n) for item in entry.gallery if not item.rights]
        if missing:
            out.append(Problem(f"{entry.path}/meta.yml", None, f"no rights statement for gallery item(s) "
                               f"{', '.join(missing)} (expected 'rights: <URI>' in each)", warning=True))
    return out


def untranslated_reasons(content: Content) -> list[Problem]:
    """A post translated into a language shows there why its date was inferred: in that language
    (the page leaves the reason out rather than show another language's)."""
    out = []
    for entry in content.entries:
        if not entry.date_inferred:
            continue
        missing = [lang for lang in sorted(entry.versions) if lang not in entry.date_inferred]
        if missing:
            meta = content.root.parent / entry.path / "meta.yml"
            lines = meta.read_text(encoding="utf-8").splitlines() if meta.exists() else []
            line = next((i for i, text in enumerate(lines, 1) if text.startswith("date_inferred:")), None)
            out.append(Problem(f"{entry.path}/meta.yml", line,
                               f"date_inferred has no reason in {', '.join(missing)} (expected date_inferred: "
                               f"with one sentence per language: {', '.join(sorted(entry.versions))})", warning=True))
    return out


def warnings_of(content: Content) -> list[Problem]:
    problems = (stale_translations(content) + broken_links(content) + markup_in_text(content) + uncredited_photos(content)
                + orphan_sources(content) + unregistered_tags(content) + name_spellings(content)
                + uncredited_translations(content) + undescribed_sources(content) + unstated_rights(content)
                + untranslated_reasons(content))
    return sorted(problems, key=Problem.sort_key)


def check(root: Path) -> list[Problem]:
    """Every problem in content/, errors and warnings, sorted."""
    try:
        content = load_content(root)
    except ContentErrors as e:
        return sorted((Problem(x.path, x.line, x.problem) for x in e.errors), key=Problem.sort_key)
    except ContentError as e:
        return [Problem(e.path, e.line, e.problem)]
    return warnings_of(content)
