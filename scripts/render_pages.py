"""Render the archive-wide pages: timeline, on this day, sources, photo credits, 404 (pure)."""

from __future__ import annotations

from collections import defaultdict

from babel.dates import format_date

from .i18n import date_text, plural, t
from .model import DEFAULT_LANG
from .render import (credit_text, escape_markdown, front_matter, link, post_path, render_list_pages, version_for)
from .text import slugify


def _post_link(entry, lang: str, here: str) -> str:
    version, fallback = version_for(entry, lang)
    attr = f"{{ lang={entry.lang} }}" if fallback else ""
    return f"[{escape_markdown(version.title)}]({link(here, post_path(entry.id))}){attr}"


def render_timeline(content, lang: str) -> str:
    here = "timeline.md"
    events = {e.date: e for e in content.events}
    remembered = defaultdict(list)
    for entry in content.entries:
        for day in entry.commemorates:
            remembered[day].append(entry)
    days = sorted(set(events) | set(remembered))
    out = [front_matter(title=t(lang, "timeline_title"), description=t(lang, "timeline_intro")),
           f"# {t(lang, 'timeline_title')}\n\n{t(lang, 'timeline_intro')}\n\n", '<ol class="timeline" markdown>\n']
    for day in days:
        name = escape_markdown(events[day].name(lang)) if day in events else ""
        out.append(f'<li class="timeline-event" id="d-{day.isoformat()}" markdown="block">\n'
                   f'<time class="timeline-date" datetime="{day.isoformat()}">{date_text(lang, day)}</time>'
                   + (f'\n<span class="timeline-name">{name}</span>' if name else "") + "\n\n")
        for entry in remembered.get(day, []):
            out.append(f"- {_post_link(entry, lang, here)}\n")
        out.append("\n</li>\n")
    out.append("</ol>\n")
    return "".join(out)


def render_on_this_day(content, lang: str) -> str:
    here = "on-this-day.md"
    events = {e.date: e for e in content.events}
    by_day = defaultdict(list)
    for entry in content.entries:
        for day in entry.commemorates:
            by_day[(day.month, day.day)].append((day, entry))
    out = [front_matter(title=t(lang, "onthisday_title"), description=t(lang, "onthisday_intro")),
           f"# {t(lang, 'onthisday_title')}\n\n{t(lang, 'onthisday_intro')}\n\n"]
    for (month, day) in sorted(by_day):
        label = format_date(by_day[(month, day)][0][0], format="d MMMM", locale=lang)
        out.append(f'<section class="on-this-day" id="md-{month:02d}-{day:02d}" markdown>\n\n## {label}\n\n')
        for date, entry in sorted(by_day[(month, day)], key=lambda de: (de[0], de[1].id)):
            event = f" — {escape_markdown(events[date].name(lang))}" if date in events else ""
            out.append(f"- **{date.year}**{event}: {_post_link(entry, lang, here)}\n")
        out.append("\n</section>\n\n")
    # Mark today's date, if the archive remembers it (no network, no library: a few lines inline).
    out.append('<script>(function(){var d=new Date(),id="md-"+String(d.getMonth()+1).padStart(2,"0")+"-"+'
               'String(d.getDate()).padStart(2,"0"),el=document.getElementById(id);'
               f'if(el){{el.classList.add("today");el.setAttribute("aria-label",{_js(t(lang, "today"))});}}}})();</script>\n')
    return "".join(out)


def _js(text: str) -> str:
    import json
    return json.dumps(text, ensure_ascii=False).replace("<", "\\u003c")


def source_slug(entry) -> str:
    return slugify(str(entry.source.get("name", "")), max_len=60)


def render_sources(content, lang: str) -> dict[str, str]:
    """sources/index.md (each source with its count) and sources/<slug>.md (its posts, paginated)."""
    groups = defaultdict(list)
    for entry in content.entries:
        groups[source_slug(entry)].append(entry)
    here = "sources/index.md"
    out = [front_matter(title=t(lang, "sources_title"), description=t(lang, "sources_intro"), hide=["toc"]),
           f"# {t(lang, 'sources_title')}\n\n{t(lang, 'sources_intro')}\n\n"]
    pages = {}
    for slug, entries in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        first = entries[0]
        name = escape_markdown(str(first.source.get("name", "")))
        kind = t(lang, "source_kind").get(first.source.get("kind"), first.source.get("kind", ""))
        out.append(f"- [**{name}**]({link(here, f'sources/{slug}.md')}), {kind}: "
                   f"{plural(lang, 'posts_count', len(entries))}\n")
        title = f"{t(lang, 'source')}: {first.source.get('name', '')}"
        pages.update(render_list_pages(entries, lang, title, plural(lang, "posts_count", len(entries)),
                                       lambda page, s=slug: f"sources/{s}.md" if page == 1 else f"sources/{s}/{page}.md"))
    pages[here] = "".join(out)
    return pages


def render_credits(content, lang: str) -> str:
    """Agencies (or rights statements), then photographers, then their photos."""
    here = "credits.md"
    tree = defaultdict(lambda: defaultdict(list))
    for entry in content.entries:
        for item in entry.gallery:
            holder = item.agency or (t(lang, "rights").get(item.rights, item.rights) if item.rights else "—")
            who = item.photographer_in(lang) or t(lang, "unknown_photographer")
            tree[holder][who].append((entry, item))
    out = [front_matter(title=t(lang, "credits_title"), description=t(lang, "credits_intro")),
           f"# {t(lang, 'credits_title')}\n\n{t(lang, 'credits_intro')}\n\n"]
    for holder in sorted(tree, key=str.casefold):
        out.append(f"## {escape_markdown(holder)}\n\n")
        for who in sorted(tree[holder], key=str.casefold):
            photos = tree[holder][who]
            out.append(f"**{escape_markdown(who)}**\n\n")
            for entry, item in photos:
                version, _ = version_for(entry, lang)
                caption = version.captions.get(item.n) or entry.original.captions.get(item.n, "")
                out.append(f"- [{escape_markdown(version.title)}, {t(lang, 'photo', n=item.n)}]"
                           f"({link(here, post_path(entry.id))}#photo-{item.n}): {caption} "
                           f"<small>({credit_text(item, lang)})</small>\n")
            out.append("\n")
    return "".join(out)


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
