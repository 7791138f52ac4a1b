"""Projects: the projects that strengthen population care, and their sessions."""

from __future__ import annotations

from pydantic import Field

from generator.dates import DateField, PartialDate
from generator.model import Record, RecordType, Scaffold
from generator.render.formatting import dutch_date, text
from generator.render.page import Page, add_body, add_summary
from generator.schema import RecordData, Text


class Project(RecordData):
    """Een projectpagina met kenmerken."""

    number: Text | None = Field(
        None, title="Projectnummer", description="Projectnummer (tussen aanhalingstekens)."
    )
    start: DateField | None = Field(
        None,
        title="Begin",
        description="Begin: een datum (JJJJ-MM-DD), een maand (JJJJ-MM) of een jaartal.",
    )
    end: DateField | None = Field(
        None,
        title="Einde",
        description="Einde: een datum (JJJJ-MM-DD), een maand (JJJJ-MM) of een jaartal.",
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


def _period(start: PartialDate | None, end: PartialDate | None) -> str:
    def shown(value: PartialDate | None) -> str:
        return "?" if value is None else dutch_date(value)

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
