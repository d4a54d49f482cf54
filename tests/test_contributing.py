"""The contributing guides explain every message the build, `make lint` and the helpers can print,
in both languages, one entry per code (its anchor is the code in lower case: #c104), and nothing
else: the catalogue (hooks/sitekit/messages.py) is the one list, and every problem the code
reports is made from it (sitekit.problems refuses any other)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sitekit import messages, sanitize
from sitekit.problems import Problem

ROOT = Path(__file__).resolve().parents[1]
GUIDES = {locale: ROOT / "docs" / locale / "contributing.md" for locale in ("ja", "en")}


# An entry: the code and the message as a term of a definition list, with the code's anchor,
# then its explanation (cause and fix) as the definition.
ENTRY = re.compile(r"^`([A-Z]\d{3})` `(.*)` \{#([a-z]\d{3})\}\n:   (\S.*)$", re.M)


def _entries(locale: str) -> dict[str, tuple[str, str, str]]:
    text = GUIDES[locale].read_text(encoding="utf-8")
    found: dict[str, tuple[str, str, str]] = {}
    for code, shown, anchor, why in ENTRY.findall(text):
        assert code not in found, f"{GUIDES[locale].name}: {code} is explained twice"
        found[code] = (shown, anchor, why)
    assert len(found) == text.count("` {#"), f"{GUIDES[locale].name}: an entry is not in the form `CODE` `message` {{#code}} then ':   why'"
    return found


def test_the_catalogue_is_well_formed():
    assert len(messages.CATALOGUE) >= 100
    for code, message in messages.CATALOGUE.items():
        assert message.code == code and messages.CODE.fullmatch(code) and code[0] in messages.AREAS


@pytest.mark.parametrize("locale", sorted(GUIDES))
def test_every_code_has_its_entry_and_every_entry_a_code(locale):
    entries = _entries(locale)
    missing = sorted(set(messages.CATALOGUE) - set(entries))
    unknown = sorted(set(entries) - set(messages.CATALOGUE))
    assert not missing, f"explain these codes in {GUIDES[locale].relative_to(ROOT)}: {missing}"
    assert not unknown, f"{GUIDES[locale].relative_to(ROOT)} explains codes that do not exist: {unknown}"


@pytest.mark.parametrize("locale", sorted(GUIDES))
def test_each_entry_quotes_its_message_under_its_own_anchor(locale):
    for code, (shown, anchor, why) in _entries(locale).items():
        assert anchor == code.lower(), code
        assert shown == messages.CATALOGUE[code].shown, f"{code}: the guide quotes {shown!r}"
        assert len(why) >= 5, f"{code}: say what causes it and how to fix it"


def test_a_problem_can_only_carry_a_message_of_the_catalogue():
    assert str(messages.CITED_UNKNOWN.at("docs/ja/treaty.md", 11, label="x", hint=messages.ADD_SOURCE())) == (
        "docs/ja/treaty.md:11: C104 [^x] is not a listed source (add it to docs/sources.yml or correct the id)"
    )
    with pytest.raises(ValueError):
        Problem("docs/ja/treaty.md", 11, "C104", "[^x] is not a source")  # words of its own
    with pytest.raises(ValueError):
        Problem("docs/ja/treaty.md", 11, "C999", "[^x] is not a listed source (y)")  # a code of its own


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
