"""The site's scripts and what they share (overrides/assets/javascripts/ajp.js): each page shown is set up
once, a script is loaded once, and a script loaded a second time sets up nothing more — online under
instant navigation and in the offline bundle opened from file://."""
from __future__ import annotations

import pytest

from .test_graphs import wait_drawn

SITE_SCRIPTS = ["ajp.js", "graphs.js", "search.js", "finder.js", "print.js", "kiosk.js", "a11y.js"]


def test_every_page_loads_the_helper_first(html):
    for path in ["index.html", "measures/2-7-2/index.html", "graph/index.html", "finder/index.html",
                 "en/kiosk/index.html"]:
        ours = [s["src"].rsplit("/", 1)[-1] for s in html(path).select("script[src*='assets/javascripts/']")
                if s["src"].rsplit("/", 1)[-1] in SITE_SCRIPTS]
        assert ours == SITE_SCRIPTS, path


def test_each_page_is_set_up_once_under_instant_navigation(watched, server):
    page = watched.page
    loads = []
    page.on("request", lambda r: loads.append(r.url.rsplit("/", 1)[-1]) if r.url.endswith(".js") else None)
    page.goto(server + "organisations/")
    page.wait_for_load_state("networkidle")      # instant navigation starts once sitemap.xml is read
    page.evaluate("window.ajpSamePage = true; window.ajpShown = []; ajp.onPage(() => ajpShown.push(location.pathname))")
    for _ in range(2):                           # the same graph page twice, and the page between twice
        page.locator("article a[href$='/organisations/eria/']").first.click()
        page.wait_for_url("**/organisations/eria/")
        wait_drawn(page)
        page.evaluate("() => { window.ajpVis = window.ajpVis || window.vis.Network; }")
        page.go_back()
        page.wait_for_url("**/organisations/")
        page.wait_for_function("ajpShown.length > 0 && ajpShown[ajpShown.length - 1] === '/organisations/'")
    assert page.evaluate("window.ajpSamePage") is True
    assert page.evaluate("ajpShown") == ["/organisations/", "/organisations/eria/"] * 2 + ["/organisations/"]
    assert page.evaluate("window.vis.Network === window.ajpVis")    # vis-network ran once for both visits
    assert loads.count("vis-network.min.js") == 1
    assert all(loads.count(name) == 1 for name in SITE_SCRIPTS), loads
    assert watched.errors == [] and watched.external == []


def load_again(page, names):
    """Append a second <script> for each of the site's scripts (a browser runs each one again)."""
    page.evaluate("""names => Promise.all(names.map(name => new Promise((resolve, reject) => {
        const first = [...document.scripts].find(s => s.src.endsWith('/javascripts/' + name));
        const s = document.createElement('script');
        s.src = first.src;
        s.onload = resolve;
        s.onerror = () => reject(new Error(name));
        document.body.appendChild(s);
    })))""", names)


@pytest.mark.parametrize("where", ["online", "offline"])
def test_a_script_loaded_twice_sets_up_once(watched, server, offline, where):
    page = watched.page
    page.goto(server + "measures/2-7-2/" if where == "online" else (offline / "measures/2-7-2/index.html").as_uri())
    wait_drawn(page)
    page.evaluate("window.ajpFirst = window.ajp")
    # Material's document$ (an RxJS subject): every onPage() is one subscriber more
    subscribers = "document$.observers.length"
    before = page.evaluate(subscribers)
    assert isinstance(before, int) and before > 0
    load_again(page, SITE_SCRIPTS)
    assert page.evaluate("window.ajp === window.ajpFirst")
    assert page.evaluate(subscribers) == before
    # search.js's keyboard handler once: Arrow Down moves to the first result, not the second
    field = page.locator(".ajp-search-input")
    field.fill("JICA")
    page.wait_for_selector("[data-ajp-search][data-results]")
    field.press("ArrowDown")
    assert page.evaluate("document.activeElement === document.querySelector('.ajp-search-result')")
    assert watched.errors == [] and watched.external == []


def test_load_script_loads_once_and_tries_again_after_an_error(watched, server):
    page = watched.page
    page.goto(server + "measures/1-1/")
    result = page.evaluate("""async ([ok, missing]) => {
        const same = ajp.loadScript(ok) === ajp.loadScript(ok);
        await ajp.loadScript(ok);
        const elements = [...document.querySelectorAll('script')].filter(s => s.src === ok).length;
        const first = ajp.loadScript(missing);
        const message = await first.then(() => 'loaded', e => e.message);
        const left = [...document.querySelectorAll('script')].filter(s => s.src === missing).length;
        const again = ajp.loadScript(missing);
        again.catch(() => {});
        return {same, elements, message, left, retried: again !== first};
    }""", [server + "assets/javascripts/search-index.js", server + "assets/javascripts/no-such-script.js"])
    assert result == {"same": True, "elements": 1, "left": 0, "retried": True,
                      "message": f"{server}assets/javascripts/no-such-script.js could not be loaded"}


def test_search_says_when_its_index_cannot_be_loaded_and_tries_again(watched, server):
    page = watched.page
    blocked = []

    def refuse(route):
        blocked.append(route.request.url)
        route.abort()
    page.route("**/search-index.js", refuse)
    page.goto(server + "measures/1-1/")
    box = page.locator("[data-ajp-search]")
    field = page.locator(".ajp-search-input")
    field.fill("JICA")
    status = page.locator(".ajp-search-status")
    status.filter(has_text=box.get_attribute("data-error")).wait_for()
    assert blocked and page.locator(".ajp-search-result").count() == 0
    page.unroute("**/search-index.js")
    field.fill("ERIA")                           # the next use loads it again, and finds
    page.wait_for_selector("[data-ajp-search][data-results]")
    assert page.locator(".ajp-search-result").count() > 0
    assert watched.external == []
