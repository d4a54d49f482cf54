"""Nu HTML checker (vnu.jar) finds no error in any built page of either language."""

from __future__ import annotations

import json
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest
from support.chromium import NODE_MODULES
from support.site_page import PAGES, SitePage, ids

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="module")
def vnu_errors(served_site) -> dict[Path, list[dict]]:
    """Run the checker once over every HTML file of the built site; errors by file."""
    assert VNU.exists(), f"{VNU} is missing: run `npm ci`"
    files = sorted(served_site.dir.rglob("*.html"))
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)], capture_output=True, text=True, timeout=300
    )
    report = json.loads(done.stderr or done.stdout)  # vnu writes its report to stderr
    errors: dict[Path, list[dict]] = defaultdict(list)
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error"):
            errors[Path(message.get("url", "").removeprefix("file:"))].append(message)
    return errors


def describe(label: str, messages: list[dict]) -> str:
    return "\n".join(f"  {label}:{m.get('lastLine', '?')}: {m['message']}" for m in messages)


@pytest.mark.parametrize("site_page", PAGES, ids=ids(PAGES))
def test_nu_html_checker_reports_no_errors(site_page: SitePage, served_site, vnu_errors):
    found = vnu_errors.get(served_site.file(site_page).resolve(), [])
    if found:
        pytest.fail(f"{len(found)} Nu HTML checker errors in {site_page.html_file}:\n{describe(site_page.html_file, found)}", pytrace=False)


def test_nu_html_checker_reports_no_errors_in_other_html_files(served_site, vnu_errors):
    page_files = {served_site.file(p).resolve() for p in PAGES}
    others = {f: m for f, m in vnu_errors.items() if f not in page_files}
    if others:
        root = served_site.dir.resolve()
        pytest.fail("\n".join(describe(str(f.relative_to(root)), m) for f, m in sorted(others.items())), pytrace=False)
