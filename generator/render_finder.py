"""The measure finder (finder/): every measure with the values a reader filters on, and the rows of
data/measures.csv the page saves for the measures it shows (overrides/assets/javascripts/finder.js).

Each measure is an element `data-measure="<id>"` with one attribute per filter (space-separated values):
pillar, section, area, type (of organisation), org, acronym, status. The URL query uses the same keys,
and q for words (README, "Graphs and search").
"""
from __future__ import annotations

import csv
import io
import json

from .export import DATA_DIR
from .render import Page, Renderer

FINDER_DIR = "finder"
CSV_SCRIPT = f"{FINDER_DIR}/measures-csv.js"      # the rows of data/measures.csv, for the page's download
KEYS = ("pillar", "section", "area", "type", "org", "acronym", "status")


def _status(r: Renderer, measure_id: str) -> str:
    """The most recent status reported for a measure ('' when none)."""
    reported = [entry for _, entry in r.progress_of(measure_id) if entry]
    return reported[-1].status if reported else ""


def _values(r: Renderer, m) -> dict[str, list[str]]:
    orgs = r.mentions.organisations[m.id]
    return {"pillar": [m.pillar], "section": [m.section] if m.section else [],
            "area": list(r.assignments[m.id].areas),
            "type": list(dict.fromkeys(r.organisations[o].type for o in orgs)), "org": list(orgs),
            "acronym": list(r.mentions.acronyms[m.id]), "status": [s for s in (_status(r, m.id),) if s]}


def _options(r: Renderer, values: dict[str, dict[str, list[str]]]) -> dict[str, list[tuple[str, str, int]]]:
    """Every value of every filter: (value, label, measures with it), in the order the site lists them."""
    count = lambda key, value: sum(1 for v in values.values() if value in v[key])       # noqa: E731
    name = r.edition.name
    acronyms = sorted(r.catalogue.acronyms, key=lambda a: a.acronym.upper())
    organisations = sorted(r.catalogue.organisations, key=lambda o: (-count("org", o.slug), o.slug))
    listed = {
        "pillar": [(p.number, f"{p.number}. {name(p)}") for p in r.plan.pillars],
        "section": [(s.id, f"{s.id} {name(s)}") for s in r.plan.sections],
        "area": [(a.slug, name(a)) for a in r.catalogue.areas],
        "type": [(t.slug, name(t)) for t in r.catalogue.org_types],
        "org": [(o.slug, name(o)) for o in organisations],
        "acronym": [(a.slug, a.acronym) for a in acronyms],
        "status": list(r.statuses.items()),
    }
    return {key: [(v, label, count(key, v)) for v, label in items] for key, items in listed.items()}


def csv_rows(measures_csv: bytes) -> tuple[str, dict[str, str]]:
    """data/measures.csv as its header line and one line per measure, each exactly as in the file."""
    text = measures_csv.decode("utf-8").removeprefix("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text, newline="")))
    def line(row):
        out = io.StringIO()
        csv.writer(out, lineterminator="\r\n").writerow(row)
        return out.getvalue()
    lines = {row[0]: line(row) for row in rows}
    if line(header) + "".join(lines.values()) != text:
        raise ValueError("data/measures.csv could not be split into its lines")
    return line(header), lines


def finder_page(r: Renderer, files: dict[str, bytes]) -> tuple[Page, str]:
    """The page, and the script (CSV_SCRIPT) holding the CSV rows it saves. files: export.data_files."""
    values = {m.id: _values(r, m) for m in r.plan.measures}
    rows = [(m, values[m.id], r.sections.get(m.section) if m.section else None,
             [r.areas[a] for a in values[m.id]["area"]], r.orgs_of(m.id)) for m in r.plan.measures]
    header, lines = csv_rows(files["measures.csv"])
    script = "window.AJP_MEASURES_CSV = " + json.dumps({"header": header, "rows": lines}, ensure_ascii=False) + ";\n"
    total = len(r.plan.measures)
    page = r.page(FINDER_DIR, r.words["finder"], r.say("finder_description", count=total), "finder.html.j2",
                  hide=("navigation", "toc"), rows=rows, options=_options(r, values), keys=KEYS, total=total,
                  csv_script=CSV_SCRIPT, data_csv=f"{DATA_DIR}/measures.csv", reported=bool(r.progress))
    return page, script
