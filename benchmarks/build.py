"""Build benchmark: a synthetic site, built in-process, timing our hooks against the whole build.

Generates N pages per language, each with 20 citations, over a 2,000-source registry,
then builds it with the real mkdocs.yml, hooks and templates and prints the total build
time, the time spent inside our hook functions, and their share. Runs N and 2N to show
how hook time scales.  Usage: python benchmarks/build.py [--pages 1000] [--sources 2000]
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from site_copy import copy_site  # noqa: E402

CITES_PER_PAGE = 20
TYPES = ["news", "government", "intelligence", "analysis"]
ORIGINS = ["kr", "jp", "us", "ua", "ru", "int"]  # the registry's required `origin` (sitekit/origins.py)


def registry(n_sources: int) -> str:
    entries = []
    for i in range(n_sources):
        entries.append(
            f"- id: src-{i:05d}\n  type: {TYPES[i % len(TYPES)]}\n  origin: {ORIGINS[i % len(ORIGINS)]}\n  title: Synthetic source number {i}\n"
            f"  publisher: {{ja: 発行元{i % 50}, en: Publisher {i % 50}}}\n  published: 2024-10-18\n"
            f"  accessed: 2026-11-22\n  language: en\n  url: https://127.0.0.1/source/{i}\n"
        )
    return "".join(entries)


def page(i: int, locale: str, n_sources: int) -> str:
    title = f"ページ {i}" if locale == "ja" else f"Page {i}"
    paragraphs = []
    for k in range(CITES_PER_PAGE):
        sid = f"src-{(i * CITES_PER_PAGE + k) % n_sources:05d}"
        text = "北朝鮮の派兵について各機関が発表した内容である" if locale == "ja" else "What the agencies said about the deployment"
        paragraphs.append(f"{text} ({k}).[^{sid}]")
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: {title}\ndescription: {title}\nas_of: 2024-10-18\n---\n\n# {title}\n\n## 概要 {i}\n\n{body}\n"


def make_site(folder: Path, n_pages: int, n_sources: int) -> Path:
    copy_site(folder, docs=False, nav=False)
    docs = folder / "docs"
    for locale in ("ja", "en"):
        (docs / locale).mkdir(parents=True)
        meta = "---\ntitle: x\ndescription: x\narticle: false\n---\n\n# x\n\n"
        (docs / locale / "index.md").write_text(meta, encoding="utf-8")
        (docs / locale / "sources.md").write_text(meta + "<!-- sources -->\n", encoding="utf-8")
        for i in range(n_pages):
            (docs / locale / f"p{i:05d}.md").write_text(page(i, locale, n_sources), encoding="utf-8")
    (docs / "sources.yml").write_text(registry(n_sources), encoding="utf-8")
    return folder


def timed_build(folder: Path) -> tuple[float, dict[str, float]]:
    """Build in-process; return the wall time and the seconds spent per hook event."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent: dict[str, float] = defaultdict(float)

    def wrap(name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return timed

    cwd = os.getcwd()
    os.chdir(folder)
    try:
        config = load_config(str(folder / "mkdocs.yml"))
        ours = {k for k in config.plugins if k.startswith("hooks/")}
        for event, methods in config.plugins.events.items():
            for i, method in enumerate(methods):
                owner = getattr(method, "__module__", "") or ""
                if any(owner == o or owner.endswith(o.split("/")[-1]) for o in ours):
                    methods[i] = wrap(f"{owner}.{event}", method)
        start = time.perf_counter()
        build(config)
        return time.perf_counter() - start, dict(spent)
    finally:
        os.chdir(cwd)


def run(n_pages: int, n_sources: int) -> tuple[float, float]:
    # Every source must be cited (the build refuses an unused one): a small trial run
    # registers only as many sources as its pages cite.
    n_sources = min(n_sources, n_pages * CITES_PER_PAGE)
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_site(Path(tmp), n_pages, n_sources)
        before = os.getloadavg()
        total, spent = timed_build(folder)
        after = os.getloadavg()
    # Pagefind is an external indexer our hook starts; it replaces Material's search plugin,
    # so it is reported on its own line, not as the cost of our Python hooks.
    indexer = sum(v for k, v in spent.items() if "search_index" in k and "post_build" in k)
    hooks = sum(spent.values()) - indexer
    print(f"\n{n_pages} pages per language, {CITES_PER_PAGE} citations each, {n_sources} sources"
          f" (1-min / 5-min load {before[0]:.2f} / {before[1]:.2f} at the start, {after[0]:.2f} / {after[1]:.2f} at the end)")
    print(f"  total build   {total:8.2f} s")
    print(f"  our hooks     {hooks:8.2f} s   ({100 * hooks / total:.1f}% of the build)")
    print(f"  pagefind      {indexer:8.2f} s   ({100 * indexer / total:.1f}%, search index, both languages)")
    for name, seconds in sorted(spent.items(), key=lambda kv: -kv[1])[:6]:
        print(f"    {name:40s} {seconds:7.2f} s")
    return total, hooks


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--sources", type=int, default=2000)
    parser.add_argument("--no-double", action="store_true", help="skip the 2N run")
    args = parser.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    # Warnings stay visible: a synthetic site the checks refuse prints its problems (a strict
    # build stops on any warning), instead of ending without a word.
    logging.basicConfig(format="%(message)s")
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    sys.path.insert(0, str(ROOT / "hooks"))
    base = run(args.pages, args.sources)
    if not args.no_double:
        double = run(2 * args.pages, args.sources)
        print(f"\nDoubling the pages multiplied hook time by {double[1] / base[1]:.2f} (target <= 2.0)")
        print(f"Hook share: {100 * base[1] / base[0]:.1f}% and {100 * double[1] / double[0]:.1f}% (target <= 10% at 1,000 pages per language)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
