"""Finding acronyms and organisations in the plan text, and the tables derived from them.

Every acronym form and organisation alias is a term. At each place the longest term wins, and a term
that starts or ends with a Latin letter or digit never matches inside a longer Latin word (so ＡＣＥ
is not found in ＡＣＥ-ＬＥＤＭＰ, nor ＡＳＥＡＮ in ＡＳＥＡＮＺ). Inside an organisation's Japanese name,
acronyms are found again (ＡＳＥＡＮ in ＡＳＥＡＮ事務局), so that each one is explained; there they are
never an organisation mention of their own.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .model import Catalogue, Measure, Plan

_LATIN = "A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
SENTENCE = re.compile(r"[^。]*。?")


@dataclass(frozen=True, slots=True)
class Term:
    form: str
    acronym: str | None        # slug
    organisation: str | None   # slug


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    term: Term
    inner: tuple["Span", ...] = ()


_LATIN_CHAR = re.compile(f"[{_LATIN}]")


def _pattern(forms) -> re.Pattern | None:
    """One regular expression for all forms, as a trie (ＡＳＥＡＮ and ＡＳＥＡＮ事務局 share 'ＡＳＥＡＮ'): at each
    place the longest form that matches wins, as with the forms longest first in one alternation, but the
    expression starts with the forms' first characters (so the matcher skips every other place at once) and
    is shorter to compile. A form that starts with a Latin letter or digit does not match after one (the
    look-behind comes after its first character, so that every branch starts with a literal); one that
    ends with such a character does not match before one."""
    trie: dict = {}
    for form in forms:
        node = trie
        for char in form:
            node = node.setdefault(char, {})
        node[""] = form
    if not trie:
        return None
    branches = [re.escape(char) + (f"(?<![{_LATIN}].)" if _LATIN_CHAR.match(char) else "") + _rest(trie[char])
                for char in sorted(trie)]
    return re.compile("|".join(branches))


def _rest(node: dict) -> str:
    """The expression for what follows a prefix: longer forms first, then the form that ends here."""
    branches = [re.escape(char) + _rest(node[char]) for char in sorted(node) if char]
    if "" in node:
        branches.append(f"(?![{_LATIN}])" if _LATIN_CHAR.match(node[""][-1]) else "")
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _explained(term: Term) -> Term:
    """An acronym inside a longer name is explained there, not a mention of its organisation: the
    longer name wins (ＪＩＣＡ in ＪＩＣＡ帰国研修員同窓会 is not a second link, to JICA)."""
    return Term(term.form, term.acronym, None)


class Matcher:
    def __init__(self, catalogue: Catalogue):
        terms: dict[str, Term] = {}
        org_of_acronym = {a.slug: a.organisation for a in catalogue.acronyms if a.kind == "organisation"}
        for a in catalogue.acronyms:
            for form in a.forms:
                terms[form] = Term(form, a.slug, org_of_acronym.get(a.slug))
        for o in catalogue.organisations:
            for alias in o.aliases:
                old = terms.get(alias)
                terms[alias] = Term(alias, old.acronym if old else None, o.slug)
        self.terms = terms
        self.pattern = _pattern(terms)
        self._acronyms: dict[str, list[str]] = {}      # first character → acronym forms, longest first
        for form in sorted((f for f, t in terms.items() if t.acronym), key=lambda f: (-len(f), f)):
            self._acronyms.setdefault(form[0], []).append(form)
        self._seen: dict[str, tuple[Span, ...]] = {}
        self._inside: dict[str, tuple[tuple[int, int, str], ...]] = {}

    def spans(self, text: str) -> tuple[Span, ...]:
        """The terms in a text, longest first at each place (remembered: every edition and URL style asks
        again for the same texts)."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._spans(text)
        return found

    def _spans(self, text: str) -> tuple[Span, ...]:
        if self.pattern is None:
            return ()
        out = []
        for m in self.pattern.finditer(text):
            term = self.terms[m.group()]
            inner: tuple[Span, ...] = ()
            if term.acronym is None:
                inner = tuple(Span(m.start() + start, m.start() + end, _explained(self.terms[form]))
                              for start, end, form in self._acronyms_in(m.group()))
            out.append(Span(m.start(), m.end(), term, inner))
        return tuple(out)

    def _acronyms_in(self, name: str) -> tuple[tuple[int, int, str], ...]:
        """The acronym forms inside a name, found as in a text (left to right, the longest at each place, none
        inside a longer Latin word of the name): a few names, so a plain scan, and no second expression to
        compile."""
        found = self._inside.get(name)
        if found is None:
            found, i = [], 0
            while i < len(name):
                form = next((f for f in self._acronyms.get(name[i], ()) if name.startswith(f, i)
                             and not (i and _LATIN_CHAR.match(f[0]) and _LATIN_CHAR.match(name[i - 1]))
                             and not (_LATIN_CHAR.match(f[-1]) and _LATIN_CHAR.match(name, i + len(f)))), None)
                if form:
                    found.append((i, i + len(form), form))
                i += len(form) if form else 1
            found = self._inside[name] = tuple(found)
        return found

    def acronym_spans(self, text: str) -> list[Span]:
        """Every acronym occurrence, nested ones included."""
        out = []
        for span in self.spans(text):
            out.extend([span] if span.term.acronym else span.inner)
        return out


