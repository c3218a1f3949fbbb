"""source/plan.yaml → model.Plan, with every shape and numbering problem reported at once."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

from .checker import Checker, kind_of
from .diagnostics import Problem
from .sources import read_text
from .model import BulletList, Location, Pillar, Plan, Measure, Section
from .yamlio import YList, YMap

MEASURE_ID = re.compile(r"[1-9][0-9]{0,2}\.[1-9][0-9]{0,2}(\.[1-9][0-9]{0,2})?")



def _measures(check: Checker, parent, parent_id: str, pillar: str, section: str | None, seen: dict) -> list[Measure]:
    out = []
    items = check.get(parent, "measures", list, f"{'section' if section else 'pillar'} {parent_id}", at_least=1)
    for index, (raw, pos) in enumerate(zip(items or [], getattr(items, "item_pos", [])), 1):
        if not check.mapping(raw, pos, f"measure {index} of {parent_id}"):
            continue
        check.unknown_keys(raw, {"id", "printed", "line", "text", "printed_text"}, "measure")
        mid = check.get(raw, "id", str, f"measure {index} of {parent_id}")
        where = f"measure {mid or index}"
        printed = check.get(raw, "printed", str, where, required=False)
        line = check.get(raw, "line", int, where, low=1)
        text = raw.get("text")
        if "text" not in raw or not text:
            check.error(raw.pos, f"{where}: missing its text (expected key 'text' with at least one paragraph)")
            blocks: tuple = ()
        else:
            blocks = check.blocks(text, raw.value_pos["text"], where)
        as_printed = _as_printed(check, raw, blocks, where)
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
        out.append(Measure(mid, printed or mid, pillar, section, blocks, line or 0, raw.pos, as_printed))
    return out


def _without_stray_spaces(text: str) -> str:
    return re.sub(r"(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])", "", text)


def _as_printed(check: Checker, raw, blocks, where: str):
    """`printed_text`: the text with the PDF's stray spaces between Japanese characters, which `text` drops;
    it must be the text, space for space apart from those."""
    if "printed_text" not in raw:
        return None
    printed = check.blocks(raw["printed_text"], raw.value_pos["printed_text"], f"{where} printed_text")
    flat = lambda bs: [t for b in bs for t in (b.items if isinstance(b, BulletList) else (b.text,))]  # noqa: E731
    if [type(b) for b in printed] != [type(b) for b in blocks] or \
            [_without_stray_spaces(t) for t in flat(printed)] != [_without_stray_spaces(t) for t in flat(blocks)]:
        check.error(raw.value_pos["printed_text"], f"{where}: printed_text differs from text other than by spaces "
                                                   "between Japanese characters (run `make import`)")
        return None
    return printed


SOURCE_NAME = re.compile(r"[^./\\][^/\\]*\.txt")
SHA256 = re.compile(r"[0-9a-f]{64}")


def text_checksum(text: str) -> str:
    """The checksum `make import` records: SHA-256 of the official text as read (UTF-8, LF line ends)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _official_text(check: Checker, data: YMap, text_dir: Path | None) -> None:
    """plan.yaml names its official text, a file beside it, and records the text's checksum at import:
    a text edited since (without `make import`) would give pages from the old text under the new one's
    checksum, so the build refuses it."""
    name = check.get(data, "source", str, "plan")
    recorded = check.get(data, "source_sha256", str, "plan")
    if name is not None and not SOURCE_NAME.fullmatch(name):
        check.error(data.value_pos["source"], f"plan: 'source' must be the name of a .txt file in the source folder "
                                              f"(like 'implementation-plan-2023.ja.txt'), found '{name}'")
        return
    if recorded is not None and not SHA256.fullmatch(recorded):
        check.error(data.value_pos["source_sha256"], "plan: 'source_sha256' must be 64 hexadecimal digits "
                                                     "(written by `make import`)")
        return
    if name is None or recorded is None or text_dir is None:
        return
    shown = str(PurePosixPath(data.pos.path).parent / name)
    text, found = read_text(text_dir / name, shown)
    check.problems.extend(found)
    if text is not None and text_checksum(text) != recorded:
        check.error(data.value_pos["source_sha256"],
                    f"plan.yaml is stale: it was imported from another text than {shown} now holds (checksum at "
                    f"import {recorded[:12]}…, now {text_checksum(text)[:12]}…); run `make import` and review "
                    "the diff of plan.yaml")


def build_plan(data, path: str, problems: list[Problem], text_dir: Path | None = None) -> Plan | None:
    """text_dir: the folder of the official text, to check that plan.yaml was imported from it (None: not checked)."""
    check = Checker(problems)
    if not isinstance(data, YMap):
        problems.append(Problem(Location(path), f"expected a mapping with title, date, place, preamble and pillars, "
                                            f"found {kind_of(data)}"))
        return None
    check.unknown_keys(data, {"source", "source_sha256", "title", "date", "place", "preamble", "pillars"}, "plan")
    title = check.get(data, "title", list, "plan", at_least=1) or []
    _official_text(check, data, text_dir)
    values = {k: data.get(k) for k in ("source",)} | {k: check.get(data, k, str, "plan") for k in ("date", "place")}
    preamble = check.blocks(data["preamble"], data.value_pos["preamble"], "preamble") \
        if "preamble" in data else check.get(data, "preamble", list, "plan")
    pillars, sections, measures, seen = [], [], [], {}
    raw_pillars = check.get(data, "pillars", list, "plan", at_least=1) or []
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
        intro = check.blocks(raw.get("intro", YList()), raw.value_pos.get("intro", raw.pos), f"pillar {number}")
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
            sections.append(Section(sid, stitle or "", number, tuple(m.id for m in sms), sraw.pos))
            section_ids.append(sid)
            pillar_measures += sms
        if "measures" in raw or not raw_sections:
            pillar_measures += _measures(check, raw, number, number, None, seen)
        measures += pillar_measures
        pillars.append(Pillar(number, printed or "", ptitle or "", intro, tuple(section_ids),
                              tuple(m.id for m in pillar_measures), raw.pos))
    for i, (line, pos) in enumerate(zip(title, getattr(title, "item_pos", []))):
        if not isinstance(line, str) or not line.strip():
            check.error(pos, "plan: each title line must be non-empty text")
    if any(p.severity == "error" for p in problems):
        return None
    return Plan(values["source"], tuple(title), values["date"], values["place"], preamble or (),
                tuple(pillars), tuple(sections), tuple(measures))
