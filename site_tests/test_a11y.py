"""Accessible, keyboard- and touch-friendly, clear for a first visit (issue 17), in both editions.

axe-core (the copy bundled in the pinned PyPI package axe-playwright-python) on every page type at a
desktop and a phone width; the keyboard (skip link, visible focus, the graph by arrow keys and Enter);
touch (the page scrolls past a graph; "move and zoom" hands it to the finger); no sideways scrolling at
320 px; chart text of at least 11 px; the offline bundle's 404 page and kiosk Exit; print; the home page.
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from .conftest import SITE_URL, serve

AXE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
EDITIONS = ["", "en/"]
# One page of every type.
PAGES = ["", "measures/2-8-8/", "measures/1-6/", "pillars/1/", "pillars/2/", "sections/2-7/", "acronyms/",
         "acronyms/eria/", "organisations/", "organisations/jica/", "aoip/", "aoip/maritime/", "aoip/cross-cutting/",
         "graph/", "graph/organisations/", "stats/", "data/", "progress/", "briefs/", "briefs/jica/",
         "briefs/connectivity/", "kiosk/", "about/", "offline/", "404.html", "finder/"]
PHONE_PAGES = ["", "measures/2-8-8/", "acronyms/", "organisations/jica/", "graph/", "stats/", "data/", "kiosk/",
               "finder/"]


def axe_violations(page) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", TAGS)
    found = []
    for v in result["violations"]:
        nodes = v["nodes"]
        found += [f"{v['id']}: {n['target']} {(n.get('failureSummary') or '')[:160]}" for n in nodes[:5]]
    return found


def open_page(context, url: str):
    page = context.new_page()
    page.goto(url)
    if page.locator(".ajp-graph[data-graph]:visible").count():          # (the kiosk's is in a hidden step)
        page.wait_for_selector(".ajp-graph[data-drawn=true]", timeout=10_000)
    page.wait_for_timeout(100)
    return page


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    yield context
    context.close()


# --- axe-core -------------------------------------------------------------------------------------

def violations_on(context, server, edition, paths) -> dict:
    """path → what axe-core finds on it, for the pages where it finds anything."""
    found = {}
    for path in paths:
        page = open_page(context, server + edition + path)
        if page_found := axe_violations(page):
            found[edition + path] = page_found
        page.close()
    return found


@pytest.mark.parametrize("edition", EDITIONS)
def test_axe_finds_nothing_on_any_page_type_on_a_desktop(desktop, server, edition):
    assert violations_on(desktop, server, edition, PAGES) == {}


@pytest.mark.parametrize("edition", EDITIONS)
def test_axe_finds_nothing_on_a_phone(phone, server, edition):
    assert violations_on(phone, server, edition, PHONE_PAGES) == {}


@pytest.mark.parametrize("edition", EDITIONS)
def test_axe_finds_nothing_with_a_graph_node_selected(desktop, server, edition):
    page = open_page(desktop, server + edition + "graph/")
    page.locator("input[data-find]").fill("JICA")
    page.locator("input[data-find]").press("Enter")
    assert page.locator("[data-graph-details]").is_visible()
    assert axe_violations(page) == []


def test_axe_really_reports(desktop, server):
    """The harness can fail: a page made worse is reported."""
    page = open_page(desktop, server + "measures/2-8-8/")
    page.evaluate("document.querySelector('.ajp-text').insertAdjacentHTML('afterbegin', "
                  "'<p style=\"color:#ccc\">faint</p><a href=\"#\"><img src=\"x.png\"></a>')")
    rules = {v.split(":")[0] for v in axe_violations(page)}
    assert {"color-contrast", "link-name"} <= rules


# --- keyboard -------------------------------------------------------------------------------------

def focused(page) -> dict:
    return page.evaluate("""() => {
        const e = document.activeElement, s = getComputedStyle(e);
        return {tag: e.tagName, cls: String(e.className), text: (e.innerText || e.value || '').slice(0, 40),
                href: e.getAttribute('href'), outline: s.outlineStyle, width: parseFloat(s.outlineWidth),
                inArticle: !!e.closest('article')};
    }""")


@pytest.mark.parametrize("edition", EDITIONS)
def test_skip_link_is_the_first_stop_and_reaches_the_text(desktop, server, edition):
    page = open_page(desktop, server + edition + "measures/2-8-8/")
    page.keyboard.press("Tab")
    first = focused(page)
    assert first["href"].endswith("#ajp-content") and first["width"] >= 2
    skip = page.locator("a.ajp-skip")
    page.wait_for_timeout(400)                    # Material fades it in
    box = skip.bounding_box()
    assert skip.is_visible() and box["y"] >= 0 and float(skip.evaluate("e => getComputedStyle(e).opacity")) > 0.9
    page.keyboard.press("Enter")
    for presses in range(1, 8):                     # Home › pillar › section, then the text's first link
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.ajp-text')"):
            break
    else:
        pytest.fail(f"the text's first link is not reached within 7 presses after the skip link: {focused(page)}")


@pytest.mark.parametrize("path", ["", "measures/2-8-8/", "graph/", "organisations/jica/", "stats/"])
def test_focus_is_visible_on_every_stop(desktop, server, path):
    page = open_page(desktop, server + path)
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        f = focused(page)
        if f["tag"] == "BODY":
            break
        visible = f["outline"] not in ("none", "") and f["width"] >= 2
        seen.append((f["tag"], f["cls"][:30], f["text"][:20], visible))
    assert len(seen) >= 10
    assert [s for s in seen if not s[3]] == []
    if path == "graph/":
        assert any(s[0] == "INPUT" and "checkbox" not in s[1] for s in seen)
        boxes = [s for s in seen if s[0] == "INPUT"]
        assert len(boxes) >= 15 and all(s[3] for s in boxes)     # the explorer's 15 filters and find box


@pytest.mark.parametrize("edition", EDITIONS)
def test_graph_is_reached_and_opened_by_keyboard(desktop, server, edition):
    page = open_page(desktop, server + edition + "graph/")
    graph = page.locator(".ajp-graph")
    for _ in range(80):                               # Tab, as a keyboard user would, to the graph
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('ajp-graph')"):
            break
    else:
        pytest.fail("the graph is not a keyboard stop")
    assert graph.get_attribute("aria-label")
    page.keyboard.press("ArrowRight")
    first = graph.get_attribute("data-selected")
    details = page.locator("[data-graph-details]")
    assert first and details.is_visible() and page.locator("[data-graph-announce]").inner_text()
    seen = {first}
    for key in ["ArrowRight", "ArrowDown", "ArrowLeft", "ArrowUp", "ArrowDown"]:
        page.keyboard.press(key)
        seen.add(graph.get_attribute("data-selected"))
    assert len(seen) >= 3                              # the arrows move from node to node
    page.keyboard.press("Escape")
    assert details.is_hidden() and graph.get_attribute("data-selected") is None
    page.keyboard.press("ArrowUp")
    target = graph.get_attribute("data-selected")
    kind = page.evaluate("s => document.querySelector('.ajp-graph').ajpData.nodes.find(n => n.s === s).k", target)
    page.keyboard.press("Enter")
    folder = {"a": "aoip", "m": "measures", "o": "organisations"}[kind]
    page.wait_for_url(f"**/{edition}{folder}/{target}/")


@pytest.mark.parametrize("edition", EDITIONS)
def test_enter_in_the_find_box_selects_and_describes_without_leaving(desktop, server, edition):
    page = open_page(desktop, server + edition + "graph/")
    page.locator("input[data-find]").fill("ERIA")
    page.locator("input[data-find]").press("Enter")
    assert page.url.endswith(f"/{edition}graph/")
    assert page.locator(".ajp-graph").get_attribute("data-selected") == "eria"
    other = page.locator("[data-details-other]")
    assert other.is_visible() and other.get_attribute("lang") == ("en" if edition == "" else "ja")
    links = page.locator("[data-details-links] a")
    assert links.count() >= 3 and page.locator("[data-details-counts]").inner_text()
    page.locator("[data-details-open]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{edition}organisations/eria/")


def test_sidebar_toggles_have_names_and_open_with_space(desktop, server):
    page = open_page(desktop, server + "measures/1-1/")
    toggles = page.locator(".md-sidebar--primary label.md-nav__link[role=button]")
    assert toggles.count() >= 3
    for label in toggles.all():
        assert label.get_attribute("aria-label").strip()
    toggle = toggles.first
    box = toggle.get_attribute("for")
    toggle.focus()
    before = page.evaluate(f"document.getElementById('{box}').checked")
    page.keyboard.press("Space")
    assert page.evaluate(f"document.getElementById('{box}').checked") is not before
    assert toggle.get_attribute("aria-expanded") == ("true" if not before else "false")


# --- touch ----------------------------------------------------------------------------------------

def swipe_up(page, cdp, x: float, y: float, distance: float = 200) -> float:
    """A finger drawn upwards from (x, y); returns how far the page scrolled."""
    start = page.evaluate("scrollY")
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for i in range(1, 11):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y - distance * i / 10}]})
        page.wait_for_timeout(16)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(300)
    return page.evaluate("scrollY") - start


@pytest.mark.parametrize("edition", EDITIONS)
def test_on_a_phone_the_page_scrolls_past_the_graph_until_move_and_zoom(phone, server, edition):
    page = open_page(phone, server + edition + "graph/")
    cdp = phone.new_cdp_session(page)
    graph = page.locator(".ajp-graph")
    pan = page.locator("[data-graph-pan]")
    assert pan.get_attribute("aria-pressed") == "false"

    def middle():
        page.evaluate("document.querySelector('.ajp-graph').scrollIntoView({block: 'start'})")
        box = graph.bounding_box()
        return box["x"] + box["width"] / 2, box["y"] + box["height"] * 0.7
    assert swipe_up(page, cdp, *middle()) > 100          # a finger over the graph: the page moves
    pan.tap()
    assert pan.get_attribute("aria-pressed") == "true"
    x, y = middle()
    view = page.evaluate("JSON.stringify(document.querySelector('.ajp-graph').ajpNetwork.getViewPosition())")
    assert swipe_up(page, cdp, x, y) < 10                # now the graph moves instead
    assert page.evaluate("JSON.stringify(document.querySelector('.ajp-graph').ajpNetwork.getViewPosition())") != view
    pan.tap()
    page.locator("[data-graph-fit]").tap()
    page.evaluate("document.querySelector('.ajp-graph').scrollIntoView({block: 'start'})")
    x, y = page.evaluate("""() => {
        const el = document.querySelector('.ajp-graph'), n = el.ajpData.nodes.find(n => n.s === 'jica');
        const p = el.ajpNetwork.canvasToDOM(el.ajpNetwork.getPositions([n.id])[n.id]), b = el.getBoundingClientRect();
        return [b.left + p.x + 3, b.top + p.y + 3];
    }""")
    page.touchscreen.tap(x, y)                        # a finger's tap near a node selects it; the page stays
    page.wait_for_timeout(300)
    assert graph.get_attribute("data-selected") == "jica" and page.url.endswith(f"/{edition}graph/")
    assert page.locator("[data-graph-details]").is_visible()
    assert int(graph.get_attribute("data-label-px")) >= 11          # labels legible at the phone's zoom


# --- small screens and charts ---------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_no_sideways_scrolling_at_320_px(browser, server, edition):
    context = browser.new_context(viewport={"width": 320, "height": 640})    # a plain narrow window
    wide = {}
    for path in PAGES:
        page = open_page(context, server + edition + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide[path] = width
        boxes = page.evaluate("""() => [...document.querySelectorAll('.ajp-table-scroll')]
            .filter(b => b.scrollWidth > b.clientWidth + 1)
            .map(b => [b.getAttribute('tabindex'), b.getAttribute('role'), b.getAttribute('aria-label')])""")
        assert all(b[0] == "0" and b[1] == "region" and b[2] for b in boxes), (path, boxes)
        page.close()
    context.close()
    assert wide == {}


@pytest.mark.parametrize("width", [360, 1366])
@pytest.mark.parametrize("edition", EDITIONS)
def test_chart_text_is_at_least_11_px(browser, server, edition, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = open_page(context, server + edition + "stats/")
    sizes = page.evaluate("""() => [...document.querySelectorAll('.ajp-chart-box > svg')].map(svg => {
        const k = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Math.min(...[...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * k));
    })""")
    assert len(sizes) == 5 and min(sizes) >= 11, sizes
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_chart_bars_and_labels_link_to_the_pages_they_count(site, html, edition):
    page = html(edition + "stats/index.html")
    for svg in page.select(".ajp-chart-box > svg"):
        links = svg.select("a")
        assert links, svg.get("id")
        for a in links:
            href = a.get("xlink:href")
            assert href and not href.startswith(("http", "/")) and not a.get("target")
            assert (site / edition / "stats" / href / "index.html").resolve().is_file(), href
        bars = [a for a in links if a.get("tabindex") == "-1"]
        assert all(a.get("aria-hidden") == "true" for a in bars)    # a bar repeats its label's link
        assert len(bars) == len(svg.select('g[id^="ajp-bar-"]')) and len(bars) < len(links)
    assert sum(len(svg.select('g[id^="ajp-bar-"]')) for svg in page.select(".ajp-chart-box > svg")) > 30


# --- offline bundle -------------------------------------------------------------------------------

def local_links(page_file: Path, text: str) -> list[str]:
    return [v for v in re.findall(r'\s(?:href|src)="([^"#]+)[^"]*"', text) if not v.startswith(("http:", "https:", "data:"))]


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_link_of_the_offline_404_page_leads_to_a_file(offline, edition):
    page = offline / edition / "404.html"
    links = local_links(page, page.read_text(encoding="utf-8"))
    assert len(links) > 30
    missing = [link for link in links if not (page.parent / unquote(link)).resolve().is_file()]
    assert missing == []


def test_kiosk_exit_leads_to_the_home_page_file_offline(watched, offline):
    page = watched.page
    page.goto((offline / "kiosk/index.html").as_uri())
    page.locator("[data-kiosk-exit]").click()
    page.wait_for_url("**/index.html")
    assert Path(urlsplit(page.url).path).resolve() == (offline / "index.html").resolve()
    assert page.locator(".ajp-ways").count() == 1


# --- print ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_a_printed_measure_shows_its_pillar_and_section(watched, server, edition):
    page = watched.page
    page.goto(server + edition + "measures/2-8-8/")
    page.emulate_media(media="print")
    crumbs = page.locator(".ajp-breadcrumb")
    assert crumbs.is_visible()
    hrefs = [a.get_attribute("href") for a in crumbs.locator("a").all()]
    assert any("pillars/2" in h for h in hrefs) and any("sections/2-8" in h for h in hrefs)


@pytest.mark.parametrize("path", ["", "pillars/2/", "acronyms/", "graph/", "en/stats/"])
def test_every_printed_page_shows_its_address(watched, server, path):
    page = watched.page
    page.goto(server + path)
    assert page.locator(".ajp-print-address").is_hidden()           # on screen: the footer suffices
    page.emulate_media(media="print")
    assert page.locator(".ajp-print-address").is_visible()
    assert SITE_URL + path in page.locator(".ajp-print-address").inner_text()


def test_an_organisation_page_points_to_its_brief(html, site):
    for edition in EDITIONS:
        link = html(edition + "organisations/jica/index.html").select_one(".ajp-org-brief a")
        assert link and (site / edition / "organisations/jica" / link["href"] / "index.html").resolve().is_file()


def test_without_a_public_address_a_page_prints_where_it_came_from(watched, offline):
    """The offline build has no public address: served over http it shows that address; opened from a
    file it says it is the offline copy."""
    page = watched.page
    with serve(offline) as url:
        page.goto(url + "measures/2-8-8/index.html")
        page.emulate_media(media="print")
        here = page.locator(".ajp-share [data-share-here]")
        assert here.is_visible() and here.inner_text() == url + "measures/2-8-8/index.html"
        assert page.locator(".ajp-print-address").is_hidden()       # the address box says it already
        page.goto(url + "pillars/2/index.html")
        assert page.locator(".ajp-print-address").inner_text().endswith(url + "pillars/2/index.html")
    page.goto((offline / "en/measures/2-8-8/index.html").as_uri())
    assert page.locator(".ajp-share [data-share-here]").inner_text() == "Offline copy (opened from a file)"


# --- the home page --------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", EDITIONS)
def test_home_page_orients_then_ways_in_then_preamble(site, html, edition):
    home = html(edition + "index.html")
    article = home.select_one("article")
    order = [el for el in article.select(".ajp-lang-choice, h1, .ajp-orient, .ajp-card, .ajp-ways, .ajp-preamble")]
    kinds = [("choice" if "ajp-lang-choice" in el.get("class", []) else "h1" if el.name == "h1" else
              "orient" if "ajp-orient" in el.get("class", []) else "pillar" if "ajp-card" in el.get("class", []) else
              "ways" if "ajp-ways" in el.get("class", []) else "preamble") for el in order]
    assert kinds == ["choice", "h1", "orient", "pillar", "pillar", "pillar", "pillar", "ways", "preamble"]
    assert len(article.select_one(".ajp-orient").get_text()) > 120
    targets = {a["href"].rstrip("/").split("/")[-1] for a in article.select(".ajp-ways a")}
    assert {"graph", "stats", "data", "briefs", "offline"} <= targets
    for a in article.select(".ajp-ways a"):
        assert (site / edition / a["href"] / "index.html").resolve().is_file(), a["href"]
