"""How far practices have come: idee, toegepast or beproefd, per theme and over time.

Pure: a graph in, figures out, from the edition's own practices only. A practice counts from
its date on (an undated one always); it counts as *beproefd* from the day it was first proven
(its earliest leerarena, or `proven_date`: generator/types/practices.py) and as *toegepast*
before that, since a practice proven in a real incident was applied there.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date

from generator.model import Graph, Quarter
from generator.types.practices import PRACTICES, proven_on
from generator.vocabulary import PRACTICE_STATUS, PracticeStatus

STATUSES: tuple[str, ...] = PRACTICE_STATUS.values
NO_THEME = ""  # the row of practices without a theme
MAX_QUARTERS = 12  # a longer history is shown per year


@dataclass(frozen=True)
class Period:
    label: str  # "1e kwartaal 2016" or "2016"
    last_day: date


@dataclass(frozen=True)
class Counts:
    per_theme: dict[str, Counter[str]]  # theme (taxonomy order; NO_THEME last) -> per status
    total: Counter[str]  # every practice once


@dataclass(frozen=True)
class _Practice:
    themes: tuple[str, ...]
    status: PracticeStatus
    recorded: date | None  # first day of its date
    proven: date | None  # first day it counts as beproefd


def counts(graph: Graph, day: date | None = None) -> Counts:
    """The practices' statuses at the end of `day`, or as they are now."""
    per_theme: dict[str, Counter[str]] = {theme: Counter() for theme in graph.taxonomy.themes}
    per_theme[NO_THEME] = Counter()
    total: Counter[str] = Counter()
    for practice in graph.derived(_practices):
        status = _status_on(practice, day)
        if status is None:
            continue
        total[status] += 1
        for theme in practice.themes or (NO_THEME,):
            per_theme.setdefault(theme, Counter())[status] += 1
    return Counts({t: c for t, c in per_theme.items() if c}, total)


def trend(graph: Graph) -> list[tuple[Period, Counter[str]]]:
    """The counts of every practice at the end of each period in which one was recorded or
    proven: quarters, or years when there are more than MAX_QUARTERS."""
    practices = graph.derived(_practices)
    days = {d for p in practices for d in (p.recorded, p.proven) if d}
    quarters = sorted({Quarter.of(day) for day in days})
    if len(quarters) <= MAX_QUARTERS:
        found = [Period(q.label, quarter_end(q)) for q in quarters]
    else:
        found = [Period(str(y), date(y, 12, 31)) for y in sorted({q.year for q in quarters})]
    return [
        (period, Counter(s for p in practices if (s := _status_on(p, period.last_day))))
        for period in found
    ]


def quarter_end(quarter: Quarter) -> date:
    month = 3 * quarter.number
    return date(quarter.year, month, calendar.monthrange(quarter.year, month)[1])


def _status_on(practice: _Practice, day: date | None) -> PracticeStatus | None:
    if day is None:
        return practice.status
    if practice.recorded and practice.recorded > day:
        return None
    if practice.status == "beproefd" and practice.proven and practice.proven > day:
        return "toegepast"
    return practice.status


def _practices(graph: Graph) -> list[_Practice]:
    found = []
    for record in graph.of_type(PRACTICES):
        recorded, proven = graph.dates.get(record.key), proven_on(graph, record)
        found.append(
            _Practice(
                tuple(record.data.themes),
                record.data.status,
                recorded.first_day if recorded else None,
                proven.first_day if proven else None,
            )
        )
    return found
