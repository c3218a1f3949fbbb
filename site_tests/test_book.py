"""The briefing books (dist/asean-japan-plan-ja.pdf, -en.pdf), read back with pypdf: the whole plan's text,
an outline entry that opens on each measure, contents whose page numbers are right, fonts embedded, the
metadata and size a delegation needs; and the site and the bundle offering both."""
from __future__ import annotations

import posixpath
import re
import time
from functools import cache
from pathlib import Path

import pypdf
import pytest

from generator.model import BulletList
from generator.render_book import BOOK_DIR, book_file
from generator.text import display

from .conftest import SITE_URL
from .test_crosslinks import PLAN, SOURCES

EN = SOURCES.translations["en"]
EPOCH = 1702771200                      # SOURCE_DATE_EPOCH of the test build (conftest.build_site)
MM = 72 / 25.4
TOP, BOTTOM = 22 * MM, 20 * MM          # the page margins of templates/book.css: header and footer live there
WORDS = {lang: SOURCES.settings.words_of(lang).all() for lang in ("ja", "en")}


def squeeze(text: str) -> str:
    """The normalisation of the site's fidelity test (site_tests/test_pages.py): no whitespace at all."""
    return re.sub(r"\s+", "", text)


@cache
def reader(path: Path) -> pypdf.PdfReader:
    return pypdf.PdfReader(path)


@cache
def page_texts(path: Path) -> tuple[tuple[str, str], ...]:
    """(body, margins) text of every page: what lies between the header and the footer, and what lies in them."""
    out = []
    for page in reader(path).pages:
        height = float(page.mediabox.height)
        body, margins = [], []

        def visit(text, cm, tm, font, size):
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            (body if BOTTOM < y < height - TOP else margins).append(text)
        page.extract_text(visitor_text=visit)
        out.append(("".join(body), "".join(margins)))
    return tuple(out)


def body_text(path: Path) -> str:
    return squeeze("".join(body for body, _ in page_texts(path)))


def texts(blocks) -> list[str]:
    out = []
    for b in blocks:
        out.extend(b.items if isinstance(b, BulletList) else (b.text,))
    return out


@pytest.fixture(scope="module")
def books(built) -> dict[str, Path]:
    return {lang: built / "dist" / book_file(lang) for lang in ("ja", "en")}


def test_both_books_are_built_and_small_enough(books):
    for lang, path in books.items():
        assert path.is_file(), path
        assert path.read_bytes().startswith(b"%PDF-")
        assert path.stat().st_size <= 5 * 1024 * 1024, (lang, path.stat().st_size)
        assert len(reader(path).pages) > 30


def test_the_japanese_book_holds_every_measure_exactly(books):
    body = body_text(books["ja"])
    missing = [m.id for m in PLAN.measures for text in m.texts if squeeze(display(text)) not in body]
    assert missing == []
    assert squeeze(display(PLAN.preamble[0].text)) in body


def test_the_english_book_holds_every_english_text_and_every_official_japanese_text(books):
    body = body_text(books["en"])
    english = [m.id for m in PLAN.measures for text in texts(EN[m.id].blocks) if squeeze(text) not in body]
    japanese = [m.id for m in PLAN.measures for text in m.texts if squeeze(display(text)) not in body]
    assert (english, japanese) == ([], [])


def test_the_running_header_is_not_mistaken_for_text(books):
    """The check above reads only the body of each page; the header and footer are there, outside it."""
    for lang, path in books.items():
        pages = page_texts(path)
        assert squeeze(WORDS[lang]["book_running_title"]) in squeeze(pages[10][1])
        assert squeeze(WORDS[lang]["book_running_title"]) not in squeeze(pages[10][0])


