"""Text helpers shared by the parsers and renderers: normalizing, hashtags, language, escaping, slugs."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Invisible characters a scrape leaves behind: zero-width, bidirectional controls, soft hyphen, BOM.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069\u061c"),
    None,
)
# Spaces that look like spaces: NBSP, narrow NBSP, en/em spaces, ideographic space.
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                             "\u2008\u2009\u200a\u205f\u3000\t\x0b\x0c"), " ")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_INVISIBLE_AND_SPACES = {**_INVISIBLE, **_SPACES}


def normalize_line(line: str) -> str:
    """One line of source text with invisible characters gone and spaces made plain.

    Zero-width joiners are kept between two emoji (they join family and flag sequences)."""
    if line.isascii() and line.isprintable() and "  " not in line:
        return line.strip()  # the common case, and nothing to do
    line = unicodedata.normalize("NFC", line)
    if not _ODD.search(line):
        return line.strip()  # text in other scripts, clean
    if "\u200d" in line:
        line = _EMOJI_ZWJ.sub("\ue000", line)
    line = line.translate(_INVISIBLE_AND_SPACES)
    line = _CONTROL.sub("", line).replace("\ue000", "\u200d")
    return _RUNS_OF_SPACES.sub(" ", line).strip()


_ODD = re.compile("[" + re.escape("".join(map(chr, _INVISIBLE_AND_SPACES))) + r"\x00-\x08\x0e-\x1f\x7f]|  ")
_EMOJI_ZWJ = re.compile(r"(?<=[\U0001F000-\U0001FAFF\u2600-\u27BF])\u200d(?=[\U0001F000-\U0001FAFF\u2600-\u27BF])")
_RUNS_OF_SPACES = re.compile(r" {2,}")


def split_lines(text: str) -> list[str]:
    """Text split into normalized lines (empty lines kept as '')."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    return [normalize_line(line) for line in text.split("\n")]


# A hashtag: '#' not preceded by a word character, '&' (entities) or a backslash, then word characters.
HASHTAG = re.compile(r"#(?<![\w&\\/]#)(\w+)")  # '#' first: the engine scans for it


def hashtags(text: str) -> list[str]:
    """The hashtags in a text, in order, without '#'."""
    return [m.group(1) for m in HASHTAG.finditer(text)]


def unique_hashtags(names) -> list[str]:
    """Hashtags in order, each once (as first written) whatever its case or Turkish i."""
    out, keys = [], set()
    for name in names:
        key = tag_key(name)
        if key not in keys:
            keys.add(key)
            out.append(name)
    return out


def paragraphs_and_tags(lines) -> tuple[list[str], list[str]]:
    """A post's lines as its paragraphs (each once, in reading order) and its hashtags: lines holding
    only hashtags become tags, inline hashtags stay in the text and count too, each tag once."""
    texts, tags = [], []
    for line in lines:
        if not line:
            continue
        if is_hashtag_line(line):
            tags.extend(hashtags(line))
        else:
            texts.append(line)
    texts = dedupe_paragraphs(texts)
    return texts, unique_hashtags(tags + [t for text in texts for t in hashtags(text)])


def is_hashtag_line(line: str) -> bool:
    """True when a line holds hashtags and nothing else."""
    return bool(line.strip()) and not HASHTAG.sub("", line).strip() and bool(HASHTAG.search(line))


_WORD = re.compile(r"[^\W\d_]{2,}")
_TURKISH_LETTERS = set("ğĞşŞıİ")
_TURKISH_WORDS = {"ve", "bir", "bu", "için", "ile", "da", "de", "olan", "olarak", "gibi", "çok", "daha",
                  "kutlu", "olsun", "yılı", "yıl", "savaş", "zafer", "günü", "ordusu", "askerleri"}
_CYRILLIC_WORD = re.compile(r"\S*[\u0400-\u04ff]\S*")
_TURKISH_WORD = re.compile(r"\S*[ğĞşŞıİ]\S*")
_ENGLISH_WORDS = {"the", "and", "of", "to", "in", "was", "were", "on", "for", "with", "is", "that", "by"}


def detect_lang(text: str) -> str | None:
    """en, ru or tr for a paragraph, or None when it has no words to tell by."""
    words = _WORD.findall(HASHTAG.sub("", text) if "#" in text else text)
    if not words:
        return None
    plain_latin = text.isascii()  # then no Cyrillic and no Turkish letters: count the words only
    joined = "" if plain_latin else " ".join(words)
    cyrillic = 0 if plain_latin else len(_CYRILLIC_WORD.findall(joined))
    if cyrillic * 2 > len(words):
        return "ru"
    lower = [w.lower() for w in words]
    turkish = (0 if plain_latin else len(_TURKISH_WORD.findall(joined))) + sum(1 for w in lower if w in _TURKISH_WORDS)
    english = sum(1 for w in lower if w in _ENGLISH_WORDS)
    return "tr" if turkish > english else "en"


# --- escaping -----------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]{}|])")
_ENTITY = re.compile(r"&(#?\w+;)")


