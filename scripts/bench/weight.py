"""Where a built site's bytes go: its HTML, the post pages, and each page's chrome (everything outside
the article: head, header, tabs, drawer, table of contents, footer, scripts). Pure reading of site/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PAGES_LIMIT = 10 ** 9  # GitHub Pages publishes sites of at most 1 GB
_ARTICLE = b'<article class="md-content__inner'
_POST = re.compile(r"^(?:[a-z]{2}/)?posts/[^/]+/index\.html$")


def chrome_bytes(html: bytes) -> int:
    """Bytes of a page outside its article (Material's <article class="md-content__inner ...">, whose own
    end is the page's last </article>: cards inside it are articles too)."""
    start, end = html.find(_ARTICLE), html.rfind(b"</article>")
    if start < 0 or end < start:
        return len(html)
    return len(html) - (end + len(b"</article>") - start)


def is_post_page(relative: str) -> bool:
    return bool(_POST.match(relative))


@dataclass
class Weights:
    site_bytes: int
    html_bytes: int
    pages: int
    post_pages: int
    post_page_bytes: int  # all post pages together
    chrome_bytes: int  # all pages together
    max_chrome: int
    max_chrome_page: str

    @property
    def kb_per_post_page(self) -> float:
        return self.post_page_bytes / self.post_pages / 1e3 if self.post_pages else 0.0

    @property
    def kb_chrome_per_page(self) -> float:
        return self.chrome_bytes / self.pages / 1e3 if self.pages else 0.0


def site_weights(site: Path) -> Weights:
    site_total = html_total = pages = posts = post_bytes = chrome_total = 0
    max_chrome, max_page = 0, ""
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        site_total += size
        if path.suffix != ".html":
            continue
        relative = path.relative_to(site).as_posix()
        html = path.read_bytes()
        html_total += size
        pages += 1
        chrome = chrome_bytes(html)
        chrome_total += chrome
        if chrome > max_chrome:
            max_chrome, max_page = chrome, relative
        if is_post_page(relative):
            posts += 1
            post_bytes += size
    return Weights(site_total, html_total, pages, posts, post_bytes, chrome_total, max_chrome, max_page)


def max_posts(site_bytes: int, posts: int, fixed_bytes: int = 0, limit: int = PAGES_LIMIT) -> int | None:
    """The largest archive whose site fits `limit`, if the site grows in proportion to its posts beyond
    `fixed_bytes` (Material's assets and the like, which do not grow)."""
    per_post = (site_bytes - fixed_bytes) / posts if posts else 0
    return int((limit - fixed_bytes) / per_post) if per_post > 0 else None


# Where a file belongs, by its address under site/ (any language's folder: /, /ru/, /tr/). First match wins.
_CATEGORIES = (
    ("search fragments", re.compile(r"^(?:[a-z]{2}/)?pagefind/fragment/")),
    ("search index", re.compile(r"^(?:[a-z]{2}/)?pagefind/index/")),
    ("search other", re.compile(r"^(?:[a-z]{2}/)?(?:pagefind|search)/")),
    ("post pages", _POST),
    ("citation files", re.compile(r"^(?:[a-z]{2}/)?posts/[^/]+/cite\.")),
    ("photos", re.compile(r"^(?:[a-z]{2}/)?posts/[^/]+/[^/]+\.(?:jpe?g|webp|png|gif)$", re.I)),
    ("tag pages", re.compile(r"^(?:[a-z]{2}/)?tags/.+\.html$")),
    ("day pages", re.compile(r"^(?:[a-z]{2}/)?(?:days|on-this-day|timeline)/.*\.html$")),
    ("list pages", re.compile(r"^(?:[a-z]{2}/)?(?:archive/.*)?index\.html$")),
    ("source and credit pages", re.compile(r"^(?:[a-z]{2}/)?(?:sources|credits)/.*\.html$")),
    ("raw copies", re.compile(r"^sources/raw/")),
    ("open data", re.compile(r"^(?:[a-z]{2}/)?data/")),
    ("feeds", re.compile(r"^(?:[a-z]{2}/)?(?:[^/]+/)*feed[^/]*\.xml$")),
    ("sitemaps", re.compile(r"^(?:[a-z]{2}/)?sitemap\.xml(?:\.gz)?$")),
    ("theme assets", re.compile(r"^assets/")),
    ("other pages", re.compile(r"\.html$")),
)


def categories(site: Path) -> dict[str, tuple[int, int, int]]:
    """Bytes of the site by kind of file: {category: (files, bytes, chrome bytes of its pages)}, largest first."""
    out: dict[str, list[int]] = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        name = next((name for name, pattern in _CATEGORIES if pattern.search(relative)), "other files")
        row = out.setdefault(name, [0, 0, 0])
        row[0] += 1
        row[1] += path.stat().st_size
        if path.suffix == ".html":
            row[2] += chrome_bytes(path.read_bytes())
    return dict(sorted(((k, tuple(v)) for k, v in out.items()), key=lambda kv: -kv[1][1]))


def category_table(site: Path) -> str:
    """categories() as a Markdown table (MB = 10^6 bytes)."""
    rows = ["| what | files | MB | of which chrome MB |", "| :--- | ---: | ---: | ---: |"]
    for name, (files, size, chrome) in categories(site).items():
        rows.append(f"| {name} | {files:,} | {size / 1e6:.1f} | {chrome / 1e6:.1f} |" if chrome
                    else f"| {name} | {files:,} | {size / 1e6:.1f} | – |")
    return "\n".join(rows)


if __name__ == "__main__":
    import sys

    print(category_table(Path(sys.argv[1])))
