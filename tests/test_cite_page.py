"""'Cite this page' on every article page, its downloads (BibTeX, RIS, CSL-JSON), and 'Cite
these data' with the licence beside the data downloads."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.dates import format_date
from support.html import read_page
from support.project import ROOT
from support.real_site import SITE_URL

DOCS = ROOT / "docs"
SITE_NAME = {"ja": "北朝鮮のロシア派兵と露朝軍事協力", "en": "North Korean troops in Russia and Russia–North Korea military cooperation"}
ARTICLES = [
    (lang, p.stem) for lang in ("ja", "en") for p in sorted((DOCS / lang).glob("*.md")) if "article: false" not in p.read_text(encoding="utf-8")
]
IDS = [f"{lang}/{name}" for lang, name in ARTICLES]


def _meta(lang: str, name: str, key: str) -> str:
    return re.search(rf"^{key}: (.*)$", (DOCS / lang / f"{name}.md").read_text(encoding="utf-8"), re.M).group(1)


def _heading(lang: str, name: str) -> str:
    """The page's h1 as written (the site's headings are plain text): what a citation names."""
    return re.search(r"^# (.*)$", (DOCS / lang / f"{name}.md").read_text(encoding="utf-8"), re.M).group(1)


def _path(lang: str, name: str) -> str:
    return ("" if lang == "ja" else "en/") + ("" if name == "index" else f"{name}/")


def _citations(site: Path, lang: str, name: str) -> dict[str, str]:
    html = (site / _path(lang, name) / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<details class="cite-block cite-page".*?</details>', html, re.S)
    assert block, "no citation block"
    texts = re.findall(r'<p class="cite-text" id="cite-(\w+)">(.*?)</p>', block.group(0), re.S)
    return {style: re.sub(r"<[^>]+>", "", text).replace("&amp;", "&") for style, text in texts}


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=IDS)
def test_citation_names_title_site_date_url_and_leaves_a_slot_for_the_access_date(real_site, lang, name):
    cites = _citations(real_site, lang, name)
    title, (year, month, day) = _heading(lang, name), _meta(lang, name, "updated").split("-")
    url = SITE_URL + _path(lang, name)
    if lang == "ja":
        assert list(cites) == ["sist"]
        assert cites["sist"] == f'"{title}". {SITE_NAME["ja"]}. {year}-{month}-{day}. {url}, (参照 YYYY-MM-DD).'
    else:
        assert list(cites) == ["apa", "chicago"]
        long = format_date(dt.date(int(year), int(month), int(day)), "MMMM d", locale="en")  # the month's English name, from CLDR
        assert cites["apa"] == f"{title}. ({year}, {long}). {SITE_NAME['en']}. Retrieved Month Day, Year, from {url}"
        assert cites["chicago"] == f"“{title}.” {SITE_NAME['en']}. Last modified {long}, {year}. Accessed Month Day, Year. {url}."


def test_the_citation_block_sits_right_under_the_as_of_line(real_site):
    html = (real_site / "treaty" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<p class="page-as-of".*?</p>\s*<details class="cite-block cite-page"', html, re.S)
    assert '<details class="cite-block' not in (real_site / "about" / "index.html").read_text(encoding="utf-8")  # not an article


@pytest.mark.parametrize(("lang", "name"), ARTICLES, ids=IDS)
def test_the_download_links_name_the_files_beside_the_page(real_site, lang, name):
    # What the files say, read by the programs that import them: tests/test_citation_clients.py.
    links = read_page(real_site, _path(lang, name)).find("a")
    found = {a["href"]: (a["download"], a["type"]) for a in links if "download" in a and a["href"].startswith("cite.")}
    assert found == {
        "cite.bib": (f"nk-russia-{name}-{lang}.bib", "application/x-bibtex"),
        "cite.ris": (f"nk-russia-{name}-{lang}.ris", "application/x-research-info-systems"),
        "cite.json": (f"nk-russia-{name}-{lang}.json", "application/vnd.citationstyles.csl+json"),
    }
    assert all((real_site / _path(lang, name) / href).is_file() for href in found)


DATA = [("estimates", "estimates.csv · estimates.json"), ("timeline", "timeline.json"), ("sources", "sources.json")]


@pytest.mark.parametrize(("name", "files"), DATA)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_data_downloads_say_how_to_cite_them_and_their_licence(real_site, lang, name, files):
    html = (real_site / _path(lang, name) / "index.html").read_text(encoding="utf-8")
    block = re.search(r'<details class="cite-block cite-data".*?</details>', html, re.S)
    assert block, "no 'cite these data' block"
    text = re.sub(r"<[^>]+>", "", block.group(0))
    assert SITE_NAME[lang] in text and SITE_URL + _path(lang, name) in text
    assert "CC BY 4.0" in text and files in text
    assert re.search(r'<a href="https://creativecommons.org/licenses/by/4.0/[^"]*" rel="license">', block.group(0))
    assert ("[Data set]" in text and "Retrieved Month Day, Year" in text) if lang == "en" else "(参照 YYYY-MM-DD)" in text
