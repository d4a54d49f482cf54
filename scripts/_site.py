"""What the helper scripts share: where the project is, and the build's own code (hooks/sitekit)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The helpers validate with the build's code itself, never a copy of its rules.
sys.path.insert(0, str(ROOT / "hooks"))


def fail(message: str) -> int:
    """Print a refusal on stderr, in the build's words; return the exit status."""
    print(message, file=sys.stderr)
    return 1
