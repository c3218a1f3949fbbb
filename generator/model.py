"""The plan as frozen data, and where each piece came from. Imports nothing of ours; derived tables are
computed by functions elsewhere (generator/index.py). Every stage uses these types: the readers give a
`Location` to each value they read, the loaders build the plan, the catalogue, the site's settings and words
from them, and the renderers read them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Location:
    """Where something stands in a file: 1-based line and column. Line 0: not in a file (an environment
    variable, a folder), shown as the name alone."""
    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return self.path if self.line == 0 else f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[str, ...]


Block = Paragraph | BulletList


@dataclass(frozen=True, slots=True)
class Measure:
    id: str            # canonical identity, from its place in the plan: '2.8.8'
    printed: str       # as printed in the official text: '2.7.8'
    pillar: str
    section: str | None
    blocks: tuple[Block, ...]
    source_line: int   # line in the official text
    origin: Location     # where it stands in source/plan.yaml
    printed_blocks: tuple[Block, ...] | None = None   # as printed, where the text drops stray spaces of the PDF

    @property
    def slug(self) -> str:
        return self.id.replace(".", "-")

    @property
    def misprinted(self) -> bool:
        return self.printed != self.id

    @property
    def texts(self) -> tuple[str, ...]:
        """Every paragraph and list item, in order."""
        out: list[str] = []
        for block in self.blocks:
            out.extend(block.items if isinstance(block, BulletList) else (block.text,))
        return tuple(out)


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    pillar: str
    measure_ids: tuple[str, ...]
    origin: Location

    @property
    def slug(self) -> str:
        return self.id.replace(".", "-")


@dataclass(frozen=True, slots=True)
class Pillar:
    number: str
    printed: str
    title: str
    intro: tuple[Block, ...]
    section_ids: tuple[str, ...]
    measure_ids: tuple[str, ...]   # all measures of the pillar, in order, sections included
    origin: Location


@dataclass(frozen=True, slots=True)
class Plan:
    source: str
    title: tuple[str, ...]
    date: str
    place: str
    preamble: tuple[Block, ...]
    pillars: tuple[Pillar, ...]
    sections: tuple[Section, ...]
    measures: tuple[Measure, ...]


@dataclass(frozen=True, slots=True)
class Acronym:
    slug: str
    acronym: str                 # as shown (half-width)
    forms: tuple[str, ...]       # as printed in the official text
    ja: str | None               # the expansion the plan gives, if any
    en: str | None
    en_source: str | None
    en_low_confidence: bool
    kind: str
    organisation: str | None
    origin: Location
    note: str | None = None      # an editorial remark on the entry (a misprint of the plan, what it refers to)


@dataclass(frozen=True, slots=True)
class NotAcronym:
    text: str
    why: str


@dataclass(frozen=True, slots=True)
class OrgType:
    slug: str
    ja: str
    en: str


@dataclass(frozen=True, slots=True)
class Organisation:
    slug: str
    ja: str
    en: str
    en_low_confidence: bool
    type: str
    aliases: tuple[str, ...]
    origin: Location
    basis: str = ""              # the kind of standing body it is, under the rule of organisations.yaml (`bases:`)
    en_source: str | None = None
    note: str | None = None      # how the entry follows the rule, where that needs a word


@dataclass(frozen=True, slots=True)
class Area:
    slug: str
    ja: str
    en: str
    description: str
    description_en: str
    origin: Location


@dataclass(frozen=True, slots=True)
class AreaAssignment:
    """The editorial AOIP classification of one measure, with its own reason in both languages."""
    measure: str
    areas: tuple[str, ...]
    rationale: str
    rationale_en: str
    origin: Location


@dataclass(frozen=True, slots=True)
class Catalogue:
    acronyms: tuple[Acronym, ...]
    not_acronyms: tuple[NotAcronym, ...]
    org_types: tuple[OrgType, ...]
    organisations: tuple[Organisation, ...]
    areas: tuple[Area, ...]
    assignments: tuple[AreaAssignment, ...]


@dataclass(frozen=True, slots=True)
class Translation:
    """A text of the plan in another language: a measure ('1.1'), 'preamble', or a pillar intro ('pillar 2')."""
    key: str
    blocks: tuple[Block, ...]
    status: str                  # 'unofficial' (this project's translation) or 'official'
    source: str | None           # where an official text comes from
    notes: tuple[str, ...]       # translator's notes
    origin: Location

    @property
    def official(self) -> bool:
        return self.status == "official"


@dataclass(frozen=True, slots=True)
class Title:
    """An editorial short title of a measure (this site's words, not the plan's)."""
    measure: str
    ja: str
    en: str
    origin: Location


@dataclass(frozen=True, slots=True)
class Gloss:
    """The English of a pillar or section heading (source/english.yaml)."""
    en: str
    source: str | None     # None: the site's own gloss (unofficial)

    @property
    def official(self) -> bool:
        return self.source is not None


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    measure: str
    status: str
    note: str
    origin: Location


@dataclass(frozen=True, slots=True)
class ProgressReport:
    """One yearly progress report (source/progress/<year>.yaml)."""
    year: str
    source: str            # where the report comes from (title, URL)
    entries: tuple[ProgressEntry, ...]


# --- the site's own words and settings (source/site.yaml, source/site.en.yaml) ----------------------------

@dataclass(frozen=True, slots=True)
class Words:
    """The interface words of one language: labels, sentences with {fields}, acronym kinds, statuses."""
    lang: str
    labels: tuple[tuple[str, str], ...]
    wording: tuple[tuple[str, str], ...]
    acronym_kinds: tuple[tuple[str, str], ...]
    progress_statuses: tuple[tuple[str, str], ...]

    def all(self) -> dict[str, str]:
        """Labels and sentences in one table (their keys never collide: checked when loaded)."""
        return dict(self.labels) | dict(self.wording)


@dataclass(frozen=True, slots=True)
class GraphStyle:
    seed: int
    pillars: tuple[tuple[str, str], ...]              # pillar number → colour
    organisation_types: tuple[tuple[str, str], ...]   # type slug → colour
    area: str
    origin: Location
    where: tuple[tuple[str, Location], ...] = ()     # 'pillars:3' → where that colour is set


@dataclass(frozen=True, slots=True)
class Settings:
    labels: tuple[tuple[str, str], ...]
    summary_length: int
    acronym_kinds: tuple[tuple[str, str], ...]
    graph: GraphStyle
    progress_statuses: tuple[tuple[str, str], ...] = ()    # status → label
    wording: tuple[tuple[str, str], ...] = ()              # sentence templates: key → text with {fields}
    words: tuple[Words, ...] = ()                          # one per language, Japanese first

    def words_of(self, lang: str) -> Words:
        return next(w for w in self.words if w.lang == lang)
