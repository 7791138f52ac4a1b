"""Pages of the reference records: standard incidents, regions and projects."""

from __future__ import annotations

from datetime import date

from generator.model import Record, shows_region_progress
from generator.render.common import Page, add_body, add_summary, unique
from generator.render.formatting import badge, dutch_date, label, text
from generator.schema import Incident, Project, Region, Task


def incident_page(page: Page, record: Record) -> None:
    data = record.data
    assert isinstance(data, Incident)
    graph, key = page.graph, record.key
    page.facts(
        [
            ("Categorie", text(data.category or "")),
            ("Thema's", page.themes(data.themes)),
        ]
    )
    add_summary(page, record)
    add_body(page, record, "Scenario")
    page.heading(2, "Wat bevolkingszorg levert")
    for process, tasks in _tasks_by_process(page, data.tasks):
        page.heading(3, text(process))
        page.add("| Wat | Hoe | Norm |", "| --- | --- | --- |")
        for task in tasks:
            page.add(f"| {text(task.what)} | {text(task.how or '–')} | {text(task.norm or '–')} |")
        page.blank()
    page.record_list("Praktijken voor dit incident", graph.referring(key, "practices", "incidents"))
    page.record_list("Sessies over dit incident", graph.referring(key, "sessions", "incident"))


def region_page(page: Page, record: Record) -> None:
    data = record.data
    assert isinstance(data, Region)
    graph, key = page.graph, record.key
    # Partnership is mutual on the site, whichever of the two regions recorded it.
    partners = unique(
        [*graph.referred(key, "partners"), *graph.referring(key, "regions", "partners")]
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
            status = badge("voortgang", item.status, label("progress_status", item.status))
            page.add(
                f"| {text(dutch_date(item.date))} | {page.theme(item.theme)} | {status} "
                f"| {text(item.note or '–')} |"
            )
        page.blank()
    page.record_list("Sessies", graph.referring(key, "sessions", "regions"))
    page.record_list("Praktijken", graph.referring(key, "practices", "regions"))
    page.record_list("Knelpunten", graph.referring(key, "knelpunten", "regions"))


def project_page(page: Page, record: Record) -> None:
    data = record.data
    assert isinstance(data, Project)
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
    page.record_list("Sessies", page.graph.referring(record.key, "sessions", "project"))


def _tasks_by_process(page: Page, tasks: list[Task]) -> list[tuple[str, list[Task]]]:
    """Tasks grouped by process label, in the taxonomy's order of processes."""
    processes = page.graph.taxonomy.processes
    order = {key: index for index, key in enumerate(processes)}
    grouped: dict[str, list[Task]] = {}
    for task in tasks:
        grouped.setdefault(task.process, []).append(task)
    keys = sorted(grouped, key=lambda k: (order.get(k, len(order)), k))
    return [(processes[k].label if k in processes else k, grouped[k]) for k in keys]


def _period(start: date | int | None, end: date | int | None) -> str:
    def shown(value: date | int | None) -> str:
        if value is None:
            return "?"
        return dutch_date(value) if isinstance(value, date) else str(value)

    if start is None and end is None:
        return ""
    return f"{shown(start)} – {shown(end)}" if end is not None else f"vanaf {shown(start)}"
