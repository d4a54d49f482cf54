"""Front matter and plain data texts that would reach the page's <head>, its cite files and the
feeds (issue 18): a title, a description or a name is one line of plain text. Line breaks (a
RIS record or a feed reader's list would take them as a new line) are refused at their line;
text that only looks like markup or a template ships as text (tests/test_hostile_lookalikes.py).
The cases share one docs tree, checked in process; the registry's, which stops every other
check, has its own."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.batch import GOOD, GOOD_EN
from support.inprocess import problem_lines
from support.project import BASE_REGISTRY, Project, page
from test_hostile_data import source


def PLAIN(key: str) -> str:  # noqa: N802 - a message, like CHANGE
    return M.FRONT_MATTER_NOT_PLAIN(key=key, why=M.WHY_LINE_BREAK())
CHANGE = M.CHANGE_NOT_SENTENCE()

# name -> (front matter lines of the Japanese page, [(line, message), ...])
FRONT = {
    "title-escaped-line-break": ('title: "条約\\nTY  - JOUR"\ndescription: d\nas_of: 2024-10-18\n', [(2, PLAIN("title"))]),
    "title-line-separator": ('title: "条\\u2028約"\ndescription: d\nas_of: 2024-10-18\n', [(2, PLAIN("title"))]),
    "description-literal-block": ("title: t\ndescription: |\n  一行目\n  ER  -\nas_of: 2024-10-18\n", [(3, PLAIN("description"))]),
    "change-escaped-line-break": ('title: t\ndescription: d\nas_of: 2024-10-18\nchange: "直した。\\n@online{x,"\n', [(5, CHANGE)]),
    # A folded block ends with one line break, which is not part of the text: accepted.
    "description-folded-block": ("title: t\ndescription: >\n  一文を\n  折り返した。\nas_of: 2024-10-18\n", []),
}


@pytest.fixture(scope="module")
def lines(tmp_path_factory) -> list[str]:
    project = Project(tmp_path_factory.mktemp("hostile-front-matter"))
    for name, (head, _) in FRONT.items():
        project.write(f"docs/ja/f-{name}.md", f"---\n{head}---\n\n# 事例\n\n{GOOD}\n")
        project.write(f"docs/en/f-{name}.md", page("Case", GOOD_EN))
    return problem_lines(project.root)


@pytest.mark.parametrize("name", sorted(FRONT))
def test_front_matter_is_one_line_of_plain_text(lines, name):
    path = f"docs/ja/f-{name}.md"
    assert [line for line in lines if line.startswith(f"{path}:")] == [f"{path}:{n}: {m}" for n, m in FRONT[name][1]]


def test_nothing_else_is_reported(lines):
    assert {line.split(":", 1)[0] for line in lines} == {f"docs/ja/f-{name}.md" for name, case in FRONT.items() if case[1]}


@pytest.mark.parametrize("field, value", [("title", '"見出し\\nER  -"'), ("publisher", '{ja: "通信\\n社", en: Agency}')])
def test_registry_plain_text_is_one_line(tmp_path, field, value):
    project = Project(tmp_path)
    entry = source("z-2024-10-18", **{field: value})
    text = BASE_REGISTRY.rstrip("\n") + "\n" + entry
    project.write("docs/sources.yml", text)
    line = text[: text.index(entry)].count("\n") + next(i for i, row in enumerate(entry.split("\n"), 1) if row.startswith(f"  {field}:"))
    assert problem_lines(project.root) == [f"docs/sources.yml:{line}: {M.TEXT_NOT_PLAIN(key=field, why=M.WHY_LINE_BREAK())}"]
