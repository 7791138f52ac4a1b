"""Records and the link graph: the immutable values passed between pipeline steps.

load -> RawRecord, validate -> Record, link -> Graph. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from generator.schema import KennisbriefIntro, RecordData, Taxonomy

RecordType = Literal["sessions", "practices", "knelpunten", "incidents", "regions", "projects"]
RECORD_TYPES: tuple[RecordType, ...] = (
    "sessions",
    "practices",
    "knelpunten",
    "incidents",
    "regions",
    "projects",
)

Visibility = Literal["public", "internal", "draft"]
Edition = Literal["public", "internal", "preview"]

# Which record visibilities each edition contains.
EDITION_VISIBILITIES: Mapping[Edition, frozenset[str]] = {
    "public": frozenset({"public"}),
    "internal": frozenset({"public", "internal"}),
    "preview": frozenset({"public", "internal", "draft"}),
}


def shows_region_progress(edition: Edition, progress_visibility: str) -> bool:
    """Region-level progress is for the region first: the public edition names a region's
    status only when the region chose `progress_visibility: public`; otherwise it counts there
    only as one of the regions that assessed a theme (generator/progress.py)."""
    return edition != "public" or progress_visibility == "public"


# A path into a record's fields: ("regions", 2) or ("tasks", 0, "process").
FieldPath = tuple[str | int, ...]


class Position(NamedTuple):
    """1-based line and column in the source file."""

    line: int
    column: int


class Quarter(NamedTuple):
    """A calendar quarter: the period of one kennisbrief."""

    year: int
    number: int  # 1..4

    @classmethod
    def of(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def slug(self) -> str:
        """'2016-q1': the file name of its introduction and the page's address."""
        return f"{self.year}-q{self.number}"

    @property
    def label(self) -> str:
        """'1e kwartaal 2016', as Dutch readers write it."""
        return f"{self.number}e kwartaal {self.year}"

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)


class Key(NamedTuple):
    """A record's identity: its type and id. Addresses derive from it alone."""

    type: RecordType
    id: str


@dataclass(frozen=True, kw_only=True)
class RawDocument:
    """A file's fields as YAML gave them, with where each key and value stands."""

    path: str  # relative to the project root, POSIX separators
    fields: Mapping[str, Any]
    key_positions: Mapping[FieldPath, Position] = field(default_factory=dict)
    value_positions: Mapping[FieldPath, Position] = field(default_factory=dict)
    # Source text of unquoted scalars that YAML read as something other than text
    # (`no` -> False, `12:30` -> 750): validation turns these into a precise message.
    plain_scalars: Mapping[FieldPath, str] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # file line on which the body starts

    def position(self, path: FieldPath, *, key: bool = False) -> Position:
        """Where `path` stands in the file; falls back to its nearest known ancestor."""
        table = self.key_positions if key else self.value_positions
        for end in range(len(path), 0, -1):
            found = table.get(path[:end]) or self.key_positions.get(path[:end])
            if found:
                return found
        return Position(1, 1)


@dataclass(frozen=True, kw_only=True)
class RawRecord(RawDocument):
    """A content record before validation: a document with its type and id."""

    key: Key


@dataclass(frozen=True)
class Record:
    """A validated record: typed fields plus the raw record for positions."""

    key: Key
    path: str
    data: RecordData
    raw: RawRecord

    @property
    def body(self) -> str:
        return self.raw.body

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def visibility(self) -> Visibility:
        return self.data.visibility


@dataclass(frozen=True)
class Kennisbrief:
    """An editor's introduction to the kennisbrief of one quarter (content/kennisbrieven/)."""

    quarter: Quarter
    path: str
    data: KennisbriefIntro
    raw: RawDocument

    @property
    def visibility(self) -> Visibility:
        return self.data.visibility


@dataclass(frozen=True)
class Graph:
    """The linked records of one edition.

    `records` holds only the records the edition contains. `refs` are a record's resolved
    outgoing references per field; `backrefs` are the records that refer to it, per
    (source type, field). `wikilinks` maps each `[[target]]` text in a body to its key.
    """

    edition: Edition
    taxonomy: Taxonomy
    records: Mapping[Key, Record]
    refs: Mapping[Key, Mapping[str, tuple[Key, ...]]]
    backrefs: Mapping[Key, Mapping[tuple[RecordType, str], tuple[Key, ...]]]
    wikilinks: Mapping[Key, Mapping[str, Key]]
    dates: Mapping[Key, date | None]  # own date, or derived (earliest session)
    # Editors' introductions of the edition, and the records their bodies link to.
    kennisbrieven: Mapping[Quarter, Kennisbrief] = field(default_factory=dict)
    intro_links: Mapping[Quarter, Mapping[str, Key]] = field(default_factory=dict)

    def of_type(self, record_type: RecordType) -> list[Record]:
        """Records of one type, in id order (stable output)."""
        return sorted(
            (r for k, r in self.records.items() if k.type == record_type), key=lambda r: r.key.id
        )

    def referring(self, key: Key, source_type: RecordType, field_name: str) -> tuple[Key, ...]:
        return self.backrefs.get(key, {}).get((source_type, field_name), ())

    def referred(self, key: Key, field_name: str) -> tuple[Key, ...]:
        return self.refs.get(key, {}).get(field_name, ())
