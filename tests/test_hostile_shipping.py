"""Data that shipped wrong without a word (issue 18): an estimate's text with a backslash before a
"|" (or at its end) split its table row, which lost its Sources cell and so its citations; an
abbreviation defined on a page with a citation put the raw [^id] into every <abbr title>.
The first now ships whole (read back from the built table); the second is refused at its line."""

from __future__ import annotations

import re

import pytest
from sitekit import messages as M
from support.batch import GOOD, GOOD_EN
from support.data_helpers import DATA, add_data, article, read
from support.inprocess import problem_lines
from support.project import Project, page

# by (in both languages) -> how its table cell shows it
BY = {
    "NIS\\|": "NIS|",  # the author escaped a pipe: it shows, and the row keeps its cells
    "NIS\\": "NIS\\",  # a text ending with a backslash
    "US \\\\| DoD": "US \\| DoD",  # an escaped backslash, then a pipe of its own
}


def _estimates() -> str:
    text = DATA["docs/estimates.yml"]
    olds = ("{ja: 韓国国家情報院, en: NIS}", "{ja: 米ホワイトハウス, en: White House}", "{ja: 米国防総省, en: US DoD}")
    for old, new in zip(olds, BY, strict=True):
        quoted = new.replace("'", "''")
        text = text.replace(f"by: {old}", f"by: {{ja: '{quoted}', en: '{quoted}'}}", 1)
    return text


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-shipping"))
    add_data(project, "estimates")
    project.write("docs/estimates.yml", _estimates())
    # An abbreviation defined on a page in plain words still works.
    project.write("docs/en/about.md", page("About", "The SBU said so.[^nis-2024-10-18] Reuters reported it.[^reuters-2024-10-18]\n\n"
                                           "*[SBU]: Security Service of Ukraine"))
    result = project.build()
    assert result.code == 0, result.stderr
    return result.site


def _rows(html: str) -> list[str]:
    """The table rows of a page, on one line each, abbreviations unwrapped."""
    return [re.sub(r"</?abbr[^>]*>", "", re.sub(r"\s+", " ", row)) for row in re.findall(r"<tr>.*?</tr>", article(html), re.S)]


@pytest.mark.parametrize("by", sorted(BY))
def test_an_estimates_row_keeps_its_six_cells_and_its_citations(batch, by):
    for rel in ("estimates/index.html", "en/estimates/index.html"):
        rows = [row for row in _rows(read(batch, rel)) if f"<td>{BY[by]}</td>" in row]
        assert len(rows) == 1, (rel, _rows(read(batch, rel)))
        assert rows[0].count("<td") == 6 and re.search(r'<td><sup id="fnref\d*:', rows[0]), rows[0]


def test_an_abbreviation_defined_in_plain_words_on_a_page_works(batch):
    assert '<abbr title="Security Service of Ukraine">SBU</abbr>' in read(batch, "en/about/index.html")


def test_an_abbreviation_defined_with_a_citation_is_refused_at_its_line(tmp_path):
    project = Project(tmp_path)
    body = f"{GOOD_EN}\n\nThe SBU said so.[^reuters-2024-10-18]\n\n*[SBU]: Security Service[^nis-2024-10-18]"
    project.write("docs/en/about.md", page("About", body))
    project.write("docs/ja/about.md", page("概要", f"{GOOD}\n\nロイターも伝えた[^reuters-2024-10-18]。"))
    assert problem_lines(project.root) == [
        ("docs/en/about.md:13: " + M.CITED_ABBREVIATION(name="SBU", citation="[^nis-2024-10-18]"))
    ]
