"""The offline bundle a delegate opens from a USB stick, and what makes the online site deployable."""
from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from .conftest import SITE_URL
from .test_crosslinks import PLAN, SOURCES


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_bundle_has_how_to_open_page_checksums_and_build_info(built, offline):
    assert (offline / "index.html").is_file()
    how = BeautifulSoup((offline / "offline.html").read_text(encoding="utf-8"), "html.parser")
    text = how.select_one("article").get_text()
    assert "index.html" in text and "asean-japan-plan-offline.zip" in text and "SHA256SUMS" in text
    date = how.select_one(".ajp-build")["data-build-date"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and date in text
    assert how.select_one(".ajp-build")["data-build-version"]
    sums = dict(reversed(line.split("  ", 1)) for line in (offline / "SHA256SUMS").read_text().splitlines())
    files = {p.relative_to(offline).as_posix() for p in offline.rglob("*") if p.is_file()} - {"SHA256SUMS"}
    assert set(sums) == files
    assert all(sha256(offline / name) == digest for name, digest in sums.items())
    (zip_path,) = (built / "dist").glob("*-offline.zip")
    digest, name = (built / "dist" / (zip_path.name + ".sha256")).read_text().split()
    assert name == zip_path.name and digest == sha256(zip_path)


def test_bundle_loads_nothing_from_the_network(offline):
    for page in offline.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("script[src], link[href], img[src], iframe[src]"):
            url = tag.get("src") or tag.get("href")
            assert not re.match(r"(https?:)?//", url), (page, url)
    # Scripts are checked where it counts, in the browser: every request off file:// is recorded.


def test_theme_files_no_page_loads_are_left_out(site, offline):
    """Material's search worker, lunr and the source maps are not shipped (the site has its own search);
    every script and stylesheet a page does load is there."""
    for root in (site, offline):
        assert not [p for p in root.rglob("*") if p.name in ("lunr", "workers") or p.suffix == ".map"]
        for page in [root / "index.html", root / "measures/1-1/index.html", root / "en/index.html",
                     root / "en/graph/index.html", root / "404.html"]:
            text = page.read_text(encoding="utf-8")
            used = re.findall(r'<script[^>]* src="([^"]+)"', text) + re.findall(r'<link[^>]* href="([^"#]+\.css)"', text)
            assert used, page
            for url in used:
                target = (page.parent / url.split("?")[0]) if not url.startswith("/") else root / url.lstrip("/")
                assert target.resolve().is_file(), (page, url)


def test_navigation_search_and_graph_from_file_url(watched, offline):
    page = watched.page
    page.goto((offline / "index.html").as_uri())
    page.locator(".ajp-card").nth(2).click()
    page.wait_for_url("**/pillars/3/index.html")
    first = next(p for p in PLAN.pillars if p.number == "3").measure_ids[0]
    page.locator(".ajp-measure-list a", has_text=first).first.click()
    page.wait_for_url(f"**/measures/{first.replace('.', '-')}/index.html")
    page.locator(".ajp-prevnext a[rel=next]").click()
    page.wait_for_selector(".ajp-graph[data-drawn=true]")
    page.locator(".ajp-search-input").fill("ＡＨＡセンター")
    page.wait_for_selector("[data-ajp-search][data-results]")
    page.locator(".ajp-search-result", has_text="措置 2.7.2").first.click()
    page.wait_for_url("**/measures/2-7-2/index.html")
    page.locator("nav.md-nav a", has_text="オフライン版の使い方").first.click()
    page.wait_for_url("**/offline.html")
    assert watched.errors == [] and watched.external == []


def test_site_is_deployable(site, html):
    urls = [e.text for e in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert SITE_URL in urls and f"{SITE_URL}measures/2-8-8/" in urls and len(urls) >= len(PLAN.measures) + 50
    assert (site / "404.html").is_file()
    page = html("measures/2-8-8/index.html")
    assert page.select_one("link[rel=icon]")["href"].endswith("favicon.svg")
    assert (site / "assets/images/favicon.svg").is_file()
    title = SOURCES.titles["2.8.8"].ja       # the editorial short title follows the number
    assert page.select_one("meta[property='og:title']")["content"] == f"措置 2.8.8 {title}"
    assert page.select_one("meta[property='og:url']")["content"] == f"{SITE_URL}measures/2-8-8/"
    assert page.select_one("meta[property='og:description']")["content"].startswith("措置 2.8.8:")
    assert page.select_one("title").get_text().startswith("措置 2.8.8")
