"""Finishing the built site: Material's page config (base.html's <script id="__config">, about 1 KB of
features and interface strings) once per language instead of in every page.

Every page of a language carries the same config except two page-relative addresses, `base` and
`search`. The page gets a <script src> of its language's file instead; that script, run where the
inline config stood (before Material's bundle, which reads the config as it starts), resolves both
addresses against Material's `__md_scope` (the site root, set in the page head) and puts the same
<script id="__config"> element back, so Material and archive.js read what they always read. A page
whose config differs from its language's in anything else keeps its own inline, as do the not-found
pages (served at any address, where a page-relative scope does not hold).

Material's head script (the site root as `__md_scope`, and the storage helpers of its bundle; about 300
bytes) goes into the same file, which finds the root from its own address: the script runs before
anything else uses them, and the pages are left with no inline script at all.

The header's search button and dialog, which only work with JavaScript (about 1.4 KB, the same in every
page of a language but for the page-relative address of the icon file), go into the same file: the script
puts them back where they stood, so Material finds them as it starts. Without JavaScript the header shows
no search button that could do nothing. A page whose search markup differs from its language's keeps its
own, and the script then adds none."""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
from pathlib import Path

from ..files import write_if_changed
from .head import split_url

_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
FOLDER = "assets/javascripts"
_SCRIPT = """// Material's page config for the {lang} pages of this site, written by the archive plugin
// (scripts/site/page_config.py): the <script id="__config"> each page had inline, with its addresses
// resolved against the site root (__md_scope), and the header's search.
{scope}(function () {{
  var config = {config};
  config.base = new URL(config.base, __md_scope).href;
  config.search = new URL(config.search, __md_scope).href;
  var element = document.createElement("script");
  element.id = "__config";
  element.type = "application/json";
  element.textContent = JSON.stringify(config);
  document.currentScript.parentNode.insertBefore(element, document.currentScript);
  var search = {search};
  var header = document.querySelector(".md-header__inner");
  if (search && header && !document.querySelector('[data-md-component="search"]')) {{
    header.insertAdjacentHTML("beforeend", search.split("{root}").join(__md_scope.href));
  }}
}})();
"""
_SEARCH = re.compile(r"<!--archive:search-->(.*?)<!--/archive:search-->", re.S)
# Material's head script (partials/javascripts/base.html): the site root as __md_scope, and the storage
# helpers its bundle uses. Unless a page defined them already, the file does, with the root found from the
# file's own address (it lives two folders down, in assets/javascripts/).
_SCOPE = re.compile(r'<script>__md_scope=new URL\("([^"\\<]*)",location\),(__md_hash=.*?)</script>', re.S)
_SCOPE_LINE = ('if (typeof __md_scope === "undefined") '
               '__md_scope=new URL("../..",document.currentScript.src),{rest};\n')
ROOT = "\x00root\x00"  # stands for the site root's address in the search markup the script holds


def site_relative(config: dict, url: str) -> dict | None:
    """The config with `base` and `search` made relative to the site root (from the page at `url`), or
    None when either is missing or not a relative path."""
    here = _here(url)  # what hrefs resolve against
    out = dict(config)
    for key in ("base", "search"):
        value = config.get(key)
        if not isinstance(value, str) or re.match(r"^([a-z][a-z0-9+.-]*:|/)", value, re.I):
            return None
        path = posixpath.normpath(posixpath.join(here, value)).lstrip("/")
        out[key] = path + "/" if key == "base" and path else path
    return out


def render_script(lang: str, config: dict, search: str | None = None, scope: str | None = None) -> str:
    """The language's file; `scope`: the storage helpers of Material's head script (after its __md_scope),
    when the file stands in for it."""
    return _SCRIPT.format(lang=lang, config=json.dumps(config, ensure_ascii=False, sort_keys=True),
                          search=json.dumps(search, ensure_ascii=False), root=ROOT.encode("unicode_escape").decode(),
                          scope=_SCOPE_LINE.format(rest=scope) if scope is not None else "")


def _here(url: str) -> str:
    """The folder a page's relative addresses resolve against, from the site root: '/', '/posts/x'."""
    return "/" + url.rstrip("/") if url.endswith("/") else posixpath.dirname("/" + url)