_NEEDS_ESCAPE = re.compile(r"[\\`*_\[\]{}|<>&]|^\s*(?:[#+!-]|\d+\.)")


def escape_markdown(text: str) -> str:
    """A line of untrusted text as Markdown that renders to exactly that text, never to markup."""
    if not _NEEDS_ESCAPE.search(text):
        return text
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _ENTITY.sub(r"&amp;\1", text)
    text = text.replace("<", "&lt;").replace(">", "&gt;")
    # Block syntax at the start of a line: headings, lists, quotes, admonitions, rules, tables.
    text = re.sub(r"^(\s*)([#+!-])", r"\1\\\2", text)
    text = re.sub(r"^(\s*\d+)\.", r"\1\\.", text)
    return text


_ESCAPED = re.compile(r"\\(.)")


def unescape_markdown(text: str) -> str:
    """The inverse of escape_markdown for plain reading (excerpts, search, comparing)."""
    if "\\" in text:
        text = _ESCAPED.sub(r"\1", text)
    if "&" in text:
        text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return text


# --- slugs ----------------------------------------------------------------------------------------

_CYRILLIC = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t",
     "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g", "u"],
))
_LATIN_EXTRA = {"ı": "i", "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "þ": "th"}


def transliterate(text: str) -> str:
    """ASCII letters for Cyrillic and Turkish (and other Latin) text; Turkish İ/ı become i."""
    out = []
    for ch in text.replace("İ", "i").replace("I", "i"):
        low = ch.lower() if ch != "İ" else "i"
        if low in _CYRILLIC:
            out.append(_CYRILLIC[low])
        elif low in _LATIN_EXTRA:
            out.append(_LATIN_EXTRA[low])
        else:
            out.append(unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode())
    return "".join(out)


def slugify(text: str, max_len: int = 80) -> str:
    """A stable lowercase ASCII slug: letters, digits and single hyphens. slugify(slugify(x)) == slugify(x)."""
    slug = re.sub(r"[^a-z0-9]+", "-", transliterate(text).lower()).strip("-")
    if len(slug) > max_len:
        slug = slug[:max_len].rsplit("-", 1)[0] if "-" in slug[:max_len] else slug[:max_len]
        slug = slug.strip("-")
    if not slug:
        slug = "x" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return slug


def tag_key(name: str) -> str:
    """How hashtags compare: case and Turkish dotted/dotless i do not matter, scripts do."""
    name = normalize_line(name).lstrip("#")
    name = name.replace("İ", "i").replace("I", "i").replace("ı", "i")
    return unicodedata.normalize("NFKC", name).casefold().replace("i\u0307", "i")


def fingerprint(paragraphs) -> str:
    """A hash of the words of a text, the same whatever its markup, spacing or case."""
    words = re.findall(r"\w+", " ".join(unescape_markdown(p) for p in paragraphs).casefold())
    return hashlib.sha256(" ".join(words).encode()).hexdigest()[:16]


# --- de-duplication ---------------------------------------------------------------------------------

def dedupe_paragraphs(paragraphs: list[str]) -> list[str]:
    """Each paragraph once, in reading order. A paragraph that only glues together others of the same
    text (a scrape's run-on copy, as in "has said.The ambassador") is dropped in favour of the parts.

    Linear in the number of paragraphs: a dict of squashed texts, and the glue test walks each long
    paragraph once through a dict keyed by prefixes."""
    seen: set[str] = set()
    unique: list[tuple[str, str]] = []
    for p in paragraphs:
        identity = " ".join(p.split())
        if identity in seen:
            continue
        seen.add(identity)
        unique.append((p, identity.replace(" ", "") or p))  # its characters without white space
    # Paragraphs by their first 12 characters, then by length: a glued copy is walked part by part,
    # trying at each position only the lengths its parts can have (linear for any number of paragraphs).
    buckets: dict[str, dict[int, set[str]]] = {}
    for _, k in unique:
        if len(k) >= 12:
            buckets.setdefault(k[:12], {}).setdefault(len(k), set()).add(k)
    lengths = {prefix: sorted(by_len, reverse=True) for prefix, by_len in buckets.items()}

    def glued(key: str) -> bool:
        pos, parts = 0, 0
        while pos < len(key):
            prefix = key[pos:pos + 12]
            by_len = buckets.get(prefix)
            if not by_len:
                return False
            for n in lengths[prefix]:
                if n < len(key) and key[pos:pos + n] in by_len[n]:
                    pos += n
                    parts += 1
                    break
            else:
                return False
        return parts >= 2

    return [p for p, k in unique if len(k) < 24 or not glued(k)]


# --- dates in the text ------------------------------------------------------------------------------

MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
           "октября", "ноября", "декабря"],
    "tr": ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim",
           "kasım", "aralık"],
}
_MONTH_NUMBER = {name: i + 1 for names in MONTHS.values() for i, name in enumerate(names)}
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
            out.append((pos, dt.date(int(year), _MONTH_NUMBER[month.lower()], int(day))))
        except ValueError:
            continue
    return out
