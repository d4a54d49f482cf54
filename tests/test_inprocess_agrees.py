"""The in-process checks (tests/support/inprocess.py) print what a real strict build prints.

The one-case-per-file tests of the registry, data files and corrections log run the build's
checks in this process: each case replaces a whole file, so no two cases can share a build,
and a build each cost about 3 s. These real builds carry defects of every such kind at once and
hold the two outputs side by side: same lines, exit code 1, no traceback, a summary line.

The build converts each page once, as MkDocs writes it, and stops where it first knows of a
problem (hooks/citations.py): before converting anything (a file that cannot be read), once the
Japanese pages are converted (a Japanese page), or once every page is (an English page, or the
two languages citing different sources), after the Japanese pages were written. Every way
lists every problem of both languages, and leaves no file in the site folder.
"""

from __future__ import annotations

import pytest
from support.inprocess import problem_lines
from support.project import page

BUILDS = {
    # A broken registry stops the checks early (every citation would be reported otherwise).
    "registry": {"docs/sources.yml": "registry/duplicate-id.yml"},
    "data-and-pages": {
        "docs/timeline.yml": "data/timeline-out-of-order.yml",
        "docs/estimates.yml": "data/estimates-low-above-high.yml",
        "docs/places.yml": "data/places-duplicate-id.yml",
        "docs/corrections.yml": "corrections/unknown-source.yml",
        "docs/ja/about.md": "pages/unknown-id-with-close-match.md",
    },
    # Issue 18's rules: markup code acts on, addresses as a browser reads them, invisible controls.
    "markup-addresses-and-controls": {
        "docs/ja/about.md": "pages/markup-code-acts-on-and-deceptive-addresses.md",
        "docs/timeline.yml": "data/timeline-bidirectional-control.yml",
    },
    # Only conversions find these: the build stops after the Japanese pass's conversions ...
    "japanese-page": {"docs/ja/about.md": "pages/uncited-paragraph.md"},
    "both-languages": {"docs/ja/about.md": "pages/reference-without-definition.md", "docs/en/about.md": "pages/uncited-paragraph.md"},
    # ... or after the English pass's, with the Japanese pages written and then removed.
    "english-page": {"docs/en/about.md": "pages/uncited-paragraph.md"},
    "languages-differ": {"docs/ja/about.md": "pages/cites-fewer-sources-than-english.md"},
}


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_real_build_prints_what_the_inprocess_checks_find(project, name):
    if "docs/corrections.yml" in BUILDS[name]:  # the log's pages (without the log, their markers are problems)
        project.write("docs/ja/corrections.md", page("訂正履歴", "<!-- corrections -->", article=False))
        project.write("docs/en/corrections.md", page("Corrections", "<!-- corrections -->", article=False))
    for rel, fixture in BUILDS[name].items():
        project.fixture(rel, fixture)
    expected = problem_lines(project.root)
    files = {line.split(":", 1)[0] for line in expected}
    assert set(BUILDS[name]) <= files, f"every defective file is reported in process: {expected}"
    result = project.build()
    assert result.code == 1
    assert "Traceback" not in result.stderr
    assert result.problems == expected
    noun = "problem" if len(expected) == 1 else "problems"
    assert result.stderr.strip().splitlines()[-1] == f"Build stopped: {len(expected)} {noun} in the content (see CONTRIBUTING.md)."
    assert [path for path in result.site.rglob("*") if path.is_file()] == [], "a stopped build leaves nothing to deploy"
