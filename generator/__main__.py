"""Command line: `python -m generator COMMAND`.

  import [--check] [--allow-removed]
                     official text → source/plan.yaml (with --check: only verify they agree; it refuses
                     a text that has lost measures plan.yaml has, unless --allow-removed)
  check              read and check every source file; print all problems
  site [--out DIR] [--builder mkdocs|zensical]
                     check, then build site/ and dist/ (see generator/sitebuild.py); with Zensical
                     (make site-zensical): site-zensical/ and dist-zensical/
  docs DIR [--target web|offline]
                     check, then write the plain docs folders a builder reads: DIR/<target>-<lang>/
                     (docs/ and mkdocs.yml) for each edition (see generator/docs_tree.py)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import pipeline, yamlio
from .diagnostics import Problem
from .model import Location
from .importer import import_text
from .load_plan import SOURCE_NAME
from .sources import read_text, read_yaml

PLAN_HEADER = """\
# The Implementation Plan as structured data.
# Written by `python -m generator import` from the official text named under `source:`;
# `python -m generator import --check` (run by `make test`) verifies the two still agree.
# `source_sha256`: checksum of that text at import (the build refuses a plan.yaml older than its text).
# Identity of a measure = `id` (from its place in the plan); `printed` only where the print differs.
# `line` = line of the measure in the official text.
"""


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _measure_ids(data) -> list[str]:
    if not isinstance(data, dict):
        return []
    found = []
    for pillar in data.get("pillars") or []:
        groups = [pillar] + list(pillar.get("sections") or []) if isinstance(pillar, dict) else []
        found += [m.get("id") for g in groups if isinstance(g, dict) for m in g.get("measures") or []
                  if isinstance(m, dict)]
    return [str(i) for i in found]


def _official_name(source_dir: Path, current, plan_shown: str) -> tuple[str | None, list[Problem]]:
    name = current.get("source") if isinstance(current, dict) else None
    if isinstance(name, str) and SOURCE_NAME.fullmatch(name):
        return name, []
    candidates = sorted(source_dir.glob("*.txt"))
    if name is None and len(candidates) == 1:
        return candidates[0].name, []
    return None, [Problem(Location(plan_shown), "cannot tell which official text to import: expected 'source:' in "
                                            "plan.yaml naming a .txt file of the source folder, or exactly one "
                                            ".txt file there")]


def _refused(problems: list[Problem], plan_shown: str) -> int:
    _report(problems)
    errors = sum(1 for p in problems if p.severity == "error")
    print(f"{errors} problem(s); {plan_shown} was left as it was.", file=sys.stderr)
    return 1


def cmd_import(source_dir: Path, check_only: bool, allow_removed: bool = False) -> int:
    plan_path = source_dir / pipeline.PLAN_FILE
    plan_shown = pipeline.shown(plan_path)
    current, _ = read_yaml(plan_path, plan_shown)
    source_name, problems = _official_name(source_dir, current, plan_shown)
    if source_name is None:
        return _refused(problems, plan_shown)
    text_path = source_dir / source_name
    text, problems = read_text(text_path, pipeline.shown(text_path))
    if text is None:
        return _refused(problems, plan_shown)
    data, problems = import_text(text, pipeline.shown(text_path), source_name)
    lost = [i for i in _measure_ids(current) if i not in set(_measure_ids(data))]
    if lost and not check_only and not allow_removed and not any(p.severity == "error" for p in problems):
        problems.append(Problem(Location(pipeline.shown(text_path)),
                                f"the text has no measure {', '.join(lost[:10])}{' …' if len(lost) > 10 else ''}, "
                                f"which {plan_shown} has: is it truncated? If the official text really dropped "
                                "them, run `python -m generator import --allow-removed`"))
    if any(p.severity == "error" for p in problems):
        return _refused(problems, plan_shown)
    _report(problems)
    output = yamlio.dump(data, PLAN_HEADER)
    if check_only:
        existing = plan_path.read_text(encoding="utf-8") if plan_path.is_file() else ""
        if existing.replace("\r\n", "\n").lstrip("\ufeff") != output:
            print(f"{plan_shown}:1:1: error: differs from a fresh import of {source_name} "
                  "(run `python -m generator import` and review the diff)", file=sys.stderr)
            return 1
        print(f"{plan_shown} agrees with {source_name}")
        return 0
    try:
        plan_path.write_text(output, encoding="utf-8")
    except OSError as error:
        print(f"{plan_shown}:1:1: error: cannot be written: {error.strerror}", file=sys.stderr)
        return 1
    print(f"wrote {plan_shown}")
    return 0


def cmd_check(source_dir: Path) -> int:
    """Every source file and the environment the build reads (SITE_URL, SOURCE_DATE_EPOCH)."""
    from .sitebuild import load_checked
    sources = load_checked(source_dir, "nothing was built.")
    if sources is None:
        return 1
    print(f"ok: {len(sources.plan.measures)} measures in {len(sources.plan.pillars)} pillars")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=Path("source"), help="source folder (default: source)")
    sub = parser.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="official text → plan.yaml")
    imp.add_argument("--check", action="store_true", help="verify only; write nothing")
    imp.add_argument("--allow-removed", action="store_true",
                     help="write plan.yaml even though the text lacks measures the current plan.yaml has")
    sub.add_parser("check", help="check every source file")
    site = sub.add_parser("site", help="check, then build site/ and the offline bundle in dist/")
    site.add_argument("--out", type=Path, default=Path("."), help="folder that receives site/ and dist/")
    site.add_argument("--builder", choices=("mkdocs", "zensical"), default="mkdocs",
                      help="zensical: build with Zensical into site-zensical/ and dist-zensical/")
    docs = sub.add_parser("docs", help="check, then write the docs folders of every edition for a builder")
    docs.add_argument("dir", type=Path, help="folder to write (must not exist yet)")
    docs.add_argument("--target", choices=("web", "offline"), action="append", help="default: both")
    args = parser.parse_args(argv)
    if args.command == "import":
        return cmd_import(args.source, args.check, args.allow_removed)
    if args.command == "check":
        return cmd_check(args.source)
    if args.command == "docs":
        from .sitebuild import write_docs
        return write_docs(args.source, args.dir, tuple(args.target or ("web", "offline")))
    from .sitebuild import BUILDERS, build_all
    return build_all(args.source, args.out, BUILDERS[args.builder])


if __name__ == "__main__":
    sys.exit(main())
