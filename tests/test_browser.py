"""The built site in headless Chromium, as a reader meets it (Playwright driving Debian's chromium)."""

import functools
import http.server
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import ROOT, copy_project, require_chromium, wait_until

CHROMIUM = require_chromium()
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
FIXTURE_POST = ROOT / "tests" / "fixtures" / "golden_content" / "posts" / "parade-1941"

sync_playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").sync_playwright


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves like GitHub Pages: the root 404.html for any missing address."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        if code == 404:
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().send_error(code, message, explain)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(the built site folder, its address): served at the root, as a GitHub Pages user site."""
    work = copy_project(tmp_path_factory.mktemp("browser"))
    # One post with a real photo, for the lightbox.
    shutil.copytree(FIXTURE_POST, work / "content" / "posts" / "parade-1941")
    shutil.copy(FIXTURE_POST.parent.parent / "sources" / "parade.txt", work / "content" / "sources" / "parade.txt")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work, capture_output=True,
                          text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "SITE_URL": url})
    assert proc.returncode == 0, proc.stderr
    handler = functools.partial(PagesHandler, directory=str(work / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield work / "site", url
    server.shutdown()


@pytest.fixture(scope="module")
def origin(built):
    return built[1]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, origin):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda r: page.requests.append(r.url))
    yield page
    context.close()


def search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    box = page.locator("input.md-search__input")
    box.click()
    # Material reacts to key events; characters outside the US layout are inserted without them,
    # so a final End key press makes the search run.
    page.keyboard.type(query, delay=30)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


@pytest.mark.parametrize("lang, query, expected", [
    ("ru", "Эльба", "ru/posts/meeting-on-the-elbe/"),
    ("ru", "Эльбе", "ru/posts/meeting-on-the-elbe/"),
    ("ru", "Эльбы", "ru/posts/elbe-link-up-in-photographs/"),
    ("tr", "Zafer", "tr/posts/victory-day-greeting/"),
    ("tr", "Elbe", "tr/posts/meeting-on-the-elbe/"),
    ("en", "Elbe", "posts/meeting-on-the-elbe/"),
])
def test_search_in_the_readers_language(page, origin, lang, query, expected):
    prefix = "" if lang == "en" else f"{lang}/"
    links = search(page, origin + prefix, query)
    paths = [link.split("?")[0].split("#")[0].removeprefix(origin) for link in links]
    assert expected in paths
    for path in paths:  # results only from the page's language
        assert path.startswith(prefix) and (lang != "en" or not path.startswith(("ru/", "tr/")))


def test_language_switcher_lands_on_the_same_page(page, origin):
    page.goto(origin + "posts/meeting-on-the-elbe/")
    page.locator(".md-header__option .md-select").hover()
    page.locator('.md-select__link[hreflang="ru"]').click()
    page.wait_for_url(origin + "ru/posts/meeting-on-the-elbe/")
    # The title binds the day to its month and the year to "года" with U+00A0 (house style, December review).
    assert page.locator("h1").inner_text() == "Встреча на Эльбе, 25\u00a0апреля 1945\u00a0года"
    assert page.locator("html").get_attribute("lang") == "ru"


def test_language_switcher_is_keyboard_reachable(page, origin):
    page.goto(origin + "tr/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.md-select') !== null"):
            break
    else:
        pytest.fail("the language switcher was not reached with Tab")


def test_hashtag_leads_to_tag_page_that_links_back(page, origin):
    page.goto(origin + "tr/posts/victory-day-greeting/")
    page.locator("article a", has_text="#9Mayıs").click()
    page.wait_for_url(origin + "tr/tags/may-9/")
    assert "9 Mayıs" in page.locator("h1").inner_text()
    page.locator("article a", has_text="Zafer Günü kutlama mesajı").first.click()  # the reviewed TR title
    page.wait_for_url(origin + "tr/posts/victory-day-greeting/")


def test_timeline(page, origin):
    page.goto(origin + "ru/timeline/")
    events = page.locator("li.timeline-event")
    assert events.count() >= 5
    first = events.first
    assert first.locator("time").get_attribute("datetime") == "1941-11-07"
    assert "Военный парад на Красной площади" in first.inner_text()
    first.locator("a").first.click()
    page.wait_for_url(origin + "ru/posts/victory-parades-on-red-square/")


def test_lightbox_opens_and_closes_by_keyboard(page, origin):
    page.goto(origin + "posts/parade-1941/")
    box = page.locator("#view-1")
    assert not box.is_visible()
    image = page.locator("#photo-1 img")
    assert image.get_attribute("loading") == "lazy"
    assert (image.get_attribute("width"), image.get_attribute("height")) == ("64", "48")
    page.locator("#photo-1 .photo-open").focus()
    page.keyboard.press("Enter")
    box.wait_for(state="visible")
    # Focus moves in the hashchange handler, just after the box shows: wait for it (fails after 5 s).
    wait_until(page, "document.activeElement.classList.contains('lightbox-close')", 5)
    page.keyboard.press("Escape")
    box.wait_for(state="hidden")
    wait_until(page, "document.activeElement.classList.contains('photo-open')", 5)


@pytest.mark.parametrize("path, heading", [("nowhere/", "Page not found"), ("ru/nowhere/", "Страница не найдена"),
                                           ("tr/posts/nowhere/", "Sayfa bulunamadı")])
def test_not_found_page_in_the_readers_language(page, origin, path, heading):
    page.goto(origin + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == heading


def test_no_request_leaves_the_sites_origin(page, origin):
    for path in ("", "ru/", "tr/posts/elbe-link-up-in-photographs/", "ru/timeline/", "tags/", "posts/parade-1941/"):
        page.goto(origin + path)
        page.wait_for_load_state("networkidle")
    search(page, origin + "ru/", "Эльба")
    assert page.requests
    outside = [u for u in page.requests if not u.startswith(origin) and not u.startswith("data:")]
    assert outside == []


def test_search_loads_only_the_readers_language_index(page, origin):
    links = search(page, origin + "ru/", "Эльба")
    assert links
    fetched = [u.removeprefix(origin).split("?")[0] for u in page.requests]
    pagefind = [u for u in fetched if "/pagefind/" in "/" + u]
    assert pagefind and all(u.startswith("ru/pagefind/") for u in pagefind)
    assert any(u.startswith("ru/pagefind/fragment/") for u in pagefind)
    assert "ru/search/search_index.json" in fetched  # the stub that carries the language's root
    assert not [u for u in fetched if "/workers/search." in u or "/lunr/" in u]  # Material's lunr is not used


def test_search_result_excerpt_highlight_and_enter(page, origin):
    search(page, origin + "ru/", "Эльбы")
    first = page.locator(".md-search-result__item").first
    marks = first.locator("mark").all_inner_texts()
    assert marks and all(m.lower().startswith("эльб") for m in marks)  # stemmed forms, marked
    excerpt = first.locator("article > p").first.inner_text()
    assert 20 < len(excerpt) < 400
    page.locator("input.md-search__input").press("Enter")  # Material: Enter opens the best result
    page.wait_for_url(origin + "ru/posts/**")
    assert "?h=" in page.url
    page.wait_for_selector("article mark[data-md-highlight]", timeout=5000)  # Material highlights on the page
    assert any(m.lower().startswith("эльб") for m in page.locator("article mark[data-md-highlight]").all_inner_texts())


def test_search_under_a_sub_path(browser, built):
    """GitHub Pages serves a project site at /<repo>/: search resolves its addresses from its own files."""
    from scripts.bench.search import serve

    server = serve(built[0], "/repo/")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.requests = []
        page.on("request", lambda r: page.requests.append(r.url))
        links = search(page, server.url + "tr/", "Zafer")
        assert server.url + "tr/posts/victory-day-greeting/" in [link.split("?")[0] for link in links]
        assert all(u.startswith(server.url) for u in page.requests if "pagefind" in u or "search" in u)
    finally:
        context.close()
        server.stop()


def test_result_line_gives_the_total_when_only_the_best_are_listed(page, origin):
    """The worker lists the best `shown` results (20 in the build); with 1 here, the line gives the total."""
    import json

    def fewer(route):
        response = route.fetch()
        data = response.json()
        data["config"]["shown"] = 1
        route.fulfill(response=response, body=json.dumps(data))

    page.route("**/ru/search/search_index.json", fewer)
    search(page, origin + "ru/", "Эльба")
    assert page.locator(".md-search-result__item").count() == 1
    wait_until(page, "document.querySelector('.md-search-result__meta').textContent.includes('лучшие')")
    assert page.locator(".md-search-result__meta").inner_text() == "Найдено совпадений: 2, показаны лучшие 1"


def test_results_hold_every_word_typed(page, origin):
    """Pagefind lists pages holding every word: two posts mention the Elbe, one Bagration, none both."""
    assert len(search(page, origin, "Elbe")) == 2
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially("Elbe Bagration")
    box.press("End")
    wait_until(page, "document.querySelector('.md-search-result__meta').textContent.includes('No matching')")
    assert page.locator(".md-search-result__item").count() == 0
