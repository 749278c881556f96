"""Material's page config once per language (scripts/site/page_config.py)."""

import json
import re

from scripts.site.page_config import PageConfigs, config_of, read_script, site_relative

CONFIG = {"base": "../..", "features": ["navigation.tabs"], "search": "../../../assets/javascripts/workers/archive-search.js",
          "translations": {"search.result.none": "Совпадений не найдено"}}


def page(config: dict) -> str:
    return ('<html><head></head><body><div class="md-dialog"></div><script id="__config" type="application/json">'
            + json.dumps(config, ensure_ascii=False) + '</script><script src="bundle.js"></script></body></html>')


def test_addresses_become_site_relative():
    assert site_relative(CONFIG, "ru/posts/x/") == {**CONFIG, "base": "ru/",
                                                    "search": "assets/javascripts/workers/archive-search.js"}
    home = site_relative({"base": ".", "search": "assets/javascripts/workers/archive-search.js"}, "")
    assert home == {"base": "", "search": "assets/javascripts/workers/archive-search.js"}
    assert site_relative({"base": "/", "search": "x.js"}, "ru/") is None  # not relative: left inline
    assert site_relative({"base": "."}, "") is None


def test_a_page_links_its_languages_file(tmp_path):
    configs = PageConfigs()
    (tmp_path / "ru" / "posts" / "x").mkdir(parents=True)  # the page's folder, as in a built site
    out = configs.externalize(page(CONFIG), "ru/posts/x/", str(tmp_path))
    m = re.search(r'<script src="(\.\./\.\./\.\./assets/javascripts/archive-config\.ru\.[0-9a-f]{10}\.js)"></script>'
                  r'<script src="bundle.js"></script>', out)
    assert m and '<script id="__config"' not in out
    script = (tmp_path / "ru" / "posts" / "x" / m.group(1)).resolve()
    assert read_script(script.read_text(encoding="utf-8"))["base"] == "ru/"
    assert "Совпадений не найдено" in script.read_text(encoding="utf-8")  # UTF-8, not \\uXXXX
    assert config_of(out, tmp_path / "ru" / "posts" / "x" / "index.html")["search"] == \
        "assets/javascripts/workers/archive-search.js"
    # Another page of the language: the same file; gone (mkdocs serve empties site/): written again.
    other = configs.externalize(page({**CONFIG, "base": "../../..", "search": "../../../../assets/javascripts/workers/"
                                      "archive-search.js"}), "ru/tags/y/z/", str(tmp_path))
    assert m.group(1).rsplit("/", 1)[1] in other
    script.unlink()
    configs.externalize(page(CONFIG), "ru/posts/x/", str(tmp_path))
    assert script.exists()


def test_pages_that_keep_their_config_inline(tmp_path):
    configs = PageConfigs()
    for url in ("404/", "ru/404/"):
        assert configs.externalize(page(CONFIG), url, str(tmp_path)) == page(CONFIG)
    changed = {**CONFIG, "translations": {"search.result.none": "другое"}}
    a = configs.externalize(page(CONFIG), "ru/posts/x/", str(tmp_path))
    b = configs.externalize(page(changed), "ru/posts/x/", str(tmp_path))
    assert re.search(r"archive-config\.ru\.[0-9a-f]+\.js", a).group(0) != re.search(r"archive-config\.ru\.[0-9a-f]+\.js", b).group(0)


SEARCH = ('<label class="md-header__button md-icon" for="__search"><svg viewBox="0 0 24 24"><use href="{up}assets/'
          'images/archive-icons.svg#magnify"/></svg></label><div class="md-search" data-md-component="search">'
          '<input class="md-search__input" placeholder="Поиск"></div>')


def searched_page(config: dict, up: str, search: str = SEARCH) -> str:
    header = ('<header class="md-header"><nav class="md-header__inner"><a href="' + up + '">Home</a>'
              + "<!--archive:search-->" + search.format(up=up) + "<!--/archive:search--></nav></header>")
    return page(config).replace("<body>", "<body>" + header)


def test_the_search_box_moves_into_the_languages_file(tmp_path):
    """The header's search (it only works with JavaScript) is written once per language: the file puts it back
    at the end of the header, with the icon file's address resolved against the site root."""
    configs = PageConfigs()
    deep = {**CONFIG, "base": "../../..", "search": "../../../../assets/javascripts/workers/archive-search.js"}
    a = configs.externalize(searched_page(CONFIG, "../../../"), "ru/posts/x/", str(tmp_path))
    b = configs.externalize(searched_page(deep, "../../../../"), "ru/tags/y/z/", str(tmp_path))
    for out in (a, b):
        assert "md-search" not in out and "archive:search" not in out and "__search" not in out
        assert '<nav class="md-header__inner"><a href="' in out and "Home</a></nav></header>" in out
    name = re.search(r"archive-config\.ru\.[0-9a-f]{10}\.js", a).group(0)
    assert name in b  # the same markup from pages at two depths: one file
    script = (tmp_path / "assets" / "javascripts" / name).read_text(encoding="utf-8")
    held = json.loads(re.search(r"^  var search = (.*);$", script, re.M).group(1))
    assert held == SEARCH.format(up="\x00root\x00")
    assert 'search.split("\\x00root\\x00").join(__md_scope.href)' in script
    assert 'insertAdjacentHTML("beforeend"' in script and "!document.querySelector('[data-md-component=\"search\"]')" in script
    assert read_script(script)["base"] == "ru/"  # the config is still read from it


