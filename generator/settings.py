"""source/site.yaml: interface words and settings of the site (not plan text)."""
from __future__ import annotations

import functools
import re
import string
from pathlib import Path

from .diagnostics import Problem
from .checker import Checker, kind_of
from .model import Catalogue, GraphStyle, Location, Plan, Settings, Words
from .yamlio import YMap

# The sentences the Python code uses, and the {fields} each is filled in with (Renderer.say); the templates'
# own are read from the templates (fields_used). A {field} not given would stop the build: it is refused.
_BRIEF = ("name", "count", "pillars", "others")
SAID = {"acronyms_description": (), "organisations_description": (), "aoip_description": (),
        "organisation_description": ("name", "en", "count"), "area_description": ("name", "en", "count"),
        "brief_kind_organisation": (), "brief_kind_area": (),
        "brief_summary_organisation": _BRIEF, "brief_summary_area": _BRIEF, "brief_summary_en_organisation": _BRIEF,
        "brief_summary_en_area": _BRIEF, "chart_axis_measures": (), "chart_axis_acronyms": (), "chart_header_group": (),
        "chart_header_area": (), "chart_header_organisation": (), "chart_header_pillar": (),
        "chart_measures_by_section": (), "chart_measures_by_section_alt": ("top", "count"),
        "chart_measures_by_area": (), "chart_measures_by_area_alt": ("counts",),
        "chart_top_institutions": ("limit",), "chart_top_institutions_alt": ("limit", "top", "count"),
        "chart_institutions_by_pillar": ("limit",), "chart_institutions_by_pillar_alt": ("limit", "across"),
        "chart_acronyms_by_pillar": (), "chart_acronyms_by_pillar_alt": ("counts",)}
WORDING = ("list_separator", *SAID)
COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

LABELS = ("home", "pillar", "section", "measure", "measures_unit", "indexes", "acronyms", "organisations", "aoip",
          "graphs", "graph", "graph_description", "co_occurrence", "co_occurrence_description", "offline",
          "data", "data_description", "data_plan", "data_schema", "data_measures", "data_organisations", "data_acronyms",
          "data_measure_organisations", "data_measure_areas", "data_graphml", "data_gexf", "stats", "stats_description",
          "progress", "progress_description", "progress_none", "about", "briefs", "briefs_description",
          "kiosk", "kiosk_description", "site_name", "site_description", "language_name_other", "language_choice",
          "language_read_ja", "language_read_en")


def _colours(check: Checker, data, key: str, where: list) -> tuple[tuple[str, str], ...]:
    table = check.get(data, key, dict, "site graph")
    out = []
    for name, value in (table or {}).items():
        pos = table.key_pos[name]
        where.append((f"{key}:{name}", pos))
        if isinstance(value, str) and COLOUR.fullmatch(value):
            out.append((str(name), value))
        else:
            found = f"'{value}'" if isinstance(value, str) else kind_of(value)
            check.error(table.value_pos[name], f"site graph {key}: '{name}' must be a colour like '#1f77b4', found {found}")
    return tuple(out)


def _graph(check: Checker, data, path: str) -> GraphStyle | None:
    graph = check.get(data, "graph", dict, "site")
    if not isinstance(graph, YMap):
        return None
    check.unknown_keys(graph, {"seed", "pillars", "organisation_types", "area"}, "site graph")
    seed = check.get(graph, "seed", int, "site graph", low=0, high=2**32 - 1)     # numpy's seeds
    area = check.get(graph, "area", str, "site graph")
    if area is not None and not COLOUR.fullmatch(area):
        check.error(graph.value_pos["area"], f"site graph: 'area' must be a colour like '#1f77b4', found {area!r}")
    where: list = []
    pillars, types = _colours(check, graph, "pillars", where), _colours(check, graph, "organisation_types", where)
    if seed is None or area is None:
        return None
    return GraphStyle(seed, pillars, types, area, graph.pos, tuple(where))


def check_graph_style(style: GraphStyle, plan: Plan, catalogue: Catalogue, problems: list[Problem]) -> None:
    """Every pillar and organisation type needs a colour, and every colour a pillar or type."""
    for key, have, want in (("pillars", dict(style.pillars), [p.number for p in plan.pillars]),
                            ("organisation_types", dict(style.organisation_types), [t.slug for t in catalogue.org_types])):
        for name in want:
            if name not in have:
                problems.append(Problem(style.origin,
                                        f"site graph {key}: no colour for '{name}'"))
        for name in have:
            if name not in want:
                at = dict(style.where).get(f"{key}:{name}", style.origin)
                problems.append(Problem(at,
                                        f"site graph {key}: '{name}' is not one of: {', '.join(want)}"))


WORD_SECTIONS = ("labels", "wording", "acronym_kinds", "progress_statuses")
_TEMPLATE_WORD = re.compile(r"""\bwords\.([a-z_][a-z0-9_]*)|\bsay\(\s*['"]([a-z_][a-z0-9_]*)['"]""")


@functools.cache
def words_used() -> frozenset[str]:
    """Every word key the templates use (`words.key`, `say('key', …)`), so that a missing one is a check
    error before anything is rendered, not a failure in the middle of a build."""
    found = set()
    for path in _template_files():
        for m in _TEMPLATE_WORD.finditer(path.read_text(encoding="utf-8")):
            found.add(m.group(1) or m.group(2))
    return frozenset(found)


