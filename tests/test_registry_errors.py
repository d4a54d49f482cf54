"""Each malformed registry stops the build with one exact, line-numbered message."""

from __future__ import annotations

import pytest
from inprocess import problem_lines

CASES = {
    "not-a-list.yml": [
        "docs/sources.yml:1: the file must be a YAML list of sources, each starting with '- id: …'",
    ],
    "empty.yml": ["docs/sources.yml:1: the file is empty; add at least one source ('- id: …')"],
    "entry-not-a-mapping.yml": [
        "docs/sources.yml:23: entry 3 is not a mapping of fields; start it with '- id: …'",
    ],
    "duplicate-id.yml": [
        'docs/sources.yml:23: duplicate id "nis-2024-10-18" (first defined on line 1); give each entry its own id',
    ],
    "unknown-type.yml": [
        'docs/sources.yml:2: unknown type "blog"; use one of: government, intelligence, international-org, treaty-text, '
        "state-media, news, analysis, encyclopedia",
    ],
    "missing-title.yml": ['docs/sources.yml:1: entry 1 (nis-2024-10-18) is missing the required field "title"'],
    "impossible-date.yml": ['docs/sources.yml:7: "published: 2024-02-30" is not a real date; write it as YYYY-MM-DD'],
    "accessed-before-published.yml": [
        "docs/sources.yml:17: accessed 2024-10-01 is before published 2024-10-18; a source cannot be read before it appears",
    ],
    "future-date.yml": [
        'docs/sources.yml:8: "accessed: 2999-01-01" is in the future; only dates that have passed belong here',
    ],
    "http-url.yml": [
        'docs/sources.yml:18: "url: http://newsweekjapan.jp/headlines/world/2024/10/520203.php" must be a full https:// '
        "address copied from the page itself",
    ],
    "title-translated-into-own-language.yml": [
        'docs/sources.yml:15: "title_ja" translates the title into its own language (ja); remove it',
    ],
    "unknown-language.yml": [
        'docs/sources.yml:9: unknown language code "kr"; use a two-letter ISO 639-1 code such as ja, en, ko, ru, uk',
    ],
    "duplicate-key.yml": ['docs/sources.yml:9: duplicate key "accessed" in one entry; keep only one'],
    "unknown-field.yml": [
        'docs/sources.yml:7: unknown field "publised"; allowed fields are id, type, title, publisher, accessed, language, '
        "origin, title_en, title_ja, published, url, archive_url, via",
    ],
    "title-not-text.yml": ['docs/sources.yml:3: "title" must be non-empty text; put the value in quotes'],
    "source-cited-by-no-page.yml": [
        'docs/sources.yml:23: source "bbc-2024-10-19" is cited by no page; cite it or remove the entry',
    ],
    "malformed-id.yml": [
        'docs/sources.yml:1: id "NIS_2024" may contain only lowercase a–z, 0–9 and single hyphens, e.g. nis-2024-10-18',
    ],
    "unknown-origin.yml": [
        'docs/sources.yml:22: unknown origin "xx"; use the lower-case ISO 3166-1 alpha-2 code of the country whose outlet or '
        "office published the source (kr, ua, ru, kp, us, jp, gb …), or int for an international organisation",
    ],
    "origin-upper-case.yml": ['docs/sources.yml:10: origin "KR" must be written in lower case: kr'],
    "origin-uk.yml": ['docs/sources.yml:22: unknown origin "uk"; the ISO 3166-1 code is gb'],
    "missing-origin.yml": ['docs/sources.yml:11: entry 2 (reuters-2024-10-18) is missing the required field "origin"'],
    "publisher-not-bilingual.yml": [
        'docs/sources.yml:6: "publisher" must have a Japanese and an English text: publisher: {ja: …, en: …}',
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
    assert result.problems == ["docs/sources.yml:2: the file is not valid UTF-8 (byte 0xe9); save it with UTF-8 encoding"]


def test_invalid_yaml_syntax_names_its_line(project):
    project.write("docs/sources.yml", "- id: a\n  title: [unclosed\n")
    result = project.build()
    assert result.code == 1
    assert result.problems[0].startswith("docs/sources.yml:3: invalid YAML:")
    assert "Traceback" not in result.stderr


def test_problems_end_with_a_summary_line(project):
    project.fixture("docs/sources.yml", "registry/unknown-type.yml")
    result = project.build()
    assert "Build stopped: " in result.stderr.strip().splitlines()[-1]
