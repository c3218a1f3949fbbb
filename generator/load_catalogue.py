"""source/acronyms.yaml, organisations.yaml, aoip.yaml → model.Catalogue, checked against the plan."""
from __future__ import annotations

import difflib

from .diagnostics import Problem
from .checker import Checker, kind_of
from .model import (Acronym, Area, AreaAssignment, Catalogue, NotAcronym, Organisation, OrgType, Location, Plan)
from .paths import slug_problem
from .text import fold
from .yamlio import YList, YMap

ACRONYM_KINDS = {"organisation", "network", "programme", "framework", "agreement", "meeting", "concept", "other"}



RESERVED = {"index"}    # <folder>/index/ would be mistaken for the list page <folder>/


def _rows(check: Checker, data, key: str, path: str) -> list[tuple[YMap, Location]]:
    if data is None:            # unreadable: already reported
        return []
    if not isinstance(data, YMap):
        check.problems.append(Problem(Location(path), f"expected a mapping with '{key}', found {kind_of(data)}"))
        return []
    rows = check.get(data, key, list, path.rsplit("/", 1)[-1]) or YList()
    out = []
    for row, pos in zip(rows, getattr(rows, "item_pos", [])):
        if check.mapping(row, pos, f"{key} entry"):
            out.append((row, pos))
    return out


def _slug(check: Checker, row: YMap, where: str, seen: dict) -> str | None:
    slug = check.get(row, "slug", str, where)
    if slug is None:
        return None
    pos = row.value_pos["slug"]
    if slug_problem(slug):
        check.error(pos, f"{where}: {slug_problem(slug)}")
        return None
    if slug in seen:
        check.error(pos, f"{where}: slug '{slug}' is used twice (first at line {seen[slug].line}); "
                         "each needs its own page")
        return None
    if slug in RESERVED:
        check.error(pos, f"{where}: slug '{slug}' is reserved: its page would be mistaken for the list page "
                         "of its folder")
        return None
    seen[slug] = pos
    return slug


def _strings(check: Checker, row: YMap, key: str, where: str) -> tuple[str, ...]:
    values = check.get(row, key, list, where) or []
    out = []
    for value, pos in zip(values, getattr(values, "item_pos", [])):
        if isinstance(value, str) and value.strip():
            out.append(value)
        else:
            check.error(pos, f"{where}: each of '{key}' must be non-empty text, found {kind_of(value)}")
    if isinstance(values, YList) and not values:
        check.error(row.value_pos[key], f"{where}: '{key}' must not be empty")
    return tuple(out)


def _bases(check: Checker, data, path: str) -> dict:
    """The kinds of standing body that count as institutions (`bases:`, the rule of organisations.yaml)."""
    if not isinstance(data, YMap):
        return {}
    bases = check.get(data, "bases", dict, path.rsplit("/", 1)[-1]) or {}
    for name, text in bases.items():
        if not isinstance(text, str) or not text.strip():
            check.error(bases.value_pos[name], f"bases: '{name}' must say what counts as this kind of body, "
                                               f"found {kind_of(text)}")
    return bases


def _organisation(check: Checker, row: YMap, pos: Location, slug: str | None, kinds: dict, bases: dict, aliases: dict):
    where = f"organisation {slug or '?'}"
    ja, en, kind, basis = (check.get(row, k, str, where) for k in ("ja", "en", "type", "basis"))
    if kind and kind not in kinds:
        check.error(row.value_pos["type"], f"{where}: unknown type '{kind}' (expected one of: {', '.join(kinds)})")
    if basis and bases and basis not in bases:
        check.error(row.value_pos["basis"], f"{where}: basis '{basis}' is not a kind of institution under the rule "
                                            f"at the top of the file (expected one of: {', '.join(bases)})")
    names = _strings(check, row, "aliases", where)
    for alias, apos in zip(names, row["aliases"].item_pos if isinstance(row.get("aliases"), YList) else []):
        key = fold(alias)          # in either width and any case, readers and search take it for the same name
        if key in aliases and aliases[key][0] != slug:
            check.error(apos, f"{where}: alias '{alias}' is already claimed by organisation '{aliases[key][0]}' "
                              f"(line {aliases[key][1].line}{', as ' + repr(aliases[key][2]) if aliases[key][2] != alias else ''})")
        aliases.setdefault(key, (slug, apos, alias))
    source, note = (check.get(row, k, str, where, required=False) for k in ("en_source", "note"))
    low = check.confidence(row, where)
    if slug and ja and en and kind and basis:
        return Organisation(slug, ja, en, low, kind, names, pos, basis, source, note)
    return None


