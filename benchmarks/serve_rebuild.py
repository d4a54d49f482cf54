"""How long `mkdocs serve` takes from saving a page to serving the rebuilt page.

Copies the site (configuration, hooks, templates, pages) to a temporary folder, starts
`mkdocs serve --strict` there on a free port, waits for the first build, then RUNS times:
edits one page (a marker word at the start of its first cited paragraph, so the paragraph stays
cited), and polls the page over HTTP until the marker is served. Prints each save-to-served time,
the median, and the build times serve itself logged. Nothing in the checkout is touched.

    .venv/bin/python benchmarks/serve_rebuild.py [--runs 5] [--page treaty]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from site_copy import copy_site  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, timeout: float) -> float | None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if text in fetch(url):
            return time.monotonic()
        time.sleep(0.05)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", default="treaty", help="page name under docs/ja/ to edit")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-rebuild-") as tmp:
        root = copy_site(Path(tmp), docs=True, nav=True)
        port = free_port()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": f"http://127.0.0.1:{port}/"}
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
        server = subprocess.Popen(cmd, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        log: list[str] = []
        threading.Thread(target=lambda: log.extend(server.stdout), daemon=True).start()
        url = f"http://127.0.0.1:{port}/{args.page}/"
        page = root / "docs" / "ja" / f"{args.page}.md"
        try:
            started = time.monotonic()
            if wait_for(url, "</html>", 300) is None:
                print("serve never answered:\n" + "".join(log[-40:]), file=sys.stderr)
                return 1
            print(f"first build served after {time.monotonic() - started:.1f} s")
            times = []
            for run in range(1, args.runs + 1):
                marker = f"zqxrebuild{run}"
                text = page.read_text(encoding="utf-8")
                text = re.sub(r"zqxrebuild\d+", "", text)
                i = text.rindex("\n", 0, text.index("[^", text.index("\n# "))) + 1  # start of the first cited paragraph
                saved = time.monotonic()
                page.write_text(text[:i] + marker + text[i:], encoding="utf-8")
                served = wait_for(url, marker, 120)
                if served is None:
                    print(f"run {run}: the edit was never served:\n" + "".join(log[-40:]), file=sys.stderr)
                    return 1
                times.append(served - saved)
                print(f"run {run}: saved -> served in {served - saved:.2f} s")
                time.sleep(1.0)  # let the watcher settle before the next save
            built = [float(m.group(1)) for line in log if (m := re.search(r"Documentation built in ([\d.]+) seconds", line))]
            print(f"median save -> served: {statistics.median(times):.2f} s over {len(times)} runs "
                  f"(min {min(times):.2f}, max {max(times):.2f})")
            print("build times serve logged (first build, then each rebuild; the i18n plugin logs one per language): "
                  + ", ".join(f"{b:.2f}" for b in built))
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
