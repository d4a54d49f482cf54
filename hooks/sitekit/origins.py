"""Where a source comes from: the registry's `origin` field, and its name in each language.

An origin is the lower-case ISO 3166-1 alpha-2 code of the country whose outlet or office
published the source (kr, ua, ru, kp, us, jp, gb …), or `int` for an international
organisation (the UN, NATO, the EU, the MSMT, the ICRC); a non-governmental organisation counts
where it has its headquarters. A reprint has its original publisher's origin.
The codes and the country names come from the CLDR data that Babel ships (Material already
depends on it), so no list of countries is kept here; labels.yml overrides a name only where
the site's house style differs (米国, 英国).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from babel import Locale

from . import messages as M

INTERNATIONAL = "int"
# Two-letter CLDR territories that are not ISO 3166-1 countries: groupings (EU, EZ, UN),
# Unknown and Outlying Oceania (ZZ, QO), pseudo-locales (XA, XB), the user-assigned XK, and
# ISO's "exceptionally reserved" codes (AC, CP, CQ, DG, EA, IC, TA).
NOT_COUNTRIES = frozenset("EU EZ UN ZZ QO XA XB XK AC CP CQ DG EA IC TA".split())
# The one code people write for a country whose ISO code is another (UK is reserved, not assigned).
MISTAKES = {"uk": "gb"}


@lru_cache(maxsize=1)
def codes() -> frozenset[str]:
    """Every origin the registry accepts."""
    territories = Locale("en").territories
    return frozenset(c.lower() for c in territories if len(c) == 2 and c.isalpha() and c not in NOT_COUNTRIES) | {INTERNATIONAL}


def problem(value: str) -> tuple[M.Message, dict[str, str]] | None:
    """Why `value` is not an origin (the catalogue's message and its fields), or None if it is one."""
    if value in codes():
        return None
    if value.lower() in codes():
        return M.ORIGIN_CASE, {"value": value, "fix": value.lower()}
    fix = MISTAKES.get(value.lower())
    if fix:
        return M.ORIGIN_MISTAKE, {"value": value, "fix": fix}
    return M.UNKNOWN_ORIGIN, {"value": value, "international": INTERNATIONAL}


def name(code: str, locale: str, overrides: Mapping[str, str]) -> str:
    """The origin as readers of `locale` call it ("韓国", "South Korea"); `overrides` from labels.yml."""
    return overrides.get(code) or Locale(locale).territories[code.upper()]