def scope_helpers(output: str, url: str, config_at: int) -> tuple[re.Match | None, str | None]:
    """Material's head script in the page, and its storage helpers, when the file can stand in for it: the
    scope it sets is the site root, and nothing between it and the config (where the file is loaded) uses
    them. (None, None) otherwise."""
    m = _SCOPE.search(output, 0, config_at)
    if not m or posixpath.normpath(posixpath.join(_here(url), m.group(1))) != "/":
        return None, None
    if "__md_" in output[m.end():config_at]:
        return None, None
    return m, m.group(2)


def site_relative_search(markup: str, url: str) -> str | None:
    """The search markup with its page-relative references to the site's files (the icons) made to stand
    for the site root, or None when it refers to anything else by a relative address."""
    depth = posixpath.relpath(".", url.rstrip("/") or ".")  # '.' at the root, '../..' two folders down
    prefix = "" if depth == "." else depth + "/"
    out = re.sub(r'(href|src)="' + re.escape(prefix) + r'(assets/)', lambda m: f'{m.group(1)}="{ROOT}{m.group(2)}', markup)
    if re.search(r'(?:href|src)="(?!\x00)', out):
        return None
    return out.strip()


def without_markers(output: str) -> str:
    return _SEARCH.sub(lambda m: m.group(1), output)


def script_name(lang: str, script: str) -> str:
    """The file's name carries a digest of its text: a changed config is a new address, never a stale cache."""
    return f"archive-config.{lang}.{hashlib.sha256(script.encode('utf-8')).hexdigest()[:10]}.js"


class PageConfigs:
    """The config file of each language, written into site_dir at the first page that needs it."""

    def __init__(self):
        self.written: dict[tuple[str, str], str] = {}  # (site_dir, lang) -> the file's name
        self.search: dict[str, str | None] = {}  # lang -> the search markup its file puts back
        self.scope: dict[str, str | None] = {}  # lang -> the storage helpers its file defines (Material's head script)

    def externalize(self, output: str, url: str, site_dir: str, minify=None) -> str:
        """The page with its config (and its search markup) replaced by its language's file. `minify`: what
        the page goes through next (minify.minify_page), for the search markup the file holds, or None."""
        lang, path = split_url(url)
        if path.startswith("404"):
            return without_markers(output)
        m = _CONFIG.search(output)
        if not m:
            return without_markers(output)
        config = site_relative(json.loads(m.group(1)), url)
        if config is None:
            return without_markers(output)
        found = _SEARCH.search(output)
        markup = found.group(1) if found else None
        if markup is not None and minify is not None:
            markup = minify(markup)
        search = site_relative_search(markup, url) if markup is not None else None
        first = self.search.setdefault(lang, search)  # the language's search markup: its first page's
        if search is not None and search == first:
            output = output[:found.start()] + output[found.end():]
        else:
            output = without_markers(output)
        m = _CONFIG.search(output)
        found, helpers = scope_helpers(output, url, m.start())
        scope = self.scope.setdefault(lang, helpers)
        if found is not None and helpers == scope:
            output = output[:found.start()] + output[found.end():]
            m = _CONFIG.search(output)
        script = render_script(lang, config, first, scope)
        name = script_name(lang, script)
        target = Path(site_dir) / FOLDER / name
        # Written again when it is gone: `mkdocs serve` empties site_dir before a full rebuild.
        if self.written.get((site_dir, lang)) != name or not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_if_changed(target, script)
            self.written[(site_dir, lang)] = name
        src = posixpath.relpath(f"{FOLDER}/{name}", url.rstrip("/") or ".")
        return output[:m.start()] + f'<script src="{src}"></script>' + output[m.end():]


def read_script(script: str) -> dict:
    """The config a language's file holds (its site-relative base and search)."""
    m = re.search(r"^  var config = (.*);$", script, re.M)
    if not m:
        raise ValueError("not an archive-config script")
    return json.loads(m.group(1))


def config_of(html: str, page_file: Path) -> dict:
    """The config a built page gives Material: inline, or from its language's file (as site-relative addresses)."""
    m = _CONFIG.search(html)
    if m:
        return json.loads(m.group(1))
    m = re.search(r'<script src="([^"]*archive-config\.[a-z]+\.[0-9a-f]+\.js)"></script>', html)
    if not m:
        raise ValueError(f"{page_file}: no Material config")
    return read_script((page_file.parent / m.group(1)).read_text(encoding="utf-8"))
