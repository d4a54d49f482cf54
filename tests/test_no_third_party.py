"""The built site loads nothing from another host: no fonts, scripts, styles or images."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

# Attributes and CSS constructs that make a browser fetch something on its own.
HTML_FETCHES = re.compile(r"<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*?\s(?:src|srcset|data|poster)=[\"']([^\"']+)", re.I)
LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
CSS_URL = re.compile(r"(?:url\(\s*[\"']?|@import\s+[\"'])([^\"')]+)", re.I)
KNOWN_CDNS = ("fonts.googleapis.com", "fonts.gstatic.com", "unpkg.com", "cdn.jsdelivr.net", "api.github.com")
LOCAL = {"127.0.0.1:8000", ""}


def third_party(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https", "") and url.strip().startswith(("http:", "https:", "//")) and parts.netloc not in LOCAL


@pytest.fixture(scope="module")
def batch(minimal_build):
    assert minimal_build.code == 0, minimal_build.stderr
    return minimal_build.site


def test_html_fetches_only_local_resources(batch):
    offenders = []
    for path in batch.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        offenders += [(path.name, u) for u in HTML_FETCHES.findall(html) if third_party(u)]
        for tag in LINK_TAG.findall(html):
            rel = re.search(r'rel="([^"]+)"', tag)
            href = re.search(r'href="([^"]+)"', tag)
            # canonical/alternate name this site's own addresses; anything else is fetched
            if href and rel and rel.group(1) not in ("canonical", "alternate") and third_party(href.group(1)):
                offenders.append((path.name, href.group(1)))
        offenders += [(path.name, u) for u in CSS_URL.findall(html) if third_party(u)]
    assert offenders == []


def test_stylesheets_fetch_only_local_resources(batch):
    offenders = [(p.name, u) for p in batch.rglob("*.css") for u in CSS_URL.findall(p.read_text(encoding="utf-8")) if third_party(u)]
    assert offenders == []


def test_no_known_cdn_is_named_in_pages(batch):
    for path in batch.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert not [cdn for cdn in KNOWN_CDNS if cdn in html], path


def test_the_check_catches_a_google_font(batch, tmp_path):
    # The detector itself must fire on the classic leak, or the tests above prove nothing.
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
    tag = LINK_TAG.findall(html)[0]
    assert third_party(re.search(r'href="([^"]+)"', tag).group(1))
    assert third_party("//unpkg.com/mermaid.js") and not third_party("../assets/x.css")
