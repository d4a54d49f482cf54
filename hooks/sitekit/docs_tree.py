"""Every file under docs/ is a checked page, a known data file or a known asset type, or it is refused.

MkDocs publishes whatever docs/ holds: a `.markdown` page, a `docs/extra.md` outside the
language folders, a page under a symbolic link or a raw `docs/assets/extra.html` would all
ship, script included, without passing the citation and HTML checks. Files MkDocs itself never
publishes (names starting with a dot) are left alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from . import invisible
from . import messages as M
from .output_paths import name_problem
from .problems import Problem, printable, shown_path

PAGE_SUFFIX = ".md"
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif", ".ico", ".css", ".js", ".woff2"}
ASSETS = "assets"
# A stylesheet under docs/assets/ may not fetch from another host.
CSS_REMOTE = re.compile(r"@import|url\(\s*['\"]?\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def _classify(rel: str, data_files: set[str], locales: Iterable[str]) -> tuple[M.Message, dict[str, str]] | None:
    """Why a file at this path (relative to docs/) is refused (its message and fields), or None if it belongs there."""
    parts = rel.split("/")
    suffix = Path(rel).suffix.lower()
    if parts[0] in locales:
        if suffix == PAGE_SUFFIX and rel.endswith(PAGE_SUFFIX):
            return None  # a page: its name is checked by output_paths.name_problem
        if suffix in OTHER_MARKDOWN:
            return M.OTHER_MARKDOWN_SUFFIX, {"name": Path(rel).with_suffix(".md").name}
        return M.NOT_A_PAGE_IN_LANGUAGE_FOLDER, {}
    if len(parts) == 1:
        if rel in data_files:
            return None
        if suffix in (".yml", ".yaml"):
            return M.UNKNOWN_DATA_FILE, {"files": ", ".join(sorted(data_files))}
        if suffix == PAGE_SUFFIX or suffix in OTHER_MARKDOWN:
            return M.PAGE_OUTSIDE_LANGUAGE_FOLDERS, {}
    if parts[0] == ASSETS:
        if suffix in ASSET_SUFFIXES:
            return None
        return M.UNKNOWN_ASSET_TYPE, {"suffixes": ", ".join(sorted(ASSET_SUFFIXES))}
    return M.OUTSIDE_KNOWN_FOLDERS, {}


def _symlink(shown: str) -> Problem:
    return M.SYMBOLIC_LINK.at(shown, 1)


def check_tree(docs_dir: Path, root: Path, data_files: set[str], locales: Iterable[str], scripts: Iterable[str] = ()) -> list[Problem]:
    """Every problem with the set of files under docs/ (not their contents, except stylesheets)."""
    problems: list[Problem] = []
    locales = set(locales)
    listed_scripts = {str(s) for s in scripts}  # a path, or an entry with its path and loading options
    for here, dirs, files in os.walk(docs_dir, followlinks=False):
        base = Path(here)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                problems.append(_symlink(shown_path(base / name, root)))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(files):
            path = base / name
            if name.startswith("."):
                continue  # MkDocs never publishes dotfiles
            shown = shown_path(path, root)
            if path.is_symlink():
                problems.append(_symlink(shown))
                continue
            rel = path.relative_to(docs_dir).as_posix()
            why = _classify(rel, data_files, locales)
            locale, _, inside = rel.partition("/")
            if why:
                problems.append(why[0].at(printable(shown), 1, **why[1]))
            elif locale in locales and (bad_name := name_problem(inside, printable(shown))):
                problems.append(bad_name)
            elif control := invisible.name_problem(rel, printable(shown)):
                problems.append(control)
            elif rel.endswith(".js") and rel not in listed_scripts:
                problems.append(M.SCRIPT_NOT_LISTED.at(shown, 1))
            elif rel.endswith(".css"):
                problems.extend(_stylesheet(path, shown))
    return problems


def _stylesheet(path: Path, shown: str) -> list[Problem]:
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.split("\n"), 1):
        if CSS_REMOTE.search(line):
            return [M.STYLESHEET_REMOTE.at(shown, number)]
    return []


def _nav_files(nav: object) -> list[str]:
    """The page files a MkDocs nav names (titles and nesting dropped; external links skipped)."""
    if isinstance(nav, str):
        return [] if "://" in nav else [nav]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in _nav_files(value)]
    if isinstance(nav, list):
        return [f for item in nav for f in _nav_files(item)]
    return []


def check_nav(config_file: Path, root: Path, nav: object, pages: set[tuple[str, str]], locales: Iterable[str]) -> list[Problem]:
    """Each nav entry of mkdocs.yml names a page that exists in every language, at the entry's line."""
    problems: list[Problem] = []
    lines = config_file.read_text(encoding="utf-8").split("\n") if config_file.is_file() else []
    shown = shown_path(config_file, root)
    for rel in _nav_files(nav):
        missing = [locale for locale in locales if (locale, rel) not in pages]
        if not missing:
            continue
        line = next((i + 1 for i, text in enumerate(lines) if re.search(rf":\s*['\"]?{re.escape(rel)}['\"]?\s*$", text)), 1)
        where = " and ".join(f"docs/{locale}/{rel}" for locale in missing)
        problems.append(M.NAV_WITHOUT_PAGE.at(shown, line, rel=rel, where=where, name=rel.removesuffix(".md")))
    return problems
