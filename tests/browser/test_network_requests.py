"""Network: a page asks nothing of any host but the site's own, and nothing it asks for is missing."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from support.search_driver import search
from support.site_page import LANGS, PAGES, SitePage, ids

LOCAL_SCHEMES = {"data", "blob", "about"}


def third_party(site, urls: list[str]) -> list[str]:
    return sorted({u for u in urls if urlsplit(u).scheme not in LOCAL_SCHEMES and not site.is_local(u)})


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_page_makes_no_third_party_requests(site_page: SitePage, served_site, page_load):
    outside = third_party(served_site, page_load(site_page).requests)
    assert not outside, f"{site_page.path} requested other hosts: {outside}"


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_page_makes_no_request_that_fails(site_page: SitePage, page_load):
    failed = page_load(site_page).failed
    assert not failed, f"{site_page.path} made requests that failed: {failed}"


@pytest.mark.parametrize("lang", LANGS)
def test_searching_makes_no_third_party_requests(lang, served_site, page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served_site.url(SitePage(lang, "index")))
    search(page, {"ja": "北朝鮮", "en": "troops"}[lang])
    outside = third_party(served_site, requests)
    assert not outside, f"searching on the {lang} site requested other hosts: {outside}"
