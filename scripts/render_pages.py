"""Render the archive-wide pages: timeline, days, on this day, sources, photo credits, 404 (pure).
No page grows with the archive: long lists link to paginated pages of their own."""

from __future__ import annotations

import json
from collections import defaultdict
from functools import lru_cache

from babel.dates import format_date

from .i18n import date_text, plural, t
from .model import DEFAULT_LANG
from .render import (INDEX_PAGE_SIZE, credit_text, escape_markdown, front_matter, link, pager, post_path,
                     render_list_pages, version_for)
from .text import slugify

SHOWN = 5  # posts named under a date on the timeline and on "on this day" before "all N posts"


def _post_link(entry, lang: str, here: str) -> str:
    version, fallback = version_for(entry, lang)
    attr = f"{{ lang={entry.lang} }}" if fallback else ""
    return f"[{escape_markdown(version.title)}]({link(here, post_path(entry.id))}){attr}"


def day_path(day, page: int = 1) -> str:
    return f"days/{day.isoformat()}.md" if page == 1 else f"days/{day.isoformat()}/{page}.md"


def _remembered(content) -> dict:
    remembered = defaultdict(list)
    for entry in content.entries:  # newest first, undated last
        for day in entry.commemorates:
            remembered[day].append(entry)
    return remembered


def _posts_under(entries, day, lang: str, here: str) -> list[str]:
    out = [f"- {_post_link(entry, lang, here)}\n" for entry in entries[:SHOWN]]
    if len(entries) > SHOWN:
        out.append(f"- [{t(lang, 'all_posts')}: {plural(lang, 'posts_count', len(entries))}]"
                   f"({link(here, day_path(day))})\n")
    return out


def render_timeline(content, lang: str) -> str:
    here = "timeline.md"
    events = {e.date: e for e in content.events}
    remembered = _remembered(content)
    out = [front_matter(title=t(lang, "timeline_title"), description=t(lang, "timeline_intro")),
           f"# {t(lang, 'timeline_title')}\n\n{t(lang, 'timeline_intro')}\n\n", '<ol class="timeline" markdown>\n']
    for day in sorted(set(events) | set(remembered)):
        name = escape_markdown(events[day].name(lang)) if day in events else ""
        out.append(f'<li class="timeline-event" id="d-{day.isoformat()}" markdown="block">\n'
                   f'<time class="timeline-date" datetime="{day.isoformat()}">{date_text(lang, day)}</time>'
                   + (f'\n<span class="timeline-name">{name}</span>' if name else "") + "\n\n")
        out += _posts_under(remembered.get(day, []), day, lang, here)
        out.append("\n</li>\n")
    out.append("</ol>\n")
    return "".join(out)


def render_days(content, lang: str) -> dict[str, str]:
    """A page per remembered date with more posts than the timeline names, all of them, paginated."""
    events = {e.date: e for e in content.events}
    pages = {}
    for day, entries in _remembered(content).items():
        if len(entries) <= SHOWN:
            continue  # the timeline and "on this day" name them all
        title = date_text(lang, day) + (f" — {events[day].name(lang)}" if day in events else "")
        pages.update(render_list_pages(entries, lang, title, plural(lang, "posts_count", len(entries)),
                                       lambda page, d=day: day_path(d, page)))
    return pages


def render_on_this_day(content, lang: str) -> str:
    here = "on-this-day.md"
    events = {e.date: e for e in content.events}
    remembered = _remembered(content)
    by_day = defaultdict(list)
    for day in remembered:
        by_day[(day.month, day.day)].append(day)
    out = [front_matter(title=t(lang, "onthisday_title"), description=t(lang, "onthisday_intro")),
           f"# {t(lang, 'onthisday_title')}\n\n{t(lang, 'onthisday_intro')}\n\n"]
    for (month, day) in sorted(by_day):
        label = format_date(by_day[(month, day)][0], format="d MMMM", locale=lang)
        out.append(f'<section class="on-this-day" id="md-{month:02d}-{day:02d}" markdown>\n\n## {label}\n\n')
        for date in sorted(by_day[(month, day)]):
            event = f" — {escape_markdown(events[date].name(lang))}" if date in events else ""
            out.append(f"**{date.year}**{event}\n\n")
            out += _posts_under(remembered[date], date, lang, here)
            out.append("\n")
        out.append("</section>\n\n")
    # Mark today's date, if the archive remembers it (no network, no library: a few lines inline).
    out.append('<script>(function(){var d=new Date(),id="md-"+String(d.getMonth()+1).padStart(2,"0")+"-"+'
               'String(d.getDate()).padStart(2,"0"),el=document.getElementById(id);'
               f'if(el){{el.classList.add("today");el.setAttribute("aria-label",{_js(t(lang, "today"))});}}}})();</script>\n')
    return "".join(out)


