"""mkdocs-macros module (`plugins: macros: modules: [generator.macros]`).

Hand-written pages in source/pages/<lang>/ use these variables and macros. Everything comes from the
configuration's `extra.generated`, which the generator fills in (generator/docs_tree.py: counts from the
model and HTML blocks rendered by its templates, so plan text in them is escaped). It reads the
configuration as a plain mapping, so it works under MkDocs and under Zensical alike.
"""
from __future__ import annotations


def define_env(env):
    generated = env.conf["extra"]["generated"]
    env.variables["counts"] = generated["counts"]

    @env.macro
    def home_intro() -> str:
        return generated["home_intro"]

    @env.macro
    def home_pillars() -> str:
        return generated["home_pillars"]

    @env.macro
    def home_ways() -> str:
        return generated["home_ways"]

    @env.macro
    def home_preamble() -> str:
        return generated["home_preamble"]

    @env.macro
    def home_books() -> str:
        return generated["home_books"]
