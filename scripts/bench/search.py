"""Measure search as a reader meets it: a built site served over HTTP with gzip (as GitHub Pages serves it),
a query typed into Material's search box in headless Chromium, the time until the first result shows and
the bytes sent before it. Prints a Markdown table (medians of --runs runs, each in a fresh browser context)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import re
import statistics
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..content.model import DEFAULT_LANG, LANGS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Words every synthetic archive (scripts/bench.py) uses often in each language: a query with many hits.
QUERIES = {"en": "Elbe", "ru": "Эльба", "tr": "Zafer"}
# What GitHub Pages compresses: text. Pagefind's own files (.pf_*, .pagefind) are gzipped already.
GZIP_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
SEARCH_PARTS = ("/search/", "/pagefind/", "/workers/")  # paths that belong to search


def is_search_path(path: str) -> bool:
    return any(part in path for part in SEARCH_PARTS)


class Served(http.server.SimpleHTTPRequestHandler):
    """Static files, gzipped when the client accepts it and the type is text; every response is logged
    with the bytes it put on the wire (headers and body)."""

    log: list  # (time, path, bytes), shared by the server's threads
    cache: dict  # path -> gzipped bytes

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", "") \
                or not ctype.startswith(GZIP_TYPES):
            return super().send_head()
        key = str(path)
        body = self.cache.get(key)
        if body is None:
            body = self.cache[key] = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def handle_one_request(self):
        counted = _Counter(self.wfile)
        self.wfile = counted
        try:
            super().handle_one_request()
        finally:
            self.wfile = counted.raw
            if getattr(self, "path", None) and counted.n:
                self.log.append((time.perf_counter(), self.path, counted.n))


class _Counter:
    def __init__(self, raw):
        self.raw, self.n = raw, 0

    def write(self, data):
        self.n += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


@dataclass
class Server:
    url: str
    log: list
    stop: Callable[[], None]


def serve(site: Path, prefix: str = "/") -> Server:
    """Serve `site` at http://127.0.0.1:<port><prefix> (a sub-path, as GitHub Pages serves a project site)."""
    log: list = []
    cache: dict = {}
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"

    class Handler(Served):
        def translate_path(self, path):
            if prefix != "/" and path.startswith(prefix):
                path = "/" + path[len(prefix):]
            elif prefix != "/":
                path = "/nonexistent" + path
            return super().translate_path(path)

    Handler.log, Handler.cache = log, cache
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return Server(f"http://127.0.0.1:{server.server_address[1]}{prefix}", log, server.shutdown)


@dataclass(frozen=True)
class Run:
    ready_ms: float  # from the load event until Material's search is ready (its placeholder shows)
    first_ms: float  # from the first key press until the first result shows
    matches: str  # the count on Material's result line when the first result showed ("4.1k", "2")
    bytes_page: int  # everything the page fetched before the first key press
    bytes_page_search: int  # of which search (index, worker, Pagefind): what every page view pays
    bytes_query: int  # sent from the first key press until the first result showed
    bytes_total_search: int  # search bytes from navigation to the first result
    bytes_total: int  # all bytes from navigation to the first result (the page itself too)


