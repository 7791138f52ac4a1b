"""Regions: the 25 safety regions and their progress in implementing BZOO 2.0."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import ConfigDict, Field

from generator.dates import DateField
from generator.diagnostics import Diagnostic
from generator.messages import diagnostic
from generator.model import Facet, Graph, Key, Record, RecordType, Scaffold
from generator.render import addresses
from generator.render.formatting import badge, dutch_date, text
from generator.render.page import Page, add_body, add_summary, unique
from generator.schema import Paragraph, RecordData, Strict, Taxonomy, Text, ThemeKey
from generator.types.checks import unknown_keys
from generator.vocabulary import (
    PROGRESS_STATUS,
    Edition,
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


# "Veiligheidsregio Utrecht" is "Utrecht" to the people who work there, and Gelderland-Midden
# is a "Veiligheids- en Gezondheidsregio".
_PREFIX = re.compile(r"^(veiligheids(?:-\s+en\s+gezondheids)?regio)\s+(?=\S)", re.IGNORECASE)
ProgressState = Literal["openbaar", "niet-openbaar", "geen-melding"]
# The three kinds of record a region's page lists, with their one and many.
_RELATED = (
    ("sessions", "Sessies", "sessie", "sessies"),
    ("practices", "Praktijken", "praktijk", "praktijken"),
    ("knelpunten", "Knelpunten", "knelpunt", "knelpunten"),
)


def short_name(title: str) -> str:
    """The name people use: the title without "Veiligheidsregio" in front."""
    return _PREFIX.sub("", title.strip()) or title


def progress_state(record: Record[Region], edition: Edition) -> ProgressState:
    """What an edition may say of a region's progress as a whole: its statuses ("openbaar"),
    only that it assessed them ("niet-openbaar"), or that it reported nothing ("geen-melding").
    Depends on whether there are assessments and on the region's choice, never on what they
    say (generator/progress.py, README "Disclosure control")."""
    if not record.data.progress:
        return "geen-melding"
    if shows_region_progress(edition, record.data.progress_visibility):
        return "openbaar"
    return "niet-openbaar"


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
    related = {name: graph.incoming(key, name, "regions") for name, *_ in _RELATED}
    _known(page, record, related)
    _progress(page, record)
    for name, title, *_ in _RELATED:
        page.record_list(title, related[name])
    if not any(related.values()):
        _empty(page, record)
    feed = page.feed(addresses.record_feed(key))
    if feed:
        page.heading(2, "Volgen", searchable=False)
        page.add(
            f"Nieuwe sessies, praktijken en knelpunten van {text(short_name(record.title))} "
            f"volgen? Neem de [nieuwsfeed van deze regio]({feed}) op in uw feedlezer; "
            f"[Abonneren]({page.to(addresses.SUBSCRIBE)}) legt uit hoe dat gaat.",
            "",
        )


def _known(page: Page, record: Record[Region], related: dict[str, tuple[Key, ...]]) -> None:
    """One short list that says what the knowledge base holds on the region, and what not."""
    page.heading(2, "Wat de kennisbank over deze regio weet", searchable=False)
    items = [f"- {_counted(len(related[name]), one, many)}" for name, _, one, many in _RELATED]
    state = progress_state(record, page.graph.edition)
    if state == "openbaar":
        themes = len({a.theme for a in record.data.progress})
        counted = _counted(themes, "thema", "thema's")
        shown = f"{counted} beoordeeld, openbaar (hieronder)"
    else:
        shown = "beoordeeld, maar niet openbaar" if state == "niet-openbaar" else "geen melding"
    items.append(f"- Voortgang BZOO 2.0: {text(shown)}")
    page.add(*items, "")


def _progress(page: Page, record: Record[Region]) -> None:
    page.heading(2, "Voortgang BZOO 2.0")
    name = text(short_name(record.title))
    national = f"[Voortgang van de invoering]({page.to(addresses.PROGRESS)})"
    state = progress_state(record, page.graph.edition)
    if state == "niet-openbaar":
        # The same words whatever the region reported: only that it did (disclosure rule).
        page.add(
            f"{name} heeft haar voortgang beoordeeld, maar deelt die niet openbaar. In het "
            f"landelijke overzicht ({national}) telt alleen mee dat zij haar voortgang "
            "beoordeelde, niet hoe ver zij is.",
            "",
        )
        return
    if state == "geen-melding":
        page.add(
            f"{name} heeft nog geen voortgang gemeld. Hoe het hele land ervoor staat, leest u "
            f"in {national}.",
            "",
        )
        return
    # A list, not a table: the notes are paragraphs, which a table on a phone squeezes into a
    # column out of view.
    for item in sorted(record.data.progress, key=lambda a: (a.date, a.theme)):
        status = badge("voortgang", item.status, PROGRESS_STATUS.label(item.status))
        line = f"- **{text(dutch_date(item.date))}** · {page.theme(item.theme)} · {status}"
        page.add(line + (f"  \n  {text(item.note)}" if item.note else ""))
    page.blank()
    page.add(f"Hoe het hele land ervoor staat, leest u in {national}.", "")


def _empty(page: Page, record: Record[Region]) -> None:
    """An empty region's page says so, and where to look or how to add something."""
    page.heading(2, "Nog geen sessies, praktijken of knelpunten", searchable=False)
    page.add(
        f"Er staan nog geen sessies, praktijken of knelpunten van "
        f"{text(short_name(record.title))} in de kennisbank.",
        "",
        f"- Zoekt u voorbeelden? Bekijk de [praktijken]({page.to('praktijken/index.md')}) en "
        f"[knelpunten]({page.to('knelpunten/index.md')}) van andere regio's, of kies een "
        f"[thema]({page.to(addresses.themes_index())}).",
        "- Heeft deze regio een sessie gehouden of een praktijk die anderen verder helpt? "
        f"[Zo draagt u bij]({page.to('bijdragen.md')}).",
        "",
    )


def index_details(graph: Graph, record: Record[Region]) -> list[str]:
    """For the regions index: its full name, and how much the knowledge base holds on it."""
    counts = [
        _counted(len(graph.incoming(record.key, name, "regions")), one, many)
        for name, _, one, many in _RELATED
        if graph.incoming(record.key, name, "regions")
    ]
    state = progress_state(record, graph.edition)
    if state == "openbaar":
        counts.append("voortgang openbaar")
    elif state == "niet-openbaar":
        counts.append("voortgang niet openbaar")
    return [text(record.title), text(", ".join(counts) if counts else "nog geen inhoud")]


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


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
    short_title=lambda data: short_name(data.title),
    index_details=index_details,
    withheld=lambda edition, data: (
        () if shows_region_progress(edition, data.progress_visibility) else ("progress",)
    ),
    # A region's own page belongs to the region, beside the records that name it.
    facets=(Facet("regio", lambda record: [record.key.id]),),
    nested=(("Een beoordeling in `progress`", Assessment),),
    scaffold=Scaffold(placeholders={"code": '""'}),
)
