"""Record pages: every field as people read it, the body, and every relation in both directions."""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Graph, Record
from generator.render import addresses
from generator.render.common import Page, add_body, add_summary, unique
from generator.render.formatting import (
    badge,
    dutch_date,
    frontmatter,
    label,
    text,
    visibility_banner,
)
from generator.render.records import incident_page, project_page, region_page
from generator.schema import Knelpunt, Practice, Session


def record_page(graph: Graph, record: Record) -> str:
    page = Page(graph, addresses.page_path(record.key))
    meta: dict[str, object] = {"title": record.title}
    if record.data.summary:
        meta["description"] = " ".join(record.data.summary.split())
    # The type as a tag: Material shows tags in search results, so visitors see what they found.
    meta["tags"] = [addresses.TYPE_NAMES[record.key.type][0]]
    page.add(frontmatter(meta))
    page.add(f"# {text(record.title)}", "")
    banner = visibility_banner(record.visibility)
    if banner:
        page.add(banner)
    RENDERERS[record.key.type](page, record)
    return page.render()


def session_page(page: Page, record: Record) -> None:
    data = record.data
    assert isinstance(data, Session)
    graph, key = page.graph, record.key
    regions = graph.referred(key, "regions")
    # The opening line of the publication: what, when, who.
    opening = [
        badge("soort", data.kind, label("session_kind", data.kind)),
        text(dutch_date(data.date)),
    ]
    if data.location:
        opening.append(text(data.location))
    page.add(" · ".join(opening), "")
    add_summary(page, record)
    add_body(page, record, "Verslag")
    practices = graph.referring(key, "practices", "sessions")
    knelpunten = graph.referring(key, "knelpunten", "sessions")
    page.record_list("Opbrengst: praktijken uit deze sessie", practices)
    page.record_list("Knelpunten uit deze sessie", knelpunten)
    page.heading(2, "Over deze sessie")
    participants = "" if data.participants is None else str(data.participants)
    page.facts(
        [
            ("Datum", text(dutch_date(data.date))),
            ("Soort", badge("soort", data.kind, label("session_kind", data.kind))),
            ("Plaats", text(data.location or "")),
            ("Deelnemers", participants),
            ("Regio's", page.refs(regions)),
            ("Standaardincident", page.refs(graph.referred(key, "incident"))),
            ("Project", page.refs(graph.referred(key, "project"))),
            ("Thema's", page.themes(data.themes)),
        ]
    )


def practice_page(page: Page, record: Record) -> None:
    data = record.data
    assert isinstance(data, Practice)
    graph, key = page.graph, record.key
    when = graph.dates.get(key)
    page.facts(
        [
            ("Soort", badge("soort", data.kind, label("practice_kind", data.kind))),
            ("Status", badge("status", data.status, label("practice_status", data.status))),
            ("Datum", text(dutch_date(when)) if when else ""),
            ("Ingebracht door", text(data.role or "")),
            ("Regio's", page.refs(graph.referred(key, "regions"))),
            ("Thema's", page.themes(data.themes)),
            ("Bruikbaar voor", text(", ".join(label("use_for", u) for u in data.use_for))),
        ]
    )
    add_summary(page, record)
    add_body(page, record)
    page.record_list("Helpt bij deze knelpunten", graph.referred(key, "addresses"))
    page.record_list("Standaardincidenten", graph.referred(key, "incidents"))
    page.record_list("Besproken in", graph.referred(key, "sessions"))


def knelpunt_page(page: Page, record: Record) -> None:
    data = record.data
    assert isinstance(data, Knelpunt)
    graph, key = page.graph, record.key
    when = graph.dates.get(key)
    page.facts(
        [
            ("Status", badge("status", data.status, label("knelpunt_status", data.status))),
            ("Datum", text(dutch_date(when)) if when else ""),
            ("Regio's", page.refs(graph.referred(key, "regions"))),
            ("Thema's", page.themes(data.themes)),
        ]
    )
    add_summary(page, record)
    add_body(page, record)
    page.record_list(
        "Oplossingen",
        graph.referring(key, "practices", "addresses"),
        empty="Voor dit knelpunt is nog geen praktijk vastgelegd.",
    )
    page.record_list("Besproken in", unique(graph.referred(key, "sessions")))


RENDERERS: dict[str, Callable[[Page, Record], None]] = {
    "sessions": session_page,
    "practices": practice_page,
    "knelpunten": knelpunt_page,
    "incidents": incident_page,
    "regions": region_page,
    "projects": project_page,
}
