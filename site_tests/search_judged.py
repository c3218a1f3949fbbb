"""The judged query set: queries a reader types, each with the page that must come first and pages it must
never return (chosen by reading the plan; the `never` lists of Latin queries are the wrong results the
substring search used to give). Used by site_tests/test_search_ranking.py (targets: MRR ≥ 0.95, no
forbidden result) and by `make bench` (site_tests/bench.py prints MRR and precision@5).

Pages are folders as in the site: "organisations/jica", "measures/2-8-8", "sections/2-7".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .search_rule import CAT, PLAN, WORDS, groups, measures_found, names_it, normal, occurs

MRR_TARGET = 0.95


@dataclass(frozen=True)
class Judged:
    lang: str
    query: str
    first: str
    never: tuple[str, ...] = ()
    kind: str = ""


def _set(lang, kind, rows):
    return [Judged(lang, q, first, tuple(never.split()) if never else (), kind) for q, first, never in rows]


# Acronyms that are also parts of English words (in the English names the Japanese edition shows too)
ACRONYMS = [
    ("ERIA", "organisations/eria", "acronyms/pmc-plus-1 acronyms/amms-plus-japan acronyms/ammdm-plus-japan "
     "acronyms/ammtc-plus-japan acronyms/ammtc-plus-3 measures/1-6 measures/2-7-1 measures/3-19 measures/3-20"),
    ("ACE", "organisations/ace", "acronyms/space organisations/asean-ipr organisations/pmda-atc organisations/aprsaf "
     "acronyms/api acronyms/wps acronyms/rpa-wps acronyms/yps measures/2-8-6 measures/2-10-1 measures/2-10-2 measures/3-7"),
    ("AI", "acronyms/ai", "acronyms/hiv-aids acronyms/aidhm acronyms/gpai acronyms/acai acronyms/aichr "
     "organisations/aidhm organisations/acai organisations/aichr acronyms/sdgs"),
    ("EPA", "acronyms/epa", "organisations/icd acronyms/icd acronyms/ppr"),
    ("EAS", "acronyms/eas", "organisations/eria organisations/eanet acronyms/eanet"),
    ("UN", "aoip/sdgs", "acronyms/unesco acronyms/unido acronyms/unclos acronyms/unafei organisations/japan-foundation"),
    ("ADB", "organisations/adb", ""),
    ("JICA", "organisations/jica", ""),
    ("ＪＩＣＡ", "organisations/jica", ""),
    ("jica", "organisations/jica", ""),
    ("SDGs", "acronyms/sdgs", ""),
    ("AOIP", "acronyms/aoip", ""),
    ("ICT", "acronyms/ict", ""),
    ("5G", "acronyms/5g", ""),
    ("ASEAN+3", "acronyms/asean-plus-3", ""),
    ("AHAセンター", "organisations/aha-centre", ""),
]
ACRONYMS_EN = [
    ("ERIA", "organisations/eria", "measures/1-6 measures/2-7-1 measures/3-19 measures/3-20 acronyms/pmc-plus-1"),
    ("ACE", "organisations/ace", "acronyms/space measures/2-10-1 measures/2-10-2 measures/3-7 acronyms/wps"),
    ("EAS", "acronyms/eas", "organisations/eria organisations/eanet"),
    ("AI", "acronyms/ai", "acronyms/hiv-aids acronyms/gpai organisations/aidhm measures/2-8-8"),
    ("EPAs", "acronyms/epa", "organisations/icd"),
    ("SPACE", "sections/2-10", ""),
]
ORGANISATIONS = [
    ("国際協力機構", "organisations/jica", ""),
    ("独立行政法人国際協力機構", "organisations/jica", ""),
    ("国際交流基金", "organisations/japan-foundation", ""),
    ("東アジア・アセアン経済研究センター", "organisations/eria", ""),
    ("アジア防災センター", "organisations/adrc", ""),
    ("ASEAN事務局", "organisations/asean-secretariat", ""),
    ("アジア開発銀行", "organisations/adb", ""),
    ("Japan International Cooperation Agency", "organisations/jica", ""),
    ("Asian Development Bank", "organisations/adb", ""),
]
ORGANISATIONS_EN = [
    ("Japan International Cooperation Agency", "organisations/jica", ""),
    ("Japan Foundation", "organisations/japan-foundation", ""),
    ("ASEAN Centre for Energy", "organisations/ace", ""),
    ("Economic Research Institute for ASEAN and East Asia", "organisations/eria", ""),
    ("国際協力機構", "organisations/jica", ""),
]
NUMBERS = [
    ("2.8.8", "measures/2-8-8", "measures/2-8-1"),
    ("2.7.8", "measures/2-8-8", "measures/2-7-1"),
    ("1.1", "measures/1-1", "measures/2-1-1 measures/1-14 measures/1-10 measures/1-11"),
    ("1.14", "measures/1-14", "measures/1-1"),
    ("2.1.1", "measures/2-1-1", "measures/2-1-10 measures/2-1-11"),
    ("2.12.10", "measures/2-12-10", "measures/2-12-1"),
    ("3.5", "measures/3-5", "measures/2-3-5"),
    ("4.2", "measures/4-2", ""),
    ("2.7", "sections/2-7", "measures/2-8-8 measures/2-1-7"),
]
NUMBERS_EN = [("2.8.8", "measures/2-8-8", ""), ("2.7.8", "measures/2-8-8", ""), ("1.1", "measures/1-1", "measures/2-1-1")]
TITLES = [
    ("防災", "sections/2-7", ""), ("保健", "sections/2-8", ""), ("金融", "sections/2-2", ""),
    ("連結性", "sections/2-3", ""), ("気候変動", "sections/2-4", ""), ("環境", "sections/2-6", ""),
    ("デジタル", "sections/2-9", ""), ("宇宙", "sections/2-10", ""), ("社会課題", "sections/2-12", ""),
    ("重要鉱物", "sections/2-5", ""), ("経済", "sections/2-1", ""), ("農業・食料システム", "sections/2-11", ""),
    ("海洋協力", "aoip/maritime", ""), ("分野横断", "aoip/cross-cutting", ""),
    ("国連持続可能な開発目標（ＳＤＧｓ）", "aoip/sdgs", ""), ("実施メカニズム", "pillars/4", ""),
]
TITLES_EN = [
    ("Health", "sections/2-8", ""), ("Disaster management", "sections/2-7", ""), ("Digital", "sections/2-9", ""),
    ("Climate change", "sections/2-4", ""), ("Finance", "sections/2-2", ""), ("Connectivity", "sections/2-3", ""),
    ("Maritime cooperation", "aoip/maritime", ""), ("Partners for Peace and Stability", "pillars/3", ""),
    ("防災", "sections/2-7", ""),
]
TOPICS = [
    ("観光", "measures/1-7", ""), ("スポーツ", "measures/1-6", ""), ("日本語教育", "measures/1-8", ""),
    ("海洋プラスチック", "measures/2-6-2", ""), ("食料安全保障", "measures/2-11-1", ""),
    ("偽情報", "measures/3-14", ""), ("地雷", "measures/3-18", ""), ("高齢者", "measures/2-12-2", ""),
    ("自動運転", "measures/2-9-13", ""), ("熊本水イニシアティブ", "measures/2-7-5", ""),
    ("ワンヘルス", "measures/2-8-11", ""), ("核軍縮", "measures/3-8", ""),
]
TOPICS_EN = [
    ("tourism", "measures/1-7", ""), ("disinformation", "measures/3-14", ""), ("cybersecurity", "measures/3-13", ""),
    ("landmine", "measures/3-18", ""), ("fishery", "measures/2-11-5", ""), ("autonomous vehicles", "measures/2-9-13", ""),
    ("Timor-Leste", "measures/1-20", ""), ("older persons", "measures/2-12-2", ""), ("terrorism", "measures/3-11", ""),
    ("Osaka", "measures/1-22", ""), ("One Health", "measures/2-8-11", ""), ("biodiversity", "measures/2-6-6", ""),
]

JUDGED = (_set("ja", "acronym", ACRONYMS) + _set("en", "acronym", ACRONYMS_EN)
          + _set("ja", "organisation", ORGANISATIONS) + _set("en", "organisation", ORGANISATIONS_EN)
          + _set("ja", "number", NUMBERS) + _set("en", "number", NUMBERS_EN)
          + _set("ja", "title", TITLES) + _set("en", "title", TITLES_EN)
          + _set("ja", "topic", TOPICS) + _set("en", "topic", TOPICS_EN))

MEASURE = re.compile(r"measures/(\d+(?:-\d+)+)$")
SECTION_PAGES = {f"sections/{s.slug}": s for s in PLAN.sections}
AREA_PAGES = {f"aoip/{a.slug}": a for a in CAT.areas}


def relevant(j: Judged, page: str) -> bool:
    """A result a reader would accept for the query: the expected page; a measure the rule finds; a section or
    area page the query names; an organisation or acronym page whose name contains the query as words."""
    if page == j.first:
        return True
    hit = MEASURE.search(page)
    if hit:
        return hit.group(1).replace("-", ".") in measures_found(j.lang, j.query)
    q = normal(j.query)
    if page in SECTION_PAGES:
        s = SECTION_PAGES[page]
        return bool(names_it(j.query, [s.id, s.title])) or occurs(normal(s.title), q)
    if page in AREA_PAGES:
        a = AREA_PAGES[page]
        text = normal(f"{a.ja} {a.en} {a.description} {a.description_en}")
        return bool(names_it(j.query, *groups()[f"a{a.slug}"])) or all(occurs(text, t) for t in q.split())
    kind, _, slug = page.partition("/")
    names = []
    if kind == "graph":
        words = WORDS[j.lang]
        names = [words["graph"], words["graph_description"], words["co_occurrence"], words["co_occurrence_description"]]
    if kind == "organisations":
        o = next(x for x in CAT.organisations if x.slug == slug)
        names = [o.ja, o.en, *o.aliases]
    elif kind == "acronyms":
        a = next(x for x in CAT.acronyms if x.slug == slug)
        names = [a.acronym, a.ja or "", a.en or "", *a.forms]
    return any(occurs(normal(n), t) for n in names for t in q.split())


def scores(results: dict[Judged, list[str]]) -> dict:
    """MRR of the expected first page; precision of the first five results (of all, when fewer); the
    queries whose first result is not the expected one; forbidden results returned."""
    ranks, precisions, misses, forbidden = [], [], [], []
    for j, pages in results.items():
        rank = pages.index(j.first) + 1 if j.first in pages else 0
        ranks.append(1 / rank if rank else 0.0)
        top = pages[:5]
        precisions.append(sum(relevant(j, p) for p in top) / len(top) if top else 0.0)
        if rank != 1:
            misses.append(f"{j.lang} {j.query!r}: expected {j.first} first, got {pages[:3]}")
        forbidden += [f"{j.lang} {j.query!r} returned {p}" for p in pages if p in j.never]
    n = len(results)
    return {"queries": n, "mrr": sum(ranks) / n, "p5": sum(precisions) / n, "misses": misses, "forbidden": forbidden}


def run_in_page(page, queries) -> dict[str, list[str]]:
    """Each query's result pages in order, asked of the page's search (window.ajpSearch, the same function
    the search box calls)."""
    page.evaluate("ajpSearch.load()")
    return page.evaluate("qs => Object.fromEntries(qs.map(q => [q, ajpSearch.results(q).map(r => r.page)]))",
                         list(queries))
