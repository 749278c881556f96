"""A post's translatable text as segments (title, each paragraph, each caption), and a language file
written back from them. Segments are what the PO files, translation memory and stale reports count in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..content.model import Version
from ..content.yaml_io import dump_yaml

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


@dataclass(frozen=True)
class Segment:
    key: str  # 'title', 'p1', 'p2', ..., 'caption-3' (photo 3)
    text: str
    line: int | None = None  # in the language file, where known

    @property
    def label(self) -> str:
        """How messages name the segment: 'the title', 'paragraph 2', 'caption 3'."""
        if self.key == "title":
            return "the title"
        if self.key.startswith("p"):
            return f"paragraph {self.key[1:]}"
        return f"caption {self.key.split('-', 1)[1]}"


def label(key: str) -> str:
    return Segment(key, "").label


def paragraphs(body: str) -> list[tuple[str, int]]:
    """(paragraph, its line offset in the body) for each paragraph: text between blank lines."""
    body = body.strip("\n")
    if not body.strip():
        return []
    out, offset = [], 0
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(body):
        out.append((body[pos:m.start()], offset))
        offset += body[pos:m.end()].count("\n")
        pos = m.end()
    out.append((body[pos:], offset))
    return out


def segments(version: Version) -> list[Segment]:
    """Title, paragraphs in order, then captions by photo number."""
    out = [Segment("title", version.title)]
    for i, (text, offset) in enumerate(paragraphs(version.body), 1):
        out.append(Segment(f"p{i}", text, version.body_line + offset))
    for n in sorted(version.captions):
        out.append(Segment(f"caption-{n}", version.captions[n]))
    return out


def version_from_file(text: str, path: str, lang: str) -> Version:
    """A Version from a language file's text (for earlier versions read from git), parsed as load does."""
    from ..content.yaml_io import split_front_matter

    front, body, body_line = split_front_matter(text, path)
    # content/'s YAML reads every key as text: photo numbers are '1', '2', ...
    captions = {int(k): str(v) for k, v in (front.get("captions") or {}).items() if str(k).isdigit()}
    return Version(lang=lang, title=str(front.get("title") or "").strip(), body=body, captions=captions,
                   path=path, original_hash=front.get("original_hash"), body_line=body_line)


FRONT_ORDER = ("title", "translation_of", "original_hash", "translated_by", "translated_on",
               "translation_method", "draft", "captions")


def _plain(value):
    return {k: _plain(v) for k, v in value.items()} if isinstance(value, dict) else value


def render_language_file(front: dict, paras: list[str], draft_note: str | None = None) -> str:
    """A language file: front matter in the house order, then the paragraphs, one blank line apart."""
    ordered = {k: _plain(front[k]) for k in FRONT_ORDER if front.get(k) not in (None, {}, "")}
    if "captions" in ordered:  # photo numbers as numbers (read back from a file they are text)
        ordered["captions"] = {int(k) if str(k).isdigit() else k: v for k, v in ordered["captions"].items()}
    ordered.update({k: _plain(v) for k, v in front.items() if k not in FRONT_ORDER and v is not None})
    head = dump_yaml(ordered)
    if draft_note and "\ndraft: true\n" in "\n" + head:
        head = ("\n" + head).replace("\ndraft: true\n", f"\ndraft: true  # {draft_note}\n", 1)[1:]
    body = "\n\n".join(paras)
    return f"---\n{head}---\n\n{body}\n" if body else f"---\n{head}---\n\n"
