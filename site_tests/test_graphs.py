"""Network graphs: their data against what the pages say, their text twins, and the real browser."""
from __future__ import annotations

import json
import re
from html import unescape

import pytest

from generator import pipeline

from .conftest import ROOT, SITE_URL
from .test_crosslinks import CAT, PLAN

GRAPH_PAGES = ([f"measures/{m.slug}/index.html" for m in PLAN.measures]
               + [f"organisations/{o.slug}/index.html" for o in CAT.organisations]
               + [f"aoip/{a.slug}/index.html" for a in CAT.areas]
               + ["graph/index.html", "graph/organisations/index.html"])


def graph_of(html, path: str) -> dict:
    (el,) = html(path).select(".ajp-graph[data-graph]")
    return json.loads(el["data-graph"])


def entity(node: dict) -> tuple[str, str]:
    """('m', '2.7.2'), ('o', 'jica') or ('a', 'sdgs'): what a node stands for, from its kind and slug."""
    return node["k"], node["label"] if node["k"] == "m" else node["s"]


def edges_of(data: dict) -> set[frozenset]:
    nodes = {n["id"]: entity(n) for n in data["nodes"]}
    return {frozenset((nodes[e["from"]], nodes[e["to"]])) for e in data["edges"]}


def mentions_on_pages(html) -> dict[str, set[str]]:
    """Organisations each measure page links from its text: the ground truth the graphs must equal."""
    return {m.id: {a["data-org"] for a in html(f"measures/{m.slug}/index.html").select(".ajp-text a.ajp-org")}
            for m in PLAN.measures}


def areas_on_pages(html) -> dict[str, set[str]]:
    return {m.id: {a["href"].rstrip("/").split("/")[-1]
                   for a in html(f"measures/{m.slug}/index.html").select(".ajp-summary a.ajp-area")}
            for m in PLAN.measures}


def test_explorer_graph_equals_the_mentions_and_areas_on_the_pages(html):
    data = graph_of(html, "graph/index.html")
    mentions, areas = mentions_on_pages(html), areas_on_pages(html)
    expected = {frozenset({("m", m), ("o", o)}) for m, orgs in mentions.items() for o in orgs}
    expected |= {frozenset({("m", m), ("a", a)}) for m, slugs in areas.items() for a in slugs}
    assert edges_of(data) == expected
    kinds = [entity(n)[0] for n in data["nodes"]]
    assert (kinds.count("m"), kinds.count("o"), kinds.count("a")) == (len(PLAN.measures), len(CAT.organisations), len(CAT.areas))
    assert sum(1 for e in expected if "o" in {k for k, _ in e}) == sum(len(v) for v in mentions.values()) > 0


def test_each_organisation_graph_is_its_measures_and_their_organisations(html):
    mentions = mentions_on_pages(html)
    for o in CAT.organisations:
        data = graph_of(html, f"organisations/{o.slug}/index.html")
        mine = {m for m, orgs in mentions.items() if o.slug in orgs}
        expected = {frozenset({("m", m), ("o", other)}) for m in mine for other in mentions[m]}
        assert edges_of(data) == expected, o.slug
        centre = next(n for n in data["nodes"] if n["id"] == data["centre"])
        assert entity(centre) == ("o", o.slug)


def test_each_measure_graph_is_its_organisations_their_measures_and_its_areas(html):
    mentions, areas = mentions_on_pages(html), areas_on_pages(html)
    for m in PLAN.measures:
        data = graph_of(html, f"measures/{m.slug}/index.html")
        expected = {frozenset({("m", other), ("o", o)}) for o in mentions[m.id]
                    for other, orgs in mentions.items() if o in orgs}
        expected |= {frozenset({("m", m.id), ("a", a)}) for a in areas[m.id]}
        assert edges_of(data) == expected, m.id


def test_area_graphs_hold_their_measures_and_organisations(html):
    mentions, areas = mentions_on_pages(html), areas_on_pages(html)
    for a in CAT.areas:
        data = graph_of(html, f"aoip/{a.slug}/index.html")
        members = {m for m, slugs in areas.items() if a.slug in slugs}
        expected = {frozenset({("m", m), ("a", a.slug)}) for m in members}
        expected |= {frozenset({("m", m), ("o", o)}) for m in members for o in mentions[m]}
        assert edges_of(data) == expected, a.slug


def test_co_occurrence_weights_count_shared_measures(html):
    mentions = mentions_on_pages(html)
    data = graph_of(html, "graph/organisations/index.html")
    nodes = {n["id"]: entity(n)[1] for n in data["nodes"]}
    pairs = {}
    for orgs in mentions.values():
        for a in orgs:
            for b in orgs:
                if a < b:
                    pairs[(a, b)] = pairs.get((a, b), 0) + 1
    found = {tuple(sorted((nodes[e["from"]], nodes[e["to"]]))): e["value"] for e in data["edges"]}
    assert found == pairs and pairs


