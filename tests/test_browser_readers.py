"""What a reader's browser does on every page type in every language (Playwright driving Debian's
chromium): no failed request, no request to another host, no console error; a local build with the
default site_url and a build deployed under a /<repo>/ sub-path, both served like GitHub Pages (the root
404.html for any missing address). Also the ways on from a post, the gallery's published photos, the
not-found page's address and links, and search typed, pasted and without Turkish letters."""

import functools
import http.server
import io
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import copy_project, require_chromium, wait_until
from tests.photo_post import POST_ID, write_photo_post

CHROMIUM = require_chromium()
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

sync_playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").sync_playwright

# One address of each page type (17), in the default language's form; ru/ and tr/ are put in front.
PAGE_TYPES = {
    "home": "",
    "all posts": "archive/",
    "timeline": "timeline/",
    "on this day": "on-this-day/",
    "tags": "tags/",
    "tag": "tags/victory-day/",
    "sources": "sources/",
    "source": "sources/sputnik-international/",
    "photo credits": "credits/",
    "photographer": "credits/sputnik-ivan-shagin/",
    "post": "posts/meeting-on-the-elbe/",
    "post in two languages": "posts/victory-day-greeting/",
    "gallery without photos": "posts/elbe-link-up-in-photographs/",
    "gallery with photos": f"posts/{POST_ID}/",
    "status": "status/",
    "not found": "no/such/page/",
    "search": "?q={query}",  # Material opens its search with the query and runs it
}
LANG_PREFIX = {"en": "", "ru": "ru/", "tr": "tr/"}


