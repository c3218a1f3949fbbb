"""The English edition under en/: every page in English, Japanese only where it is shown on purpose (inside
an element with lang="ja"), every measure with its text, notice and the official Japanese, and a language
switch that leads to the same page in the other language, both ways."""
from __future__ import annotations

import json
import posixpath
import re

import pytest
from bs4 import BeautifulSoup, Comment

from generator.model import BulletList
from generator.text import display

from .test_crosslinks import PLAN, SOURCES

EN = SOURCES.translations["en"]
WORDS_EN = SOURCES.settings.words_of("en").all()
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff5e\u3001-\u303f]")
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder", "content", "data-found", "data-none", "data-loading",
              "data-error", "label")


def lang_of(tag) -> str | None:
    while tag is not None:
        if getattr(tag, "attrs", None) and tag.get("lang"):
            return tag["lang"]
        tag = tag.parent
    return None


def japanese_outside_lang_ja(soup: BeautifulSoup) -> list[str]:
    """Text and attribute values with Japanese characters whose nearest lang is not ja."""
    found = []
    for node in soup.find_all(string=True):
        if isinstance(node, Comment) or node.parent.name in ("script", "style", "noscript"):
            continue
        if JAPANESE.search(node) and not (lang_of(node.parent) or "").startswith("ja"):
            found.append(f"text: {node.strip()[:60]!r} in <{node.parent.name}>")
    for tag in soup.find_all(True):
        for attr in ATTRIBUTES:
            value = tag.get(attr)
            if isinstance(value, str) and JAPANESE.search(value) and not (lang_of(tag) or "").startswith("ja"):
                found.append(f"{attr}={value[:60]!r} on <{tag.name}>")
        if tag.get("data-graph"):
            data = json.loads(tag["data-graph"])
            for node in data["nodes"]:
                for key in ("label", "title"):
                    if JAPANESE.search(str(node.get(key, ""))):
                        found.append(f"graph node {key} {node.get(key)!r}")
    return found


def pages(root, prefix=""):
    return sorted(p.relative_to(root).as_posix() for p in (root / prefix).rglob("*.html"))


def test_every_japanese_page_has_an_english_twin(site):
    ja = [p for p in pages(site) if not p.startswith("en/")]
    en = {p[3:] for p in pages(site, "en")}
    assert len(ja) > 400
    assert set(ja) == en


def test_no_japanese_outside_lang_ja_on_english_pages(site):
    problems = {}
    for path in pages(site, "en"):
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        assert soup.html.get("lang") == "en", path
        found = japanese_outside_lang_ja(soup)
        if found:
            problems[path] = found[:5]
    assert problems == {}


def texts(blocks):
    out = []
    for b in blocks:
        out.extend(b.items if isinstance(b, BulletList) else (b.text,))
    return out


@pytest.mark.parametrize("m", PLAN.measures, ids=lambda m: m.id)
def test_english_measure_page_has_text_notice_and_the_official_japanese(site, m):
    soup = BeautifulSoup((site / f"en/measures/{m.slug}/index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    english = " ".join(article.select_one(".ajp-text").get_text("").split())
    for sentence in texts(EN[m.id].blocks):
        assert " ".join(sentence.split()) in english, sentence[:60]
    t = EN[m.id]
    notice = WORDS_EN["translation_official"] if t.official else WORDS_EN["translation_unofficial"]
    assert notice in article.get_text(" ")
    original = article.select_one(".ajp-text-ja")
    assert original.get("lang") == "ja"
    shown = " ".join(original.get_text("").split())
    for text in m.texts:
        assert " ".join(display(text).split()) in shown
    # every organisation and acronym linked on the Japanese page's text is linked in the English text
    ja = BeautifulSoup((site / f"measures/{m.slug}/index.html").read_text(encoding="utf-8"), "html.parser")
    ja_text = ja.select_one("article .ajp-text")
    en_text = article.select_one(".ajp-text")
    for attr in ("data-org", "data-acronym"):
        assert {a[attr] for a in ja_text.select(f"[{attr}]")} <= {a[attr] for a in en_text.select(f"[{attr}]")}


def switch_target(site, path: str, online: bool = True) -> str:
    soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one("a[data-ajp-lang-switch]")
    assert link is not None, path
    target = posixpath.normpath(posixpath.join(posixpath.dirname(path), link["href"]))
    if (site / target).is_dir():
        target = posixpath.normpath(posixpath.join(target, "index.html"))
    if online:
        langs = {link["hreflang"] for link in soup.select("link[rel=alternate][hreflang]")}
        assert langs == {"ja", "en"}, path
    return target


def test_language_switch_leads_to_the_same_page_both_ways(site):
    for path in pages(site):
        if path.endswith("404.html"):
            continue     # 404.html is served at any address: its links are root-relative on purpose
        twin = switch_target(site, path)
        expected = path[3:] if path.startswith("en/") else f"en/{path}"
        assert twin == expected, (path, twin)
        assert (site / twin).is_file(), path


def test_language_switch_works_in_the_bundle(offline):
    for path in ["index.html", "measures/2-8-8/index.html", "organisations/jica/index.html", "en/index.html",
                 "en/measures/2-8-8/index.html", "en/graph/index.html", "en/offline.html", "offline.html"]:
        twin = switch_target(offline, path, online=False)
        assert (offline / twin).is_file(), (path, twin)


def test_english_titles_are_english(site):
    for path in pages(site, "en"):
        title = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").title.get_text()
        assert not JAPANESE.search(title), (path, title)