def _js(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("<", "\\u003c")


def source_slug(entry) -> str:
    return _name_slug(str(entry.source.get("name", "")))


@lru_cache(maxsize=4096)
def _name_slug(name: str) -> str:
    return slugify(name, max_len=60)


def _index_pages(lang: str, title: str, intro: str, lines: list[str], path_of) -> dict[str, str]:
    """A long list of one-line entries, INDEX_PAGE_SIZE a page."""
    total = max(1, -(-len(lines) // INDEX_PAGE_SIZE))
    pages = {}
    for page in range(1, total + 1):
        chunk = lines[(page - 1) * INDEX_PAGE_SIZE: page * INDEX_PAGE_SIZE]
        pages[path_of(page)] = "".join([front_matter(title=title, description=intro, hide=["toc"]),
                                        f"# {title}\n\n{intro}\n\n", *chunk, pager(lang, page, total, path_of)])
    return pages


def render_sources(content, lang: str) -> dict[str, str]:
    """sources/index.md (each source with its count) and sources/<slug>.md (its posts, paginated)."""
    groups = defaultdict(list)
    for entry in content.entries:
        groups[source_slug(entry)].append(entry)
    path_of = lambda page: "sources/index.md" if page == 1 else f"sources/page/{page}.md"  # noqa: E731
    lines, pages = [], {}
    for slug, entries in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        first = entries[0]
        name = escape_markdown(str(first.source.get("name", "")))
        kind = t(lang, "source_kind").get(first.source.get("kind"), first.source.get("kind", ""))
        lines.append(f"- [**{name}**]({{link:sources/{slug}.md}}), {kind}: {plural(lang, 'posts_count', len(entries))}\n")
        title = f"{t(lang, 'source')}: {first.source.get('name', '')}"
        pages.update(render_list_pages(entries, lang, title, plural(lang, "posts_count", len(entries)),
                                       lambda page, s=slug: f"sources/{s}.md" if page == 1 else f"sources/{s}/{page}.md"))
    for path, text in _index_pages(lang, t(lang, "sources_title"), t(lang, "sources_intro"), lines, path_of).items():
        pages[path] = _resolve_links(text, path)
    return pages


def _resolve_links(text: str, here: str) -> str:
    """Index lines are written before their page is known: {link:target} becomes a relative link."""
    import re
    return re.sub(r"\{link:([^}]+)\}", lambda m: link(here, m.group(1)), text)


def render_credits(content, lang: str) -> dict[str, str]:
    """credits.md: agencies (or rights statements) with their photographers and counts; a page per
    photographer with the photos, paginated."""
    tree = defaultdict(lambda: defaultdict(list))
    names = {}
    for entry in content.entries:
        for item in entry.gallery:
            # Grouped by language-neutral keys, so a photographer's page has one address in every language.
            holder_key = item.agency or item.rights or "-"
            who_key = item.photographer_in(DEFAULT_LANG) or "-"
            names[holder_key] = item.agency or (t(lang, "rights").get(item.rights, item.rights) if item.rights else "—")
            names[(holder_key, who_key)] = item.photographer_in(lang) or t(lang, "unknown_photographer")
            tree[holder_key][who_key].append((entry, item))
    lines, pages = [], {}
    for holder_key in sorted(tree, key=lambda k: names[k].casefold()):
        holder = names[holder_key]
        lines.append(f"\n**{escape_markdown(holder)}**\n\n")
        for who_key in sorted(tree[holder_key], key=lambda k: names[(holder_key, k)].casefold()):
            who = names[(holder_key, who_key)]
            photos = tree[holder_key][who_key]
            slug = slugify(f"{holder_key} {who_key}", max_len=80)
            lines.append(f"- [{escape_markdown(who)}]({{link:credits/{slug}.md}}): {len(photos)}\n")
            title = f"{t(lang, 'credits_title')}: {holder} / {who}"
            total = max(1, -(-len(photos) // INDEX_PAGE_SIZE))
            path_of = lambda page, s=slug: f"credits/{s}.md" if page == 1 else f"credits/{s}/{page}.md"  # noqa: E731
            for page in range(1, total + 1):
                here = path_of(page)
                text = [front_matter(title=title, hide=["toc"]), f"# {escape_markdown(title)}\n\n"]
                for entry, item in photos[(page - 1) * INDEX_PAGE_SIZE: page * INDEX_PAGE_SIZE]:
                    version, _ = version_for(entry, lang)
                    caption = version.captions.get(item.n) or entry.original.captions.get(item.n, "")
                    text.append(f"- [{escape_markdown(version.title)}, {t(lang, 'photo', n=item.n)}]"
                                f"({link(here, post_path(entry.id))}#photo-{item.n}): {caption} "
                                f"<small>({credit_text(item, lang)})</small>\n")
                text.append(pager(lang, page, total, path_of))
                pages[here] = "".join(text)
    index_path = lambda page: "credits.md" if page == 1 else f"credits/page/{page}.md"  # noqa: E731
    for path, text in _index_pages(lang, t(lang, "credits_title"), t(lang, "credits_intro"), lines, index_path).items():
        pages[path] = _resolve_links(text, path)
    return pages


def render_404(lang: str) -> str:
    out = [front_matter(title=t(lang, "notfound_title"), search={"exclude": True}, hide=["toc"]),
           f"# {t(lang, 'notfound_title')}\n\n{t(lang, 'notfound_text')}\n\n",
           f"[{t(lang, 'all_posts')}](archive/index.md) · [{t(lang, 'tags_title')}](tags/index.md)\n"]
    if lang == DEFAULT_LANG:
        # GitHub Pages serves the root 404 page for every missing address: send readers of /ru/ and /tr/
        # to the not-found page in their language.
        out.append('\n<script>(function(){var m=location.pathname.match(/^(.*?\\/)(ru|tr)\\//);'
                   'if(m&&!/\\/404\\.html$/.test(location.pathname)){location.replace(m[1]+m[2]+"/404.html");}})();</script>\n')
    return "".join(out)
