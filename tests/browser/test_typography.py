"""Japanese typography: a Japanese font family first in line, and generous line height."""

from __future__ import annotations

import pytest
from site_pages import JA_PAGES, SitePage, ids

JAPANESE_FAMILIES = [
    "hiragino sans", "hiragino kaku gothic", "noto sans jp", "noto sans cjk jp", "yu gothic", "yugothic", "meiryo",
    "source han sans", "ms pgothic", "biz udpgothic", "hiragino mincho", "noto serif jp", "noto serif cjk jp", "yu mincho",
]
MIN_LINE_HEIGHT = 1.7

# The body text: the first paragraph of the article, else the article itself.
_TEXT_STYLE_JS = """() => {
  const e = document.querySelector('article.md-content__inner p, .md-content .md-typeset p') || document.querySelector('.md-typeset');
  const s = getComputedStyle(e);
  return {family: s.fontFamily, lineHeight: s.lineHeight, fontSize: parseFloat(s.fontSize)};
}"""


@pytest.mark.parametrize("site_page", JA_PAGES, ids=ids(JA_PAGES))
def test_japanese_body_text_uses_a_japanese_font_family(site_page: SitePage, site, page):
    page.goto(site.url(site_page))
    family = page.evaluate(_TEXT_STYLE_JS)["family"]
    names = [name.strip().strip("\"'").lower() for name in family.split(",")]
    assert any(name in JAPANESE_FAMILIES for name in names), f"font-family of the body text names no Japanese family: {family}"


@pytest.mark.parametrize("site_page", JA_PAGES, ids=ids(JA_PAGES))
def test_japanese_body_text_line_height_is_at_least_1_7(site_page: SitePage, site, page):
    page.goto(site.url(site_page))
    style = page.evaluate(_TEXT_STYLE_JS)
    assert style["lineHeight"].endswith("px"), f"line-height is {style['lineHeight']!r}; set a number of at least {MIN_LINE_HEIGHT}"
    ratio = float(style["lineHeight"][:-2]) / style["fontSize"]
    assert ratio >= MIN_LINE_HEIGHT - 0.005, f"line-height is {ratio:.2f} ({style['lineHeight']} on {style['fontSize']}px text)"
