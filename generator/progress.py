"""The national progress overview: how the country stands, per theme and per region, and how
that changed from year to year.

Pure: a graph in, figures out. Disclosure control lives here, in one place. A region whose
progress is not public in this edition is never shown with a status and its statuses are never
counted: only *that* it assessed a theme is (`unnamed`). Counting its statuses in national
totals next to the named regions' would let anyone subtract; with one or two such regions, or
several that share one status, the difference is their status. Suppressing just those cases
does not help, because the suppression itself then says the statuses are alike. So no figure
here depends on a hidden region's statuses, dates or notes, and the public build is the same
whatever it reports.

What may be said of a hidden region is what the region chose to make known by choosing
`progress_visibility: internal`: that it assessed its progress and keeps it to itself. Its row
in the overview says "niet openbaar" for the region as a whole, never per theme, and a region
without any assessment says "geen melding" (README, "Disclosure control").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.dates import PartialDate
from generator.model import Graph, Key, Record
from generator.types.regions import (
    REGIONS,
    Assessment,
    ProgressState,
    Region,
    progress_state,
    short_name,
)
from generator.vocabulary import PROGRESS_STATUS

STATUSES = PROGRESS_STATUS.values


@dataclass(frozen=True)
class Aggregate:
    """One theme across the country: counts per status of the named regions, how many other
    regions assessed it without publishing, and how many reported nothing on it."""

    counts: Counter[str]
    unnamed: int = 0  # regions whose progress this edition does not show, with an assessment
    unreported: int = 0  # regions of the edition without any assessment of this theme

    @property
    def total(self) -> int:
        """Named regions with a status for the theme."""
        return sum(self.counts.values())

    @property
    def regions(self) -> int:
        """Every region of the edition, whichever of the three it falls in."""
        return self.total + self.unnamed + self.unreported


@dataclass(frozen=True)
class RegionRow:
    """One region of the overview: its latest assessment per theme when it may be shown."""

    region: Record[Region]
    state: ProgressState
    latest: dict[str, Assessment] = field(default_factory=dict)  # empty unless "openbaar"


@dataclass(frozen=True)
class TrendPoint:
    """The country at the end of one year: each named region's latest status per theme."""

    year: int
    counts: Counter[str]  # named (region, theme) statuses as known at the end of the year
    regions: int  # named regions with at least one assessment by then


@dataclass(frozen=True)
class Overview:
    regions: tuple[Record[Region], ...]  # regions whose statuses are shown, by short name
    rows: tuple[RegionRow, ...]  # every region of the edition, by short name
    themes: tuple[str, ...]  # themes with an assessment, in taxonomy order
    unassessed: tuple[str, ...]  # taxonomy themes no region assessed, in taxonomy order
    latest: dict[tuple[Key, str], Assessment]  # (named region, theme) -> latest assessment
    per_theme: dict[str, Aggregate]
    trend: tuple[TrendPoint, ...]  # one point per year with an assessment of a named region

    @property
    def reporting(self) -> int:
        """Regions whose statuses are shown (they reported and publish)."""
        return sum(1 for row in self.rows if row.state == "openbaar")

    @property
    def keeping(self) -> int:
        """Regions that assessed their progress and keep it to themselves."""
        return sum(1 for row in self.rows if row.state == "niet-openbaar")

    @property
    def silent(self) -> int:
        """Regions without any assessment."""
        return sum(1 for row in self.rows if row.state == "geen-melding")


def overview(graph: Graph) -> Overview:
    rows: list[RegionRow] = []
    hidden_themes: list[set[str]] = []
    regions = sorted(graph.of_type(REGIONS), key=lambda r: (short_name(r.title).lower(), r.key))
    for region in regions:
        state = progress_state(region, graph.edition)
        progress = list(region.data.progress)
        if state == "openbaar":
            rows.append(RegionRow(region, state, latest_per_theme(progress)))
        else:
            rows.append(RegionRow(region, state))
        if state == "niet-openbaar":
            hidden_themes.append({a.theme for a in progress})
    named = [row for row in rows if row.state == "openbaar"]

    per_theme: dict[str, Aggregate] = {}
    for theme in graph.taxonomy.themes:
        counts: Counter[str] = Counter(
            row.latest[theme].status for row in named if theme in row.latest
        )
        unnamed = sum(1 for themes in hidden_themes if theme in themes)
        if counts or unnamed:
            unreported = len(rows) - sum(counts.values()) - unnamed
            per_theme[theme] = Aggregate(counts, unnamed, unreported)
    return Overview(
        regions=tuple(row.region for row in named),
        rows=tuple(rows),
        themes=tuple(per_theme),
        unassessed=tuple(t for t in graph.taxonomy.themes if t not in per_theme),
        latest={
            (row.region.key, theme): assessment
            for row in named
            for theme, assessment in row.latest.items()
        },
        per_theme=per_theme,
        trend=tuple(_trend([list(row.region.data.progress) for row in named])),
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
    """The state at the end of every year in which a named region assessed something.

    Peildata come as days, months or only years, and each region picks its own: per year is
    the precision they share, so regions that report on different days still compare."""
    for year in sorted({a.date.year for progress in named for a in progress}):
        known = [latest_per_theme(progress, PartialDate(year, 12, 31)) for progress in named]
        counts: Counter[str] = Counter(a.status for found in known for a in found.values())
        yield TrendPoint(year, counts, sum(1 for found in known if found))
