"""Finishing the built site (scripts/site/head.py) on small pages written here: a page's language from its
address, the Open Graph head, the theme's config per language, the not-found pages with absolute links
and one policy, and sitemap.xml. Expected HTML, JSON and XML are written out as a browser or a crawler
reads them."""

import base64
import gzip
import hashlib
import json
import re

from scripts.site.head import (
    absolutize,
    finish_page,
    head_tags,
    lang_url,
    path_in_lang,
    sitemap_alternates,
    split_url,
    write_not_found_pages,
)

BASE = "https://example.org/archive/"


def test_a_sites_address_names_its_language():
    assert split_url("ru/posts/x/") == ("ru", "posts/x/")
    assert split_url("tr/") == ("tr", "")
    assert split_url("tr") == ("tr", "")
    assert split_url("posts/x/") == ("en", "posts/x/")
    assert split_url("en/posts/x/") == ("en", "en/posts/x/")  # English pages have no prefix: a folder "en/"
    assert split_url("de/x/") == ("en", "de/x/")
    assert split_url("") == ("en", "")
    assert path_in_lang("tr/status/") == "status/"
    assert path_in_lang("status/") == "status/"
    assert lang_url("en", "404/") == "404/"
    assert lang_url("ru", "404/") == "ru/404/"


def test_open_graph_tags_of_a_russian_post_escape_every_text():
    assert head_tags("ru/posts/x/", BASE, '"<Tom & Jerry\'s>"', "a < b", "S&S", "article") == (
        '\n    <meta property="og:type" content="article">'
        '\n    <meta property="og:title" content="&quot;&lt;Tom &amp; Jerry\'s&gt;&quot;">'
        '\n    <meta property="og:description" content="a &lt; b">'
        '\n    <meta property="og:url" content="https://example.org/archive/ru/posts/x/">'
        '\n    <meta property="og:site_name" content="S&amp;S">'
        '\n    <meta property="og:locale" content="ru_RU">'
        '\n    <meta property="og:locale:alternate" content="en_US">'
        '\n    <meta property="og:locale:alternate" content="tr_TR">'
        '\n    <meta name="twitter:card" content="summary">')


def test_open_graph_locales_of_an_english_and_a_turkish_page():
    english = head_tags("", BASE, "T", "D", "S", "website")
    assert '<meta property="og:url" content="https://example.org/archive/">' in english
    assert re.findall(r'og:locale(?::alternate)?" content="(\w+)"', english) == ["en_US", "ru_RU", "tr_TR"]
    turkish = head_tags("tr/", BASE, "T", "D", "S", "website")
    assert re.findall(r'og:locale(?::alternate)?" content="(\w+)"', turkish) == ["tr_TR", "en_US", "ru_RU"]


def _tojson(config):
    return json.dumps(config).replace("<", "\\u003c")


def _page(config, head_extra="", body_extra=""):
    """A page as MkDocs and Material write it: the config's '<' escaped (Jinja's tojson)."""
    return ("<html><head><title>T</title>"
            '\n  <link rel="alternate" href="../ru/" hreflang="ru">'
            '\n  <link rel="alternate" type="application/rss+xml" title="Feed" href="feed.xml">'
            f"{head_extra}</head><body>"
            '<link rel="alternate" href="kept">'
            f'<script id="__config" type="application/json">{_tojson(config)}</script>'
            '<script id="__config" type="application/json">{"base": "second"}</script>'
            f"{body_extra}</body></html>")


RU_WORDS = {"archive.search.more": "Найдено совпадений: {total}, показаны лучшие #",
            "archive.today": "Сегодня",
            "archive.today_has_posts": "Сегодня {date}: публикации об этом дне отмечены ниже.",
            "archive.today_no_posts": "Сегодня {date}; публикаций об этом дне в архиве нет.",
            "archive.nearest_day": "Ближайшая дата, о которой есть публикации: {date}."}


