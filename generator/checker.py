"""The shape checks every loader of a YAML source uses: read a value of the kind expected, or record a
problem where it stands (`path:line:col`) and go on, so that all problems of a file are reported at once."""
from __future__ import annotations

from .diagnostics import Problem
from .model import BulletList, Location, Paragraph
from .yamlio import YList, YMap

_TYPE_NAMES = {str: "a string", list: "a list", dict: "a mapping", int: "a whole number"}
MAX_TEXT = 1_000         # characters of a name, title, rationale or note (a paragraph of text: yamlio.MAX_VALUE)


def _hint(kind: type, value) -> str:
    if kind is str and isinstance(value, bool):
        return " (write it in quotes: unquoted, YAML reads yes, no, on, off, true and false as true/false)"
    if kind is str and isinstance(value, (int, float)):
        return " (write numbers like '1.10' in quotes)"
    return ""


def kind_of(value) -> str:
    """What a YAML value is, in words: 'a list', 'a mapping', 'nothing'…"""
    if value is None:
        return "nothing"
    for kind, name in ((bool, "true/false"), (str, "a string"), (int, "a whole number"), (float, "a number"),
                       (dict, "a mapping"), (list, "a list")):
        if isinstance(value, kind):
            return name
    return type(value).__name__


class Checker:
    """Small helpers that read a YAML mapping and record a problem for each thing out of shape."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems

    def error(self, pos: Location, message: str) -> None:
        self.problems.append(Problem(pos, message))

    def get(self, mapping, key: str, kind: type, where: str, required: bool = True,
            low: int = 0, high: int = 10**9, limit: int = MAX_TEXT, nullable: bool = False, at_least: int = 0):
        """mapping[key] when it is of the kind expected (text: one line, not empty, at most `limit`
        characters; whole numbers: from `low` to `high`), else None and a problem recorded.
        nullable: an empty value (null) is accepted, as None. at_least: the fewest items of a list."""
        if not isinstance(mapping, YMap):
            return None
        if key not in mapping:
            if required:
                self.error(mapping.pos, f"{where}: missing key '{key}' (expected {_TYPE_NAMES[kind]})")
            return None
        value, pos = mapping[key], mapping.value_pos[key]
        if nullable and value is None:
            return None
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            self.error(pos, f"{where}: '{key}' must be {_TYPE_NAMES[kind]}, found {kind_of(value)}{_hint(kind, value)}")
            return None
        if kind is str and not self.text(value, pos, f"{where}: '{key}'", limit):
            return None
        if kind is int and not low <= value <= high:
            self.error(pos, f"{where}: '{key}' must be from {low} to {high}, found {value}")
            return None
        if kind is list and len(value) < at_least:
            self.error(pos, f"{where}: '{key}' must not be empty")
            return None
        return value

    def text(self, value: str, pos: Location, what: str, limit: int | None = MAX_TEXT) -> bool:
        """A text value as the pages need it: not empty, one line, within its length (None: yamlio's
        bound for every value, already checked)."""
        if not value.strip():
            self.error(pos, f"{what} must not be empty")
        elif "\n" in value:
            self.error(pos, f"{what} must be one line of text, found a line break (a new paragraph is a new item "
                            "of the list it belongs to)")
        elif limit is not None and len(value) > limit:
            self.error(pos, f"{what} is too long: {len(value)} characters (at most {limit})")
        else:
            return True
        return False

    def confidence(self, row, where: str) -> bool:
        """`en_confidence`: 'high' (the default) or 'low' (an English name no source confirms). True when low."""
        value = row.get("en_confidence", "high") if isinstance(row, YMap) else "high"
        if value not in ("high", "low"):
            found = f"'{value}'" if isinstance(value, str) else kind_of(value)
            self.error(row.value_pos["en_confidence"], f"{where}: 'en_confidence' must be 'high' or 'low', found {found}")
        return value == "low"

    def unknown_keys(self, mapping, allowed: set[str], where: str) -> None:
        if isinstance(mapping, YMap):
            for key in mapping:
                if key not in allowed:
                    self.error(mapping.key_pos[key],
                               f"{where}: unknown key '{key}' (expected one of: {', '.join(sorted(allowed))})")

    def blocks(self, value, pos: Location, where: str) -> tuple:
        """A list of paragraphs (text) and bullet lists ({items: [text, …]}) → model blocks."""
        if not isinstance(value, YList):
            self.error(pos, f"{where}: expected a list of paragraphs, found {kind_of(value)}")
            return ()
        blocks = []
        for item, item_pos in zip(value, value.item_pos):
            if isinstance(item, str):
                if self.text(item, item_pos, f"{where}: a paragraph", None):
                    blocks.append(Paragraph(item))
            elif isinstance(item, YMap) and isinstance(item.get("items"), YList) and item["items"] \
                    and all(isinstance(i, str) for i in item["items"]):
                self.unknown_keys(item, {"items"}, where)
                if all([self.text(i, ipos, f"{where}: a list item", None)
                        for i, ipos in zip(item["items"], item["items"].item_pos)]):
                    blocks.append(BulletList(tuple(item["items"])))
            else:
                self.error(item_pos, f"{where}: expected a paragraph (text) or a list ({{items: [text, …]}}), "
                                      f"found {kind_of(item)}")
        return tuple(blocks)

    def mapping(self, value, pos: Location, where: str) -> bool:
        if not isinstance(value, YMap):
            self.error(pos, f"{where}: expected a mapping, found {kind_of(value)}")
            return False
        return True
