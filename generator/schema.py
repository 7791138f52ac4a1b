"""The parts of the contract (CONTENT_MODEL.md) that every type shares, and the taxonomy.

Strict by default (no guessing from `12` to "12"), `extra="forbid"` (a typo never drops data),
frozen (records are values). Dates are days, months or years (generator/dates.py); a quoted
"2016-03-15" is fine.
Each record type's own fields live with the rest of that type in generator/types/.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from generator.dates import DateField
from generator.vocabulary import Visibility

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

# Hints for forms, carried in the JSON Schema as `x-` keywords (which validators ignore): the
# browser editor's configuration (generator/cms.py) is generated from that schema.
# A paragraph rather than a line of text:
Paragraph = Annotated[Text, Field(json_schema_extra={"x-multiline": True})]
# A key of the taxonomy (content/taxonomy.yml):
ThemeKey = Annotated[str, Field(json_schema_extra={"x-taxonomy": "themes"})]
ProcessKey = Annotated[str, Field(json_schema_extra={"x-taxonomy": "processes"})]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class RecordData(Strict):
    """Fields every record has."""

    title: Text = Field(
        title="Titel", description="Titel: de kop van de pagina en de naam in lijsten."
    )
    summary: Paragraph | None = Field(
        None,
        title="Samenvatting",
        description="Samenvatting in één alinea, voor lijsten, de kennisbrief en de nieuwsfeeds.",
    )
    themes: list[ThemeKey] = Field(
        [], title="Thema's", description="Thema's: sleutels uit content/taxonomy.yml."
    )
    visibility: Visibility = Field(
        "public",
        title="Zichtbaarheid",
        description="Zichtbaarheid: public (openbaar), internal (alleen de interne uitgave) of "
        "draft (concept, alleen in de lokale voorbeeldweergave).",
    )
    updated: DateField | None = Field(
        None,
        title="Bijgewerkt op",
        description="Datum van de laatste inhoudelijke wijziging (JJJJ-MM-DD, of JJJJ-MM of "
        "JJJJ als alleen de maand of het jaar bekend is).",
    )
    acknowledged: list[str] = Field(
        [],
        title="Geaccepteerde waarschuwingen",
        description="Waarschuwingen die u bewust accepteert, bij hun naam (zoals "
        "te-veel-deelnemers): in dit bestand houden ze de publicatie dan niet meer tegen.",
    )


class KennisbriefIntro(Strict):
    """content/kennisbrieven/<jaar>-q<n>.md: the editor's introduction to one kennisbrief.

    Optional: every quarter with new records gets its kennisbrief anyway. The body is the
    introduction; `[[id]]` links work as in records.
    """

    title: Text | None = Field(
        None,
        title="Titel",
        description="Titel van de kennisbrief; standaard 'Kennisbrief 1e kwartaal 2016'.",
    )
    summary: Paragraph | None = Field(
        None,
        title="Samenvatting",
        description="Samenvatting in één alinea, voor het overzicht en de nieuwsfeed.",
    )
    visibility: Visibility = Field(
        "public",
        title="Zichtbaarheid",
        description="Zichtbaarheid van de inleiding: public, internal of draft (zoals bij "
        "records).",
    )
    acknowledged: list[str] = Field(
        [],
        title="Geaccepteerde waarschuwingen",
        description="Waarschuwingen die u bewust accepteert, bij hun naam (zoals "
        "te-veel-deelnemers): in dit bestand houden ze de publicatie dan niet meer tegen.",
    )


class Theme(Strict):
    model_config = ConfigDict(title="Thema")

    label: Text = Field(title="Naam", description="Naam van het thema zoals op de site.")
    description: Text | None = Field(
        None, title="Omschrijving", description="Omschrijving in één regel."
    )


class Process(Strict):
    model_config = ConfigDict(title="Proces")

    label: Text = Field(title="Naam", description="Naam van het proces zoals op de site.")
    description: Text | None = Field(
        None, title="Omschrijving", description="Omschrijving in één regel."
    )


class Taxonomy(Strict):
    """content/taxonomy.yml: the controlled vocabularies, plus the privacy allow-list."""

    themes: dict[str, Theme] = Field(
        {}, title="Thema's", description="Thema's: sleutel -> label, description."
    )
    processes: dict[str, Process] = Field(
        {}, title="Processen", description="Processen: sleutel -> label."
    )
    # Abbreviations of the field (OvD-BZ, CoPI) spelled out: every page shows them as <abbr>
    # (Python-Markdown's abbr extension, configured by the plugin) and lists them on afkortingen/.
    abbreviations: dict[str, Text] = Field(
        {},
        title="Afkortingen",
        description="Afkortingen: afkorting -> voluit, zoals 'CoPI: Commando Plaats Incident'. "
        "Op elke pagina is de afkorting voluit te lezen; de pagina Afkortingen toont ze allemaal.",
    )
    # E-mail addresses and phone numbers that are public service contacts, not personal data.
    public_contacts: list[str] = Field(
        [],
        title="Openbare contactgegevens",
        description="Openbare dienstadressen en -nummers die de privacycontrole toestaat.",
    )


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """A model's JSON Schema (draft 2020-12): for editors' tools and for the open data."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema
