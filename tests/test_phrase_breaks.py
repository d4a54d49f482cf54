"""BudouX phrase boundaries (hooks/phrase_breaks.py, sitekit/phrases.py): <wbr> between
Japanese phrases only; the HTML is otherwise unchanged, and Pagefind indexes the same words."""

from __future__ import annotations

import filecmp
import re
import shutil
import subprocess
import sys
from pathlib import Path

import budoux
import pytest
from search_index import EXCLUDE
from sitekit import phrases
from sitekit.phrases import insert_wbr


def test_wbr_goes_between_the_phrases_budoux_finds():
    text = "韓国の国家情報院は北朝鮮がロシアへ兵士を派遣したと発表した"
    assert insert_wbr(f"<p>{text}</p>", "ja") == "<p>" + "<wbr>".join(budoux.load_default_japanese_parser().parse(text)) + "</p>"


def test_removing_every_wbr_gives_back_the_input():
    html = '<h2 id="a">ロシアへの派兵<a class="headerlink" href="#a">&para;</a></h2><p title="a > b">北朝鮮は<em>兵士を</em>送った&amp;と</p>'
    out = insert_wbr(html, "ja")
    assert out != html and out.replace("<wbr>", "") == html


def test_a_sentence_runs_through_inline_elements():
    """BudouX reads the sentence whole, across the link: its boundaries, also at the link's edge."""
    out = insert_wbr('<p>北朝鮮の<a href="x">派兵</a>について</p>', "ja")
    assert out.startswith('<p>北朝鮮の<wbr><a href="x">')
    chunks = budoux.load_default_japanese_parser().parse("北朝鮮の派兵について")
    assert re.sub(r"<(?!wbr>)[^>]+>", "", out) == "<wbr>".join(chunks)


@pytest.mark.parametrize(
    "html",
    [
        "<pre>北朝鮮がロシアへ兵士を派遣した</pre>",
        "<p><code>北朝鮮がロシアへ兵士を派遣した</code></p>",
        "<svg><text>北朝鮮がロシアへ兵士を派遣した</text></svg>",
        "<script>var s = '北朝鮮がロシアへ兵士を派遣した'</script>",
        '<p lang="en">North Korea sent troops to Russia</p>',
        '<p><span class="fn-glue">た<sup id="fnref:x"><a class="footnote-ref" href="#fn:x">1</a></sup>。</span></p>',
        '<h2 id="x">条約<a class="headerlink" href="#x">&para;</a></h2>',
    ],
    ids=["pre", "code", "svg", "script", "english", "footnote-glue", "headerlink"],
)
def test_nothing_is_inserted_where_it_must_not_be(html):
    assert insert_wbr(html, "ja") == html


def test_numbers_and_dates_stay_whole_but_a_particle_may_end_before_them():
    out = insert_wbr("<p>北朝鮮は2024年10月に派兵した</p>", "ja")
    assert "2024年10月に" in out and "北朝鮮は<wbr>2024" in out


def test_a_long_compound_breaks_where_kanji_meet_katakana():
    assert insert_wbr("<h1>包括的戦略パートナーシップ条約</h1>", "ja") == "<h1>包括的戦略<wbr>パートナーシップ<wbr>条約</h1>"


def test_a_line_may_break_after_a_japanese_comma_before_latin_text():
    assert insert_wbr("<h3>全般（出典一覧、timeline.yml、places.yml）</h3>", "ja").count("、<wbr>") == 2


def test_japanese_inside_an_english_page_is_marked_by_lang():
    html = '<p>Reported by <cite lang="ja">北朝鮮がロシアへ兵士を派遣</cite></p>'
    assert "<wbr>" in insert_wbr(html, "en") and insert_wbr(html.replace(' lang="ja"', ""), "en") == html.replace(' lang="ja"', "")


