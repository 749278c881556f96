"""Render the generated Markdown pages (pure: objects in, text out)."""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import lru_cache

from .content import original_text, text_hash
from .i18n import LANG_NAMES, date_text, lang_from, lang_in, lang_name_in, plural, t
from .model import DEFAULT_LANG, LANGS, Entry, Tag
from .text import HASHTAG, escape_markdown, unescape_markdown

PAGE_SIZE = 50  # posts per list page: no page grows with the archive
HOME_LATEST = 10
_ATTR_LINE = re.compile(r"^\{:?\s*lang=(\w+)\s*\}$", re.MULTILINE)


# --- paths and links -----------------------------------------------------------------------------

def post_path(post_id: str) -> str:
    return f"posts/{post_id}.md"


def tag_path(slug: str, page: int = 1) -> str:
    return f"tags/{slug}.md" if page == 1 else f"tags/{slug}/{page}.md"


def archive_path(page: int = 1) -> str:
    return "archive/index.md" if page == 1 else f"archive/{page}.md"


def url_of(lang: str, path: str) -> str:
    """The site URL (relative to the site root) of a generated page in a language."""
    if path == "index.md" or path.endswith("/index.md"):
        url = path[:-8]
    elif path.endswith(".md"):
        url = path[:-3] + "/"
    else:
        url = path
    return url if lang == DEFAULT_LANG else f"{lang}/{url}"


def link(from_path: str, to_path: str) -> str:
    """A relative link between two pages of one language, to the .md file (MkDocs checks it)."""
    return _relative(from_path.rpartition("/")[0], to_path)


@lru_cache(maxsize=65536)
def _relative(from_dir: str, to_path: str) -> str:
    # posixpath.relpath, for the clean relative paths of generated pages, without its abspath calls
    # (it was a quarter of the generator's time at 1,000 posts).
    here = from_dir.split("/") if from_dir else []
    there = to_path.split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    return "../" * (len(here) - common) + "/".join(there[common:])


def cross_link(from_lang: str, from_path: str, to_lang: str, to_path: str) -> str:
    """A relative link from a page to a page of another language (a directory URL)."""
    here = url_of(from_lang, from_path).rstrip("/")
    there = url_of(to_lang, to_path).rstrip("/")
    rel = _relative(here, there + "/_")[:-1] if there else "../" * (here.count("/") + 1 if here else 0)
    return rel or "./"


# --- pieces -------------------------------------------------------------------------------------

def front_matter(**fields) -> str:
    """YAML front matter. Values are written as JSON, which YAML reads as it is (strings double-quoted)."""
    lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in fields.items()
             if value not in (None, "", [])]
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def link_hashtags(markdown: str, resolve, here: str) -> str:
    """Hashtags in a body become links to their tag pages; the text as written stays."""
    def repl(m):
        tag = resolve(m.group(1))
        return f"[#{m.group(1)}]({link(here, tag_path(tag.slug))})"
    return HASHTAG.sub(repl, markdown)


def plain(markdown: str, limit: int = 240) -> str:
    """Plain text of a Markdown body, for excerpts and descriptions."""
    text = markdown[: limit * 3]  # escapes and spaces never triple the length
    if "{" in text:
        text = _ATTR_LINE.sub("", text)
    text = unescape_markdown(" ".join(text.split())).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",;:–—-") + "…"
    return text


def tag_chips(tags, lang: str, here: str) -> str:
    if not tags:
        return ""
    chips = " ".join(f"[{_label(tag, lang)}]({link(here, tag_path(tag.slug))}){{ .tag }}" for tag in tags)
    return f'<p class="tags" markdown="span">{chips}</p>\n'


def version_for(entry: Entry, lang: str):
    """(the text to show on the lang page, whether it is a fallback to the original)."""
    if lang in entry.versions:
        return entry.versions[lang], False
    return entry.original, True


def original_langs(entry: Entry) -> list[str]:
    """The languages the original is written in: its own, then any marked passages."""
    found = [entry.lang]
    for m in _ATTR_LINE.finditer(entry.original.body):
        if m.group(1) in LANGS and m.group(1) not in found:
            found.append(m.group(1))
    return found


