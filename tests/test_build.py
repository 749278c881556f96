"""Build the real site with `mkdocs build --strict` in a temporary copy and read the HTML back."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.content.load import load_content
from scripts.content.model import LANGS
from tests.conftest import ROOT, copy_project


@pytest.fixture(scope="module")
def site(built_site) -> Path:
    path, messages = built_site
    assert "WARNING" not in messages, messages
    return path


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT / "content")


def page(site: Path, lang: str, path: str) -> str:
    prefix = "" if lang == "en" else f"{lang}/"
    return (site / f"{prefix}{path}index.html").read_text(encoding="utf-8")


def test_every_post_and_tag_in_every_language(site, content):
    slugs = {t.slug for e in content.entries for t in e.tags}
    assert len(content.entries) == 5 and len(slugs) >= 10
    for lang in LANGS:
        html = page(site, lang, "")
        assert f'<html lang="{lang}"' in html
        for entry in content.entries:
            post = page(site, lang, f"posts/{entry.id}/")
            assert f'<html lang="{lang}"' in post
        for slug in slugs:
            assert (site / ("" if lang == "en" else lang) / "tags" / slug / "index.html").exists()
        assert (site / ("" if lang == "en" else lang) / "tags" / "index.html").exists()


def test_hashtag_links_lead_to_tag_pages_that_link_back(site, content):
    for lang in LANGS:
        html = page(site, lang, "posts/victory-day-greeting/")
        links = re.findall(r'<a href="([^"]+)">#(9Mayıs|İkinciDünyaSavaşı)</a>', html)
        assert [name for _, name in links] == ["9Mayıs", "İkinciDünyaSavaşı"]
        for href, _ in links:
            assert href.startswith("../../tags/")
            tag_html = page(site, lang, "posts/victory-day-greeting/" + href)
            assert 'href="../../posts/victory-day-greeting/"' in tag_html


def test_aliases_share_one_tag_page(site):
    may9 = page(site, "ru", "tags/may-9/")
    assert "9 мая" in may9
    # #May9 (English post) and #9мая/#9Mayıs (embassy post) land on the same page
    assert "posts/victory-parades-on-red-square/" in may9 and "posts/victory-day-greeting/" in may9


def test_hreflang_alternates_absolute_with_x_default(site):
    """The alternates are in sitemap.xml only (absolute, with x-default): a <link rel="alternate"> in the
    head makes Material fetch sitemap.xml beside its address on every page view (head.head_tags)."""
    html = page(site, "tr", "posts/meeting-on-the-elbe/")
    assert '<link rel="alternate"' not in html
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    block = re.search(r"<url>\s*<loc>[^<]*/tr/posts/meeting-on-the-elbe/</loc>.*?</url>", sitemap, re.S).group(0)
    alternates = dict((h, u) for h, u in re.findall(r'<xhtml:link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/>', block))
    assert set(alternates) == {"en", "ru", "tr", "x-default"}
    assert alternates["ru"].endswith("/ru/posts/meeting-on-the-elbe/")
    assert alternates["x-default"] == alternates["en"]
    assert all(u.startswith("http") for u in alternates.values())
    import gzip
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap


def test_status_page_not_indexed_and_says_english_only(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/status/</loc>" not in sitemap and "/404/</loc>" not in sitemap
    for lang in LANGS:
        html = page(site, lang, "status/")
        assert '<meta name="robots" content="noindex">' in html
    assert "ведётся только на английском языке" in page(site, "ru", "status/")
    assert "yalnızca İngilizce olarak tutulur" in page(site, "tr", "status/")
    assert '<meta name="robots"' not in page(site, "ru", "posts/meeting-on-the-elbe/")


def test_post_page_ways_on(site):
    html = page(site, "ru", "posts/victory-day-greeting/")
    crumbs = re.search(r'<nav aria-label="Вы находитесь здесь" class="breadcrumbs">(.*?)</nav>', html).group(1)
    assert re.findall(r'href="([^"]+)"', crumbs) == ["../../", "../../archive/"]
    assert 'aria-current="page">Поздравление с\u00a0Днём Победы</span>' in crumbs
    pager = re.search(r'<nav [^>]*class="post-pager"[^>]*>(.*?)</nav>', html, re.S).group(1)
    # By date (meta.yml): 2023-05-09 has two posts, the parades one is listed after this one; next is
    # Bagration (2023-06-23).
    assert re.findall(r'rel="(prev|next)" href="\.\./([^/"]+)/"', pager) == [
        ("prev", "victory-parades-on-red-square"), ("next", "operation-bagration")]
    assert "Предыдущая" in pager and "Следующая" in pager
    related = html.split('id="похожие-публикации"', 1)[1].split("</ul>", 1)[0]
    assert 0 < related.count("<li>") <= 5 and "victory-day-greeting" not in related
    assert '<a href="../../feed.xml" type="application/rss+xml">RSS-лента новых публикаций</a>' in html
    assert (site / "ru" / "feed.xml").exists()


def test_credits_link_to_the_photographer_and_agency_pages(site):
    html = page(site, "en", "posts/elbe-link-up-in-photographs/")
    # The credit, then the photo's rights statement (linked to its text).
    assert ('<small class="credit">© <a href="../../credits/#holder-sputnik">Sputnik</a> / '
            '<a href="../../credits/sputnik-ivan-shagin/">Ivan Shagin</a> · ') in html
    assert 'id="holder-sputnik"' in page(site, "en", "credits/")
    assert "posts/elbe-link-up-in-photographs/#photo-1" in page(site, "en", "credits/sputnik-ivan-shagin/")


def test_gallery_without_photos_is_a_list_saying_where_they_are(site):
    html = page(site, "en", "posts/elbe-link-up-in-photographs/")
    assert 'class="photo-missing"' not in html and "<figure" not in html
    items = re.findall(r'<li id="photo-(\d+)" value="\1">', html)
    assert items == [str(n) for n in range(1, 15)]
    assert ('they can be seen in the original publication (<a href="../../sources/sputnik-international/">'
            "Sputnik International</a>)") in html


def test_not_found_pages_link_to_real_pages(site):
    for lang in LANGS:
        html = (site / ("" if lang == "en" else lang) / "404.html").read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link"', html)
        assert links == [("/", "en"), ("/ru/", "ru"), ("/tr/", "tr")]
        for href in re.findall(r'href="(/[^"#]*)"', html):
            target = site / href.lstrip("/")
            assert (target / "index.html").exists() or target.is_file(), (lang, href)


def test_no_interface_debris_and_no_repeated_paragraph(site, content):
    for lang in LANGS:
        for entry in content.entries:
            html = page(site, lang, f"posts/{entry.id}/")
            article = html.split('<article class="md-content__inner md-typeset">', 1)[1].split("</article>", 1)[0]
            for debris in ("Go to the mediabank", "Media is too big", "VIEW IN TELEGRAM", "/14<", "- Sputnik International"):
                assert debris not in article
            paragraphs = [p for p in re.findall(r"<p[^>]*>(.*?)</p>", article, re.S) if len(p) > 40]
            assert len(paragraphs) == len(set(paragraphs)), entry.id


def test_nothing_fetched_from_other_hosts(site):
    """Scripts, stylesheets, images and fonts are all the site's own (no CDN, no Google Fonts)."""
    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert not re.findall(r'<(?:script|img|iframe|source)[^>]+src="(?:https?:)?//', html), html_file
        assert not re.findall(r'<link[^>]+rel="(?:stylesheet|preload|preconnect|icon)"[^>]+href="(?:https?:)?//', html)
        assert not re.findall(r'@import\s+url\((?:https?:)?//', html)


