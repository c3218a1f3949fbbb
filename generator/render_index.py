"""Index pages of the catalogue: acronyms (A–Z and one page each), organisations, AOIP areas."""
from __future__ import annotations

from itertools import groupby

from .linker import co_organisations
from .network import area_node, area_subgraph, organisation_node, organisation_subgraph
from .render import Page, Renderer
from .text import display


def _letter(acronym: str) -> str:
    first = acronym[0].upper()
    return first if first.isalpha() else "0–9"


def acronym_pages(r: Renderer) -> list[Page]:
    counts = {a.slug: len(r.mentions.measures_of_acronym(a.slug)) for a in r.catalogue.acronyms}
    ordered = sorted(r.catalogue.acronyms, key=lambda a: (_letter(a.acronym) != "0–9", a.acronym.upper()))
    groups = [(letter, [(a, counts[a.slug]) for a in items]) for letter, items in groupby(ordered, lambda a: _letter(a.acronym))]
    pages = [r.page("acronyms", r.labels["acronyms"], r.say("acronyms_description"), "acronyms_index.html.j2",
                    groups=groups, total=len(ordered))]
    for a in r.catalogue.acronyms:
        uses = [(r.measures[m], r.mentions.sentences[(m, a.slug)]) for m in r.mentions.measures_of_acronym(a.slug)]
        parts = (display(a.ja or ''), a.en or '') if r.lang == "ja" else (a.en or '',)
        description = f"{a.acronym}: {' '.join(parts)}".strip()
        pages.append(r.page(f"acronyms/{a.slug}", a.acronym, description, "acronym.html.j2", a=a, uses=uses,
                            org=r.organisations.get(a.organisation) if a.organisation else None))
    return pages


def organisation_pages(r: Renderer) -> list[Page]:
    types = {t.slug: t for t in r.catalogue.org_types}
    counts = {o.slug: len(r.mentions.measures_of_organisation(o.slug)) for o in r.catalogue.organisations}
    groups = [(t, sorted(((o, counts[o.slug]) for o in r.catalogue.organisations if o.type == t.slug),
                         key=lambda item: (-item[1], item[0].slug)))
              for t in r.catalogue.org_types]
    pages = [r.page("organisations", r.labels["organisations"], r.say("organisations_description"), "organisations_index.html.j2",
                    groups=[g for g in groups if g[1]], total=len(r.catalogue.organisations))]
    for o in r.catalogue.organisations:
        ids = r.mentions.measures_of_organisation(o.slug)
        by_pillar = [(p, [r.measures[i] for i in ids if i in p.measure_ids]) for p in r.plan.pillars]
        partners = [(r.organisations[s], n) for s, n in co_organisations(o.slug, r.mentions)[:10]]
        here = f"organisations/{o.slug}"
        graph = r.graph(organisation_subgraph(r.network, o.slug), here, organisation_node(o.slug))
        rows = [(r.measures[i], r.orgs_of(i, o.slug)) for i in ids]
        pages.append(r.page(
            here, r.edition.name(o), r.say("organisation_description", name=r.edition.name(o), en=o.en, count=len(ids)),
            "organisation.html.j2", org=o, type=types[o.type], count=len(ids),
            by_pillar=[(p, ms) for p, ms in by_pillar if ms], partners=partners,
            org_acronyms=[a for a in r.catalogue.acronyms if a.organisation == o.slug],
            graph=graph, rows=rows, stats=r.institutions[o.slug], institutions=len(r.institutions),
            share=r.share(here)))
    return pages


def area_pages(r: Renderer) -> list[Page]:
    members = {a.slug: [x for x in r.catalogue.assignments if a.slug in x.areas] for a in r.catalogue.areas}
    rows = [(a, len(members[a.slug])) for a in r.catalogue.areas]
    pages = [r.page("aoip", r.labels["aoip"], r.say("aoip_description"), "aoip_index.html.j2",
                    rows=rows, total=len(r.plan.measures), classified=len(r.catalogue.assignments))]
    for area in r.catalogue.areas:
        chosen = {x.measure: x.rationale if r.lang == "ja" else x.rationale_en for x in members[area.slug]}
        tree = []
        for pillar in r.plan.pillars:
            groups = []
            parts = [(r.sections[s], r.sections[s].measure_ids) for s in pillar.section_ids] or [(None, pillar.measure_ids)]
            for section, ids in parts:
                ms = [(r.measures[i], chosen[i]) for i in ids if i in chosen]
                if ms:
                    groups.append({"section": section, "measures": ms, "count": len(ms)})
            if groups:
                tree.append((pillar, groups))
        here = f"aoip/{area.slug}"
        graph = r.graph(area_subgraph(r.network, area.slug), here, area_node(area.slug))
        rows = [(r.measures[i], r.orgs_of(i)) for i in chosen]
        pages.append(r.page(here, r.edition.name(area), r.say("area_description", name=r.edition.name(area), en=area.en, count=len(chosen)),
                            "area.html.j2", area=area, tree=tree, count=len(chosen),
                            graph=graph, rows=rows, share=r.share(here)))
    return pages


def index_pages(r: Renderer) -> list[Page]:
    return acronym_pages(r) + organisation_pages(r) + area_pages(r)
