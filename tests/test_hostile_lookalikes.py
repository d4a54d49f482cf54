"""Valid look-alikes of issue 18's hostile inputs: each must build, and what ships is read back
(the rendered HTML, not only the exit code): legitimate addresses on the hosts the hostile ones
imitate, names beside the reserved ones, invisible characters that move nothing, attributes
and classes close to the ones code acts on, and plain text that looks like Markdown."""

from __future__ import annotations

import re

import pytest
from support.batch import GOOD, GOOD_EN
from support.data_helpers import DATA, add_data, article, read
from support.project import BASE_REGISTRY, Project, page

NIS, REUTERS = "nis-2024-10-18", "reuters-2024-10-18"

# name -> (Japanese body, English body); each pair cites the same sources.
PAGES = {
    # Addresses on the hosts the hostile cases imitate, written as they are.
    "reuters-link": (
        f"[ロイター](https://www.reuters.com/world/asia-pacific/north-korea-troops-2024-10-18/)が伝えた[^{NIS}]。",
        f"[Reuters](https://www.reuters.com/world/asia-pacific/north-korea-troops-2024-10-18/) reported it.[^{NIS}]",
    ),
    "address-as-link-text": (
        f"[www.reuters.com/world](https://www.reuters.com/world/)を見よ[^{NIS}]。",
        f"See [reuters.com](https://www.reuters.com/world/?s=1#top).[^{NIS}]",
    ),
    "sub-domain-text": (f"[nhk.or.jp](https://www3.nhk.or.jp/news/)が伝えた[^{NIS}]。", f"[NHK](https://www3.nhk.or.jp/news/) said so.[^{NIS}]"),
    "punycode-written-out": (f"[日本](https://xn--wgv71a.jp/)の例[^{NIS}]。", f"An [example](https://xn--wgv71a.jp/).[^{NIS}]"),
    "mail-and-relative-links": (
        f"[連絡](mailto:press@example.org)、[treaty.md](treaty.md)[^{NIS}]。",
        f"[Write](mailto:press@example.org), [treaty.md](treaty.md).[^{NIS}]",
    ),
    "site-image": (f"![地図](../assets/images/share.png)\n\n{GOOD}", f"![Map](../assets/images/share.png)\n\n{GOOD_EN}"),
    # Invisible characters that move nothing.
    "zero-width-space": (f"北朝鮮\u200bの派兵[^{NIS}]。", f"The deploy\u200bment.[^{NIS}]"),
    "emoji-joiner": (f"旗 🏳\ufe0f\u200d🌈 の例[^{NIS}]。", f"A flag 🏳\ufe0f\u200d🌈.[^{NIS}]"),
}
# Markup close to what code acts on: name -> (Japanese body, English body, what both pages ship)
MARKUP = {
    "heading-with-its-own-id": (f"## 見出し {{#kursk-offensive}}\n\n{GOOD}", f"## Heading {{#kursk-offensive}}\n\n{GOOD_EN}", 'id="kursk-offensive"'),
    "language-of-a-quotation": (f'<span lang="ko">조선</span>と呼ぶ[^{NIS}]。', f'Called <span lang="ko">조선</span>.[^{NIS}]', '<span lang="ko">'),
    "other-data-attribute": (f'<span data-note="x">注</span>がある[^{NIS}]。', f'A <span data-note="x">note</span>.[^{NIS}]', 'data-note="x"'),
    "names-beside-reserved-ones": (
        f'<span id="fnord" class="mdx footnotes tl2">語</span>[^{NIS}]。',
        f'<span id="fnord" class="mdx footnotes tl2">word</span>.[^{NIS}]',
        'id="fnord" class="mdx footnotes tl2"',
    ),
    "note-admonition": (f'!!! note "注意"\n    文である[^{NIS}]。', f'!!! note "Note"\n    A sentence.[^{NIS}]', 'class="admonition note"'),
    "folding-block": (f'??? info "詳細"\n    文である[^{NIS}]。', f'??? info "Details"\n    A sentence.[^{NIS}]', '<details class="info">'),
    "drawing-within-the-column": (
        f'<svg width="100%" viewBox="0 0 10 10"><g transform="translate(1,1)"><rect width="5" height="5"/></g></svg>\n\n{GOOD}',
        f'<svg width="100%" viewBox="0 0 10 10"><g transform="translate(1,1)"><rect width="5" height="5"/></g></svg>\n\n{GOOD_EN}',
        '<g transform="translate(1,1)">',
    ),
}
TEMPLATE_TITLE = "{{ config.site_name }} }@online{forged, [x](https://evil.example/)"
CORRECTED_TITLE = "条約 x](https://evil.example/) [y"
PLACE_NAME = "Vladi*vos*tok [x](https://evil.example/)"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-lookalikes"))
    add_data(project, "timeline", "estimates", "map")
    project.write("docs/assets/images/share.png", bytes.fromhex("89504e470d0a1a0a"))
    for name, (ja, en) in PAGES.items():
        project.write(f"docs/ja/v-{name}.md", page("事例", ja))
        project.write(f"docs/en/v-{name}.md", page("Case", en))
    for name, (ja, en, _) in MARKUP.items():
        project.write(f"docs/ja/m-{name}.md", page("事例", ja))
        project.write(f"docs/en/m-{name}.md", page("Case", en))
    # A title that looks like a template, a BibTeX record and a link: plain text, shipped as such.
    project.write("docs/ja/v-template-title.md", f"---\ntitle: '{TEMPLATE_TITLE}'\ndescription: d\nas_of: 2024-10-18\n---\n\n# 事例\n\n{GOOD}\n")
    project.write("docs/en/v-template-title.md", page("Case", GOOD_EN))
    for rel in ("feed-xml", "assets-2", "ja", "404"):  # names beside reserved ones
        project.write(f"docs/ja/{rel}.md", page("事例", GOOD))
        project.write(f"docs/en/{rel}.md", page("Case", GOOD_EN))
    # Plain texts that look like Markdown, placed inside Markdown by the data templates.
    project.write("docs/ja/treaty.md", f"---\ntitle: '{CORRECTED_TITLE}'\ndescription: d\nas_of: 2024-10-18\n---\n\n# 条約\n\n{GOOD}\n")
    project.write("docs/en/treaty.md", page("Treaty", GOOD_EN))
    correction = "- date: 2025-02-01\n  id: 2025-02-01-1\n  page: treaty.md\n  ja: 数字を直した。\n  en: Corrected a figure.\n"
    project.write("docs/corrections.yml", correction)
    project.write("docs/ja/corrections.md", page("訂正履歴", "<!-- corrections -->", article=False))
    project.write("docs/en/corrections.md", page("Corrections", "<!-- corrections -->", article=False))
    project.write("docs/places.yml", DATA["docs/places.yml"].replace("en: Vladivostok", f"en: '{PLACE_NAME}'", 1))
    # A registry address with a port, a query and a fragment, as copied from a browser.
    registry = BASE_REGISTRY.replace(".php\n", ".php?id=1#top\n", 1)
    project.write("docs/sources.yml", registry.replace("https://newsweekjapan.jp/", "https://newsweekjapan.jp:443/", 1))
    result = project.build()
    assert result.code == 0, result.stderr
    return result.site


