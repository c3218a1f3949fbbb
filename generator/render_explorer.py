"""The two whole-network pages: the explorer (graph/) and the institution co-occurrence graph."""
from __future__ import annotations

from .network import co_occurrence
from .render import Page, Renderer
from .render_graph import node_kind


def explorer_page(r: Renderer) -> Page:
    here = "graph"
    graph = r.graph(r.network, here, explorer=True)
    stats = sorted(r.institutions.values(), key=lambda s: s.rank)
    rows = [(r.organisations[s.slug], s, [r.measures[i] for i in r.mentions.measures_of_organisation(s.slug)])
            for s in stats]
    counts = {kind: sum(1 for _, k in r.network.nodes(data="kind") if k == kind)
              for kind in ("measure", "organisation", "area")}
    edges = {kind: sum(1 for *_, k in r.network.edges(data="kind") if k == kind) for kind in ("mention", "area")}
    area_rows = [(a, [r.measures[x.measure] for x in r.catalogue.assignments if a.slug in x.areas])
                 for a in r.catalogue.areas]
    return r.page(here, r.labels["graph"], r.labels["graph_description"], "graph_explorer.html.j2",
                  hide=("navigation", "toc"),
                  graph=graph, rows=rows, counts=counts, edges=edges, area_rows=area_rows,
                  style=r.settings.graph, types=r.catalogue.org_types,
                  finds=_find_names(r))


def _find_names(r: Renderer) -> list[str]:
    """What the find box suggests: each node's label and the first line of its tooltip."""
    names = {}
    for _, data in r.network.nodes(data=True):
        kind, _ = node_kind(data)
        names[r.node_text.label(kind, data["id"])] = None
        names[r.node_text.title(kind, data["id"]).split("\n")[0]] = None
    return list(names)


def co_occurrence_page(r: Renderer) -> Page:
    here = "graph/organisations"
    co = co_occurrence(r.network)
    linked = co.subgraph([n for n in co.nodes if co.degree(n)]).copy()
    pairs = sorted(((r.organisations[co.nodes[a]["id"]], r.organisations[co.nodes[b]["id"]], d["weight"],
                     [r.measures[i] for i in d["measures"]]) for a, b, d in co.edges(data=True)),
                   key=lambda p: (-p[2], p[0].slug, p[1].slug))
    alone = [r.organisations[co.nodes[n]["id"]] for n in co.nodes if not co.degree(n)]
    graph = r.graph(linked, here)
    return r.page(here, r.labels["co_occurrence"], r.labels["co_occurrence_description"],
                  "graph_co_occurrence.html.j2", graph=graph, pairs=pairs, alone=alone, linked=len(linked))


def graph_pages(r: Renderer) -> list[Page]:
    return [explorer_page(r), co_occurrence_page(r)]
