"""The citation contract, checked over both languages at once, on what Python-Markdown produced.

Every rule adds a Problem naming the file, the line and the fix; nothing raises, so a
contributor sees every problem of both languages in one run. What a page cites comes from
its View (sitekit.mdx); its SourceLines (sitekit.locate) only say on which line.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from . import footnote_ids, i18n, reserved, sanitize
from . import messages as M
from .corpus import Page
from .datafields import hint
from .datasets import DATASETS
from .problems import Problem
from .registry import Source


@dataclass
class Citations:
    """What each page cites, for rendering footnotes and the sources page."""

    # (locale, rel) -> source id -> number of references rendered on that page
    per_page: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    # pages with a broken citation: their source sets are not compared (one root cause, one message)
    broken: set[tuple[str, str]] = field(default_factory=set)
    data: dict[str, Any] = field(default_factory=dict)  # marker -> loaded data
    failed: set[str] = field(default_factory=set)  # markers whose data file exists but did not validate


def _sourced_notes(edges: dict[str, set[str]], sources: Collection[str]) -> set[str]:
    """Notes that cite a source, directly or through the notes they cite."""
    sourced: set[str] = set()
    changed = True
    while changed:
        changed = False
        for note, cited in edges.items():
            if note not in sourced and any(c in sources or c in sourced for c in cited):
                sourced.add(note)
                changed = True
    return sourced


def _check_notes(page: Page, sources: Collection[str], counts: Counter[str], problems: list[Problem]) -> None:
    view, src = page.view, page.source
    defined = Counter(label for label, ours in view.definitions if not ours)
    notes = {label for label in defined if label not in sources}
    uses: Counter[str] = Counter()
    edges: dict[str, set[str]] = defaultdict(set)
    for label, note in view.refs:
        if label in sources:
            counts[label] += 1
        elif label != note:
            uses[label] += 1
        if note is not None:
            edges[note].add(label)
    for label, times in sorted(defined.items()):
        first = src.definition(label)
        if label in sources:
            problems.append(M.DEFINED_SOURCE.at(page.shown, first, label=label))
            continue
        for _ in range(times - 1):
            problems.append(M.DEFINED_TWICE.at(page.shown, src.definition(label), label=label))
        if not uses[label]:
            problems.append(M.NOTE_UNCITED.at(page.shown, first, label=label))
    sourced = _sourced_notes(edges, sources)
    for label in sorted(notes - sourced):
        problems.append(M.NOTE_WITHOUT_SOURCE.at(page.shown, src.definition(label), label=label))


def check_leftovers(page: Page, sources: Collection[str], problems: list[Problem]) -> None:
    """References that did not become footnotes, each with the reason Python-Markdown gives
    (`sources`: every id the registry lists, valid or not)."""
    view, src = page.view, page.source
    known = set(sources) | {label for label, _ in view.definitions}
    for label in view.unresolved:
        problems.append(M.CITED_UNKNOWN.at(page.shown, src.ref(label), label=label, hint=hint(label, known)))
    for label in view.escaped:
        line = src.find([f"\\[^{label}]", f"[\\^{label}]"], "escaped")
        problems.append(M.ESCAPED.at(page.shown, line, label=label))
    for text in view.lookalikes:
        problems.append(M.LOOKALIKE.at(page.shown, src.find([text], "lookalike"), text=text))
    for label in view.swallowed:
        line = src.find_pattern(rf"(?:!\[|<)[^\n]*\[\^{re.escape(label)}\]", f"swallowed:{label}") or src.ref(label, "swallowed")
        problems.append(M.SWALLOWED.at(page.shown, line, label=label))
    for label in view.in_link:
        line = src.find_pattern(rf"\[[^\]\n]*\[\^{re.escape(label)}\][^\]\n]*\]\(", f"link:{label}") or src.ref(label, "link")
        problems.append(M.IN_LINK.at(page.shown, line, label=label))
    for name, title in view.cited_abbreviations:
        line, cited = src.find([f"*[{name}]:"], f"abbreviation:{name}"), footnote_ids.CITATION.search(title).group()
        problems.append(M.CITED_ABBREVIATION.at(page.shown, line, name=name, citation=cited))
    for label, tag, closed, first in view.raw_html:
        start = src.find([first], "raw-block")
        if closed:
            problems.append(M.IN_RAW_HTML.at(page.shown, src.ref_after(label, start), label=label, tag=tag))
        else:
            problems.append(M.RAW_HTML_UNCLOSED.at(page.shown, start, label=label, tag=tag))


# Each problem is looked for in the page to give its line; a hostile page can carry thousands,
# each a scan of the page. Past this many per page the rest are counted, not listed.
MAX_LISTED = 100


def html_problems(page: Page) -> list[Problem]:
    """What the HTML allowlist would remove from the rendered page, and the markup code acts on
    that the contributor wrote (sitekit.reserved), each at its source line."""
    view, src = page.view, page.source
    # A form control the contributor wrote is refused as an element; its attributes say nothing more.
    refused = sanitize.written_findings(view.written)
    refused_tags = {r.tag for r in refused}
    every = refused + [f for f in sanitize.findings(view.html) if f.tag not in refused_tags]
    # the broken attribute of a citation swallowed by a tag is reported on its own
    found = [f for f in every if not (view.swallowed and "fnref" in f"{f.attribute}{f.value}")]
    removed = {(f.tag, f.attribute, f.value) for f in every}
    reserved_written = reserved.check_written(view.written)
    written = [r for r in reserved_written if (r.tag, r.attribute, r.value) not in removed and r.tag not in refused_tags
               # a citation swallowed by a tag brings its footnote markup along, reported on its own
               and not (view.swallowed and r.value.startswith(("fnref", "footnote-ref")))]
    ids = reserved.check_ids(view.html, {r.value for r in reserved_written if r.kind == "id"})
    problems = [f.problem(page.shown, src.find(f.needles, "html")) for f in found[:MAX_LISTED]]
    rest = [*written, *ids][: max(0, MAX_LISTED - len(problems))]
    problems += [r.problem(page.shown, _reserved_line(page, r)) for r in rest]
    unlisted = len(found) + len(written) + len(ids) - len(problems)
    if unlisted:
        problems.append(M.MORE_HTML_PROBLEMS.at(page.shown, problems[-1].line, count=unlisted))
    return problems


def _html_problems_reused(page: Page) -> list[Problem]:
    """html_problems(page), reused from an earlier build of this process (a rebuild under `mkdocs
    serve`) when the page, its conversion and the templates are the same: most pages are, after
    one edit, and reading every page's HTML again is the checks' largest cost."""
    from . import state  # the build's state imports this module

    view = page.view
    inputs = (page.shown, page.text, view.html, view.written, view.swallowed)
    return list(state.reused("html-problems", inputs, lambda: html_problems(page)))


def _reserved_line(page: Page, found: reserved.Reserved) -> int:
    """The line of markup code acts on: where the value is written, else the heading whose id it is."""
    if found.kind in ("id", "duplicate") and not any(needle in page.text for needle in found.needles[:2]):
        line = page.source.heading(found.value)
        if line:
            return line
    return page.source.find(found.needles, "reserved")


def rendered_problems(page: Page, sources: Collection[str]) -> list[Problem]:
    """The checks that read a page's HTML, for the conversion MkDocs itself makes."""
    problems = html_problems(page)
    check_leftovers(page, sources, problems)
    return problems


