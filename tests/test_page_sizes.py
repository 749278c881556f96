"""No generated page grows with the number of posts: lists paginate, indexes cap what they show."""

from scripts.site import generate as gen
from scripts.sources.write import import_paths


def build(tmp_path, n: int) -> dict[str, int]:
    source = tmp_path / f"page-{n}.txt"
    source.write_text("".join(
        f"Forwarded from Channel {i % 3}\nPost number {i} remembers the day: On May 9, 1945, the war in Europe ended.\n"
        f"Its own second paragraph, number {i}.\n#Victory #Tag{i % 4}\n" for i in range(n)), encoding="utf-8")
    content, docs = tmp_path / f"content-{n}", tmp_path / f"docs-{n}"
    import_paths([source], content)
    result = gen.generate(content, docs)
    assert result.posts == n
    return {p.relative_to(docs).as_posix(): p.stat().st_size for p in docs.rglob("*.md") if "/posts/" not in p.as_posix()}


def test_list_pages_do_not_grow(tmp_path):
    small, large = build(tmp_path, 120), build(tmp_path, 360)
    assert len(large) > len(small)  # more pages, not longer ones
    assert max(large.values()) <= max(small.values()) + 1024
    for path in ("en/index.md", "ru/timeline.md", "tr/on-this-day.md", "en/tags/victory.md", "en/archive/index.md",
                 "ru/days/1945-05-09.md", "en/sources/index.md"):
        assert large[path] <= small[path] + 256, path
    assert "en/tags/victory/8.md" in large and "en/days/1945-05-09/8.md" in large


# --- the built pages ---------------------------------------------------------------------------------

import logging  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from scripts.bench import archive as bench  # noqa: E402
from scripts.bench.weight import chrome_bytes, is_post_page, site_weights  # noqa: E402
from scripts.site import site_size  # noqa: E402
from scripts.site.minify import minify_page  # noqa: E402
from tests.conftest import ROOT, copy_project  # noqa: E402

# Bytes of a post page outside its article (head, header, tabs, drawer, toc, footer, scripts), at most,
# less its JSON-LD (the post's own metadata, whose size is the post's: a gallery's captions and credits),
# and with it. The issue's target is 6 KB; the seeds' largest are ~11.9 KB and ~21.8 KB (the Russian
# gallery) after this round (README, "Size").
POST_CHROME_LIMIT = 12_500
POST_CHROME_WITH_JSONLD_LIMIT = 22_500
_JSONLD = re.compile(rb'<script type="application/ld\+json">.*?</script>', re.S)


def _pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*.html")}


def test_post_page_chrome_stays_small(built_site):
    site, _ = built_site
    posts = {rel: html for rel, html in _pages(site).items() if is_post_page(rel)}
    chrome = {rel: chrome_bytes(html) for rel, html in posts.items()}
    assert len(chrome) == 15
    assert {rel: n for rel, n in chrome.items() if n > POST_CHROME_WITH_JSONLD_LIMIT} == {}
    furniture = {rel: chrome_bytes(_JSONLD.sub(b"", html)) for rel, html in posts.items()}
    assert {rel: n for rel, n in furniture.items() if n > POST_CHROME_LIMIT} == {}
    weights = site_weights(site)
    assert weights.post_pages == 15 and weights.max_chrome >= max(chrome.values())


def test_built_pages_are_minified_and_share_what_repeats(built_site):
    site, _ = built_site
    page = (site / "ru" / "posts" / "meeting-on-the-elbe" / "index.html").read_text(encoding="utf-8")
    assert "\n    " not in page  # Material's indentation is gone
    assert '<html lang="ru" class="no-js">' in page  # quotes and attribute order as Material wrote them
    assert "<path " not in page  # icons by reference to the site's one file
    # logo twice (header, drawer), menu, translate, back to top; the search's four are in the language's file
    assert page.count('archive-icons.svg#') == 5
    assert '<script id="__config"' not in page and "archive-config.ru." in page  # once per language
    assert 'data-md-component="search"' not in page and 'for="__search"' not in page
    (script,) = (site / "assets" / "javascripts").glob("archive-config.ru.*.js")
    assert script.read_text(encoding="utf-8").count("archive-icons.svg#") == 4
    assert 'placeholder=\\"Поиск\\"' in script.read_text(encoding="utf-8")
    assert 'var palette=__md_get("__palette")' not in page  # no palette here
    # The lean tabs and drawer: one link each per navigation entry, with Material's classes.
    assert len(re.findall(r'<li class="md-tabs__item"><a href="[^"]+" class="md-tabs__link">', page)) == 8
    assert len(re.findall(r'<li class="md-nav__item"><a href="(?!#)[^"]+" class="md-nav__link">[^<]+</a></li>',
                          page)) == 8
    assert "<script>" not in page  # Material's head script is in the language's file too