def _text(html: str) -> str:
    """The page's text, without the tags (phrase breaks and the citation glue split words)."""
    return re.sub(r"<[^>]+>", "", article(html))


def _links(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]*)"', html)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_valid_look_alike_page_builds_and_ships_its_links_as_written(batch, name):
    for rel, body in ((f"v-{name}/index.html", PAGES[name][0]), (f"en/v-{name}/index.html", PAGES[name][1])):
        html = article(read(batch, rel))
        for href in re.findall(r"\]\(([^)]*)\)", body):
            if href.endswith(".md") or href.startswith("../"):
                continue  # MkDocs rewrites links to pages, and relative addresses on English pages
            assert href.replace("&", "&amp;") in _links(html) or f'src="{href}"' in html, (rel, href)


@pytest.mark.parametrize("name", sorted(MARKUP))
def test_markup_close_to_what_code_acts_on_builds_and_ships(batch, name):
    for rel in (f"m-{name}/index.html", f"en/m-{name}/index.html"):
        assert MARKUP[name][2] in article(read(batch, rel)), rel


def test_invisible_characters_that_move_nothing_ship_as_written(batch):
    assert "北朝鮮\u200bの派兵" in _text(read(batch, "v-zero-width-space/index.html"))
    assert "🏳\ufe0f\u200d🌈" in _text(read(batch, "en/v-emoji-joiner/index.html"))


@pytest.mark.parametrize("name", ["feed-xml", "assets-2", "ja", "404"])
def test_names_beside_reserved_ones_are_published_at_their_own_folder(batch, name):
    assert (batch / name / "index.html").is_file() and (batch / "en" / name / "index.html").is_file()
    assert (batch / "feed.xml").is_file() and (batch / "404.html").is_file()


def test_a_title_that_looks_like_markdown_stays_the_link_text_in_the_corrections_log(batch):
    html = article(read(batch, "corrections/index.html")).replace("<wbr>", "")
    assert "evil.example" not in "".join(_links(html))
    assert "条約 x](https://evil.example/) [y</a>" in html


def test_a_place_name_that_looks_like_markdown_ships_as_text(batch):
    html = article(read(batch, "en/map/index.html"))
    assert f"<strong>{PLACE_NAME}</strong>" in html and "https://evil.example/" not in _links(html)


def test_a_title_that_looks_like_a_template_ships_as_text(batch):
    html = read(batch, "v-template-title/index.html")
    assert f"<title>{TEMPLATE_TITLE} - " in html and "evil.example" not in "".join(_links(html))


def test_registry_address_with_port_query_and_fragment_ships_as_written(batch):
    assert 'href="https://newsweekjapan.jp:443/headlines/world/2024/10/520203.php?id=1#top"' in read(batch, "about/index.html")
