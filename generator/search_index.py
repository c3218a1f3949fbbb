"""index → the site's search index for one edition: one entry per page, searched by substring in the
reader's browser.

Material's lunr search splits Japanese into words with TinySegmenter and misses parts of words,
mixed-script words and full-width letters. This index is searched by plain substring instead
(overrides/assets/javascripts/search.js): every page whose text contains what the reader typed is
found. Text is NFKC-normalised here and queries are NFKC-normalised there, so ＪＩＣＡ, JICA and
jica are the same. `keys` holds what a page is about but does not print in its text: the English
and Japanese names of the organisations and acronyms a measure mentions, a misprinted number, and in
the English edition the official Japanese text (so that a pasted Japanese term still finds its measure).
"""
from __future__ import annotations

import json
import unicodedata

from .edition import Edition
from .index import Index
from .text import display

INDEX_FILE = "assets/javascripts/search-index.js"


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _entry(directory: str, kind: str, title: str, body: str, keys=()) -> dict:
    return {"d": directory, "c": kind, "t": normal(title), "b": normal(body),
            "k": normal(" ".join(k for k in keys if k))}


def _texts(blocks) -> list[str]:
    out = []
    for b in blocks:
        out.extend(b.items if hasattr(b, "items") else (b.text,))
    return out


def _measure_entries(ix: Index, ed: Edition, labels: dict) -> list[dict]:
    out = []
    for m in ix.plan.measures:
        keys = [m.id, m.printed if m.misprinted else ""]
        for slug in ix.mentions.organisations[m.id]:
            o = ix.organisations[slug]
            keys += [o.ja, o.en, *o.aliases]
        for slug in ix.mentions.acronyms[m.id]:
            a = ix.acronyms[slug]
            keys += [a.acronym, a.ja or "", a.en or "", *a.forms]
        title = f"{labels['measure']} {m.id}"
        short = ed.title(m)
        if short:
            title += f" {short}" if ed.lang == "ja" else f": {short}"
        if ed.lang != "ja":
            keys += m.texts
        out.append(_entry(f"measures/{m.slug}", labels["measure"], title, display(" ".join(_texts(ed.blocks(m)))), keys))
    return out


def _catalogue_entries(ix: Index, ed: Edition, labels: dict) -> list[dict]:
    out = []
    ja = ed.lang == "ja"
    for o in ix.catalogue.organisations:
        out.append(_entry(f"organisations/{o.slug}", labels["organisations"], ed.name(o),
                          f"{o.en if ja else ''} {' '.join(display(a) for a in o.aliases)}", [] if ja else [o.ja]))
    for a in ix.catalogue.acronyms:
        out.append(_entry(f"acronyms/{a.slug}", labels["acronyms"], a.acronym,
                          f"{display(a.ja or '')} {a.en or ''}" if ja else a.en or "", a.forms if ja else [*a.forms, a.ja or ""]))
    for area in ix.catalogue.areas:
        out.append(_entry(f"aoip/{area.slug}", labels["aoip"], ed.name(area),
                          f"{area.en} {area.description} {area.description_en}" if ja else area.description_en,
                          [] if ja else [area.ja, area.description]))
    return out


def _structure_entries(ix: Index, ed: Edition, labels: dict) -> list[dict]:
    ja = ed.lang == "ja"
    out = []
    for p in ix.plan.pillars:
        intro = p.intro if ja else (ed.translations.get(f"pillar {p.number}").blocks
                                    if ed.translations.get(f"pillar {p.number}") else ())
        out.append(_entry(f"pillars/{p.number}", labels["pillar"], f"{p.number}. {ed.name(p)}",
                          display(" ".join(_texts(intro))), [] if ja else [p.title]))
    out += [_entry(f"sections/{s.slug}", labels["section"], f"{s.id} {ed.name(s)}", "", [] if ja else [s.title])
            for s in ix.plan.sections]
    out += [_entry("graph", labels["graphs"], labels["graph"], labels["graph_description"]),
            _entry("graph/organisations", labels["graphs"], labels["co_occurrence"],
                   labels["co_occurrence_description"])]
    return out


def search_index(ix: Index, ed: Edition, directory_urls: bool) -> str:
    """The index as a script (a script, not JSON: pages opened from file:// cannot fetch JSON)."""
    labels = dict(ed.words.labels)
    data = {"directory_urls": directory_urls,
            "docs": _measure_entries(ix, ed, labels) + _structure_entries(ix, ed, labels) + _catalogue_entries(ix, ed, labels)}
    return "window.AJP_SEARCH = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
