"""Command line: python -m scripts import|generate ... (run from the repository root)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .model import ContentError

ROOT = Path.cwd()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts", description="Commemoration archive tools.")
    parser.add_argument("--content", type=Path, default=ROOT / "content", help="content folder (default: ./content)")
    sub = parser.add_subparsers(dest="command", required=True)

    p_import = sub.add_parser("import", help="import raw source files into content/")
    p_import.add_argument("paths", nargs="+", type=Path, help="saved channel pages or gallery articles")
    p_import.add_argument("--force", action="store_true",
                          help="re-import posts already imported, replacing their meta.yml and original text")

    p_gen = sub.add_parser("generate", help="write docs/ from content/ (what the MkDocs hook runs)")
    p_gen.add_argument("--docs", type=Path, default=ROOT / "docs", help="output folder (default: ./docs)")

    args = parser.parse_args(argv)
    try:
        if args.command == "import":
            from .importer import import_paths

            report = import_paths(args.paths, args.content, force=args.force)
            for line in report.lines():
                print(line)
            print(f"{len(report.created)} created, {len(report.overwritten)} overwritten, "
                  f"{len(report.skipped)} skipped, {len(report.attention)} need attention")
        elif args.command == "generate":
            from .generate import generate

            result = generate(args.content, args.docs)
            print(f"{result.pages} pages: {result.written} written, {result.removed} removed "
                  f"({result.posts} posts, {result.tags} tags)")
    except ContentError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
