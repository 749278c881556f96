"""Validate all content and report every problem at once, sorted, as `path:line: problem (expected ...)`.
Exit status 0 when clean, 1 on errors; warnings (stale translations, photos without credits, raw
sources no post uses, hashtags sharing a page) fail only with --strict."""

from __future__ import annotations

from ..content.checks import check


def add_arguments(parser):
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")


def run(args) -> int:
    problems = check(args.content)
    for p in problems:
        print(p)
    errors = sum(1 for p in problems if not p.warning)
    warnings = len(problems) - errors
    print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return 1 if errors or (args.strict and warnings) else 0
