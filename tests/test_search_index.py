"""Pagefind under `mkdocs serve` (hooks/search_index.py): the rebuild does not wait for the
indexer, the indexer starts only once the rebuilt pages are written, it runs below the build's
priority, and the next rebuild stops it before it empties the site folder.

The indexer here is a stand-in that records what it found on disk when it started and then
runs until stopped; benchmarks/serve_rebuild.py shows the same with the real Pagefind (the
edit is served, then search catches up)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import search_index

# Writes the text of the page it finds (what it would index) to its first argument's file,
# then works "forever" (the real indexer takes a few seconds; this one waits to be stopped).
STAND_IN = "import pathlib, sys, time; pathlib.Path(sys.argv[1]).write_text(pathlib.Path(sys.argv[2]).read_text()); time.sleep(600)"


@pytest.fixture
def serving(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "en" / "treaty").mkdir(parents=True)
    page = site / "en" / "treaty" / "index.html"
    seen = tmp_path / "seen.txt"
    monkeypatch.setattr(search_index.state, "SITE", SimpleNamespace(site_dir=str(site)))
    monkeypatch.setattr(search_index, "indexer", lambda: [sys.executable, "-c", STAND_IN, str(seen), str(page)])
    search_index.on_startup("serve", dirty=False)
    yield SimpleNamespace(page=page, seen=seen, config=SimpleNamespace(plugins={}))
    search_index.on_shutdown()
    search_index.on_startup("build", dirty=False)


def _wait_for(path: Path) -> str:
    end = time.monotonic() + 60
    while time.monotonic() < end:
        if path.exists() and path.read_text():
            return path.read_text()
        time.sleep(0.05)
    raise AssertionError(f"the indexer never started: {path} was not written")


def test_the_rebuild_returns_while_pagefind_still_indexes_the_pages_it_wrote(serving):
    serving.page.write_text("edited page")  # MkDocs writes every page before on_post_build
    search_index.on_post_build(serving.config)
    indexer = search_index.INDEXER
    assert indexer is not None and indexer.poll() is None  # the build returned; the indexer runs on
    assert _wait_for(serving.seen) == "edited page"  # it started on the pages as rebuilt


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="POSIX priorities")
def test_the_indexer_runs_below_the_builds_priority(serving):
    serving.page.write_text("page")
    search_index.on_post_build(serving.config)
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    assert os.getpriority(os.PRIO_PROCESS, search_index.INDEXER.pid) == min(ours + search_index.NICER, 19)


def test_the_next_rebuild_stops_the_indexer_before_emptying_the_site(serving):
    serving.page.write_text("first save")
    search_index.on_post_build(serving.config)
    first = search_index.INDEXER
    _wait_for(serving.seen)
    search_index.on_pre_build(serving.config)  # the next save: MkDocs empties the site folder after this
    assert first.poll() is not None and search_index.INDEXER is None
    serving.seen.unlink()
    serving.page.write_text("second save")
    search_index.on_post_build(serving.config)
    assert _wait_for(serving.seen) == "second save"
