"""Scaffold a new post: content/posts/<id>/ with meta.yml and a file per language, so nobody has to
copy an old folder. The id comes from the date and the title. Translation files start empty (the
page shows the original until someone writes them)."""

from __future__ import annotations

import datetime as dt

from ..content.load import ID_RE
from ..content.model import LANGS, ContentError
from ..content.yaml_io import dump_yaml
from ..files import write_atomic
from ..text.slugs import slugify


def add_arguments(parser):
    parser.add_argument("--title", required=True, help="the post's title, in its original language")
    parser.add_argument("--lang", required=True, choices=LANGS, help="the language of the original text")
    parser.add_argument("--source", required=True, help="whose words these are: a channel or publication")
    parser.add_argument("--date", help="publication date, YYYY-MM-DD (omit if unknown)")
    parser.add_argument("--url", help="address of the original")
    parser.add_argument("--tags", default="", help="comma-separated hashtags, e.g. Victory78,May9")


def run(args) -> int:
    if args.date:
        try:
            dt.date.fromisoformat(args.date)
        except ValueError:
            raise ContentError("--date", None, f"'{args.date}' is not a date (expected YYYY-MM-DD)") from None
    post_id = slugify(f"{args.date or ''} {args.title}", max_len=60)
    folder = args.content / "posts" / post_id
    if not ID_RE.match(post_id):
        raise ContentError(folder, None, "cannot make an id from this title (expected letters or digits)")
    if folder.exists():
        raise ContentError(folder, None, "a post with this id exists already (expected a new date or title)")
    meta = {}
    if args.date:
        meta["date"] = args.date
    meta["source"] = {"name": args.source, "kind": "manual"}
    if args.url:
        meta["source"]["url"] = args.url
    meta["lang"] = args.lang
    tags = [t.strip().lstrip("#") for t in args.tags.split(",") if t.strip()]
    if tags:
        meta["tags"] = tags
    write_atomic(folder / "meta.yml", dump_yaml(meta))
    write_atomic(folder / f"{args.lang}.md", f"---\n{dump_yaml({'title': args.title})}---\n\n")
    for lang in LANGS:
        if lang != args.lang:
            write_atomic(folder / f"{lang}.md", f"---\ntitle: ''\ntranslation_of: {args.lang}\n---\n\n")
    print(f"created {folder}/ (meta.yml, {', '.join(f'{lang}.md' for lang in LANGS)})")
    print(f"next: write the text in {folder}/{args.lang}.md; translations go in the other two files")
    return 0
