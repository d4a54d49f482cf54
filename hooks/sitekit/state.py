"""What one build knows, held in one object (`BUILD`) and replaced in one place (`start_build`).

MkDocs imports hook modules once per process and keeps them across the rebuilds of `mkdocs
serve`, and mkdocs-static-i18n builds the other languages inside the default language's
on_post_build: every event fires once per language. So nothing a build learns is kept in a hook
module's globals; it lives on BUILD, which `start_build()` replaces at the start of every build
and rebuild (hooks/citations.py, on_pre_build of the default language's pass). Caches of files
a contributor may edit while serving (labels.yml) are emptied there too.

The one thing kept across builds is `reused()`: renders keyed by a digest of all they are made
from, so that a rebuild after an edit reuses what the edit did not touch and nothing else.

`state.SITE` and `state.ENV` read BUILD.site and BUILD.env (PEP 562: they are not variables of
their own, so there is nothing else to reset).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment
from mkdocs.structure.files import File

from . import i18n, render, reserved
from .datafields import reset_hints
from .datasets import DATASETS
from .mdx import PageInput
from .problems import Problem
from .site import Site
from .translations import Behind

T = TypeVar("T")


@dataclass
class BuildState:
    """Everything one build (both languages) has found and made, for the hooks of every event."""

    site: Site = field(default_factory=lambda: Site(root=Path("."), docs_dir=Path("docs")))
    env: Environment | None = None  # the theme's Jinja environment, with the site's filters (data partials)
    feed_pages: dict[str, dict[str, Any]] = field(default_factory=dict)  # locale -> rel -> PageRecord, as pages render
    behind: dict[tuple[str, str], Behind] = field(default_factory=dict)  # (locale, rel) -> its translation is behind
    shared_files: list[File] = field(default_factory=list)  # docs/assets/ files, kept for the other languages' passes
    root_404: str | None = None  # the default language's 404 page, which stays at the site root
    problems: list[Problem] = field(default_factory=list)  # found so far; the build stops once every page is checked
    templates: str = ""  # digest of the site's templates and labels.yml (render.templates_digest); "" reuses nothing


BUILD = BuildState()


def start_build() -> BuildState:
    """Forget the last build: the one place where per-build state is reset."""
    global BUILD
    BUILD = BuildState()
    reset_hints()
    render.labels.cache_clear()
    reserved.frame_ids.cache_clear()
    return BUILD


# Renders kept across the rebuilds of `mkdocs serve`, for as long as the process lives (not one
# build): charts, map frames, citations. Each is keyed by a digest of everything it is made from
# (its inputs, the build's templates and labels.yml), so an edit to any of them makes a new key
# and is never served stale; the hook code itself is not reloaded by serve. Bounded: the least
# recently used go first.
_REUSED: OrderedDict[str, Any] = OrderedDict()
REUSED_SIZE = 4096


def reused(kind: str, inputs: tuple, make: Callable[[], T]) -> T:
    """make(), or what it made from the same inputs and templates in an earlier build of this
    process. `inputs` must hold everything make() reads besides the templates and labels.yml
    (dataclasses and plain values, whose repr() shows all of their fields)."""
    if not BUILD.templates:  # a build that did not say which templates it uses (the in-process checks)
        return make()
    key = hashlib.blake2b(repr((kind, BUILD.templates, inputs)).encode("utf-8"), digest_size=16).hexdigest()
    if key in _REUSED:
        _REUSED.move_to_end(key)
        return _REUSED[key]
    made = _REUSED[key] = make()
    while len(_REUSED) > REUSED_SIZE:
        _REUSED.popitem(last=False)
    return made


def __getattr__(name: str) -> Any:
    if name == "SITE":
        return BUILD.site
    if name == "ENV":
        return BUILD.env
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def current_locale(config: Any) -> str:
    """The language being built now (sitekit.i18n)."""
    return i18n.current_locale(config)


def is_first_pass(config: Any) -> bool:
    """True in the default language's pass, which starts every build and every rebuild (sitekit.i18n)."""
    return i18n.is_first_pass(config)


def page_key(page: Any) -> tuple[str, str]:
    """(locale, path inside the language folder) of a page, e.g. ("en", "treaty.md")."""
    return i18n.page_key(page.file.src_uri)


def abbreviations(locale: str) -> str:
    """The abbreviation definitions appended to every page of a language (may be empty)."""
    return BUILD.site.abbreviations.get(locale, "")


def citation(source_id: str, locale: str) -> str:
    """The rendered citation of a source, rendered once per build and language; nothing for an
    invalid entry (a known source all the same: the build stops on the entry's own problem)."""
    site, key = BUILD.site, (source_id, locale)
    if source_id not in site.sources:
        return ""
    if key not in site.citations:
        source = site.sources[source_id]
        site.citations[key] = reused("citation", (source, locale), lambda: render.citation(BUILD.env, source, locale))
    return site.citations[key]



def expand(marker: str, locale: str, context: dict) -> str | None:
    """The Markdown a data marker stands for on a page of `locale`; None for an ordinary comment."""
    dataset = DATASETS.get(marker)
    if dataset is None:
        return None
    data = BUILD.site.cites.data.get(marker)
    return "" if data is None else dataset.render(data, locale, context)  # missing data: reported by the checks


def page_input(locale: str, context: dict) -> PageInput:
    """What the site's Markdown extensions need to convert a page of `locale` in this build."""
    return PageInput(
        sources=BUILD.site.known,
        citation=lambda sid: citation(sid, locale),
        expand=lambda marker: expand(marker, locale, context),
    )
