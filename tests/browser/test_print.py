"""Print: footnotes are printed, and so are the URLs of the sources they link."""

from __future__ import annotations

import pytest
from support.site_page import CITING_PAGES, SitePage, ids

# For each source link in the footnotes: is it printed, and is its URL printed beside it
# (as text, or as generated content such as a::after { content: " (" attr(href) ")" })?
_PRINTED_LINKS_JS = """() => [...document.querySelectorAll('.footnote li a:not(.footnote-backref)')]
  .filter(a => /^https?:/.test(a.getAttribute('href')))
  .map(a => {
    const after = getComputedStyle(a, '::after').content, before = getComputedStyle(a, '::before').content;
    const text = a.closest('li').innerText, href = a.getAttribute('href');
    return {href, shown: a.getClientRects().length > 0,
            printed: text.includes(href) || [after, before].some(c => c.includes(href))};
  })"""




def _printed(tab) -> dict:
    tab.emulate_media(media="print")
    footnotes = tab.locator(".footnote")
    return {
        "footnotes": footnotes.count(),
        "footnotes_visible": footnotes.count() == 1 and footnotes.is_visible(),
        "first_note_visible": tab.locator(".footnote li").first.is_visible(),
        "links": tab.evaluate(_PRINTED_LINKS_JS),
    }


@pytest.fixture(scope="module")
def printed(read_once):
    """Each page once with print media emulated: what both tests below need."""
    return read_once(_printed)


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_footnotes_are_printed(site_page: SitePage, printed):
    view = printed(site_page)
    assert view["footnotes"] == 1 and view["footnotes_visible"], "the footnotes are hidden in print"
    assert view["first_note_visible"]


@pytest.mark.parametrize("site_page", CITING_PAGES, ids=ids(CITING_PAGES))
def test_print_shows_the_url_of_every_linked_source(site_page: SitePage, printed):
    links = printed(site_page)["links"]
    unprinted = [link["href"] for link in links if not (link["shown"] and link["printed"])]
    assert not unprinted, f"in print, these source URLs are not shown: {unprinted}"
