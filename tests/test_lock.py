"""The hashed locks (lock/) and their inputs (requirements*.txt): scripts/check_lock.py, which the
Makefile runs before it installs anything, and the Makefile's pip calls.

Each case copies the real inputs and locks into tmp_path, breaks one thing the way a contributor
would (a line added without `make lock`, a pin moved, a line removed, a range instead of a pin, a
lock edited by hand) and asserts the exact message; the real files must pass as they stand.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import check_lock
import pytest

ROOT = Path(__file__).resolve().parents[1]


FIX = "run `make lock` and commit the lock with the input"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    for name in check_lock.INPUTS:
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "lock", tmp_path / "lock")
    return tmp_path


def line_of(path: Path, prefix: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.startswith(prefix):
            return number
    raise AssertionError(f"no line starting with {prefix!r} in {path}")


def test_the_real_locks_match_their_inputs():
    assert check_lock.problems(ROOT) == []


def test_a_line_added_without_make_lock_names_the_line(repo):
    with (repo / "requirements-test.txt").open("a", encoding="utf-8") as f:
        f.write("tomli-w==1.2.0  # TOML writing\n")
    number = len((repo / "requirements-test.txt").read_text(encoding="utf-8").splitlines())
    assert check_lock.problems(repo) == [f"requirements-test.txt:{number}: tomli-w==1.2.0 is not in lock/requirements-test.txt; {FIX}"]


def test_a_moved_pin_names_both_versions(repo):
    source = repo / "requirements.txt"
    source.write_text(source.read_text(encoding="utf-8").replace("Markdown==3.11.3", "Markdown==3.11.4"), encoding="utf-8")
    number = line_of(source, "Markdown==")
    site, test = line_of(repo / "lock/requirements.txt", "markdown=="), line_of(repo / "lock/requirements-test.txt", "markdown==")
    # requirements-test.txt includes requirements.txt (-r), so its lock is stale too: one line each.
    assert check_lock.problems(repo) == [
        f"requirements.txt:{number}: markdown==3.11.4, but lock/requirements.txt:{site} has markdown==3.11.3; {FIX}",
        f"requirements.txt:{number}: markdown==3.11.4, but lock/requirements-test.txt:{test} has markdown==3.11.3; {FIX}",
    ]


def test_a_removed_line_leaves_a_package_nobody_asks_for(repo):
    source = repo / "requirements-test.txt"
    source.write_text(re.sub(r"(?m)^ruff==.*\n", "", source.read_text(encoding="utf-8")), encoding="utf-8")
    number = line_of(repo / "lock/requirements-test.txt", "ruff==")
    assert check_lock.problems(repo) == [
        f"lock/requirements-test.txt:{number}: ruff is locked for requirements-test.txt, which no longer asks for it; {FIX}"
    ]


def test_an_input_line_must_pin_one_release(repo):
    with (repo / "requirements-test.txt").open("a", encoding="utf-8") as f:
        f.write("bibtexparser>=1.4\n")
    number = len((repo / "requirements-test.txt").read_text(encoding="utf-8").splitlines())
    assert check_lock.problems(repo) == [
        f"requirements-test.txt:{number}: 'bibtexparser>=1.4' is not an exact pin; write one release as name==version (and why, in a comment)"
    ]


def test_the_site_lock_must_agree_with_the_test_lock(repo):
    lock = repo / "lock/requirements.txt"
    lock.write_text(lock.read_text(encoding="utf-8").replace("\nclick==8.5.1 ", "\nclick==8.5.0 "), encoding="utf-8")
    number = line_of(lock, "click==")
    assert check_lock.problems(repo) == [
        f"lock/requirements.txt:{number}: click==8.5.0, but lock/requirements-test.txt has 8.5.1 "
        f"(the site's lock takes the test lock's versions); {FIX}"
    ]


def test_a_missing_lock_is_named(repo):
    (repo / "lock/requirements-sdist.txt").unlink()
    assert check_lock.problems(repo) == [f"lock/requirements-sdist.txt: missing; {FIX}"]


def test_the_command_prints_the_problems_and_exits_1(repo):
    with (repo / "requirements.txt").open("a", encoding="utf-8") as f:
        f.write("tomli-w==1.2.0\n")
    number = len((repo / "requirements.txt").read_text(encoding="utf-8").splitlines())
    result = subprocess.run([sys.executable, str(ROOT / "scripts/check_lock.py"), str(repo)],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"requirements.txt:{number}"] * 2, lines
    assert all(line.endswith(FIX) for line in lines)


def test_every_lock_entry_carries_a_hash():
    for lock in sorted((ROOT / "lock").glob("*.txt")):
        entries = re.split(r"\n(?=[A-Za-z])", lock.read_text(encoding="utf-8"))
        packages = [e for e in entries if check_lock.LOCKED.match(e)]
        assert packages, lock
        for entry in packages:
            assert "--hash=sha256:" in entry, f"{lock.name}: {entry.splitlines()[0]}"


def test_every_pip_install_in_the_makefile_checks_hashes_from_a_lock():
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    definition = re.search(r"^PIP_INSTALL = (.*)$", text, re.M)
    assert definition and "--require-hashes" in definition[1] and "--no-build-isolation" in definition[1]
    installs = [line.strip() for line in text.splitlines() if "pip install" in line or "$(PIP_INSTALL)" in line]
    recipes = [line for line in installs if not line.startswith("PIP_INSTALL =")]
    assert len(recipes) >= 4, recipes
    for line in recipes:
        assert "$(PIP_INSTALL)" in line or "--require-hashes" in line, line
        assert re.search(r"-r lock/requirements[-a-z]*\.txt", line), line