def _template_files() -> list[Path]:
    roots = [Path(__file__).parent / "templates", Path(__file__).parent.parent / "overrides"]
    return [path for root in roots for path in sorted(root.rglob("*.htm*")) + sorted(root.rglob("*.j2"))]


def _say_calls(text: str):
    """(key, [field names]) of every `say('key', name=…, …)` in a template."""
    for m in re.finditer(r"\bsay\(\s*'([a-z_][a-z0-9_]*)'", text):
        depth, i, args, start = 1, m.end(), [], m.end()
        while i < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[i], 0)
            if depth == 1 and text[i] == "," or depth == 0:
                args.append(text[start:i])
                start = i + 1
            i += 1
        yield m.group(1), [a.group(1) for a in (re.match(r"\s*([a-z_][a-z0-9_]*)\s*=(?!=)", arg) for arg in args) if a]


@functools.cache
def fields_used() -> dict[str, frozenset[str]]:
    """Every sentence filled in by Renderer.say → the {fields} every one of its calls gives (code and templates)."""
    found = {key: set(fields) for key, fields in SAID.items()}
    for path in _template_files():
        for key, fields in _say_calls(path.read_text(encoding="utf-8")):
            found[key] = found[key] & set(fields) if key in found else set(fields)
    return {key: frozenset(fields) for key, fields in found.items()}


def _placeholders(check: Checker, value: str, pos, what: str, given: frozenset[str]) -> None:
    """A sentence's {fields}: plain names that the code fills in; anything else would stop the build."""
    try:
        parsed = list(string.Formatter().parse(value))
    except ValueError as error:
        check.error(pos, f"{what}: {error} (a brace that is not a {{field}} is written twice: '{{{{' or '}}}}')")
        return
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in given or spec or conversion:
            expected = ", ".join(f"{{{f}}}" for f in sorted(given)) or "none: this sentence is not filled in"
            check.error(pos, f"{what}: unknown placeholder {{{name}{'!' + conversion if conversion else ''}"
                             f"{':' + spec if spec else ''}}} (expected: {expected})")


def _table(check: Checker, data, key: str, where: str, required) -> dict[str, str] | None:
    table = check.get(data, key, dict, where)
    if not isinstance(table, YMap):
        return None
    ok = True
    for name in required:
        if name not in table:
            check.error(table.pos, f"{where} {key}: missing '{name}'")
            ok = False
    fields = fields_used()
    for name, value in table.items():
        pos = table.value_pos[name]
        if not isinstance(value, str):
            check.error(pos, f"{where} {key}: '{name}' must be text, found {kind_of(value)}")
            ok = False
        elif not check.text(value, pos, f"{where} {key}: '{name}'"):
            ok = False
        elif name in fields:
            _placeholders(check, value, pos, f"{where} {key}: '{name}'", fields[name])
    return {str(k): v for k, v in table.items()} if ok else None


def build_words(data, lang: str, where: str, check: Checker, like: "Words | None" = None) -> Words | None:
    """The word tables of one language. Japanese (site.yaml) must hold every key the code and the templates
    use; every other language holds exactly the Japanese keys, so that no word falls back to Japanese."""
    need = {"labels": set(LABELS), "wording": set(WORDING) | (words_used() - set(LABELS)),
            "acronym_kinds": set(), "progress_statuses": set()}
    if like is not None:
        need = {"labels": set(dict(like.labels)), "wording": set(dict(like.wording)),
                "acronym_kinds": set(dict(like.acronym_kinds)), "progress_statuses": set(dict(like.progress_statuses))}
    tables = {key: _table(check, data, key, where, sorted(need[key])) for key in WORD_SECTIONS}
    if like is not None:
        for key in WORD_SECTIONS:
            table = check.get(data, key, dict, where)
            if isinstance(table, YMap):
                check.unknown_keys(table, need[key], f"{where} {key}")
    if any(t is None for t in tables.values()):
        return None
    both = set(tables["labels"]) & set(tables["wording"])
    if both:
        check.error(data.pos, f"{where}: {', '.join(sorted(both))} both under labels and wording (a word has one home)")
        return None
    return Words(lang, *(tuple(tables[key].items()) for key in WORD_SECTIONS))


def build_settings(data, path: str, problems: list[Problem]) -> Settings | None:
    check = Checker(problems)
    if not isinstance(data, YMap):
        problems.append(Problem(Location(path), f"expected a mapping of site settings, found {kind_of(data)}"))
        return None
    check.unknown_keys(data, {"summary_length", "graph", *WORD_SECTIONS}, "site")
    length = check.get(data, "summary_length", int, "site", low=1, high=10_000)
    graph = _graph(check, data, path)
    words = build_words(data, "ja", "site", check)
    if length is None or graph is None or words is None:
        return None
    return Settings(words.labels, length, words.acronym_kinds, graph, words.progress_statuses, words.wording, (words,))


def build_english_words(data, path: str, problems: list[Problem], settings: Settings | None) -> Words | None:
    """source/site.en.yaml: the English interface, key for key the Japanese one."""
    check = Checker(problems)
    if not isinstance(data, YMap):
        problems.append(Problem(Location(path), f"expected a mapping of English interface words, found {kind_of(data)}"))
        return None
    check.unknown_keys(data, set(WORD_SECTIONS), "site.en")
    if settings is None:
        return None
    return build_words(data, "en", "site.en", check, like=settings.words_of("ja"))
