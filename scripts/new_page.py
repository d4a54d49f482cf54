"""Start a page in both languages: `make new-page NAME=casualties TITLE_JA=死傷者 TITLE_EN=Casualties`.

Writes docs/ja/NAME.md and docs/en/NAME.md (front matter, H1, translation record) and adds
the page to mkdocs.yml: a nav entry before the back matter (glossary, contributing,
corrections, about, sources) and its English title under nav_translations.
Missing titles and descriptions are asked for when run in a terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from _site import ROOT, Refusal, fail
from sitekit import i18n
from sitekit import messages as M
from sitekit.datafields import ID_RE as NAME_RE  # a page name follows the id rule
from sitekit.translations import sync_pair

BACK_MATTER = ("glossary.md", "contributing.md", "corrections.md", "about.md", "sources.md")
NAV_ITEM = re.compile(r"^  - (?P<title>[^:]+): (?P<file>\S+\.md)\s*$")


def _page(title: str, description: str, today: dt.date) -> str:
    quoted = [title.replace('"', '\\"'), description.replace('"', '\\"')]
    return (
        f'---\ntitle: "{quoted[0]}"\ndescription: "{quoted[1]}"\n'
        f"as_of: {today.isoformat()}  # the date of the newest source this page relies on: change it\n"
        f"published: {today.isoformat()}  # the day the page first appears on the site: change it if that is later\n"
        f"---\n\n# {title}\n"
    )


def add_to_nav(config: str, name: str, title_ja: str, title_en: str) -> str:
    """mkdocs.yml with the page in `nav:` (before the back matter) and in nav_translations."""
    lines = config.split("\n")
    try:
        start = lines.index("nav:")
    except ValueError as err:
        raise Refusal(M.NO_NAV) from err
    end = start + 1
    while end < len(lines) and (lines[end].startswith("  ") or not lines[end].strip()):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    insert_at = end
    for i in range(start + 1, end):
        m = NAV_ITEM.match(lines[i])
        if m and m.group("file") in BACK_MATTER:
            insert_at = i
            break
    lines.insert(insert_at, f"  - {title_ja}: {name}.md")
    config = "\n".join(lines)
    block = re.search(r"^(?P<indent>[ \t]+)nav_translations:\n(?P<body>(?:(?P=indent)[ \t]+.*\n)+)", config, re.M)
    if block is None:
        raise Refusal(M.NO_NAV_TRANSLATIONS)
    entry_indent = re.match(r"[ \t]+", block.group("body")).group(0)
    return config[: block.end()] + f"{entry_indent}{title_ja}: {title_en}\n" + config[block.end() :]


def _ask(value: str | None, prompt: str) -> str:
    if value or not sys.stdin.isatty():
        return (value or "").strip()
    return input(f"{prompt}: ").strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="file name without .md: lowercase a-z, 0-9 and hyphens, e.g. casualties")
    parser.add_argument("--title-ja", help="the page's Japanese title (nav, tab, H1)")
    parser.add_argument("--title-en", help="the page's English title")
    parser.add_argument("--description-ja", help="one sentence describing the page, in Japanese")
    parser.add_argument("--description-en", help="one sentence describing the page, in English")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    name, docs = args.name, args.root / "docs"
    if not NAME_RE.fullmatch(name):
        return fail(M.NAME_FORM, name=name)
    existing = [f"docs/{loc}/{name}.md" for loc in i18n.locales() if (docs / loc / f"{name}.md").exists()]
    if existing:
        return fail(M.PAGE_EXISTS, path=existing[0])
    title_ja = _ask(args.title_ja, "Japanese title (タイトル)")
    title_en = _ask(args.title_en, "English title")
    if not title_ja or not title_en:
        return fail(M.TITLES_NEEDED)
    config_path = args.root / "mkdocs.yml"
    config = config_path.read_text(encoding="utf-8")
    if re.search(rf"^[ \t]+{re.escape(title_ja)}:", config, re.M):
        return fail(M.TITLE_TAKEN, title=title_ja)
    try:
        config = add_to_nav(config, name, title_ja, title_en)
    except Refusal as refusal:
        return fail(refusal.message, **refusal.fields)
    today = dt.date.today()
    descriptions = {
        "ja": _ask(args.description_ja, "Japanese description (一文の説明)"),
        "en": _ask(args.description_en, "English description"),
    }
    for locale, title in (("ja", title_ja), ("en", title_en)):
        (docs / locale / f"{name}.md").write_text(_page(title, descriptions[locale], today), encoding="utf-8")
    sync_pair(docs, f"{name}.md", today)
    config_path.write_text(config, encoding="utf-8")
    print(f"created docs/ja/{name}.md and docs/en/{name}.md; added {title_ja} / {title_en} to mkdocs.yml")
    if not all(descriptions.values()):
        print("next: write the description: line of both pages (the build asks for it)")
    print("next: set as_of:, write both pages with citations, then make serve")
    return 0


if __name__ == "__main__":
    sys.exit(main())
