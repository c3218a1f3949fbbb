"""The measure finder (finder/): every filter against the model, the counts beside each value, the URL as
its state (round trip, Back and Forward), the CSV it saves, links to it, and the same from file:// in the
offline bundle, by keyboard, at 360 px and in English."""
from __future__ import annotations

import csv
import io
import shutil
from urllib.parse import parse_qsl, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator import pipeline

from .conftest import ROOT
from .search_rule import AREAS_OF, CAT, MENTIONS, ORGS, PLAN, SOURCES, measures_found

KEYS = ("pillar", "section", "area", "type", "org", "acronym", "status")
ALL = [m.id for m in PLAN.measures]


def values_of(measure_id: str) -> dict[str, set[str]]:
    m = next(x for x in PLAN.measures if x.id == measure_id)
    orgs = MENTIONS.organisations[m.id]
    return {"pillar": {m.pillar}, "section": {m.section} if m.section else set(), "area": set(AREAS_OF[m.id]),
            "type": {ORGS[o].type for o in orgs}, "org": set(orgs), "acronym": set(MENTIONS.acronyms[m.id]),
            "status": set()}                          # the repository ships no progress reports


VALUES = {m: values_of(m) for m in ALL}


def expected(params, lang: str = "ja", skip: str | None = None) -> list[str]:
    """The measures a query string leaves, in plan order: values of one key are alternatives, keys all hold."""
    wanted: dict[str, set[str]] = {}
    for k, v in params:
        wanted.setdefault(k, set()).add(v)
    out = []
    for m in ALL:
        ok = all(k == skip or VALUES[m][k] & vs for k, vs in wanted.items() if k != "q")
        if ok and "q" in wanted and skip != "q":
            ok = m in measures_found(lang, " ".join(sorted(wanted["q"])))
        if ok:
            out.append(m)
    return out


def shown(page) -> list[str]:
    return page.eval_on_selector_all(
        "[data-measure]", "els => els.filter(e => e.offsetParent !== null).map(e => e.dataset.measure)")


def ready(page):
    page.wait_for_selector("[data-ajp-finder][data-ready]", timeout=10_000)


def open_filter(page, key: str):
    if not page.evaluate(f"document.querySelector('details[data-key={key}]').open"):
        page.locator(f"details[data-key={key}] summary").click()


def counts(page) -> dict[tuple[str, str], int]:
    rows = page.eval_on_selector_all(".ajp-finder-option", """els => els.map(l => {
        const b = l.querySelector('input'); return [b.name, b.value, +l.querySelector('.ajp-finder-n').textContent]; })""")
    return {(k, v): n for k, v, n in rows}


def params_of(page) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(page.url).query)


# --- the page as written --------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["finder/index.html", "en/finder/index.html"])
def test_every_measure_is_an_element_with_its_values(html, path):
    rows = html(path).select("[data-measure]")
    assert [r["data-measure"] for r in rows] == ALL
    for r in rows:
        got = {k: set(r.get(f"data-{k}", "").split()) for k in KEYS}
        assert got == VALUES[r["data-measure"]], r["data-measure"]
        assert r.select_one("a .ajp-num").get_text() == r["data-measure"]


