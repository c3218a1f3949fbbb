"""The built site's pages, read as HTML: one page per measure with its full text, lists, chains."""
from __future__ import annotations

import re

import pytest

from generator import pipeline
from generator.model import BulletList
from generator.text import display

from .conftest import SITE_URL, ROOT

PLAN = pipeline.load(ROOT / "source").plan


def text_of(node) -> str:
    return re.sub(r"\s+", "", node.get_text())


def test_every_measure_has_its_page_with_its_full_text(html):
    assert len(PLAN.measures) == 132
    for m in PLAN.measures:
        page = html(f"measures/{m.slug}/index.html")
        body = text_of(page.select_one(".ajp-text"))
        for text in m.texts:
            assert re.sub(r"\s+", "", display(text)) in body, m.id
        original = text_of(page.select_one(".ajp-original"))
        for text in m.texts:
            assert re.sub(r"\s+", "", text) in original, f"original characters of {m.id} not recoverable"
        assert page.select_one("h1").get_text(" ", strip=True).endswith(m.id)


def test_lists_are_rendered_as_lists(html):
    for m in PLAN.measures:
        lists = [b for b in m.blocks if isinstance(b, BulletList)]
        rendered = html(f"measures/{m.slug}/index.html").select(".ajp-text ul > li")
        assert len(rendered) == sum(len(b.items) for b in lists), m.id
    assert len(html("measures/1-6/index.html").select(".ajp-text > p")) == 2


def test_misprinted_measure_shows_printed_number(html):
    page = html("measures/2-8-8/index.html")
    note = page.select_one(".ajp-misprint").get_text()
    assert "2.7.8" in note and "2.8.8" in note
    assert "2.7.8" in page.select_one(".ajp-original").get_text()
    assert not html("measures/2-8-7/index.html").select(".ajp-misprint")


def test_breadcrumbs(html):
    crumbs = html("measures/2-8-8/index.html").select(".ajp-breadcrumb a")
    assert [a["href"] for a in crumbs] == ["../../", "../../pillars/2/", "../../sections/2-8/"]
    crumbs = html("measures/3-4/index.html").select(".ajp-breadcrumb a")
    assert [a["href"] for a in crumbs] == ["../../", "../../pillars/3/"]


def test_prev_next_chain_covers_all_measures(html):
    seen, slug = [], "1-1"
    while slug:
        seen.append(slug)
        page = html(f"measures/{slug}/index.html")
        nxt = page.select_one(".ajp-prevnext a[rel=next]")
        slug = nxt["href"].strip("./").split("/")[-1] if nxt else None
        if nxt:
            assert nxt["href"] == f"../{slug}/"
        assert len(seen) <= 132
    assert seen == [m.slug for m in PLAN.measures]
    assert html("measures/1-1/index.html").select_one(".ajp-prevnext a[rel=prev]") is None


def listed(page) -> list[str]:
    return [a.select_one(".ajp-num").get_text() for a in page.select(".ajp-measure-list a")]


def test_pillar_and_section_pages_list_their_measures(html):
    for pillar in PLAN.pillars:
        assert listed(html(f"pillars/{pillar.number}/index.html")) == list(pillar.measure_ids)
    for section in PLAN.sections:
        assert listed(html(f"sections/{section.slug}/index.html")) == list(section.measure_ids)


def test_home_page_counts_come_from_the_model(html):
    home = html("index.html")
    text = home.get_text()
    assert f"{len(PLAN.measures)}件" in re.sub(r"\s+", "", text)
    assert "2023年12月17日" in text and "東京" in text
    cards = home.select(".ajp-card")
    assert [c["href"] for c in cards] == [f"pillars/{p.number}/" for p in PLAN.pillars]
    assert len(home.select(".ajp-section-chips a")) == 12


def test_navigation_is_grouped_not_flat(html):
    nav_links = html("measures/1-1/index.html").select("nav.md-nav--primary a.md-nav__link")
    assert 10 < len(nav_links) < 40
    assert not any("measures/" in (a.get("href") or "") for a in nav_links)


def test_pages_stay_japanese_and_local(html):
    page = html("measures/1-1/index.html")
    assert page.html["lang"] == "ja"
    for tag in page.select("link[href], script[src]"):
        url = tag.get("href") or tag.get("src")
        if "canonical" in (tag.get("rel") or []):
            assert url == SITE_URL + "measures/1-1/"      # the public address, not something to load
        elif "alternate" in (tag.get("rel") or []):       # hreflang: the public roots of the two editions
            assert url in (SITE_URL, SITE_URL + "en/"), url
        else:
            assert not re.match(r"https?://", url), url


@pytest.mark.parametrize("path", ["index.html", "measures/1-1/index.html", "pillars/2/index.html"])
def test_titles_and_descriptions(html, path):
    page = html(path)
    assert page.title.get_text().strip()
    assert page.select_one('meta[name="description"]')["content"].strip()


def test_original_characters_block_keeps_the_pdfs_stray_spaces(html):
    """The text shown drops two stray spaces of the PDF; the「原文の表記」block keeps them, as printed."""
    for slug, printed in (("2-6-4", "イニシアティ ブ"), ("2-12-3", "とともに、 環境")):
        page = html(f"measures/{slug}/index.html")
        assert printed in page.select_one("details.ajp-original").get_text()
        shown = page.select_one("article .ajp-text").get_text()
        assert printed not in shown and printed.replace(" ", "") in shown
