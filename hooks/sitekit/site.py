"""One validation of the whole site per build, shared by the hooks of every language."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import docs_tree, footnote_ids, i18n, invisible, output_paths, sanitize
from . import messages as M
from .checks import Citations, check_across, check_page
from .corpus import Page, read_pages
from .datasets import DATASETS
from .problems import Problem, shown_path
from .registry import Source, load_registry
from .textfiles import read_utf8

REGISTRY = "sources.yml"
ABBREVIATION = re.compile(r"\*\[([^\]\n]+)\]:[ \t]+(\S.*)")


@dataclass
class Site:
    """Everything the renderers need once the content has passed every check."""

    root: Path
    docs_dir: Path
    sources: dict[str, Source] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)  # ids of registry entries that failed validation
    registry_read: bool = False  # False: the registry is missing or not a YAML list (its problem says so)
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    cites: Citations = field(default_factory=Citations)
    site_dir: Path = Path("site")  # the root output folder (the i18n plugin moves config.site_dir)
    abbreviations: dict[str, str] = field(default_factory=dict)  # locale -> Markdown abbr lines
    citations: dict[tuple[str, str], str] = field(default_factory=dict)  # (id, locale) -> rendered HTML
    records: dict[tuple[str, str], Any] = field(default_factory=dict)  # (locale, rel) -> its PageRecord (page_record.record_of)

    @property
    def registry_shown(self) -> str:
        return shown_path(self.docs_dir / REGISTRY, self.root)

    @property
    def known(self) -> dict[str, Source | None]:
        """Every id the registry lists, valid (its Source) or not (None): a citation of any of
        them cites a listed source; an invalid entry's own problem is the one to report."""
        return {**dict.fromkeys(self.invalid), **self.sources}


def _abbreviations(path: Path, shown: str) -> tuple[str, list[Problem]]:
    """An abbreviation file: `*[NIS]: National Intelligence Service` lines, plain text only."""
    text, problem = read_utf8(path, shown)
    if problem:
        return "", [problem]
    problems = invisible.line_problems(text, shown)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        m = ABBREVIATION.fullmatch(line.rstrip())
        if not m:
            problems.append(M.NOT_AN_ABBREVIATION.at(shown, number))
            continue
        for part in m.groups():
            why = M.WHY_CITATION() if footnote_ids.CITATION.search(part) else sanitize.plain_text_problem(part, in_attribute=False)
            if why:
                problems.append(M.ABBREVIATION_NOT_PLAIN.at(shown, number, why=why))
    return text, problems


def collect(
    docs_dir: Path, root: Path, scripts: list[str] | None = None, theme_dirs: list[Path] | None = None
) -> tuple[Site, list[Problem]]:
    """Read the file tree, the registry, the data sets and every page; return the site and its problems.
    `theme_dirs`: the theme's folders, custom_dir first (by default overrides/ and Material's)."""
    site = Site(root=root, docs_dir=docs_dir)
    data_files = {REGISTRY} | {d.filename for d in DATASETS.values() if d.filename}
    locales = i18n.locales()
    problems = docs_tree.check_tree(docs_dir, root, data_files, locales, scripts or [])
    registry = docs_dir / REGISTRY
    loaded, found = load_registry(registry, shown_path(registry, root))
    problems += found
    site.sources, site.invalid, site.registry_read = loaded.sources, loaded.invalid, loaded.read
    # A registry that cannot be read says nothing about any id: the data files' sources are not
    # judged (its own problem is the one to report), and the pages are read all the same.
    known = site.known if site.registry_read else None
    for marker, dataset in DATASETS.items():
        path = docs_dir / dataset.filename
        if dataset.load is None:
            site.cites.data[marker] = site.sources
        elif path.exists():
            data, found = dataset.load(path, shown_path(path, root), known)
            problems += found
            if data is not None:
                site.cites.data[marker] = data
            else:
                site.cites.failed.add(marker)
    site.pages, found = read_pages(docs_dir, root, locales)
    problems += found
    problems += _published_twice(site, root, theme_dirs)
    for locale in locales:
        path = root / "includes" / f"abbreviations.{locale}.md"
        if path.exists():
            text, found = _abbreviations(path, shown_path(path, root))
            site.abbreviations[locale] = "" if found else text  # a broken line would land on every page
            problems += found
    return site, problems


def _published_twice(site: Site, root: Path, theme_dirs: list[Path] | None) -> list[Problem]:
    """Every page, docs/assets/ file, theme file and generated file claims its path under site/."""
    from .feed_entries import feed_path  # it imports the build's state, which imports this module

    if theme_dirs is None:
        import material

        theme_dirs = [root / "overrides", Path(material.__file__).parent / "templates"]
    claims = [c for (locale, rel), page in site.pages.items() for c in output_paths.page_claims(locale, rel, page.shown)]
    assets = site.docs_dir / docs_tree.ASSETS
    claims += [output_paths.Claim(path.relative_to(site.docs_dir).as_posix(), shown_path(path, root), True)
               for path in sorted(assets.rglob("*")) if path.is_file() and not path.name.startswith(".")]
    claims += output_paths.theme_claims(theme_dirs, root)
    downloads = [name for marker, data in site.cites.data.items() if DATASETS[marker].downloads
                 for name in DATASETS[marker].downloads(data)]
    claims += output_paths.site_claims({locale: feed_path(locale) for locale in i18n.locales()}, downloads)
    return output_paths.clashes(claims)


def read(
    docs_dir: Path, root: Path, *, scripts: list[str] | None = None, theme_dirs: list[Path] | None = None,
    nav: object = None, config_file: Path | None = None,
) -> list[Problem]:
    """Read everything and check what needs no conversion: the files, the registry, the data
    sets, every page's front matter, and the nav (when there is a config file). The site read
    becomes the build's (state.BUILD.site)."""
    from . import state  # the build's state imports this module

    site, problems = collect(docs_dir, root, scripts, theme_dirs)
    state.BUILD.site = site
    if config_file is not None:
        problems += docs_tree.check_nav(config_file, root, nav, set(site.pages), i18n.locales())
    return problems


def check_rest(site: Site, markdown: tuple[list, dict[str, Any]], files: Any = None) -> list[Problem]:
    """Convert every readable page that has no conversion yet (`markdown`: MkDocs' extensions
    and their settings), check each, then apply the rules across pages; every problem found.
    The build converts each page once, as MkDocs writes it (hooks/citations.py); this converts
    the pages MkDocs has not reached when the build stops early, and every page in the tests."""
    from .prerender import converted  # it converts with the build's state, which imports this module

    if not site.registry_read:  # every citation would be reported too
        return []
    problems = [p for key in converted(site, *markdown, files) for p in check_page(site.pages[key], site.known, site.cites)]
    return problems + check_across(site.pages, site.sources, site.registry_shown, site.cites)


def validate(
    docs_dir: Path, root: Path, markdown: tuple[list, dict[str, Any]], *, scripts: list[str] | None = None,
    theme_dirs: list[Path] | None = None, files: Any = None, nav: object = None, config_file: Path | None = None,
) -> list[Problem]:
    """Every check over every page of both languages, each converted as MkDocs converts it:
    what the build reports, in one call (the in-process tests; the build itself spreads it over
    its events, hooks/citations.py)."""
    from . import state

    problems = read(docs_dir, root, scripts=scripts, theme_dirs=theme_dirs, nav=nav, config_file=config_file)
    return problems + check_rest(state.BUILD.site, markdown, files)
