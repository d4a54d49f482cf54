"""Search: results stay in the reader's language, and real queries find their page."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from support.search_driver import search
from support.site_page import DEFAULT_LANG, LANGS, PAGE_NAMES, SitePage

QUERIES_FILE = Path(__file__).resolve().parents[1] / "search_queries.yml"
QUERIES = yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8"))
# Terms that both languages' pages contain verbatim (names, numbers, acronyms).
SHARED_TERMS = ["KN-23", "NATO", "2024"]


def start_page(lang: str) -> SitePage:
    return SitePage(lang, "index")


@pytest.fixture(scope="module")
def search_tab(shared_context, served_site):
    """One home page per language, its search left open: each query replaces the last one
    (the driver waits until the results answer the new query), so Pagefind loads once."""
    tabs = {}

    def tab(lang: str):
        if lang not in tabs:
            tabs[lang] = shared_context.new_page()
            tabs[lang].goto(served_site.url(start_page(lang)))
        return tabs[lang]

    yield tab
    for opened in tabs.values():
        opened.close()


def test_query_list_has_at_least_40_well_formed_queries():
    assert len(QUERIES) >= 40, f"{QUERIES_FILE.name} needs at least 40 queries"
    for q in QUERIES:
        fields = {"query", "lang", "expect", "why"}
        assert set(q) == fields, f"{QUERIES_FILE.name}: fields must be {sorted(fields)} (quote a value that has a comma): {q}"
        assert q["lang"] in LANGS, q
        if q["lang"] == "ja":
            assert " " not in q["query"] and "\u3000" not in q["query"], f"Japanese query {q['query']!r} must be typed without spaces"


def test_every_query_expects_an_existing_page():
    missing = sorted({f"docs/{q['lang']}/{q['expect']}.md" for q in QUERIES if q["expect"] not in PAGE_NAMES})
    assert not missing, f"{QUERIES_FILE.name} expects pages that do not exist: {missing}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("term", SHARED_TERMS)
def test_results_are_in_the_language_of_the_page_searched_from(lang, term, search_tab):
    result = search(search_tab(lang), term)
    assert result.pages, f"searching {term!r} from the {lang} home page found nothing ({result.message!r})"
    prefix = "/en/"
    wrong = [p for p in result.pages if p.startswith(prefix) != (lang != DEFAULT_LANG)]
    assert not wrong, f"searching {term!r} from a {lang} page returned pages of the other language: {wrong}"


@pytest.mark.parametrize("q", QUERIES, ids=[f"{q['lang']}:{q['query']}" for q in QUERIES])
def test_query_finds_its_page_in_top_three(q, search_tab):
    expected = SitePage(q["lang"], q["expect"]).path
    result = search(search_tab(q["lang"]), q["query"])
    assert expected in result.top(3), (
        f"{q['query']!r} ({q['lang']}) should find {expected} in its top three; got {result.top(3)} ({result.message!r})"
    )
