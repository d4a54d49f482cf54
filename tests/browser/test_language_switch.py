"""Language switching: every page declares its language and links to itself in the other one."""

from __future__ import annotations

import functools

import pytest
from support.html import parse_html
from support.site_page import PAGES, SitePage, ids, url_path

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
def test_html_lang_is_the_pages_language(site_page: SitePage, served_site):
    # Read from the built file; the switching test below also checks it in the browser.
    assert parse_html(served_site.file(site_page)).lang == site_page.lang


@pytest.fixture(scope="module")
def switches(shared_context, served_site):
    """For each page name: open its Japanese page, switch to English with the header menu, then
    back to Japanese. Those two switches are the two that the test of either language needs
    (ja -> en -> ja covers en -> ja from the English page, a full load like any other), so one
    walk per pair serves both. Records where each switch landed and the lang it declared."""

    @functools.cache
    def walk(name: str) -> dict[tuple[str, str], tuple[str, str]]:
        ja, en = SitePage("ja", name), SitePage("en", name)
        tab = shared_context.new_page()
        try:
            tab.goto(served_site.url(ja))
            landed = {}
            for start, target in ((ja, en), (en, ja)):
                switch_language(tab, target.lang)
                landed[(start.lang, target.lang)] = (url_path(tab.url), tab.evaluate("document.documentElement.lang"))
            return landed
        finally:
            tab.close()

    return walk


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_switcher_leads_to_same_page_in_other_language_and_back(site_page: SitePage, switches):
    other = site_page.other()
    landed = switches(site_page.name)
    assert landed[(site_page.lang, other.lang)] == (other.path, other.lang)
    assert landed[(other.lang, site_page.lang)] == (site_page.path, site_page.lang)