@dataclass(frozen=True, slots=True)
class Mentions:
    """Who and what each measure mentions, in order of first mention."""
    acronyms: dict[str, tuple[str, ...]]          # measure id → acronym slugs
    organisations: dict[str, tuple[str, ...]]     # measure id → organisation slugs
    sentences: dict[tuple[str, str], str]         # (measure id, acronym slug) → first sentence using it

    by_organisation: dict[str, tuple[str, ...]]   # organisation slug → measure ids (derived, for lookups)
    by_acronym: dict[str, tuple[str, ...]]        # acronym slug → measure ids (derived)
    position: dict[str, int]                      # measure id → its place in the plan (derived)

    def measures_of_organisation(self, slug: str) -> tuple[str, ...]:
        return self.by_organisation.get(slug, ())

    def measures_of_acronym(self, slug: str) -> tuple[str, ...]:
        return self.by_acronym.get(slug, ())


def _inverse(table: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for measure, slugs in table.items():
        for slug in slugs:
            out.setdefault(slug, []).append(measure)
    return {slug: tuple(ms) for slug, ms in out.items()}


def _unique(items) -> tuple:
    return tuple(dict.fromkeys(items))


def find_mentions(plan: Plan, matcher: Matcher) -> Mentions:
    acronyms, organisations, sentences = {}, {}, {}
    for m in plan.measures:
        acr, org = [], []
        for text in m.texts:
            for span in matcher.spans(text):
                if span.term.organisation:
                    org.append(span.term.organisation)
            for span in matcher.acronym_spans(text):
                acr.append(span.term.acronym)
                key = (m.id, span.term.acronym)
                if key not in sentences:
                    sentences[key] = _sentence_at(text, span.start)
        acronyms[m.id], organisations[m.id] = _unique(acr), _unique(org)
    return Mentions(acronyms, organisations, sentences, _inverse(organisations), _inverse(acronyms),
                    {m: i for i, m in enumerate(organisations)})


def _sentence_at(text: str, index: int) -> str:
    for m in SENTENCE.finditer(text):
        if m.start() <= index < max(m.end(), m.start() + 1):
            return m.group()
    return text


def related_measures(measure: Measure, mentions: Mentions, limit: int = 6) -> list[tuple[str, tuple[str, ...]]]:
    """Other measures sharing organisations with this one: most shared first, then in plan order."""
    mine = set(mentions.organisations[measure.id])
    candidates = {m for o in mine for m in mentions.measures_of_organisation(o)} - {measure.id}
    shared = [(other, tuple(o for o in mentions.organisations[other] if o in mine)) for other in candidates]
    shared.sort(key=lambda item: (-len(item[1]), mentions.position[item[0]]))
    return shared[:limit]


def co_organisations(slug: str, mentions: Mentions) -> list[tuple[str, int]]:
    """Organisations that appear in the same measures as `slug`, with how many measures they share."""
    counts: Counter = Counter()
    for measure in mentions.measures_of_organisation(slug):
        counts.update(o for o in mentions.organisations[measure] if o != slug)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
