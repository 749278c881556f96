"""Parse a saved news article with a photo gallery (a browser's "Save page as", complete or HTML only):
title, date, address and intro from its Open Graph and JSON-LD metadata, photos from its <figure>s."""

from __future__ import annotations

import datetime as dt
import json
import re

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString, Script, Stylesheet, TemplateString

from ..content.model import ContentError, Photo, Post, Span
from ..content.schema import is_web_address
from ..text.dates import dates_in
from ..text.normalize import normalize_line
from . import spans
from .common import saved_file, title_from
from .gallery_article import COUNTER, MEDIABANK, check_counters, split_credit

KIND = "news-article-html"
SOURCE = "article.html"  # parse() has no path: detect.parse_source puts the real one in its errors
EXPECTED = "expected a saved news article page with Open Graph or JSON-LD NewsArticle metadata"
_LOOKS = re.compile(r"""property\s*=\s*["']?og:type["']?[^>]*content\s*=\s*["']?article|content\s*=\s*["']?article["']?"""
                    r"""[^>]*property\s*=\s*["']?og:type|property\s*=\s*["']?article:published_time"""
                    r"""|"@type"\s*:\s*\[?\s*"(?:NewsArticle|ReportageNewsArticle|ImageGallery)\"""", re.IGNORECASE)
ARTICLE_TYPES = ("NewsArticle", "ReportageNewsArticle", "Article", "ImageGallery")
# Where no paragraph of the article is: the page's furniture, and the gallery (read as photos).
FURNITURE = ("script", "style", "template", "noscript", "nav", "header", "footer", "aside", "form", "button", "figure")
BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "li")  # each read whole, as one paragraph
# Elements a browser lays out as blocks: text between them (loose in <article>, say) is a paragraph of
# its own, and one that holds none of them (a <div>, a table cell) is read whole.
BLOCK_LEVEL = frozenset(BLOCKS + FURNITURE + (
    "div", "section", "article", "main", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
    "tr", "td", "th", "caption", "h1", "h5", "h6", "pre", "address", "details", "summary", "hr", "figcaption",
    "fieldset", "center", "hgroup"))
_CREDIT_CLASS = re.compile(r"copyright|credit|byline|source", re.IGNORECASE)
_COUNTER_CLASS = re.compile(r"counter|count\b", re.IGNORECASE)
# JSON-LD keys whose objects are about someone, not the article's content (a publisher's logo is no photo).
NOT_CONTENT = {"publisher", "author", "creator", "logo", "copyrightHolder", "sourceOrganization", "provider", "brand"}
MAX_LD_OBJECTS = 10_000  # JSON-LD objects read from one page; a real one has a few dozen


def looks_like(text: str) -> bool:
    """A page whose metadata says it is an article: og:type article, article:published_time, or a
    JSON-LD NewsArticle or ImageGallery."""
    return bool(_LOOKS.search(text[:400_000]))


def parse(text: str) -> list[Post]:
    """One post: the article's description and body paragraphs once each, and its photos in page order,
    each with one caption and its credit. The metadata repeats the captions (JSON-LD image objects, the
    images' alt text): they fill what a figure lacks and are never added twice."""
    try:
        soup = spans.soup_of(text)
    except Exception as e:  # html.parser rejects some broken markup
        raise ContentError(SOURCE, 1, f"not readable as HTML: {e} ({EXPECTED})") from None
    warnings: list[str] = []
    meta = _meta(soup)
    objects = _json_ld(soup, warnings)
    article = next((o for t in ARTICLE_TYPES for o, _ in objects if t in _types(o)), {})
    site = _first(meta.get("og:site_name"), _name(article.get("publisher")), _name(article.get("author")))
    title = _first(meta.get("og:title"), _text(article.get("headline")), _element_text(soup.find("h1")))
    if title and site:
        title = re.sub(rf"\s+[-–—|]\s+{re.escape(site)}$", "", title)
    when, when_text = _published(meta, objects)
    url, refused = _address(soup, meta, article)
    if url is None and refused:
        warnings.append(f"the page's address {refused!r} is not an http or https address; not recorded")
    description = _first(meta.get("og:description"), _text(article.get("description")), meta.get("description"))
    runs = [Span(description)] if description else []
    for element, nodes in _blocks(_body(soup)):
        if not _is_title(element, title):
            runs += [Span("\n\n")] + spans.html_runs(nodes)
    paragraphs, tags = spans.paragraphs_and_tags_of(runs)
    photos, counters = _photos(soup, objects, site)
    for photo in photos:
        if not photo.caption:
            warnings.append(f"photo {photo.n} has no caption")
    warnings += check_counters(counters) if any(c["counters"] for c in counters) else []
    texts = [p.text for p in paragraphs]
    post = Post(
        paragraphs=paragraphs,
        source_name=site or "Unknown publication",
        source_kind=KIND,
        title=title or title_from(texts),
        date=when.date() if when else None,
        time=_time(when) if when and not _DAY_ONLY.match(when_text or "") else None,
        tags=tags,
        photos=photos,
        warnings=warnings,
        url=url,
        identity=f"web:{url}" if url else None,
        published=when.isoformat() if when and when.tzinfo else None,
    )
    every = texts + [p.caption for p in photos]
    post.commemorates = sorted({d for t in every for _, d in dates_in(t) if 1939 <= d.year <= 1945})
    return [post]


