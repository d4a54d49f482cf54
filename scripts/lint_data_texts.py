"""textlint over the reader-facing texts of the data files, labels.yml and the pages' front
matter (title, description, change; textlint's Markdown reading skips front matter) (`make lint`).

The Japanese texts get the pages' own textlint configuration (.textlintrc.yml: the house
terminology of lint/prh-ja.yml, sentence length, the style rules) less the rules written for
whole pages; the English texts get lint/textlintrc-en.yml (the house terminology of
lint/prh-en.yml). The texts are collected with the build's YAML loader (scripts/data_texts.py)
and linted by scripts/textlint_texts.mjs, so each problem names the YAML file's own line:

    docs/estimates.yml:400: 170ミリ => 170mm (textlint prh)

Usage: python scripts/lint_data_texts.py [FILE ...]   (default: every data file, labels.yml and every page's front matter)
Exit status 1 when a problem is found.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from _site import ROOT
from data_texts import DATA_FILES, LABELS, Text, collect, front_matter_texts
from sitekit import messages as M
from sitekit.problems import Problem

JA_CONFIG = ".textlintrc.yml"
EN_CONFIG = "lint/textlintrc-en.yml"
# Page rules that do not fit a data text: a note, a label or a place name is often a phrase
# with no closing 。 (ja-no-mixed-period).
OFF_FOR_DATA = ["ja-technical-writing/ja-no-mixed-period"]
# Interface strings (labels.yml) may be polite (です・ます): a button speaks to the reader.
OFF_FOR_LABELS = [*OFF_FOR_DATA, "ja-technical-writing/no-mix-dearu-desumasu"]
NODE_BIN = ROOT / "node_modules" / ".bin"
SCRIPT = Path(__file__).with_name("textlint_texts.mjs")


def groups(texts: list[Text]) -> list[dict]:
    """The textlint request: one group per configuration, each text with its index as id."""
    def group(config: str, off: list[str], keep: Callable[[Text], bool]) -> dict:
        return {"config": config, "off": off, "texts": [{"id": i, "text": t.text} for i, t in enumerate(texts) if keep(t)]}

    return [
        group(JA_CONFIG, OFF_FOR_DATA, lambda t: t.lang == "ja" and t.path != LABELS),
        group(JA_CONFIG, OFF_FOR_LABELS, lambda t: t.lang == "ja" and t.path == LABELS),
        group(EN_CONFIG, [], lambda t: t.lang == "en"),
    ]


def problem(found: dict, text: Text) -> Problem:
    """textlint's message on one line, with the rule that gave it, at the text's line."""
    words = " ".join(part.strip() for part in found["message"].splitlines() if part.strip())
    return M.TEXTLINT.at(text.path, text.line, message=words, rule=found["rule"])


def run_textlint(texts: list[Text], root: Path = ROOT) -> list[Problem] | str:
    """The problems textlint finds in `texts`, each at its text's line; or why it could not run."""
    node = shutil.which("node", path=f"{NODE_BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if node is None or not (root / "node_modules" / "textlint").is_dir():
        return "textlint is not installed; run make npm-deps (npm ci) first"
    request = json.dumps({"groups": groups(texts)}, ensure_ascii=False)
    done = subprocess.run([node, str(SCRIPT)], input=request, capture_output=True, text=True, cwd=root, check=False)
    if done.returncode != 0:
        return f"textlint could not run:\n{done.stderr.strip()}"
    return [problem(f, texts[f["id"]]) for f in json.loads(done.stdout)]


def main(argv: list[str]) -> int:
    files = tuple(argv) or DATA_FILES
    texts, problems = collect(ROOT, files)
    if not argv:
        texts += front_matter_texts(ROOT)
    found = run_textlint(texts)
    if isinstance(found, str):
        print(found, file=sys.stderr)
        return 1
    problems = sorted(set(problems + found))
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problems in the texts of the data files and the pages' front matter "
              "(see the contributing guide, \"Checks before you push\").")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
