"""Links: every internal link and #anchor in the built HTML of both languages resolves (no network)."""

from __future__ import annotations

import functools
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from support import site_page
from support.html import parse_html
from support.site_page import PAGES, SitePage, ids

SKIPPED_SCHEMES = {"mailto", "tel", "data"}


@functools.cache
def parsed(path: Path):
    return parse_html(path)


@pytest.fixture(scope="module")
def site_hosts(served_site) -> set[str]:
    """The server's host and the host the build wrote into absolute URLs (site_url)."""
    hosts = {urlsplit(served_site.base_url).netloc}
    sitemap = served_site.dir / "sitemap.xml"
    if sitemap.exists():
        loc = ET.parse(sitemap).find("{http://www.sitemaps.org/schemas/sitemap/0.9}url/{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
        if loc is not None:
            hosts.add(urlsplit(loc.text.strip()).netloc)
    return hosts


def target_file(site_dir: Path, path: str) -> Path | None:
    candidate = site_dir / unquote(path).lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site, site_hosts: set[str], html_file: Path) -> list[str]:
    rel = html_file.relative_to(site.dir).as_posix()
    page_url = "http://site.invalid" + site_page.BASE_PATH + rel  # as served: under the site's base path
    problems = []
    for tag, url, line in parsed(html_file).refs:
        parts = urlsplit(url)
        where = f"{rel}:{line}: <{tag}> {url!r}"
        if parts.scheme == "javascript":
            problems.append(f"{where} runs script")
            continue
        if parts.scheme in SKIPPED_SCHEMES or (parts.scheme in ("http", "https") and parts.netloc not in site_hosts):
            continue  # external: not checked here (no network)
        resolved = urlsplit(urljoin(page_url, url)) if not parts.netloc else parts
        if not (resolved.path or "/").startswith(site_page.BASE_PATH):
            problems.append(f"{where}: {resolved.path} is outside the site's base path {site_page.BASE_PATH}")
            continue
        target = target_file(site.dir, "/" + (resolved.path or "/")[len(site_page.BASE_PATH):])
        if target is None:
            problems.append(f"{where}: {resolved.path} does not exist in the built site")
            continue
        fragment = unquote(resolved.fragment)
        if fragment and target.suffix == ".html" and fragment not in parsed(target).ids:
            problems.append(f"{where}: no id {fragment!r} in {target.relative_to(site.dir).as_posix()}")
    return problems


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_every_internal_link_and_anchor_resolves(site_page: SitePage, served_site, site_hosts):
    problems = broken_links(served_site, site_hosts, served_site.file(site_page))
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def test_every_internal_link_and_anchor_resolves_in_other_html_files(served_site, site_hosts):
    pages = {served_site.file(p) for p in PAGES}
    problems = [p for f in sorted(served_site.dir.rglob("*.html")) if f not in pages for p in broken_links(served_site, site_hosts, f)]
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)
