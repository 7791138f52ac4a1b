"""Practices: good practices, tips and strengthening products brought in at sessions.

A practice is *beproefd* when it worked in a real incident: in a leerarena (a session of kind
`leerarena` in its `sessions`), or in an incident named in `proven_in` (with `proven_date`).
Its page says which, and lists the practices most like it (generator/related.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import Field

from generator.dates import DateField, PartialDate
from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import Facet, Graph, Key, Record, RecordType, Scaffold
from generator.related import related
from generator.render.formatting import badge, dutch_date, text
from generator.render.page import Page, add_body, add_summary
from generator.render.suggestions import match_list
from generator.schema import ProcessKey, RecordData, Taxonomy, Text
from generator.types.checks import unknown_keys
from generator.vocabulary import (
    PRACTICE_KIND,
    PRACTICE_STATUS,
    USE_FOR,
    PracticeKind,
    PracticeStatus,
    UseFor,
)


class Practice(RecordData):
    """Een goede praktijk, tip of versterkingsproduct."""

    kind: PracticeKind = Field(
        "good-practice",
        title="Soort",
        description="Soort: good-practice, tip of product (versterkingsproduct of -instrument).",
    )
    status: PracticeStatus = Field(
        "idee",
        title="Status",
        description="Stand: idee, toegepast of beproefd (bewezen bij een echt incident).",
    )
    date: DateField | None = Field(
        None,
        title="Datum",
        description="Datum van vastleggen; standaard de vroegste van de sessies.",
    )
    sessions: list[str] = Field(
        [], title="Sessies", description="Sessies waar de praktijk is ingebracht (ids)."
    )
    regions: list[str] = Field(
        [], title="Regio's", description="Regio's waar de praktijk vandaan komt."
    )
    role: Text | None = Field(
        None,
        title="Ingebracht door (functie)",
        description="Functie van de inbrenger, nooit de naam van een persoon.",
    )
    addresses: list[str] = Field(
        [], title="Helpt bij knelpunten", description="Knelpunten waar de praktijk bij helpt (ids)."
    )
    incidents: list[str] = Field(
        [], title="Standaardincidenten", description="Standaardincidenten waarvoor hij geldt (ids)."
    )
    use_for: list[UseFor] = Field(
        [],
        title="Bruikbaar voor",
        description="Bruikbaar voor: draaiboek, oefenen, evalueren, opleiden.",
    )
    processes: list[ProcessKey] = Field(
        [],
        title="Processen",
        description="Processen van de bevolkingszorg waar het om gaat: sleutels uit "
        "content/taxonomy.yml.",
    )
    proven_in: Text | None = Field(
        None,
        title="Beproefd bij",
        description="Het echte incident waarbij de praktijk werkte, als dat niet in een "
        "leerarena in 'sessions' was, in een paar woorden (geen namen van personen).",
    )
    proven_date: DateField | None = Field(
        None,
        title="Beproefd op",
        description="Wanneer dat incident was (JJJJ-MM-DD, JJJJ-MM of JJJJ).",
    )


def check(record: Record[Practice], taxonomy: Taxonomy | None) -> list[Diagnostic]:
    """Practices come from sessions: without one, where it came from can't be traced. Processes
    come from the taxonomy."""
    raw, problems = record.raw, []
    if not record.data.sessions:
        position = raw.position(("title",), key=True)
        problems.append(diagnostic("praktijk-zonder-sessie", raw.path, position))
    if taxonomy is not None:
        problems += unknown_keys(
            raw, ("processes",), record.data.processes, taxonomy.processes, "onbekend-proces"
        )
    return problems


def unproven(
    practices: Sequence[Record[Practice]], every: Mapping[Key, Record[Any]]
) -> list[Diagnostic]:
    """A practice that is beproefd says where: a leerarena in `sessions`, or `proven_in`."""
    arenas = {k.id for k, r in every.items() if k.type.name == "sessions" and _is_arena(r)}
    problems = []
    for record in practices:
        data = record.data
        if data.status != "beproefd" or data.proven_in or arenas.intersection(data.sessions):
            continue
        position = record.raw.position(("status",))
        problems.append(diagnostic("beproefd-zonder-bewijs", record.path, position))
    return problems


def proven_on(graph: Graph, record: Record[Practice]) -> PartialDate | None:
    """When it was first proven: its earliest leerarena, or `proven_date`; for a beproefde
    practice without either, its own date."""
    if record.data.status != "beproefd":
        return None
    days = [d for k in arenas_of(graph, record.key) if (d := graph.dates.get(k))]
    if record.data.proven_date:
        days.append(record.data.proven_date)
    return min(days, default=graph.dates.get(record.key))


def arenas_of(graph: Graph, key: Key) -> list[Key]:
    """The leerarena's among a practice's sessions."""
    return [k for k in graph.outgoing(key, "sessions") if _is_arena(graph.records[k])]


def _is_arena(session: Record[Any]) -> bool:
    return bool(getattr(session.data, "kind", None) == "leerarena")


def page(page: Page, record: Record[Practice]) -> None:
    data, graph, key = record.data, page.graph, record.key
    when = graph.dates.get(key)
    page.facts(
        [
            ("Soort", _kind_badge(data)),
            ("Status", _status_badge(data)),
            ("Datum", text(dutch_date(when)) if when else ""),
            ("Ingebracht door", text(data.role or "")),
            ("Beproefd in", _proof(page, record) if data.status == "beproefd" else ""),
            ("Regio's", page.refs(graph.outgoing(key, "regions"))),
            ("Thema's", page.themes(data.themes)),
            ("Processen", page.processes(data.processes)),
            ("Bruikbaar voor", text(", ".join(USE_FOR.label(u) for u in data.use_for))),
        ]
    )
    add_summary(page, record)
    add_body(page, record)
    page.record_list("Helpt bij deze knelpunten", graph.outgoing(key, "addresses"))
    page.record_list("Standaardincidenten", graph.outgoing(key, "incidents"))
    page.record_list("Besproken in", graph.outgoing(key, "sessions"))
    match_list(page, "Verwante praktijken", related(graph).alike.get(key, ()))


def _proof(page: Page, record: Record[Practice]) -> str:
    """'Leerarena na de brand (februari 2017); Informeren van ouders (2015)'."""
    graph, data = page.graph, record.data
    parts = []
    for arena in arenas_of(graph, record.key):
        day = graph.dates.get(arena)
        parts.append(page.ref(arena) + (f" ({text(dutch_date(day))})" if day else ""))
    if data.proven_in:
        day = data.proven_date
        parts.append(text(data.proven_in) + (f" ({text(dutch_date(day))})" if day else ""))
    return "; ".join(parts) or "niet vastgelegd"


def _kind_badge(data: Practice) -> str:
    return badge("soort", data.kind, PRACTICE_KIND.label(data.kind))


def _status_badge(data: Practice) -> str:
    return badge("status", data.status, PRACTICE_STATUS.label(data.status))


PRACTICES = RecordType(
    name="practices",
    schema=Practice,
    singular="Praktijk",
    plural="Praktijken",
    section="praktijken",
    where="een praktijk",
    missing="geen bestaande praktijk",
    aliases=("praktijk", "praktijken"),
    intro="Goede voorbeelden, tips en versterkingsproducten die regio's hebben ingebracht.",
    page=page,
    references={
        "sessions": "sessions",
        "regions": "regions",
        "addresses": "knelpunten",
        "incidents": "incidents",
    },
    date_field="date",
    date_from="sessions",
    check=check,
    check_all=unproven,
    details=lambda data: [_kind_badge(data), _status_badge(data)],
    facets=(
        Facet("status", lambda record: [record.data.status], PRACTICE_STATUS),
        Facet("soort", lambda record: [record.data.kind], PRACTICE_KIND),
    ),
    scaffold=Scaffold(body="## Wat het is\n\n## Waarom het werkt\n\n## Zo past u het toe\n"),
)
