"""Add a source to docs/sources.yml, checked on the spot with the build's own registry rules.

    make new-source                      # asks for each field (in a terminal)
    .venv/bin/python scripts/new_source.py --id nis-2024-10-18 --type intelligence \\
        --title "…" --publisher-ja 韓国国家情報院 --publisher-en "National Intelligence Service (South Korea)" \\
        --published 2024-10-18 --language ko --origin kr [--url https://…]

Nothing is written unless the whole registry, with the new entry, passes validation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

from _site import ROOT
from sitekit.registry import TYPES, load_registry

REGISTRY = Path("docs/sources.yml")
# (argument, registry field, prompt): the registry's required fields (sitekit.registry.REQUIRED;
# `accessed` defaults to today), asked for in a terminal.
REQUIRED = (
    ("id", "id", "id (publisher-yyyy-mm-dd, e.g. nis-2024-10-18)"),
    ("type", "type", f"type ({', '.join(TYPES)})"),
    ("title", "title", "title, exactly as published"),
    ("publisher_ja", "publisher.ja", "publisher in Japanese (発行元)"),
    ("publisher_en", "publisher.en", "publisher in English"),
    ("language", "language", "language of the source (ja, en, ko, ru, uk …)"),
    ("origin", "origin", "origin: the original publisher's country as an ISO 3166-1 code (kr, ua, ru, kp, us, jp, gb …), or int"),
)


def _quote(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: no value can change type or break the file.
    return json.dumps(value.strip(), ensure_ascii=False)


def entry_text(values: dict[str, str | None]) -> str:
    """The registry entry as YAML, in the field order and style of docs/sources.yml."""
    lines = [f"- id: {values['id']}", f"  type: {values['type']}", f"  title: {_quote(values['title'])}"]
    for key in ("title_en", "title_ja"):
        if values.get(key):
            lines.append(f"  {key}: {_quote(values[key])}")
    lines.append(f"  publisher: {{ja: {_quote(values['publisher_ja'])}, en: {_quote(values['publisher_en'])}}}")
    if values.get("published"):
        lines.append(f"  published: {values['published']}")
    lines.append(f"  accessed: {values['accessed']}")
    for key in ("url", "archive_url"):
        if values.get(key):
            lines.append(f"  {key}: {_quote(values[key])}")
    lines.append(f"  language: {values['language']}")
    lines.append(f"  origin: {values['origin']}")
    if values.get("via_ja") or values.get("via_en"):
        lines.append(f"  via: {{ja: {_quote(values.get('via_ja') or '')}, en: {_quote(values.get('via_en') or '')}}}")
    return "\n".join(lines) + "\n"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for arg, field, prompt in REQUIRED:
        parser.add_argument(f"--{arg.replace('_', '-')}", dest=arg, help=f"{prompt} [registry field {field}]")
    parser.add_argument("--published", help="publication date (YYYY-MM-DD), if the source gives one")
    parser.add_argument("--accessed", default=dt.date.today().isoformat(), help="when you read it (YYYY-MM-DD; default today)")
    parser.add_argument("--title-en", help="English translation of a non-English title")
    parser.add_argument("--title-ja", help="Japanese translation of a non-Japanese title")
    parser.add_argument("--url", help="https:// address you actually opened (never rebuilt from a title)")
    parser.add_argument("--archive-url", help="an archived copy")
    parser.add_argument("--via-ja", help="the reprinting site, in Japanese (with --via-en)")
    parser.add_argument("--via-en", help="the reprinting site, in English (with --via-ja)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    values = {k: v for k, v in vars(args).items() if k != "root"}
    missing = [arg for arg, _, _ in REQUIRED if not values.get(arg)]
    if missing and sys.stdin.isatty():
        for arg, _, prompt in REQUIRED:
            while not values.get(arg):
                values[arg] = input(f"{prompt}: ").strip()
        optional = (("published", "published (YYYY-MM-DD, Enter if the source gives no date)"),
                    ("url", "url (https://…, Enter if none seen)"), ("title_en", "English title (Enter to skip)"))
        for key, prompt in optional:
            if not values.get(key):
                values[key] = input(f"{prompt}: ").strip() or None
    elif missing:
        parser.error("missing " + ", ".join(f"--{a.replace('_', '-')}" for a in missing))
    path = args.root / REGISTRY
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    candidate = current.rstrip("\n") + ("\n\n" if current.strip() else "") + entry_text(values)
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / "sources.yml"
        trial.write_text(candidate, encoding="utf-8")
        registry, problems = load_registry(trial, REGISTRY.as_posix())
    if problems:
        print("\n".join(str(p) for p in sorted(set(problems))), file=sys.stderr)
        print("Nothing written: fix the values above and run it again.", file=sys.stderr)
        return 1
    path.write_text(candidate, encoding="utf-8")
    source = registry.sources[values["id"]]
    print(f"added {source.id} to {REGISTRY.as_posix()} (line {source.line}); now cite it: [^{source.id}]")
    print("the build refuses a source that no page cites: cite it in both languages before you build")
    return 0


if __name__ == "__main__":
    sys.exit(main())
