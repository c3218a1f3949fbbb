"""Search ranks: the judged query set (site_tests/search_judged.py) in both editions, online and offline,
with its targets; a section's or area's title finds all its measures, marked as such; every result says
why it is there."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from generator.text import display

from .search_judged import JUDGED, MRR_TARGET, run_in_page, scores
from .search_rule import CAT, LANGS, MENTIONS, PLAN, SOURCES, measures_found, normal, why

ROOTS = {"ja": "", "en": "en/"}


def test_judged_set_is_broad():
    assert len(JUDGED) >= 60
    kinds = Counter((j.lang, j.kind) for j in JUDGED)
    for lang in LANGS:
        for kind in ("acronym", "organisation", "number", "title", "topic"):
            assert kinds[(lang, kind)] >= 1, (lang, kind)
    assert len({(j.lang, j.query) for j in JUDGED}) == len(JUDGED)
    assert sum(1 for j in JUDGED if j.never) >= 15


def judged_results(page, root: str) -> dict:
    results = {}
    for lang in LANGS:
        page.goto(root + ROOTS[lang] + "measures/1-1/" + ("" if root.startswith("http") else "index.html"))
        asked = [j for j in JUDGED if j.lang == lang]
        got = run_in_page(page, [j.query for j in asked])
        results.update({j: got[j.query] for j in asked})
    return results


def check_targets(results):
    s = scores(results)
    assert s["forbidden"] == [], s["forbidden"]
    assert s["mrr"] >= MRR_TARGET, f"MRR {s['mrr']:.3f} < {MRR_TARGET}: {s['misses']}"
    return s


def test_judged_queries_online(watched, server):
    check_targets(judged_results(watched.page, server))
    assert watched.errors == [] and watched.external == []


def test_judged_queries_in_the_offline_bundle(watched, offline):
    check_targets(judged_results(watched.page, offline.as_uri() + "/"))
    assert watched.errors == [] and watched.external == []


def test_the_box_shows_what_the_function_ranks(watched, server):
    """The judged set asks window.ajpSearch; the box the reader types into gives the same order."""
    page = watched.page
    page.goto(server + "measures/1-1/")
    for query in ("ERIA", "保健", "2.7.8", "国際協力機構"):
        expected = run_in_page(page, [query])[query]
        show_all_results(page, query)
        hrefs = page.eval_on_selector_all(".ajp-search-result", "els => els.map(a => a.getAttribute('href'))")
        assert [h.removeprefix(server).removesuffix("/") for h in hrefs] == expected, query


def show_all_results(page, query: str) -> None:
    """Type the query into the box (afresh) and show all its results."""
    page.evaluate("document.querySelector('[data-ajp-search]').removeAttribute('data-results')")
    page.locator(".ajp-search-input").fill(query)
    page.wait_for_selector("[data-ajp-search][data-results]")
    if page.locator(".ajp-search-more").is_visible():
        page.locator(".ajp-search-more").click()


def section_results(page, query: str) -> dict[str, str]:
    """measure number → the text of its result, for the query typed into the box."""
    show_all_results(page, query)
    rows = page.eval_on_selector_all(".ajp-search-result", "els => els.map(a => [a.getAttribute('href'), a.innerText])")
    out = {}
    for href, text in rows:
        hit = re.search(r"/measures/([0-9-]+)/$", href)
        if hit:
            out[hit.group(1).replace("-", ".")] = text
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_a_section_title_finds_every_measure_of_the_section_marked_as_such(watched, server, lang):
    page = watched.page
    page.goto(server + ROOTS[lang] + "measures/1-1/")
    words = SOURCES.settings.words_of(lang).all()
    for s in PLAN.sections:
        title = s.title if lang == "ja" else SOURCES.english[s.id].en
        got = section_results(page, title)
        assert set(s.measure_ids) <= set(got), (title, set(s.measure_ids) - set(got))
        name = f"{s.id} {title if lang == 'en' else display(s.title)}"
        marked = words["search_in_section"].format(name=name)
        assert all(marked in got[m] for m in s.measure_ids), (title, marked)
    area = next(a for a in CAT.areas if a.slug == "maritime")
    got = section_results(page, area.ja if lang == "ja" else area.en)
    members = {x.measure for x in CAT.assignments if "maritime" in x.areas}
    assert members <= set(got)
    assert all(words["search_in_area"].format(name=area.ja if lang == "ja" else area.en) in got[m] for m in members)
    assert watched.errors == []


def test_a_result_found_through_a_name_says_which(watched, server):
    """Measures that name JICA only as 独立行政法人国際協力機構 (or as JICA) say that they mention it when a
    reader types its English name; measures whose text has the word show the passage with it marked."""
    page = watched.page
    page.goto(server + "measures/1-1/")
    query = "Japan International Cooperation Agency"
    by_name = {m for m in MENTIONS.measures_of_organisation("jica") if why("ja", query, m) == {"name"}}
    assert len(by_name) >= 3
    got = section_results(page, query)
    mention = SOURCES.settings.words_of("ja").all()["search_mentions"].format(name="独立行政法人国際協力機構（JICA）")
    for m in by_name:
        assert mention in got[m], (m, got[m])
    got = section_results(page, "JICA")
    in_text = {m for m in measures_found("ja", "JICA") if "text" in why("ja", "JICA", m)}
    assert in_text and in_text <= set(got)
    marks = page.eval_on_selector_all(".ajp-search-snippet mark", "els => els.map(e => e.textContent)")
    assert marks and all(normal(x) == "jica" for x in marks)


def test_every_result_says_why(watched, server):
    page = watched.page
    for lang, query in (("ja", "防災"), ("ja", "2.7.8"), ("en", "ERIA"), ("en", "海洋状況把握"), ("en", "health")):
        page.goto(server + ROOTS[lang] + "measures/1-1/")
        page.locator(".ajp-search-input").fill(query)
        page.wait_for_selector("[data-ajp-search][data-results]")
        reasons = page.eval_on_selector_all(
            ".ajp-search-result", "els => els.map(a => a.querySelectorAll('mark, .ajp-search-why').length)")
        assert reasons and all(n > 0 for n in reasons), (lang, query, reasons)


def test_pasted_japanese_in_english_is_shown_as_japanese(watched, server):
    page = watched.page
    page.goto(server + "en/measures/1-1/")
    page.locator(".ajp-search-input").fill("海洋状況把握")
    page.wait_for_selector("[data-ajp-search][data-results]")
    quotes = page.locator(".ajp-search-ja")
    assert quotes.count() > 0
    assert all(q == "ja" for q in quotes.evaluate_all("els => els.map(e => e.lang)"))
    assert "海洋状況把握" in quotes.first.inner_text()
