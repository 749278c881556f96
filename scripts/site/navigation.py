"""Ways on from a post page: breadcrumbs, the previous and next post by date, related posts (a shared
tag or commemorated date), and the language's feed (pure)."""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field

from ..content.model import DEFAULT_LANG
from ..text.escape import escape_markdown
from .fragments import version_for
from .i18n import t
from .paths import archive_path, link, post_path, url_of

RELATED = 5  # related posts listed under a post
NEAR = 12  # candidates taken on each side of a post in each group it shares (keeps the work linear)


@dataclass
class Neighbours:
    older: object = None
    newer: object = None
    related: list = field(default_factory=list)


class Ways:
    """The neighbours of every post of one archive, worked out once for all languages.

    `entries` come newest first, undated last (the loader's order): "older" is the next one in it."""

    def __init__(self, entries):
        self.entries = list(entries)
        self.position = {id(e): i for i, e in enumerate(self.entries)}
        self.groups = defaultdict(list)  # ("tag", slug) or ("day", date) -> entries, in archive order
        for entry in self.entries:
            for key in self._keys(entry):
                self.groups[key].append(entry)
        self.at = {key: {id(e): i for i, e in enumerate(members)} for key, members in self.groups.items()}
        self.by_id = {id(e): e for e in self.entries}
        self.cache = {}

    @staticmethod
    def _keys(entry):
        return [("tag", tag.slug) for tag in entry.tags] + [("day", day) for day in entry.commemorates]

    def of(self, entry) -> Neighbours:
        found = self.cache.get(id(entry))
        if found is None:
            i = self.position[id(entry)]
            dated = entry.date is not None
            older = self.entries[i + 1] if i + 1 < len(self.entries) else None
            newer = self.entries[i - 1] if i > 0 else None
            if not dated:  # an undated post has no place in time
                older = newer = None
            else:
                older = older if older is not None and older.date is not None else None
            found = self.cache[id(entry)] = Neighbours(older, newer, self._related(entry))
        return found

    def _related(self, entry) -> list:
        """Up to RELATED posts sharing the most tags and commemorated dates with this one; a shared date
        counts double (it is rarer than a tag), ties go to the nearest in the archive's order."""
        scores = defaultdict(int)
        here = self.position[id(entry)]
        for key in self._keys(entry):
            members = self.groups[key]
            i = self.at[key][id(entry)]
            for other in members[max(0, i - NEAR): i + NEAR + 1]:
                if other is not entry:
                    scores[id(other)] += 2 if key[0] == "day" else 1
        ranked = sorted(scores, key=lambda k: (-scores[k], abs(self.position[k] - here)))
        return [self.by_id[k] for k in ranked[:RELATED]]


def _title_link(entry, lang: str, here: str) -> str:
    version, fallback = version_for(entry, lang)
    attr = f"{{ lang={entry.lang} }}" if fallback else ""
    return f"[{escape_markdown(version.title)}]({link(here, post_path(entry.id))}){attr}"


def _title(entry, lang: str) -> str:
    return html.escape(version_for(entry, lang)[0].title)


def _lang_attr(entry, lang: str) -> str:
    """Post pages link each other as ../<id>/ in every language; a title shown in its original
    language says so."""
    return f' lang="{entry.lang}"' if version_for(entry, lang)[1] else ""


def render_breadcrumbs(entry, lang: str) -> str:
    here = post_path(entry.id)
    version, _ = version_for(entry, lang)
    return (f'<nav class="breadcrumbs" aria-label="{t(lang, "breadcrumbs")}" markdown="span">'
            f'[{t(lang, "home")}]({link(here, "index.md")}) › '
            f'[{t(lang, "all_posts")}]({link(here, archive_path())}) › '
            f'<span aria-current="page">{escape_markdown(version.title)}</span></nav>\n\n')


def render_ways_on(entry, lang: str, ways: Ways) -> str:
    """Previous and next post, related posts, the feed: the end of a post page."""
    here = post_path(entry.id)
    n = ways.of(entry)
    out = []
    if n.older or n.newer:
        out.append(f'<nav class="post-pager" aria-label="{t(lang, "post_pager")}">\n')
        if n.older:
            out.append(f'<a class="older" rel="prev" href="../{n.older.id}/"{_lang_attr(n.older, lang)}>'
                       f'<span class="direction">← {t(lang, "older_post")}</span> {_title(n.older, lang)}</a>\n')
        if n.newer:
            out.append(f'<a class="newer" rel="next" href="../{n.newer.id}/"{_lang_attr(n.newer, lang)}>'
                       f'<span class="direction">{t(lang, "newer_post")} →</span> {_title(n.newer, lang)}</a>\n')
        out.append("</nav>\n\n")
    if n.related:
        out.append(f"## {t(lang, 'related')}\n\n")
        out += [f"- {_title_link(other, lang, here)}\n" for other in n.related]
        out.append("\n")
    out.append(feed_link(lang, here))
    return "".join(out)


def feed_link(lang: str, here: str) -> str:
    """A visible link to the language's RSS feed (there is no <link rel="alternate"> in the head: see
    head.head_tags). The feed is not a page MkDocs knows: its address is written out."""
    to_root = "../" * url_of(DEFAULT_LANG, here).count("/")
    return (f'<p class="feed-link"><a href="{to_root}feed.xml" type="application/rss+xml">'
            f'{t(lang, "feed")}</a></p>\n')
