"""Accessibility: axe-core finds no violation on any page of either language."""

from __future__ import annotations

import pytest
from support.chromium import NODE_MODULES
from support.search_driver import search
from support.site_page import LANGS, PAGES, SitePage, ids

AXE = NODE_MODULES / "axe-core" / "axe.min.js"
SEARCH_TERM = {"ja": "北朝鮮", "en": "North Korea"}


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        targets = ", ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        lines.append(f"  {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']} -> {targets}")
    return "\n".join(lines)


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_axe_reports_no_violations(site_page: SitePage, served_site, page):
    assert AXE.exists(), f"{AXE} is missing: run `npm ci`"
    page.goto(served_site.url(site_page))
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    if result["violations"]:
        pytest.fail(f"axe-core {result['testEngine']['version']} found on {site_page.path}:\n{describe(result['violations'])}", pytrace=False)


@pytest.mark.parametrize("lang", LANGS)
def test_axe_reports_no_violations_in_the_open_search_with_results(lang, served_site, page):
    page.goto(served_site.url(SitePage(lang, "index")))
    search(page, SEARCH_TERM[lang])
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    if result["violations"]:
        pytest.fail(f"axe-core found in the open search on {lang}:\n{describe(result['violations'])}", pytrace=False)
