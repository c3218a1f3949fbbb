"""source/progress/<year>.yaml (optional): the status of measures as a yearly progress report gives it.

Paragraph 4.2 of the plan provides for yearly progress reports. Nothing is invented here: without
files, pages say that no progress has been reported.
"""
from __future__ import annotations

import re
from pathlib import Path

from .diagnostics import Problem
from .checker import Checker, kind_of
from .model import Location, Plan, ProgressEntry, ProgressReport
from .sources import is_hidden
from .yamlio import YMap


def progress_paths(folder: Path, shown, problems: list[Problem]) -> list[Path]:
    """Every entry of source/progress/ (none when there is no such folder); editors' hidden files aside.
    Names are checked by load_progress: a `2024.yml` is reported, not silently left out."""
    if not folder.exists():
        return []
    if not folder.is_dir():
        problems.append(Problem(Location(shown(folder)), "expected a folder of progress reports (<year>.yaml), found a file"))
        return []
    return sorted(path for path in folder.iterdir() if not is_hidden(path))


def load_progress(files: list[tuple[str, object, str]], plan: Plan | None, statuses: set[str],
                  problems: list[Problem]) -> tuple[ProgressReport, ...]:
    """files: (file name, data, shown path) of every progress/*.yaml, in name order."""
    check = Checker(problems)
    known = {m.id for m in plan.measures} if plan else set()
    reports = []
    for name, data, path in files:
        year = name.removesuffix(".yaml")
        if not re.fullmatch(r"20[0-9]{2}", year):
            problems.append(Problem(Location(path), f"progress file name must be a year like '2024.yaml' (ending in .yaml), "
                                                f"found '{name}'"))
            continue
        if data is None:
            continue
        if not isinstance(data, YMap):
            problems.append(Problem(Location(path), f"expected a mapping with 'source' and 'measures', found {kind_of(data)}"))
            continue
        check.unknown_keys(data, {"source", "measures"}, f"progress {year}")
        source = check.get(data, "source", str, f"progress {year}")
        table = check.get(data, "measures", dict, f"progress {year}") or YMap()
        entries = []
        for key, entry in table.items():
            mid, kpos = key, table.key_pos[key]       # a key is text (yamlio refuses an unquoted 1.10)
            if plan and mid not in known:
                check.error(kpos, f"progress {year}: '{mid}' is not a measure of the plan")
                continue
            if not check.mapping(entry, table.value_pos[key], f"progress {year} {mid}"):
                continue
            check.unknown_keys(entry, {"status", "note"}, f"progress {year} {mid}")
            status = check.get(entry, "status", str, f"progress {year} {mid}")
            if status and status not in statuses:
                check.error(entry.value_pos["status"], f"progress {year} {mid}: unknown status '{status}' "
                                                       f"(expected one of: {', '.join(sorted(statuses))})")
                continue
            note = check.get(entry, "note", str, f"progress {year} {mid}", required=False) or ""
            if status:
                entries.append(ProgressEntry(mid, status, note, kpos))
        if source:
            reports.append(ProgressReport(year, source, tuple(entries)))
    return tuple(reports)
