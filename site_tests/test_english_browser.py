"""The English edition in the browser: search finds English words (and pasted Japanese), the bundle opens
on a choice of language and works from file:// in English, with no request to the network."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from generator.model import BulletList

from .search_rule import occurs
from .test_crosslinks import PLAN, SOURCES
from .test_search import run_query

EN = SOURCES.translations["en"]


def english_text(m) -> str:
    out = []
    for b in EN[m.id].blocks:
        out.extend(b.items if isinstance(b, BulletList) else (b.text,))
    title = SOURCES.titles.get(m.id)
    return unicodedata.normalize("NFKC", " ".join(out) + " " + (title.en if title else "")).lower()


TEXTS = {m.id: english_text(m) for m in PLAN.measures}
JAPANESE = {m.id: unicodedata.normalize("NFKC", " ".join(m.texts)).lower() for m in PLAN.measures}
FIXED = ["disaster", "connectivity", "maritime", "climate change", "cybersecurity", "women", "health", "JICA",
         "Japan International Cooperation Agency", "ERIA", "decarbonisation", "supply chain", "small and medium",
         "rule of law", "food security", "renewable", "2.8.8", "Timor-Leste", "Mekong", "tourism"]
STOP = {"the", "and", "of", "to", "in", "for", "with", "including", "through", "as", "well", "on", "by", "such",
        "will", "between", "under", "their", "other", "further", "promote", "support", "continue", "strengthen"}


def drawn_from_text() -> list[str]:
    words = Counter(w for text in TEXTS.values() for w in re.findall(r"[a-z][a-z-]{5,}", text) if w not in STOP)
    return [w for w, _ in words.most_common(30)]


QUERIES = list(dict.fromkeys(FIXED + drawn_from_text()))


def expected(query: str) -> set[str]:
    q = unicodedata.normalize("NFKC", query).lower()
    found = {mid for mid, text in TEXTS.items() if occurs(text, q)}      # English words at word boundaries
    if re.fullmatch(r"\d+(\.\d+)+", q):
        found.add(q)
    return found


def test_english_query_set_is_broad():
    assert len(QUERIES) >= 40 and all(expected(q) for q in QUERIES if not re.fullmatch(r"[A-Z]+", q))


def check_recall(page, queries):
    misses = []
    for query in queries:
        want = expected(query)
        got = set(run_query(page, query))
        if want - got:
            misses.append((query, sorted(want - got)))
    return misses


def test_english_search_finds_every_measure_containing_the_words(watched, server):
    page = watched.page
    page.goto(server + "en/measures/1-1/")
    assert check_recall(page, QUERIES) == []
    # a Japanese term pasted into the English search still finds its measures
    got = set(run_query(page, "防災"))
    assert {mid for mid, text in JAPANESE.items() if "防災" in text} <= got
    assert watched.errors == [] and watched.external == []


def test_english_search_in_the_bundle(watched, offline):
    page = watched.page
    page.goto((offline / "en/sections/2-7/index.html").as_uri())
    assert check_recall(page, QUERIES[::3]) == []
    assert watched.errors == [] and watched.external == []


def test_bundle_opens_on_a_choice_of_language_and_works_in_english(watched, offline):
    page = watched.page
    page.goto((offline / "index.html").as_uri())
    choice = page.locator(".ajp-lang-choice a[lang=en]")
    assert choice.is_visible() and page.locator(".ajp-lang-choice a[lang=ja]").is_visible()
    choice.click()
    page.wait_for_url("**/en/index.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".ajp-card").nth(1).click()
    page.wait_for_url("**/en/pillars/2/index.html")
    page.goto((offline / "en/measures/2-7-2/index.html").as_uri())
    page.wait_for_selector(".ajp-graph[data-drawn=true]")
    assert "Unofficial translation" in page.locator("article").inner_text()
    page.locator("a[data-ajp-lang-switch]").click()
    page.wait_for_url("**/measures/2-7-2/index.html")
    assert page.locator("html").get_attribute("lang") == "ja"
    page.goto((offline / "en/graph/index.html").as_uri())
    page.wait_for_selector(".ajp-graph[data-drawn=true]")
    page.goto((offline / "en/kiosk/index.html").as_uri() + "?idle=60")
    page.wait_for_selector("[data-kiosk][data-ready]")
    assert "Implementation Mechanism" in page.locator("[data-kiosk]").inner_text()     # the English start screen
    page.locator('[data-step="0"] [data-go="5"]').click()
    page.wait_for_selector('[data-step="5"] .ajp-graph[data-drawn=true]')
    assert watched.errors == [] and watched.external == []