def test_a_search_box_unlike_its_languages_stays_in_its_page(tmp_path):
    configs = PageConfigs()
    configs.externalize(searched_page(CONFIG, "../../../"), "ru/posts/x/", str(tmp_path))
    other = SEARCH.replace("Поиск", "Искать")
    out = configs.externalize(searched_page(CONFIG, "../../../", other), "ru/posts/y/", str(tmp_path))
    assert other.format(up="../../../") in out and "archive:search" not in out  # its own, without the markers
    elsewhere = SEARCH.replace('href="{up}assets/', 'href="https://cdn.example/')  # not the site's own file
    out = PageConfigs().externalize(searched_page(CONFIG, "../../../", elsewhere), "ru/posts/x/", str(tmp_path))
    assert 'href="https://cdn.example/' in out and "archive:search" not in out
    for url in ("404/", "ru/404/"):  # served at any address: config and search stay inline
        out = PageConfigs().externalize(searched_page(CONFIG, ""), url, str(tmp_path))
        assert 'data-md-component="search"' in out and '<script id="__config"' in out and "archive:search" not in out


def test_the_search_box_is_minified_as_its_page_would_be(tmp_path):
    configs = PageConfigs()
    spaced = SEARCH.replace("</label><div", "</label>\n   \n<div")
    configs.externalize(searched_page(CONFIG, "../../../", spaced), "ru/posts/x/", str(tmp_path),
                        minify=lambda html: html.replace("\n   \n", ""))
    (script,) = (tmp_path / "assets" / "javascripts").glob("archive-config.ru.*.js")
    held = json.loads(re.search(r"^  var search = (.*);$", script.read_text(encoding="utf-8"), re.M).group(1))
    assert held == SEARCH.format(up="\x00root\x00")


HELPERS = ('__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)'
           '=>JSON.parse(_.getItem(t.pathname+"."+e))')


def scoped_page(config: dict, scope: str, between: str = "") -> str:
    head = f'<script>__md_scope=new URL("{scope}",location),{HELPERS}</script>'
    return page(config).replace("<head></head>", f"<head>{head}</head>").replace("<body>", "<body>" + between)


def file_of(out: str, tmp_path) -> str:
    name = re.search(r"archive-config\.ru\.[0-9a-f]{10}\.js", out).group(0)
    return (tmp_path / "assets" / "javascripts" / name).read_text(encoding="utf-8")


def test_materials_head_script_moves_into_the_file_which_finds_the_root_from_its_own_address(tmp_path):
    """The site root as __md_scope and the storage helpers: defined by the file (two folders below the root),
    before the config that resolves its addresses against the root; the page keeps no inline script."""
    configs = PageConfigs()
    out = configs.externalize(scoped_page(CONFIG, "../../.."), "ru/posts/x/", str(tmp_path))
    assert "<script>" not in out and "__md_scope" not in out
    script = file_of(out, tmp_path)
    line = ('if (typeof __md_scope === "undefined") __md_scope=new URL("../..",document.currentScript.src),'
            + HELPERS + ";\n")
    assert line in script and script.index(line) < script.index("config.base = new URL(config.base, __md_scope)")
    # The site's home: the same helpers, from "." there.
    home = configs.externalize(scoped_page({**CONFIG, "base": ".", "search": "assets/javascripts/workers/"
                                            "archive-search.js"}, "."), "", str(tmp_path))
    assert "<script>" not in home


def test_a_head_script_the_file_cannot_stand_for_stays_inline(tmp_path):
    # A scope that is not the site root (Material's extra.scope), say a language's folder.
    configs = PageConfigs()
    out = configs.externalize(scoped_page(CONFIG, "../.."), "ru/posts/x/", str(tmp_path))
    assert '<script>__md_scope=new URL("../..",location),' in out
    assert "__md_scope=new URL(" not in file_of(out, tmp_path).split("(function")[0]
    # A script of the theme that reads the helpers before the file is loaded (an announcement bar's).
    configs = PageConfigs()
    announce = '<script>var el=__md_get("__announce")</script>'
    out = configs.externalize(scoped_page(CONFIG, "../../..", announce), "ru/posts/x/", str(tmp_path))
    assert '<script>__md_scope=new URL("../../..",location),' in out and announce in out
    # Other helpers than the language's first page's: that page keeps its own.
    configs = PageConfigs()
    first = configs.externalize(scoped_page(CONFIG, "../../.."), "ru/posts/x/", str(tmp_path))
    other = configs.externalize(scoped_page(CONFIG, "../../..").replace("(e<<5)", "(e<<6)"), "ru/posts/y/", str(tmp_path))
    assert "<script>" not in first and "<script>__md_scope=" in other
