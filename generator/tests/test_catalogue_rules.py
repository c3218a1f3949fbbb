"""The editorial rules of the catalogues: every institution the text names is linked, every entry of
organisations.yaml follows the rule written at its top (what counts as an institution), acronyms agree
with it, and an English name marked as confirmed cites a source."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.linker import Matcher, find_mentions

ROOT = Path(__file__).resolve().parents[2]
SOURCES = pipeline.load(ROOT / "source")
PLAN, CAT = SOURCES.plan, SOURCES.catalogue
MATCHER = Matcher(CAT)
MENTIONS = find_mentions(PLAN, MATCHER)
BASES = yaml.safe_load((ROOT / "source" / "organisations.yaml").read_text(encoding="utf-8"))["bases"]
BY_ID = {m.id: m for m in PLAN.measures}
ORGS = {o.slug: o for o in CAT.organisations}
ACRONYMS = {a.acronym: a for a in CAT.acronyms}
ORG_OF_FORM = {alias: o.slug for o in CAT.organisations for alias in o.aliases}

# Names of institutions as the text prints them, in the measure where they stand.
NAMED = [
    ("2.6.2", "海洋プラスチックごみに関する地域ナレッジセンター", "rkc-mpd"),
    ("2.8.11", "ＡＳＥＡＮワンヘルス・ネットワーク", "asean-one-health-network"),
    ("2.12.10", "ＡＳＥＡＮ村落ネットワーク", "asean-village-network"),
    ("1.16", "ＪＩＣＡ帰国研修員同窓会", "jica-alumni-associations"),
    ("2.12.5", "日本ＡＳＥＡＮ女性起業支援基金", "jawef"),
    ("1.15", "日ＡＳＥＡＮ科学技術協力委員会", "ajccst"),
    ("1.15", "ＡＪＣＣＳＴ", "ajccst"),
    ("3.19", "日ＡＳＥＡＮ合同協力委員会", "ajjcc"),
    ("3.19", "ＡＪＪＣＣ", "ajjcc"),
    ("4.1", "合同協力委員会", "ajjcc"),
    ("4.1", "ＡＪＪＣＣ", "ajjcc"),
    ("2.2.1", "ＩＳＳＢ", "issb"),
    ("2.1.2", "日アセアン経済産業協力委員会事務局", "ameicc"),
]

# Words that end the name of an institution. Where one stands in the text outside every organisation
# mention, the words before it must be one of these, with the reason it is not an entry.
INSTITUTION_WORDS = ("センター", "委員会", "事務局", "基金", "ネットワーク", "機構", "機関", "研究所", "研修所",
                     "協議会", "同窓会", "銀行", "オフィス", "評議会", "審議会", "理事会")
NOT_AN_ENTRY = {
    "各種センター": "generic: 'various centres' (1.5)",
    "職業訓練機関": "generic: vocational training institutions",
    "高等教育機関": "generic: higher education institutions",
    "国際機関": "generic: international organisations",
    "関連機関": "generic: ASEAN-related bodies",
    "関係機関": "generic: other relevant bodies",
    "関連する機関": "generic: other relevant bodies",
    "他の機関": "generic: other bodies",
    "国及び機関": "generic: other countries and institutions",
    "金融機関": "generic: development and private financial institutions",
    "海上保安機関": "generic: coast guards",
    "法執行機関": "generic: law-enforcement agencies",
    "人材ネットワーク": "generic: networks of people",
    "サプライチェーン・ネットワーク": "generic: supply-chain networks",
    "構築及びネットワーク": "generic: networking (initiatives)",
    "無線アクセスネットワーク": "a technology (RAN)",
    "日本信託基金": "the UNESCO Japanese Funds-in-Trust: a trust fund held within UNESCO",
    "インフラパートナーシップ信託基金": "LEAP2: a trust fund administered by ADB",
    "日ＡＳＥＡＮ防災委員会": "ACDM+Japan: a meeting format, not a standing body",
    "政策理事会": "EPGG: a group of senior officials within SOME+3, a meeting",
    "鉱物協力協議会": "part of 協議会合 (ASOMM+3), a meeting",
    "宇宙機関": "part of 宇宙機関会議 (APRSAF), a forum",
}


def org_spans(mid: str) -> list[tuple[str, str]]:
    return [(t[s.start:s.end], s.term.organisation) for t in BY_ID[mid].texts for s in MATCHER.spans(t)
            if s.term.organisation]


@pytest.mark.parametrize("mid, name, slug", NAMED)
def test_institution_named_in_the_text_is_an_organisation_mention(mid, name, slug):
    assert (name, slug) in org_spans(mid)
    assert slug in MENTIONS.organisations[mid]


def test_the_longer_name_wins_over_the_acronym_inside_it():
    name = "ＪＩＣＡ帰国研修員同窓会"
    text = next(t for t in BY_ID["1.16"].texts if name in t)
    at = text.index(name)
    inside = [s for s in MATCHER.spans(text) if at <= s.start < at + len(name)]
    assert [(s.start, s.end, s.term.organisation) for s in inside] == [(at, at + len(name), "jica-alumni-associations")]
    # the ＪＩＣＡ inside the name is explained as an acronym, not a second organisation mention
    assert [(i.term.acronym, i.term.organisation) for i in inside[0].inner] == [("jica", None)]
    assert ("ＪＩＣＡ", "jica") in org_spans("1.16")        # JICA itself is still named in 1.16


def test_every_name_ending_like_an_institution_is_linked_or_explained():
    unexplained, used = [], set()
    for m in PLAN.measures:
        for text in m.texts:
            spans = [s for s in MATCHER.spans(text) if s.term.organisation]
            for word in INSTITUTION_WORDS:
                start = text.find(word)
                while start >= 0:
                    end = start + len(word)
                    if not any(s.start <= start and end <= s.end for s in spans):
                        why = [k for k in NOT_AN_ENTRY if text[:end].endswith(k)]
                        used.update(why)
                        if not why:
                            unexplained.append((m.id, text[max(0, start - 15):end]))
                    start = text.find(word, end)
    assert unexplained == []
    assert used == set(NOT_AN_ENTRY), f"explanations no longer needed: {set(NOT_AN_ENTRY) - used}"


def test_every_organisation_has_a_type_and_states_its_basis_under_the_rule():
    types = {t.slug for t in CAT.org_types}
    assert {o.type for o in CAT.organisations} == types       # every type is used, and only those
    for o in CAT.organisations:
        assert o.basis in BASES, o.slug
    assert set(BASES) == {o.basis for o in CAT.organisations}


def test_forums_conventions_and_meetings_are_acronyms_not_organisations():
    for name in ("APRSAF", "IPPC", "AMCA", "ACDM+Japan", "EPGG", "APTERR", "ASEAN-ERAT", "LEAP2", "ASEAN+3"):
        a = ACRONYMS[name]
        assert not set(a.forms) & set(ORG_OF_FORM), name
        assert a.kind not in ("organisation", "network"), name
    assert ACRONYMS["ASEAN+3"].kind == "framework"


def test_acronym_kinds_agree_with_the_organisations():
    """An acronym is of kind organisation or network exactly when it names an entry of organisations.yaml,
    and then it links to that entry; the one exception (ASEAN, a party to the plan) says why."""
    for a in CAT.acronyms:
        named = {ORG_OF_FORM[f] for f in a.forms if f in ORG_OF_FORM}
        if named:
            assert a.kind in ("organisation", "network") and {a.organisation} == named, a.acronym
        elif a.kind in ("organisation", "network"):
            assert a.note and "organisations.yaml" in a.note, a.acronym


def test_borderline_names_state_how_they_follow_the_rule():
    for name in ("ISSB", "APTERR", "AMCA", "ACDM+Japan", "ASEAN-ERAT", "APRSAF", "IPPC", "LEAP2", "EPGG"):
        a = ACRONYMS[name]
        note = ORGS[a.organisation].note if a.organisation and a.kind == "organisation" else a.note
        assert note, name


def test_types_of_the_corrected_entries():
    assert ORGS["eria"].type == "regional" and "East Asia Summit" in ORGS["eria"].note
    assert ORGS["jasca"].type == "japan"
    assert ORGS["ascn"].type == "network"
    assert ORGS["asean-culture-centre"].type != "asean-body" and ORGS["asean-culture-centre"].en_low_confidence
    assert "Secretariat" in ORGS["ameicc"].en and ORGS["ameicc"].basis == "secretariat"


def test_confirmed_english_names_cite_a_source():
    for a in CAT.acronyms:
        if not a.en_low_confidence:
            assert a.en_source and "http" in a.en_source, a.acronym
    for o in CAT.organisations:
        if o.en_low_confidence:
            continue
        sources = [o.en_source] + [a.en_source for a in CAT.acronyms
                                   if a.organisation == o.slug and not a.en_low_confidence and a.en == o.en]
        assert any(s and "http" in s for s in sources), o.slug


def test_acronym_names_as_the_plan_uses_them():
    assert ACRONYMS["EDU-Port"].en == "EDU-Port Japan"
    assert ACRONYMS["DRF"].en == "Disaster Risk Financing"
    assert "2.0" not in ACRONYMS["MIDV"].en
    assert "(" not in ACRONYMS["PMC+1"].en and "(" not in ACRONYMS["ACE-LEDMP"].en
    seanwfz = ACRONYMS["SEANWFZ"]
    assert seanwfz.en.endswith("Zone") and "ＳＥＡＮＷＦＺ条約" in seanwfz.note and "Treaty" in seanwfz.note
    abmi = ACRONYMS["ABMI"]
    assert abmi.forms == ("ＡＭＢＩ",) and "ＡＭＢＩ" in abmi.note
    assert any("ＡＭＢＩ" in t for t in BY_ID["2.2.1"].texts)


def test_japanese_in_english_notes_and_sources_is_quoted():
    """Notes and sources are English; Japanese inside them stands in 「…」 so that pages can mark it lang="ja"."""
    import re
    japanese = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
    for entry in list(CAT.acronyms) + list(CAT.organisations):
        for field in ("note", "en_source"):
            text = getattr(entry, field, None) or ""
            assert not japanese.search(re.sub(r"「[^」]*」", "", text)), (entry.slug, field, text)
