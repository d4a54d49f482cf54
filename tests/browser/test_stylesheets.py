"""Our stylesheets as published (hooks/minify_css.py drops their comments and layout whitespace)
hold exactly the rules of their sources: Chromium parses both and serialises the same rules."""

from __future__ import annotations

import pytest
import yaml
from support.project import ROOT

SOURCES = {"assets/stylesheets/site.css": ROOT / "docs", "assets/stylesheets/data.css": ROOT / "overrides"}

_RULES_JS = r"""css => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  // A custom property keeps its value's whitespace as written (a line break in the source
  // becomes a space in the published copy): runs of whitespace compare as one space.
  return [...sheet.cssRules].map(rule => rule.cssText.replace(/\s+/g, " "));
}"""


def test_every_listed_stylesheet_is_checked():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert sorted(config["extra_css"]) == sorted(SOURCES)


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_published_stylesheet_has_the_rules_of_its_source_and_no_comments(page, served_site, name):
    source = (SOURCES[name] / name).read_text(encoding="utf-8")
    published = (served_site.dir / name).read_text(encoding="utf-8")
    assert "/*" not in published and len(published) < 0.8 * len(source)
    page.goto("about:blank")
    rules = page.evaluate(_RULES_JS, source)
    assert len(rules) > 20
    assert page.evaluate(_RULES_JS, published) == rules
