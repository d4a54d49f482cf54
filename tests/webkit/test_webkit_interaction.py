"""What a reader does in WebKit: switch language, search (Pagefind), copy a citation; and
the controls that show the WebKit checks can fail (word splits, requests to other hosts)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from support.site_page import SitePage, url_path
from test_webkit_pages import CHECKS_JS, NARROW

WIDTHS = (NARROW, 1280)
SEARCHES = [(SitePage("ja", "index"), "派兵された", "deployment"), (SitePage("en", "index"), "Kursk", "deployment")]


def _wait(condition, timeout: float = 10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


# Pagefind's UI fills its list as each result's fragment arrives, and a page's sub-results
# (its headings) are links too: read the list once it has stopped changing, page by page.
_RESULTS_JS = """return [document.querySelector('.pagefind-ui__message')?.textContent.trim() || '',
  [...document.querySelectorAll('.pagefind-ui__result-link')].map(a => a.href)];"""


def _settled_result_pages(driver, timeout: float = 15.0) -> list[str]:
    """The distinct result pages, best first, once message and links held still for 0.5 s."""
    deadline = time.monotonic() + timeout
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        snapshot = driver.execute_script(_RESULTS_JS)
        key = (snapshot[0], tuple(snapshot[1]))
        if key != last:
            last, since = key, time.monotonic()
        elif key[0] and key[1] and time.monotonic() - since >= 0.5:
            break
        time.sleep(0.1)
    return list(dict.fromkeys(url_path(h) for h in (last or ("", ()))[1]))


@pytest.mark.parametrize("width", WIDTHS)
def test_switcher_goes_to_the_same_page_in_the_other_language_and_back(width, webkit, served_site):
    driver = webkit.driver
    webkit.resize(width)
    start = SitePage("ja", "treaty")
    driver.get(served_site.url(start))
    for target in (start.other(), start):
        driver.find_element(By.CSS_SELECTOR, ".md-header__option .md-select button").click()
        link = driver.find_element(By.CSS_SELECTOR, f'.md-select__link[hreflang="{target.lang}"]')
        _wait(link.is_displayed, 5)
        link.click()
        _wait(lambda t=target: url_path(driver.current_url) == url_path(served_site.url(t)))
        assert url_path(driver.current_url) == url_path(served_site.url(target))
        assert driver.execute_script("return document.documentElement.lang") == target.lang


@pytest.mark.parametrize(("start", "query", "expect"), SEARCHES, ids=[s[1] for s in SEARCHES])
def test_search_finds_the_page_in_the_readers_language(start, query, expect, webkit, served_site, recorder):
    driver = webkit.driver
    webkit.resize(NARROW)
    driver.get(served_site.url(start))
    recorder.take()
    driver.find_element(By.CSS_SELECTOR, "button[data-search-open]").click()
    box = _wait(lambda: [e for e in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__search-input") if e.is_displayed()])
    assert box, "the Pagefind search box did not appear"
    box[0].send_keys(query)
    paths = _settled_result_pages(driver)
    assert paths, f"no result for {query!r}"
    assert url_path(served_site.url(SitePage(start.lang, expect))) in paths[:3], f"{query!r}: top result pages {paths[:3]}"
    other_prefix = url_path(served_site.url("en/"))
    in_other = [p for p in paths if p.startswith(other_prefix)] if start.lang == "ja" else [p for p in paths if not p.startswith(other_prefix)]
    assert not in_other, f"results in the other language: {in_other}"
    assert not recorder.take(), "search asked another host"


def test_copy_button_copies_the_citation_with_todays_access_date(webkit, served_site):
    driver = webkit.driver
    webkit.resize(1280)
    driver.get(served_site.url(SitePage("en", "treaty")))
    driver.find_element(By.CSS_SELECTOR, "details.cite-page > summary").send_keys(Keys.ENTER)  # opens it, by keyboard
    citation = driver.find_element(By.ID, "cite-apa")
    today = dt.date.today()
    assert f"Retrieved {today:%B} {today.day}, {today.year}, from" in citation.text
    button = driver.find_element(By.CSS_SELECTOR, '[data-cite-copy="cite-apa"]')
    assert button.is_displayed(), "the copy button stays hidden (cite.js did not run)"
    button.send_keys(Keys.ENTER)  # keyboard activation
    status = driver.find_element(By.CSS_SELECTOR, "details.cite-page .cite-status")
    _wait(lambda: status.text, 5)
    assert status.text == "Citation copied."
    # Paste into a text box of our own: what the clipboard holds is what the reader gets.
    driver.execute_script("const t = document.createElement('textarea'); t.id = 'paste'; document.body.append(t); t.focus();")
    driver.find_element(By.ID, "paste").send_keys(Keys.CONTROL, "v")
    pasted = driver.execute_script("return document.getElementById('paste').value")
    assert pasted == " ".join(citation.text.split())


def test_control_without_keep_all_webkit_splits_words(webkit, served_site):
    """The word-split check can fail: with the old CSS (no keep-all) WebKit breaks inside words."""
    driver = webkit.driver
    webkit.resize(NARROW)
    driver.get(served_site.url(SitePage("ja", "deployment")))
    old_css = ".md-content__inner { word-break: normal !important }"
    driver.execute_script("const s = document.createElement('style'); s.textContent = arguments[0]; document.head.append(s);", old_css)
    result = driver.execute_script(CHECKS_JS, "article.md-content__inner p", "none")
    assert len(result["splits"]) >= 5, f"expected WebKit to split words without keep-all, found {result['splits']}"


def test_control_the_recorder_sees_a_request_to_another_host(webkit, served_site, recorder):
    driver = webkit.driver
    driver.get(served_site.url(SitePage("en", "index")))
    recorder.take()
    driver.execute_script("new Image().src = 'http://example.invalid/pixel.png'; fetch('https://example.invalid/x').catch(() => 0);")
    seen = _wait(lambda: recorder.seen if len(recorder.seen) >= 2 else None, 5)
    assert seen and any("example.invalid" in s for s in seen), f"the recorder saw {recorder.seen}"
    recorder.take()


_SOURCES_STATE_JS = """const items = [...document.querySelectorAll('.source-list > li[data-origin]')];
  return {total: items.length,
    shown: items.filter(li => li.getClientRects().length > 0).map(li => li.dataset.origin + '/' + li.dataset.type + '/' + li.dataset.language),
    status: document.querySelector('.source-filter__status').textContent};"""


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_sources_filter_narrows_the_list_in_webkit(lang, webkit, served_site):
    driver = webkit.driver
    webkit.resize(NARROW)
    driver.get(served_site.url(SitePage(lang, "sources")))
    form = driver.find_element(By.CSS_SELECTOR, "form.source-filter")
    assert form.is_displayed(), "the filter stays hidden (source-filter.js did not run)"
    every = driver.execute_script(_SOURCES_STATE_JS)
    assert len(every["shown"]) == every["total"] > 100
    select = form.find_element(By.CSS_SELECTOR, 'select[name="origin"]')
    # WebKitGTK's driver cannot open a native <select> popup: set the value and fire the change a choice fires.
    driver.execute_script("arguments[0].value = 'ua'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", select)
    narrowed = driver.execute_script(_SOURCES_STATE_JS)
    expected = [s for s in every["shown"] if s.startswith("ua/")]
    assert narrowed["shown"] == expected and expected
    assert str(len(expected)) in narrowed["status"]
