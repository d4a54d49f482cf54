"""`make new-source`: a registry entry appended and checked with the build's own rules."""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import messages as M
from sitekit.registry import TYPES

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "new_source.py"
BASE = (Path(__file__).parent / "fixtures/base-sources.yml").read_text(encoding="utf-8")
GOOD = {
    "--id": "bbc-2024-10-19",
    "--type": "news",
    "--title": 'North Korea: "troops" in Russia',
    "--publisher-ja": "BBC",
    "--publisher-en": "BBC",
    "--published": "2024-10-19",
    "--accessed": "2026-11-22",
    "--language": "en",
    "--origin": "gb",
    "--url": "https://www.bbc.com/news/articles/example",
}
NEW_ENTRY_LINE = 24  # the base registry's 22 lines, a blank line, then the new entry


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/sources.yml").write_text(BASE, encoding="utf-8")
    return tmp_path


def run(repo: Path, **changes: str | None) -> subprocess.CompletedProcess:
    values = {**GOOD, **{f"--{k.replace('_', '-')}": v for k, v in changes.items()}}
    args = [item for key, value in values.items() if value is not None for item in (key, value)]
    cmd = [sys.executable, str(SCRIPT), *args, "--root", str(repo)]
    return subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def registry(repo: Path) -> str:
    return (repo / "docs/sources.yml").read_text(encoding="utf-8")


def test_appends_a_valid_entry_that_the_build_accepts(repo):
    result = run(repo)
    assert result.returncode == 0, result.stderr
    assert f"added bbc-2024-10-19 to docs/sources.yml (line {NEW_ENTRY_LINE}); now cite it: [^bbc-2024-10-19]" in result.stdout
    assert registry(repo) == BASE + (
        "\n- id: bbc-2024-10-19\n  type: news\n"
        '  title: "North Korea: \\"troops\\" in Russia"\n'
        '  publisher: {ja: "BBC", en: "BBC"}\n  published: 2024-10-19\n  accessed: 2026-11-22\n'
        '  url: "https://www.bbc.com/news/articles/example"\n  language: en\n  origin: gb\n'
    )
    from sitekit.registry import load_registry

    loaded, problems = load_registry(repo / "docs/sources.yml", "docs/sources.yml")
    assert problems == []
    assert loaded.sources["bbc-2024-10-19"].title == 'North Korea: "troops" in Russia'


def test_a_source_without_a_publication_date_is_registered_without_one(repo):
    # `published` is optional in the registry (sitekit.registry.OPTIONAL), so it is here too.
    result = run(repo, published=None)
    assert result.returncode == 0, result.stderr
    assert "published:" not in registry(repo).split("- id: bbc-2024-10-19")[1]


def test_values_yaml_would_retype_stay_text(repo):
    result = run(repo, id="no-2024-10-19", title="2024", publisher_ja="no", publisher_en="yes", language="no")
    assert result.returncode == 0, result.stderr
    assert '  title: "2024"\n' in registry(repo)


CASES = {
    "duplicate id": (
        {"id": "nis-2024-10-18"},
        [(f"docs/sources.yml:{NEW_ENTRY_LINE}: " + M.DUPLICATE_ENTRY_ID(noun="id", value="nis-2024-10-18", line=1))],
    ),
    "malformed id": (
        {"id": "BBC_2024"},
        [(f"docs/sources.yml:{NEW_ENTRY_LINE}: " + M.BAD_ID(noun="id", value="BBC_2024", example="nis-2024-10-18"))],
    ),
    "unknown type": (
        {"type": "blog"},
        [
            f"docs/sources.yml:{NEW_ENTRY_LINE + 1}: "
            + M.UNKNOWN_CHOICE(key="type", value="blog", allowed=", ".join(TYPES)),
        ],
    ),
    "impossible date": (
        {"published": "2024-02-30"},
        [(f"docs/sources.yml:{NEW_ENTRY_LINE + 4}: " + M.NOT_A_DATE(key="published", value="2024-02-30", form="YYYY-MM-DD"))],
    ),
    "read before published": (
        {"accessed": "2024-10-01"},
        [
            (f"docs/sources.yml:{NEW_ENTRY_LINE + 5}: " + M.ACCESSED_BEFORE_PUBLISHED(accessed="2024-10-01", published="2024-10-19"))
        ],
    ),
    "plain http": (
        {"url": "http://www.bbc.com/x"},
        [(f"docs/sources.yml:{NEW_ENTRY_LINE + 6}: " + M.NOT_HTTPS(key="url", value="http://www.bbc.com/x"))],
    ),
    "title translated into its own language": (
        {"title_en": "North Korea"},
        [(f"docs/sources.yml:{NEW_ENTRY_LINE + 3}: " + M.TITLE_OWN_LANGUAGE(key="title_en", language="en"))],
    ),
    "unknown language": (
        {"language": "kr"},
        [(f"docs/sources.yml:{NEW_ENTRY_LINE + 7}: " + M.UNKNOWN_LANGUAGE(value="kr"))],
    ),
    "origin not a country code": (
        {"origin": "uk"},
        [(f"docs/sources.yml:{NEW_ENTRY_LINE + 8}: " + M.ORIGIN_MISTAKE(value="uk", fix="gb"))],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_refuses_bad_input_with_the_builds_message_and_writes_nothing(repo, case):
    changes, expected = CASES[case]
    result = run(repo, **changes)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [*expected, "Nothing written: fix the values above and run it again."]
    assert registry(repo) == BASE


def test_missing_arguments_without_a_terminal_are_refused(repo):
    result = run(repo, title=None, language=None)
    assert result.returncode == 2
    assert result.stderr.strip().endswith("error: missing --title, --language")
    assert registry(repo) == BASE


def test_asks_for_missing_fields_in_a_terminal(repo, monkeypatch, capsys):
    import new_source

    answers = iter(["bbc-2024-10-19", "news", "Title", "BBC", "BBC", "en", "gb", "2024-10-19", "", ""])
    monkeypatch.setattr(new_source.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(answers))
    assert new_source.main(["--root", str(repo), "--accessed", "2026-11-22"]) == 0
    assert "- id: bbc-2024-10-19\n  type: news\n  title: \"Title\"\n" in registry(repo)
    assert "url:" not in registry(repo)[len(BASE):]
    assert "  published: 2024-10-19\n" in registry(repo)[len(BASE):]
    assert "  language: en\n  origin: gb\n" in registry(repo)
