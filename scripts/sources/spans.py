"""Marked-up text (spans) of the HTML and JSON formats as a post's paragraphs and tags: one way for every importer that keeps links, emphasis and line breaks."""

from __future__ import annotations

import warnings
from dataclasses import replace

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, NavigableString, Tag
from bs4.element import PreformattedString

from ..content.model import Paragraph, Span
from ..text.hashtags import hashtags, is_hashtag_line, unique_hashtags
from ..text.language import detect_lang
from ..text.normalize import normalize_line


MARKS = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "code": "code", "pre": "code",
         "s": "strike", "del": "strike", "strike": "strike"}


def soup_of(text: str) -> BeautifulSoup:
    """A saved page parsed as HTML. A page whose text looks like an address or a file name is still a page
    (BeautifulSoup would warn that it "looks more like a URL"): no warning, the importer says what it found."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        return BeautifulSoup(text, "html.parser")


def html_runs(el) -> list[Span]:
    """The inline text of an HTML text block (a saved t.me/s post, a news article's paragraph: a Tag, whose
    children are read, or a list of sibling nodes) as spans; <br> is "\n", the page's own line breaks are
    spaces; scripts, styles and comments are not text."""
    out: list[Span] = []
    nodes = el if isinstance(el, list) else list(el.children)
    stack: list[tuple[object, frozenset, str | None]] = [(node, frozenset(), None) for node in reversed(nodes)]
    while stack:
        node, marks, href = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):  # comments, CDATA, doctype: not text
                out.append(span(str(node).replace("\n", " ").replace("\r", " "), marks, href))
        elif isinstance(node, Tag):
            if node.name == "br":
                out.append(Span("\n"))
                continue
            if node.name in ("script", "style", "template"):
                continue
            if "emoji" in (node.get("class") or ()):  # t.me's <i class="emoji"><b>🎗</b></i>: a character, no emphasis
                out.append(span(node.get_text(""), marks, href))
                continue
            if node.name == "a":
                target = (node.get("href") or "").strip()
                if node.has_attr("onclick"):  # t.me writes &amp;amp; in these links since April 2024
                    target = target.replace("&amp;", "&")
                href = target if target and not target.startswith(("?q=", "#")) else href
            marks = marks | {MARKS[node.name]} if node.name in MARKS else marks
            stack.extend((child, marks, href) for child in reversed(list(node.children)))
    return out


def span(text: str, marks: frozenset, href: str | None) -> Span:
    return Span(text, bold="bold" in marks, italic="italic" in marks, code="code" in marks,
                strike="strike" in marks, href=href)


_PUA = "\ue001"  # around a span while normalizing, so that its outer spaces survive normalize_line's strip


def paragraphs_and_tags_of(runs: list[Span]) -> tuple[list[Paragraph], list[str]]:
    """Paragraphs at blank lines, each line break inside a paragraph kept as "\\n"; lines of hashtags only are
    the post's tags, each paragraph once."""
    lines: list[list[Span]] = [[]]
    for s in runs:
        for i, part in enumerate(s.text.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append(replace(s, text=part))
    blocks: list[list[tuple[str, list[Span]]]] = [[]]
    tag_lines: list[str] = []
    for line in lines:
        plain, spans = _clean(line)
        if not plain:
            blocks.append([])
        elif is_hashtag_line(plain):
            tag_lines.append(plain)
        else:
            blocks[-1].append((plain, spans))
    paragraphs, seen = [], set()
    for block in blocks:
        if not block:
            continue
        text = "\n".join(plain for plain, _ in block)
        key = " ".join(text.split())
        if key in seen:
            continue
        seen.add(key)
        spans: list[Span] = []
        for i, (_, line_spans) in enumerate(block):
            if i:
                spans.append(Span("\n"))
            spans.extend(line_spans)
        marked = any(s.bold or s.italic or s.code or s.strike or s.href for s in spans)
        paragraphs.append(Paragraph(text, detect_lang(text), tuple(merge(spans)) if marked else ()))
    tags = unique_hashtags([t for line in tag_lines for t in hashtags(line)]
                           + [t for p in paragraphs for t in hashtags(p.text)])
    return paragraphs, tags


def _clean(line: list[Span]) -> tuple[str, list[Span]]:
    """A line's text normalized as normalize_line does, and its spans with the same characters."""
    expected = normalize_line("".join(s.text for s in line))
    out: list[Span] = []
    for s in line:
        t = normalize_line(_PUA + s.text + _PUA)[1:-1]
        if out and out[-1].text.endswith(" ") and t.startswith(" "):
            t = t[1:]
        if t:
            out.append(replace(s, text=t))
    while out and out[0].text.startswith(" "):
        out[0] = replace(out[0], text=out[0].text.lstrip(" "))
        if not out[0].text:
            out.pop(0)
    while out and out[-1].text.endswith(" "):
        out[-1] = replace(out[-1], text=out[-1].text.rstrip(" "))
        if not out[-1].text:
            out.pop()
    if "".join(s.text for s in out) != expected:  # normalizing a piece differs from the whole: keep the text
        return expected, [Span(expected)] if expected else []
    return expected, out


def merge(spans: list[Span]) -> list[Span]:
    """Neighbouring spans with the same marks as one."""
    out: list[Span] = []
    for s in spans:
        if out and replace(out[-1], text="") == replace(s, text=""):
            out[-1] = replace(s, text=out[-1].text + s.text)
        else:
            out.append(s)
    return out
