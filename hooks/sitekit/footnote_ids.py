"""The ids Python-Markdown's footnotes extension gives a footnote and its references.

`[^nis-2024-10-18]` becomes `<sup id="fnref:nis-2024-10-18">`, its second reference on the page
`fnref2:nis-2024-10-18`, and the note itself `<li id="fn:nis-2024-10-18">`
(FootnoteExtension.makeFootnoteId and makeFootnoteRefId, with the extension's SEPARATOR and
without UNIQUE_IDS, as mkdocs.yml leaves them). Everything that reads or writes these ids (the
checks, the footnote glue, the sources page's back-links) takes them from here, and the build
refuses a configuration that would make the extension write others (`config_problem`).
"""

from __future__ import annotations

import re
from typing import Any

from markdown.extensions.footnotes import FootnoteExtension

# A citation as a page writes it, [^label]: the footnotes extension's own pattern (FOOTNOTE_RE).
CITATION = re.compile(r"\[\^([^\]]*)\]")
_DEFAULTS = FootnoteExtension()
SEPARATOR: str = _DEFAULTS.getConfig("SEPARATOR")
NOTE_PREFIX = f"fn{SEPARATOR}"  # the note: fn:<label>
REF_PREFIX = "fnref"  # a reference: fnref:<label>, then fnref2:<label>, fnref3:<label> …
REF_ID = re.compile(rf"{REF_PREFIX}\d*{re.escape(SEPARATOR)}(.*)")
NOTE_ID = re.compile(rf"{re.escape(NOTE_PREFIX)}(.*)", re.S)


def note_id(label: str) -> str:
    """The id of the footnote itself: fn:<label>."""
    return f"{NOTE_PREFIX}{label}"


def ref_id(label: str, n: int = 1) -> str:
    """The id of the n-th reference to a footnote on its page: fnref:<label>, fnref2:<label> …"""
    return f"{REF_PREFIX}{'' if n == 1 else n}{SEPARATOR}{label}"


def ref_id_pattern(label: str = r"[^\"]*") -> str:
    """A regular expression for any reference id of `label` (a pattern itself; any label by default)."""
    return rf"{REF_PREFIX}\d*{re.escape(SEPARATOR)}{label}"


def config_problem(mdx_configs: dict[str, Any]) -> str | None:
    """Why the footnotes settings of mkdocs.yml would change the ids, or None (a developer's
    configuration error, reported as such, not a content problem)."""
    footnotes = mdx_configs.get("footnotes") or {}
    if footnotes.get("SEPARATOR", SEPARATOR) != SEPARATOR or footnotes.get("UNIQUE_IDS"):
        return ("mkdocs.yml: the footnotes extension's SEPARATOR and UNIQUE_IDS must keep their defaults "
                "(hooks/sitekit/footnote_ids.py reads and writes the ids they make)")
    return None
