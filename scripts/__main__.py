"""Command line: python -m scripts <command> ... (run from the repository root)."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from .model import ContentError

# command -> module; each module has add_arguments(parser) and run(args) -> exit code.
COMMANDS = {
    "import": ("scripts.cli_import", "import raw source files into content/"),
    "generate": ("scripts.cli_generate", "write docs/ from content/ (what the MkDocs hook runs)"),
    "bench": ("scripts.bench", "time import, generate and the MkDocs build on a synthetic archive"),
    "bench-search": ("scripts.bench_search", "time a search query in Chromium on a built site, and its bytes"),
    "check": ("scripts.cli_check", "validate content/ and report every problem"),
    "new": ("scripts.cli_new", "scaffold a new post with all three language files"),
    "status": ("scripts.cli_status", "translation coverage per language"),
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
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
