"""Broken sources: one small case each (cases/sources/<case>/), with the exact messages expected.

Each case is the small valid source folder cases/sources/_base/ with the case's files laid over it;
case.yaml says what else to do:
  command: check | site (default) | import …    the command to run
  delete: [file, …]                               files of _base to remove
  edit: {file: [[old, new], …]}                   exact replacements (YAML escapes write control characters)
  pages: true                                     copy the repository's hand-written pages (source/pages/)
  directories: [path, …] / fifos: [path, …]       a folder or a named pipe where a file belongs
  env: {NAME: value}                              environment variables (SITE_URL, SOURCE_DATE_EPOCH)
  shows: {page: [text, …]}                        (accepted cases) text each page shows literally
The command runs as a user runs it, in a fresh process; the test checks the exact output on stderr
(every problem, `path:line:col:`), the exit code, that no traceback is printed, and that a previous
site/ and dist/ are left exactly as they were. Cases without an error are accepted: `check` says ok and
`site` then builds (test_accepted_case_checks_then_builds). REGEN=1 rewrites expected.txt for review.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.load_pages import RESERVED
from generator.sources import MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases" / "sources"
NAMES = sorted(p.name for p in CASES.iterdir() if p.is_dir() and not p.name.startswith("_"))
SPECIAL = {"case.yaml", "expected.txt"}


def meta_of(name: str) -> dict:
    return yaml.safe_load((CASES / name / "case.yaml").read_text(encoding="utf-8")) or {}


def prepare(name: str, tmp: Path) -> tuple[Path, dict]:
    case = CASES / name
    source = tmp / "source"
    shutil.copytree(CASES / "_base", source, ignore=shutil.ignore_patterns("site-graph.yaml"))
    site = (ROOT / "source" / "site.yaml").read_text(encoding="utf-8")
    graph = (CASES / "_base" / "site-graph.yaml").read_text(encoding="utf-8")
    (source / "site.yaml").write_text(site[:site.index("\ngraph:")] + "\n" + graph, encoding="utf-8")
    shutil.copyfile(ROOT / "source" / "site.en.yaml", source / "site.en.yaml")
    meta = meta_of(name) if (case / "case.yaml").exists() else {}      # _base: the valid folder as it is
    if meta.get("pages"):
        shutil.copytree(ROOT / "source" / "pages", source / "pages")
    for path in case.iterdir() if name != "_base" else ():
        if path.is_dir():
            shutil.copytree(path, source / path.name, dirs_exist_ok=True)
        elif path.name not in SPECIAL:
            shutil.copyfile(path, source / path.name)
    for gone in meta.get("delete", []):
        (source / gone).unlink()
    for file, replacements in (meta.get("edit") or {}).items():
        text = (source / file).read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{name}: {old!r} not in {file}"
            text = text.replace(old, new)
        (source / file).write_bytes(text.encode("utf-8", "surrogatepass"))
    for folder in meta.get("directories", []):
        (source / folder).mkdir(parents=True)
    for fifo in meta.get("fifos", []):
        os.mkfifo(source / fifo)
    if name == "huge_file":
        with (source / "organisations.yaml").open("a", encoding="utf-8") as f:
            f.write("#" * (MAX_BYTES + 1) + "\n")
    return source, meta


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def generator(tmp: Path, command: list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "generator", "--source", "source", *command] + (["--out", "."] if command == ["site"] else [])
    outer = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SOURCE_DATE_EPOCH")}
    full = {**outer, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(args, cwd=tmp, env=full, capture_output=True, text=True, timeout=300)


def run(name: str, tmp: Path) -> tuple[subprocess.CompletedProcess, dict, dict]:
    source, meta = prepare(name, tmp)
    for old in ("site", "dist"):       # a previous build that a failed one must not touch
        (tmp / old).mkdir()
        (tmp / old / "previous.txt").write_text(f"the previous {old}\n", encoding="utf-8")
    before = snapshot(tmp)
    result = generator(tmp, meta.get("command", "site").split(), meta.get("env"))
    return result, before, snapshot(tmp)


def accepted(name: str) -> bool:
    return "error:" not in (CASES / name / "expected.txt").read_text(encoding="utf-8")


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


ACCEPTED = [name for name in NAMES if accepted(name)]


@pytest.mark.parametrize("name", ACCEPTED)
def test_accepted_case_checks_then_builds(name, tmp_path):
    """`make check` ok implies `make site` builds: every accepted case, check then site, and what it built
    shows the data as text (no element made of it), with valid XML and JSON and short paths."""
    _, meta = prepare(name, tmp_path)
    env = meta.get("env") or {}
    check = generator(tmp_path, ["check"], env)
    assert check.returncode == 0 and check.stdout.startswith("ok:"), check.stderr
    (tmp_path / ".build-killed").mkdir()           # what a killed build leaves: removed by the next one
    (tmp_path / ".build-killed" / "page.html").write_text("half", encoding="utf-8")
    site = generator(tmp_path, ["site"], env)
    assert site.returncode == 0, site.stderr
    assert "Traceback" not in site.stderr + site.stdout
    assert not (tmp_path / ".build-killed").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".build-")] == []
    built = tmp_path / "site"
    for page in sorted(built.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert not soup.select("img[src=x], [onerror]"), page
        assert not [s for s in soup.find_all("script") if "alert(" in (s.string or "")], page
    for path, texts in (meta.get("shows") or {}).items():
        shown = BeautifulSoup((built / path).read_text(encoding="utf-8"), "html.parser").get_text()
        for text in texts:
            assert text in shown, (path, text)
    handwritten = {p.stem for p in (ROOT / "source" / "pages" / "ja").glob("*.md")} | {"index"}
    assert {p.name for p in built.iterdir() if p.is_dir()} - handwritten <= RESERVED
    for name_ in ("network.graphml", "network.gexf"):
        ElementTree.parse(built / "data" / name_)
    json.loads((built / "data" / "plan.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(next((tmp_path / "dist").glob("*.zip"))) as zf:
        assert max(len(n) for n in zf.namelist()) < 200
