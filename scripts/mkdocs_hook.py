"""MkDocs hook: generate docs/ from content/ before each build (the i18n plugin builds once per language)."""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads a hook by its path; the repository root makes the `scripts` package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.generate import generate
from scripts.model import LANGS, ContentError

log = logging.getLogger("mkdocs.plugins.archive")


def on_pre_build(config, **kwargs):
    root = Path(config["config_file_path"]).parent
    try:
        result = generate(root / "content", Path(config["docs_dir"]))
    except ContentError as e:
        raise PluginError(f"content error:\n{e}") from None
    if result.written or result.removed:
        log.info(f"archive: {result.written} pages written, {result.removed} removed")
    for problem in result.problems:
        # Shown, not fatal: CI gates on `python -m scripts check --strict`; a page of a stale
        # translation says so to its reader.
        log.info(f"archive: {problem}")


_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def on_post_page(output, page, config, **kwargs):
    """Absolute hreflang alternates for every language plus x-default (Material writes relative ones)."""
    base = (config.get("site_url") or "/").rstrip("/") + "/"
    parts = page.url.split("/", 1)
    path = parts[1] if parts[0] in LANGS[1:] and len(parts) > 1 else page.url
    links = "".join(
        f'\n    <link rel="alternate" href="{base}{"" if lang == LANGS[0] else lang + "/"}{path}" hreflang="{lang}">'
        for lang in LANGS
    ) + f'\n    <link rel="alternate" href="{base}{path}" hreflang="x-default">'
    output, n = _ALTERNATE.subn("", output)
    return output.replace("</title>", "</title>" + links, 1)
