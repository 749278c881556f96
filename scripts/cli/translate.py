"""Start a translation: python -m scripts translate POST LANG writes content/posts/POST/LANG.md with
translation_of, original_hash and a copy of the original's title, paragraphs and captions to overwrite,
marked `draft: true` so that the page keeps showing the original until the translator removes that line.
It writes that one file and opens nothing."""

from __future__ import annotations

import datetime as dt

from ..content.load import TRANSLATION_METHODS, load_content, original_text, text_hash
from ..content.model import LANGS, ContentError
from ..content.yaml_io import read_text, split_front_matter
from ..files import write_atomic
from ..translations.segments import paragraphs, render_language_file

DRAFT_NOTE = "the page shows the original until you delete this line; overwrite every paragraph first"


def add_arguments(parser):
    parser.add_argument("post", help="the post's id (its folder under content/posts/)")
    parser.add_argument("lang", choices=LANGS, help="the language to translate into")
    parser.add_argument("--by", dest="translator", help="who translates: a name, or 'volunteer' (default: left for you to fill in)")
    parser.add_argument("--method", choices=sorted(TRANSLATION_METHODS), default=None,
                        help="hand, or machine-reviewed (a machine draft a person reviews)")


def run(args) -> int:
    content = load_content(args.content)
    entry = next((e for e in content.entries if e.id == args.post), None)
    folder = args.content / "posts" / args.post
    if entry is None:
        raise ContentError(folder, None, f"no post '{args.post}' (expected a folder name under {args.content}/posts/)")
    path = folder / f"{args.lang}.md"
    if args.lang == entry.lang:
        raise ContentError(path, None, f"this is the original ({entry.lang}, per meta.yml); translate it into another language")
    if args.lang in entry.drafts:
        raise ContentError(path, 1, "a translation is already under way here (draft: true); carry on in this file")
    if args.lang in entry.versions:
        stale = entry.versions[args.lang].original_hash != text_hash(original_text(entry.original))
        raise ContentError(path, 1, "already translated" + (" but stale: `python -m scripts status` says what changed" if stale else "")
                           + " (expected a post without a translation in this language)")
    if path.exists():  # the empty file `new` scaffolds: only its own keys may be there
        front = split_front_matter(read_text(path), path)[0]
        if set(front) - {"title", "translation_of"}:
            raise ContentError(path, 1, f"the file has {', '.join(sorted(set(front) - {'title', 'translation_of'}))} already; not overwriting it")
    original = entry.original
    front = {"title": original.title, "translation_of": entry.lang,
             "original_hash": text_hash(original_text(original)), "draft": True}
    if args.translator:
        front["translated_by"] = args.translator
        front["translated_on"] = dt.date.today().strftime("%Y-%m")
    if args.method:
        front["translation_method"] = args.method
    if original.captions:
        front["captions"] = dict(sorted(original.captions.items()))
    write_atomic(path, render_language_file(front, [p for p, _ in paragraphs(original.body)], draft_note=DRAFT_NOTE))
    n = len(paragraphs(original.body))
    print(f"created {path}: the title, {n} paragraph{'s' * (n != 1)}"
          + (f" and {len(original.captions)} caption{'s' * (len(original.captions) != 1)}" if original.captions else "")
          + f" of {entry.lang}.md to overwrite in {args.lang}")
    print("next: translate each one in place; then delete the 'draft: true' line and run python -m scripts check")
    return 0
