"""Invisible text (issue 18): bidirectional controls, which reorder what readers see, are refused
in every text a contributor writes (page bodies and front matter, data files, the registry, the
abbreviation files, file names), each at its line, with the fix. Text that only looks unusual
(a zero-width space in Japanese, an emoji joined by U+200D) builds: tests/test_hostile_lookalikes.py.

Pages and data files share one batch build; the registry stops every other check when it is
broken, so its cases are checked in process, one tree each."""

from __future__ import annotations

import unicodedata

import pytest
from sitekit import messages as M
from support.batch import FIRST, GOOD, GOOD_EN, add_case_page, run
from support.data_helpers import DATA, add_data
from support.inprocess import problem_lines
from support.project import BASE_REGISTRY, Project, page
from test_hostile_data import correction, estimate, event, place, source

L = FIRST
CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"]


def line(char: str) -> str:
    return M.INVISIBLE_IN_LINE(char=f"U+{ord(char):04X} ({unicodedata.name(char)})")


RLO = line("\u202e")
UNCITED = M.UNCITED_PARAGRAPH()

# Japanese case pages: name -> (payload from line L, [(line, message), ...])
PAGES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    **{f"control-u{ord(c):04x}": (f"文である{c}[^nis-2024-10-18]。", [(L, line(c))]) for c in CONTROLS},
    "override-reversing-a-figure": ("死者は\u202e0003\u202c人とされる[^nis-2024-10-18]。", [(L, RLO)]),
    "override-in-code-block": ("```\nprint('\u202eadmin')\n```", [(L + 1, RLO)]),
    "override-in-html-comment": ("<!-- \u202e -->", [(L, RLO)]),
    "override-in-link-text": ("[ロイター\u202e](https://www.reuters.com/world/)[^nis-2024-10-18]", [(L, RLO)]),
    "two-lines-two-messages": ("一行目\u2067[^nis-2024-10-18]。\n\n二行目\u200f[^nis-2024-10-18]。", [(L, line("\u2067")), (L + 2, line("\u200f"))]),
}
# Japanese pages with their own front matter: name -> (front matter lines, [(line, message), ...])
FRONT = {
    "title": ("title: 条約\u202e\ndescription: d\nas_of: 2024-10-18\n", [(2, RLO)]),
    "description": ("title: t\ndescription: 説明\u2066です\nas_of: 2024-10-18\n", [(3, line("\u2066"))]),
    "change": ("title: t\ndescription: d\nas_of: 2024-10-18\nchange: 数字を\u202e直した。\n", [(5, RLO)]),
    "escaped-in-quotes": ('title: "条約\\u202E"\ndescription: d\nas_of: 2024-10-18\n', [(2, RLO)]),
}
# Data entries appended to valid files: name -> (file, entry, text on the line at fault, message)
DATA_CASES = {
    "timeline-text": ("docs/timeline.yml", event("'Said \u202eso.'"), "Said", RLO),
    "timeline-text-escaped": ("docs/timeline.yml", event('"Said \\u202Eso."'), "Said", RLO),
    "estimate-by": ("docs/estimates.yml", estimate(by="{ja: 国家情報院, en: \u2067NIS}"), "by:", line("\u2067")),
    "place-name": ("docs/places.yml", place("p-bidi", en="Vlad\u202eivostok"), "Vlad", RLO),
    "correction-text": ("docs/corrections.yml", correction(ja="数字を\u200f直した。"), "数字を", line("\u200f")),
}
REGISTRY = {
    "registry-title": (source("z-2024-10-18", title="'見出し\u202e'"), "見出し\u202e"),
    "registry-url-escaped": (source("z-2024-10-18", url='"https://www.reuters.com/\\u202Eworld/"'), "url:"),
    "registry-publisher": (source("z-2024-10-18", publisher="{ja: 通信社, en: \u202dAgency}"), "Agency"),
}
ASSET = "docs/assets/images/x\u202egnp.png"
ASSET_SHOWN = "docs/assets/images/x\\u202egnp.png"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-invisible"))
    for name, (payload, _) in PAGES.items():
        add_case_page(project, name, payload)
    for name, (head, _) in FRONT.items():
        project.write(f"docs/ja/f-{name}.md", f"---\n{head}---\n\n# 事例\n\n{GOOD}\n")
        project.write(f"docs/en/f-{name}.md", page("Case", GOOD_EN))
    add_data(project, "timeline", "estimates", "map")
    texts = {"docs/corrections.yml": "", **DATA}
    for file, entry, _, _ in DATA_CASES.values():
        texts[file] = texts[file].rstrip("\n") + "\n" + entry
    for file, text in texts.items():
        project.write(file, text)
    project.write(ASSET, bytes.fromhex("89504e470d0a1a0a"))
    project.write("includes/abbreviations.ja.md", "*[NIS]: 国家情報院\n*[KCNA]: 朝鮮中央\u202e通信\n")
    built = run(project)
    built.texts = texts
    return built


def test_the_batch_stops_without_a_traceback(batch):
    assert batch.build.code == 1
    assert "Traceback" not in batch.build.stderr


@pytest.mark.parametrize("name", sorted(PAGES))
def test_control_in_a_page_is_refused_at_its_line(batch, name):
    path = f"docs/ja/h-{name}.md"
    assert batch.messages(path) == [f"{path}:{n}: {message}" for n, message in PAGES[name][1]]


@pytest.mark.parametrize("name", sorted(FRONT))
def test_control_in_front_matter_is_refused_at_its_line(batch, name):
    path = f"docs/ja/f-{name}.md"
    assert batch.messages(path) == [f"{path}:{n}: {message}" for n, message in FRONT[name][1]]


@pytest.mark.parametrize("name", sorted(DATA_CASES))
def test_control_in_a_data_file_is_refused_at_its_line(batch, name):
    file, entry, needle, message = DATA_CASES[name]
    text = batch.texts[file]
    start = text[: text.index(entry)].count("\n")
    number = start + next(i for i, row in enumerate(entry.split("\n"), 1) if needle in row)
    assert f"{file}:{number}: {message}" in batch.messages(file)


def test_a_data_file_reports_every_control_at_once(batch):
    # Two timeline cases: both lines are reported, and nothing else (the file is not loaded).
    assert len(batch.messages("docs/timeline.yml")) == 2
    assert all(M.INVISIBLE_IN_LINE.code in m for m in batch.messages("docs/timeline.yml"))


def test_control_in_a_file_name_is_refused(batch):
    assert batch.messages(ASSET_SHOWN) == [
        f"{ASSET_SHOWN}:1: {M.INVISIBLE_IN_NAME(char='U+202E (RIGHT-TO-LEFT OVERRIDE)')}"
    ]


def test_control_in_an_abbreviation_file_is_refused(batch):
    assert batch.messages("includes/abbreviations.ja.md") == [f"includes/abbreviations.ja.md:2: {RLO}"]


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_control_in_the_registry_is_refused_at_its_line(tmp_path, name):
    entry, needle = REGISTRY[name]
    project = Project(tmp_path)
    text = BASE_REGISTRY.rstrip("\n") + "\n" + entry
    project.write("docs/sources.yml", text)
    number = text[: text.index(entry)].count("\n") + next(i for i, row in enumerate(entry.split("\n"), 1) if needle in row)
    found = problem_lines(project.root)
    assert len(found) == 1 and found[0].startswith(f"docs/sources.yml:{number}: {M.INVISIBLE_IN_LINE.code} ")
