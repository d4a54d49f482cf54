"""The build's checks run in this process, on a small docs tree: for property tests that try
hundreds of inputs, where a throwaway build each (seconds) would be far too slow. The code is
the build's own (hooks/sitekit), with the Markdown extensions of the real mkdocs.yml."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import cite_page  # noqa: F401
import corrections  # noqa: F401
import estimates  # noqa: F401
import map  # noqa: F401
import sources_page  # noqa: F401
import timeline  # noqa: F401
from jinja2 import Environment, FileSystemLoader
from sitekit import render, state
from sitekit.problems import Problem
from sitekit.site import Site, validate
from support.project import ROOT

# The hook modules that register data sets and template globals, as MkDocs imports them.


@lru_cache(maxsize=1)
def markdown_settings() -> tuple[list, dict]:
    """The Markdown extensions and their settings, as mkdocs.yml gives them to MkDocs."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return list(config.markdown_extensions), dict(config.mdx_configs)


@lru_cache(maxsize=1)
def _templates() -> Environment:
    return render.install_filters(Environment(loader=FileSystemLoader(str(ROOT / "overrides"))))


def check_tree(root: Path) -> tuple[Site, list[Problem]]:
    """Every problem the build would report for root/docs (the file tree, data and pages)."""
    build = state.start_build()
    build.env = _templates()
    problems = validate(root / "docs", root, markdown_settings())
    return build.site, problems


def problem_lines(root: Path) -> list[str]:
    """The compiler-form lines a strict build of root would print, sorted and once each, as
    `abort_if_any` prints them (tests/test_inprocess_agrees.py holds the two side by side)."""
    return [str(p) for p in sorted(set(check_tree(root)[1]))]