def test_an_unchanged_paragraph_reuses_its_breaks_and_an_edited_one_gets_fresh_ones():
    # Under `mkdocs serve` every rebuild meets the page again: BudouX reads only the
    # paragraphs whose text changed. The cache is keyed by each paragraph's exact input.
    cache = phrases._boundaries
    page = "<h2>ロシアへの派兵</h2><p>北朝鮮はロシアへ兵士を送った。</p><p>韓国の国家情報院が<em>発表</em>した。</p>"
    cache.cache_clear()
    first = insert_wbr(page, "ja")
    assert (cache.cache_info().hits, cache.cache_info().misses) == (0, 3)
    edited = page.replace("兵士を送った", "大規模な部隊を派遣した")
    second = insert_wbr(edited, "ja")
    assert (cache.cache_info().hits, cache.cache_info().misses) == (2, 4)  # only the edited paragraph was read again
    assert second.split("<p>")[2] == first.split("<p>")[2] and second.split("<p>")[0] == first.split("<p>")[0]
    assert "<p>北朝鮮は<wbr>ロシアへ<wbr>大規模な<wbr>部隊を<wbr>派遣した。</p>" in second
    cache.cache_clear()
    assert insert_wbr(edited, "ja") == second  # what a fresh process computes
    assert cache.cache_info().maxsize == phrases.CACHE_SIZE  # bounded: least recently used paragraphs go first


def test_the_same_words_with_other_markup_are_not_served_from_the_cache():
    # Same characters, but a footnote glue (no break inside) or skipped code: another key.
    plain = insert_wbr("<p>北朝鮮は兵士を送った</p>", "ja")
    glued = insert_wbr('<p>北朝鮮は<span class="fn-glue">兵士を送った</span></p>', "ja")
    coded = insert_wbr("<p>北朝鮮は<code>x</code>兵士を送った</p>", "ja")
    assert plain == "<p>北朝鮮は<wbr>兵士を<wbr>送った</p>"
    assert glued == '<p>北朝鮮は<span class="fn-glue">兵士を送った</span></p>'  # nor at its edge
    assert coded == "<p>北朝鮮は<code>x</code>兵士を<wbr>送った</p>"


def test_only_the_article_gets_wbr_and_every_japanese_page_gets_them(real_site):
    for page in sorted(real_site.glob("*/index.html")):
        if page.parent.name in ("pagefind", "assets"):
            continue
        html = page.read_text(encoding="utf-8")
        start, end = html.find('<article class="md-content__inner'), html.rfind("</article>")
        assert "<wbr>" in html[start:end], f"{page}: no phrase boundary in the article"
        assert "<wbr>" not in html[:start] + html[end:], f"{page}: <wbr> outside the article"


def test_added_bytes_stay_small(real_site):
    page = (real_site / "deployment" / "index.html").read_text(encoding="utf-8")
    added = page.count("<wbr>") * len("<wbr>")
    assert 0 < added < 0.12 * len(page.encode()), f"{added} bytes of <wbr> in a {len(page.encode())}-byte page"


def test_pagefind_indexes_exactly_what_it_indexes_without_the_wbr(real_site, tmp_path):
    """Rebuild the index from the pages with every <wbr> removed: the same files, byte for byte."""
    copy = tmp_path / "site"
    shutil.copytree(real_site, copy, ignore=shutil.ignore_patterns("pagefind"))
    for html in copy.rglob("*.html"):
        html.write_text(html.read_text(encoding="utf-8").replace("<wbr>", ""), encoding="utf-8")
    command = [sys.executable, "-m", "pagefind_bin_extended", "--site", str(copy), "--exclude-selectors", EXCLUDE, "--quiet"]
    subprocess.run(command, check=True, capture_output=True)
    built, rebuilt = real_site / "pagefind", copy / "pagefind"

    def index_files(root: Path) -> list[str]:
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.suffix in (".pf_index", ".pf_meta", ".pf_fragment"))

    names = index_files(built)
    assert names, "no index files"
    assert names == index_files(rebuilt)
    assert all(filecmp.cmp(built / n, rebuilt / n, shallow=False) for n in names)
