"""For events and delegations: print, QR codes, delegation briefs, kiosk mode, English, progress reports."""
from __future__ import annotations

import io
import shutil

import pytest
import zxingcpp
from PIL import Image

from .conftest import ROOT, SITE_URL, build_site, serve
from .test_crosslinks import CAT, MENTIONS, PLAN


# --- print ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["measures/2-7-2/", "organisations/jica/", "briefs/jica/"])
def test_pages_print_cleanly(watched, server, path):
    page = watched.page
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".ajp-search", ".ajp-graph", ".md-footer"):
        if page.locator(hidden).count():
            assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator("article h1").first.is_visible()
    assert page.locator(".ajp-share svg").is_visible()
    live = path.replace("briefs/", "organisations/")           # a brief points to the live page
    assert SITE_URL + live in page.locator(".ajp-share").inner_text()
    if page.locator("details.ajp-graph-twin").count():       # the graph becomes its text twin on paper
        assert page.locator("details.ajp-graph-twin table").is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


# --- QR codes -------------------------------------------------------------------------------------

def decoded(page, selector: str) -> str:
    """Read the QR code as a phone would: from a picture of it (drawn larger, as on paper)."""
    page.locator(selector).evaluate("svg => { svg.style.width = '240px'; svg.style.height = '240px'; }")
    page.locator(selector).scroll_into_view_if_needed()
    png = page.locator(selector).screenshot()
    results = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))
    assert results, f"no QR code found in {selector}"
    return results[0].text


@pytest.mark.parametrize("path", ["measures/2-8-8/", "organisations/eria/", "aoip/maritime/", "briefs/sdgs/"])
def test_qr_code_decodes_to_the_page_url(watched, server, path):
    page = watched.page
    page.goto(server + path)
    live = path.replace("briefs/sdgs/", "aoip/sdgs/")          # a brief points back to the live page
    assert decoded(page, ".ajp-qr svg") == SITE_URL + live


def test_every_measure_organisation_and_area_page_has_a_qr_code(html):
    paths = [f"measures/{m.slug}/" for m in PLAN.measures] + [f"organisations/{o.slug}/" for o in CAT.organisations] \
        + [f"aoip/{a.slug}/" for a in CAT.areas]
    for path in paths:
        qr = html(path + "index.html").select_one(".ajp-qr")
        assert qr is not None and qr["data-qr-for"] == SITE_URL + path and qr.select_one("svg path"), path


def test_without_a_public_address_there_is_no_qr_code_and_the_page_says_so(offline):
    text = (offline / "measures/2-8-8/index.html").read_text(encoding="utf-8")
    assert "ajp-qr" not in text.replace("ajp-qr-", "") and "QRコードはありません" in text


# --- delegation briefs ----------------------------------------------------------------------------

def test_a_brief_for_every_organisation_and_area_with_every_measure_in_full(html, offline):
    index = html("briefs/index.html")
    linked = {a["href"].strip("/").split("/")[-1] for a in index.select("article a[href]") if "briefs" not in a["href"]}
    slugs = {o.slug for o in CAT.organisations} | {a.slug for a in CAT.areas}
    assert slugs <= linked | {a["href"].rstrip("/") for a in index.select("article a[href]")}
    for o in CAT.organisations:
        page = html(f"briefs/{o.slug}/index.html")
        ids = [h.select_one("a").get_text().split()[-1] for h in page.select(".ajp-brief-measure h3")]
        assert ids == list(MENTIONS.measures_of_organisation(o.slug)), o.slug
        assert page.select_one("svg.ajp-static-graph title").get_text().strip()
        assert o.en in page.get_text()
        assert (offline / f"briefs/{o.slug}/index.html").is_file()
    for a in CAT.areas:
        page = html(f"briefs/{a.slug}/index.html")
        assert len(page.select(".ajp-brief-measure")) == sum(1 for x in CAT.assignments if a.slug in x.areas)


