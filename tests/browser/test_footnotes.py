"""Footnotes: the tooltip on hover, the way back from a footnote, and links to the sources."""

from __future__ import annotations

import re

import pytest
from site_pages import CITING_PAGES, SitePage, ids

REFS = "a.footnote-ref"
TOOLTIP = ".md-tooltip2--active"  # Material's content.footnote.tooltips


def test_some_page_cites_a_source():
    assert CITING_PAGES, "no page in docs/ cites a source, so the footnote tests below test nothing"


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_hovering_each_citation_shows_its_footnote_in_a_tooltip(site_page: SitePage, site, page):
    page.goto(site.url(site_page))
    refs = page.locator(REFS)
    assert refs.count() > 0, "the page cites sources but renders no footnote reference"
    for i in range(refs.count()):
        ref = refs.nth(i)
        target = ref.get_attribute("href").lstrip("#")
        expected = page.evaluate("id => document.getElementById(id).querySelector('.citation, p').textContent.trim()", target)
        ref.scroll_into_view_if_needed()
        ref.hover()
        tooltip = page.locator(TOOLTIP)
        tooltip.wait_for(state="visible", timeout=3000)
        shown = tooltip.inner_text().strip()
        assert expected[:20] in shown, f"tooltip of reference {i + 1} ({target}) shows {shown[:80]!r}, not its footnote"
        page.mouse.move(0, 0)
        tooltip.wait_for(state="hidden", timeout=3000)


def move_pointer_away(page) -> None:
    page.mouse.move(0, 0)
    page.locator(TOOLTIP).wait_for(state="hidden", timeout=3000)


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_back_link_returns_to_the_reference(site_page: SitePage, site, page):
    page.goto(site.url(site_page))
    refs = page.locator(REFS)
    for i in range(refs.count()):
        ref = refs.nth(i)
        ref_id = ref.evaluate("a => a.closest('sup[id]').id")  # fnref:x, fnref2:x ...
        move_pointer_away(page)  # a tooltip left open by the last click would cover this reference
        ref.click()
        move_pointer_away(page)  # as a reader does before reaching for the back-link
        note_id = page.evaluate("location.hash.slice(1)")
        assert note_id == ref.get_attribute("href").lstrip("#")
        back = page.locator(f'[id="{note_id}"] a.footnote-backref[href="#{ref_id}"]')
        assert back.count() == 1, f"footnote {note_id} has no back-link to {ref_id}"
        back.click()
        assert page.evaluate("location.hash.slice(1)") == ref_id
        assert page.evaluate(
            "id => { const r = document.getElementById(id).getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }",
            ref_id,
        ), f"after the back-link, reference {ref_id} is not in view"


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_source_links_in_footnotes_are_https(site_page: SitePage, site, page):
    page.goto(site.url(site_page))
    hrefs = page.eval_on_selector_all(".footnote li a:not(.footnote-backref)", "links => links.map(a => a.getAttribute('href'))")
    insecure = [h for h in hrefs if not h.startswith("https://")]
    assert not insecure, f"footnote links that are not https: {insecure}"


def test_at_least_one_footnote_links_its_source(site):
    # Some registry entries have no URL (none was seen), but a site where none has one is broken.
    footnotes = [re.search(r'<div class="footnote">.*?</div>', site.file(p).read_text(encoding="utf-8"), re.S) for p in CITING_PAGES]
    assert any(m and 'href="https://' in m.group(0) for m in footnotes), "no footnote on any page links its source"
