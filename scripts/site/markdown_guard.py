"""A Python-Markdown extension (listed in mkdocs.yml): no event handler and no unsafe address survives in a
page's Markdown, whatever an attribute list (`{ onclick=… }`) or a link (`[x](javascript:…)`) in a post
says. Raw HTML never reaches it from content: the generator makes a post's raw HTML text
(escape.markdown_without_html) and writes its own tags with escaped values."""

from __future__ import annotations

from markdown import Extension
from markdown.treeprocessors import Treeprocessor

from ..text.escape import safe_url

URL_ATTRS = {"href", "src", "action", "formaction", "poster", "cite", "background", "xlink:href", "data"}
DROPPED = {"srcdoc", "style"}


class Guard(Treeprocessor):
    def run(self, root):
        for el in root.iter():
            for name in list(el.attrib):
                key = name.lower()
                if key.startswith("on") or key in DROPPED:
                    del el.attrib[name]
                elif key in URL_ATTRS and safe_url(el.attrib[name]) is None:
                    del el.attrib[name]
        return None


class GuardExtension(Extension):
    def extendMarkdown(self, md):
        # After attr_list (8) and md_in_html: the attributes as the page will have them.
        md.treeprocessors.register(Guard(md), "archive_guard", 1)


def makeExtension(**kwargs):
    return GuardExtension(**kwargs)
