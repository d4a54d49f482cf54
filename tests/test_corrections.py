"""The corrections log: data validated with line-numbered messages, rendered in each language."""

from __future__ import annotations

import pytest
from data_helpers import unglue
from inprocess import problem_lines
from site_conftest import page

LOG = "docs/corrections.yml"
CASES = {
    "unknown-page.yml": [
        f'{LOG}:2: "page: treaty.md" is not a page of both languages; use a file name from docs/ja/ and docs/en/, e.g. treaty.md'
    ],
    "impossible-date.yml": [f'{LOG}:1: "date: 2024-02-30" is not a real date; write it as YYYY-MM-DD'],
    "future-date.yml": [f'{LOG}:1: "date: 2999-01-01" is in the future; only dates that have passed belong here'],
    "missing-english-text.yml": [f'{LOG}:1: entry 1 (2024-10-20) is missing the required field "en"'],
    "text-not-text.yml": [f'{LOG}:4: "en" must be non-empty text; put the value in quotes'],
    "unknown-source.yml": [
        f'{LOG}:5: source "reuters-2024-1018" is not a listed source (did you mean reuters-2024-10-18?)'
    ],
    "sources-not-a-list.yml": [f'{LOG}:5: "sources" must list at least one source id: sources: [nis-2024-10-18]'],
    "unknown-field.yml": [f'{LOG}:5: unknown field "reason"; allowed fields are date, id, page, ja, en, sources'],
    "not-a-list.yml": [f"{LOG}:1: the file must be a YAML list of corrections, each starting with '- date: …'"],
    "empty-file.yml": [f"{LOG}:1: the file is empty; write [] when there is nothing yet, or add one ('- date: …')"],
    "entry-not-a-mapping.yml": [f"{LOG}:1: entry 1 is not a mapping of fields; start it with '- date: …'"],
    "missing-id.yml": [f'{LOG}:1: entry 1 (2024-10-20) is missing the required field "id"'],
    "duplicate-id.yml": [f'{LOG}:10: duplicate correction id "2024-10-20-1" (first defined on line 5); give each entry its own correction id'],
    "malformed-id.yml": [f'{LOG}:5: correction id "Fix_1" may contain only lowercase a–z, 0–9 and single hyphens, e.g. 2026-12-08-1'],
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
        "docs/en/corrections.md:9: <!-- corrections --> needs docs/corrections.yml, which is missing",
        "docs/ja/corrections.md:9: <!-- corrections --> needs docs/corrections.yml, which is missing",
    ]
