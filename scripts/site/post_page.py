"""A post's page in one language: heading, date and source, language notice, text, gallery, tags (pure)."""

from __future__ import annotations

import posixpath
import re

from ..content.load import original_text, text_hash
from ..content.model import DEFAULT_LANG, LANGS, Entry
from ..text.escape import escape_markdown, unescape_markdown
from ..text.hashtags import HASHTAG
from .fragments import (
    _ATTR_LINE,
    _attr,
    credit_text,
    date_line,
    front_matter,
    plain,
    version_for,
)
from .i18n import LANG_NAMES, date_text, lang_from, lang_in, lang_name_in, t
from .paths import cross_link, link, post_path, tag_path, url_of

# --- paths and links -----------------------------------------------------------------------------


# --- pieces -------------------------------------------------------------------------------------


def link_hashtags(markdown: str, resolve, here: str) -> str:
    """Hashtags in a body become links to their tag pages; the text as written stays."""
    def repl(m):
        tag = resolve(m.group(1))
        return f"[#{m.group(1)}]({link(here, tag_path(tag.slug))})"
    return HASHTAG.sub(repl, markdown)


def tag_chips(tags, lang: str, here: str) -> str:
    if not tags:
        return ""
    chips = " ".join(f"[{escape_markdown(tag.label(lang))}]({link(here, tag_path(tag.slug))}){{ .tag }}" for tag in tags)
    return f'<p class="tags" markdown="span">{chips}</p>\n'


def original_langs(entry: Entry) -> list[str]:
    """The languages the original is written in: its own, then any marked passages."""
    found = [entry.lang]
    for m in _ATTR_LINE.finditer(entry.original.body):
        if m.group(1) in LANGS and m.group(1) not in found:
            found.append(m.group(1))
    return found


def source_line(entry: Entry, lang: str) -> str:
    kind = t(lang, "source_kind").get(entry.source.get("kind"), entry.source.get("kind", ""))
    name = escape_markdown(str(entry.source.get("name", "")))
    url = entry.source.get("url")
    if url and re.match(r"^https?://[^\s()<>]+$", str(url)):
        name = f"[{name}](<{url}>)"
    return f"{t(lang, 'source')}: **{name}**, {kind}"


# --- pages --------------------------------------------------------------------------------------

def render_post(entry: Entry, lang: str, resolve) -> str:
    here = post_path(entry.id)
    version, fallback = version_for(entry, lang)
    title = version.title
    out = [front_matter(title=title, description=plain(version.body, 160) or title)]
    heading = escape_markdown(title)
    out.append(f"# {heading}" + (f" {{ lang={entry.lang} }}" if fallback else "") + "\n\n")
    out.append(f'<p class="post-meta" markdown="span">{date_line(entry, lang)}<br>{source_line(entry, lang)}. '
               f"{t(lang, 'voice')}</p>\n\n")
    out.append(_notice(entry, lang, here, fallback))
    for media in entry.missing_media:
        key = {"video": "video_missing", "photo": "photo_missing_media", "file": "file_missing"}[media]
        out.append(f'<p class="missing-media">{t(lang, key)}</p>\n\n')
    body = link_hashtags(version.body, resolve, here).strip()
    if body:
        if fallback:
            out.append(f'<div lang="{entry.lang}" markdown>\n\n{body}\n\n</div>\n\n')
        else:
            out.append(body + "\n\n")
    if entry.gallery:
        out.append(_gallery(entry, lang, version, fallback))
    if entry.commemorates:
        days = ", ".join(f'<time datetime="{d.isoformat()}">{date_text(lang, d)}</time>' for d in entry.commemorates)
        out.append(f'<p class="commemorates">{t(lang, "commemorates")}: {days}</p>\n\n')
    out.append(tag_chips(entry.tags, lang, here))
    return "".join(out)


def _notice(entry: Entry, lang: str, here: str, fallback: bool) -> str:
    if fallback:
        sentence = t(lang, "untranslated", lang=lang_name_in(lang, entry.lang))
    elif lang == entry.lang:
        sentence = lang_in(lang, original_langs(entry))
    else:
        sentence = lang_from(lang, entry.lang)
        if entry.versions[lang].original_hash != text_hash(original_text(entry.original)):
            sentence += " " + t(lang, "stale")
    versions = []
    for code in LANGS:
        status = (t(lang, "original") if code == entry.lang
                  else t(lang, "translation") if code in entry.versions else t(lang, "not_translated"))
        name = LANG_NAMES[code]
        if code == lang:
            versions.append(f'<strong lang="{code}">{name}</strong> ({status})')
        else:
            versions.append(f'[{name}]({cross_link(lang, here, code, here)}){{ hreflang={code} lang={code} }} ({status})')
    return (f'<aside class="lang-notice" markdown>\n{sentence}\n'
            f'{t(lang, "versions")}: {" · ".join(versions)}\n</aside>\n\n')


def image_src(entry: Entry, lang: str, image: str) -> str:
    """Images are written once, beside the default language's page: other languages link there."""
    here = url_of(lang, post_path(entry.id))
    there = url_of(DEFAULT_LANG, post_path(entry.id)) + image
    return posixpath.relpath(there, here.rstrip("/"))


def _gallery(entry: Entry, lang: str, version, fallback: bool) -> str:
    out = [f"## {t(lang, 'photos')}\n\n", '<div class="gallery" markdown>\n']
    boxes = []
    for item in entry.gallery:
        caption = version.captions.get(item.n) or entry.original.captions.get(item.n, "")
        cap_lang = entry.lang if (fallback or item.n not in version.captions) and lang != entry.lang else None
        credit = credit_text(item, lang)
        lang_attr = f' lang="{cap_lang}"' if cap_lang else ""
        cap_id = f' id="caption-{item.n}"' if item.image else ""  # the lightbox's description
        label = t(lang, "photo", n=item.n)
        if item.image:
            src = image_src(entry, lang, item.image)
            size = f' width="{item.width}" height="{item.height}"' if item.width and item.height else ""
            alt = _attr(unescape_markdown(caption) or label)
            picture = (f'<a class="photo-open" href="#view-{item.n}" aria-label="{_attr(label)}: {t(lang, "enlarge")}">'
                       f'<img src="{src}"{size} loading="lazy" alt="{alt}"></a>')
            # The enlarged copy names itself and points at the caption beside the photo instead of
            # carrying the caption's text a second time (the alt above is the first).
            boxes.append(f'<div class="lightbox" id="view-{item.n}" role="dialog" aria-label="{_attr(label)}" '
                         f'aria-describedby="caption-{item.n}">'
                         f'<a class="lightbox-close" href="#photo-{item.n}" aria-label="{t(lang, "close")}">×</a>'
                         f'<img src="{src}"{size} loading="lazy" alt="{_attr(label)}"></div>\n')
        else:
            holder = item.agency
            held = t(lang, "photo_held", holder=escape_markdown(holder)) if holder else t(lang, "photo_held_unknown")
            picture = (f'<div class="photo-missing" markdown="span"><span class="photo-n">{label}</span>'
                       f"<br>{held}</div>")
        out.append(
            f'<figure class="photo" id="photo-{item.n}" markdown>\n{picture}\n'
            f'<figcaption markdown="span"><span{cap_id}{lang_attr}>{caption}</span>'
            f'<br><small class="credit">{credit}</small></figcaption>\n'
            "</figure>\n"
        )
    out.append("</div>\n\n")
    out += boxes
    if boxes:
        out.append("\n")
    return "".join(out)


