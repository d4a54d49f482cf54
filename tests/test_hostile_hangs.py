"""Pages crafted to make a check take super-linear time (issue 18): each is refused with its line
and fix, or accepted, in one batch build that must end. Before the fixes each of these took
minutes (a regular expression with nested optional spaces, difflib's alignment, a
backreference pattern, a label pattern that ran to the end of the page from every bracket).
How long each takes is measured by benchmarks/hostile_worst.py, at the page size limit; here
only the outcome is asserted, never a time."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.batch import FIRST, add_case_page, run
from support.project import Project

L = FIRST
UNCITED = M.UNCITED_PARAGRAPH()
NESTED = M.NESTED_TOO_DEEP(levels=20)
HANDLER = M.EVENT_HANDLER

# name -> (payload, [(line, message), ...])
CASES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    # 20 list markers with three spaces between: accepted as a list (its item cites nothing).
    "list-markers-spaced-20": ("-   " * 20 + "x", [(L, UNCITED)]),
    "list-markers-spaced-21": ("-   " * 21 + "x", [(L, NESTED)]),
    "numbered-markers-spaced-21": ("1.   " * 21 + "x", [(L, NESTED)]),
    # Quote markers need no space: each ">" is one more level of recursion in Markdown.
    "quotes-without-spaces-30": (">" * 30 + "x", [(L, NESTED)]),
    "quotes-without-spaces-5000": (">" * 5000 + "x", [(L, NESTED)]),
    # A thousand attributes the allowlist removes: one message (the same attribute each time).
    "removed-attributes-1000": ("*a*{onclick=x} " * 1000, [(L, HANDLER("onclick", "em")), (L, UNCITED)]),
    "lt-before-30000-spaces": ("x <" + " " * 30000 + "1", [(L, UNCITED)]),
    "backticks-never-closed": ("x" + "`" * 1000 + "a" * 20000, [(L, UNCITED)]),
    "comments-never-closed": (
        "<!--" * 1900 + "a" * 20000,
        [(L, M.COMMENT_UNCLOSED())],
    ),
    # Full-width look-alikes are not counted by the "[" limit: 30,000 of them, then one real one.
    "full-width-caret-brackets": ("［^" * 30000 + "［^x］", [
        (L, M.LOOKALIKE(text="［^x］")),
        (L, UNCITED),
    ]),
    # 150 problems of HTML on one page: the first 100 are listed with their lines, the rest counted.
    "removed-attributes-150-distinct": (
        "\n\n".join(f"*a*{{onclick=f{i}}}" for i in range(150)),
        [(L + 2 * i, HANDLER("onclick", "em")) for i in range(100)]
        + [(L + 198, M.MORE_HTML_PROBLEMS(count=50))]
        + [(L + 2 * i, UNCITED) for i in range(150)],
    ),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-hangs"))
    for name, (payload, _) in CASES.items():
        add_case_page(project, name, payload)
    return run(project)


def test_the_batch_ends_without_a_traceback(batch):
    assert batch.build.code == 1
    assert "Traceback" not in batch.build.stderr
    unexpected = sorted({line.split(":", 1)[0] for line in batch.build.problems} - {f"docs/ja/h-{name}.md" for name in CASES})
    assert not unexpected, unexpected


@pytest.mark.parametrize("name", sorted(CASES))
def test_crafted_page_is_refused_or_accepted_without_hanging(batch, name):
    path = f"docs/ja/h-{name}.md"
    assert batch.messages(path) == [f"{path}:{line}: {message}" for line, message in sorted(CASES[name][1])]
