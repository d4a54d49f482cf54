"""The fixtures every suite shares. Built sites have three names:

- `real_site`: the real site (every page of docs/), built strictly once per test run and shared
  by every suite (support.real_site says who builds it);
- `minimal_build`: the valid minimal site of support.project, built once per run, for tests that
  only read it;
- `batch`: a module's own throwaway site, carrying every case of the module, built once
  (support.batch); `project` is a fresh minimal site for a test to break or extend.

The browser and WebKit suites are marked `browser` and `webkit` (make check leaves them out).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import real_site as shared
from support.project import Build, Project

SUITE_MARKERS = {"browser": "browser", "webkit": "webkit"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A suite's marker from its folder: tests/browser/* are `browser`, tests/webkit/* `webkit`.
    for item in items:
        folder = Path(item.fspath).parent.name
        if folder in SUITE_MARKERS:
            item.add_marker(SUITE_MARKERS[folder])


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site (docs/ as it is), built strictly once per test run for real_site.SITE_URL
    and shared by every suite: the reader-side tests read it, the browser tests serve it
    (support.real_site says who builds it; under pytest-xdist one worker does)."""
    workdir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        workdir = workdir.parent  # the run's base directory, the same for every worker
    try:
        return shared.shared_build(workdir / "real-site")
    except shared.BuildFailed as failure:
        pytest.fail(str(failure), pytrace=False)


@pytest.fixture(scope="session")
def minimal_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The valid minimal site of `project`, unchanged, built once per session for the tests
    that only read it (never write into its folder)."""
    return Project(tmp_path_factory.mktemp("base-site")).build()


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A valid minimal site (two sources, three pages per language) to break or extend."""
    return Project(tmp_path)
