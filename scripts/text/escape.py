"""Escaping untrusted text for Markdown (and reading escaped Markdown back as plain text)."""

from __future__ import annotations

import re

_MD_INLINE = re.compile(r"([\\`*_\[\]{}|])")
_ENTITY = re.compile(r"&(#?\w+;)")


_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]{}|<>&]|^\s*(?:[#+!-]|\d+\.)")


def escape_markdown(text: str) -> str:
    """A line of untrusted text as Markdown that renders to exactly that text, never to markup."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"&amp;\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    # Block syntax at the start of a line: headings, lists, quotes, admonitions, rules, tables.
    text = re.sub(r"^(\s*)([#+!-])", r"\1\\\2", text)
    text = re.sub(r"^(\s*\d+)\.", r"\1\\.", text)
    return text


_ESCAPED = re.compile(r"\\(.)")


def unescape_markdown(text: str) -> str:
    """The inverse of escape_markdown for plain reading (excerpts, search, comparing)."""
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text

