"""The plan as a network (networkx): measures, organisations and AOIP areas, and what follows from it.

Nodes are strings: 'm:<measure id>', 'o:<organisation slug>', 'a:<area slug>'. An edge measure–organisation
stands for a mention of the organisation in the measure's text; an edge measure–area for the editorial
AOIP classification. Everything here is derived from the model by functions; nothing is kept mutable.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass

import networkx as nx

from .cache import cached, source_of, version
from .linker import Mentions
from .model import Catalogue, Plan


AREA_PULL = 0.15    # layout: an AOIP edge pulls its measure less than a mention does, so areas do not crush


def measure_node(measure_id: str) -> str:
    return f"m:{measure_id}"


def organisation_node(slug: str) -> str:
    return f"o:{slug}"


def area_node(slug: str) -> str:
    return f"a:{slug}"


def build_network(plan: Plan, catalogue: Catalogue, mentions: Mentions) -> nx.Graph:
    """The whole network, nodes added in plan order (so that seeded layouts are reproducible)."""
    g = nx.Graph()
    for m in plan.measures:
        g.add_node(measure_node(m.id), kind="measure", id=m.id, pillar=m.pillar, section=m.section or "")
    for o in catalogue.organisations:
        g.add_node(organisation_node(o.slug), kind="organisation", id=o.slug, type=o.type)
    for a in catalogue.areas:
        g.add_node(area_node(a.slug), kind="area", id=a.slug)
    for m in plan.measures:
        for slug in mentions.organisations[m.id]:
            g.add_edge(measure_node(m.id), organisation_node(slug), kind="mention", pull=1.0)
    for assignment in catalogue.assignments:
        for slug in assignment.areas:
            g.add_edge(measure_node(assignment.measure), area_node(slug), kind="area", pull=AREA_PULL)
    return g


def institutions_graph(g: nx.Graph) -> nx.Graph:
    """Measures and organisations only (the AOIP edges are editorial, not institutional)."""
    keep = [n for n, kind in g.nodes(data="kind") if kind != "area"]
    return g.subgraph(keep).copy()


@dataclass(frozen=True, slots=True)
class InstitutionStats:
    slug: str
    measures: int          # degree in the measure–organisation network
    pillars: tuple[str, ...]
    centrality: float      # betweenness in the measure–organisation network: how much it bridges
    rank: int              # 1 = most measures (ties broken by centrality, then slug)
    bridge_rank: int       # 1 = highest centrality; organisations that bridge nothing share the last rank


EXACT_CENTRALITY = 500


def institution_stats(g: nx.Graph) -> dict[str, InstitutionStats]:
    inst = institutions_graph(g)
    # exact up to EXACT_CENTRALITY nodes; above, estimated from that many sources (O(kE), not O(VE))
    sample = None if inst.number_of_nodes() <= EXACT_CENTRALITY else EXACT_CENTRALITY
    centrality = nx.betweenness_centrality(inst, k=sample, normalized=True, seed=0)
    rows = []
    for node, data in inst.nodes(data=True):
        if data["kind"] != "organisation":
            continue
        pillars = sorted({inst.nodes[m]["pillar"] for m in inst[node]}, key=int)
        rows.append((data["id"], inst.degree(node), tuple(pillars), round(centrality[node], 4)))
    rows.sort(key=lambda r: (-r[1], -r[3], r[0]))
    values = sorted((r[3] for r in rows), reverse=True)
    return {slug: InstitutionStats(slug, n, pillars, c, rank, values.index(c) + 1)
            for rank, (slug, n, pillars, c) in enumerate(rows, 1)}


def co_occurrence(g: nx.Graph) -> nx.Graph:
    """Organisations linked by the measures they share; edge weight = number of shared measures."""
    inst = institutions_graph(g)
    orgs = [n for n, kind in inst.nodes(data="kind") if kind == "organisation"]
    projected = nx.bipartite.weighted_projected_graph(inst, orgs)
    order = {n: i for i, n in enumerate(g.nodes)}
    for a, b in projected.edges:
        shared = sorted(set(inst[a]) & set(inst[b]), key=order.__getitem__)
        projected.edges[a, b]["measures"] = tuple(g.nodes[m]["id"] for m in shared)
    return projected


NEIGHBOURS_SHOWN = 12   # a measure's graph shows at most this many other measures per organisation


def node_order(g: nx.Graph) -> dict[str, int]:
    """Each node's place in the network (measures in plan order)."""
    return {n: i for i, n in enumerate(g.nodes)}


