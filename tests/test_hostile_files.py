"""Hostile files: front matter, files MkDocs would publish unchecked, the nav and the abbreviation
files. Every case is refused with its file, line and fix, in one batch build."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.batch import GOOD, GOOD_EN, run
from support.project import Project, page

PLAIN, HTML, QUOTE = M.FRONT_MATTER_NOT_PLAIN, M.WHY_HTML(), M.WHY_QUOTE()
KEYS = "title, description, as_of, article, translation_of, published, updated, change"
ASSET_TYPES = ".avif, .css, .gif, .ico, .jpeg, .jpg, .js, .png, .webp, .woff2"


def front(head: str) -> str:
    return f"---\n{head}---\n\n# 事例\n\n{GOOD}\n"


# name -> (front matter lines of the Japanese page, [(line, message), ...])
FRONT_MATTER = {
    "title-closes-title-element": (
        'title: "</title><script>alert(1)</script>"\ndescription: d\nas_of: 2024-10-18\n',
        [(2, PLAIN("title", HTML))],
    ),
    "description-breaks-attribute": (
        "title: t\ndescription: 'x\" onfocus=\"alert(1)'\nas_of: 2024-10-18\n",
        [(3, PLAIN("description", QUOTE))],
    ),
    "description-entity": ("title: t\ndescription: java&#115;cript\nas_of: 2024-10-18\n", [(3, PLAIN("description", HTML))]),
    "citation-in-title": (
        "title: 題[^nis-2024-10-18]\ndescription: d\nas_of: 2024-10-18\n",
        [
            (2, M.FRONT_MATTER_CITES(key="title")),
        ],
    ),
    "as-of-impossible-day": (
        "title: t\ndescription: d\nas_of: 2024-02-30\n",
        [(4, M.NOT_A_DATE(key="as_of", value="2024-02-30", form="YYYY-MM-DD"))],
    ),
    "as-of-month-13": ("title: t\ndescription: d\nas_of: 2024-13-01\n", [(4, M.NOT_A_DATE(key="as_of", value="2024-13-01", form="YYYY-MM-DD"))]),
    "as-of-words": ("title: t\ndescription: d\nas_of: 未定\n", [(4, M.NOT_A_DATE(key="as_of", value="未定", form="YYYY-MM-DD"))]),
    "as-of-with-time": (
        "title: t\ndescription: d\nas_of: 2024-10-18 12:00:00\n",
        [
            (4, M.NOT_A_DATE(key="as_of", value="2024-10-18 12:00:00", form="YYYY-MM-DD")),
        ],
    ),
    "as-of-in-the-future": (
        "title: t\ndescription: d\nas_of: 2099-01-01\n",
        [
            (4, M.FUTURE_DATE(key="as_of", value="2099-01-01")),
        ],
    ),
    "updated-impossible": (
        "title: t\ndescription: d\nas_of: 2024-10-18\nupdated: 2024-02-30\n",
        [
            (5, M.NOT_A_DATE(key="updated", value="2024-02-30", form="YYYY-MM-DD")),
        ],
    ),
    "template-override": (
        "title: t\ndescription: d\nas_of: 2024-10-18\ntemplate: 404.html\n",
        [
            (5, M.FRONT_MATTER_UNKNOWN_KEY(key="template", keys=KEYS)),
        ],
    ),
    "hide-navigation": (
        "title: t\ndescription: d\nas_of: 2024-10-18\nhide: [navigation]\n",
        [
            (5, M.FRONT_MATTER_UNKNOWN_KEY(key="hide", keys=KEYS)),
        ],
    ),
    "article-not-boolean": ("title: t\ndescription: d\nas_of: 2024-10-18\narticle: no\n", [(5, M.ARTICLE_NOT_BOOLEAN())]),
    "translation-record-not-text": (
        "title: t\ndescription: d\nas_of: 2024-10-18\ntranslation_of: 12345\n",
        [
            (5, M.HASH_NOT_QUOTED()),
        ],
    ),
    "duplicate-title": ("title: t\ntitle: u\ndescription: d\nas_of: 2024-10-18\n", [(3, M.YAML_DUPLICATE_KEY(key="title"))]),
    "alias-in-front-matter": (
        "title: &t t\ndescription: *t\nas_of: 2024-10-18\n",
        [(2, M.YAML_ANCHOR())],
    ),
    "front-matter-is-a-list": ("- title\n- description\n", [(2, M.FRONT_MATTER_NOT_MAPPING())]),
    "unclosed-quote": (
        'title: "t\ndescription: d\nas_of: 2024-10-18\n',
        [
            (2, M.YAML_INVALID(what="found unexpected end of stream")),
        ],
    ),
    "empty-description": ("title: t\ndescription:\nas_of: 2024-10-18\n", [(3, M.FRONT_MATTER_NEEDS(key="description"))]),
    "nested-too-deep": (
        "title: t\ndescription: d\nas_of: 2024-10-18\nx: " + "[" * 40 + "]" * 40 + "\n",
        [
            (5, M.YAML_TOO_DEEP(levels=12)),
        ],
    ),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-files"))
    for name, (head, _) in FRONT_MATTER.items():
        project.write(f"docs/ja/f-{name}.md", front(head))
        project.write(f"docs/en/f-{name}.md", page("Case", GOOD_EN))
    project.write("docs/ja/no-front-matter.md", f"# 事例\n\n{GOOD}\n")
    project.write("docs/en/no-front-matter.md", page("Case", GOOD_EN))
    # Files that MkDocs would publish without any check.
    project.write("docs/ja/extra.markdown", page("事例", GOOD))
    project.write("docs/extra.md", page("事例", GOOD))
    project.write("docs/notes/x.md", page("事例", GOOD))
    project.write("docs/assets/extra.html", "<script>alert(1)</script>")
    project.write("docs/assets/images/x.svg", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')
    project.write("docs/assets/javascripts/evil.js", "alert(1)")
    project.write("docs/assets/stylesheets/evil.css", "body { color: black; }\n@import url(https://evil.example/x.css);\n")
    project.write("docs/ja/photo.png", b"\x89PNG\r\n")
    project.write("docs/unknown.yml", "- a: 1\n")
    project.write("docs/.DS_Store", b"\x00")  # MkDocs never publishes dotfiles: not reported
    outside = project.write("elsewhere/p.md", page("事例", GOOD))
    (project.root / "docs/ja/linked").symlink_to(outside.parent, target_is_directory=True)
    # A page saved as Shift_JIS (事 is 0x8e 0x96 on line 2): one message; its twin is not "without counterpart".
    project.write("docs/ja/sjis.md", page("事例", "北朝鮮[^nis-2024-10-18]。").encode("shift_jis"))
    project.write("docs/en/sjis.md", page("Case", GOOD_EN))
    # The nav names a page that exists in neither language.
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - ホーム: index.md\n  - 欠落: missing.md\n", encoding="utf-8")
    # Abbreviations: plain words only.
    project.write(
        "includes/abbreviations.ja.md", "*[NIS]: 国家情報院\n*[GUR]: 情報総局[^nis-2024-10-18]\nNIS: 国家情報院\n*[KCNA]: <b>朝鮮中央通信</b>\n"
    )
    return run(project)


def test_the_batch_stops_without_a_traceback(batch):
    assert batch.build.code == 1
    assert "Traceback" not in batch.build.stderr


@pytest.mark.parametrize("name", sorted(FRONT_MATTER))
def test_hostile_front_matter_is_refused_with_its_line(batch, name):
    path = f"docs/ja/f-{name}.md"
    assert batch.messages(path) == [f"{path}:{line}: {message}" for line, message in FRONT_MATTER[name][1]]


def test_page_without_front_matter(batch):
    assert batch.messages("docs/ja/no-front-matter.md") == [
        ("docs/ja/no-front-matter.md:1: " + M.NO_FRONT_MATTER())
    ]


FILES = {
    "docs/ja/extra.markdown": M.OTHER_MARKDOWN_SUFFIX(name="extra.md"),
    "docs/extra.md": M.PAGE_OUTSIDE_LANGUAGE_FOLDERS(),
    "docs/notes/x.md": M.OUTSIDE_KNOWN_FOLDERS(),
    "docs/assets/extra.html": M.UNKNOWN_ASSET_TYPE(suffixes=ASSET_TYPES),
    "docs/assets/images/x.svg": M.UNKNOWN_ASSET_TYPE(suffixes=ASSET_TYPES),
    "docs/assets/javascripts/evil.js": M.SCRIPT_NOT_LISTED(),
    "docs/ja/photo.png": M.NOT_A_PAGE_IN_LANGUAGE_FOLDER(),
    "docs/unknown.yml": M.UNKNOWN_DATA_FILE(files="corrections.yml, estimates.yml, places.yml, sources.yml, timeline.yml"),
    "docs/ja/linked": M.SYMBOLIC_LINK(),
}


@pytest.mark.parametrize("path", sorted(FILES))
def test_file_that_would_ship_unchecked_is_refused(batch, path):
    assert batch.messages(path) == [f"{path}:1: {FILES[path]}"]


def test_stylesheet_that_fetches_from_another_host(batch):
    path = "docs/assets/stylesheets/evil.css"
    assert batch.messages(path) == [
        f"{path}:2: {M.STYLESHEET_REMOTE()}"
    ]


def test_dotfiles_are_left_alone(batch):
    assert not batch.messages("docs/.DS_Store")


def test_shift_jis_page_is_one_message_and_its_twin_none(batch):
    assert batch.messages("docs/ja/sjis.md") == [("docs/ja/sjis.md:2: " + M.NOT_UTF8(byte=0x8e))]
    assert batch.messages("docs/en/sjis.md") == []


def test_nav_entry_without_a_page_names_its_line(batch):
    lines = (batch.build.site.parent / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    line = lines.index("  - 欠落: missing.md") + 1
    assert batch.messages("mkdocs.yml") == [
        f"mkdocs.yml:{line}: " + M.NAV_WITHOUT_PAGE(rel="missing.md", where="docs/ja/missing.md and docs/en/missing.md", name="missing")
    ]


def test_abbreviation_file_takes_plain_words_only(batch):
    path = "includes/abbreviations.ja.md"
    assert batch.messages(path) == [
        f"{path}:2: {M.ABBREVIATION_NOT_PLAIN(why=M.WHY_CITATION())}",
        f"{path}:3: {M.NOT_AN_ABBREVIATION()}",
        f"{path}:4: {M.ABBREVIATION_NOT_PLAIN(why=HTML)}",
    ]
