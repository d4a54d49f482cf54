"""404: the root 404 page is Japanese (the default language), and it works at any depth."""

from __future__ import annotations

import pytest
from support.html import parse_html
from support.site_page import DEFAULT_LANG, LANGS, url_path


def test_root_404_page_is_in_the_default_language(served_site):
    lang = parse_html(served_site.dir / "404.html").lang
    assert lang == DEFAULT_LANG, f"the root 404.html is in {lang!r}; hosts serve it for every missing URL, so it must be {DEFAULT_LANG!r}"


def test_root_404_page_links_to_both_home_pages(served_site, page):
    page.goto(served_site.url("/no/such/page/"))
    hrefs = [url_path(h) for h in page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")]
    missing = [home for home in ("/", "/en/") if home not in hrefs]
    assert not missing, f"the 404 page offers no link to {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_404_page_at_a_deep_missing_url_loads_all_its_assets(lang, served_site, page):
    missing_url = served_site.url(("/" if lang == DEFAULT_LANG else f"/{lang}/") + "no/such/deep/page/")
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and r.url != missing_url and failed.append(f"{r.status} {r.url}"))
    response = page.goto(missing_url, wait_until="networkidle")
    assert response.status == 404
    assert page.locator("h1").count() >= 1
    assert not failed, f"the 404 page shown at {missing_url} failed to load: {failed}"