class Pages(http.server.SimpleHTTPRequestHandler):
    """GitHub Pages: the site under `prefix`, the root 404.html (with status 404) for anything missing."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if self.prefix != "/":
            path = "/" + path[len(self.prefix):] if path.startswith(self.prefix) else "/nonexistent" + path
        return super().translate_path(path)

    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "404.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _build(work: Path, site_url: str | None) -> Path:
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    if site_url:
        env["SITE_URL"] = site_url
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work, capture_output=True,
                          text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return work / "site"


def _serve(site: Path, port: int, prefix: str):
    handler = functools.partial(type("Handler", (Pages,), {"prefix": prefix}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    work = copy_project(tmp_path_factory.mktemp("readers"))
    write_photo_post(work / "content")
    return work


@pytest.fixture(scope="module", params=["local", "sub-path"])
def deployed(request, project, tmp_path_factory):
    """(site folder, the address it is served at): 'local' is a build with the default site_url (another
    host) served at the root; 'sub-path' is built for and served at /repo/, as a project site."""
    port = _port()
    if request.param == "local":
        site, prefix = _build(project, None), "/"
    else:
        work = tmp_path_factory.mktemp("repo")
        import shutil
        for name in ("mkdocs.yml", "content", "scripts", "overrides"):
            (shutil.copytree if (project / name).is_dir() else shutil.copy)(project / name, work / name)
        (work / "docs").mkdir()
        site, prefix = _build(work, f"http://127.0.0.1:{port}/repo/"), "/repo/"
    server = _serve(site, port, prefix)
    yield site, f"http://127.0.0.1:{port}{prefix}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watch:
    """Every request, failed request, response with an error status and console error of one page."""

    def __init__(self, page, origin: str):
        self.origin = origin.split("/", 3)[:3]
        self.requests, self.failed, self.errors = [], [], []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append((r.url, r.failure)))
        page.on("response", lambda r: r.status >= 400 and self.failed.append((r.url, r.status)))
        page.on("console", lambda m: m.type == "error" and self.errors.append((m.text, m.location.get("url"))))
        page.on("pageerror", lambda e: self.errors.append((str(e), None)))

    def foreign(self):
        host = "/".join(self.origin)
        return [u for u in self.requests if not (u.startswith(host + "/") or u.startswith(("data:", "blob:")))]


@pytest.fixture
def context(browser):
    c = browser.new_context()
    yield c
    c.close()


@pytest.mark.parametrize("lang", ["en", "ru", "tr"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_no_failed_or_foreign_request_and_no_console_error(context, deployed, lang, kind):
    site, url = deployed
    page = context.new_page()
    watch = Watch(page, url)
    address = url + LANG_PREFIX[lang] + PAGE_TYPES[kind].format(query="Эльба" if lang == "ru" else "Elbe")
    page.goto(address)
    page.wait_for_load_state("networkidle")
    if kind == "search":
        page.wait_for_selector(".md-search-result__item", timeout=10000)
        page.wait_for_load_state("networkidle")
    failed = watch.failed
    if kind == "not found":  # the page itself is a 404 response (GitHub Pages' status): nothing else may be
        assert [f for f in failed if f[0] == address] == [(address, 404)]
        failed = [f for f in failed if f[0] != address]
        own = [e for e in watch.errors if e[1] == address]
        assert [e[0] for e in own] == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
        watch.errors = [e for e in watch.errors if e[1] != address]
    assert failed == []
    assert watch.foreign() == []
    assert watch.errors == []
    assert len(watch.requests) >= 3  # the page, its stylesheet and scripts were watched


@pytest.fixture
def page(context, deployed):
    p = context.new_page()
    p.watch = Watch(p, deployed[1])
    return p


def test_post_page_breadcrumbs_and_previous_next(page, deployed):
    _, url = deployed
    page.goto(url + "ru/posts/victory-day-greeting/")
    crumbs = page.locator("nav.breadcrumbs a")
    assert crumbs.all_inner_texts() == ["Главная", "Все публикации"]
    assert page.locator("nav.breadcrumbs [aria-current=page]").inner_text() == page.locator("h1").inner_text()
    page.locator("nav.post-pager a[rel=next]").click()
    page.wait_for_url(url + "ru/posts/operation-bagration/")
    page.locator("nav.post-pager a[rel=prev]").click()
    page.wait_for_url(url + "ru/posts/victory-day-greeting/")
    assert 0 < page.locator("#похожие-публикации + ul li").count() <= 5
    page.locator("nav.breadcrumbs a").nth(1).click()
    page.wait_for_url(url + "ru/archive/")


def test_credit_leads_to_the_photographers_page_and_back(page, deployed):
    _, url = deployed
    page.goto(url + "tr/posts/elbe-link-up-in-photographs/")
    page.locator("#photo-1 .credit a", has_text="İvan Şagin").click()
    page.wait_for_url(url + "tr/credits/sputnik-ivan-shagin/")
    page.locator("article a[href*='elbe-link-up-in-photographs']").first.click()
    page.wait_for_url(url + "tr/posts/elbe-link-up-in-photographs/#photo-1")


def test_gallery_shows_the_published_copies_without_exif(page, deployed):
    site, url = deployed
    from PIL import Image

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url + f"ru/posts/{POST_ID}/")
    first = page.locator("#photo-1 img")
    first.scroll_into_view_if_needed()
    wait_until(page, "document.querySelector('#photo-1 img').complete && "
                           "document.querySelector('#photo-1 img').naturalWidth > 0")
    shown = first.evaluate("img => img.currentSrc")
    assert shown.endswith(".webp") and "/posts/photos-at-torgau/torgau-1-" in shown
    assert (first.get_attribute("width"), first.get_attribute("height"), first.get_attribute("loading")) == \
        ("960", "640", "lazy")
    second = page.locator("#photo-2 img")
    assert (second.get_attribute("width"), second.get_attribute("height")) == ("600", "900")  # turned upright
    # What the browser fetched of the photos: only the published copies, none with EXIF or GPS.
    photos = [u for u in page.watch.requests if "/photos-at-torgau/" in u and u.endswith((".webp", ".jpg"))]
    assert photos and all("-" in u.rsplit("/", 1)[1] for u in photos)  # torgau-1-960.webp, not torgau-1.jpg
    for u in photos:
        data = (site / u.removeprefix(url)).read_bytes()
        assert b"Exif" not in data and b"FixtureCam" not in data
        with Image.open(io.BytesIO(data)) as im:
            assert not im.getexif() and "exif" not in im.info
    assert not (site / "posts" / POST_ID / "torgau-1.jpg").exists()
    # The lightbox still works by keyboard, with the largest copy.
    page.locator("#photo-1 .photo-open").focus()
    page.keyboard.press("Enter")
    page.locator("#view-1").wait_for(state="visible")
    wait_until(page, "document.activeElement.classList.contains('lightbox-close')", 5)
    assert page.locator("#view-1 img").get_attribute("width") == "1200"
    page.keyboard.press("Escape")
    page.locator("#view-1").wait_for(state="hidden")


def test_not_found_keeps_the_address_and_its_links_lead_to_real_pages(page, deployed):
    _, url = deployed
    typed = url + "ru/posts/nowhere/?x=1#here"
    page.goto(typed)
    wait_until(page, "document.documentElement.lang === 'ru'", 5)
    wait_until(page, f"location.href === {typed!r}", 5)
    assert page.locator("h1").inner_text() == "Страница не найдена"
    links = page.locator("a[href]").evaluate_all("els => els.map(e => e.href)")
    here = typed.split("#")[0]  # the skip link and other in-page anchors
    site_links = sorted({h.split("#")[0] for h in links if h.startswith(url)} - {here})
    assert url + "tr/" in site_links and url in site_links
    for href in site_links:
        response = page.request.get(href)
        assert response.status == 200, href


def search(page, url: str, query: str, how: str = "type") -> list[str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    if how == "type":
        page.keyboard.type(query, delay=20)
    else:  # pasted with the mouse: one input event, no key at all
        page.evaluate("""q => { const box = document.querySelector('input.md-search__input');
            const data = new DataTransfer(); data.setData('text/plain', q);
            box.focus(); box.value = q;
            box.dispatchEvent(new InputEvent('input', {inputType: 'insertFromPaste', dataTransfer: data, bubbles: true})); }""",
                      query)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


def test_a_pasted_query_runs_without_another_key(page, deployed):
    _, url = deployed
    links = search(page, url + "ru/", "Эльба", how="paste")
    assert any("/ru/posts/meeting-on-the-elbe/" in u for u in links)


@pytest.mark.parametrize("query", ["kizil", "Kızıl", "KIZIL", "kızıl"])
def test_turkish_without_its_letters(page, deployed, query):
    _, url = deployed
    links = search(page, url + "tr/", query)
    assert len({u.split("?")[0].split("#")[0] for u in links}) == 3


def test_a_result_gives_its_date_and_source(page, deployed):
    _, url = deployed
    search(page, url + "tr/", "Zafer")
    first = page.locator(".md-search-result__item").first
    assert page.locator(".md-search-result__item .search-meta").count() >= 1
    meta = first.locator(".search-meta").inner_text()
    assert "2023" in meta and ("Rusya" in meta or "Russian" in meta or "Sputnik" in meta)


@pytest.mark.parametrize("lang, query, expected", [
    ("en", "Shagin", "posts/elbe-link-up-in-photographs/"),
    ("ru", "Шагин", "ru/posts/elbe-link-up-in-photographs/"),
    ("tr", "Sputnik", "tr/posts/elbe-link-up-in-photographs/"),
    ("ru", "Мы были союзниками", "ru/posts/meeting-on-the-elbe/"),
])
def test_photographers_agencies_and_tags_are_found(page, deployed, lang, query, expected):
    _, url = deployed
    links = search(page, url + LANG_PREFIX[lang], query)
    assert url + expected in [u.split("?")[0].split("#")[0] for u in links]


def test_on_this_day_marks_today_and_names_the_nearest_date(page, deployed):
    _, url = deployed
    page.clock.set_fixed_time("2026-04-20T10:00:00")
    page.goto(url + "ru/on-this-day/")
    note = page.locator(".on-this-day-today")
    note.wait_for(timeout=5000)
    text = note.inner_text()
    assert "20 апреля" in text and "25 апреля" in text
    assert note.locator("a").get_attribute("href") == "#md-04-25"
    page.clock.set_fixed_time("2026-05-09T10:00:00")
    page.goto(url + "tr/on-this-day/")
    page.locator("#md-05-09.today").wait_for(timeout=5000)

