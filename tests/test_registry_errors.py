"""Each malformed registry stops the build with one exact, line-numbered message."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.inprocess import problem_lines

CASES = {
    "not-a-list.yml": [
        ("docs/sources.yml:1: " + M.FILE_NOT_LIST(what="source", first="id")),
    ],
    "empty.yml": [("docs/sources.yml:1: " + M.FILE_EMPTY(advice=M.ADD_ONE(what="source"), first="id"))],
    "entry-not-a-mapping.yml": [
        ("docs/sources.yml:23: " + M.ENTRY_NOT_MAPPING(number=3, first="id")),
    ],
    "duplicate-id.yml": [
        ("docs/sources.yml:23: " + M.DUPLICATE_ENTRY_ID(noun="id", value="nis-2024-10-18", line=1)),
    ],
    "unknown-type.yml": [
        ("docs/sources.yml:2: " + M.UNKNOWN_CHOICE(
            key="type",
            value="blog",
            allowed=("government, intelligence, international-org, treaty-text, state-media, news, analysis, "
                     "encyclopedia"),
        )),
    ],
    "missing-title.yml": [("docs/sources.yml:1: " + M.MISSING_FIELD(entry=M.ENTRY_NAMED(number=1, name="nis-2024-10-18"), key="title"))],
    "impossible-date.yml": [("docs/sources.yml:7: " + M.NOT_A_DATE(key="published", value="2024-02-30", form="YYYY-MM-DD"))],
    "accessed-before-published.yml": [
        ("docs/sources.yml:17: " + M.ACCESSED_BEFORE_PUBLISHED(accessed="2024-10-01", published="2024-10-18")),
    ],
    "future-date.yml": [
        ("docs/sources.yml:8: " + M.FUTURE_DATE(key="accessed", value="2999-01-01")),
    ],
    "http-url.yml": [
        ("docs/sources.yml:18: " + M.NOT_HTTPS(key="url", value="http://newsweekjapan.jp/headlines/world/2024/10/520203.php")),
    ],
    "title-translated-into-own-language.yml": [
        ("docs/sources.yml:15: " + M.TITLE_OWN_LANGUAGE(key="title_ja", language="ja")),
    ],
    "unknown-language.yml": [
        ("docs/sources.yml:9: " + M.UNKNOWN_LANGUAGE(value="kr")),
    ],
    "duplicate-key.yml": [("docs/sources.yml:9: " + M.YAML_DUPLICATE_KEY(key="accessed"))],
    "unknown-field.yml": [
        ("docs/sources.yml:7: " + M.UNKNOWN_FIELD(
            key="publised",
            allowed=("id, type, title, publisher, accessed, language, origin, title_en, title_ja, published, "
                     "url, archive_url, via"),
        )),
    ],
    "title-not-text.yml": [("docs/sources.yml:3: " + M.NOT_TEXT(key="title"))],
    "source-cited-by-no-page.yml": [
        ("docs/sources.yml:23: " + M.SOURCE_UNCITED(id="bbc-2024-10-19")),
    ],
    "malformed-id.yml": [
        ("docs/sources.yml:1: " + M.BAD_ID(noun="id", value="NIS_2024", example="nis-2024-10-18")),
    ],
    "unknown-origin.yml": [
        ("docs/sources.yml:22: " + M.UNKNOWN_ORIGIN(value="xx", international="int")),
    ],
    "origin-upper-case.yml": [("docs/sources.yml:10: " + M.ORIGIN_CASE(value="KR", fix="kr"))],
    "origin-uk.yml": [("docs/sources.yml:22: " + M.ORIGIN_MISTAKE(value="uk", fix="gb"))],
    "missing-origin.yml": [("docs/sources.yml:11: " + M.MISSING_FIELD(
                               entry=M.ENTRY_NAMED(number=2, name="reuters-2024-10-18"),
                               key="origin",
                           ))],
    "publisher-not-bilingual.yml": [
        ("docs/sources.yml:6: " + M.NOT_BILINGUAL(key="publisher")),
    ],
}


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_registry_stops_the_build_with_its_message(project, fixture):
    # In this process, one registry per case (see test_data_errors.py and test_inprocess_agrees.py).
    project.fixture("docs/sources.yml", f"registry/{fixture}")
    expected = CASES[fixture]
    assert [p for p in problem_lines(project.root) if p.startswith("docs/sources.yml")] == expected


def test_registry_that_is_not_utf8_is_named(project):
    project.write("docs/sources.yml", "- id: nis-2024-10-18\n  title: caf\xe9\n".encode("latin-1"))
    result = project.build()
    assert result.code == 1
    assert result.problems == [("docs/sources.yml:2: " + M.NOT_UTF8(byte=0xe9))]


def test_invalid_yaml_syntax_names_its_line(project):
    project.write("docs/sources.yml", "- id: a\n  title: [unclosed\n")
    result = project.build()
    assert result.code == 1
    assert result.problems[0].startswith(f"docs/sources.yml:3: {M.YAML_INVALID.code} ")
    assert "Traceback" not in result.stderr


def test_problems_end_with_a_summary_line(project):
    project.fixture("docs/sources.yml", "registry/unknown-type.yml")
    result = project.build()
    assert "Build stopped: " in result.stderr.strip().splitlines()[-1]
