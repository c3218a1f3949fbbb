"""Editorial content a specialist signs: every measure has its own AOIP reason (both languages) and its own
short title; the corrections a reviewer required stay in place."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from generator import pipeline

ROOT = Path(__file__).resolve().parents[2]
SOURCES = pipeline.load(ROOT / "source")
ASSIGNED = {a.measure: a for a in SOURCES.catalogue.assignments}


def test_every_measure_has_its_own_reason_in_both_languages():
    assert set(ASSIGNED) == {m.id for m in SOURCES.plan.measures}
    for lang in ("rationale", "rationale_en"):
        repeated = [t for t, n in Counter(getattr(a, lang) for a in ASSIGNED.values()).items() if n > 1]
        assert repeated == [], f"reasons shared by several measures ({lang}): {repeated}"


def test_two_area_reasons_explain_each_area():
    words = {"maritime": ("海", "maritime"), "connectivity": ("連結性", "connectivity"), "sdgs": ("SDG", "SDG"),
             "economic": ("経済", "econom"), "cross-cutting": ("", "")}
    for a in ASSIGNED.values():
        if len(a.areas) > 1:
            for area in a.areas:
                ja, en = words[area]
                assert ja in a.rationale and en.lower() in a.rationale_en.lower(), (a.measure, area)


def test_corrections_required_by_review():
    assert "sdgs" in ASSIGNED["2.10.1"].areas and "sdgs" in ASSIGNED["1.12"].areas
    assert "connectivity" in ASSIGNED["2.2.3"].areas
    assert set(ASSIGNED["2.12.9"].areas) == {"connectivity", "sdgs"}
    assert ASSIGNED["4.1"].areas == ("cross-cutting",) and ASSIGNED["4.2"].areas == ("cross-cutting",)
    pillar3 = [a for m, a in ASSIGNED.items() if m.startswith("3.")]
    assert not any(a.areas == ("economic",) and "政治" in a.rationale for a in pillar3)


def test_cross_cutting_stands_alone():
    assert all(a.areas == ("cross-cutting",) for a in ASSIGNED.values() if "cross-cutting" in a.areas)
