"""Plan text containing markup or Jinja is shown literally, never executed or rendered."""
from __future__ import annotations

import contextlib
import shutil

import pytest
import yaml

from .conftest import ROOT, build_site, serve

PAYLOAD = "<img src=x onerror=alert(1)>{{ 7*7 }}{% raw %}<script>alert(2)</script>[x](javascript:alert(3))"


def load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dump(path, data):
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


AFFECTED = ["measures/1-1/index.html", "pillars/1/index.html", "index.html", "organisations/jica/index.html",
            "organisations/index.html", "acronyms/eria/index.html", "acronyms/index.html", "aoip/maritime/index.html",
            "aoip/index.html", "graph/index.html", "graph/organisations/index.html", "measures/2-7-2/index.html"]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    source = tmp_path_factory.mktemp("hostile-source")
    shutil.copytree(ROOT / "source", source, dirs_exist_ok=True)
    plan = yaml.safe_load((source / "plan.yaml").read_text(encoding="utf-8"))
    first = plan["pillars"][0]["measures"][0]["text"]
    first[0] = PAYLOAD + first[0] + PAYLOAD      # at the start too: summaries, descriptions, graph tooltips
    plan["pillars"][0]["title"] += PAYLOAD
    dump(source / "plan.yaml", plan)
    # YAML values: an organisation's names, an acronym's expansion, an area's name and description.
    orgs = load(source / "organisations.yaml")
    jica = next(o for o in orgs["organisations"] if o["slug"] == "jica")
    jica["ja"] += PAYLOAD
    jica["en"] += PAYLOAD
    dump(source / "organisations.yaml", orgs)
    acronyms = load(source / "acronyms.yaml")
    eria = next(a for a in acronyms["acronyms"] if a["slug"] == "eria")
    eria["en"] += PAYLOAD
    dump(source / "acronyms.yaml", acronyms)
    aoip = load(source / "aoip.yaml")
    aoip["areas"][0]["ja"] += PAYLOAD
    aoip["areas"][0]["description"] += PAYLOAD
    dump(source / "aoip.yaml", aoip)
    out = tmp_path_factory.mktemp("hostile-out")
    result = build_site(out, source)
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.fixture(scope="module")
def hostile_bundle(hostile_site, tmp_path_factory):
    import zipfile
    dest = tmp_path_factory.mktemp("hostile-bundle")
    with zipfile.ZipFile(next((hostile_site.parent / "dist").glob("*.zip"))) as zf:
        zf.extractall(dest)
    (folder,) = dest.iterdir()
    return folder


@pytest.mark.parametrize("path", AFFECTED)
def test_markup_in_plan_text_is_escaped(hostile_site, path):
    html = (hostile_site / path).read_text(encoding="utf-8")
    assert "<img src=x" not in html and '<img src="x"' not in html
    assert "<script>alert(2)" not in html
    assert 'href="javascript:' not in html
    assert "{{ 7*7 }}" in html  # Jinja was not evaluated


def test_hostile_measure_page_in_the_browser(hostile_site, browser):
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((hostile_site / "measures/1-1/index.html").as_uri())
    text = page.locator(".ajp-text").inner_text()
    assert "<img src=x onerror=alert(1)>" in text and "{{ 7*7 }}" in text and "<script>alert(2)</script>" in text
    page.goto((hostile_site / "index.html").as_uri())
    assert "{{ 7*7 }}" in page.locator("article").inner_text()
    assert dialogs == []
    context.close()


@contextlib.contextmanager
def hostile_page(site, browser, path):
    """The hostile site's page at path, served, in a fresh browser context; with the dialogs it opens."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        with serve(site) as url:
            page.goto(url + path)
            yield page, dialogs
    finally:
        context.close()


def _hover_node(page, label):
    page.locator(".ajp-graph").scroll_into_view_if_needed()
    x, y = page.evaluate("""label => {
        const el = document.querySelector('.ajp-graph');
        const n = el.ajpData.nodes.find(n => n.label.startsWith(label));
        const p = el.ajpNetwork.canvasToDOM(el.ajpNetwork.getPositions([n.id])[n.id]);
        const box = el.getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }""", label)
    page.mouse.move(x, y)
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5_000)
    return tip


@pytest.mark.parametrize("path, label", [("organisations/jica/index.html", "JICA"), ("measures/1-1/index.html", "1.1"),
                                         ("aoip/maritime/index.html", "海洋協力"), ("graph/index.html", "JICA")])
def test_graph_labels_and_tooltips_show_markup_literally(hostile_site, browser, path, label):
    with hostile_page(hostile_site, browser, path) as (page, dialogs):
        page.wait_for_selector(".ajp-graph[data-drawn=true]", timeout=10_000)
        check_tooltip(page, label)
        page.wait_for_timeout(300)
    assert dialogs == []


def check_tooltip(page, label):
    tip = _hover_node(page, label)
    assert "<img src=x onerror=alert(1)>" in tip.inner_text()
    assert tip.locator("img, script").count() == 0
    assert page.locator("img[src=x], script:has-text('alert(2)')").count() == 0


def test_search_results_show_markup_literally(hostile_site, browser):
    with hostile_page(hostile_site, browser, "") as (page, dialogs):
        page.locator(".ajp-search-input").fill("onerror")
        page.wait_for_selector("[data-ajp-search][data-results]")
        results = page.locator(".ajp-search-panel")
        assert int(page.locator("[data-ajp-search]").get_attribute("data-results")) >= 3
        assert "<img src=x onerror=alert(1)>" in results.inner_text()
        assert "{{ 7*7 }}" in results.inner_text()
        assert results.locator("img, script").count() == 0
        page.wait_for_timeout(300)
    assert dialogs == []


@pytest.mark.parametrize("path, label", [("organisations/jica/index.html", "JICA"), ("aoip/maritime/index.html", "海洋協力")])
def test_the_bundle_shows_markup_literally_too(hostile_bundle, browser, path, label):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto((hostile_bundle / path).as_uri())
    page.wait_for_selector(".ajp-graph[data-drawn=true]", timeout=10_000)
    assert "<img src=x onerror=alert(1)>" in page.locator("article").inner_text()
    check_tooltip(page, label)
    page.locator(".ajp-search-input").fill("onerror")
    page.wait_for_selector("[data-ajp-search][data-results]")
    assert "<img src=x onerror=alert(1)>" in page.locator(".ajp-search-panel").inner_text()
    page.wait_for_timeout(300)
    assert dialogs == []
    context.close()


@pytest.mark.parametrize("path", ["en/measures/2-1-8/index.html", "measures/2-1-8/index.html"])
def test_tooltips_show_markup_literally(hostile_site, browser, path):
    """Material's content.tooltips shows an element's title as HTML: an acronym's English name made of
    markup (the title of its <abbr>) must come out as text, never as an element."""
    with hostile_page(hostile_site, browser, path) as (page, dialogs):
        if path.startswith("en/"):
            abbr = page.locator("article abbr", has_text="ERIA").first
        else:         # the Japanese edition's title is the Japanese name: the acronym list gives the English one
            abbr = page.locator("article a[href*='acronyms/eria']").last
        abbr.scroll_into_view_if_needed()
        abbr.hover()
        tip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
        tip.wait_for(state="visible", timeout=5_000)
        if path.startswith("en/"):
            assert "<img src=x onerror=alert(1)>{{ 7*7 }}" in tip.inner_text()
        assert tip.locator("img, script").count() == 0
        assert page.locator("img[src=x]").count() == 0
        page.wait_for_timeout(300)
    assert dialogs == []
