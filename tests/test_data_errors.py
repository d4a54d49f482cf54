"""Each defective data file (timeline, estimates, places) stops the build with one exact,
line-numbered message; the fixture files are named after the defect they contain."""

from __future__ import annotations

import pytest
from data_helpers import PLACES, add_data
from inprocess import problem_lines

CASES = {
    "timeline-not-a-list.yml": ["docs/timeline.yml:1: the file must be a YAML list of events, each starting with '- date: …'"],
    "timeline-empty.yml": ["docs/timeline.yml:1: the file is empty; add at least one event ('- date: …')"],
    "timeline-entry-not-a-mapping.yml": ["docs/timeline.yml:6: entry 2 is not a mapping of fields; start it with '- date: …'"],
    "timeline-missing-field.yml": ['docs/timeline.yml:1: entry 1 (2024-06-19) is missing the required field "sources"'],
    "timeline-unknown-field.yml": ['docs/timeline.yml:5: unknown field "source"; allowed fields are date, theme, ja, en, sources, place'],
    "timeline-impossible-date.yml": [
        'docs/timeline.yml:1: "date: 2024-02-30" is not a real date; write it as YYYY-MM-DD, or YYYY-MM when only the month is known'
    ],
    "timeline-impossible-month.yml": [
        'docs/timeline.yml:1: "date: 2024-13" is not a real date; write it as YYYY-MM-DD, or YYYY-MM when only the month is known'
    ],
    "timeline-future-date.yml": ['docs/timeline.yml:1: "date: 2999-01-01" is in the future; only dates that have passed belong here'],
    "timeline-unknown-theme.yml": ['docs/timeline.yml:7: unknown theme "war"; use one of: treaty, weapons, deployment, reactions'],
    "timeline-empty-text.yml": ['docs/timeline.yml:3: "ja" is empty; write its value, or delete the line if the field is optional'],
    "timeline-unknown-source.yml": ['docs/timeline.yml:5: source "nis-2024-1018" is not a listed source (did you mean nis-2024-10-18?)'],
    "timeline-source-listed-twice.yml": ['docs/timeline.yml:8: source "nis-2024-10-18" is listed twice; list each source once'],
    "timeline-no-sources.yml": ['docs/timeline.yml:5: "sources" must list at least one source id: sources: [nis-2024-10-18]'],
    "timeline-unknown-place.yml": ['docs/timeline.yml:3: unknown place "pyongyan" (did you mean pyongyang?)'],
    "timeline-unsafe-html.yml": [
        'docs/timeline.yml:4: "en" contains <a href="javascript:alert(1)">, which the site does not allow in data texts; '
        "write plain text (*emphasis*, code spans and [links](https://…) are allowed)"
    ],
    "timeline-bidirectional-control.yml": [
        "docs/timeline.yml:3: the line holds the invisible control character U+202E (RIGHT-TO-LEFT OVERRIDE), "
        "which reorders the text readers see; delete it"
    ],
    "timeline-citation-in-text.yml": ['docs/timeline.yml:3: "ja" contains a [^…] citation; list source ids under "sources:" instead'],
    "timeline-out-of-order.yml": ["docs/timeline.yml:11: 2024-06-19 comes after 2024-10 (line 6); keep the events oldest first"],
    "estimates-unknown-measure.yml": [
        'docs/estimates.yml:9: unknown measure "troops"; use one of: troops-sent, troops-present, casualties, killed, wounded, '
        "captured, shells, containers, weapons, workers"
    ],
    "estimates-unknown-qualifier.yml": ['docs/estimates.yml:5: unknown qualifier "roughly"; use one of: exact, about, at-least, more-than, up-to'],
    "estimates-low-above-high.yml": ["docs/estimates.yml:5: low 12000 is greater than high 10000; put the smaller figure in low"],
    "estimates-non-integer.yml": ['docs/estimates.yml:4: "low: 1.5" must be a whole number written with digits only, e.g. 10000'],
    "estimates-figure-with-separator.yml": ['docs/estimates.yml:4: "low: 10,000" must be a whole number written with digits only, e.g. 10000'],
    "estimates-month-only-date.yml": ['docs/estimates.yml:6: "as_of: 2024-11" is not a real date; write it as YYYY-MM-DD'],
    "estimates-future-date.yml": ['docs/estimates.yml:6: "as_of: 2999-11-04" is in the future; only dates that have passed belong here'],
    "estimates-by-not-bilingual.yml": ['docs/estimates.yml:7: "by" must have a Japanese and an English text: by: {ja: …, en: …}'],
    "estimates-missing-field.yml": ['docs/estimates.yml:1: entry 1 (troops-sent) is missing the required field "as_of"'],
    "estimates-unknown-source.yml": [
        'docs/estimates.yml:8: source "reuters-2024-10-81" is not a listed source (did you mean reuters-2024-10-18?)'
    ],
    "estimates-unsafe-html.yml": [
        'docs/estimates.yml:8: "note" contains <script>, which the site does not allow in data texts; '
        "write plain text (*emphasis*, code spans and [links](https://…) are allowed)"
    ],
    "estimates-missing-counts.yml": ['docs/estimates.yml:9: entry 2 (troops-sent) is missing the required field "counts"'],
    "estimates-misspelt-counts.yml": [
        'docs/estimates.yml:10: unknown counts "todate" (did you mean to-date?); use one of: '
        "to-date, one-group, planned, in-russia, at-front, one-period"
    ],
    "estimates-unknown-counts.yml": [
        'docs/estimates.yml:2: unknown counts "cumulative"; use one of: to-date, one-group, planned, in-russia, at-front, one-period'
    ],
    "estimates-counts-not-for-measure.yml": [
        'docs/estimates.yml:10: counts "at-front" does not fit measure "killed"; use one of: to-date, one-period'
    ],
    "estimates-missing-estimator.yml": ['docs/estimates.yml:1: entry 1 (troops-sent) is missing the required field "estimator"'],
    "estimates-misspelt-estimator.yml": [
        'docs/estimates.yml:11: unknown estimator "NIS" (did you mean nis?); use one of: nis, rok-jcs, rok-gov, us-gov, zelensky, '
        "ukr-gur, ukr-gov, uk-di, dprk, russia, msmt, media, independent"
    ],
    "estimates-unknown-estimator.yml": [
        'docs/estimates.yml:3: unknown estimator "yonhap"; use one of: nis, rok-jcs, rok-gov, us-gov, zelensky, ukr-gur, '
        "ukr-gov, uk-di, dprk, russia, msmt, media, independent"
    ],
    "places-not-a-list.yml": ["docs/places.yml:1: the file must be a YAML list of places, each starting with '- id: …'"],
    "places-duplicate-id.yml": ['docs/places.yml:8: duplicate place id "pyongyang" (first defined on line 1); give each entry its own place id'],
    "places-malformed-id.yml": [
        'docs/places.yml:1: place id "Pyong_Yang" may contain only lowercase a–z, 0–9 and single hyphens, e.g. kursk'
    ],
    "places-outside-map.yml": ["docs/places.yml:4: 43.06°N 141.35°E lies outside the map (30–140°E, 35–60°N); check the coordinates"],
    "places-coordinate-not-a-number.yml": ['docs/places.yml:4: "lat: 51°44′N" must be a number of degrees between -90 and 90'],
    "places-missing-role.yml": ['docs/places.yml:1: entry 1 (kursk) is missing the required field "role"'],
    "places-unknown-source.yml": ['docs/places.yml:7: source "nis" is not a listed source (add it to docs/sources.yml or correct the id)'],
    "places-route-not-a-number.yml": ['docs/places.yml:8: "route: first" must be a whole number written with digits only, e.g. 1'],
}


