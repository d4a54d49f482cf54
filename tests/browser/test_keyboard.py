"""Keyboard: Tab alone reaches the language switcher, the search and every footnote reference."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pytest
from support.chromium import DESKTOP
from support.search_driver import INPUTS, OPENERS
from support.site_page import CITING_PAGES, PAGES, SitePage, ids

# After every Tab the page records what got focus, in terms the assertions below need (a
# keyup listener, so Python reads the record every few presses instead of after each one).
_LISTEN_JS = """([inputs, openers]) => {
  window.__tabs = [];
  window.addEventListener('keyup', event => {
    if (event.key !== 'Tab') return;
    const e = document.activeElement;
    if (!e || e === document.body) { window.__tabs.push(null); return; }
    if (!e.dataset.tabWalk) e.dataset.tabWalk = String(window.__tabWalk = (window.__tabWalk || 0) + 1);
    window.__tabs.push({
      key: e.dataset.tabWalk,
      hreflang: e.getAttribute('hreflang'),
      switcher: !!e.closest('.md-select, [data-language-switcher]'),
      search: e.matches(inputs) || e.matches(openers),
      footnote_ref: e.matches('a.footnote-ref') ? e.getAttribute('href') + '@' + e.closest('sup[id]').id : null,
    });
  }, true);
}"""
_REFS_JS = "() => [...document.querySelectorAll('a.footnote-ref')].map(a => a.getAttribute('href') + '@' + a.closest('sup[id]').id)"
PRESSES_PER_READ = 8


@dataclass
class TabWalk:
    refs: list[str]  # every footnote reference of the page, as href@sup-id
    focused: list[dict]  # what Tab focused, in order


@pytest.fixture(scope="module")
def tab_walk(browser, served_site):
    """Press Tab from the top of a page until focus comes round again, or until it has reached
    everything the tests below look for (the other language's switcher link, the search and
    every footnote reference); list what got focus."""

    @functools.cache
    def walk(site_page: SitePage) -> TabWalk:
        context = browser.new_context(viewport=DESKTOP)
        try:
            tab = context.new_page()
            tab.goto(served_site.url(site_page))
            refs = tab.evaluate(_REFS_JS)
            limit = 80 + 2 * tab.evaluate("document.querySelectorAll('a, button, input, select, textarea, [tabindex]').length")
            tab.evaluate(_LISTEN_JS, [INPUTS, OPENERS])
            other = site_page.other().lang
            wanted_refs = set(refs)
            focused: list[dict] = []
            seen: set[str] = set()
            switcher = search = False
            presses = 0
            while presses < limit:
                for _ in range(min(PRESSES_PER_READ, limit - presses)):
                    tab.keyboard.press("Tab")
                    presses += 1
                came_round = False
                for info in tab.evaluate("() => window.__tabs.splice(0)"):
                    if info is None:
                        continue
                    if info["key"] in seen and len(seen) > 3:
                        came_round = True
                        break
                    seen.add(info["key"])
                    focused.append(info)
                    switcher = switcher or (info["switcher"] and info["hreflang"] == other)
                    search = search or info["search"]
                    wanted_refs.discard(info["footnote_ref"])
                if came_round or (switcher and search and not wanted_refs):
                    break
            return TabWalk(refs, focused)
        finally:
            context.close()

    return walk


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_tab_reaches_the_language_switcher(site_page: SitePage, tab_walk):
    other = site_page.other().lang
    reached = [f for f in tab_walk(site_page).focused if f["switcher"] and f["hreflang"] == other]
    assert reached, f"Tab never focuses the link to the {other} page"


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_tab_reaches_the_search(site_page: SitePage, tab_walk):
    assert any(f["search"] for f in tab_walk(site_page).focused), "Tab never focuses the search box or a control that opens it"


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_tab_reaches_every_footnote_reference(site_page: SitePage, tab_walk):
    walk = tab_walk(site_page)
    refs = walk.refs
    reached = {f["footnote_ref"] for f in walk.focused}
    missed = [r for r in refs if r not in reached]
    assert refs and not missed, f"Tab never focuses these footnote references: {missed}"
