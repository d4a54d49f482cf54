"""The contributing guide documents every message the build and the helpers can print,
in both languages, so that a new message cannot be added without explaining it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from messages import message_templates

ROOT = Path(__file__).resolve().parents[1]
GUIDES = {locale: ROOT / "docs" / locale / "contributing.md" for locale in ("ja", "en")}
TEMPLATES = message_templates()
sys.path.insert(0, str(ROOT / "hooks"))

from sitekit import sanitize  # noqa: E402


def test_the_message_list_is_read_from_the_code():
    # A sanity check on the parser: a few messages every version of the hooks prints.
    assert "this paragraph has no citation; add [^source-id] after the claim it supports" in TEMPLATES
    assert "[^…] is not a listed source (…)" in TEMPLATES
    assert 'unknown … "…"; use one of: …' in TEMPLATES
    assert len(TEMPLATES) >= 50


@pytest.mark.parametrize("locale", sorted(GUIDES))
def test_every_message_is_documented(locale):
    text = GUIDES[locale].read_text(encoding="utf-8")
    missing = [f"{where}: `{template}`" for template, where in sorted(TEMPLATES.items()) if f"`{template}`" not in text]
    assert not missing, f"document these messages in {GUIDES[locale].relative_to(ROOT)}:\n" + "\n".join(missing)


@pytest.mark.parametrize("locale", sorted(GUIDES))
def test_the_closing_line_is_documented(locale):
    assert "`Build stopped: N problems in the content (see CONTRIBUTING.md).`" in GUIDES[locale].read_text(encoding="utf-8")


def test_root_contributing_points_to_both_pages():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "docs/en/contributing.md" in text and "docs/ja/contributing.md" in text
    assert len(text.splitlines()) < 40  # a pointer, not a second copy that could drift


# What a contributor's page may contain: the guides list the prose allowlist word for word.
ALLOWLIST_LINES = {
    "en": ("- **Elements**:", "- **Attributes on every element**:", "- **SVG presentation attributes**, on", "- **Attributes of one element**:"),
    "ja": ("- **要素**：", "- **どの要素にも書ける属性**：", "- **SVGの表示属性**（", "- **要素ごとの属性**："),
}


def _names(text: str) -> list[str]:
    return re.findall(r"`([^`]+)`", text)


def _allowlist_in_guide(locale: str) -> tuple[set[str], set[str], dict[str, set[str]]]:
    """(elements, attributes on every element, attributes per element) as the guide lists them."""
    lines = GUIDES[locale].read_text(encoding="utf-8").split("\n")
    found = []
    for start in ALLOWLIST_LINES[locale]:
        matching = [line for line in lines if line.startswith(start)]
        assert len(matching) == 1, f"{GUIDES[locale].name}: one line starting {start!r}"
        found.append(matching[0][len(start):])
    elements, everywhere, svg, per_element = found
    svg_tags, _, svg_attributes = re.split(r"(:|）：)", svg, maxsplit=1)
    attributes = {tag: set(_names(svg_attributes)) for tag in _names(svg_tags)}
    for part in per_element.split("; "):
        tag, _, names = part.partition(":")
        attributes.setdefault(_names(tag)[0], set()).update(_names(names))
    return set(_names(elements)), set(_names(everywhere)), attributes


@pytest.mark.parametrize("locale", sorted(GUIDES))
def test_the_guide_lists_exactly_what_a_page_may_contain(locale):
    elements, everywhere, attributes = _allowlist_in_guide(locale)
    assert elements == sanitize.PROSE_TAGS
    assert everywhere == sanitize.PROSE_GLOBAL | {"aria-*", "data-*"}
    assert attributes == {tag: names for tag, names in sanitize.PROSE_ATTRIBUTES.items() if tag != "*" and names}
    assert not elements & sanitize.GENERATED_ONLY_TAGS, "form controls are the data templates' only"
