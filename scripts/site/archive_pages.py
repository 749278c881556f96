"""Render the archive-wide pages: timeline, days, on this day, sources, photo credits, 404 (pure).
No page grows with the archive: long lists link to paginated pages of their own."""

from __future__ import annotations

from collections import defaultdict

from babel.dates import format_skeleton

from ..content.model import DEFAULT_LANG, LANGS
from ..text.escape import escape_markdown
from .fragments import front_matter, version_for
from .i18n import date_text, plural, t
from .list_pages import render_list_pages
from .paths import link, post_path

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
        # A day and month as each language writes them: "April 25" (as "April 25, 2023" elsewhere on
        # the English pages), "25 апреля", "25 Nisan".
        label = format_skeleton("MMMMd", by_day[(month, day)][0], locale=lang)
        out.append(f'<section class="on-this-day" id="md-{month:02d}-{day:02d}" markdown>\n\n## {label}\n\n')
        for date in sorted(by_day[(month, day)]):
            event = f" — {escape_markdown(events[date].name(lang))}" if date in events else ""
            out.append(f"**{date.year}**{event}\n\n")
            out += _posts_under(remembered[date], date, lang, here)
            out.append("\n")
        out.append("</section>\n\n")
    return "".join(out)


def render_404(lang: str) -> str:
    out = [front_matter(title=t(lang, "notfound_title"), search={"exclude": True}, hide=["toc"]),
           f"# {t(lang, 'notfound_title')}\n\n{t(lang, 'notfound_text')}\n\n",
           f"[{t(lang, 'all_posts')}](archive/index.md) · [{t(lang, 'tags_title')}](tags/index.md)\n"]
    # GitHub Pages serves the root 404 page for every missing address: archive.js shows readers of /ru/
    # and /tr/ the not-found page in their language and puts back the address they typed.
    others = " ".join(code for code in LANGS if code != DEFAULT_LANG) if lang == DEFAULT_LANG else ""
    out.append(f'\n<div id="archive-not-found" data-languages="{others}" hidden></div>\n')
    return "".join(out)