# --- metadata ----------------------------------------------------------------------------------------


def _meta(soup: BeautifulSoup) -> dict[str, tuple[str, int]]:
    """The page's <meta property|name=... content=...>, the first of each name: (text, line)."""
    out: dict[str, tuple[str, int]] = {}
    for el in soup.find_all("meta"):
        key = (el.get("property") or el.get("name") or "").strip().lower()
        value = normalize_line(el.get("content") or "")
        if key and value and key not in out:
            out[key] = (value, el.sourceline or 1)
    return out


def _json_ld(soup: BeautifulSoup, warnings: list[str]) -> list[tuple[dict, int]]:
    """Every JSON-LD object of the page (nested ones too: @graph, image, associatedMedia) with the line of its script."""
    out: list[tuple[dict, int]] = []
    for script in soup.find_all("script", type=re.compile(r"^\s*application/ld\+json\s*$", re.IGNORECASE)):
        line = script.sourceline or 1
        try:
            data = json.loads(script.string or "")
        except ValueError:
            warnings.append(f"line {line}: the page's JSON-LD is not valid JSON; not read")
            continue
        except RecursionError:
            warnings.append(f"line {line}: the page's JSON-LD is nested too deeply to read; not read")
            continue
        stack = [data]
        while stack and len(out) < MAX_LD_OBJECTS:
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(reversed(value))
            elif isinstance(value, dict):
                out.append((value, line))
                stack.extend(reversed([v for k, v in value.items() if k not in NOT_CONTENT]))
    return out


def _types(obj: dict) -> list[str]:
    t = obj.get("@type")
    return [x for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)]


def _text(value) -> str | None:
    """A JSON-LD value as one line of text: a string, or the first string of a list."""
    if isinstance(value, list):
        return next((t for t in map(_text, value) if t), None)
    return normalize_line(value) or None if isinstance(value, str) else None


def _name(value) -> str | None:
    """The name of a JSON-LD person or organization (an object, a list of them, or a plain name)."""
    if isinstance(value, list):
        return next((n for n in map(_name, value) if n), None)
    return _text(value.get("name")) if isinstance(value, dict) else _text(value)


def _first(*values) -> str | None:
    for v in values:
        v = v[0] if isinstance(v, tuple) else v
        if v:
            return v
    return None


def _element_text(el) -> str | None:
    return normalize_line(el.get_text(" ")) or None if el is not None else None


_DAY_ONLY = re.compile(r"^\d{4}-?\d{2}-?\d{2}$")  # a date without a time: the post has no time


def _published(meta: dict, objects: list[tuple[dict, int]]) -> tuple[dt.datetime | None, str | None]:
    """The publication time the metadata states (article:published_time, then JSON-LD datePublished), and
    the value as written; a ContentError, with its line, for one that is not a date and time."""
    found = [("article:published_time", *meta["article:published_time"])] if "article:published_time" in meta else []
    found += [("datePublished", v, line) for o, line in objects if (v := _text(o.get("datePublished")))]
    if not found:
        return None, None
    name, value, line = found[0]
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")), value
    except ValueError:
        raise ContentError(SOURCE, line, f"{name} {value[:40]!r} is not a date and time "
                           "(expected ISO 8601, e.g. \"2024-04-25T13:59:00+00:00\")") from None


