"""A copy of the site's configuration, hooks and templates in another folder, for the tests'
throwaway sites and the build benchmark (one place decides what a working copy needs)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAV = re.compile(r"^nav:\n(?:[ \t]+.*\n|\n)*", re.M)


def copy_site(dest: Path, *, docs: bool, nav: bool) -> Path:
    """Copy mkdocs.yml, hooks/, overrides/, includes/ (and docs/ when asked) into `dest`.

    Without `nav`, the copy's mkdocs.yml has no nav: a site with its own few pages then
    gets a nav derived from them instead of one pointing at pages it lacks.
    """
    folders = ["hooks", "overrides", "includes"] + (["docs"] if docs else [])
    for name in folders:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (dest / "mkdocs.yml").write_text(config if nav else NAV.sub("", config), encoding="utf-8")
    return dest
