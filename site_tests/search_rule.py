"""The search's matching rule written a second time, in Python, from the model (not from the index file):
which measures a query must find in each edition. The browser's results are compared with it, so a
difference between the two is a failing test, whichever of them is wrong.

The rule (README, "Graphs and search"): every word of the query occurs in the measure's title, text or the
names it mentions (the English edition: also its official Japanese text); or the whole query names the
measure's section or AOIP area (its title, a part of it between ・ / brackets, or at least half of either).
Japanese matches anywhere; a word starting or ending with a Latin letter or digit only at a word boundary
there, and an English word also in its simple plural or singular.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from generator.text import display

from .test_crosslinks import CAT, MENTIONS, PLAN, SOURCES

LANGS = ("ja", "en")
ORGS = {o.slug: o for o in CAT.organisations}
ACRONYMS = {a.slug: a for a in CAT.acronyms}
WORDS = {lang: SOURCES.settings.words_of(lang).all() for lang in LANGS}


def normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").lower().split())


def singular(w: str) -> str:
    if len(w) <= 3:
        return w
    if re.search(r"[^aeiou]ies$", w):
        return w[:-3] + "y"
    if re.search(r"(ss|sh|ch|x|z)es$", w):
        return w[:-2]
    if w.endswith("s") and not re.search(r"(ss|us|is)$", w):
        return w[:-1]
    return w


def plural(w: str) -> str:
    if re.search(r"[^aeiou]y$", w):
        return w[:-1] + "ies"
    if re.search(r"(s|sh|ch|x|z)$", w):
        return w + "es"
    return w + "s"


@functools.cache
def pattern(term: str) -> re.Pattern:
    forms = [term]
    if re.fullmatch(r"[a-z][a-z-]*[a-z]", term):
        forms += [singular(term), plural(singular(term))]
    before = after = ""
    if re.match(r"[a-z0-9]", term):
        before = "(?<![a-z0-9])" + (r"(?<![0-9]\.)" if term[0].isdigit() else "")
    if re.search(r"[a-z0-9]$", term):
        after = "(?![a-z0-9])" + (r"(?!\.[0-9])" if term[-1].isdigit() else "")
    return re.compile(before + "(?:" + "|".join(map(re.escape, dict.fromkeys(forms))) + ")" + after)


def occurs(text: str, term: str) -> bool:
    return bool(pattern(term).search(text))


def key(text: str) -> str:
    return re.sub(r"[a-z]+", lambda m: singular(m.group()), text)


def names_it(query: str, names, parts=()) -> int:
    """2: the query is one of the names; 1: it makes up at least half of a name or part; 0: neither."""
    q = normal(query)
    if any(key(normal(n)) == key(q) for n in names):
        return 2
    return int(any(len(q) * 2 >= len(normal(n)) and occurs(normal(n), q) for n in (*names, *parts)))


def parts_of(names) -> list[str]:
    out = []
    for name in names:
        pieces = [p.strip() for p in re.split(r"[・、/(),]+", unicodedata.normalize("NFKC", name)) if p.strip()]
        out += pieces if len(pieces) > 1 else []
    return out


def _gloss(heading_id: str, title: str) -> str:
    gloss = SOURCES.english.get(heading_id)
    return gloss.en if gloss else display(title)


@functools.cache
def groups() -> dict[str, tuple[list[str], list[str]]]:
    """Section and area → (names, parts), in both languages."""
    out = {}
    for s in PLAN.sections:
        names = [display(s.title), s.title, _gloss(s.id, s.title)]
        out[f"s{s.id}"] = (names + [s.id] + [f"{s.id} {n}" for n in names], parts_of(names))
    for a in CAT.areas:
        names = [a.ja, a.en, display(a.ja)]
        out[f"a{a.slug}"] = (names, parts_of(names))
    return out


AREAS_OF = {x.measure: x.areas for x in CAT.assignments}


def groups_of(m) -> list[str]:
    return ([f"s{m.section}"] if m.section else []) + [f"a{a}" for a in AREAS_OF[m.id]]


def _text(blocks) -> str:
    out = []
    for b in blocks:
        out.extend(b.items if hasattr(b, "items") else (b.text,))
    return " ".join(out)


@functools.cache
def measure_fields(lang: str) -> dict[str, dict]:
    """Per measure: title, text, Japanese text (English edition), name forms, printed number, groups."""
    out = {}
    for m in PLAN.measures:
        title = SOURCES.titles.get(m.id)
        label = WORDS[lang]["measure"]
        if lang == "ja":
            head, text, other = f"{label} {m.id} {title.ja if title else ''}", display(" ".join(m.texts)), ""
        else:
            head = f"{label} {m.id}: {title.en if title else ''}"
            text, other = _text(SOURCES.translations["en"][m.id].blocks), display(" ".join(m.texts))
        names = [normal(n) for slug in MENTIONS.organisations[m.id]
                 for n in (ORGS[slug].ja, ORGS[slug].en, *ORGS[slug].aliases)]
        names += [normal(n) for slug in MENTIONS.acronyms[m.id]
                  for n in (ACRONYMS[slug].acronym, ACRONYMS[slug].ja, ACRONYMS[slug].en, *ACRONYMS[slug].forms) if n]
        out[m.id] = {"title": normal(head), "text": normal(text), "other": normal(other), "names": names,
                     "printed": m.printed if m.misprinted else "", "own": [m.id, m.printed], "groups": groups_of(m)}
    return out


def measures_found(lang: str, query: str) -> set[str]:
    """The measures the search must find for a query in an edition."""
    terms = list(dict.fromkeys(normal(query).split()))
    if not terms:
        return set()
    named = {g for g, (names, parts) in groups().items() if names_it(query, names, parts)}
    found = set()
    for mid, f in measure_fields(lang).items():
        if named & set(f["groups"]) or names_it(query, f["own"]):
            found.add(mid)
        elif all(any(occurs(t, term) for t in (f["title"], f["text"], f["other"], f["printed"], *f["names"]))
                 for term in terms):
            found.add(mid)
    return found


def why(lang: str, query: str, measure_id: str) -> set[str]:
    """How a measure matches: 'text' (its title or text), 'group:<id>', 'name' (only through a name)."""
    f, out = measure_fields(lang)[measure_id], set()
    terms = normal(query).split()
    for g in f["groups"]:
        if names_it(query, *groups()[g]):
            out.add(f"group:{g}")
    if all(any(occurs(t, term) for t in (f["title"], f["text"], f["other"])) for term in terms):
        out.add("text")
    elif all(any(occurs(t, term) for t in (f["title"], f["text"], f["other"], *f["names"])) for term in terms):
        out.add("name")
    return out
