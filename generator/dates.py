"""Dates as sources give them: a day (2016-03-15), a month (2016-03) or only a year (2016).

A source that names only a month must not be made to name a day: the site would show a date
nobody knows. A partial date sorts, and falls in a quarter, by the first day of its period,
so "2016" comes before "2016-03-15" and belongs to the first quarter of 2016.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
FIRST_YEAR, LAST_YEAR = 1900, 2100


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if not FIRST_YEAR <= self.year <= LAST_YEAR:
            raise ValueError(f"year {self.year} out of range")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None:
            date(self.year, self.month, self.day or 1)  # raises for 2016-02-30 and month 13

    @classmethod
    def of(cls, day: date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """From what YAML gives: a date, a year as a number, or text (2016, 2016-03,
        2016-03-15). Raises ValueError for anything else."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, date):  # a datetime is a date too; its time is not kept
            return cls(value.year, value.month, value.day)
        if isinstance(value, int) and not isinstance(value, bool):
            return cls(value)
        if isinstance(value, str):
            matched = _ISO.fullmatch(value.strip())
            if matched:
                year, month, day = (int(part) if part else None for part in matched.groups())
                assert year is not None
                return cls(year, month, day)
        raise ValueError(f"no date: {value!r}")

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def is_day(self) -> bool:
        return self.day is not None

    def isoformat(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        return self.isoformat()


def _validate(value: Any) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except ValueError:
        raise PydanticCustomError("partial_date", "date expected") from None


# A date field of the contract: a day, a month or a year. In JSON Schema (editors' tools, the
# browser editor's form) a date, a year-month as text, or a year as a number or text.
DateField = Annotated[
    PartialDate,
    PlainValidator(_validate),
    PlainSerializer(PartialDate.isoformat, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\d{4}(-\d{2})?$"},
                {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR},
            ]
        }
    ),
]
