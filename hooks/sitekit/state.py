"""Per-build state shared by the hook modules (reset on the first pass of every build)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from . import render
from .datasets import DATASETS
from .mdx import PageInput
from .site import Site

SITE: Site = Site(root=Path("."), docs_dir=Path("docs"))
ENV: Environment | None = None
ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def current_locale(config: MkDocsConfig) -> str:
    """The language being built now, as the i18n plugin sees it."""
    plugin = config.plugins.get("i18n")
    return plugin.current_language if plugin else "ja"


def is_first_pass(config: MkDocsConfig) -> bool:
    """True in the default language's pass, which starts every build and every rebuild."""
    plugin = config.plugins.get("i18n")
    return plugin is None or plugin.current_language == plugin.default_language


def page_key(page: Page) -> tuple[str, str]:
    """(locale, path inside the language folder) of a page, e.g. ("en", "treaty.md")."""
    locale, _, rel = page.file.src_uri.partition("/")
    return locale, rel


def abbreviations(locale: str) -> str:
    """The abbreviation definitions appended to every page of a language (may be empty)."""
    return SITE.abbreviations.get(locale, "")


def citation(source_id: str, locale: str) -> str:
    """The rendered citation of a source, rendered once per build and language."""
    key = (source_id, locale)
    if key not in SITE.citations:
        SITE.citations[key] = render.citation(ENV, SITE.sources[source_id], locale)
    return SITE.citations[key]


def once(key: tuple[str, ...], make: Callable[[], T]) -> T:
    """make(), computed once per build for this key (the build's Site holds the result)."""
    if key not in SITE.once:
        SITE.once[key] = make()
    return SITE.once[key]


def expand(marker: str, locale: str, context: dict) -> str | None:
    """The Markdown a data marker stands for on a page of `locale`; None for an ordinary comment."""
    dataset = DATASETS.get(marker)
    if dataset is None:
        return None
    data = SITE.cites.data.get(marker)
    return "" if data is None else dataset.render(data, locale, context)  # missing data: reported by the checks


def page_input(locale: str, context: dict) -> PageInput:
    """What the Markdown recorder needs to convert a page of `locale` in this build."""
    return PageInput(
        sources=SITE.sources,
        citation=lambda sid: citation(sid, locale),
        expand=lambda marker: expand(marker, locale, context),
    )
