"""`make bench`: how fast and how heavy the site is, measured on this machine, printed as a table.

Not part of `make test` (timings are not tests). Every figure is measured in this run:
  build      `make site`'s work (`python -m generator site`: both languages, web and offline bundle)
             against the floor MkDocs imposes: ONE plain `mkdocs build` of the Japanese page set as
             static Markdown, same theme and nav
  generator  the generator stage alone (load, index, render both editions for both targets, write the
             docs folders): what the site build adds before the builders run (a new Python process, so
             imports included); and the stage of one edition (imports excluded) against the generator
             before the restructuring (commit d6627bf, taken from git), the two run alternately
  scale      the generator stage of one edition on synthetic plans 1×, 10×, 30× the real one (text,
             organisations, acronyms, translations of the real plan, renumbered): time per measure, memory
  weight     page sizes, graph data per page, site, zip and search index
  books      the two briefing books (PDF) laid out from scratch (cache off): time and size
  browser    headless Chromium: explorer graph drawn, keypress → search results (medians)
Lives beside the tests (it uses their browser set-up), not in the shipped generator package.
"""
from __future__ import annotations

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1702771200", "PYTHONPATH": str(ROOT)}
RUNS = 3


def timed(cmd: list[str], env=None, cwd=ROOT) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env or ENV, check=True, capture_output=True, text=True)
    return time.perf_counter() - start


def median_time(cmd, env=None, runs=RUNS) -> float:
    return statistics.median(timed(cmd, env) for _ in range(runs))


# --- synthetic plans --------------------------------------------------------------------------------

class _Plain(yaml.SafeDumper):
    def ignore_aliases(self, data):
        return True


