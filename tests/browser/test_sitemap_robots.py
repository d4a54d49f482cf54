"""sitemap.xml lists every page of both languages and nothing that 404s; robots.txt points to it."""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from support.site_page import PAGES, url_path

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def fetch(site, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(site.url(path), timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""


@pytest.fixture(scope="module")
def sitemap(served_site) -> ET.Element:
    status, body = fetch(served_site, "/sitemap.xml")
    assert status == 200, f"/sitemap.xml answered {status}"
    return ET.fromstring(body)


def sitemap_urls(sitemap: ET.Element) -> list[str]:
    locs = [e.text.strip() for e in sitemap.findall("s:url/s:loc", NS)]
    alternates = [e.get("href") for e in sitemap.findall("s:url/x:link", NS)]
    return locs + alternates


def test_sitemap_lists_every_page_of_both_languages(sitemap):
    listed = {url_path(e.text.strip()) for e in sitemap.findall("s:url/s:loc", NS)}
    missing = sorted(p.path for p in PAGES if p.path not in listed)
    assert not missing, f"sitemap.xml does not list {missing}"


def test_every_sitemap_url_is_served(sitemap, served_site):
    # URLs are fetched by path from the local server: the build's site_url may name another host.
    broken = [f"{status} {url}" for url in sorted(set(sitemap_urls(sitemap))) if (status := fetch(served_site, url_path(url))[0]) != 200]
    assert not broken, f"sitemap.xml lists URLs that are not served: {broken}"


def test_sitemap_urls_are_absolute(sitemap):
    relative = [u for u in sitemap_urls(sitemap) if not u.startswith(("https://", "http://"))]
    assert not relative, f"sitemap.xml has relative URLs: {relative}"


def test_robots_txt_is_served_and_names_the_sitemap(served_site):
    status, body = fetch(served_site, "/robots.txt")
    assert status == 200, f"/robots.txt answered {status}"
    lines = [line.strip() for line in body.splitlines()]
    sitemaps = [line.split(":", 1)[1].strip() for line in lines if line.lower().startswith("sitemap:")]
    assert sitemaps and all(s.startswith(("https://", "http://")) and url_path(s) == "/sitemap.xml" for s in sitemaps), (
        f"robots.txt must name the sitemap by absolute URL, has {sitemaps}"
    )
    assert "disallow: /" not in [line.lower() for line in lines], "robots.txt shuts crawlers out of the whole site"
