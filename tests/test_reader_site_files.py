"""Site-level files: the two 404 pages, robots.txt, the sitemap and the Pagefind index."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support.html import read_page
from support.project import ROOT
from support.real_site import SITE_URL


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


@pytest.mark.parametrize(("path", "lang", "other", "other_href"), [("404.html", "ja", "en", "/nk/en/"), ("en/404.html", "en", "ja", "/nk/")])
def test_each_language_has_its_own_404_linking_to_the_other_languages_home(site, path, lang, other, other_href):
    doc = read_page(site, path)
    assert doc.find("html")[0]["lang"] == lang
    assert doc.meta("robots") == ["noindex"]
    assert [a["href"] for a in doc.find("a", hreflang=other, lang=other)][-1] == other_href
    assert not [a for _, a in doc.tags if "data-pagefind-body" in a]
    assert any(a["href"].startswith("/nk/assets/") for a in doc.find("link", rel="stylesheet"))


def test_404_text_is_in_the_pages_language(site):
    assert "ページが見つかりません" in read_page(site, "404.html").text
    assert "Page not found" in read_page(site, "en/404.html").text


def test_robots_txt_points_to_the_absolute_sitemap(site):
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and f"Sitemap: {SITE_URL}sitemap.xml" in lines
    assert (site / "sitemap.xml").is_file()


def test_pagefind_indexed_every_page_of_both_languages_once(site):
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = {lang: len([p for p in (site if lang == "ja" else site / "en").rglob("index.html") if lang == "en" or "en" not in p.parts])
             for lang in ("ja", "en")}
    assert {lang: info["page_count"] for lang, info in entry["languages"].items()} == pages
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js"):
        assert (site / "pagefind" / name).is_file()


def test_materials_search_index_is_not_built(site):
    assert not (site / "search" / "search_index.json").exists()


def _sitemap(site: Path) -> dict[str, tuple[str | None, dict[str, str]]]:
    """loc -> (lastmod, hreflang -> href) of every URL in sitemap.xml."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    out = {}
    for url in ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns):
        lastmod = url.find("s:lastmod", ns)
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        out[url.find("s:loc", ns).text] = (lastmod.text if lastmod is not None else None, links)
    return out


def test_sitemap_dates_each_page_by_its_last_update(site):
    # Not the build date: Google uses lastmod only when it is verifiably accurate.
    expected = {}
    for md in sorted((ROOT / "docs").glob("*/*.md")):
        lang, name = md.parent.name, md.stem
        updated = re.search(r"^updated: (.*)$", md.read_text(encoding="utf-8"), re.M)
        url = SITE_URL + ("" if lang == "ja" else "en/") + ("" if name == "index" else f"{name}/")
        expected[url] = updated.group(1) if updated else None
    assert {loc: lastmod for loc, (lastmod, _) in _sitemap(site).items()} == expected


def test_sitemap_alternates_are_the_page_heads_alternates(site):
    for loc, (_, links) in _sitemap(site).items():
        head = read_page(site, loc.removeprefix(SITE_URL))
        assert links == {a["hreflang"]: a["href"] for a in head.find("link", rel="alternate") if "hreflang" in a}
        assert links["x-default"] == links["ja"]
