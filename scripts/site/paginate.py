"""The one paginator: long lists split into pages of a fixed size, and the pager that links them (pure)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from .i18n import t
from .paths import link


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    total: int
    path: str  # where this page is written
    items: Sequence


def paginate(items: Sequence, size: int, path_of: Callable[[int], str]) -> list[Page]:
    """The pages of a list, `size` items each; an empty list still has its first page."""
    total = max(1, -(-len(items) // size))
    return [Page(n, total, path_of(n), items[(n - 1) * size: n * size]) for n in range(1, total + 1)]


def pager(lang: str, page: int, total: int, path_of: Callable[[int], str]) -> str:
    """Links to the newer and older page; nothing on a list of one page."""
    if total <= 1:
        return ""
    here = path_of(page)
    parts = []
    if page > 1:
        parts.append(f"[← {t(lang, 'newer')}]({link(here, path_of(page - 1))})")
    parts.append(t(lang, "page", n=page, total=total))
    if page < total:
        parts.append(f"[{t(lang, 'older')} →]({link(here, path_of(page + 1))})")
    return f'\n<nav class="pager" markdown="span">{" · ".join(parts)}</nav>\n'
