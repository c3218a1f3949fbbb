"""The real plan: fidelity of the structured data to the official text, and its shape."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import pipeline
from generator.__main__ import main
from generator.importer import PAGE_NUMBER, import_text, read_back
from generator.sources import read_text
from generator.text import display, fold
from generator import yamlio

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source"
OFFICIAL = SOURCE / "implementation-plan-2023.ja.txt"


def no_space(text: str) -> str:
    return re.sub(r"\s+", "", text)


def official_without_page_numbers() -> str:
    lines = OFFICIAL.read_text(encoding="utf-8").split("\n")
    return "\n".join(line for line in lines if not PAGE_NUMBER.fullmatch(line.strip()))


@pytest.fixture(scope="module")
def plan_data():
    data, problems = yamlio.load((SOURCE / "plan.yaml").read_text(encoding="utf-8"), "source/plan.yaml")
    assert problems == []
    return data


def test_read_back_reproduces_every_character(plan_data):
    """Nothing lost, nothing added: the YAML read back in order equals the official text (whitespace aside)."""
    got = no_space(read_back(plan_data))
    want = no_space(official_without_page_numbers())
    if got != want:
        at = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b) if got[:len(want)] != want[:len(got)] \
            else min(len(got), len(want))
        pytest.fail(f"differs at character {at}: got …{got[at-20:at+20]}… want …{want[at-20:at+20]}…")


def test_only_page_number_lines_are_dropped():
    dropped = [line.strip() for line in OFFICIAL.read_text(encoding="utf-8").split("\n")
               if PAGE_NUMBER.fullmatch(line.strip())]
    assert dropped == ["1", "10", "16"]


def test_plan_yaml_agrees_with_a_fresh_import(capsys):
    assert main(["--source", str(SOURCE), "import", "--check"]) == 0


def test_the_import_reports_only_the_misprint():
    text, _ = read_text(OFFICIAL, "source/implementation-plan-2023.ja.txt")
    _, problems = import_text(text, "source/implementation-plan-2023.ja.txt", OFFICIAL.name)
    assert [str(p) for p in problems] == [
        "source/implementation-plan-2023.ja.txt:851:1: note: printed number 2.7.8 read as 2.8.8: "
        "it stands as measure 8 of 2.8"]


def test_model_counts():
    plan = pipeline.load(SOURCE).plan
    assert len(plan.measures) == 132
    assert [len(p.measure_ids) for p in plan.pillars] == [22, 87, 21, 2]
    assert [s.id for s in plan.sections] == [f"2.{i}" for i in range(1, 13)]
    assert [len(s.measure_ids) for s in plan.sections] == [14, 3, 5, 4, 8, 7, 5, 11, 13, 2, 5, 10]
    assert len({m.id for m in plan.measures}) == 132


def test_misprinted_measure_keeps_its_printed_number():
    plan = pipeline.load(SOURCE).plan
    misprinted = [(m.id, m.printed) for m in plan.measures if m.misprinted]
    assert misprinted == [("2.8.8", "2.7.8")]


def test_bullets_of_1_6_and_1_7():
    measures = {m.id: m for m in pipeline.load(SOURCE).plan.measures}
    kinds = lambda m: [type(b).__name__ for b in m.blocks]  # noqa: E731
    assert kinds(measures["1.6"]) == ["Paragraph", "BulletList", "Paragraph"]
    assert kinds(measures["1.7"]) == ["Paragraph", "BulletList"]
    assert len(measures["1.6"].blocks[1].items) == 5
    assert len(measures["1.7"].blocks[1].items) == 5


@pytest.mark.parametrize("original, shown", [
    ("ＡＳＥＡＮ", "ASEAN"), ("２０２５", "2025"), ("ＡＳＥＡＮ＋３", "ASEAN+3"), ("文化のＷＡ２．０", "文化のWA2.0"),
    ("Ｅ－ｗａｓｔｅ", "E-waste"), ("ＨＩＶ／ＡＩＤＳ", "HIV/AIDS"), ("ＡＵＮ/ＳＥＥＤ-Ｎｅｔ", "AUN/SEED-Net"),
    ("（）、。「」・：", "（）、。「」・："), ("「次世代共創パートナーシップ－文化", "「次世代共創パートナーシップ－文化"),
    ("Ｓｍａｒｔ ＪＡＭＰ", "Smart JAMP"), ("２０１６-２０２５", "2016-2025"),
    ("ＡＭＭＳ＋日本", "AMMS+日本"), ("アジア高校生架け橋プロジェクト＋といった", "アジア高校生架け橋プロジェクト＋といった"),
])
def test_display_normalisation(original, shown):
    assert display(original) == shown
    assert fold(original) == fold(shown)
