"""Each defective data file (timeline, estimates, places) stops the build with one exact,
line-numbered message; the fixture files are named after the defect they contain."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.data_helpers import PLACES, add_data
from support.inprocess import problem_lines

CASES = {
    "timeline-not-a-list.yml": [("docs/timeline.yml:1: " + M.FILE_NOT_LIST(what="event", first="date"))],
    "timeline-empty.yml": [("docs/timeline.yml:1: " + M.FILE_EMPTY(advice=M.ADD_ONE(what="event"), first="date"))],
    "timeline-entry-not-a-mapping.yml": [("docs/timeline.yml:6: " + M.ENTRY_NOT_MAPPING(number=2, first="date"))],
    "timeline-missing-field.yml": [("docs/timeline.yml:1: " + M.MISSING_FIELD(
                                       entry=M.ENTRY_NAMED(number=1, name="2024-06-19"),
                                       key="sources",
                                   ))],
    "timeline-unknown-field.yml": [("docs/timeline.yml:5: " + M.UNKNOWN_FIELD(key="source", allowed="date, theme, ja, en, sources, place"))],
    "timeline-impossible-date.yml": [
        ("docs/timeline.yml:1: " + M.NOT_A_DATE(key="date", value="2024-02-30", form="YYYY-MM-DD, or YYYY-MM when only the month is known"))
    ],
    "timeline-impossible-month.yml": [
        ("docs/timeline.yml:1: " + M.NOT_A_DATE(key="date", value="2024-13", form="YYYY-MM-DD, or YYYY-MM when only the month is known"))
    ],
    "timeline-future-date.yml": [("docs/timeline.yml:1: " + M.FUTURE_DATE(key="date", value="2999-01-01"))],
    "timeline-unknown-theme.yml": [("docs/timeline.yml:7: " + M.UNKNOWN_CHOICE(
                                       key="theme",
                                       value="war",
                                       allowed="treaty, weapons, deployment, reactions",
                                   ))],
    "timeline-empty-text.yml": [("docs/timeline.yml:3: " + M.EMPTY_FIELD(key="ja"))],
    "timeline-unknown-source.yml": [("docs/timeline.yml:5: " + M.SOURCE_NOT_LISTED(
                                        id="nis-2024-1018",
                                        hint=M.DID_YOU_MEAN(name="nis-2024-10-18"),
                                    ))],
    "timeline-source-listed-twice.yml": [("docs/timeline.yml:8: " + M.SOURCE_TWICE(id="nis-2024-10-18"))],
    "timeline-no-sources.yml": [("docs/timeline.yml:5: " + M.NO_SOURCES(key="sources"))],
    "timeline-unknown-place.yml": [("docs/timeline.yml:3: " + M.UNKNOWN_PLACE(place="pyongyan", hint=M.DID_YOU_MEAN(name="pyongyang")))],
    "timeline-unsafe-html.yml": [
        ("docs/timeline.yml:4: " + M.TEXT_HTML(key="en", what='<a href="javascript:alert(1)">'))
    ],
    "timeline-bidirectional-control.yml": [
        ("docs/timeline.yml:3: " + M.INVISIBLE_IN_LINE(char="U+202E (RIGHT-TO-LEFT OVERRIDE)"))
    ],
    "timeline-citation-in-text.yml": [("docs/timeline.yml:3: " + M.TEXT_CITES(key="ja"))],
    "timeline-out-of-order.yml": [("docs/timeline.yml:11: " + M.OUT_OF_ORDER(date="2024-06-19", before="2024-10", line=6))],
    "estimates-unknown-measure.yml": [
        ("docs/estimates.yml:9: " + M.UNKNOWN_CHOICE(
            key="measure",
            value="troops",
            allowed=("troops-sent, troops-present, casualties, killed, wounded, captured, shells, containers, "
                     "weapons, workers"),
        ))
    ],
    "estimates-unknown-qualifier.yml": [("docs/estimates.yml:5: " + M.UNKNOWN_CHOICE(
                                            key="qualifier",
                                            value="roughly",
                                            allowed="exact, about, at-least, more-than, up-to",
                                        ))],
    "estimates-low-above-high.yml": [("docs/estimates.yml:5: " + M.LOW_ABOVE_HIGH(low=12000, high=10000))],
    "estimates-non-integer.yml": [("docs/estimates.yml:4: " + M.NOT_WHOLE_NUMBER(key="low", value="1.5", example=10000))],
    "estimates-figure-with-separator.yml": [("docs/estimates.yml:4: " + M.NOT_WHOLE_NUMBER(key="low", value="10,000", example=10000))],
    "estimates-month-only-date.yml": [("docs/estimates.yml:6: " + M.NOT_A_DATE(key="as_of", value="2024-11", form="YYYY-MM-DD"))],
    "estimates-future-date.yml": [("docs/estimates.yml:6: " + M.FUTURE_DATE(key="as_of", value="2999-11-04"))],
    "estimates-by-not-bilingual.yml": [("docs/estimates.yml:7: " + M.NOT_BILINGUAL(key="by"))],
    "estimates-missing-field.yml": [("docs/estimates.yml:1: " + M.MISSING_FIELD(
                                        entry=M.ENTRY_NAMED(number=1, name="troops-sent"),
                                        key="as_of",
                                    ))],
    "estimates-unknown-source.yml": [
        ("docs/estimates.yml:8: " + M.SOURCE_NOT_LISTED(id="reuters-2024-10-81", hint=M.DID_YOU_MEAN(name="reuters-2024-10-18")))
    ],
    "estimates-unsafe-html.yml": [
        ("docs/estimates.yml:8: " + M.TEXT_HTML(key="note", what="<script>"))
    ],
    "estimates-missing-counts.yml": [("docs/estimates.yml:9: " + M.MISSING_FIELD(
                                         entry=M.ENTRY_NAMED(number=2, name="troops-sent"),
                                         key="counts",
                                     ))],
    "estimates-misspelt-counts.yml": [
        ("docs/estimates.yml:10: " + M.UNKNOWN_TERM(
            key="counts",
            value="todate",
            close="to-date",
            allowed="to-date, one-group, planned, in-russia, at-front, one-period",
        ))
    ],
    "estimates-unknown-counts.yml": [
        ("docs/estimates.yml:2: " + M.UNKNOWN_CHOICE(
            key="counts",
            value="cumulative",
            allowed="to-date, one-group, planned, in-russia, at-front, one-period",
        ))
    ],
    "estimates-counts-not-for-measure.yml": [
        ("docs/estimates.yml:10: " + M.COUNTS_MISFIT(counts="at-front", measure="killed", allowed="to-date, one-period"))
    ],
    "estimates-missing-estimator.yml": [("docs/estimates.yml:1: " + M.MISSING_FIELD(
                                            entry=M.ENTRY_NAMED(number=1, name="troops-sent"),
                                            key="estimator",
                                        ))],
    "estimates-misspelt-estimator.yml": [
        ("docs/estimates.yml:11: " + M.UNKNOWN_TERM(
            key="estimator",
            value="NIS",
            close="nis",
            allowed=("nis, rok-jcs, rok-gov, us-gov, zelensky, ukr-gur, ukr-gov, uk-di, dprk, russia, msmt, "
                     "media, independent"),
        ))
    ],
    "estimates-unknown-estimator.yml": [
        ("docs/estimates.yml:3: " + M.UNKNOWN_CHOICE(
            key="estimator",
            value="yonhap",
            allowed=("nis, rok-jcs, rok-gov, us-gov, zelensky, ukr-gur, ukr-gov, uk-di, dprk, russia, msmt, "
                     "media, independent"),
        ))
    ],
    "places-not-a-list.yml": [("docs/places.yml:1: " + M.FILE_NOT_LIST(what="place", first="id"))],
    "places-duplicate-id.yml": [("docs/places.yml:8: " + M.DUPLICATE_ENTRY_ID(noun="place id", value="pyongyang", line=1))],
    "places-malformed-id.yml": [
        ("docs/places.yml:1: " + M.BAD_ID(noun="place id", value="Pyong_Yang", example="kursk"))
    ],
    "places-outside-map.yml": [("docs/places.yml:4: " + M.OUTSIDE_MAP(lat="43.06", lon="141.35", west=30, east=140, south=35, north=60))],
    "places-coordinate-not-a-number.yml": [("docs/places.yml:4: " + M.NOT_DEGREES(key="lat", value="51°44′N", low=-90, high=90))],
    "places-missing-role.yml": [("docs/places.yml:1: " + M.MISSING_FIELD(entry=M.ENTRY_NAMED(number=1, name="kursk"), key="role"))],
    "places-unknown-source.yml": [("docs/places.yml:7: " + M.SOURCE_NOT_LISTED(id="nis", hint=M.ADD_SOURCE()))],
    "places-route-not-a-number.yml": [("docs/places.yml:8: " + M.NOT_WHOLE_NUMBER(key="route", value="first", example=1))],
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
    from support.project import FIXTURES

    assert sorted(p.name for p in (FIXTURES / "data").glob("*.yml")) == sorted(CASES)


def test_place_named_without_a_places_file(project):
    project.write("docs/timeline.yml", "- date: 2024-06-19\n  theme: treaty\n  place: kursk\n  ja: あ。\n  en: A.\n  sources: [nis-2024-10-18]\n")
    result = project.build()
    assert result.problems == [("docs/timeline.yml:3: " + M.NO_PLACES_FILE(place="kursk"))]


def test_marker_without_its_data_file(project):
    add_data(project, "estimates")
    project.remove("docs/estimates.yml")
    result = project.build()
    assert result.code == 1
    assert result.problems == [
        ("docs/en/estimates.md:11: " + M.MARKER_WITHOUT_DATA(marker="estimates", file="estimates.yml")),
        ("docs/ja/estimates.md:11: " + M.MARKER_WITHOUT_DATA(marker="estimates", file="estimates.yml")),
    ]


def test_data_and_page_problems_are_reported_together(project):
    add_data(project, "timeline")
    project.fixture("docs/timeline.yml", "data/timeline-unknown-theme.yml")
    project.fixture("docs/estimates.yml", "data/estimates-low-above-high.yml")
    project.write("docs/ja/about.md", "---\ntitle: 概要\ndescription: x\nas_of: 2024-10-18\n---\n\n# 概要\n\n出典のない文。\n")
    result = project.build()
    assert result.code == 1
    assert ("docs/estimates.yml:5: " + M.LOW_ABOVE_HIGH(low=12000, high=10000)) in result.problems
    assert ("docs/timeline.yml:7: " + M.UNKNOWN_CHOICE(key="theme", value="war", allowed="treaty, weapons, deployment, reactions")) in result.problems
    assert any(p.startswith("docs/ja/about.md:") for p in result.problems)
