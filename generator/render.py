"""model → pages: (path, Markdown with front matter) pairs, each body an HTML block from a template.

Plan text only ever reaches the page through Jinja's autoescaping, and generated pages are marked
`render_macros: false`, so text from data stays text.
"""
from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass

import jinja2
from markupsafe import escape

from .index import Index
from .linker import Matcher, related_measures
from .model import BulletList, Catalogue, Measure
from .network import measure_node, measure_subgraph
from .paths import Links, src
from .cache import folder as cache_folder, source_of
from .qrcodes import qr_svg
from .render_graph import GraphData, NodeText, vis_data
from .richtext import RichText, expansion
from .text import display
from .edition import Edition, english_catalogue


def _rich(index: Index, lang: str) -> RichText:
    """Finds names in text of one language: the Japanese with the index's matcher, which has already
    found them in every text of the plan."""
    return RichText(index.catalogue, index.matcher) if lang == "ja" else _rich_translated(index.catalogue, lang)


@functools.lru_cache(maxsize=8)
def _rich_translated(catalogue: Catalogue, lang: str) -> RichText:
    """The catalogue is frozen, so one per catalogue and language."""
    cat = english_catalogue(catalogue)
    return RichText(cat, Matcher(cat))


@dataclass(frozen=True, slots=True)
class Page:
    path: str      # source path inside the site, e.g. 'measures/1-1/index.md'
    content: str


@dataclass(frozen=True, slots=True)
class NavItem:
    title: str
    path: str | None
    children: tuple["NavItem", ...] = ()


def environment(edition: Edition) -> jinja2.Environment:
    """The templates of one edition: its filters read the edition from the globals, which imported
    macro templates see too."""
    # Jinja checks each template's source before using its bytecode, but not how the filters are defined
    # (a filter that takes the context compiles differently): the folder is keyed on this module too.
    compiled = cache_folder("jinja-" + hashlib.sha256(source_of(__name__).encode()).hexdigest()[:12])
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        auto_reload=False,        # one environment per rendering: no need to look at each template's file again
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
    )
    env.filters["disp"] = display
    env.filters["summary"] = jinja2.pass_context(lambda ctx, m, length=None: ctx["edition"].summary(m, length))
    env.filters["mtitle"] = jinja2.pass_context(lambda ctx, m: ctx["edition"].title(m))
    env.filters["mlabel"] = jinja2.pass_context(lambda ctx, m: ctx["edition"].label(m))
    env.filters["name"] = jinja2.pass_context(lambda ctx, item, lang=None: ctx["edition"].name(item, lang))
    env.filters["expansion"] = expansion
    env.globals["edition"] = edition
    return env


def front_matter(title: str, description: str, hide: tuple[str, ...] = ()) -> str:
    """MkDocs themes print title and description unescaped: escape them here."""
    meta = {"title": str(escape(title)), "description": str(escape(description)), "render_macros": False}
    if hide:
        meta["hide"] = list(hide)
    # JSON values are YAML too (and writing them is 40 times faster than a YAML dumper); characters YAML
    # reads as line breaks or does not allow are written as escapes.
    return "---\n" + "".join(f"{k}: {_yaml_json(v)}\n" for k, v in meta.items()) + "---\n\n"


_NOT_PLAIN_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


_JSON = json.JSONEncoder(ensure_ascii=False).encode      # json.dumps(value, ensure_ascii=False), without
                                                         # making an encoder for every value


def _yaml_json(value) -> str:
    return _NOT_PLAIN_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", _JSON(value))