def synthetic_source(factor: int, dest: Path) -> int:
    """The real sources with every pillar's measures (and pillar 2's sections) repeated `factor` times; each
    copy takes the AOIP classification, translation and title of the measure it copies."""
    shutil.copytree(ROOT / "source", dest)
    load = lambda name: yaml.safe_load((dest / name).read_text(encoding="utf-8"))      # noqa: E731
    plan, aoip, en, titles = load("plan.yaml"), load("aoip.yaml"), load("translations/en.yaml"), load("titles.yaml")
    copies = {}                                        # new id → id of the measure it copies
    for pillar in plan["pillars"]:
        if pillar.get("sections"):
            sections, new = pillar["sections"], []
            for i in range(len(sections) * factor):
                original = sections[i % len(sections)]
                sid = f"{pillar['number']}.{i + 1}"
                measures = []
                for j, m in enumerate(original["measures"]):
                    copies[f"{sid}.{j + 1}"] = m["id"]
                    measures.append({k: v for k, v in m.items() if k != "printed"} | {"id": f"{sid}.{j + 1}"})
                new.append({**original, "id": sid, "measures": measures})
            pillar["sections"] = new
        else:
            measures = pillar["measures"]
            pillar["measures"] = []
            for i in range(len(measures) * factor):
                m = measures[i % len(measures)]
                copies[f"{pillar['number']}.{i + 1}"] = m["id"]
                pillar["measures"].append({k: v for k, v in m.items() if k != "printed"} | {"id": f"{pillar['number']}.{i + 1}"})
    aoip["measures"] = {new: aoip["measures"][old] for new, old in copies.items()}
    en["measures"] = {new: en["measures"][old] for new, old in copies.items()}
    titles = {new: titles[old] for new, old in copies.items()}
    for name, data in (("plan.yaml", plan), ("aoip.yaml", aoip), ("translations/en.yaml", en), ("titles.yaml", titles)):
        (dest / name).write_text(yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return len(copies)


GENERATOR_ONLY = """
import resource, sys, time
from pathlib import Path
from generator import pipeline
start = time.perf_counter()
lang = tuple(sys.argv[2:])         # the generator before the restructuring had one edition, and no such argument
build = pipeline._build(Path(sys.argv[1]).resolve(), True, 'https://example.org/plan/', *lang, ())
seconds = time.perf_counter() - start
print(seconds, len(build.sources.plan.measures), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
BEFORE = "d6627bf"     # the last commit before the restructuring of issue 13 (one edition, rendered by a hub object)


BOOKS_ONLY = """
import sys, time
from pathlib import Path
from generator import pipeline, sitebuild
source, url = Path(sys.argv[1]).resolve(), 'https://example.org/plan/'
for lang in ('ja', 'en'):
    pipeline.build(source, True, sitebuild._edition_url(url, lang), lang)       # the pages' work, not the books'
start = time.perf_counter()
books = sitebuild.make_books(source, url, {'date': '2023-12-17', 'version': 'bench'}, 1702771200)
print(time.perf_counter() - start, *(len(b) for b in books.values()))
"""


def books_cold(env: dict) -> tuple[float, list[int]]:
    """Median seconds to lay out both briefing books with the cache off, and their sizes in bytes."""
    runs = [subprocess.run([sys.executable, "-c", BOOKS_ONLY, str(ROOT / "source")], cwd=ROOT, env=env, check=True,
                           capture_output=True, text=True).stdout.split() for _ in range(RUNS)]
    return statistics.median(float(r[0]) for r in runs), [int(n) for n in runs[0][1:]]


def one_edition(source: Path, env: dict, root: Path = ROOT, lang: tuple[str, ...] = ("ja",)) -> tuple[float, int, int]:
    """One run of the generator stage of one edition (web) in a new process, imports excluded: seconds,
    measures, peak memory in KB. root: the checkout whose generator runs."""
    out = subprocess.run([sys.executable, "-c", GENERATOR_ONLY, str(source), *lang], cwd=root,
                         env={**env, "PYTHONPATH": str(root)}, check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]), int(out[2])


def generator_stage(source: Path, env: dict) -> tuple[float, int, int]:
    """Median seconds of the generator stage of one edition (imports excluded), measures, peak memory in KB."""
    results = [one_edition(source, env) for _ in range(RUNS)]
    return statistics.median(r[0] for r in results), results[0][1], max(r[2] for r in results)


def before_and_after(tmp: Path, env: dict, runs: int = 7) -> tuple[float, float] | None:
    """Median seconds of the generator stage of one edition (Japanese, web, cache warm, imports excluded) of
    the generator before the restructuring (BEFORE, with its own sources) and of this one, run alternately
    in the same minutes (timings on a shared machine drift): None without git or that commit (a shallow clone)."""
    old = tmp / "before"
    old.mkdir()
    archive = subprocess.run(["git", "archive", "--format=tar", BEFORE], cwd=ROOT, capture_output=True)
    if archive.returncode != 0 or subprocess.run(["tar", "-x", "-C", str(old)], input=archive.stdout).returncode:
        return None
    old_env = {**env, "AJP_CACHE": str(tmp / "cache-before")}
    one_edition(old / "source", old_env, old, ())                # fills its cache
    one_edition(ROOT / "source", env)
    times: dict[str, list[float]] = {"before": [], "now": []}
    for _ in range(runs):
        times["before"].append(one_edition(old / "source", old_env, old, ())[0])
        times["now"].append(one_edition(ROOT / "source", env)[0])
    return statistics.median(times["before"]), statistics.median(times["now"])


# --- the floor: the same pages as static Markdown ---------------------------------------------------

def floor_config(tmp: Path) -> Path:
    """The Japanese edition's pages as static Markdown (hand-written pages with their macros left
    unrendered), with the same theme, features and navigation, and no hook or plugin."""
    sys.path.insert(0, str(ROOT))
    from generator import pipeline
    from generator.docs_tree import base_config, nav
    build = pipeline._build((ROOT / "source").resolve(), True, "https://example.org/plan/", "ja", ())
    docs = tmp / "floor-docs"
    for page in build.pages:
        (docs / page.path).parent.mkdir(parents=True, exist_ok=True)
        (docs / page.path).write_text(page.content, encoding="utf-8")
    for path, content in build.files:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    for path, source in build.assets:
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, docs / path)
    for page in (ROOT / "source" / "pages" / "ja").glob("*.md"):
        shutil.copyfile(page, docs / page.name)
    config = base_config("web") | {"docs_dir": str(docs), "plugins": [], "nav": nav(build.nav)}
    config["theme"] = {**config["theme"], "custom_dir": str(ROOT / "overrides")}
    config["extra"] = {"words": dict(build.renderer.words), "build": {}, "edition": None}
    path = tmp / "floor.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


# --- page weight -------------------------------------------------------------------------------------

WHOLE_NETWORK = {"graph", "kiosk", "en/graph", "en/kiosk"}      # pages that draw the whole network: reported on their own

def weights(site: Path, dist: Path) -> dict:
    measures = sorted((p.stat().st_size for p in (site / "measures").glob("*/index.html")))
    graphs = []
    for page in site.rglob("index.html"):
        hit = re.search(r"data-graph='([^']*)'", page.read_text(encoding="utf-8"))
        if hit:
            graphs.append((len(hit.group(1).encode()), page.relative_to(site).parent.as_posix()))
    graphs.sort()
    per_page = [g for g in graphs if g[1] not in WHOLE_NETWORK]
    return {"measure_max": measures[-1], "measure_median": statistics.median(measures),
            "graph_max": per_page[-1], "graph_explorer": max(g[0] for g in graphs if g[1] in WHOLE_NETWORK),
            "site": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
            "zip": next(dist.glob("*.zip")).stat().st_size,
            "search_index": (site / "assets/javascripts/search-index.js").stat().st_size}


# --- the browser -------------------------------------------------------------------------------------

SEARCH_TIMER = """async (q) => {
  const box = document.querySelector('[data-ajp-search]'), input = box.querySelector('input');
  box.removeAttribute('data-results');
  const done = new Promise(resolve => new MutationObserver((_, o) => {
    if (box.hasAttribute('data-results')) { o.disconnect(); resolve(performance.now()); } })
    .observe(box, {attributes: true}));
  const start = performance.now();
  input.value = q;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  const end = await done;
  await new Promise(r => requestAnimationFrame(() => r()));
  return performance.now() - start;
}"""


def browser_times(site: Path) -> dict:
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(ROOT))
    from site_tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve
    drawn, first, searches = [], [], []
    queries = ["防災", "JICA", "ＡＳＥＡＮ", "再生可能エネルギー", "2.8.8", "海洋状況把握", "サプライチェーン"]
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(5):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(url + "graph/")
            page.wait_for_selector(".ajp-graph[data-drawn=true]", timeout=20_000)
            drawn.append(float(page.get_attribute(".ajp-graph", "data-drawn-ms")))
            page.goto(url + "measures/1-1/")
            first.append(page.evaluate(SEARCH_TIMER, "人材育成"))
            for q in queries:
                searches.append(page.evaluate(SEARCH_TIMER, q))
            context.close()
        browser.close()
    return {"drawn": statistics.median(drawn), "first_search": statistics.median(first),
            "search": statistics.median(searches), "search_p90": sorted(searches)[int(len(searches) * 0.9)]}


def search_quality(site: Path) -> dict:
    """MRR and precision@5 of the judged query set (site_tests/search_judged.py), both editions."""
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(ROOT))
    from site_tests.conftest import CHROMIUM, CHROMIUM_ARGS, serve
    from site_tests.search_judged import JUDGED, run_in_page, scores
    results = {}
    with serve(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for lang, root in (("ja", ""), ("en", "en/")):
            page.goto(url + root + "measures/1-1/")
            asked = [j for j in JUDGED if j.lang == lang]
            got = run_in_page(page, [j.query for j in asked])
            results.update({j: got[j.query] for j in asked})
        browser.close()
    return scores(results)


# --- the table ---------------------------------------------------------------------------------------

def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown CPU")
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def row(name: str, value: str, target: str, ok: bool | None) -> str:
    mark = "" if ok is None else ("met" if ok else "MISSED")
    return f"| {name} | {value} | {target} | {mark} |"


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp_name:
        tmp = Path(tmp_name)
        cold = {**ENV, "SITE_URL": "https://example.org/plan/", "AJP_CACHE": "off"}
        env = {**cold, "AJP_CACHE": str(tmp / "cache")}            # warm: charts, QR codes, layouts cached
        site = [sys.executable, "-m", "generator", "site", "--out", str(tmp / "full")]
        real_cold = median_time(site, cold)
        timed(site, env)                                            # fills the cache
        real = median_time(site, env)
        floor_file = floor_config(tmp)
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--strict", "-d", str(tmp / "out")]
        floor = median_time(mkdocs + ["-f", str(floor_file)], env)
        docs = lambda e: timed([sys.executable, "-m", "generator", "docs", str(tmp / f"docs-{time.perf_counter_ns()}")], e)  # noqa: E731
        gen = statistics.median(docs(env) for _ in range(RUNS))
        gen_cold = statistics.median(docs(cold) for _ in range(RUNS))
        compared = before_and_after(tmp, env)
        scale = []
        for factor in (1, 10, 30):
            source = tmp / f"source-{factor}"
            synthetic_source(factor, source) if factor > 1 else shutil.copytree(ROOT / "source", source)
            seconds, measures, memory = generator_stage(source, cold)
            scale.append((factor, measures, seconds, memory))
        w = weights(tmp / "full" / "site", tmp / "full" / "dist")
        book_seconds, book_sizes = books_cold(cold)
        b = browser_times(tmp / "full" / "site")
        q = search_quality(tmp / "full" / "site")
    per = [s[2] / s[1] * 1000 for s in scale]
    lines = [
        f"Benchmark {time.strftime('%Y-%m-%d')} on {machine()} (medians of {RUNS} runs; browser: 5 runs)",
        "", "| measure | value | target | |", "| --- | --- | --- | --- |",
        row("make site: both languages, web and offline bundle, cache warm", f"{real:.2f} s", "", None),
        row("make site, cache off (first build on a fresh clone)", f"{real_cold:.2f} s", "", None),
        row("floor: one plain MkDocs build of the Japanese pages as static Markdown", f"{floor:.2f} s", "", None),
        row("ratio make site / floor (warm; cold)", f"{real / floor:.2f}; {real_cold / floor:.2f}", "≤ 2.0",
            real / floor <= 2.0),
        row("generator stage (4 docs folders), warm", f"{gen:.2f} s = {gen / real:.0%} of make site", "", None),
        row("generator stage, cache off", f"{gen_cold:.2f} s = {gen_cold / real_cold:.0%} of make site", "", None),
    ]
    if compared:
        before, now = compared
        lines.append(row(f"generator stage, one edition (ja, web), warm: now; before the restructuring ({BEFORE}), "
                         "medians of 7 taken alternately", f"{now:.2f} s; {before:.2f} s ({now / before:.2f}×)",
                         "no slower than before", now <= before))
    else:
        lines.append(row(f"generator stage, one edition, against {BEFORE}", "not measured: no git history", "", None))
    for (factor, measures, seconds, memory), ms in zip(scale, per):
        ok = None if factor == 1 else ms <= per[0] * (1.1 if factor == 10 else 1.3)
        lines.append(row(f"scale {factor}× ({measures} measures)", f"{seconds:.2f} s, {ms:.2f} ms/measure "
                         f"({ms / per[0]:.2f}× of 1×), peak {memory / 1024:.0f} MB",
                         "" if factor == 1 else ("within 1.1× of linear" if factor == 10 else "near linear"), ok))
    kb = lambda n: f"{n / 1024:.1f} KB"                         # noqa: E731
    lines += [
        row("largest measure page", kb(w["measure_max"]), "≤ 40 KB", w["measure_max"] <= 40 * 1024),
        row("median measure page", kb(w["measure_median"]), "≤ 40 KB", w["measure_median"] <= 40 * 1024),
        row(f"largest graph data on a page ({w['graph_max'][1]}/)", kb(w["graph_max"][0]), "≤ 20 KB",
            w["graph_max"][0] <= 20 * 1024),
        row("graph data of the whole network (explorer graph/, kiosk/)", kb(w["graph_explorer"]), "", None),
        row("whole site", f"{w['site'] / 1024 / 1024:.1f} MB", "", None),
        row("offline zip", f"{w['zip'] / 1024 / 1024:.1f} MB", "≤ 10 MB", w["zip"] <= 10 * 1024 * 1024),
        row("search index", kb(w["search_index"]), "", None),
        row("briefing books ja + en (PDF) laid out, cache off (a warm build takes them from the cache)",
            f"{book_seconds:.2f} s; " + " and ".join(f"{n / 1024 / 1024:.1f} MB" for n in book_sizes), "≤ 5 MB each",
            max(book_sizes) <= 5 * 1024 * 1024),
        row("explorer graph drawn and still (from navigation start)", f"{b['drawn']:.0f} ms", "≤ 2000 ms", b["drawn"] <= 2000),
        row("keypress → search results", f"{b['search']:.1f} ms (90th percentile {b['search_p90']:.1f} ms)",
            "≤ 300 ms", b["search_p90"] <= 300),
        row("first search of a page (loads the index)", f"{b['first_search']:.0f} ms", "≤ 300 ms", b["first_search"] <= 300),
        row(f"judged search queries ({q['queries']}, both editions): MRR; precision@5; forbidden results",
            f"{q['mrr']:.3f}; {q['p5']:.3f}; {len(q['forbidden'])}", "MRR ≥ 0.95; 0", q["mrr"] >= 0.95 and not q["forbidden"]),
    ]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
