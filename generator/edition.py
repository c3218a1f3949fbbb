"""One language edition of the site: its words, and the names and texts it shows.

The Japanese edition shows the official text; the English edition shows the translation of each text
(source/translations/en.yaml) with its status, and English names. Both render from the same model.
"""
from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass

from .model import Acronym, Area, Catalogue, Measure, OrgType, Organisation, Paragraph, Pillar, Section, Title, Translation, Words
from .text import display

LANGS = ("ja", "en")


@dataclass(frozen=True, slots=True)
class Edition:
    lang: str
    words: Words
    glosses: dict                      # heading id → Gloss (English of pillar and section titles)
    translations: dict[str, Translation]   # '1.1', 'preamble', 'pillar 2' → translation (English edition)
    titles: dict[str, Title]
    summary_length: int

    @property
    def prefix(self) -> str:
        """Where this edition lives in the site: '' (Japanese, the root) or 'en/'."""
        return "" if self.lang == "ja" else f"{self.lang}/"

    def name(self, item, lang: str | None = None) -> str:
        """The name of an organisation, area, organisation type, acronym, pillar or section."""
        lang = lang or self.lang
        if isinstance(item, Acronym):
            return item.acronym
        if isinstance(item, (Organisation, Area, OrgType)):
            return display(item.ja) if lang == "ja" else item.en
        if isinstance(item, (Pillar, Section)):
            key = item.number if isinstance(item, Pillar) else item.id
            gloss = self.glosses.get(key)
            return display(item.title) if lang == "ja" or gloss is None else gloss.en
        raise TypeError(f"no name for {type(item).__name__}")

    def other_lang(self) -> str:
        return "en" if self.lang == "ja" else "ja"

    def title(self, m: Measure) -> str | None:
        """The editorial short title of a measure in this language."""
        t = self.titles.get(m.id)
        return (t.ja if self.lang == "ja" else t.en) if t else None

    def blocks(self, m: Measure):
        """A measure's text in this edition's language (the official Japanese in the Japanese edition)."""
        if self.lang == "ja":
            return m.blocks
        t = self.translations.get(m.id)
        return t.blocks if t else m.blocks

    def summary(self, m: Measure, length: int | None = None) -> str:
        length = length or self.summary_length
        if self.lang == "ja":
            first = next((b.text for b in m.blocks if isinstance(b, Paragraph)), m.texts[0])
            text = display(first)
        else:
            blocks = self.blocks(m)
            text = next((b.text for b in blocks if isinstance(b, Paragraph)), "")
            length = length * 2        # English takes about twice the characters of Japanese
        if len(text) <= length:
            return text
        return text[:length] + "…" if self.lang == "ja" else text[:length].rstrip() + "…"

    def label(self, m: Measure) -> str:
        """'Measure 2.8.8: Title' — what lists, tooltips and search results show."""
        title = self.title(m)
        return title or self.summary(m)


def english_catalogue(catalogue: Catalogue) -> Catalogue:
    """The catalogue as the English text names it: acronyms by themselves (and their plural, EPAs),
    organisations by their English name and their Latin aliases (ＪＩＣＡ → JICA), so that the same linker
    finds them in English."""
    def latin(forms):
        out = []
        for f in forms:
            n = unicodedata.normalize("NFKC", f)
            if n.isascii() and n not in out:
                out.append(n)
        return out
    def plural(acronym: str) -> list[str]:          # English writes "EPAs" for several EPAs
        return [acronym + "s"] if acronym[-1:].isupper() else []
    acronyms = tuple(dataclasses.replace(a, forms=tuple(dict.fromkeys([a.acronym, *plural(a.acronym), *latin(a.forms)])))
                     for a in catalogue.acronyms)
    orgs = tuple(dataclasses.replace(o, aliases=tuple(dict.fromkeys([o.en, *latin(o.aliases)])))
                 for o in catalogue.organisations)
    return dataclasses.replace(catalogue, acronyms=acronyms, organisations=orgs)
