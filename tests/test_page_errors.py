"""Each defect in a page stops the build with one exact message naming the file and line."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.batch import Batch, run
from support.project import Project

JA = "docs/ja/about.md"
NOT_ALLOWED = M.ELEMENT_NOT_ALLOWED(tag="{tag}")
CASES = {
    "unknown-id-with-close-match.md": [(f"{JA}:9: " + M.CITED_UNKNOWN(label="nis-2024-1018", hint=M.DID_YOU_MEAN(name="nis-2024-10-18")))],
    "unknown-id-without-close-match.md": [
        (f"{JA}:9: " + M.CITED_UNKNOWN(label="bbc-2020-01-01", hint=M.ADD_SOURCE()))
    ],
    "hand-written-definition.md": [
        (f"{JA}:11: " + M.DEFINED_SOURCE(label="nis-2024-10-18"))
    ],
    "note-citing-no-source.md": [(f"{JA}:11: " + M.NOTE_WITHOUT_SOURCE(label="note-date"))],
    "definition-never-cited.md": [(f"{JA}:11: " + M.NOTE_UNCITED(label="note-date"))],
    "reference-without-definition.md": [
        (f"{JA}:9: " + M.CITED_UNKNOWN(label="note-date", hint=M.ADD_SOURCE()))
    ],
    "uncited-paragraph.md": [(f"{JA}:11: " + M.UNCITED_PARAGRAPH())],
    "script-element.md": [f"{JA}:9: {NOT_ALLOWED.format(tag='script')}"],
    "iframe-element.md": [f"{JA}:9: {NOT_ALLOWED.format(tag='iframe')}"],
    "onclick-attribute.md": [(f"{JA}:9: " + M.EVENT_HANDLER(name="onclick", tag="span"))],
    "javascript-url.md": [
        (f"{JA}:9: " + M.LINK_NOT_ALLOWED(value="javascript:alert(1)"))
    ],
    "front-matter-missing-description.md": [
        (f"{JA}:1: " + M.FRONT_MATTER_NEEDS(key="description")),
        (f"{JA}:1: " + M.NEEDS_AS_OF()),
    ],
    "cites-fewer-sources-than-english.md": [
        (f"{JA}:1: " + M.PAIR_DIFFERS(other="docs/en/about.md", here="reuters-2024-10-18", there="none"))
    ],
}


def _case_page(fixture: str) -> str:
    return f"p-{fixture}"


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """Every case in one build: each fixture is its own page docs/ja/p-<case> with the English
    about page as its twin, as in the one-page build it stands for (lines unchanged)."""
    project = Project(tmp_path_factory.mktemp("page-errors"))
    english = project.root.joinpath("docs/en/about.md").read_text(encoding="utf-8")
    for fixture in CASES:
        project.fixture(f"docs/ja/{_case_page(fixture)}", f"pages/{fixture}")
        project.write(f"docs/en/{_case_page(fixture)}", english)
    return run(project)


def test_the_batch_stops_without_a_traceback(batch):
    assert batch.build.code == 1
    assert "Traceback" not in batch.build.stderr
    reported = {line.split(":", 1)[0] for line in batch.build.problems}
    assert reported == {f"docs/ja/{_case_page(f)}" for f in CASES}, "only the case pages have problems"


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_page_stops_the_build_with_its_message(batch, fixture):
    case = _case_page(fixture)
    expected = [line.replace("/about.md", f"/{case}") for line in CASES[fixture]]
    assert batch.messages(f"docs/ja/{case}") == expected


def test_page_in_one_language_only(project):
    project.write("docs/ja/extra.md", "---\ntitle: 追加\ndescription: 追加\narticle: false\n---\n\n# 追加\n")
    result = project.build()
    assert result.code == 1
    assert result.problems == [
        ("docs/ja/extra.md:1: " + M.NO_COUNTERPART(language="English", other="en", rel="extra.md"))
    ]


def test_english_page_without_japanese_counterpart(project):
    project.remove("docs/ja/about.md")
    result = project.build()
    assert result.code == 1
    assert result.problems[0] == "docs/en/about.md:1: " + M.NO_COUNTERPART(language="Japanese", other="ja", rel="about.md")


def test_page_that_is_not_utf8(project):
    project.write(JA, "---\ntitle: x\n---\n\n# caf\xe9\n".encode("cp1252"))
    result = project.build()
    assert result.code == 1
    assert (f"{JA}:5: " + M.NOT_UTF8(byte=0xe9)) in result.problems


def test_problems_of_both_languages_are_reported_in_one_run(project):
    project.fixture(JA, "pages/unknown-id-with-close-match.md")
    project.write("docs/en/about.md", project.root.joinpath("docs/en/about.md").read_text().replace("[^reuters-2024-10-18]", "[^reuter-2024-10-18]"))
    result = project.build()
    assert result.code == 1
    assert result.problems == [
        ("docs/en/about.md:9: " + M.CITED_UNKNOWN(label="reuter-2024-10-18", hint=M.DID_YOU_MEAN(name="reuters-2024-10-18"))),
        (f"{JA}:9: " + M.CITED_UNKNOWN(label="nis-2024-1018", hint=M.DID_YOU_MEAN(name="nis-2024-10-18"))),
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
