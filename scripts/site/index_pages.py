"""Index pages: the sources and the photo credits, each with a page per source or photographer (pure)."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from ..content.model import DEFAULT_LANG
from ..content.rights import label as rights_label
from ..text.escape import escape_markdown, markdown_without_html
from ..text.slugs import slugify
from .fragments import credit_text, front_matter, version_for
from .i18n import plural, t
from .list_pages import INDEX_PAGE_SIZE, render_list_pages
from .paginate import pager, paginate
from .paths import link, post_path
from .provenance import source_about


def source_slug(entry) -> str:
    return _name_slug(str(entry.source.get("name", "")))


@lru_cache(maxsize=4096)
def _name_slug(name: str) -> str:
    return slugify(name, max_len=60)


def _index_pages(lang: str, title: str, intro: str, lines: list[str], path_of) -> dict[str, str]:
    """A long list of one-line entries, INDEX_PAGE_SIZE a page."""
    return {page.path: "".join([front_matter(title=title, description=intro, hide=["toc"]),
                                f"# {title}\n\n{intro}\n\n", *page.items, pager(lang, page.number, page.total, path_of)])
            for page in paginate(lines, INDEX_PAGE_SIZE, path_of)}


def render_sources(content, lang: str) -> dict[str, str]:
    """sources/index.md (each source with its count) and sources/<slug>.md (its posts, paginated)."""
    groups = defaultdict(list)
    for entry in content.entries:
        groups[source_slug(entry)].append(entry)
    path_of = lambda page: "sources/index.md" if page == 1 else f"sources/page/{page}.md"  # noqa: E731
    lines, pages = [], {}
    for slug, entries in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        first = entries[0]
        written = str(first.source.get("name", ""))
        source = (content.sources or {}).get(written)
        name = escape_markdown(source.name(lang) if source else written)
        kind = t(lang, "source_kind").get(first.source.get("kind"), first.source.get("kind", ""))
        about = f" — {escape_markdown(source.about[lang])}" if source and source.about.get(lang) else ""
        lines.append(f"- [**{name}**]({{link:sources/{slug}.md}}){about}; {kind}: {plural(lang, 'posts_count', len(entries))}\n")
        title = f"{t(lang, 'source')}: {source.name(lang) if source else written}"
        intro = source_about(source, written, lang) + plural(lang, "posts_count", len(entries))
        pages.update(render_list_pages(entries, lang, title, intro,
                                       lambda page, s=slug: f"sources/{s}.md" if page == 1 else f"sources/{s}/{page}.md"))
    for path, text in _index_pages(lang, t(lang, "sources_title"), t(lang, "sources_intro"), lines, path_of).items():
        pages[path] = _resolve_links(text, path)
    return pages


def _resolve_links(text: str, here: str) -> str:
    """Index lines are written before their page is known: {link:target} becomes a relative link."""
    return re.sub(r"\{link:([^}]+)\}", lambda m: link(here, m.group(1)), text)


def credit_keys(item) -> tuple[str, str]:
    """A photo's holder and photographer as language-neutral keys, so that a credit page has one address
    in every language."""
    holder = item.agency or (rights_label(item.rights, DEFAULT_LANG) if item.rights else "-")  # the English label
    return holder, item.photographer_in(DEFAULT_LANG) or "-"


def credit_path(item) -> str:
    """The page of the photos by this photographer for this holder."""
    return f"credits/{slugify(' '.join(credit_keys(item)), max_len=80)}.md"


def holder_anchor(holder_key: str) -> str:
    return "holder-" + slugify(holder_key, max_len=60)


def credit_links(item, lang: str, here: str) -> str:
    """credit_text with links: the agency to its group on the credits page, the photographer to the page
    of their photos (which links back to each photo)."""
    parts = []
    holder_key, who_key = credit_keys(item)
    to_holder = f"{link(here, 'credits.md')}#{holder_anchor(holder_key)}"
    if item.agency:
        parts.append(f"[{escape_markdown(item.agency)}]({to_holder})")
    # The rights statement follows the credit, linked to its text (provenance.photo_rights).
    who = item.photographer_in(lang)
    parts.append(f"[{escape_markdown(who) if who else t(lang, 'unknown_photographer')}]({link(here, credit_path(item))})")
    return ("© " if item.agency else "") + " / ".join(parts)


def render_credits(content, lang: str) -> dict[str, str]:
    """credits.md: agencies (or rights statements) with their photographers and counts; a page per
    photographer with the photos, paginated."""
    tree = defaultdict(lambda: defaultdict(list))
    names = {}
    for entry in content.entries:
        for item in entry.gallery:
            # Grouped by language-neutral keys, so a photographer's page has one address in every language.
            holder_key, who_key = credit_keys(item)
            names[holder_key] = item.agency or (rights_label(item.rights, lang) if item.rights else "—")
            names[(holder_key, who_key)] = item.photographer_in(lang) or t(lang, "unknown_photographer")
            tree[holder_key][who_key].append((entry, item))
    lines, pages = [], {}
    for holder_key in sorted(tree, key=lambda k: names[k].casefold()):
        holder = names[holder_key]
        lines.append(f"\n**{escape_markdown(holder)}**\n{{: #{holder_anchor(holder_key)} }}\n\n")
        for who_key in sorted(tree[holder_key], key=lambda k: names[(holder_key, k)].casefold()):
            who = names[(holder_key, who_key)]
            photos = tree[holder_key][who_key]
            page_path = credit_path(photos[0][1])
            slug = page_path[len("credits/"):-3]
            lines.append(f"- [{escape_markdown(who)}]({{link:{page_path}}}): {len(photos)}\n")
            title = f"{t(lang, 'credits_title')}: {holder} / {who}"
            path_of = lambda page, s=slug: f"credits/{s}.md" if page == 1 else f"credits/{s}/{page}.md"  # noqa: E731
            for page in paginate(photos, INDEX_PAGE_SIZE, path_of):
                here = page.path
                text = [front_matter(title=title, hide=["toc"]), f"# {escape_markdown(title)}\n\n"]
                for entry, item in page.items:
                    version, _ = version_for(entry, lang)
                    caption = markdown_without_html(version.captions.get(item.n) or entry.original.captions.get(item.n, ""))
                    text.append(f"- [{escape_markdown(version.title)}, {t(lang, 'photo', n=item.n)}]"
                                f"({link(here, post_path(entry.id))}#photo-{item.n}): {caption} "
                                f"<small>({credit_text(item, lang)})</small>\n")
                text.append(pager(lang, page.number, page.total, path_of))
                pages[here] = "".join(text)
    index_path = lambda page: "credits.md" if page == 1 else f"credits/page/{page}.md"  # noqa: E731
    for path, text in _index_pages(lang, t(lang, "credits_title"), t(lang, "credits_intro"), lines, index_path).items():
        pages[path] = _resolve_links(text, path)
    return pages
