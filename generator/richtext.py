"""Plan text → segments for the templates: plain text, organisation links, acronyms (<abbr>).

Positions found in the official text carry over to the display text, because the display
normalisation changes characters one for one.
"""
from __future__ import annotations

from dataclasses import dataclass

from .linker import Matcher, Span
from .model import Acronym, Catalogue, Organisation
from .text import display


@dataclass(frozen=True, slots=True)
class Segment:
    text: str                          # display text
    org: Organisation | None = None
    acr: Acronym | None = None
    link: bool = False                 # the acronym links to its page (first use in the measure)
    inner: tuple["Segment", ...] = ()


class RichText:
    def __init__(self, catalogue: Catalogue, matcher: Matcher):
        self.matcher = matcher
        self.acronyms = {a.slug: a for a in catalogue.acronyms}
        self.organisations = {o.slug: o for o in catalogue.organisations}

    def segments(self, text: str, linked: set[str]) -> tuple[Segment, ...]:
        """`linked` holds the acronyms already linked on this page; it is updated."""
        return self._segments(text, 0, len(text), self.matcher.spans(text), linked, False)

    def _segments(self, text: str, start: int, end: int, spans, linked: set[str],
                  nested: bool) -> tuple[Segment, ...]:
        out, pos = [], start
        shown = display(text)
        for span in spans:
            if span.start > pos:
                out.append(Segment(shown[pos:span.start]))
            out.append(self._span(text, shown, span, linked, nested))
            pos = span.end
        if pos < end:
            out.append(Segment(shown[pos:end]))
        return tuple(out)

    def _span(self, text: str, shown: str, span: Span, linked: set[str], nested: bool) -> Segment:
        term = span.term
        acr = self.acronyms.get(term.acronym) if term.acronym else None
        org = self.organisations.get(term.organisation) if term.organisation else None
        link = acr is not None and org is None and not nested and acr.slug not in linked
        if acr is not None and (link or org is not None):
            linked.add(acr.slug)
        inner = self._segments(text, span.start, span.end, span.inner, linked, True) if span.inner else ()
        return Segment(shown[span.start:span.end], org, acr, link, inner)


def expansion(acr: Acronym) -> str:
    parts = [display(p) for p in (acr.ja, acr.en) if p]
    return f"{acr.acronym}: " + " / ".join(parts) if parts else acr.acronym