# Each case replaces a whole data file, so no two share a build: they run the build's checks
# in this process (tests/inprocess.py, the hooks' own code), and test_inprocess_agrees.py
# shows a real build printing the same lines, exit code 1 and no traceback.
@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_data_file_stops_the_build_with_its_message(project, fixture):
    kind = fixture.split("-")[0]
    if kind == "timeline":
        project.write("docs/places.yml", PLACES)  # so that place ids can be checked
    project.fixture(f"docs/{kind}.yml", f"data/{fixture}")
    assert problem_lines(project.root) == CASES[fixture]


def test_every_fixture_has_a_case():
    from site_conftest import FIXTURES

    assert sorted(p.name for p in (FIXTURES / "data").glob("*.yml")) == sorted(CASES)


def test_place_named_without_a_places_file(project):
    project.write("docs/timeline.yml", "- date: 2024-06-19\n  theme: treaty\n  place: kursk\n  ja: あ。\n  en: A.\n  sources: [nis-2024-10-18]\n")
    result = project.build()
    assert result.problems == ['docs/timeline.yml:3: unknown place "kursk": docs/places.yml is missing; create it or remove "place"']


def test_marker_without_its_data_file(project):
    add_data(project, "estimates")
    project.remove("docs/estimates.yml")
    result = project.build()
    assert result.code == 1
    assert result.problems == [
        "docs/en/estimates.md:11: <!-- estimates --> needs docs/estimates.yml, which is missing",
        "docs/ja/estimates.md:11: <!-- estimates --> needs docs/estimates.yml, which is missing",
    ]


def test_data_and_page_problems_are_reported_together(project):
    add_data(project, "timeline")
    project.fixture("docs/timeline.yml", "data/timeline-unknown-theme.yml")
    project.fixture("docs/estimates.yml", "data/estimates-low-above-high.yml")
    project.write("docs/ja/about.md", "---\ntitle: 概要\ndescription: x\nas_of: 2024-10-18\n---\n\n# 概要\n\n出典のない文。\n")
    result = project.build()
    assert result.code == 1
    assert "docs/estimates.yml:5: low 12000 is greater than high 10000; put the smaller figure in low" in result.problems
    assert 'docs/timeline.yml:7: unknown theme "war"; use one of: treaty, weapons, deployment, reactions' in result.problems
    assert any(p.startswith("docs/ja/about.md:") for p in result.problems)
