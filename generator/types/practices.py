"""Practices: good practices, tips and strengthening products brought in at sessions."""

from __future__ import annotations

from pydantic import Field

from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import Facet, Record, RecordType, Scaffold
from generator.render.formatting import badge, dutch_date, text
from generator.render.page import Page, add_body, add_summary
from generator.schema import LenientDate, RecordData, Taxonomy, Text
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
    date: LenientDate | None = Field(
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


def check(record: Record[Practice], taxonomy: Taxonomy) -> list[Diagnostic]:
    """Practices come from sessions: without one, where it came from can't be traced."""
    if record.data.sessions:
        return []
    raw = record.raw
    return [diagnostic("praktijk-zonder-sessie", raw.path, raw.position(("title",), key=True))]


def page(page: Page, record: Record[Practice]) -> None:
    data, graph, key = record.data, page.graph, record.key
    when = graph.dates.get(key)
    page.facts(
        [
            ("Soort", _kind_badge(data)),
            ("Status", _status_badge(data)),
            ("Datum", text(dutch_date(when)) if when else ""),
            ("Ingebracht door", text(data.role or "")),
            ("Regio's", page.refs(graph.outgoing(key, "regions"))),
            ("Thema's", page.themes(data.themes)),
            ("Bruikbaar voor", text(", ".join(USE_FOR.label(u) for u in data.use_for))),
        ]
    )
    add_summary(page, record)
    add_body(page, record)
    page.record_list("Helpt bij deze knelpunten", graph.outgoing(key, "addresses"))
    page.record_list("Standaardincidenten", graph.outgoing(key, "incidents"))
    page.record_list("Besproken in", graph.outgoing(key, "sessions"))


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
    intro="Good practices, tips en versterkingsproducten die regio's hebben ingebracht.",
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
    details=lambda data: [_kind_badge(data), _status_badge(data)],
    facets=(
        Facet("status", lambda record: [record.data.status], PRACTICE_STATUS),
        Facet("soort", lambda record: [record.data.kind], PRACTICE_KIND),
    ),
    scaffold=Scaffold(body="## Wat het is\n\n## Waarom het werkt\n\n## Zo pas je het toe\n"),
)
