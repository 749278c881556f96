"""Finishing the built site: head links and meta, feeds, not-found pages (pure functions on HTML and JSON
text, plus the writers the MkDocs hook calls after the build). Search: site_search.py."""

from __future__ import annotations

import html
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..content.model import DEFAULT_LANG, LANGS
from ..text.escape import html_text, json_script
from .i18n import t

OG_LOCALE = {"en": "en_US", "ru": "ru_RU", "tr": "tr_TR"}
_ALTERNATE = re.compile(r'\s*<link rel="alternate" (?:type="[^"]*" title="[^"]*" )?href="[^"]*"(?: hreflang="[^"]*")?>')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def split_url(url: str) -> tuple[str, str]:
    """(language, path inside that language) of a site URL such as 'ru/posts/x/'."""
    head, _, rest = url.partition("/")
    if head in LANGS and head != DEFAULT_LANG:
        return head, rest
    return DEFAULT_LANG, url


def path_in_lang(url: str) -> str:
    return split_url(url)[1]


# Pages kept out of search engines and of sitemap.xml: the status page is an English report for editors
# (it says so on the Russian and Turkish sites).
NOT_INDEXED = ("status/",)
_NOINDEX = '\n    <meta name="robots" content="noindex">'


def lang_url(lang: str, path: str) -> str:
    return path if lang == DEFAULT_LANG else f"{lang}/{path}"


def head_tags(url: str, base: str, title: str, description: str, site_name: str, kind: str) -> str:
    """Open Graph meta and the Twitter card's kind.

    No <link rel="alternate"> at all: Material's bundle fetches `sitemap.xml` beside the address of every
    such link (its language selector's same-page lookup, integrations/alternate), which made 5 requests a
    page view, to another host on a local build and 404s on the deployed site. The hreflang alternates
    (with x-default) are in sitemap.xml (sitemap_alternates), the switcher's links already lead to the
    same page (mkdocs-static-i18n writes them per page), and the feed is linked in the page itself."""
    lang, path = split_url(url)
    here = base + url
    e = html_text
    tags = [
        f'<meta property="og:type" content="{kind}">',
        f'<meta property="og:title" content="{e(title)}">',
        f'<meta property="og:description" content="{e(description)}">',
        f'<meta property="og:url" content="{e(here)}">',
        f'<meta property="og:site_name" content="{e(site_name)}">',
        f'<meta property="og:locale" content="{OG_LOCALE[lang]}">',
    ]
    tags += [f'<meta property="og:locale:alternate" content="{OG_LOCALE[code]}">' for code in LANGS if code != lang]
    # The card's kind only: a Twitter (X) card takes its title and description from og:title and
    # og:description when it has none of its own, so a third copy of the description is not written.
    tags.append('<meta name="twitter:card" content="summary">')
    return "".join(f"\n    {tag}" for tag in tags)


def finish_page(output: str, url: str, base: str, title: str, description: str, site_name: str) -> str:
    """Head tags in place of Material's relative alternates, and the search base of the page's language."""
    lang, _ = split_url(url)
    kind = "article" if url.startswith(("posts/", f"{lang}/posts/")) else "website"
    head, sep, body = output.partition("</head>")  # the links are in the head: leave the body unscanned
    head = _ALTERNATE.sub("", head)
    head = head.replace("</title>", "</title>" + head_tags(url, base, title, description, site_name, kind)
                        + (_NOINDEX if path_in_lang(url) in NOT_INDEXED else ""), 1)
    output = head + sep + body

    def reconfigure(m):
        config = json.loads(m.group(2))
        if lang != DEFAULT_LANG:
            # Material fetches search/search_index.json relative to its `base`: point it at the language's
            # own stub (site_search.py). `base` serves nothing else with our features (no instant
            # navigation, no versions).
            config["base"] = posixpath.relpath(f"{lang}/", url.rstrip("/") or ".")
        if config.get("search"):
            config["search"] = posixpath.join(posixpath.dirname(config["search"]), SEARCH_WORKER)
            # The result line when there are more results than the worker lists (archive.js writes it).
            config.setdefault("translations", {})["archive.search.more"] = t(lang, "search_more")
        # What archive.js writes (it reads the page's own config: no string lives in the script).
        config.setdefault("translations", {})["archive.today"] = t(lang, "today")
        for key in ("today_has_posts", "today_no_posts", "nearest_day"):  # On this day (archive.js)
            config["translations"]["archive." + key] = t(lang, key)
        return m.group(1) + json_script(config) + m.group(3)

    return _CONFIG.sub(reconfigure, output, count=1)


SEARCH_WORKER = "archive-search.js"  # overrides/assets/javascripts/workers/: Material's worker, answered by Pagefind


_URL_ATTR = re.compile(r'((?:href|src)=")([^"#][^"]*)(")')


