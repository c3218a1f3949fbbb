"""Command line: `python -m generator COMMAND`.

  import [--check]   official text → source/plan.yaml (with --check: only verify they agree)
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
from .diagnostics import Problem, SourceError
from .importer import import_text
from .sources import read_text, read_yaml

PLAN_HEADER = """\
# The Implementation Plan as structured data.
# Written by `python -m generator import` from the official text named under `source:`;
# `python -m generator import --check` (run by `make test`) verifies the two still agree.
# Identity of a measure = `id` (from its place in the plan); `printed` only where the print differs.
# `line` = line of the measure in the official text.
"""


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def cmd_import(source_dir: Path, check_only: bool) -> int:
    plan_path = source_dir / pipeline.PLAN_FILE
    current, problems = read_yaml(plan_path, pipeline.shown(plan_path))
    source_name = current.get("source") if isinstance(current, dict) else None
    if not source_name:
        candidates = sorted(source_dir.glob("*.txt"))
        if len(candidates) != 1:
            _report(problems + [Problem(pipeline.shown(plan_path), 1, 1,
                                        "cannot tell which official text to import: expected 'source:' in "
                                        "plan.yaml or exactly one .txt file in the source folder")])
            return 1
        source_name = candidates[0].name
    text_path = source_dir / source_name
    text, problems = read_text(text_path, pipeline.shown(text_path))
    if text is None:
        _report(problems)
        return 1
    data, problems = import_text(text, pipeline.shown(text_path), source_name)
    _report(problems)
    if any(p.severity == "error" for p in problems):
        return 1
    output = yamlio.dump(data, PLAN_HEADER)
    if check_only:
        existing = plan_path.read_text(encoding="utf-8") if plan_path.is_file() else ""
        if existing.replace("\r\n", "\n").lstrip("\ufeff") != output:
            print(f"{pipeline.shown(plan_path)}:1:1: error: differs from a fresh import of {source_name} "
                  "(run `python -m generator import` and review the diff)", file=sys.stderr)
            return 1
        print(f"{pipeline.shown(plan_path)} agrees with {source_name}")
        return 0
    plan_path.write_text(output, encoding="utf-8")
    print(f"wrote {pipeline.shown(plan_path)}")
    return 0


def cmd_check(source_dir: Path) -> int:
    try:
        sources = pipeline.load(source_dir)
    except SourceError as error:
        _report(error.problems)
        print(f"{len(error.problems)} problem(s); nothing was built.", file=sys.stderr)
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
        return cmd_import(args.source, args.check)
    if args.command == "check":
        return cmd_check(args.source)
    if args.command == "docs":
        from .sitebuild import write_docs
        return write_docs(args.source, args.dir, tuple(args.target or ("web", "offline")))
    from .sitebuild import BUILDERS, build_all
    return build_all(args.source, args.out, BUILDERS[args.builder])


if __name__ == "__main__":
    sys.exit(main())
