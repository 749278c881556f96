"""Escaping untrusted text for each context it meets: Markdown text, HTML text, an HTML attribute, a URL
in href/src, JSON inside <script>, XML text (and reading escaped Markdown back as plain text).

MkDocs does not autoescape and Material prints page titles and descriptions as they are: every text a
source or a contributor wrote reaches a page only through one of these functions."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

_MD_INLINE = re.compile(r"([\\`*_\[\]{}|])")
# An entity, or the start of a numeric one ('&#t' without its ';' stops Python-Markdown's HTML parser
# inside a block with markdown="span"): the '&' becomes '&amp;'.
_ENTITY = re.compile(r"&(#?\w+;|#)")


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


# --- Markdown a contributor wrote (post bodies, captions) -----------------------------------------------

# Raw HTML is not part of a post's Markdown: '<' opens only an autolink to a safe address.
_RAW_HTML = re.compile(r"<(?!(?:https?://|mailto:)[^\s<>\"']*>)")


# An attribute list that gives a class or an id ('{: .x }', '{ #top }'): the theme's classes and the page's
# anchors are the generator's, not a post's. Its '{' is written as a reference, so the list stays text.
_CLASS_OR_ID_LIST = re.compile(r"\{(?=:?[^{}\n]*(?<![^\s{:])(?:[.#][^\s{}]|(?:id|class)\s*=))", re.IGNORECASE)


def markdown_without_html(markdown: str) -> str:
    """A post's Markdown with any raw HTML made text: '<' becomes '&lt;' unless it opens an autolink
    (<https://…>, <mailto:…>); an attribute list that sets a class or an id is text too. Markdown syntax
    stays ({: lang=ru } lines included); the site's Markdown guard (markdown_guard.py) removes handlers and
    unsafe addresses that attribute lists or links could still bring."""
    if "{" in markdown:
        markdown = _CLASS_OR_ID_LIST.sub("&#123;", markdown)
    if "<" not in markdown:
        return markdown
    return _RAW_HTML.sub("&lt;", markdown)


# --- HTML ---------------------------------------------------------------------------------------------

def html_text(text: str) -> str:
    """Text as HTML text, also safe inside a double-quoted attribute ('&', '<', '>', '"'; an apostrophe
    stays, as every attribute here and in the theme is double-quoted)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


_MD_IN_ATTR = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;", "*": "&#42;",
                             "_": "&#95;", "`": "&#96;", "\\": "&#92;"})


def html_attr(text: str) -> str:
    """Text as the value of a double-quoted HTML attribute, also when the tag stands in Markdown
    (the characters Markdown would act on are written as character references)."""
    return html_text(text).translate(_MD_IN_ATTR)


# --- URLs ---------------------------------------------------------------------------------------------

SAFE_SCHEMES = ("http", "https", "mailto", "tg")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")


def safe_url(url: str) -> str | None:
    """A URL fit for href or src, or None: http, https, mailto and tg addresses and relative site paths
    are links; anything else (javascript:, data:, vbscript:, '//host', control characters, and the same
    behind character references: 'javascript&colon;') is not. The result still needs html_attr where it
    meets HTML."""
    url = str(url).strip()
    if not url or _unsafe(url) or ("&" in url and _unsafe(html.unescape(url).strip())):
        return None
    return url


def _unsafe(url: str) -> bool:
    if not url or _CONTROL.search(url.replace(" ", "")) or "\\" in url:
        return True
    m = _SCHEME.match(url)
    if m:
        return m.group(1).lower() not in SAFE_SCHEMES
    if url.startswith("//"):
        return True  # another host, whatever its scheme
    # A colon before the first '/', '?' or '#' makes a scheme to a browser: no path has one.
    return ":" in url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]


def url_path(name: str) -> str:
    """A file name as a relative URL path segment ('a b".jpg' -> 'a%20b%22.jpg')."""
    return quote(name, safe="")


# --- JSON in a <script>, XML --------------------------------------------------------------------------

_JSON_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})


def json_script(value) -> str:
    """A value as JSON to stand inside <script>…</script>: no '</script>' or '<!--' can end or change
    the element (the same escapes as Jinja's tojson, plus the JavaScript line separators)."""
    return json.dumps(value, ensure_ascii=False).translate(_JSON_SCRIPT)


# Characters XML 1.0 does not allow at all (a feed with one of them is not XML).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """Text as XML character data or a quoted attribute value."""
    return _NOT_XML.sub("\ufffd", html.escape(text, quote=True))
