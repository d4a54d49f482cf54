"""The crafted worst cases of the build's checks: each input of issue 18's "hangs" shape, timed.

Every check a contributor's file goes through must take time linear in its size, or refuse it
with a clear message before the slow part. Each case below is one crafted page (or data file)
that made a super-linear regular expression or loop take minutes; this prints the time the
build's own checks (tests/inprocess.py: collect, render every page, check) take on it, one case
per child process so that a case that still hangs is stopped at --timeout and reported as such.
The suite asserts that these inputs are refused or built (tests/test_hostile_names.py and the
others); how fast is measured here, never in a test.

Usage: python benchmarks/hostile_worst.py [--timeout 120] [--case NAME ...]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "hooks"), str(ROOT / "scripts"), str(ROOT / "tests")]  # as pytest's pythonpath gives them
from support.project import BASE_PAGES, BASE_REGISTRY  # noqa: E402

GOOD = "根拠のある文である[^nis-2024-10-18]。"
TWIN = "---\ntitle: Case\ndescription: d\nas_of: 2024-10-18\n---\n\n# Case\n\nA sourced sentence.[^nis-2024-10-18]\n"
LIMIT = 190_000  # characters: just under the page size limit (corpus.MAX_PAGE_BYTES)


def _page(payload: str) -> dict[str, str]:
    return {"docs/ja/x.md": f"---\ntitle: 事例\ndescription: d\nas_of: 2024-10-18\n---\n\n# 事例\n\n{GOOD}\n\n{payload}\n"}


def _registry(entries: int) -> str:
    """Registry entries in the real form, about 170 bytes each."""
    return "".join(
        f"- id: src-{i:05d}\n  type: news\n  title: Source {i}\n  publisher: {{ja: 社, en: Agency}}\n"
        f"  published: 2024-10-18\n  accessed: 2026-11-22\n  language: en\n" for i in range(entries)
    )


# name -> (what it attacks, the files that differ from the minimal valid site)
CASES: dict[str, tuple[str, Callable[[], dict[str, str]]]] = {
    "nesting-guard": ("the nesting guard's regular expression (spaces between 20 list markers)",
                      lambda: _page("-   " * 20 + "x")),
    "allowlist-comparison": ("the allowlist's comparison of two cleanings (difflib, 1,000 removed attributes)",
                             lambda: _page("*a*{onclick=x} " * 1000)),
    "allowlist-comparison-full-page": ("the same, as many as the page size allows",
                                       lambda: _page("*a*{onclick=x}\n\n" * (LIMIT // 16))),
    "tag-name-after-spaces": ('the tag-name pattern on "<" and a long run of spaces',
                              lambda: _page("x <" + " " * LIMIT + "1")),
    "code-span-mask": ("the code-span pattern of the line finder (backticks never closed)",
                       lambda: _page("x" + "`" * 1000 + "a" * (LIMIT - 1000))),
    "unclosed-comments": ("the comment pattern of the line finder (2,000 comments never closed)",
                          lambda: _page("<!--" * 1990 + "a" * (LIMIT - 8000))),
    "full-width-brackets": ("the look-alike citation pattern (full-width brackets are not counted)",
                            lambda: _page("［^" * (LIMIT // 6))),
    "quotes-without-spaces": ("block quotes nested without spaces (>>>…)", lambda: _page(">" * 5000 + "x")),
    "many-findings": ("the line finder, once per finding (5,000 removed attributes on as many lines)",
                      lambda: _page("\n\n".join(f"*a*{{onclick=f{i}}}" for i in range(5000)))),
    # The page limits allow 2,000 "[" and 2,000 "<"; attribute lists need neither.
    "distinct-bad-links": ("the line finder, once per distinct address (1,990 javascript: links)",
                           lambda: _page("\n\n".join(f"[x](javascript:f{i})" for i in range(1990)))),
    "duplicate-ids": ("the id check and its line finder (4,000 ids used twice, by attribute lists)",
                      lambda: _page("\n\n".join(f"a\n{{#d{i}}}\n\nb\n{{#d{i}}}" for i in range(4000)))),
    "distinct-reserved-ids": ("one message for each of 8,000 reserved ids written by attribute lists",
                              lambda: _page("\n\n".join(f"a\n{{#__d{i}}}" for i in range(8000)))),
    "deceptive-addresses": ("the address parser (1,990 links with a user name before @)",
                            lambda: _page("\n\n".join(f"[x](https://a{i}.example@evil.example/)" for i in range(1990)))),
    "misleading-link-texts": ("link texts that show another host (1,990)",
                              lambda: _page("\n\n".join(f"[www.reuters.com/{i}](https://evil.example/{i})" for i in range(1990)))),
    "headings-taking-frame-ids": ("ids from headings, each looked up again as a heading (5,000 headings named __h…)",
                                  lambda: _page("\n\n".join(f"## __h{i}" for i in range(5000)))),
    "unknown-ids-large-registry": ("'did you mean' over a registry of 5,000 sources (1 MB) for 2,000 unknown ids",
                                   lambda: {"docs/sources.yml": BASE_REGISTRY + _registry(5000),
                                            **_page(" ".join(f"[^zz-{i}]" for i in range(1990)))}),
    "data-text-comparison": ("the inline allowlist's comparison on 180 timeline texts of 5,000 characters",
                             lambda: {"docs/timeline.yml": "".join(
                                 f"- date: 2024-10-18\n  theme: reactions\n  ja: '{'*a*{onclick=x} ' * 330}'\n  en: x\n"
                                 f"  sources: [nis-2024-10-18]\n" for _ in range(180))}),
}


def run_case(name: str) -> None:
    """Check one case in this process and print the seconds the checks took."""
    from support.inprocess import check_tree

    root = Path(tempfile.mkdtemp(prefix=f"hostile-worst-{name}-"))
    try:
        files = {"docs/sources.yml": BASE_REGISTRY, **BASE_PAGES, "docs/en/x.md": TWIN, **CASES[name][1]()}
        if "docs/timeline.yml" in files:
            files["docs/ja/t.md"] = f"---\ntitle: 年表\ndescription: d\nas_of: 2024-10-18\n---\n\n# 年表\n\n{GOOD}\n\n<!-- timeline -->\n"
            files["docs/en/t.md"] = TWIN.replace("<!-- -->", "")
        for rel, text in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_text(text, encoding="utf-8")
        started = time.perf_counter()
        _, problems = check_tree(root)
        seconds = time.perf_counter() - started
        first = str(problems[0]) if problems else "no problem: accepted"
        print(f"{seconds:.2f}\t{len(problems)}\t{first[:110]}")
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a case counts as hanging (default 120)")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only this case (repeatable)")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process: run this case and print its time
    args = parser.parse_args()
    if args.one:
        run_case(args.one)
        return
    print(f"{'case':32} {'seconds':>9}  problems  first message")
    for name in args.case or CASES:
        try:
            proc = subprocess.run([sys.executable, __file__, "--one", name], capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name:32} {'>' + format(args.timeout, '.0f'):>9}  stopped: still running after {args.timeout:.0f} s", flush=True)
            continue
        if proc.returncode:
            print(f"{name:32} {'error':>9}  {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else proc.returncode}", flush=True)
            continue
        seconds, count, first = proc.stdout.strip().split("\t")
        print(f"{name:32} {float(seconds):9.2f}  {count:>8}  {first}", flush=True)


if __name__ == "__main__":
    main()
