"""The tag registry (content/tags.yml) and how hashtags resolve to tags."""

from __future__ import annotations

from pathlib import Path

from ..site.paths import RESERVED_TAG_SLUGS, safe_tag_slug, tags_index_path, url_of
from ..text.hashtags import tag_key
from ..text.slugs import slugify
from .model import LANGS, ContentError, ContentErrors, Tag
from .yaml_io import load_yaml, read_text


class TagRegistry:
    """Resolves hashtags to tags: registered aliases first, otherwise a tag derived from the hashtag."""

    def __init__(self, tags: dict[str, Tag]):
        self.tags = tags
        self.derived_names: dict[str, set[str]] = {}  # slug -> hashtags (not registered) that lead to it
        self.by_key: dict[str, Tag] = {}
        self.by_slug: dict[str, Tag] = dict(tags)
        self._resolved: dict[str, Tag] = {}
        for tag in tags.values():
            self.by_key.setdefault(tag_key(tag.slug), tag)
            for alias in tag.aliases:
                self.by_key[tag_key(alias)] = tag

    def resolve(self, hashtag: str) -> Tag:
        """The tag of a hashtag; the same hashtag always resolves to the same tag (so it is kept)."""
        try:
            return self._resolved[hashtag]
        except KeyError:
            tag = self._resolved[hashtag] = self._resolve(hashtag)
            return tag

    def resolve_all(self, hashtags) -> tuple[Tag, ...]:
        """The tags of hashtags in the order first written, each once (a set keeps it linear: a post
        with 50,000 hashtags made a list's `in` take minutes)."""
        tags: dict[Tag, None] = {}
        for name in hashtags:
            tags.setdefault(self.resolve(name))
        return tuple(tags)

    def _resolve(self, hashtag: str) -> Tag:
        key = tag_key(hashtag)
        if key in self.by_key:
            return self.by_key[key]
        name = hashtag.lstrip("#")
        tag = Tag(slug=safe_tag_slug(slugify(name)), labels=tuple((lang_, name) for lang_ in LANGS), aliases=(name,))
        slug_key = tag_key(tag.slug)
        if tag.slug not in self.tags:
            self.derived_names.setdefault(tag.slug, set()).add(name)
        existing = self.by_key.get(slug_key) or self.by_slug.get(tag.slug)
        if existing is not None:  # a derived slug that another tag owns: the same page
            self.by_key[key] = existing
            return existing
        self.by_key[key] = tag
        self.by_slug[tag.slug] = tag
        return tag


def load_tags(path: Path, shown=None) -> dict[str, Tag]:
    """The registry; errors name the file as `shown` (content/tags.yml)."""
    if not path.exists():
        return {}
    data = load_yaml(read_text(path), shown or path)
    path = shown or path
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ContentError(path, 1, "the tag registry must map slugs to tags (expected 'slug: {label: ..., aliases: [...]}')")
    tags, errors, seen = {}, [], {}
    for slug, spec in data.items():
        line = data.key_lines.get(slug, 1)
        slug = str(slug)
        if slugify(slug) != slug:
            errors.append(ContentError(path, line, f"tag slug '{slug}' is not a lowercase ASCII slug (expected '{slugify(slug)}')"))
            continue
        if slug in RESERVED_TAG_SLUGS:
            errors.append(ContentError(path, line, f"tag slug '{slug}' takes an address the site uses for its own pages "
                                       f"(/{url_of('en', tags_index_path())}) (expected another slug, e.g. '{safe_tag_slug(slug)}')"))
            continue
        if not isinstance(spec, dict):
            errors.append(ContentError(path, line, f"tag '{slug}' must be a mapping (expected label: and aliases:)"))
            continue
        for key in spec:
            if key not in ("label", "aliases"):
                errors.append(ContentError(path, spec.key_lines.get(key, line), f"unknown key '{key}' in tag '{slug}' (expected label, aliases)"))
        labels = spec.get("label") or {}
        if isinstance(labels, str):
            labels = {lang: labels for lang in LANGS}
        if not isinstance(labels, dict):
            errors.append(ContentError(path, line, f"tag '{slug}': label must be text or a mapping of en/ru/tr to text"))
            continue
        for lang in labels:
            if lang not in LANGS:
                errors.append(ContentError(path, labels.key_lines.get(lang, line), f"tag '{slug}': unknown language '{lang}' (expected one of {', '.join(LANGS)})"))
        aliases = spec.get("aliases") or []
        if not isinstance(aliases, list):
            errors.append(ContentError(path, line, f"tag '{slug}': aliases must be a list of hashtags"))
            continue
        for alias in [slug, *map(str, aliases)]:
            key = tag_key(alias)
            if key in seen and seen[key] != slug:
                errors.append(ContentError(path, line, f"tag '{slug}': alias '{alias}' already belongs to tag '{seen[key]}'"))
            seen[key] = slug
        tags[slug] = Tag(slug=slug, labels=tuple((k, str(v)) for k, v in labels.items() if k in LANGS),
                         aliases=tuple(str(a).lstrip("#") for a in aliases))
    if errors:
        raise ContentErrors(errors)
    return tags
