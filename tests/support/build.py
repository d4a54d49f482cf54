"""The one way the tests build a site: `mkdocs build --strict` in a child process, as a
contributor runs it (the hooks are imported afresh, so no state of the test process leaks in)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def mkdocs_build(
    root: Path, site_url: str, *, out: Path | None = None, capture: bool = True, timeout: float | None = 300
) -> subprocess.CompletedProcess:
    """Build the site whose mkdocs.yml is in `root` for `site_url` (Pagefind included), into
    `out` (default: root/site); returns the finished process."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", *(["-d", str(out)] if out else [])]
    return subprocess.run(cmd, cwd=root, env=env, capture_output=capture, text=True, timeout=timeout, check=False)
