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

from .problems import Problem

PAGE_SUFFIX = ".md"
OTHER_MARKDOWN = (".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif", ".ico", ".css", ".js", ".woff2"}
ASSETS = "assets"
# A stylesheet under docs/assets/ may not fetch from another host.
CSS_REMOTE = re.compile(r"@import|url\(\s*['\"]?\s*(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def _classify(rel: str, data_files: set[str], locales: Iterable[str]) -> str | None:
    """Why a file at this path (relative to docs/) is refused, or None if it belongs there."""
    parts = rel.split("/")
    suffix = Path(rel).suffix.lower()
    if parts[0] in locales:
        if suffix == PAGE_SUFFIX and rel.endswith(PAGE_SUFFIX):
            return None
        if suffix in OTHER_MARKDOWN:
            return f"pages are .md files; rename it to {Path(rel).with_suffix('.md').name}"
        return "only .md pages belong in the language folders; put images and other files under docs/assets/"
    if len(parts) == 1:
        if rel in data_files:
            return None
        if suffix in (".yml", ".yaml"):
            return f"unknown data file; the data files are {', '.join(sorted(data_files))}"
        if suffix == PAGE_SUFFIX or suffix in OTHER_MARKDOWN:
            return "pages live in docs/ja/ and docs/en/ (make new-page NAME=… creates both)"
    if parts[0] == ASSETS:
        if suffix in ASSET_SUFFIXES:
            return None
        return f"docs/assets/ holds only {', '.join(sorted(ASSET_SUFFIXES))} files; a page or HTML file here would ship unchecked"
    return "docs/ holds the language folders, the data files and assets/ only; move the file or delete it"


def _symlink(shown: str) -> Problem:
    return Problem(shown, 1, "a symbolic link under docs/ is not allowed (it would publish files from elsewhere); copy the file or folder in instead")


def check_tree(docs_dir: Path, root: Path, data_files: set[str], locales: Iterable[str], scripts: Iterable[str] = ()) -> list[Problem]:
    """Every problem with the set of files under docs/ (not their contents, except stylesheets)."""
    problems: list[Problem] = []
    locales = set(locales)
    listed_scripts = {str(s) for s in scripts}  # a path, or an entry with its path and loading options
    for here, dirs, files in os.walk(docs_dir, followlinks=False):
        base = Path(here)
        for name in sorted(dirs):
            if (base / name).is_symlink():
                problems.append(_symlink(_shown(base / name, root)))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (base / d).is_symlink())
        for name in sorted(files):
            path = base / name
            if name.startswith("."):
                continue  # MkDocs never publishes dotfiles
            shown = _shown(path, root)
            if path.is_symlink():
                problems.append(_symlink(shown))
                continue
            rel = path.relative_to(docs_dir).as_posix()
            why = _classify(rel, data_files, locales)
            if why:
                problems.append(Problem(shown, 1, f"this file would be published without being checked: {why}"))
            elif rel.endswith(".js") and rel not in listed_scripts:
                problems.append(Problem(shown, 1, "a script under docs/assets/ must be listed in mkdocs.yml (extra_javascript); this one is not"))
            elif rel.endswith(".css"):
                problems.extend(_stylesheet(path, shown))
    return problems


def _stylesheet(path: Path, shown: str) -> list[Problem]:
    text = path.read_text(encoding="utf-8", errors="replace")
    for number, line in enumerate(text.split("\n"), 1):
        if CSS_REMOTE.search(line):
            return [Problem(shown, number, ("a stylesheet may not import or load from another address (@import, "
                "url(https://…)); use files under docs/assets/"))]
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
    shown = _shown(config_file, root)
    for rel in _nav_files(nav):
        missing = [locale for locale in locales if (locale, rel) not in pages]
        if not missing:
            continue
        line = next((i + 1 for i, text in enumerate(lines) if re.search(rf":\s*['\"]?{re.escape(rel)}['\"]?\s*$", text)), 1)
        where = " and ".join(f"docs/{locale}/{rel}" for locale in missing)
        problems.append(Problem(shown, line, (f'the nav entry "{rel}" has no page {where}; '
            f'create it (make new-page NAME={rel.removesuffix(".md")}) or remove the entry')))
    return problems
