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
    html = page(site, "tr", "posts/meeting-on-the-elbe/")
    alternates = dict((h, u) for u, h in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html))
    assert set(alternates) == {"en", "ru", "tr", "x-default"}
    assert alternates["ru"].endswith("/ru/posts/meeting-on-the-elbe/")
    assert alternates["x-default"] == alternates["en"]
    assert all(u.startswith("http") for u in alternates.values())


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
