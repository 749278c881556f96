"""A post's provenance on its page: whose words, the original, the source's page here, the archived raw
copy with its SHA-256, the rights in the text and the photos (pure; Markdown with escaped HTML)."""

from __future__ import annotations

import html
import posixpath
from pathlib import PurePosixPath
from urllib.parse import quote

from ..content.model import Entry
from ..content.rights import ARCHIVE_LICENSE
from ..content.rights import label as rights_label
from ..content.sources_registry import URL_RE
from ..text.escape import escape_markdown
from .i18n import t
from .paths import link, post_path, url_of

RAW_DIR = "sources/raw"  # where the archived raw files are published, at the site root, once


def _e(text: str) -> str:
    return html.escape(str(text), quote=True)


def original_url(entry: Entry) -> str | None:
    url = entry.source.get("url")
    return url if isinstance(url, str) and URL_RE.match(url) else None


# Raw copies a browser would render as a page of this site, running any script a hostile source planted
# (a saved t.me/s page, an export's messages.html, a news article): published with ".txt" added, which
# GitHub Pages serves as text/plain with nosniff. The bytes, and so their SHA-256, are the archived ones.
ACTIVE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".xml", ".xsl", ".mht", ".mhtml")


def raw_name(entry: Entry) -> str | None:
    """The published name of the post's raw copy (under RAW_DIR)."""
    raw = entry.source.get("raw")
    if not raw:
        return None
    name = PurePosixPath(str(raw)).name
    return name + ".txt" if name.lower().endswith(ACTIVE_SUFFIXES) else name


def raw_site_path(entry: Entry) -> str | None:
    """The raw copy's path from the site root, e.g. 'sources/raw/000_x.txt'."""
    name = raw_name(entry)
    return f"{RAW_DIR}/{quote(name)}" if name else None


def source_of(entry: Entry, sources: dict | None = None):
    """The registry's entry for the post's source (resolved on load; `sources` for an Entry made by hand)."""
    return entry.registered_source or (sources or {}).get(str(entry.source.get("name", "")))


def source_name(entry: Entry, lang: str, sources: dict | None = None) -> str:
    """The source's name in the page's language (the registry's), else as the post writes it."""
    source = source_of(entry, sources)
    return source.name(lang) if source else str(entry.source.get("name", ""))


def whose_words(entry: Entry, lang: str, sources: dict | None) -> str:
    """'The words are those of <who the source is>' in the page's language (Markdown)."""
    source = source_of(entry, sources)
    who = source.about.get(lang) if source else None
    name = source_name(entry, lang, sources)
    who = f"{name} ({who})" if who and name else (who or name)
    return t(lang, "prov_whose", who=escape_markdown(who))


def rights_link(uri: str, lang: str, rel_license: bool = True) -> str:
    rel = ' rel="license"' if rel_license else ""
    return f'<a href="{_e(uri)}"{rel}>{_e(rights_label(uri, lang))}</a>'


def from_page(lang: str, entry: Entry, site_path: str) -> str:
    """A relative link from the post's page in `lang` to a file at the site root."""
    return posixpath.relpath(site_path, url_of(lang, post_path(entry.id)).rstrip("/"))


def media_pointer(entry: Entry, lang: str) -> str:
    """After 'the copy did not capture a video': where it can be seen, or that nobody knows (HTML)."""
    url = original_url(entry)
    if url:
        return " " + t(lang, "media_see_original",
                       link=f'<a href="{_e(url)}" rel="noopener">{_e(t(lang, "prov_original"))}</a>')
    return " " + t(lang, "media_original_unknown")


def render_provenance(entry: Entry, lang: str, sources: dict | None, source_page: str) -> str:
    """The 'About this copy' section of a post page. `source_page`: the source's page (sources/<slug>.md)."""
    here = post_path(entry.id)
    out = [f'\n## {t(lang, "prov_heading")} {{ #provenance }}\n\n', '<div class="provenance" markdown>\n\n']
    items = []
    url = original_url(entry)
    if url:
        items.append(f'- <a class="original-link" href="{_e(url)}" rel="noopener">{_e(t(lang, "prov_original"))}</a>: '
                     f"<code>{_e(url)}</code>")
    else:
        items.append(f'- <span class="original-unknown">{t(lang, "prov_original_unknown")}</span>')
    items.append(f"- [{escape_markdown(t(lang, 'prov_source_page', name=source_name(entry, lang, sources)))}]"
                 f"({link(here, source_page)})")
    raw = raw_site_path(entry)
    if raw:
        sha = f' · SHA-256 <code class="sha256">{_e(entry.raw_sha256)}</code>' if entry.raw_sha256 else ""
        items.append(f'- <a class="raw-copy" href="{_e(from_page(lang, entry, raw))}" download>'
                     f'{_e(t(lang, "prov_raw"))}</a> (<code>{_e(raw_name(entry))}</code>){sha}')
    rights = rights_link(entry.rights, lang) if entry.rights else t(lang, "prov_rights_unstated")
    items.append(f'- {t(lang, "prov_rights_text")}: <span class="rights">{rights}</span>')
    if lang != entry.lang and lang in entry.versions:
        items.append("- " + t(lang, "prov_translation", license=rights_link(ARCHIVE_LICENSE, lang, rel_license=False)))
    out.append("\n".join(items) + "\n\n</div>\n\n")
    return "".join(out)


def photo_rights(item, lang: str) -> str:
    """' · Rights: <a>In Copyright</a>' after a photo's credit (HTML), or ''."""
    if not item.rights:
        return ""
    return f' · {t(lang, "photo_rights")}: {rights_link(item.rights, lang)}'


def source_about(source, written: str, lang: str) -> str:
    """A source's page intro: who it is, what it is, how it signs, its address and handle (Markdown)."""
    if source is None:
        return f"{t(lang, 'source_undescribed')} {t(lang, 'source_as_written', name=escape_markdown(written))}\n\n"
    lines = []
    about = source.about.get(lang)
    kind = t(lang, "source_type").get(source.kind) if source.kind else None
    head = escape_markdown(about[:1].upper() + about[1:]) if about else t(lang, "source_undescribed")
    head = head.rstrip().removesuffix(".")  # one full stop, after the kind ("… is (a ministry). It signs …")
    lines.append(f'<p class="source-about" markdown="span">{head}'
                 + (f' <span class="source-type">({escape_markdown(kind)})</span>' if kind else "") + ". "
                 + t(lang, "source_as_written", name=escape_markdown(written)) + "</p>\n\n")
    facts = []
    if source.url:
        facts.append(f'- {t(lang, "source_address")}: <a href="{_e(source.url)}" rel="noopener">{_e(source.url)}</a>')
    if source.handle:
        facts.append(f'- {t(lang, "source_handle")}: <code>{_e(source.handle)}</code>')
    if facts:
        lines.append("\n".join(facts) + "\n\n")
    return "".join(lines)
