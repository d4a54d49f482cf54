"""Each defect in a page stops the build with one exact message naming the file and line."""

from __future__ import annotations

import batch
import pytest
from site_conftest import Project

JA = "docs/ja/about.md"
NOT_ALLOWED = "<{tag}> is not allowed in page content; write plain Markdown instead (CONTRIBUTING lists the HTML the site allows)"
CASES = {
    "unknown-id-with-close-match.md": [f"{JA}:9: [^nis-2024-1018] is not a listed source (did you mean nis-2024-10-18?)"],
    "unknown-id-without-close-match.md": [
        f"{JA}:9: [^bbc-2020-01-01] is not a listed source (add it to docs/sources.yml or correct the id)"
    ],
    "hand-written-definition.md": [
        f"{JA}:11: [^nis-2024-10-18] is a listed source: delete this hand-written definition, "
        "the build writes it from docs/sources.yml"
    ],
    "note-citing-no-source.md": [f"{JA}:11: note [^note-date] cites no source; add a [^source-id] inside the note"],
    "definition-never-cited.md": [f"{JA}:11: note [^note-date] is defined but never cited on this page; cite it or delete it"],
    "reference-without-definition.md": [
        f"{JA}:9: [^note-date] is not a listed source (add it to docs/sources.yml or correct the id)"
    ],
    "uncited-paragraph.md": [f"{JA}:11: this paragraph has no citation; add [^source-id] after the claim it supports"],
    "script-element.md": [f"{JA}:9: {NOT_ALLOWED.format(tag='script')}"],
    "iframe-element.md": [f"{JA}:9: {NOT_ALLOWED.format(tag='iframe')}"],
    "onclick-attribute.md": [f'{JA}:9: the event-handler attribute "onclick" on <span> would run script; remove it'],
    "javascript-url.md": [
        f'{JA}:9: the link "javascript:alert(1)" uses an address the site does not allow; link with https://, mailto: or a relative address'
    ],
    "front-matter-missing-description.md": [
        f'{JA}:1: the front matter needs "as_of: YYYY-MM-DD", the date of the newest source the page relies on',
        f"{JA}:1: the front matter needs a \"description\" in the page's language",
    ],
    "cites-fewer-sources-than-english.md": [
        f"{JA}:1: cites different sources from docs/en/about.md: missing here: reuters-2024-10-18; "
        "missing in docs/en/about.md: none"
    ],
}


def _case_page(fixture: str) -> str:
    return f"p-{fixture}"


@pytest.fixture(scope="module")
def page_batch(tmp_path_factory: pytest.TempPathFactory) -> batch.Batch:
    """Every case in one build: each fixture is its own page docs/ja/p-<case> with the English
    about page as its twin, as in the one-page build it stands for (lines unchanged)."""
    project = Project(tmp_path_factory.mktemp("page-errors"))
    english = project.root.joinpath("docs/en/about.md").read_text(encoding="utf-8")
    for fixture in CASES:
        project.fixture(f"docs/ja/{_case_page(fixture)}", f"pages/{fixture}")
        project.write(f"docs/en/{_case_page(fixture)}", english)
    return batch.run(project)


def test_the_batch_stops_without_a_traceback(page_batch):
    assert page_batch.build.code == 1
    assert "Traceback" not in page_batch.build.stderr
    reported = {line.split(":", 1)[0] for line in page_batch.build.problems}
    assert reported == {f"docs/ja/{_case_page(f)}" for f in CASES}, "only the case pages have problems"


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_page_stops_the_build_with_its_message(page_batch, fixture):
    case = _case_page(fixture)
    expected = [line.replace("/about.md", f"/{case}") for line in CASES[fixture]]
    assert page_batch.messages(f"docs/ja/{case}") == expected


def test_page_in_one_language_only(project):
    project.write("docs/ja/extra.md", "---\ntitle: 追加\ndescription: 追加\narticle: false\n---\n\n# 追加\n")
    result = project.build()
    assert result.code == 1
    assert result.problems == [
        "docs/ja/extra.md:1: this page has no English counterpart docs/en/extra.md; add it (every page exists in both languages)"
    ]


def test_english_page_without_japanese_counterpart(project):
    project.remove("docs/ja/about.md")
    result = project.build()
    assert result.code == 1
    assert "docs/en/about.md:1: this page has no Japanese counterpart docs/ja/about.md; add it" in result.problems[0]


def test_page_that_is_not_utf8(project):
    project.write(JA, "---\ntitle: x\n---\n\n# caf\xe9\n".encode("cp1252"))
    result = project.build()
    assert result.code == 1
    assert f"{JA}:5: the file is not valid UTF-8 (byte 0xe9); save it with UTF-8 encoding" in result.problems


def test_problems_of_both_languages_are_reported_in_one_run(project):
    project.fixture(JA, "pages/unknown-id-with-close-match.md")
    project.write("docs/en/about.md", project.root.joinpath("docs/en/about.md").read_text().replace("[^reuters-2024-10-18]", "[^reuter-2024-10-18]"))
    result = project.build()
    assert result.code == 1
    assert result.problems == [
        "docs/en/about.md:9: [^reuter-2024-10-18] is not a listed source (did you mean reuters-2024-10-18?)",
        f"{JA}:9: [^nis-2024-1018] is not a listed source (did you mean nis-2024-10-18?)",
    ]
    assert result.stderr.strip().endswith("Build stopped: 2 problems in the content (see CONTRIBUTING.md).")


def test_citation_inside_code_is_text(project):
    project.fixture(JA, "pages/citation-in-code-is-text.md")
    result = project.build()
    assert result.code == 0, result.stderr
    html = (result.site / "about/index.html").read_text(encoding="utf-8")
    assert "<code>[^source-id]</code>" in html
    assert "[^not-a-source]" in html  # shown inside the code block, untouched


def test_note_citing_a_source_renders_both(project):
    project.fixture(JA, "pages/note-citing-a-source.md")
    result = project.build()
    assert result.code == 0, result.stderr
    html = (result.site / "about/index.html").read_text(encoding="utf-8")
    assert 'id="fn:note-date"' in html
    assert 'id="fn:reuters-2024-10-18"' in html
    assert 'href="#fn:reuters-2024-10-18"' in html
