"""RSS feeds of each language's newest posts (pure)."""

from __future__ import annotations

import email.utils
from datetime import datetime, timezone

from ..text.escape import xml_text
from .fragments import plain, version_for
from .head import lang_url
from .i18n import t
from .provenance import source_name

FEED_SIZE = 50


def render_feed(entries, lang: str, base: str, site_name: str, built: datetime) -> str:
    """RSS 2.0 feed of a language's newest posts."""
    e = xml_text
    home = base + lang_url(lang, "")
    self_url = base + lang_url(lang, "feed.xml")
    items = []
    for entry in entries[:FEED_SIZE]:
        version, fallback = version_for(entry, lang)
        link = base + lang_url(lang, f"posts/{entry.id}/")
        parts = [f"<title>{e(version.title)}</title>", f"<link>{e(link)}</link>",
                 f'<guid isPermaLink="true">{e(link)}</guid>',
                 f"<description>{e(plain(version.body, 500))}</description>",
                 f"<dc:creator>{e(source_name(entry, lang))}</dc:creator>"]
        if entry.date:
            stamp = datetime(entry.date.year, entry.date.month, entry.date.day, tzinfo=timezone.utc)
            parts.append(f"<pubDate>{email.utils.format_datetime(stamp)}</pubDate>")
        parts += [f"<category>{e(tag.label(lang))}</category>" for tag in entry.tags]
        items.append("<item>" + "".join(parts) + "</item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f"<title>{e(site_name)}</title><link>{e(home)}</link>"
            f"<description>{e(t(lang, 'home_intro'))}</description><language>{lang}</language>"
            f'<atom:link href="{e(self_url)}" rel="self" type="application/rss+xml"/>'
            f"<lastBuildDate>{email.utils.format_datetime(built)}</lastBuildDate>"
            + "".join(items) + "</channel></rss>\n")
