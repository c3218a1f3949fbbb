"""The data page (downloads, and every field documented from the JSON Schema) and the statistics page
(charts drawn at build time, each with its numbers in a table). Every number comes from the model."""
from __future__ import annotations

from dataclasses import dataclass

from . import charts
from .paths import Links
from .export import DATA_DIR, schema
from .render import Page, Renderer
from .render_book import book_links

STATS_DIR = "stats"
TOP, HEAT = 15, 20        # organisations shown in the bar chart and in the matrix
DOWNLOADS = (  # file, format, what it holds (order of the page)
    ("plan.json", "JSON", "data_plan"), ("plan.schema.json", "JSON Schema", "data_schema"),
    ("measures.csv", "CSV", "data_measures"), ("organisations.csv", "CSV", "data_organisations"),
    ("acronyms.csv", "CSV", "data_acronyms"), ("measure_organisations.csv", "CSV", "data_measure_organisations"),
    ("measure_areas.csv", "CSV", "data_measure_areas"), ("network.graphml", "GraphML", "data_graphml"),
    ("network.gexf", "GEXF", "data_gexf"))


@dataclass(frozen=True, slots=True)
class Chart:
    slug: str
    title: str
    alt: str
    header: tuple[str, ...]
    rows: tuple[tuple, ...]
    svg: str

    @property
    def width(self) -> tuple[int, int]:
        """(natural, smallest) width in px at which the page shows it (charts.display_width)."""
        return charts.display_width(self.svg)


def _fields(node: dict) -> list[dict]:
    """The documented fields of one schema object: name, type, description."""
    out = []
    for name, spec in node.get("properties", {}).items():
        kind = spec.get("type", "string or object")
        kind = " or ".join(kind) if isinstance(kind, list) else kind
        if kind == "array" and spec.get("items", {}).get("type") == "string":
            kind = "array of strings"
        out.append({"name": name, "type": kind, "description": spec.get("description", ""),
                    "required": name in node.get("required", [])})
    return out


def data_page(r: Renderer, files: dict[str, bytes]) -> Page:
    spec = schema()
    tables = [{"name": name, "description": prop.get("description", ""), "fields": _fields(prop["items"])}
              for name, prop in spec["properties"].items() if prop.get("type") == "array" and "properties" in prop.get("items", {})]
    downloads = [{"file": f, "format": kind, "what": r.labels[key], "size": len(files[f])} for f, kind, key in DOWNLOADS]
    return r.page(DATA_DIR, r.labels["data"], r.labels["data_description"], "data.html.j2",
                  downloads=downloads, top=_fields(spec), tables=tables, schema_text=spec["description"],
                  books=book_links(r, DATA_DIR))


def _pillar_colour(r: Renderer, number: str) -> str:
    return dict(r.settings.graph.pillars)[number]


