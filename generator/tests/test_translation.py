"""The English translation (source/translations/en.yaml) against the official Japanese, for every measure.

Checked here on the data; site_tests/test_english.py checks the pages. For each of the 132 measures:
every acronym of the Japanese text is in the English, every number is (a month of a Japanese date may
be a month name), every organisation and acronym the site links in the Japanese is found by the same
linker in the English, and the English has no Japanese characters.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from generator import pipeline
from generator.edition import english_catalogue
from generator.linker import Matcher
from generator.model import BulletList

ROOT = Path(__file__).resolve().parents[2]
SOURCES = pipeline.load(ROOT / "source")
PLAN, CAT = SOURCES.plan, SOURCES.catalogue
EN = SOURCES.translations["en"]
JA_MATCHER, EN_MATCHER = Matcher(CAT), Matcher(english_catalogue(CAT))
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")
# Numbers that are part of a Japanese name the English gives by its catalogue name instead (with why).
NUMBER_EXEMPT = {("1.2", "21"): "２１世紀 belongs to JENESYS' Japanese name; the English uses the catalogue name"}


def texts(blocks) -> list[str]:
    out = []
    for b in blocks:
        out.extend(b.items if isinstance(b, BulletList) else (b.text,))
    return out


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def linked(matcher: Matcher, text: str) -> tuple[set[str], set[str]]:
    orgs, acronyms = set(), set()

    def walk(spans):
        for s in spans:
            if s.term.organisation:
                orgs.add(s.term.organisation)
            if s.term.acronym:
                acronyms.add(s.term.acronym)
            walk(s.inner)
    walk(matcher.spans(text))
    return orgs, acronyms


MEASURES = [m.id for m in PLAN.measures]
BY_ID = {m.id: m for m in PLAN.measures}


def test_every_measure_preamble_and_intro_is_translated():
    assert set(MEASURES) <= set(EN)
    assert "preamble" in EN and "title" in EN
    assert all(f"pillar {p.number}" in EN for p in PLAN.pillars if p.intro)
    assert all(t.status in ("unofficial", "official") for t in EN.values())


@pytest.mark.parametrize("mid", MEASURES)
def test_english_keeps_acronyms_numbers_and_names(mid):
    m, t = BY_ID[mid], EN[mid]
    ja, en = " ".join(m.texts), " ".join(texts(t.blocks))
    assert not JAPANESE.findall(en), f"Japanese characters in the English of {mid}"
    ja_orgs, ja_acronyms = linked(JA_MATCHER, ja)
    en_orgs, en_acronyms = linked(EN_MATCHER, en)
    assert ja_orgs <= en_orgs, f"organisations linked in the Japanese but not in the English: {ja_orgs - en_orgs}"
    assert ja_acronyms <= en_acronyms, f"acronyms linked in the Japanese but not in the English: {ja_acronyms - en_acronyms}"
    plain = nfkc(ja)
    months = {mo for mo in re.findall(r"\d{4}年(\d{1,2})月", plain)}
    for month in months:
        assert MONTHS[int(month) - 1] in en or re.search(rf"(?<!\d){month}(?!\d)", en), f"month {month} of {mid}"
    for number in set(re.findall(r"\d+", plain)) - months:
        if (mid, number) in NUMBER_EXEMPT:
            continue
        assert re.search(rf"(?<!\d){number}(?!\d)", en), f"number {number} of the Japanese missing in {mid}"


def test_exemptions_are_still_needed():
    for (mid, number), why in NUMBER_EXEMPT.items():
        assert number in nfkc(" ".join(BY_ID[mid].texts)), why
        assert not re.search(rf"(?<!\d){number}(?!\d)", " ".join(texts(EN[mid].blocks))), f"{mid}: exemption unused"


def test_preamble_and_intros_keep_numbers():
    pairs = [(PLAN.preamble, EN["preamble"].blocks)] + [(p.intro, EN[f"pillar {p.number}"].blocks)
                                                        for p in PLAN.pillars if p.intro]
    for ja_blocks, en_blocks in pairs:
        ja, en = nfkc(" ".join(texts(ja_blocks))), " ".join(texts(en_blocks))
        assert not JAPANESE.findall(en)
        months = set(re.findall(r"\d{4}年(\d{1,2})月", ja))
        for number in set(re.findall(r"\d+", ja)) - months:
            assert re.search(rf"(?<!\d){number}(?!\d)", en), number


def test_every_measure_has_a_title_within_limits():
    assert set(SOURCES.titles) == set(MEASURES)
    for t in SOURCES.titles.values():
        assert 0 < len(t.ja) <= 25 and 0 < len(t.en) <= 60
        assert not JAPANESE.findall(t.en)
