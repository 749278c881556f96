"""The source registry (content/sources.yml), rights URIs and source.url in meta.yml: what the loader
accepts, the messages it gives, what `check` asks for, and what the importer adds."""

import pytest

from scripts.content.checks import check
from scripts.content.load import load_content
from scripts.content.model import ContentErrors
from scripts.content.sources_registry import load_sources
from scripts.sources.write import import_paths
from tests.conftest import TELEGRAM_SEED


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def messages(root):
    with pytest.raises(ContentErrors) as e:
        load_content(root)
    return [str(x) for x in e.value.errors]


def test_rights_must_be_a_known_uri(golden_copy):
    meta = golden_copy / "posts/parade-1941/meta.yml"
    edit(meta, "rights: https://creativecommons.org/publicdomain/mark/1.0/", "rights: Public domain")
    edit(meta, "rights: http://rightsstatements.org/vocab/CNE/1.0/", "rights: all rights reserved")
    assert messages(golden_copy) == [
        "content/posts/parade-1941/meta.yml:23: gallery item 2.rights: 'Public domain' is not a rights statement this "
        "archive knows (expected 'https://creativecommons.org/publicdomain/mark/1.0/'; known: scripts/content/rights.py)",
        "content/posts/parade-1941/meta.yml:24: rights: 'all rights reserved' is not a rights statement this archive "
        "knows (expected a URI from rightsstatements.org or creativecommons.org, e.g. "
        "http://rightsstatements.org/vocab/InC/1.0/; known: scripts/content/rights.py)",
    ]


def test_source_url_must_be_an_address(golden_copy):
    edit(golden_copy / "posts/parade-1941/meta.yml", "  item: 1\n", "  item: 1\n  url: javascript:alert(1)\n")
    assert messages(golden_copy)[0] == (
        "content/posts/parade-1941/meta.yml:7: source.url: 'javascript:alert(1)' (expected the original's http:// "
        "or https:// address, e.g. https://t.me/channel/123)")


def test_a_known_original_is_linked_from_the_page(golden_copy):
    from scripts.site.post_page import render_post

    edit(golden_copy / "posts/parade-1941/meta.yml", "  item: 1\n", "  item: 1\n  url: https://t.me/example_memory/42\n")
    content = load_content(golden_copy)
    page = render_post(content.entries[0], "en", content.registry.resolve, content.sources)
    assert '<a class="original-link" href="https://t.me/example_memory/42" rel="noopener">View the original</a>' in page
    assert ("The original post included a video that this copy did not capture. It can be seen in the original: "
            '<a href="https://t.me/example_memory/42" rel="noopener">View the original</a>.') in page
    assert "original-unknown" not in page


def test_registry_errors_name_file_line_and_expectation(tmp_path):
    path = tmp_path / "sources.yml"
    path.write_text("X:\n  kind: ministry of truth\n  url: ftp://x\n  name:\n    de: X\n  colour: red\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as e:
        load_sources(path, "content/sources.yml")
    assert [str(x) for x in e.value.errors] == [
        "content/sources.yml:2: kind: 'ministry of truth' (expected one of: ministry, embassy, news-agency, newspaper, "
        "broadcaster, organization, person, other)",
        "content/sources.yml:3: url: 'ftp://x' (expected an http:// or https:// address without spaces)",
        "content/sources.yml:5: name: unknown language 'de' (expected one of en, ru, tr)",
        "content/sources.yml:6: unknown key 'colour' (expected one of: kind, platform, name, about, url, handle)",
    ]


def test_check_lists_what_the_registry_lacks(golden_copy):
    edit(golden_copy / "sources.yml", "    tr: Hafıza Kanalı\n", "")
    edit(golden_copy / "sources.yml", "  handle: '@example_memory'\n", "")
    problems = [str(p) for p in check(golden_copy) if "sources" in str(p)]
    assert problems == ["content/sources.yml:1: warning: source 'Канал памяти' has no handle, name.tr"]
    (golden_copy / "sources.yml").write_text("Other:\n  kind: other\n  url:\n  handle:\n", encoding="utf-8")
    assert [str(p) for p in check(golden_copy) if "sources" in str(p)] == [
        "content/posts/parade-1941/meta.yml: warning: source 'Канал памяти' is not in content/sources.yml (expected "
        "an entry with its kind, name and about in each language, url and handle)",
        "content/sources.yml:1: warning: source 'Other' has no name.en, name.ru, name.tr, about.en, about.ru, about.tr",
    ]


def test_the_importer_adds_new_sources_and_keeps_the_registry(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    (root / "sources.yml").write_text("# editors' comment\nRussian MFA 🇷🇺:\n  kind: ministry\n", encoding="utf-8")
    report = import_paths([TELEGRAM_SEED], root)
    assert report.sources == ["Rusya Ankara Büyükelçiliği"]
    text = (root / "sources.yml").read_text(encoding="utf-8")
    assert text.startswith("# editors' comment\nRussian MFA 🇷🇺:\n  kind: ministry\n")
    registry = load_sources(root / "sources.yml", "sources.yml")
    assert registry["Rusya Ankara Büyükelçiliği"].platform == "telegram"
    assert import_paths([TELEGRAM_SEED], root).sources == []  # a second import adds nothing


def test_the_importer_puts_a_new_source_in_name_order(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    (root / "sources.yml").write_text("# header\nZeta:\n  kind: other  # kept\n", encoding="utf-8")
    import_paths([TELEGRAM_SEED], root)
    assert (root / "sources.yml").read_text(encoding="utf-8") == (
        "# header\nRussian MFA 🇷🇺:\n  platform: telegram\nRusya Ankara Büyükelçiliği:\n  platform: telegram\n"
        "Zeta:\n  kind: other  # kept\n")


def test_a_hostile_registry_entry_stays_text_on_post_and_source_pages(golden_copy):
    import lxml.html
    import markdown

    from scripts.site.index_pages import render_sources
    from scripts.site.post_page import render_post

    hostile = '<script>alert(1)</script> *x* [y](javascript:z) {: onclick=w } & "q"'
    edit(golden_copy / "sources.yml", "    en: Memory Channel\n", f"    en: '{hostile}'\n")
    edit(golden_copy / "sources.yml", "    en: a Telegram channel <of> remembrance (a fixture)\n", f"    en: '{hostile}'\n")
    edit(golden_copy / "sources.yml", "  handle: '@example_memory'\n", "  handle: '<b onmouseover=x>@h</b>'\n")
    content = load_content(golden_copy)
    md = markdown.Markdown(extensions=["attr_list", "md_in_html", "toc"])
    pages = [render_post(content.entries[0], "en", content.registry.resolve, content.sources)]
    pages += list(render_sources(content, "en").values())
    for page in pages:
        doc = lxml.html.fromstring("<div>" + md.reset().convert(page.split("---\n", 2)[2]) + "</div>")
        assert not doc.xpath("//script | //b | //em")
        assert not [a for a in doc.xpath("//@href") if a.startswith("javascript")]
        assert not [n for n in doc.xpath("//@*") if n.attrname.startswith("on")]
    post_html = md.reset().convert(pages[0].split("---\n", 2)[2])
    assert "The words are those of &lt;script&gt;alert(1)&lt;/script&gt; *x* [y](javascript:z)" in post_html.replace("\\", "")