def test_status_values_come_from_the_latest_progress_report(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(ROOT / "source", source)
    (source / "progress").mkdir()
    (source / "progress" / "2024.yaml").write_text(
        "source: 'Test fixture'\nmeasures:\n  '1.1': {status: ongoing}\n  '2.8.8': {status: planned}\n", encoding="utf-8")
    (source / "progress" / "2025.yaml").write_text(
        "source: 'Test fixture'\nmeasures:\n  '2.8.8': {status: completed}\n", encoding="utf-8")
    build = pipeline.build(source, True)
    page = next(p for p in build.pages if p.path == "finder/index.md")
    soup = BeautifulSoup(page.content, "html.parser")
    status = {r["data-measure"]: r["data-status"] for r in soup.select("[data-measure]")}
    assert status["1.1"] == "ongoing" and status["2.8.8"] == "completed"
    assert {v for k, v in status.items() if k not in ("1.1", "2.8.8")} == {""}
    options = {i["value"]: i.find_parent("label").select_one(".ajp-finder-n").get_text()
               for i in soup.select("input[name=status]")}
    assert options == {"planned": "0", "ongoing": "1", "completed": "1", "continued": "0"}


def test_links_to_the_finder(html):
    assert html("index.html").select_one(".ajp-finder-link a")["href"] == "finder/"
    assert any(a["href"].endswith("finder/") for a in html("measures/1-1/index.html").select(".md-nav a"))
    pages = [(f"organisations/{o.slug}", "org", o.slug) for o in CAT.organisations[:5]]
    pages += [(f"acronyms/{a.slug}", "acronym", a.slug) for a in CAT.acronyms[:5]]
    pages += [(f"aoip/{a.slug}", "area", a.slug) for a in CAT.areas]
    pages += [(f"sections/{s.slug}", "section", s.id) for s in PLAN.sections]
    for path, key, value in pages:
        link = html(f"{path}/index.html").select_one(".ajp-finder-link a")
        assert link["href"] == f"../../finder/?{key}={value}", path
        listed = {x.get_text() for x in html(f"{path}/index.html").select(
            ".ajp-measure-list .ajp-num, .ajp-uses .ajp-num")}
        assert set(expected([(key, value)])) == listed, path


# --- in the browser ------------------------------------------------------------------------------------

def test_each_filter_against_the_model(watched, server):
    page = watched.page
    page.goto(server + "finder/")
    ready(page)
    assert shown(page) == ALL and page.url == server + "finder/"
    shown_counts = counts(page)
    for (key, value), n in shown_counts.items():
        assert n == len(expected([(key, value)])), (key, value, n)
    tried = [(k, v) for k, v in shown_counts if k in ("pillar", "section", "area", "type")]
    tried += [(k, v) for k, v in shown_counts if k == "org"][:6] + [(k, v) for k, v in shown_counts if k == "acronym"][:6]
    for key, value in tried:
        open_filter(page, key)
        box = page.locator(f"input[name={key}][value='{value}']")
        box.check()
        ready(page)
        assert params_of(page) == [(key, value)]
        assert shown(page) == expected([(key, value)]), (key, value)
        box.uncheck()
        ready(page)
    assert shown(page) == ALL
    assert watched.errors == [] and watched.external == []


def test_opening_an_area_shows_exactly_its_measures(watched, server, html):
    page = watched.page
    for area in CAT.areas:
        page.goto(server + f"finder/?area={area.slug}")
        ready(page)
        listed = [x.get_text() for x in html(f"aoip/{area.slug}/index.html").select(".ajp-measure-list .ajp-num")]
        assert sorted(shown(page)) == sorted(listed), area.slug
        assert page.locator(f"input[name=area][value={area.slug}]").is_checked()
    page.goto(server + "finder/?org=no-such-organisation&area=maritime")
    ready(page)
    assert params_of(page) == [("area", "maritime")], "a value the page does not know leaves the address"
    assert shown(page) == expected([("area", "maritime")])
    assert watched.errors == []


def test_filters_combine_and_each_value_counts_under_the_others(watched, server):
    page = watched.page
    query = [("pillar", "2"), ("area", "maritime"), ("area", "sdgs"), ("type", "japan")]
    page.goto(server + "finder/?" + "&".join(f"{k}={v}" for k, v in query))
    ready(page)
    assert shown(page) == expected(query) and 0 < len(shown(page)) < 132
    for (key, value), n in counts(page).items():
        assert n == sum(1 for m in expected(query, skip=key) if value in VALUES[m][key]), (key, value)
    summary = page.locator(".ajp-finder-count").inner_text()
    assert str(len(expected(query))) in summary and "132" in summary
    assert watched.errors == []


def test_words_filter_as_the_search_does(watched, server):
    page = watched.page
    page.goto(server + "finder/?q=防災&section=2.7")
    ready(page)
    assert shown(page) == expected([("q", "防災"), ("section", "2.7")])
    assert page.locator(".ajp-search-panel").is_hidden(), "the header search does not take the finder's q"
    page.locator("#ajp-finder-q").fill("JICA")
    ready(page)
    assert dict(params_of(page))["q"] == "JICA"
    assert shown(page) == expected([("q", "JICA"), ("section", "2.7")])
    assert watched.errors == []


def test_the_url_keeps_the_state_and_history_steps_through_it(watched, server):
    page = watched.page
    page.goto(server + "sections/2-8/")
    page.locator(".ajp-finder-link a").click()
    page.wait_for_url("**/finder/?section=2.8")
    ready(page)
    assert shown(page) == expected([("section", "2.8")])
    open_filter(page, "area")
    page.locator("input[name=area][value=sdgs]").check()
    ready(page)
    page.locator("input[name=area][value=economic]").check()
    ready(page)
    page.locator("#ajp-finder-q").fill("人材")
    ready(page)
    final = [("section", "2.8"), ("area", "sdgs"), ("area", "economic"), ("q", "人材")]
    assert params_of(page) == final and shown(page) == expected(final)
    page.reload()
    ready(page)
    assert shown(page) == expected(final) and page.locator("#ajp-finder-q").input_value() == "人材"
    assert page.locator("input[name=area][value=economic]").is_checked()
    steps = [final[:3], final[:2], final[:1]]
    for step in steps:
        page.go_back()
        page.wait_for_function("s => decodeURIComponent(location.search) === s",
                               arg="?" + "&".join(f"{k}={v}" for k, v in step))
        ready(page)
        assert shown(page) == expected(step), step
    page.go_forward()
    ready(page)
    assert params_of(page) == final[:2] and shown(page) == expected(final[:2])
    assert page.locator("input[name=area][value=sdgs]").is_checked()
    assert not page.locator("input[name=area][value=economic]").is_checked()
    page.locator(".ajp-finder-clear").click()
    ready(page)
    assert shown(page) == ALL and page.url.endswith("/finder/")
    assert watched.errors == [] and watched.external == []


def saved_csv(page) -> bytes:
    with page.expect_download() as download:
        page.locator(".ajp-finder-csv").click()
    return download.value.path().read_bytes()


def file_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    header, *rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return header, rows


def test_the_download_holds_the_shown_measures_as_data_measures_csv(watched, server, site):
    page = watched.page
    query = [("area", "connectivity"), ("org", "jica")]
    page.goto(server + "finder/?" + "&".join(f"{k}={v}" for k, v in query))
    ready(page)
    data = saved_csv(page)
    whole = (site / "data" / "measures.csv").read_bytes()
    header, rows = file_rows(whole)
    got_header, got_rows = file_rows(data)
    assert data.startswith(b"\xef\xbb\xbf") and got_header == header
    assert got_rows == [r for r in rows if r[0] in set(expected(query))] and got_rows
    lines = whole.decode("utf-8-sig").split("\r\n")           # the same bytes, line for line
    assert all(line in lines for line in data.decode("utf-8-sig").split("\r\n") if line and "\n" not in line)
    page.locator(".ajp-finder-clear").click()
    ready(page)
    assert saved_csv(page) == whole
    assert watched.errors == []


def test_in_the_offline_bundle(watched, offline):
    page = watched.page
    page.goto((offline / "aoip/maritime/index.html").as_uri())
    page.locator(".ajp-finder-link a").click()
    page.wait_for_url("**/finder/index.html?area=maritime")
    ready(page)
    assert shown(page) == expected([("area", "maritime")])
    open_filter(page, "pillar")
    page.locator("input[name=pillar][value='3']").check()
    ready(page)
    assert shown(page) == expected([("area", "maritime"), ("pillar", "3")])
    page.locator("#ajp-finder-q").fill("海上")
    ready(page)
    assert shown(page) == expected([("area", "maritime"), ("pillar", "3"), ("q", "海上")])
    _, rows = file_rows(saved_csv(page))
    assert [r[0] for r in rows] == shown(page)
    page.go_back()
    ready(page)
    assert shown(page) == expected([("area", "maritime"), ("pillar", "3")])
    page.go_back()
    ready(page)
    assert shown(page) == expected([("area", "maritime")])
    assert watched.errors == [] and watched.external == []


def test_by_keyboard(watched, server):
    page = watched.page
    page.goto(server + "finder/")
    ready(page)
    page.locator("#ajp-finder-q").focus()
    page.keyboard.press("Tab")                          # the first filter's summary
    assert page.evaluate("document.activeElement.closest('details').dataset.key") == "pillar"
    page.keyboard.press("Enter")                         # opens it
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")                           # the second value
    page.keyboard.press("Space")
    ready(page)
    assert params_of(page) == [("pillar", "2")] and shown(page) == expected([("pillar", "2")])
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    ready(page)
    assert params_of(page) == [("pillar", "1"), ("pillar", "2")]
    assert watched.errors == []


def test_at_360_px_and_in_english(browser, server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="en-GB")
    page = context.new_page()
    page.goto(server + "en/finder/?area=maritime&q=coast")
    ready(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("h1").inner_text() == SOURCES.settings.words_of("en").all()["finder"]
    assert shown(page) == expected([("area", "maritime"), ("q", "coast")], "en") and shown(page)
    open_filter(page, "section")
    page.locator("input[name=section][value='2.9']").check()
    ready(page)
    assert shown(page) == []
    assert page.locator(".ajp-finder-none").is_visible()
    first = page.locator(".ajp-finder-option").first.bounding_box()
    assert first["x"] >= 0 and first["x"] + first["width"] <= 360
    context.close()
