"""Character classes and the display normalisation of the official text.

The model always keeps the official characters. `display()` is the one deliberate change made for
reading: full-width Latin letters and digits become half-width, and the full-width joiners + - . /
between them too (ＡＳＥＡＮ＋３ → ASEAN+3, ２．０ → 2.0), and a full-width ＋ right after one
(ＡＭＭＳ＋日本 → AMMS+日本, as the acronym reads). Japanese punctuation is kept.
"""
from __future__ import annotations

import functools
import re
import unicodedata

_FULLWIDTH_ALNUM = {
    **{c: chr(ord(c) - 0xFEE0) for c in map(chr, range(0xFF10, 0xFF1A))},  # ０-９
    **{c: chr(ord(c) - 0xFEE0) for c in map(chr, range(0xFF21, 0xFF3B))},  # Ａ-Ｚ
    **{c: chr(ord(c) - 0xFEE0) for c in map(chr, range(0xFF41, 0xFF5B))},  # ａ-ｚ
}
# Full-width joiners turned half-width only when both neighbours are (now) ASCII letters or digits.
_JOINERS = {"\uff0b": "+", "\uff0d": "-", "\uff0e": ".", "\uff0f": "/"}


def is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def is_latin(ch: str) -> bool:
    """A Latin letter or digit in either width."""
    return is_ascii_alnum(ch) or ch in _FULLWIDTH_ALNUM


def is_japanese(ch: str) -> bool:
    """Kana, kanji and Japanese punctuation: everything outside ASCII that is not a Latin letter/digit."""
    return not ch.isascii() and ch not in _FULLWIDTH_ALNUM and not ch.isspace()


_HALF = str.maketrans(_FULLWIDTH_ALNUM)
_JOINER_BETWEEN_ALNUM = re.compile("(?<=[A-Za-z0-9])[" + "".join(_JOINERS) + "](?=[A-Za-z0-9])")


# A full-width plus right after a Latin letter or digit belongs to the name before it (ＡＭＭＳ＋日本 is the
# meeting "AMMS+Japan", as its acronym chip reads): half-width too. Between Japanese it stays (プロジェクト＋).
_PLUS_AFTER_ALNUM = re.compile("(?<=[A-Za-z0-9])\uff0b")


@functools.lru_cache(maxsize=None, typed=True)
def display(text: str) -> str:
    """Half-width Latin letters and digits for reading; everything else unchanged. Remembered: the pages of an
    edition ask for the same few hundred names and texts about ten thousand times."""
    shown = _JOINER_BETWEEN_ALNUM.sub(lambda m: _JOINERS[m.group()], text.translate(_HALF))
    return _PLUS_AFTER_ALNUM.sub("+", shown)


def fold(text: str) -> str:
    """Search/matching key: NFKC, lower case (ＪＩＣＡ, JICA and jica fold alike)."""
    return unicodedata.normalize("NFKC", text).lower()


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
