"""Footnotes, the sources page and the JSON download are written from the registry."""

from __future__ import annotations

import json
import re

import pytest
from line_breaks import glue

CITATION = re.compile(r'<span class="citation" data-source="([^"]+)">(.*?)</span>')
NEWSWEEK = "https://newsweekjapan.jp/headlines/world/2024/10/520203.php"


@pytest.fixture(scope="module")
def batch(minimal_build):
    assert minimal_build.code == 0, minimal_build.stderr
    return minimal_build.site


def citations(site, path):
    html = (site / path).read_text(encoding="utf-8").replace("<wbr>", "")  # phrase boundaries: test_phrase_breaks.py
    return dict(CITATION.findall(html))


def test_japanese_citation_style(batch):
    cites = citations(batch, "about/index.html")
    assert cites["reuters-2024-10-18"] == (
        f'ロイター<a href="{NEWSWEEK}" class="cite-title">「<cite>北朝鮮がロシアに兵士派遣</cite>」</a>'
        "、2024年10月18日、ニューズウィーク日本版掲載。2026年11月22日閲覧。"
        '<a href="https://archive.example/abc">アーカイブ</a>。'
    )
    # A Korean title keeps its own script, gets the Japanese translation and a language marker.
    assert cites["nis-2024-10-18"] == (
        "韓国国家情報院“<cite lang=\"ko\">북한, 러시아에 특수부대 파병</cite>”［北朝鮮、ロシアに特殊部隊を派兵］"
        "（韓国語）、2024年10月18日。2026年11月22日閲覧。"
    )


def test_english_citation_style(batch):
    cites = citations(batch, "en/about/index.html")
    assert cites["reuters-2024-10-18"] == (
        f'Reuters, <a href="{NEWSWEEK}" class="cite-title">“<cite lang="ja">北朝鮮がロシアに兵士派遣</cite>”</a>'
        " [North Korea sends soldiers to Russia] (in Japanese), 18 October 2024, via Newsweek Japan."
        ' Accessed 22 November 2026. <a href="https://archive.example/abc">Archived copy</a>.'
    )
    assert cites["nis-2024-10-18"] == (
        'National Intelligence Service (South Korea), “<cite lang="ko">북한, 러시아에 특수부대 파병</cite>”'
        " [North Korea sends special forces to Russia] (in Korean), 18 October 2024. Accessed 22 November 2026."
    )


def test_same_source_twice_is_one_footnote_with_two_backlinks(project):
    text = (project.root / "docs/ja/about.md").read_text(encoding="utf-8")
    project.write("docs/ja/about.md", text.replace("伝えた[^reuters-2024-10-18]", "伝えた[^reuters-2024-10-18][^nis-2024-10-18]"))
    result = project.build()
    assert result.code == 0, result.stderr
    html = (result.site / "about/index.html").read_text(encoding="utf-8")
    assert html.count('id="fn:nis-2024-10-18"') == 1
    assert 'id="fnref:nis-2024-10-18"' in html and 'id="fnref2:nis-2024-10-18"' in html
    sources = (result.site / "sources/index.html").read_text(encoding="utf-8")
    assert 'href="../about/#fnref:nis-2024-10-18"' in sources
    assert 'href="../about/#fnref2:nis-2024-10-18"' in sources


def test_sources_page_links_back_to_citing_places_in_its_language(batch):
    ja = (batch / "sources/index.html").read_text(encoding="utf-8")
    en = (batch / "en/sources/index.html").read_text(encoding="utf-8")
    assert 'id="src-nis-2024-10-18"' in ja and 'id="src-nis-2024-10-18"' in en
    assert 'href="../about/#fnref:reuters-2024-10-18"' in ja
    assert 'href="../about/#fnref:reuters-2024-10-18"' in en  # en/sources/ -> en/about/
    assert "引用箇所: 概要" in ja and "Cited in: About" in en
    # Groups follow the order: official and intelligence sources before news reports.
    assert ja.index('id="intelligence"') < ja.index('id="news"')


def test_registry_is_published_as_json(batch):
    data = json.loads((batch / "sources.json").read_text(encoding="utf-8"))
    ids = [s["id"] for s in data["sources"]]
    assert ids == ["nis-2024-10-18", "reuters-2024-10-18"]
    reuters = data["sources"][1]
    assert reuters["published"] == "2024-10-18" and reuters["via"]["en"] == "Newsweek Japan"


def test_heading_ids_stay_readable_in_japanese(project):
    text = (project.root / "docs/ja/about.md").read_text(encoding="utf-8")
    project.write("docs/ja/about.md", text + "\n## 第4条の内容\n\n条文がある[^nis-2024-10-18]。\n")
    result = project.build()
    assert result.code == 0, result.stderr
    assert 'id="第4条の内容"' in (result.site / "about/index.html").read_text(encoding="utf-8")


def test_html_lang_matches_each_language(batch):
    assert '<html lang="ja"' in (batch / "about/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in (batch / "en/about/index.html").read_text(encoding="utf-8")


def _ref(sid: str, n: int) -> str:
    return f'<sup id="fnref:{sid}"><a class="footnote-ref" href="#fn:{sid}">{n}</a></sup>'


def test_footnote_numbers_stay_with_the_character_before_and_the_punctuation_after(batch):
    ja = (batch / "about/index.html").read_text(encoding="utf-8")
    en = (batch / "en/about/index.html").read_text(encoding="utf-8")
    assert f'発表し<span class="fn-glue">た{_ref("nis-2024-10-18", 1)}。</span>ロイター' in ja
    assert f'said so<span class="fn-glue">.{_ref("nis-2024-10-18", 1)}</span> Reuters' in en


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # two references and a closing bracket after them go with the last character
        (f"とした{_ref('a', 1)}{_ref('b', 2)}）。次", f'とし<span class="fn-glue">た{_ref("a", 1)}{_ref("b", 2)}）。</span>次'),
        # an entity is one character: it is never cut in two
        (f"&quot;{_ref('a', 1)} x", f'<span class="fn-glue">&quot;{_ref("a", 1)}</span> x'),
        # after a tag, only the references and the punctuation are kept together
        (f"<strong>NIS</strong>{_ref('a', 1)}, then", f'<strong>NIS</strong><span class="fn-glue">{_ref("a", 1)},</span> then'),
        # nothing to do without a footnote reference
        ("<p>plain 文。</p>", "<p>plain 文。</p>"),
    ],
)
def test_glue_keeps_entities_and_tags_whole(html, expected):
    assert glue(html) == expected
