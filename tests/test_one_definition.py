"""Facts the build states once, and the few copies that remain tied to their one source.

Each test here fails when a fact is added or changed in one place only: a source type, a
language, a footnote id, a date pattern.
"""

from __future__ import annotations

import re

import pytest
import search_index
from sitekit import dates, footnote_ids, i18n, registry, render
from support.inprocess import check_tree
from support.project import BASE_REGISTRY, ROOT


def test_every_source_type_has_a_name_in_every_language():
    for locale in i18n.locales():
        assert list(render.labels()[locale]["types"]) == list(registry.TYPES), f"labels.yml {locale}.types: one per registry.TYPES, same order"


def test_a_source_of_a_type_added_to_the_registry_only_is_still_listed(project, monkeypatch):
    # The review's experiment 1: a type added to registry.TYPES alone, a source of that type.
    # The sources page's groups come from the same list, so the source cannot vanish from it.
    monkeypatch.setattr(registry, "TYPES", (*registry.TYPES, "blog"))
    entry = BASE_REGISTRY.split("- id: reuters-2024-10-18")[0].replace("nis-2024-10-18", "blog-2024-10-19").replace("intelligence", "blog")
    project.write("docs/sources.yml", BASE_REGISTRY + entry)
    site, _ = check_tree(project.root)
    for locale in i18n.locales():
        html = site.pages[(locale, "sources.md")].view.html
        listed = re.findall(r'<li [^>]*\bid="src-([^"]+)"', html)
        assert sorted(listed) == sorted(site.sources) == ["blog-2024-10-19", "nis-2024-10-18", "reuters-2024-10-18"]


def test_the_languages_are_the_i18n_plugins():
    from mkdocs.config import load_config

    plugin = load_config(str(ROOT / "mkdocs.yml")).plugins["i18n"]
    assert i18n.from_plugin(plugin) == i18n.from_file() == i18n.languages()
    assert i18n.locales() == ("ja", "en")


@pytest.mark.parametrize(("locale", "rel", "path"), [
    ("ja", "index.md", ""), ("ja", "treaty.md", "treaty/"), ("en", "index.md", "en/"), ("en", "treaty.md", "en/treaty/"),
    ("en", "topic/index.md", "en/topic/"),
])
def test_the_url_rule(locale, rel, path):
    assert i18n.page_path(locale, rel) == path


def test_every_page_is_published_where_the_url_rule_says(real_site):
    for locale in i18n.locales():
        for page in sorted((ROOT / "docs" / locale).glob("*.md")):
            assert (real_site / i18n.page_path(locale, page.name) / "index.html").is_file(), (locale, page.name)


def test_every_language_has_its_date_patterns():
    assert set(dates.PATTERNS) == set(i18n.locales())
    assert all(set(patterns) == set(dates.PATTERNS[i18n.default()]) for patterns in dates.PATTERNS.values())


def test_the_footnote_ids_are_python_markdowns():
    from markdown import Markdown

    html = Markdown(extensions=["footnotes"]).convert("a[^x] b[^x]\n\n[^x]: note")
    assert f'id="{footnote_ids.ref_id("x")}"' in html and f'id="{footnote_ids.ref_id("x", 2)}"' in html
    assert f'id="{footnote_ids.note_id("x")}"' in html


def test_mkdocs_yml_keeps_the_footnote_ids():
    from mkdocs.config import load_config

    assert footnote_ids.config_problem(load_config(str(ROOT / "mkdocs.yml")).mdx_configs) is None
    assert footnote_ids.config_problem({"footnotes": {"SEPARATOR": "-"}})


def test_the_search_skips_the_footnote_references():
    # hooks/search_index.py names them in a CSS selector: the references' own id prefix.
    assert f'sup[id^="{footnote_ids.REF_PREFIX}"]' in search_index.EXCLUDE.replace('\\"', '"')


def test_make_new_source_asks_for_the_registrys_required_fields():
    import new_source

    asked = {field.split(".")[0] for _, field, _ in new_source.REQUIRED}
    assert asked | {"accessed"} == set(registry.REQUIRED)  # accessed: today unless given
