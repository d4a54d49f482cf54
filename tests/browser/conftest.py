"""Session fixtures for the browser tests: the run's one strict build, one local server, one Chromium.

The site is the real site of support.real_site, built once per test run for a project-site
sub-path and shared with the reader-side tests; each process serves it on a free port of
127.0.0.1 under that same sub-path, so the browser sees what a reader of the published site
sees. Set BROWSER_TESTS_SITE_DIR to test an already built directory instead (no build; it is
served under the path its sitemap names, "/" for `make build`'s site/).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from support.chromium import CHROMIUM_FLAGS, DESKTOP, find_chromium
from support.real_site import ServedSite, served
from support.site_page import SitePage


@pytest.fixture(scope="session")
def served_site(request: pytest.FixtureRequest) -> Iterator[ServedSite]:
    given = os.environ.get("BROWSER_TESTS_SITE_DIR")
    with served(Path(given).resolve() if given else request.getfixturevalue("real_site")) as site:
        yield site


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    if executable is None:
        pytest.fail("no Chromium found (CHROMIUM, or chromium, chromium-browser, google-chrome on the PATH): "
                    "run `make browser-deps` (never `playwright install`)", pytrace=False)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a page in a fresh context (own cache and storage); keyword args go to new_context."""
    contexts: list[BrowserContext] = []

    def make(**options: object) -> Page:
        options.setdefault("viewport", DESKTOP)
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def shared_context(browser: Browser) -> Iterator[BrowserContext]:
    """One desktop context for tests that need no isolation: its HTTP cache makes pages load fast."""
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(shared_context: BrowserContext) -> Iterator[Page]:
    """A new tab in the shared desktop context (use new_page for a fresh context)."""
    tab = shared_context.new_page()
    yield tab
    tab.close()


@pytest.fixture(scope="session")
def read_once(shared_context: BrowserContext, served_site: ServedSite) -> Callable[[Callable[[Page], dict]], Callable[[SitePage], dict]]:
    """`read_once(read)`: a function of a page that opens it in a tab of the shared context,
    returns read(tab) and closes the tab; cached, so the tests that share a reading load each page once."""

    def per_page(read: Callable[[Page], dict]) -> Callable[[SitePage], dict]:
        @functools.cache
        def view(site_page: SitePage) -> dict:
            tab = shared_context.new_page()
            try:
                tab.goto(served_site.url(site_page))
                return read(tab)
            finally:
                tab.close()

        return view

    return per_page


@dataclass
class PageLoad:
    """Everything one first view of a page asked the network for."""

    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # "STATUS URL" or "ERROR URL"
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def page_load(browser: Browser, served_site: ServedSite) -> Callable[[SitePage], PageLoad]:
    """Load a page once per session in a fresh context and record its traffic (cached)."""

    @functools.cache
    def load(site_page: SitePage) -> PageLoad:
        record = PageLoad()
        context = browser.new_context(viewport=DESKTOP)
        try:
            tab = context.new_page()
            tab.on("request", lambda r: record.requests.append(r.url))
            tab.on("requestfailed", lambda r: record.failed.append(f"ERROR {r.url} ({r.failure})"))
            tab.on("response", lambda r: r.status >= 400 and record.failed.append(f"{r.status} {r.url}"))
            tab.on("console", lambda m: m.type == "error" and record.console_errors.append(m.text))
            tab.goto(served_site.url(site_page))
            # Scroll to the end so lazily loaded images and anything below the fold are fetched.
            tab.evaluate("window.scrollTo(0, document.scrollingElement.scrollHeight)")
            tab.wait_for_load_state("networkidle")
        finally:
            context.close()
        return record

    return load
