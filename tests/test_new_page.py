"""`make new-page`: both pages, front matter, H1, nav entry and translation; refusals."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import messages as M

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "new_page.py"
NAV = "nav:\n  - ホーム: index.md\n  - 概要: about.md\n  - 出典一覧: sources.md\n"


def new_page(root: Path, name: str, *options: str) -> subprocess.CompletedProcess:
    # As `make new-page` runs it: options first, then `--` so that a NAME such as -a is a name.
    cmd = [sys.executable, str(SCRIPT), *options, "--root", str(root), "--", name]
    return subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The real mkdocs.yml and pages, copied: the helper edits them, never the checkout."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def test_creates_both_pages_and_nav_entries(repo):
    result = new_page(repo, "casualties", "--title-ja", "死傷者", "--title-en", "Casualties",
                      "--description-ja", "死傷者の推計。", "--description-en", "Casualty estimates.")
    assert result.returncode == 0, result.stderr
    ja = (repo / "docs/ja/casualties.md").read_text(encoding="utf-8")
    en = (repo / "docs/en/casualties.md").read_text(encoding="utf-8")
    assert ja.startswith('---\ntitle: "死傷者"\ndescription: "死傷者の推計。"\nas_of: ') and ja.endswith("---\n\n# 死傷者\n")
    assert 'title: "Casualties"' in en and "\n# Casualties\n" in en
    assert "translation_of: " in ja and "updated: " in ja
    config = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:\n"):]
    assert nav.index("  - 死傷者: casualties.md\n") < nav.index("  - 用語集: glossary.md")
    assert "            死傷者: Casualties\n" in config


def test_new_page_builds_in_both_languages(project):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + NAV, encoding="utf-8")
    result = new_page(project.root, "casualties", "--title-ja", "死傷者", "--title-en", "Casualties",
                      "--description-ja", "死傷者の推計。", "--description-en", "Casualty estimates.")
    assert result.returncode == 0, result.stderr
    build = project.build()
    assert build.code == 0, build.stderr
    assert "translation behind" not in build.stderr
    en = (build.site / "en/casualties/index.html").read_text(encoding="utf-8")
    assert "<h1" in en and "Casualties" in en
    assert (build.site / "casualties/index.html").exists()


def test_without_descriptions_the_build_asks_for_them(project):
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + NAV, encoding="utf-8")
    result = new_page(project.root, "casualties", "--title-ja", "死傷者", "--title-en", "Casualties")
    assert result.returncode == 0
    assert "next: write the description: line of both pages" in result.stdout
    build = project.build()
    assert build.code == 1
    assert build.problems == [
        ("docs/en/casualties.md:3: " + M.FRONT_MATTER_NEEDS(key="description")),
        ("docs/ja/casualties.md:3: " + M.FRONT_MATTER_NEEDS(key="description")),
    ]


@pytest.mark.parametrize("name", ["Casualties", "kursk_offensive", "../x", "a--b", "-a", "a-", "死傷者", ""])
def test_refuses_a_bad_name(repo, name):
    before = (repo / "mkdocs.yml").read_text(encoding="utf-8")
    result = new_page(repo, name, "--title-ja", "死傷者", "--title-en", "Casualties")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        M.NAME_FORM(name=name)
    )
    assert (repo / "mkdocs.yml").read_text(encoding="utf-8") == before


def test_refuses_an_existing_page(repo):
    result = new_page(repo, "treaty", "--title-ja", "条約2", "--title-en", "Treaty 2")
    assert result.returncode == 1
    assert result.stderr.strip() == M.PAGE_EXISTS(path="docs/ja/treaty.md")


def test_refuses_a_title_already_in_the_nav(repo):
    result = new_page(repo, "treaty-2", "--title-ja", "条約", "--title-en", "Treaty 2")
    assert result.returncode == 1
    assert result.stderr.strip() == M.TITLE_TAKEN(title="条約")
    assert not (repo / "docs/ja/treaty-2.md").exists()


def test_refuses_missing_titles_when_not_in_a_terminal(repo):
    result = new_page(repo, "casualties")
    assert result.returncode == 1
    assert result.stderr.strip() == M.TITLES_NEEDED()
    assert not (repo / "docs/ja/casualties.md").exists()


def test_make_target_refuses_a_missing_name():
    result = subprocess.run(["make", "-s", "new-page"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode != 0
    assert "usage: make new-page NAME=casualties" in result.stdout
