"""Command line: python -m scripts <command> ... (run from the repository root). One module a command,
each with add_arguments(parser) and run(args) -> exit code."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from ..content.model import ContentError

# command -> (module, help)
COMMANDS = {
    "import": ("scripts.cli.import_sources", "import raw source files into content/"),
    "generate": ("scripts.cli.generate", "write docs/ from content/ (what the MkDocs plugin runs)"),
    "bench": ("scripts.bench.archive", "time import, generate and the MkDocs build on a synthetic archive"),
    "bench-hostile": ("scripts.bench.hostile", "import, check and generate 66,000 short posts and 50,000 hashtags"),
    "bench-search": ("scripts.bench.search", "time a search query in Chromium on a built site, and its bytes"),
    "check": ("scripts.cli.check", "validate content/ and report every problem"),
    "new": ("scripts.cli.new", "scaffold a new post with all three language files"),
    "status": ("scripts.cli.status", "translation coverage per language, what to translate next and what went stale"),
    "translate": ("scripts.cli.translate", "start a translation: LANG.md with the original's structure to overwrite"),
    "translations": ("scripts.cli.translations", "export PO files for translators, import them back"),
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Commemoration archive tools.")
    parser.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: ./content)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules = {}
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        modules[name] = module
        module.add_arguments(sub.add_parser(name, help=help_text, description=(module.__doc__ or help_text).strip()))
    args = parser.parse_args(argv)
    try:
        return modules[args.command].run(args)
    except ContentError as e:
        text = str(e).encode("utf-8", "surrogateescape" if _escapable(str(e)) else "backslashreplace")
        print(f"error: {text.decode('utf-8', 'backslashreplace')}", file=sys.stderr)
        return 1


def _escapable(text: str) -> bool:
    """Whether every surrogate in text stands for a byte of a file name that is not UTF-8."""
    return all("\udc80" <= c <= "\udcff" for c in text if "\ud800" <= c <= "\udfff")