def load_organisations(data, path: str, problems: list[Problem]):
    check = Checker(problems)
    types, orgs, seen_types, seen, aliases, named = [], [], {}, {}, {}, set()
    if data is not None and not isinstance(data, YMap):
        problems.append(Problem(Location(path), f"expected a mapping with 'types' and 'organisations', found {kind_of(data)}"))
        data = None
    for row, _ in _rows(check, data, "types", path):
        slug = _slug(check, row, "organisation type", seen_types)
        ja, en = check.get(row, "ja", str, f"type {slug}"), check.get(row, "en", str, f"type {slug}")
        if slug and ja and en:
            types.append(OrgType(slug, ja, en))
    bases = _bases(check, data, path)
    keys = {"slug", "ja", "en", "en_confidence", "en_source", "type", "basis", "note", "aliases"}
    for row, pos in _rows(check, data, "organisations", path):
        check.unknown_keys(row, keys, "organisation")
        slug = _slug(check, row, "organisation", seen)
        if isinstance(row.get("slug"), str):
            named.add(row["slug"])
        org = _organisation(check, row, pos, slug, seen_types, bases, aliases)
        if org:
            orgs.append(org)
    if isinstance(data, YMap) and data.get("organisations") == []:     # the statistics rank them
        check.error(data.value_pos["organisations"], "organisations: expected at least one organisation")
    return tuple(types), tuple(orgs), named


