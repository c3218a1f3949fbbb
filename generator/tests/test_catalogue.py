"""Acronyms, organisations and AOIP areas: coverage of the text, collisions, classification."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import pipeline
from generator.linker import Matcher, find_mentions

ROOT = Path(__file__).resolve().parents[2]
SOURCES = pipeline.load(ROOT / "source")
PLAN, CAT = SOURCES.plan, SOURCES.catalogue
MATCHER = Matcher(CAT)
MENTIONS = find_mentions(PLAN, MATCHER)


def all_texts():
    return [(m.id, t) for m in PLAN.measures for t in m.texts]


def test_every_latin_capital_run_is_a_known_acronym_or_listed():
    listed = {n.text for n in CAT.not_acronyms}
    unknown = []
    for mid, text in all_texts():
        spans = MATCHER.acronym_spans(text)
        for run in re.finditer(r"[A-ZＡ-Ｚ]{2,}", text):
            inside = any(s.start <= run.start() and run.end() <= s.end for s in spans)
            if not inside and run.group() not in listed:
                unknown.append((mid, run.group()))
    assert unknown == []
    assert len(CAT.acronyms) >= 150


def test_every_acronym_and_organisation_is_used_and_every_alias_occurs():
    text = "".join(t for _, t in all_texts())
    for a in CAT.acronyms:
        assert MENTIONS.measures_of_acronym(a.slug), a.slug
        assert all(f in text for f in a.forms), a.slug
    for o in CAT.organisations:
        assert MENTIONS.measures_of_organisation(o.slug), o.slug
        assert all(alias in text for alias in o.aliases), o.slug


def acronyms_in(text: str) -> list[str]:
    return [s.term.acronym for s in MATCHER.acronym_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("ＡＳＥＡＮエネルギーセンター（ＡＣＥ）", ["asean", "ace"]),
    ("リーダーシップ（ＡＣＥ-ＬＥＤＭＰ）", ["ace-ledmp"]),
    ("ＡＳＥＡＮ文化大臣会合（ＡＭＣＡ）", ["asean", "amca"]),
    ("行動計画（ＡＭＣＡＰ）", ["amcap"]),
    ("評価チーム（ＡＳＥＡＮ-ＥＲＡＴ）", ["asean-erat"]),
    ("和解機構（ＡＳＥＡＮ-ＩＰＲ）", ["asean-ipr"]),
    ("ＡＳＥＡＮ＋３行動計画", ["asean-plus-3"]),
    ("国防相会議（ＡＤＭＭプラス）", ["admm-plus"]),
    ("ＡＤＭＭサイバーセキュリティ", ["admm"]),
    ("日ＡＳＥＡＮＺ世代", []),
    ("Ｅ－ｗａｓｔｅ及びｅ－ｗａｓｔｅ", ["e-waste", "e-waste"]),
    ("５Ｇ及びビヨンド５Ｇ", ["5g", "5g"]),
])
def test_longest_form_wins_and_no_match_inside_a_latin_word(text, expected):
    assert acronyms_in(text) == expected


def test_acronym_naming_an_organisation_is_an_organisation_mention():
    spans = MATCHER.spans("ＡＨＡセンター及びＪＩＣＡ")
    assert [(s.term.acronym, s.term.organisation) for s in spans] == [
        ("aha-centre", "aha-centre"), ("jica", "jica")]


def test_every_measure_is_classified_with_a_rationale():
    assert len(CAT.assignments) == len(PLAN.measures) == 132
    areas = {a.slug for a in CAT.areas}
    assert areas == {"maritime", "connectivity", "sdgs", "economic", "cross-cutting"}
    for x in CAT.assignments:
        assert x.areas and set(x.areas) <= areas and x.rationale.strip() and x.rationale_en.strip()
    by_id = {x.measure: x for x in CAT.assignments}
    assert by_id["3.4"].areas == ("maritime",)


def test_partner_organisations_named_by_the_issue_are_there():
    slugs = {o.slug for o in CAT.organisations}
    for slug in ("eria", "jica", "aha-centre", "japan-foundation", "jetro", "jbic", "asean-secretariat",
                 "asean-japan-centre", "oecd", "adb", "unesco", "seameo", "woah", "iea", "irena", "unido",
                 "ace", "adrc", "amro", "seafdec", "unafei", "acb", "acpheed", "ajccbc", "armac", "asean-ipr",
                 "aichr", "iaea", "gpai", "wto"):
        assert slug in slugs, slug
    jica = MENTIONS.measures_of_organisation("jica")
    assert "1.16" in jica and "2.7.2" in jica and "3.5" in jica