def _time(when: dt.datetime) -> str:
    """'13:59 UTC', '16:59 UTC+03:00', or '13:59' when the page gives no offset."""
    offset = when.utcoffset()
    if offset is None:
        return when.strftime("%H:%M")
    return when.strftime("%H:%M") + (" UTC" if not offset else f" UTC{when.isoformat()[-6:]}")


def _address(soup: BeautifulSoup, meta: dict, article: dict) -> tuple[str | None, str | None]:
    """(the article's http(s) address: canonical link, og:url, JSON-LD url, or None; the first address
    given that was refused, to say so)."""
    canonical = soup.find("link", rel="canonical")
    entity = article.get("mainEntityOfPage")
    candidates = [canonical.get("href") if canonical is not None else None, _first(meta.get("og:url")),
                  _text(article.get("url")), _text(entity.get("@id")) if isinstance(entity, dict) else _text(entity)]
    candidates = [c.strip() for c in candidates if isinstance(c, str) and c.strip()]
    url = next((c for c in candidates if is_web_address(c)), None)
    return url, next((c for c in candidates if c != url), None) if candidates else None


# --- body --------------------------------------------------------------------------------------------


def _body(soup: BeautifulSoup) -> Tag:
    return (soup.find(attrs={"itemprop": "articleBody"}) or soup.find(class_="article__body")
            or soup.find("article") or soup.body or soup)


def _blocks(root: Tag) -> list[tuple[Tag | None, list]]:
    """The article's text blocks in reading order, each as (the element read whole, or None for loose
    text; its nodes): paragraphs, headings, quotes, list items and the innermost block elements (a <div>,
    a table cell) read whole; text between block elements (loose in <article>, beside a <div>) as a block
    of its own; none inside the page's furniture or a figure."""
    out: list[tuple[Tag | None, list]] = []
    stack: list = [root]  # elements to read, and runs of loose nodes; the next to read last
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            if _has_text(item):
                out.append((None, item))
            continue
        if item.name in FURNITURE:
            continue
        children = list(item.children)
        if item.name in BLOCKS or not any(isinstance(c, Tag) and c.name in BLOCK_LEVEL for c in children):
            if _has_text(children):
                out.append((item, children))
            continue
        parts: list = []
        for child in children:
            if isinstance(child, Tag) and child.name in BLOCK_LEVEL:
                parts.append(child)
            elif parts and isinstance(parts[-1], list):
                parts[-1].append(child)
            else:
                parts.append([child])
        stack.extend(reversed(parts))
    return out


_NOT_TEXT = (PreformattedString, Script, Stylesheet, TemplateString)  # comments, CDATA; a script's or style's


def _has_text(nodes: list) -> bool:
    """Whether the nodes hold text a reader sees: a string that is not blank, a comment or a script."""
    for node in nodes:
        for s in [node] if isinstance(node, NavigableString) else node.descendants if isinstance(node, Tag) else ():
            if isinstance(s, NavigableString) and not isinstance(s, _NOT_TEXT) and s.strip():
                return True
    return False


def _is_title(element: Tag | None, title: str | None) -> bool:
    """The page's <h1> when it says the post's title (the headline above the text, not a paragraph of it)."""
    return (element is not None and element.name == "h1" and bool(title)
            and normalize_line(element.get_text(" ")).casefold() == title.casefold())


# --- photos ------------------------------------------------------------------------------------------


