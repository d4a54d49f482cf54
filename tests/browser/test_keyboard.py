"""Keyboard: Tab alone reaches the language switcher, the search and every footnote reference."""

from __future__ import annotations

import functools

import pytest
from conftest import DESKTOP
from search_driver import INPUTS, OPENERS
from site_pages import CITING_PAGES, PAGES, SitePage, ids

# What the focused element is, in terms the assertions below need.
_FOCUSED_JS = """([inputs, openers]) => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  if (!e.dataset.tabWalk) e.dataset.tabWalk = String(window.__tabWalk = (window.__tabWalk || 0) + 1);
  return {
    key: e.dataset.tabWalk,
    hreflang: e.getAttribute('hreflang'),
    switcher: !!e.closest('.md-select, [data-language-switcher]'),
    search: e.matches(inputs) || e.matches(openers),
    footnote_ref: e.matches('a.footnote-ref') ? e.getAttribute('href') + '@' + e.closest('sup[id]').id : null,
  };
}"""


@pytest.fixture(scope="module")
def tab_walk(browser, site):
    """Press Tab from the top of a page until focus comes round again; list what got focus."""

    @functools.cache
    def walk(site_page: SitePage) -> list[dict]:
        context = browser.new_context(viewport=DESKTOP)
        try:
            tab = context.new_page()
            tab.goto(site.url(site_page))
            limit = 80 + 2 * tab.evaluate("document.querySelectorAll('a, button, input, select, textarea, [tabindex]').length")
            focused: list[dict] = []
            seen: set[str] = set()
            for _ in range(limit):
                tab.keyboard.press("Tab")
                info = tab.evaluate(_FOCUSED_JS, [INPUTS, OPENERS])
                if info is None:
                    continue
                if info["key"] in seen and len(seen) > 3:
                    break  # came round to the start
                seen.add(info["key"])
                focused.append(info)
            return focused
        finally:
            context.close()

    return walk


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_tab_reaches_the_language_switcher(site_page: SitePage, tab_walk):
    other = site_page.other().lang
    reached = [f for f in tab_walk(site_page) if f["switcher"] and f["hreflang"] == other]
    assert reached, f"Tab never focuses the link to the {other} page"


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_tab_reaches_the_search(site_page: SitePage, tab_walk):
    assert any(f["search"] for f in tab_walk(site_page)), "Tab never focuses the search box or a control that opens it"


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_tab_reaches_every_footnote_reference(site_page: SitePage, tab_walk, site, page):
    page.goto(site.url(site_page))
    refs = page.eval_on_selector_all("a.footnote-ref", "as => as.map(a => a.getAttribute('href') + '@' + a.closest('sup[id]').id)")
    reached = {f["footnote_ref"] for f in tab_walk(site_page)}
    missed = [r for r in refs if r not in reached]
    assert refs and not missed, f"Tab never focuses these footnote references: {missed}"
