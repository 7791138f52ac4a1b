"""Pydantic models per record type and for the taxonomy: the contract in CONTENT_MODEL.md.

Strict by default (no guessing from `12` to "12"), `extra="forbid"` (a typo never drops data),
frozen (records are values). Dates alone are parsed leniently, so a quoted "2016-03-15" is fine.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from generator.model import RecordType

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
LenientDate = Annotated[date, Field(strict=False)]


def _date_or_year(value: object) -> date | int:
    """A project's start or end: a date, or just a year (2020)."""
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("date_or_year", "date or year expected")


DateOrYear = Annotated[
    date | int,
    PlainValidator(_date_or_year),
    WithJsonSchema({"anyOf": [{"type": "string", "format": "date"}, {"type": "integer"}]}),
]

SessionKind = Literal["regionaal", "thematisch", "leerarena", "pilot"]
PracticeKind = Literal["good-practice", "tip", "product"]
PracticeStatus = Literal["idee", "toegepast", "beproefd"]
KnelpuntStatus = Literal["open", "in-behandeling", "opgelost"]
ProgressStatus = Literal["niet-gestart", "in-voorbereiding", "in-uitvoering", "gerealiseerd"]
UseFor = Literal["draaiboek", "oefenen", "evalueren", "opleiden"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class RecordData(_Strict):
    """Fields every record has."""

    title: Text
    summary: Text | None = None
    themes: list[str] = []
    visibility: Literal["public", "internal", "draft"] = "public"
    updated: LenientDate | None = None


class Session(RecordData):
    date: LenientDate
    kind: SessionKind
    regions: Annotated[list[str], Field(min_length=1)]
    location: Text | None = None
    participants: Annotated[int, Field(ge=0)] | None = None
    incident: str | None = None
    project: str | None = None


class Practice(RecordData):
    kind: PracticeKind = "good-practice"
    status: PracticeStatus = "idee"
    date: LenientDate | None = None
    sessions: list[str] = []
    regions: list[str] = []
    role: Text | None = None
    addresses: list[str] = []
    incidents: list[str] = []
    use_for: list[UseFor] = []


class Knelpunt(RecordData):
    status: KnelpuntStatus = "open"
    date: LenientDate | None = None
    sessions: list[str] = []
    regions: list[str] = []


class Task(_Strict):
    process: str
    what: Text
    how: Text | None = None
    norm: Text | None = None


class Incident(RecordData):
    category: Text | None = None
    tasks: Annotated[list[Task], Field(min_length=1)]


class Assessment(_Strict):
    date: LenientDate
    theme: str
    status: ProgressStatus
    note: Text | None = None


class Region(RecordData):
    code: Text
    municipalities: Annotated[int, Field(ge=0)] | None = None
    partners: list[str] = []
    progress: list[Assessment] = []
    progress_visibility: Literal["public", "internal"] = "internal"


class Project(RecordData):
    number: Text | None = None
    start: DateOrYear | None = None
    end: DateOrYear | None = None
    lead: Text | None = None
    organisation: Text | None = None
    topics: list[Text] = []


MODELS: dict[RecordType, type[RecordData]] = {
    "sessions": Session,
    "practices": Practice,
    "knelpunten": Knelpunt,
    "incidents": Incident,
    "regions": Region,
    "projects": Project,
}

# Fields that refer to other records: field -> target type. Region refs accept codes too.
REFERENCE_FIELDS: dict[RecordType, dict[str, RecordType]] = {
    "sessions": {"regions": "regions", "incident": "incidents", "project": "projects"},
    "practices": {
        "sessions": "sessions",
        "regions": "regions",
        "addresses": "knelpunten",
        "incidents": "incidents",
    },
    "knelpunten": {"sessions": "sessions", "regions": "regions"},
    "incidents": {},
    "regions": {"partners": "regions"},
    "projects": {},
}


class Theme(_Strict):
    label: Text
    description: Text | None = None


class Process(_Strict):
    label: Text
    description: Text | None = None


class Taxonomy(_Strict):
    """content/taxonomy.yml: the controlled vocabularies, plus the privacy allow-list."""

    themes: dict[str, Theme] = {}
    processes: dict[str, Process] = {}
    # E-mail addresses and phone numbers that are public service contacts, not personal data.
    public_contacts: list[str] = []
