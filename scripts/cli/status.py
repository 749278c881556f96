"""Translation coverage per language (posts, captions, tag labels, interface strings); what to translate
next, newest first; and what went stale and why (the paragraphs of the original that changed since the
translation, found in git history). The site has the table on its contributors' page, /status/."""

from __future__ import annotations

from ..content.load import load_content
from ..content.status import coverage, render_text
from ..translations.history import stale_reason


def add_arguments(parser):
    pass


def run(args) -> int:
    content = load_content(args.content)
    print(render_text(coverage(content), content, lambda entry, version: stale_reason(content.root, entry, version)), end="")
    return 0
