"""YAML in and out. Reading keeps where every value came from (1-based line and column).

Only plain YAML is accepted: no tags, no anchors or aliases (our data never needs them, and an alias
bomb cannot expand). Problems come back as `Problem`s, never as a traceback.
"""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from .diagnostics import Problem


@dataclass(frozen=True, slots=True)
class Pos:
    path: str
    line: int
    col: int


class YMap(dict):
    """A mapping that remembers where it, each key and each value stood."""

    pos: Pos
    key_pos: dict
    value_pos: dict


class YList(list):
    pos: Pos
    item_pos: list


class _Reject(Exception):
    def __init__(self, mark, message: str):
        self.mark = mark
        self.message = message


def _pos(path: str, mark) -> Pos:
    return Pos(path, mark.line + 1, mark.column + 1)


def _convert(node, path: str):
    if isinstance(node, yaml.MappingNode):
        out = YMap()
        out.pos, out.key_pos, out.value_pos = _pos(path, node.start_mark), {}, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Reject(key_node.start_mark, "merge keys (<<) are not allowed")
            key = _convert(key_node, path)
            if isinstance(key, (YMap, YList)):
                raise _Reject(key_node.start_mark, "expected a plain key, found a mapping or list")
            if key in out:
                raise _Reject(key_node.start_mark, f"duplicate key '{key}'")
            out[key] = _convert(value_node, path)
            out.key_pos[key] = _pos(path, key_node.start_mark)
            out.value_pos[key] = _pos(path, value_node.start_mark)
        return out
    if isinstance(node, yaml.SequenceNode):
        out = YList(_convert(item, path) for item in node.value)
        out.pos = _pos(path, node.start_mark)
        out.item_pos = [_pos(path, item.start_mark) for item in node.value]
        return out
    return yaml.SafeLoader.construct_scalar(_SCALARS, node) if node.tag == "tag:yaml.org,2002:str" \
        else _SCALARS.construct_object(node, deep=True)


class _StrictLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Reject(event.start_mark, "anchors and aliases (*name) are not allowed")
        event = self.peek_event()
        if getattr(event, "anchor", None):
            raise _Reject(event.start_mark, f"anchors (&{event.anchor}) are not allowed")
        return super().compose_node(parent, index)


_SCALARS = yaml.SafeLoader("")


def _fast_node(text: str):
    """The document's node tree from libyaml (C, several times faster), or None when the document has
    an anchor or alias or any error: the Python parser below then reports it in its own words."""
    if not getattr(yaml, "__with_libyaml__", False):
        return None
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return None
        return yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None


def load(text: str, path: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document. Returns (data or None, problems)."""
    if not text.strip():
        return None, [Problem(path, 1, 1, "expected a YAML document, found an empty file")]
    node = _fast_node(text)
    if node is not None:
        try:
            return _convert(node, path), []
        except _Reject as reject:
            return None, [Problem(path, reject.mark.line + 1, reject.mark.column + 1, reject.message)]
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, [Problem(path, 1, 1, "expected a YAML document, found only comments")]
        return _convert(node, path), []
    except _Reject as reject:
        return None, [Problem(path, reject.mark.line + 1, reject.mark.column + 1, reject.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        what = " ".join(filter(None, [error.context, error.problem]))
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if "'\\t'" in what or "\t" in (error.problem or ""):
            return None, [Problem(path, line, col, "malformed YAML: a tab is used for indentation "
                                                   "(YAML indents with spaces only)")]
        return None, [Problem(path, line, col, f"malformed YAML: {what}")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, 1, f"malformed YAML: {error}")]
    finally:
        loader.dispose()


def dump(data, header: str = "") -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000, indent=2)
    return header + body
