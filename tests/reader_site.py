"""A throwaway copy of the site with sample pages, for the reader-side tests and checks.

The sample pages use the words of GUIDE section 4's search measurements (Japanese typed
without spaces, English whole words), a wide table and a long URL, and cite only sources
already in docs/sources.yml, so that the copy passes every check of the real build.
Run directly to build one for a browser: python tests/reader_site.py /tmp/sample
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
A, B = "nis-2024-10-18", "reuters-2024-10-18"
LONG_URL = "https://example.org/a/very/long/path/that/never/breaks/" + "segment" * 12

PAGES = {
    "treaty": (
        ("条約", "露朝の包括的戦略パートナーシップ条約の署名と批准の経過。"),
        ("Treaty", "How the Russia–North Korea Comprehensive Strategic Partnership treaty was signed and ratified."),
        [
            f"ロシアと北朝鮮は包括的戦略パートナーシップ条約に署名した[^{A}]。",
            f"ロシア議会は条約を批准した[^{B}]。",
        ],
        [
            f"Russia and North Korea signed a strategic partnership treaty.[^{A}]",
            f"The Russian parliament ratified the treaty.[^{B}]",
        ],
    ),
    "deployment": (
        ("派兵", "北朝鮮兵のクルスク州への派兵と、暴風軍団、捕虜についての報告。"),
        ("Deployment", "Reports of North Korean soldiers sent to Kursk, the Storm Corps, and prisoners."),
        [
            f"北朝鮮兵がクルスク州に派兵されたと発表された[^{A}]。",
            f"暴風軍団と呼ばれる部隊が含まれ、捕虜となった兵士もいると報じられた[^{B}]。",
        ],
        [
            f"North Korean soldiers were sent to the Kursk region, the NIS said.[^{A}]",
            f"Units of the Storm Corps were among them, and some became prisoners.[^{B}]",
        ],
    ),
    "weapons": (
        ("兵器", "自走砲、多連装ロケット砲、弾道ミサイルの供与についての報告。"),
        ("Weapons", "Reports of howitzers, rocket launchers and ballistic missiles supplied to Russia."),
        [
            f"北朝鮮は自走砲と多連装ロケット砲、弾道ミサイルを供与したとされる[^{A}]。",
            f"関連資料：<{LONG_URL}>[^{B}]",
        ],
        [
            f"North Korea supplied howitzers, rocket launchers and ballistic missiles.[^{A}]",
            f"Related material: <{LONG_URL}>[^{B}]",
        ],
    ),
}

# A table wider than a phone, on the weapons page.
TABLE = {
    "ja": ["日付", "出来事", "発表した機関", "推定の規模", "備考"],
    "en": ["Date", "Event", "Announced by", "Estimated size", "Notes"],
}
ROW = {
    "ja": ["2024年10月18日", "北朝鮮兵の派兵が初めて公表された長い説明文の例", "韓国国家情報院", "約1万2000人", f"未確認の情報を含む[^{A}]"],
    "en": ["18 October 2024", "A long description of the first public report", "National Intelligence Service", "About 12,000", f"Unconfirmed[^{A}]"],
}


def _table(locale: str) -> str:
    rows = [TABLE[locale], ["---"] * len(TABLE[locale]), ROW[locale]]
    return "".join("| " + " | ".join(row) + " |\n" for row in rows)


def _page(meta: tuple[str, str], paragraphs: list[str], table: str = "") -> str:
    title, description = meta
    body = "\n\n".join(paragraphs)
    return f"---\ntitle: {title}\ndescription: {description}\nas_of: 2026-03-16\n---\n\n# {title}\n\n{body}\n\n{table}"


def make_sample_site(dest: Path) -> Path:
    """Copy the site's sources to `dest` and add the sample pages to both languages and the nav."""
    for name in ("mkdocs.yml", "pyproject.toml"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("docs", "hooks", "overrides", "includes"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    nav, translations = [], []
    for name, (ja, en, ja_text, en_text) in PAGES.items():
        table = name == "weapons"
        (dest / "docs/ja" / f"{name}.md").write_text(_page(ja, ja_text, _table("ja") if table else ""), encoding="utf-8")
        (dest / "docs/en" / f"{name}.md").write_text(_page(en, en_text, _table("en") if table else ""), encoding="utf-8")
        nav.append(f"  - {ja[0]}: {name}.md")
        translations.append(f"            {ja[0]}: {en[0]}")
    config = (dest / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - 出典一覧: sources.md", "\n".join(nav) + "\n  - 出典一覧: sources.md")
    config = config.replace("            出典一覧: Sources", "            出典一覧: Sources\n" + "\n".join(translations))
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    return dest


def build(root: Path, site_url: str = "https://example.org/nk/") -> subprocess.CompletedProcess:
    """Build the site at `root` strictly (Pagefind included); return the finished process."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, env=env, capture_output=True, text=True)


if __name__ == "__main__":
    target = Path(sys.argv[1]).resolve()
    target.mkdir(parents=True, exist_ok=True)
    done = build(make_sample_site(target), os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
    print(done.stderr[-3000:])
    sys.exit(done.returncode)


SITE_URL = "https://example.org/nk/"  # a sub-path, as on a project site


@functools.cache
def built_sample() -> Path:
    """The sample site, built once per test session; returns its site/ folder."""
    root = Path(tempfile.mkdtemp(prefix="reader-site-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    done = build(make_sample_site(root), SITE_URL)
    assert done.returncode == 0, done.stderr[-3000:]
    return root / "site"


class Tags(HTMLParser):
    """Every start tag of a page, as (tag, attributes), and its visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        """Attributes of every `tag` whose attributes include `attrs` (use _ for -, e.g. http_equiv)."""
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in wanted.items())]

    def meta(self, key: str) -> list[str]:
        """Content of <meta name=key> or <meta property=key>."""
        return [a.get("content", "") for t, a in self.tags if t == "meta" and key in (a.get("name"), a.get("property"))]


def page(site: Path, path: str) -> Tags:
    """The parsed page at URL path `path` ("" for the home page, "en/treaty/")."""
    file = site / path / "index.html" if not path.endswith(".html") else site / path
    return Tags(file.read_text(encoding="utf-8"))
