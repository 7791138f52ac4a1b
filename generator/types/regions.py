"""Regions: the 25 safety regions and their progress in implementing BZOO 2.0."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from pydantic import ConfigDict, Field

from generator.dates import DateField
from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import Facet, Record, RecordType, Scaffold
from generator.render.formatting import badge, dutch_date, text
from generator.render.page import Page, add_body, add_summary, unique
from generator.schema import Paragraph, RecordData, Strict, Taxonomy, Text, ThemeKey
from generator.types.checks import unknown_keys
from generator.vocabulary import (
    PROGRESS_STATUS,
    ProgressStatus,
    ProgressVisibility,
    shows_region_progress,
)


class Assessment(Strict):
    """Een beoordeling van de voortgang op één thema op een peildatum."""

    model_config = ConfigDict(title="Beoordeling")

    date: DateField = Field(
        title="Peildatum",
        description="Peildatum van de beoordeling (JJJJ-MM-DD, of JJJJ-MM of JJJJ).",
    )
    theme: ThemeKey = Field(
        title="Thema", description="Thema: een sleutel uit content/taxonomy.yml."
    )
    status: ProgressStatus = Field(
        title="Status",
        description="Stand: niet-gestart, in-voorbereiding, in-uitvoering of gerealiseerd.",
    )
    note: Paragraph | None = Field(
        None, title="Toelichting", description="Toelichting: waar de beoordeling op berust."
    )


class Region(RecordData):
    """Een veiligheidsregio en de voortgang van de implementatie."""

    code: Text = Field(title="Code", description="Regiocode, bijvoorbeeld VRU; uniek.")
    municipalities: Annotated[int, Field(ge=0)] | None = Field(
        None, title="Aantal gemeenten", description="Aantal gemeenten."
    )
    partners: list[str] = Field(
        [], title="Werkt samen met", description="Regio's waarmee functies worden gedeeld."
    )
    progress: list[Assessment] = Field(
        [],
        title="Voortgang",
        description="Voortgang: beoordelingen met date, theme, status en note.",
    )
    progress_visibility: ProgressVisibility = Field(
        "internal",
        title="Voortgang openbaar",
        description="Voortgang per regio is eerst voor de regio zelf: alleen bij public staat "
        "hij op de openbare site; anders telt daar alleen dat de regio een thema beoordeelde.",
    )


def check(record: Record[Region], taxonomy: Taxonomy | None) -> list[Diagnostic]:
    """Every assessed theme comes from the taxonomy."""
    problems: list[Diagnostic] = []
    if taxonomy is None:
        return problems
    for i, assessment in enumerate(record.data.progress):
        path = ("progress", i, "theme")
        problems += unknown_keys(
            record.raw, path, [assessment.theme], taxonomy.themes, "onbekend-thema"
        )
    return problems


def unique_codes(regions: Sequence[Record[Region]]) -> list[Diagnostic]:
    """A region can be named by its code (VRU), so no two regions share one."""
    problems: list[Diagnostic] = []
    codes: dict[str, str] = {}
    for record in regions:
        code = record.data.code.upper()
        if code in codes:
            position = record.raw.position(("code",))
            other = codes[code]
            problems.append(
                diagnostic(
                    "dubbele-code", record.path, position, code=record.data.code, other=other
                )
            )
        else:
            codes[code] = record.path
    return problems


def page(page: Page, record: Record[Region]) -> None:
    data, graph, key = record.data, page.graph, record.key
    # Partnership is mutual on the site, whichever of the two regions recorded it.
    partners = unique(
        [*graph.outgoing(key, "partners"), *graph.incoming(key, "regions", "partners")]
    )
    municipalities = "" if data.municipalities is None else str(data.municipalities)
    page.facts(
        [
            ("Code", text(data.code)),
            ("Gemeenten", municipalities),
            ("Werkt samen met", page.refs(p for p in partners if p != key)),
            ("Thema's", page.themes(data.themes)),
        ]
    )
    add_summary(page, record)
    add_body(page, record)
    if data.progress and shows_region_progress(graph.edition, data.progress_visibility):
        page.heading(2, "Voortgang BZOO 2.0")
        page.add("| Peildatum | Thema | Status | Toelichting |", "| --- | --- | --- | --- |")
        for item in sorted(data.progress, key=lambda a: (a.date, a.theme)):
            status = badge("voortgang", item.status, PROGRESS_STATUS.label(item.status))
            page.add(
                f"| {text(dutch_date(item.date))} | {page.theme(item.theme)} | {status} "
                f"| {text(item.note or '–')} |"
            )
        page.blank()
    page.record_list("Sessies", graph.incoming(key, "sessions", "regions"))
    page.record_list("Praktijken", graph.incoming(key, "practices", "regions"))
    page.record_list("Knelpunten", graph.incoming(key, "knelpunten", "regions"))


REGIONS = RecordType(
    name="regions",
    schema=Region,
    singular="Regio",
    plural="Regio's",
    section="regios",
    where="een regio",
    missing="geen bestaande regio",
    aliases=("regio", "regios"),
    intro="De veiligheidsregio's en alles wat de kennisbank over hen bevat.",
    page=page,
    references={"partners": "regions"},
    check=check,
    check_all=lambda regions, _every: unique_codes(regions),
    details=lambda data: [text(data.code)],
    # A region's own page belongs to the region, beside the records that name it.
    facets=(Facet("regio", lambda record: [record.key.id]),),
    nested=(("Een beoordeling in `progress`", Assessment),),
    scaffold=Scaffold(placeholders={"code": '""'}),
)
