"""Translate in a PO editor: `translations export --lang tr` writes po/tr/<post>.po, one file per post
(title, paragraphs and captions, each with its post and position and a note naming the source and its
date; segments translated elsewhere in the archive come pre-filled, marked fuzzy); `translations import
--lang tr` writes the language files back. Units left empty or fuzzy stay untranslated; a file whose
original changed since export is refused, naming the segments; numbers, dates, URLs, hashtags and emoji
of the original are checked in every new translation before anything is written."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..content.load import TRANSLATION_METHODS, load_content
from ..content.model import LANGS, ContentError
from ..translations import po


def add_arguments(parser):
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    ex = sub.add_parser("export", help="write a PO file per post for a language")
    ex.add_argument("--lang", required=True, choices=LANGS, help="the language to translate into")
    ex.add_argument("posts", nargs="*", help="post ids (default: every post not written in LANG)")
    ex.add_argument("--dir", type=Path, default=Path("po"), help="where PO files go: DIR/LANG/POST.po (default: po)")
    im = sub.add_parser("import", help="write language files back from PO files")
    im.add_argument("--lang", required=True, choices=LANGS, help="the language of the PO files")
    im.add_argument("files", nargs="*", type=Path, help="PO files (default: every DIR/LANG/*.po)")
    im.add_argument("--dir", type=Path, default=Path("po"), help="where export wrote them (default: po)")
    im.add_argument("--by", dest="translator", help="who translated (default: the PO file's Last-Translator, else 'volunteer')")
    im.add_argument("--method", choices=sorted(TRANSLATION_METHODS),
                    help=f"hand or machine-reviewed (default: the PO header {po.HEADER_METHOD}, else hand)")
    im.add_argument("--month", help="when, YYYY-MM (default: the PO file's PO-Revision-Date, else this month)")
    im.add_argument("--accept-qa", action="store_true", help="write despite QA problems (they are printed as warnings)")
    im.add_argument("--dry-run", action="store_true", help="check and report, write nothing")


def run(args) -> int:
    content = load_content(args.content)
    if args.action == "export":
        written = po.export(content, args.lang, args.dir, args.posts or None)
        for path, counts in written:
            parts = [f"{counts['translated']} translated"]
            if counts["fuzzy"]:
                parts.append(f"{counts['fuzzy']} fuzzy (the original changed)")
            if counts["memory"]:
                parts.append(f"{counts['memory']} from translation memory (fuzzy)")
            parts.append(f"{counts['empty']} to translate")
            print(f"wrote {path}: {', '.join(parts)}")
        print(f"{len(written)} file(s); translate them, then: python -m scripts translations import --lang {args.lang}")
        return 0
    if args.month and not re.match(r"^\d{4}-(0[1-9]|1[0-2])$", args.month):
        raise ContentError("--month", None, f"'{args.month}' (expected YYYY-MM)")
    files = args.files or sorted((args.dir / args.lang).glob("*.po"))
    if not files:
        raise ContentError(args.dir / args.lang, None, f"no PO files (expected python -m scripts translations export --lang {args.lang} first)")
    failed = 0
    counts: dict[str, int] = {}
    for path in files:
        r = po.import_file(content, path, args.lang, translator=args.translator, method=args.method,
                           month=args.month, accept_qa=args.accept_qa, write=not args.dry_run)
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
        for line in r.warnings:
            print(f"warning: {line}", file=sys.stderr)
        for line in r.problems:
            print(f"error: {line}", file=sys.stderr)
        if r.outcome in ("refused", "partial"):
            failed += 1
            print(f"error: {path}: {r.post}: {r.message}", file=sys.stderr)
        else:
            verb = "would write" if args.dry_run and r.outcome == "written" else r.outcome
            print(f"{verb} {content.root.name}/posts/{r.post}/{args.lang}.md" + (f" ({r.message})" if r.message else ""))
    print(", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
    return 1 if failed else 0
