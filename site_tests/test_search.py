"""Search finds what a reader types: the measures found in the real browser, online and from the offline
bundle, are exactly those the rule gives (site_tests/search_rule.py, computed from the model); and the
search box works by keyboard as a plain search field followed by its results."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from generator.text import display

from .search_rule import measures_found
from .test_crosslinks import PLAN


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


FIXED = [
    # named by the issues, and everyday topics of the plan
    "防災", "連結", "脱炭素", "再生可能エネルギー", "インフラ投資", "海洋状況把握", "気候変動", "人材育成",
    "サプライチェーン", "デジタル", "女性", "保健", "文化", "スポーツ", "食料安全保障", "法の支配", "サイバー",
    "中小零細企業", "観光", "海上保安", "質の高いインフラ", "エネルギー安全保障", "次世代", "若者",
    # pieces in the middle of words
    "結性", "炭素", "可能エネ", "ネルギ",
    # acronyms in both widths and cases, with Japanese attached, and inside English words
    "JICA", "ＪＩＣＡ", "jica", "ERIA", "ＥＲＩＡ", "eria", "AHAセンター", "ＡＨＡセンター", "SDGs", "ＳＤＧｓ", "AOIP",
    "ADMMプラス", "ASEAN+3", "ＡＳＥＡＮ＋３", "ASEAN事務局", "e-waste", "ACE", "AI", "EAS",
    # measure numbers, sections and areas
    "2.8.8", "2.7.8", "1.1", "1.14", "3.5", "2.12.10", "4.2", "2.1.14", "2.8", "海洋協力", "エネルギー",
    # names the text does not print as such
    "Japan International Cooperation Agency", "独立行政法人国際協力機構", "国際協力機構",
    "Economic Research Institute for ASEAN and East Asia", "Asian Disaster Reduction Center", "The Japan Foundation",
]


def drawn_from_text() -> list[str]:
    """Katakana words, kanji compounds and mixed-script words as they occur in the plan, most frequent first."""
    text = display(" ".join(t for m in PLAN.measures for t in m.texts))
    picks = []
    for pattern, n in ((r"[ァ-ヴー・]{4,}", 10), (r"[一-龥]{3,4}", 10), (r"[ァ-ヴー]{2,}[一-龥]{2,}", 6)):
        picks += [w for w, _ in Counter(re.findall(pattern, text)).most_common(n)]
    return picks


QUERIES = list(dict.fromkeys(FIXED + drawn_from_text()))


def run_query(page, query: str) -> list[str]:
    """Type the query into the header's search box; the measure numbers of every result, in order."""
    page.evaluate("document.querySelector('[data-ajp-search]').removeAttribute('data-results')")
    box = page.locator(".ajp-search-input")
    box.fill(query)
    page.wait_for_selector("[data-ajp-search][data-results]", timeout=5_000)
    more = page.locator(".ajp-search-more")
    if more.is_visible():
        more.click()
    hrefs = page.eval_on_selector_all(".ajp-search-result", "els => els.map(a => a.getAttribute('href'))")
    ids = []
    for href in hrefs:
        hit = re.search(r"/measures/([0-9-]+)(?:/|/index\.html)$", href)
        if hit:
            ids.append(hit.group(1).replace("-", "."))
    return ids


def differences(page, queries, lang: str = "ja") -> list[str]:
    out = []
    for query in queries:
        want, got = measures_found(lang, query), run_query(page, query)
        assert len(got) == len(set(got)), f"{query!r}: a measure listed twice"
        if set(got) != want:
            out.append(f"{query!r}: missing {sorted(want - set(got))}, extra {sorted(set(got) - want)}")
    return out


def test_query_set_is_broad():
    assert len(QUERIES) >= 60
    assert all(measures_found("ja", q) for q in QUERIES), [q for q in QUERIES if not measures_found("ja", q)]
    assert any(re.fullmatch(r"[ァ-ヴー・]+", q) for q in QUERIES)
    assert any(re.search(r"[Ａ-Ｚ]", q) for q in QUERIES) and any(re.fullmatch(r"[\d.]+", q) for q in QUERIES)


def test_the_rule_is_not_plain_substring_search():
    """The rule the browser is held to really differs from substring search where the issue says it must."""
    text = {m.id: fold(display(" ".join(m.texts))) for m in PLAN.measures}
    assert measures_found("ja", "保健") > {m for m, t in text.items() if "保健" in t}        # all of section 2.8
    assert "2.1.1" not in measures_found("ja", "1.1") and "2.8.8" in measures_found("ja", "2.7.8")
    assert not {"1.6", "3.19"} & measures_found("en", "ERIA")          # "ministerial"


def test_measures_found_follow_the_rule_online(watched, server):
    page = watched.page
    page.goto(server + "measures/1-1/")
    assert differences(page, QUERIES) == []
    assert watched.errors == [] and watched.external == []