def nearest_measures(g: nx.Graph, org: str, centre: str, order: dict[str, int],
                     limit: int = NEIGHBOURS_SHOWN) -> list[str]:
    """An organisation's other measures, the nearest in plan order first (all of them, up to the limit)."""
    others = [m for m in g[org] if m != centre]
    return sorted(others, key=lambda m: (abs(order[m] - order[centre]), order[m]))[:limit]


def measure_subgraph(g: nx.Graph, measure_id: str, order: dict[str, int]) -> nx.Graph:
    """The measure, its areas, its organisations, and (up to a limit) the organisations' other measures."""
    centre = measure_node(measure_id)
    keep, edges = {centre}, []
    for n in g[centre]:
        keep.add(n)
        edges.append((centre, n))
        if g.nodes[n]["kind"] == "organisation":
            others = nearest_measures(g, n, centre, order)
            keep.update(others)
            edges += [(n, m) for m in others]
    return _ordered(g, keep, edges)


def organisation_subgraph(g: nx.Graph, slug: str) -> nx.Graph:
    """The organisation, its measures, and the other organisations of those measures."""
    return _hub_subgraph(g, organisation_node(slug))


def area_subgraph(g: nx.Graph, slug: str) -> nx.Graph:
    """The area, its measures, and the organisations of those measures."""
    return _hub_subgraph(g, area_node(slug))


def _hub_subgraph(g: nx.Graph, centre: str) -> nx.Graph:
    """A hub (organisation or area), its measures, and the organisations of those measures; each
    measure's edges to organisations, and to the hub (not to other areas)."""
    measures = set(g[centre])
    keep, edges = {centre}, []
    for m in measures:
        keep.add(m)
        for n in g[m]:
            if n == centre or g.nodes[n]["kind"] == "organisation":
                keep.add(n)
                edges.append((m, n))
    return _ordered(g, keep, edges)


def _ordered(g: nx.Graph, keep: set[str], edges) -> nx.Graph:
    """A subgraph whose nodes and edges follow the order of the whole network (stable layouts)."""
    order = {n: i for i, n in enumerate(g.nodes)}
    sub = nx.Graph()
    sub.add_nodes_from((n, g.nodes[n]) for n in sorted(keep, key=order.__getitem__))
    sub.add_edges_from(sorted(((a, b) if order[a] < order[b] else (b, a) for a, b in edges),
                              key=lambda e: (order[e[0]], order[e[1]])))
    return sub


def _rings(g: nx.Graph, centre: str, spacing: float) -> dict[str, tuple[int, int]]:
    """Each ring evenly spaced, each node as near as the spacing allows to the angle of its parents."""
    angles, radius, out = {centre: 0.0}, 0.0, {centre: (0, 0)}
    # rings by distance (breadth-first layers: each ring ordered by the ring before it, then plan order)
    for depth, ring in enumerate(list(nx.bfs_layers(g, [centre]))[1:], 1):
        radius = max(radius + 110, spacing * len(ring) / (2 * math.pi))
        step = 2 * math.pi / len(ring)
        if depth == 1:
            wanted = {n: i * step - math.pi / 2 for i, n in enumerate(ring)}
        else:
            wanted = {n: _mean_angle([angles[p] for p in g[n] if p in angles]) for n in ring}
        order = sorted(ring, key=lambda n: (wanted[n] % (2 * math.pi), ring.index(n)))
        offset = _mean_angle([wanted[n] - i * step for i, n in enumerate(order)])
        for i, n in enumerate(order):
            angles[n] = offset + i * step
            out[n] = (round(radius * math.cos(angles[n])), round(radius * math.sin(angles[n])))
    return out


def _mean_angle(angles: list[float]) -> float:
    return math.atan2(sum(math.sin(a) for a in angles), sum(math.cos(a) for a in angles))