def measure(browser, server: Server, lang: str, query: str, wait_ready: bool) -> Run:
    """Open the language's home page, type `query` into the search box, wait for its first result.
    wait_ready: type once Material's search says it is ready (else at the load event, as a reader who
    searches at once)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        del server.log[:]
        page.goto(server.url + ("" if lang == DEFAULT_LANG else f"{lang}/"), wait_until="load")
        loaded = time.perf_counter()
        meta = page.locator(".md-search-result__meta")
        if wait_ready:  # Material writes its placeholder once its worker said it was ready
            page.wait_for_function(
                "document.querySelector('.md-search-result__meta').textContent.trim() === "
                "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']",
                timeout=300_000)
        ready = time.perf_counter()
        box = page.locator("input.md-search__input")
        box.click()
        mark = len(server.log)
        start = time.perf_counter()
        box.press_sequentially(query)
        box.press("End")  # characters outside the US layout are typed without key events
        # The first result of the whole query, not of a prefix typed on the way: Material puts the query's
        # words in each result's link (?h=...) for its highlight on the opened page.
        page.wait_for_function(
            """words => { const a = document.querySelector('.md-search-result__item > a');
                          const h = a ? (new URL(a.href).searchParams.get('h') || '').split(' ') : [];
                          return words.every(w => h.includes(w)); }""",
            arg=query.lower().split(), timeout=300_000)
        first = time.perf_counter()
        # The archive's worker hands the total to the result line (archive.js); Material writes 4,100 as 4.1k.
        total = page.locator("[data-search-total]").first
        count = re.search(r"\d+(?:[.,]\d+)*k?", meta.inner_text())
        matches = total.get_attribute("data-search-total") if total.count() else count.group(0) if count else "1"
        entries = list(server.log)
        before, after = entries[:mark], [e for e in entries[mark:] if e[0] <= first]
        return Run(
            ready_ms=(ready - loaded) * 1000 if wait_ready else float("nan"),
            first_ms=(first - start) * 1000,
            matches=matches,
            bytes_page=sum(n for _, _, n in before),
            bytes_page_search=sum(n for _, p, n in before if is_search_path(p)),
            bytes_query=sum(n for _, _, n in after),
            bytes_total_search=sum(n for _, p, n in before + after if is_search_path(p)),
            bytes_total=sum(n for _, _, n in before + after),
        )
    finally:
        context.close()


def bench_site(site: Path, runs: int = 3, queries: dict[str, str] = QUERIES, prefix: str = "/",
               chromium: str = CHROMIUM, log=print) -> dict[tuple[str, bool], list[Run]]:
    from playwright.sync_api import sync_playwright

    server = serve(site, prefix)
    out: dict[tuple[str, bool], list[Run]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                for lang in LANGS:
                    for wait_ready in (False, True):
                        measure(browser, server, lang, queries[lang], wait_ready)  # warm the server and disk
                        out[lang, wait_ready] = [measure(browser, server, lang, queries[lang], wait_ready)
                                                 for _ in range(runs)]
                        r = out[lang, wait_ready]
                        log(f"bench-search: {site} {lang} {'ready' if wait_ready else 'at load'}: "
                            + ", ".join(f"{x.first_ms:.0f} ms" for x in r))
            finally:
                browser.close()
    finally:
        server.stop()
    return out


COLUMNS = ("site", "lang", "query", "typed", "first result ms", "matches", "search ready ms",
           "page-view search KB", "query KB", "search KB to first result", "all KB to first result")


def render_table(measured: dict[str, dict[tuple[str, bool], list[Run]]], queries: dict[str, str] = QUERIES) -> str:
    def med(runs, attr):
        return statistics.median(getattr(r, attr) for r in runs)

    lines = ["| " + " | ".join(COLUMNS) + " |", "| " + " | ".join(["---"] * 3 + ["---"] + ["---:"] * 7) + " |"]
    for name, results in measured.items():
        for (lang, wait_ready), runs in results.items():
            ready = med(runs, "ready_ms")
            lines.append("| " + " | ".join([
                name, lang, queries[lang], "when ready" if wait_ready else "at load",
                f"{med(runs, 'first_ms'):,.0f}", runs[len(runs) // 2].matches,
                "–" if ready != ready else f"{ready:,.0f}",
                f"{med(runs, 'bytes_page_search') / 1000:,.1f}", f"{med(runs, 'bytes_query') / 1000:,.1f}",
                f"{med(runs, 'bytes_total_search') / 1000:,.1f}", f"{med(runs, 'bytes_total') / 1000:,.1f}",
            ]) + " |")
    return "\n".join(lines)


def add_arguments(parser):
    parser.add_argument("sites", nargs="+", type=Path, metavar="SITE", help="built site folders (mkdocs build output)")
    parser.add_argument("--runs", type=int, default=3, metavar="K", help="runs per language; medians (default: 3)")
    parser.add_argument("--prefix", default="/", help="serve the site under this sub-path (default: /)")
    parser.add_argument("--chromium", default=CHROMIUM, help=f"Chromium executable (default: {CHROMIUM})")


def run(args) -> int:
    measured = {}
    for site in args.sites:
        name = site.parent.name if site.name == "site" else site.name  # bench.py's <tmp>/posts-N/site
        name = str(site) if name in measured else name
        measured[name] = bench_site(site, args.runs, prefix=args.prefix, chromium=args.chromium,
                                         log=lambda m: print(m, flush=True, file=sys.stderr))
    print(render_table(measured))
    print("\nfirst result ms: from the first key press to the first result of the whole query listed; 'at load': typed as soon as "
          "the page loaded; 'when ready': typed once Material's search said it was ready ('search ready ms' after "
          "the load event). matches: the count on Material's result line then (it writes 4,100 as 4.1k). KB = 1000 bytes on the wire (gzip where the server compresses). page-view search KB: "
          "what search fetched before any key press (every reader pays it); query KB: all bytes from the first key "
          "press to the first result.")
    return 0
