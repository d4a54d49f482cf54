"""Mobile, 360 px wide: nothing scrolls sideways, links in the content are easy to tap, and a
footnote number never starts a line nor leaves its punctuation to start the next one."""

from __future__ import annotations

import functools

import pytest
from support.site_page import PAGES, SitePage, ids

WIDTH = 360
PHONE = {"viewport": {"width": WIDTH, "height": 780}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}
MIN_TARGET = 24  # WCAG 2.2 SC 2.5.8 Target Size (Minimum), CSS px

# Every visible link in the content (not inside a closed <details>) with its box, then the SC 2.5.8 test: a target passes if it
# is at least 24x24, or if a 24 px circle centred on it meets no other target and no other
# undersized target's circle (the spacing exception).
_TARGETS_JS = """(min) => {
  const links = [...document.querySelectorAll('.md-content a[href]')]
    .map(a => ({a, r: a.getBoundingClientRect()}))
    .filter(({a, r}) => r.width > 0 && r.height > 0 && getComputedStyle(a).visibility !== 'hidden')
    // The content of a closed <details> keeps its boxes in Chromium, but nobody can tap it.
    .filter(({a}) => !a.closest('details:not([open])') || a.closest('summary'));
  const small = t => t.r.width < min || t.r.height < min;
  const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
  const distToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const label = t => (t.a.textContent.trim() || t.a.getAttribute('aria-label') || '').slice(0, 30) + ' -> ' + t.a.getAttribute('href');
  const bad = [];
  for (const t of links.filter(small)) {
    const c = centre(t.r);
    const crowded = links.some(o => o !== t && !o.a.contains(t.a) && !t.a.contains(o.a) &&
      (distToRect(c, o.r) < min / 2 || (small(o) && Math.hypot(c[0] - centre(o.r)[0], c[1] - centre(o.r)[1]) < min)));
    if (crowded) bad.push(`${label(t)} (${Math.round(t.r.width)}x${Math.round(t.r.height)})`);
  }
  return bad;
}"""


_OVERFLOW_JS = """(w) => ({
  width: document.scrollingElement.scrollWidth,
  wide: [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
          .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ')[0] : '')),
})"""


# Each footnote reference must sit in a .fn-glue run (hooks/line_breaks.py) that the browser
# lays out on one line: the character before, the numbers, the closing punctuation after.
_FOOTNOTE_LINES_JS = """() => {
  const bad = [];
  for (const sup of document.querySelectorAll('.md-content sup[id^="fnref"]')) {
    const glue = sup.closest('.fn-glue');
    const where = `[${sup.textContent}] in "${(glue || sup.parentElement).textContent.slice(0, 40)}"`;
    if (!glue) bad.push(`${where}: not kept with its neighbours`);
    else if (glue.getClientRects().length > 1) bad.push(`${where}: broken across ${glue.getClientRects().length} lines`);
  }
  return bad;
}"""


@pytest.fixture(scope="module")
def on_phone(browser, served_site):
    """Load each page once in a 360 px phone context; measure overflow and tap targets."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(10_000)

    @functools.cache
    def measure(site_page: SitePage) -> dict:
        tab = context.new_page()
        try:
            tab.goto(served_site.url(site_page))
            return {
                "overflow": tab.evaluate(_OVERFLOW_JS, WIDTH),
                "crowded": tab.evaluate(_TARGETS_JS, MIN_TARGET),
                "footnote_lines": tab.evaluate(_FOOTNOTE_LINES_JS),
            }
        finally:
            tab.close()

    yield measure
    context.close()


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_no_horizontal_scrolling_at_360px(site_page: SitePage, on_phone):
    overflow = on_phone(site_page)["overflow"]
    if overflow["width"] > WIDTH:
        pytest.fail(f"{site_page.path} is {overflow['width']}px wide at {WIDTH}px; sticking out: {overflow['wide']}", pytrace=False)


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_content_links_are_24px_tap_targets_or_spaced_apart(site_page: SitePage, on_phone):
    crowded = on_phone(site_page)["crowded"]
    if crowded:
        pytest.fail(f"{len(crowded)} links on {site_page.path} are smaller than 24x24 px and too close to another target:\n  "
                    + "\n  ".join(crowded), pytrace=False)


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_footnote_numbers_stay_on_the_line_of_their_word_and_punctuation(site_page: SitePage, on_phone):
    broken = on_phone(site_page)["footnote_lines"]
    if broken:
        pytest.fail(f"{len(broken)} footnote references on {site_page.path} can be split from their text:\n  " + "\n  ".join(broken), pytrace=False)
