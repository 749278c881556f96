"""Render a paragraph's spans (emphasis, code, links) as safe Markdown for the site's Markdown engine."""

from __future__ import annotations

import re
from urllib.parse import quote

from ..content.model import Paragraph, Span
from .escape import escape_markdown

# Link targets that stay links; any other (javascript:, data:, vbscript:, file:, relative paths, anchors)
# stays visible text.
SCHEMES = ("http", "https", "mailto", "tg")
# The site's Markdown (Python-Markdown with the extensions in mkdocs.yml) has no strikethrough: "~~"
# would show as tildes, so struck text is plain text. Set to True with pymdownx.tilde in mkdocs.yml.
STRIKE = False
# Python-Markdown's hard line break is two spaces at the end of a line; it ignores CommonMark's trailing
# backslash (it would show the backslash).
HARD_BREAK = "  \n"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Characters kept as they are in a link target; everything else (spaces, <, >, quotes, backslashes,
# backticks, control characters, non-ASCII) is percent-encoded, so the target cannot end the link early.
_URL_SAFE = "/:?#[]@!$&'()*+,;=%-._~"
# The start of a reference definition to Python-Markdown ("[id]: target", the id without brackets): a
# line that opens with a link whose text holds "]:" would be read as one, and the paragraph would vanish.
_REFERENCE = re.compile(r"\[([^\[\]]*)\]:")


def render_markdown(paragraph: Paragraph) -> str:
    """The paragraph as Markdown that renders to exactly its text, with its bold, italic, code and safe links.
    Line breaks inside it become hard breaks."""
    spans = paragraph.spans or (Span(paragraph.text),)
    lines: list[list[Span]] = [[]]
    for s in spans:
        for i, part in enumerate(s.text.split("\n")):
            if i:
                lines.append([])
            if part:
                lines[-1].append(Span(part, s.bold, s.italic, s.code, s.strike, s.href))
    return HARD_BREAK.join(out for out in (_line(line) for line in lines) if out)


def safe_href(href: str | None) -> str | None:
    """The link target to write, percent-encoded, or None when it must not be a link."""
    if not href:
        return None
    href = href.strip()
    m = _SCHEME.match(href)
    if not m or m.group(1).lower() not in SCHEMES:
        return None
    if m.group(1).lower() in ("http", "https") and not re.match(r"^[A-Za-z]+://[^/\s]", href):
        return None
    return quote(href, safe=_URL_SAFE)


def _line(spans: list[Span]) -> str:
    """One line: runs with the same link target in one link, and in them bold runs around italic runs, so
    that two markers never meet in a way the engine reads differently."""
    spans = _merge(spans)
    out, i = [], 0
    while i < len(spans):
        href = safe_href(spans[i].href)
        j = i + 1
        while j < len(spans) and safe_href(spans[j].href) == href:
            j += 1
        inner = _runs(spans[i:j], "bold", "**", lambda group: _runs(group, "italic", "*", _plain))
        if href is None:
            out.append(inner)
        else:
            lead, core, trail = _split_space(inner)
            before = out[-1] if out else ""
            if core and not lead and before.endswith("!") and (len(before) - 1 - len(before[:-1].rstrip("\\"))) % 2 == 0:
                out[-1] = before[:-1] + "\\!"  # an unescaped "!" right before a link would make it an image
            out.append(f"{lead}[{core}](<{href}>){trail}" if core else inner)
        i = j
    line = "".join(out).strip()
    m = _REFERENCE.match(line)
    if m and m.group(1).endswith("\\") and "`" not in m.group(1):
        line = line[:m.end(1) - 1] + "&#93;" + line[m.end(1) + 1:]  # the escaped "]" as a reference: no definition
    if re.fullmatch(r"=+", line):  # under a line of text, "===" would make it a heading
        line = "&#61;" + line[1:]
    return line


def _runs(spans: list[Span], mark: str, marker: str, inside) -> str:
    out, i = [], 0
    while i < len(spans):
        on = getattr(spans[i], mark)
        j = i + 1
        while j < len(spans) and getattr(spans[j], mark) == on:
            j += 1
        inner = inside(spans[i:j])
        if on:
            lead, core, trail = _split_space(inner)
            inner = f"{lead}{marker}{core}{marker}{trail}" if core else inner
        out.append(inner)
        i = j
    return "".join(out)


def _plain(spans: list[Span]) -> str:
    out = []
    for s in spans:
        lead, core, trail = _split_space(s.text)
        if not core:
            out.append(s.text)
            continue
        if s.code:
            body = _code(core)
        else:
            # Escaped, with * and _ as character references: a backslash escape right after an emphasis
            # marker ("***\\*") is misread by Python-Markdown, a reference never is.
            body = escape_markdown(core).replace("\\*", "&#42;").replace("\\_", "&#95;")
        if s.strike and STRIKE:
            body = f"~~{body}~~"
        out.append(lead + body + trail)
    return "".join(out)


def _key(s: Span):
    """What a span renders with: strike counts only where the site shows it."""
    return s.bold, s.italic, s.code, s.strike and STRIKE, safe_href(s.href)


def _merge(spans: list[Span]) -> list[Span]:
    """Neighbouring spans that render alike as one (two code spans or two emphases side by side would
    read as other markup)."""
    out: list[Span] = []
    for s in spans:
        if out and _key(out[-1]) == _key(s):
            last = out.pop()
            s = Span(last.text + s.text, s.bold, s.italic, s.code, s.strike, s.href)
        out.append(s)
    return out


def _code(text: str) -> str:
    """A code span that holds any text: a fence of more backticks than the longest run inside."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    # A space inside the fence when the text starts or ends with a backtick, or ends with a backslash
    # (Python-Markdown does not close a code span right after a backslash); it strips that space.
    pad = " " if text.startswith("`") or text.endswith(("`", "\\")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _split_space(text: str) -> tuple[str, str, str]:
    """(leading white space, the rest, trailing white space): marks go around the rest only, since
    emphasis that starts or ends with a space is not emphasis, and a code span drops its outer spaces."""
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]
