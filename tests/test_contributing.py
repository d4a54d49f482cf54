"""The contributing guide documents every message the build and the helpers can print,
in both languages, so that a new message cannot be added without explaining it."""

from __future__ import annotations

from pathlib import Path

import pytest
from messages import message_templates

ROOT = Path(__file__).resolve().parents[1]
GUIDES = {locale: ROOT / "docs" / locale / "contributing.md" for locale in ("ja", "en")}
TEMPLATES = message_templates()


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
