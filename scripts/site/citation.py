"""Citing a post: one record per post and language, written as the page's 'Cite this' block, BibTeX,
CSL-JSON and Highwire citation_* meta (pure; the plugin gives the site's address)."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from ..content.model import Entry
from . import provenance
from .i18n import _FROM, date_text, t
from .paths import post_path, url_of

CSL_TYPE = {"gallery-article": "article-newspaper", "news-article-html": "article-newspaper"}  # the others are CSL's "post" (a social-media post)
BIB_LANG = {"en": "english", "ru": "russian", "tr": "turkish"}


@dataclass(frozen=True)
class Citation:
    key: str
    author: str  # the source, named in the page's language
    title: str
    date: object  # datetime.date or None
    lang: str  # the language of this version
    url: str  # the archive page's absolute address
    genre: str
    container: str  # the source's name as it signs its posts
    translated_from: str | None  # the original's language, for a translation
    site: str
    site_url: str
    original_url: str | None
    csl_type: str
    tags: tuple = ()
    page_lang: str = "en"  # the language of the page cited (its interface, the citation's words)


def page_url(base: str, lang: str, entry: Entry) -> str:
    return base + url_of(lang, post_path(entry.id))


def citation_of(entry: Entry, lang: str, base: str, sources: dict | None) -> Citation:
    version = entry.versions.get(lang) or entry.original
    shown = lang if lang in entry.versions else entry.lang
    kind = entry.source.get("kind", "manual")
    return Citation(
        key=f"{entry.id}-{lang}",
        author=provenance.source_name(entry, lang, sources),
        title=version.title,
        date=entry.date,
        lang=shown,
        url=page_url(base, lang, entry),
        genre=t(lang, "cite_genre").get(kind, kind),
        container=str(entry.source.get("name", "")),
        translated_from=entry.lang if shown != entry.lang else None,
        site=t(lang, "site_name"),
        site_url=base + ("" if lang == "en" else f"{lang}/"),
        original_url=provenance.original_url(entry),
        csl_type=CSL_TYPE.get(kind, "post"),
        tags=tuple(tag.label(lang) for tag in entry.tags),
        page_lang=lang,
    )


def _translated(c: Citation, lang: str) -> str:
    return t(lang, "cite_translated", lang=_FROM[lang][c.translated_from]) if c.translated_from else ""


def citation_text(c: Citation, lang: str) -> str:
    """The citation as a reader copies it, in the page's language (plain text)."""
    translated = _translated(c, lang)
    date = date_text(lang, c.date) if c.date else t(lang, "cite_undated")
    text = t(lang, "cite_format", author=c.author, title=c.title, genre=c.genre, date=date,
             translated=translated, site=c.site, url=c.url, accessed=t(lang, "cite_accessed"))
    return _DOUBLE_STOP.sub(".", text)  # '9 мая 2023 г.' before the format's own full stop


_DOUBLE_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


# --- BibTeX ---------------------------------------------------------------------------------------

_BIB_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "$": r"\$", "&": r"\&",
                "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}"}


_SPACES = re.compile(r"[ \t\r\n]+")  # line breaks fold; a no-break space stays one


def bib_escape(text: str) -> str:
    """Text as a BibTeX field value: braces and TeX specials escaped, so the braces of the entry balance."""
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in _SPACES.sub(" ", str(text)).strip())


def bibtex(c: Citation) -> str:
    fields = [("author", "{" + bib_escape(c.author) + "}"),  # double braces: an organization, not "Last, First"
              ("title", bib_escape(c.title)),
              ("howpublished", bib_escape(f"{c.genre}, {c.container}")),
              ("organization", bib_escape(c.container))]
    if c.date:
        fields += [("year", str(c.date.year)), ("month", str(c.date.month)), ("date", c.date.isoformat())]
    fields += [("url", bib_escape(c.url)), ("language", BIB_LANG.get(c.lang, c.lang))]
    note = [c.site + "."]
    if c.translated_from:
        note.append(_translated(c, c.page_lang).strip())
    if c.original_url:
        note.append(c.original_url)
    fields.append(("note", bib_escape(" ".join(note))))
    if c.tags:
        fields.append(("keywords", bib_escape(", ".join(c.tags))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{c.key},\n{body}\n}}\n"


# --- CSL-JSON -------------------------------------------------------------------------------------

def csl(c: Citation) -> dict:
    item = {"id": c.key, "type": c.csl_type, "title": c.title, "author": [{"literal": c.author}],
            "container-title": c.container, "genre": c.genre, "URL": c.url, "language": c.lang,
            "publisher": c.site}
    if c.date:
        item["issued"] = {"date-parts": [[c.date.year, c.date.month, c.date.day]]}
    if c.translated_from:
        item["note"] = _translated(c, c.page_lang).strip()
    if c.original_url:
        item["source"] = c.original_url
    if c.tags:
        item["keyword"] = ", ".join(c.tags)
    return item


def csl_json(c: Citation) -> str:
    return json.dumps([csl(c)], ensure_ascii=False, indent=2) + "\n"


# --- Highwire meta and the page's block ------------------------------------------------------------

def highwire(c: Citation) -> list[tuple[str, str]]:
    """The citation_* meta Google Scholar and Zotero's Embedded Metadata translator read."""
    tags = [("citation_title", c.title), ("citation_author", c.author)]
    if c.date:
        tags.append(("citation_publication_date", c.date.strftime("%Y/%m/%d")))
    tags += [("citation_language", c.lang), ("citation_public_url", c.url), ("citation_publisher", c.site)]
    tags += [("citation_keywords", tag) for tag in c.tags]
    return tags


def meta_tags(c: Citation) -> str:
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    return "".join(f'\n    <meta name="{name}" content="{e(value)}">' for name, value in highwire(c))


def cite_block(c: Citation, lang: str, bib_href: str, csl_href: str) -> str:
    """The 'Cite this' section of a post page (HTML: it replaces post_page.CITE_PLACEHOLDER)."""
    e = lambda s: html.escape(s, quote=True)  # noqa: E731
    return (f'<h2 id="cite">{e(t(lang, "cite_heading"))}</h2>\n'
            f'<div class="cite-this">\n<p>{e(t(lang, "cite_intro"))}</p>\n'
            f'<blockquote class="citation"><p>{e(citation_text(c, lang))}</p></blockquote>\n'
            f'<p class="cite-downloads">{e(t(lang, "cite_download"))}: '
            f'<a href="{e(bib_href)}" download type="application/x-bibtex">BibTeX</a> · '
            f'<a href="{e(csl_href)}" download type="application/vnd.citationstyles.csl+json">CSL-JSON</a></p>\n'
            "</div>")


def cite_files(entry: Entry, lang: str) -> tuple[str, str]:
    """Where a post's citation downloads are, from the site root (beside its images, once per language)."""
    return f"posts/{entry.id}/cite.{lang}.bib", f"posts/{entry.id}/cite.{lang}.json"
