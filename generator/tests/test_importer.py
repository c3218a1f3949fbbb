"""Golden cases of the importer: cases/import/<name>.txt → <name>.expected.yaml (data and messages).

Each case is one anomaly of the official text or one error. To write the expected files of a new
case, run `REGEN=1 pytest generator/tests/test_importer.py` and review them by hand before committing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from generator.importer import import_text
from generator.sources import read_text

CASES = Path(__file__).parent / "cases" / "import"
NAMES = sorted(p.stem for p in CASES.glob("*.txt"))


def run_case(name: str) -> dict:
    text, problems = read_text(CASES / f"{name}.txt", f"{name}.txt")
    assert text is not None, problems
    data, problems = import_text(text, f"{name}.txt", f"{name}.txt")
    return {"problems": [str(p) for p in problems], "data": data}


@pytest.mark.parametrize("name", NAMES)
def test_import_case(name):
    got = run_case(name)
    expected_path = CASES / f"{name}.expected.yaml"
    if os.environ.get("REGEN"):
        expected_path.write_text(yaml.safe_dump(got, allow_unicode=True, sort_keys=False, width=1000),
                                 encoding="utf-8")
    expected = yaml.safe_load(expected_path.read_text(encoding="utf-8"))
    assert got["problems"] == expected["problems"]
    assert got["data"] == expected["data"]


def test_every_case_has_expectations():
    assert len(NAMES) >= 15
    for name in NAMES:
        assert (CASES / f"{name}.expected.yaml").is_file(), name
