"""Sessions: the interregional meetings, with their write-up (verslag) as the body."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from pydantic import Field

from generator.dates import DateField
from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import Facet, Key, Record, RecordType, Scaffold
from generator.render.formatting import badge, dutch_date, text
from generator.render.page import Page, add_body, add_summary, sort_keys
from generator.schema import RecordData, Taxonomy, Text
from generator.vocabulary import SESSION_KIND, SessionKind

MAX_PARTICIPANTS = 15  # the session format's maximum


class Session(RecordData):
    """Een sessie (bijeenkomst) met het verslag als tekst."""

    date: DateField = Field(
        title="Datum",
        description="Dag van de sessie (JJJJ-MM-DD); JJJJ-MM of JJJJ als de bron alleen de "
        "maand of het jaar noemt.",
    )
    kind: SessionKind = Field(
        title="Soort", description="Soort: regionaal, thematisch, leerarena of pilot."
    )
    regions: Annotated[list[str], Field(min_length=1)] = Field(
        title="Regio's",
        description="Deelnemende regio's: id of code (VRU); een regionale sessie heeft er 2 of 3.",
    )
    location: Text | None = Field(None, title="Plaats", description="Plaats van de sessie.")
    participants: Annotated[int, Field(ge=0)] | None = Field(
        None,
        title="Aantal deelnemers",
        description="Aantal deelnemers; het format gaat uit van hoogstens 15.",
    )
    incident: str | None = Field(
        None,
        title="Standaardincident",
        description="Het standaardincident dat in de sessie is uitgewerkt (id).",
    )
    project: str | None = Field(
        None, title="Project", description="Het project waar de sessie bij hoort (id)."
    )


def check(record: Record[Session], taxonomy: Taxonomy | None) -> list[Diagnostic]:
    """The contract's warnings: a session is for at most 15 people; a regional one for 2-3
    neighbouring regions."""
    data, raw, problems = record.data, record.raw, []
    if data.participants is not None and data.participants > MAX_PARTICIPANTS:
        position = raw.position(("participants",))
        problems.append(
            diagnostic("te-veel-deelnemers", raw.path, position, count=data.participants)
        )
    if data.kind == "regionaal" and not 2 <= len(data.regions) <= 3:
        position = raw.position(("regions",), key=True)
        problems.append(
            diagnostic("regionaal-aantal-regios", raw.path, position, count=len(data.regions))
        )
    return problems


def page(page: Page, record: Record[Session]) -> None:
    """The session's publication, top to bottom: its facts, the summary, the write-up, then
    what it yielded as cards. The facts come first and once: a body often has an "Over deze
    sessie" of its own, so the page adds no heading that could repeat one of the body's."""
    data, graph, key = record.data, page.graph, record.key
    participants = "" if data.participants is None else str(data.participants)
    page.facts(
        [
            ("Soort", _kind_badge(data)),
            ("Datum", text(dutch_date(data.date))),
            ("Plaats", text(data.location or "")),
            ("Deelnemers", participants),
            ("Regio's", page.refs(graph.outgoing(key, "regions"))),
            ("Standaardincident", page.refs(graph.outgoing(key, "incident"))),
            ("Project", page.refs(graph.outgoing(key, "project"))),
            ("Thema's", page.themes(data.themes)),
        ]
    )
    add_summary(page, record)
    add_body(page, record, "Verslag")
    # What the write-up already names, with its link, is not listed a second time.
    in_body = graph.named_in_text(key)
    # What a session yields: the practices and knelpunten that name it.
    for name in ("practices", "knelpunten"):
        _yielded(page, graph.incoming(key, name, "sessions"), in_body)


def _yielded(page: Page, keys: Sequence[Key], in_body: frozenset[Key]) -> None:
    """The records of one type from the session as cards, under a heading named after the type,
    leaving out those the write-up names (a sentence says how many it names)."""
    if not keys:
        return
    kind = keys[0].type
    named = sum(1 for k in keys if k in in_body)
    rest = [k for k in sort_keys(page.graph, keys) if k not in in_body]
    page.heading(2, f"{kind.plural} uit deze sessie", searchable=False)
    if named:
        noun, verb = (kind.singular, "staat") if named == 1 else (kind.plural, "staan")
        others = " De andere uit deze sessie:" if rest else ""
        page.add(
            f"{named} {noun.lower()} uit deze sessie {verb} met een link in het verslag "
            f"hierboven.{others}",
            "",
        )
    if rest:
        page.cards([(k, "") for k in rest])


def _kind_badge(data: Session) -> str:
    return badge("soort", data.kind, SESSION_KIND.label(data.kind))


SESSIONS = RecordType(
    name="sessions",
    schema=Session,
    singular="Sessie",
    plural="Sessies",
    section="sessies",
    where="een sessie",
    missing="geen bestaande sessie",
    aliases=("sessie", "sessies"),
    intro="Verslagen van de interregionale en thematische sessies en de leerarena's.",
    page=page,
    references={"regions": "regions", "incident": "incidents", "project": "projects"},
    date_field="date",
    check=check,
    details=lambda data: [_kind_badge(data)],
    facets=(Facet("soort", lambda record: [record.data.kind], SESSION_KIND),),
    scaffold=Scaffold(
        body="## Aanleiding\n\n## Wat is besproken\n\n## Opbrengst\n",
        placeholders={"kind": "regionaal", "regions": "[]"},
    ),
)
