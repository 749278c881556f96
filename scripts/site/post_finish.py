"""A built post page finished with what needs the site's address: citation_* meta and JSON-LD in the
head, the 'Cite this' block in place of its placeholder (pure, on HTML text)."""

from __future__ import annotations

from ..content.model import DEFAULT_LANG, LANGS
from . import citation, jsonld, provenance
from .post_page import CITE_PLACEHOLDER


def post_of(url: str, by_id: dict):
    """(entry, lang) of a post page's URL ('posts/x/', 'ru/posts/x/'), or None."""
    parts = url.strip("/").split("/")
    if parts and parts[0] in LANGS and parts[0] != DEFAULT_LANG:
        lang, parts = parts[0], parts[1:]
    else:
        lang = DEFAULT_LANG
    if len(parts) == 2 and parts[0] == "posts" and parts[1] in by_id:
        return by_id[parts[1]], lang
    return None


def finish_post(output: str, entry, lang: str, base: str, sources: dict | None) -> str:
    c = citation.citation_of(entry, lang, base, sources)
    head = citation.meta_tags(c) + jsonld.script_tag(jsonld.post_jsonld(entry, lang, base, sources))
    output = output.replace("</head>", head + "\n  </head>", 1)
    bib, csl = (provenance.from_page(lang, entry, path) for path in citation.cite_files(entry, lang))
    return output.replace(CITE_PLACEHOLDER, citation.cite_block(c, lang, bib, csl), 1)
