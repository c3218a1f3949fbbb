"""Kiosk mode for event screens (kiosk/): a full-screen guided tour through the four pillars and the
explorer graph, with large touch targets; overrides/assets/javascripts/kiosk.js runs it."""
from __future__ import annotations

from .render import Page, Renderer


def kiosk_pages(r: Renderer) -> list[Page]:
    steps = []
    for p in r.plan.pillars:
        sections = [r.sections[s] for s in p.section_ids]
        samples = [] if sections else [r.measures[i] for i in p.measure_ids[:3]]
        intro = next((b.text for b in p.intro if hasattr(b, "text")), "")
        steps.append({"pillar": p, "sections": sections, "samples": samples, "intro": intro,
                      "count": len(p.measure_ids)})
    graph = r.graph(r.network, "kiosk")
    return [r.page("kiosk", r.labels["kiosk"], r.labels["kiosk_description"], "kiosk.html.j2",
                   hide=("navigation", "toc", "footer"), steps=steps, graph=graph,
                   total=len(r.plan.measures), organisation_count=len(r.catalogue.organisations),
                   summaries={m.id: r.edition.summary(m, 60) for m in r.plan.measures})]