def test_icons_are_materials_own():
    """assets/images/archive-icons.svg holds the paths of the installed Material's icons."""
    import material

    icons = Path(material.__file__).parent / "templates" / ".icons" / "material"
    sprite = (ROOT / "overrides" / "assets" / "images" / "archive-icons.svg").read_text(encoding="utf-8")
    symbols = dict(re.findall(r'<symbol id="([a-z-]+)" viewBox="0 0 24 24">(.*?)</symbol>', sprite))
    assert set(symbols) == {"library", "menu", "translate", "magnify", "arrow-left", "close", "arrow-up"}
    for name, body in symbols.items():
        svg = (icons / f"{name}.svg").read_text(encoding="utf-8")
        assert re.search(r"<svg[^>]*>(.*)</svg>", svg, re.S).group(1) == body, name


MATERIAL_SCRIPTS = (
    '<script>__md_scope=new URL("../..",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0)'
    '</script>',
    '<script id="__config" type="application/json">{"base": "../..", "features": ["navigation.tabs"]}</script>',
    '<script>var target=document.getElementById(location.hash.slice(1));target&&target.name&&'
    '(target.checked=target.name.startsWith("__tabbed_"))</script>',
    '<script src="../../assets/javascripts/bundle.a5f9d56c.min.js"></script>',
)


def test_minify_keeps_every_script_byte_for_byte():
    """A Content-Security-Policy hash of an inline script is the same before and after minification."""
    html = ("<!doctype html>\n<html lang=\"en\" class=\"no-js\">\n  <head>\n    <meta charset=\"utf-8\">\n    "
            + MATERIAL_SCRIPTS[0] + "\n  </head>\n  <body dir=\"ltr\">\n    <div class=\"md-content\">\n"
            "      <p title=\"a &quot;b&quot;\">Text   with\n   spaces</p>\n      <pre>  kept\n    as is</pre>\n"
            + "\n".join(f"      {s}" for s in MATERIAL_SCRIPTS[1:]) + "\n    </div>\n  </body>\n</html>\n")
    out = minify_page(html)
    assert re.findall(r"<script\b.*?</script>", out, re.S) == list(MATERIAL_SCRIPTS)
    assert re.search(r"<p title='a \"b\"'>Text with\sspaces</p>", out)  # runs of whitespace become one
    assert "<pre>  kept\n    as is</pre>" in out
    assert '<div class="md-content">' in out and "</body></html>" in out
    assert len(out) < len(html) - 60


def test_minify_writes_an_ampersand_that_starts_no_reference_as_one():
    """Pagefind reads 'A & "q" &lt;c&gt;' (the minifier's shortest form) with '&lt;' undecoded: every '&'
    of the text and the attributes is a reference, and the scripts' '&&' stay as they are."""
    out = minify_page('<p title="a &amp; b">A &amp; "q" &lt;c&gt; AT&amp;T</p><script>a&&b</script>')
    assert out == '<p title="a &amp; b">A &amp; "q" &lt;c> AT&amp;T</p><script>a&&b</script>'


def test_minify_finds_scripts_as_a_parser_does():
    """A "<script>" inside an attribute value or a title is text; a script after markup that the
    minifier reads as foreign (an unclosed <svg>) still comes back byte for byte."""
    html = ('<head><title>a <script>x</script></title><meta content="<script>y</script>"></head>'
            "<body><svg><p>t</p><script>var  a = 1</script></body>")
    out = minify_page(html)
    assert out == html


def test_minify_leaves_text_that_looks_like_a_placeholder():
    html = '<p>&lt;script data-archive-kept="0"&gt;&lt;/script&gt;</p><script>var a = 1;</script>'
    out = minify_page(html)
    assert out.endswith("<script>var a = 1;</script>") and "data-archive-kept" in out


# --- the size of a page does not depend on the size of the archive ------------------------------------

