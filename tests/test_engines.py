"""MkDocs and ProperDocs build the same site (scripts/bench/engines.py); the comparison itself."""

import importlib.util

import pytest

from scripts.bench import engines


def test_only_the_generator_tag_is_ignored(tmp_path):
    a, b = tmp_path / "site-mkdocs", tmp_path / "site-properdocs"
    for site, generator in ((a, b"mkdocs-1.6.1, mkdocs-material-9.8.1"), (b, b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1")):
        (site / "posts").mkdir(parents=True)
        (site / "index.html").write_bytes(b'<head><meta name="generator" content="' + generator + b'"></head>')
        (site / "posts" / "x.html").write_bytes(b"<p>same</p>")
        (site / "sitemap.xml").write_bytes(b'<meta name="generator" content="x">')
    assert engines.compare(a, b) == []
    (b / "sitemap.xml").write_bytes(b'<meta name="generator" content="y">')  # not HTML: compared as it is
    (b / "posts" / "x.html").write_bytes(b"<p>other</p>")
    (b / "extra.js").write_bytes(b"")
    assert engines.compare(a, b) == ["only in site-properdocs: extra.js", "differs: posts/x.html", "differs: sitemap.xml"]


@pytest.mark.skipif(importlib.util.find_spec("properdocs") is None,
                    reason="ProperDocs is not installed (the ProperDocs workflow installs properdocs==1.6.7)")
def test_seeds_build_the_same_with_both_engines(tmp_path):
    messages = []
    assert engines.run_comparison(0, tmp_path, log=messages.append) == []
    assert any(m.startswith("properdocs: built the seed posts") and "second process" in m for m in messages)
    assert "mkdocs-ProperDocs 1.6.7" in messages[-1] and "mkdocs-1.6.1" in messages[-1]
