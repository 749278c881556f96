"""Post lists: the home page, the paginated archive and tag pages, the tags index, post cards (pure)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from ..content.model import DEFAULT_LANG, Entry, Tag
from ..text.escape import escape_markdown, html_text
from .fragments import date_line, front_matter, plain, version_for
from .i18n import plural, t
from .navigation import feed_link
from .paginate import pager, paginate
from .paths import archive_path, link, post_path, tag_path, tags_index_path, url_of
from .provenance import source_name

PAGE_SIZE = 50  # posts per list page: no page grows with the archive


HOME_LATEST = 10


CARD_TAGS = 12  # tag links on a post's card; the rest are on its page (a card with every one of a post's
# 50,000 hashtags, on each of its 50,000 tag pages, made the output grow as their square: 3.8 GB for 5,000)


ROOT = "\x00root\x00"  # stands for the relative path to the language root inside a cached card


def list_item(entry: Entry, lang: str, here: str, level: int = 2) -> str:
    """A post's card in a list: rendered once per post and language, then placed at any depth.

    Cards are plain HTML with the pages' final addresses: on list pages Markdown conversion and
    MkDocs' link resolution were 70% of the build's Markdown time (the build test checks these links)."""
    depth = url_of(DEFAULT_LANG, here).count("/")
    cards = _cards.setdefault(entry, {})
    card = cards.get((lang, level))
    if card is None:
        card = cards[(lang, level)] = _card(entry, lang, level)
    return card.replace(ROOT, "../" * depth)


# Each loaded entry's cards, for as long as the entry lives (a new load makes new entries: nothing stale
# is found, nothing needs clearing).
_cards: "WeakKeyDictionary[Entry, dict]" = WeakKeyDictionary()


def _card(entry: Entry, lang: str, level: int) -> str:
    e = html_text
    version, fallback = version_for(entry, lang)
    lang_attr = f' lang="{entry.lang}"' if fallback else ""
    excerpt = plain(version.body) if version.body.strip() else ""
    post_url = f"{ROOT}{url_of(DEFAULT_LANG, post_path(entry.id))}"
    chips = " ".join(f'<a class="tag" href="{ROOT}{url_of(DEFAULT_LANG, tag_path(tag.slug))}">{e(tag.label(lang))}</a>'
                     for tag in entry.tags[:CARD_TAGS])
    if len(entry.tags) > CARD_TAGS:
        chips += f' <a class="tag more" href="{post_url}">+{len(entry.tags) - CARD_TAGS}</a>'
    return (f'<article class="post-card"{lang_attr}>\n'
            f'<h{level}><a href="{post_url}">{e(version.title)}</a></h{level}>\n'
            f'<p class="post-meta">{date_line(entry, lang, as_html=True)} · {e(source_name(entry, lang))}</p>\n'
            + (f"<p>{e(excerpt)}</p>\n" if excerpt else "")
            + (f'<p class="tags">{chips}</p>\n' if chips else "")
            + "</article>\n")


def render_home(entries, lang: str) -> str:
    here = "index.md"
    out = [front_matter(title=t(lang, "home_title"), description=t(lang, "home_intro")[:160],
                        hide=["toc"]), f"# {t(lang, 'home_title')}\n\n", t(lang, "home_intro") + "\n\n"]
    out.append(f"## {t(lang, 'latest')}\n\n")
    for entry in entries[:HOME_LATEST]:
        out.append(list_item(entry, lang, here, level=3) + "\n")
    out.append(f"[{t(lang, 'all_posts')} ({plural(lang, 'posts_count', len(entries))})]"
               f"({link(here, archive_path())}) · [{t(lang, 'tags_title')}]({link(here, 'tags/index.md')})\n")
    out.append("\n" + feed_link(lang, here))
    return "".join(out)


def render_list_pages(entries, lang: str, title: str, intro: str, path_of) -> dict[str, str]:
    """Paginated post lists: {path: markdown}."""
    out = {}
    for page in paginate(entries, PAGE_SIZE, path_of):
        text = [front_matter(title=title if page.number == 1 else f"{title} ({t(lang, 'page', n=page.number, total=page.total)})",
                             hide=["toc"]), f"# {escape_markdown(title)}\n\n", intro + "\n\n"]
        text += [list_item(e, lang, page.path) + "\n" for e in page.items]
        text.append(pager(lang, page.number, page.total, path_of))
        out[page.path] = "".join(text)
    return out


INDEX_PAGE_SIZE = 300  # entries per page of an index of tags, sources or photographers


def render_tags_index(tag_counts: list[tuple[Tag, int]], lang: str) -> dict[str, str]:
    """tags/index.md and, past INDEX_PAGE_SIZE tags, tags/page/N.md: most used first."""
    ordered = sorted(tag_counts, key=lambda tc: (-tc[1], tc[0].label(lang).casefold(), tc[0].slug))
    path_of = tags_index_path
    out = {}
    for page in paginate(ordered, INDEX_PAGE_SIZE, path_of):
        here = page.path
        text = [front_matter(title=t(lang, "tags_title"), hide=["toc"]), f"# {t(lang, 'tags_title')}\n\n",
                t(lang, "tags_intro") + "\n\n", '<ul class="tag-index" markdown>\n']
        for tag, n in page.items:
            text.append(f'<li markdown="span">[{escape_markdown(tag.label(lang))}]({link(here, tag_path(tag.slug))})'
                        f' <span class="count">{plural(lang, "posts_count", n)}</span></li>\n')
        text.append("</ul>\n")
        text.append(pager(lang, page.number, page.total, path_of))
        out[here] = "".join(text)
    return out