def layout(g: nx.Graph, seed: int, centre: str | None = None, spacing: float = 55.0) -> dict[str, tuple[int, int]]:
    """Positions in pixels (whole numbers), computed once at build time, the same on every build.

    A graph around one node is drawn as rings (cheap and easy to read); a whole network with a
    seeded spring layout.
    """
    if g.number_of_nodes() <= 1:
        return {n: (0, 0) for n in g.nodes}
    if centre is not None:
        return _rings(g, centre, spacing)
    if g.number_of_nodes() > HUB_LAYOUT_ABOVE:
        return _hubs(g, spacing)
    # the key lists the edges in the order the layout reads them (_ordered): a graph made from sets (the
    # co-occurrence graph) holds its edges in another order in every process, and would never hit the cache
    order = {n: i for i, n in enumerate(g.nodes)}
    edges = sorted(([a, b, d.get("weight"), d.get("pull")] if order[a] < order[b] else [b, a, d.get("weight"), d.get("pull")]
                    for a, b, d in g.edges(data=True)), key=lambda e: (order[e[0]], order[e[1]]))
    shape = [list(g.nodes), edges, seed, spacing, version("networkx"), version("numpy"), source_of(__name__)]
    positions = json.loads(cached("layout", shape, lambda: json.dumps(_packed(g, seed, spacing))))
    return {n: tuple(p) for n, p in positions.items()}


HUB_LAYOUT_ABOVE = 600   # nodes: a spring layout costs O(n²) per step; bigger networks are laid out around hubs


def _hubs(g: nx.Graph, spacing: float) -> dict[str, tuple[int, int]]:
    """Linear-time layout for big networks: AOIP areas on a circle, each measure on a ring around the
    mean of its areas, each organisation beside the mean of its measures."""
    hubs = [n for n, kind in g.nodes(data="kind") if kind == "area"]
    radius = spacing * math.sqrt(g.number_of_nodes()) * 0.8
    out = {h: (radius * math.cos(2 * math.pi * i / len(hubs)), radius * math.sin(2 * math.pi * i / len(hubs)))
           for i, h in enumerate(hubs)}
    groups: dict[tuple, list[str]] = {}
    for n, kind in g.nodes(data="kind"):
        if kind == "measure":
            groups.setdefault(tuple(h for h in g[n] if h in out), []).append(n)
    for key, members in groups.items():
        cx = sum(out[h][0] for h in key) / len(key) if key else 0.0
        cy = sum(out[h][1] for h in key) / len(key) if key else 0.0
        for i, n in enumerate(members):            # a spiral keeps neighbours apart
            r, a = spacing * 0.6 * math.sqrt(i + 1), i * 2.399963
            out[n] = (cx + r * math.cos(a), cy + r * math.sin(a))
    for n, kind in g.nodes(data="kind"):
        if kind not in ("measure", "area"):
            near = [out[m] for m in g[n] if m in out] or [(0.0, 0.0)]
            out[n] = (sum(p[0] for p in near) / len(near) + spacing / 2, sum(p[1] for p in near) / len(near))
    return {n: (round(x), round(y)) for n, (x, y) in out.items()}


def _packed(g: nx.Graph, seed: int, spacing: float) -> dict[str, tuple[int, int]]:
    """Each connected part laid out on its own (seeded spring layout), the parts packed in rows, largest first."""
    order = {n: i for i, n in enumerate(g.nodes)}
    parts = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(g)),
                   key=lambda c: (-len(c), order[c[0]]))
    radii = [spacing * (math.sqrt(len(c)) if len(c) > 2 else 0.5 * len(c)) for c in parts]
    row_width = max(2.4 * radii[0], math.sqrt(sum((2 * r + spacing) ** 2 for r in radii)) * 1.2)
    out, x, y, row_height = {}, 0.0, 0.0, 0.0
    for part, radius in zip(parts, radii):
        box = 2 * radius + spacing
        if x > 0 and x + box > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in _spring(_ordered(g, set(part), g.subgraph(part).edges), seed).items():
            out[n] = (round(x + box / 2 + px * radius), round(y + box / 2 + py * radius))
        x, row_height = x + box, max(row_height, box)
    return out


def _spring(g: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions within [-1, 1]; two nodes side by side, one in the middle."""
    n = g.number_of_nodes()
    if n <= 2:
        return {node: (float(i * 2 - 1) if n == 2 else 0.0, 0.0) for i, node in enumerate(g.nodes)}
    weight = "weight" if any("weight" in d for _, _, d in g.edges(data=True)) else "pull"
    pos = nx.spring_layout(g, seed=seed, iterations=300, weight=weight, k=1.6 / math.sqrt(n))
    return {node: (float(x), float(y)) for node, (x, y) in pos.items()}
