"""The same docs folders built with Zensical, Material's successor (`make test-zensical`; not in `make test`
while only an alpha installs). Skipped unless AJP_TEST_ZENSICAL=1."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

import pytest
from bs4 import BeautifulSoup

from .conftest import PORT, ROOT, SITE_URL, serve

pytestmark = pytest.mark.skipif(os.environ.get("AJP_TEST_ZENSICAL") != "1",
                                reason="Zensical is tested by `make test-zensical`")


@pytest.fixture(scope="module")
def zbuilt(tmp_path_factory):
    out = tmp_path_factory.mktemp("zensical")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1702771200", "SITE_URL": SITE_URL}
    result = subprocess.run([sys.executable, "-m", "generator", "site", "--builder", "zensical", "--out", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def zsite(zbuilt):
    return zbuilt / "site-zensical"


@pytest.fixture(scope="module")
def zoffline(zbuilt, tmp_path_factory):
    dest = tmp_path_factory.mktemp("zensical-offline")
    with zipfile.ZipFile(next((zbuilt / "dist-zensical").glob("*.zip"))) as zf:
        zf.extractall(dest)
    (folder,) = dest.iterdir()
    return folder


def pages(root):
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")}


def test_same_pages_as_mkdocs(site, zsite):
    missing = pages(site) - pages(zsite)
    assert missing == set()


def article(path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    node = soup.select_one("article")
    for tag in node.select("a.headerlink, a#__skip"):   # permalink anchors and Zensical's skip target: markup only
        tag.decompose()
    return re.sub(r"\s+", " ", str(node))


def test_article_html_of_every_measure_page_equals_mkdocs(site, zsite):
    different = [p for p in sorted(pages(site)) if "/measures/" in f"/{p}" and article(site / p) != article(zsite / p)]
    assert different == []


def test_no_canonical_without_an_address_and_no_external_assets(zoffline):
    for path in ["index.html", "measures/2-8-8/index.html", "en/index.html"]:
        soup = BeautifulSoup((zoffline / path).read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("link[rel=canonical]") is None and soup.select_one("meta[property='og:url']") is None
        for tag in soup.select("script[src], link[href], img[src]"):
            assert not re.match(r"(https?:)?//", tag.get("src") or tag.get("href")), (path, tag)


def test_pages_search_graphs_and_switch_in_the_browser(watched, zsite):
    page = watched.page
    with serve(zsite, PORT) as url:          # at the build's site_url, as on a real host
        page.goto(url + "organisations/jica/")
        page.wait_for_selector(".ajp-graph[data-drawn=true]")
        page.locator(".ajp-search-input").fill("JICA")
        page.wait_for_selector("[data-ajp-search][data-results]")
        assert page.locator(".ajp-search-result").count() > 5
        page.locator("a[data-ajp-lang-switch]").click()
        page.wait_for_url("**/en/organisations/jica/")
        page.wait_for_selector(".ajp-graph[data-drawn=true]")
    assert watched.errors == [] and watched.external == []


def test_offline_bundle_from_file_urls(watched, zoffline):
    page = watched.page
    page.goto((zoffline / "en/measures/2-7-2/index.html").as_uri())
    page.wait_for_selector(".ajp-graph[data-drawn=true]")
    page.locator(".ajp-search-input").fill("disaster")
    page.wait_for_selector("[data-ajp-search][data-results]")
    assert page.locator(".ajp-search-result").count() > 3
    page.goto((zoffline / "graph/index.html").as_uri())
    page.wait_for_selector(".ajp-graph[data-drawn=true]")
    assert watched.errors == [] and watched.external == []
