"""Open data downloads and the statistics page: exports round-trip to the model, charts tell its numbers."""
from __future__ import annotations

import csv
import io
import json

import jsonschema
import networkx as nx
import pytest

from generator.export import schema
from generator.text import display

from .test_crosslinks import CAT, MENTIONS, PLAN

FILES = ["plan.json", "plan.schema.json", "measures.csv", "organisations.csv", "acronyms.csv",
         "measure_organisations.csv", "measure_areas.csv", "network.graphml", "network.gexf"]


def read_csv(path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV without a BOM: Excel would garble the Japanese"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_plan_json_is_valid_against_its_schema_and_complete(site):
    data = json.loads((site / "data/plan.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert json.loads((site / "data/plan.schema.json").read_text(encoding="utf-8")) == schema()
    assert [m["id"] for m in data["measures"]] == [m.id for m in PLAN.measures]
    assert [m["text"] for m in data["measures"]] == ["\n".join(m.texts) for m in PLAN.measures]
    assert len(data["organisations"]) == len(CAT.organisations) and len(data["acronyms"]) == len(CAT.acronyms)
    assert {(m["id"], o) for m in data["measures"] for o in m["organisations"]} == \
        {(m, o) for m, orgs in MENTIONS.organisations.items() for o in orgs}
    assert {a["slug"]: len(a["measures"]) for a in data["areas"]} == \
        {a.slug: sum(1 for x in CAT.assignments if a.slug in x.areas) for a in CAT.areas}


def test_csv_files_round_trip(site):
    measures = read_csv(site / "data/measures.csv")
    assert [r["id"] for r in measures] == [m.id for m in PLAN.measures]
    assert [r["text"] for r in measures] == ["\n".join(m.texts) for m in PLAN.measures]
    assert len(read_csv(site / "data/organisations.csv")) == len(CAT.organisations)
    assert len(read_csv(site / "data/acronyms.csv")) == len(CAT.acronyms)
    links = read_csv(site / "data/measure_organisations.csv")
    assert {(r["measure"], r["organisation"]) for r in links} == \
        {(m, o) for m, orgs in MENTIONS.organisations.items() for o in orgs}
    areas = read_csv(site / "data/measure_areas.csv")
    assert len(areas) == sum(len(x.areas) for x in CAT.assignments)


@pytest.mark.parametrize("name, reader", [("network.graphml", nx.read_graphml), ("network.gexf", nx.read_gexf)])
def test_network_files_read_back(site, name, reader):
    g = reader(site / "data" / name)
    assert g.number_of_nodes() == len(PLAN.measures) + len(CAT.organisations) + len(CAT.areas)
    mentions = sum(len(v) for v in MENTIONS.organisations.values())
    assert g.number_of_edges() == mentions + sum(len(x.areas) for x in CAT.assignments)


def test_data_page_links_every_download_and_documents_every_field(site, html, offline):
    page = html("data/index.html")
    linked = {a["href"] for a in page.select("article a[download]")}
    assert linked == set(FILES)
    for name in FILES:
        assert (offline / "data" / name).is_file()
    documented = {c.get_text() for c in page.select(".ajp-fields td:first-child code")}
    for prop in schema()["properties"].values():
        for field in prop.get("items", {}).get("properties", {}):
            assert field in documented


def test_every_chart_has_alt_text_and_numbers_from_the_model(site, html, offline):
    page = html("stats/index.html")
    figures = page.select("figure.ajp-chart")
    assert len(figures) == 5
    for figure in figures:
        assert len(figure.select_one("figcaption").get_text()) > 20
        svg = figure.select_one(".ajp-chart-box > svg")          # in the page: its bars are links
        assert svg.select("text") and not svg.select("script") and not svg.select("a[href^=http], a[target]")
        file = figure.select_one("figcaption a")["href"]
        assert (site / "stats" / file).is_file() and (offline / "stats" / file).is_file()

    def table(slug):
        return [[c.get_text() for c in tr.select("th, td")] for tr in page.select(f"table[data-chart={slug}] tbody tr")]

    assert sum(int(r[1]) for r in table("measures-by-section")) == len(PLAN.measures)
    assert {r[0]: int(r[1]) for r in table("measures-by-area")} == \
        {display(a.ja): sum(1 for x in CAT.assignments if a.slug in x.areas) for a in CAT.areas}
    counts = sorted((len(MENTIONS.measures_of_organisation(o.slug)) for o in CAT.organisations), reverse=True)
    assert [int(r[1]) for r in table("top-institutions")] == counts[:15]
    heat = table("institutions-by-pillar")
    assert all(sum(int(v) for v in row[1:]) == int(t[1]) for row, t in zip(heat, table("top-institutions")))
    used = [len({a for m in p.measure_ids for a in MENTIONS.acronyms[m]}) for p in PLAN.pillars]
    assert [int(r[1]) for r in table("acronyms-by-pillar")] == used
