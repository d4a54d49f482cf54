"""Record that the two languages of a page match: `make sync-translation NAME=treaty`.

Run it after updating the page that was behind (or both). Each page's front matter gets
`translation_of:` (a hash of the other page's text) and, if it has none, `updated:` today.
`--all` records every pair, for a first setup.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from _site import ROOT, fail
from sitekit import i18n
from sitekit import messages as M
from sitekit.translations import sync_pair


def _names(docs: Path) -> list[str]:
    folder = docs / i18n.default()
    return sorted(p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.md"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", nargs="?", help="the page's file name without .md, e.g. treaty")
    parser.add_argument("--all", action="store_true", help="record every page pair")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    docs = args.root / "docs"
    if args.all == bool(args.name):
        return fail(M.SYNC_WHICH)
    names = _names(docs) if args.all else [args.name.removesuffix(".md")]
    for name in names:
        missing = [f"docs/{loc}/{name}.md" for loc in i18n.locales() if not (docs / loc / f"{name}.md").is_file()]
        if missing:
            return fail(M.SYNC_NO_PAGE, path=missing[0])
    today = dt.date.today()
    for name in names:
        for path in sync_pair(docs, f"{name}.md", today):
            print(f"recorded {path.relative_to(args.root).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