def _build_synthetic(work: Path, posts: int) -> Path:
    snapshot = work / "snapshot"
    if not snapshot.exists():
        bench.write_snapshot(snapshot)
    project, raw = bench.write_project(work / f"posts-{posts}", posts, snapshot)
    bench.run_stage([sys.executable, "-m", "scripts", "--content", "content", "import", *map(str, raw)], project)
    bench.run_stage([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(project / "site")], project)
    return project / "site"


@pytest.fixture(scope="module")
def small_and_large(tmp_path_factory):
    work = tmp_path_factory.mktemp("sizes")
    return _build_synthetic(work, 19), _build_synthetic(work, 58)


def test_a_post_page_weighs_the_same_in_a_larger_archive(small_and_large):
    small, large = map(_pages, small_and_large)

    def article(html: bytes) -> bytes:
        """The post's own article, less the ways on (previous, next, related: other posts' titles, which
        depend on the archive around it, five at most)."""
        body = html[html.find(b'<article class="md-content__inner'):html.rfind(b"</article>")]
        body = body[:body.find(b'<div class="ways-on">')]
        # The raw copy is the saved channel page, which holds more posts in the larger archive: its SHA-256
        # differs (at the same length).
        return re.sub(rb'<code class="sha256">[0-9a-f]{64}</code>', b"", body)

    # The small archive's telegram posts are the large one's first (the same seed); a slug can still name
    # another post in the other archive, so compare the pages whose article is the same post's.
    same = [rel for rel in small if is_post_page(rel) and rel in large and article(small[rel]) == article(large[rel])]
    assert len(same) >= 3 * 15
    for rel in same:
        assert chrome_bytes(large[rel]) == chrome_bytes(small[rel]), rel
        assert abs(len(large[rel]) - len(small[rel])) <= 1024, rel  # the ways on: titles of other posts


def test_list_pages_weigh_the_same_in_a_larger_archive(small_and_large):
    """The lists' own length is test_list_pages_do_not_grow's (they paginate at 50 posts, past both archives
    here); their chrome does not grow, and the home page shows the same number of posts."""
    small, large = map(_pages, small_and_large)
    for lang in ("", "ru/", "tr/"):
        for rel in ("index.html", "archive/index.html", "sources/index.html", "tags/index.html"):
            assert chrome_bytes(large[lang + rel]) <= chrome_bytes(small[lang + rel]) + 256, lang + rel
        assert len(large[lang + "index.html"]) <= len(small[lang + "index.html"]) + 1024, lang


# --- GitHub Pages' limit ------------------------------------------------------------------------------

def test_size_messages():
    assert site_size.size_message(799_000_000, 800, 1000) is None
    level, text = site_size.size_message(850_000_000, 800, 1000)
    assert level == logging.INFO
    assert text.startswith("archive: warning: the built site is 850 MB, past 800 MB of the 1,000 MB that GitHub Pages "
                           "publishes. Split the archive into project sites")
    level, text = site_size.size_message(1_000_000_001, 800, 1000)
    assert level == logging.WARNING
    assert "over the 1,000 MB that GitHub Pages publishes: the deploy would fail." in text
    assert "a host without that limit" in text


def test_site_bytes_counts_every_file(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.html").write_bytes(b"x" * 1000)
    (tmp_path / "y.js").write_bytes(b"y" * 234)
    assert site_size.site_bytes(tmp_path) == 1234


def _build_with(tmp_path, options: str) -> subprocess.CompletedProcess:
    work = copy_project(tmp_path)
    config = (work / "mkdocs.yml").read_text(encoding="utf-8")
    config, n = re.subn(r"^(  - archive:\n)", r"\1" + options, config, flags=re.M)
    assert n == 1
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=work, capture_output=True,
                          text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


def test_strict_build_fails_past_the_limit_and_says_what_to_do(tmp_path):
    proc = _build_with(tmp_path / "over", "      size_warning_mb: 0.5\n      size_limit_mb: 1\n")
    assert proc.returncode != 0
    assert re.search(r"WARNING +- +archive: the built site is \d+ MB, over the 1 MB that GitHub Pages publishes",
                     proc.stderr), proc.stderr
    said = " ".join((proc.stdout + proc.stderr).split())
    assert "Split the archive into project sites" in said and "a host without that limit" in said
    assert "Aborted with 1 warnings in strict mode" in said


def test_strict_build_passes_between_warning_and_limit(tmp_path):
    proc = _build_with(tmp_path / "near", "      size_warning_mb: 1\n      size_limit_mb: 1000\n")
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"INFO +- +archive: warning: the built site is \d+ MB, past 1 MB", proc.stderr), proc.stderr
