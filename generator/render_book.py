"""The briefing book: the whole plan as one A4 PDF per edition, for delegations to print, file and attach.

Rendered from the same index and templates as the site (the measure text goes through the same rich-text
macros), as one HTML document (book.html.j2) laid out by WeasyPrint with its own print stylesheet
(templates/book.css): cover, contents with page numbers, preamble, every pillar, section and measure,
index of organisations, acronym glossary and AOIP table. Every place that is a page on the site is an
anchor in the book ('organisations/jica' → #organisations-jica), so the site's links become internal links.
The PDF is tagged, has an outline (bookmarks) and fixed metadata dates (the build date), and is cached on
the content of everything it is made from, like the charts (cache.py): a rebuild gives the same bytes.
"""
from __future__ import annotations

import functools
import os
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from itertools import groupby
from pathlib import Path

from markupsafe import Markup

from .cache import cached, source_of
from .edition import LANGS
from .model import Measure
from .paths import Links
from .render import Renderer
from .text import display

BOOK_DIR = "data"                      # where the books lie in the site (at its root, for both editions)
STYLESHEET = Path(__file__).resolve().parent / "templates" / "book.css"
FONT = "Noto Sans CJK JP"              # embedded (subset) in the PDF; `make site` installs fonts-noto-cjk


def book_file(lang: str) -> str:
    return f"asean-japan-plan-{lang}.pdf"


class Anchors:
    """The book's url(): a page of the site is a place in the one document."""

    def __call__(self, target: str, anchor: str = "") -> str:
        return "#" + (anchor or target.replace("/", "-").replace(".", "-") or "cover")


def _entry(r: Renderer, m: Measure) -> dict:
    """A measure as the book prints it: its text in the edition's language (linked to the indexes), and in
    the English book the official Japanese beneath it; its organisations, acronyms and AOIP areas."""
    assignment = r.assignments[m.id]
    section = r.sections.get(m.section) if m.section else None
    siblings = section.measure_ids if section else r.pillars[m.pillar].measure_ids
    return {"m": m, "blocks": r.rich_blocks(m), "translation": r.edition.translations.get(m.id),
            "blocks_ja": r.rich_blocks(m, r.rich_ja, m.blocks) if r.lang != "ja" else None,
            "areas": [r.areas[a] for a in assignment.areas],
            "rationale": assignment.rationale if r.lang == "ja" else assignment.rationale_en,
            "orgs": r.orgs_of(m.id), "acronyms": [r.acronyms[a] for a in r.mentions.acronyms[m.id]],
            "where": section.id if section else m.pillar, "position": siblings.index(m.id) + 1}


def _organisation_index(r: Renderer) -> list:
    """(type, [(organisation, measures)]) for every type with a named organisation: the English book
    alphabetically within a type, the Japanese book as the site lists them (most measures first)."""
    groups = []
    for t in r.catalogue.org_types:
        rows = [(o, [r.measures[i] for i in r.mentions.measures_of_organisation(o.slug)])
                for o in r.catalogue.organisations if o.type == t.slug]
        rows = [row for row in rows if row[1]]
        key = (lambda row: row[0].en.casefold()) if r.lang != "ja" else (lambda row: (-len(row[1]), row[0].slug))
        if rows:
            groups.append((t, sorted(rows, key=key)))
    return groups


def _glossary(r: Renderer) -> list:
    """(letter, [(acronym, measures)]) A–Z, digits first, as on the site's acronym page."""
    def letter(a):
        return a.acronym[0].upper() if a.acronym[0].isalpha() else "0–9"
    ordered = sorted(r.catalogue.acronyms, key=lambda a: (letter(a) != "0–9", a.acronym.upper()))
    return [(k, [(a, [r.measures[i] for i in r.mentions.measures_of_acronym(a.slug)]) for a in items])
            for k, items in groupby(ordered, letter)]


