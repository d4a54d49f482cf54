"""Hostile files: front matter, files MkDocs would publish unchecked, the nav and the abbreviation
files. Every case is refused with its file, line and fix, in one batch build."""

from __future__ import annotations

import pytest
from batch import GOOD, GOOD_EN, run
from site_conftest import Project, page

PLAIN = 'the front matter "{}" must be plain text, but {}; write the text itself'
HTML = "it contains HTML or an HTML entity (such as &amp;)"
QUOTE = 'it contains a straight double quote ("), which would end an HTML attribute; use “ ” or 「 」'
UNCHECKED = "this file would be published without being checked: "
KEYS = "title, description, as_of, article, translation_of, published, updated, change"


def front(head: str) -> str:
    return f"---\n{head}---\n\n# 事例\n\n{GOOD}\n"


# name -> (front matter lines of the Japanese page, [(line, message), ...])
FRONT_MATTER = {
    "title-closes-title-element": (
        'title: "</title><script>alert(1)</script>"\ndescription: d\nas_of: 2024-10-18\n',
        [(2, PLAIN.format("title", HTML))],
    ),
    "description-breaks-attribute": (
        "title: t\ndescription: 'x\" onfocus=\"alert(1)'\nas_of: 2024-10-18\n",
        [(3, PLAIN.format("description", QUOTE))],
    ),
    "description-entity": ("title: t\ndescription: java&#115;cript\nas_of: 2024-10-18\n", [(3, PLAIN.format("description", HTML))]),
    "citation-in-title": (
        "title: 題[^nis-2024-10-18]\ndescription: d\nas_of: 2024-10-18\n",
        [
            (2, 'the front matter "title" cannot carry a citation; cite sources in the page\'s text'),
        ],
    ),
    "as-of-impossible-day": (
        "title: t\ndescription: d\nas_of: 2024-02-30\n",
        [(4, '"as_of: 2024-02-30" is not a real date; write it as YYYY-MM-DD')],
    ),
    "as-of-month-13": ("title: t\ndescription: d\nas_of: 2024-13-01\n", [(4, '"as_of: 2024-13-01" is not a real date; write it as YYYY-MM-DD')]),
    "as-of-words": ("title: t\ndescription: d\nas_of: 未定\n", [(4, '"as_of: 未定" is not a real date; write it as YYYY-MM-DD')]),
    "as-of-with-time": (
        "title: t\ndescription: d\nas_of: 2024-10-18 12:00:00\n",
        [
            (4, '"as_of: 2024-10-18 12:00:00" is not a real date; write it as YYYY-MM-DD'),
        ],
    ),
    "as-of-in-the-future": (
        "title: t\ndescription: d\nas_of: 2099-01-01\n",
        [
            (4, '"as_of: 2099-01-01" is in the future; only dates that have passed belong here'),
        ],
    ),
    "updated-impossible": (
        "title: t\ndescription: d\nas_of: 2024-10-18\nupdated: 2024-02-30\n",
        [
            (5, '"updated: 2024-02-30" is not a real date; write it as YYYY-MM-DD'),
        ],
    ),
    "template-override": (
        "title: t\ndescription: d\nas_of: 2024-10-18\ntemplate: 404.html\n",
        [
            (5, f'unknown front-matter key "template"; the keys a page may have are {KEYS}'),
        ],
    ),
    "hide-navigation": (
        "title: t\ndescription: d\nas_of: 2024-10-18\nhide: [navigation]\n",
        [
            (5, f'unknown front-matter key "hide"; the keys a page may have are {KEYS}'),
        ],
    ),
    "article-not-boolean": ("title: t\ndescription: d\nas_of: 2024-10-18\narticle: no\n", [(5, 'the front matter "article" must be true or false')]),
    "translation-record-not-text": (
        "title: t\ndescription: d\nas_of: 2024-10-18\ntranslation_of: 12345\n",
        [
            (5, 'the front matter "translation_of" must be a quoted hash; run make sync-translation NAME=… to write it'),
        ],
    ),
    "duplicate-title": ("title: t\ntitle: u\ndescription: d\nas_of: 2024-10-18\n", [(3, 'duplicate key "title" in one entry; keep only one')]),
    "alias-in-front-matter": (
        "title: &t t\ndescription: *t\nas_of: 2024-10-18\n",
        [(2, "YAML anchors (&name) are not allowed; write the value out in full")],
    ),
    "front-matter-is-a-list": ("- title\n- description\n", [(2, "the front matter must be key: value lines")]),
    "unclosed-quote": (
        'title: "t\ndescription: d\nas_of: 2024-10-18\n',
        [
            (2, "invalid YAML: found unexpected end of stream; check indentation and quoting"),
        ],
    ),
    "empty-description": ("title: t\ndescription:\nas_of: 2024-10-18\n", [(3, 'the front matter needs a "description" in the page\'s language')]),
    "nested-too-deep": (
        "title: t\ndescription: d\nas_of: 2024-10-18\nx: " + "[" * 40 + "]" * 40 + "\n",
        [
            (5, "the data nest more than 12 levels deep; entries are lists of fields, check the indentation"),
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
        "docs/ja/no-front-matter.md:1: the page has no front matter; start it with ---, title:, description: and ---"
    ]


FILES = {
    "docs/ja/extra.markdown": UNCHECKED + "pages are .md files; rename it to extra.md",
    "docs/extra.md": UNCHECKED + "pages live in docs/ja/ and docs/en/ (make new-page NAME=… creates both)",
    "docs/notes/x.md": UNCHECKED + "docs/ holds the language folders, the data files and assets/ only; move the file or delete it",
    "docs/assets/extra.html": UNCHECKED
    + "docs/assets/ holds only .avif, .css, .gif, .ico, .jpeg, .jpg, .js, .png, .webp, .woff2 files; a page or HTML file here would ship unchecked",
    "docs/assets/images/x.svg": UNCHECKED
    + "docs/assets/ holds only .avif, .css, .gif, .ico, .jpeg, .jpg, .js, .png, .webp, .woff2 files; a page or HTML file here would ship unchecked",
    "docs/assets/javascripts/evil.js": "a script under docs/assets/ must be listed in mkdocs.yml (extra_javascript); this one is not",
    "docs/ja/photo.png": UNCHECKED + "only .md pages belong in the language folders; put images and other files under docs/assets/",
    "docs/unknown.yml": UNCHECKED + "unknown data file; the data files are corrections.yml, estimates.yml, places.yml, sources.yml, timeline.yml",
    "docs/ja/linked": "a symbolic link under docs/ is not allowed (it would publish files from elsewhere); copy the file or folder in instead",
}


@pytest.mark.parametrize("path", sorted(FILES))
def test_file_that_would_ship_unchecked_is_refused(batch, path):
    assert batch.messages(path) == [f"{path}:1: {FILES[path]}"]


def test_stylesheet_that_fetches_from_another_host(batch):
    path = "docs/assets/stylesheets/evil.css"
    assert batch.messages(path) == [
        f"{path}:2: a stylesheet may not import or load from another address (@import, url(https://…)); use files under docs/assets/"
    ]


def test_dotfiles_are_left_alone(batch):
    assert not batch.messages("docs/.DS_Store")


def test_shift_jis_page_is_one_message_and_its_twin_none(batch):
    assert batch.messages("docs/ja/sjis.md") == ["docs/ja/sjis.md:2: the file is not valid UTF-8 (byte 0x8e); save it with UTF-8 encoding"]
    assert batch.messages("docs/en/sjis.md") == []


def test_nav_entry_without_a_page_names_its_line(batch):
    lines = (batch.build.site.parent / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    line = lines.index("  - 欠落: missing.md") + 1
    assert batch.messages("mkdocs.yml") == [
        f'mkdocs.yml:{line}: the nav entry "missing.md" has no page docs/ja/missing.md and docs/en/missing.md; '
        "create it (make new-page NAME=missing) or remove the entry"
    ]


def test_abbreviation_file_takes_plain_words_only(batch):
    path = "includes/abbreviations.ja.md"
    plain = "an abbreviation and its expansion must be plain text, but {}; write the words only"
    assert batch.messages(path) == [
        f"{path}:2: {plain.format('it cites a source')}",
        f"{path}:3: each line must be an abbreviation: *[NIS]: National Intelligence Service (South Korea)",
        f"{path}:4: {plain.format(HTML)}",
    ]
