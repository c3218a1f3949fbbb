"""A real browser (Debian's headless Chromium) on the site served from 127.0.0.1."""
from __future__ import annotations


def test_home_page(watched, server):
    page = watched.page
    page.goto(server)
    assert page.locator("h1").first.inner_text().startswith("日ASEAN友好協力に関する共同ビジョン・ステートメント2023")
    assert page.locator(".ajp-card").count() == 4
    assert "132件" in page.locator("article").inner_text().replace(" ", "")
    assert watched.errors == [] and watched.external == []


def test_measure_page(watched, server):
    page = watched.page
    page.goto(server + "measures/1-6/")
    assert page.locator("h1").inner_text().endswith("1.6")
    assert page.locator(".ajp-text ul li").count() == 5
    assert page.locator(".ajp-text li").first.is_visible()
    assert "日ASEANスポーツ大臣会合" in page.locator(".ajp-text").inner_text()
    assert watched.errors == [] and watched.external == []


def test_in_site_navigation_reaches_a_measure(watched, server):
    page = watched.page
    page.goto(server)
    page.locator(".ajp-card").nth(1).click()
    page.wait_for_url("**/pillars/2/")
    page.locator(".ajp-measure-list a", has_text="2.8.8").click()
    page.wait_for_url("**/measures/2-8-8/")
    assert "2.7.8" in page.locator(".ajp-misprint").inner_text()
    page.locator(".ajp-prevnext a[rel=next]").click()
    page.wait_for_url("**/measures/2-8-9/")
    assert watched.errors == [] and watched.external == []


def test_mentions_lead_to_organisation_and_acronym_pages(watched, server):
    page = watched.page
    page.goto(server + "measures/2-7-2/")
    assert page.locator(".ajp-text abbr[title]").first.get_attribute("title").startswith("ASEAN:")
    page.locator(".ajp-text a.ajp-org[data-org=jica]").first.click()
    page.wait_for_url("**/organisations/jica/")
    assert "Japan International Cooperation Agency" in page.locator(".ajp-en-name").inner_text()
    assert page.locator(".ajp-measure-list a", has_text="2.7.2").count() == 1
    page.goto(server + "acronyms/")
    page.locator("table a", has_text="ERIA").first.click()
    page.wait_for_url("**/acronyms/eria/")
    assert "東アジア・アセアン経済研究センター" in page.locator(".ajp-facts").inner_text()
    assert watched.errors == [] and watched.external == []