def test_brief_picture_needs_no_javascript(browser, site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    with serve(site) as url:
        page.goto(url + "briefs/jica/")
        picture = page.locator("svg.ajp-static-graph")
        assert picture.is_visible() and picture.locator("circle").count() >= 5
        assert "JICA" in picture.text_content()
    context.close()


# --- kiosk ----------------------------------------------------------------------------------------

def test_kiosk_tour_and_idle_reset(watched, server):
    page = watched.page
    page.goto(server + "kiosk/?idle=2")
    page.wait_for_selector("[data-kiosk][data-ready]")
    assert page.locator(".md-header").is_hidden()
    box = page.locator(".ajp-kiosk-primary").first.bounding_box()
    assert box["height"] >= 60 and box["width"] >= 150                    # large touch targets
    page.locator(".ajp-kiosk-primary").first.click()
    assert page.get_attribute("[data-kiosk]", "data-current") == "1"
    for step in range(2, len(PLAN.pillars) + 2):
        page.locator(f'[data-step="{step - 1}"] .ajp-kiosk-primary').click()
        assert page.get_attribute("[data-kiosk]", "data-current") == str(step)
    page.wait_for_selector('[data-step="5"] .ajp-graph[data-drawn=true]')
    assert page.locator('[data-step="5"] canvas').bounding_box()["width"] > 300
    page.wait_for_selector("[data-kiosk][data-idle-reset='1']", timeout=6_000)   # no input for 2 s
    assert page.get_attribute("[data-kiosk]", "data-current") == "0"
    assert page.locator('[data-step="0"]').is_visible()
    assert watched.errors == [] and watched.external == []


def test_kiosk_brings_visitors_back_from_other_pages(watched, server):
    page = watched.page
    page.goto(server + "kiosk/?idle=2")
    page.wait_for_selector("[data-kiosk][data-ready]")
    page.goto(server + "measures/1-1/")
    page.wait_for_url("**/kiosk/?idle=2", timeout=8_000)
    page.wait_for_selector("[data-kiosk][data-ready]")
    assert page.get_attribute("[data-kiosk]", "data-current") == "0"


def test_kiosk_works_from_the_offline_bundle(watched, offline):
    page = watched.page
    page.goto((offline / "kiosk/index.html").as_uri() + "?idle=60")
    page.wait_for_selector("[data-kiosk][data-ready]")
    page.locator('[data-step="0"] [data-go="5"]').click()
    page.wait_for_selector('[data-step="5"] .ajp-graph[data-drawn=true]')
    assert watched.errors == [] and watched.external == []


# --- English ----------------------------------------------------------------------------------------

def test_english_names_for_every_organisation_acronym_and_area(html):
    for o in CAT.organisations:
        assert o.en in html(f"organisations/{o.slug}/index.html").select_one(".ajp-en-name").get_text()
    for a in CAT.acronyms:
        if a.en:
            assert a.en in html(f"acronyms/{a.slug}/index.html").get_text(), a.slug
    assert all(a.en for a in CAT.acronyms if a.kind == "organisation")
    for a in CAT.areas:
        assert a.en in html(f"aoip/{a.slug}/index.html").select_one(".ajp-en-name").get_text()


def test_headings_have_english_glosses_marked_unofficial(html):
    for p in PLAN.pillars:
        h1 = html(f"pillars/{p.number}/index.html").select_one("article h1")
        assert h1.select_one(".ajp-gloss[lang=en]") and "(unofficial)" in h1.get_text()
    for s in PLAN.sections:
        assert html(f"sections/{s.slug}/index.html").select_one("article h1 .ajp-gloss[lang=en]"), s.id


def test_about_page_is_linked_from_every_page_in_both_editions(site, html):
    for path in ["index.html", "measures/1-1/index.html", "graph/index.html", "briefs/jica/index.html"]:
        for prefix in ("", "en/"):
            link = html(prefix + path).select_one("a.ajp-about-link")
            assert link is not None and link["href"].rstrip("/").endswith("about"), prefix + path
    about = html("en/about/index.html")
    assert about.html["lang"] == "en" and about.select_one("article strong") is not None    # Markdown rendered
    assert "unofficial translation" in about.get_text() and "official English text prevails" in about.get_text()
    assert html("about/index.html").html["lang"] == "ja"


# --- progress reports -----------------------------------------------------------------------------

def test_no_progress_reported_without_reports(html):
    assert "進捗はまだ報告されていません" in html("measures/1-1/index.html").select_one(".ajp-progress").get_text()
    assert "進捗はまだ報告されていません" in html("progress/index.html").get_text()
    assert not (ROOT / "source" / "progress").exists(), "ship no invented progress data"


@pytest.fixture(scope="module")
def progress_site(tmp_path_factory):
    source = tmp_path_factory.mktemp("progress-source")
    shutil.copytree(ROOT / "source", source, dirs_exist_ok=True)
    (source / "progress").mkdir()
    (source / "progress" / "2024.yaml").write_text(
        "source: 'Test fixture, not a real report'\n"
        "measures:\n"
        "  '1.1': {status: ongoing, note: 'テスト用の注記 <b>not bold</b>'}\n"
        "  '2.8.8': {status: completed}\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("progress-out")
    result = build_site(out, source)
    assert result.returncode == 0, result.stderr
    return out / "site"


def test_progress_reports_show_on_measure_pages_and_overview(progress_site):
    from bs4 import BeautifulSoup
    m11 = BeautifulSoup((progress_site / "measures/1-1/index.html").read_text(encoding="utf-8"), "html.parser")
    text = m11.select_one(".ajp-progress").get_text()
    assert "2024" in text and "実施中" in text and "<b>not bold</b>" in text
    m12 = BeautifulSoup((progress_site / "measures/1-2/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "記載はありません" in m12.select_one(".ajp-progress").get_text()
    overview = BeautifulSoup((progress_site / "progress/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "Test fixture, not a real report" in overview.get_text()
    cells = {tr.select_one("th").get_text(): tr.select("td")[0].get_text() for tr in overview.select(".ajp-progress-table tbody tr")}
    assert cells["1.1"] == "実施中" and cells["2.8.8"] == "実施済み" and cells["1.2"] == "—"
