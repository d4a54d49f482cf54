"""Japanese typography: a Japanese font family for the body text, and generous line height."""

from __future__ import annotations

import pytest
from support.site_page import JA_PAGES, SitePage, ids

JAPANESE_FAMILIES = [
    "hiragino sans", "hiragino kaku gothic", "hiragino kaku gothic pron", "noto sans jp", "noto sans cjk jp", "yu gothic", "yugothic",
    "meiryo", "source han sans", "source han sans jp", "ms pgothic", "biz udpgothic", "hiragino mincho", "hiragino mincho pron",
    "noto serif jp", "noto serif cjk jp", "yu mincho", "yumincho",
]
MIN_LINE_HEIGHT = 1.7

# The body text: the first paragraph of the article, else the article itself.
_TEXT_STYLE_JS = """() => {
  const e = document.querySelector('article.md-content__inner p, .md-content .md-typeset p') || document.querySelector('.md-typeset');
  const s = getComputedStyle(e);
  return {family: s.fontFamily, lineHeight: s.lineHeight, fontSize: parseFloat(s.fontSize)};
}"""


@pytest.fixture(scope="module")
def text_style(read_once):
    return read_once(lambda tab: tab.evaluate(_TEXT_STYLE_JS))


@pytest.mark.parametrize("site_page", JA_PAGES, ids=ids(JA_PAGES))
def test_japanese_body_text_uses_a_japanese_font_family(site_page: SitePage, text_style):
    family = text_style(site_page)["family"]
    names = [name.strip().strip("\"'").lower() for name in family.split(",")]
    assert any(name in JAPANESE_FAMILIES for name in names), f"font-family of the body text names no Japanese family: {family}"


@pytest.mark.parametrize("site_page", JA_PAGES, ids=ids(JA_PAGES))
def test_japanese_body_text_line_height_is_at_least_1_7(site_page: SitePage, text_style):
    style = text_style(site_page)
    assert style["lineHeight"].endswith("px"), f"line-height is {style['lineHeight']!r}; set a number of at least {MIN_LINE_HEIGHT}"
    ratio = float(style["lineHeight"][:-2]) / style["fontSize"]
    assert ratio >= MIN_LINE_HEIGHT - 0.005, f"line-height is {ratio:.2f} ({style['lineHeight']} on {style['fontSize']}px text)"
