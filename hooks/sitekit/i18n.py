"""The site's languages, and where each language's pages are published.

The one source is the i18n plugin's configuration in mkdocs.yml (`plugins: - i18n: languages:`):
the default language first, the others in their order. During a build the hooks take it from
the plugin itself (`configure`, in the first on_config); code that runs outside a build (the
helpers, the tests) reads the same block from mkdocs.yml.

The URL rule is mkdocs-static-i18n's with `docs_structure: folder`: the default language's pages
sit at the site root (docs/ja/treaty.md at /treaty/), every other language's under a folder of
its name (docs/en/treaty.md at /en/treaty/), with MkDocs' directory URLs (index.md is the folder
itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Languages:
    """The languages the site is built in, the default one first."""

    locales: tuple[str, ...]

    @property
    def default(self) -> str:
        return self.locales[0]

    def other(self, locale: str) -> str:
        """The counterpart language: every page exists in both, and each names the other."""
        others = [code for code in self.locales if code != locale]
        if len(others) != 1:
            raise ValueError(f"the site has {len(self.locales)} languages; a page has no single counterpart")
        return others[0]

    def prefix(self, locale: str) -> str:
        """Where a language's pages start, from the site root: "" for the default, "en/" for English."""
        return "" if locale == self.default else f"{locale}/"

    def page_path(self, locale: str, rel: str) -> str:
        """A page's URL path from the site root: ("ja", "index.md") -> "", ("en", "treaty.md") -> "en/treaty/"."""
        stem = rel.removesuffix(".md")
        if stem == "index":
            return self.prefix(locale)
        if stem.endswith("/index"):
            stem = stem.removesuffix("index").rstrip("/")
        return f"{self.prefix(locale)}{stem}/"

    def english_name(self, locale: str) -> str:
        """The language's English name, as the build's messages say it: "Japanese", "English" (CLDR)."""
        return Locale.parse(locale).english_name


def from_plugin(plugin: Any) -> Languages:
    """The languages of a configured i18n plugin (default first; only those it builds)."""
    languages = [lang for lang in plugin.config.languages if getattr(lang, "build", True)]
    ordered = sorted(languages, key=lambda lang: not lang.default)
    return Languages(tuple(lang.locale for lang in ordered))


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !!python/…) read as nothing: only the i18n block is wanted."""


_AnyTag.add_multi_constructor("", lambda loader, suffix, node: None)


def from_file(path: Path = ROOT / "mkdocs.yml") -> Languages:
    """The languages of the i18n plugin as mkdocs.yml configures it."""
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=_AnyTag)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            languages = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            ordered = sorted(languages, key=lambda lang: not lang.get("default", False))
            return Languages(tuple(str(lang["locale"]) for lang in ordered))
    raise ValueError(f"{path}: no i18n plugin with languages")


_configured: list[Languages] = []  # the plugin's, once a build has started in this process


def configure(plugin: Any) -> Languages:
    """Take the languages from the build's i18n plugin (the first on_config of every build)."""
    _configured[:] = [from_plugin(plugin)]
    return _configured[0]


def languages() -> Languages:
    """The site's languages: the build's, or mkdocs.yml's outside a build."""
    if not _configured:
        _configured.append(from_file())
    return _configured[0]


def locales() -> tuple[str, ...]:
    """The site's language codes, the default first: ("ja", "en")."""
    return languages().locales


def default() -> str:
    return languages().default


def other(locale: str) -> str:
    return languages().other(locale)


def prefix(locale: str) -> str:
    return languages().prefix(locale)


def page_path(locale: str, rel: str) -> str:
    return languages().page_path(locale, rel)


def page_key(src_uri: str) -> tuple[str, str]:
    """(locale, path inside the language folder) of a file: "en/treaty.md" -> ("en", "treaty.md")."""
    locale, _, rel = src_uri.partition("/")
    return locale, rel


def current_locale(config: Any) -> str:
    """The language being built now, as the i18n plugin sees it (the default before it starts)."""
    plugin = config.plugins.get("i18n")
    return (plugin.current_language if plugin else None) or default()


def is_first_pass(config: Any) -> bool:
    """True in the default language's pass, which starts every build and every rebuild: the other
    languages are built inside its on_post_build (the plugin's is_default_language_build)."""
    plugin = config.plugins.get("i18n")
    return plugin is None or plugin.is_default_language_build
