"""Reading contributors' text files: UTF-8 only, with a clear message otherwise."""

from __future__ import annotations

from pathlib import Path

from . import messages as M
from .problems import Problem


def read_utf8(path: Path, shown: str) -> tuple[str | None, Problem | None]:
    """Return the file's text, or a problem naming the first byte that is not UTF-8."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        byte = data[err.start]
        return None, M.NOT_UTF8.at(shown, line, byte=byte)
    if text.startswith("\ufeff"):
        text = text[1:]
    # Universal newlines, as MkDocs reads pages: a file saved with CR only is still lines.
    return text.replace("\r\n", "\n").replace("\r", "\n"), None
