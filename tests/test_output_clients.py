"""The machine-readable files, read by the programs people use them with (tests/clients.py).

The citation files beside every article page (cite.bib, cite.ris, cite.json) each read as
exactly one record with the page's heading, the site's name once, the date and the address.
A throwaway site, built once for this module, carries text in a page's heading, front
matter (description, change) and data texts (a correction, an estimate's note) that would
forge a record or break a file if any format were written without its own escaping: every
client reads exactly one record per page, with the exact values. (The JSON-LD, the feeds
and the sitemap of the real site: test_structured_data.py, test_feeds.py,
test_reader_site_files.py.)"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import feedparser
import pytest
import rispy
from support.clients import BIBLATEX_LIST_FIELDS, PLAIN_BST_TYPES, citeproc_render, expand, read_bibtex
from support.data_helpers import ESTIMATES, add_data
from support.project import ROOT, Project, page
from support.real_site import SITE_URL

DOCS = ROOT / "docs"
SITE_NAME = {"ja": "北朝鮮のロシア派兵と露朝軍事協力", "en": "North Korean troops in Russia and Russia–North Korea military cooperation"}
ARTICLES = [
    (lang, p.stem) for lang in ("ja", "en") for p in sorted((DOCS / lang).glob("*.md")) if "article: false" not in p.read_text(encoding="utf-8")
]
IDS = [f"{lang}/{name}" for lang, name in ARTICLES]
MONTHS = "January February March April May June July August September October November December".split()


def _meta(lang: str, name: str, key: str) -> str:
    return re.search(rf"^{key}: (.*)$", (DOCS / lang / f"{name}.md").read_text(encoding="utf-8"), re.M).group(1).strip('"')


def _heading(lang: str, name: str) -> str:
    return re.search(r"^# (.*)$", (DOCS / lang / f"{name}.md").read_text(encoding="utf-8"), re.M).group(1)


def _folder(site: Path, lang: str, name: str) -> Path:
    return site / ("" if lang == "ja" else "en") / name


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=IDS)
def test_bibtex_is_one_misc_entry_that_bibtex_and_biblatex_read_alike(real_site, lang, name):
    library = read_bibtex((_folder(real_site, lang, name) / "cite.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks and len(library.entries) == 1
    entry = library.entries[0]
    fields = {f.key: f.value for f in entry.fields}
    year, month, _ = (int(x) for x in _meta(lang, name, "updated").split("-"))
    assert entry.key == f"nk-russia-{name}-{lang}"
    # Classic BibTeX (plain.bst) knows the type and prints title, howpublished, month and year;
    # biblatex reads the same fields, and url.
    assert entry.entry_type in PLAIN_BST_TYPES
    assert fields["title"] == _heading(lang, name)
    assert fields["howpublished"] == SITE_NAME[lang]
    assert (fields["year"], fields["month"]) == (str(year), month)
    assert fields["url"] == SITE_URL + ("" if lang == "ja" else "en/") + f"{name}/"
    assert fields["langid"] == {"ja": "japanese", "en": "english"}[lang]
    # No name or list field that biblatex would split at " and " into several items.
    assert all(len(f.value) == 1 for f in entry.fields if f.key in BIBLATEX_LIST_FIELDS)


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=IDS)
def test_ris_is_one_reference_with_crlf_lines_and_the_site_named_once(real_site, lang, name):
    raw = (_folder(real_site, lang, name) / "cite.ris").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "a byte-order mark: rispy and other line readers then find no record"
    assert raw.endswith(b"ER  - \r\n") and raw.count(b"\n") == raw.count(b"\r\n"), "RIS lines end in CRLF"
    [ref] = rispy.loads(raw.decode("utf-8"))
    updated = _meta(lang, name, "updated")
    assert ref["type_of_reference"] == "ELEC" and ref["id"] == f"nk-russia-{name}-{lang}"
    assert ref["title"] == _heading(lang, name) and ref["secondary_title"] == SITE_NAME[lang]
    assert "publisher" not in ref, "PB beside T2 prints the site's name twice"
    assert ref["date"] == updated.replace("-", "/") and ref["year"] == updated[:4] and ref["language"] == lang
    assert ref["urls"] == [SITE_URL + ("" if lang == "ja" else "en/") + f"{name}/"]


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=IDS)
def test_csl_json_renders_in_apa_with_the_title_first_and_the_site_once(real_site, lang, name):
    # The page's own APA citation (partials/cite/apa.html) treats the site as having no author:
    # the title leads, then the date, then the site. (citeproc-py prints the title again where
    # APA substitutes it for the missing author; citeproc-js does not.)
    items = json.loads((_folder(real_site, lang, name) / "cite.json").read_text(encoding="utf-8"))
    assert len(items) == 1 and "publisher" not in items[0]
    text = citeproc_render(items, "apa")
    year, month, day = (int(x) for x in _meta(lang, name, "updated").split("-"))
    assert text.startswith(f"{_heading(lang, name)}. ({year}, {MONTHS[month - 1]} {day}).")
    assert text.lower().count(SITE_NAME[lang].lower()) == 1, text
    assert text.endswith(SITE_URL + ("" if lang == "ja" else "en/") + f"{name}/")


def test_no_template_is_published_as_a_site_file(real_site):
    assert not (real_site / "partials").exists()
    leaked = [
        p.relative_to(real_site).as_posix() for p in real_site.rglob("*")
        if p.is_file() and p.suffix in {".bib", ".ris", ".json", ".xml", ".csv", ".txt"} and "pagefind" not in p.parts
        and re.search(r"\{\{ |\{%", p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not leaked, f"template syntax in published files: {leaked}"


# Hostile text through the page's heading, front matter and data texts: what closes a BibTeX entry
# and opens a forged one, RIS's end and start tags (after a line break, in a correction), a quote,
# a backslash, a lone brace, and a line separator (U+2028), which Python's splitlines and
# JavaScript treat as a break.
HEADING = 'Attack }@online{forged, x = { "quoted" \\ {'
# Front matter is one line (the build refuses a line break there, U+2028 included), so what it can
# still carry is tested here; line breaks reach the files only through data texts (CORRECTION).
DESCRIPTION = "Line one ER  - TY  - JOUR T1  - forged }@online{forged2, \\ { end"


CHANGE = 'Fixed "quoted" \\ { }@online{x, ER  - TY  - JOUR end'
CORRECTION = 'Corrected "a" \\ { }@online{y,\nER  - \nTY  - JOUR \u2028 and the rest.'
NOTE = '=HYPERLINK("https://evil.example") "q" \\ { \u2028 end'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = Project(tmp_path_factory.mktemp("hostile-outputs"))
    front = f"title: Attack\ndescription: {json.dumps(DESCRIPTION)}\nas_of: 2024-10-18\nupdated: 2024-11-01\nchange: {json.dumps(CHANGE)}\n"
    body = "The NIS said so.[^nis-2024-10-18] Reuters reported it.[^reuters-2024-10-18]"
    project.write("docs/en/about.md", f"---\n{front}---\n\n# {HEADING}\n\n{body}\n")
    project.write("docs/ja/corrections.md", page("訂正履歴", "<!-- corrections -->", article=False))
    project.write("docs/en/corrections.md", page("Corrections", "<!-- corrections -->", article=False))
    log = f"- date: 2024-10-20\n  id: 2024-10-20-1\n  page: about.md\n  ja: 記述を訂正した。\n  en: {json.dumps(CORRECTION)}\n"
    project.write("docs/corrections.yml", log)
    add_data(project, "estimates")
    assert "note: {ja: 第1陣, en: first group}" in ESTIMATES
    project.write("docs/estimates.yml", ESTIMATES.replace("note: {ja: 第1陣, en: first group}", f"note: {{ja: 第1陣, en: {json.dumps(NOTE)}}}"))
    build = project.build()
    assert build.code == 0, build.stderr[-3000:]
    return build.site


@pytest.fixture(scope="module")
def hostile(hostile_site: Path) -> Path:
    return hostile_site / "en" / "about"


def test_hostile_text_stays_inside_one_bibtex_entry(hostile):
    library = read_bibtex((hostile / "cite.bib").read_text(encoding="utf-8"))
    assert not library.failed_blocks and [e.key for e in library.entries] == ["nk-russia-about-en"]
    fields = {f.key: f.value for f in library.entries[0].fields}
    assert fields["title"] == HEADING
    assert fields["abstract"] == " ".join(DESCRIPTION.split())  # a BibTeX value is one line
    raw = {f.key: f.value for f in read_bibtex((hostile / "cite.bib").read_text(encoding="utf-8"), decode=False).entries[0].fields}
    assert raw["title"].count("{") == raw["title"].count("}")  # what BibTeX and Biber count, escapes included


def test_hostile_text_stays_inside_one_ris_reference(hostile):
    refs = rispy.loads((hostile / "cite.ris").read_bytes().decode("utf-8"))
    assert len(refs) == 1 and refs[0]["type_of_reference"] == "ELEC"
    assert refs[0]["title"] == HEADING and refs[0]["abstract"] == " ".join(DESCRIPTION.split())


def test_hostile_text_is_exact_in_csl_json(hostile):
    [item] = json.loads((hostile / "cite.json").read_text(encoding="utf-8"))
    assert item["title"] == HEADING and item["abstract"] == DESCRIPTION


def test_hostile_text_is_exact_in_the_json_ld_and_cannot_leave_its_script(hostile):
    html = (hostile / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(scripts) == 1 and "\u2028" not in scripts[0] and "\u2029" not in scripts[0]
    [article] = [x for x in json.loads(scripts[0])["@graph"] if x["@type"] == "Article"]
    assert article["headline"] == HEADING and article["description"] == DESCRIPTION
    [node] = [x for x in expand(json.loads(scripts[0])) if "http://schema.org/Article" in x["@type"]]
    assert node["http://schema.org/headline"] == [{"@value": HEADING}]


def test_hostile_text_is_one_exact_feed_entry_each(hostile_site):
    feed = feedparser.parse((hostile_site / "en" / "feed.xml").read_bytes())
    assert not feed.bozo
    about = [e for e in feed.entries if e.link.endswith("/en/about/")]
    assert sorted(t.term for e in about for t in e.tags) == ["correction", "update"]
    update, correction = sorted(about, key=lambda e: e.tags[0].term != "update")
    assert update.summary == CHANGE and update.title == f"Updated: {HEADING}"
    assert correction.summary == CORRECTION and correction.title.startswith(f"Correction to {HEADING}: Corrected")


def test_hostile_note_is_one_csv_cell_that_no_spreadsheet_runs(hostile_site):
    raw = (hostile_site / "estimates.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == ESTIMATES.count("- measure:")
    assert [r["note_en"] for r in rows if "HYPERLINK" in r["note_en"]] == ["'" + NOTE]  # the apostrophe keeps it text
