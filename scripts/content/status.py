"""Translation coverage: posts, captions, tag labels and interface strings per language (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..site.i18n import STRINGS
from .load import Content, original_text, text_hash
from .model import DEFAULT_LANG, LANGS

PAGE_ITEMS = 50  # items listed per language on the status page; the command lists all


@dataclass
class Coverage:
    lang: str
    posts: int = 0
    posts_total: int = 0
    captions: int = 0
    captions_total: int = 0
    tags: int = 0
    tags_total: int = 0
    ui: int = 0
    ui_total: int = 0
    missing_posts: list = field(default_factory=list)  # post ids, newest first
    drafts: list = field(default_factory=list)  # post ids whose translation `translate` started
    stale_posts: list = field(default_factory=list)
    missing_captions: list = field(default_factory=list)
    missing_tags: list = field(default_factory=list)
    missing_ui: list = field(default_factory=list)


def coverage(content: Content) -> list[Coverage]:
    used_tags = sorted({t.slug: t for e in content.entries for t in e.tags}.values(), key=lambda t: t.slug)
    out = []
    for lang in LANGS:
        c = Coverage(lang)
        for entry in content.entries:
            c.posts_total += 1
            version = entry.versions.get(lang)
            if version is None:
                c.missing_posts.append(entry.id)
                if lang in entry.drafts:
                    c.drafts.append(entry.id)
            else:
                c.posts += 1
                if lang != entry.lang and version.original_hash != text_hash(original_text(entry.original)):
                    c.stale_posts.append(entry.id)
            for item in entry.gallery:
                c.captions_total += 1
                if version is not None and item.n in version.captions:
                    c.captions += 1
                else:
                    c.missing_captions.append(f"{entry.id}#{item.n}")
        for tag in used_tags:
            c.tags_total += 1
            if tag.slug in content.registry.tags and lang in dict(tag.labels):
                c.tags += 1
            else:
                c.missing_tags.append(tag.slug)
        keys = list(STRINGS[DEFAULT_LANG])
        c.ui_total = len(keys)
        c.missing_ui = [k for k in keys if k not in STRINGS[lang]]
        c.ui = c.ui_total - len(c.missing_ui)
        out.append(c)
    return out


def _pct(n: int, total: int) -> str:
    return f"{n}/{total} ({100 * n // total if total else 100}%)"


def render_text(cov: list[Coverage], content: Content | None = None, stale_reason=None) -> str:
    """The table, then per language what to translate next (newest first: the order of content.entries),
    what went stale and why (stale_reason(entry, version) -> text, e.g. the paragraphs that changed),
    and the rest of what is missing."""
    entries = {e.id: e for e in content.entries} if content else {}

    def described(post_id: str) -> str:
        entry = entries.get(post_id)
        if entry is None:
            return post_id
        return f"{post_id} ({entry.date.isoformat() if entry.date else 'undated'}, {entry.lang}: {entry.original.title})"

    lines = [f"{'lang':4}  {'posts':>14}  {'stale':>5}  {'captions':>14}  {'tag labels':>14}  {'UI strings':>14}"]
    for c in cov:
        lines.append(f"{c.lang:4}  {_pct(c.posts, c.posts_total):>14}  {len(c.stale_posts):>5}  "
                     f"{_pct(c.captions, c.captions_total):>14}  {_pct(c.tags, c.tags_total):>14}  "
                     f"{_pct(c.ui, c.ui_total):>14}")
    for c in cov:
        for post_id in c.missing_posts:
            state = "translation started (draft)" if post_id in c.drafts else "to translate"
            lines.append(f"{c.lang}: {state}: {described(post_id)}")
        for post_id in c.stale_posts:
            why = ""
            if stale_reason and post_id in entries:
                why = ": " + stale_reason(entries[post_id], entries[post_id].versions[c.lang])
            lines.append(f"{c.lang}: stale translation: {post_id}{why}")
        for label, items in (("caption not translated", c.missing_captions),
                             ("tag without a label (add it to content/tags.yml)", c.missing_tags),
                             ("UI string missing (scripts/site/i18n.py)", c.missing_ui)):
            for item in items:
                lines.append(f"{c.lang}: {label}: {item}")
    return "\n".join(lines) + "\n"


def render_page(cov: list[Coverage]) -> str:
    """The contributors' page (English, the contributors' working language), in every language's site."""
    rows = "\n".join(
        f"| {c.lang} | {_pct(c.posts, c.posts_total)} | {len(c.stale_posts)} | {_pct(c.captions, c.captions_total)} "
        f"| {_pct(c.tags, c.tags_total)} | {_pct(c.ui, c.ui_total)} |" for c in cov)
    details = []
    for c in cov:
        items = ([f"not translated: `{p}`" for p in c.missing_posts] + [f"stale: `{p}`" for p in c.stale_posts]
                 + [f"caption not translated: `{p}`" for p in c.missing_captions]
                 + [f"tag without a label: `{t}`" for t in c.missing_tags])
        if items:
            shown = items[:PAGE_ITEMS]
            more = f"\n- … and {len(items) - len(shown)} more: `python -m scripts status` lists them all" if len(items) > len(shown) else ""
            details.append(f"## {c.lang}\n\n" + "\n".join(f"- {i}" for i in shown) + more + "\n")
    return ("---\ntitle: Translation status\nsearch:\n  exclude: true\n---\n\n"
            '<div lang="en" markdown>\n\n# Translation status\n\n'
            "For contributors: what is translated in each language, and what is missing or stale "
            "(`python -m scripts status` prints the same).\n\n"
            "| language | posts | stale | captions | tag labels | interface |\n|---|---|---|---|---|---|\n"
            f"{rows}\n\n" + ("\n".join(details) if details else "Everything is translated.\n") + "\n</div>\n")
