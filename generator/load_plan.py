"""source/plan.yaml → model.Plan, with every shape and numbering problem reported at once."""
from __future__ import annotations

import re

from .diagnostics import Problem
from .model import BulletList, Origin, Paragraph, Pillar, Plan, Measure, Section
from .yamlio import Pos, YList, YMap

MEASURE_ID = re.compile(r"[1-9][0-9]*\.[1-9][0-9]*(\.[1-9][0-9]*)?")
_TYPE_NAMES = {str: "a string", list: "a list", dict: "a mapping", int: "a whole number"}


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

    def error(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(pos.path, pos.line, pos.col, message))

    def get(self, mapping, key: str, kind: type, where: str, required: bool = True):
        if not isinstance(mapping, YMap):
            return None
        if key not in mapping:
            if required:
                self.error(mapping.pos, f"{where}: missing key '{key}' (expected {_TYPE_NAMES[kind]})")
            return None
        value = mapping[key]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            found = kind_of(value)
            hint = " (write numbers like '1.10' in quotes)" if kind is str and isinstance(value, (int, float)) else ""
            self.error(mapping.value_pos[key], f"{where}: '{key}' must be {_TYPE_NAMES[kind]}, found {found}{hint}")
            return None
        if kind is str and not value.strip():
            self.error(mapping.value_pos[key], f"{where}: '{key}' must not be empty")
            return None
        return value

    def unknown_keys(self, mapping, allowed: set[str], where: str) -> None:
        if isinstance(mapping, YMap):
            for key in mapping:
                if key not in allowed:
                    self.error(mapping.key_pos[key],
                               f"{where}: unknown key '{key}' (expected one of: {', '.join(sorted(allowed))})")

    def mapping(self, value, pos: Pos, where: str) -> bool:
        if not isinstance(value, YMap):
            self.error(pos, f"{where}: expected a mapping, found {kind_of(value)}")
            return False
        return True


def _origin(pos: Pos) -> Origin:
    return Origin(pos.path, pos.line, pos.col)


def _blocks(check: Checker, value, pos: Pos, where: str) -> tuple:
    if not isinstance(value, YList):
        check.error(pos, f"{where}: expected a list of paragraphs, found {kind_of(value)}")
        return ()
    blocks = []
    for item, item_pos in zip(value, value.item_pos):
        if isinstance(item, str) and item.strip():
            blocks.append(Paragraph(item))
        elif isinstance(item, YMap) and isinstance(item.get("items"), YList) and item["items"] \
                and all(isinstance(i, str) and i.strip() for i in item["items"]):
            check.unknown_keys(item, {"items"}, where)
            blocks.append(BulletList(tuple(item["items"])))
        else:
            check.error(item_pos, f"{where}: expected a paragraph (text) or a list ({{items: [text, …]}}), "
                                  f"found {kind_of(item)}")
    return tuple(blocks)


def _measures(check: Checker, parent, parent_id: str, pillar: str, section: str | None, seen: dict) -> list[Measure]:
    out = []
    items = check.get(parent, "measures", list, f"{'section' if section else 'pillar'} {parent_id}")
    for index, (raw, pos) in enumerate(zip(items or [], getattr(items, "item_pos", [])), 1):
        if not check.mapping(raw, pos, f"measure {index} of {parent_id}"):
            continue
        check.unknown_keys(raw, {"id", "printed", "line", "text"}, "measure")
        mid = check.get(raw, "id", str, f"measure {index} of {parent_id}")
        where = f"measure {mid or index}"
        printed = check.get(raw, "printed", str, where, required=False)
        line = check.get(raw, "line", int, where)
        text = raw.get("text")
        if "text" not in raw or not text:
            check.error(raw.pos, f"{where}: missing its text (expected key 'text' with at least one paragraph)")
            blocks: tuple = ()
        else:
            blocks = _blocks(check, text, raw.value_pos["text"], where)
        if mid is None:
            continue
        id_pos = raw.value_pos["id"]
        expected = f"{parent_id}.{index}"
        if not MEASURE_ID.fullmatch(mid):
            check.error(id_pos, f"measure id '{mid}' does not fit pillar.section[.n] (like '1.4' or '2.8.8')")
        elif mid in seen:
            check.error(id_pos, f"duplicate measure id '{mid}' (first at line {seen[mid].line})")
        elif mid != expected:
            check.error(id_pos, f"measure numbering: expected '{expected}' here, found '{mid}'")
        seen.setdefault(mid, id_pos)
        out.append(Measure(mid, printed or mid, pillar, section, blocks, line or 0, _origin(raw.pos)))
    return out


