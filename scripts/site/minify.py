"""Finishing the built site: each page's HTML minified as MkDocs writes it (the archive plugin's
on_post_page), with tdewolff's minifier (the one Hugo uses), through its Python binding.

Why this minifier: it keeps attribute quotes, attribute order, end tags and <html>/<head>/<body> when
asked to, so the built HTML still reads as Material wrote it, less its whitespace; the site's own
after-build steps (head.py's not-found pages) and the tests read it that way. minify-html (the other
fast one) sorts attributes and drops their quotes, with no option to keep them; mkdocs-minify-plugin
runs htmlmin, pure Python and several times slower per page.

Every <script> element passes through byte for byte: the minifier would rewrite inline JavaScript
and JSON, and a Content-Security-Policy hash of an inline script, taken before or after this step,
must stay the hash of the script the reader gets."""

from __future__ import annotations

import re

import minify as _tdewolff

OPTIONS = {
    "html-keep-quotes": True,  # href="..." stays quoted: readers of the built HTML match it
    "html-keep-end-tags": True,
    "html-keep-document-tags": True,
    "html-keep-default-attr-vals": True,  # type="checkbox", type="text": Material's CSS selects on some
    "html-keep-whitespace": False,
}
_configured = False
# A script element ends at the first </script (HTML's own rule: a script's text cannot contain it).
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script\s*>", re.S | re.I)
_KEPT = '<script data-archive-kept="{}"></script>'


def minify_page(html: str) -> str:
    """The page's HTML without the whitespace and markup a browser does not need; scripts unchanged."""
    global _configured
    if not _configured:
        _tdewolff.config(OPTIONS)
        _configured = True
    scripts = _SCRIPT.findall(html)
    if scripts:
        parts = _SCRIPT.split(html)
        html = "".join(part + (_KEPT.format(i) if i < len(scripts) else "") for i, part in enumerate(parts))
    out = _tdewolff.string("text/html", html)
    for i, script in enumerate(scripts):
        placeholder = _KEPT.format(i)
        if out.count(placeholder) != 1:
            raise RuntimeError(f"minify: script {i} of the page was not kept in place")
        out = out.replace(placeholder, script, 1)
    return out
