"""The plan as frozen data. Imports nothing of ours; derived tables are computed by functions elsewhere."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Origin:
    path: str
    line: int
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


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
    origin: Origin     # where it stands in source/plan.yaml
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
    origin: Origin

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
    origin: Origin


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
    origin: Origin
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
    origin: Origin
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
    origin: Origin


@dataclass(frozen=True, slots=True)
class AreaAssignment:
    """The editorial AOIP classification of one measure, with its own reason in both languages."""
    measure: str
    areas: tuple[str, ...]
    rationale: str
    rationale_en: str
    origin: Origin


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
    origin: Origin

    @property
    def official(self) -> bool:
        return self.status == "official"


@dataclass(frozen=True, slots=True)
class Title:
    """An editorial short title of a measure (this site's words, not the plan's)."""
    measure: str
    ja: str
    en: str
    origin: Origin
