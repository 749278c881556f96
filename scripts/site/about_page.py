"""about.md: what the archive is, how it is made, its rights, how to cite it and where its data is (pure)."""

from __future__ import annotations

from ..content.rights import ARCHIVE_LICENSE
from .fragments import front_matter
from .i18n import t


def render_about(lang: str) -> str:
    title = t(lang, "about_title")
    license_link = f'<a href="{ARCHIVE_LICENSE}" rel="license">CC BY 4.0</a>'
    out = [front_matter(title=title, description=t(lang, "about_what", sources=t(lang, "sources_title"))[:160]),
           f"# {title}\n\n"]
    sections = [
        ("about_what_h", t(lang, "about_what", sources=f"[{t(lang, 'sources_title')}](sources/index.md)")),
        ("about_how_h", t(lang, "about_how")),
        ("about_rights_h", t(lang, "about_rights", license=license_link)),
        ("about_cite_h", t(lang, "about_cite")),
        ("about_data_h", t(lang, "about_data", data="[/data/](data.md)")),
    ]
    for key, text in sections:
        out.append(f"## {t(lang, key)}\n\n{text}\n\n")
    return "".join(out)


def footer_html(lang: str, about_href: str) -> str:
    """The site-wide footer in the page's language: the licence of the archive's own work, and that the
    quoted texts and photos are their holders' (overrides/partials/copyright.html calls it)."""
    import html

    license_link = f'<a href="{ARCHIVE_LICENSE}" rel="license">CC BY 4.0</a>'
    about = f'<a href="{html.escape(about_href, quote=True)}">{html.escape(t(lang, "footer_about"))}</a>'
    return t(lang, "footer", license=license_link, about=about)
