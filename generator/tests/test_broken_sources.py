"""Broken sources: one small case each (cases/sources/<case>/), with the exact messages expected.

Each case is the small valid source folder cases/sources/_base/ with the case's files laid over it
(case.yaml says which command to run and which files to delete). The command runs as a user runs it,
in a fresh process; the test checks the exact output on stderr (every problem, `path:line:col:`), the
exit code, that no traceback is printed, and that a previous site/ and dist/ are left exactly as
they were. REGEN=1 rewrites expected.txt for review.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.sources import MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases" / "sources"
NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))


def prepare(name: str, tmp: Path) -> tuple[Path, dict]:
    case = CASES / name
    source = tmp / "source"
    shutil.copytree(CASES / "_base", source, ignore=shutil.ignore_patterns("site-graph.yaml"))
    site = (ROOT / "source" / "site.yaml").read_text(encoding="utf-8")
    graph = (CASES / "_base" / "site-graph.yaml").read_text(encoding="utf-8")
    (source / "site.yaml").write_text(site[:site.index("\ngraph:")] + "\n" + graph, encoding="utf-8")
    shutil.copyfile(ROOT / "source" / "site.en.yaml", source / "site.en.yaml")
    meta = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8")) or {}
    for path in case.iterdir():
        if path.is_dir():
            shutil.copytree(path, source / path.name)
        elif path.name not in ("case.yaml", "expected.txt"):
            shutil.copyfile(path, source / path.name)
    for gone in meta.get("delete", []):
        (source / gone).unlink()
    if name == "huge_file":
        with (source / "organisations.yaml").open("a", encoding="utf-8") as f:
            f.write("#" * (MAX_BYTES + 1) + "\n")
    return source, meta


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(name: str, tmp: Path) -> tuple[subprocess.CompletedProcess, dict, dict]:
    source, meta = prepare(name, tmp)
    for old in ("site", "dist"):       # a previous build that a failed one must not touch
        (tmp / old).mkdir()
        (tmp / old / "previous.txt").write_text(f"the previous {old}\n", encoding="utf-8")
    before = snapshot(tmp)
    command = meta.get("command", "site").split()
    args = [sys.executable, "-m", "generator", "--source", "source", *command] + (["--out", "."] if command == ["site"] else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(args, cwd=tmp, env=env, capture_output=True, text=True, timeout=120)
    return result, before, snapshot(tmp)


def test_there_are_at_least_twenty_kinds():
    assert len(NAMES) >= 20


@pytest.mark.parametrize("name", NAMES)
def test_broken_source(name, tmp_path):
    result, before, after = run(name, tmp_path)
    expected_file = CASES / name / "expected.txt"
    if os.environ.get("REGEN"):
        expected_file.write_text(result.stderr, encoding="utf-8")
    expected = expected_file.read_text(encoding="utf-8")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr == expected
    if "error:" in expected:
        assert result.returncode == 1
        assert after == before, "a failed run changed files"
    else:
        assert result.returncode == 0, result.stderr
