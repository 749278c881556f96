"""What a post page gives search beyond its visible text (pure): Pagefind metadata for the result line
(the date and the source), and on Turkish pages the words written without Turkish letters, so that
"kizil" finds "Kızıl" (readers on keyboards without ı, ş, ğ type them so). Russian ё/е needs nothing:
Pagefind's Russian stemmer already treats them alike."""

from __future__ import annotations

import html
import re

from ..text.escape import unescape_markdown

FOLD_MARK = "zzfoldzz"  # opens the folded words in a page's indexed text: archive-search.js excerpts stop there
_TURKISH = str.maketrans({"ı": "i", "ş": "s", "ğ": "g", "ç": "c", "ö": "o", "ü": "u", "â": "a", "î": "i", "û": "u"})
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def turkish_lower(text: str) -> str:
    return text.replace("I", "ı").replace("İ", "i").lower()


def fold_turkish(word: str) -> str:
    """A Turkish word lowercased the Turkish way and written with Latin letters only."""
    return turkish_lower(word).translate(_TURKISH)


def folded_words(text: str) -> list[str]:
    """The words of `text` that read differently without Turkish letters, folded, once each, in order."""
    seen, out = set(), []
    for word in _WORD.findall(text):
        folded = fold_turkish(word)
        if folded != turkish_lower(word) and folded not in seen:
            seen.add(folded)
            out.append(folded)
    return out


def search_extras(entry, lang: str, version) -> str:
    """Hidden elements inside the indexed body: the metadata Pagefind hands each result, and on Turkish
    pages the folded words (with the captions, credits and tag labels, which are searched too)."""
    e = html.escape
    parts = [f'<span hidden data-pagefind-meta="source">{e(str(entry.source.get("name", "")))}</span>']
    if entry.date:
        parts.append(f'<span hidden data-pagefind-meta="date:{entry.date.isoformat()}"></span>')
    if lang == "tr":
        text = " ".join([version.title, str(entry.source.get("name", "")), unescape_markdown(version.body), *version.captions.values(),
                         *(tag.label(lang) for tag in entry.tags),
                         *(item.photographer_in(lang) or "" for item in entry.gallery)])
        words = folded_words(text)
        if words:
            parts.append(f'<span hidden class="search-folded">{FOLD_MARK} {" ".join(words)}</span>')
    # Spaces between the spans: Pagefind joins the text of adjacent inline elements into one word.
    return '<p class="search-extras" hidden>' + " ".join(parts) + " </p>\n\n"
