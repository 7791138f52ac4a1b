"""Records, their types and the link graph: the immutable values passed between pipeline steps.

load -> RawRecord, validate -> Record, link -> Graph. A `RecordType` says everything the steps
need to know about one type; each type fills one in, in its own module under generator/types/.
Nothing here does I/O.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, NamedTuple, TypeVar, cast

from pydantic import BaseModel

from generator.dates import PartialDate
from generator.diagnostics import Diagnostic
from generator.schema import KennisbriefIntro, RecordData, Taxonomy
from generator.vocabulary import Edition, Visibility, Vocabulary

D = TypeVar("D", bound=RecordData)
T = TypeVar("T")

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
    def of(cls, day: date | PartialDate) -> Quarter:
        """The quarter of a day, or of the first day of a month or year."""
        first = day.first_day if isinstance(day, PartialDate) else day
        return cls(first.year, (first.month - 1) // 3 + 1)

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


@dataclass(frozen=True)
class Facet(Generic[D]):
    """A filterable property of a type's records: the values of one record, and their labels."""

    name: str  # the query parameter: soort, status
    values: Callable[[Record[D]], Iterable[str]]
    vocabulary: Vocabulary | None = None  # labels; None: the values are shown as they are


@dataclass(frozen=True)
class Scaffold:
    """What `kennisbank new` writes beyond the schema: first values of required fields that the
    editor must still fill in, and the headings the body starts with."""

    body: str = ""
    placeholders: Mapping[str, str] = field(default_factory=dict)


@functools.total_ordering
@dataclass(frozen=True, eq=False, repr=False)
class RecordType(Generic[D]):
    """One record type: its folder and schema, its Dutch names, its place on the site, and
    the type's own behaviour in each step. One instance per type (compared by identity).

    Other types are named by their folder (`references`, `Graph.incoming`), so type modules
    need not import each other.
    """

    name: str  # folder under content/, and the `type` of `[[type/id]]`
    schema: type[D]
    singular: str  # "Praktijk", as visitors read it
    plural: str  # "Praktijken"; also the section's title
    section: str  # URL segment of its pages: praktijken/<id>/
    where: str  # "een praktijk": the record in a message about one of its fields
    missing: str  # "geen bestaande praktijk": what a dangling reference points to
    aliases: tuple[str, ...]  # the Dutch names `kennisbank new` accepts besides `name`
    intro: str  # the first sentence of the section's index page
    # Writes the type's part of its record page: (render.page.Page, record). The page is
    # typed loosely because the model sits below the render step.
    page: Callable[[Any, Record[D]], None]
    references: Mapping[str, str] = field(default_factory=dict)  # field -> target type's name
    date_field: str | None = None  # the record's own date
    date_from: str | None = None  # without one, the earliest date of this reference field
    # The type's own rules for one valid record (with the taxonomy, or None when that could
    # not be read: then no vocabulary is checked), and across all of them (given with every
    # valid record of any type and visibility, for rules that look further).
    check: Callable[[Record[D], Taxonomy | None], list[Diagnostic]] | None = None
    check_all: (
        Callable[[Sequence[Record[D]], Mapping[Key, Record[Any]]], list[Diagnostic]] | None
    ) = None
    details: Callable[[D], list[str]] | None = None  # badges beside the title in lists
    # The name people use when it is shorter than the title ("Utrecht" for "Veiligheidsregio
    # Utrecht"): lists of the type show it and every list sorts by it.
    short_title: Callable[[D], str] | None = None
    # What the type's own index says of a record beyond its fields, from the graph (a region:
    # how much of the knowledge base is about it). Typed loosely, like `page`.
    index_details: Callable[[Any, Record[D]], list[str]] | None = None
    # Fields an edition must leave out of a record's open data, though the record is in it (a
    # region's progress that is not public): (edition, data) -> field names.
    withheld: Callable[[Edition, D], tuple[str, ...]] | None = None
    facets: tuple[Facet[D], ...] = ()  # besides region, theme and year, which every type has
    nested: tuple[tuple[str, type[BaseModel]], ...] = ()  # (title, model) of lists of objects
    scaffold: Scaffold = field(default_factory=Scaffold)

    def list_title(self, data: D) -> str:
        """The name of a record in lists: its short title, or its title."""
        return self.short_title(data) if self.short_title else data.title

    def own_date(self, data: D) -> PartialDate | None:
        if not self.date_field:
            return None
        return cast("PartialDate | None", getattr(data, self.date_field))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RecordType):
            return NotImplemented
        return self.name < other.name

    def __repr__(self) -> str:
        return f"RecordType({self.name!r})"