def test_every_node_says_its_kind_and_filter_key_as_the_model_does(html):
    """k and f (written once in Python, read by graphs.js) against the plan and the catalogue: a measure's
    pillar, an organisation's type, an area itself; the group (colour) follows from them, one per (k, f)."""
    measures = {m.slug: m for m in PLAN.measures}
    organisations = {o.slug: o for o in CAT.organisations}
    areas = {a.slug for a in CAT.areas}
    groups, kinds = {}, set()
    for path in GRAPH_PAGES + [f"en/{p}" for p in GRAPH_PAGES[::5]]:
        for n in graph_of(html, path)["nodes"]:
            kinds.add(n["k"])
            if n["k"] == "m":
                m = measures[n["s"]]
                assert (n["f"], n["label"]) == (m.pillar, m.id), (path, n)
            elif n["k"] == "o":
                assert n["f"] == organisations[n["s"]].type, (path, n)
            else:
                assert n["k"] == "a" and n["f"] == n["s"] and n["s"] in areas, (path, n)
            groups.setdefault((n["k"], n["f"] if n["k"] != "a" else ""), set()).add(n["group"])
    assert kinds == {"m", "o", "a"}
    assert all(len(g) == 1 for g in groups.values()), groups
    assert len({next(iter(g)) for g in groups.values()}) == len(groups)


def test_graph_data_is_small_and_positioned(html):
    for path in GRAPH_PAGES:
        el = html(path).select_one(".ajp-graph[data-graph]")
        size = len(el["data-graph"].encode())
        data = json.loads(el["data-graph"])
        assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"]), path
        assert data["options"]["physics"]["enabled"] is False
        if path != "graph/index.html":       # the whole network is the exception (reported by make bench)
            assert size <= 20_000, (path, size)


def test_every_graph_has_a_named_canvas_a_summary_and_a_text_twin(html):
    for path in GRAPH_PAGES:
        figure = html(path).select_one("figure.ajp-graph-figure")
        canvas = figure.select_one(".ajp-graph")
        assert canvas["role"] == "application" and canvas["tabindex"] == "0" and canvas["aria-label"].strip(), path
        summary_id, keys_id = canvas["aria-describedby"].split()
        summary = figure.select_one(f"#{summary_id}")
        assert figure.select_one(f"#{keys_id}").get_text(strip=True), path
        assert summary.get_text(strip=True).endswith("。"), path
        twin = figure.select_one("details.ajp-graph-twin")
        data = json.loads(canvas["data-graph"])
        linked = {a["href"].split("/")[-2] if a["href"].endswith("/") else a["href"] for a in twin.select("a")}
        for node in data["nodes"]:
            if node["id"] != data.get("centre"):
                assert node["s"] in linked, (path, node["s"])


def test_same_sources_give_the_same_layout(html, monkeypatch):
    """Built again in this process (another hash seed than the build's), with the layout cache off so the
    layout is computed again: the same graph, node for node."""
    monkeypatch.setenv("AJP_CACHE", "off")
    build = pipeline._build.__wrapped__(ROOT / "source", True, SITE_URL, "ja", ("again",))
    page = next(p for p in build.pages if p.path == "graph/index.md")
    again = json.loads(unescape(re.search(r"data-graph='([^']*)'", page.content).group(1)))
    assert again == graph_of(html, "graph/index.html")


# --- in the browser -------------------------------------------------------------------------------

def wait_drawn(page, selector=".ajp-graph"):
    page.wait_for_selector(f"{selector}[data-drawn=true]", timeout=10_000)


