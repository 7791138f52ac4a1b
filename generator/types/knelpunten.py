"""Knelpunten: the bottlenecks that came up in sessions, with the practices that help.

Besides the contract's fields, a knelpunt can say who takes it up, by when, what the next step
is and how its status changed (`history`): the follow-through that lessons-learned systems
lack. The site shows how long a knelpunt has been open and whether its target date passed; the
practices that may answer it and the same knelpunt raised elsewhere come from
generator/related.py.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from pydantic import ConfigDict, Field

from generator.dates import DateField, PartialDate
from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import Facet, Graph, Key, Record, RecordType, Scaffold
from generator.related import Match, related, same_problems
from generator.render.formatting import badge, dutch_date, text
from generator.render.page import Page, add_body, add_summary, unique
from generator.render.suggestions import match_list
from generator.render.tables import RowGroup, stacked_table
from generator.schema import Paragraph, ProcessKey, RecordData, Strict, Taxonomy, Text
from generator.types.checks import unknown_keys
from generator.vocabulary import KNELPUNT_STATUS, KnelpuntStatus


class StatusChange(Strict):
    """Een wijziging van de stand van een knelpunt."""

    model_config = ConfigDict(title="Wijziging")

    date: DateField = Field(
        title="Datum", description="Datum van de wijziging (JJJJ-MM-DD, JJJJ-MM of JJJJ)."
    )
    status: KnelpuntStatus = Field(
        title="Status", description="De stand vanaf die datum: open, in-behandeling of opgelost."
    )
    note: Paragraph | None = Field(
        None, title="Toelichting", description="Toelichting: wat er gebeurde of is besloten."
    )


class Knelpunt(RecordData):
    """Een knelpunt dat in een sessie naar voren kwam."""

    status: KnelpuntStatus = Field(
        "open", title="Status", description="Stand: open, in-behandeling of opgelost."
    )
    date: DateField | None = Field(
        None, title="Datum", description="Datum; standaard de vroegste van de sessies."
    )
    sessions: list[str] = Field(
        [], title="Sessies", description="Sessies waar het knelpunt is genoemd (ids)."
    )
    regions: list[str] = Field([], title="Regio's", description="Regio's die het knelpunt ervaren.")
    processes: list[ProcessKey] = Field(
        [],
        title="Processen",
        description="Processen van de bevolkingszorg waar het speelt: sleutels uit "
        "content/taxonomy.yml.",
    )
    owner: Text | None = Field(
        None,
        title="Opgepakt door",
        description="Wie het knelpunt oppakt: een functie of organisatie, nooit de naam van "
        "een persoon.",
    )
    target_date: DateField | None = Field(
        None,
        title="Streefdatum",
        description="Streefdatum: wanneer het opgelost moet zijn (JJJJ-MM-DD, of JJJJ-MM of "
        "JJJJ: dan geldt het eind van die maand of dat jaar).",
    )
    next_step: Text | None = Field(
        None, title="Volgende stap", description="De volgende stap, in één zin."
    )
    history: list[StatusChange] = Field(
        [],
        title="Verloop",
        description="Verloop: elke wijziging van de stand, met date, status en note.",
    )


def check(record: Record[Knelpunt], taxonomy: Taxonomy | None) -> list[Diagnostic]:
    """Processes come from the taxonomy (when it could be read)."""
    if taxonomy is None:
        return []
    return unknown_keys(
        record.raw, ("processes",), record.data.processes, taxonomy.processes, "onbekend-proces"
    )


def near_duplicates(
    knelpunten: Sequence[Record[Knelpunt]], every: Mapping[Key, Record[Any]]
) -> list[Diagnostic]:
    """A knelpunt that is most likely one recorded before (generator/related.py, `SAME`) is
    reported on the newer file, naming the older. Every visibility counts: a draft is what an
    editor is about to add."""
    sessions = {k.id: r for k, r in every.items() if k.type.name == "sessions"}
    ages = {r.key: _age(r, sessions) for r in knelpunten}
    by_key = {r.key: r for r in knelpunten}
    problems = []
    for record, matches in same_problems(knelpunten).items():
        older = [m for m in matches if ages[m.key] < ages[record]]
        if not older:
            continue
        mine, other = by_key[record], by_key[older[0].key]
        position = mine.raw.position(("title",))
        problems.append(
            diagnostic(
                "lijkt-op-knelpunt", mine.path, position, title=other.title, other=other.path
            )
        )
    return problems


def _age(record: Record[Knelpunt], sessions: Mapping[str, Record[Any]]) -> tuple[date, bool, str]:
    """Older first: by the date it was raised (its own, or its sessions'), a draft after a
    record that is not, then by file."""
    days = [record.data.date] if record.data.date else []
    if not days:
        days = [sessions[s].data.date for s in record.data.sessions if s in sessions]
    first = min((d.first_day for d in days if d), default=date.max)
    return first, record.visibility == "draft", record.path


# Follow-through: how long it is open, whether its target passed (against the day the graph
# is made for, `Graph.today`), its status on a day.


def last_day(value: PartialDate) -> date:
    """The last day of a date's period: 2016-06 -> 30 June 2016, 2016 -> 31 December 2016."""
    if value.day is not None or value.month is None:
        return value.first_day if value.day else date(value.year, 12, 31)
    return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])


