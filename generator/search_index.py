"""index → the site's search index for one edition: one entry per page, searched and ranked in the
reader's browser by overrides/assets/javascripts/search.js (the ranking rule is in the README).

Material's lunr search splits Japanese into words with TinySegmenter and misses parts of words,
mixed-script words and full-width letters. This index is searched by substring instead: Japanese
anywhere, Latin letters and digits at word boundaries (search.js). Text is NFKC-normalised here and
queries there, so ＪＩＣＡ, JICA and jica are the same. What an entry holds (short keys keep the file small):

  d  the page's folder                    c  kind: m measure, s section, a AOIP area, o organisation,
  l  the kind as the edition names it        r acronym, p pillar, g graph page
  t  title                                b  text in the edition's language
  x  the page's own names in both languages (a measure's number, an organisation's names and acronym,
     a title): a query equal to one, or making up at least half of one, puts the page first
  h  parts of a title cut at ・, 、, / and brackets (エネルギー・重要鉱物 → エネルギー, 重要鉱物), for the same rule
  n  a measure's organisations and acronyms: places in `names`, whose rows are [name shown, forms
     matched…], so that a result found through a name its text does not print says "mentions 国際協力機構
     (JICA)"
  g  the groups a measure belongs to (its section, its AOIP areas): keys of `groups`
  j  English edition only: the Japanese (a measure's official text, a name's Japanese forms), shown with
     lang="ja", so that a pasted Japanese term still finds its page
  i  a measure's number;  p  its printed number, when misprinted (2.7.8)

`groups` maps each section ("s2.7") and AOIP area ("amaritime") to the name a result shows ("in section
2.7 防災") and the names (x) and parts (h) a query is compared with. The sentences around the names come
from the search box's data attributes (partials/ajp-search.html), so every word stays in site.yaml.
"""
from __future__ import annotations

import json
import re
import unicodedata

from .edition import Edition
from .index import Index
from .text import display

INDEX_FILE = "assets/javascripts/search-index.js"
_PARTS = re.compile(r"[・、/(),]+")


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _names(*names) -> list[str]:
    return list(dict.fromkeys(n for n in (normal(x or "") for x in names) if n))


def _parts(names: list[str]) -> list[str]:
    """The pieces of each title between separators, when it has several (エネルギー・重要鉱物 → エネルギー, 重要鉱物)."""
    out = []
    for name in names:
        pieces = [p.strip() for p in _PARTS.split(name) if p.strip()]
        out += pieces if len(pieces) > 1 else []
    return [p for p in dict.fromkeys(out) if p not in names]


def _texts(blocks) -> list[str]:
    out = []
    for b in blocks:
        out.extend(b.items if hasattr(b, "items") else (b.text,))
    return out


def _entry(directory: str, kind: str, label: str, title: str, body: str, names=(), parts=(), **more) -> dict:
    entry = {"d": directory, "c": kind, "l": label, "t": normal(title), "b": normal(body), "x": list(names)}
    if parts:
        entry["h"] = list(parts)
    return entry | {k: v for k, v in more.items() if v}


def _with_acronym(ix: Index, ed: Edition, name: str, org_slug: str) -> str:
    """'国際協力機構（JICA）': an organisation's name with its acronym, when the plan has one."""
    acronym = next((a.acronym for a in ix.catalogue.acronyms if a.organisation == org_slug), None)
    if not acronym or acronym.lower() in name.lower():
        return name
    words = ed.words.all()
    return f"{name}{words['paren_open']}{acronym}{words['paren_close']}"


def _name_table(ix: Index, ed: Edition) -> tuple[list[list[str]], dict[str, int]]:
    """Every organisation and acronym once: [name shown, forms matched…], and where each stands."""
    words = ed.words.all()
    table, where = [], {}
    for o in ix.catalogue.organisations:
        where[f"o{o.slug}"] = len(table)
        table.append([_with_acronym(ix, ed, ed.name(o), o.slug), *_names(o.ja, o.en, *o.aliases)])
    for a in ix.catalogue.acronyms:
        expansion = display(a.ja or "") if ed.lang == "ja" else a.en or ""
        where[f"r{a.slug}"] = len(table)
        table.append([f"{a.acronym}{words['paren_open']}{expansion}{words['paren_close']}" if expansion else a.acronym,
                      *_names(a.acronym, a.ja, a.en, *a.forms)])
    return table, where


