"""A post's page in one language: heading, date and source, language notice, text, gallery, tags (pure)."""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date

from ..content.load import original_text, text_hash
from ..content.model import LANGS, Entry
from ..text.escape import (
    escape_markdown,
    html_attr,
    markdown_without_html,
    safe_url,
    unescape_markdown,
)
from ..text.hashtags import HASHTAG
from . import provenance
from .fragments import (
    _ATTR_LINE,
    date_line,
    front_matter,
    plain,
    version_for,
)
from .i18n import _FROM, LANG_NAMES, date_text, lang_from, lang_in, lang_name_in, t
from .index_pages import credit_links, source_slug
from .navigation import Ways, render_breadcrumbs, render_ways_on
from .paths import cross_link, link, post_path, tag_path
from .photos import render_download, render_picture
from .search_terms import search_extras

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


def source_line(entry: Entry, lang: str, sources: dict | None = None) -> str:
    kind = t(lang, "source_kind").get(entry.source.get("kind"), entry.source.get("kind", ""))
    name = escape_markdown(provenance.source_name(entry, lang, sources))
    url = safe_url(entry.source.get("url") or "")
    if url and re.match(r"^https?://[^\s()<>]+$", url):
        name = f"[{name}](<{url}>)"
    return f"{t(lang, 'source')}: **{name}**, {kind}"


# --- pages --------------------------------------------------------------------------------------

def render_post(entry: Entry, lang: str, resolve, sources: dict | None = None, ways: Ways | None = None) -> str:
    """`sources`: the source registry (content/sources.yml), for whose words these are; `ways`: the ways on
    (previous, next, related posts)."""
    here = post_path(entry.id)
    version, fallback = version_for(entry, lang)
    title = version.title
    out = [front_matter(title=title, description=plain(version.body, 160) or title)]
    heading = escape_markdown(title)
    out.append(render_breadcrumbs(entry, lang))
    out.append(f"# {heading}" + (f" {{ lang={entry.lang} }}" if fallback else "") + "\n\n")
    source = provenance.source_of(entry, sources)
    voice = provenance.whose_words(entry, lang, sources) if source and source.about.get(lang) else t(lang, "voice")
    out.append(f'<p class="post-meta" markdown="span">{date_line(entry, lang, reason=True)}<br>{source_line(entry, lang, sources)}. '
               f"{voice}</p>\n\n")
    out.append(_notice(entry, lang, here, fallback))
    for media in entry.missing_media:
        key = {"video": "video_missing", "photo": "photo_missing_media", "file": "file_missing"}[media]
        out.append(f'<p class="missing-media">{t(lang, key)}{provenance.media_pointer(entry, lang)}</p>\n\n')
    body = link_hashtags(markdown_without_html(version.body), resolve, here).strip()
    if body:
        if fallback:
            out.append(f'<div lang="{entry.lang}" markdown>\n\n{body}\n\n</div>\n\n')
        else:
            out.append(body + "\n\n")
    if entry.gallery:
        out.append(_gallery(entry, lang, version, fallback))
    if entry.commemorates:
        days = ", ".join(f'<time datetime="{d.isoformat()}">{date_text(lang, d)}</time>' for d in entry.commemorates)
        label = t(lang, "commemorates")["one" if len(entry.commemorates) == 1 else "other"]  # one date or several, not CLDR plurals
        out.append(f'<p class="commemorates">{label}: {days}</p>\n\n')
    out.append(tag_chips(entry.tags, lang, here))
    out.append(provenance.render_provenance(entry, lang, sources, f"sources/{source_slug(entry)}.md"))
    out.append(CITE_PLACEHOLDER + "\n")  # the citation needs the site's address: the plugin fills it in (citation.py)
    out.append(search_extras(entry, lang, version))
    if ways is not None:
        out.append('\n<div class="ways-on" markdown>\n\n' + render_ways_on(entry, lang, ways) + "\n</div>\n")
    return "".join(out)


CITE_PLACEHOLDER = '<div class="cite-this" id="cite"></div>'



def _notice(entry: Entry, lang: str, here: str, fallback: bool) -> str:
    if fallback:
        sentence = t(lang, "untranslated", lang=lang_name_in(lang, entry.lang))
    elif lang == entry.lang:
        sentence = lang_in(lang, original_langs(entry))
    else:
        sentence = credit_line(lang, entry.lang, entry.versions[lang]) or lang_from(lang, entry.lang)
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


