"""Parse a saved news photo-gallery article (date line, intro, photos with credits and counters)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from ..content.model import ContentError, Paragraph, Photo, Post
from ..text.dates import dates_in
from ..text.dedupe import dedupe_paragraphs
from ..text.hashtags import hashtags, unique_hashtags
from ..text.language import detect_lang
from ..text.normalize import split_lines
from .common import title_from

KIND = "gallery-article"
DATE_LINE = re.compile(r"^(?:\w+\s+)?date\s+(\d{4}-\d{2}-\d{2})\b.*$", re.IGNORECASE)
TIME_LINE = re.compile(r"^(\d{1,2}:\d{2})\s*(GMT|UTC|MSK)?\s*(\d{2})\.(\d{2})\.(\d{4})$")
COUNTER = re.compile(r"^(\d+)\s*/\s*(\d+)$")
MEDIABANK = "Go to the mediabank"
RIGHTS = re.compile(r"^(public domain|cc[ -].*|creative commons.*|courtesy .*)$", re.IGNORECASE)
SUFFIX = re.compile(r"\s+[-–—]\s+([A-Z][\w .]{2,60})$")


def looks_like(text: str) -> bool:
    lines = split_lines(text[:1_000_000])[:5000]  # the head tells the format
    counters = sum(1 for line in lines if COUNTER.match(line))
    credits = sum(1 for line in lines if line.startswith("©"))
    return credits >= 1 and (counters >= 1 or any(MEDIABANK in line for line in lines))


def parse(text: str) -> list[Post]:
    """One post: the article's intro paragraphs once, and its photos in order with one clean caption each."""
    lines = split_lines(text)
    date = time = None
    body: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if date is None and (m := DATE_LINE.match(line)):
            date = _day(i + 1, m.group(1), *map(int, m.group(1).split("-")))
            continue
        if time is None and (m := TIME_LINE.match(line)):
            time = f"{m.group(1)} {m.group(2) or ''}".strip()
            date = date or _day(i + 1, f"{m.group(3)}.{m.group(4)}.{m.group(5)}",
                                int(m.group(5)), int(m.group(4)), int(m.group(3)))
            continue
        body.append((i, line))
    first_credit = next((k for k, (_, line) in enumerate(body) if line.startswith("©")), len(body))
    intro = [line for _, line in body[:first_credit] if line]
    gallery = [line for _, line in body[first_credit:]]
    source = _source_name(gallery)
    blocks = _blocks(gallery)
    photos, warnings = _photos(blocks, source)
    intro = dedupe_paragraphs(intro)
    tags = unique_hashtags(t for p in intro for t in hashtags(p))
    post = Post(
        paragraphs=[Paragraph(t, detect_lang(t)) for t in intro],
        source_name=source or "Unknown publication",
        source_kind=KIND,
        date=date,
        time=time,
        photos=photos,
        tags=tags,
        warnings=warnings,
    )
    post.title = title_from(intro)
    texts = intro + [p.caption for p in photos]
    post.commemorates = sorted({d for t in texts for _, d in dates_in(t) if 1939 <= d.year <= 1945})
    return [post]


