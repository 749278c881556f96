"""Normalizing source text: invisible characters removed, spaces made plain, lines split."""

from __future__ import annotations

import re
import unicodedata

# Invisible characters a scrape leaves behind: zero-width, bidirectional controls, soft hyphen, BOM.
_INVISIBLE = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069\u061c"),
    None,
)
# Spaces that look like spaces: NBSP, narrow NBSP, en/em spaces, ideographic space.
# And what str.strip() takes for white space inside a line: next-line, line and paragraph separators, the
# Ogham space (split_lines has made a line of each separator already; a span's text may still hold one).
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                             "\u2008\u2009\u200a\u205f\u3000\t\x0b\x0c\x85\u1680\u2028\u2029"
                             "\x1c\x1d\x1e\x1f"), " ")  # the file, group, record and unit separators separate
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
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


_ODD = re.compile("[" + re.escape("".join(map(chr, _INVISIBLE_AND_SPACES))) + r"\x00-\x08\x0e-\x1b\x7f]|  ")
_EMOJI_ZWJ = re.compile(r"(?<=[\U0001F000-\U0001FAFF\u2600-\u27BF])\u200d(?=[\U0001F000-\U0001FAFF\u2600-\u27BF])")
_RUNS_OF_SPACES = re.compile(r" {2,}")


def split_lines(text: str) -> list[str]:
    """Text split into normalized lines (empty lines kept as '')."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\x85", "\n")  # NEL, next line
    return [normalize_line(line) for line in text.split("\n")]