class Key(NamedTuple):
    """A record's identity: its type and id. Addresses derive from it alone."""

    type: RecordType[Any]
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
    # Values load already reported (YAML read them differently than they look): the later
    # steps don't report them a second time.
    reported: frozenset[FieldPath] = frozenset()
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
class Record(Generic[D]):
    """A validated record: typed fields plus the raw record for positions."""

    key: Key
    path: str
    data: D
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
class Attachment:
    """A file in content/bijlagen/ that bodies link to (generator/attachments.py)."""

    path: str  # as the editor knows it: content/bijlagen/verslag.pdf
    source: Path  # the file
    site_path: str  # where it is published: bijlagen/verslag.pdf


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

    `records` holds only the records the edition contains. A record's references are its
    `outgoing` keys per field; the records that refer to it are its `incoming` keys per
    (source type, field). `wikilinks` maps each `[[target]]` text in a body to its key.
    """

    edition: Edition
    taxonomy: Taxonomy
    records: Mapping[Key, Record[Any]]
    refs: Mapping[Key, Mapping[str, tuple[Key, ...]]]
    backrefs: Mapping[Key, Mapping[tuple[str, str], tuple[Key, ...]]]
    wikilinks: Mapping[Key, Mapping[str, Key]]
    dates: Mapping[Key, PartialDate | None]  # own date, or derived (earliest session)
    # Editors' introductions of the edition, and the records their bodies link to.
    kennisbrieven: Mapping[Quarter, Kennisbrief] = field(default_factory=dict)
    intro_links: Mapping[Quarter, Mapping[str, Key]] = field(default_factory=dict)
    # The attachments that documents of the edition link to, by their path on the site.
    attachments: Mapping[str, Attachment] = field(default_factory=dict)
    # The day the edition is made for: target dates of knelpunten are judged against it.
    today: date = field(default_factory=date.today)
    # Values that pure functions derive from the whole graph, kept once computed (`derived`).
    _derived: dict[Callable[[Graph], Any], Any] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def derived(self, compute: Callable[[Graph], T]) -> T:
        """`compute(self)`, computed once per graph: for a pure function of the whole graph
        (a ranking, an overview) that several pages read."""
        if compute not in self._derived:
            self._derived[compute] = compute(self)
        return cast(T, self._derived[compute])

    def of_type(self, record_type: RecordType[D]) -> list[Record[D]]:
        """Records of one type, in id order (stable output)."""
        return sorted(
            (r for k, r in self.records.items() if k.type is record_type), key=lambda r: r.key.id
        )

    def outgoing(self, key: Key, field_name: str) -> tuple[Key, ...]:
        """The records `key` refers to in its field `field_name`."""
        return self.refs.get(key, {}).get(field_name, ())

    def incoming(self, key: Key, source_type: str, field_name: str) -> tuple[Key, ...]:
        """The records of type `source_type` that refer to `key` in their field `field_name`."""
        return self.backrefs.get(key, {}).get((source_type, field_name), ())

    def named_in_text(self, key: Key) -> frozenset[Key]:
        """The records `key`'s own text names by a `[[wikilink]]` (see `wikilinks`)."""
        return frozenset(self.wikilinks.get(key, {}).values())
