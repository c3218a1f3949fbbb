"""model → open data: plan.json (with its JSON Schema), CSV tables for spreadsheets, GraphML and GEXF.

Everything is sorted the same way on every build (plan order, then slugs), so the files only change
when the sources do.
"""
from __future__ import annotations

import csv
import io
import json
import re
import time
from importlib import resources

import networkx as nx

from .cache import cached, source_of, version
from .model import BulletList
from .index import Index
from .text import display

DATA_DIR = "data"


def schema() -> dict:
    return json.loads(resources.files("generator").joinpath("schema/plan.schema.json").read_text(encoding="utf-8"))


def _paragraphs(blocks) -> list:
    return [{"items": list(b.items)} if isinstance(b, BulletList) else b.text for b in blocks]


def _english(r: Index, measure_id: str) -> dict:
    """The measure's short titles and English text with its status (see source/translations/en.yaml)."""
    title, t = r.titles.get(measure_id), r.translations.get("en", {}).get(measure_id)
    return {"title": title.ja if title else None, "title_en": title.en if title else None,
            "text_en": "\n".join(x for b in t.blocks for x in (b.items if isinstance(b, BulletList) else (b.text,)))
            if t else None,
            "text_en_status": t.status if t else None, "text_en_source": t.source if t else None,
            "text_en_notes": list(t.notes) if t else []}


def plan_data(r: Index) -> dict:
    mentions, plan = r.mentions, r.plan
    return {
        "source": plan.source, "title": list(plan.title), "date": plan.date, "place": plan.place,
        "pillars": [{"number": p.number, "title": p.title, "title_display": display(p.title),
                     "sections": list(p.section_ids), "measures": list(p.measure_ids)} for p in plan.pillars],
        "sections": [{"id": s.id, "pillar": s.pillar, "title": s.title, "title_display": display(s.title),
                      "measures": list(s.measure_ids)} for s in plan.sections],
        "measures": [{"id": m.id, "printed": m.printed, "pillar": m.pillar, "section": m.section,
                      "paragraphs": _paragraphs(m.blocks), "text": "\n".join(m.texts),
                      "text_display": display("\n".join(m.texts)),
                      "organisations": list(mentions.organisations[m.id]), "acronyms": list(mentions.acronyms[m.id]),
                      "areas": list(r.assignments[m.id].areas), "area_rationale": r.assignments[m.id].rationale,
                      "area_rationale_en": r.assignments[m.id].rationale_en,
                      "page": f"measures/{m.slug}/", **_english(r, m.id)} for m in plan.measures],
        "organisation_types": [{"slug": t.slug, "ja": t.ja, "en": t.en} for t in r.catalogue.org_types],
        "organisations": [{"slug": o.slug, "ja": o.ja, "en": o.en, "en_confirmed": not o.en_low_confidence,
                           "type": o.type, "aliases": list(o.aliases),
                           "measures": list(mentions.measures_of_organisation(o.slug))} for o in r.catalogue.organisations],
        "acronyms": [{"slug": a.slug, "acronym": a.acronym, "forms": list(a.forms), "ja": a.ja, "en": a.en,
                      "en_source": a.en_source, "en_confirmed": not a.en_low_confidence, "kind": a.kind,
                      "organisation": a.organisation, "measures": list(mentions.measures_of_acronym(a.slug))}
                     for a in r.catalogue.acronyms],
        "areas": [{"slug": a.slug, "ja": a.ja, "en": a.en, "description": a.description,
                   "description_en": a.description_en,
                   "measures": [x.measure for x in r.catalogue.assignments if a.slug in x.areas]}
                  for a in r.catalogue.areas],
    }


