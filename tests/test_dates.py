"""Partial dates: a day, a month or a year, as precise as the source, and never more."""

from __future__ import annotations

from datetime import date

import pytest

from generator.dates import PartialDate
from generator.model import Key, Quarter
from generator.pipeline import check
from generator.render.formatting import dutch_date
from generator.render.kennisbrief import issues
from generator.types import KNELPUNTEN, PRACTICES
from tests.conftest import TreeFactory


@pytest.mark.parametrize(
    ("value", "parsed", "shown"),
    [
        (date(2016, 3, 15), PartialDate(2016, 3, 15), "15 maart 2016"),
        ("2016-03-15", PartialDate(2016, 3, 15), "15 maart 2016"),
        ("2016-03", PartialDate(2016, 3), "maart 2016"),
        (2016, PartialDate(2016), "2016"),
        ("2016", PartialDate(2016), "2016"),
    ],
)
def test_a_date_is_as_precise_as_written(value: object, parsed: PartialDate, shown: str) -> None:
    assert PartialDate.parse(value) == parsed
    assert dutch_date(parsed) == shown
    assert PartialDate.parse(parsed.isoformat()) == parsed


@pytest.mark.parametrize("value", ["2016-02-30", "2016-13", "16", 20160, True, "maart 2016", ""])
def test_what_is_no_date_is_refused(value: object) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(value)


def test_a_period_sorts_and_falls_in_a_quarter_by_its_first_day() -> None:
    year, month, day = PartialDate(2016), PartialDate(2016, 5), PartialDate(2016, 3, 15)
    assert sorted([day, month, year]) == [year, day, month]
    assert Quarter.of(year) == Quarter(2016, 1)
    assert Quarter.of(month) == Quarter(2016, 2)
    assert Quarter.of(day) == Quarter(2016, 1)


def test_records_dated_by_month_or_year_reach_their_kennisbrief(tree: TreeFactory) -> None:
    root = tree(
        {
            "content/practices/maand.md": "---\ntitle: Maand\ndate: 2016-08\n"
            "sessions: [sessie-midden]\n---\n",
            "content/knelpunten/jaar.md": "---\ntitle: Jaar\ndate: 2017\n---\n",
        }
    )
    checked = check(root)
    assert checked.diagnostics == []
    graph = checked.graph
    assert graph.dates[Key(PRACTICES, "maand")] == PartialDate(2016, 8)
    found = {issue.quarter: issue for issue in issues(graph)}
    assert Key(PRACTICES, "maand") in found[Quarter(2016, 3)].records[PRACTICES]
    assert Key(KNELPUNTEN, "jaar") in found[Quarter(2017, 1)].records[KNELPUNTEN]