def test_translation_notice_names_original_language(site):
    assert "Original text in English." in page(site, "en", "posts/meeting-on-the-elbe/")
    assert "Оригинал на турецком и русском языках." in page(site, "ru", "posts/victory-day-greeting/") or \
        "Перевод с турецкого языка: волонтёры архива, декабрь 2026." in page(site, "ru", "posts/victory-day-greeting/")
    assert "Metnin aslı Türkçe ve Rusça yazılmıştır." in page(site, "tr", "posts/victory-day-greeting/")


def test_translation_credit_and_reviewed_strings_in_the_html(site):
    ru = page(site, "ru", "posts/operation-bagration/")
    assert "Перевод с английского языка: волонтёры архива, декабрь 2026." in ru
    assert "Памятная дата: <time" in ru  # one date
    tr = page(site, "tr", "posts/meeting-on-the-elbe/")
    assert "İngilizceden çeviren: arşivin gönüllüleri, Aralık 2026." in tr
    assert "Anılan tarih: <time" in tr
    en = page(site, "en", "posts/victory-day-greeting/")
    assert "Translated from Turkish by the archive’s volunteers, December 2026." in en
    assert "<p>Translated from English.</p>" not in page(site, "tr", "posts/operation-bagration/")
    # Pages without a description of their own carry the site's, in their language.
    for lang, text in (("en", "A trilingual archive of public posts"), ("ru", "Трёхъязычный архив общедоступных публикаций"),
                       ("tr", "İkinci Dünya Savaşı tarihine dair kamuya açık paylaşımlardan")):
        html = page(site, lang, "tags/")
        assert re.search(rf'<meta name="description" content="{text}[^"]*">', html), lang
        assert re.search(rf'<meta property="og:description" content="{text}[^"]*">', html), lang
    assert "<title>Etiketler - İkinci Dünya Savaşı’nı Anmak</title>" in page(site, "tr", "tags/")


