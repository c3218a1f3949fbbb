"""Cross-links on the built site: every mention linked, every index page with complete backlinks."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import urldefrag

from bs4 import BeautifulSoup

from generator import pipeline
from generator.linker import Matcher, find_mentions

from .conftest import ROOT

SOURCES = pipeline.load(ROOT / "source")
PLAN, CAT = SOURCES.plan, SOURCES.catalogue
MATCHER = Matcher(CAT)
MENTIONS = find_mentions(PLAN, MATCHER)


def test_every_mention_in_every_measure_is_marked_up_and_linked(html):
    for m in PLAN.measures:
        page = html(f"measures/{m.slug}/index.html").select_one(".ajp-text")
        acronyms = sum(len(MATCHER.acronym_spans(t)) for t in m.texts)
        orgs = sum(1 for t in m.texts for s in MATCHER.spans(t) if s.term.organisation)
        assert len(page.select("abbr[title]")) == acronyms, m.id
        assert len(page.select("a.ajp-org")) == orgs, m.id
        first_uses = {s.term.acronym for t in m.texts for s in MATCHER.acronym_spans(t)}
        linked = {a["data-acronym"] for a in page.select("a.ajp-acr")} | {
            s.term.acronym for t in m.texts for s in MATCHER.spans(t) if s.term.organisation and s.term.acronym}
        nested = {i.term.acronym for t in m.texts for s in MATCHER.spans(t) for i in s.inner}
        assert first_uses - nested <= linked, m.id
        assert not page.select("a a"), f"nested links in {m.id}"


def numbers(html, path: str, selector: str = ".ajp-measure-list .ajp-num") -> list[str]:
    """The measure numbers a page lists, in order."""
    return [x.get_text() for x in html(path).select(selector)]


def test_acronym_pages_have_complete_backlinks(html):
    for a in CAT.acronyms:
        listed = numbers(html, f"acronyms/{a.slug}/index.html", ".ajp-uses .ajp-num")
        assert listed == list(MENTIONS.measures_of_acronym(a.slug)), a.slug
    glossary = html("acronyms/index.html")
    assert len(glossary.select("table.ajp-table tbody tr")) == len(CAT.acronyms)


def test_organisation_pages_have_complete_backlinks(html):
    for o in CAT.organisations:
        listed = numbers(html, f"organisations/{o.slug}/index.html")
        assert listed == list(MENTIONS.measures_of_organisation(o.slug)), o.slug
    index = html("organisations/index.html")
    assert len(index.select(".ajp-org-list li")) == len(CAT.organisations)


def test_area_pages_list_exactly_their_measures(html):
    for area in CAT.areas:
        listed = numbers(html, f"aoip/{area.slug}/index.html")
        assert listed == [x.measure for x in CAT.assignments if area.slug in x.areas], area.slug
    assert "編集上" in html("aoip/index.html").get_text()


def test_measure_pages_show_areas_with_rationale(html):
    for x in CAT.assignments:
        summary = html(f"measures/{x.measure.replace('.', '-')}/index.html").select_one(".ajp-summary")
        assert [a["href"].rstrip("/").split("/")[-1] for a in summary.select("a.ajp-area")] == list(x.areas)
        assert summary.select_one(".ajp-rationale").get_text().strip()


def broken_links(root) -> list[tuple[str, str]]:
    """Every internal href/src (anchors included) of every page under root that leads nowhere."""
    pages = {}

    def parse(rel: str) -> BeautifulSoup:
        if rel not in pages:
            pages[rel] = BeautifulSoup((root / rel).read_text(encoding="utf-8"), "html.parser")
        return pages[rel]

    broken = []
    # 404.html is served at any path, so MkDocs gives it root-relative links on purpose.
    for path in sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if p.name != "404.html"):
        for tag in parse(path).select("a[href], link[href], script[src], img[src]"):
            url = tag.get("href") or tag.get("src")
            if re.match(r"^[a-z]+:", url) or url.startswith("//"):
                continue
            target, anchor = urldefrag(url)
            target = target.split("?", 1)[0]          # finder/?area=maritime is the page finder/
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target)) if target else path
            file = root / resolved
            if file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append((path, url))
            elif anchor and file.suffix == ".html":
                doc = parse(file.relative_to(root).as_posix())
                if not doc.find(id=anchor) and not doc.find(attrs={"name": anchor}):
                    broken.append((path, url))
    return broken


def test_every_internal_link_resolves_online(site):
    assert broken_links(site) == []


def test_every_internal_link_resolves_in_the_bundle(offline):
    assert broken_links(offline) == []
