"""Translation coverage per language (posts, captions, tag labels, interface strings), listing what
is missing or stale. The site has the same report on its contributors' page, /status/."""

from __future__ import annotations

from ..content.load import load_content
from ..content.status import coverage, render_text


def add_arguments(parser):
    pass


def run(args) -> int:
    print(render_text(coverage(load_content(args.content))), end="")
    return 0
