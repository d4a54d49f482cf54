"""What every reader sees, over the real built site: each page's title, h1 and descriptions are
real text in the page's language; no page, feed or download carries the writers' working
vocabulary; the two languages of every article page state the same figures.

The checks are tests/what_readers_see.py; the fixtures under tests/fixtures/what-readers-see/,
each named after the defect it holds, prove that each check still finds its defect.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.what_readers_see import figures, head_problems, is_article, main_text, parity, readable, vocabulary_in

FIXTURES = Path(__file__).parent / "fixtures" / "what-readers-see"
# What a reader, a feed reader or a reference manager receives; Pagefind's index is built from the pages.
READER_FILES = ("*.html", "*.xml", "*.json", "*.csv", "cite.bib", "cite.ris")
NOT_READER_FILES = ("pagefind", "partials", "assets")


@pytest.fixture(scope="module")
def site(real_site) -> Path:
    return real_site


def html_pages(site: Path) -> list[tuple[str, Path]]:
    """(language, file) of every HTML page of the built site."""
    pages = [p for p in site.rglob("*.html") if not set(p.relative_to(site).parts) & set(NOT_READER_FILES)]
    return sorted(("en" if p.relative_to(site).parts[0] == "en" else "ja", p) for p in pages)


def article_pairs(site: Path) -> list[tuple[str, str, str]]:
    """(name, Japanese HTML, English HTML) of every article page."""
    pairs = []
    for ja in sorted(site.glob("*/index.html")):
        en = site / "en" / ja.parent.name / "index.html"
        if en.is_file() and is_article(page := ja.read_text(encoding="utf-8")):
            pairs.append((ja.parent.name, page, en.read_text(encoding="utf-8")))
    return pairs


# --- over the real site ---------------------------------------------------------------------


def test_every_pages_title_h1_and_description_are_real_text_in_its_language(site):
    pages = html_pages(site)
    assert len(pages) >= 28  # 14 pages and a 404 in each language
    found = [f"{p.relative_to(site)}: {problem}" for lang, p in pages for problem in head_problems(p.read_text(encoding="utf-8"), lang)]
    assert not found, "\n".join(found)


def test_no_page_feed_or_download_holds_the_writers_working_vocabulary(site):
    files = sorted({p for pattern in READER_FILES for p in site.rglob(pattern)
                    if not set(p.relative_to(site).parts) & set(NOT_READER_FILES)})
    names = {p.name for p in files}
    assert {"feed.xml", "sources.json", "timeline.json", "estimates.csv", "cite.bib"} <= names, names
    found = [f"{p.relative_to(site)}: {phrase!r}" for p in files for phrase in vocabulary_in(readable(p))]
    assert not found, "the writers' working vocabulary (lint/working-vocabulary.yml) reaches readers:\n" + "\n".join(found)


def test_both_languages_of_every_article_page_state_the_same_figures(site):
    pairs = article_pairs(site)
    assert len(pairs) >= 8, [name for name, _, _ in pairs]
    # The check reads real content: the deployment page states dozens of figures.
    assert len(figures(main_text(dict((n, j) for n, j, _ in pairs)["deployment"]), "ja")) >= 10
    found = []
    for name, ja, en in pairs:
        only_ja, only_en = parity(ja, en)
        if only_ja or only_en:
            found.append(f"{name}: only in Japanese {only_ja}, only in English {only_en}")
    assert not found, "figures of 100 and more that one language states and the other does not:\n" + "\n".join(found)


# --- each check finds the defect it is for (fixtures) -----------------------------------------


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_a_japanese_page_titled_in_english_is_found():
    found = head_problems(fixture("ja-page-titled-in-english.html"), "ja")
    assert found == ["<title> 'Sources' of a Japanese page has no Japanese in it", "<h1> 'Sources' of a Japanese page has no Japanese in it"]


def test_a_placeholder_description_is_found():
    found = head_problems(fixture("description-placeholder-x.html"), "en")
    assert found == [
        "<meta description> 'x' is a placeholder, not real text (at least 20 characters)",
        "<meta og:description> 'x' is a placeholder, not real text (at least 20 characters)",
    ]


def test_kana_in_an_english_pages_description_is_found():
    found = head_problems(fixture("en-page-with-kana-in-description.html"), "en")
    assert found == ["<meta description> '露朝の包括的戦略パートナーシップ条約の内容と批准の経過。' of an English page has kana in it"]


def test_working_vocabulary_split_by_a_phrase_break_is_found():
    assert vocabulary_in(readable(FIXTURES / "page-with-phrase-breaks-in-working-vocabulary.html")) == ["保存された公開資料"]


def test_working_vocabulary_escaped_in_a_feed_and_wrapped_is_found():
    assert [p.split() for p in vocabulary_in(readable(FIXTURES / "feed-entry-with-stored-copies.xml"))] == [["Stored", "copies"]]


def test_working_vocabulary_written_as_json_escapes_is_found():
    assert vocabulary_in(readable(FIXTURES / "download-with-escaped-working-vocabulary.json")) == ["保存版"]


def test_a_figure_the_english_page_drops_is_found_and_nothing_else():
    # 1万2000 = 12,000; 400〜600万 = 4–6 million; 170mm = 170 mm; years (2024年, 2022〜23年,
    # 18 October 2024), model names (M1989), footnotes, footnote markers and the citation block
    # are not figures. Only 4万2400 is stated in one language alone.
    ja, en = fixture("parity-en-drops-a-figure.ja.html"), fixture("parity-en-drops-a-figure.en.html")
    assert parity(ja, en) == ([42400], [])
    assert figures(main_text(ja), "ja") == {12000, 42400, 4_000_000, 6_000_000, 170}


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("1万2000人、4万2400人、150万発、1億5000万ドル、1.5万", "ja", {12000, 42400, 1_500_000, 150_000_000, 15000}),
    ("12,000 troops, 42,400, 1.5 million shells, US$150 million, 2.3 billion", "en", {12000, 42400, 1_500_000, 150_000_000, 2_300_000_000}),
    ("2024年6月19日、1961年、2022〜23年、2000人", "ja", {2000}),
    ("19 June 2024, in 1961, 2,000 troops", "en", {2000}),
    ("M1989、KN-25、第528工兵連隊、99人", "ja", {528}),
])
def test_figures_are_normalised_and_years_left_out(text, lang, expected):
    assert figures(text, lang) == expected
