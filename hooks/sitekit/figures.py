"""Numbers as each language's readers write them: 1万2000人 in Japanese, 12,000 in English."""

from __future__ import annotations

from typing import Any


def ja_number(n: int | float) -> str:
    """12000 -> 1万2000, 150000000 -> 1億5000万, 3000 -> 3000 (Japanese newspaper style)."""
    n = int(round(n))
    if n < 10_000:
        return str(n)
    oku, rest = divmod(n, 100_000_000)
    man, ones = divmod(rest, 10_000)
    parts = [f"{oku}億" if oku else "", f"{man}万" if man else "", str(ones) if ones else ""]
    return "".join(parts)


def en_number(n: int | float) -> str:
    """12000 -> 12,000."""
    return f"{int(round(n)):,}"


def number(n: int | float, locale: str) -> str:
    """A count in the style of the page's language."""
    return ja_number(n) if locale == "ja" else en_number(n)


def figure(low: int, high: int | None, qualifier: str, measure: str, locale: str, labels: dict[str, Any]) -> str:
    """約1万〜1万2000人 / about 10,000–12,000: the figure with its qualifier and unit."""
    words = labels[locale]
    value = number(low, locale) if high is None else words["range"].format(low=number(low, locale), high=number(high, locale))
    value += words["units"].get(measure, "")
    return words["qualifiers"][qualifier].format(n=value)


def cited(text: str, cites: str, locale: str) -> str:
    """Citations where each language puts them: before a closing 「。」, after an English full stop."""
    if locale == "ja" and text.endswith("。"):
        return text[:-1] + cites + "。"
    return text + cites
