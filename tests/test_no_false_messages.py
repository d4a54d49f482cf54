"""A problem in one file is reported once, at its cause, and never makes the build blame another
file: each test asserts the exact, complete list of messages."""

from __future__ import annotations

from sitekit import messages as M
from support.data_helpers import add_data
from support.inprocess import problem_lines

NAV = "nav:\n  - ホーム: index.md\n  - 概要: about.md\n  - 出典一覧: sources.md\n"
NOTE = "[^note-reuters]: ロイターの報道である[^reuters-2024-10-18]。"


def _registry_line(project, sid: str, field: str) -> int:
    lines = (project.root / "docs/sources.yml").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"- id: {sid}")
    return next(i for i in range(start, len(lines)) if lines[i].startswith(f"  {field}:")) + 1


def test_an_invalid_entry_is_still_a_known_source_for_every_citation_of_it(project):
    # The Reuters entry is invalid (its origin), and it is cited everywhere a source can be:
    # pages of both languages (alone in a paragraph), a note, and the data files.
    registry = (project.root / "docs/sources.yml").read_text(encoding="utf-8").replace("  origin: gb\n", "  origin: xx\n")
    project.write("docs/sources.yml", registry)
    add_data(project)
    project.write("docs/ja/about.md", project.root.joinpath("docs/ja/about.md").read_text(encoding="utf-8")
                  + f"\n別の報道もある[^note-reuters]。\n\n{NOTE}\n")
    project.write("docs/en/about.md", project.root.joinpath("docs/en/about.md").read_text(encoding="utf-8")
                  + "\nAnother report.[^note-reuters]\n\n[^note-reuters]: Reuters reported it.[^reuters-2024-10-18]\n")
    line = _registry_line(project, "reuters-2024-10-18", "origin")
    assert problem_lines(project.root) == [f"docs/sources.yml:{line}: " + M.UNKNOWN_ORIGIN(value="xx", international="int")]


def test_a_registry_that_cannot_be_read_does_not_make_pages_or_the_nav_look_missing(project):
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    project.write("mkdocs.yml", config.replace("\nhooks:\n", f"\n{NAV}\nhooks:\n", 1))
    add_data(project)
    project.write("docs/sources.yml", "- id: nis-2024-10-18\n  title: [unclosed\n")
    result = project.build()
    assert result.code == 1 and "Traceback" not in result.stderr
    assert result.problems == ["docs/sources.yml:3: " + M.YAML_INVALID(what="did not find expected ',' or ']'")]
