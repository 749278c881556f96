"""QA checks of a translated segment against its original, run by `translations import` before it writes:
the numbers, dates, URLs, hashtags and emoji of the original must be in the translation. Numbers and URLs
are translate-toolkit's own pofilter checks; dates, hashtags and emoji are the archive's (a translated
hashtag passes when it is an alias of the same tag, as the house style asks)."""

from __future__ import annotations

import re
from collections import Counter

from translate.filters import checks, decoration

from ..text.dates import dates_in
from ..text.hashtags import hashtags

# Pictographs and symbols, flags (regional indicator pairs) and keycaps, without the joiners and
# variation selectors that only change how one is drawn.
_EMOJI = re.compile("[\U0001F1E6-\U0001F1FF]{2}|[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF]")
_CHECKERS: dict[str, checks.StandardChecker] = {}


def _checker(lang: str) -> checks.StandardChecker:
    if lang not in _CHECKERS:
        _CHECKERS[lang] = checks.StandardChecker(checks.CheckerConfig(targetlanguage=lang))
    return _CHECKERS[lang]


def _numbers(source: str, target: str) -> list[str]:
    # translate-toolkit's numbers check counts the digit runs; the message names them. Group separators
    # differ by language (1,500 / 1 500 / 1.500), so they are dropped on both sides first.
    def ungroup(text):
        return re.sub(r"(?<=\d)[,.\u00a0\u202f ](?=\d{3}\b)", "", text)
    s, t = ungroup(source), ungroup(target)
    try:
        _checker("en").numbers(s, t)
        return []
    except checks.FilterFailure:
        have = Counter(decoration.getnumbers(t))
        want = Counter(decoration.getnumbers(s))
        missing = sorted((want - have).elements(), key=lambda n: s.find(n))
        extra = sorted((have - want).elements(), key=lambda n: t.find(n))
        parts = []
        if missing:
            parts.append("missing " + ", ".join(missing))
        if extra:
            parts.append("not in the original " + ", ".join(extra))
        return [f"numbers: {'; '.join(parts) or 'they differ'} (expected the numbers of the original)"]


def _urls(source: str, target: str) -> list[str]:
    try:
        _checker("en").urls(source, target)
        return []
    except checks.FilterFailure:
        want, have = set(decoration.geturls(source)), set(decoration.geturls(target))
        return [f"URLs: missing {u} (expected every address of the original, unchanged)" for u in sorted(want - have)] + \
               [f"URLs: {u} is not in the original" for u in sorted(have - want)] or \
               ["URLs: they differ from the original's"]


def _dates(source: str, target: str) -> list[str]:
    want = Counter(d for _, d in dates_in(source))
    have = Counter(d for _, d in dates_in(target))
    return [f"dates: {d.isoformat()} of the original is missing (expected the same day, month and year)"
            for d in sorted((want - have).elements())]


def _hashtags(source: str, target: str, resolve) -> list[str]:
    out = []
    want = {}
    for name in hashtags(source):
        want.setdefault(resolve(name).slug, name)
    have = {}
    for name in hashtags(target):
        have.setdefault(resolve(name).slug, name)
    for slug, name in want.items():
        if slug not in have:
            out.append(f"hashtags: #{name} is missing (expected it, or an alias of the same tag in content/tags.yml)")
    for slug, name in have.items():
        if slug not in want:
            out.append(f"hashtags: #{name} is not in the original (it would lead to the tag page '{slug}')")
    return out


def _emoji(source: str, target: str) -> list[str]:
    want, have = Counter(_EMOJI.findall(source)), Counter(_EMOJI.findall(target))
    out = [f"emoji: {e} is missing" + (f" ({n} of {want[e]})" if want[e] > 1 else "") for e, n in (want - have).items()]
    out += [f"emoji: {e} is not in the original" for e in (have - want)]
    return out


def qa_problems(source: str, target: str, resolve) -> list[str]:
    """Every QA problem of a translated segment, as messages. `resolve` maps a hashtag to its Tag."""
    return (_numbers(source, target) + _dates(source, target) + _urls(source, target)
            + _hashtags(source, target, resolve) + _emoji(source, target))