def node_point(page, label: str) -> tuple[float, float]:
    """Where on screen the node with this label is drawn (the graph scrolled into view first)."""
    page.locator(".ajp-graph").scroll_into_view_if_needed()
    return page.evaluate("""label => {
        const el = document.querySelector('.ajp-graph');
        const n = el.ajpData.nodes.find(n => n.label === label);
        const p = el.ajpNetwork.canvasToDOM(el.ajpNetwork.getPositions([n.id])[n.id]);
        const box = el.getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", label)


def canvas_has_ink(page) -> bool:
    return page.evaluate("""() => {
        const c = document.querySelector('.ajp-graph canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let ink = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) ink++;
        return ink > 500;
    }""")


def test_explorer_draws_filters_finds_and_opens_a_node(watched, server, html):
    page = watched.page
    page.goto(server + "graph/")
    wait_drawn(page)
    assert canvas_has_ink(page)
    total = int(page.locator("[data-shown]").inner_text())
    assert total == len(PLAN.measures) + len(CAT.organisations) + len(CAT.areas)
    page.locator('input[data-filter="pillar"][value="1"]').uncheck()
    shown = int(page.locator("[data-shown]").inner_text())
    assert shown <= total - len(next(p for p in PLAN.pillars if p.number == "1").measure_ids)
    page.locator("button[data-reset]").click()
    assert int(page.locator("[data-shown]").inner_text()) == total
    page.locator("input[data-find]").fill("JICA")
    page.locator("input[data-find]").press("Enter")
    assert "独立行政法人国際協力機構" in page.locator("[data-find-status]").inner_text()
    selected = page.evaluate("document.querySelector('.ajp-graph').ajpNetwork.getSelectedNodes()")
    assert len(selected) == 1
    assert page.locator("[data-details-name]").inner_text() == "独立行政法人国際協力機構"
    page.locator("[data-details-close]").click()
    assert page.locator("[data-graph-details]").is_hidden()
    x, y = node_point(page, "JICA")
    page.mouse.click(x, y)                       # a click selects: the details, not another page
    details = page.locator("[data-graph-details]")
    assert details.is_visible() and page.url.endswith("/graph/")
    assert "Japan International Cooperation Agency" in page.locator("[data-details-other]").inner_text()
    jica_measures = {n.get_text() for n in html("organisations/jica/index.html").select(".ajp-measure-list .ajp-num")}
    assert {a.inner_text() for a in details.locator("[data-details-links] a").all()} == jica_measures
    details.locator("[data-details-open]").click()
    page.wait_for_url("**/organisations/jica/")
    wait_drawn(page)
    assert watched.errors == [] and watched.external == []


def test_search_results_cover_the_graph_details(watched, server):
    """The search results open over the page: a graph's details panel does not show through them."""
    page = watched.page
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "en/graph/")
    wait_drawn(page)
    page.locator("input[data-find]").fill("JICA")
    page.locator("input[data-find]").press("Enter")
    details = page.locator("[data-graph-details]")
    assert details.is_visible()
    page.locator(".ajp-search-input").fill("JICA")
    page.wait_for_selector("[data-ajp-search][data-results]")
    panel = page.locator(".ajp-search-panel").bounding_box()
    box = details.bounding_box()
    left, right = max(panel["x"], box["x"]), min(panel["x"] + panel["width"], box["x"] + box["width"])
    top, bottom = max(panel["y"], box["y"]), min(panel["y"] + panel["height"], box["y"] + box["height"])
    assert left < right and top < bottom, "the two should overlap on this page at this size"
    on_top = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.ajp-search-panel')",
                           [(left + right) / 2, (top + bottom) / 2])
    assert on_top
    assert watched.errors == [] and watched.external == []


def test_organisation_graph_draws_after_in_site_navigation(watched, server):
    page = watched.page
    page.goto(server + "organisations/")
    page.wait_for_load_state("networkidle")      # instant navigation starts once sitemap.xml is read
    page.evaluate("window.ajpSamePage = true")
    page.locator("article a[href$='/organisations/eria/']").first.click()
    page.wait_for_url("**/organisations/eria/")
    wait_drawn(page)
    assert page.evaluate("window.ajpSamePage") is True      # instant navigation: no reload
    assert canvas_has_ink(page)
    measure = page.evaluate("document.querySelector('.ajp-graph').ajpData.nodes.find(n => n.k === 'm')")
    x, y = node_point(page, measure["label"])
    page.mouse.click(x, y)
    page.locator("[data-details-open]").click()
    page.wait_for_url(f"**/measures/{measure['s']}/")
    wait_drawn(page)
    assert page.evaluate("window.ajpSamePage") is True
    assert watched.errors == [] and watched.external == []


def test_tooltips_are_text(watched, server):
    page = watched.page
    page.goto(server + "organisations/jica/")
    wait_drawn(page)
    x, y = node_point(page, "JICA")
    page.mouse.move(x, y)
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    assert "Japan International Cooperation Agency" in tip.inner_text()
    assert tip.locator("*").count() == 1     # our one text-only element, nothing parsed from the data


@pytest.mark.parametrize("path", ["graph/index.html", "organisations/jica/index.html", "measures/2-7-2/index.html",
                                  "aoip/sdgs/index.html", "graph/organisations/index.html"])
def test_graphs_draw_from_the_offline_bundle(watched, offline, path):
    page = watched.page
    page.goto((offline / path).as_uri())
    wait_drawn(page)
    assert canvas_has_ink(page)
    assert watched.errors == [] and watched.external == []
