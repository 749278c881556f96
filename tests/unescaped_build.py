"""`python tests/unescaped_build.py ARGS...`: `mkdocs ARGS` with every escape switched off (a test-only
build for the Content-Security-Policy test: planted markup reaches the pages live, and only the policy
stands between it and the reader)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path.cwd()))

import scripts.site.archive_pages  # noqa: E402,F401  (every module that imports an escape)
import scripts.site.feeds  # noqa: E402,F401
import scripts.site.fragments  # noqa: E402,F401
import scripts.site.head  # noqa: E402,F401
import scripts.site.index_pages  # noqa: E402,F401
import scripts.site.list_pages  # noqa: E402,F401
import scripts.site.markdown_guard as guard  # noqa: E402
import scripts.site.post_page  # noqa: E402,F401
import scripts.site.plugin  # noqa: E402,F401

OFF = {"escape_markdown", "html_text", "html_attr", "markdown_without_html", "safe_url", "xml_text", "url_path"}
for name, module in list(sys.modules.items()):
    if name.startswith("scripts."):
        for attr in OFF & set(vars(module)):
            setattr(module, attr, lambda text, *a, **k: text)
guard.Guard.run = lambda self, root: None

from mkdocs.__main__ import cli  # noqa: E402

sys.argv = ["mkdocs", *sys.argv[1:]]
cli()
