"""Network → what a page needs to draw a graph: vis-network data and options built with pyvis.

The data travels in a `data-graph` attribute (Material's instant navigation drops the attributes of
inline scripts); `overrides/assets/javascripts/graphs.js` draws it with the vis-network library that
pyvis ships, copied once into the site's assets. Labels and tooltips are plain strings and the script
only ever puts them into the page as text. Positions are computed here (seeded), so the picture is
the same on every build and needs no physics in the browser.

The data: {"nodes", "edges", "options", "urls", "centre"?}. Each node has, besides vis-network's own
`id` (a small number), `label`, `title` (tooltip), `x`, `y`, `size`? and `group` (colour and shape only:
p<pillar>, t-<organisation type>, area):
  k   its kind: "m" measure, "o" organisation, "a" AOIP area (node_kind(), the one place that says it)
  f   its filter key: the measure's pillar number, the organisation's type slug, the area's slug
  s   its slug in URLs: urls[k] is [before, after], the node's page is before + s + after
  ar  (explorer, measures) the slugs of its areas;  o  (explorer, others) its name in the other language
Scripts and tests read k and f; nothing decodes the group.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyvis
from markupsafe import Markup
from pyvis.network import Network

from .network import layout
from .paths import Links
from .text import display

VIS_NETWORK = "assets/javascripts/vendor/vis-network.min.js"
_VIS_SOURCE = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
_KIND = {"measure": "m", "organisation": "o", "area": "a"}
_PAGES = {"m": "measures", "o": "organisations", "a": "aoip"}   # the page folder of each kind (urls[k])


def assets() -> list[tuple[str, Path]]:
    """Files the site ships as they are: (path in the site, file on disk)."""
    return [(VIS_NETWORK, _VIS_SOURCE)]


@dataclass(frozen=True, slots=True)
class LegendItem:
    colour: str
    shape: str
    text: str


@dataclass(frozen=True, slots=True)
class GraphData:
    attribute: Markup    # the JSON, escaped for a single-quoted HTML attribute
    nodes: int
    edges: int
    size: int            # bytes of JSON
    legend: tuple[LegendItem, ...]


def attribute_value(text: str) -> Markup:
    """Escape text for an attribute written between single quotes."""
    return Markup(text.replace("&", "&amp;").replace("'", "&#39;").replace("<", "&lt;").replace(">", "&gt;"))


class NodeText:
    """Labels and tooltips of nodes and legend entries in one edition's language, as plain text."""

    def __init__(self, index, edition):
        self.index = index
        self.edition = edition
        labels = dict(edition.words.labels)
        self.measure_word, self.pillar_word, self.area_word = labels["measure"], labels["pillar"], labels["aoip"]
        self.titles = {m.id: edition.title(m) for m in index.plan.measures}
        self.summaries = {m.id: edition.summary(m) for m in index.plan.measures}
        self.short = {a.organisation: a.acronym for a in reversed(index.catalogue.acronyms) if a.organisation}

    def label(self, kind: str, key: str) -> str:
        if kind == "m":
            return key
        if kind == "a":
            return self.edition.name(self.index.areas[key])
        name = self.short.get(key) or self.edition.name(self.index.organisations[key])
        return name if len(name) <= 14 else name[:13] + "…"

    def title(self, kind: str, key: str, short: bool = False) -> str:
        if kind == "m":      # number and short title, then the start of the text
            text, title = self.summaries[key], self.titles[key]
            head = f"{self.measure_word} {key}" + (f": {title}" if title else "")
            if short:        # a big graph: keep its data small
                return head if title else f"{head}\n{text[:24] + '…' if len(text) > 25 else text}"
            return f"{head}\n{text}"
        item = self.index.areas[key] if kind == "a" else self.index.organisations[key]
        if self.edition.lang == "ja":
            return f"{display(item.ja)}\n{item.en}"
        return item.en

    def other(self, kind: str, key: str) -> str:
        """An organisation's or area's name in the other language (the explorer's details panel)."""
        item = self.index.areas[key] if kind == "a" else self.index.organisations[key]
        return item.en if self.edition.lang == "ja" else display(item.ja)

    def shared(self, measure_ids) -> str:
        return f"{self.measure_word} {', '.join(measure_ids)}"

    def legend(self, kind: str, key: str) -> str:
        """A legend entry: the pillar of measures, the type of organisations, or AOIP areas."""
        if kind == "m":
            return f"{self.pillar_word} {key}. {self.edition.name(self.index.pillars[key])}"
        if kind == "o":
            return next(self.edition.name(t) for t in self.index.catalogue.org_types if t.slug == key)
        return self.area_word


def node_kind(attrs: dict) -> tuple[str, str]:
    """A network node's kind (m, o, a) and filter key (pillar number, organisation type slug, area slug)."""
    kind = _KIND[attrs["kind"]]
    return kind, attrs["pillar"] if kind == "m" else attrs["type"] if kind == "o" else attrs["id"]


def group_of(kind: str, key: str) -> str:
    """The vis-network group of a node (its colour and shape in style_options)."""
    return f"p{key}" if kind == "m" else f"t-{key}" if kind == "o" else "area"


