"""The house wording checks that are not a dictionary (`make lint`), in compiler form:

- first mentions on every page (lint/first-mentions.yml): a Korean name with its reading, an
  acronym spelled out, where each first appears; a reading never without its name (pages and
  the ja texts of the data files);
- the writers' working vocabulary (lint/working-vocabulary.yml) in no page (front matter
  included) and no data text or label.

    docs/ja/reactions.md:90: 金星 first appears here without its reading; write 金星（キム・ソン） at the first mention on the page

Usage: python scripts/lint_wording.py [PAGE.md ...]   (default: docs/ja/*.md, docs/en/*.md and
every data file and labels.yml). Exit status 1 when a problem is found.
"""

from __future__ import annotations

import sys
from pathlib import Path

from _site import ROOT
from data_texts import Text, collect
from first_mentions import first_mention_problems, line_at, lone_reading_problems, prose
from sitekit import i18n
from sitekit import messages as M
from sitekit.problems import Problem
from working_vocabulary import find

LANGUAGES = i18n.locales()


def vocabulary_problems(path: str, text: str, first_line: int = 1) -> list[Problem]:
    return [
        M.WORKING_VOCABULARY.at(path, line_at(text, at) + first_line - 1, word=phrase)
        for at, phrase in find(text)
    ]


def page_problems(page: Path, root: Path = ROOT) -> list[Problem]:
    """Every wording problem of one page docs/<lang>/<name>.md."""
    shown = page.relative_to(root).as_posix()
    lang = page.parent.name
    markdown = page.read_text(encoding="utf-8")
    text = prose(markdown)
    return first_mention_problems(text, lang, shown) + lone_reading_problems(text, lang, shown) + vocabulary_problems(shown, markdown)


def data_problems(texts: list[Text]) -> list[Problem]:
    """Working vocabulary in any data text; a reading without its name in a Japanese one."""
    found = []
    for t in texts:
        found += vocabulary_problems(t.path, t.text, t.line)
        found += lone_reading_problems(t.text, t.lang, t.path, t.line)
    return found


def main(argv: list[str]) -> int:
    if argv:
        pages = [Path(a).resolve() for a in argv]
        texts, problems = [], []
    else:
        pages = sorted(p for lang in LANGUAGES for p in (ROOT / "docs" / lang).glob("*.md"))
        texts, problems = collect(ROOT)
    for page in pages:
        problems += page_problems(page)
    problems = sorted(set(problems + data_problems(texts)))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} wording problems (see the contributing guide, \"Checks before you push\").")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
