"""What the helper scripts share: where the project is, and the build's own code (hooks/sitekit)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The helpers validate with the build's code itself, never a copy of its rules.
sys.path.insert(0, str(ROOT / "hooks"))


from sitekit.messages import Message  # noqa: E402 - after the path is set


class Refusal(Exception):
    """A helper refuses to go on: one message of the catalogue (sitekit.messages)."""

    def __init__(self, message: Message, **fields: object) -> None:
        super().__init__(message(**fields))
        self.message, self.fields = message, fields


def fail(message: Message, **fields: object) -> int:
    """Print a refusal on stderr, its code first (there is no file and line to name); return the exit status."""
    print(message(**fields), file=sys.stderr)
    return 1
