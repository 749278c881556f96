"""RSS feeds of each language's newest posts (pure)."""

from __future__ import annotations

import email.utils
import re
from datetime import datetime, timezone

from ..content.model import DEFAULT_LANG, LANGS
from ..text.escape import xml_text
from .fragments import plain, version_for
from .head import lang_url
from .i18n import t
from .provenance import source_name

FEED_SIZE = 50


_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z)?$", re.I)
FEED_CSS = "assets/stylesheets/feed.css"  # beside the feeds' root; written by write_feed_style


def published(entry) -> datetime:
    """The post's date with the source's time of day when it gives one: in UTC when the source says
    GMT or UTC; a time without a zone is written with -0000 (RFC 2822: local time, zone unknown);
    midnight UTC without a time."""
    m = _TIME.match(str(entry.time or "").strip())
    d = entry.date
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return datetime(d.year, d.month, d.day, tzinfo=timezone.utc)
    h, mi, sec = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
    return datetime(d.year, d.month, d.day, h, mi, min(sec, 59), tzinfo=timezone.utc if m.group(4) else None)


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def render_feed_style() -> str:
    """A stylesheet for a feed opened in a browser (CSS: Chromium now warns on every XSLT page), with a
    line in the feed's language saying what the page is. The feed's title carries xml:lang."""
    notes = "".join(
        f'title:lang({lang})::after {{ content: "{_css_string(t(lang, "feed_note"))}"; }}\n' for lang in LANGS)
    return ("rss { display: block; font: 16px/1.5 system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; "
            "padding: 0 1rem; color: #222; background: #fff; }\n"
            "channel > * { display: none; }\n"
            "channel > title { display: block; font-size: 1.6rem; font-weight: 700; margin-bottom: 1rem; }\n"
            "channel > title::after { display: block; font-size: .9rem; font-weight: 400; color: #555; margin-top: .5rem; }\n"
            + notes +
            "channel > item { display: block; border-top: 1px solid #ddd; padding: .8rem 0; }\n"
            "item > * { display: none; }\n"
            "item > title { display: block; font-weight: 700; }\n"
            "item > pubDate { display: block; color: #555; font-size: .85rem; }\n"
            "item > link { display: block; color: #0b57a4; font-size: .85rem; word-break: break-all; }\n"
            "item > description { display: block; }\n")


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
            parts.append(f"<pubDate>{email.utils.format_datetime(published(entry))}</pubDate>")
        parts += [f"<category>{e(tag.label(lang))}</category>" for tag in entry.tags]
        items.append("<item>" + "".join(parts) + "</item>")
    style = "../" * (lang != DEFAULT_LANG) + FEED_CSS
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/css" href="{style}"?>\n'
            '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
            f'<title xml:lang="{lang}">{e(site_name)}</title><link>{e(home)}</link>'
            f"<description>{e(t(lang, 'home_intro'))}</description><language>{lang}</language>"
            f'<atom:link href="{e(self_url)}" rel="self" type="application/rss+xml"/>'
            f"<lastBuildDate>{email.utils.format_datetime(built)}</lastBuildDate>"
            + "".join(items) + "</channel></rss>\n")
