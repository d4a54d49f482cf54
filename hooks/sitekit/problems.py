"""Problems found in contributors' files, reported all at once in compiler form."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click
from mkdocs.exceptions import Abort


class ContentError(Abort):
    """Stops the build with our message only (no traceback), on stderr like a compiler."""

    def show(self, *args: object, **kwargs: object) -> None:
        click.echo("\n" + self.format_message(), err=True)


@dataclass(frozen=True, order=True)
class Problem:
    """One defect in a contributor's file: where it is, its code and what to do about it. Made by
    a message of the catalogue (sitekit.messages: `CITED_UNKNOWN.at(path, line, …)`), never by hand."""

    path: str
    line: int
    code: str  # the message's code in the catalogue, e.g. C104 (problems of one line are listed in its order)
    message: str  # the words, filled in

    def __post_init__(self) -> None:
        # Every message is one of the catalogue's, with its code: none can be written elsewhere.
        from .messages import CATALOGUE  # the catalogue builds problems: it imports this module

        if self.code not in CATALOGUE or not CATALOGUE[self.code].pattern.fullmatch(self.message):
            raise ValueError(f"{self.code} {self.message!r} is not a message of sitekit/messages.py")

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


def shown_path(path: Path, root: Path) -> str:
    """A file as messages name it: relative to the project (docs/ja/treaty.md), else in full."""
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()


def printable(text: str) -> str:
    """A contributor's text as a message may show it: every character a terminal would not show
    as itself (line breaks, controls, bidirectional and zero-width marks) written as \\uXXXX, so
    that a file name or value cannot break the file:line form or reorder the message."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def abort_if_any(problems: list[Problem]) -> None:
    """Stop the build, printing every problem once, sorted by file and line."""
    if not problems:
        return
    unique = sorted(set(problems))
    noun = "problem" if len(unique) == 1 else "problems"
    body = "\n".join(str(p) for p in unique)
    raise ContentError(f"{body}\nBuild stopped: {len(unique)} {noun} in the content (see CONTRIBUTING.md).")
