"""Written-out dates in a text (English, Russian, Turkish)."""

from __future__ import annotations

import re

MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
    "tr": ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
           "kasım", "aralık"],
}
_MONTH_NUMBER = {name: i + 1 for names in MONTHS.values() for i, name in enumerate(names)}


def _folded(name: str) -> str:
    """A month name as the patterns compare it: case aside, and Turkish dotted and dotless i alike
    (re.IGNORECASE matches I, ı, i and İ to each other: 'MAYIS' is mayıs, as a headline writes it)."""
    return name.lower().replace("i\u0307", "i").replace("ı", "i")


_MONTH_BY_FOLDED = {_folded(name): n for name, n in _MONTH_NUMBER.items()}
_MONTH_RE = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
_DATE_MDY = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)  # what a date is
_DATE_DMY = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})\b", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
# Searching for the month names at every position of a long text is slow: dates_in finds the years
# first, then looks for the rest of a date just before each (the same matches as the patterns above,
# for dates written with fewer than WINDOW characters before the year).
_YEAR_END = re.compile(r"\d{4}\b")
_MDY_BEFORE = re.compile(rf"\b({_MONTH_RE})\s+(\d{{1,2}}),?\s+\Z", re.IGNORECASE)
_DMY_BEFORE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH_RE})\s+\Z", re.IGNORECASE)
WINDOW = 64


def dates_in(text: str):
    """(position, datetime.date) for every written-out date in a text (English, Russian, Turkish)."""
    import datetime as dt

    if not _YEAR.search(text):
        return []
    found = []
    for year in _YEAR_END.finditer(text):
        end = year.start()
        if not end or not text[end - 1].isspace():
            continue  # a date has white space before its year (and this is no longer number)
        offset = max(0, end - WINDOW)
        head = text[offset:end]
        for pattern, month_group in ((_MDY_BEFORE, 1), (_DMY_BEFORE, 2)):
            m = pattern.search(head)
            if m is None:
                continue
            pos = offset + m.start()
            if pos == offset and offset and (text[pos - 1].isalnum() or text[pos - 1] == "_"):
                continue  # the window cut a word: no word boundary there in the text
            found.append((pos, m.group(month_group), m.group(3 - month_group), year.group()))
    out = []
    for pos, month, day, year in sorted(found):
        try:
            out.append((pos, dt.date(int(year), _MONTH_BY_FOLDED[_folded(month)], int(day))))
        except ValueError:
            continue
    return out
