"""source/translations/<lang>.yaml: the plan's text in another language, entry by entry, each with its
status; source/titles.yaml: the editorial short titles of the measures.

An entry is `status: unofficial` (this project's translation of the Japanese) or `status: official` with
`source:` — an official text replaces an unofficial one entry by entry, with no change to code.
"""
from __future__ import annotations

from .diagnostics import Problem
from .checker import Checker, kind_of
from .model import BulletList, Location, Paragraph, Plan, Title, Translation
from .yamlio import YMap

STATUSES = ("unofficial", "official")
TITLE_LIMITS = {"ja": 25, "en": 60}


def _shape(blocks) -> list:
    return ["list" if isinstance(b, BulletList) else "p" for b in blocks]


def _entry(check: Checker, key: str, raw, pos, want, where: str) -> Translation | None:
    if not check.mapping(raw, pos, where):
        return None
    check.unknown_keys(raw, {"status", "source", "text", "notes"}, where)
    status = check.get(raw, "status", str, where)
    if status is not None and status not in STATUSES:
        check.error(raw.value_pos["status"], f"{where}: status must be one of: {', '.join(STATUSES)}, found '{status}'")
        status = None
    source = check.get(raw, "source", str, where, required=status == "official")
    blocks = check.blocks(raw["text"], raw.value_pos["text"], where) if "text" in raw \
        else check.get(raw, "text", list, where)
    notes = check.get(raw, "notes", list, where, required=False) or []
    for note, npos in zip(notes, getattr(notes, "item_pos", [])):
        if not isinstance(note, str):
            check.error(npos, f"{where}: each note must be text, found {kind_of(note)}")
        else:
            check.text(note, npos, f"{where}: a note")
    if blocks and want is not None and _shape(blocks) != _shape(want):
        check.error(raw.value_pos["text"], f"{where}: the text has blocks {_shape(blocks)}, the Japanese has "
                                           f"{_shape(want)} (translate paragraph for paragraph, list for list)")
        return None
    if blocks and want is not None:
        for b, w in zip(blocks, want):
            if isinstance(b, BulletList) and len(b.items) != len(w.items):
                check.error(raw.value_pos["text"], f"{where}: a list has {len(b.items)} items, the Japanese {len(w.items)}")
                return None
    if not blocks or status is None:
        return None
    return Translation(key, blocks, status, source, tuple(n for n in notes if isinstance(n, str)),
                       raw.pos)


def load_translation(data, path: str, plan: Plan | None, problems: list[Problem]) -> dict[str, Translation]:
    """Key ('1.1', 'preamble', 'pillar 2') → translation. Every measure, the preamble and every pillar
    introduction must have one."""
    check = Checker(problems)
    if not isinstance(data, YMap):
        problems.append(Problem(Location(path), f"expected a mapping with 'preamble', 'pillars' and 'measures', found {kind_of(data)}"))
        return {}
    check.unknown_keys(data, {"title", "preamble", "pillars", "measures"}, "translation")
    out: dict[str, Translation] = {}
    if plan is None:
        return out
    for key, want in (("title", tuple(Paragraph(line) for line in plan.title)), ("preamble", plan.preamble)):
        if key in data:
            t = _entry(check, key, data[key], data.value_pos[key], want, f"translation {key}")
            if t:
                out[key] = t
        else:
            check.error(data.pos, f"translation: missing '{key}'")
    # each group: key → the Japanese blocks the translation follows, and the key it is stored under
    for group, known, key_of in (("pillars", {p.number: p.intro for p in plan.pillars}, lambda k: f"pillar {k}"),
                                 ("measures", {m.id: m.blocks for m in plan.measures}, lambda k: k)):
        table = check.get(data, group, dict, "translation") or YMap()
        for key, raw in table.items():
            if key not in known:
                check.error(table.key_pos[key], f"translation {group}: '{key}' is not one of the plan's {group}")
                continue
            t = _entry(check, key_of(key), raw, table.value_pos[key], known[key], f"translation {group} {key}")
            if t:
                out[key_of(key)] = t
        for key, blocks in known.items():
            if isinstance(table, YMap) and key not in table and blocks:      # a pillar without an intro needs none
                check.error(table.pos, f"translation {group}: no entry for '{key}'")
    return out


def load_titles(data, path: str, plan: Plan | None, problems: list[Problem]) -> dict[str, Title]:
    """Measure id → editorial short title in Japanese and English (every measure has one)."""
    check = Checker(problems)
    if data is None:            # unreadable: already reported
        return {}
    if not isinstance(data, YMap):
        problems.append(Problem(Location(path), f"expected a mapping of measure ids to titles, found {kind_of(data)}"))
        return {}
    out = {}
    known = {m.id for m in plan.measures} if plan else set()
    for key, raw in data.items():
        where = f"titles {key}"
        if plan and key not in known:
            check.error(data.key_pos[key], f"titles: '{key}' is not a measure of the plan")
            continue
        if not check.mapping(raw, data.value_pos[key], where):
            continue
        check.unknown_keys(raw, set(TITLE_LIMITS), where)
        values = {lang: check.get(raw, lang, str, where) for lang in TITLE_LIMITS}
        for lang, limit in TITLE_LIMITS.items():
            if values[lang] and len(values[lang]) > limit:
                check.error(raw.value_pos[lang], f"{where}: the {lang} title has {len(values[lang])} characters (at most {limit})")
                values[lang] = None
        if all(values.values()):
            out[key] = Title(key, values["ja"], values["en"], raw.pos)
    for key in sorted(known - set(data), key=lambda k: [int(x) for x in k.split(".")]):
        check.error(data.pos, f"titles: no title for measure '{key}'")
    return out
