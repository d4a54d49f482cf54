"""The YAML loader reads values as a person reads them and refuses what a data file never needs
(anchors, aliases, tags, deep nesting, huge files), without a traceback or a hang. Unit cases
of sitekit.yamlfiles.parse, then one build that shows the messages reach the contributor."""

from __future__ import annotations

import time

import pytest
from sitekit import messages as M
from sitekit.yamlfiles import MAX_BYTES, parse
from support.batch import run
from support.data_helpers import add_data
from support.project import Project

ALIASES = M.YAML_ALIAS()
ANCHORS = M.YAML_ANCHOR()
DEEP = M.YAML_TOO_DEEP(levels=12)
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8))

READ_AS_WRITTEN = {
    "leading-zero-stays-text": ("low: 0700", {"low": "0700"}),
    "base-60-stays-text": ("low: 1:30", {"low": "1:30"}),
    "underscores-stay-text": ("low: 1_000", {"low": "1_000"}),
    "hex-stays-text": ("low: 0x1F", {"low": "0x1F"}),
    "exponent-without-point-stays-text": ("low: 1e3", {"low": "1e3"}),
    "infinity-stays-text": ("lat: .inf", {"lat": ".inf"}),
    "norwegian-stays-text": ("language: no", {"language": "no"}),
    "yes-stays-text": ("article: yes", {"article": "yes"}),
    "date-stays-text": ("date: 2024-02-30", {"date": "2024-02-30"}),
    "decimal-is-a-number": ("low: 12000", {"low": 12000}),
    "negative-is-a-number": ("low: -3", {"low": -3}),
    "point-is-a-float": ("lat: 43.12", {"lat": 43.12}),
    "true-is-boolean": ("article: false", {"article": False}),
    "number-key-is-a-name": ("1: x", {"1": "x"}),
    "empty-is-none": ("ja:", {"ja": None}),
}

REFUSED = {
    "alias": ("a: &x 1\nb: *x", 1, ANCHORS),
    "undefined-alias": ("a: 1\nb: *x", 2, ALIASES),
    "alias-bomb": (BOMB, 1, ANCHORS),
    "explicit-int-tag": ('low: !!int "0700"', 1, M.YAML_TAG(tag="!!int")),
    "python-object-tag": ("a: !!python/object/apply:os.system ['true']", 1, (
        M.YAML_TAG(tag="!!python/object/apply:os.system"))),
    "binary-tag": ("a: !!binary aGk=", 1, M.YAML_TAG(tag="!!binary")),
    "set-tag": ("a: !!set {x, y}", 1, M.YAML_TAG(tag="!!set")),
    "list-as-key": ("? [a, b]\n: c", 1, M.YAML_KEY_NOT_NAME()),
    "mapping-as-key": ("{a: 1}: c", 1, M.YAML_KEY_NOT_NAME()),
    "duplicate-key": ("a: 1\nb: 2\na: 3", 3, M.YAML_DUPLICATE_KEY(key="a")),
    "nesting-20000-levels": ("[" * 20000 + "]" * 20000, 1, DEEP),
    "nesting-by-indentation": ("".join(" " * i + "a:\n" for i in range(0, 40, 2)) + " " * 40 + "b: 1\n", 13, DEEP),
    "number-of-19-digits": ("low: 1234567890123456789", 1, M.YAML_NUMBER_TOO_LONG()),
    "number-of-400-digits": ("low: " + "9" * 400, 1, M.YAML_NUMBER_TOO_LONG()),
    "unclosed-quote-reported-where-it-opens": ('a: 1\nb: 2\nc: "open\nd: 4\ne: 5\n', 3, None),
    "control-character": ("a: 1\nb: \x07", 2, M.YAML_CONTROL_CHARACTER(code=0x0007)),
    "tab-indentation": ("a:\n\tb: 1", 2, None),
    # Escapes write characters the file may not hold; an Atom feed (XML) cannot carry them either.
    "escaped-control-character": ('a: 1\nb: "fixed\\x01"', 2, M.YAML_ESCAPED_CONTROL(code=0x0001)),
    "escaped-noncharacter": ("a: \"x\\uFFFE\"", 1, M.YAML_ESCAPED_CONTROL(code=0xFFFE)),
    "escaped-control-in-a-list": ('a: ["ok", "\\x0b"]', 1, M.YAML_ESCAPED_CONTROL(code=0x000B)),
}


@pytest.mark.parametrize("name", sorted(READ_AS_WRITTEN))
def test_values_are_read_as_written(name):
    text, expected = READ_AS_WRITTEN[name]
    data, problems = parse(text, "f.yml")
    assert problems == [] and dict(data) == expected


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_yaml_names_its_line(name):
    text, line, message = REFUSED[name]
    started = time.perf_counter()
    data, problems = parse(text, "f.yml")
    assert time.perf_counter() - started < 2, "the loader must not take long on any input"
    assert data is None and len(problems) == 1
    assert problems[0].line == line
    if message:
        assert str(problems[0]) == f"f.yml:{line}: {message}"
    else:
        assert problems[0].code == M.YAML_INVALID.code and M.YAML_INVALID.pattern.fullmatch(problems[0].message)


def test_a_file_over_the_size_limit_is_refused_before_parsing():
    text = "- a: " + "x" * MAX_BYTES + "\n"
    started = time.perf_counter()
    data, problems = parse(text, "f.yml")
    assert time.perf_counter() - started < 1
    assert data is None and f"{problems[0].code} {problems[0].message}" == M.YAML_FILE_TOO_LARGE(mb=1)


def test_front_matter_lines_are_counted_from_the_page(tmp_path):
    data, problems = parse("title: t\nx: &a 1\n", "p.md", first_line=2)
    assert [(p.line, f"{p.code} {p.message}") for p in problems] == [(3, ANCHORS)]


def test_yaml_refusals_reach_the_contributor_in_one_build(tmp_path):
    project = Project(tmp_path)
    add_data(project, "timeline", "estimates", "map")
    project.write("docs/timeline.yml", BOMB)
    project.write("docs/estimates.yml", "- measure: killed\n  low: " + "9" * 400 + "\n")
    project.write("docs/places.yml", "- id: x\n  ja: " + "[" * 20000 + "]" * 20000 + "\n")
    project.write("docs/corrections.yml", "- date: !!timestamp 2025-01-01\n")
    about = project.root.joinpath("docs/ja/about.md").read_text(encoding="utf-8")
    project.write("docs/ja/about.md", about.replace("---\n", '---\nchange: "fixed\\x01"\n', 1))  # the feed's text
    batch = run(project)
    assert batch.build.code == 1 and "Traceback" not in batch.build.stderr
    assert batch.messages("docs/timeline.yml") == [f"docs/timeline.yml:1: {ANCHORS}"]
    assert batch.messages("docs/estimates.yml") == [("docs/estimates.yml:2: " + M.YAML_NUMBER_TOO_LONG())]
    assert batch.messages("docs/places.yml") == [f"docs/places.yml:2: {DEEP}"]
    assert batch.messages("docs/ja/about.md") == [f"docs/ja/about.md:2: {M.YAML_ESCAPED_CONTROL(code=0x0001)}"]
    assert batch.messages("docs/corrections.yml") == [
        ("docs/corrections.yml:1: " + M.YAML_TAG(tag="!!timestamp"))
    ]
