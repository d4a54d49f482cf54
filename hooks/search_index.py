"""MkDocs hook: build the Pagefind search index once, after the last language pass.

Pagefind's extended binary (pip package pagefind_bin_extended) segments Japanese, so readers
can type 派兵された without spaces. It writes one index per <html lang>, so a search on an
English page finds English pages. It indexes only what sits inside data-pagefind-body
(overrides/main.html): not the skip link, the navigation or the 404 page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from sitekit import state

# Not the words of the page: footnotes and reference numbers (the citation text repeats on every
# page), heading permalinks ("¶"), the "as of" line, and the sources page's back-links and ids.
EXCLUDE = ".footnote, sup[id^=\"fnref\"], .headerlink, .page-as-of, .cited-in, .source-id"


# Material's own search (lunr and its worker) is never loaded here: don't publish it.
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in [f for f in files if f.src_uri.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/search."))]:
        files.remove(file)
    return files


SERVING = False  # this process runs `mkdocs serve`: a rebuild does not wait for Pagefind
INDEXER: subprocess.Popen | None = None  # under serve, the indexer started after the last build
NICER = 10  # how much lower than the build the background indexer runs (POSIX nice steps)


def on_startup(command: str, dirty: bool) -> None:
    global SERVING
    SERVING = command == "serve"


# A rebuild empties the site folder the indexer may still be writing into: stop it first.
def on_pre_build(config: MkDocsConfig) -> None:
    _stop_indexer()


def on_shutdown() -> None:
    _stop_indexer()


def _stop_indexer() -> None:
    global INDEXER
    if INDEXER is not None and INDEXER.poll() is None:
        INDEXER.terminate()
        INDEXER.wait()
    INDEXER = None


# Under mkdocs-static-i18n the other languages are built inside the default language's
# on_post_build (priority -100), with plugin.building set; running after it, outside those
# inner passes, is running once after every page of every language exists (serve included).
@event_priority(-300)
def on_post_build(config: MkDocsConfig) -> None:
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return
    site = Path(state.SITE.site_dir)
    command = [*indexer(), "--site", str(site), "--exclude-selectors", EXCLUDE, "--quiet"]
    if SERVING:
        _index_in_background(command)
        return
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not (site / "pagefind" / "pagefind-ui.js").exists():
        raise Abort(f"Pagefind could not index {site}: {(done.stderr or done.stdout).strip()} (is pagefind[extended] installed? make install)")


def indexer() -> list[str]:
    """Pagefind's own binary, started directly (the package's `python -m` entry only finds and
    execs it: a Python start-up saved on every rebuild); the module form if it cannot be found,
    so that the build reports a missing install as before."""
    try:
        from pagefind_bin_extended import get_executable

        return [str(get_executable())]
    except (ImportError, FileNotFoundError):
        return [sys.executable, "-m", "pagefind_bin_extended"]


def _index_in_background(command: list[str]) -> None:
    """While serving, the rebuilt page is served at once and search catches up a few seconds
    later (indexing the whole site took about a third of a rebuild).

    Nothing waits for it: the build returns as soon as the indexer is started, after every page
    is written, and `mkdocs serve` then serves the new pages. The indexer runs at a lower
    priority, so the page a contributor reloads (and the next rebuild) are not slowed by it on
    a machine with few cores; the next rebuild stops it (on_pre_build) before emptying the site."""
    global INDEXER
    _stop_indexer()
    lower = {"creationflags": subprocess.BELOW_NORMAL_PRIORITY_CLASS} if os.name == "nt" else {}
    INDEXER = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **lower)
    if hasattr(os, "setpriority"):  # POSIX: set from here (a preexec_fn is unsafe in serve's threads)
        try:
            os.setpriority(os.PRIO_PROCESS, INDEXER.pid, min(os.getpriority(os.PRIO_PROCESS, 0) + NICER, 19))
        except OSError:
            pass  # it has already ended, or the system refuses: it runs at our priority

