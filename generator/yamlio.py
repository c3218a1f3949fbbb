"""YAML in and out. Reading keeps where every value came from (1-based line and column).

Only plain YAML is accepted: no tags (`!custom`, `!!python/…`), no anchors or aliases (our data never
needs them, and an alias bomb cannot expand), no merge keys, nesting at most MAX_DEPTH deep. Keys are
text: an unquoted `1.10:` is a number to YAML (1.1) and is refused where it stands. A date (`2018-11-14`)
stays the text it was written as. Every text value and key follows generator/characters.py and has at
most MAX_VALUE characters. Problems come back as `Problem`s, never as a traceback: those that stop the
file from being read alone, the others together with the data, so that all of them are reported.
"""
from __future__ import annotations

import yaml

from .characters import describe, first_bad
from .diagnostics import Problem
from .model import Location

MAX_DEPTH = 32          # plan.yaml, the deepest file, nests 8 levels
MAX_VALUE = 10_000      # characters of one text value (the longest paragraph of the plan has about 1,100)
MAX_KEY = 200
_STR, _MERGE = "tag:yaml.org,2002:str", "tag:yaml.org,2002:merge"
_TYPED = {"tag:yaml.org,2002:null": "nothing (null)", "tag:yaml.org,2002:bool": "true/false",
          "tag:yaml.org,2002:int": "a number", "tag:yaml.org,2002:float": "a number"}


class YMap(dict):
    """A mapping that remembers where it, each key and each value stood."""

    pos: Location
    key_pos: dict
    value_pos: dict


class YList(list):
    pos: Location
    item_pos: list


class _Reject(Exception):
    def __init__(self, mark, message: str):
        self.mark = mark
        self.message = message


def _pos(path: str, mark) -> Location:
    return Location(path, mark.line + 1, mark.column + 1)


_SCALARS = yaml.SafeLoader("")


class _Converter:
    """Node tree → YMap/YList/str/int/float/bool/None, recording every value out of rule."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, mark, message: str) -> None:
        self.problems.append(Problem(Location(self.path, mark.line + 1, mark.column + 1), message))

    def text(self, node, value: str, what: str) -> str:
        bad = first_bad(value)         # only escapes can still hold one: sources.py refuses them in the file
        if bad:
            self.problem(node.start_mark, f"this {what} contains {describe(bad)}, written as an escape")
        limit = MAX_KEY if what == "key" else MAX_VALUE
        if len(value) > limit:
            self.problem(node.start_mark, f"this {what} is too long: {len(value)} characters (at most {limit})")
        return value

    def key(self, node) -> str:
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            raise _Reject(node.start_mark, "expected a plain key, found a mapping or list")
        if node.tag == _MERGE:
            raise _Reject(node.start_mark, "merge keys (<<) are not allowed")
        if node.tag != _STR:
            if node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
                read_as = f"the number {_SCALARS.construct_object(node)!r}"
            else:
                read_as = _TYPED.get(node.tag, "a date" if node.tag.endswith("timestamp") else "a special value")
            self.problem(node.start_mark, f"write the key {node.value} in quotes ('{node.value}'): unquoted, "
                                          f"YAML reads it as {read_as}")
        return self.text(node, node.value, "key")

    def convert(self, node):
        if isinstance(node, yaml.MappingNode):
            out = YMap()
            out.pos, out.key_pos, out.value_pos = _pos(self.path, node.start_mark), {}, {}
            for key_node, value_node in node.value:
                key = self.key(key_node)
                if key in out:
                    first = out.key_pos[key]
                    self.problem(key_node.start_mark, f"duplicate key '{key}' (first at line {first.line})")
                    continue
                out[key] = self.convert(value_node)
                out.key_pos[key] = _pos(self.path, key_node.start_mark)
                out.value_pos[key] = _pos(self.path, value_node.start_mark)
            return out
        if isinstance(node, yaml.SequenceNode):
            out = YList(self.convert(item) for item in node.value)
            out.pos = _pos(self.path, node.start_mark)
            out.item_pos = [_pos(self.path, item.start_mark) for item in node.value]
            return out
        if node.tag in _TYPED:
            return _SCALARS.construct_object(node, deep=True)
        # text, and what YAML 1.1 would make a date or another special value of: the text as written
        return self.text(node, node.value, "value")


def _screen(text: str, loader) -> tuple | None:
    """Walk the document's events (no recursion, nothing built): the first tag, anchor, alias or nesting
    too deep, as (mark, message). Raises yaml.YAMLError for malformed YAML."""
    depth = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent):
            return (event.start_mark, "anchors and aliases (*name) are not allowed")
        if getattr(event, "anchor", None):
            return (event.start_mark, f"anchors (&{event.anchor}) are not allowed")
        if getattr(event, "tag", None) is not None and not isinstance(event, yaml.DocumentStartEvent):
            return (event.start_mark, f"YAML tags ({event.tag}) are not allowed: write a plain value")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return (event.start_mark, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return None


_FAST = getattr(yaml, "CSafeLoader", None) if getattr(yaml, "__with_libyaml__", False) else None


def _malformed(path: str, error: yaml.YAMLError) -> Problem:
    if not isinstance(error, yaml.MarkedYAMLError):
        return Problem(Location(path), f"malformed YAML: {error}")
    mark = error.problem_mark or error.context_mark
    what = " ".join(filter(None, [error.context, error.problem]))
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "'\\t'" in what or "\t" in (error.problem or ""):
        return Problem(Location(path, line, col), "malformed YAML: a tab is used for indentation (YAML indents with spaces only)")
    return Problem(Location(path, line, col), f"malformed YAML: {what}")


def _compose(text: str, path: str):
    """The document's node tree (libyaml, several times faster, when it is there). The Python parser
    reports malformed YAML in its own, clearer words."""
    for loader in filter(None, (_FAST, yaml.SafeLoader)):
        try:
            found = _screen(text, loader)
            if found:
                mark, message = found
                return None, Problem(Location(path, mark.line + 1, mark.column + 1), message)
            return yaml.compose(text, Loader=loader), None
        except yaml.YAMLError as error:
            if loader is yaml.SafeLoader:
                return None, _malformed(path, error)
    raise AssertionError("unreachable")


def load(text: str, path: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document. Returns (data, problems); data is None when the file cannot be read."""
    if not text.strip():
        return None, [Problem(Location(path), "expected a YAML document, found an empty file")]
    node, problem = _compose(text, path)
    if problem:
        return None, [problem]
    if node is None:
        return None, [Problem(Location(path), "expected a YAML document, found only comments")]
    converter = _Converter(path)
    try:
        return converter.convert(node), converter.problems
    except _Reject as reject:
        return None, converter.problems + [Problem(Location(path, reject.mark.line + 1, reject.mark.column + 1), reject.message)]


def dump(data, header: str = "") -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, indent=2)
    return header + body
