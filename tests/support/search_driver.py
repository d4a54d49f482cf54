"""Drive the site's search box like a reader and read back the result pages, in order.

This is the one place that knows the search UI's DOM. The site is moving from Material's
built-in search to Pagefind's UI mounted in Material's search overlay; both are listed below,
Pagefind first. When the final markup settles, adapt the selectors here and nothing else.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from playwright.sync_api import Page
from support.site_page import url_path

# Controls that open the search overlay (Material's header label, or a button of the site's own).
OPENERS = 'label[for="__search"], button[data-search-open], [data-md-component="search"] button[aria-label]'
# The text box readers type into.
INPUTS = ".pagefind-ui__search-input, .md-search__input, [role=search] input[type=search]"
# The status line ("3 results for 条約", "No matching documents") and the result links.
MESSAGES = ".pagefind-ui__message, .md-search-result__meta"
RESULT_LINKS = ".pagefind-ui__result-link, .md-search-result__link"

# Read the UI's state in one call, so that message and links come from the same moment.
_SNAPSHOT_JS = """([messages, links]) => {
  const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const message = [...document.querySelectorAll(messages)].filter(visible).map(e => e.textContent.trim()).join(' ');
  const hrefs = [...document.querySelectorAll(links)].filter(visible).map(a => a.href);
  return {message, hrefs};
}"""


@dataclass
class SearchResult:
    message: str
    pages: list[str]  # URL paths of the distinct result pages, best first: ["/treaty/", "/weapons/"]

    def top(self, n: int = 3) -> list[str]:
        return self.pages[:n]


def search(page: Page, query: str, timeout: float = 10.0) -> SearchResult:
    """Type `query` into the search box of the already loaded `page`; return the results."""
    box = page.locator(INPUTS).filter(visible=True)
    if box.count() == 0:
        page.locator(OPENERS).filter(visible=True).first.click()
    box = page.locator(INPUTS).filter(visible=True).first
    box.wait_for(state="visible")
    before = page.evaluate(_SNAPSHOT_JS, [MESSAGES, RESULT_LINKS])
    # fill() sends no key event and Material searches on keyup: fill, then press a harmless key.
    box.fill(query)
    box.press("End")
    return _settled(page, before["message"], timeout)


def _settled(page: Page, initial_message: str, timeout: float) -> SearchResult:
    """Wait until the UI has answered (its message changed) and stayed the same for 0.4 s."""
    deadline = time.monotonic() + timeout
    last, stable_since = None, time.monotonic()
    while time.monotonic() < deadline:
        snap = page.evaluate(_SNAPSHOT_JS, [MESSAGES, RESULT_LINKS])
        key = (snap["message"], tuple(snap["hrefs"]))
        if key != last:
            last, stable_since = key, time.monotonic()
        elif snap["message"] and snap["message"] != initial_message and time.monotonic() - stable_since >= 0.4:
            break
        page.wait_for_timeout(50)
    message, hrefs = last if last else ("", ())
    pages: list[str] = []
    for href in hrefs:
        path = url_path(href)
        if path not in pages:
            pages.append(path)
    return SearchResult(message, pages)
