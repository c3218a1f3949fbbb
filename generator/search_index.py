"""model → the site's search index: one entry per page, searched by substring in the reader's browser.

Material's lunr search splits Japanese into words with TinySegmenter and misses parts of words,
mixed-script words and full-width letters. This index is searched by plain substring instead
(overrides/assets/javascripts/search.js): every page whose text contains what the reader typed is
found. Text is NFKC-normalised here and queries are NFKC-normalised there, so ＪＩＣＡ, JICA and
jica are the same. `keys` holds what a page is about but does not print in its text: the English
and Japanese names of the organisations and acronyms a measure mentions, a misprinted number.
"""
from __future__ import annotations

import json
import unicodedata

from .render import Renderer
from .text import display

INDEX_FILE = "assets/javascripts/search-index.js"


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _entry(directory: str, kind: str, title: str, body: str, keys=()) -> dict:
    return {"d": directory, "c": kind, "t": normal(title), "b": normal(body),
            "k": normal(" ".join(k for k in keys if k))}


def _measure_entries(r: Renderer) -> list[dict]:
    out = []
    for m in r.plan.measures:
        keys = [m.id, m.printed if m.misprinted else ""]
        for slug in r.mentions.organisations[m.id]:
            o = r.organisations[slug]
            keys += [o.ja, o.en, *o.aliases]
        for slug in r.mentions.acronyms[m.id]:
            a = r.acronyms[slug]
            keys += [a.acronym, a.ja or "", a.en or "", *a.forms]
        out.append(_entry(f"measures/{m.slug}", r.labels["measure"], f"{r.labels['measure']} {m.id}",
                          display(" ".join(m.texts)), keys))
    return out


def _catalogue_entries(r: Renderer) -> list[dict]:
    out = []
    for o in r.catalogue.organisations:
        out.append(_entry(f"organisations/{o.slug}", r.labels["organisations"], display(o.ja),
                          f"{o.en} {' '.join(display(a) for a in o.aliases)}"))
    for a in r.catalogue.acronyms:
        out.append(_entry(f"acronyms/{a.slug}", r.labels["acronyms"], a.acronym,
                          f"{display(a.ja or '')} {a.en or ''}", a.forms))
    for area in r.catalogue.areas:
        out.append(_entry(f"aoip/{area.slug}", r.labels["aoip"], display(area.ja),
                          f"{area.en} {area.description} {area.description_en}"))
    return out


def _structure_entries(r: Renderer) -> list[dict]:
    out = [_entry(f"pillars/{p.number}", r.labels["pillar"], f"{p.number}. {display(p.title)}",
                  display(" ".join(b.text if hasattr(b, "text") else " ".join(b.items) for b in p.intro)))
           for p in r.plan.pillars]
    out += [_entry(f"sections/{s.slug}", r.labels["section"], f"{s.id} {display(s.title)}", "")
            for s in r.plan.sections]
    out += [_entry("graph", r.labels["graphs"], r.labels["graph"], r.labels["graph_description"]),
            _entry("graph/organisations", r.labels["graphs"], r.labels["co_occurrence"],
                   r.labels["co_occurrence_description"])]
    return out


def search_index(r: Renderer) -> str:
    """The index as a script (a script, not JSON: pages opened from file:// cannot fetch JSON)."""
    data = {"directory_urls": r.directory_urls,
            "docs": _measure_entries(r) + _structure_entries(r) + _catalogue_entries(r)}
    return "window.AJP_SEARCH = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
