"""The national progress overview: each region's latest status per theme, counts and trend.

Pure: a graph in, figures out. Disclosure control lives here, in one place. A region whose
progress is not public in this edition is never named; its statuses count only in aggregates,
and only where they cannot be traced back to it. Publishing national totals next to the named
regions' statuses would let anyone subtract: with one or two hidden regions (or several that all
share one status) the difference *is* their status. Such aggregates count the named regions only
and say so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from generator.model import Graph, Key, Record, shows_region_progress
from generator.schema import Assessment, Region

STATUSES: tuple[str, ...] = ("niet-gestart", "in-voorbereiding", "in-uitvoering", "gerealiseerd")
# Fewest hidden regions whose statuses may be added to a published count.
MIN_HIDDEN_REGIONS = 3


@dataclass(frozen=True)
class Aggregate:
    """Counts per status. `complete`: hidden regions are included (or there were none)."""

    counts: Counter[str]
    complete: bool

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class TrendPoint:
    peildatum: date
    aggregate: Aggregate  # statuses of every (region, theme) as known on that date


@dataclass(frozen=True)
class Overview:
    regions: tuple[Record, ...]  # regions named in this edition, by title
    themes: tuple[str, ...]  # themes with a counted assessment, in taxonomy order
    latest: dict[tuple[Key, str], Assessment]  # (named region, theme) -> latest assessment
    per_theme: dict[str, Aggregate]
    trend: tuple[TrendPoint, ...]
    hidden_regions: int  # regions with progress that this edition does not name


def overview(graph: Graph) -> Overview:
    named: list[Record] = []
    hidden: list[Record] = []
    for region in graph.of_type("regions"):
        data = region.data
        assert isinstance(data, Region)
        if data.progress:
            shown = shows_region_progress(graph.edition, data.progress_visibility)
            (named if shown else hidden).append(region)
    named.sort(key=lambda r: r.title)
    named_progress = [_progress(r) for r in named]
    hidden_progress = [_progress(r) for r in hidden]

    latest = {
        (region.key, theme): assessment
        for region, progress in zip(named, named_progress, strict=True)
        for theme, assessment in latest_per_theme(progress).items()
    }
    per_theme: dict[str, Aggregate] = {}
    for theme in graph.taxonomy.themes:
        aggregate = _aggregate(
            [[a] for p in named_progress if (a := latest_per_theme(p).get(theme))],
            [[a] for p in hidden_progress if (a := latest_per_theme(p).get(theme))],
        )
        if aggregate.total:
            per_theme[theme] = aggregate
    return Overview(
        regions=tuple(named),
        themes=tuple(per_theme),
        latest=latest,
        per_theme=per_theme,
        trend=tuple(_trend(named_progress, hidden_progress)),
        hidden_regions=len(hidden),
    )


def latest_per_theme(
    progress: Iterable[Assessment], until: date | None = None
) -> dict[str, Assessment]:
    """Each theme's most recent assessment (on or before `until`)."""
    found: dict[str, Assessment] = {}
    for assessment in sorted(progress, key=lambda a: a.date):
        if until is None or assessment.date <= until:
            found[assessment.theme] = assessment
    return found


def releasable(hidden: Sequence[Sequence[Assessment]]) -> bool:
    """May these hidden regions' statuses join a published count? (One list per region.)

    Only when enough regions contribute and they don't all share one status: otherwise
    the published total minus the named regions' statuses reveals theirs."""
    contributing = [statuses for statuses in hidden if statuses]
    if not contributing:
        return True
    distinct = {a.status for statuses in contributing for a in statuses}
    return len(contributing) >= MIN_HIDDEN_REGIONS and len(distinct) >= 2


def _aggregate(
    named: Sequence[Sequence[Assessment]], hidden: Sequence[Sequence[Assessment]]
) -> Aggregate:
    complete = releasable(hidden)
    counted = [*named, *hidden] if complete else named
    return Aggregate(Counter(a.status for statuses in counted for a in statuses), complete)


def _trend(named: list[list[Assessment]], hidden: list[list[Assessment]]) -> Iterable[TrendPoint]:
    """A point per peildatum. A date known only from hidden regions is itself a detail of
    theirs: it appears only when their statuses may be counted on it."""
    named_dates = {a.date for progress in named for a in progress}
    hidden_dates = {a.date for progress in hidden for a in progress}
    for day in sorted(named_dates | hidden_dates):
        aggregate = _aggregate(
            [list(latest_per_theme(p, day).values()) for p in named],
            [list(latest_per_theme(p, day).values()) for p in hidden],
        )
        if day in named_dates or aggregate.complete:
            yield TrendPoint(day, aggregate)


def _progress(region: Record) -> list[Assessment]:
    data = region.data
    assert isinstance(data, Region)
    return list(data.progress)
