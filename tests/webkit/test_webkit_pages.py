"""Every page of both languages in WebKit (Safari's engine), at the narrowest window WebKitGTK
allows (asked for 360 px; it gives about 447) and at desktop width: nothing scrolls sideways,
no word of a heading or a key point is split across lines, the switcher leads to the same
page in the other language, the JSON-LD parses and cites what the footnotes cite, and no
request goes to another host. Screenshots of every page land in WEBKIT_SCREENSHOTS."""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path

import pytest
from selenium.common.exceptions import WebDriverException
from support.site_page import PAGES, SitePage, url_path

NARROW, DESKTOP = 360, 1280
WIDTHS = (NARROW, DESKTOP)
MOST_NARROW_WEBKIT = 460  # WebKitGTK's smallest window is about 447 px wide
SHOTS = Path(os.environ.get("WEBKIT_SCREENSHOTS", "/tmp/webkit-screenshots"))
CHECKS_JS = (Path(__file__).with_name("page_checks.js")).read_text(encoding="utf-8")
ARTICLE = "article.md-content__inner"
KEY_POINTS = f'{ARTICLE} :is(h2#要点, h2#key-points) + :is(ul, ol) > li'
HEADINGS = f"{ARTICLE} :is(h1, h2, h3, h4), {KEY_POINTS}"
CASES = [(p, w) for w in WIDTHS for p in PAGES]
IDS = [f"{p.id}@{w}" for p, w in CASES]


@pytest.fixture(scope="module")
def measured(webkit, served_site, recorder):
    """Load each page once per width in the one WebKit session; measure it and screenshot it."""

    @functools.cache
    def at(width: int) -> dict[SitePage, dict]:
        results = {}
        webkit.resize(width)
        recorder.take()
        for page in PAGES:
            try:
                webkit.driver.get(served_site.url(page))
                result = webkit.driver.execute_script(CHECKS_JS, HEADINGS, KEY_POINTS)
                time.sleep(0.05)  # let a late request (an image, a font) reach the recorder
                shot = SHOTS / str(width) / f"{page.lang}-{page.name}.png"
                shot.parent.mkdir(parents=True, exist_ok=True)
                webkit.driver.save_screenshot(str(shot))
            except WebDriverException as err:
                result = {"crashed": f"{type(err).__name__}: {err.msg or 'the web process died'}"}
                webkit.restart()
                webkit.resize(width)
            result["other_hosts"] = recorder.take()
            results[page] = result
        return results

    return lambda page, width: at(width)[page]


def _loaded(result: dict) -> dict:
    assert "crashed" not in result, f"WebKit could not show the page: {result['crashed']}"
    return result


@pytest.mark.parametrize(("site_page", "width"), CASES, ids=IDS)
def test_no_horizontal_scrolling(site_page, width, measured):
    r = _loaded(measured(site_page, width))
    if width == NARROW:
        assert r["width"] <= MOST_NARROW_WEBKIT, f"the narrow window is {r['width']} px wide"
    assert r["scrollWidth"] <= r["width"], f"page is {r['scrollWidth']} px wide in a {r['width']} px window; too wide: {r['wide']}"


@pytest.mark.parametrize(("site_page", "width"), CASES, ids=IDS)
def test_no_word_split_in_headings_and_key_points(site_page, width, measured):
    r = _loaded(measured(site_page, width))
    assert r["checked"] > 0, "no heading found to check"
    if site_page.name == "deployment":
        assert r["keyPoints"] >= 3, "the deployment page's key points were not found (heading id 要点 / key-points)"
    assert not r["splits"], f"words split across lines: {r['splits'][:10]}"


@pytest.mark.parametrize(("site_page", "width"), CASES, ids=IDS)
def test_no_request_to_another_host(site_page, width, measured, served_site):
    r = _loaded(measured(site_page, width))
    foreign = [u for u in r["resources"] if not u.startswith(served_site.url(""))]
    assert not r["other_hosts"] and not foreign, f"requests to other hosts: {r['other_hosts'] + foreign}"


@pytest.mark.parametrize("site_page", PAGES, ids=[p.id for p in PAGES])
def test_switcher_links_the_same_page_in_the_other_language(site_page, measured, served_site):
    r = _loaded(measured(site_page, NARROW))
    assert r["lang"] == site_page.lang
    links = dict(r["switcher"])
    other = site_page.other()
    assert url_path(links.get(other.lang, "")) == url_path(served_site.url(other)), f"switcher links: {links}"


@pytest.mark.parametrize("site_page", PAGES, ids=[p.id for p in PAGES])
def test_json_ld_parses_and_cites_what_the_footnotes_cite(site_page, measured):
    r = _loaded(measured(site_page, DESKTOP))
    if r["article"] is None:
        assert not r["footnotes"] or site_page.name in ("index", "about", "contributing", "corrections", "sources"), "no Article JSON-LD"
        return
    assert sorted(r["article"]["citations"]) == sorted(set(r["footnotes"])), "JSON-LD citations differ from the footnotes"
    assert r["article"]["translation"], "no link to the other language's version"