def test_a_russian_post_page_is_finished():
    config = {"base": "../../..", "search": "../../../assets/javascripts/workers/search.f8.min.js",
              "translations": {"select.version": "</script><!--"}}
    out = finish_page(_page(config), "ru/posts/x/", BASE, "Парад", "Описание", "Память")
    expected_config = {"base": "../..", "search": "../../../assets/javascripts/workers/archive-search.js",
                       "translations": {"select.version": "</script><!--", **RU_WORDS}}
    assert out == (
        "<html><head><title>T</title>"
        '\n    <meta property="og:type" content="article">'
        '\n    <meta property="og:title" content="Парад">'
        '\n    <meta property="og:description" content="Описание">'
        '\n    <meta property="og:url" content="https://example.org/archive/ru/posts/x/">'
        '\n    <meta property="og:site_name" content="Память">'
        '\n    <meta property="og:locale" content="ru_RU">'
        '\n    <meta property="og:locale:alternate" content="en_US">'
        '\n    <meta property="og:locale:alternate" content="tr_TR">'
        '\n    <meta name="twitter:card" content="summary">'
        "</head><body>"
        '<link rel="alternate" href="kept">'  # the body is not touched
        '<script id="__config" type="application/json">'
        + json.dumps(expected_config, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
        + "</script>"
        '<script id="__config" type="application/json">{"base": "second"}</script>'
        "</body></html>")
    assert "\\u003c/script\\u003e\\u003c!--" in out


def test_an_english_page_keeps_its_search_base_and_gets_the_on_this_day_words():
    out = finish_page(_page({"base": "..", "features": []}), "tags/", BASE, "T", "D", "S")
    assert '<meta property="og:type" content="website">' in out
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', out).group(1))
    assert config == {"base": "..", "features": [], "translations": {
        "archive.today": "Today",
        "archive.today_has_posts": "Today is {date}: the posts that remember it are marked below.",
        "archive.today_no_posts": "Today is {date}; no post remembers this day.",
        "archive.nearest_day": "The nearest date with posts: {date}."}}
    assert "noindex" not in out


def test_the_search_base_of_a_language_points_at_its_own_folder():
    def base(url):
        out = finish_page(_page({"base": "x"}), url, BASE, "T", "D", "S")
        return json.loads(re.search(r'application/json">(.*?)</script>', out).group(1))["base"]
    assert base("tr/") == "."
    assert base("tr/posts/x/") == "../.."
    assert base("tr/tags/a/2/") == "../../.."
    assert base("ru/404/") == ".."


def test_a_turkish_post_is_an_article_and_the_status_page_is_not_indexed():
    post = finish_page(_page({}), "tr/posts/x/", BASE, "T", "D", "S")
    assert '<meta property="og:type" content="article">' in post and "noindex" not in post
    english_address = finish_page(_page({}), "tr/en/posts/x/", BASE, "T", "D", "S")
    assert '<meta property="og:type" content="website">' in english_address
    for url in ("status/", "tr/status/"):
        page = finish_page(_page({}), url, BASE, "T", "D", "S")
        assert ('<meta name="twitter:card" content="summary">\n    <meta name="robots" content="noindex"></head>'
                in page)
    assert "noindex" not in finish_page(_page({}), "tags/status/", BASE, "T", "D", "S")


def test_only_the_heads_first_title_gets_the_tags():
    out = finish_page(_page({}, head_extra="<svg><title>icon</title></svg>"), "", BASE, "T", "D", "S")
    assert out.count("og:title") == 1
    assert "<svg><title>icon</title></svg></head>" in out


# --- not-found pages --------------------------------------------------------------------------------

def test_relative_links_become_absolute_paths_under_the_sites_folder():
    page = ('<a href="../">home</a><a href="./">here</a><img src="img.png"><a href="../assets/a.css">'
            '<a href="https://e.org/x">e</a><a href="HTTPS://E.ORG/">E</a><a href="mailto:a@b">m</a>'
            '<a href="/abs/">a</a><a href="#top">t</a><a href="">empty</a>'
            '<script id="__config" type="application/json">{"base": "../..", "search": "../../w/s.js"}</script>')
    assert absolutize(page, "ru/404/", "/repo/") == (
        '<a href="/repo/ru/">home</a><a href="/repo/ru/404/">here</a><img src="/repo/ru/404/img.png">'
        '<a href="/repo/ru/assets/a.css">'
        '<a href="https://e.org/x">e</a><a href="HTTPS://E.ORG/">E</a><a href="mailto:a@b">m</a>'
        '<a href="/abs/">a</a><a href="#top">t</a><a href="">empty</a>'
        '<script id="__config" type="application/json">{"base": "/repo/", "search": "/repo/w/s.js"}</script>')


def test_at_the_hosts_root_and_with_a_base_already_a_folder():
    page = '<a href="x/">x</a><script id="__config" type="application/json">{"base": ".", "search": ""}</script>'
    assert absolutize(page, "404/", "") == (
        '<a href="/404/x/">x</a><script id="__config" type="application/json">{"base": "/404/", "search": ""}</script>')
    assert absolutize(page, "404/", "/") == absolutize(page, "404/", "")
    assert absolutize('<script id="__config" type="application/json">{"base": "/"}</script>', "404/", "/r") == (
        '<script id="__config" type="application/json">{"base": "/"}</script>')
    assert absolutize('<script id="__config" type="application/json">{"base": ""}</script>', "404/", "/r") == (
        '<script id="__config" type="application/json">{"base": ""}</script>')
    # only the first config; a '<' in it stays escaped
    two = ('<script id="__config" type="application/json">{"base": "..", "t": "</"}</script>'
           '<script id="__config" type="application/json">{"base": ".."}</script>')
    assert absolutize(two, "ru/404/", "/r/") == (
        '<script id="__config" type="application/json">{"base": "/r/ru/", "t": "\\u003c/"}</script>'
        '<script id="__config" type="application/json">{"base": ".."}</script>')


def _not_found(lang, script):
    other = "ru" if lang == "en" else "en"
    prefix = "" if lang == "en" else "../"
    return ("<html><head>"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\">"
            "<title>Not found</title>"
            f'\n  <link rel="canonical" href="https://example.org/repo/{lang}/404/">'
            f'\n  <link rel="alternate" href="https://example.org/repo/{other}/404/" hreflang="{other}">'
            f'\n  <link href="{prefix}../assets/main.css" rel="stylesheet">'
            "</head><body>"
            f'<a href="{prefix}../{other}/404/" hreflang="{other}" class="md-select__link">{other}</a>'
            f"<script>{script}</script>"
            "</body></html>")


def _hash(script):
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
    <url>
         <loc>https://example.org/repo/</loc>
         <xhtml:link rel="alternate" hreflang="en" href="https://example.org/repo/"/>
         <xhtml:link rel="alternate" hreflang="ru" href="https://example.org/repo/ru/"/>
    </url>
    <url>
         <loc>https://example.org/repo/404/</loc>
    </url>
    <url>
         <loc>https://example.org/repo/ru/404/</loc>
    </url>
    <url>
         <loc>https://example.org/repo/tr/status/</loc>
         <xhtml:link rel="alternate" hreflang="en" href="https://example.org/repo/status/"/>
    </url>
    <url>
         <loc>https://example.org/repo/ru/posts/x/</loc>
         <xhtml:link rel="alternate" hreflang="ru" href="https://example.org/repo/ru/posts/x/"/>
    </url>
    <url>
         <loc>https://example.org/repo/tags/a/</loc>
      <xhtml:link rel="alternate" hreflang="en" href="https://example.org/repo/tags/a/"/>
      <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/repo/tags/a/"/>
    </url>
</urlset>"""

SITEMAP_FINISHED = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
    <url>
         <loc>https://example.org/repo/</loc>
         <xhtml:link rel="alternate" hreflang="en" href="https://example.org/repo/"/>
         <xhtml:link rel="alternate" hreflang="ru" href="https://example.org/repo/ru/"/>
         <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/repo/"/>
    </url>
    <url>
         <loc>https://example.org/repo/ru/posts/x/</loc>
         <xhtml:link rel="alternate" hreflang="ru" href="https://example.org/repo/ru/posts/x/"/>
    </url>
    <url>
         <loc>https://example.org/repo/tags/a/</loc>
      <xhtml:link rel="alternate" hreflang="en" href="https://example.org/repo/tags/a/"/>
      <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/repo/tags/a/"/>
    </url>
</urlset>"""


def test_sitemap_without_not_found_or_unindexed_pages_and_with_x_default():
    assert sitemap_alternates(SITEMAP, "https://example.org/repo/") == SITEMAP_FINISHED


def test_a_post_or_tag_named_like_an_unindexed_page_stays_in_the_sitemap():
    """Only each language's own not-found and status pages are left out, not every address ending so."""
    def url(loc):
        return f"<url>\n<loc>{loc}</loc>\n</url>"

    locs = ["https://example.org/repo/posts/status/", "https://example.org/repo/ru/tags/404/",
            "https://example.org/repo/tr/posts/status/", "https://example.org/repo/status/",
            "https://example.org/repo/ru/status/", "https://example.org/repo/tr/404/"]
    text = "<urlset>" + "".join(url(loc) for loc in locs) + "\n</urlset>"
    kept = re.findall(r"<loc>([^<]*)</loc>", sitemap_alternates(text, "https://example.org/repo/"))
    assert kept == locs[:3]
    # A site without site_url: MkDocs writes addresses from the root.
    kept = re.findall(r"<loc>([^<]*)</loc>", sitemap_alternates(url("/status/") + url("/posts/status/"), "/"))
    assert kept == ["/posts/status/"]


def test_the_not_found_pages_are_written_once_per_language_with_one_policy(tmp_path):
    for lang, script in (("en", "var a=1"), ("ru", "var b=2")):
        folder = tmp_path / lang_url(lang, "404")
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(_not_found(lang, script), encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(b"old")
    write_not_found_pages(tmp_path, "https://example.org/repo/")

    policy = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' "
              + " ".join(sorted([_hash("var a=1"), _hash("var b=2")]))
              + "; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
              "worker-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'self'; form-action 'self'\">")
    assert (tmp_path / "404.html").read_text(encoding="utf-8") == (
        f"<html><head>{policy}<title>Not found</title>"
        '\n    <meta name="robots" content="noindex">'
        '\n  <link href="/repo/assets/main.css" rel="stylesheet">'
        "</head><body>"
        '<a href="/repo/ru/" hreflang="ru" class="md-select__link">ru</a>'
        "<script>var a=1</script>"
        "</body></html>")
    assert (tmp_path / "ru" / "404.html").read_text(encoding="utf-8") == (
        f"<html><head>{policy}<title>Not found</title>"
        '\n    <meta name="robots" content="noindex">'
        '\n  <link href="/repo/assets/main.css" rel="stylesheet">'
        "</head><body>"
        '<a href="/repo/en/" hreflang="en" class="md-select__link">en</a>'
        "<script>var b=2</script>"
        "</body></html>")
    assert not (tmp_path / "404").exists() and not (tmp_path / "ru" / "404").exists()
    assert not (tmp_path / "tr" / "404.html").exists()  # no Turkish not-found page was built
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == SITEMAP_FINISHED
    packed = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed).decode("utf-8") == SITEMAP_FINISHED
    assert packed[4:8] == b"\0\0\0\0"  # no time stamp: the same bytes on every build


