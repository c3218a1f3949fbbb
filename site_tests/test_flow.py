"""The data flows one way: each module of the generator imports only from its own or earlier stages.

model → sources → load/check → index → render / graph / export / search → site build → builder adapters.
The model (the frozen types, `Location` among them) comes first: it imports nothing of ours, and every stage
from the file readers on speaks its types. A module that reached back (an export importing a renderer, the model importing anything of ours) would make
the stages impossible to use or replace one by one; only mkdocs_*.py import MkDocs.
"""
from __future__ import annotations

import ast
from pathlib import Path

GENERATOR = Path(__file__).resolve().parent.parent / "generator"

STAGES = [
    {"model"},                                                                            # the frozen types
    {"text", "diagnostics", "paths", "cache", "characters", "yamlio", "sources"},        # reading files
    {"checker", "load_plan", "settings", "load_catalogue", "load_english", "load_progress", "load_translations",
     "load_pages", "importer"},                                                           # load and check
    {"linker", "network"},                                                               # derived tables
    {"index", "edition"},                                                                 # the derived index
    {"export", "search_index", "charts", "qrcodes", "richtext", "render_graph"},          # outputs from the index
    {"render"},                                                                           # the template renderer
    {"render_index", "render_explorer", "render_data", "render_briefs", "render_kiosk", "render_finder",
     "render_book"},                                                                      # the page families, the books
    {"pipeline"},                                                                         # gather, then render
    {"docs_tree", "environment", "output", "sitebuild", "macros", "__main__"},            # site build
    {"mkdocs_hook"},                                                                      # builder adapters
]
STAGE_OF = {name: i for i, names in enumerate(STAGES) for name in names}
PLACED_ALONE = {"model": set()}      # the model imports nothing of ours


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("generator."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module" and node.args \
                and isinstance(node.args[0], ast.Constant) and str(node.args[0].value).startswith("generator."):
            found.add(str(node.args[0].value).split(".")[1])
    return found


def modules() -> list[Path]:
    return sorted(p for p in GENERATOR.glob("*.py") if p.stem != "__init__")


def test_every_module_has_a_stage():
    assert {p.stem for p in modules()} <= set(STAGE_OF), {p.stem for p in modules()} - set(STAGE_OF)


def test_imports_only_go_to_the_same_or_earlier_stages():
    backwards = []
    for path in modules():
        for name in imports_of(path):
            if name in STAGE_OF and STAGE_OF[name] > STAGE_OF[path.stem]:
                backwards.append(f"{path.stem} (stage {STAGE_OF[path.stem]}) imports {name} (stage {STAGE_OF[name]})")
    assert backwards == []


def test_the_model_imports_nothing_of_ours():
    assert imports_of(GENERATOR / "model.py") == set()


def test_only_mkdocs_modules_import_mkdocs():
    for path in modules():
        text = path.read_text(encoding="utf-8")
        uses = any(isinstance(n, (ast.Import, ast.ImportFrom)) and any(
            (getattr(n, "module", None) or "").startswith("mkdocs") or a.name.startswith("mkdocs") for a in n.names)
                   for n in ast.walk(ast.parse(text)))
        assert not uses or path.name.startswith("mkdocs_"), path.name


def test_exports_and_search_do_not_reach_into_rendering():
    for name in ("export", "search_index"):
        assert not imports_of(GENERATOR / f"{name}.py") & {"render", "render_index", "render_data", "pipeline"}


def test_the_readme_map_names_every_module():
    """README's "Where each kind of change goes" is where a newcomer finds the room for a change."""
    readme = (GENERATOR.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Where each kind of change goes", 1)[1].split("```", 2)[1]
    assert [p.name for p in modules() if p.name not in block] == []
