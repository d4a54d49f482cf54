"""One validation of the whole site per build, shared by the hooks of every language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .checks import Citations, check_site
from .corpus import Page, read_pages
from .datasets import DATASETS
from .problems import Problem, abort_if_any
from .registry import Source, load_registry
from .textfiles import read_utf8

LOCALES = ["ja", "en"]
REGISTRY = "sources.yml"


@dataclass
class Site:
    """Everything the renderers need once the content has passed every check."""

    root: Path
    docs_dir: Path
    sources: dict[str, Source] = field(default_factory=dict)
    pages: dict[tuple[str, str], Page] = field(default_factory=dict)
    cites: Citations = field(default_factory=Citations)
    site_dir: Path = Path("site")  # the root output folder (the i18n plugin moves config.site_dir)
    abbreviations: dict[str, str] = field(default_factory=dict)  # locale -> Markdown abbr lines
    citations: dict[tuple[str, str], str] = field(default_factory=dict)  # (id, locale) -> rendered HTML


def _shown(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def collect(docs_dir: Path, root: Path) -> tuple[Site, list[Problem]]:
    """Read the registry, the data sets and every page; return the site and all problems."""
    site = Site(root=root, docs_dir=docs_dir)
    registry = docs_dir / REGISTRY
    loaded, problems = load_registry(registry, _shown(registry, root))
    site.sources = loaded.sources
    if problems and not site.sources:
        return site, problems  # without a registry every citation would be reported too
    for marker, dataset in DATASETS.items():
        path = docs_dir / dataset.filename
        if not dataset.filename or path.exists():
            data, found = dataset.load(path, _shown(path, root), site.sources)
            problems.extend(found)
            if data is not None:
                site.cites.data[marker] = data
    site.pages, found = read_pages(docs_dir, root, LOCALES)
    for locale in LOCALES:
        path = root / "includes" / f"abbreviations.{locale}.md"
        if path.exists():
            text, problem = read_utf8(path, _shown(path, root))
            site.abbreviations[locale] = text or ""
            found.extend([problem] if problem else [])
    problems.extend(found)
    problems.extend(check_site(site.pages, site.sources, _shown(registry, root), site.cites, loaded.invalid))
    return site, problems


def validate(docs_dir: Path, root: Path) -> Site:
    """Check everything; stop the build with every problem listed if there is any."""
    site, problems = collect(docs_dir, root)
    abort_if_any(problems)
    return site
