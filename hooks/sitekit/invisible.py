"""Bidirectional controls: invisible characters that reorder the text readers see.

U+202E (RIGHT-TO-LEFT OVERRIDE) in a title, a timeline text or a file name makes what follows
it display backwards; the isolates and embeddings (U+202A–U+202D, U+2066–U+2069) and the marks
(U+200E, U+200F, U+061C) move neighbouring words and punctuation. None of them shows, so a
reviewer reading the diff sees one text and readers another. This site has no right-to-left
text, and markup says a direction where one is needed, so every text a contributor writes is
refused with them: page bodies and front matter (per line), every value and key of the data
files and the registry (yamlfiles), the abbreviation files, and file names.

Other invisible characters are left alone: a zero-width space (U+200B) is a line-break hint in
Japanese and Thai, a zero-width joiner (U+200D) builds emoji and some scripts' ligatures; they
move nothing, and where text must be exact (ids, addresses, file names) stricter rules apply.
"""

from __future__ import annotations

import re
import unicodedata

from . import messages as M
from .problems import Problem

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def describe(char: str) -> str:
    """U+202E (RIGHT-TO-LEFT OVERRIDE)."""
    return f"U+{ord(char):04X} ({unicodedata.name(char)})"


def first(text: str) -> str | None:
    """The first bidirectional control of a text, described, or None."""
    found = BIDI_CONTROLS.search(text)
    return describe(found.group()) if found else None


def line_problem(shown: str, number: int, line: str) -> Problem | None:
    """The problem of one line holding a bidirectional control (the same words for every file)."""
    what = first(line)
    if what is None:
        return None
    return M.INVISIBLE_IN_LINE.at(shown, number, char=what)


def line_problems(text: str, shown: str, first_line: int = 1) -> list[Problem]:
    """One problem for each line of a file holding a bidirectional control."""
    if not BIDI_CONTROLS.search(text):
        return []
    return [p for number, line in enumerate(text.split("\n"), first_line) if (p := line_problem(shown, number, line))]


def name_problem(name: str, shown: str) -> Problem | None:
    """A file whose name holds a bidirectional control (shown escaped in `shown`)."""
    what = first(name)
    if what is None:
        return None
    return M.INVISIBLE_IN_NAME.at(shown, 1, char=what)
