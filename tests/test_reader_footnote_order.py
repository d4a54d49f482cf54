"""Footnotes are numbered in reading order on every page of both languages, as readers of a
printed page expect: the first cited source is 1, each new one the next number, and the list
at the foot runs 1, 2, 3 … in the same order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REF = re.compile(r'<a class="footnote-ref" href="#(fn:[^"]+)"[^>]*>(\d+)</a>')
ITEM = re.compile(r'<li id="(fn:[^"]+)"')
ITEM_BODY = re.compile(r'<li id="(fn:[^"]+)">(.*?)</li>', re.S)
BACK_TITLE = re.compile(r'class="footnote-backref"[^>]*title="([^"]*)"')


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if 'class="footnote-ref"' in p.read_text(encoding="utf-8"))


def test_pages_with_footnotes_exist_in_both_languages(real_site):
    pages = _pages(real_site)
    assert any("en" in p.relative_to(real_site).parts for p in pages)
    assert any("en" not in p.relative_to(real_site).parts for p in pages)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_footnotes_are_numbered_in_reading_order(real_site, lang):
    pages = [p for p in _pages(real_site) if ("en" in p.relative_to(real_site).parts) == (lang == "en")]
    for path in pages:
        html = path.read_text(encoding="utf-8")
        body, _, foot = html.partition('<div class="footnote">')
        first: dict[str, int] = {}
        for target, shown in REF.findall(body):
            expected = first.setdefault(target, len(first) + 1)
            assert int(shown) == expected, f"{path.relative_to(real_site)}: {target} is numbered {shown}, expected {expected}"
        assert ITEM.findall(foot) == list(first), f"{path.relative_to(real_site)}: the footnote list is not in reading order"
        for target, item in ITEM_BODY.findall(foot):  # each back-link's title names the item's own number
            titles = BACK_TITLE.findall(item)
            assert titles and all(re.search(r"\d+", t).group() == str(first[target]) for t in titles), (path, target, titles)
