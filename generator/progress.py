"""The national progress overview: each region's latest status per theme, counts and trend.

Pure: a graph in, figures out. Disclosure control lives here, in one place. A region whose
progress is not public in this edition is never named and its statuses are never counted:
only *that* it assessed a theme is (`unnamed`). Counting its statuses in national totals next
to the named regions' would let anyone subtract; with one or two such regions, or several that
share one status, the difference is their status. Suppressing just those cases does not help,
because the suppression itself then says the statuses are alike. So no decision here depends
on a hidden region's status, and the public build is the same whatever it reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from generator.dates import PartialDate
from generator.model import Graph, Key, Record
from generator.types.regions import REGIONS, Assessment, Region
from generator.vocabulary import PROGRESS_STATUS, shows_region_progress

STATUSES = PROGRESS_STATUS.values


@dataclass(frozen=True)
class Aggregate:
    """Counts per status of the named regions, and how many other regions assessed as well."""

    counts: Counter[str]
    unnamed: int = 0  # regions whose progress this edition does not show, with an assessment

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class TrendPoint:
    peildatum: PartialDate
    counts: Counter[str]  # named (region, theme) statuses as known on that date


@dataclass(frozen=True)
class Overview:
    regions: tuple[Record[Region], ...]  # regions named in this edition, by title
    themes: tuple[str, ...]  # themes with an assessment, in taxonomy order
    latest: dict[tuple[Key, str], Assessment]  # (named region, theme) -> latest assessment
    per_theme: dict[str, Aggregate]
    trend: tuple[TrendPoint, ...]  # one point per peildatum of a named region


def overview(graph: Graph) -> Overview:
    named: list[Record[Region]] = []
    hidden: list[Record[Region]] = []
    for region in graph.of_type(REGIONS):
        data = region.data
        if data.progress:
            shown = shows_region_progress(graph.edition, data.progress_visibility)
            (named if shown else hidden).append(region)
    named.sort(key=lambda r: r.title)
    named_latest = [latest_per_theme(_progress(r)) for r in named]
    hidden_themes = [{a.theme for a in _progress(r)} for r in hidden]

    latest = {
        (region.key, theme): assessment
        for region, found in zip(named, named_latest, strict=True)
        for theme, assessment in found.items()
    }
    per_theme: dict[str, Aggregate] = {}
    for theme in graph.taxonomy.themes:
        counts: Counter[str] = Counter(
            found[theme].status for found in named_latest if theme in found
        )
        unnamed = sum(1 for themes in hidden_themes if theme in themes)
        if counts or unnamed:
            per_theme[theme] = Aggregate(counts, unnamed)
    return Overview(
        regions=tuple(named),
        themes=tuple(per_theme),
        latest=latest,
        per_theme=per_theme,
        trend=tuple(_trend([_progress(r) for r in named])),
    )


def latest_per_theme(
    progress: Iterable[Assessment], until: PartialDate | None = None
) -> dict[str, Assessment]:
    """Each theme's most recent assessment (on or before `until`)."""
    found: dict[str, Assessment] = {}
    for assessment in sorted(progress, key=lambda a: a.date):
        if until is None or assessment.date <= until:
            found[assessment.theme] = assessment
    return found


def _trend(named: list[list[Assessment]]) -> Iterable[TrendPoint]:
    for day in sorted({a.date for progress in named for a in progress}):
        counts: Counter[str] = Counter(
            a.status for progress in named for a in latest_per_theme(progress, day).values()
        )
        yield TrendPoint(day, counts)


def _progress(region: Record[Region]) -> list[Assessment]:
    return list(region.data.progress)