def test_a_fresh_import_builds_at_once(tmp_path):
    """Untranslated and undated posts straight from the importer build with --strict."""
    copy_project(tmp_path, ("mkdocs.yml", "scripts", "overrides"))
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    seeds = [str(p) for p in sorted((ROOT / "content" / "sources").glob("*.txt"))]
    proc = subprocess.run([sys.executable, "-m", "scripts", "import", *seeds], cwd=tmp_path, capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert "5 created" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    home = (tmp_path / "site" / "tr" / "index.html").read_text(encoding="utf-8")
    # undated post listed after the dated ones
    assert home.index("posts/otd-in-1944-soviet-forces-launched/") > home.index("posts/on-april-25-1945-allied-soviet/")
    ru_post = (tmp_path / "site" / "ru" / "posts" / "a-historical-meeting-on-the-elbe" / "index.html").read_text(encoding="utf-8")
    assert "Эта публикация ещё не переведена на русский язык." in ru_post


def test_every_relative_link_resolves(site):
    """MkDocs checks links written as .md; the generated cards and notices use final addresses, so
    every relative href and src in the built site is checked here."""
    broken = []
    for html_file in site.rglob("*.html"):
        if html_file.name == "404.html":
            continue  # absolute paths by design
        html = html_file.read_text(encoding="utf-8")
        for target in re.findall(r'<(?:a|img|link|script)\b[^>]*?(?:href|src)="([^"]+)"', html):
            if re.match(r"^([a-z][a-z0-9+.-]*:|#|/)", target, re.I):
                continue
            path = (html_file.parent / target.split("#")[0].split("?")[0]).resolve()
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{html_file.relative_to(site)} -> {target}")
    assert broken == []


def test_inference_reason_is_text_in_the_pages_language(site):
    reasons = {"en": "(date inferred from the text: #OTD (on this day) in 1944",
               "ru": "(дата установлена по тексту: #OTD («в\u00a0этот день»)",
               "tr": "(tarih metinden çıkarılmıştır: #OTD (tarihte bugün), 1944"}
    for lang, reason in reasons.items():
        html = page(site, lang, "posts/operation-bagration/")
        assert f'<span class="inferred">{reason}' in html
        assert 'class="inferred" title=' not in html
    assert "June 23, 1944" in page(site, "en", "posts/operation-bagration/")


def test_list_pages_describe_themselves_in_their_language(site):
    for lang, start in (("en", "A trilingual archive"), ("ru", "Трёхъязычный архив"), ("tr", "İkinci Dünya Savaşı tarihine")):
        for path in ("archive/", "tags/", "tags/victory-day/", "sources/sputnik-international/", "credits/sputnik-ivan-shagin/"):
            html = page(site, lang, path)
            assert f'<meta name="description" content="{start}' in html, (lang, path)
            assert f'<meta property="og:description" content="{start}' in html, (lang, path)


def test_home_links_the_feed(site):
    for lang in LANGS:
        html = page(site, lang, "")
        assert '<p class="feed-link"><a href="feed.xml" type="application/rss+xml">' in html
        assert (site / ("" if lang == "en" else lang) / "feed.xml").exists()
    feed = (site / "ru" / "feed.xml").read_text(encoding="utf-8")
    assert feed.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/css" '
                           'href="../assets/stylesheets/feed.css"?>')
    assert "<pubDate>Thu, 25 Apr 2024 13:59:00 +0000</pubDate>" in feed  # the source's 13:59 GMT
    assert 'title:lang(ru)::after { content: "Это RSS-лента архива' in (site / "assets/stylesheets/feed.css").read_text(encoding="utf-8")