def check_page(page: Page, sources: Collection[str], cites: Citations) -> list[Problem]:
    """Every rule over one converted page (page.view); records what it cites in `cites`."""
    counts: Counter[str] = Counter()
    problems: list[Problem] = []
    view, src = page.view, page.source
    problems += _html_problems_reused(page)
    _check_notes(page, sources, counts, problems)
    check_leftovers(page, sources, problems)
    for marker in view.markers:
        if marker not in cites.data and marker not in cites.failed:
            line = src.find([f"<!-- {marker} -->", marker], "marker")
            problems.append(M.MARKER_WITHOUT_DATA.at(page.shown, line, marker=marker, file=DATASETS[marker].filename))
    if problems:
        cites.broken.add((page.locale, page.rel))
    for text, cited in view.blocks:
        line = src.block(text)
        if cited:
            continue
        if "<!--" in text:
            problems.append(M.COMMENT_UNCLOSED.at(page.shown, line))
        elif page.is_article:
            problems.append(M.UNCITED_PARAGRAPH.at(page.shown, line))
    cites.per_page[(page.locale, page.rel)] = counts
    return problems


def _check_pairs(pages: dict[tuple[str, str], Page], cites: Citations, problems: list[Problem]) -> None:
    for (locale, rel), page in sorted(pages.items()):
        other = i18n.other(locale)
        twin = pages.get((other, rel))
        if twin is None:
            language = i18n.languages().english_name(other)
            problems.append(M.NO_COUNTERPART.at(page.shown, 1, language=language, other=other, rel=rel))
            continue
        pair = {(locale, rel), (other, rel)}
        if locale != i18n.default() or pair & cites.broken or not (page.view and twin.view):
            continue  # report each differing pair once, from the default language's side
        mine, theirs = set(cites.per_page[(locale, rel)]), set(cites.per_page[(other, rel)])
        if mine != theirs:
            missing_here = ", ".join(sorted(theirs - mine)) or "none"
            missing_there = ", ".join(sorted(mine - theirs)) or "none"
            problems.append(M.PAIR_DIFFERS.at(page.shown, 1, other=twin.shown, here=missing_here, there=missing_there))


def check_across(pages: dict[tuple[str, str], Page], sources: dict[str, Source], registry_shown: str, cites: Citations) -> list[Problem]:
    """The rules over pages together, once every page has been checked (check_page): both
    languages cite the same sources, and every source is cited somewhere."""
    problems: list[Problem] = []
    _check_pairs(pages, cites, problems)
    used: set[str] = set()
    for counts in cites.per_page.values():
        used.update(counts)
    complete = all(page.view is not None for page in pages.values())
    for sid, source in sources.items():
        if sid not in used and complete:
            problems.append(M.SOURCE_UNCITED.at(registry_shown, source.line, id=sid))
    return problems


def check_site(
    pages: dict[tuple[str, str], Page],
    sources: dict[str, Source],
    registry_shown: str,
    cites: Citations,
    invalid: set[str] = frozenset(),
) -> list[Problem]:
    """Apply every page and cross-page rule; return all problems. A citation of an invalid entry
    (`invalid`) cites a listed source: the entry's own problem is the one to report."""
    known = set(sources) | set(invalid)
    problems = [p for page in pages.values() if page.view is not None for p in check_page(page, known, cites)]
    return problems + check_across(pages, sources, registry_shown, cites)
