"""Knelpunten: the bottlenecks that came up in sessions, with the practices that help."""

from __future__ import annotations

from pydantic import Field

from generator.model import Facet, Record, RecordType, Scaffold
from generator.render.formatting import badge, dutch_date, text
from generator.render.page import Page, add_body, add_summary, unique
from generator.schema import LenientDate, RecordData
from generator.vocabulary import KNELPUNT_STATUS, KnelpuntStatus


class Knelpunt(RecordData):
    """Een knelpunt dat in een sessie naar voren kwam."""

    status: KnelpuntStatus = Field(
        "open", title="Status", description="Stand: open, in-behandeling of opgelost."
    )
    date: LenientDate | None = Field(
        None, title="Datum", description="Datum; standaard de vroegste van de sessies."
    )
    sessions: list[str] = Field(
        [], title="Sessies", description="Sessies waar het knelpunt is genoemd (ids)."
    )
    regions: list[str] = Field([], title="Regio's", description="Regio's die het knelpunt ervaren.")


def page(page: Page, record: Record[Knelpunt]) -> None:
    data, graph, key = record.data, page.graph, record.key
    when = graph.dates.get(key)
    page.facts(
        [
            ("Status", _status_badge(data)),
            ("Datum", text(dutch_date(when)) if when else ""),
            ("Regio's", page.refs(graph.outgoing(key, "regions"))),
            ("Thema's", page.themes(data.themes)),
        ]
    )
    add_summary(page, record)
    add_body(page, record)
    page.record_list(
        "Oplossingen",
        graph.incoming(key, "practices", "addresses"),
        empty="Voor dit knelpunt is nog geen praktijk vastgelegd.",
    )
    page.record_list("Besproken in", unique(graph.outgoing(key, "sessions")))


def _status_badge(data: Knelpunt) -> str:
    return badge("status", data.status, KNELPUNT_STATUS.label(data.status))


KNELPUNTEN = RecordType(
    name="knelpunten",
    schema=Knelpunt,
    singular="Knelpunt",
    plural="Knelpunten",
    section="knelpunten",
    where="een knelpunt",
    missing="geen bestaand knelpunt",
    aliases=("knelpunt",),
    intro="Knelpunten die in sessies naar voren kwamen, met de praktijken die helpen.",
    page=page,
    references={"sessions": "sessions", "regions": "regions"},
    date_field="date",
    date_from="sessions",
    details=lambda data: [_status_badge(data)],
    facets=(Facet("status", lambda record: [record.data.status], KNELPUNT_STATUS),),
    scaffold=Scaffold(body="## Wat er knelt\n\n## Mogelijke oplossingen\n"),
)
