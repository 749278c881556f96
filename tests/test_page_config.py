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