def test_measures_found_follow_the_rule_in_the_offline_bundle(watched, offline):
    page = watched.page
    page.goto((offline / "sections/2-7/index.html").as_uri())
    assert differences(page, QUERIES[::3]) == []
    assert watched.errors == [] and watched.external == []


def test_number_query_ranks_the_measure_first(watched, server):
    page = watched.page
    page.goto(server)
    assert run_query(page, "2.8.8")[0] == "2.8.8"
    assert run_query(page, "1.14")[0] == "1.14"


def test_result_opens_the_page_with_the_keyboard(watched, server):
    page = watched.page
    page.goto(server + "pillars/1/")
    page.wait_for_load_state("networkidle")
    page.locator(".ajp-search-input").fill("海上保安")
    page.wait_for_selector("[data-ajp-search][data-results]")
    page.locator(".ajp-search-input").press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    assert "/measures/" in first
    page.keyboard.press("Enter")
    page.wait_for_url(first)
    page.wait_for_function("document.querySelector('article h1').innerText.startsWith('措置')")
    assert page.locator(".ajp-search-panel").is_hidden()
    assert watched.errors == [] and watched.external == []


def test_no_results_says_so(watched, server):
    page = watched.page
    page.goto(server)
    page.locator(".ajp-search-input").fill("存在しない語句ぬぬぬ")
    page.wait_for_selector("[data-ajp-search][data-results='0']")
    assert "見つかりませんでした" in page.locator(".ajp-search-status").inner_text()
    assert "見つかりませんでした" in page.locator(".ajp-search-live").inner_text()      # announced politely


@pytest.mark.parametrize("query", ["JICA", "ＪＩＣＡ", "jica"])
def test_acronym_widths_find_the_organisation_page(watched, server, query):
    page = watched.page
    page.goto(server)
    page.locator(".ajp-search-input").fill(query)
    page.wait_for_selector("[data-ajp-search][data-results]")
    hrefs = page.eval_on_selector_all(".ajp-search-result", "els => els.map(a => a.getAttribute('href'))")
    assert hrefs[0].endswith("/organisations/jica/") and hrefs[1].endswith("/acronyms/jica/")


# --- the box, by keyboard -------------------------------------------------------------------------------

def test_search_field_is_a_plain_searchbox(html):
    box = html("index.html").select_one(".ajp-search-input")
    assert box["type"] == "search" and not box.has_attr("role")
    assert not box.has_attr("aria-expanded"), "aria-expanded belongs to a combobox, not a plain search field"
    assert html("index.html").select_one(f"#{box['aria-describedby']}").get_text(strip=True)
    assert html("index.html").select_one(".ajp-search-live")["aria-live"] == "polite"


def test_escape_closes_the_results_and_returns_to_the_field(watched, server):
    page = watched.page
    page.goto(server + "measures/1-1/")
    field, panel = page.locator(".ajp-search-input"), page.locator(".ajp-search-panel")
    field.fill("防災")
    page.wait_for_selector("[data-ajp-search][data-results]")
    field.press("ArrowDown")
    field.page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('ajp-search-result')")
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.id") == "ajp-search-input"
    assert field.input_value() == "防災"
    field.press("ArrowDown")                         # the results come back with the keyboard
    assert panel.is_visible()


def test_results_close_when_focus_leaves_them(watched, server):
    page = watched.page
    page.goto(server + "measures/1-1/")
    field, panel = page.locator(".ajp-search-input"), page.locator(".ajp-search-panel")
    field.fill("2.8.8")
    page.wait_for_selector("[data-ajp-search][data-results='1']")
    field.press("ArrowDown")
    page.keyboard.press("Tab")                       # past the only result: out of the box
    page.wait_for_function("document.querySelector('.ajp-search-panel').hidden")
    assert panel.is_hidden()
    field.focus()
    assert panel.is_visible(), "focusing the field again shows its results"
    page.mouse.click(20, 880)                        # a click outside the box
    assert panel.is_hidden()


def test_show_all_keeps_focus_in_the_results(watched, server):
    page = watched.page
    page.goto(server + "measures/1-1/")
    page.locator(".ajp-search-input").fill("協力")
    page.wait_for_selector("[data-ajp-search][data-results]")
    page.locator(".ajp-search-more").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('ajp-search-result')")
    assert page.locator(".ajp-search-panel").is_visible()
    assert page.locator(".ajp-search-result").count() == int(page.get_attribute("[data-ajp-search]", "data-results"))


def test_focused_result_is_visibly_marked(watched, server):
    page = watched.page
    page.goto(server + "measures/1-1/")
    page.locator(".ajp-search-input").fill("JICA")
    page.wait_for_selector("[data-ajp-search][data-results]")
    page.locator(".ajp-search-input").press("ArrowDown")
    style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement);"
                          " return [s.outlineStyle, s.outlineWidth]; })()")
    assert style[0] != "none" and float(style[1].removesuffix("px")) >= 2, style
