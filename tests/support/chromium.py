"""Where the Chromium for the tests and benchmarks is, and the flags it runs with.

Debian installs /usr/bin/chromium; Ubuntu (GitHub's ubuntu-latest) has google-chrome on the PATH
and a chromium-browser that may be a snap stub. The first that exists wins: the CHROMIUM
variable, then chromium, chromium-browser, google-chrome on the PATH. Playwright drives it
with executable_path; never `playwright install` (it downloads browsers).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from support.project import ROOT

NODE_MODULES = ROOT / "node_modules"  # axe-core and vnu-jar, from package-lock.json
DESKTOP = {"width": 1280, "height": 900}  # the viewport of the suites' desktop contexts
NAMES = ("chromium", "chromium-browser", "google-chrome")
# The flags this machine needs (GUIDE section 4): without the networking ones Chromium floods
# the closed network. Playwright gives every launch a fresh, empty --user-data-dir of its own.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium(environ: dict[str, str] | None = None) -> str | None:
    """The Chromium to launch: $CHROMIUM if set (a path or a name on the PATH), else the first
    of NAMES on the PATH; None when there is none."""
    env = os.environ if environ is None else environ
    path = env.get("PATH", os.defpath)
    given = env.get("CHROMIUM")
    if given:
        found = given if Path(given).is_file() and os.access(given, os.X_OK) else shutil.which(given, path=path)
        return found
    for name in NAMES:
        found = shutil.which(name, path=path)
        if found:
            return found
    return None
