"""Session fixtures for the WebKit run: the run's one strict build, served once, one WebKit.

The site is the real site of support.real_site (the `real_site` fixture: built once per test run
and shared with every suite), served on 127.0.0.1 under its sub-path /nk/ by the same server as
the Chromium suite; set BROWSER_TESTS_SITE_DIR to serve an existing build instead. One
WebKitWebDriver runs under its own xvfb-run for the whole session. Missing WebKit fails every
test, saying how to install it: a skipped engine must never pass as a tested one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.real_site import ServedSite, served
from support.webkit import INSTALL_HINT, Recorder, WebKit, missing_tools


@pytest.fixture(scope="session")
def served_site(request: pytest.FixtureRequest) -> Iterator[ServedSite]:
    given = os.environ.get("BROWSER_TESTS_SITE_DIR")
    with served(Path(given).resolve() if given else request.getfixturevalue("real_site")) as site:
        yield site


@pytest.fixture(scope="session")
def recorder() -> Iterator[Recorder]:
    proxy = Recorder()
    yield proxy
    proxy.close()


@pytest.fixture(scope="session")
def webkit(recorder: Recorder) -> Iterator[WebKit]:
    missing = missing_tools()
    if missing:
        pytest.fail(f"WebKit is missing ({', '.join(missing)}): {INSTALL_HINT}", pytrace=False)
    try:
        browser = WebKit(recorder.address)
    except Exception as err:  # noqa: BLE001 - any failure to start is reported the same way
        pytest.fail(f"WebKit did not start: {err} ({INSTALL_HINT})", pytrace=False)
    yield browser
    browser.close()
