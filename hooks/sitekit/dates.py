"""Dates as each language's readers write them, through Babel (CLDR), which Material installs.

One pattern per use and language: a day (2024年10月18日, 18 October 2024), a month (the
timeline's month-only dates: 2024年10月, October 2024) and a chart's month and year ticks.
The English citation styles write their own forms (`cite_date`).
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from .render import labels

# Unicode (CLDR) date patterns; every language the site is built in has one of each
# (tests/test_one_definition.py checks them against sitekit.i18n).
PATTERNS = {
    "ja": {"day": "y年M月d日", "month": "y年M月", "month_tick": "M月", "year_tick": "y年"},
    "en": {"day": "d MMMM y", "month": "MMMM y", "month_tick": "MMM", "year_tick": "y"},
}
# The English citation styles: APA 7 "(2026, November 22)", Chicago 17 "November 22, 2026".
CITATION_PATTERNS = {"apa": "y, MMMM d", "long": "MMMM d, y"}


def formatted(day: dt.date, use: str, locale: str) -> str:
    """`day` as the pattern for `use` ("day", "month", "month_tick", "year_tick") writes it in `locale`."""
    return format_date(day, PATTERNS[locale][use], locale=locale)


def localdate(value: dt.date | str | None, locale: str) -> str:
    """A date as the page's readers write it; text "YYYY-MM" (a month-only date) as its month."""
    if value is None:
        return labels()[locale]["undated"]
    if isinstance(value, str):
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 2:  # month precision, as in the timeline
            return formatted(dt.date(parts[0], parts[1], 1), "month", locale)
        value = dt.date(*parts)
    return formatted(value, "day", locale)


def cite_date(value: dt.date | None, style: str) -> str:
    """A date as a citation style writes it: apa (2026, November 22), long (November 22, 2026), iso."""
    if value is None:
        return "n.d."
    if style in CITATION_PATTERNS:
        return format_date(value, CITATION_PATTERNS[style], locale="en")
    return value.isoformat()
