"""Delegation briefs: one printable page per organisation and per AOIP area (briefs/<slug>/), and their index."""
from __future__ import annotations

from .network import area_node, area_subgraph, organisation_node, organisation_subgraph
from .render import Page, Renderer
from .render_graph import static_picture


def _brief(r: Renderer, slug: str, kind: str, sub, centre: str, measure_ids, live: str) -> Page:
    measures = [r.measures[i] for i in measure_ids]
    orgs = list(dict.fromkeys(o for m in measure_ids for o in r.mentions.organisations[m]))
    item = r.organisations[slug] if kind == "organisation" else r.areas[slug]
    name = r.edition.name(item)
    pillars = sorted({m.pillar for m in measures}, key=int)
    others = [o for o in orgs if o != slug]
    counts = {"count": len(measures), "pillars": ", ".join(pillars) or "—", "others": len(others)}
    summary = r.say(f"brief_summary_{kind}", name=name, **counts)
    summary_en = r.say(f"brief_summary_en_{kind}", name=item.en, **counts)
    picture = static_picture(sub, r.node_text, r.settings.graph, centre)
    return r.page(f"briefs/{slug}", f"{r.labels['briefs']}: {name}", summary, "brief.html.j2", hide=("navigation", "toc"),
                  slug=slug, name=name, en=item.en, kind_label=r.say(f"brief_kind_{kind}"),
                  summary=summary, summary_en=summary_en, picture=picture, measures=measures, live=live,
                  institutions=[r.organisations[o] for o in orgs], live_share=r.share(live))


def brief_pages(r: Renderer) -> list[Page]:
    pages = []
    counts = {}
    for o in r.catalogue.organisations:
        ids = r.mentions.measures_of_organisation(o.slug)
        counts[o.slug] = len(ids)
        pages.append(_brief(r, o.slug, "organisation", organisation_subgraph(r.network, o.slug),
                            organisation_node(o.slug), ids, f"organisations/{o.slug}"))
    area_rows = []
    for a in r.catalogue.areas:
        ids = [x.measure for x in r.catalogue.assignments if a.slug in x.areas]
        area_rows.append((a, len(ids)))
        pages.append(_brief(r, a.slug, "area", area_subgraph(r.network, a.slug), area_node(a.slug), ids, f"aoip/{a.slug}"))
    groups = [(t, sorted(((o, counts[o.slug]) for o in r.catalogue.organisations if o.type == t.slug),
                         key=lambda item: (-item[1], item[0].slug))) for t in r.catalogue.org_types]
    index = r.page("briefs", r.labels["briefs"], r.labels["briefs_description"], "briefs_index.html.j2",
                   area_rows=area_rows, org_groups=[g for g in groups if g[1]])
    return [index] + pages
