"""The corrections log: data validated with line-numbered messages, rendered in each language."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.data_helpers import unglue
from support.inprocess import problem_lines
from support.project import page

LOG = "docs/corrections.yml"
CASES = {
    "unknown-page.yml": [
        (f"{LOG}:2: " + M.NOT_A_PAGE(name="treaty.md"))
    ],
    "impossible-date.yml": [(f"{LOG}:1: " + M.NOT_A_DATE(key="date", value="2024-02-30", form="YYYY-MM-DD"))],
    "future-date.yml": [(f"{LOG}:1: " + M.FUTURE_DATE(key="date", value="2999-01-01"))],
    "missing-english-text.yml": [(f"{LOG}:1: " + M.MISSING_FIELD(entry=M.ENTRY_NAMED(number=1, name="2024-10-20"), key="en"))],
    "text-not-text.yml": [(f"{LOG}:4: " + M.NOT_TEXT(key="en"))],
    "unknown-source.yml": [
        (f"{LOG}:5: " + M.SOURCE_NOT_LISTED(id="reuters-2024-1018", hint=M.DID_YOU_MEAN(name="reuters-2024-10-18")))
    ],
    "sources-not-a-list.yml": [(f"{LOG}:5: " + M.NO_SOURCES(key="sources"))],
    "unknown-field.yml": [(f"{LOG}:5: " + M.UNKNOWN_FIELD(key="reason", allowed="date, id, page, ja, en, sources"))],
    "not-a-list.yml": [(f"{LOG}:1: " + M.FILE_NOT_LIST(what="correction", first="date"))],
    "empty-file.yml": [(f"{LOG}:1: " + M.FILE_EMPTY(advice=M.WRITE_EMPTY_LIST(), first="date"))],
    "entry-not-a-mapping.yml": [(f"{LOG}:1: " + M.ENTRY_NOT_MAPPING(number=1, first="date"))],
    "missing-id.yml": [(f"{LOG}:1: " + M.MISSING_FIELD(entry=M.ENTRY_NAMED(number=1, name="2024-10-20"), key="id"))],
    "duplicate-id.yml": [(f"{LOG}:10: " + M.DUPLICATE_ENTRY_ID(noun="correction id", value="2024-10-20-1", line=5))],
    "malformed-id.yml": [(f"{LOG}:5: " + M.BAD_ID(noun="correction id", value="Fix_1", example="2026-12-08-1"))],
}


def with_log_pages(project) -> None:
    project.write("docs/ja/corrections.md", page("訂正履歴", "<!-- corrections -->", article=False))
    project.write("docs/en/corrections.md", page("Corrections", "<!-- corrections -->", article=False))


@pytest.mark.parametrize("fixture", sorted(CASES))
def test_bad_log_stops_the_build_with_its_message(project, fixture):
    with_log_pages(project)
    project.fixture(LOG, f"corrections/{fixture}")  # in this process, as in test_data_errors.py
    assert [p for p in problem_lines(project.root) if p.startswith(LOG)] == CASES[fixture]


def test_empty_log_renders_no_corrections_line(project):
    with_log_pages(project)
    project.write(LOG, "# no corrections yet\n[]\n")
    result = project.build()
    assert result.code == 0, result.stderr
    assert "これまでに訂正はない。" in unglue((result.site / "corrections/index.html").read_text(encoding="utf-8"))
    assert "No corrections so far." in (result.site / "en/corrections/index.html").read_text(encoding="utf-8")


def test_correction_renders_date_page_link_text_and_footnote(project):
    with_log_pages(project)
    project.fixture(LOG, "corrections/one-correction-with-source.yml")
    result = project.build()
    assert result.code == 0, result.stderr
    ja = unglue((result.site / "corrections/index.html").read_text(encoding="utf-8"))
    en = unglue((result.site / "en/corrections/index.html").read_text(encoding="utf-8"))
    assert "2024年10月20日" in ja and 'href="../about/"' in ja and "派遣人数の記述を訂正した。" in ja
    assert "20 October 2024" in en and 'href="../about/"' in en and "Corrected the number of troops sent." in en
    assert 'id="fn:reuters-2024-10-18"' in ja and 'id="fn:reuters-2024-10-18"' in en


def test_marker_without_the_log_is_reported(project):
    with_log_pages(project)
    result = project.build()
    assert result.code == 1
    assert result.problems == [
        ("docs/en/corrections.md:9: " + M.MARKER_WITHOUT_DATA(marker="corrections", file="corrections.yml")),
        ("docs/ja/corrections.md:9: " + M.MARKER_WITHOUT_DATA(marker="corrections", file="corrections.yml")),
    ]
