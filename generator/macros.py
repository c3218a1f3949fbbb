"""mkdocs-macros module (mkdocs.yml: `plugins: macros: modules: [generator.macros]`).

Hand-written pages in source/pages/ use these variables and macros; every number comes from the model.
Macros return HTML rendered by the generator's templates, so plan text in them is escaped.
"""
from __future__ import annotations

from generator.mkdocs_hook import site_build


def define_env(env):
    build = site_build(env.conf)
    plan = build.sources.plan
    renderer = build.renderer
    env.variables["counts"] = {
        "pillars": len(plan.pillars),
        "sections": len(plan.sections),
        "measures": len(plan.measures),
        "acronyms": len(build.sources.catalogue.acronyms),
        "organisations": len(build.sources.catalogue.organisations),
        "areas": len(build.sources.catalogue.areas),
    }

    @env.macro
    def home_intro() -> str:
        return renderer.fragment("home_intro.html.j2", "")

    @env.macro
    def home_pillars() -> str:
        return renderer.fragment("home_pillars.html.j2", "")
