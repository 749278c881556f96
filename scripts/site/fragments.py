"""Fragments of generated Markdown that several page families use: front matter, excerpts, a post's date, credit and language version (pure)."""

from __future__ import annotations

import json
import re

from ..content.model import Entry
from ..text.escape import escape_markdown, html_text, unescape_markdown
from .i18n import date_text, t

_ATTR_LINE = re.compile(r"^\{:?\s*lang=(\w+)\s*\}$", re.MULTILINE)


PRINTED_RAW = ("title", "description")  # Material prints page.title and page.meta.description unescaped


def front_matter(**fields) -> str:
    """YAML front matter. Values are written as JSON, which YAML reads as it is (strings double-quoted).
    `title` and `description` are plain text: they are written HTML-escaped, since Material prints them
    into <title>, the header bar and <meta name="description"> as they are."""
    fields = {key: html_text(value) if key in PRINTED_RAW and isinstance(value, str) else value
              for key, value in fields.items()}
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()
             if value not in (None, "", [])]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def plain(markdown: str, limit: int = 240) -> str:
    """Plain text of a Markdown body, for excerpts and descriptions: text, to be escaped again for HTML."""
    text = markdown[: limit * 3]  # escapes and spaces never triple the length
    if "{" in text:
        text = _ATTR_LINE.sub("", text)
    text = unescape_markdown(" ".join(text.split())).strip()
    if len(text) > limit:
        head = text[: limit + 1]  # a space just after the limit: the last word is whole, and kept
        text = (head.rsplit(" ", 1)[0] if " " in head else text[:limit]).rstrip(",;:–—-.") + "…"  # 'Poland…', not 'Poland.…'
    return text


def version_for(entry: Entry, lang: str):
    """(the text to show on the lang page, whether it is a fallback to the original)."""
    if lang in entry.versions:
        return entry.versions[lang], False
    return entry.original, True


def date_line(entry: Entry, lang: str, as_html: bool = False, reason: bool = False) -> str:
    """The post's date (and time); an inferred date says so, and with `reason` (the post page) why, as
    text in the page's language (a reason not given in that language is left out)."""
    if entry.date is None:
        return t(lang, "undated")
    text = f'<time datetime="{entry.date.isoformat()}">{date_text(lang, entry.date)}</time>'
    if entry.time:
        text += f", {html_text(entry.time) if as_html else escape_markdown(entry.time)}"
    if entry.date_inferred:
        why = entry.date_inferred.get(lang) if reason else None
        why = (html_text(why) if as_html else escape_markdown(why)) if why else ""
        text += f' <span class="inferred">({t(lang, "date_inferred")}{": " + why if why else ""})</span>'
    return text


def credit_text(item, lang: str) -> str:
    """'© Agency / Photographer', or the photographer alone: the rights statement, a linked label, follows
    the credit on a post page (provenance.photo_rights) and heads the group on the credits page."""
    parts = []
    if item.agency:
        parts.append(escape_markdown(item.agency))
    who = item.photographer_in(lang)
    if who:
        parts.append(escape_markdown(who))
    return ("© " if item.agency else "") + " / ".join(parts)
