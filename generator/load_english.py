"""source/english.yaml: English glosses of pillar and section headings, each with its source (or none)."""
from __future__ import annotations

from .diagnostics import Problem
from .checker import Checker, kind_of
from .model import Gloss, Location, Plan
from .yamlio import YMap


def load_english(data, path: str, plan: Plan | None, problems: list[Problem]) -> dict[str, Gloss]:
    """Heading id ('1', '2.7') → gloss. Every id must be a pillar or section of the plan."""
    check = Checker(problems)
    if data is None:
        return {}
    if not isinstance(data, YMap):
        problems.append(Problem(Location(path), f"expected a mapping with 'pillars' and 'sections', found {kind_of(data)}"))
        return {}
    check.unknown_keys(data, {"pillars", "sections"}, "english")
    known = {"pillars": {p.number for p in plan.pillars}, "sections": {s.id for s in plan.sections}} if plan else None
    out = {}
    for key in ("pillars", "sections"):
        table = check.get(data, key, dict, "english") or YMap()
        for hid, entry in table.items():
            hid = str(hid)
            if known is not None and hid not in known[key]:
                check.error(table.key_pos[hid], f"english {key}: '{hid}' is not one of the plan's {key}")
                continue
            if not check.mapping(entry, table.value_pos[hid], f"english {key} {hid}"):
                continue
            check.unknown_keys(entry, {"en", "source"}, f"english {key} {hid}")
            en = check.get(entry, "en", str, f"english {key} {hid}")
            source = entry.get("source")
            if source is not None and not isinstance(source, str):
                check.error(entry.value_pos["source"], f"english {key} {hid}: 'source' must be text or null, "
                                                       f"found {kind_of(source)}")
                continue
            if source is not None and not check.text(source, entry.value_pos["source"], f"english {key} {hid}: 'source'"):
                continue
            if en:
                out[hid] = Gloss(en, source)
    return out