def absolutize(output: str, page_url: str, site_path: str) -> str:
    """A page's relative links made absolute paths, so that it works at any address (GitHub Pages serves
    404.html for every missing one)."""
    page_dir = "/" + site_path.strip("/") + "/" + page_url if site_path.strip("/") else "/" + page_url

    def fix(value: str) -> str:
        if re.match(r"^([a-z][a-z0-9+.-]*:|/|#)", value, re.I):
            return value
        path = posixpath.normpath(posixpath.join(page_dir, value))
        return path + ("/" if value.endswith("/") and not path.endswith("/") else "")

    output = _URL_ATTR.sub(lambda m: m.group(1) + fix(m.group(2)) + m.group(3), output)

    def config(m):
        data = json.loads(m.group(2))
        for key in ("base", "search"):
            if key in data and data[key]:
                data[key] = fix(data[key])
        if data.get("base") and not data["base"].endswith("/"):
            # A folder: Material resolves search/search_index.json against it ('/repo', without the
            # slash, sent a project site's not-found page to the host's root).
            data["base"] += "/"
        return m.group(1) + json_script(data) + m.group(3)

    return _CONFIG.sub(config, output, count=1)


def write_not_found_pages(site_dir: Path, site_url: str) -> None:
    """Each language's generated 404 page becomes <lang>/404.html, with absolute links."""

    site_path = urlsplit(site_url).path
    written = {}
    for lang in LANGS:
        url = lang_url(lang, "404/")
        page = site_dir / url / "index.html"
        if not page.exists():
            continue
        text = absolutize(page.read_text(encoding="utf-8"), url, site_path)
        # A not-found page has no address of its own: no canonical, no alternates, not indexed.
        text = re.sub(r'\s*<link rel="(canonical|alternate)" href="[^"]*"( hreflang="[^"]*")?>', "", text)
        text = text.replace("</title>", '</title>\n    <meta name="robots" content="noindex">', 1)
        # The language switcher would lead to the other languages' 404/ pages, which are not published
        # (each became <lang>/404.html): it leads to each language's home page instead.
        text = re.sub(r'(<a href="[^"]*/)404/(" hreflang="[^"]*" class="md-select__link")', r"\1\2", text)
        written[lang] = text
        page.unlink()
        page.parent.rmdir()
    _one_policy_for_not_found_pages(written)
    for lang, text in written.items():
        (site_dir / lang_url(lang, "404.html")).write_text(text, encoding="utf-8")
    sitemap = site_dir / "sitemap.xml"
    if sitemap.exists():
        text = sitemap_alternates(sitemap.read_text(encoding="utf-8"), site_url)
        sitemap.write_text(text, encoding="utf-8")
        if (site_dir / "sitemap.xml.gz").exists():
            import gzip

            (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


_URL_ENTRY = re.compile(r"\s*<url>\s*<loc>([^<]*)</loc>.*?</url>", re.S)


def sitemap_alternates(text: str, site_url: str) -> str:
    """sitemap.xml without the not-found and not-indexed pages (each language's own, at `site_url`: a post
    or a tag named 'status' stays), and with an x-default alternate (the default language's address)
    beside each page's hreflang alternates: the only place they are given."""
    skipped = ("404/",) + NOT_INDEXED
    base = urlsplit(site_url).path.rstrip("/") + "/"

    def entry(m):
        path = urlsplit(html.unescape(m.group(1))).path
        if path.startswith(base) and path_in_lang(path[len(base):]) in skipped:
            return ""
        block = m.group(0)
        default = re.search(rf'\n(\s*)<xhtml:link rel="alternate" hreflang="{DEFAULT_LANG}" href="([^"]*)"/>', block)
        if default and 'hreflang="x-default"' not in block:
            last = block.rindex("/>") + 2  # after the last alternate
            line = f'<xhtml:link rel="alternate" hreflang="x-default" href="{default.group(2)}"/>'
            block = block[:last] + "\n" + default.group(1) + line + block[last:]
        return block

    return _URL_ENTRY.sub(entry, text)


_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def _one_policy_for_not_found_pages(pages: dict) -> None:
    """The root not-found page shows the reader's language's not-found page in its place (archive.js
    writes it into the document, which keeps its policy): every not-found page allows the theme's inline
    scripts of all of them. Their text is the archive's own (render_404: no source or contributor text)."""
    from .csp import _INLINE, meta_tag, script_hash

    if not any(_POLICY.search(text) for text in pages.values()):
        return
    hashes = {script_hash(script) for text in pages.values() for script in _INLINE.findall(text)}
    tag = meta_tag(hashes)
    for lang, text in pages.items():
        pages[lang] = _POLICY.sub(lambda m: tag, text, count=1)