def build_plan(data, path: str, problems: list[Problem]) -> Plan | None:
    check = Checker(problems)
    if not isinstance(data, YMap):
        problems.append(Problem(path, 1, 1, f"expected a mapping with title, date, place, preamble and pillars, "
                                            f"found {kind_of(data)}"))
        return None
    check.unknown_keys(data, {"source", "title", "date", "place", "preamble", "pillars"}, "plan")
    title = check.get(data, "title", list, "plan") or []
    values = {k: check.get(data, k, str, "plan") for k in ("source", "date", "place")}
    preamble = _blocks(check, data["preamble"], data.value_pos["preamble"], "preamble") \
        if "preamble" in data else check.get(data, "preamble", list, "plan")
    pillars, sections, measures, seen = [], [], [], {}
    raw_pillars = check.get(data, "pillars", list, "plan") or []
    for index, (raw, pos) in enumerate(zip(raw_pillars, getattr(raw_pillars, "item_pos", [])), 1):
        if not check.mapping(raw, pos, f"pillar {index}"):
            continue
        check.unknown_keys(raw, {"number", "printed", "title", "line", "intro", "sections", "measures"}, "pillar")
        number = check.get(raw, "number", str, f"pillar {index}")
        if number is not None and number != str(index):
            check.error(raw.value_pos["number"], f"pillar numbering: expected '{index}' here, found '{number}'")
        number = number or str(index)
        printed = check.get(raw, "printed", str, f"pillar {number}")
        ptitle = check.get(raw, "title", str, f"pillar {number}")
        intro = _blocks(check, raw.get("intro", YList()), raw.value_pos.get("intro", raw.pos), f"pillar {number}")
        section_ids, pillar_measures = [], []
        raw_sections = check.get(raw, "sections", list, f"pillar {number}", required=False) or []
        for s_index, (sraw, spos) in enumerate(zip(raw_sections, getattr(raw_sections, "item_pos", [])), 1):
            if not check.mapping(sraw, spos, f"section {s_index} of pillar {number}"):
                continue
            check.unknown_keys(sraw, {"id", "title", "line", "measures"}, "section")
            sid = check.get(sraw, "id", str, f"section {s_index} of pillar {number}") or f"{number}.{s_index}"
            if sid != f"{number}.{s_index}":
                check.error(sraw.value_pos["id"], f"section numbering: expected '{number}.{s_index}' here, found '{sid}'")
            stitle = check.get(sraw, "title", str, f"section {sid}")
            sms = _measures(check, sraw, sid, number, sid, seen)
            sections.append(Section(sid, stitle or "", number, tuple(m.id for m in sms), _origin(sraw.pos)))
            section_ids.append(sid)
            pillar_measures += sms
        if "measures" in raw or not raw_sections:
            pillar_measures += _measures(check, raw, number, number, None, seen)
        measures += pillar_measures
        pillars.append(Pillar(number, printed or "", ptitle or "", intro, tuple(section_ids),
                              tuple(m.id for m in pillar_measures), _origin(raw.pos)))
    for i, (line, pos) in enumerate(zip(title, getattr(title, "item_pos", []))):
        if not isinstance(line, str) or not line.strip():
            check.error(pos, "plan: each title line must be non-empty text")
    if any(p.severity == "error" for p in problems):
        return None
    return Plan(values["source"], tuple(title), values["date"], values["place"], preamble or (),
                tuple(pillars), tuple(sections), tuple(measures))
