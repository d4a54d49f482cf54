"""Rendering registry entries with the theme's Jinja templates, in each language's style."""

from __future__ import annotations

import hashlib
import html
import re
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket

from .registry import Source


@lru_cache(maxsize=1)
def labels() -> dict[str, Any]:
    """The per-language words of generated text (labels.yml beside this module)."""
    return yaml.safe_load((Path(__file__).parent / "labels.yml").read_text(encoding="utf-8"))


def templates_digest(custom_dir: Path | None) -> str:
    """A digest of the site's own templates (`custom_dir`, every file) and labels.yml: what every
    render kept across rebuilds depends on besides its own inputs (state.reused). Material's
    templates are not edited under serve."""
    digest = hashlib.blake2b(digest_size=16)
    files = sorted(p for p in custom_dir.rglob("*") if p.is_file()) if custom_dir else []
    for path in [*files, Path(__file__).parent / "labels.yml"]:
        digest.update(f"{path}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def language_name(code: str, locale: str) -> str:
    """A language as readers of `locale` name it ("韓国語", "Korean"), from CLDR through Babel."""
    return Locale(locale).languages.get(code, code)


# The characters Python-Markdown reads a backslash before, with the site's extensions (tables
# adds "|"): escaped, each shows as itself.
MARKDOWN_ESCAPES = frozenset("\\`*_{}[]()#+-.!|")


def markdown_text(value: Any) -> str:
    """Plain text (a page's title, a place's name) placed inside Markdown, shown as written: a
    title such as `x](https://other.example/) [y` inside a link's text would otherwise close it
    and link elsewhere. HTML's own characters become entities, Markdown's are backslash-escaped."""
    return "".join("\\" + c if c in MARKDOWN_ESCAPES else html.escape(c, quote=False) for c in str(value))


# Filters and globals that hook modules add for their own templates (registered at import, so
# that every environment made later has them, the one the checks render with included).
EXTRA_FILTERS: dict[str, Any] = {}
EXTRA_GLOBALS: dict[str, Any] = {}


def install_filters(env: Environment) -> Environment:
    """Give a Jinja environment the filters our templates use."""
    from .dates import localdate  # it reads the labels of this module

    env.filters["localdate"] = localdate
    env.filters["markdown_text"] = markdown_text
    env.filters.update(EXTRA_FILTERS)
    env.globals["labels"] = labels()
    env.globals["language_name"] = language_name
    env.globals["material_version"] = metadata.version("mkdocs-material")  # the installed one (lock/requirements.txt)
    env.globals.update(EXTRA_GLOBALS)
    env.bytecode_cache = env.bytecode_cache or TEMPLATE_CACHE
    return env


def citation(env: Environment, source: Source, locale: str) -> str:
    """One source as an inline HTML citation, on a single line (a footnote definition)."""
    html = env.get_template("partials/citation.html").render(s=source, locale=locale, L=labels()[locale])
    return re.sub(r"\s*\n\s*", " ", html.strip())


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process: each language pass, and each rebuild under
    `mkdocs serve`, otherwise compiles Material's templates again. Jinja checks every entry
    against its template's source, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = MemoryBytecodeCache()
