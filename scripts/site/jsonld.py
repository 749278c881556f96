"""schema.org JSON-LD for a post page: the post (SocialMediaPosting or NewsArticle), its source, rights,
language versions, the original and the archived copy, and its photographs (pure)."""

from __future__ import annotations

import json

from ..content.model import LANGS, Entry
from ..content.rights import ARCHIVE_LICENSE
from ..text.escape import unescape_markdown
from . import provenance
from .citation import page_url
from .fragments import plain
from .i18n import t

TYPE = {"gallery-article": "NewsArticle", "news-article-html": "NewsArticle"}  # Telegram posts and the rest: SocialMediaPosting
PAGE_ID = "#post"


def _source_node(entry: Entry, lang: str, sources: dict | None) -> dict:
    source = provenance.source_of(entry, sources)
    written = str(entry.source.get("name", ""))
    node = {"@type": "Organization", "name": provenance.source_name(entry, lang, sources)}
    if node["name"] != written:
        node["alternateName"] = written
    if source is not None:
        if source.about.get(lang):
            node["description"] = source.about[lang]
        if source.url:
            node["url"] = source.url
    return node


def _photos(entry: Entry, lang: str, version, base: str) -> dict:
    items = []
    for item in entry.gallery:
        caption = unescape_markdown(version.captions.get(item.n) or entry.original.captions.get(item.n, ""))
        who = item.photographer_in(lang)
        photo = {"@type": "Photograph", "position": item.n, "caption": caption,
                 "creditText": " / ".join(p for p in (item.agency, who) if p)}
        if who:
            photo["creator"] = {"@type": "Person", "name": who}
        if item.agency:
            photo["copyrightHolder"] = {"@type": "Organization", "name": item.agency}
        if item.rights:
            photo["license"] = item.rights
        if item.image:
            photo["contentUrl"] = base + f"posts/{entry.id}/{item.image}"
        items.append(photo)
    return {"@type": "ImageGallery", "name": t(lang, "photos"), "associatedMedia": items}


def post_jsonld(entry: Entry, lang: str, base: str, sources: dict | None) -> dict:
    version = entry.versions.get(lang) or entry.original
    shown = lang if lang in entry.versions else entry.lang
    url = page_url(base, lang, entry)
    source = _source_node(entry, lang, sources)
    node = {
        "@context": "https://schema.org",
        "@type": TYPE.get(entry.source.get("kind"), "SocialMediaPosting"),
        "@id": url + PAGE_ID,
        "url": url,
        "mainEntityOfPage": url,
        "headline": version.title[:110],
        "name": version.title,  # titles are plain text; captions and bodies are Markdown
        "inLanguage": shown,
        "author": source,
        "copyrightHolder": source,
        "creditText": source["name"],
        "isPartOf": {"@type": "WebSite", "name": t(lang, "site_name"), "url": base},
    }
    description = plain(version.body, 160)  # the page's meta description, not a longer second summary
    if description:
        node["description"] = description
    if entry.date:
        node["datePublished"] = entry.date.isoformat()
    if entry.rights:
        node["license"] = entry.rights
    based_on = []
    original = provenance.original_url(entry)
    if original:
        based_on.append(original)
    raw = provenance.raw_site_path(entry)
    if raw:
        copy = {"@type": "MediaObject", "name": provenance.raw_name(entry), "contentUrl": base + raw,
                "encodingFormat": "text/plain"}
        if entry.raw_sha256:
            copy["sha256"] = entry.raw_sha256
        based_on.append(copy)
    if based_on:
        node["isBasedOn"] = based_on
    others = [code for code in LANGS if code in entry.versions and code != shown]
    if shown != entry.lang:
        node["translationOfWork"] = {"@id": page_url(base, entry.lang, entry) + PAGE_ID, "inLanguage": entry.lang}
        node["translator"] = {"@type": "Organization", "name": t(lang, "site_name"), "url": base}
        node["license"] = [v for v in (entry.rights, ARCHIVE_LICENSE) if v]  # the source's words, the archive's rendering
    else:
        node["workTranslation"] = [{"@id": page_url(base, code, entry) + PAGE_ID, "inLanguage": code} for code in others]
    if entry.tags:
        node["keywords"] = [tag.label(lang) for tag in entry.tags]
    if entry.gallery:
        node["hasPart"] = _photos(entry, lang, version, base)
    return node


def script_tag(data: dict) -> str:
    """JSON inside <script type="application/ld+json">: <, > and & escaped, so no text can close the
    script or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'\n    <script type="application/ld+json">{text}</script>'