def outline(path: Path) -> list[tuple[str, int, int]]:
    """(title, level, page index) of every bookmark, in order."""
    r = reader(path)
    out = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((item.title, level, r.get_destination_page_number(item)))
    walk(r.outline, 1)
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_pillar_section_and_measure_has_a_bookmark_that_opens_on_it(books, lang):
    path = books[lang]
    marks = outline(path)
    pages = page_texts(path)
    label = WORDS[lang]["measure"]
    for m in PLAN.measures:
        found = [(level, page) for title, level, page in marks if title == m.id or title.startswith(m.id + " ")]
        assert found, m.id
        level, page = found[0]
        assert level == (2 if not m.section else 3), m.id
        assert squeeze(f"{label} {m.id}") in squeeze(pages[page][0]), f"bookmark of {m.id} opens on page {page + 1}"
    top = [title for title, level, _ in marks if level == 1]
    for pillar in PLAN.pillars:
        assert any(t.startswith(f"{pillar.number}. ") for t in top), pillar.number
    seconds = {title.split(" ")[0] for title, level, _ in marks if level == 2}
    assert {s.id for s in PLAN.sections} <= seconds


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_contents_give_the_right_page_of_every_measure(books, lang):
    path = books[lang]
    r = reader(path)
    marks = outline(path)
    page_of = {title.split(" ")[0]: page for title, _, page in marks}
    first = next(page for title, _, page in marks if title == WORDS[lang]["book_contents"])
    end = next(page for title, _, page in marks if title == WORDS[lang]["book_preamble"])
    contents = "\n".join(page.extract_text() for page in r.pages[first:end])
    # an entry: its number, its title (perhaps on two lines), the leader dots and the page number
    entries = re.findall(r"^\s*(\d+\.\d+(?:\.\d+)?)\s.*?\.{3,}\s*(\d+)\s*$", contents, re.M | re.S)
    ids = {m.id for m in PLAN.measures}
    listed = {number: page for number, page in entries if number in ids}
    assert set(listed) == ids
    wrong = {i: (listed[i], page_of[i] + 1) for i in listed if int(listed[i]) != page_of[i] + 1}
    assert wrong == {}


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_internal_links_lead_to_measures_and_indexes(books, lang):
    r = reader(books[lang])
    internal = 0
    for page in r.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                internal += 1
    # contents, index of organisations and AOIP table each link every measure; the text links the indexes
    assert internal > 3 * len(PLAN.measures)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_fonts_are_embedded_noto_sans_cjk(books, lang):
    r = reader(books[lang])
    fonts = {}
    for page in r.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            for part in font.get("/DescendantFonts") or [font]:
                descriptor = part.get_object().get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor else {}
                fonts[str(part.get_object()["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert any("Noto-Sans-CJK" in name or "NotoSansCJK" in name for name in fonts), fonts


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_metadata_language_tags_and_dates(books, lang):
    r = reader(books[lang])
    info = r.metadata
    assert info.title and info.title.endswith(WORDS[lang]["book_kind"])
    assert info.author == WORDS[lang]["book_author"]
    stamp = "D:" + time.strftime("%Y%m%d%H%M%S", time.gmtime(EPOCH))
    assert info["/CreationDate"].startswith(stamp) and info["/ModDate"].startswith(stamp)
    root = r.trailer["/Root"]
    assert root["/Lang"] == lang
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root         # tagged PDF
    assert float(r.pages[0].mediabox.width) == pytest.approx(210 * MM, abs=0.5)   # A4
    assert float(r.pages[0].mediabox.height) == pytest.approx(297 * MM, abs=0.5)


def test_the_cover_says_what_and_where_from(books):
    for lang, path in books.items():
        cover = squeeze(reader(path).pages[0].extract_text())
        assert squeeze(WORDS[lang]["book_kind"]) in cover
        assert squeeze(SITE_URL + ("" if lang == "ja" else "en/")) in cover        # the live edition (QR code beside)
        assert time.strftime("%Y-%m-%d", time.gmtime(EPOCH)) in cover               # the build date
    english = squeeze(reader(books["en"]).pages[0].extract_text())
    assert squeeze(WORDS["en"]["book_source"]) in english


def test_the_site_and_the_bundle_offer_both_books(built, site, offline, html):
    for lang in ("ja", "en"):
        book = (built / "dist" / book_file(lang)).read_bytes()
        assert (site / BOOK_DIR / book_file(lang)).read_bytes() == book
        assert (offline / BOOK_DIR / book_file(lang)).read_bytes() == book
        assert f"{BOOK_DIR}/{book_file(lang)}" in (offline / "SHA256SUMS").read_text(encoding="utf-8")
    for root in (site, offline):
        for page in ("index.html", "data/index.html", "en/index.html", "en/data/index.html"):
            text = (root / page).read_text(encoding="utf-8")
            links = set(re.findall(r'href="([^"]*\.pdf)"', text))
            targets = {posixpath.normpath(posixpath.join(posixpath.dirname(page), href)) for href in links}
            assert targets == {f"{BOOK_DIR}/{book_file(lang)}" for lang in ("ja", "en")}, (root, page, links)