def _photos(soup: BeautifulSoup, objects: list[tuple[dict, int]], site: str | None) -> tuple[list[Photo], list[dict]]:
    """The gallery's photos, and their counters ("1/14") for check_counters. From the <figure>s when the
    page has them (the JSON-LD image objects fill a missing caption or credit), else from the JSON-LD."""
    images = [o for o, _ in objects if "ImageObject" in _types(o) and (_text(o.get("caption")) or _image_url(o))]
    by_url: dict[str, list[dict]] = {}  # the page may describe one image twice (NewsArticle, ImageGallery)
    for o in images:
        if u := _image_url(o):
            by_url.setdefault(u, []).append(o)
    photos: list[Photo] = []
    counters: list[dict] = []
    seen: set[tuple] = set()
    figures = [f for f in soup.find_all("figure") if not f.find_parent(("nav", "header", "footer", "aside", "figure"))]
    for i, fig in enumerate(figures):
        img = fig.find("img")
        src = ((img.get("src") or img.get("data-src") or "") if img is not None else "").strip()
        original = _original(fig, img)
        described = by_url.get(original) or ([images[i]] if len(images) == len(figures) else [])
        caption, credit, numbers = _figcaption(fig.find("figcaption"))
        caption = caption or _described(described, "caption") or ""
        credit = credit or _described(described, "creditText") or _described(described, "copyrightNotice")
        original = original or next(filter(None, map(_image_url, described)), None)
        local = saved_file(src) if src else None
        if not (local or original or caption):
            continue
        photo = _photo(len(photos) + 1, _strip_site(caption, site), credit, local, original)
        key = (photo.caption, original or local)
        if key in seen:  # the lead photo repeated in the gallery, say
            continue
        seen.add(key)
        photos.append(photo)
        counters.append({"counters": numbers})
    if not photos:  # an HTML page without figures (saved from a reader view): the JSON-LD's photos
        for obj in images:
            same = by_url.get(_image_url(obj)) or [obj]
            key = (_described(same, "caption") or "", _image_url(obj))
            if key not in seen and obj is same[0]:
                seen.add(key)
                credit = _described(same, "creditText") or _described(same, "copyrightNotice")
                photos.append(_photo(len(photos) + 1, _strip_site(key[0], site), credit, None, key[1]))
                counters.append({"counters": []})
    return photos, counters


def _photo(n: int, caption: str, credit: str | None, image: str | None, url: str | None) -> Photo:
    agency, rights, photographer = split_credit(re.sub(r"^©\s*", "", credit or "")) if credit else (None, None, None)
    return Photo(n=n, caption=caption, agency=agency, photographer=photographer, rights=rights, image=image, url=url)


def _described(objects: list[dict], key: str) -> str | None:
    """The first text the JSON-LD descriptions of one image give for `key`."""
    return next(filter(None, (_text(o.get(key)) for o in objects)), None)


def _image_url(obj: dict) -> str | None:
    return next((u for u in (_text(obj.get("contentUrl")), _text(obj.get("url"))) if u and is_web_address(u)), None)


def _original(fig: Tag, img: Tag | None) -> str | None:
    """The photo's web address: a gallery script's data attribute, the image's lazy-load or source address."""
    candidates = [el.get(attr) for el in fig.find_all(True) for attr in ("data-photoview-src", "data-src", "data-original")]
    if img is not None:
        candidates += [img.get("src"), (img.get("srcset") or "").split(" ")[0]]
    for c in candidates:
        c = (c or "").strip()
        c = "https:" + c if c.startswith("//") else c
        if is_web_address(c):
            return c
    return None


def _figcaption(el: Tag | None) -> tuple[str, str | None, list[tuple[int, int]]]:
    """(caption, credit, counters) of a <figcaption>: the credit is its copyright or credit element, or
    what follows its '©'; counters ("1/14") and "Go to the mediabank" are the gallery's interface."""
    if el is None:
        return "", None, []
    marked = [c for c in el.find_all(True) if _CREDIT_CLASS.search(" ".join(c.get("class") or ()))]
    credit_el = (marked or el.find_all(["small", "cite"]) or [None])[0]  # the outermost, in page order
    credit = normalize_line(credit_el.get_text(" ")) or None if credit_el is not None else None
    numbers, parts = [], []
    for s in el.find_all(string=True):
        if (credit_el is not None and credit_el in s.parents) or s.parent.name in FURNITURE:
            continue
        line = normalize_line(str(s))
        if m := COUNTER.match(line):
            numbers.append((int(m.group(1)), int(m.group(2))))
        elif line and line not in (MEDIABANK, "/"):
            parts.append(line)
    caption = normalize_line(" ".join(parts))
    if credit is None and "©" in caption:
        caption, _, credit = (x.strip() for x in caption.rpartition("©"))
    return caption, credit, numbers


def _strip_site(caption: str, site: str | None) -> str:
    return re.sub(rf"\s+[-–—]\s+{re.escape(site)}$", "", caption) if site else caption
