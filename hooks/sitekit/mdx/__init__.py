"""The site's Python-Markdown extensions, which run inside every conversion of a page.

Four parts, each a module with its own table, sharing one `Conversion` per page:
- observer (PageRecorder): records what Python-Markdown made of the page, changes nothing;
- registry_footnotes (RegistryFootnotes): writes the footnote of every registry source cited;
- footnote_order (FootnoteOrder): numbers footnotes in reading order (until Python-Markdown
  ships the fix of its issue #1561; delete it then);
- data_markers (DataMarkers): expands `<!-- timeline -->` and the other data markers.

Every processor, with those of Python-Markdown and its extensions that they run between
(preprocessors and treeprocessors run from the highest priority to the lowest):

| Registry | Priority | Name | Module | Must run |
| --- | :-: | --- | --- | --- |
| preprocessors | 35 | `page-recorder-capture` | observer | first: the page's text as given |
| preprocessors | 30 | `normalize_whitespace` | Python-Markdown |  |
| preprocessors | 20 | `html_block` | md_in_html | stashes raw HTML and comments |
| preprocessors | 19.5 | `page-recorder-html` | observer | after html_block; before any data block adds to the stash |
| preprocessors | 19 | `data-markers` | data_markers | after html_block: a marker is a stashed comment |
| preprocessors | 18 | `registry-footnotes` | registry_footnotes | after data-markers: the data blocks cite sources too |
| blockprocessors | 17 | `footnote` (subclass) | observer | upstream's definitions, each recorded |
| treeprocessors | 50 | `footnote` (subclass) | observer | upstream's footnote list, remembered by identity |
| treeprocessors | 20 | `inline` | Python-Markdown | turns [^id] into references |
| treeprocessors | 19 | `footnote-reorder` | footnotes |  |
| treeprocessors | 15 | `footnote-duplicate` | footnotes | adds the back-links of repeated references |
| treeprocessors | 14.5 | `footnote-order` | footnote_order | after footnote-duplicate: every back-link exists |
| treeprocessors | 14 | `page-recorder` | observer | after the footnotes are final; before anything is removed |
| treeprocessors | 13.9 | `registry-unused` | registry_footnotes | after page-recorder has counted the references |
| treeprocessors | 13.8 | `data-unwrap` | data_markers | after page-recorder and registry-unused have read the wrappers |
| treeprocessors | 10 | `prettify` | Python-Markdown |  |
| treeprocessors | 8.5 | `page-recorder-attributes-before` | observer | just before attr_list |
| treeprocessors | 8 | `attr_list` | attr_list | adds what {…} says |
| treeprocessors | 7.5 | `page-recorder-attributes-after` | observer | just after attr_list |
"""

from __future__ import annotations

from markdown.extensions import Extension

from .conversion import Conversion, PageInput, View
from .data_markers import DATASET_ATTR, MARKER, DataMarkers
from .footnote_order import FootnoteOrder
from .observer import PageRecorder
from .registry_footnotes import RegistryFootnotes

__all__ = ["DATASET_ATTR", "MARKER", "Conversion", "PageInput", "PageRecorder", "View", "extensions", "recorder_of"]


def extensions() -> list[Extension]:
    """The site's extensions, to add after those of mkdocs.yml (they build on the footnotes extension)."""
    conversion = Conversion()
    return [PageRecorder(conversion), RegistryFootnotes(conversion), FootnoteOrder(), DataMarkers(conversion)]


def ours(extension: object) -> bool:
    """Whether an extension is one of the site's own."""
    return isinstance(extension, PageRecorder | RegistryFootnotes | FootnoteOrder | DataMarkers)


def recorder_of(extensions: list) -> PageRecorder:
    """The recorder among MkDocs' Markdown extensions (the i18n plugin may have copied the config)."""
    return next(e for e in extensions if isinstance(e, PageRecorder))
