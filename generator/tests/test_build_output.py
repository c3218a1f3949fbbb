"""What is not a source file: the output folder, the cache, the builder's messages, the code's sentences.

A build that cannot finish says why, in one line and without a traceback, and leaves site/ and dist/
exactly as they were: when another build holds the folder, when the folder cannot be written. A build
puts site/ in place with one exchange, so that site/ exists at every moment; a read-only cache only
makes it slower.
"""
from __future__ import annotations

import fcntl
import os
import subprocess
from pathlib import Path

import pytest

from generator import output, pipeline
from generator.render import Renderer
from generator.settings import fields_used
from generator.sitebuild import builder_messages

from .test_broken_sources import ROOT, generator, prepare, snapshot


@pytest.fixture
def base(tmp_path):
    """The valid small source folder of the broken-input cases, and a previous site/ and dist/."""
    prepare("_base", tmp_path)
    for old in ("site", "dist"):
        (tmp_path / old).mkdir()
        (tmp_path / old / "previous.txt").write_text(f"the previous {old}\n", encoding="utf-8")
    return tmp_path


def _chattr(flag: str, *paths: Path) -> bool:
    try:
        return subprocess.run(["chattr", flag, *map(str, paths)], capture_output=True).returncode == 0
    except OSError:
        return False


def test_two_builds_cannot_overlap(base):
    before = snapshot(base)
    fd = os.open(base, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)     # as a running build holds it
        result = generator(base, ["site"])
    finally:
        os.close(fd)
    assert result.returncode == 1
    assert result.stderr == (f".: error: another build is writing into this folder; site/ and dist/ were left as "
                             "they were. Run again when it has finished.\n")
    assert snapshot(base) == before


def test_a_folder_that_cannot_be_written(base):
    """Root may write anywhere: an immutable folder (chattr +i) stands for a read-only one."""
    out = base / "out"
    for old in ("site", "dist"):
        (out / old).mkdir(parents=True)
        (out / old / "previous.txt").write_text(f"the previous {old}\n", encoding="utf-8")
    before = snapshot(out)
    if not _chattr("+i", out):
        pytest.skip("chattr +i is not possible here")
    try:
        result = generator(base, ["site", "--out", "out"])
    finally:
        _chattr("-i", out)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.endswith("Operation not permitted; site/ and dist/ were left as they were.\n"), result.stderr
    assert snapshot(out) == before


def test_a_read_only_cache_only_makes_the_build_slower(base, tmp_path_factory):
    cache = tmp_path_factory.mktemp("cache")
    env = {"AJP_CACHE": str(cache)}
    assert generator(base, ["docs", "first"], env).returncode == 0
    jinja = next(cache.glob("jinja-*"))
    for compiled in jinja.iterdir():            # templates compiled again: Jinja would write them
        compiled.unlink()
    if not _chattr("+i", cache, jinja):
        pytest.skip("chattr +i is not possible here")
    try:
        result = generator(base, ["docs", "second"], env)
    finally:
        _chattr("-i", cache, jinja)
    assert result.returncode == 0, result.stderr
    assert list(jinja.iterdir()) == []


def test_the_swap_is_one_exchange(tmp_path, monkeypatch):
    """site/ is there at every moment: with an old site/ present, no rename happens (a rename would
    first take the old one away)."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    if not output._renameat2(a, b):
        pytest.skip("this system or file system cannot exchange two folders in one step (output.py uses two renames)")
    new, target = tmp_path / "new", tmp_path / "site"
    new.mkdir()
    (new / "index.html").write_text("new", encoding="utf-8")
    target.mkdir()
    (target / "index.html").write_text("old", encoding="utf-8")

    def no_rename(*args, **kwargs):
        raise AssertionError("site/ would be missing for a moment")
    monkeypatch.setattr(Path, "rename", no_rename)
    monkeypatch.setattr(os, "rename", no_rename)
    output.exchange(new, target)
    assert (target / "index.html").read_text(encoding="utf-8") == "new"
    assert (new / "index.html").read_text(encoding="utf-8") == "old"


def test_the_swap_without_an_exchange_and_without_an_old_site(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "_renameat2", lambda a, b: False)
    for name, content in (("new", "new"), ("site", "old")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "index.html").write_text(content, encoding="utf-8")
    output.exchange(tmp_path / "new", tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert (tmp_path / "new" / "index.html").read_text(encoding="utf-8") == "old"
    output.exchange(tmp_path / "new", tmp_path / "fresh")
    assert (tmp_path / "fresh" / "index.html").read_text(encoding="utf-8") == "old"
    assert not (tmp_path / "new").exists()


def test_work_folders_and_outputs_are_ignored_by_git():
    paths = [".build-x1y2/site/index.html", "site/index.html", "dist/x.zip", ".cache/chart/ab/cd"]
    result = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.split() == paths


MACROS_ERROR = """INFO    -  Building documentation...
WARNING -  [macros] - ERROR # _Macro Rendering Error_

_File_: `about.md`

_UndefinedError_: 'dict object' has no attribute 'nope'

```
Traceback (most recent call last):
  File "/x/jinja2/environment.py", line 1295, in render
  File "<template>", line 3, in top-level template code
jinja2.exceptions.UndefinedError: 'dict object' has no attribute 'nope'
```
"""


def test_a_builder_error_is_shown_at_its_page_and_line(tmp_path):
    page = tmp_path / "about.md"
    page.write_text("---\ntitle: About\n---\n\nText [x](nowhere.md).\n", encoding="utf-8")
    pages = {"about.md": (str(page), 4)}
    assert builder_messages(MACROS_ERROR, pages) == [f"{page}:7:1: error: UndefinedError: 'dict object' has no attribute 'nope'"]
    link = ("WARNING -  Doc file 'about.md' contains a link 'nowhere.md', but the target is not found among "
            "documentation files.\nAborted with 1 warnings in strict mode!\n")
    assert builder_messages(link, pages) == [f"{page}:5:10: error: Doc file 'about.md' contains a link 'nowhere.md', "
                                             "but the target is not found among documentation files."]
    crash = "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: something\n"
    assert builder_messages(crash, pages) == ["error: ValueError: something"]


def test_every_sentence_is_given_the_fields_the_check_expects(tmp_path, monkeypatch):
    """settings.SAID and the templates' say() calls are what the renderer really passes: a sentence the
    check accepts never meets a field the code does not give."""
    source, _ = prepare("_base", tmp_path)
    calls: dict[str, set] = {}
    said = Renderer.say

    def record(self, key, **fields):
        calls.setdefault(key, []).append(frozenset(fields))
        return said(self, key, **fields)
    monkeypatch.setattr(Renderer, "say", record)
    pipeline._build.cache_clear()
    for lang in ("ja", "en"):
        pipeline.build(source, True, "https://example.org/", lang)
    pipeline._build.cache_clear()
    declared = fields_used()
    assert set(calls) <= set(declared)
    for key, given in calls.items():
        assert all(declared[key] <= fields for fields in given), (key, declared[key], given)
    assert {k for k in declared if k in calls} >= {"n_measures", "brief_summary_organisation", "chart_top_institutions_alt"}
