"""What each page feature weighs in the built HTML: the cite-this-page block, the structured
data (JSON-LD), the feed links, the phrase breaks (<wbr>), the estimates charts and the map SVGs.

Reads a built site (by default it builds the real site into a temporary folder) and prints,
per page and language, the bytes of each feature as published and gzipped on its own, beside the
page's own size. Compare two builds (say, before and after a change) with --site twice.

    .venv/bin/python benchmarks/page_bytes.py                     # build, then measure
    .venv/bin/python benchmarks/page_bytes.py --site site --site /tmp/old-site
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VOID = {"link", "meta", "img", "input", "br", "wbr"}
PAGES = ["index", "treaty", "deployment", "weapons", "estimates", "map", "timeline", "sources"]


class Elements(HTMLParser):
    """The source text of every element that matches `wanted(tag, attrs)`, nested ones included once."""

    def __init__(self, text: str, wanted) -> None:
        super().__init__(convert_charrefs=False)
        self.text, self.wanted = text, wanted
        self.lines = [0]
        for line in text.splitlines(keepends=True):
            self.lines.append(self.lines[-1] + len(line))
        self.open: list[tuple[str, int]] = []  # (tag, start offset) of a matched element, with depth
        self.depth = 0
        self.found: list[str] = []
        self.feed(text)

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.open:
            if tag == self.open[0][0]:
                self.depth += 1
            return
        if self.wanted(tag, dict(attrs)):
            if tag in VOID:  # no end tag follows
                self.handle_startendtag(tag, attrs)
            else:
                self.open, self.depth = [(tag, self._offset())], 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if not self.open and self.wanted(tag, dict(attrs)):
            start = self._offset()
            self.found.append(self.text[start : self.text.index(">", start) + 1])

    def handle_endtag(self, tag: str) -> None:
        if self.open and tag == self.open[0][0]:
            self.depth -= 1
            if self.depth == 0:
                start = self.open[0][1]
                end = self.text.index(">", self._offset()) + 1
                self.found.append(self.text[start:end])
                self.open = []


def _classes(attrs: dict) -> set[str]:
    return set((attrs.get("class") or "").split())


FEATURES = {
    "cite block": lambda tag, a: tag == "details" and "cite-page" in _classes(a),
    "data cite": lambda tag, a: tag == "details" and "cite-data" in _classes(a),
    "JSON-LD": lambda tag, a: tag == "script" and a.get("type") == "application/ld+json",
    "feed links": lambda tag, a: tag == "link" and a.get("type") == "application/atom+xml",
    # The charts and maps are the page's only SVGs with role="img" (icons are aria-hidden).
    "chart SVGs": lambda tag, a: tag == "svg" and a.get("role") == "img" and "chart-" in (a.get("aria-labelledby") or ""),
    "map SVGs": lambda tag, a: tag == "svg" and a.get("role") == "img" and "map-" in (a.get("aria-labelledby") or ""),
}


def gz(text: str) -> int:
    return len(gzip.compress(text.encode("utf-8"), 9, mtime=0))


def measure(site: Path) -> list[tuple[str, str, dict[str, tuple[int, int]]]]:
    rows = []
    for lang, prefix in (("ja", ""), ("en", "en/")):
        for name in PAGES:
            path = site / prefix / ("index.html" if name == "index" else f"{name}/index.html")
            if not path.exists():
                continue
            text = path.read_text(encoding="utf-8")
            figures = {"page": (len(text.encode()), gz(text))}
            for feature, wanted in FEATURES.items():
                found = "".join(Elements(text, wanted).found)
                if found:
                    figures[feature] = (len(found.encode()), gz(found))
            wbr = text.count("<wbr>")
            if wbr:
                figures["<wbr> breaks"] = (wbr * len("<wbr>"), gz(text) - gz(text.replace("<wbr>", "")))
            rows.append((lang, name, figures))
    return rows


def build() -> Path:
    out = Path(tempfile.mkdtemp(prefix="page-bytes-")) / "site"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)], cwd=ROOT,
                          capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        sys.exit(f"the build failed:\n{done.stderr}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", action="append", type=Path, help="a built site (give twice to compare)")
    args = parser.parse_args()
    for site in args.site or [build()]:
        print(f"\n{site}: bytes as published / gzipped on its own (the <wbr> gzip figure is what they add to the page's gzip)")
        for lang, name, figures in measure(site):
            cells = "; ".join(f"{k} {raw:,} / {packed:,}" for k, (raw, packed) in figures.items())
            print(f"  {lang} {name:<11} {cells}")


if __name__ == "__main__":
    main()