def date_line(entry: Entry, lang: str, as_html: bool = False) -> str:
    if entry.date is None:
        return t(lang, "undated")
    text = f'<time datetime="{entry.date.isoformat()}">{date_text(lang, entry.date)}</time>'
    if entry.time:
        text += f", {html.escape(entry.time) if as_html else escape_markdown(entry.time)}"
    if entry.date_inferred:
        text += f' <span class="inferred" title="{_attr(entry.date_inferred)}">({t(lang, "date_inferred")})</span>'
    return text


def _attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("{", "&#123;").replace("}", "&#125;").replace("[", "&#91;").replace("]", "&#93;")
            .replace("*", "&#42;").replace("_", "&#95;").replace("`", "&#96;").replace("\\", "&#92;"))


def source_line(entry: Entry, lang: str) -> str:
    kind = t(lang, "source_kind").get(entry.source.get("kind"), entry.source.get("kind", ""))
    name = escape_markdown(str(entry.source.get("name", "")))
    url = entry.source.get("url")
    if url and re.match(r"^https?://[^\s()<>]+$", str(url)):
        name = f"[{name}](<{url}>)"
    return f"{t(lang, 'source')}: **{name}**, {kind}"


ROOT = "\x00root\x00"  # stands for the relative path to the language root inside a cached card


def list_item(entry: Entry, lang: str, here: str, level: int = 2) -> str:
    """A post's card in a list: rendered once per post and language, then placed at any depth.

    Cards are plain HTML with the pages' final addresses: on list pages Markdown conversion and
    MkDocs' link resolution were 70% of the build's Markdown time (the build test checks these links)."""
    depth = url_of(DEFAULT_LANG, here).count("/")
    return _card(entry, lang, level).replace(ROOT, "../" * depth)


def clear_caches():
    """Cards hold loaded entries: start each generation afresh."""
    _card.cache_clear()
    _label.cache_clear()


@lru_cache(maxsize=None)
def _card(entry: Entry, lang: str, level: int) -> str:
    e = html.escape
    version, fallback = version_for(entry, lang)
    lang_attr = f' lang="{entry.lang}"' if fallback else ""
    excerpt = plain(version.body) if version.body.strip() else ""
    chips = " ".join(f'<a class="tag" href="{ROOT}{url_of(DEFAULT_LANG, tag_path(tag.slug))}">{e(tag.label(lang))}</a>'
                     for tag in entry.tags)
    return (f'<article class="post-card"{lang_attr}>\n'
            f'<h{level}><a href="{ROOT}{url_of(DEFAULT_LANG, post_path(entry.id))}">{e(version.title)}</a></h{level}>\n'
            f'<p class="post-meta">{date_line(entry, lang, as_html=True)} · {e(str(entry.source.get("name", "")))}</p>\n'
            + (f"<p>{e(excerpt)}</p>\n" if excerpt else "")
            + (f'<p class="tags">{chips}</p>\n' if chips else "")
            + "</article>\n")


@lru_cache(maxsize=65536)
def _label(tag: Tag, lang: str) -> str:
    return escape_markdown(tag.label(lang))


def pager(lang: str, page: int, total: int, path_of) -> str:
    if total <= 1:
        return ""
    here = path_of(page)
    parts = []
    if page > 1:
        parts.append(f"[← {t(lang, 'newer')}]({link(here, path_of(page - 1))})")
    parts.append(t(lang, "page", n=page, total=total))
    if page < total:
        parts.append(f"[{t(lang, 'older')} →]({link(here, path_of(page + 1))})")
    return f'\n<nav class="pager" markdown="span">{" · ".join(parts)}</nav>\n'


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
        label = t(lang, "photo", n=item.n)
        if item.image:
            src = image_src(entry, lang, item.image)
            size = f' width="{item.width}" height="{item.height}"' if item.width and item.height else ""
            alt = _attr(unescape_markdown(caption) or label)
            picture = (f'<a class="photo-open" href="#view-{item.n}" aria-label="{_attr(label)}: {t(lang, "enlarge")}">'
                       f'<img src="{src}"{size} loading="lazy" alt="{alt}"></a>')
            boxes.append(f'<div class="lightbox" id="view-{item.n}" role="dialog" aria-label="{_attr(label)}">'
                         f'<a class="lightbox-close" href="#photo-{item.n}" aria-label="{t(lang, "close")}">×</a>'
                         f'<img src="{src}"{size} loading="lazy" alt="{alt}"></div>\n')
        else:
            holder = item.agency
            held = t(lang, "photo_held", holder=escape_markdown(holder)) if holder else t(lang, "photo_held_unknown")
            picture = (f'<div class="photo-missing" markdown="span"><span class="photo-n">{label}</span>'
                       f"<br>{held}</div>")
        out.append(
            f'<figure class="photo" id="photo-{item.n}" markdown>\n{picture}\n'
            f'<figcaption markdown="span"><span{lang_attr}>{caption}</span>'
            f'<br><small class="credit">{credit}</small></figcaption>\n'
            "</figure>\n"
        )
    out.append("</div>\n\n")
    out += boxes
    if boxes:
        out.append("\n")
    return "".join(out)