def test_not_found_pages_without_a_policy_get_none_and_no_sitemap_is_made(tmp_path):
    (tmp_path / "404").mkdir()
    page = ('<html><head><title>Not found</title></head><body><a href="../x/">x</a>'
            "<script>var a=1</script></body></html>")
    (tmp_path / "404" / "index.html").write_text(page, encoding="utf-8")
    write_not_found_pages(tmp_path, "https://example.org")
    assert (tmp_path / "404.html").read_text(encoding="utf-8") == (
        '<html><head><title>Not found</title>\n    <meta name="robots" content="noindex"></head>'
        '<body><a href="/x/">x</a><script>var a=1</script></body></html>')
    assert sorted(p.name for p in tmp_path.iterdir()) == ["404.html"]


def test_a_sitemap_without_its_packed_copy_stays_unpacked(tmp_path):
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    write_not_found_pages(tmp_path, "https://example.org/repo/")
    assert (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == SITEMAP_FINISHED
    assert not (tmp_path / "sitemap.xml.gz").exists()


def test_an_english_post_is_an_article():
    assert '<meta property="og:type" content="article">' in finish_page(_page({}), "posts/x/", BASE, "T", "D", "S")


def test_the_body_is_not_scanned_even_when_a_script_in_it_writes_a_head_end():
    body = '<script>w("</head>")</script><link rel="alternate" href="kept2">'
    out = finish_page(_page({}, body_extra=body), "", BASE, "T", "D", "S")
    assert '</head><body><link rel="alternate" href="kept"><script id="__config"' in out
    assert out.endswith('<script>w("</head>")</script><link rel="alternate" href="kept2"></body></html>')


def test_the_more_results_line_is_added_to_a_config_without_translations():
    out = finish_page(_page({"search": "a/b/search.js"}), "tr/", BASE, "T", "D", "S")
    config = json.loads(re.search(r'application/json">(.*?)</script>', out).group(1))
    assert config["search"] == "a/b/archive-search.js"
    assert config["translations"]["archive.search.more"] == "{total} sonuç bulundu; en uygun # tanesi gösteriliyor"
    assert config["translations"]["archive.today"] == "Bugün"


def test_a_site_folder_named_with_capitals_and_the_hosts_root_itself():
    assert absolutize('<a href="a/">a</a>', "404/", "/X/") == '<a href="/X/404/a/">a</a>'
    assert absolutize('<a href="../">home</a>', "404/", "") == '<a href="/">home</a>'


def test_a_missing_english_not_found_page_does_not_stop_the_others(tmp_path):
    (tmp_path / "ru" / "404").mkdir(parents=True)
    (tmp_path / "ru" / "404" / "index.html").write_text("<title>Нет</title><svg><title>и</title></svg>",
                                                         encoding="utf-8")
    write_not_found_pages(tmp_path, "https://example.org/")
    assert (tmp_path / "ru" / "404.html").read_text(encoding="utf-8") == (
        '<title>Нет</title>\n    <meta name="robots" content="noindex"><svg><title>и</title></svg>')


def test_pages_and_sitemap_are_read_and_written_as_utf8_whatever_the_locale(tmp_path, monkeypatch):
    import codecs
    from pathlib import Path

    read, write = Path.read_text, Path.write_text

    def utf8(encoding):
        assert encoding and codecs.lookup(encoding).name == "utf-8", encoding  # a legacy code page would garble

    monkeypatch.setattr(Path, "read_text", lambda self, encoding=None, **kw: (utf8(encoding), read(self, encoding))[1])
    monkeypatch.setattr(Path, "write_text",
                        lambda self, text, encoding=None, **kw: (utf8(encoding), write(self, text, encoding))[1])
    (tmp_path / "404").mkdir()
    (tmp_path / "404" / "index.html").write_bytes("<title>Не найдено</title>".encode())
    (tmp_path / "sitemap.xml").write_bytes(SITEMAP.encode())
    write_not_found_pages(tmp_path, "https://example.org/repo/")
    assert (tmp_path / "404.html").read_bytes().decode() == (
        '<title>Не найдено</title>\n    <meta name="robots" content="noindex">')
    assert (tmp_path / "sitemap.xml").read_bytes().decode() == SITEMAP_FINISHED


def test_a_pages_policy_allows_the_theme_scripts_it_still_holds_and_no_other():
    """csp.PolicyCache.tag_for: a theme script that went into a file (page_config.py) is not allowed inline."""
    import jinja2

    from scripts.site.csp import PolicyCache

    env = jinja2.Environment(loader=jinja2.DictLoader({
        "partials/javascripts/base.html": "<script>scope('{{ base_url }}')</script>",
        "partials/javascripts/content.html": "<script>tabs()</script>"}))
    cache = PolicyCache(env, {"theme": {}})
    both = "<head></head><script>scope('../..')</script><p>x</p><script>tabs()</script>"
    assert f"script-src 'self' {' '.join(sorted([_hash('scope(' + chr(39) + '../..' + chr(39) + ')'), _hash('tabs()')]))};" \
        in cache.tag_for(both, "../..")
    assert f"script-src 'self' {_hash('tabs()')};" in cache.tag_for("<script>tabs()</script>", "../..")
    assert "script-src 'self'; style-src" in cache.tag_for("<p>no script</p>", "../..")
    # Held at another depth: the script of that depth, not this one's.
    assert "script-src 'self'; style-src" in cache.tag_for("<script>scope('..')</script>", "../..")
