"""The sources page's filter in Chromium: each choice of origin, type and language leaves
exactly the matching entries, hides a type's heading when none of its entries is left, and
says how many remain; without JavaScript the form stays hidden and every source is listed."""

from __future__ import annotations

import pytest
from support.site_page import SitePage

SOURCES = [SitePage("ja", "sources"), SitePage("en", "sources")]

_STATE_JS = """() => {
  const items = [...document.querySelectorAll('.source-list > li[data-origin]')];
  const shown = items.filter(li => li.getClientRects().length > 0);
  const headings = [...document.querySelectorAll('.md-content h2')].filter(h => h.nextElementSibling?.classList.contains('source-list'));
  return {
    total: items.length,
    shown: shown.map(li => ({origin: li.dataset.origin, type: li.dataset.type, language: li.dataset.language})),
    headings: headings.filter(h => h.getClientRects().length > 0).map(h => h.id),
    status: document.querySelector('.source-filter__status')?.textContent || '',
    formShown: !!document.querySelector('form.source-filter')?.getClientRects().length,
  };
}"""


def choose(tab, **choices: str) -> dict:
    for name, value in choices.items():
        tab.select_option(f'form.source-filter select[name="{name}"]', value)
    return tab.evaluate(_STATE_JS)


@pytest.mark.parametrize("sources", SOURCES, ids=lambda p: p.lang)
def test_filter_by_origin_type_and_language_leaves_exactly_the_matching_sources(page, served_site, sources):
    page.goto(served_site.url(sources))
    start = page.evaluate(_STATE_JS)
    assert start["formShown"] and len(start["shown"]) == start["total"] > 100
    every = start["shown"]

    by_origin = choose(page, origin="kp")
    expected = [s for s in every if s["origin"] == "kp"]
    assert by_origin["shown"] == expected and expected
    assert str(len(expected)) in by_origin["status"] and str(start["total"]) in by_origin["status"]
    assert set(by_origin["headings"]) == {s["type"] for s in expected}  # types with no North Korean source lose their heading

    both = choose(page, origin="", type="news", language="ko")
    assert both["shown"] == [s for s in every if s["type"] == "news" and s["language"] == "ko"] and both["shown"]
    assert both["headings"] == ["news"]

    reset = choose(page, type="", language="")
    assert reset["shown"] == every


@pytest.mark.parametrize("sources", SOURCES, ids=lambda p: p.lang)
def test_without_javascript_the_form_is_hidden_and_every_source_is_listed(new_page, served_site, sources):
    tab = new_page(java_script_enabled=False)
    tab.goto(served_site.url(sources))
    assert not tab.locator("form.source-filter").is_visible()
    items = tab.locator(".source-list > li[data-origin]")
    assert items.count() > 100
    assert items.count() == tab.locator(".source-list > li[data-origin]:visible").count()
