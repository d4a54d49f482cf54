"""The citation contract, checked over both languages at once.

Every rule adds a Problem naming the file, the line and the fix; nothing raises, so a
contributor sees every problem of both languages in one run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .corpus import Page
from .datafields import hint
from .datasets import DATASETS
from .problems import Problem
from .registry import Source

OTHER = {"ja": "en", "en": "ja"}
LANGUAGE_NAME = {"ja": "Japanese", "en": "English"}


@dataclass
class Citations:
    """What each page cites, for rendering footnotes and the sources page."""

    # (locale, rel) -> source id -> number of references rendered on that page
    per_page: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    # pages with a broken citation: their source sets are not compared (one root cause, one message)
    broken: set[tuple[str, str]] = field(default_factory=set)
    data: dict[str, Any] = field(default_factory=dict)  # marker -> loaded data


def _check_refs(page: Page, sources: dict[str, Source], counts: Counter[str], problems: list[Problem], invalid: set[str]) -> None:
    defs = page.scan.definitions
    known = sorted(set(sources) | set(defs))
    note_uses: Counter[str] = Counter()
    for label, line in page.scan.refs:
        if label in sources:
            counts[label] += 1
        elif label in defs:
            note_uses[label] += 1
        elif label not in invalid:
            problems.append(Problem(page.shown, line, f"[^{label}] is not a listed source ({hint(label, known)})"))
    for label, line in page.scan.duplicate_definitions:
        problems.append(Problem(page.shown, line, f"[^{label}] is defined twice on this page; keep one definition"))
    for label, definition in defs.items():
        if label in sources:
            problems.append(
                Problem(
                    page.shown,
                    definition.line,
                    f"[^{label}] is a listed source: delete this hand-written definition, the build writes it from docs/sources.yml",
                )
            )
            continue
        if not note_uses[label]:
            problems.append(
                Problem(page.shown, definition.line, f"note [^{label}] is defined but never cited on this page; cite it or delete it")
            )
        cited = 0
        for ref, line in definition.refs:
            if ref in sources:
                counts[ref] += 1
                cited += 1
            elif ref not in defs and ref not in invalid:
                problems.append(Problem(page.shown, line, f"[^{ref}] is not a listed source ({hint(ref, known)})"))
        if not cited:
            problems.append(
                Problem(page.shown, definition.line, f"note [^{label}] cites no source; add a [^source-id] inside the note")
            )


def _check_page(page: Page, sources: dict[str, Source], cites: Citations, problems: list[Problem], invalid: set[str]) -> None:
    counts: Counter[str] = Counter()
    before = len(problems)
    for what, line in page.scan.unsafe:
        problems.append(
            Problem(page.shown, line, f"raw HTML with {what} is not allowed in content; write plain Markdown instead")
        )
    _check_refs(page, sources, counts, problems, invalid)
    for marker, line in page.scan.markers:
        dataset = DATASETS.get(marker)
        if dataset is None:
            continue  # an ordinary HTML comment
        if marker not in cites.data:
            problems.append(Problem(page.shown, line, f"<!-- {marker} --> needs docs/{dataset.filename}, which is missing"))
            continue
        counts.update(dataset.cited(cites.data[marker]))
    if len(problems) > before:
        cites.broken.add((page.locale, page.rel))
    if page.is_article:
        for line in page.scan.uncited_blocks:
            problems.append(
                Problem(page.shown, line, "this paragraph has no citation; add [^source-id] after the claim it supports")
            )
    cites.per_page[(page.locale, page.rel)] = counts


def _check_pairs(pages: dict[tuple[str, str], Page], cites: Citations, problems: list[Problem]) -> None:
    for (locale, rel), page in sorted(pages.items()):
        other = OTHER.get(locale)
        if other is None:
            continue
        twin = pages.get((other, rel))
        if twin is None:
            problems.append(
                Problem(
                    page.shown,
                    1,
                    f"this page has no {LANGUAGE_NAME[other]} counterpart docs/{other}/{rel}; add it (every page exists in both languages)",
                )
            )
            continue
        if locale != "ja" or {(locale, rel), (other, rel)} & cites.broken:
            continue  # report each differing pair once, from the Japanese side
        mine, theirs = set(cites.per_page[(locale, rel)]), set(cites.per_page[(other, rel)])
        if mine != theirs:
            missing_here = ", ".join(sorted(theirs - mine)) or "none"
            missing_there = ", ".join(sorted(mine - theirs)) or "none"
            problems.append(
                Problem(
                    page.shown,
                    1,
                    f"cites different sources from {twin.shown}: missing here: {missing_here}; missing in {twin.shown}: {missing_there}",
                )
            )


def check_site(
    pages: dict[tuple[str, str], Page],
    sources: dict[str, Source],
    registry_shown: str,
    cites: Citations,
    invalid: set[str] = frozenset(),
) -> list[Problem]:
    """Apply every page and cross-page rule; return all problems."""
    problems: list[Problem] = []
    for page in pages.values():
        _check_page(page, sources, cites, problems, invalid)
    _check_pairs(pages, cites, problems)
    used: set[str] = set()
    for counts in cites.per_page.values():
        used.update(counts)
    for sid, source in sources.items():
        if sid not in used:
            problems.append(
                Problem(registry_shown, source.line, f'source "{sid}" is cited by no page; cite it or remove the entry')
            )
    return problems
