"""Language switching: every page declares its language and links to itself in the other one."""

from __future__ import annotations

import pytest
from site_pages import PAGES, SitePage, ids, parse_html, url_path

# Material's header language menu; the link for a language carries hreflang.
SWITCHER = ".md-header .md-select"
SWITCHER_LINK = '.md-header .md-select a[hreflang="{lang}"]'


def switch_language(page, lang: str) -> None:
    """Open the language menu as a reader would (hover its button) and pick `lang`."""
    page.locator(SWITCHER).first.hover()
    link = page.locator(SWITCHER_LINK.format(lang=lang)).first
    with page.expect_navigation():
        link.click()


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_html_lang_is_the_pages_language(site_page: SitePage, site):
    # Read from the built file; the switching test below also checks it in the browser.
    assert parse_html(site.file(site_page)).lang == site_page.lang


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_switcher_leads_to_same_page_in_other_language_and_back(site_page: SitePage, site, page):
    other = site_page.other()
    page.goto(site.url(site_page))
    switch_language(page, other.lang)
    assert url_path(page.url) == other.path
    assert page.evaluate("document.documentElement.lang") == other.lang
    switch_language(page, site_page.lang)
    assert url_path(page.url) == site_page.path
    assert page.evaluate("document.documentElement.lang") == site_page.lang
