"""Write docs/ from content/ without running MkDocs (the MkDocs hook calls the same function).
Only files whose text changed are written; generated pages whose source is gone are removed."""

from __future__ import annotations

from pathlib import Path

from ..site.generate import generate


def add_arguments(parser):
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="output folder (default: ./docs)")


def run(args) -> int:
    result = generate(args.content, args.docs)
    print(f"{result.pages} pages: {result.written} written, {result.removed} removed "
          f"({result.posts} posts, {result.tags} tags)")
    return 0
