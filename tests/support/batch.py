"""Many defects in one throwaway build: the build reports every problem at once, so a batch
of defect-named cases costs one build instead of one each. Each case owns its own file(s);
its test asserts exactly the messages the build printed for those files."""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

from support.project import Build, Project, page

GOOD = "根拠のある文である[^nis-2024-10-18]。"
GOOD_EN = "A sourced sentence.[^nis-2024-10-18]"
FIRST = 11  # the line of a case page's payload: front matter (5), blank, heading, blank, GOOD, blank


@dataclass
class Batch:
    """The outcome of one build, its problem lines grouped by file."""

    build: Build
    seconds: float = 0.0
    by_file: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def messages(self, path: str) -> list[str]:
        """The problem lines of one file, as printed (sorted by line, as the build sorts them)."""
        return self.by_file.get(path, [])


def run(project: Project) -> Batch:
    """Build the project once and group its problem lines by file."""
    started = time.perf_counter()
    result = Batch(project.build())
    result.seconds = time.perf_counter() - started
    for line in result.build.problems:
        result.by_file[line.split(":", 1)[0]].append(line)
    return result


def add_case_page(project: Project, name: str, payload: str, *, article: bool = True) -> str:
    """A Japanese page `h-<name>.md` whose payload starts on line FIRST, and a clean English twin."""
    # A neutral title: the case's name on the heading line would catch the line search.
    project.write(f"docs/ja/h-{name}.md", page("事例", f"{GOOD}\n\n{payload}", article=article))
    project.write(f"docs/en/h-{name}.md", page("Case", GOOD_EN, article=article))
    return f"docs/ja/h-{name}.md"
