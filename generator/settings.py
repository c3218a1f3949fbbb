"""source/site.yaml: interface words and settings of the site (not plan text)."""
from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Problem
from .load_plan import Checker
from .yamlio import YMap

LABELS = ("home", "pillar", "section", "measure", "measures_unit", "indexes", "acronyms", "organisations", "aoip")


@dataclass(frozen=True, slots=True)
class Settings:
    labels: tuple[tuple[str, str], ...]
    summary_length: int
    acronym_kinds: tuple[tuple[str, str], ...]


def build_settings(data, path: str, problems: list[Problem]) -> Settings | None:
    check = Checker(problems)
    if not isinstance(data, YMap):
        problems.append(Problem(path, 1, 1, f"expected a mapping of site settings, found {type(data).__name__}"))
        return None
    check.unknown_keys(data, {"labels", "summary_length", "acronym_kinds"}, "site")
    length = check.get(data, "summary_length", int, "site")
    labels = check.get(data, "labels", dict, "site") or YMap()
    if isinstance(labels, YMap):
        for key in LABELS:
            check.get(labels, key, str, "site labels")
        check.unknown_keys(labels, set(LABELS), "site labels")
    kinds = check.get(data, "acronym_kinds", dict, "site") or YMap()
    if length is None or any(not isinstance(labels.get(k), str) for k in LABELS):
        return None
    return Settings(tuple((k, labels[k]) for k in LABELS), length, tuple((str(k), str(v)) for k, v in kinds.items()))
