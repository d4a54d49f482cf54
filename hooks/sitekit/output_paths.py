"""Where everything is published, and the rule that no two sources are published in one place.

MkDocs writes each page, each file under docs/assets/ and each file of the theme to a path
under site/, and our hooks add their own files (the feeds, the data downloads, the cite files
beside each page, the search index). Two of them at one path, or a file where another source
needs a folder, end in a silent overwrite (docs/ja/en.md is replaced by the English home page;
a docs/assets/ file replaces Material's own of the same name, and MkDocs says nothing) or in a
traceback half way through writing (a page published at feed.xml/). Every source here claims
its paths before anything is written; a clash is refused naming both sources.

A page's file name is the slug the site's addresses use: lowercase a–z, 0–9 and single hyphens,
then `.md`, directly in its language folder (the nav, the corrections log, `make new-page` and
the cite files all name pages this way). Anything else (`feed.xml.md`, a quote or a line break
that would land in attributes and cite files, a sub-folder such as docs/ja/en/) is refused.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from mkdocs.utils import markdown_extensions

from . import i18n
from . import messages as M
from .problems import Problem

PAGE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md")  # the slug rule of ids and NAME, then .md
# What MkDocs leaves out of a theme's folders (mkdocs.structure.files.Files.add_files_from_theme).
THEME_SKIP = [".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
              *(f"*{suffix}" for suffix in markdown_extensions)]
# Written by MkDocs and the theme whatever the pages are: the sitemap and the static templates.
SITE_FILES = {"sitemap.xml": "MkDocs' sitemap", "sitemap.xml.gz": "MkDocs' sitemap", "404.html": "the 404 page",
              "robots.txt": "the theme's robots.txt"}
# Folders our hooks or plugins fill after the pages are written. search/: Material's search
# plugin writes its index there when it is enabled (the site uses Pagefind, but a page named
# search would be shadowed the day it comes back).
SITE_FOLDERS = {"pagefind/": "the search index (Pagefind)", "search/": "Material's search index"}


@dataclass(frozen=True)
class Claim:
    """One path under site/ (a folder when it ends with "/") and who writes it."""

    path: str
    owner: str  # the source as a message names it: docs/ja/en.md, the theme's assets/…
    reported: bool  # a file under docs/ (or the nav's page): a clash is reported on it


def name_problem(rel: str, shown: str) -> Problem | None:
    """Why a page's path inside its language folder is not a page name (at `shown`), or None."""
    if "/" in rel:
        return M.PAGE_IN_SUBFOLDER.at(shown, 1, name=slug(rel.rsplit("/", 1)[1]))
    if not PAGE_NAME.fullmatch(rel):
        return M.PAGE_NAME.at(shown, 1, name=slug(rel))
    return None


def slug(name: str) -> str:
    """The nearest page name to a file name: lowercase ASCII words joined by hyphens, then .md."""
    stem = name[: -len(".md")] if name.lower().endswith(".md") else name
    words = re.findall(r"[a-z0-9]+", stem.lower())
    return ("-".join(words) or "page") + ".md"


def page_claims(locale: str, rel: str, shown: str) -> list[Claim]:
    """Where a page is published: its folder (the page and its cite files), or index.html."""
    path = i18n.page_path(locale, rel)
    if rel.removesuffix(".md") == "index":
        return [Claim(f"{path}index.html", shown, True)]  # its cite files, if any, sit beside it: no one else writes cite.*
    return [Claim(path, shown, True)]


def theme_claims(theme_dirs: Iterable[Path], root: Path) -> list[Claim]:
    """The theme's static files, as MkDocs picks them (the first theme folder holding a path wins)."""
    seen: dict[str, Claim] = {}
    for folder in theme_dirs:
        name = _theme_name(folder, root)
        # The installed theme does not change during a build or a serve session: read it once.
        files = _theme_files(folder) if folder.is_relative_to(root) else _installed_theme_files(str(folder))
        for rel in files:
            seen.setdefault(rel, Claim(rel, f"{name}{rel}", False))
    return list(seen.values())


def _theme_files(folder: Path) -> list[str]:
    """The files MkDocs would publish from one theme folder (dot-folders not even entered)."""
    found = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d != "__pycache__"]
        prefix = os.path.relpath(here, folder).replace(os.sep, "/")
        for name in files:
            rel = name if prefix == "." else f"{prefix}/{name}"
            if not any(fnmatch.fnmatch(rel.lower(), pattern) for pattern in THEME_SKIP):
                found.append(rel)
    return sorted(found)


@lru_cache(maxsize=8)
def _installed_theme_files(folder: str) -> list[str]:
    return _theme_files(Path(folder))


def _theme_name(folder: Path, root: Path) -> str:
    return f"{folder.relative_to(root).as_posix()}/" if folder.is_relative_to(root) else "the theme's "


def site_claims(feeds: dict[str, str], downloads: Iterable[str]) -> list[Claim]:
    """What MkDocs, the theme, the plugins and our hooks write besides pages and docs/ files."""
    claims = [Claim(path, owner, False) for path, owner in SITE_FILES.items()]
    claims += [Claim(f"{i18n.prefix(locale)}404.html", "the 404 page", False) for locale in i18n.locales()[1:]]
    claims += [Claim(path, owner, False) for path, owner in SITE_FOLDERS.items()]
    claims += [Claim(path, f"the Atom feed ({locale})", False) for locale, path in feeds.items()]
    claims += [Claim(name, "a data download", False) for name in downloads]
    return claims


def clashes(claims: list[Claim]) -> list[Problem]:
    """One problem for each contributor's file published where another source is, naming both.

    A clash is reported on the contributor's file; between two of them, on the one whose folder
    holds the other's path (docs/ja/en.md, not every English page). Of a file's clashes, the one
    with another contributor's file is named first, a file before a folder (what would be overwritten)."""
    files: dict[str, Claim] = {}
    folders: dict[str, Claim] = {}
    found: dict[str, list[tuple[bool, bool, str, str, Claim]]] = {}

    def clash(inner: Claim, outer: Claim, where: str) -> None:
        # `outer` holds `where`, the path (or folder) that `inner` also needs.
        if inner.owner == outer.owner:
            return
        mine, theirs = (outer, inner) if outer.reported else (inner, outer)
        if mine.reported:
            found.setdefault(mine.owner, []).append((not theirs.reported, theirs.path.endswith("/"), theirs.path, where, theirs))

    for claim in sorted(claims, key=lambda c: (c.path, c.owner)):
        table = folders if claim.path.endswith("/") else files
        if claim.path in table:
            clash(claim, table[claim.path], claim.path)
        table.setdefault(claim.path, claim)
    for claim in [*folders.values(), *files.values()]:
        if not claim.path.endswith("/") and f"{claim.path}/" in folders:
            clash(folders[f"{claim.path}/"], claim, claim.path)
        parts = claim.path.rstrip("/").split("/")
        for depth in range(1, len(parts)):
            above = "/".join(parts[:depth])
            if f"{above}/" in folders:
                clash(claim, folders[f"{above}/"], f"{above}/")
            elif above in files:
                clash(claim, files[above], f"{above}/")
    problems = []
    for owner, options in sorted(found.items()):
        *_, where, theirs = min(options, key=lambda o: o[:4])
        what = M.THIS_PAGE() if owner.endswith(".md") else M.THIS_FILE()
        problems.append(M.PUBLISHED_TWICE.at(owner, 1, what=what, where=where, other=theirs.owner, other_path=theirs.path))
    return problems
