"""source/site.yaml: interface words and settings of the site (not plan text)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Problem
from .load_plan import Checker, kind_of
from .model import Catalogue, Origin, Plan
from .yamlio import YMap

WORDING = ("list_separator", "acronyms_description", "organisations_description", "aoip_description",
           "organisation_description", "area_description", "brief_kind_organisation", "brief_kind_area",
           "brief_summary_organisation", "brief_summary_area", "brief_summary_en_organisation", "brief_summary_en_area",
           "chart_axis_measures", "chart_axis_acronyms", "chart_header_group", "chart_header_area",
           "chart_header_organisation", "chart_header_pillar", "chart_measures_by_section",
           "chart_measures_by_section_alt", "chart_measures_by_area", "chart_measures_by_area_alt",
           "chart_top_institutions", "chart_top_institutions_alt", "chart_institutions_by_pillar",
           "chart_institutions_by_pillar_alt", "chart_acronyms_by_pillar", "chart_acronyms_by_pillar_alt")
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

LABELS = ("home", "pillar", "section", "measure", "measures_unit", "indexes", "acronyms", "organisations", "aoip",
          "graphs", "graph", "graph_description", "co_occurrence", "co_occurrence_description", "offline",
          "data", "data_description", "data_plan", "data_schema", "data_measures", "data_organisations", "data_acronyms",
          "data_measure_organisations", "data_measure_areas", "data_graphml", "data_gexf", "stats", "stats_description",
          "progress", "progress_description", "progress_none", "about", "briefs", "briefs_description",
          "kiosk", "kiosk_description")


@dataclass(frozen=True, slots=True)
class Settings:
    labels: tuple[tuple[str, str], ...]
    summary_length: int
    acronym_kinds: tuple[tuple[str, str], ...]
    graph: "GraphStyle"
    progress_statuses: tuple[tuple[str, str], ...] = ()    # status → label
    wording: tuple[tuple[str, str], ...] = ()              # sentence templates: key → text with {fields}


@dataclass(frozen=True, slots=True)
class GraphStyle:
    seed: int
    pillars: tuple[tuple[str, str], ...]              # pillar number → colour
    organisation_types: tuple[tuple[str, str], ...]   # type slug → colour
    area: str
    origin: Origin
    where: tuple[tuple[str, Origin], ...] = ()     # 'pillars:3' → where that colour is set


def _colours(check: Checker, data, key: str, where: list) -> tuple[tuple[str, str], ...]:
    table = check.get(data, key, dict, "site graph")
    out = []
    for name, value in (table or {}).items():
        pos = table.key_pos[name]
        where.append((f"{key}:{name}", Origin(pos.path, pos.line, pos.col)))
        if isinstance(value, str) and COLOUR.fullmatch(value):
            out.append((str(name), value))
        else:
            check.error(table.value_pos[name], f"site graph {key}: '{name}' must be a colour like '#1f77b4', found {value!r}")
    return tuple(out)


def _graph(check: Checker, data, path: str) -> GraphStyle | None:
    graph = check.get(data, "graph", dict, "site")
    if not isinstance(graph, YMap):
        return None
    check.unknown_keys(graph, {"seed", "pillars", "organisation_types", "area"}, "site graph")
    seed, area = check.get(graph, "seed", int, "site graph"), check.get(graph, "area", str, "site graph")
    if area is not None and not COLOUR.fullmatch(area):
        check.error(graph.value_pos["area"], f"site graph: 'area' must be a colour like '#1f77b4', found {area!r}")
    where: list = []
    pillars, types = _colours(check, graph, "pillars", where), _colours(check, graph, "organisation_types", where)
    if seed is None or area is None:
        return None
    return GraphStyle(seed, pillars, types, area, Origin(path, graph.pos.line, graph.pos.col), tuple(where))


def check_graph_style(style: GraphStyle, plan: Plan, catalogue: Catalogue, problems: list[Problem]) -> None:
    """Every pillar and organisation type needs a colour, and every colour a pillar or type."""
    for key, have, want in (("pillars", dict(style.pillars), [p.number for p in plan.pillars]),
                            ("organisation_types", dict(style.organisation_types), [t.slug for t in catalogue.org_types])):
        for name in want:
            if name not in have:
                problems.append(Problem(style.origin.path, style.origin.line, style.origin.col,
                                        f"site graph {key}: no colour for '{name}'"))
        for name in have:
            if name not in want:
                at = dict(style.where).get(f"{key}:{name}", style.origin)
                problems.append(Problem(at.path, at.line, at.col,
                                        f"site graph {key}: '{name}' is not one of: {', '.join(want)}"))


def build_settings(data, path: str, problems: list[Problem]) -> Settings | None:
    check = Checker(problems)
    if not isinstance(data, YMap):
        problems.append(Problem(path, 1, 1, f"expected a mapping of site settings, found {kind_of(data)}"))
        return None
    check.unknown_keys(data, {"labels", "summary_length", "acronym_kinds", "graph", "progress_statuses", "wording"}, "site")
    length = check.get(data, "summary_length", int, "site")
    labels = check.get(data, "labels", dict, "site") or YMap()
    if isinstance(labels, YMap):
        for key in LABELS:
            check.get(labels, key, str, "site labels")
        check.unknown_keys(labels, set(LABELS), "site labels")
    kinds = check.get(data, "acronym_kinds", dict, "site") or YMap()
    graph = _graph(check, data, path)
    statuses = check.get(data, "progress_statuses", dict, "site") or {}
    wording = check.get(data, "wording", dict, "site") or YMap()
    if isinstance(wording, YMap):
        for key in WORDING:
            check.get(wording, key, str, "site wording")
        check.unknown_keys(wording, set(WORDING), "site wording")
    if length is None or graph is None or any(not isinstance(labels.get(k), str) for k in LABELS) \
            or any(not isinstance(wording.get(k), str) for k in WORDING):
        return None
    return Settings(tuple((k, labels[k]) for k in LABELS), length, tuple((str(k), str(v)) for k, v in kinds.items()),
                    graph, tuple((str(k), str(v)) for k, v in statuses.items()),
                    tuple((k, wording[k]) for k in WORDING))