def stats_charts(r: Renderer) -> list[Chart]:
    plan, unit = r.plan, r.labels["measures_unit"]
    groups = []                                   # (label, count, pillar, section id or None)
    for p in plan.pillars:
        if p.section_ids:
            groups += [(f"{s.id} {r.edition.name(s)}", len(s.measure_ids), p.number, s.id)
                       for s in (r.sections[i] for i in p.section_ids)]
        else:
            groups.append((f"{p.number}. {r.edition.name(p)}", len(p.measure_ids), p.number, None))
    per_area = [(r.edition.name(a), sum(1 for x in r.catalogue.assignments if a.slug in x.areas)) for a in r.catalogue.areas]
    top = sorted(r.institutions.values(), key=lambda s: s.rank)[:TOP]
    heat_orgs = [s for s in sorted(r.institutions.values(), key=lambda s: s.rank) if s.measures][:HEAT]
    pillars = [p.number for p in plan.pillars]
    heat = [[sum(1 for m in r.mentions.measures_of_organisation(s.slug) if r.measures[m].pillar == n) for n in pillars]
            for s in heat_orgs]
    acronyms = [len({a for m in p.measure_ids for a in r.mentions.acronyms[m]}) for p in plan.pillars]
    name = lambda slug: r.edition.name(r.organisations[slug])          # noqa: E731
    colour_of_type = dict(r.settings.graph.organisation_types)
    say, sep = r.say, r.words["list_separator"]
    measures_axis, pillar_label = say("chart_axis_measures"), r.labels["pillar"]
    biggest = max(groups, key=lambda g: g[1])
    across = sum(1 for row in heat if sum(1 for v in row if v) > 1)
    pillar_names = [f"{p.number}. {r.edition.name(p)}" for p in plan.pillars]
    link = Links(STATS_DIR, r.directory_urls)          # bars link to the pages they count
    group_urls = [link(f"sections/{r.sections[g[3]].slug}") if g[3] else link(f"pillars/{g[2]}") for g in groups]
    pillar_urls = [link(f"pillars/{p.number}") for p in plan.pillars]
    return [
        Chart("measures-by-section", say("chart_measures_by_section"),
              say("chart_measures_by_section_alt", top=biggest[0], count=biggest[1]),
              (say("chart_header_group"), measures_axis), tuple((g[0], g[1]) for g in groups),
              charts.bars([g[0] for g in groups], [g[1] for g in groups], [_pillar_colour(r, g[2]) for g in groups],
                          measures_axis, group_urls)),
        Chart("measures-by-area", say("chart_measures_by_area"),
              say("chart_measures_by_area_alt", counts=sep.join(f"{a} {n}{unit}" for a, n in per_area)),
              (say("chart_header_area"), measures_axis), tuple(per_area),
              charts.bars([a for a, _ in per_area], [n for _, n in per_area], [r.settings.graph.area] * len(per_area),
                          measures_axis, [link(f"aoip/{a.slug}") for a in r.catalogue.areas])),
        Chart("top-institutions", say("chart_top_institutions", limit=TOP),
              say("chart_top_institutions_alt", limit=TOP, top=name(top[0].slug), count=top[0].measures),
              (say("chart_header_organisation"), measures_axis, say("chart_header_pillar")),
              tuple((name(s.slug), s.measures, sep.join(s.pillars)) for s in top),
              charts.bars([name(s.slug) for s in top], [s.measures for s in top],
                          [colour_of_type[r.organisations[s.slug].type] for s in top], measures_axis,
                          [link(f"organisations/{s.slug}") for s in top])),
        Chart("institutions-by-pillar", say("chart_institutions_by_pillar", limit=HEAT),
              say("chart_institutions_by_pillar_alt", limit=HEAT, across=across),
              (say("chart_header_organisation"), *[f"{pillar_label} {n}" for n in pillars]),
              tuple((name(s.slug), *row) for s, row in zip(heat_orgs, heat)),
              charts.heatmap([name(s.slug) for s in heat_orgs], [f"{pillar_label} {n}" for n in pillars], heat,
                             r.settings.graph.area, [link(f"organisations/{s.slug}") for s in heat_orgs], pillar_urls)),
        Chart("acronyms-by-pillar", say("chart_acronyms_by_pillar"),
              say("chart_acronyms_by_pillar_alt",
                  counts=sep.join(f"{pillar_label} {p.number} {n}" for p, n in zip(plan.pillars, acronyms))),
              (say("chart_header_pillar"), say("chart_axis_acronyms")), tuple(zip(pillar_names, acronyms)),
              charts.bars(pillar_names, acronyms, [_pillar_colour(r, p.number) for p in plan.pillars],
                          say("chart_axis_acronyms"), pillar_urls)),
    ]


def data_and_stats(r: Renderer, files: dict[str, bytes]) -> tuple[list[Page], dict[str, bytes]]:
    """Both pages, and the files they link to (path in the site → bytes); files: the downloads of
    export.data_files, the same in every edition."""
    chart_list = stats_charts(r)
    pages = [data_page(r, files),
             r.page(STATS_DIR, r.labels["stats"], r.labels["stats_description"], "stats.html.j2", charts=chart_list,
                    counts={"measures": len(r.plan.measures), "organisations": len(r.catalogue.organisations),
                            "acronyms": len(r.catalogue.acronyms), "mentions": sum(len(v) for v in r.mentions.organisations.values())})]
    pages.append(r.page("progress", r.labels["progress"], r.labels["progress_description"], "progress.html.j2",
                        reports=r.progress, status_list=list(r.statuses.items()), total=len(r.plan.measures),
                        rows=[(m, [e for _, e in r.progress_of(m.id)]) for m in r.plan.measures]))
    out = {f"{DATA_DIR}/{name}": content for name, content in files.items()}
    out |= {f"{STATS_DIR}/{c.slug}.svg": c.svg.encode("utf-8") for c in chart_list}
    return pages, out
