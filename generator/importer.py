"""Importer: the official text as extracted from the PDF → the structured plan (a YAML-ready dict).

What it repairs, and how (each has a golden case under generator/tests/cases/import/):
- lines wrapped every ~40 characters, empty lines between them: joined again. A space survives a
  wrap only where Latin text meets (`Japan ⏎ Sports`) or an enumeration follows (`普及 ⏎ ii)`);
- page breaks: page-number lines are dropped; the leading space of the line after a break too,
  so a word or acronym cut by the break (`原 ⏎  子力`, `ＡＣ ⏎ Ｅ`) is whole again;
- a stray space between two Japanese characters (`イニシアティ ブ`) is removed (the measure keeps its text as
  printed under `printed_text`, shown in the measure page's「原文の表記」block);
  spaces next to Latin text are real and kept (`Ｓｍａｒｔ ＪＡＭＰ`);
- a measure number glued to its text (`2.1.9民間…`);
- bullet items (`•`), wrapped over several lines, then more text of the same measure;
- a measure number whose section part is misprinted (`2.7.8` as the eighth measure of 2.8):
  the measure gets its identity from its place, the printed number is kept, and a note is reported.
Everything else that does not fit the numbering is an error, reported with every other one. So is
what the structure cannot account for: a measure with two paragraphs in a row (a measure is one paragraph,
lists aside: the number of the second was probably lost, merging two measures into one), a pillar with
no measures, a text that ends mid-sentence (truncated), a line or paragraph longer than any text value
may be. The plan records the text's checksum (`source_sha256`): a text edited since is refused by the build.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .diagnostics import Problem
from .model import Location
from .load_plan import text_checksum
from .text import is_ascii_alnum, is_japanese
from .yamlio import MAX_VALUE

PAGE_NUMBER = re.compile(r"[0-9]{1,3}")
DATE_LINE = re.compile(r"(?P<date>[0-9０-９]+年[0-9０-９]+月[0-9０-９]+日)\s*(?P<place>.*)")
PILLAR = re.compile(r"(?P<printed>(?P<num>[0-9０-９]+)[．.])\s*(?![0-9０-９])(?P<title>\S.*)")
NUMBERED = re.compile(r"(?P<num>[0-9]+(?:\.[0-9]+)+)\s*(?P<text>.*)")
BULLET = "•"
SENTENCE_END = "。"
SENTENCE_CLOSED = re.compile(r"。[）」』〕】)]*$")


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    col: int
    text: str
    trailing_space: bool


@dataclass
class _Blocks:
    """Paragraphs and bullet lists of one measure (or of the preamble / a pillar's introduction)."""

    blocks: list[tuple[str, list]] = field(default_factory=list)
    closed: bool = True

    def add(self, line: Line) -> None:
        text = line.text
        if text.startswith(BULLET):
            item = Line(line.number, line.col, text[len(BULLET):].lstrip(), line.trailing_space)
            if not self.blocks or self.blocks[-1][0] != "ul":
                self.blocks.append(("ul", []))
            self.blocks[-1][1].append([item])
            self.closed = line.trailing_space or text.endswith(SENTENCE_END)
            return
        if self.closed or not self.blocks:
            self.blocks.append(("p", [line]))
        elif self.blocks[-1][0] == "ul":
            self.blocks[-1][1][-1].append(line)
        else:
            self.blocks[-1][1].append(line)
        in_list = self.blocks[-1][0] == "ul"
        self.closed = text.endswith(SENTENCE_END) or (in_list and line.trailing_space)

    def second_paragraph(self) -> Line | None:
        """The first line of a paragraph that follows another paragraph, if any."""
        for (kind, _), (next_kind, content) in zip(self.blocks, self.blocks[1:]):
            if kind == next_kind == "p":
                return content[0]
        return None

    def to_data(self, printed: bool = False) -> list:
        """The blocks as text; printed=True keeps the stray spaces as the PDF prints them."""
        out: list = []
        for kind, content in self.blocks:
            if kind == "p":
                out.append(join_lines(content, printed))
            else:
                out.append({"items": [join_lines(item, printed) for item in content]})
        return out


def remove_stray_spaces(text: str) -> str:
    """Drop spaces between two Japanese characters (`イニシアティ ブ`); keep all others."""
    out = []
    for i, ch in enumerate(text):
        if ch == " ":
            before = out[-1] if out else ""
            after = text[i + 1:].lstrip(" ")[:1]
            if before and after and is_japanese(before) and is_japanese(after):
                continue
        out.append(ch)
    return "".join(out)


def join_lines(lines: list[Line], printed: bool = False) -> str:
    text = lines[0].text
    for prev, cur in zip(lines, lines[1:]):
        ascii_meets = is_ascii_alnum(prev.text[-1]) and is_ascii_alnum(cur.text[0])
        keeps_space = prev.trailing_space and (prev.text[-1].isascii() or cur.text[0].isascii())
        text += (" " if ascii_meets or keeps_space else "") + cur.text
    return text if printed else remove_stray_spaces(text)


def read_lines(text: str) -> list[Line]:
    """Content lines with their 1-based line and column; blank lines and page numbers dropped."""
    lines = []
    for number, raw in enumerate(text.split("\n"), 1):
        raw = raw.rstrip("\r")
        stripped = raw.strip()
        if not stripped or PAGE_NUMBER.fullmatch(stripped):
            continue
        col = len(raw) - len(raw.lstrip()) + 1
        lines.append(Line(number, col, stripped, raw != raw.rstrip()))
    return lines


class _Importer:
    def __init__(self, text: str, path: str, source_name: str):
        self.path = path
        self.source_name = source_name
        self.lines = read_lines(text.lstrip("\ufeff"))
        self.pos = 0
        self.problems: list[Problem] = []
        self.last_measure_closed: bool | None = None    # None: no measure yet; a list item may end without 。

    def problem(self, line: Line, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(Location(self.path, line.number, line.col), message, severity))

    def peek(self) -> Line | None:
        return self.lines[self.pos] if self.pos < len(self.lines) else None

    def run(self) -> dict:
        if not self.lines:
            self.problems.append(Problem(Location(self.path), "expected the text of the plan, found an empty file"))
            return {}
        long = [line for line in self.lines if len(line.text) > MAX_VALUE]
        for line in long:
            self.problem(line, f"line too long: {len(line.text)} characters (a paragraph has at most {MAX_VALUE})")
        if long:
            return {}
        title, date_line = self.header()
        if date_line is None:
            return {}
        date = DATE_LINE.fullmatch(date_line.text)
        preamble = self.blocks_until(lambda l: PILLAR.fullmatch(l.text) is not None)
        pillars = []
        while self.peek() is not None:
            pillars.append(self.pillar(len(pillars) + 1))
        if not pillars:
            self.problems.append(Problem(Location(self.path, date_line.number),
                                         "expected at least one pillar heading like '１．…', found none"))
        self.ending()
        return {
            "source": self.source_name,
            "title": title,
            "date": date["date"],
            "place": date["place"],
            "preamble": preamble,
            "pillars": pillars,
        }

    def ending(self) -> None:
        """The text ends with the end of a sentence; otherwise it was cut off."""
        last = self.lines[-1]
        if self.last_measure_closed is False:
            self.problem(last, f"the text ends mid-sentence ('…{last.text[-20:]}'): it may be truncated "
                               "(a plan ends with a measure's full sentence)")

    def header(self) -> tuple[list[str], Line | None]:
        title: list[str] = []
        for line in self.lines:
            self.pos += 1
            if DATE_LINE.fullmatch(line.text):
                if not title:
                    self.problem(line, "expected the title before the date line, found none")
                return title, line
            if PILLAR.fullmatch(line.text) or NUMBERED.fullmatch(line.text):
                break
            title.append(line.text)
        self.problems.append(Problem(Location(self.path, self.lines[0].number),
                                     "expected a date line like '２０２３年１２月１７日 東京' after the title, found none"))
        return title, None

    def blocks_until(self, stop) -> list:
        blocks = _Blocks()
        while (line := self.peek()) is not None and not stop(line):
            blocks.add(line)
            self.pos += 1
        return blocks.to_data()

    def next_numbered(self) -> Line | None:
        for line in self.lines[self.pos:]:
            if NUMBERED.fullmatch(line.text) or PILLAR.fullmatch(line.text):
                return line
        return None

    def pillar(self, expected: int) -> dict:
        heading = self.lines[self.pos]
        self.pos += 1
        m = PILLAR.fullmatch(heading.text)
        number = _ascii_digits(m["num"])
        if number != str(expected):
            self.problem(heading, f"pillar number out of order: expected {expected}, found {m['printed']}")
        is_numbered = lambda l: NUMBERED.fullmatch(l.text) or PILLAR.fullmatch(l.text)  # noqa: E731
        pillar = {"number": number, "printed": m["printed"], "title": m["title"],
                  "line": heading.number, "intro": self.blocks_until(is_numbered)}
        sections: list[dict] = []
        measures: list[dict] = []
        while (line := self.peek()) is not None and not PILLAR.fullmatch(line.text):
            num = NUMBERED.fullmatch(line.text)["num"]
            if self.is_section_heading(line, num):
                sections.append(self.section(line, number, len(sections) + 1))
            elif sections:
                sections[-1]["measures"].append(self.measure(line, sections[-1]["id"], sections[-1]["measures"]))
            else:
                measures.append(self.measure(line, number, measures))
        if sections:
            pillar["sections"] = sections
        if measures:
            pillar["measures"] = measures
        if not sections and not measures:
            self.problem(heading, f"pillar {number} has no measures (expected numbered measures like '{number}.1' "
                                  "after its heading)")
        return pillar

    def is_section_heading(self, line: Line, num: str) -> bool:
        if num.count(".") != 1:
            return False
        self.pos += 1
        following = self.next_numbered()
        self.pos -= 1
        if following is None:
            return False
        m = NUMBERED.fullmatch(following.text)
        return m is not None and m["num"].startswith(num + ".")

    def section(self, line: Line, pillar: str, expected: int) -> dict:
        m = NUMBERED.fullmatch(line.text)
        self.pos += 1
        if m["num"] != f"{pillar}.{expected}":
            self.problem(line, f"section number out of order: expected {pillar}.{expected}, found {m['num']}")
        return {"id": m["num"], "title": m["text"], "line": line.number, "measures": []}

    def measure(self, line: Line, parent: str, siblings: list[dict]) -> dict:
        m = NUMBERED.fullmatch(line.text)
        printed = m["num"]
        expected = f"{parent}.{len(siblings) + 1}"
        measure = {"id": expected, "line": line.number}
        if printed != expected:
            misprint = printed.count(".") == expected.count(".") and \
                printed.rsplit(".", 1)[1] == expected.rsplit(".", 1)[1]
            if misprint:
                measure["printed"] = printed
                self.problem(line, f"printed number {printed} read as {expected}: "
                                   f"it stands as measure {len(siblings) + 1} of {parent}", "note")
            else:
                self.problem(line, f"measure number out of order: expected {expected}, found {printed}")
                measure["id"] = printed
        self.pos += 1
        first = Line(line.number, line.col + m.start("text"), m["text"], line.trailing_space)
        blocks = _Blocks()
        if first.text:
            blocks.add(first)
        while (nxt := self.peek()) is not None and not (NUMBERED.fullmatch(nxt.text) or PILLAR.fullmatch(nxt.text)):
            blocks.add(nxt)
            self.pos += 1
        measure["text"] = blocks.to_data()
        as_printed = blocks.to_data(printed=True)
        if as_printed != measure["text"]:          # the stray spaces removed, kept here as printed
            measure["printed_text"] = as_printed
        if not measure["text"]:
            self.problem(line, f"measure {printed} has no text")
        second = blocks.second_paragraph()
        if second is not None:
            self.problem(second, f"a second paragraph in measure {measure['id']}: a measure is one paragraph "
                                 "(lists aside), so the number of the next measure may be missing at the start of "
                                 f"this line (its text would be merged into {measure['id']})")
        self.last_measure_closed = bool(blocks.blocks) and blocks.blocks[-1][0] == "ul" or \
            bool(measure["text"]) and isinstance(measure["text"][-1], str) and \
            SENTENCE_CLOSED.search(measure["text"][-1]) is not None
        return measure


def _ascii_digits(digits: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in digits)


def import_text(text: str, path: str, source_name: str) -> tuple[dict, list[Problem]]:
    """Parse the official text. Returns the plan as data and every problem (errors and notes)."""
    importer = _Importer(text, path, source_name)
    data = importer.run()
    if data:
        data = {"source": data["source"], "source_sha256": text_checksum(text.lstrip("\ufeff"))} | data
        for long in _strings(data):
            if len(long) > MAX_VALUE:
                importer.problems.append(Problem(Location(path), f"a paragraph of {len(long)} characters ('{long[:20]}…'): "
                                                             f"at most {MAX_VALUE}"))
    return data, importer.problems


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def read_back(data: dict) -> str:
    """The plan's text in reading order, as printed (numbers as printed, bullets as `•`).

    With whitespace removed this equals the official text without its page numbers: the fidelity test.
    """
    out: list[str] = [*data["title"], data["date"], data["place"], *_blocks_text(data["preamble"])]
    for pillar in data["pillars"]:
        out += [pillar["printed"] + pillar["title"], *_blocks_text(pillar["intro"])]
        for section in pillar.get("sections", []):
            out.append(section["id"] + " " + section["title"])
            out += _measures_text(section["measures"])
        out += _measures_text(pillar.get("measures", []))
    return "\n".join(out) + "\n"


def _measures_text(measures: list[dict]) -> list[str]:
    out = []
    for measure in measures:
        text = _blocks_text(measure["text"])
        out.append(measure.get("printed", measure["id"]) + " " + (text[0] if text else ""))
        out += text[1:]
    return out


def _blocks_text(blocks: list) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, dict):
            out += [BULLET + " " + item for item in block["items"]]
        else:
            out.append(block)
    return out
