"""Content model: the objects every stage passes along (no disk, no rendering)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LANGS = ("en", "ru", "tr")
DEFAULT_LANG = LANGS[0]
# Languages an original may be written in beside the site's own: such a post is shown in its language,
# untranslated, on every site language's page, never labelled as one of ours.
OTHER_LANGS = ("uk", "be", "de", "fr", "pl")
ORIGINAL_LANGS = LANGS + OTHER_LANGS


def one_line(text: str) -> str:
    """`text` with what is not printable (line and record separators, controls) spelled as escapes."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else _escape(ch) for ch in text)


def _escape(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":  # a byte of a file name that is not UTF-8 (surrogateescape): as that byte
        return f"\\x{ord(ch) - 0xdc00:02x}"
    return ch.encode("unicode_escape").decode("ascii")


class ContentError(Exception):
    """Bad content or bad input. Its text is `path:line: problem (expected ...)`."""

    def __init__(self, path, line: int | None, problem: str):
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(one_line(f"{where}: {problem}"))

    def __reduce__(self):  # picklable, to come back from a worker process
        return ContentError, (self.path, self.line, self.problem)


class ContentErrors(ContentError):
    """Several content errors at once, reported sorted, one per line."""

    def __init__(self, errors: list[ContentError]):
        self.errors = sorted(errors, key=lambda e: (e.path, e.line or 0, e.problem))
        first = self.errors[0]
        super().__init__(first.path, first.line, first.problem)
        self.args = ("\n".join(str(e) for e in self.errors),)

    def __str__(self):
        return self.args[0]

    def __reduce__(self):
        return ContentErrors, (self.errors,)


@dataclass(frozen=True)
class Span:
    """A run of inline text as the source marked it: emphasis and a link target."""
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of source text; `lang` is None when it has no words (hashtags, emoji).
    `spans` is the same text with the source's marks (empty: plain text); a line break inside the
    paragraph is "\n" in both."""

    text: str
    lang: str | None = None
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Photo:
    """One gallery item: credit metadata and its caption in the source language."""

    n: int
    caption: str
    agency: str | None = None
    photographer: str | None = None
    rights: str | None = None
    image: str | None = None
    url: str | None = None  # the remote image when no local copy was saved
    file: str | None = None  # a picture the site does not show (HEIC, SVG), kept to download


@dataclass
class Post:
    """One imported item, before it is written to content/."""

    paragraphs: list[Paragraph]
    source_name: str
    source_kind: str
    title: str = ""
    date: dt.date | None = None
    time: str | None = None
    tags: list[str] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)
    missing_media: list[str] = field(default_factory=list)
    commemorates: list[dt.date] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    item: int = 1
    url: str | None = None  # the original's permalink, e.g. https://t.me/<channel>/<n>
    identity: str | None = None  # "telegram:<channel username or chat id>/<message id>"; None without ids
    reply_to: str | None = None  # a short quote of the message a reply answers
    forwarded_from: str | None = None
    published: str | None = None  # ISO 8601 with the offset the source states, "2023-04-25T13:59:00+03:00"

    @property
    def lang(self) -> str:
        """The language most of the post's text is written in."""
        weight: dict[str, int] = {}
        for p in self.paragraphs:
            if p.lang:
                weight[p.lang] = weight.get(p.lang, 0) + len(p.text)
        if not weight:
            return DEFAULT_LANG
        return max(ORIGINAL_LANGS, key=lambda lang: (weight.get(lang, -1), -ORIGINAL_LANGS.index(lang)))


@dataclass(frozen=True)
class Tag:
    """A tag page: a stable ASCII slug, a label per language, and the hashtags that mean it.
    Tags compare by slug."""

    slug: str
    labels: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        labels = dict(self.labels)
        return labels.get(lang) or labels.get(DEFAULT_LANG) or next(iter(labels.values()), self.slug)

    def __eq__(self, other):
        return isinstance(other, Tag) and other.slug == self.slug

    def __hash__(self):
        return hash(self.slug)


@dataclass(frozen=True)
class Version:
    """One language file of a post: the translatable text."""

    lang: str
    title: str
    body: str
    captions: dict
    path: str
    translation_of: str | None = None
    original_hash: str | None = None
    body_line: int = 1
    translated_by: str | None = None  # a name, or 'volunteer' / 'volunteers'
    translated_on: str | None = None  # 'YYYY-MM' or 'YYYY-MM-DD'
    translation_method: str | None = None  # 'hand' or 'machine-reviewed'


@dataclass(frozen=True)
class GalleryItem:
    n: int
    agency: str | None
    photographer: dict  # lang -> name ("" key when the same in every language)
    rights: str | None
    image: str | None
    width: int | None = None
    height: int | None = None
    file: str | None = None  # a picture to download, not shown (HEIC, SVG)

    def photographer_in(self, lang: str) -> str | None:
        return self.photographer.get(lang) or self.photographer.get("") or self.photographer.get(DEFAULT_LANG)


@dataclass(frozen=True, eq=False)
class Entry:
    """A post as contributors keep it in content/posts/<id>/: metadata once, text per language.
    Entries compare (and hash) by identity: one loaded post is one object."""

    id: str
    path: str
    lang: str
    source: dict
    versions: dict  # lang -> Version
    date: dt.date | None = None
    date_inferred: dict | None = None  # lang -> why the date was inferred (the importer writes English)
    time: str | None = None
    tags: tuple[Tag, ...] = ()
    commemorates: tuple[dt.date, ...] = ()
    missing_media: tuple[str, ...] = ()
    gallery: tuple[GalleryItem, ...] = ()
    drafts: tuple[str, ...] = ()  # languages whose file `translate` started (draft: true), not shown yet
    rights: str | None = None  # the rights statement URI of the text (scripts/content/rights.py)
    raw_sha256: str | None = None  # of the archived raw copy (source.raw), computed on load
    registered_source: object = None  # its source's sources_registry.Source (content/sources.yml), resolved on load

    @property
    def original(self) -> Version:
        return self.versions[self.lang]

    def sort_key(self):
        """Newest first, undated last, then by id for a stable order."""
        return (self.date is None, -(self.date.toordinal() if self.date else 0), self.id)


@dataclass(frozen=True)
class Event:
    """A historical date on the timeline, named in each language."""

    date: dt.date
    names: tuple[tuple[str, str], ...]

    def name(self, lang: str) -> str:
        names = dict(self.names)
        return names.get(lang) or names.get(DEFAULT_LANG) or next(iter(names.values()), "")
