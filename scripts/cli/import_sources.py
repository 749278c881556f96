"""Import raw sources (saved Telegram channel pages, saved photo-gallery articles, Telegram Desktop
exports: result.json with its photos folder) into content/.
Each raw file is archived verbatim under content/sources/; each item becomes a post folder.
Posts already imported are skipped, so contributors' edits are never overwritten; --force replaces
only the fields the importer can prove it wrote itself (scripts/sources/force.py) and lists every
field it replaced or kept. One import at a time (content/.import.lock)."""

from __future__ import annotations

from pathlib import Path

from ..sources.write import import_paths


def add_arguments(parser):
    parser.add_argument("paths", nargs="+", type=Path, help="raw source files")
    parser.add_argument("--force", action="store_true",
                        help="re-import posts already imported: replace the fields still as the importer wrote them, "
                             "keep (and list) the ones contributors changed")
    parser.add_argument("--channel", metavar="NAME",
                        help="the public channel a Telegram Desktop export is of ('@name' or 'https://t.me/name'): "
                             "each message is linked to its original, https://t.me/NAME/<message number>")


def run(args) -> int:
    report = import_paths(args.paths, args.content, force=args.force, channel=args.channel)
    for line in report.lines():
        print(printable(line))
    repaired = f", {len(report.repaired)} repaired" if report.repaired else ""
    print(f"{len(report.created)} created, {len(report.overwritten)} overwritten, "
          f"{len(report.skipped)} skipped, {len(report.attention)} need attention{repaired}")
    return 0


def printable(text: str) -> str:
    """Text that any UTF-8 output takes: a file name that is not UTF-8 shows its odd bytes as \\xNN."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name decoding made
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