def _csv(header: list[str], rows) -> bytes:
    """UTF-8 with a BOM and CRLF line ends: Excel opens it directly with Japanese intact."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def csv_tables(data: dict) -> dict[str, bytes]:
    j = ";".join
    return {
        "measures.csv": _csv(
            ["id", "printed", "pillar", "section", "title", "title_en", "text_display", "text", "text_en",
             "text_en_status", "areas", "organisations", "acronyms", "page"],
            [[m["id"], m["printed"], m["pillar"], m["section"] or "", m["title"] or "", m["title_en"] or "",
              m["text_display"], m["text"], m["text_en"] or "", m["text_en_status"] or "", j(m["areas"]),
              j(m["organisations"]), j(m["acronyms"]), m["page"]] for m in data["measures"]]),
        "organisations.csv": _csv(
            ["slug", "ja", "en", "en_confirmed", "type", "aliases", "measure_count", "measures"],
            [[o["slug"], o["ja"], o["en"], o["en_confirmed"], o["type"], j(o["aliases"]), len(o["measures"]),
              j(o["measures"])] for o in data["organisations"]]),
        "acronyms.csv": _csv(
            ["slug", "acronym", "forms", "ja", "en", "en_confirmed", "kind", "organisation", "measure_count", "measures"],
            [[a["slug"], a["acronym"], j(a["forms"]), a["ja"] or "", a["en"] or "", a["en_confirmed"], a["kind"],
              a["organisation"] or "", len(a["measures"]), j(a["measures"])] for a in data["acronyms"]]),
        "measure_organisations.csv": _csv(
            ["measure", "organisation"],
            [[m["id"], o] for m in data["measures"] for o in m["organisations"]]),
        "measure_areas.csv": _csv(
            ["measure", "area", "rationale", "rationale_en"],
            [[m["id"], a, m["area_rationale"], m["area_rationale_en"]] for m in data["measures"] for a in m["areas"]]),
    }


def _network_for_files(r: Index) -> nx.Graph:
    """The network with every attribute a string, as GraphML and GEXF readers expect."""
    measure_word = dict(r.settings.words_of("ja").labels)["measure"]
    g = nx.Graph()
    for node, attrs in r.network.nodes(data=True):
        kind, key = attrs["kind"], attrs["id"]
        name = (f"{measure_word} {key}" if kind == "measure"
                else display((r.organisations if kind == "organisation" else r.areas)[key].ja))
        g.add_node(node, label=name, kind=kind, key=key, pillar=attrs.get("pillar", ""),
                   section=attrs.get("section", ""), type=attrs.get("type", ""))
    for a, b, attrs in r.network.edges(data=True):
        g.add_edge(a, b, kind=attrs["kind"])
    return g


def network_files(r: Index, epoch: int) -> dict[str, bytes]:
    """GraphML and GEXF, cached (see cache.py): networkx takes ~0.1 s to write them, importing numpy first."""
    g = _network_for_files(r)
    day = time.strftime("%Y-%m-%d", time.gmtime(epoch))
    key = [list(g.nodes(data=True)), list(g.edges(data=True)), day, version("networkx"), source_of(__name__)]
    graphml = cached("graphml", key, lambda: "\n".join(nx.generate_graphml(g, encoding="utf-8", prettyprint=True)) + "\n")
    return {"network.graphml": graphml.encode("utf-8"), "network.gexf": cached("gexf", key, lambda: _gexf(g, day)).encode("utf-8")}


def _gexf(g: nx.Graph, day: str) -> str:
    gexf = "\n".join(nx.generate_gexf(g, encoding="utf-8", prettyprint=True)) + "\n"
    # networkx stamps GEXF with today's date: use the build's date, so that rebuilds are identical
    return re.sub(r'lastmodifieddate="[^"]*"', f'lastmodifieddate="{day}"', gexf)


def data_files(r: Index, epoch: int) -> dict[str, bytes]:
    """Every download: path under data/ → bytes."""
    data = plan_data(r)
    files = {"plan.json": (json.dumps({"$schema": "plan.schema.json", **data}, ensure_ascii=False, indent=1,
                                      sort_keys=False) + "\n").encode("utf-8"),
             "plan.schema.json": (json.dumps(schema(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")}
    return files | csv_tables(data) | network_files(r, epoch)
