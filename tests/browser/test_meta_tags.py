"""Head metadata: own description, absolute hreflang alternates with x-default, canonical, social cards."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml
from support.html import parse_html
from support.site_page import DEFAULT_LANG, LANGS, PAGES, ROOT, SitePage, ids, url_path

SOCIAL = ["og:title", "og:description", "og:image", "twitter:card"]


def site_descriptions() -> set[str]:
    """The site-wide descriptions in mkdocs.yml, which a page must not fall back to."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    found = set()
    for line in config.splitlines():
        key, _, value = line.strip().partition(":")
        if key == "site_description" and value.strip():
            found.add(str(yaml.safe_load(value.strip())))
    return found


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@pytest.fixture(scope="module")
def heads(served_site):
    return {p: parse_html(served_site.file(p)) for p in PAGES}


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_page_has_its_own_meta_description(site_page: SitePage, heads):
    found = heads[site_page].meta("description")
    assert len(found) == 1 and found[0].strip(), f"{site_page.path} needs exactly one non-empty meta description, has {found}"
    description = found[0].strip()
    assert description not in site_descriptions(), f"{site_page.path} uses the site-wide description; give the page its own"
    same = [p.path for p in PAGES if p != site_page and p.lang == site_page.lang and heads[p].meta("description")[:1] == [description]]
    assert not same, f"{site_page.path} has the same description as {same}: {description!r}"


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_hreflang_alternates_are_absolute_with_x_default(site_page: SitePage, heads):
    alternates = {link.get("hreflang"): link.get("href", "") for link in heads[site_page].link_rel("alternate") if link.get("hreflang")}
    expected = {lang: SitePage(lang, site_page.name).path for lang in LANGS}
    expected["x-default"] = SitePage(DEFAULT_LANG, site_page.name).path
    for hreflang, path in expected.items():
        assert hreflang in alternates, f"{site_page.path} has no <link rel=alternate hreflang={hreflang}> (has {sorted(alternates)})"
        href = alternates[hreflang]
        assert is_absolute(href), f"hreflang={hreflang} on {site_page.path} is not an absolute URL: {href!r}"
        assert url_path(href) == path, f"hreflang={hreflang} on {site_page.path} points to {href}, not {path}"


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_canonical_url_is_the_pages_own_absolute_url(site_page: SitePage, heads):
    canonical = [link.get("href", "") for link in heads[site_page].link_rel("canonical")]
    assert len(canonical) == 1, f"{site_page.path} needs exactly one canonical link, has {canonical}"
    assert is_absolute(canonical[0]) and url_path(canonical[0]) == site_page.path, f"canonical of {site_page.path} is {canonical[0]!r}"


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_open_graph_and_twitter_card_tags_are_present(site_page: SitePage, heads, served_site):
    head = heads[site_page]
    missing = [key for key in SOCIAL if not any(v.strip() for v in head.meta(key))]
    assert not missing, f"{site_page.path} lacks {missing}"
    image = head.meta("og:image")[0]
    assert is_absolute(image), f"og:image of {site_page.path} must be an absolute URL, is {image!r}"
    if image.startswith(served_site.site_url) or served_site.is_local(image):  # the site's own image: it must have been built
        assert (served_site.dir / url_path(image).lstrip("/")).is_file(), f"og:image {image} of {site_page.path} is not in the built site"
