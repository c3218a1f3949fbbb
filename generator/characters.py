"""Which characters a source may hold: the rule every text of the sources follows.

Refused, wherever they stand (a value, a key, a comment, the official text): control characters
(tab and line end aside), lone surrogates, bidirectional controls (they make text display in another
order than it is stored: U+202E turns its neighbours round), zero-width and other invisible characters
(an alias with a zero-width space in it silently matches nothing), line and paragraph separators, and
Unicode noncharacters. None of them occurs in the plan, and each would reach pages, XML and JSON files.
"""
from __future__ import annotations

import re
import unicodedata

_KINDS = (
    ("a control character", "\x00-\x08\x0b-\x1f\x7f-\x9f"),
    ("a lone surrogate: half of a character, an escape like \\ud800 that is not part of a pair", "\ud800-\udfff"),
    ("a bidirectional control: it makes text display in another order than it is stored",
     "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"),
    ("an invisible character of zero width", "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff"),
    ("a line or paragraph separator: a new paragraph is a new item of its list", "\u2028\u2029"),
    ("a Unicode noncharacter", "\ufdd0-\ufdef\ufffe\uffff"),
)
_BAD = re.compile("[" + "".join(chars for _, chars in _KINDS) + "]")
_WHAT = [(re.compile(f"[{chars}]"), what) for what, chars in _KINDS]


def describe(ch: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE (a bidirectional control: …)'."""
    what = next(what for pattern, what in _WHAT if pattern.match(ch))
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}{' ' + name if name else ''} ({what})"


def bad_characters(text: str) -> list[tuple[int, str]]:
    """(index, character) of every refused character in text, in order."""
    return [(m.start(), m.group()) for m in _BAD.finditer(text)]


def first_bad(text: str) -> str | None:
    m = _BAD.search(text)
    return m.group() if m else None


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of text[index]."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