def load_acronyms(data, path: str, problems: list[Problem], organisations: set[str] | None):
    """organisations: every slug organisations.yaml names (None when that file could not be read)."""
    check = Checker(problems)
    out, seen, forms = [], {}, {}
    allowed = {"acronym", "slug", "forms", "ja", "en", "en_source", "en_confidence", "kind", "organisation", "note"}
    for row, pos in _rows(check, data, "acronyms", path):
        check.unknown_keys(row, allowed, "acronym")
        slug = _slug(check, row, "acronym", seen)
        name = check.get(row, "acronym", str, f"acronym {slug}")
        where = f"acronym {name or slug or '?'}"
        kind = check.get(row, "kind", str, where)
        if kind and kind not in ACRONYM_KINDS:
            check.error(row.value_pos["kind"], f"{where}: unknown kind '{kind}' (expected one of: {', '.join(sorted(ACRONYM_KINDS))})")
        org = check.get(row, "organisation", str, where, required=False)
        if org and organisations is not None and org not in organisations:
            close = difflib.get_close_matches(org, organisations, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            check.error(row.value_pos["organisation"], f"{where}: unknown organisation '{org}'{hint}")
        names = _strings(check, row, "forms", where)
        for form in names:
            if fold(form) in forms and forms[fold(form)] != slug:
                check.error(row.value_pos["forms"], f"{where}: form '{form}' is already claimed by acronym '{forms[fold(form)]}'")
            forms.setdefault(fold(form), slug)
        ja, en, en_source = (check.get(row, k, str, where, required=False, nullable=True)
                             for k in ("ja", "en", "en_source"))
        note = check.get(row, "note", str, where, required=False)
        low = check.confidence(row, where)
        if slug and name and kind and names:
            out.append(Acronym(slug, name, names, ja, en, en_source, low, kind, org, pos, note))
    nots = []
    for row, _ in _rows(check, data, "not_acronyms", path) if isinstance(data, YMap) and "not_acronyms" in data else []:
        text, why = check.get(row, "text", str, "not_acronyms"), check.get(row, "why", str, "not_acronyms")
        if text and why:
            nots.append(NotAcronym(text, why))
    return tuple(out), tuple(nots)


ALONE = "cross-cutting"       # the value for measures outside the four AOIP areas


def load_areas(data, path: str, problems: list[Problem], plan: Plan | None):
    check = Checker(problems)
    areas, seen = [], {}
    for row, pos in _rows(check, data, "areas", path):
        check.unknown_keys(row, {"slug", "ja", "en", "description", "description_en"}, "area")
        slug = _slug(check, row, "area", seen)
        values = [check.get(row, k, str, f"area {slug}") for k in ("ja", "en", "description", "description_en")]
        if slug and None not in values:
            areas.append(Area(slug, *values, pos))
    if not isinstance(data, YMap):
        return tuple(areas), ()
    check.unknown_keys(data, {"areas", "measures"}, "aoip")
    table = check.get(data, "measures", dict, "aoip") or YMap()
    known = {m.id for m in plan.measures} if plan else None
    found = {}
    for key, entry in table.items():
        kpos = table.key_pos[key]
        if not isinstance(key, str):
            check.error(kpos, f"aoip measures: write the measure id {key!r} in quotes (like '1.10'): unquoted, "
                              "YAML reads it as a number")
            continue
        where = f"aoip measure {key}"
        if known is not None and key not in known:
            check.error(kpos, f"aoip measures: '{key}' is not a measure of the plan")
            continue
        if not check.mapping(entry, table.value_pos[key], where):
            continue
        check.unknown_keys(entry, {"areas", "rationale", "rationale_en"}, where)
        names = _strings(check, entry, "areas", where)
        for name in names:
            if name not in seen:
                check.error(entry.value_pos["areas"], f"{where}: unknown area '{name}' (expected one of: {', '.join(seen)})")
        if ALONE in names and len(names) > 1:
            check.error(entry.value_pos["areas"], f"{where}: '{ALONE}' means outside the four areas: it cannot be "
                                                  f"combined with another area")
        texts = [check.get(entry, k, str, where) for k in ("rationale", "rationale_en")]
        if names and None not in texts:
            found[key] = AreaAssignment(key, names, texts[0], texts[1], kpos)
    if plan is None:
        return tuple(areas), ()
    present = {str(key) for key in table}       # an unquoted id is already reported: not reported missing too
    missing = [m.id for m in plan.measures if m.id not in present]
    if missing:
        at = data.key_pos.get("measures", data.pos)
        problems.append(Problem(at, f"no AOIP classification for measure(s) {', '.join(missing)} "
                                                          "(every measure needs areas, rationale and rationale_en)"))
    return tuple(areas), tuple(found[m.id] for m in plan.measures if m.id in found)


def build_catalogue(files: dict, problems: list[Problem], plan: Plan | None) -> Catalogue:
    """files: name → (data, shown path). Every cross-file reference is checked."""
    types, orgs, named = load_organisations(*files["organisations.yaml"], problems)
    readable = isinstance(files["organisations.yaml"][0], YMap)
    acronyms, nots = load_acronyms(*files["acronyms.yaml"], problems, named if readable else None)
    areas, assignments = load_areas(*files["aoip.yaml"], problems, plan)
    org_slugs = {o.slug for o in orgs}
    for a in areas:                 # organisations and areas share briefs/<slug>/
        if a.slug in org_slugs:
            problems.append(Problem(a.origin,
                                    f"area slug '{a.slug}' is also an organisation's slug: both delegation briefs "
                                    f"would be briefs/{a.slug}/"))
    return Catalogue(acronyms, nots, types, orgs, areas, assignments)
