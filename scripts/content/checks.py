"""Checks beyond loading: problems that do not stop a build but need a contributor (warnings)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from ..site.paths import post_path, tag_path
from .load import Content, load_content, original_text, text_hash
from .model import ContentError, ContentErrors

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
                out.append(Problem(version.path, 1, f"translation {what}: check it against {entry.lang}.md, "
                                   f"then set original_hash: {current}", warning=True))
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
    problems = (stale_translations(content) + broken_links(content) + uncredited_photos(content)
                + orphan_sources(content) + unregistered_tags(content) + untranslated_reasons(content))
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
