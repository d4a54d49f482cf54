"""Session fixtures for the WebKit run: the shared sample build, one server, one WebKit.

The site is the sample build of tests/reader_site.py (built once per pytest session and
shared with the reader tests), served on 127.0.0.1 under its sub-path /nk/; set
BROWSER_TESTS_SITE_DIR to serve an existing build at / instead. One WebKitWebDriver runs
under its own xvfb-run for the whole session. Missing WebKit fails every test, saying how
to install it: a skipped engine must never pass as a tested one.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from webkit_site import INSTALL_HINT, Recorder, Server, WebKit, missing_tools  # noqa: E402


@pytest.fixture(scope="session")
def webkit_site() -> Iterator[Server]:
    given = os.environ.get("BROWSER_TESTS_SITE_DIR")
    if given:
        site_dir, prefix = Path(given).resolve(), "/"
    else:
        from reader_site import SITE_URL, built_sample

        site_dir, prefix = built_sample(), urlsplit(SITE_URL).path
    server = Server(site_dir, prefix)
    yield server
    server.close()


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