class Renderer:
    """Pages of one edition (language) in one URL style, from the shared index: the Jinja templates,
    the edition's words and a url() function. Everything it reads is in `index` or `edition`."""

    def __init__(self, index: Index, directory_urls: bool, site_url: str = "", lang: str = "ja"):
        self.index = index
        self.lang = lang
        self.directory_urls = directory_urls
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        settings = index.settings
        words = settings.words_of(lang)
        self.words = words.all()
        self.labels = dict(words.labels)
        self.statuses = dict(words.progress_statuses)
        self.kinds = dict(words.acronym_kinds)
        self.edition = Edition(lang, words, index.glosses, index.translations.get(lang, {}), index.titles,
                               settings.summary_length)
        self.rich_ja = _rich(index, "ja")
        self.rich = _rich(index, lang)
        self.env = environment(self.edition)
        self.node_text = NodeText(index, self.edition)
        # the index's tables, under the names the render modules use
        self.plan, self.catalogue, self.settings = index.plan, index.catalogue, settings
        self.progress, self.english, self.mentions, self.network = index.progress, index.glosses, index.mentions, index.network
        self.institutions, self.measures, self.sections, self.pillars = index.institutions, index.measures, index.sections, index.pillars
        self.acronyms, self.organisations, self.areas = index.acronyms, index.organisations, index.areas
        self.assignments = index.assignments

    def graph(self, sub, here: str, centre: str | None = None, explorer: bool = False) -> GraphData:
        # the whole network is drawn on several pages: its layout comes once from the index's cache
        positions = self.index.whole_layout() if sub is self.network else None
        return vis_data(sub, self.node_text, self.settings.graph, here, self.directory_urls, centre, explorer,
                        positions)

    def say(self, key: str, **fields) -> str:
        """A sentence from site.yaml's wording, with its {fields} filled in."""
        return self.words[key].format(**fields)

    def share(self, directory: str) -> dict:
        """The page's public address and its QR code (an inline SVG), or nothing without a site_url."""
        if not self.site_url:
            return {"url": None, "qr": None}
        address = self.site_url + (directory + "/" if directory else "")
        return {"url": address, "qr": qr_svg(address)}

    def progress_of(self, measure_id: str) -> list[tuple[str, object]]:
        """(year, entry or None) for every progress report, oldest first."""
        return [(r.year, next((e for e in r.entries if e.measure == measure_id), None)) for r in self.progress]

    def orgs_of(self, measure_id: str, without: str | None = None) -> list:
        return [self.organisations[o] for o in self.mentions.organisations[measure_id] if o != without]

    def fragment(self, template: str, here: str, **context) -> str:
        """An HTML block, rendered for the page at directory `here`."""
        html = self.env.get_template(template).render(
            url=Links(here, self.directory_urls), labels=self.labels, plan=self.plan, lang=self.lang,
            words=self.words, say=self.say, edition=self.edition, kinds=self.kinds,
            sections_by_id=self.sections, source=self.plan.source, measures_by_id=self.measures,
            organisations=self.organisations, acronyms=self.acronyms, areas=self.areas, statuses=self.statuses,
            english=self.english, **context)
        return "\n".join(line for line in html.splitlines() if line.strip()) + "\n"

    def page(self, directory: str, title: str, description: str, template: str, hide: tuple[str, ...] = (),
             **context) -> Page:
        body = self.fragment(template, directory, **context)
        return Page(src(directory), front_matter(title, description, hide) + body)

    def pages(self) -> list[Page]:
        out = [self.measure_page(i, m) for i, m in enumerate(self.plan.measures)]
        out += [self.pillar_page(p) for p in self.plan.pillars]
        out += [self.section_page(i, s) for i, s in enumerate(self.plan.sections)]
        return out

    def measure_page(self, index: int, m: Measure) -> Page:
        ms = self.plan.measures
        section = self.sections.get(m.section) if m.section else None
        siblings = section.measure_ids if section else self.pillars[m.pillar].measure_ids
        label = self.labels["measure"]
        assignment = self.assignments[m.id]
        here = f"measures/{m.slug}"
        orgs = self.orgs_of(m.id)
        reach = [(o, [self.measures[i] for i in self.mentions.measures_of_organisation(o.slug) if i != m.id])
                 for o in orgs]
        graph = self.graph(measure_subgraph(self.network, m.id, self.index.order), here, measure_node(m.id))
        return self.page(
            here, self.measure_title(m), f"{label} {m.id}: {self.edition.summary(m, 110)}", "measure.html.j2",
            m=m, pillar=self.pillars[m.pillar], section=section, position=siblings.index(m.id) + 1,
            prev=ms[index - 1] if index > 0 else None, next=ms[index + 1] if index + 1 < len(ms) else None,
            rich_blocks=self.rich_blocks(m), assignment=assignment,
            rich_blocks_ja=None if self.lang == "ja" else self.rich_blocks(m, self.rich_ja, m.blocks),
            translation=self.edition.translations.get(m.id),
            measure_areas=[self.areas[a] for a in assignment.areas],
            measure_acronyms=[self.acronyms[a] for a in self.mentions.acronyms[m.id]],
            measure_orgs=orgs, graph=graph, reach=reach, progress=self.progress_of(m.id), share=self.share(here),
            related=[(self.measures[r], [self.organisations[o] for o in shared])
                     for r, shared in related_measures(m, self.mentions)])

    def measure_title(self, m: Measure) -> str:
        """'措置 2.8.8 …' / 'Measure 2.8.8: …': the page title, with the short title when there is one."""
        title = self.edition.title(m)
        return f"{self.labels['measure']} {m.id}" + (f" {title}" if title and self.lang == "ja" else f": {title}" if title else "")

    def rich_blocks(self, m: Measure, rich: RichText | None = None, blocks=None) -> list[dict]:
        """A measure's text (this edition's language unless blocks are given) as linked segments."""
        rich = rich or self.rich
        linked: set[str] = set()
        out = []
        for block in (blocks if blocks is not None else self.edition.blocks(m)):
            if isinstance(block, BulletList):
                out.append({"kind": "list", "items": [rich.segments(item, linked) for item in block.items]})
            else:
                out.append({"kind": "paragraph", "text": rich.segments(block.text, linked)})
        return out

    def pillar_page(self, pillar) -> Page:
        sections = [self.sections[s] for s in pillar.section_ids]
        title = f"{pillar.number}. {self.edition.name(pillar)}"
        return self.page(
            f"pillars/{pillar.number}", title, f"{self.labels['pillar']} {title}", "pillar.html.j2",
            pillar=pillar, sections=sections, measures=[self.measures[i] for i in pillar.measure_ids],
            measures_of={s.id: [self.measures[i] for i in s.measure_ids] for s in sections})

    def section_page(self, index: int, section) -> Page:
        ss = self.plan.sections
        title = f"{section.id} {self.edition.name(section)}"
        return self.page(
            f"sections/{section.slug}", title, f"{self.labels['section']} {title}", "section.html.j2",
            section=section, pillar=self.pillars[section.pillar],
            measures=[self.measures[i] for i in section.measure_ids],
            prev=ss[index - 1] if index > 0 else None, next=ss[index + 1] if index + 1 < len(ss) else None)

    def nav(self) -> tuple[NavItem, ...]:
        items = [NavItem(self.labels["home"], "index.md")]
        for pillar in self.plan.pillars:
            title = f"{pillar.number}. {self.edition.name(pillar)}"
            children = tuple(NavItem(f"{s.id} {self.edition.name(s)}", src(f"sections/{s.slug}"))
                             for s in (self.sections[i] for i in pillar.section_ids))
            if children:
                items.append(NavItem(title, None, (NavItem(title, src(f"pillars/{pillar.number}")),) + children))
            else:
                items.append(NavItem(title, src(f"pillars/{pillar.number}")))
        items.append(NavItem(self.words["finder"], src("finder")))
        indexes = tuple(NavItem(self.labels[key], src(key)) for key in ("acronyms", "organisations", "aoip"))
        items.append(NavItem(self.labels["indexes"], None, indexes))
        graphs = (NavItem(self.labels["graph"], src("graph")), NavItem(self.labels["co_occurrence"], src("graph/organisations")))
        items.append(NavItem(self.labels["graphs"], None, graphs))
        items.append(NavItem(self.labels["stats"], src("stats")))
        items.append(NavItem(self.labels["progress"], src("progress")))
        items.append(NavItem(self.labels["data"], src("data")))
        items.append(NavItem(self.labels["offline"], "offline.md"))
        items.append(NavItem(self.labels["briefs"], src("briefs")))
        items.append(NavItem(self.labels["kiosk"], src("kiosk")))
        items.append(NavItem(self.labels["about"], "about.md"))
        return tuple(items)
