"""The derived, read-only index of the plan: everything computed once from the model and shared by
every edition (Japanese, English), every URL style (web, offline) and every output (pages, exports,
search index). It is passed as a plain argument; nothing in it changes after it is built.
"""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

import networkx as nx

from .linker import Matcher, Mentions, find_mentions
from .model import Acronym, Area, AreaAssignment, Catalogue, Measure, Organisation, Pillar, Plan, Section, Settings, Title, Translation
from .network import InstitutionStats, build_network, institution_stats, layout, node_order


@dataclass(frozen=True, slots=True)
class Index:
    plan: Plan
    catalogue: Catalogue
    settings: Settings
    progress: tuple
    glosses: Mapping                             # heading id → Gloss (English pillar and section titles)
    translations: Mapping[str, Mapping[str, Translation]]   # lang → key → translation
    titles: Mapping[str, Title]
    matcher: Matcher
    mentions: Mentions
    network: nx.Graph                            # read-only view (networkx.freeze)
    order: Mapping[str, int]                     # node → place in the network
    institutions: Mapping[str, InstitutionStats]
    measures: Mapping[str, Measure]
    sections: Mapping[str, Section]
    pillars: Mapping[str, Pillar]
    acronyms: Mapping[str, Acronym]
    organisations: Mapping[str, Organisation]
    areas: Mapping[str, Area]
    assignments: Mapping[str, AreaAssignment]

    def whole_layout(self) -> dict:
        """Positions of the whole network (cached on disk by content, so computing it again is cheap)."""
        return layout(self.network, self.settings.graph.seed)


def _frozen(mapping: dict) -> Mapping:
    return MappingProxyType(mapping)


def build_index(plan: Plan, catalogue: Catalogue, settings: Settings, progress=(), glosses=None,
                translations=None, titles=None) -> Index:
    matcher = Matcher(catalogue)
    mentions = find_mentions(plan, matcher)
    network = nx.freeze(build_network(plan, catalogue, mentions))
    return Index(
        plan, catalogue, settings, tuple(progress), _frozen(dict(glosses or {})),
        _frozen({lang: _frozen(dict(t)) for lang, t in (translations or {}).items()}), _frozen(dict(titles or {})),
        matcher, mentions, network, _frozen(node_order(network)), _frozen(institution_stats(network)),
        _frozen({m.id: m for m in plan.measures}), _frozen({s.id: s for s in plan.sections}),
        _frozen({p.number: p for p in plan.pillars}), _frozen({a.slug: a for a in catalogue.acronyms}),
        _frozen({o.slug: o for o in catalogue.organisations}), _frozen({a.slug: a for a in catalogue.areas}),
        _frozen({a.measure: a for a in catalogue.assignments}))
