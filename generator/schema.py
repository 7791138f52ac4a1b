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

    title: Text = Field(description="Titel: de kop van de pagina en de naam in lijsten.")
    summary: Text | None = Field(
        None, description="Samenvatting in één alinea, voor lijsten, de kennisbrief en feeds."
    )
    themes: list[str] = Field([], description="Thema's: sleutels uit content/taxonomy.yml.")
    visibility: Literal["public", "internal", "draft"] = Field(
        "public",
        description="Zichtbaarheid: public (openbaar), internal (alleen de interne uitgave) of "
        "draft (concept, alleen in de lokale voorbeeldweergave).",
    )
    updated: LenientDate | None = Field(
        None, description="Datum van de laatste inhoudelijke wijziging (JJJJ-MM-DD)."
    )


class Session(RecordData):
    """Een sessie (bijeenkomst) met het verslag als tekst."""

    date: LenientDate = Field(description="Dag van de sessie (JJJJ-MM-DD).")
    kind: SessionKind = Field(description="Soort: regionaal, thematisch, leerarena of pilot.")
    regions: Annotated[list[str], Field(min_length=1)] = Field(
        description="Deelnemende regio's: id of code (VRU); een regionale sessie heeft er 2 of 3."
    )
    location: Text | None = Field(None, description="Plaats van de sessie.")
    participants: Annotated[int, Field(ge=0)] | None = Field(
        None, description="Aantal deelnemers; het format gaat uit van hoogstens 15."
    )
    incident: str | None = Field(
        None, description="Het standaardincident dat in de sessie is uitgewerkt (id)."
    )
    project: str | None = Field(None, description="Het project waar de sessie bij hoort (id).")


class Practice(RecordData):
    """Een goede praktijk, tip of versterkingsproduct."""

    kind: PracticeKind = Field(
        "good-practice",
        description="Soort: good-practice, tip of product (versterkingsproduct of -instrument).",
    )
    status: PracticeStatus = Field(
        "idee",
        description="Stand: idee, toegepast of beproefd (bewezen bij een echt incident).",
    )
    date: LenientDate | None = Field(
        None, description="Datum van vastleggen; standaard de vroegste van de sessies."
    )
    sessions: list[str] = Field([], description="Sessies waar de praktijk is ingebracht (ids).")
    regions: list[str] = Field([], description="Regio's waar de praktijk vandaan komt.")
    role: Text | None = Field(
        None, description="Functie van de inbrenger, nooit de naam van een persoon."
    )
    addresses: list[str] = Field([], description="Knelpunten waar de praktijk bij helpt (ids).")
    incidents: list[str] = Field([], description="Standaardincidenten waarvoor hij geldt (ids).")
    use_for: list[UseFor] = Field(
        [], description="Bruikbaar voor: draaiboek, oefenen, evalueren, opleiden."
    )


class Knelpunt(RecordData):
    """Een knelpunt dat in een sessie naar voren kwam."""

    status: KnelpuntStatus = Field("open", description="Stand: open, in-behandeling of opgelost.")
    date: LenientDate | None = Field(
        None, description="Datum; standaard de vroegste van de sessies."
    )
    sessions: list[str] = Field([], description="Sessies waar het knelpunt is genoemd (ids).")
    regions: list[str] = Field([], description="Regio's die het knelpunt ervaren.")


class Task(_Strict):
    """Een taak van bevolkingszorg bij een standaardincident."""

    process: str = Field(description="Proces: een sleutel uit content/taxonomy.yml.")
    what: Text = Field(description="Wat bevolkingszorg moet (kunnen) leveren.")
    how: Text | None = Field(None, description="Hoe het geleverd kan worden.")
    norm: Text | None = Field(None, description="Prestatienorm, bijvoorbeeld 'binnen 4 uur'.")


class Incident(RecordData):
    """Een standaardincident uit de catalogus; de tekst beschrijft het scenario."""

    category: Text | None = Field(
        None, description="Categorie, bijvoorbeeld brand, overstroming of stroomuitval."
    )
    tasks: Annotated[list[Task], Field(min_length=1)] = Field(
        description="Taken per proces: process, what, en waar zinvol how en norm."
    )


class Assessment(_Strict):
    """Een beoordeling van de voortgang op één thema op een peildatum."""

    date: LenientDate = Field(description="Peildatum van de beoordeling (JJJJ-MM-DD).")
    theme: str = Field(description="Thema: een sleutel uit content/taxonomy.yml.")
    status: ProgressStatus = Field(
        description="Stand: niet-gestart, in-voorbereiding, in-uitvoering of gerealiseerd."
    )
    note: Text | None = Field(None, description="Toelichting: waar de beoordeling op berust.")


class Region(RecordData):
    """Een veiligheidsregio en de voortgang van de implementatie."""

    code: Text = Field(description="Regiocode, bijvoorbeeld VRU; uniek.")
    municipalities: Annotated[int, Field(ge=0)] | None = Field(
        None, description="Aantal gemeenten."
    )
    partners: list[str] = Field([], description="Regio's waarmee functies worden gedeeld.")
    progress: list[Assessment] = Field(
        [], description="Voortgang: beoordelingen met date, theme, status en note."
    )
    progress_visibility: Literal["public", "internal"] = Field(
        "internal",
        description="Voortgang per regio is eerst voor de regio zelf: alleen bij public staat "
        "hij op de openbare site; anders telt daar alleen dat de regio een thema beoordeelde.",
    )


class Project(RecordData):
    """Een projectpagina met kenmerken."""

    number: Text | None = Field(None, description="Projectnummer (tussen aanhalingstekens).")
    start: DateOrYear | None = Field(None, description="Begin: een datum of een jaartal.")
    end: DateOrYear | None = Field(None, description="Einde: een datum of een jaartal.")
    lead: Text | None = Field(None, description="Projectleiding, als openbare functie.")
    organisation: Text | None = Field(None, description="Verantwoordelijke organisatie.")
    topics: list[Text] = Field([], description="Onderwerpen.")


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


class KennisbriefIntro(_Strict):
    """content/kennisbrieven/<jaar>-q<n>.md: the editor's introduction to one kennisbrief.

    Optional: every quarter with new records gets its kennisbrief anyway. The body is the
    introduction; `[[id]]` links work as in records.
    """

    title: Text | None = Field(
        None, description="Titel van de kennisbrief; standaard 'Kennisbrief 1e kwartaal 2016'."
    )
    summary: Text | None = Field(
        None, description="Samenvatting in één alinea, voor het overzicht en de feed."
    )
    visibility: Literal["public", "internal", "draft"] = Field(
        "public",
        description="Zichtbaarheid van de inleiding: public, internal of draft (zoals bij "
        "records).",
    )


class Theme(_Strict):
    label: Text = Field(description="Naam van het thema zoals op de site.")
    description: Text | None = Field(None, description="Omschrijving in één regel.")


class Process(_Strict):
    label: Text = Field(description="Naam van het proces zoals op de site.")
    description: Text | None = Field(None, description="Omschrijving in één regel.")


class Taxonomy(_Strict):
    """content/taxonomy.yml: the controlled vocabularies, plus the privacy allow-list."""

    themes: dict[str, Theme] = Field({}, description="Thema's: sleutel -> label, description.")
    processes: dict[str, Process] = Field({}, description="Processen: sleutel -> label.")
    # E-mail addresses and phone numbers that are public service contacts, not personal data.
    public_contacts: list[str] = Field(
        [],
        description="Openbare dienstadressen en -nummers die de privacycontrole toestaat.",
    )