def credit_text(item, lang: str) -> str:
    """'© Agency / Photographer', or 'Public domain / Photographer' where a rights statement replaces the ©."""
    parts = []
    if item.agency:
        parts.append(escape_markdown(item.agency))
    if item.rights:
        parts.append(escape_markdown(t(lang, "rights").get(item.rights, item.rights)))
    who = item.photographer_in(lang)
    if who:
        parts.append(escape_markdown(who))
    return ("© " if item.agency else "") + " / ".join(parts)


def render_home(entries, lang: str) -> str:
    here = "index.md"
    out = [front_matter(title=t(lang, "home_title"), description=t(lang, "home_intro")[:160],
                        hide=["toc"]), f"# {t(lang, 'home_title')}\n\n", t(lang, "home_intro") + "\n\n"]
    out.append(f"## {t(lang, 'latest')}\n\n")
    for entry in entries[:HOME_LATEST]:
        out.append(list_item(entry, lang, here, level=3) + "\n")
    out.append(f"[{t(lang, 'all_posts')} ({plural(lang, 'posts_count', len(entries))})]"
               f"({link(here, archive_path())}) · [{t(lang, 'tags_title')}]({link(here, 'tags/index.md')})\n")
    return "".join(out)


def render_list_pages(entries, lang: str, title: str, intro: str, path_of) -> dict[str, str]:
    """Paginated post lists: {path: markdown}."""
    pages = max(1, -(-len(entries) // PAGE_SIZE))
    out = {}
    for page in range(1, pages + 1):
        here = path_of(page)
        chunk = entries[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        text = [front_matter(title=title if page == 1 else f"{title} ({t(lang, 'page', n=page, total=pages)})",
                             hide=["toc"]), f"# {escape_markdown(title)}\n\n", intro + "\n\n"]
        text += [list_item(e, lang, here) + "\n" for e in chunk]
        text.append(pager(lang, page, pages, path_of))
        out[here] = "".join(text)
    return out


INDEX_PAGE_SIZE = 300  # entries per page of an index of tags, sources or photographers


def render_tags_index(tag_counts: list[tuple[Tag, int]], lang: str) -> dict[str, str]:
    """tags/index.md and, past INDEX_PAGE_SIZE tags, tags/page/N.md: most used first."""
    ordered = sorted(tag_counts, key=lambda tc: (-tc[1], tc[0].label(lang).casefold(), tc[0].slug))
    pages = max(1, -(-len(ordered) // INDEX_PAGE_SIZE))
    path_of = lambda page: "tags/index.md" if page == 1 else f"tags/page/{page}.md"  # noqa: E731
    out = {}
    for page in range(1, pages + 1):
        here = path_of(page)
        text = [front_matter(title=t(lang, "tags_title"), hide=["toc"]), f"# {t(lang, 'tags_title')}\n\n",
                t(lang, "tags_intro") + "\n\n", '<ul class="tag-index" markdown>\n']
        for tag, n in ordered[(page - 1) * INDEX_PAGE_SIZE: page * INDEX_PAGE_SIZE]:
            text.append(f'<li markdown="span">[{escape_markdown(tag.label(lang))}]({link(here, tag_path(tag.slug))})'
                        f' <span class="count">{plural(lang, "posts_count", n)}</span></li>\n')
        text.append("</ul>\n")
        text.append(pager(lang, page, pages, path_of))
        out[here] = "".join(text)
    return out