def _measure_entries(ix: Index, ed: Edition, label: str, names: dict[str, int]) -> list[dict]:
    out = []
    for m in ix.plan.measures:
        title = f"{label} {m.id}"
        short = ed.title(m)
        if short:
            title += f" {short}" if ed.lang == "ja" else f": {short}"
        groups = ([f"s{m.section}"] if m.section else []) + [f"a{a}" for a in ix.assignments[m.id].areas]
        mentioned = ([names[f"o{s}"] for s in ix.mentions.organisations[m.id]]
                     + [names[f"r{s}"] for s in ix.mentions.acronyms[m.id]])
        out.append(_entry(f"measures/{m.slug}", "m", label, title, display(" ".join(_texts(ed.blocks(m)))),
                          _names(m.id, m.printed), n=mentioned, g=groups, i=m.id, p=m.printed if m.misprinted else "",
                          j=normal(display(" ".join(m.texts))) if ed.lang != "ja" else ""))
    return out


def _groups(ix: Index, ed: Edition) -> dict:
    """Sections and AOIP areas: the name a result found through one shows, and the names a query may give."""
    out = {}
    for s in ix.plan.sections:
        names = _names(ed.name(s, "ja"), ed.name(s, "en"), s.title)
        out[f"s{s.id}"] = {"name": f"{s.id} {ed.name(s)}", "x": _names(s.id, *names, *(f"{s.id} {n}" for n in names)),
                           "h": _parts(names)}
    for a in ix.catalogue.areas:
        names = _names(a.ja, a.en, display(a.ja))
        out[f"a{a.slug}"] = {"name": ed.name(a), "x": names, "h": _parts(names)}
    return out


def _catalogue_entries(ix: Index, ed: Edition, labels: dict, groups: dict) -> list[dict]:
    out = []
    ja = ed.lang == "ja"
    for o in ix.catalogue.organisations:
        aliases = " ".join(display(a) for a in o.aliases)
        out.append(_entry(f"organisations/{o.slug}", "o", labels["organisations"], ed.name(o),
                          f"{o.en} {aliases}" if ja else o.en, _names(o.ja, display(o.ja), o.en, *o.aliases),
                          j="" if ja else " ".join(_names(display(o.ja), *map(display, o.aliases)))))
    for a in ix.catalogue.acronyms:
        out.append(_entry(f"acronyms/{a.slug}", "r", labels["acronyms"], a.acronym,
                          f"{display(a.ja or '')} {a.en or ''}" if ja else a.en or "",
                          _names(a.acronym, *a.forms, a.ja, a.en), j="" if ja else normal(display(a.ja or ""))))
    for area in ix.catalogue.areas:
        group = groups[f"a{area.slug}"]
        body = f"{area.en} {area.description} {area.description_en}" if ja else area.description_en
        out.append(_entry(f"aoip/{area.slug}", "a", labels["aoip"], ed.name(area), body, group["x"], group["h"],
                          j="" if ja else normal(f"{display(area.ja)} {area.description}")))
    return out


def _structure_entries(ix: Index, ed: Edition, labels: dict, groups: dict) -> list[dict]:
    ja = ed.lang == "ja"
    out = []
    for p in ix.plan.pillars:
        t = ed.translations.get(f"pillar {p.number}")
        intro = p.intro if ja or not t else t.blocks
        names = _names(ed.name(p, "ja"), ed.name(p, "en"), p.title)
        out.append(_entry(f"pillars/{p.number}", "p", labels["pillar"], f"{p.number}. {ed.name(p)}",
                          display(" ".join(_texts(intro))), _names(p.number, *names), _parts(names),
                          j="" if ja else normal(ed.name(p, "ja"))))
    for s in ix.plan.sections:
        group = groups[f"s{s.id}"]
        out.append(_entry(f"sections/{s.slug}", "s", labels["section"], f"{s.id} {ed.name(s)}",
                          ed.name(s, "en") if ja else "", group["x"], group["h"], j="" if ja else normal(ed.name(s, "ja"))))
    out += [_entry("graph", "g", labels["graphs"], labels["graph"], labels["graph_description"]),
            _entry("graph/organisations", "g", labels["graphs"], labels["co_occurrence"],
                   labels["co_occurrence_description"])]
    return out


def search_index(ix: Index, ed: Edition, directory_urls: bool) -> str:
    """The index as a script (a script, not JSON: pages opened from file:// cannot fetch JSON)."""
    labels = dict(ed.words.labels)
    groups = _groups(ix, ed)
    table, where = _name_table(ix, ed)
    data = {"directory_urls": directory_urls, "lang": ed.lang, "groups": groups, "names": table,
            "docs": (_measure_entries(ix, ed, labels["measure"], where) + _structure_entries(ix, ed, labels, groups)
                     + _catalogue_entries(ix, ed, labels, groups))}
    return "window.AJP_SEARCH = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
