"""Search finds what a reader types: recall measured in the real browser against a ground truth
computed by substring search over the model, online and from the offline bundle."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

import pytest

from generator.text import display

from .test_crosslinks import CAT, MENTIONS, PLAN, SOURCES

ORGS = {o.slug: o for o in CAT.organisations}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


TEXTS = {m.id: fold(" ".join(m.texts)) + "\n" + fold(display(" ".join(m.texts))) for m in PLAN.measures}

FIXED = [
    # named by the issue, and everyday topics of the plan
    "防災", "連結", "脱炭素", "再生可能エネルギー", "インフラ投資", "海洋状況把握", "気候変動", "人材育成",
    "サプライチェーン", "デジタル", "女性", "保健", "文化", "スポーツ", "食料安全保障", "法の支配", "サイバー",
    "中小零細企業", "観光", "海上保安", "質の高いインフラ", "エネルギー安全保障", "次世代", "若者",
    # pieces in the middle of words
    "結性", "炭素", "可能エネ", "ネルギ",
    # acronyms in both widths and cases, and with Japanese attached
    "JICA", "ＪＩＣＡ", "jica", "ERIA", "ＥＲＩＡ", "eria", "AHAセンター", "ＡＨＡセンター", "SDGs", "ＳＤＧｓ", "AOIP",
    "ADMMプラス", "ASEAN+3", "ＡＳＥＡＮ＋３", "ASEAN事務局", "e-waste",
    # measure numbers
    "2.8.8", "1.14", "3.5", "2.12.10", "4.2", "2.1.14",
]
ORGANISATION_NAMES = {"Japan International Cooperation Agency": "jica", "独立行政法人国際協力機構": "jica",
                      "Economic Research Institute for ASEAN and East Asia": "eria",
                      "東アジア・アセアン経済研究センター": "eria", "Asian Disaster Reduction Center": "adrc",
                      "The Japan Foundation": "japan-foundation", "国際交流基金": "japan-foundation"}


def drawn_from_text() -> list[str]:
    """Katakana words, kanji compounds and mixed-script words as they occur in the plan, most frequent first."""
    text = display(" ".join(t for m in PLAN.measures for t in m.texts))
    picks = []
    for pattern, n in ((r"[ァ-ヴー・]{4,}", 10), (r"[一-龥]{3,4}", 10), (r"[ァ-ヴー]{2,}[一-龥]{2,}", 6)):
        picks += [w for w, _ in Counter(re.findall(pattern, text)).most_common(n)]
    return picks


QUERIES = list(dict.fromkeys(FIXED + drawn_from_text() + list(ORGANISATION_NAMES)))


def expected_measures(query: str) -> set[str]:
    q = fold(query).strip()
    found = {m for m, text in TEXTS.items() if q in text}
    if re.fullmatch(r"\d+(\.\d+)+", q):
        found |= {m.id for m in PLAN.measures if m.id == q or m.printed == q}
    if query in ORGANISATION_NAMES:
        found |= set(MENTIONS.measures_of_organisation(ORGANISATION_NAMES[query]))
    return found


def plausible(query: str, measure_id: str) -> bool:
    """A found measure contains the query, or names it through its number, organisations or acronyms."""
    q = fold(query)
    m = next(x for x in PLAN.measures if x.id == measure_id)
    title = SOURCES.titles.get(m.id)
    names = [m.id, m.printed] + ([title.ja, title.en] if title else [])    # the editorial title is searched too
    for slug in MENTIONS.organisations[m.id]:
        names += [ORGS[slug].ja, ORGS[slug].en, *ORGS[slug].aliases]
    acronyms = {a.slug: a for a in CAT.acronyms}
    for slug in MENTIONS.acronyms[m.id]:
        names += [acronyms[slug].acronym, acronyms[slug].ja or "", acronyms[slug].en or "", *acronyms[slug].forms]
    return q in TEXTS[m.id] or any(q in fold(n) for n in names)


def run_query(page, query: str) -> list[str]:
    """Type the query into the header's search box; the measure numbers of every result."""
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


def recall(page, queries) -> tuple[int, list[str]]:
    misses = []
    for query in queries:
        want = expected_measures(query)
        assert want, f"query {query!r} occurs in no measure: not a useful test query"
        got = run_query(page, query)
        if want - set(got):
            misses.append(f"{query!r}: missing {sorted(want - set(got))}")
        assert all(plausible(query, m) for m in got), (query, [m for m in got if not plausible(query, m)])
    return len(queries), misses


def test_query_set_is_broad():
    assert len(QUERIES) >= 60
    assert any(re.fullmatch(r"[ァ-ヴー・]+", q) for q in QUERIES)
    assert any(re.search(r"[Ａ-Ｚ]", q) for q in QUERIES) and any(re.fullmatch(r"[\d.]+", q) for q in QUERIES)


def test_recall_is_complete_online(watched, server):
    page = watched.page
    page.goto(server + "measures/1-1/")
    total, misses = recall(page, QUERIES)
    assert misses == [], f"recall below 100% on {len(misses)} of {total} queries: {misses}"
    assert watched.errors == [] and watched.external == []


def test_recall_is_complete_in_the_offline_bundle(watched, offline):
    page = watched.page
    page.goto((offline / "sections/2-7/index.html").as_uri())
    total, misses = recall(page, QUERIES[::3])
    assert misses == [], f"recall below 100% on {len(misses)} of {total} queries: {misses}"
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
    page.locator(".ajp-search-input").fill("海洋状況把握")
    page.wait_for_selector("[data-ajp-search][data-results]")
    page.locator(".ajp-search-input").press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
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


@pytest.mark.parametrize("query", ["JICA", "ＪＩＣＡ", "jica"])
def test_acronym_widths_find_the_organisation_page(watched, server, query):
    page = watched.page
    page.goto(server)
    page.locator(".ajp-search-input").fill(query)
    page.wait_for_selector("[data-ajp-search][data-results]")
    hrefs = page.eval_on_selector_all(".ajp-search-result", "els => els.map(a => a.getAttribute('href'))")
    assert any(h.endswith("/organisations/jica/") for h in hrefs)
    assert any(h.endswith("/acronyms/jica/") for h in hrefs)