def _day(line: int, written: str, year: int, month: int, day: int) -> dt.date:
    """The date a date or time line gives; a ContentError for one the calendar has not (2023-02-30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ContentError(SOURCE, line, f"the article's date {written} is not a day of the calendar "
                           "(expected a real date, e.g. 2023-02-28 or 28.02.2023)") from None


SOURCE = "article"  # parse() has no path: detect.parse_source puts the real one in its errors


def _source_name(lines: list[str]) -> str | None:
    """The publication named in the ' - Sputnik International' suffix that captions repeat."""
    names = Counter(m.group(1).strip() for line in lines if (m := SUFFIX.search(line)))
    if names:
        name, count = names.most_common(1)[0]
        if count >= 2 or len(names) == 1:
            return name
    return None


def _blocks(lines: list[str]) -> list[dict]:
    """Split the gallery at each leading credit line ('©' not right after a counter)."""
    blocks: list[dict] = []
    after_counter = False
    for line in lines:
        if not line:
            continue
        if m := COUNTER.match(line):
            if blocks:
                blocks[-1]["counters"].append((int(m.group(1)), int(m.group(2))))
            after_counter = True
            continue
        if line.startswith("©") and not after_counter:
            blocks.append({"lead": line, "credits": [], "texts": [], "counters": []})
        elif line.startswith("©"):
            blocks[-1]["credits"].append(line[1:].strip())
        elif line in ("/", MEDIABANK) or line == "/ " + MEDIABANK:
            pass
        elif blocks:
            blocks[-1]["texts"].append(line)
        if not (line.startswith("©") or line in ("/", MEDIABANK)):
            after_counter = False
    return blocks


def split_credit(credit: str) -> tuple[str | None, str | None, str | None]:
    """'Sputnik / Ivan Shagin' -> agency, photographer; 'Photo : Public domain/Pfc. X' -> rights, photographer."""
    credit = re.sub(r"^Photo\s*:\s*", "", credit.replace(MEDIABANK, "")).strip(" /")
    parts = [p.strip() for p in re.split(r"\s*/\s*", credit) if p.strip()]
    agency = rights = photographer = None
    if parts:
        if RIGHTS.match(parts[0]):
            rights = parts[0]
        else:
            agency = parts[0]
        if len(parts) > 1:
            photographer = " / ".join(parts[1:])
    return agency, rights, photographer


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _photos(blocks: list[dict], source: str | None) -> tuple[list[Photo], list[str]]:
    warnings: list[str] = []
    merged: list[dict] = []
    for block in blocks:
        lead = block["lead"][1:].strip()
        credit = block["credits"][0] if block["credits"] else None
        if MEDIABANK in lead:
            lead_credit, glued = lead.split(MEDIABANK, 1)
        elif credit and lead.startswith(credit):
            lead_credit, glued = credit, lead[len(credit):]
        else:
            lead_credit, glued = lead, ""
        texts = ([glued.strip()] if glued.strip() else []) + block["texts"]
        if source:
            texts = [re.sub(rf"\s+[-–—]\s+{re.escape(source)}$", "", t) for t in texts]
        item = {"credit": credit or lead_credit.strip(" /"), "texts": texts, "counters": block["counters"]}
        # A block with no counter whose captions all belong to the photo before is that photo's tail.
        if merged and not item["counters"] and _same_captions(merged[-1]["texts"], texts):
            merged[-1]["texts"] += texts
            continue
        merged.append(item)
    photos = []
    for n, item in enumerate(merged, 1):
        agency, rights, photographer = split_credit(item["credit"])
        if not item["texts"]:
            warnings.append(f"photo {n} has no caption")
        photos.append(Photo(n=n, caption=_best_caption(item["texts"]), agency=agency,
                            photographer=photographer, rights=rights))
    warnings += check_counters(merged)
    return photos, warnings


def _same_captions(before: list[str], after: list[str]) -> bool:
    keys = {_squash(t) for t in before}
    return bool(after) and all(any(_variant(_squash(t), k) for k in keys) for t in after)


def _variant(a: str, b: str) -> bool:
    """Two captions are the same text when they differ only in case, punctuation, or a lost first character."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(long_) - len(short) <= 3 and len(short) > 10 and long_.endswith(short)


def _best_caption(texts: list[str]) -> str:
    """The clean caption among a photo's variants: the most repeated, then the fullest, then punctuated.
    Captions that are not variants of each other are all kept, in order."""
    groups: list[list[str]] = []
    for t in texts:
        for g in groups:
            if _variant(_squash(t), _squash(g[0])):
                g.append(t)
                break
        else:
            groups.append([t])
    chosen = []
    for g in groups:
        counts = Counter(g)
        chosen.append(max(counts, key=lambda t: (counts[t], len(t), t[-1:] in '.!?"»)')))
    return " ".join(chosen)


def check_counters(items: list[dict]) -> list[str]:
    warnings = []
    seen = [c for item in items for c in item["counters"][:1]]
    totals = {total for _, total in seen}
    numbers = [n for n, _ in seen]
    if len(totals) > 1:
        warnings.append(f"photo counters disagree on the total: {sorted(totals)}")
    total = max(totals) if totals else None
    if total is not None:
        missing = sorted(set(range(1, total + 1)) - set(numbers))
        if missing:
            warnings.append(f"photo counters skip {', '.join(f'{n}/{total}' for n in missing)}")
        if len(items) != total:
            warnings.append(f"found {len(items)} photos but the counters say {total}")
    if numbers != sorted(numbers):
        warnings.append(f"photo counters out of order: {', '.join(map(str, numbers))}")
    unnumbered = sum(1 for item in items if not item["counters"])
    if items and unnumbered and total is not None:
        warnings.append(f"{unnumbered} photo(s) without a counter")
    return warnings
