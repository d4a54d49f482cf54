"""Hostile file names and paths published twice (issue 18): each is refused with its path and the fix,
or accepted; never a traceback, never a silent overwrite.

The cases share one docs tree, checked in process (tests/inprocess.py: the build's own checks);
one real build of a few of them holds the build to the same lines, with no traceback (a page
named feed.xml.md used to crash the build half way through writing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import messages as M
from support.batch import GOOD, GOOD_EN
from support.inprocess import problem_lines
from support.project import Project, page

NAME, FOLDER = M.PAGE_NAME, M.PAGE_IN_SUBFOLDER


def CLASH(where: str, other: str, other_path: str) -> str:  # noqa: N802 - a message, like NAME
    return M.PUBLISHED_TWICE(what=M.THIS_PAGE(), where=where, other=other, other_path=other_path)


def _material_css() -> str:
    """The name of Material's stylesheet (it carries a hash that changes with Material's version)."""
    import material

    folder = Path(material.__file__).parent / "templates/assets/stylesheets"
    return next(p.name for p in folder.glob("main.*.min.css"))


# file under docs/ (Japanese pages get an English twin of the same name) -> (shown path, message) or None if accepted
NAMES: dict[str, tuple[str, str] | None] = {
    # Names that would reach attributes, cite files and feeds as they are.
    'docs/ja/adv" onmouseover="alert(1)" x=".md': (None, NAME("adv-onmouseover-alert-1-x.md")),
    "docs/ja/x}@online{forged,.md": (None, NAME("x-online-forged.md")),
    "docs/ja/a\nER  -.md": ("docs/ja/a\\u000aER  -.md", NAME("a-er.md")),
    "docs/ja/tre\u202eaty.md": ("docs/ja/tre\\u202eaty.md", NAME("tre-aty.md")),
    "docs/ja/r\u0435port.md": (None, NAME("r-port.md")),  # a Cyrillic е
    "docs/ja/feed.xml.md": (None, NAME("feed-xml.md")),
    "docs/ja/cite.bib.md": (None, NAME("cite-bib.md")),
    "docs/ja/Treaty.md": (None, NAME("treaty.md")),
    "docs/ja/条約.md": (None, NAME("page.md")),
    "docs/ja/a--b.md": (None, NAME("a-b.md")),
    "docs/ja/-lead.md": (None, NAME("lead.md")),
    "docs/ja/trail .md": (None, NAME("trail.md")),
    "docs/ja/en/treaty.md": (None, FOLDER("treaty.md")),
    "docs/ja/notes/deep/x.md": (None, FOLDER("x.md")),
    # Valid names, published where another source is.
    "docs/ja/en.md": (None, CLASH("en/", "docs/en/index.md", "en/index.html")),
    "docs/ja/assets.md": (None, CLASH("assets/", "docs/assets/images/share.png", "assets/images/share.png")),
    "docs/ja/pagefind.md": (None, CLASH("pagefind/", "the search index (Pagefind)", "pagefind/")),
    "docs/ja/search.md": (None, CLASH("search/", "Material's search index", "search/")),
    # Valid names that must be accepted: close to reserved ones, or unusual but slugs.
    "docs/ja/feed-xml.md": None,
    "docs/ja/assets-2.md": None,
    "docs/ja/ja.md": None,
    "docs/ja/404.md": None,
    "docs/ja/kursk-2024.md": None,
    "docs/ja/partials.md": None,  # nothing of the theme's is published at partials/ (no template file is copied)
}
SHADOWS = {  # files under docs/assets/ that would replace the theme's own without a word from MkDocs
    "docs/assets/stylesheets/{css}": M.PUBLISHED_TWICE(
        what=M.THIS_FILE(), where="assets/stylesheets/{css}", other="the theme's assets/stylesheets/{css}", other_path="assets/stylesheets/{css}",
    ),
    "docs/assets/stylesheets/data.css": M.PUBLISHED_TWICE(
        what=M.THIS_FILE(), where="assets/stylesheets/data.css",
        other="overrides/assets/stylesheets/data.css", other_path="assets/stylesheets/data.css",
    ),
}
PNG = bytes.fromhex("89504e470d0a1a0a")


def _tree(project: Project) -> None:
    project.write("docs/assets/images/share.png", PNG)
    for rel in NAMES:
        project.write(rel, page("事例", GOOD))
        twin = "docs/en/" + rel.removeprefix("docs/ja/")
        if "/" not in rel.removeprefix("docs/ja/"):  # docs/en/en.md is published at en/en/: no clash
            project.write(twin, page("Case", GOOD_EN))
    for rel in SHADOWS:
        project.write(rel.format(css=_material_css()), "p { margin: 0; }\n")


@pytest.fixture(scope="module")
def lines(tmp_path_factory) -> list[str]:
    project = Project(tmp_path_factory.mktemp("hostile-names"))
    _tree(project)
    return problem_lines(project.root)


def _of(lines: list[str], shown: str) -> list[str]:
    return [line for line in lines if line.startswith(f"{shown}:")]


@pytest.mark.parametrize("rel", sorted(NAMES))
def test_page_name_is_refused_with_its_path_and_fix_or_accepted(lines, rel):
    case = NAMES[rel]
    if case is None:
        assert _of(lines, rel) == [] and _of(lines, "docs/en/" + rel.removeprefix("docs/ja/")) == []
        return
    shown, message = case
    shown = shown or rel
    assert _of(lines, shown) == [f"{shown}:1: {message}"]


def test_twins_of_refused_names_get_their_own_name_message_and_no_other(lines):
    # docs/en/feed.xml.md is refused for its name, like its twin; neither is "without counterpart".
    assert _of(lines, "docs/en/feed.xml.md") == [f"docs/en/feed.xml.md:1: {NAME('feed-xml.md')}"]
    assert not [line for line in lines if "counterpart" in line]


@pytest.mark.parametrize("rel", sorted(SHADOWS))
def test_docs_file_that_would_replace_a_theme_file_is_refused(lines, rel):
    css = _material_css()
    assert _of(lines, rel.format(css=css)) == [f"{rel.format(css=css)}:1: {SHADOWS[rel].format(css=css)}"]


def test_nothing_else_is_reported(lines):
    reported = {line.split(":1: ", 1)[0] for line in lines}
    expected = {case[0] or rel for rel, case in NAMES.items() if case} | {rel.format(css=_material_css()) for rel in SHADOWS}
    expected |= {"docs/en/" + rel.removeprefix("docs/ja/") for rel, case in NAMES.items()
                 if case and case[1].startswith(M.PAGE_NAME.code) and "/" not in rel.removeprefix("docs/ja/")}
    assert reported == {p.replace("\n", "\\u000a").replace("\u202e", "\\u202e") for p in expected}


def test_the_build_refuses_them_too_without_a_traceback(tmp_path):
    project = Project(tmp_path)
    for rel in ("docs/ja/feed.xml.md", "docs/en/feed.xml.md", "docs/ja/en.md", "docs/en/en.md"):
        project.write(rel, page("事例", GOOD))
    expected = problem_lines(project.root)
    result = project.build()
    assert result.code == 1 and "Traceback" not in result.stderr
    assert result.problems == expected == [
        f"docs/en/feed.xml.md:1: {NAME('feed-xml.md')}",
        f"docs/ja/en.md:1: {CLASH('en/', 'docs/en/index.md', 'en/index.html')}",
        f"docs/ja/feed.xml.md:1: {NAME('feed-xml.md')}",
    ]