def credit_line(lang: str, source_lang: str, version) -> str | None:
    """'Translated from English by …, December 2026.' in the page's language; None without a translator.
    The name is contributor text: Markdown-escaped."""
    who = version.translated_by
    if not who:
        return None
    who = t(lang, f"translator_{who}") if who in ("volunteer", "volunteers") else escape_markdown(who)
    kind = "credit_machine" if version.translation_method == "machine-reviewed" else "credit_hand"
    when = version.translated_on
    if not when:
        line = t(lang, f"{kind}_undated", lang=_FROM[lang][source_lang], who=who)
    else:
        year, month, *day = (int(x) for x in when.split("-"))
        date = dt.date(year, month, day[0] if day else 1)
        when_text = date_text(lang, date) if day else format_date(date, "LLLL y", locale=lang)
        line = t(lang, kind, lang=_FROM[lang][source_lang], who=who, when=when_text)
    # A sentence ending in an abbreviation ("2026 г.", "Smith Jr.") takes one full stop, not two.
    return line[:-1] if line.endswith("..") else line


def _gallery(entry: Entry, lang: str, version, fallback: bool) -> str:
    if not any(item.image or item.file for item in entry.gallery):  # the archive holds none of them
        return _caption_list(entry, lang, version, fallback)
    out = [f"## {t(lang, 'photos')}\n\n", '<div class="gallery" markdown>\n']
    boxes = []
    for item in entry.gallery:
        caption, lang_attr = _caption(entry, lang, version, fallback, item)
        credit = credit_links(item, lang, post_path(entry.id))
        cap_id = f' id="caption-{item.n}"' if item.image else ""  # the lightbox's description
        label = t(lang, "photo", n=item.n)
        if item.image:
            alt = html_attr(unescape_markdown(caption) or label)
            picture = (f'<a class="photo-open" href="#view-{item.n}" aria-label="{html_attr(label)}: {html_attr(t(lang, "enlarge"))}">'
                       f'{render_picture(entry, lang, item, alt)}</a>')
            # The enlarged copy names itself and points at the caption beside the photo instead of
            # carrying the caption's text a second time (the alt above is the first).
            boxes.append(f'<div class="lightbox" id="view-{item.n}" role="dialog" aria-label="{html_attr(label)}" '
                         f'aria-describedby="caption-{item.n}">'
                         f'<a class="lightbox-close" href="#photo-{item.n}" aria-label="{html_attr(t(lang, "close"))}">×</a>'
                         f'{render_picture(entry, lang, item, html_attr(label), largest=True)}</div>\n')
        elif item.file:
            picture = (f'<div class="photo-missing" markdown="span"><span class="photo-n">{label}</span>'
                       f"<br>{render_download(entry, lang, item)}</div>")
        else:
            holder = item.agency
            held = t(lang, "photo_held", holder=escape_markdown(holder)) if holder else t(lang, "photo_held_unknown")
            if provenance.original_url(entry):
                held += provenance.media_pointer(entry, lang)
            picture = (f'<div class="photo-missing" markdown="span"><span class="photo-n">{label}</span>'
                       f"<br>{held}</div>")
        out.append(
            f'<figure class="photo" id="photo-{item.n}" markdown>\n{picture}\n'
            f'<figcaption markdown="span"><span{cap_id}{lang_attr}>{caption}</span>'
            f'<br><small class="credit">{credit}{provenance.photo_rights(item, lang)}</small></figcaption>\n'
            "</figure>\n"
        )
    out.append("</div>\n\n")
    out += boxes
    if boxes:
        out.append("\n")
    return "".join(out)


def _caption(entry: Entry, lang: str, version, fallback: bool, item) -> tuple[str, str]:
    caption = markdown_without_html(version.captions.get(item.n) or entry.original.captions.get(item.n, ""))
    cap_lang = entry.lang if (fallback or item.n not in version.captions) and lang != entry.lang else None
    return caption, (f' lang="{cap_lang}"' if cap_lang else "")


def _caption_list(entry: Entry, lang: str, version, fallback: bool) -> str:
    """A gallery whose photos the archive does not hold: a compact numbered list of captions and credits
    (no empty boxes), after a line saying where the photos were published."""
    here = post_path(entry.id)
    name = escape_markdown(str(entry.source.get("name", "")))
    url = safe_url(entry.source.get("url") or "")
    where = (f"[{name}](<{url}>)" if url and re.match(r"^https?://[^\s()<>]+$", url)
             else f"[{name}]({link(here, 'sources/' + source_slug(entry) + '.md')})")
    out = [f"## {t(lang, 'photos')}\n\n",
           f'<p class="photos-elsewhere" markdown="span">{t(lang, "photos_elsewhere", n=len(entry.gallery), source=where)}</p>\n\n',
           '<ol class="photo-list" markdown>\n']
    for item in entry.gallery:
        caption, lang_attr = _caption(entry, lang, version, fallback, item)
        out.append(f'<li id="photo-{item.n}" value="{item.n}" markdown="span"><span{lang_attr}>{caption}</span> '
                   f'<small class="credit">{credit_links(item, lang, here)}{provenance.photo_rights(item, lang)}</small></li>\n')
    out.append("</ol>\n\n")
    return "".join(out)