def book_html(r: Renderer, info: dict[str, str], epoch: int) -> str:
    """The whole book of one edition as one HTML document; epoch: the build date (its metadata dates)."""
    plan = r.plan
    entries = {m.id: _entry(r, m) for m in plan.measures}
    pillars = [(p, [(r.sections[s], [entries[i] for i in r.sections[s].measure_ids]) for s in p.section_ids]
                or [(None, [entries[i] for i in p.measure_ids])]) for p in plan.pillars]
    title = r.edition.translations.get("title")
    if r.lang == "ja":
        lines = [display(line) for line in plan.title]
    elif title:
        lines = [b.text for b in title.blocks]
    else:
        lines = [r.words[k] for k in ("plan_title_en", "plan_subtitle_en", "plan_document_en")]
    created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
    live = r.share("")
    return r.fragment(
        "book.html.j2", "", link=Anchors(), pillars=pillars, title_lines=lines, info=info, created=created,
        live=live, org_index=_organisation_index(r), glossary=_glossary(r), area_list=list(r.catalogue.areas),
        area_rows=[(m, set(r.assignments[m.id].areas)) for m in plan.measures],
        area_counts={a.slug: sum(1 for x in r.catalogue.assignments if a.slug in x.areas) for a in r.catalogue.areas},
        counts={"pillars": len(plan.pillars), "sections": len(plan.sections), "measures": len(plan.measures),
                "total": len(r.catalogue.acronyms)})


@functools.cache
def _font_files() -> tuple:
    """The font files fontconfig gives for the book's font (regular and bold), with their sizes: a new
    font makes a new book."""
    found = []
    for style in ("", ":bold"):
        try:
            path = subprocess.run(["fc-match", "-f", "%{file}", FONT + style], capture_output=True, text=True).stdout
        except OSError:
            path = ""
        found.append((path, Path(path).stat().st_size if path and Path(path).is_file() else 0))
    return tuple(found)


def _refuse(url: str):
    """Nothing is fetched while laying out the book: no network, no file outside the document."""
    raise ValueError(f"the briefing book loads nothing ({url})")


def _layout(html: str) -> bytes:
    import weasyprint
    document = weasyprint.HTML(string=html, url_fetcher=_refuse)
    return document.write_pdf(stylesheets=[weasyprint.CSS(string=STYLESHEET.read_text(encoding="utf-8"))],
                              pdf_tags=True)


class _NotCached(Exception):
    pass


def _not_cached(html: str) -> bytes:
    raise _NotCached


def book_pdf(html: str, layout=_layout) -> bytes:
    """The PDF of a book's HTML, from the cache when the HTML, stylesheet, fonts, WeasyPrint and this module
    are the same as before (laying out a book takes ~10 s; a cache hit takes milliseconds)."""
    key = [html, STYLESHEET.read_text(encoding="utf-8"), _font_files(), version("weasyprint"), source_of(__name__)]
    return cached("book", key, lambda: layout(html), binary=True)


def _cached_pdf(html: str) -> bytes | None:
    try:
        return book_pdf(html, _not_cached)
    except _NotCached:
        return None


def books(renderers: list[Renderer], info: dict[str, str], epoch: int) -> list[bytes]:
    """The book of each renderer's edition. A book missing from the cache takes ~10 s to lay out: they are
    laid out side by side, one process each, when the machine has the cores."""
    pages = [book_html(r, info, epoch) for r in renderers]
    pdfs = [_cached_pdf(html) for html in pages]
    missing = [i for i, pdf in enumerate(pdfs) if pdf is None]
    workers = min(len(missing), os.cpu_count() or 1)
    if workers < 2:
        made = [book_pdf(pages[i]) for i in missing]
    else:
        with ProcessPoolExecutor(workers) as pool:
            made = list(pool.map(book_pdf, [pages[i] for i in missing]))
    for i, pdf in zip(missing, made):
        pdfs[i] = pdf
    return pdfs


def book_links(r: Renderer, here: str) -> Markup:
    """The links to both books, for the page at directory `here` (data page, home page)."""
    up = "../" * r.edition.prefix.count("/")        # the books lie at the site's root, beside the Japanese edition
    links = Links(here, r.directory_urls)
    items = [{"lang": lang, "href": links.asset(f"{up}{BOOK_DIR}/{book_file(lang)}"), "label": r.words[f"book_pdf_{lang}"]}
             for lang in LANGS]
    return Markup(r.fragment("book_links.html.j2", here, books=items))