def open_since(data: Knelpunt, raised: PartialDate | None) -> PartialDate | None:
    """Since when it is unresolved: since it was raised (or its first recorded change), or
    since it was reopened after it was solved. None when solved, or when its history ends in
    a solution that `status` contradicts (the reopening is not recorded)."""
    if data.status == "opgelost":
        return None
    changes = sorted(data.history, key=lambda c: c.date)
    since = min((d for d in (raised, changes[0].date if changes else None) if d), default=None)
    for change in changes:
        if change.status == "opgelost":
            since = None
        elif since is None:
            since = change.date
    return since


def is_overdue(data: Knelpunt, day: date) -> bool:
    """Unresolved, and its target date is past."""
    return data.status != "opgelost" and bool(data.target_date) and _past(data, day)


def status_on(data: Knelpunt, day: date) -> KnelpuntStatus:
    """Its status at the end of `day` by its history; without history, its status now."""
    changes = sorted((c for c in data.history if c.date.first_day <= day), key=lambda c: c.date)
    if changes:
        return changes[-1].status
    return "open" if data.history else data.status


def unanswered(graph: Graph, day: date | None = None) -> list[Record[Knelpunt]]:
    """Knelpunten that are not solved and that no practice `addresses`: now, or at the end of
    `day` (raised by then, unresolved by their history, no such practice recorded by then)."""
    found = []
    for record in graph.of_type(KNELPUNTEN):
        raised = graph.dates.get(record.key)
        if day is not None and raised and raised.first_day > day:
            continue
        status = record.data.status if day is None else status_on(record.data, day)
        solutions = [
            key
            for key in graph.incoming(record.key, "practices", "addresses")
            if day is None or not (d := graph.dates.get(key)) or d.first_day <= day
        ]
        if status != "opgelost" and not solutions:
            found.append(record)
    return found


def _past(data: Knelpunt, day: date) -> bool:
    return data.target_date is not None and last_day(data.target_date) < day


def page(page: Page, record: Record[Knelpunt]) -> None:
    data, graph, key = record.data, page.graph, record.key
    when = graph.dates.get(key)
    since = open_since(data, when)
    page.facts(
        [
            ("Status", _status_badge(data)),
            ("Open sinds", text(dutch_date(since)) if since else ""),
            ("Datum", text(dutch_date(when)) if when and when != since else ""),
            ("Opgepakt door", text(data.owner or "")),
            ("Streefdatum", _target(data, graph.today)),
            ("Volgende stap", text(data.next_step or "")),
            ("Regio's", page.refs(graph.outgoing(key, "regions"))),
            ("Thema's", page.themes(data.themes)),
            ("Processen", page.processes(data.processes)),
        ]
    )
    add_summary(page, record)
    add_body(page, record)
    # A practice the body already names (often under "Wat helpt") shows there, not twice.
    in_body = graph.named_in_text(key)
    confirmed = graph.incoming(key, "practices", "addresses")
    unnamed = [k for k in confirmed if k not in in_body]
    if unnamed or not confirmed:
        page.record_list(
            "Oplossingen", unnamed, empty="Voor dit knelpunt is nog geen praktijk vastgelegd."
        )
    found = related(graph)
    suggested = found.suggestions.get(key, ())
    match_list(
        page,
        "Voorgestelde praktijken",
        [m for m in suggested if m.key not in in_body],
        intro="Praktijken die op dit knelpunt lijken, gevonden door de kennisbank aan wat ze "
        "delen: thema's, incidenten, processen, regio's en woorden. De redactie heeft ze "
        "(nog) niet als oplossing bevestigd.",
        # Only when it found none: what it found and the text names already shows there.
        empty=""
        if suggested
        else "De kennisbank vond geen andere praktijk die genoeg op dit knelpunt lijkt.",
    )
    _recurrences(page, found.recurrences.get(key, ()))
    _history(page, data)
    page.record_list("Besproken in", unique(graph.outgoing(key, "sessions")))


def _recurrences(page: Page, matches: Sequence[Match]) -> None:
    if not matches:
        return
    graph = page.graph
    page.heading(2, "Ook genoemd in", searchable=False)
    page.add("Hetzelfde knelpunt lijkt ook elders naar voren te zijn gekomen:", "")
    cards = []
    for match in matches:
        where = [*graph.outgoing(match.key, "sessions"), *graph.outgoing(match.key, "regions")]
        cards.append((match.key, f"Genoemd in {page.refs(where)}" if where else ""))
    page.cards(cards)


def _history(page: Page, data: Knelpunt) -> None:
    if not data.history:
        return
    page.heading(2, "Verloop", searchable=False)
    rows = [
        [
            text(dutch_date(change.date)),
            badge("status", change.status, KNELPUNT_STATUS.label(change.status)),
            text(change.note or ""),
        ]
        for change in sorted(data.history, key=lambda c: c.date)
    ]
    caption = "Hoe de stand van dit knelpunt veranderde, van oud naar nieuw"
    page.add(*stacked_table(caption, ["Datum", "Stand", "Toelichting"], [RowGroup("", rows)]), "")


def _target(data: Knelpunt, today: date) -> str:
    if data.target_date is None:
        return ""
    shown = text(dutch_date(data.target_date))
    return f"{shown} {_overdue_badge()}" if is_overdue(data, today) else shown


def _overdue_badge() -> str:
    return badge("termijn", "verstreken", "Streefdatum verstreken")


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
    check=check,
    check_all=near_duplicates,
    details=lambda data: [_status_badge(data)],
    facets=(Facet("status", lambda record: [record.data.status], KNELPUNT_STATUS),),
    nested=(("Een wijziging in `history`", StatusChange),),
    scaffold=Scaffold(body="## Wat er knelt\n\n## Mogelijke oplossingen\n"),
)
