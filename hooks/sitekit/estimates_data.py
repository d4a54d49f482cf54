"""docs/estimates.yml: attributed figures (troops, casualties, munitions), validated strictly."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import messages as M
from .datafields import Fields, load_list
from .problems import Problem
from .registry import Source
from .yamlfiles import line_of

MEASURES = ("troops-sent", "troops-present", "casualties", "killed", "wounded", "captured", "shells", "containers", "weapons", "workers")
QUALIFIERS = ("exact", "about", "at-least", "more-than", "up-to")
# What a figure counts, beside what it is a number of (the measure): two figures may share a
# chart only if both are the same measure and count the same thing. Chosen from the data:
# cumulative totals, one deployment group, plans and forecasts, people present somewhere at
# the time, and tallies of one period (a week, a year).
COUNTS = ("to-date", "one-group", "planned", "in-russia", "at-front", "one-period")
PEOPLE = ("troops-sent", "troops-present", "workers")
# Only people can be planned, sent as one group, or be somewhere; losses and munitions are
# counted either so far or over one period.
FITS = {m: COUNTS if m in PEOPLE else ("to-date", "one-period") for m in MEASURES}
# Who made the estimate (not who reported it): one chart series each, with its own colour and
# marker shape. The names are in labels.yml (estimators), the colours in data.css (.by-…).
ESTIMATORS = (
    "nis", "rok-jcs", "rok-gov", "us-gov", "zelensky", "ukr-gur", "ukr-gov", "uk-di",
    "dprk", "russia", "msmt", "media", "independent",
)
# Russia's full-scale invasion: no estimate on this page can be older (2004 is a typo for 2024).
EARLIEST = dt.date(2022, 2, 24)
REQUIRED = ("measure", "counts", "estimator", "low", "qualifier", "as_of", "by", "sources")
OPTIONAL = ("high", "note")


@dataclass
class Estimate:
    """One validated estimate: a figure or range, who stated it, when, and the sources."""

    measure: str
    counts: str
    estimator: str
    low: int
    qualifier: str
    as_of: str  # YYYY-MM-DD
    by: dict[str, str]
    sources: list[str]
    line: int
    high: int | None = None
    note: dict[str, str] | None = None

    @property
    def middle(self) -> float:
        """The value a chart plots: the figure, or the middle of the range."""
        return self.low if self.high is None else (self.low + self.high) / 2

    def as_json(self) -> dict[str, Any]:
        """The estimate as published in the downloads (no empty fields)."""
        out = {
            "measure": self.measure, "counts": self.counts, "estimator": self.estimator,
            "low": self.low, "high": self.high, "qualifier": self.qualifier,
            "as_of": self.as_of, "by": self.by, "note": self.note, "sources": self.sources,
        }
        return {k: v for k, v in out.items() if v is not None}


def _estimate(node: Any, index: int, shown: str, line: int, sources: dict[str, Source], today: dt.date) -> tuple[Estimate | None, list[Problem]]:
    problems: list[Problem] = []
    f = Fields(node, shown, problems)
    if not f.shape(index, line, REQUIRED, OPTIONAL, "measure"):
        return None, problems
    measure = f.choice("measure", MEASURES)
    counts, estimator = f.term("counts", COUNTS), f.term("estimator", ESTIMATORS)
    if measure and counts and counts not in FITS[measure]:
        f.add("counts", M.COUNTS_MISFIT, counts=counts, measure=measure, allowed=", ".join(FITS[measure]))
    low, high = f.integer("low"), f.integer("high")
    if low is not None and high is not None and low > high:
        f.add("high", M.LOW_ABOVE_HIGH, low=low, high=high)
    qualifier = f.choice("qualifier", QUALIFIERS)
    as_of = f.date("as_of", today, earliest=EARLIEST)
    by, note = f.bilingual("by"), f.bilingual("note")
    ids = f.sources("sources", sources)
    if not f.ok or None in (measure, counts, estimator, low, qualifier, as_of, by, ids):
        return None, problems
    return Estimate(measure, counts, estimator, low, qualifier, as_of, by, ids, line_of(node), high if high != low else None, note), problems


def load_estimates(path: Path, shown: str, sources: dict[str, Source], today: dt.date | None = None) -> tuple[list[Estimate] | None, list[Problem]]:
    """Load and validate every estimate."""
    data, problems = load_list(path, shown, "estimate", "measure")
    if data is None:
        return None, problems
    estimates: list[Estimate] = []
    for index, node in enumerate(data):
        estimate, found = _estimate(node, index, shown, line_of(data, index), sources, today or dt.date.today())
        problems.extend(found)
        if estimate:
            estimates.append(estimate)
    return estimates, problems
