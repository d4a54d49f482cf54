"""Valid Markdown that a stricter or second parser refused, and hostile text that is harmless as
written: all of it in one build, which must pass; then the output is read to see that what
ships is what Python-Markdown meant (code stays code, text stays text, nothing fetches)."""

from __future__ import annotations

import csv
import io
import re

import pytest
from support.batch import GOOD, GOOD_EN
from support.data_helpers import DATA, add_data, article, fnrefs, read
from support.project import BASE_REGISTRY, Project, page

NIS, REUTERS = "nis-2024-10-18", "reuters-2024-10-18"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6300010000050001"
                    "0d0a2db40000000049454e44ae426082")

# name -> (Japanese body, English body): each pair cites the same sources.
PAGES = {
    "reference-followed-by-colon": (f"数字[^{NIS}]: 1,500と3,000。", f"figures[^{NIS}]: 1,500 and 3,000"),
    "note-defined-in-list-item": (f"- 項目[^n]\n\n    [^n]: 注の本文[^{NIS}]。", f"- item[^n]\n\n    [^n]: the note[^{NIS}]."),
    "note-cited-from-a-note": (f"文[^a]。\n\n[^a]: 注A[^b]。\n\n[^b]: 注B[^{NIS}]。", f"Text.[^a]\n\n[^a]: Note A.[^b]\n\n[^b]: Note B.[^{NIS}]"),
    "citations-shown-as-code": (
        (f"{GOOD}\n\n    [^{REUTERS}] は字下げのコード\n\n> ```\n> [^{REUTERS}]\n> "
            f"```\n\n<!-- [^{REUTERS}] は注釈 -->\n\n``a`[^{REUTERS}]`` を示す[^{NIS}]。"),
        (f"{GOOD_EN}\n\n    [^{REUTERS}] indented code\n\n> ```\n> [^{REUTERS}]\n> "
            f"```\n\n<!-- [^{REUTERS}] a comment -->\n\nShown as ``a`[^{REUTERS}]``.[^{NIS}]"),
    ),
    "script-shown-as-code": (f"{GOOD}\n\n    <script>alert(1)</script>\n\n```html\n<script>alert(1)</script>\n```",
                             f"{GOOD_EN}\n\n    <script>alert(1)</script>\n\n```html\n<script>alert(1)</script>\n```"),
    "prose-about-javascript": (f"JavaScript: なしでも読める[^{NIS}]。", f"Readable without JavaScript: all of it.[^{NIS}]"),
    "marker-inside-a-fence": (f"{GOOD}\n\n```\n<!-- map -->\n```", f"{GOOD_EN}\n\n```\n<!-- map -->\n```"),
    "site-image-from-english": (f"![地図](../assets/images/share.png)\n\n{GOOD}", f"![Map](../assets/images/share.png)\n\n{GOOD_EN}"),
    "aligned-table-and-details": (
        f"| 項目 | 値 |\n|:--|--:|\n| 数 | 1[^{NIS}] |\n\n??? note \"詳細\"\n    折りたたみ[^{NIS}]。",
        f"| Item | Value |\n|:--|--:|\n| Count | 1[^{NIS}] |\n\n??? note \"Details\"\n    Folded.[^{NIS}]",
    ),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-valid"))
    add_data(project, "timeline", "estimates", "map")
    project.write("docs/assets/images/share.png", PNG)
    for name, (ja, en) in PAGES.items():
        project.write(f"docs/ja/v-{name}.md", page("事例", ja))
        project.write(f"docs/en/v-{name}.md", page("Case", en))
    # Front matter: a quoted date, a closing line with trailing spaces; a CR-only file; a BOM.
    project.write("docs/ja/v-quoted-date.md", f'---\ntitle: 事例\ndescription: 説明\nas_of: "2024-10-18"\n---   \n\n# 事例\n\n{GOOD}\n')
    project.write("docs/en/v-quoted-date.md", page("Case", GOOD_EN))
    project.write("docs/ja/v-cr-only.md", page("事例", GOOD).replace("\n", "\r").encode("utf-8"))
    project.write("docs/en/v-cr-only.md", ("\ufeff" + page("Case", GOOD_EN)).encode("utf-8"))
    # Registry title that looks like Markdown, and spreadsheet formulas in an estimate.
    registry = BASE_REGISTRY.replace("title: 北朝鮮がロシアに兵士派遣", "title: '![x](https://evil.example/x.png) *Q&A*'")
    project.write("docs/sources.yml", registry)
    formulas = "by: {ja: '=HYPERLINK(\"https://evil.example\")', en: '+cmd|x'}"
    project.write("docs/estimates.yml", DATA["docs/estimates.yml"].replace("by: {ja: 米国防総省, en: US DoD}", formulas))
    result = project.build()
    assert result.code == 0, result.stderr
    return result.site


def test_reference_followed_by_a_colon_is_a_citation(batch):
    assert fnrefs(read(batch, "en/v-reference-followed-by-colon/index.html"))[NIS] == 1


def test_notes_in_lists_and_notes_citing_notes_render(batch):
    for name in ("note-defined-in-list-item", "note-cited-from-a-note"):
        html = article(read(batch, f"v-{name}/index.html"))
        assert "[^" not in html and 'class="footnote"' in html


def test_citations_in_code_and_comments_are_text_not_footnotes(batch):
    html = read(batch, "v-citations-shown-as-code/index.html")
    assert fnrefs(html) == {NIS: 2}  # the claim and the inline-code line; none of the code forms
    assert f"fn:{REUTERS}" not in html
    assert f"[^{REUTERS}]" in article(html)  # shown, as code


def test_script_in_code_is_shown_not_run(batch):
    html = article(read(batch, "v-script-shown-as-code/index.html"))
    assert "<script" not in html and "&lt;script&gt;" in html and "&lt;/</span><span" in html  # indented and highlighted


def test_marker_inside_a_fence_stays_code(batch):
    html = article(read(batch, "v-marker-inside-a-fence/index.html"))
    assert "&lt;!-- map --&gt;" in html and "<svg" not in html


def test_site_image_works_from_the_english_page(batch):
    assert 'src="../../assets/images/share.png"' in read(batch, "en/v-site-image-from-english/index.html")


def test_quoted_date_trailing_spaces_cr_only_and_bom_pages_build(batch):
    for rel in ("v-quoted-date/index.html", "v-cr-only/index.html", "en/v-cr-only/index.html"):
        text = article(read(batch, rel))
        assert "根拠のある文である" in text or "A sourced sentence." in text


def test_registry_title_ships_as_text(batch):
    html = read(batch, "about/index.html").replace("<wbr>", "")  # Japanese phrase breaks
    assert "![x](https://evil.example/x.png) *Q&amp;A*" in html
    assert "evil.example" not in re.sub(r">[^<]*<", "><", html)  # nowhere but in text


def test_csv_cells_cannot_run_as_formulas(batch):
    rows = list(csv.reader(io.StringIO((batch / "estimates.csv").read_text(encoding="utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row[5:9]]
    assert "'=HYPERLINK(\"https://evil.example\")" in cells and "'+cmd|x" in cells
    assert not any(cell[:1] in "=+-@" for cell in cells if cell)
