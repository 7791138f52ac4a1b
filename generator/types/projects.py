"""Projects: the projects that strengthen population care, and their sessions."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.model import Record, RecordType, Scaffold
from generator.render.formatting import dutch_date, text
from generator.render.page import Page, add_body, add_summary
from generator.schema import RecordData, Text


def _date_or_year(value: object) -> date | int:
    """A project's start or end: a date, or just a year (2020)."""
    if isinstance(value, date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2100:
        return value
    if isinstance(value, str):
        if value.isascii() and value.isdigit() and len(value) == 4:  # a year typed in a form
            return _date_or_year(int(value))
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


class Project(RecordData):
    """Een projectpagina met kenmerken."""

    number: Text | None = Field(
        None, title="Projectnummer", description="Projectnummer (tussen aanhalingstekens)."
    )
    start: DateOrYear | None = Field(
        None, title="Begin", description="Begin: een datum of een jaartal."
    )
    end: DateOrYear | None = Field(
        None, title="Einde", description="Einde: een datum of een jaartal."
    )
    lead: Text | None = Field(
        None, title="Projectleiding", description="Projectleiding, als openbare functie."
    )
    organisation: Text | None = Field(
        None, title="Verantwoordelijke organisatie", description="Verantwoordelijke organisatie."
    )
    topics: list[Text] = Field([], title="Onderwerpen", description="Onderwerpen.")


def page(page: Page, record: Record[Project]) -> None:
    data = record.data
    page.facts(
        [
            ("Projectnummer", text(data.number or "")),
            ("Looptijd", text(_period(data.start, data.end))),
            ("Projectleiding", text(data.lead or "")),
            ("Verantwoordelijke organisatie", text(data.organisation or "")),
            ("Onderwerpen", text(", ".join(data.topics))),
            ("Thema's", page.themes(data.themes)),
        ]
    )
    add_summary(page, record)
    add_body(page, record)
    page.record_list("Sessies", page.graph.incoming(record.key, "sessions", "project"))


def _period(start: date | int | None, end: date | int | None) -> str:
    def shown(value: date | int | None) -> str:
        if value is None:
            return "?"
        return dutch_date(value) if isinstance(value, date) else str(value)

    if start is None and end is None:
        return ""
    return f"{shown(start)} – {shown(end)}" if end is not None else f"vanaf {shown(start)}"


PROJECTS = RecordType(
    name="projects",
    schema=Project,
    singular="Project",
    plural="Projecten",
    section="projecten",
    where="een project",
    missing="geen bestaand project",
    aliases=("project", "projecten"),
    intro="Projecten die aan de versterking van de bevolkingszorg bijdragen.",
    page=page,
    scaffold=Scaffold(body="## Doel\n\n## Aanpak\n\n## Resultaten\n"),
)
