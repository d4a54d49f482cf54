"""Throwaway sites built in tmp_path with the real hooks, templates and configuration: a valid
minimal site (two sources, three pages per language) to break or extend."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from site_copy import copy_site
from support.build import mkdocs_build

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BASE_REGISTRY = (FIXTURES / "base-sources.yml").read_text(encoding="utf-8")


def page(title: str, body: str, *, article: bool = True, as_of: str = "2024-10-18") -> str:
    """A page with the front matter every page needs."""
    meta = f"title: {title}\ndescription: {title} description\n"
    meta += f"as_of: {as_of}\n" if article else "article: false\n"
    return f"---\n{meta}---\n\n# {title}\n\n{body}\n"


BASE_PAGES = {
    "docs/ja/index.md": page("ホーム", "[出典一覧](sources.md)", article=False),
    "docs/en/index.md": page("Home", "[Sources](sources.md)", article=False),
    "docs/ja/sources.md": page("出典一覧", "<!-- sources -->", article=False),
    "docs/en/sources.md": page("Sources", "<!-- sources -->", article=False),
    "docs/ja/about.md": page("概要", "国家情報院が発表した[^nis-2024-10-18]。ロイターも伝えた[^reuters-2024-10-18]。"),
    "docs/en/about.md": page("About", "The NIS said so.[^nis-2024-10-18] Reuters reported it.[^reuters-2024-10-18]"),
}


@dataclass
class Build:
    """The outcome of one `mkdocs build --strict` of a throwaway site."""

    code: int
    stdout: str
    stderr: str
    site: Path

    @property
    def problems(self) -> list[str]:
        """The compiler-form lines (path:line: message) the build printed."""
        # A path may hold spaces, quotes or escapes (\\u202e) when the problem is its name.
        # MkDocs' log lines (INFO    -  …, such as the translation notices the build goes on
        # with) are not problems.
        return [line for line in self.stderr.splitlines()
                if re.match(r"^[^\s:][^:]*:\d+: ", line) and not re.match(r"^(DEBUG|INFO|WARNING|ERROR) +- ", line)]


class Project:
    """A copy of the site's configuration, hooks and templates with its own docs/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        copy_site(root, docs=False, nav=False)
        self.write("docs/sources.yml", BASE_REGISTRY)
        for path, text in BASE_PAGES.items():
            self.write(path, text)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def fixture(self, rel: str, name: str) -> Path:
        """Put a fixture file (named after the defect it contains) in place of `rel`."""
        return self.write(rel, (FIXTURES / name).read_bytes())

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()

    def build(self) -> Build:
        proc = mkdocs_build(self.root, "http://127.0.0.1:8000/")
        return Build(proc.returncode, proc.stdout, proc.stderr, self.root / "site")
