"""Plan text containing markup or Jinja is shown literally, never executed or rendered."""
from __future__ import annotations

import shutil

import pytest
import yaml

from .conftest import ROOT, build_site

PAYLOAD = "<img src=x onerror=alert(1)>{{ 7*7 }}{% raw %}<script>alert(2)</script>[x](javascript:alert(3))"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    source = tmp_path_factory.mktemp("hostile-source")
    shutil.copytree(ROOT / "source", source, dirs_exist_ok=True)
    plan = yaml.safe_load((source / "plan.yaml").read_text(encoding="utf-8"))
    plan["pillars"][0]["measures"][0]["text"][0] += PAYLOAD
    plan["pillars"][0]["title"] += PAYLOAD
    (source / "plan.yaml").write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile-out")
    result = build_site(out, source)
    assert result.returncode == 0, result.stderr
    return out / "site"


@pytest.mark.parametrize("path", ["measures/1-1/index.html", "pillars/1/index.html", "index.html"])
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
