"""Standard incidents: the catalogue of what population care must deliver, per process."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from generator.diagnostics import Diagnostic
from generator.model import Facet, Record, RecordType, Scaffold
from generator.render.formatting import text
from generator.render.page import Page, add_body, add_summary
from generator.render.tables import RowGroup, stacked_table
from generator.schema import Paragraph, ProcessKey, RecordData, Strict, Taxonomy, Text
from generator.types.checks import unknown_keys

# What a task without a norm shows in the norm column.
NO_NORM = "geen norm vastgesteld"


class Task(Strict):
    """Een taak van bevolkingszorg bij een standaardincident."""

    model_config = ConfigDict(title="Taak")

    process: ProcessKey = Field(
        title="Proces", description="Proces: een sleutel uit content/taxonomy.yml."
    )
    what: Text = Field(title="Wat", description="Wat bevolkingszorg moet (kunnen) leveren.")
    how: Paragraph | None = Field(None, title="Hoe", description="Hoe het geleverd kan worden.")
    norm: Text | None = Field(
        None, title="Norm", description="Prestatienorm, bijvoorbeeld 'binnen 4 uur'."
    )


class Incident(RecordData):
    """Een standaardincident uit de catalogus; de tekst beschrijft het scenario."""

    category: Text | None = Field(
        None,
        title="Categorie",
        description="Categorie, bijvoorbeeld brand, overstroming of stroomuitval.",
    )
    tasks: Annotated[list[Task], Field(min_length=1)] = Field(
        title="Taken", description="Taken per proces: process, what, en waar zinvol how en norm."
    )


def check(record: Record[Incident], taxonomy: Taxonomy | None) -> list[Diagnostic]:
    """Every task's process comes from the taxonomy."""
    problems: list[Diagnostic] = []
    if taxonomy is None:
        return problems
    for i, task in enumerate(record.data.tasks):
        problems += unknown_keys(
            record.raw,
            ("tasks", i, "process"),
            [task.process],
            taxonomy.processes,
            "onbekend-proces",
        )
    return problems


def page(page: Page, record: Record[Incident]) -> None:
    data, graph, key = record.data, page.graph, record.key
    page.facts(
        [
            ("Categorie", text(data.category or "")),
            ("Thema's", page.themes(data.themes)),
        ]
    )
    add_summary(page, record)
    add_body(page, record, "Scenario")
    page.heading(2, "Wat bevolkingszorg levert")
    # One table for all processes, so the columns line up; on a phone each task is a card.
    groups = [
        RowGroup(
            text(process),
            [[text(task.what), text(task.how or ""), text(task.norm or NO_NORM)] for task in tasks],
        )
        for process, tasks in _tasks_by_process(page, data.tasks)
    ]
    caption = (
        "Per proces de taken, hoe ze geleverd kunnen worden en hun prestatienorm. "
        f"*{NO_NORM.capitalize()}*: de catalogus noemt voor die taak (nog) geen norm."
    )
    page.add(*stacked_table(caption, ["Taak", "Hoe", "Norm"], groups, css="kb-taken"), "")
    page.record_list("Praktijken voor dit incident", graph.incoming(key, "practices", "incidents"))
    page.record_list("Sessies over dit incident", graph.incoming(key, "sessions", "incident"))


def _tasks_by_process(page: Page, tasks: list[Task]) -> list[tuple[str, list[Task]]]:
    """Tasks grouped by process label, in the taxonomy's order of processes."""
    processes = page.graph.taxonomy.processes
    order = {key: index for index, key in enumerate(processes)}
    grouped: dict[str, list[Task]] = {}
    for task in tasks:
        grouped.setdefault(task.process, []).append(task)
    keys = sorted(grouped, key=lambda k: (order.get(k, len(order)), k))
    return [(processes[k].label if k in processes else k, grouped[k]) for k in keys]


def _category(data: Incident) -> list[str]:
    return [data.category] if data.category else []


INCIDENTS = RecordType(
    name="incidents",
    schema=Incident,
    singular="Standaardincident",
    plural="Standaardincidenten",
    section="incidenten",
    where="een standaardincident",
    missing="geen bestaand standaardincident",
    aliases=("incident", "incidenten"),
    intro="De catalogus van standaardincidenten: wat bevolkingszorg moet leveren, en hoe.",
    page=page,
    check=check,
    details=lambda data: [text(c) for c in _category(data)],
    facets=(Facet("soort", lambda record: _category(record.data)),),
    nested=(("Een taak in `tasks`", Task),),
    scaffold=Scaffold(
        body="> **Concept.** Deze uitwerking is geen vastgesteld beleid.\n\n## Situatie\n",
        placeholders={"tasks": '\n  - process: publieke-zorg\n    what: ""'},  # a task to copy
    ),
)
