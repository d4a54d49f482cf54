"""The <head> of every built page: description, canonical, hreflang, Open Graph, no third party."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from support.html import read_page
from support.project import ROOT
from support.real_site import SITE_URL

NAMES = ["index", "about", "treaty", "deployment", "weapons", "sources"]
CASES = [(lang, name) for lang in ("ja", "en") for name in NAMES]
OG_LOCALE = {"ja": "ja_JP", "en": "en_US"}


def url_path(lang: str, name: str) -> str:
    """The page's path under the site root: "", "treaty/", "en/", "en/treaty/"."""
    return ("" if lang == "ja" else "en/") + ("" if name == "index" else f"{name}/")


def front_matter(site: Path, lang: str, name: str) -> dict:
    text = (ROOT / "docs" / lang / f"{name}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_html_lang_is_the_pages_language(site, lang, name):
    assert read_page(site, url_path(lang, name)).find("html")[0]["lang"] == lang


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_description_comes_from_the_pages_front_matter(site, lang, name):
    assert read_page(site, url_path(lang, name)).meta("description") == [front_matter(site, lang, name)["description"]]


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_canonical_and_hreflang_are_absolute_with_x_default_in_japanese(site, lang, name):
    head = read_page(site, url_path(lang, name))
    assert [a["href"] for a in head.find("link", rel="canonical")] == [SITE_URL + url_path(lang, name)]
    hreflang = {a["hreflang"]: a["href"] for a in head.find("link", rel="alternate") if "hreflang" in a}
    assert hreflang == {"ja": SITE_URL + url_path("ja", name), "en": SITE_URL + url_path("en", name), "x-default": SITE_URL + url_path("ja", name)}


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_open_graph_and_twitter_card(site, lang, name):
    head = read_page(site, url_path(lang, name))
    other = "en" if lang == "ja" else "ja"
    assert head.meta("og:url") == [SITE_URL + url_path(lang, name)]
    assert head.meta("og:locale") == [OG_LOCALE[lang]] and head.meta("og:locale:alternate") == [OG_LOCALE[other]]
    assert head.meta("og:description") == [front_matter(site, lang, name)["description"]]
    assert head.meta("og:type") == ["website" if name == "index" else "article"]
    assert all(head.meta(key)[0].strip() for key in ("og:title", "og:site_name", "og:image:alt"))
    assert head.meta("twitter:card") == ["summary_large_image"]
    image = head.meta("og:image")[0]
    assert image.startswith(SITE_URL) and (site / image.removeprefix(SITE_URL)).is_file()


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_switcher_links_to_the_same_page_in_the_other_language(site, lang, name):
    here = url_path(lang, name)
    links = {a["hreflang"]: a for a in read_page(site, here).find("a", **{"class": "md-select__link"})}
    for target in ("ja", "en"):
        assert urljoin(SITE_URL + here, links[target]["href"]) == SITE_URL + url_path(target, name)
        assert links[target]["lang"] == target
    assert links[lang].get("aria-current") == "page"


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_no_third_party_resource_and_no_invalid_autocomplete(site, lang, name):
    head = read_page(site, url_path(lang, name))
    loaded = [a.get("src", "") for t, a in head.tags if t in ("script", "img", "iframe")]
    loaded += [a["href"] for a in head.find("link") if a.get("rel") in ("stylesheet", "icon", "preconnect", "modulepreload")]
    assert not [u for u in loaded if urlsplit(u).netloc], loaded
    assert not [a for a in head.find("input") if a.get("type") == "checkbox" and "autocomplete" in a]


@pytest.mark.parametrize(("lang", "name"), CASES)
def test_content_is_marked_for_pagefind_and_materials_search_is_gone(site, lang, name):
    head = read_page(site, url_path(lang, name))
    assert len([a for _, a in head.tags if "data-pagefind-body" in a]) == 1
    assert not [a for _, a in head.tags if a.get("data-md-component") == "search"]
    assert [a for _, a in head.tags if a.get("role") == "dialog" and a.get("aria-label")]


def as_of_line(lang: str, date: dt.date) -> str:
    if lang == "ja":
        return f"この記事は{date.year}年{date.month}月{date.day}日時点の情報に基づく。"
    return f"This page reflects sources up to {date.day} {date:%B} {date.year}."


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_article_pages_show_their_as_of_date_and_the_footer_the_newest(site, lang):
    pages = sorted((ROOT / "docs" / lang).glob("*.md"))
    newest = max(d for d in (front_matter(site, lang, p.stem).get("as_of") for p in pages) if d)
    updated = {
        "ja": f"サイト全体の最終更新：{newest.year}年{newest.month}月{newest.day}日",
        "en": f"Site last updated: {newest.day} {newest:%B} {newest.year}",
    }
    for name in NAMES:
        text = " ".join(read_page(site, url_path(lang, name)).text)
        as_of = front_matter(site, lang, name).get("as_of")
        if as_of:
            assert as_of_line(lang, as_of) in text, name
        else:
            assert "時点の情報" not in text and "This page reflects" not in text, name
        assert updated[lang] in text, name


def test_footnote_back_links_are_titled_in_the_pages_language(site):
    ja = read_page(site, url_path("ja", "treaty")).find("a", **{"class": "footnote-backref"})
    en = read_page(site, url_path("en", "treaty")).find("a", **{"class": "footnote-backref"})
    assert ja and all(a["title"].startswith("本文の脚注") for a in ja)
    assert en and all(a["title"].startswith("Jump back to footnote") for a in en)