def style_options(style) -> dict:
    """vis-network groups: measures coloured by pillar, organisations by type, areas alike."""
    groups = {group_of("m", number): {"color": colour, "shape": "dot", "size": 9} for number, colour in style.pillars}
    groups |= {group_of("o", slug): {"color": colour, "shape": "square"} for slug, colour in style.organisation_types}
    groups[group_of("a", "")] = {"color": style.area, "shape": "diamond", "size": 16}
    return groups


def vis_data(sub: nx.Graph, text: NodeText, style, here: str, directory_urls: bool,
             centre: str | None = None, explorer: bool = False, positions=None) -> GraphData:
    """pyvis network → JSON for graphs.js: nodes with positions, edges, options, URL pattern."""
    net = Network(directed=False, cdn_resources="local")
    positions = positions or layout(sub, style.seed, centre)
    degree = dict(sub.degree)
    number = {node: i for i, node in enumerate(sub.nodes)}    # vis ids: small numbers keep the data small
    used = {}                                                 # group → (kind, filter key), for the legend
    for node, attrs in sub.nodes(data=True):
        kind, filter_key = node_kind(attrs)
        key = attrs["id"]
        group = group_of(kind, filter_key)
        used.setdefault(group, (kind, filter_key))
        size = 20 if node == centre else 10 + min(degree[node], 12) if kind == "o" else None
        extra = {"size": size} if size else {}
        if explorer and kind == "m":
            extra["ar"] = [n[2:] for n in sub[node] if n.startswith("a:")]
        elif explorer:
            extra["o"] = text.other(kind, key)
        x, y = positions[node]
        net.add_node(number[node], label=text.label(kind, key), title=text.title(kind, key, short=len(sub) > 40), group=group,
                     k=kind, f=filter_key, s=key.replace(".", "-") if kind == "m" else key, x=x, y=y, **extra)
    groups = style_options(style)
    legend = tuple(LegendItem(groups[g]["color"], groups[g]["shape"], text.legend(*used[g]))
                   for g in sorted(used, key=list(groups).index))
    # networkx already holds each edge once; pyvis' add_edge would search all edges for a duplicate
    # first (quadratic), so edges go into its list directly, in the shape add_edge gives them.
    for a, b, attrs in sorted(sub.edges(data=True), key=lambda e: sorted((number[e[0]], number[e[1]]))):
        a, b = sorted((a, b), key=number.__getitem__)
        edge = {"value": attrs["weight"], "title": text.shared(attrs["measures"])} if "weight" in attrs else {}
        net.edges.append({**edge, "from": number[a], "to": number[b]})
    net.toggle_physics(False)
    net.set_edge_smooth("continuous")
    net.options.interaction.hover = True
    net.options.interaction.tooltipDelay = 100
    net.options.interaction.navigationButtons = False
    net.options.interaction.keyboard = False
    net.options.groups = {g: groups[g] for g in used}
    net.options.nodes = {"font": {"size": 13, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"}}
    net.options.edges.color = {"color": "#9aa5b1", "highlight": "#1a237e", "hover": "#1a237e"}
    nodes, edges, _, _, _, options = net.get_network_data()
    for n in nodes:             # pyvis' default shape ('dot') would override the group's
        del n["shape"]
    links = Links(here, directory_urls)
    data = {"nodes": nodes, "edges": edges, "options": _without_defaults(json.loads(options), _VIS_DEFAULTS),
            "urls": {k: links.pattern(page) for k, page in _PAGES.items()}}
    if centre:
        data["centre"] = number[centre]
    text_json = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return GraphData(attribute_value(text_json), len(nodes), len(edges), len(text_json.encode()), legend)


# Options pyvis always writes that change nothing in vis-network 9.1.2: its documented defaults, and a
# configurator switched off that does not exist unless `configure` is given. Left out of every graph's data.
_VIS_DEFAULTS = {
    "configure": {"enabled": False},
    "interaction": {"dragNodes": True, "hideEdgesOnDrag": False, "hideNodesOnDrag": False},
    "physics": {"stabilization": {"enabled": True, "fit": True, "iterations": 1000, "onlyDynamicEdges": False,
                                  "updateInterval": 50}},
}


def _without_defaults(options: dict, defaults: dict) -> dict:
    out = {}
    for key, value in options.items():
        default = defaults.get(key)
        if value == default:
            continue
        out[key] = _without_defaults(value, default) if isinstance(value, dict) and isinstance(default, dict) else value
    return out


def static_picture(sub: nx.Graph, text: NodeText, style, centre: str | None) -> dict:
    """The same graph as a still picture for print and for pages without JavaScript: positions, colours
    and labels for an SVG template (generator/templates/_network_svg.html.j2)."""
    positions = layout(sub, style.seed, centre)
    groups = style_options(style)
    nodes = []
    for node, attrs in sub.nodes(data=True):
        kind, filter_key = node_kind(attrs)
        group = group_of(kind, filter_key)
        x, y = positions[node]
        nodes.append({"x": x, "y": y, "colour": groups[group]["color"], "shape": groups[group]["shape"],
                      "size": 14 if node == centre else 9 if kind == "m" else 10, "label": text.label(kind, attrs["id"])})
    edges = [(positions[a], positions[b]) for a, b in sub.edges]
    xs, ys = [n["x"] for n in nodes] or [0], [n["y"] for n in nodes] or [0]
    pad = 60
    box = (min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad)
    return {"nodes": nodes, "edges": edges, "box": box}
